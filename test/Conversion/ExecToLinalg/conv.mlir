// RUN: nd4j-opt %s -split-input-file --convert-exec-to-linalg | FileCheck %s

// conv2d NCHW, OIHW weights (wFormat 1): the input padded by a gather
// generic, the named convolution over a zero fill, the bias along C.
// CHECK-LABEL: func.func @conv2d_pad_bias(
// CHECK: %[[P:.*]] = linalg.generic {{.*}} outs(%{{.*}} : tensor<1x2x7x7xf32>)
// CHECK: tensor.extract %arg0
// CHECK: arith.select
// CHECK: %[[F:.*]] = linalg.fill
// CHECK: %[[C:.*]] = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%[[P]], %arg1 : tensor<1x2x7x7xf32>, tensor<4x2x3x3xf32>) outs(%[[F]] : tensor<1x4x3x3xf32>)
// CHECK: linalg.generic {indexing_maps = [#[[ID:.*]], #[[C1:.*]], #[[ID]]], {{.*}} ins(%[[C]], %arg2 : tensor<1x4x3x3xf32>, tensor<4xf32>)
// CHECK: arith.addf
nd4j_exec.graph @conv2d_pad_bias {
  %x = nd4j_exec.placeholder "x" : tensor<1x2x5x5xf32>
  %w = nd4j_exec.placeholder "w" : tensor<4x2x3x3xf32>
  %b = nd4j_exec.placeholder "b" : tensor<4xf32>
  %y = nd4j_exec.node "conv2d" <custom>(%x, %w, %b) i_args [3, 3, 2, 2, 1, 1, 1, 1, 0, 0, 1] {name = "y"} : (tensor<1x2x5x5xf32>, tensor<4x2x3x3xf32>, tensor<4xf32>) -> tensor<1x4x3x3xf32>
  nd4j_exec.return %y : tensor<1x4x3x3xf32>
}

// -----

// NHWC input and [kH, kW, iC, oC] weights (wFormat 0) are transposed to
// the NCHW/FCHW form and the result back.
// CHECK-LABEL: func.func @conv2d_nhwc(
// CHECK: %[[X:.*]] = linalg.transpose ins(%arg0 : tensor<1x5x5x2xf32>) {{.*}} permutation = [0, 3, 1, 2]
// CHECK: %[[W:.*]] = linalg.transpose ins(%arg1 : tensor<3x3x2x4xf32>) {{.*}} permutation = [3, 2, 0, 1]
// CHECK: %[[C:.*]] = linalg.conv_2d_nchw_fchw {{.*}} ins(%{{.*}}, %[[W]] : tensor<1x2x7x7xf32>, tensor<4x2x3x3xf32>)
// CHECK: linalg.transpose ins(%[[C]] : tensor<1x4x5x5xf32>) {{.*}} permutation = [0, 2, 3, 1]
nd4j_exec.graph @conv2d_nhwc {
  %x = nd4j_exec.placeholder "x" : tensor<1x5x5x2xf32>
  %w = nd4j_exec.placeholder "w" : tensor<3x3x2x4xf32>
  %y = nd4j_exec.node "conv2d" <custom>(%x, %w) i_args [3, 3, 1, 1, 0, 0, 1, 1, 1, 1, 0] {name = "y"} : (tensor<1x5x5x2xf32>, tensor<3x3x2x4xf32>) -> tensor<1x5x5x4xf32>
  nd4j_exec.return %y : tensor<1x5x5x4xf32>
}

// -----

// conv3dnew: [kD, kH, kW, iC, oC] weights become FCDHW; no padding, no pad.
// CHECK-LABEL: func.func @conv3d(
// CHECK: %[[W:.*]] = linalg.transpose ins(%arg1 : tensor<2x2x2x2x3xf32>) {{.*}} permutation = [4, 3, 0, 1, 2]
// CHECK-NOT: linalg.generic
// CHECK: linalg.conv_3d_ncdhw_fcdhw {{.*}} ins(%arg0, %[[W]] : tensor<1x2x4x4x4xf32>, tensor<3x2x2x2x2xf32>)
nd4j_exec.graph @conv3d {
  %x = nd4j_exec.placeholder "x" : tensor<1x2x4x4x4xf32>
  %w = nd4j_exec.placeholder "w" : tensor<2x2x2x2x3xf32>
  %y = nd4j_exec.node "conv3dnew" <custom>(%x, %w) i_args [2, 2, 2, 1, 1, 1, 0, 0, 0, 1, 1, 1, 0, 0] {name = "y"} : (tensor<1x2x4x4x4xf32>, tensor<2x2x2x2x3xf32>) -> tensor<1x3x3x3x3xf32>
  nd4j_exec.return %y : tensor<1x3x3x3x3xf32>
}

// -----

// depthwise_conv2d with multiplier 2: channels-last hwcm, output channel
// c * m + j by collapsing [C, m]; the bias along the last dimension.
// CHECK: #[[$LAST:.*]] = affine_map<(d0, d1, d2, d3) -> (d3)>
// CHECK-LABEL: func.func @depthwise(
// CHECK: %[[X:.*]] = linalg.transpose ins(%arg0 : tensor<1x3x5x5xf32>) {{.*}} permutation = [0, 2, 3, 1]
// CHECK: %[[D:.*]] = linalg.depthwise_conv_2d_nhwc_hwcm {{.*}} ins(%[[X]], %arg1 : tensor<1x5x5x3xf32>, tensor<3x3x3x2xf32>) outs(%{{.*}} : tensor<1x3x3x3x2xf32>)
// CHECK: %[[R:.*]] = tensor.collapse_shape %[[D]] {{\[}}[0], [1], [2], [3, 4]] : tensor<1x3x3x3x2xf32> into tensor<1x3x3x6xf32>
// CHECK: %[[B:.*]] = linalg.generic {indexing_maps = [#{{.*}}, #[[$LAST]], #{{.*}}], {{.*}} ins(%[[R]], %arg2 : tensor<1x3x3x6xf32>, tensor<6xf32>)
// CHECK: linalg.transpose ins(%[[B]] : tensor<1x3x3x6xf32>) {{.*}} permutation = [0, 3, 1, 2]
nd4j_exec.graph @depthwise {
  %x = nd4j_exec.placeholder "x" : tensor<1x3x5x5xf32>
  %w = nd4j_exec.placeholder "w" : tensor<3x3x3x2xf32>
  %b = nd4j_exec.placeholder "b" : tensor<6xf32>
  %y = nd4j_exec.node "depthwise_conv2d" <custom>(%x, %w, %b) i_args [3, 3, 1, 1, 0, 0, 1, 1, 0, 0] {name = "y"} : (tensor<1x3x5x5xf32>, tensor<3x3x3x2xf32>, tensor<6xf32>) -> tensor<1x6x3x3xf32>
  nd4j_exec.return %y : tensor<1x6x3x3xf32>
}

// -----

// deconv2d: the kernel flipped and its channels swapped by one generic,
// the input spread by the stride (7 = 5 + 3 - 1 long), a stride-1 conv.
// CHECK: #[[$FLIP:.*]] = affine_map<(d0, d1, d2, d3) -> (-d2 + 2, -d3 + 2, d0, d1)>
// CHECK-LABEL: func.func @deconv2d(
// CHECK: %[[W:.*]] = linalg.generic {indexing_maps = [#[[$FLIP]], {{.*}} ins(%arg1 : tensor<3x3x2x1xf32>) outs(%{{.*}} : tensor<2x1x3x3xf32>)
// CHECK: %[[S:.*]] = linalg.generic {{.*}} outs(%{{.*}} : tensor<1x1x7x7xf32>)
// CHECK: arith.remsi
// CHECK: arith.divsi
// CHECK: tensor.extract %arg0
// CHECK: linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%[[S]], %[[W]] : tensor<1x1x7x7xf32>, tensor<2x1x3x3xf32>) outs(%{{.*}} : tensor<1x2x5x5xf32>)
nd4j_exec.graph @deconv2d {
  %x = nd4j_exec.placeholder "x" : tensor<1x1x3x3xf32>
  %w = nd4j_exec.placeholder "w" : tensor<3x3x2x1xf32>
  %y = nd4j_exec.node "deconv2d" <custom>(%x, %w) i_args [3, 3, 2, 2, 1, 1, 1, 1, 0, 0] {name = "y"} : (tensor<1x1x3x3xf32>, tensor<3x3x2x1xf32>) -> tensor<1x2x5x5xf32>
  nd4j_exec.return %y : tensor<1x2x5x5xf32>
}

// -----

// SAME max pooling pads the odd row at the end with -inf and starts from it.
// CHECK-LABEL: func.func @maxpool_same(
// CHECK: %[[P:.*]] = linalg.generic {{.*}} outs(%{{.*}} : tensor<1x3x6x6xf32>)
// CHECK: %[[F:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<1x3x3x3xf32>)
// CHECK: %[[K:.*]] = tensor.empty() : tensor<2x2xf32>
// CHECK: linalg.pooling_nchw_max {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%[[P]], %[[K]] : tensor<1x3x6x6xf32>, tensor<2x2xf32>) outs(%[[F]] : tensor<1x3x3x3xf32>)
nd4j_exec.graph @maxpool_same {
  %x = nd4j_exec.placeholder "x" : tensor<1x3x5x5xf32>
  %y = nd4j_exec.node "maxpool2d" <custom>(%x) i_args [2, 2, 2, 2, 0, 0, 1, 1, 1, 0, 0] {name = "y"} : (tensor<1x3x5x5xf32>) -> tensor<1x3x3x3xf32>
  nd4j_exec.return %y : tensor<1x3x3x3xf32>
}

// -----

// extraParam0 = 0 excludes padding: the sum divided by the product of the
// per-dimension counts of taps inside the input.
// CHECK-DAG: #[[$H:.*]] = affine_map<(d0, d1, d2, d3) -> (d2)>
// CHECK-DAG: #[[$W:.*]] = affine_map<(d0, d1, d2, d3) -> (d3)>
// CHECK-LABEL: func.func @avgpool_exclude(
// CHECK: %[[S:.*]] = linalg.pooling_nchw_sum
// CHECK: arith.constant dense<[2.000000e+00, 3.000000e+00, 3.000000e+00, 2.000000e+00]> : tensor<4xf32>
// CHECK: linalg.generic {indexing_maps = [#{{.*}}, #[[$H]], #[[$W]], #{{.*}}], {{.*}} ins(%[[S]], %{{.*}}, %{{.*}} : tensor<1x3x4x4xf32>, tensor<4xf32>, tensor<4xf32>)
// CHECK: arith.mulf
// CHECK: arith.divf
nd4j_exec.graph @avgpool_exclude {
  %x = nd4j_exec.placeholder "x" : tensor<1x3x4x4xf32>
  %y = nd4j_exec.node "avgpool2d" <custom>(%x) i_args [3, 3, 1, 1, 1, 1, 1, 1, 0, 0, 0] {name = "y"} : (tensor<1x3x4x4xf32>) -> tensor<1x3x4x4xf32>
  nd4j_exec.return %y : tensor<1x3x4x4xf32>
}

// -----

// 3-D pools are channels-last in linalg; extraParam0 = 1 divides by kD*kH*kW.
// CHECK-LABEL: func.func @avgpool3d(
// CHECK: %[[X:.*]] = linalg.transpose ins(%arg0 : tensor<1x2x4x4x4xf32>) {{.*}} permutation = [0, 2, 3, 4, 1]
// CHECK: %[[S:.*]] = linalg.pooling_ndhwc_sum {dilations = dense<1> : vector<3xi64>, strides = dense<2> : vector<3xi64>} ins(%[[X]], %{{.*}} : tensor<1x4x4x4x2xf32>, tensor<2x2x2xf32>)
// CHECK: %[[A:.*]] = linalg.generic {{.*}} ins(%[[S]] : tensor<1x2x2x2x2xf32>)
// CHECK: arith.constant 8.000000e+00 : f32
// CHECK: arith.divf
// CHECK: linalg.transpose ins(%[[A]] : tensor<1x2x2x2x2xf32>) {{.*}} permutation = [0, 4, 1, 2, 3]
nd4j_exec.graph @avgpool3d {
  %x = nd4j_exec.placeholder "x" : tensor<1x2x4x4x4xf32>
  %y = nd4j_exec.node "avgpool3dnew" <custom>(%x) i_args [2, 2, 2, 2, 2, 2, 0, 0, 0, 1, 1, 1, 0, 1, 0] {name = "y"} : (tensor<1x2x4x4x4xf32>) -> tensor<1x2x2x2x2xf32>
  nd4j_exec.return %y : tensor<1x2x2x2x2xf32>
}

// -----

// Unsigned max pooling: linalg's unsigned pool (channels-last), from 0.
// CHECK-LABEL: func.func @maxpool_u8(
// CHECK: %[[Z:.*]] = arith.constant 0 : i8
// CHECK: %[[F:.*]] = linalg.fill ins(%[[Z]] : i8)
// CHECK: linalg.pooling_nhwc_max_unsigned {{.*}} outs(%[[F]] : tensor<1x2x2x1xi8>)
nd4j_exec.graph @maxpool_u8 {
  %x = nd4j_exec.placeholder "x" : tensor<1x1x4x4xui8>
  %y = nd4j_exec.node "maxpool2d" <custom>(%x) i_args [2, 2, 2, 2, 0, 0, 1, 1, 0, 0, 0] {name = "y"} : (tensor<1x1x4x4xui8>) -> tensor<1x1x2x2xui8>
  nd4j_exec.return %y : tensor<1x1x2x2xui8>
}
