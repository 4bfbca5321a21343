// RUN: nd4j-opt %s -split-input-file -verify-diagnostics

// Every diagnostic of the nd4j dialect: structure, framework nodes and the
// typed ops' shape and attribute checks.

nd4j.graph @empty_placeholder_name {
  // expected-error @+1 {{has an empty name}}
  %x = nd4j.placeholder "" : tensor<2xf32>
  nd4j.output
}

// -----

nd4j.graph @duplicate_placeholder {
  %x = nd4j.placeholder "x" : tensor<2xf32>
  // expected-error @+1 {{name 'x' is not unique in the graph}}
  %y = nd4j.placeholder "x" : tensor<2xf32>
  nd4j.output
}

// -----

nd4j.graph @output_count {
  %x = nd4j.placeholder "x" : tensor<2xf32>
  // expected-error @+1 {{has 1 outputs but 2 names}}
  "nd4j.output"(%x) <{names = ["a", "b"]}> : (tensor<2xf32>) -> ()
}

// -----

nd4j.graph @output_empty_name {
  %x = nd4j.placeholder "x" : tensor<2xf32>
  // expected-error @+1 {{has an empty output name}}
  nd4j.output "" = %x : tensor<2xf32>
}

// -----

nd4j.graph @output_duplicate_name {
  %x = nd4j.placeholder "x" : tensor<2xf32>
  // expected-error @+1 {{output name 'y' is not unique}}
  nd4j.output "y" = %x, "y" = %x : tensor<2xf32>, tensor<2xf32>
}

// -----

// expected-error @+1 {{'nd4j.output' op expects parent op to be one of 'nd4j.graph, nd4j.node'}}
"nd4j.output"() <{names = []}> : () -> ()

// -----

nd4j.graph @node_type_syntax {
  // expected-error @+1 {{expected "<framework>.<op type>", got "Conv"}}
  %y = nd4j.node "Conv"() {} : () -> tensor<f32>
  nd4j.output
}

// -----

nd4j.graph @node_framework {
  // expected-error @+1 {{framework must be a non-empty name without '.', got 'a.b'}}
  %y = "nd4j.node"() <{framework = "a.b", op_type = "Conv", attrs = {}}> : () -> tensor<f32>
  nd4j.output
}

// -----

nd4j.graph @node_op_type {
  // expected-error @+1 {{needs an op type}}
  %y = "nd4j.node"() <{framework = "onnx", op_type = "", attrs = {}}> : () -> tensor<f32>
  nd4j.output
}

// -----

nd4j.graph @broadcast {
  %a = nd4j.placeholder "a" : tensor<2x3xf32>
  %b = nd4j.placeholder "b" : tensor<4xf32>
  // expected-error @+2 {{operand shapes [2, 3] and [4] do not broadcast}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.add %a, %b : (tensor<2x3xf32>, tensor<4xf32>) -> tensor<2x3xf32>
  nd4j.output
}

// -----

nd4j.graph @element_types {
  %a = nd4j.placeholder "a" : tensor<2xf32>
  %b = nd4j.placeholder "b" : tensor<2xf16>
  // expected-error @+2 {{operand element types differ: 'f32' vs 'f16'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.multiply %a, %b : (tensor<2xf32>, tensor<2xf16>) -> tensor<2xf32>
  nd4j.output
}

// -----

nd4j.graph @declared_type {
  %a = nd4j.placeholder "a" : tensor<2x3xf32>
  // expected-error @+2 {{inferred type(s) 'tensor<2x3xf32>' are incompatible with return type(s) of operation 'tensor<3x2xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.relu %a {cutoff = 0.0 : f64} : (tensor<2x3xf32>) -> tensor<3x2xf32>
  nd4j.output
}

// -----

nd4j.graph @declared_element_type {
  %a = nd4j.placeholder "a" : tensor<2xf32>
  // expected-error @+2 {{inferred type(s) 'tensor<2xf32>' are incompatible with return type(s) of operation 'tensor<2xf16>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.tanh %a : (tensor<2xf32>) -> tensor<2xf16>
  nd4j.output
}

// -----

nd4j.graph @missing_attr {
  %a = nd4j.placeholder "a" : tensor<2xf32>
  // expected-error @+1 {{requires attribute 'cutoff'}}
  %0 = nd4j.relu %a : (tensor<2xf32>) -> tensor<2xf32>
  nd4j.output
}

// -----

nd4j.graph @softmax_axis {
  %a = nd4j.placeholder "a" : tensor<2x3xf32>
  // expected-error @+2 {{'dimension' 2 is out of range for rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.softmax %a {dimension = 2} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  nd4j.output
}

// -----

nd4j.graph @matmul_flag {
  %a = nd4j.placeholder "a" : tensor<2x3xf32>
  // expected-error @+2 {{'transX' must be 0 or 1, got 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.matmul %a, %a {transX = 2, transY = 0, transZ = 0, alpha = 1.0 : f64, beta = 0.0 : f64} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<3x3xf32>
  nd4j.output
}

// -----

nd4j.graph @matmul_rank {
  %a = nd4j.placeholder "a" : tensor<3xf32>
  %b = nd4j.placeholder "b" : tensor<3x4xf32>
  // expected-error @+2 {{operands must have rank 2 or more, got [3] and [3, 4]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.matmul %a, %b {transX = 0, transY = 0, transZ = 0, alpha = 1.0 : f64, beta = 0.0 : f64} : (tensor<3xf32>, tensor<3x4xf32>) -> tensor<4xf32>
  nd4j.output
}

// -----

nd4j.graph @matmul_contracting {
  %a = nd4j.placeholder "a" : tensor<2x3xf32>
  // expected-error @+2 {{contracting dimensions differ: [2, 3] x [2, 3] (transX=0, transY=0)}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.matmul %a, %a {transX = 0, transY = 0, transZ = 0, alpha = 1.0 : f64, beta = 0.0 : f64} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  nd4j.output
}

// -----

nd4j.graph @matmul_batch {
  %a = nd4j.placeholder "a" : tensor<2x2x3xf32>
  %b = nd4j.placeholder "b" : tensor<5x3x4xf32>
  // expected-error @+2 {{operand shapes [2] and [5] do not broadcast}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.matmul %a, %b {transX = 0, transY = 0, transZ = 0, alpha = 1.0 : f64, beta = 0.0 : f64} : (tensor<2x2x3xf32>, tensor<5x3x4xf32>) -> tensor<2x2x4xf32>
  nd4j.output
}

// -----

nd4j.graph @conv_input_rank {
  %x = nd4j.placeholder "x" : tensor<3x8x8xf32>
  %w = nd4j.placeholder "w" : tensor<4x3x3x3xf32>
  // expected-error @+2 {{input must be rank 4, got [3, 8, 8]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.conv2d %x, %w {kH = 3, kW = 3, sH = 1, sW = 1, pH = 0, pW = 0, dH = 1, dW = 1, isSameMode = 0, isNCHW = 0, wFormat = 1} : (tensor<3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  nd4j.output
}

// -----

nd4j.graph @conv_weight_rank {
  %x = nd4j.placeholder "x" : tensor<1x3x8x8xf32>
  %w = nd4j.placeholder "w" : tensor<4x3x3xf32>
  // expected-error @+2 {{weights must be rank 4, got [4, 3, 3]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.conv2d %x, %w {kH = 3, kW = 3, sH = 1, sW = 1, pH = 0, pW = 0, dH = 1, dW = 1, isSameMode = 0, isNCHW = 0, wFormat = 1} : (tensor<1x3x8x8xf32>, tensor<4x3x3xf32>) -> tensor<1x4x6x6xf32>
  nd4j.output
}

// -----

nd4j.graph @conv_wformat {
  %x = nd4j.placeholder "x" : tensor<1x3x8x8xf32>
  %w = nd4j.placeholder "w" : tensor<4x3x3x3xf32>
  // expected-error @+2 {{'wFormat' must be 0, 1 or 2, got 3}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.conv2d %x, %w {kH = 3, kW = 3, sH = 1, sW = 1, pH = 0, pW = 0, dH = 1, dW = 1, isSameMode = 0, isNCHW = 0, wFormat = 3} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  nd4j.output
}

// -----

nd4j.graph @conv_kernel {
  %x = nd4j.placeholder "x" : tensor<1x3x8x8xf32>
  %w = nd4j.placeholder "w" : tensor<4x3x3x3xf32>
  // expected-error @+2 {{weights [4, 3, 3, 3] (wFormat 1) do not hold a 5x3 kernel}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.conv2d %x, %w {kH = 5, kW = 3, sH = 1, sW = 1, pH = 0, pW = 0, dH = 1, dW = 1, isSameMode = 0, isNCHW = 0, wFormat = 1} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  nd4j.output
}

// -----

nd4j.graph @conv_channels {
  %x = nd4j.placeholder "x" : tensor<1x3x8x8xf32>
  %w = nd4j.placeholder "w" : tensor<4x2x3x3xf32>
  // expected-error @+2 {{weights [4, 2, 3, 3] (wFormat 1) expect 2 input channels, input [1, 3, 8, 8] has 3}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.conv2d %x, %w {kH = 3, kW = 3, sH = 1, sW = 1, pH = 0, pW = 0, dH = 1, dW = 1, isSameMode = 0, isNCHW = 0, wFormat = 1} : (tensor<1x3x8x8xf32>, tensor<4x2x3x3xf32>) -> tensor<1x4x6x6xf32>
  nd4j.output
}

// -----

nd4j.graph @conv_bias {
  %x = nd4j.placeholder "x" : tensor<1x3x8x8xf32>
  %w = nd4j.placeholder "w" : tensor<4x3x3x3xf32>
  %b = nd4j.placeholder "b" : tensor<5xf32>
  // expected-error @+2 {{bias must be [4], got [5]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.conv2d %x, %w, %b {kH = 3, kW = 3, sH = 1, sW = 1, pH = 0, pW = 0, dH = 1, dW = 1, isSameMode = 0, isNCHW = 0, wFormat = 1} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<5xf32>) -> tensor<1x4x6x6xf32>
  nd4j.output
}

// -----

nd4j.graph @conv_stride {
  %x = nd4j.placeholder "x" : tensor<1x3x8x8xf32>
  %w = nd4j.placeholder "w" : tensor<4x3x3x3xf32>
  // expected-error @+2 {{'sH' must be at least 1, got 0}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.conv2d %x, %w {kH = 3, kW = 3, sH = 0, sW = 1, pH = 0, pW = 0, dH = 1, dW = 1, isSameMode = 0, isNCHW = 0, wFormat = 1} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  nd4j.output
}

// -----

nd4j.graph @conv_same_flag {
  %x = nd4j.placeholder "x" : tensor<1x3x8x8xf32>
  %w = nd4j.placeholder "w" : tensor<4x3x3x3xf32>
  // expected-error @+2 {{'isSameMode' must be 0 or 1, got 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.conv2d %x, %w {kH = 3, kW = 3, sH = 1, sW = 1, pH = 0, pW = 0, dH = 1, dW = 1, isSameMode = 2, isNCHW = 0, wFormat = 1} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  nd4j.output
}

// -----

nd4j.graph @conv_window {
  %x = nd4j.placeholder "x" : tensor<1x3x2x8xf32>
  %w = nd4j.placeholder "w" : tensor<4x3x3x3xf32>
  // expected-error @+2 {{window of extent 3 does not fit input height 2 with padding 0}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.conv2d %x, %w {kH = 3, kW = 3, sH = 1, sW = 1, pH = 0, pW = 0, dH = 1, dW = 1, isSameMode = 0, isNCHW = 0, wFormat = 1} : (tensor<1x3x2x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  nd4j.output
}

// -----

nd4j.graph @conv_element_type {
  %x = nd4j.placeholder "x" : tensor<1x3x8x8xf32>
  %w = nd4j.placeholder "w" : tensor<4x3x3x3xf64>
  // expected-error @+2 {{operand element types differ: 'f32' vs 'f64'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.conv2d %x, %w {kH = 3, kW = 3, sH = 1, sW = 1, pH = 0, pW = 0, dH = 1, dW = 1, isSameMode = 0, isNCHW = 0, wFormat = 1} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf64>) -> tensor<1x4x6x6xf32>
  nd4j.output
}

// -----

nd4j.graph @maxpool_extra {
  %x = nd4j.placeholder "x" : tensor<1x3x8x8xf32>
  // expected-error @+2 {{'extraParam0' is unused by max pooling and must be 0, got 1}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.maxpool2d %x {kH = 2, kW = 2, sH = 2, sW = 2, pH = 0, pW = 0, dH = 1, dW = 1, isSameMode = 0, extraParam0 = 1, isNCHW = 0} : (tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32>
  nd4j.output
}

// -----

nd4j.graph @avgpool_extra {
  %x = nd4j.placeholder "x" : tensor<1x3x8x8xf32>
  // expected-error @+2 {{'extraParam0' must be 0 or 1, got 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.avgpool2d %x {kH = 2, kW = 2, sH = 2, sW = 2, pH = 0, pW = 0, dH = 1, dW = 1, isSameMode = 0, extraParam0 = 2, isNCHW = 0} : (tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32>
  nd4j.output
}

// -----

nd4j.graph @pool_rank {
  %x = nd4j.placeholder "x" : tensor<3x8x8xf32>
  // expected-error @+2 {{input must be rank 4, got [3, 8, 8]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.avgpool2d %x {kH = 2, kW = 2, sH = 2, sW = 2, pH = 0, pW = 0, dH = 1, dW = 1, isSameMode = 0, extraParam0 = 0, isNCHW = 0} : (tensor<3x8x8xf32>) -> tensor<3x4x4xf32>
  nd4j.output
}

// -----

nd4j.graph @bn_gamma {
  %x = nd4j.placeholder "x" : tensor<1x4x8x8xf32>
  %v = nd4j.placeholder "v" : tensor<4xf32>
  // expected-error @+2 {{'applyScale' is 0 but gamma is present}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.batchnorm %x, %v, %v, %v, %v {applyScale = 0, applyOffset = 1, dimensions = array<i64: 1>, epsilon = 1.0e-5 : f64, operandSegmentSizes = array<i32: 1, 1, 1, 1, 1>} : (tensor<1x4x8x8xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<1x4x8x8xf32>
  nd4j.output
}

// -----

nd4j.graph @bn_beta {
  %x = nd4j.placeholder "x" : tensor<1x4x8x8xf32>
  %v = nd4j.placeholder "v" : tensor<4xf32>
  // expected-error @+2 {{'applyOffset' is 1 but beta is absent}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.batchnorm %x, %v, %v, %v {applyScale = 1, applyOffset = 1, dimensions = array<i64: 1>, epsilon = 1.0e-5 : f64, operandSegmentSizes = array<i32: 1, 1, 1, 1, 0>} : (tensor<1x4x8x8xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<1x4x8x8xf32>
  nd4j.output
}

// -----

nd4j.graph @bn_no_dims {
  %x = nd4j.placeholder "x" : tensor<1x4x8x8xf32>
  %v = nd4j.placeholder "v" : tensor<4xf32>
  // expected-error @+2 {{'dimensions' must name at least one axis}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.batchnorm %x, %v, %v, %v, %v {applyScale = 1, applyOffset = 1, dimensions = array<i64>, epsilon = 1.0e-5 : f64, operandSegmentSizes = array<i32: 1, 1, 1, 1, 1>} : (tensor<1x4x8x8xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<1x4x8x8xf32>
  nd4j.output
}

// -----

nd4j.graph @bn_dims_range {
  %x = nd4j.placeholder "x" : tensor<1x4x8x8xf32>
  %v = nd4j.placeholder "v" : tensor<4xf32>
  // expected-error @+2 {{'dimensions' 4 is out of range for rank 4}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.batchnorm %x, %v, %v, %v, %v {applyScale = 1, applyOffset = 1, dimensions = array<i64: 4>, epsilon = 1.0e-5 : f64, operandSegmentSizes = array<i32: 1, 1, 1, 1, 1>} : (tensor<1x4x8x8xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<1x4x8x8xf32>
  nd4j.output
}

// -----

nd4j.graph @bn_vector {
  %x = nd4j.placeholder "x" : tensor<1x4x8x8xf32>
  %v = nd4j.placeholder "v" : tensor<8xf32>
  // expected-error @+2 {{mean must be a vector of the 4 normalized elements, got [8]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.batchnorm %x, %v, %v, %v, %v {applyScale = 1, applyOffset = 1, dimensions = array<i64: 1>, epsilon = 1.0e-5 : f64, operandSegmentSizes = array<i32: 1, 1, 1, 1, 1>} : (tensor<1x4x8x8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x4x8x8xf32>
  nd4j.output
}

// -----

nd4j.graph @bn_epsilon {
  %x = nd4j.placeholder "x" : tensor<1x4x8x8xf32>
  %v = nd4j.placeholder "v" : tensor<4xf32>
  // expected-error @+2 {{'epsilon' must not be negative}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.batchnorm %x, %v, %v, %v, %v {applyScale = 1, applyOffset = 1, dimensions = array<i64: 1>, epsilon = -1.0 : f64, operandSegmentSizes = array<i32: 1, 1, 1, 1, 1>} : (tensor<1x4x8x8xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<1x4x8x8xf32>
  nd4j.output
}

// -----

nd4j.graph @bn_flag {
  %x = nd4j.placeholder "x" : tensor<1x4x8x8xf32>
  %v = nd4j.placeholder "v" : tensor<4xf32>
  // expected-error @+2 {{'applyScale' must be 0 or 1, got 3}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.batchnorm %x, %v, %v, %v, %v {applyScale = 3, applyOffset = 1, dimensions = array<i64: 1>, epsilon = 1.0e-5 : f64, operandSegmentSizes = array<i32: 1, 1, 1, 1, 1>} : (tensor<1x4x8x8xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<1x4x8x8xf32>
  nd4j.output
}

// -----

nd4j.graph @biasadd_rank {
  %x = nd4j.placeholder "x" : tensor<4xf32>
  // expected-error @+2 {{input must have rank 2 or more, got [4]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.biasadd %x, %x {nchw = false} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  nd4j.output
}

// -----

nd4j.graph @biasadd_size {
  %x = nd4j.placeholder "x" : tensor<1x4x8x8xf32>
  %b = nd4j.placeholder "b" : tensor<4xf32>
  // expected-error @+2 {{bias must be [8] for input [1, 4, 8, 8] (nchw=0), got [4]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.biasadd %x, %b {nchw = false} : (tensor<1x4x8x8xf32>, tensor<4xf32>) -> tensor<1x4x8x8xf32>
  nd4j.output
}

// -----

nd4j.graph @reshape_two_inferred {
  %x = nd4j.placeholder "x" : tensor<2x3x4xf32>
  // expected-error @+2 {{'shapeArr' [-1, -1] has more than one -1}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.reshape %x {shapeArr = array<i64: -1, -1>} : (tensor<2x3x4xf32>) -> tensor<4x6xf32>
  nd4j.output
}

// -----

nd4j.graph @reshape_negative {
  %x = nd4j.placeholder "x" : tensor<2x3x4xf32>
  // expected-error @+2 {{'shapeArr' [-2, 12] has a negative dimension}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.reshape %x {shapeArr = array<i64: -2, 12>} : (tensor<2x3x4xf32>) -> tensor<2x12xf32>
  nd4j.output
}

// -----

nd4j.graph @reshape_count {
  %x = nd4j.placeholder "x" : tensor<2x3x4xf32>
  // expected-error @+2 {{cannot reshape [2, 3, 4] (24 elements) to [5, 5] (25 elements)}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.reshape %x {shapeArr = array<i64: 5, 5>} : (tensor<2x3x4xf32>) -> tensor<5x5xf32>
  nd4j.output
}

// -----

nd4j.graph @reshape_indivisible {
  %x = nd4j.placeholder "x" : tensor<2x3x4xf32>
  // expected-error @+2 {{cannot reshape [2, 3, 4] to [5, -1]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.reshape %x {shapeArr = array<i64: 5, -1>} : (tensor<2x3x4xf32>) -> tensor<5x5xf32>
  nd4j.output
}

// -----

nd4j.graph @permute_size {
  %x = nd4j.placeholder "x" : tensor<2x3x4xf32>
  // expected-error @+2 {{'reverseDims' [1, 0] does not permute 3 dimensions}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.permute %x {reverseDims = array<i64: 1, 0>} : (tensor<2x3x4xf32>) -> tensor<3x2x4xf32>
  nd4j.output
}

// -----

nd4j.graph @permute_not_perm {
  %x = nd4j.placeholder "x" : tensor<2x3x4xf32>
  // expected-error @+2 {{'reverseDims' [0, 0, 1] is not a permutation}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.permute %x {reverseDims = array<i64: 0, 0, 1>} : (tensor<2x3x4xf32>) -> tensor<2x2x3xf32>
  nd4j.output
}

// -----

nd4j.graph @concat_empty {
  // expected-error @+2 {{needs at least one input}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.concat {concatDimension = 0} : () -> tensor<2xf32>
  nd4j.output
}

// -----

nd4j.graph @concat_axis {
  %x = nd4j.placeholder "x" : tensor<2x3xf32>
  // expected-error @+2 {{'concatDimension' -3 is out of range for rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.concat %x, %x {concatDimension = -3} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<4x3xf32>
  nd4j.output
}

// -----

nd4j.graph @concat_dims {
  %x = nd4j.placeholder "x" : tensor<2x3xf32>
  %y = nd4j.placeholder "y" : tensor<2x4xf32>
  // expected-error @+2 {{inputs [2, 3] and [2, 4] differ in dimension 1}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.concat %x, %y {concatDimension = 0} : (tensor<2x3xf32>, tensor<2x4xf32>) -> tensor<4x3xf32>
  nd4j.output
}

// -----

nd4j.graph @concat_rank {
  %x = nd4j.placeholder "x" : tensor<2x3xf32>
  %y = nd4j.placeholder "y" : tensor<2xf32>
  // expected-error @+2 {{inputs have different ranks: [2, 3] vs [2]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.concat %x, %y {concatDimension = 0} : (tensor<2x3xf32>, tensor<2xf32>) -> tensor<4x3xf32>
  nd4j.output
}

// -----

nd4j.graph @concat_types {
  %x = nd4j.placeholder "x" : tensor<2xf32>
  %y = nd4j.placeholder "y" : tensor<2xi32>
  // expected-error @+2 {{input element types differ: 'f32' vs 'i32'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.concat %x, %y {concatDimension = 0} : (tensor<2xf32>, tensor<2xi32>) -> tensor<4xf32>
  nd4j.output
}

// -----

nd4j.graph @constant_type {
  // expected-error @+1 {{failed to verify that all of {value, result} have same type}}
  %c = "nd4j.constant"() <{value = dense<1.0> : tensor<2xf32>}> : () -> tensor<3xf32>
  nd4j.output
}

// -----

nd4j.graph @reduce_twice {
  %x = nd4j.placeholder "x" : tensor<2x3xf32>
  // expected-error @+2 {{'dimensions' [1, -1] names dimension 1 twice}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.reduce_sum %x {dimensions = array<i64: 1, -1>, keepDims = false} : (tensor<2x3xf32>) -> tensor<2xf32>
  nd4j.output
}

// -----

nd4j.graph @reduce_range {
  %x = nd4j.placeholder "x" : tensor<2x3xf32>
  // expected-error @+2 {{'dimensions' 2 is out of range for rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.argmax %x {dimensions = array<i64: 2>, keepDims = false} : (tensor<2x3xf32>) -> tensor<2xi64>
  nd4j.output
}

// -----

nd4j.graph @cast_dtype {
  %x = nd4j.placeholder "x" : tensor<2xf32>
  // expected-error @+2 {{'dtype' 'index' is not a tensor element type}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.cast %x {dtype = index} : (tensor<2xf32>) -> tensor<2xindex>
  nd4j.output
}

// -----

nd4j.graph @clip_bounds {
  %x = nd4j.placeholder "x" : tensor<2xf32>
  // expected-error @+2 {{'left' 2.000000e+00 is greater than 'right' 1.000000e+00}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.clipbyvalue %x {left = 2.0 : f64, right = 1.0 : f64} : (tensor<2xf32>) -> tensor<2xf32>
  nd4j.output
}

// -----

nd4j.graph @log_softmax_axis {
  %x = nd4j.placeholder "x" : tensor<2xf32>
  // expected-error @+2 {{'dimension' -2 is out of range for rank 1}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.log_softmax %x {dimension = -2} : (tensor<2xf32>) -> tensor<2xf32>
  nd4j.output
}

// -----

nd4j.graph @compare_result {
  %x = nd4j.placeholder "x" : tensor<2xf32>
  // expected-error @+2 {{inferred type(s) 'tensor<2xi1>' are incompatible with return type(s) of operation 'tensor<2xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.less %x, %x : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  nd4j.output
}

// -----

nd4j.graph @where_condition {
  %x = nd4j.placeholder "x" : tensor<2xf32>
  // expected-error @+2 {{cond must be a bool (i1) tensor, got 'tensor<2xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.select %x, %x, %x : (tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  nd4j.output
}

// -----

nd4j.graph @select_shapes {
  %c = nd4j.placeholder "c" : tensor<2x3xi1>
  %x = nd4j.placeholder "x" : tensor<2x3xf32>
  %y = nd4j.placeholder "y" : tensor<3xf32>
  // expected-error @+2 {{cond, input and y must have one shape, got [2, 3], [2, 3] and [3]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.select %c, %x, %y : (tensor<2x3xi1>, tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  nd4j.output
}

// -----

nd4j.graph @broadcast_to_shape {
  %x = nd4j.placeholder "x" : tensor<2x3xf32>
  %s = nd4j.constant dense<[2, 1]> : tensor<2xi64>
  // expected-error @+2 {{input shape [2, 3] does not broadcast to [2, 1]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.broadcast_to %x, %s : (tensor<2x3xf32>, tensor<2xi64>) -> tensor<2x1xf32>
  nd4j.output
}

// -----

nd4j.graph @broadcast_to_rank {
  %x = nd4j.placeholder "x" : tensor<2x3xf32>
  %s = nd4j.placeholder "s" : tensor<1xi64>
  // expected-error @+2 {{cannot broadcast rank 2 to rank 1}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.broadcast_to %x, %s : (tensor<2x3xf32>, tensor<1xi64>) -> tensor<?xf32>
  nd4j.output
}

// -----

nd4j.graph @tile_count {
  %x = nd4j.placeholder "x" : tensor<2x3xf32>
  // expected-error @+2 {{'dimensions' [2] must give one count per dimension of [2, 3]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.tile %x {dimensions = array<i64: 2>} : (tensor<2x3xf32>) -> tensor<4x3xf32>
  nd4j.output
}

// -----

nd4j.graph @tile_negative {
  %x = nd4j.placeholder "x" : tensor<2xf32>
  // expected-error @+2 {{'dimensions' [-1] has a negative count}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.tile %x {dimensions = array<i64: -1>} : (tensor<2xf32>) -> tensor<2xf32>
  nd4j.output
}

// -----

nd4j.graph @gather_indices {
  %x = nd4j.placeholder "x" : tensor<2xf32>
  // expected-error @+2 {{indices must be integers, got 'f32'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.gather %x, %x {dimensions = 0} : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  nd4j.output
}

// -----

nd4j.graph @gather_axis {
  %x = nd4j.placeholder "x" : tensor<2xf32>
  %i = nd4j.placeholder "i" : tensor<1xi64>
  // expected-error @+2 {{'dimensions' 1 is out of range for rank 1}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.gather %x, %i {dimensions = 1} : (tensor<2xf32>, tensor<1xi64>) -> tensor<1xf32>
  nd4j.output
}

// -----

nd4j.graph @depth_to_space_block {
  %x = nd4j.placeholder "x" : tensor<1x8x2x3xf32>
  // expected-error @+2 {{'block_size' must be at least 2, got 1}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.depth_to_space %x {block_size = 1, isNHWC = 0} : (tensor<1x8x2x3xf32>) -> tensor<1x8x2x3xf32>
  nd4j.output
}

// -----

nd4j.graph @depth_to_space_channels {
  %x = nd4j.placeholder "x" : tensor<1x6x2x3xf32>
  // expected-error @+2 {{channels 6 are not a multiple of block_size^2 = 4}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.depth_to_space %x {block_size = 2, isNHWC = 0} : (tensor<1x6x2x3xf32>) -> tensor<1x1x4x6xf32>
  nd4j.output
}

// -----

nd4j.graph @depth_to_space_rank {
  %x = nd4j.placeholder "x" : tensor<8x2x3xf32>
  // expected-error @+2 {{input must be rank 4, got [8, 2, 3]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.depth_to_space %x {block_size = 2, isNHWC = 0} : (tensor<8x2x3xf32>) -> tensor<2x4x6xf32>
  nd4j.output
}

// -----

nd4j.graph @conv3d_rank {
  %x = nd4j.placeholder "x" : tensor<1x2x4x4xf32>
  %w = nd4j.placeholder "w" : tensor<2x2x2x2x3xf32>
  // expected-error @+2 {{input must be rank 5, got [1, 2, 4, 4]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.conv3dnew %x, %w {kD = 2, kH = 2, kW = 2, sD = 1, sH = 1, sW = 1, pD = 0, pH = 0, pW = 0, dD = 1, dH = 1, dW = 1, paddingMode = 0, isNCDHW = 0} : (tensor<1x2x4x4xf32>, tensor<2x2x2x2x3xf32>) -> tensor<1x3x3x3x3xf32>
  nd4j.output
}

// -----

nd4j.graph @conv3d_weights_rank {
  %x = nd4j.placeholder "x" : tensor<1x2x4x4x4xf32>
  %w = nd4j.placeholder "w" : tensor<2x2x2x2xf32>
  // expected-error @+2 {{weights must be rank 5, got [2, 2, 2, 2]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.conv3dnew %x, %w {kD = 2, kH = 2, kW = 2, sD = 1, sH = 1, sW = 1, pD = 0, pH = 0, pW = 0, dD = 1, dH = 1, dW = 1, paddingMode = 0, isNCDHW = 0} : (tensor<1x2x4x4x4xf32>, tensor<2x2x2x2xf32>) -> tensor<1x3x3x3x3xf32>
  nd4j.output
}

// -----

nd4j.graph @conv3d_kernel {
  %x = nd4j.placeholder "x" : tensor<1x2x4x4x4xf32>
  %w = nd4j.placeholder "w" : tensor<2x2x2x2x3xf32>
  // expected-error @+2 {{weights [2, 2, 2, 2, 3] ([kD, kH, kW, iC, oC]) do not hold a 3x2x2 kernel}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.conv3dnew %x, %w {kD = 3, kH = 2, kW = 2, sD = 1, sH = 1, sW = 1, pD = 0, pH = 0, pW = 0, dD = 1, dH = 1, dW = 1, paddingMode = 0, isNCDHW = 0} : (tensor<1x2x4x4x4xf32>, tensor<2x2x2x2x3xf32>) -> tensor<1x3x2x3x3xf32>
  nd4j.output
}

// -----

nd4j.graph @conv3d_channels {
  %x = nd4j.placeholder "x" : tensor<1x5x4x4x4xf32>
  %w = nd4j.placeholder "w" : tensor<2x2x2x2x3xf32>
  // expected-error @+2 {{weights [2, 2, 2, 2, 3] expect 2 input channels, input [1, 5, 4, 4, 4] has 5}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.conv3dnew %x, %w {kD = 2, kH = 2, kW = 2, sD = 1, sH = 1, sW = 1, pD = 0, pH = 0, pW = 0, dD = 1, dH = 1, dW = 1, paddingMode = 0, isNCDHW = 0} : (tensor<1x5x4x4x4xf32>, tensor<2x2x2x2x3xf32>) -> tensor<1x3x3x3x3xf32>
  nd4j.output
}

// -----

nd4j.graph @conv3d_bias {
  %x = nd4j.placeholder "x" : tensor<1x2x4x4x4xf32>
  %w = nd4j.placeholder "w" : tensor<2x2x2x2x3xf32>
  %b = nd4j.placeholder "b" : tensor<4xf32>
  // expected-error @+2 {{bias must be [3], got [4]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.conv3dnew %x, %w, %b {kD = 2, kH = 2, kW = 2, sD = 1, sH = 1, sW = 1, pD = 0, pH = 0, pW = 0, dD = 1, dH = 1, dW = 1, paddingMode = 0, isNCDHW = 0} : (tensor<1x2x4x4x4xf32>, tensor<2x2x2x2x3xf32>, tensor<4xf32>) -> tensor<1x3x3x3x3xf32>
  nd4j.output
}

// -----

nd4j.graph @conv3d_mode {
  %x = nd4j.placeholder "x" : tensor<1x2x4x4x4xf32>
  %w = nd4j.placeholder "w" : tensor<2x2x2x2x3xf32>
  // expected-error @+2 {{'paddingMode' must be 0 or 1, got 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.conv3dnew %x, %w {kD = 2, kH = 2, kW = 2, sD = 1, sH = 1, sW = 1, pD = 0, pH = 0, pW = 0, dD = 1, dH = 1, dW = 1, paddingMode = 2, isNCDHW = 0} : (tensor<1x2x4x4x4xf32>, tensor<2x2x2x2x3xf32>) -> tensor<1x3x3x3x3xf32>
  nd4j.output
}

// -----

nd4j.graph @pool3d_window {
  %x = nd4j.placeholder "x" : tensor<1x2x4x4x4xf32>
  // expected-error @+2 {{kernel, stride and dilation must be at least 1 and padding at least 0 in the depth dimension}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.maxpool3dnew %x {kD = 0, kH = 2, kW = 2, sD = 1, sH = 1, sW = 1, pD = 0, pH = 0, pW = 0, dD = 1, dH = 1, dW = 1, isSameMode = 0, extraParam0 = 0, isNCDHW = 0} : (tensor<1x2x4x4x4xf32>) -> tensor<1x2x4x3x3xf32>
  nd4j.output
}

// -----

nd4j.graph @pool3d_rank {
  %x = nd4j.placeholder "x" : tensor<2x4x4x4xf32>
  // expected-error @+2 {{input must be rank 5, got [2, 4, 4, 4]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.avgpool3dnew %x {kD = 2, kH = 2, kW = 2, sD = 1, sH = 1, sW = 1, pD = 0, pH = 0, pW = 0, dD = 1, dH = 1, dW = 1, isSameMode = 0, extraParam0 = 0, isNCDHW = 0} : (tensor<2x4x4x4xf32>) -> tensor<2x3x3x3xf32>
  nd4j.output
}

// -----

nd4j.graph @dw_input_rank {
  %x = nd4j.placeholder "x" : tensor<4x8x8xf32>
  %w = nd4j.placeholder "w" : tensor<3x3x4x2xf32>
  // expected-error @+2 {{input must be rank 4, got [4, 8, 8]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.depthwise_conv2d %x, %w {kH = 3, kW = 3, sH = 1, sW = 1, pH = 1, pW = 1, dH = 1, dW = 1, isSameMode = 0, isNCHW = 0} : (tensor<4x8x8xf32>, tensor<3x3x4x2xf32>) -> tensor<8x8x8xf32>
  nd4j.output
}

// -----

nd4j.graph @dw_weights_rank {
  %x = nd4j.placeholder "x" : tensor<1x4x8x8xf32>
  %w = nd4j.placeholder "w" : tensor<3x3x4xf32>
  // expected-error @+2 {{weights must be rank 4, got [3, 3, 4]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.depthwise_conv2d %x, %w {kH = 3, kW = 3, sH = 1, sW = 1, pH = 1, pW = 1, dH = 1, dW = 1, isSameMode = 0, isNCHW = 0} : (tensor<1x4x8x8xf32>, tensor<3x3x4xf32>) -> tensor<1x8x8x8xf32>
  nd4j.output
}

// -----

nd4j.graph @dw_kernel {
  %x = nd4j.placeholder "x" : tensor<1x4x8x8xf32>
  %w = nd4j.placeholder "w" : tensor<3x3x4x2xf32>
  // expected-error @+2 {{weights [3, 3, 4, 2] ([kH, kW, iC, mC]) do not hold a 5x3 kernel}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.depthwise_conv2d %x, %w {kH = 5, kW = 3, sH = 1, sW = 1, pH = 1, pW = 1, dH = 1, dW = 1, isSameMode = 0, isNCHW = 0} : (tensor<1x4x8x8xf32>, tensor<3x3x4x2xf32>) -> tensor<1x8x8x8xf32>
  nd4j.output
}

// -----

nd4j.graph @dw_channels {
  %x = nd4j.placeholder "x" : tensor<1x4x8x8xf32>
  %w = nd4j.placeholder "w" : tensor<3x3x2x2xf32>
  // expected-error @+2 {{weights [3, 3, 2, 2] ([kH, kW, iC, mC]) expect 2 input channels, input [1, 4, 8, 8] has 4}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.depthwise_conv2d %x, %w {kH = 3, kW = 3, sH = 1, sW = 1, pH = 1, pW = 1, dH = 1, dW = 1, isSameMode = 0, isNCHW = 0} : (tensor<1x4x8x8xf32>, tensor<3x3x2x2xf32>) -> tensor<1x8x8x8xf32>
  nd4j.output
}

// -----

nd4j.graph @dw_bias {
  %x = nd4j.placeholder "x" : tensor<1x4x8x8xf32>
  %w = nd4j.placeholder "w" : tensor<3x3x4x2xf32>
  %b = nd4j.placeholder "b" : tensor<4xf32>
  // expected-error @+2 {{bias must be [8], got [4]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.depthwise_conv2d %x, %w, %b {kH = 3, kW = 3, sH = 1, sW = 1, pH = 1, pW = 1, dH = 1, dW = 1, isSameMode = 0, isNCHW = 0} : (tensor<1x4x8x8xf32>, tensor<3x3x4x2xf32>, tensor<4xf32>) -> tensor<1x8x8x8xf32>
  nd4j.output
}

// -----

nd4j.graph @slice_masks {
  %x = nd4j.placeholder "x" : tensor<4xf32>
  // expected-error @+2 {{only begin_mask and end_mask are supported; ellipsis_mask, new_axis_mask and shrink_axis_mask must be 0}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.strided_slice %x {begin_mask = 0, ellipsis_mask = 1, end_mask = 0, new_axis_mask = 0, operandSegmentSizes = array<i32: 1, 0, 0, 0>, shrink_axis_mask = 0, begin = array<i64: 0>, end = array<i64: 2>, strides = array<i64: 1>} : (tensor<4xf32>) -> tensor<2xf32>
  nd4j.output
}

// -----

nd4j.graph @slice_entries {
  %x = nd4j.placeholder "x" : tensor<4x4xf32>
  // expected-error @+2 {{begin, end and strides need one entry per dimension of [4, 4], got 1, 1 and 1}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.strided_slice %x {begin_mask = 0, ellipsis_mask = 0, end_mask = 0, new_axis_mask = 0, operandSegmentSizes = array<i32: 1, 0, 0, 0>, shrink_axis_mask = 0, begin = array<i64: 0>, end = array<i64: 2>, strides = array<i64: 1>} : (tensor<4x4xf32>) -> tensor<2x4xf32>
  nd4j.output
}

// -----

nd4j.graph @slice_runtime_with_attrs {
  %x = nd4j.placeholder "x" : tensor<4xf32>
  %b = nd4j.placeholder "b" : tensor<1xi64>
  // expected-error @+2 {{run-time bounds need v_begin and v_end (and optionally v_stride) with the begin, end and strides attributes empty}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.strided_slice %x, %b, %b {begin_mask = 0, ellipsis_mask = 0, end_mask = 0, new_axis_mask = 0, operandSegmentSizes = array<i32: 1, 1, 1, 0>, shrink_axis_mask = 0, begin = array<i64: 0>, end = array<i64>, strides = array<i64>} : (tensor<4xf32>, tensor<1xi64>, tensor<1xi64>) -> tensor<?xf32>
  nd4j.output
}

// -----

nd4j.graph @slice_runtime_entries {
  %x = nd4j.placeholder "x" : tensor<4x4xf32>
  %b = nd4j.placeholder "b" : tensor<1xi64>
  // expected-error @+2 {{run-time bounds must be integer vectors of 2 entries, got 'tensor<1xi64>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.strided_slice %x, %b, %b {begin_mask = 0, ellipsis_mask = 0, end_mask = 0, new_axis_mask = 0, operandSegmentSizes = array<i32: 1, 1, 1, 0>, shrink_axis_mask = 0, begin = array<i64>, end = array<i64>, strides = array<i64>} : (tensor<4x4xf32>, tensor<1xi64>, tensor<1xi64>) -> tensor<?x?xf32>
  nd4j.output
}

// -----

nd4j.graph @slice_stride {
  %x = nd4j.placeholder "x" : tensor<4xf32>
  // expected-error @+2 {{stride of dimension 0 is 0}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.strided_slice %x {begin_mask = 0, ellipsis_mask = 0, end_mask = 0, new_axis_mask = 0, operandSegmentSizes = array<i32: 1, 0, 0, 0>, shrink_axis_mask = 0, begin = array<i64: 0>, end = array<i64: 2>, strides = array<i64: 0>} : (tensor<4xf32>) -> tensor<2xf32>
  nd4j.output
}

// -----

nd4j.graph @pad_mode {
  %x = nd4j.placeholder "x" : tensor<2xf32>
  %p = nd4j.constant dense<[[1, 1]]> : tensor<1x2xi64>
  // expected-error @+2 {{'mode' must be 0 (constant), 1 (reflect) or 2 (symmetric), got 3}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.pad %x, %p {mode = 3, padValue = 0.0 : f64} : (tensor<2xf32>, tensor<1x2xi64>) -> tensor<4xf32>
  nd4j.output
}

// -----

nd4j.graph @pad_shape {
  %x = nd4j.placeholder "x" : tensor<2xf32>
  %p = nd4j.placeholder "p" : tensor<2xi64>
  // expected-error @+2 {{paddings must be an integer [1, 2] tensor, got 'tensor<2xi64>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.pad %x, %p {mode = 0, padValue = 0.0 : f64} : (tensor<2xf32>, tensor<2xi64>) -> tensor<4xf32>
  nd4j.output
}

// -----

nd4j.graph @pad_negative {
  %x = nd4j.placeholder "x" : tensor<2xf32>
  %p = nd4j.constant dense<[[-1, 1]]> : tensor<1x2xi64>
  // expected-error @+2 {{paddings of dimension 0 are negative}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.pad %x, %p {mode = 0, padValue = 0.0 : f64} : (tensor<2xf32>, tensor<1x2xi64>) -> tensor<2xf32>
  nd4j.output
}

// -----

nd4j.graph @pad_reflect {
  %x = nd4j.placeholder "x" : tensor<2xf32>
  %p = nd4j.constant dense<[[2, 0]]> : tensor<1x2xi64>
  // expected-error @+2 {{paddings of dimension 0 exceed what reflect mode can take from extent 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.pad %x, %p {mode = 1, padValue = 0.0 : f64} : (tensor<2xf32>, tensor<1x2xi64>) -> tensor<4xf32>
  nd4j.output
}
