// RUN: nd4j-opt %s --convert-nd4j-to-exec | FileCheck %s

// Ops libnd4j runs as legacy ops carry their FlatBuffers op type and legacy
// op number; custom ops their slots. Reductions: i_args dimensions...,
// b_args keepDims; cast: d_args dtype.

// CHECK-LABEL: nd4j_exec.graph @legacy
nd4j.graph @legacy {
  %x = nd4j.placeholder "x" : tensor<2x3xf32>
  // CHECK: nd4j_exec.node "abs" <transform_same>({{.*}}) {op_num = 0 : i64}
  %0 = nd4j.abs %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "Reciprocal" <transform_same>({{.*}}) {op_num = 11 : i64}
  %1 = nd4j.reciprocal %0 : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "exp" <transform_strict>({{.*}}) {op_num = 23 : i64}
  %2 = nd4j.exp %1 : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "sqrt" <transform_float>({{.*}}) {op_num = 1 : i64}
  %3 = nd4j.sqrt %2 : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "isnan" <transform_bool>({{.*}}) {op_num = 2 : i64, output_names = ["a"]} : (tensor<2x3xf32>) -> tensor<2x3xi1>
  %4 = nd4j.isnan %3 : (tensor<2x3xf32>) -> tensor<2x3xi1>
  // CHECK: nd4j_exec.node "leakyrelu" <scalar>({{.*}}) t_args [2.000000e-01] {op_num = 35 : i64}
  %5 = nd4j.leakyrelu %3 {alpha = 0.2 : f64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "rint" <custom>({{.*}}) :
  %6 = nd4j.rint %5 : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "elu" <custom>({{.*}}) t_args [1.000000e+00] :
  %7 = nd4j.elu %6 {alpha = 1.0 : f64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "clipbyvalue" <custom>({{.*}}) t_args [-1.000000e+00, 1.000000e+00] :
  %8 = nd4j.clipbyvalue %7 {left = -1.0 : f64, right = 1.0 : f64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "reduce_mean" <custom>({{.*}}) i_args [0, 1] b_args [true] {output_names = ["b"]} : (tensor<2x3xf32>) -> tensor<1x1xf32>
  %9 = nd4j.reduce_mean %8 {dimensions = array<i64: 0, 1>, keepDims = true} : (tensor<2x3xf32>) -> tensor<1x1xf32>
  // CHECK: nd4j_exec.node "argmin" <custom>({{.*}}) i_args [1] b_args [false] {output_names = ["c"]} : (tensor<2x3xf32>) -> tensor<2xi64>
  %10 = nd4j.argmin %8 {dimensions = array<i64: 1>, keepDims = false} : (tensor<2x3xf32>) -> tensor<2xi64>
  // CHECK: nd4j_exec.node "cast" <custom>({{.*}}) d_args [i32] : (tensor<2x3xf32>) -> tensor<2x3xi32>
  %11 = nd4j.cast %8 {dtype = i32} : (tensor<2x3xf32>) -> tensor<2x3xi32>
  // CHECK: nd4j_exec.node "greater_equal" <custom>({{.*}}) {output_names = ["d"]} : (tensor<2x3xi32>, tensor<2x3xi32>) -> tensor<2x3xi1>
  %12 = nd4j.greater_equal %11, %11 : (tensor<2x3xi32>, tensor<2x3xi32>) -> tensor<2x3xi1>
  // CHECK: nd4j_exec.node "log_softmax" <custom>({{.*}}) i_args [1] {output_names = ["e"]} :
  %13 = nd4j.log_softmax %8 {dimension = 1} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  nd4j.output "a" = %4, "b" = %9, "c" = %10, "d" = %12, "e" = %13 : tensor<2x3xi1>, tensor<1x1xf32>, tensor<2xi64>, tensor<2x3xi1>, tensor<2x3xf32>
}
