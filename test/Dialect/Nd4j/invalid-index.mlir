// RUN: nd4j-opt %s -split-input-file -verify-diagnostics

// The index ops' shape and attribute checks.

nd4j.graph @gather_nd_float_indices {
  %x = nd4j.placeholder "x" : tensor<4x5xf32>
  %i = nd4j.placeholder "i" : tensor<3x1xf32>
  // expected-error @+2 {{indices must be integers, got 'f32'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.gather_nd %x, %i : (tensor<4x5xf32>, tensor<3x1xf32>) -> tensor<3x5xf32>
  nd4j.output
}

// -----

nd4j.graph @gather_nd_dynamic_width {
  %x = nd4j.placeholder "x" : tensor<4x5xf32>
  %i = nd4j.placeholder "i" : tensor<3x?xi64>
  // expected-error @+2 {{indices [3, ?] must have a static last dimension}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.gather_nd %x, %i : (tensor<4x5xf32>, tensor<3x?xi64>) -> tensor<3xf32>
  nd4j.output
}

// -----

nd4j.graph @gather_nd_too_wide {
  %x = nd4j.placeholder "x" : tensor<4x5xf32>
  %i = nd4j.placeholder "i" : tensor<3x3xi64>
  // expected-error @+2 {{coordinates of 3 elements exceed input rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.gather_nd %x, %i : (tensor<4x5xf32>, tensor<3x3xi64>) -> tensor<3xf32>
  nd4j.output
}

// -----

nd4j.graph @scatter_nd_updates_shape {
  %x = nd4j.placeholder "x" : tensor<4x5xf32>
  %i = nd4j.placeholder "i" : tensor<3x1xi64>
  %u = nd4j.placeholder "u" : tensor<3x4xf32>
  // expected-error @+2 {{updates [3, 4] must have shape [3, 5]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.scatter_nd_update %x, %i, %u : (tensor<4x5xf32>, tensor<3x1xi64>, tensor<3x4xf32>) -> tensor<4x5xf32>
  nd4j.output
}

// -----

nd4j.graph @scatter_nd_element_type {
  %x = nd4j.placeholder "x" : tensor<4x5xf32>
  %i = nd4j.placeholder "i" : tensor<3x1xi64>
  %u = nd4j.placeholder "u" : tensor<3x5xf64>
  // expected-error @+2 {{operand element types differ: 'f32' vs 'f64'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.scatter_nd_add %x, %i, %u : (tensor<4x5xf32>, tensor<3x1xi64>, tensor<3x5xf64>) -> tensor<4x5xf32>
  nd4j.output
}

// -----

nd4j.graph @reverse_sequence_same_dims {
  %x = nd4j.placeholder "x" : tensor<4x5xf32>
  %l = nd4j.placeholder "l" : tensor<5xi64>
  // expected-error @+2 {{seqDim and batchDim are both 1}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.reverse_sequence %x, %l {seqDim = -1 : i64, batchDim = 1 : i64} : (tensor<4x5xf32>, tensor<5xi64>) -> tensor<4x5xf32>
  nd4j.output
}

// -----

nd4j.graph @reverse_sequence_lengths {
  %x = nd4j.placeholder "x" : tensor<4x5xf32>
  %l = nd4j.placeholder "l" : tensor<4xi64>
  // expected-error @+2 {{seqLengths 'tensor<4xi64>' must be integers, one per batch entry of [4, 5]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.reverse_sequence %x, %l {seqDim = 0 : i64, batchDim = 1 : i64} : (tensor<4x5xf32>, tensor<4xi64>) -> tensor<4x5xf32>
  nd4j.output
}

// -----

nd4j.graph @reverse_sequence_axis {
  %x = nd4j.placeholder "x" : tensor<4x5xf32>
  %l = nd4j.placeholder "l" : tensor<5xi64>
  // expected-error @+2 {{'seqDim' 2 is out of range for rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.reverse_sequence %x, %l {seqDim = 2 : i64, batchDim = 1 : i64} : (tensor<4x5xf32>, tensor<5xi64>) -> tensor<4x5xf32>
  nd4j.output
}

// -----

nd4j.graph @random_data_type {
  %s = nd4j.placeholder "s" : tensor<2xi64>
  // expected-error @+2 {{dataType must be a floating-point or integer type, got 'i1'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.randomuniform %s {dataType = i1, dtype = 1 : i64, max = 1.0 : f64, min = 0.0 : f64} : (tensor<2xi64>) -> tensor<2x3xi1>
  nd4j.output
}

// -----

nd4j.graph @random_dtype_code {
  %s = nd4j.placeholder "s" : tensor<2xi64>
  // expected-error @+2 {{dtype 6 is not libnd4j's number 5 of 'f32'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.randomuniform %s {dataType = f32, dtype = 6 : i64, max = 1.0 : f64, min = 0.0 : f64} : (tensor<2xi64>) -> tensor<2x3xf32>
  nd4j.output
}

// -----

nd4j.graph @random_shape_operand {
  %s = nd4j.placeholder "s" : tensor<2x2xi64>
  // expected-error @+2 {{shape must be a 1-D integer tensor of static size, got 'tensor<2x2xi64>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.randomuniform %s {dataType = f32, dtype = 5 : i64, max = 1.0 : f64, min = 0.0 : f64} : (tensor<2x2xi64>) -> tensor<2x3xf32>
  nd4j.output
}

// -----

nd4j.graph @random_bounds {
  %s = nd4j.placeholder "s" : tensor<2xi64>
  // expected-error @+2 {{min 1.000000e+00 exceeds max 0.000000e+00}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.randomuniform %s {dataType = f32, dtype = 5 : i64, max = 0.0 : f64, min = 1.0 : f64} : (tensor<2xi64>) -> tensor<2x3xf32>
  nd4j.output
}

// -----

nd4j.graph @random_negative_extent {
  %s = nd4j.constant dense<[2, -3]> : tensor<2xi64>
  // expected-error @+2 {{shape [2, -3] has a negative extent}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.randomuniform %s {dataType = f32, dtype = 5 : i64, max = 1.0 : f64, min = 0.0 : f64} : (tensor<2xi64>) -> tensor<2x3xf32>
  nd4j.output
}

// -----

nd4j.graph @scatter_mul_indices {
  %x = nd4j.placeholder "x" : tensor<4x3xf32>
  %i = nd4j.placeholder "i" : tensor<2xf32>
  %u = nd4j.placeholder "u" : tensor<2x3xf32>
  // expected-error @+2 {{indices must be integers, got 'f32'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.scatter_mul %x, %i, %u : (tensor<4x3xf32>, tensor<2xf32>, tensor<2x3xf32>) -> tensor<4x3xf32>
  nd4j.output
}

// -----

nd4j.graph @scatter_max_rank0 {
  %x = nd4j.placeholder "x" : tensor<f32>
  %i = nd4j.placeholder "i" : tensor<2xi64>
  %u = nd4j.placeholder "u" : tensor<2xf32>
  // expected-error @+2 {{input must have a first dimension to scatter along}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.scatter_max %x, %i, %u : (tensor<f32>, tensor<2xi64>, tensor<2xf32>) -> tensor<f32>
  nd4j.output
}

// -----

nd4j.graph @scatter_min_updates {
  %x = nd4j.placeholder "x" : tensor<4x3xf32>
  %i = nd4j.placeholder "i" : tensor<2xi64>
  %u = nd4j.placeholder "u" : tensor<2x4xf32>
  // expected-error @+2 {{updates [2, 4] must have shape [2, 3]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.scatter_min %x, %i, %u : (tensor<4x3xf32>, tensor<2xi64>, tensor<2x4xf32>) -> tensor<4x3xf32>
  nd4j.output
}

// -----

nd4j.graph @scatter_mul_element_type {
  %x = nd4j.placeholder "x" : tensor<4x3xf32>
  %i = nd4j.placeholder "i" : tensor<2xi64>
  %u = nd4j.placeholder "u" : tensor<2x3xf64>
  // expected-error @+2 {{operand element types differ: 'f32' vs 'f64'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.scatter_mul %x, %i, %u : (tensor<4x3xf32>, tensor<2xi64>, tensor<2x3xf64>) -> tensor<4x3xf32>
  nd4j.output
}
