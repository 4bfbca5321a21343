// RUN: nd4j-opt %s | nd4j-opt | FileCheck %s
// RUN: nd4j-opt %s --mlir-print-op-generic | nd4j-opt | FileCheck %s

// The index ops parse, verify, print and parse again.

// CHECK-LABEL: nd4j.graph @index
nd4j.graph @index {
  // CHECK: %[[X:.*]] = nd4j.placeholder "x" : tensor<4x5x6xf32>
  %x = nd4j.placeholder "x" : tensor<4x5x6xf32>
  // CHECK: %[[I:.*]] = nd4j.placeholder "i" : tensor<3x2xi64>
  %i = nd4j.placeholder "i" : tensor<3x2xi64>
  // CHECK: %[[U:.*]] = nd4j.placeholder "u" : tensor<3x6xf32>
  %u = nd4j.placeholder "u" : tensor<3x6xf32>
  // CHECK: %[[C:.*]] = nd4j.placeholder "c" : tensor<4x5xi1>
  %c = nd4j.placeholder "c" : tensor<4x5xi1>
  // CHECK: %[[L:.*]] = nd4j.placeholder "l" : tensor<5xi32>
  %l = nd4j.placeholder "l" : tensor<5xi32>
  // CHECK: nd4j.gather_nd %[[X]], %[[I]] : (tensor<4x5x6xf32>, tensor<3x2xi64>) -> tensor<3x6xf32>
  %0 = nd4j.gather_nd %x, %i : (tensor<4x5x6xf32>, tensor<3x2xi64>) -> tensor<3x6xf32>
  // CHECK: nd4j.scatter_nd_update %[[X]], %[[I]], %[[U]] : (tensor<4x5x6xf32>, tensor<3x2xi64>, tensor<3x6xf32>) -> tensor<4x5x6xf32>
  %1 = nd4j.scatter_nd_update %x, %i, %u : (tensor<4x5x6xf32>, tensor<3x2xi64>, tensor<3x6xf32>) -> tensor<4x5x6xf32>
  // CHECK: nd4j.scatter_nd_add %[[X]], %[[I]], %[[U]] : (tensor<4x5x6xf32>, tensor<3x2xi64>, tensor<3x6xf32>) -> tensor<4x5x6xf32>
  %2 = nd4j.scatter_nd_add %x, %i, %u : (tensor<4x5x6xf32>, tensor<3x2xi64>, tensor<3x6xf32>) -> tensor<4x5x6xf32>
  // CHECK: nd4j.where_indices %[[C]] : (tensor<4x5xi1>) -> tensor<?x2xi64>
  %3 = nd4j.where_indices %c : (tensor<4x5xi1>) -> tensor<?x2xi64>
  // CHECK: nd4j.reverse_sequence %[[X]], %[[L]] {batchDim = 1 : i64, seqDim = -1 : i64} : (tensor<4x5x6xf32>, tensor<5xi32>) -> tensor<4x5x6xf32>
  %4 = nd4j.reverse_sequence %x, %l {seqDim = -1 : i64, batchDim = 1 : i64} : (tensor<4x5x6xf32>, tensor<5xi32>) -> tensor<4x5x6xf32>
  nd4j.output "g" = %0, "su" = %1, "sa" = %2, "w" = %3, "r" = %4 : tensor<3x6xf32>, tensor<4x5x6xf32>, tensor<4x5x6xf32>, tensor<?x2xi64>, tensor<4x5x6xf32>
}

// CHECK-LABEL: nd4j.graph @random
nd4j.graph @random {
  // CHECK: %[[S:.*]] = nd4j.constant dense<[2, 3]> : tensor<2xi64>
  %s = nd4j.constant dense<[2, 3]> : tensor<2xi64>
  // CHECK: %[[D:.*]] = nd4j.placeholder "d" : tensor<3xi32>
  %d = nd4j.placeholder "d" : tensor<3xi32>
  // CHECK: nd4j.randomuniform %[[S]] {dataType = f32, dtype = 5 : i64, max = 1.000000e+00 : f64, min = 0.000000e+00 : f64, seed = 7 : i64} : (tensor<2xi64>) -> tensor<2x3xf32>
  %0 = nd4j.randomuniform %s {dataType = f32, dtype = 5 : i64, max = 1.0 : f64, min = 0.0 : f64, seed = 7 : i64} : (tensor<2xi64>) -> tensor<2x3xf32>
  // CHECK: nd4j.randomuniform %[[D]] {dataType = f64, dtype = 6 : i64, max = 1.000000e+00 : f64, min = -1.000000e+00 : f64} : (tensor<3xi32>) -> tensor<?x?x?xf64>
  %1 = nd4j.randomuniform %d {dataType = f64, dtype = 6 : i64, max = 1.0 : f64, min = -1.0 : f64} : (tensor<3xi32>) -> tensor<?x?x?xf64>
  nd4j.output "a" = %0, "b" = %1 : tensor<2x3xf32>, tensor<?x?x?xf64>
}

// CHECK-LABEL: nd4j.graph @scatter_first
nd4j.graph @scatter_first {
  // CHECK: %[[X:.*]] = nd4j.placeholder "x" : tensor<4x3xf32>
  %x = nd4j.placeholder "x" : tensor<4x3xf32>
  // CHECK: %[[I:.*]] = nd4j.placeholder "i" : tensor<2xi64>
  %i = nd4j.placeholder "i" : tensor<2xi64>
  // CHECK: %[[U:.*]] = nd4j.placeholder "u" : tensor<2x3xf32>
  %u = nd4j.placeholder "u" : tensor<2x3xf32>
  // CHECK: nd4j.scatter_mul %[[X]], %[[I]], %[[U]] : (tensor<4x3xf32>, tensor<2xi64>, tensor<2x3xf32>) -> tensor<4x3xf32>
  %0 = nd4j.scatter_mul %x, %i, %u : (tensor<4x3xf32>, tensor<2xi64>, tensor<2x3xf32>) -> tensor<4x3xf32>
  // CHECK: nd4j.scatter_max %[[X]], %[[I]], %[[U]]
  %1 = nd4j.scatter_max %x, %i, %u : (tensor<4x3xf32>, tensor<2xi64>, tensor<2x3xf32>) -> tensor<4x3xf32>
  // CHECK: nd4j.scatter_min %[[X]], %[[I]], %[[U]]
  %2 = nd4j.scatter_min %x, %i, %u : (tensor<4x3xf32>, tensor<2xi64>, tensor<2x3xf32>) -> tensor<4x3xf32>
  nd4j.output "m" = %0, "a" = %1, "n" = %2 : tensor<4x3xf32>, tensor<4x3xf32>, tensor<4x3xf32>
}
