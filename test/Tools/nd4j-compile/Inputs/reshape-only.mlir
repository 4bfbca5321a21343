// A graph whose only work is a copy (a reshape): no kernel on a GPU.
nd4j_exec.graph @copy {
  %a = nd4j_exec.placeholder "a" : tensor<4x8xf32>
  %r = nd4j_exec.node "reshape" <custom>(%a) i_args [8, 4] {name = "out", output_names = ["out"]} : (tensor<4x8xf32>) -> tensor<8x4xf32>
  nd4j_exec.return %r : tensor<8x4xf32>
}
