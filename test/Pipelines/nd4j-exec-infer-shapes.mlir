// RUN: nd4j-opt %s -split-input-file -verify-diagnostics --nd4j-exec-infer-shapes | FileCheck %s

// Unranked node results (as SameDiff files record them) take the types the
// typed ops infer, in graph order: SameDiff's "mmul" is libnd4j's matmul,
// missing trailing slots take libnd4j's defaults (alpha, beta), and a
// legacy SCALAR relu's scalar is the cutoff.
// CHECK-LABEL: nd4j_exec.graph @mlp
// CHECK: "mmul" {{.*}} -> tensor<4x20xf32>
// CHECK: "add" {{.*}} -> tensor<4x20xf32>
// CHECK: "relu" {{.*}} -> tensor<4x20xf32>
// CHECK: "softmax" {{.*}} -> tensor<4x20xf32>
nd4j_exec.graph @mlp {
  %in = nd4j_exec.placeholder "in" : tensor<4x2xf32>
  %w = nd4j_exec.constant "w" dense<1.0> : tensor<2x20xf32>
  %b = nd4j_exec.constant "b" dense<1.0> : tensor<20xf32>
  %0 = nd4j_exec.node "mmul" <custom>(%in, %w) i_args [0, 0, 0] {name = "mmul"} : (tensor<4x2xf32>, tensor<2x20xf32>) -> tensor<*xf32>
  %1 = nd4j_exec.node "add" <custom>(%0, %b) {name = "add"} : (tensor<*xf32>, tensor<20xf32>) -> tensor<*xf32>
  %2 = nd4j_exec.node "relu" <scalar>(%1) {name = "relu", op_num = 39 : i64, scalar = dense<0.000000e+00> : tensor<f32>} : (tensor<*xf32>) -> tensor<*xf32>
  %3 = nd4j_exec.node "softmax" <custom>(%2) i_args [-1] {name = "softmax"} : (tensor<*xf32>) -> tensor<*xf32>
  nd4j_exec.return %3 : tensor<*xf32>
}

// -----

// Dimensions known only at run time stay `?` (SameDiff's batch).
// CHECK-LABEL: nd4j_exec.graph @dynamic_batch
// CHECK: "mmul" {{.*}} -> tensor<?x20xf32>
// CHECK: "softmax" {{.*}} -> tensor<?x20xf32>
nd4j_exec.graph @dynamic_batch {
  %in = nd4j_exec.placeholder "in" : tensor<?x2xf32>
  %w = nd4j_exec.constant "w" dense<1.0> : tensor<2x20xf32>
  %0 = nd4j_exec.node "mmul" <custom>(%in, %w) i_args [0, 0, 0] {name = "mmul"} : (tensor<?x2xf32>, tensor<2x20xf32>) -> tensor<*xf32>
  %1 = nd4j_exec.node "softmax" <custom>(%0) i_args [-1] {name = "softmax"} : (tensor<*xf32>) -> tensor<*xf32>
  nd4j_exec.return %1 : tensor<*xf32>
}

// -----

// A node whose inputs are not all ranked keeps its types.
// CHECK-LABEL: nd4j_exec.graph @unknown_input
// CHECK: "relu" {{.*}} -> tensor<*xf32>
nd4j_exec.graph @unknown_input {
  %in = nd4j_exec.placeholder "in" : tensor<*xf32>
  %0 = nd4j_exec.node "relu" <scalar>(%in) {name = "relu", op_num = 39 : i64, scalar = dense<0.000000e+00> : tensor<f32>} : (tensor<*xf32>) -> tensor<*xf32>
  nd4j_exec.return %0 : tensor<*xf32>
}

// -----

// Inputs the typed op rejects are an error naming the node and the reason.
nd4j_exec.graph @mismatch {
  %in = nd4j_exec.placeholder "in" : tensor<4x3xf32>
  %w = nd4j_exec.constant "w" dense<1.0> : tensor<2x20xf32>
  // expected-error @+1 {{cannot infer the result types of libnd4j op 'mmul' (node 'mm'):}}
  %0 = nd4j_exec.node "mmul" <custom>(%in, %w) i_args [0, 0, 0] {name = "mm"} : (tensor<4x3xf32>, tensor<2x20xf32>) -> tensor<*xf32>
  nd4j_exec.return %0 : tensor<*xf32>
}

// -----

// An inferred type that contradicts the declared one is an error.
nd4j_exec.graph @contradiction {
  %in = nd4j_exec.placeholder "in" : tensor<4x2xf32>
  %w = nd4j_exec.constant "w" dense<1.0> : tensor<2x20xf32>
  // expected-error @+1 {{cannot infer the result types of libnd4j op 'mmul' (node 'mm'): inferred tensor<4x20xf32> contradicts the declared tensor<5x?xf32>}}
  %0 = nd4j_exec.node "mmul" <custom>(%in, %w) i_args [0, 0, 0] {name = "mm"} : (tensor<4x2xf32>, tensor<2x20xf32>) -> tensor<5x?xf32>
  nd4j_exec.return %0 : tensor<5x?xf32>
}
