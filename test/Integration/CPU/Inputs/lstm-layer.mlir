// libnd4j lstmLayer on its own: [sL, bS, nIn] input (data format 0),
// backward (directionMode 1), biases, no initial states or peepholes, cell
// clipping at 0.5, sigmoid gates, tanh cell, softsign output (ids 2, 0, 9);
// the full sequence, the last output and the last cell state.
nd4j_exec.graph @lstm {
  %x = nd4j_exec.placeholder "x" : tensor<3x2x2xf32>
  %wx = nd4j_exec.constant "wx" dense<[[-0.83, -0.53, 0.60, 0.16, -0.81, -0.13, -0.04, -0.68], [0.47, -0.77, -0.22, 0.03, -0.14, 0.17, 0.48, 0.91]]> : tensor<2x8xf32>
  %wr = nd4j_exec.constant "wr" dense<[[-0.43, 0.30, 0.39, -0.41, -1.00, 0.95, -0.40, -0.37], [0.78, 0.17, -0.06, 0.55, -0.94, 0.41, -0.25, -0.82]]> : tensor<2x8xf32>
  %b = nd4j_exec.constant "b" dense<[0.32, 0.86, -0.59, 0.26, -0.40, 0.48, 0.44, -0.56]> : tensor<8xf32>
  %h:3 = nd4j_exec.node "lstmLayer" <custom>(%x, %wx, %wr, %b) t_args [0.5] i_args [0, 1, 2, 0, 9] b_args [true, false, false, false, false, true, true, true] {name = "lstm"} : (tensor<3x2x2xf32>, tensor<2x8xf32>, tensor<2x8xf32>, tensor<8xf32>) -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>)
  nd4j_exec.return %h#0, %h#1, %h#2 : tensor<*xf32>, tensor<*xf32>, tensor<*xf32>
}
