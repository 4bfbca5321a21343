// RUN: nd4j-opt %s | nd4j-opt | FileCheck %s
// RUN: nd4j-opt %s --mlir-print-op-generic | nd4j-opt | FileCheck %s

// Every op of the nd4j dialect parses, verifies, prints and parses again.

// CHECK-LABEL: nd4j.graph @elementwise
nd4j.graph @elementwise {
  // CHECK: %[[A:.*]] = nd4j.placeholder "a" : tensor<2x3xf32>
  %a = nd4j.placeholder "a" : tensor<2x3xf32>
  // CHECK: %[[B:.*]] = nd4j.placeholder "b" : tensor<3xf32>
  %b = nd4j.placeholder "b" : tensor<3xf32>
  // CHECK: %[[ADD:.*]] = nd4j.add %[[A]], %[[B]] : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %0 = nd4j.add %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  // CHECK: %[[SUB:.*]] = nd4j.subtract %[[ADD]], %[[A]] : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %1 = nd4j.subtract %0, %a : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: %[[MUL:.*]] = nd4j.multiply %[[SUB]], %[[B]] : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %2 = nd4j.multiply %1, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  // CHECK: %[[DIV:.*]] = nd4j.divide %[[MUL]], %[[B]] : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %3 = nd4j.divide %2, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  // CHECK: %[[RELU:.*]] = nd4j.relu %[[DIV]] {cutoff = 5.000000e-01 : f64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %4 = nd4j.relu %3 {cutoff = 0.5 : f64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: %[[SIG:.*]] = nd4j.sigmoid %[[RELU]] : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %5 = nd4j.sigmoid %4 : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: %[[TANH:.*]] = nd4j.tanh %[[SIG]] : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %6 = nd4j.tanh %5 : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: %[[SM:.*]] = nd4j.softmax %[[TANH]] {dimension = -1 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %7 = nd4j.softmax %6 {dimension = -1} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: %[[ID:.*]] = nd4j.identity %[[SM]] : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %8 = nd4j.identity %7 : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j.output "y" = %[[ID]], "z" = %[[ADD]] : tensor<2x3xf32>, tensor<2x3xf32>
  nd4j.output "y" = %8, "z" = %0 : tensor<2x3xf32>, tensor<2x3xf32>
}

// Broadcasting with unknown dimensions keeps `?` where nothing is known.
// CHECK-LABEL: nd4j.graph @dynamic_broadcast
nd4j.graph @dynamic_broadcast {
  %a = nd4j.placeholder "a" : tensor<?x3xf32>
  %b = nd4j.placeholder "b" : tensor<4x1x1xf32>
  // CHECK: nd4j.add {{.*}} : (tensor<?x3xf32>, tensor<4x1x1xf32>) -> tensor<4x?x3xf32>
  %0 = nd4j.add %a, %b : (tensor<?x3xf32>, tensor<4x1x1xf32>) -> tensor<4x?x3xf32>
  nd4j.output "y" = %0 : tensor<4x?x3xf32>
}

// CHECK-LABEL: nd4j.graph @conv_pool
nd4j.graph @conv_pool {
  %x = nd4j.placeholder "x" : tensor<?x3x32x32xf32>
  // CHECK: %[[W:.*]] = nd4j.constant dense<1.000000e+00> : tensor<8x3x3x3xf32> {name = "w"}
  %w = nd4j.constant dense<1.0> : tensor<8x3x3x3xf32> {name = "w"}
  // CHECK: %[[B:.*]] = nd4j.constant dense_resource<bias> : tensor<8xf32>
  %b = nd4j.constant dense_resource<bias> : tensor<8xf32>
  // CHECK: nd4j.conv2d %{{.*}}, %[[W]], %[[B]] {dH = 1 : i64, dW = 1 : i64, isNCHW = 0 : i64, isSameMode = 0 : i64, kH = 3 : i64, kW = 3 : i64, pH = 1 : i64, pW = 1 : i64, sH = 2 : i64, sW = 2 : i64, wFormat = 1 : i64} : (tensor<?x3x32x32xf32>, tensor<8x3x3x3xf32>, tensor<8xf32>) -> tensor<?x8x16x16xf32>
  %c = nd4j.conv2d %x, %w, %b {kH = 3, kW = 3, sH = 2, sW = 2, pH = 1, pW = 1,
                               dH = 1, dW = 1, isSameMode = 0, isNCHW = 0, wFormat = 1}
       : (tensor<?x3x32x32xf32>, tensor<8x3x3x3xf32>, tensor<8xf32>) -> tensor<?x8x16x16xf32>
  // CHECK: nd4j.conv2d %{{.*}}, %[[W]] {{.*}} : (tensor<?x3x32x32xf32>, tensor<8x3x3x3xf32>) -> tensor<?x8x32x32xf32>
  %same = nd4j.conv2d %x, %w {kH = 3, kW = 3, sH = 1, sW = 1, pH = 0, pW = 0,
                              dH = 1, dW = 1, isSameMode = 1, isNCHW = 0, wFormat = 1}
       : (tensor<?x3x32x32xf32>, tensor<8x3x3x3xf32>) -> tensor<?x8x32x32xf32>
  // CHECK: nd4j.maxpool2d {{.*}} : (tensor<?x8x16x16xf32>) -> tensor<?x8x8x8xf32>
  %p = nd4j.maxpool2d %c {kH = 2, kW = 2, sH = 2, sW = 2, pH = 0, pW = 0, dH = 1, dW = 1,
                          isSameMode = 0, extraParam0 = 0, isNCHW = 0}
       : (tensor<?x8x16x16xf32>) -> tensor<?x8x8x8xf32>
  // CHECK: nd4j.avgpool2d {{.*}} : (tensor<?x8x32x32xf32>) -> tensor<?x8x10x10xf32>
  %q = nd4j.avgpool2d %same {kH = 3, kW = 3, sH = 3, sW = 3, pH = 0, pW = 0, dH = 1, dW = 1,
                             isSameMode = 0, extraParam0 = 1, isNCHW = 0}
       : (tensor<?x8x32x32xf32>) -> tensor<?x8x10x10xf32>
  nd4j.output "p" = %p, "q" = %q : tensor<?x8x8x8xf32>, tensor<?x8x10x10xf32>
}

// CHECK-LABEL: nd4j.graph @linear_norm
nd4j.graph @linear_norm {
  %x = nd4j.placeholder "x" : tensor<5x2x3xf32>
  %w = nd4j.placeholder "w" : tensor<4x3xf32>
  %v = nd4j.placeholder "v" : tensor<4xf32>
  // CHECK: nd4j.matmul %{{.*}}, %{{.*}} {alpha = 2.000000e+00 : f64, beta = 0.000000e+00 : f64, transX = 0 : i64, transY = 1 : i64, transZ = 0 : i64} : (tensor<5x2x3xf32>, tensor<4x3xf32>) -> tensor<5x2x4xf32>
  %m = nd4j.matmul %x, %w {transX = 0, transY = 1, transZ = 0, alpha = 2.0 : f64, beta = 0.0 : f64}
       : (tensor<5x2x3xf32>, tensor<4x3xf32>) -> tensor<5x2x4xf32>
  // CHECK: nd4j.matmul {{.*}} -> tensor<5x4x2xf32>
  %mt = nd4j.matmul %x, %w {transX = 0, transY = 1, transZ = 1, alpha = 1.0 : f64, beta = 0.0 : f64}
       : (tensor<5x2x3xf32>, tensor<4x3xf32>) -> tensor<5x4x2xf32>
  // CHECK: nd4j.biasadd %{{.*}}, %{{.*}} {nchw = false} : (tensor<5x2x4xf32>, tensor<4xf32>) -> tensor<5x2x4xf32>
  %b = nd4j.biasadd %m, %v {nchw = false} : (tensor<5x2x4xf32>, tensor<4xf32>) -> tensor<5x2x4xf32>
  // CHECK: nd4j.batchnorm {{.*}} {applyOffset = 1 : i64, applyScale = 1 : i64, dimensions = array<i64: -1>, epsilon = 1.000000e-03 : f64, operandSegmentSizes = array<i32: 1, 1, 1, 1, 1>} : (tensor<5x2x4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<5x2x4xf32>
  %n = nd4j.batchnorm %b, %v, %v, %v, %v {applyScale = 1, applyOffset = 1, dimensions = array<i64: -1>,
                      epsilon = 1.0e-3 : f64, operandSegmentSizes = array<i32: 1, 1, 1, 1, 1>}
       : (tensor<5x2x4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<5x2x4xf32>
  // Without gamma and beta.
  // CHECK: nd4j.batchnorm {{.*}} operandSegmentSizes = array<i32: 1, 1, 1, 0, 0>} : (tensor<5x2x4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<5x2x4xf32>
  %n2 = nd4j.batchnorm %n, %v, %v {applyScale = 0, applyOffset = 0, dimensions = array<i64: 2>,
                       epsilon = 1.0e-3 : f64, operandSegmentSizes = array<i32: 1, 1, 1, 0, 0>}
       : (tensor<5x2x4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<5x2x4xf32>
  nd4j.output "n" = %n2, "mt" = %mt : tensor<5x2x4xf32>, tensor<5x4x2xf32>
}

// CHECK-LABEL: nd4j.graph @shapes
nd4j.graph @shapes {
  %x = nd4j.placeholder "x" : tensor<2x3x4xf32>
  %d = nd4j.placeholder "d" : tensor<?x3xi64>
  // CHECK: nd4j.reshape %{{.*}} {shapeArr = array<i64: 4, -1>} : (tensor<2x3x4xf32>) -> tensor<4x6xf32>
  %r = nd4j.reshape %x {shapeArr = array<i64: 4, -1>} : (tensor<2x3x4xf32>) -> tensor<4x6xf32>
  // CHECK: nd4j.reshape %{{.*}} {shapeArr = array<i64: -1>} : (tensor<?x3xi64>) -> tensor<?xi64>
  %rd = nd4j.reshape %d {shapeArr = array<i64: -1>} : (tensor<?x3xi64>) -> tensor<?xi64>
  // CHECK: nd4j.permute %{{.*}} {reverseDims = array<i64: 2, 0, 1>} : (tensor<2x3x4xf32>) -> tensor<4x2x3xf32>
  %p = nd4j.permute %x {reverseDims = array<i64: 2, 0, 1>} : (tensor<2x3x4xf32>) -> tensor<4x2x3xf32>
  // CHECK: nd4j.concat %{{.*}}, %{{.*}}, %{{.*}} {concatDimension = -1 : i64} : (tensor<2x3x4xf32>, tensor<2x3x4xf32>, tensor<2x3x4xf32>) -> tensor<2x3x12xf32>
  %c = nd4j.concat %x, %x, %x {concatDimension = -1} : (tensor<2x3x4xf32>, tensor<2x3x4xf32>, tensor<2x3x4xf32>) -> tensor<2x3x12xf32>
  nd4j.output "r" = %r, "rd" = %rd, "p" = %p, "c" = %c : tensor<4x6xf32>, tensor<?xi64>, tensor<4x2x3xf32>, tensor<2x3x12xf32>
}

// Framework nodes keep framework, op type, opset and attributes; the node
// name is the location.
// CHECK-LABEL: nd4j.graph @framework_nodes
nd4j.graph @framework_nodes attributes {framework = "onnx"} {
  %x = nd4j.placeholder "x" : tensor<1x3x8x8xf32>
  // CHECK: %[[N:.*]]:2 = nd4j.node "onnx.Split"(%{{.*}}) {axis = 1 : i64} {opset = 13 : i64} : (tensor<1x3x8x8xf32>) -> (tensor<1x1x8x8xf32>, tensor<1x2x8x8xf32>)
  %s:2 = nd4j.node "onnx.Split"(%x) {axis = 1 : i64} {opset = 13 : i64}
         : (tensor<1x3x8x8xf32>) -> (tensor<1x1x8x8xf32>, tensor<1x2x8x8xf32>) loc("split0")
  // CHECK: nd4j.node "tf.Identity"(%[[N]]#0) {} : (tensor<1x1x8x8xf32>) -> tensor<*xf32>
  %i = nd4j.node "tf.Identity"(%s#0) {} : (tensor<1x1x8x8xf32>) -> tensor<*xf32>
  // Subgraphs (If/Loop bodies) are regions.
  // CHECK: nd4j.node "onnx.If"(%{{.*}}) {} : (tensor<i1>) -> tensor<*xf32> {
  // CHECK-NEXT: nd4j.node "onnx.Constant"() {value = dense<1.000000e+00> : tensor<f32>}
  // CHECK-NEXT: nd4j.output "then_out" =
  // CHECK-NEXT: }, {
  // CHECK-NEXT: nd4j.node "onnx.Constant"() {value = dense<2.000000e+00> : tensor<f32>}
  // CHECK-NEXT: nd4j.output "else_out" =
  // CHECK-NEXT: }
  %c = nd4j.placeholder "cond" : tensor<i1>
  %f = nd4j.node "onnx.If"(%c) {} : (tensor<i1>) -> tensor<*xf32> {
    %z = nd4j.node "onnx.Constant"() {value = dense<1.0> : tensor<f32>} : () -> tensor<f32>
    nd4j.output "then_out" = %z : tensor<f32>
  }, {
    %z = nd4j.node "onnx.Constant"() {value = dense<2.0> : tensor<f32>} : () -> tensor<f32>
    nd4j.output "else_out" = %z : tensor<f32>
  }
  nd4j.output "i" = %i, "f" = %f : tensor<*xf32>, tensor<*xf32>
}

// CHECK-LABEL: nd4j.graph @math
nd4j.graph @math {
  %x = nd4j.placeholder "x" : tensor<2x3xf32>
  %i = nd4j.placeholder "i" : tensor<2x3xi32>
  // CHECK: nd4j.abs %{{.*}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %0 = nd4j.abs %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j.exp
  %1 = nd4j.exp %0 : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j.reciprocal
  %2 = nd4j.reciprocal %1 : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j.isnan %{{.*}} : (tensor<2x3xf32>) -> tensor<2x3xi1>
  %3 = nd4j.isnan %2 : (tensor<2x3xf32>) -> tensor<2x3xi1>
  // CHECK: nd4j.leakyrelu %{{.*}} {alpha = 1.000000e-01 : f64}
  %4 = nd4j.leakyrelu %2 {alpha = 0.1 : f64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j.clipbyvalue %{{.*}} {left = -1.000000e+00 : f64, right = 1.000000e+00 : f64}
  %5 = nd4j.clipbyvalue %4 {left = -1.0 : f64, right = 1.0 : f64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j.cast %{{.*}} {dtype = i32} : (tensor<2x3xf32>) -> tensor<2x3xi32>
  %6 = nd4j.cast %5 {dtype = i32} : (tensor<2x3xf32>) -> tensor<2x3xi32>
  // CHECK: nd4j.greater %{{.*}}, %{{.*}} : (tensor<2x3xi32>, tensor<2x3xi32>) -> tensor<2x3xi1>
  %7 = nd4j.greater %6, %i : (tensor<2x3xi32>, tensor<2x3xi32>) -> tensor<2x3xi1>
  // CHECK: nd4j.boolean_and %{{.*}}, %{{.*}} : (tensor<2x3xi1>, tensor<2x3xi1>) -> tensor<2x3xi1>
  %8 = nd4j.boolean_and %7, %3 : (tensor<2x3xi1>, tensor<2x3xi1>) -> tensor<2x3xi1>
  // CHECK: nd4j.maximum
  %9 = nd4j.maximum %6, %i : (tensor<2x3xi32>, tensor<2x3xi32>) -> tensor<2x3xi32>
  // CHECK: nd4j.reduce_sum %{{.*}} {dimensions = array<i64: 1>, keepDims = false} : (tensor<2x3xf32>) -> tensor<2xf32>
  %10 = nd4j.reduce_sum %5 {dimensions = array<i64: 1>, keepDims = false} : (tensor<2x3xf32>) -> tensor<2xf32>
  // CHECK: nd4j.reduce_max %{{.*}} {dimensions = array<i64>, keepDims = true} : (tensor<2x3xf32>) -> tensor<1x1xf32>
  %11 = nd4j.reduce_max %5 {dimensions = array<i64>, keepDims = true} : (tensor<2x3xf32>) -> tensor<1x1xf32>
  // CHECK: nd4j.argmax %{{.*}} {dimensions = array<i64: -1>, keepDims = false} : (tensor<2x3xf32>) -> tensor<2xi64>
  %12 = nd4j.argmax %5 {dimensions = array<i64: -1>, keepDims = false} : (tensor<2x3xf32>) -> tensor<2xi64>
  // CHECK: nd4j.log_softmax %{{.*}} {dimension = 0 : i64}
  %13 = nd4j.log_softmax %5 {dimension = 0} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  nd4j.output "a" = %8, "b" = %9, "c" = %10, "d" = %11, "e" = %12, "f" = %13 : tensor<2x3xi1>, tensor<2x3xi32>, tensor<2xf32>, tensor<1x1xf32>, tensor<2xi64>, tensor<2x3xf32>
}

// CHECK-LABEL: nd4j.graph @select_gather
nd4j.graph @select_gather {
  %c = nd4j.placeholder "c" : tensor<2x3xi1>
  %x = nd4j.placeholder "x" : tensor<2x3xf32>
  %y = nd4j.placeholder "y" : tensor<3xf32>
  %i = nd4j.placeholder "i" : tensor<4xi64>
  %d = nd4j.placeholder "d" : tensor<1x8x2x3xf32>
  // CHECK: nd4j.pow %{{.*}}, %{{.*}} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %0 = nd4j.pow %x, %y : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j.broadcast_to %{{.*}}, %{{.*}} : (tensor<3xf32>, tensor<2xi64>) -> tensor<2x3xf32>
  %ys = nd4j.constant dense<[2, 3]> : tensor<2xi64>
  %yb = nd4j.broadcast_to %y, %ys : (tensor<3xf32>, tensor<2xi64>) -> tensor<2x3xf32>
  // CHECK: nd4j.select %{{.*}}, %{{.*}}, %{{.*}} : (tensor<2x3xi1>, tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %1 = nd4j.select %c, %0, %yb : (tensor<2x3xi1>, tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j.tile %{{.*}} {dimensions = array<i64: 2, 1>} : (tensor<2x3xf32>) -> tensor<4x3xf32>
  %2 = nd4j.tile %1 {dimensions = array<i64: 2, 1>} : (tensor<2x3xf32>) -> tensor<4x3xf32>
  // CHECK: nd4j.gather %{{.*}}, %{{.*}} {dimensions = 0 : i64} : (tensor<4x3xf32>, tensor<4xi64>) -> tensor<4x3xf32>
  %3 = nd4j.gather %2, %i {dimensions = 0} : (tensor<4x3xf32>, tensor<4xi64>) -> tensor<4x3xf32>
  // CHECK: nd4j.depth_to_space %{{.*}} {block_size = 2 : i64, isNHWC = 0 : i64} : (tensor<1x8x2x3xf32>) -> tensor<1x2x4x6xf32>
  %4 = nd4j.depth_to_space %d {block_size = 2, isNHWC = 0} : (tensor<1x8x2x3xf32>) -> tensor<1x2x4x6xf32>
  nd4j.output "g" = %3, "s" = %4 : tensor<4x3xf32>, tensor<1x2x4x6xf32>
}

// CHECK-LABEL: nd4j.graph @depthwise
nd4j.graph @depthwise {
  %x = nd4j.placeholder "x" : tensor<1x4x8x8xf32>
  %w = nd4j.placeholder "w" : tensor<3x3x4x2xf32>
  // CHECK: nd4j.depthwise_conv2d {{.*}} : (tensor<1x4x8x8xf32>, tensor<3x3x4x2xf32>) -> tensor<1x8x8x8xf32>
  %y = nd4j.depthwise_conv2d %x, %w {kH = 3, kW = 3, sH = 1, sW = 1, pH = 1, pW = 1, dH = 1, dW = 1,
                                     isSameMode = 0, isNCHW = 0}
       : (tensor<1x4x8x8xf32>, tensor<3x3x4x2xf32>) -> tensor<1x8x8x8xf32>
  nd4j.output "y" = %y : tensor<1x8x8x8xf32>
}

// CHECK-LABEL: nd4j.graph @strided
nd4j.graph @strided {
  %x = nd4j.placeholder "x" : tensor<4x5xf32>
  // CHECK: nd4j.strided_slice {{.*}} : (tensor<4x5xf32>) -> tensor<2x3xf32>
  %y = nd4j.strided_slice %x {begin_mask = 0, ellipsis_mask = 0, end_mask = 2, new_axis_mask = 0, operandSegmentSizes = array<i32: 1, 0, 0, 0>,
                              shrink_axis_mask = 0, begin = array<i64: 1, 0>, end = array<i64: 3, 0>,
                              strides = array<i64: 1, 2>} : (tensor<4x5xf32>) -> tensor<2x3xf32>
  // Negative indices wrap; a negative stride walks backwards.
  // CHECK: nd4j.strided_slice {{.*}} : (tensor<4x5xf32>) -> tensor<4x2xf32>
  %z = nd4j.strided_slice %x {begin_mask = 1, ellipsis_mask = 0, end_mask = 1, new_axis_mask = 0, operandSegmentSizes = array<i32: 1, 0, 0, 0>,
                              shrink_axis_mask = 0, begin = array<i64: 0, -1>, end = array<i64: 0, 1>,
                              strides = array<i64: 1, -2>} : (tensor<4x5xf32>) -> tensor<4x2xf32>
  nd4j.output "y" = %y, "z" = %z : tensor<2x3xf32>, tensor<4x2xf32>
}

// CHECK-LABEL: nd4j.graph @padding
nd4j.graph @padding {
  %x = nd4j.placeholder "x" : tensor<2x3xf32>
  %p = nd4j.constant dense<[[0, 0], [1, 2]]> : tensor<2x2xi64>
  %q = nd4j.placeholder "q" : tensor<2x2xi32>
  // CHECK: nd4j.pad {{.*}} : (tensor<2x3xf32>, tensor<2x2xi64>) -> tensor<2x6xf32>
  %y = nd4j.pad %x, %p {mode = 2, padValue = 0.0 : f64} : (tensor<2x3xf32>, tensor<2x2xi64>) -> tensor<2x6xf32>
  // Paddings known only at run time: unknown extents.
  // CHECK: nd4j.pad {{.*}} : (tensor<2x3xf32>, tensor<2x2xi32>) -> tensor<?x?xf32>
  %z = nd4j.pad %x, %q {mode = 0, padValue = 1.0 : f64} : (tensor<2x3xf32>, tensor<2x2xi32>) -> tensor<?x?xf32>
  nd4j.output "y" = %y, "z" = %z : tensor<2x6xf32>, tensor<?x?xf32>
}

// CHECK-LABEL: nd4j.graph @window3d
nd4j.graph @window3d {
  %x = nd4j.placeholder "x" : tensor<1x2x4x4x4xf32>
  %w = nd4j.placeholder "w" : tensor<2x2x2x2x3xf32>
  // CHECK: nd4j.conv3dnew {{.*}} : (tensor<1x2x4x4x4xf32>, tensor<2x2x2x2x3xf32>) -> tensor<1x3x3x3x3xf32>
  %c = nd4j.conv3dnew %x, %w {kD = 2, kH = 2, kW = 2, sD = 1, sH = 1, sW = 1, pD = 0, pH = 0, pW = 0,
                              dD = 1, dH = 1, dW = 1, paddingMode = 0, isNCDHW = 0}
       : (tensor<1x2x4x4x4xf32>, tensor<2x2x2x2x3xf32>) -> tensor<1x3x3x3x3xf32>
  // CHECK: nd4j.maxpool3dnew {{.*}} : (tensor<1x2x4x4x4xf32>) -> tensor<1x2x2x2x2xf32>
  %m = nd4j.maxpool3dnew %x {kD = 2, kH = 2, kW = 2, sD = 2, sH = 2, sW = 2, pD = 0, pH = 0, pW = 0,
                             dD = 1, dH = 1, dW = 1, isSameMode = 0, extraParam0 = 0, isNCDHW = 0}
       : (tensor<1x2x4x4x4xf32>) -> tensor<1x2x2x2x2xf32>
  // CHECK: nd4j.avgpool3dnew {{.*}} : (tensor<1x2x4x4x4xf32>) -> tensor<1x2x4x4x4xf32>
  %a = nd4j.avgpool3dnew %x {kD = 3, kH = 3, kW = 3, sD = 1, sH = 1, sW = 1, pD = 1, pH = 1, pW = 1,
                             dD = 1, dH = 1, dW = 1, isSameMode = 1, extraParam0 = 1, isNCDHW = 0}
       : (tensor<1x2x4x4x4xf32>) -> tensor<1x2x4x4x4xf32>
  nd4j.output "c" = %c, "m" = %m, "a" = %a : tensor<1x3x3x3x3xf32>, tensor<1x2x2x2x2xf32>, tensor<1x2x4x4x4xf32>
}

// Every element-wise and reduction op round-trips (types are checked by
// inference on the re-parse).
// CHECK-LABEL: nd4j.graph @all_elementwise
nd4j.graph @all_elementwise {
  %x = nd4j.placeholder "x" : tensor<2x3xf32>
  %b = nd4j.placeholder "b" : tensor<2x3xi1>
  %i = nd4j.placeholder "i" : tensor<2x3xi32>
  // CHECK: nd4j.abs 
  %u0 = nd4j.abs %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j.sign 
  %u1 = nd4j.sign %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j.neg 
  %u2 = nd4j.neg %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j.reciprocal 
  %u3 = nd4j.reciprocal %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j.ceil 
  %u4 = nd4j.ceil %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j.floor 
  %u5 = nd4j.floor %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j.cos 
  %u6 = nd4j.cos %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j.exp 
  %u7 = nd4j.exp %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j.log 
  %u8 = nd4j.log %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j.sin 
  %u9 = nd4j.sin %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j.acos 
  %u10 = nd4j.acos %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j.asin 
  %u11 = nd4j.asin %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j.atan 
  %u12 = nd4j.atan %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j.hard_sigmoid 
  %u13 = nd4j.hard_sigmoid %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j.sinh 
  %u14 = nd4j.sinh %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j.cosh 
  %u15 = nd4j.cosh %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j.tan 
  %u16 = nd4j.tan %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j.erf 
  %u17 = nd4j.erf %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j.acosh 
  %u18 = nd4j.acosh %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j.asinh 
  %u19 = nd4j.asinh %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j.atanh 
  %u20 = nd4j.atanh %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j.sqrt 
  %u21 = nd4j.sqrt %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j.isinf 
  %u22 = nd4j.isinf %x : (tensor<2x3xf32>) -> tensor<2x3xi1>
  // CHECK: nd4j.isnan 
  %u23 = nd4j.isnan %x : (tensor<2x3xf32>) -> tensor<2x3xi1>
  // CHECK: nd4j.rint 
  %u24 = nd4j.rint %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j.softplus 
  %u25 = nd4j.softplus %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j.softsign 
  %u26 = nd4j.softsign %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j.selu 
  %u27 = nd4j.selu %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j.sigmoid 
  %u28 = nd4j.sigmoid %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j.tanh 
  %u29 = nd4j.tanh %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j.identity 
  %u30 = nd4j.identity %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j.add 
  %b31 = nd4j.add %x, %x : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j.subtract 
  %b32 = nd4j.subtract %x, %x : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j.multiply 
  %b33 = nd4j.multiply %x, %x : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j.divide 
  %b34 = nd4j.divide %x, %x : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j.minimum 
  %b35 = nd4j.minimum %x, %x : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j.maximum 
  %b36 = nd4j.maximum %x, %x : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j.pow 
  %b37 = nd4j.pow %x, %x : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j.equals 
  %b38 = nd4j.equals %x, %x : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xi1>
  // CHECK: nd4j.not_equals 
  %b39 = nd4j.not_equals %x, %x : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xi1>
  // CHECK: nd4j.greater 
  %b40 = nd4j.greater %x, %x : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xi1>
  // CHECK: nd4j.greater_equal 
  %b41 = nd4j.greater_equal %x, %x : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xi1>
  // CHECK: nd4j.less 
  %b42 = nd4j.less %x, %x : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xi1>
  // CHECK: nd4j.less_equal 
  %b43 = nd4j.less_equal %x, %x : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xi1>
  // CHECK: nd4j.boolean_and 
  %l44 = nd4j.boolean_and %b, %b : (tensor<2x3xi1>, tensor<2x3xi1>) -> tensor<2x3xi1>
  // CHECK: nd4j.boolean_or 
  %l45 = nd4j.boolean_or %b, %b : (tensor<2x3xi1>, tensor<2x3xi1>) -> tensor<2x3xi1>
  // CHECK: nd4j.boolean_xor 
  %l46 = nd4j.boolean_xor %b, %b : (tensor<2x3xi1>, tensor<2x3xi1>) -> tensor<2x3xi1>
  // CHECK: nd4j.floormod 
  %fm = nd4j.floormod %i, %i : (tensor<2x3xi32>, tensor<2x3xi32>) -> tensor<2x3xi32>
  // CHECK: nd4j.elu 
  %p47 = nd4j.elu %x {alpha = 1.0 : f64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j.leakyrelu 
  %p48 = nd4j.leakyrelu %x {alpha = 0.25 : f64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j.thresholdedrelu 
  %p49 = nd4j.thresholdedrelu %x {cutoff = 2.0 : f64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j.reduce_sum 
  %r50 = nd4j.reduce_sum %x {dimensions = array<i64: 1>, keepDims = false} : (tensor<2x3xf32>) -> tensor<2xf32>
  // CHECK: nd4j.reduce_mean 
  %r51 = nd4j.reduce_mean %x {dimensions = array<i64: 1>, keepDims = false} : (tensor<2x3xf32>) -> tensor<2xf32>
  // CHECK: nd4j.reduce_max 
  %r52 = nd4j.reduce_max %x {dimensions = array<i64: 1>, keepDims = false} : (tensor<2x3xf32>) -> tensor<2xf32>
  // CHECK: nd4j.reduce_min 
  %r53 = nd4j.reduce_min %x {dimensions = array<i64: 1>, keepDims = false} : (tensor<2x3xf32>) -> tensor<2xf32>
  // CHECK: nd4j.reduce_prod 
  %r54 = nd4j.reduce_prod %x {dimensions = array<i64: 1>, keepDims = false} : (tensor<2x3xf32>) -> tensor<2xf32>
  // CHECK: nd4j.reduce_norm1 
  %r55 = nd4j.reduce_norm1 %x {dimensions = array<i64: 1>, keepDims = false} : (tensor<2x3xf32>) -> tensor<2xf32>
  // CHECK: nd4j.reduce_norm2 
  %r56 = nd4j.reduce_norm2 %x {dimensions = array<i64: 1>, keepDims = false} : (tensor<2x3xf32>) -> tensor<2xf32>
  // CHECK: nd4j.argmax 
  %r57 = nd4j.argmax %x {dimensions = array<i64: 0>, keepDims = true} : (tensor<2x3xf32>) -> tensor<1x3xi64>
  // CHECK: nd4j.argmin 
  %r58 = nd4j.argmin %x {dimensions = array<i64: 0>, keepDims = true} : (tensor<2x3xf32>) -> tensor<1x3xi64>
  // CHECK: nd4j.triu %{{.*}} {diag = -1 : i64}
  %tu = nd4j.triu %x {diag = -1} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  nd4j.output
}

// An empty graph.
// CHECK-LABEL: nd4j.graph @empty
// CHECK-NEXT: nd4j.output
// CHECK-NEXT: }
nd4j.graph @empty {
  nd4j.output
}

{-#
  dialect_resources: {
    builtin: {
      bias: "0x040000000000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F"
    }
  }
#-}
