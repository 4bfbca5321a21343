// RUN: nd4j-opt %s | nd4j-opt | FileCheck %s
// RUN: nd4j-opt %s --mlir-print-op-generic | nd4j-opt | FileCheck %s

// The loss-family ops parse, verify, print and parse again.

// CHECK-LABEL: nd4j.graph @loss_ops
nd4j.graph @loss_ops {
  // CHECK: %[[I:.*]] = nd4j.placeholder "i" : tensor<3xi64>
  %i = nd4j.placeholder "i" : tensor<3xi64>
  %d = nd4j.placeholder "d" : tensor<i64>
  %v = nd4j.placeholder "v" : tensor<1xf32>
  %m = nd4j.placeholder "m" : tensor<4x2x2xf64>
  %r = nd4j.placeholder "r" : tensor<2x3xi64>
  // CHECK: %[[C:.*]] = nd4j.constant dense<5> : tensor<i64>
  %c = nd4j.constant dense<5> : tensor<i64>
  // CHECK: nd4j.onehot %[[I]], %[[D:.*]], %[[V:.*]], %[[V]] {dimensions = 0 : i64, dtype = f32} : (tensor<3xi64>, tensor<i64>, tensor<1xf32>, tensor<1xf32>) -> tensor<?x3xf32>
  %0 = nd4j.onehot %i, %d, %v, %v {dimensions = 0, dtype = f32} : (tensor<3xi64>, tensor<i64>, tensor<1xf32>, tensor<1xf32>) -> tensor<?x3xf32>
  // A declared type may refine the run-time depth.
  // CHECK: nd4j.onehot {{.*}} -> tensor<7x3xf32>
  %1 = nd4j.onehot %i, %d, %v, %v {dimensions = 0, dtype = f32} : (tensor<3xi64>, tensor<i64>, tensor<1xf32>, tensor<1xf32>) -> tensor<7x3xf32>
  // CHECK: nd4j.onehot %[[I]], %[[C]], %[[V]], %[[V]] {dimensions = -1 : i64, dtype = i32} : (tensor<3xi64>, tensor<i64>, tensor<1xf32>, tensor<1xf32>) -> tensor<3x5xi32>
  %2 = nd4j.onehot %i, %c, %v, %v {dimensions = -1, dtype = i32} : (tensor<3xi64>, tensor<i64>, tensor<1xf32>, tensor<1xf32>) -> tensor<3x5xi32>
  // CHECK: nd4j.matrix_determinant %{{.*}} : (tensor<4x2x2xf64>) -> tensor<4xf64>
  %3 = nd4j.matrix_determinant %m : (tensor<4x2x2xf64>) -> tensor<4xf64>
  // CHECK: nd4j.matrix_diag_part %{{.*}} : (tensor<4x2x2xf64>) -> tensor<4x2xf64>
  %4 = nd4j.matrix_diag_part %m : (tensor<4x2x2xf64>) -> tensor<4x2xf64>
  // CHECK: nd4j.matrix_diag_part %{{.*}} : (tensor<2x3xi64>) -> tensor<2xi64>
  %5 = nd4j.matrix_diag_part %r : (tensor<2x3xi64>) -> tensor<2xi64>
  nd4j.output "a" = %0, "b" = %1, "c" = %2, "d" = %3, "e" = %4, "f" = %5 : tensor<?x3xf32>, tensor<7x3xf32>, tensor<3x5xi32>, tensor<4xf64>, tensor<4x2xf64>, tensor<2xi64>
}
