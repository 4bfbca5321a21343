// An op without a CPU lowering (errors.test).
nd4j_exec.graph @g {
  %x = nd4j_exec.placeholder "x" : tensor<2xf32>
  %y = nd4j_exec.node "no_such_op" <custom>(%x) {name = "n"} : (tensor<2xf32>) -> tensor<2xf32>
  nd4j_exec.return %y : tensor<2xf32>
}
