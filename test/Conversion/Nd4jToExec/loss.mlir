// RUN: nd4j-opt %s --convert-nd4j-to-exec | FileCheck %s

// onehot: the axis is i_arg 0 and the output type d_arg 0; depth, on and
// off stay inputs 1-3 (no i_arg 1 or t_args, so libnd4j reads the inputs).
// matrix_determinant and matrix_diag_part take no arguments.

// CHECK-LABEL: nd4j_exec.graph @loss
nd4j.graph @loss {
  // CHECK: %[[I:.*]] = nd4j_exec.placeholder "i"
  %i = nd4j.placeholder "i" : tensor<3xi64>
  // CHECK: %[[D:.*]] = nd4j_exec.placeholder "d"
  %d = nd4j.placeholder "d" : tensor<i64>
  // CHECK: %[[ON:.*]] = nd4j_exec.placeholder "on"
  %on = nd4j.placeholder "on" : tensor<1xf32>
  // CHECK: %[[OFF:.*]] = nd4j_exec.placeholder "off"
  %off = nd4j.placeholder "off" : tensor<1xf32>
  %m = nd4j.placeholder "m" : tensor<4x2x2xf32>
  // CHECK: nd4j_exec.node "onehot" <custom>(%[[I]], %[[D]], %[[ON]], %[[OFF]]) i_args [1] d_args [f32] {name = "o", output_names = ["o"]} : (tensor<3xi64>, tensor<i64>, tensor<1xf32>, tensor<1xf32>) -> tensor<3x5xf32>
  %o = nd4j.onehot %i, %d, %on, %off {dimensions = 1, dtype = f32} : (tensor<3xi64>, tensor<i64>, tensor<1xf32>, tensor<1xf32>) -> tensor<3x5xf32> loc("o")
  // CHECK: nd4j_exec.node "matrix_determinant" <custom>(%{{.*}}) {name = "det", output_names = ["det"]} : (tensor<4x2x2xf32>) -> tensor<4xf32>
  %det = nd4j.matrix_determinant %m : (tensor<4x2x2xf32>) -> tensor<4xf32> loc("det")
  // CHECK: nd4j_exec.node "matrix_diag_part" <custom>(%{{.*}}) {name = "dp", output_names = ["dp"]} : (tensor<4x2x2xf32>) -> tensor<4x2xf32>
  %dp = nd4j.matrix_diag_part %m : (tensor<4x2x2xf32>) -> tensor<4x2xf32> loc("dp")
  nd4j.output "o" = %o, "det" = %det, "dp" = %dp : tensor<3x5xf32>, tensor<4xf32>, tensor<4x2xf32>
}
