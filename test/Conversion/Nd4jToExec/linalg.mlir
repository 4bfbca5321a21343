// RUN: nd4j-opt %s --convert-nd4j-to-exec | FileCheck %s

// The linalg-family ops as libnd4j custom ops: the solve flags as b_args in
// descriptor order, lu's permutation type as d_arg with its two results, and
// tf_atan2 with its operands in libnd4j's (y, input) order.

// CHECK-LABEL: nd4j_exec.graph @linalg
nd4j.graph @linalg {
  %a = nd4j.placeholder "a" : tensor<2x3x3xf32>
  %b = nd4j.placeholder "b" : tensor<2x3x1xf32>
  %v = nd4j.placeholder "v" : tensor<3xf32>
  %r = nd4j.placeholder "r" : tensor<1x3xf32>
  // CHECK: nd4j_exec.node "digamma" <custom>(%[[V:.*]]) {output_names = ["0"]}
  %0 = nd4j.digamma %v : (tensor<3xf32>) -> tensor<3xf32>
  // CHECK: nd4j_exec.node "zeta" <custom>(%[[V]], %[[V]])
  %1 = nd4j.zeta %v, %v : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  // CHECK: nd4j_exec.node "polygamma" <custom>(%[[V]], %[[V]])
  %2 = nd4j.polygamma %v, %v : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  // CHECK: nd4j_exec.node "tf_atan2" <custom>(%[[R:.*]], %[[V]])
  %3 = nd4j.tf_atan2 %r, %v : (tensor<1x3xf32>, tensor<3xf32>) -> tensor<1x3xf32>
  // CHECK: nd4j_exec.node "solve" <custom>(%[[A:.*]], %[[B:.*]]) b_args [true] {
  %4 = nd4j.solve %a, %b {useAdjoint = true} : (tensor<2x3x3xf32>, tensor<2x3x1xf32>) -> tensor<2x3x1xf32>
  // CHECK: nd4j_exec.node "triangular_solve" <custom>(%[[A]], %[[B]]) b_args [true, false] {
  %5 = nd4j.triangular_solve %a, %b {isLower = true, useAdjoint = false} : (tensor<2x3x3xf32>, tensor<2x3x1xf32>) -> tensor<2x3x1xf32>
  // CHECK: nd4j_exec.node "cholesky" <custom>(%[[A]]) {
  %6 = nd4j.cholesky %a : (tensor<2x3x3xf32>) -> tensor<2x3x3xf32>
  // CHECK: nd4j_exec.node "lu" <custom>(%[[A]]) d_args [i64] {{.*}} -> (tensor<2x3x3xf32>, tensor<2x3xi64>)
  %7:2 = nd4j.lu %a {dtype = i64} : (tensor<2x3x3xf32>) -> (tensor<2x3x3xf32>, tensor<2x3xi64>)
  // CHECK: nd4j_exec.node "log_matrix_determinant" <custom>(%[[A]]) {
  %8 = nd4j.log_matrix_determinant %a : (tensor<2x3x3xf32>) -> tensor<2xf32>
  nd4j.output "0" = %0, "1" = %1, "2" = %2, "3" = %3, "4" = %4, "5" = %5, "6" = %6, "7" = %7#1, "8" = %8
      : tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<1x3xf32>, tensor<2x3x1xf32>, tensor<2x3x1xf32>, tensor<2x3x3xf32>, tensor<2x3xi64>, tensor<2xf32>
}
