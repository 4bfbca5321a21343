// RUN: nd4j-opt %s -split-input-file -verify-diagnostics

// Every diagnostic of the loss-family ops' inference.

nd4j.graph @onehot_dtype {
  %i = nd4j.placeholder "i" : tensor<3xi64>
  %v = nd4j.placeholder "v" : tensor<1xf32>
  // expected-error @+2 {{'dtype' must be a floating-point or integer type, got 'index'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.onehot %i, %i, %v, %v {dimensions = 0, dtype = index} : (tensor<3xi64>, tensor<3xi64>, tensor<1xf32>, tensor<1xf32>) -> tensor<?x3xindex>
  nd4j.output
}

// -----

nd4j.graph @onehot_axis {
  %i = nd4j.placeholder "i" : tensor<3xi64>
  %v = nd4j.placeholder "v" : tensor<1xf32>
  // expected-error @+2 {{'dimensions' 2 is out of range for rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.onehot %i, %i, %v, %v {dimensions = 2, dtype = f32} : (tensor<3xi64>, tensor<3xi64>, tensor<1xf32>, tensor<1xf32>) -> tensor<3x?xf32>
  nd4j.output
}

// -----

nd4j.graph @onehot_empty {
  %i = nd4j.placeholder "i" : tensor<3xi64>
  %v = nd4j.placeholder "v" : tensor<0xf32>
  // expected-error @+2 {{'on' must hold a value, got 'tensor<0xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.onehot %i, %i, %v, %v {dimensions = 0, dtype = f32} : (tensor<3xi64>, tensor<3xi64>, tensor<0xf32>, tensor<0xf32>) -> tensor<?x3xf32>
  nd4j.output
}

// -----

nd4j.graph @onehot_depth {
  %i = nd4j.placeholder "i" : tensor<3xi64>
  %v = nd4j.placeholder "v" : tensor<1xf32>
  %d = nd4j.constant dense<0> : tensor<i64>
  // expected-error @+2 {{'depth' must be positive, got 0}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.onehot %i, %d, %v, %v {dimensions = 0, dtype = f32} : (tensor<3xi64>, tensor<i64>, tensor<1xf32>, tensor<1xf32>) -> tensor<0x3xf32>
  nd4j.output
}

// -----

nd4j.graph @determinant_not_square {
  %m = nd4j.placeholder "m" : tensor<4x2x3xf32>
  // expected-error @+2 {{input must be [..., M, M], got [4, 2, 3]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.matrix_determinant %m : (tensor<4x2x3xf32>) -> tensor<4xf32>
  nd4j.output
}

// -----

nd4j.graph @diag_part_rank {
  %v = nd4j.placeholder "v" : tensor<4xf32>
  // expected-error @+2 {{input must be [..., M, N], got [4]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.matrix_diag_part %v : (tensor<4xf32>) -> tensor<4xf32>
  nd4j.output
}
