// RUN: nd4j-opt %s --convert-nd4j-to-exec | FileCheck %s

// The nn ops' libnd4j names and slots. deconv2d fills i_args kH kW sH sW pH
// pW dH dW isSameMode isNCHW (0 for channels first).

// CHECK-LABEL: nd4j_exec.graph @nn
nd4j.graph @nn {
  // CHECK: %[[X:.*]] = nd4j_exec.placeholder "x"
  %x = nd4j.placeholder "x" : tensor<1x3x4x5xf32>
  // CHECK: %[[W:.*]] = nd4j_exec.placeholder "w"
  %w = nd4j.placeholder "w" : tensor<3x2x2x3xf32>
  // CHECK: %[[B:.*]] = nd4j_exec.placeholder "b"
  %b = nd4j.placeholder "b" : tensor<2xf32>
  // CHECK: nd4j_exec.node "deconv2d" <custom>(%[[X]], %[[W]], %[[B]]) i_args [3, 2, 2, 1, 1, 0, 1, 2, 0, 0] {{.*}}: (tensor<1x3x4x5xf32>, tensor<3x2x2x3xf32>, tensor<2xf32>) -> tensor<1x2x7x7xf32>
  %y = nd4j.deconv2d %x, %w, %b {kH = 3, kW = 2, sH = 2, sW = 1, pH = 1, pW = 0,
                                 dH = 1, dW = 2, isSameMode = 0, isNCHW = 0}
       : (tensor<1x3x4x5xf32>, tensor<3x2x2x3xf32>, tensor<2xf32>) -> tensor<1x2x7x7xf32>
  // lrn: i_args depth; t_args bias alpha beta.
  // CHECK: nd4j_exec.node "lrn" <custom>(%{{.*}}) t_args [2.000000e+00, 1.000000e-04, 7.500000e-01] i_args [2] {{.*}}: (tensor<1x4x5x3xf32>) -> tensor<1x4x5x3xf32>
  %xn = nd4j.placeholder "xn" : tensor<1x4x5x3xf32>
  %l = nd4j.lrn %xn {depth = 2, bias = 2.0, alpha = 1.0e-4, beta = 0.75} : (tensor<1x4x5x3xf32>) -> tensor<1x4x5x3xf32>
  // deconv3d: kD kH kW sD sH sW pD pH pW dD dH dW isSameMode isNCDHW.
  // CHECK: nd4j_exec.node "deconv3d" <custom>(%{{.*}}, %{{.*}}) i_args [3, 2, 1, 1, 2, 1, 0, 1, 0, 1, 1, 2, 0, 0] {{.*}}: (tensor<1x1x3x4x5xf32>, tensor<3x2x1x2x1xf32>) -> tensor<1x2x5x6x5xf32>
  %x3 = nd4j.placeholder "x3" : tensor<1x1x3x4x5xf32>
  %w3 = nd4j.placeholder "w3" : tensor<3x2x1x2x1xf32>
  %d = nd4j.deconv3d %x3, %w3 {kD = 3, kH = 2, kW = 1, sD = 1, sH = 2, sW = 1, pD = 0, pH = 1, pW = 0,
                               dD = 1, dH = 1, dW = 2, isSameMode = 0, isNCDHW = 0}
       : (tensor<1x1x3x4x5xf32>, tensor<3x2x1x2x1xf32>) -> tensor<1x2x5x6x5xf32>
  // image_resize: i_args method coorMode nearestMode; t_args
  // bicubicCoefficient; b_args preserveAspectRatio antialias exclude_outside.
  // CHECK: nd4j_exec.node "image_resize" <custom>(%{{.*}}, %{{.*}}) t_args [-5.000000e-01] i_args [2, 1, 0] b_args [false, false, true] {{.*}}: (tensor<1x4x5x3xf32>, tensor<2xi64>) -> tensor<1x?x?x3xf32>
  %sz = nd4j.placeholder "sz" : tensor<2xi64>
  %r = nd4j.image_resize %xn, %sz {method = 2, coorMode = 1, nearestMode = 0, bicubicCoefficient = -0.5,
                                   preserveAspectRatio = false, antialias = false, exclude_outside = true}
       : (tensor<1x4x5x3xf32>, tensor<2xi64>) -> tensor<1x?x?x3xf32>
  nd4j.output "y" = %y, "l" = %l, "d" = %d, "r" = %r : tensor<1x2x7x7xf32>, tensor<1x4x5x3xf32>, tensor<1x2x5x6x5xf32>, tensor<1x?x?x3xf32>
}
