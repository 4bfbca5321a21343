// RUN: nd4j-opt %s -split-input-file -verify-diagnostics

// Diagnostics of the linalg-family ops.

nd4j.graph @zeta_shape {
  %x = nd4j.placeholder "x" : tensor<3xf32>
  %q = nd4j.placeholder "q" : tensor<1xf32>
  // expected-error @+2 {{operands must have one type, got 'tensor<3xf32>' and 'tensor<1xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.zeta %x, %q : (tensor<3xf32>, tensor<1xf32>) -> tensor<3xf32>
  nd4j.output
}

// -----

nd4j.graph @polygamma_int {
  %x = nd4j.placeholder "x" : tensor<3xi32>
  // expected-error @+2 {{operands must be floating-point, got 'tensor<3xi32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.polygamma %x, %x : (tensor<3xi32>, tensor<3xi32>) -> tensor<3xi32>
  nd4j.output
}

// -----

nd4j.graph @cholesky_square {
  %x = nd4j.placeholder "x" : tensor<2x3xf32>
  // expected-error @+2 {{input must be square matrices [..., M, M], got [2, 3]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.cholesky %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  nd4j.output
}

// -----

nd4j.graph @cholesky_float {
  %x = nd4j.placeholder "x" : tensor<3x3xi32>
  // expected-error @+2 {{input must be floating-point, got 'tensor<3x3xi32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.cholesky %x : (tensor<3x3xi32>) -> tensor<3x3xi32>
  nd4j.output
}

// -----

nd4j.graph @solve_rhs {
  %a = nd4j.placeholder "a" : tensor<3x3xf32>
  %b = nd4j.placeholder "b" : tensor<2x1xf32>
  // expected-error @+2 {{b [2, 1] must be [..., M, K] for a [3, 3]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.solve %a, %b {useAdjoint = false} : (tensor<3x3xf32>, tensor<2x1xf32>) -> tensor<2x1xf32>
  nd4j.output
}

// -----

nd4j.graph @triangular_solve_type {
  %a = nd4j.placeholder "a" : tensor<3x3xf32>
  %b = nd4j.placeholder "b" : tensor<3x1xf64>
  // expected-error @+2 {{operand element types differ: 'f32' vs 'f64'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.triangular_solve %a, %b {isLower = true, useAdjoint = false} : (tensor<3x3xf32>, tensor<3x1xf64>) -> tensor<3x1xf64>
  nd4j.output
}

// -----

nd4j.graph @lu_dtype {
  %x = nd4j.placeholder "x" : tensor<3x3xf32>
  // expected-error @+2 {{dtype of the permutation must be i32 or i64, got 'f32'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0:2 = nd4j.lu %x {dtype = f32} : (tensor<3x3xf32>) -> (tensor<3x3xf32>, tensor<3xf32>)
  nd4j.output
}

// -----

nd4j.graph @log_matrix_determinant_square {
  %x = nd4j.placeholder "x" : tensor<3x2xf32>
  // expected-error @+2 {{input must be square matrices [..., M, M], got [3, 2]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.log_matrix_determinant %x : (tensor<3x2xf32>) -> tensor<f32>
  nd4j.output
}
