// RUN: nd4j-opt %s --convert-nd4j-to-exec | FileCheck %s

// conv2d fills i_args kH kW sH sW pH pW dH dW isSameMode isNCHW wFormat; the
// pools kH kW sH sW pH pW dH dW isSameMode extraParam0 isNCHW.

// CHECK-LABEL: nd4j_exec.graph @conv_pool
nd4j.graph @conv_pool {
  // CHECK: %[[X:.*]] = nd4j_exec.placeholder "x"
  %x = nd4j.placeholder "x" : tensor<1x3x16x16xf32>
  // CHECK: %[[W:.*]] = nd4j_exec.constant "w" dense<1.000000e+00> : tensor<8x3x5x3xf32>
  %w = nd4j.constant dense<1.0> : tensor<8x3x5x3xf32> {name = "w"}
  // CHECK: %[[B:.*]] = nd4j_exec.constant "b" dense<0.000000e+00> : tensor<8xf32>
  %b = nd4j.constant dense<0.0> : tensor<8xf32> {name = "b"}
  // CHECK: %[[C:.*]] = nd4j_exec.node "conv2d" <custom>(%[[X]], %[[W]], %[[B]]) i_args [5, 3, 2, 1, 2, 1, 1, 2, 0, 0, 1] {name = "conv"} : (tensor<1x3x16x16xf32>, tensor<8x3x5x3xf32>, tensor<8xf32>) -> tensor<1x8x8x14xf32>
  %c = nd4j.conv2d %x, %w, %b {kH = 5, kW = 3, sH = 2, sW = 1, pH = 2, pW = 1,
                               dH = 1, dW = 2, isSameMode = 0, isNCHW = 0, wFormat = 1}
       : (tensor<1x3x16x16xf32>, tensor<8x3x5x3xf32>, tensor<8xf32>) -> tensor<1x8x8x14xf32> loc("conv")
  // Without bias, SAME mode, NHWC with [kH, kW, iC, oC] weights.
  // CHECK: %[[XN:.*]] = nd4j_exec.placeholder "x_nhwc"
  %xn = nd4j.placeholder "x_nhwc" : tensor<1x16x16x3xf32>
  // CHECK: %[[WN:.*]] = nd4j_exec.constant "w_hwio"
  %wn = nd4j.constant dense<1.0> : tensor<3x3x3x4xf32> {name = "w_hwio"}
  // CHECK: nd4j_exec.node "conv2d" <custom>(%[[XN]], %[[WN]]) i_args [3, 3, 2, 2, 0, 0, 1, 1, 1, 1, 0] {name = "conv_same", output_names = ["same"]} : (tensor<1x16x16x3xf32>, tensor<3x3x3x4xf32>) -> tensor<1x8x8x4xf32>
  %cs = nd4j.conv2d %xn, %wn {kH = 3, kW = 3, sH = 2, sW = 2, pH = 0, pW = 0,
                              dH = 1, dW = 1, isSameMode = 1, isNCHW = 1, wFormat = 0}
       : (tensor<1x16x16x3xf32>, tensor<3x3x3x4xf32>) -> tensor<1x8x8x4xf32> loc("conv_same")
  // CHECK: nd4j_exec.node "maxpool2d" <custom>(%[[C]]) i_args [2, 2, 2, 2, 0, 0, 1, 1, 0, 0, 0] {name = "maxpool", output_names = ["max"]} : (tensor<1x8x8x14xf32>) -> tensor<1x8x4x7xf32>
  %mp = nd4j.maxpool2d %c {kH = 2, kW = 2, sH = 2, sW = 2, pH = 0, pW = 0, dH = 1, dW = 1,
                           isSameMode = 0, extraParam0 = 0, isNCHW = 0}
       : (tensor<1x8x8x14xf32>) -> tensor<1x8x4x7xf32> loc("maxpool")
  // CHECK: nd4j_exec.node "avgpool2d" <custom>(%[[C]]) i_args [3, 3, 1, 1, 1, 1, 1, 1, 0, 1, 0] {name = "avgpool", output_names = ["avg"]} : (tensor<1x8x8x14xf32>) -> tensor<1x8x8x14xf32>
  %ap = nd4j.avgpool2d %c {kH = 3, kW = 3, sH = 1, sW = 1, pH = 1, pW = 1, dH = 1, dW = 1,
                           isSameMode = 0, extraParam0 = 1, isNCHW = 0}
       : (tensor<1x8x8x14xf32>) -> tensor<1x8x8x14xf32> loc("avgpool")
  // CHECK: nd4j_exec.node "depthwise_conv2d" <custom>({{.*}}) i_args [3, 3, 1, 1, 1, 1, 1, 1, 0, 0] {name = "dw"}
  %dww = nd4j.constant dense<1.0> : tensor<3x3x8x2xf32> {name = "dw_w"}
  %dw = nd4j.depthwise_conv2d %c, %dww {kH = 3, kW = 3, sH = 1, sW = 1, pH = 1, pW = 1, dH = 1, dW = 1,
                                        isSameMode = 0, isNCHW = 0}
        : (tensor<1x8x8x14xf32>, tensor<3x3x8x2xf32>) -> tensor<1x16x8x14xf32> loc("dw")
  nd4j.output "max" = %mp, "avg" = %ap, "same" = %cs : tensor<1x8x4x7xf32>, tensor<1x8x8x14xf32>, tensor<1x8x8x4xf32>
}
