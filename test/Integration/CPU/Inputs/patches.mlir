// extract_image_patches of a 3x3 one-channel image with 2x2 windows.
nd4j_exec.graph @patches {
  %x = nd4j_exec.constant "x" dense<[[[[1.0], [2.0], [3.0]], [[4.0], [5.0], [6.0]], [[7.0], [8.0], [9.0]]]]> : tensor<1x3x3x1xf32>
  %v = nd4j_exec.node "extract_image_patches" <custom>(%x) i_args [2, 2, 1, 1, 1, 1, 0] {name = "valid"} : (tensor<1x3x3x1xf32>) -> tensor<1x2x2x4xf32>
  %s = nd4j_exec.node "extract_image_patches" <custom>(%x) i_args [2, 2, 2, 2, 1, 1, 1] {name = "same"} : (tensor<1x3x3x1xf32>) -> tensor<1x2x2x4xf32>
  %r = nd4j_exec.node "extract_image_patches" <custom>(%x) i_args [2, 2, 1, 1, 2, 2, 0] {name = "rate"} : (tensor<1x3x3x1xf32>) -> tensor<1x1x1x4xf32>
  nd4j_exec.return %v, %s, %r : tensor<1x2x2x4xf32>, tensor<1x2x2x4xf32>, tensor<1x1x1x4xf32>
}
