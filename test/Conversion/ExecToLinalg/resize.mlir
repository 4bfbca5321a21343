// RUN: nd4j-opt %s -split-input-file --convert-exec-to-linalg | FileCheck %s

// image_resize bilinear, half-pixel: one generic over the NHWC output whose
// body clamps the source coordinate into the image and blends 2x2 taps.
// CHECK-LABEL: func.func @bilinear(
// CHECK: linalg.generic {{.*}} outs(%{{.*}} : tensor<1x8x6x3xf32>)
// CHECK: arith.maximumf
// CHECK: arith.minimumf
// CHECK: math.floor
// CHECK-COUNT-4: tensor.extract %arg0
nd4j_exec.graph @bilinear {
  %x = nd4j_exec.placeholder "x" : tensor<1x4x3x3xf32>
  %s = nd4j_exec.constant "s" dense<[8, 6]> : tensor<2xi64>
  %y = nd4j_exec.node "image_resize" <custom>(%x, %s) t_args [-7.500000e-01] i_args [0, 1, 0] b_args [false, false, false] {name = "y"} : (tensor<1x4x3x3xf32>, tensor<2xi64>) -> tensor<1x8x6x3xf32>
  nd4j_exec.return %y : tensor<1x8x6x3xf32>
}

// -----

// Nearest with round-half-down: one tap, integer images stay integer.
// CHECK-LABEL: func.func @nearest(
// CHECK: linalg.generic {{.*}} outs(%{{.*}} : tensor<2x4x4x1xi32>)
// CHECK: math.ceil
// CHECK: tensor.extract %arg0
// CHECK-NOT: tensor.extract
// CHECK: linalg.yield
nd4j_exec.graph @nearest {
  %x = nd4j_exec.placeholder "x" : tensor<2x2x2x1xi32>
  %s = nd4j_exec.constant "s" dense<[4, 4]> : tensor<2xi64>
  %y = nd4j_exec.node "image_resize" <custom>(%x, %s) t_args [-7.500000e-01] i_args [1, 0, 1] b_args [false, false, false] {name = "y"} : (tensor<2x2x2x1xi32>, tensor<2xi64>) -> tensor<2x4x4x1xi32>
  nd4j_exec.return %y : tensor<2x4x4x1xi32>
}

// -----

// Bicubic reads 4x4 taps.
// CHECK-LABEL: func.func @bicubic(
// CHECK: linalg.generic
// CHECK-COUNT-16: tensor.extract %arg0
nd4j_exec.graph @bicubic {
  %x = nd4j_exec.placeholder "x" : tensor<1x4x4x1xf32>
  %s = nd4j_exec.constant "s" dense<[8, 8]> : tensor<2xi64>
  %y = nd4j_exec.node "image_resize" <custom>(%x, %s) t_args [-5.000000e-01] i_args [2, 0, 0] b_args [false, false, true] {name = "y"} : (tensor<1x4x4x1xf32>, tensor<2xi64>) -> tensor<1x8x8x1xf32>
  nd4j_exec.return %y : tensor<1x8x8x1xf32>
}
