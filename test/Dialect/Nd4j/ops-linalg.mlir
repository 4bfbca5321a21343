// RUN: nd4j-opt %s | nd4j-opt | FileCheck %s
// RUN: nd4j-opt %s --mlir-print-op-generic | nd4j-opt | FileCheck %s

// The linalg-family ops parse, verify, print and parse again.

// CHECK-LABEL: nd4j.graph @linalg
nd4j.graph @linalg {
  %a = nd4j.placeholder "a" : tensor<2x3x3xf32>
  %b = nd4j.placeholder "b" : tensor<2x3x1xf32>
  %v = nd4j.placeholder "v" : tensor<3xf32>
  %r = nd4j.placeholder "r" : tensor<1x3xf32>
  // CHECK: nd4j.digamma %{{.*}} : (tensor<3xf32>) -> tensor<3xf32>
  %0 = nd4j.digamma %v : (tensor<3xf32>) -> tensor<3xf32>
  // CHECK: nd4j.zeta %{{.*}}, %{{.*}} : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  %1 = nd4j.zeta %v, %v : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  // CHECK: nd4j.polygamma %{{.*}}, %{{.*}} : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  %2 = nd4j.polygamma %v, %v : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  // CHECK: nd4j.tf_atan2 %{{.*}}, %{{.*}} : (tensor<1x3xf32>, tensor<3xf32>) -> tensor<1x3xf32>
  %3 = nd4j.tf_atan2 %r, %v : (tensor<1x3xf32>, tensor<3xf32>) -> tensor<1x3xf32>
  // CHECK: nd4j.solve %{{.*}}, %{{.*}} {useAdjoint = false} : (tensor<2x3x3xf32>, tensor<2x3x1xf32>) -> tensor<2x3x1xf32>
  %4 = nd4j.solve %a, %b {useAdjoint = false} : (tensor<2x3x3xf32>, tensor<2x3x1xf32>) -> tensor<2x3x1xf32>
  // CHECK: nd4j.triangular_solve %{{.*}}, %{{.*}} {isLower = true, useAdjoint = true}
  %5 = nd4j.triangular_solve %a, %b {isLower = true, useAdjoint = true} : (tensor<2x3x3xf32>, tensor<2x3x1xf32>) -> tensor<2x3x1xf32>
  // CHECK: nd4j.cholesky %{{.*}} : (tensor<2x3x3xf32>) -> tensor<2x3x3xf32>
  %6 = nd4j.cholesky %a : (tensor<2x3x3xf32>) -> tensor<2x3x3xf32>
  // CHECK: nd4j.lu %{{.*}} {dtype = i64} : (tensor<2x3x3xf32>) -> (tensor<2x3x3xf32>, tensor<2x3xi64>)
  %7:2 = nd4j.lu %a {dtype = i64} : (tensor<2x3x3xf32>) -> (tensor<2x3x3xf32>, tensor<2x3xi64>)
  // CHECK: nd4j.log_matrix_determinant %{{.*}} : (tensor<2x3x3xf32>) -> tensor<2xf32>
  %8 = nd4j.log_matrix_determinant %a : (tensor<2x3x3xf32>) -> tensor<2xf32>
  nd4j.output "0" = %0, "1" = %1, "2" = %2, "3" = %3, "4" = %4, "5" = %5, "6" = %6, "7" = %7#1, "8" = %8
      : tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<1x3xf32>, tensor<2x3x1xf32>, tensor<2x3x1xf32>, tensor<2x3x3xf32>, tensor<2x3xi64>, tensor<2xf32>
}
