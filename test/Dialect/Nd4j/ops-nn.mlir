// RUN: nd4j-opt %s | nd4j-opt | FileCheck %s
// RUN: nd4j-opt %s --mlir-print-op-generic | nd4j-opt | FileCheck %s

// The nn ops parse, verify, print and parse again.

// CHECK-LABEL: nd4j.graph @deconv
nd4j.graph @deconv {
  %x = nd4j.placeholder "x" : tensor<1x3x4x5xf32>
  %w = nd4j.placeholder "w" : tensor<3x3x2x3xf32>
  %b = nd4j.placeholder "b" : tensor<2xf32>
  %xn = nd4j.placeholder "xn" : tensor<1x4x5x3xf32>
  // CHECK: nd4j.deconv2d %{{.*}}, %{{.*}}, %{{.*}} {{.*}} : (tensor<1x3x4x5xf32>, tensor<3x3x2x3xf32>, tensor<2xf32>) -> tensor<1x2x7x11xf32>
  %y = nd4j.deconv2d %x, %w, %b {kH = 3, kW = 3, sH = 2, sW = 2, pH = 1, pW = 0,
                                 dH = 1, dW = 1, isSameMode = 0, isNCHW = 0}
       : (tensor<1x3x4x5xf32>, tensor<3x3x2x3xf32>, tensor<2xf32>) -> tensor<1x2x7x11xf32>
  // SAME mode, NHWC, kernel taken from the weights.
  // CHECK: nd4j.deconv2d %{{.*}}, %{{.*}} {{.*}} : (tensor<1x4x5x3xf32>, tensor<3x3x2x3xf32>) -> tensor<1x8x10x2xf32>
  %z = nd4j.deconv2d %xn, %w {kH = 0, kW = 0, sH = 2, sW = 2, pH = 0, pW = 0,
                              dH = 1, dW = 1, isSameMode = 1, isNCHW = 1}
       : (tensor<1x4x5x3xf32>, tensor<3x3x2x3xf32>) -> tensor<1x8x10x2xf32>
  nd4j.output "y" = %y, "z" = %z : tensor<1x2x7x11xf32>, tensor<1x8x10x2xf32>
}

// CHECK-LABEL: nd4j.graph @lrn
nd4j.graph @lrn {
  %x = nd4j.placeholder "x" : tensor<1x4x4x8xf32>
  // CHECK: nd4j.lrn %{{.*}} {alpha = 1.000000e-04 : f64, beta = 5.000000e-01 : f64, bias = 2.000000e+00 : f64, depth = 1 : i64} : (tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
  %y = nd4j.lrn %x {depth = 1, bias = 2.0, alpha = 1.0e-4, beta = 0.5} : (tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
  nd4j.output "y" = %y : tensor<1x4x4x8xf32>
}

// CHECK-LABEL: nd4j.graph @deconv3d
nd4j.graph @deconv3d {
  %x = nd4j.placeholder "x" : tensor<1x1x3x4x5xf32>
  %w = nd4j.placeholder "w" : tensor<3x3x3x2x1xf32>
  // CHECK: nd4j.deconv3d %{{.*}}, %{{.*}} {{.*}} : (tensor<1x1x3x4x5xf32>, tensor<3x3x3x2x1xf32>) -> tensor<1x2x5x6x7xf32>
  %y = nd4j.deconv3d %x, %w {kD = 3, kH = 3, kW = 3, sD = 1, sH = 1, sW = 1, pD = 0, pH = 0, pW = 0,
                             dD = 1, dH = 1, dW = 1, isSameMode = 0, isNCDHW = 0}
       : (tensor<1x1x3x4x5xf32>, tensor<3x3x3x2x1xf32>) -> tensor<1x2x5x6x7xf32>
  nd4j.output "y" = %y : tensor<1x2x5x6x7xf32>
}

// CHECK-LABEL: nd4j.graph @image_resize
nd4j.graph @image_resize {
  %x = nd4j.placeholder "x" : tensor<1x2x2x3xf32>
  %s = nd4j.placeholder "s" : tensor<2xi64>
  %c = nd4j.constant dense<[4, 6]> : tensor<2xi32>
  // CHECK: nd4j.image_resize %{{.*}}, %{{.*}} {{.*}} : (tensor<1x2x2x3xf32>, tensor<2xi64>) -> tensor<1x?x?x3xf32>
  %y = nd4j.image_resize %x, %s {method = 1, coorMode = 1, nearestMode = 1, bicubicCoefficient = -0.75,
                                 preserveAspectRatio = false, antialias = false, exclude_outside = false}
       : (tensor<1x2x2x3xf32>, tensor<2xi64>) -> tensor<1x?x?x3xf32>
  // A constant size gives the extents.
  // CHECK: nd4j.image_resize %{{.*}}, %{{.*}} {{.*}} : (tensor<1x2x2x3xf32>, tensor<2xi32>) -> tensor<1x4x6x3xf32>
  %z = nd4j.image_resize %x, %c {method = 2, coorMode = 1, nearestMode = 0, bicubicCoefficient = -0.5,
                                 preserveAspectRatio = false, antialias = false, exclude_outside = true}
       : (tensor<1x2x2x3xf32>, tensor<2xi32>) -> tensor<1x4x6x3xf32>
  nd4j.output "y" = %y, "z" = %z : tensor<1x?x?x3xf32>, tensor<1x4x6x3xf32>
}
