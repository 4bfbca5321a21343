// RUN: nd4j-opt %s -split-input-file --convert-exec-to-linalg -verify-diagnostics

// Reduction cases the lowering rejects instead of guessing.

nd4j_exec.graph @dim_out_of_range {
  %x = nd4j_exec.placeholder "x" : tensor<2x3xf32>
  // expected-error @below {{cannot lower libnd4j op 'reduce_sum' (node '<unnamed>'): dimension 2 is out of range for rank 2}}
  %0 = nd4j_exec.node "reduce_sum" <custom>(%x) i_args [2] b_args [false] : (tensor<2x3xf32>) -> tensor<2xf32>
  nd4j_exec.return %0 : tensor<2xf32>
}

// -----

nd4j_exec.graph @runtime_axes_unknown {
  %x = nd4j_exec.placeholder "x" : tensor<2x3xf32>
  %a = nd4j_exec.placeholder "a" : tensor<2xi64>
  // expected-error @below {{run-time axes: cannot tell the reduced dimensions}}
  %0 = nd4j_exec.node "reduce_max" <custom>(%x, %a) b_args [false] : (tensor<2x3xf32>, tensor<2xi64>) -> tensor<3xf32>
  nd4j_exec.return %0 : tensor<3xf32>
}

// -----

nd4j_exec.graph @softmax_int {
  %x = nd4j_exec.placeholder "x" : tensor<2x3xi32>
  // expected-error @below {{needs a float input and result}}
  %0 = nd4j_exec.node "softmax" <custom>(%x) i_args [1] : (tensor<2x3xi32>) -> tensor<2x3xi32>
  nd4j_exec.return %0 : tensor<2x3xi32>
}

// -----

nd4j_exec.graph @cumsum_two_axes {
  %x = nd4j_exec.placeholder "x" : tensor<2x3xf32>
  %a = nd4j_exec.placeholder "a" : tensor<2xi32>
  // expected-error @below {{needs exactly one axis}}
  %0 = nd4j_exec.node "cumsum" <custom>(%x, %a) i_args [0, 0] : (tensor<2x3xf32>, tensor<2xi32>) -> tensor<2x3xf32>
  nd4j_exec.return %0 : tensor<2x3xf32>
}

// -----

nd4j_exec.graph @batchnorm_param_shape {
  %x = nd4j_exec.placeholder "x" : tensor<2x3x4xf32>
  %m = nd4j_exec.placeholder "m" : tensor<4xf32>
  %v = nd4j_exec.placeholder "v" : tensor<4xf32>
  // expected-error @below {{parameter 1 of type 'tensor<4xf32>' does not match dimensions}}
  %0 = nd4j_exec.node "batchnorm" <custom>(%x, %m, %v) t_args [1.000000e-05] i_args [0, 0, 1] : (tensor<2x3x4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<2x3x4xf32>
  nd4j_exec.return %0 : tensor<2x3x4xf32>
}

// -----

nd4j_exec.graph @argmax_float_index {
  %x = nd4j_exec.placeholder "x" : tensor<2x3xf32>
  // expected-error @below {{the index result must be an integer}}
  %0 = nd4j_exec.node "argmax" <custom>(%x) i_args [1] b_args [false] : (tensor<2x3xf32>) -> tensor<2xf32>
  nd4j_exec.return %0 : tensor<2xf32>
}
