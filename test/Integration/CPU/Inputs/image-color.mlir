// Colour-space conversions, hue adjustment (TensorFlow's formulas) and C's
// remainder.
nd4j_exec.graph @color {
  %x = nd4j_exec.constant "x" dense<[[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.5, 0.5, 0.5], [0.2, 0.4, 0.8]]> : tensor<4x3xf32>
  %d = nd4j_exec.constant "d" dense<0.3333333> : tensor<f32>
  %a = nd4j_exec.constant "a" dense<[-7, 7, -7, 7]> : tensor<4xi32>
  %b = nd4j_exec.constant "b" dense<[3, -3, -3, 3]> : tensor<4xi32>
  %hsv = nd4j_exec.node "rgb_to_hsv" <custom>(%x) i_args [1] {name = "hsv"} : (tensor<4x3xf32>) -> tensor<4x3xf32>
  %rgb = nd4j_exec.node "hsv_to_rgb" <custom>(%hsv) i_args [1] {name = "rgb"} : (tensor<4x3xf32>) -> tensor<4x3xf32>
  %hue = nd4j_exec.node "adjust_hue" <custom>(%x, %d) i_args [1] {name = "hue"} : (tensor<4x3xf32>, tensor<f32>) -> tensor<4x3xf32>
  %m = nd4j_exec.node "mod" <custom>(%a, %b) {name = "m"} : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  nd4j_exec.return %hsv, %rgb, %hue, %m : tensor<4x3xf32>, tensor<4x3xf32>, tensor<4x3xf32>, tensor<4xi32>
}
