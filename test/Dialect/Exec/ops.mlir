// RUN: nd4j-opt %s | nd4j-opt | FileCheck %s
// RUN: nd4j-opt %s --mlir-print-op-generic | nd4j-opt | FileCheck %s

// Every op of the nd4j_exec dialect parses, verifies, prints and parses again.

// CHECK-LABEL: nd4j_exec.graph @mlp
// CHECK-SAME: attributes {loss_variables = ["loss"], training_config = "{}"}
nd4j_exec.graph @mlp attributes {loss_variables = ["loss"], training_config = "{}"} {
  // CHECK: %[[IN:.*]] = nd4j_exec.placeholder "in" : tensor<?x4xf32>
  %in = nd4j_exec.placeholder "in" : tensor<?x4xf32>
  // CHECK: %[[U:.*]] = nd4j_exec.placeholder "unranked" : tensor<*xf32>
  %u = nd4j_exec.placeholder "unranked" : tensor<*xf32>
  // CHECK: %[[W:.*]] = nd4j_exec.constant "w" dense<5.000000e-01> : tensor<4x3xf32>
  %w = nd4j_exec.constant "w" dense<0.5> : tensor<4x3xf32>
  // CHECK: %[[B:.*]] = nd4j_exec.variable "b" dense_resource<b0> : tensor<3xf32>
  %b = nd4j_exec.variable "b" dense_resource<b0> : tensor<3xf32>
  // CHECK: %[[MM:.*]] = nd4j_exec.node "matmul" <custom>(%[[IN]], %[[W]]) t_args [1.000000e+00, 0.000000e+00] i_args [0, 0, 0] {name = "mm"} : (tensor<?x4xf32>, tensor<4x3xf32>) -> tensor<?x3xf32>
  %mm = nd4j_exec.node "matmul" <custom>(%in, %w) t_args [1.0, 0.0] i_args [0, 0, 0] {name = "mm"}
        : (tensor<?x4xf32>, tensor<4x3xf32>) -> tensor<?x3xf32>
  // CHECK: %[[ADD:.*]] = nd4j_exec.node "biasadd" <custom>(%[[MM]], %[[B]]) b_args [false]
  %add = nd4j_exec.node "biasadd" <custom>(%mm, %b) b_args [false]
         : (tensor<?x3xf32>, tensor<3xf32>) -> tensor<?x3xf32>
  // A legacy op: relu as scalar op 39, with its scalar as a t_arg.
  // CHECK: nd4j_exec.node "relu" <scalar>(%[[ADD]]) t_args [0.000000e+00] {op_num = 39 : i64}
  %r = nd4j_exec.node "relu" <scalar>(%add) t_args [0.0] {op_num = 39 : i64}
       : (tensor<?x3xf32>) -> tensor<?x3xf32>
  // A legacy reduction with its axis (FlatNode dimensions) and keepDims.
  // CHECK: nd4j_exec.node "reduce_mean" <reduce_float>(%{{.*}}) b_args [false, true] axis [1] {op_num = 0 : i64}
  %m = nd4j_exec.node "reduce_mean" <reduce_float>(%r) b_args [false, true] axis [1] {op_num = 0 : i64}
       : (tensor<?x3xf32>) -> tensor<?xf32>
  // Data-type and string arguments, several outputs with names.
  // CHECK: %[[S:.*]]:2 = nd4j_exec.node "some_op" <custom>(%[[U]]) d_args [f32, i64] s_args ["a", "b"] {output_names = ["s0", "s1"]}
  %s:2 = nd4j_exec.node "some_op" <custom>(%u) d_args [f32, i64] s_args ["a", "b"] {output_names = ["s0", "s1"]}
         : (tensor<*xf32>) -> (tensor<*xf32>, tensor<*xi64>)
  // CHECK: nd4j_exec.return %{{.*}}, %[[S]]#1 : tensor<?xf32>, tensor<*xi64>
  nd4j_exec.return %m, %s#1 : tensor<?xf32>, tensor<*xi64>
}

// The implicit terminator of an empty graph is elided.
// CHECK-LABEL: nd4j_exec.graph @empty {
// CHECK-NEXT: }
nd4j_exec.graph @empty {
  nd4j_exec.return
}

{-#
  dialect_resources: {
    builtin: {
      b0: "0x04000000000000000000000000000000"
    }
  }
#-}

// Non-finite t_args (clip bounds, padding values) print as bit patterns that
// parse back: -inf, +inf and NaN survive the round trip.
// CHECK-LABEL: nd4j_exec.graph @nonfinite
nd4j_exec.graph @nonfinite {
  %x = nd4j_exec.placeholder "x" : tensor<3xf32>
  // CHECK: nd4j_exec.node "clipbyvalue" <custom>(%{{.*}}) t_args [0xfff0000000000000, 0x7ff0000000000000] {name = "clip"}
  %y = nd4j_exec.node "clipbyvalue" <custom>(%x) t_args [0xFFF0000000000000, 0x7FF0000000000000] {name = "clip"} : (tensor<3xf32>) -> tensor<3xf32>
  // CHECK: nd4j_exec.node "clipbyvalue" <custom>(%{{.*}}) t_args [0x7ff8000000000000, 2.500000e-01] {name = "nan"}
  %z = nd4j_exec.node "clipbyvalue" <custom>(%y) t_args [0x7FF8000000000000, 0.25] {name = "nan"} : (tensor<3xf32>) -> tensor<3xf32>
  nd4j_exec.return %z : tensor<3xf32>
}

// Structured control flow: nodes live in the regions, and their names are
// checked for uniqueness across the whole graph.
// CHECK-LABEL: nd4j_exec.graph @control_flow
nd4j_exec.graph @control_flow {
  %c = nd4j_exec.placeholder "c" : tensor<i1>
  %x = nd4j_exec.placeholder "x" : tensor<3xf32>
  // CHECK: nd4j_exec.if %{{.*}} : tensor<i1> -> tensor<?xf32> {
  // CHECK-NEXT: nd4j_exec.node "neg" <custom>
  // CHECK: } else {
  %r = nd4j_exec.if %c : tensor<i1> -> tensor<?xf32> {
    %n = nd4j_exec.node "neg" <custom>(%x) {name = "n"} : (tensor<3xf32>) -> tensor<3xf32>
    nd4j_exec.yield %n : tensor<3xf32>
  } else {
    nd4j_exec.yield %x : tensor<3xf32>
  }
  // CHECK: nd4j_exec.while(%{{.*}}) : (tensor<?xf32>) -> tensor<?xf32> {
  // CHECK: nd4j_exec.condition(%{{.*}} : tensor<i1>) %{{.*}} : tensor<?xf32>
  // CHECK: } do {
  // CHECK: nd4j_exec.yield
  %w = nd4j_exec.while (%r) : (tensor<?xf32>) -> tensor<?xf32> {
  ^bb0(%a: tensor<?xf32>):
    nd4j_exec.condition (%c : tensor<i1>) %a : tensor<?xf32>
  } do {
  ^bb0(%a: tensor<?xf32>):
    %m = nd4j_exec.node "neg" <custom>(%a) {name = "m"} : (tensor<?xf32>) -> tensor<?xf32>
    nd4j_exec.yield %m : tensor<?xf32>
  }
  nd4j_exec.return %w : tensor<?xf32>
}
