// RUN: nd4j-opt %s | nd4j-opt | FileCheck %s
// RUN: nd4j-opt %s --mlir-print-op-generic | nd4j-opt | FileCheck %s

// The shape-family ops, and the run-time operands of reductions and tile,
// parse, verify, print and parse again.

// CHECK-LABEL: nd4j.graph @runtime_shapes
nd4j.graph @runtime_shapes {
  %x = nd4j.placeholder "x" : tensor<2x3xf32>
  %s = nd4j.placeholder "s" : tensor<2xi64>
  %ax = nd4j.placeholder "ax" : tensor<1xi64>
  %k = nd4j.placeholder "k" : tensor<i32>
  %a = nd4j.placeholder "a" : tensor<f32>
  %u = nd4j.placeholder "u" : tensor<3xui8>
  %b = nd4j.placeholder "b" : tensor<3xi1>
  %c = nd4j.constant dense<[2, 3]> : tensor<2xi64>
  // CHECK: nd4j.fill %{{.*}} {dtype = f32, value = 1.000000e+00 : f64} : (tensor<2xi64>) -> tensor<?x?xf32>
  %0 = nd4j.fill %s {dtype = f32, value = 1.0 : f64} : (tensor<2xi64>) -> tensor<?x?xf32>
  // CHECK: nd4j.fill %{{.*}} {dtype = i32, value = 7.000000e+00 : f64} : (tensor<2xi64>) -> tensor<2x3xi32>
  %1 = nd4j.fill %c {dtype = i32, value = 7.0 : f64} : (tensor<2xi64>) -> tensor<2x3xi32>
  // A declared type may refine the inferred `?`.
  // CHECK: nd4j.fill %{{.*}} : (tensor<2xi64>) -> tensor<4x5xf32>
  %2 = nd4j.fill %s {dtype = f32, value = 0.0 : f64} : (tensor<2xi64>) -> tensor<4x5xf32>
  // CHECK: nd4j.reverse %{{.*}} {dimensions = array<i64: -1>} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %3 = nd4j.reverse %x {dimensions = array<i64: -1>} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j.range %{{.*}}, %{{.*}}, %{{.*}} {dtype = f32} : (tensor<f32>, tensor<f32>, tensor<f32>) -> tensor<?xf32>
  %4 = nd4j.range %a, %a, %a {dtype = f32} : (tensor<f32>, tensor<f32>, tensor<f32>) -> tensor<?xf32>
  // CHECK: nd4j.cumsum %{{.*}}, %{{.*}} {exclusive = 1 : i64, reverse = 0 : i64} : (tensor<2x3xf32>, tensor<i32>) -> tensor<2x3xf32>
  %5 = nd4j.cumsum %x, %k {exclusive = 1 : i64, reverse = 0 : i64} : (tensor<2x3xf32>, tensor<i32>) -> tensor<2x3xf32>
  // CHECK: nd4j.shift_bits %{{.*}}, %{{.*}} : (tensor<3xui8>, tensor<3xui8>) -> tensor<3xui8>
  %6 = nd4j.shift_bits %u, %u : (tensor<3xui8>, tensor<3xui8>) -> tensor<3xui8>
  // CHECK: nd4j.rshift_bits %{{.*}}, %{{.*}} : (tensor<3xui8>, tensor<3xui8>) -> tensor<3xui8>
  %7 = nd4j.rshift_bits %u, %u : (tensor<3xui8>, tensor<3xui8>) -> tensor<3xui8>
  // CHECK: nd4j.boolean_not %{{.*}} : (tensor<3xi1>) -> tensor<3xi1>
  %8 = nd4j.boolean_not %b : (tensor<3xi1>) -> tensor<3xi1>
  // CHECK: nd4j.reduce_sum %{{.*}}, %{{.*}} {dimensions = array<i64>, keepDims = true} : (tensor<2x3xf32>, tensor<1xi64>) -> tensor<?x?xf32>
  %9 = nd4j.reduce_sum %x, %ax {dimensions = array<i64>, keepDims = true} : (tensor<2x3xf32>, tensor<1xi64>) -> tensor<?x?xf32>
  // CHECK: nd4j.reduce_max %{{.*}}, %{{.*}} {dimensions = array<i64>, keepDims = false} : (tensor<2x3xf32>, tensor<1xi64>) -> tensor<3xf32>
  %10 = nd4j.reduce_max %x, %ax {dimensions = array<i64>, keepDims = false} : (tensor<2x3xf32>, tensor<1xi64>) -> tensor<3xf32>
  // CHECK: nd4j.tile %{{.*}}, %{{.*}} {dimensions = array<i64>} : (tensor<2x3xf32>, tensor<2xi64>) -> tensor<?x?xf32>
  %11 = nd4j.tile %x, %s {dimensions = array<i64>} : (tensor<2x3xf32>, tensor<2xi64>) -> tensor<?x?xf32>
  // CHECK: nd4j.top_k %{{.*}} {k = 2 : i64, needSort = true} : (tensor<2x3xf32>) -> (tensor<2x2xf32>, tensor<2x2xi64>)
  %12:2 = nd4j.top_k %x {k = 2 : i64, needSort = true} : (tensor<2x3xf32>) -> (tensor<2x2xf32>, tensor<2x2xi64>)
  nd4j.output "o" = %0 : tensor<?x?xf32>
}
