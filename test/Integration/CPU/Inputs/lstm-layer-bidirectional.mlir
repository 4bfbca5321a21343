// lstmLayer with directionMode 3 (bidirectional, outputs concatenated):
// weights [2, nIn, 4 nOut], results [sL, bS, 2 nOut] and [2, bS, nOut].
nd4j_exec.graph @lstm_bidirectional {
  %x = nd4j_exec.placeholder "x" : tensor<3x2x2xf32>
  %wx = nd4j_exec.constant "wx" dense<0.1> : tensor<2x2x8xf32>
  %wr = nd4j_exec.constant "wr" dense<0.2> : tensor<2x2x8xf32>
  %h:2 = nd4j_exec.node "lstmLayer" <custom>(%x, %wx, %wr) i_args [0, 3, 2, 0, 0] b_args [false, false, false, false, false, true, true, false] {name = "lstm"} : (tensor<3x2x2xf32>, tensor<2x2x8xf32>, tensor<2x2x8xf32>) -> (tensor<*xf32>, tensor<*xf32>)
  nd4j_exec.return %h#0, %h#1 : tensor<*xf32>, tensor<*xf32>
}
