// RUN: nd4j-opt %s -split-input-file -verify-diagnostics

// Diagnostics of the shape-family ops and of the run-time operands of
// reductions and tile.

nd4j.graph @fill_shape {
  %s = nd4j.placeholder "s" : tensor<2x2xi64>
  // expected-error @+2 {{shape must be a 1-D integer tensor of static length}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.fill %s {dtype = f32, value = 0.0 : f64} : (tensor<2x2xi64>) -> tensor<?x?xf32>
  nd4j.output
}

// -----

nd4j.graph @fill_negative {
  %s = nd4j.constant dense<[2, -3]> : tensor<2xi64>
  // expected-error @+2 {{shape has a negative dimension -3}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.fill %s {dtype = f32, value = 0.0 : f64} : (tensor<2xi64>) -> tensor<2x3xf32>
  nd4j.output
}

// -----

nd4j.graph @reverse_range {
  %x = nd4j.placeholder "x" : tensor<2x3xf32>
  // expected-error @+2 {{'dimensions' 2 is out of range for rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.reverse %x {dimensions = array<i64: 2>} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  nd4j.output
}

// -----

nd4j.graph @range_scalars {
  %a = nd4j.placeholder "a" : tensor<2xf32>
  // expected-error @+2 {{from, to and step must be scalars}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.range %a, %a, %a {dtype = f32} : (tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<?xf32>
  nd4j.output
}

// -----

nd4j.graph @cumsum_axis {
  %x = nd4j.placeholder "x" : tensor<2x3xf32>
  %k = nd4j.placeholder "k" : tensor<2xi32>
  // expected-error @+2 {{dimensions must be one integer}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.cumsum %x, %k {exclusive = 0 : i64, reverse = 0 : i64} : (tensor<2x3xf32>, tensor<2xi32>) -> tensor<2x3xf32>
  nd4j.output
}

// -----

nd4j.graph @cumsum_flag {
  %x = nd4j.placeholder "x" : tensor<2x3xf32>
  %k = nd4j.placeholder "k" : tensor<i32>
  // expected-error @+2 {{'reverse' must be 0 or 1, got 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.cumsum %x, %k {exclusive = 0 : i64, reverse = 2 : i64} : (tensor<2x3xf32>, tensor<i32>) -> tensor<2x3xf32>
  nd4j.output
}

// -----

nd4j.graph @reduce_axes_and_dimensions {
  %x = nd4j.placeholder "x" : tensor<2x3xf32>
  %ax = nd4j.placeholder "ax" : tensor<1xi64>
  // expected-error @+2 {{'dimensions' must be empty when axes are an operand}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.reduce_sum %x, %ax {dimensions = array<i64: 1>, keepDims = true} : (tensor<2x3xf32>, tensor<1xi64>) -> tensor<?x?xf32>
  nd4j.output
}

// -----

nd4j.graph @reduce_axes_type {
  %x = nd4j.placeholder "x" : tensor<2x3xf32>
  %ax = nd4j.placeholder "ax" : tensor<3xi64>
  // expected-error @+2 {{axes must be a 1-D integer tensor of at most 2 elements}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.reduce_sum %x, %ax {dimensions = array<i64>, keepDims = true} : (tensor<2x3xf32>, tensor<3xi64>) -> tensor<?x?xf32>
  nd4j.output
}

// -----

nd4j.graph @tile_reps_vector {
  %x = nd4j.placeholder "x" : tensor<2x3xf32>
  %r = nd4j.placeholder "r" : tensor<3xi64>
  // expected-error @+2 {{reps_vector must be an integer [2] tensor with 'dimensions' empty}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.tile %x, %r {dimensions = array<i64>} : (tensor<2x3xf32>, tensor<3xi64>) -> tensor<?x?xf32>
  nd4j.output
}

// -----

nd4j.graph @top_k_range {
  %x = nd4j.placeholder "x" : tensor<2x3xf32>
  // expected-error @+2 {{'k' 4 is out of range for dimension 3}}
  // expected-error @+1 {{failed to infer returned types}}
  %0:2 = nd4j.top_k %x {k = 4 : i64, needSort = true} : (tensor<2x3xf32>) -> (tensor<2x4xf32>, tensor<2x4xi64>)
  nd4j.output
}

// -----

nd4j.graph @top_k_scalar {
  %x = nd4j.placeholder "x" : tensor<f32>
  // expected-error @+2 {{top_k needs an input of rank 1 or more}}
  // expected-error @+1 {{failed to infer returned types}}
  %0:2 = nd4j.top_k %x {k = 1 : i64, needSort = true} : (tensor<f32>) -> (tensor<1xf32>, tensor<1xi64>)
  nd4j.output
}
