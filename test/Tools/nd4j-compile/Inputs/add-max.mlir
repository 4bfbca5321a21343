// A small nd4j_exec graph (broadcast add, maximum) for the NVPTX tests.
nd4j_exec.graph @g {
  %a = nd4j_exec.placeholder "a" : tensor<4x8xf32>
  %b = nd4j_exec.placeholder "b" : tensor<8xf32>
  %s = nd4j_exec.node "add" <custom>(%a, %b) {name = "s"} : (tensor<4x8xf32>, tensor<8xf32>) -> tensor<4x8xf32>
  %m = nd4j_exec.node "maximum" <custom>(%s, %a) {name = "out", output_names = ["out"]} : (tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  nd4j_exec.return %m : tensor<4x8xf32>
}
