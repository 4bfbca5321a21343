// RUN: nd4j-opt %s --convert-nd4j-to-exec | FileCheck %s

// Broadcasting binaries and activations: their libnd4j names and slots.

// CHECK-LABEL: nd4j_exec.graph @elementwise
// CHECK: %[[A:.*]] = nd4j_exec.placeholder "a" : tensor<2x3xf32>
// CHECK: %[[B:.*]] = nd4j_exec.placeholder "b" : tensor<3xf32>
// CHECK: %[[ADD:.*]] = nd4j_exec.node "add" <custom>(%[[A]], %[[B]]) {name = "add0"} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
// CHECK: %[[SUB:.*]] = nd4j_exec.node "subtract" <custom>(%[[ADD]], %[[A]]) {name = "sub0"} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK: %[[MUL:.*]] = nd4j_exec.node "multiply" <custom>(%[[SUB]], %[[B]]) {name = "mul0"} :
// CHECK: %[[DIV:.*]] = nd4j_exec.node "divide" <custom>(%[[MUL]], %[[B]]) {name = "div0"} :
// CHECK: %[[RELU:.*]] = nd4j_exec.node "relu" <custom>(%[[DIV]]) t_args [2.500000e-01] {name = "relu0"} :
// CHECK: %[[SIG:.*]] = nd4j_exec.node "sigmoid" <custom>(%[[RELU]]) {name = "sig0"} :
// CHECK: %[[TANH:.*]] = nd4j_exec.node "tanh" <custom>(%[[SIG]]) {name = "tanh0"} :
// CHECK: %[[SM:.*]] = nd4j_exec.node "softmax" <custom>(%[[TANH]]) i_args [-1] {name = "sm0"} :
// CHECK: %[[ID:.*]] = nd4j_exec.node "identity" <custom>(%[[SM]]) {name = "id0", output_names = ["y"]} :
// CHECK: nd4j_exec.return %[[ID]] : tensor<2x3xf32>
nd4j.graph @elementwise {
  %a = nd4j.placeholder "a" : tensor<2x3xf32>
  %b = nd4j.placeholder "b" : tensor<3xf32>
  %0 = nd4j.add %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32> loc("add0")
  %1 = nd4j.subtract %0, %a : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32> loc("sub0")
  %2 = nd4j.multiply %1, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32> loc("mul0")
  %3 = nd4j.divide %2, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32> loc("div0")
  %4 = nd4j.relu %3 {cutoff = 0.25 : f64} : (tensor<2x3xf32>) -> tensor<2x3xf32> loc("relu0")
  %5 = nd4j.sigmoid %4 : (tensor<2x3xf32>) -> tensor<2x3xf32> loc("sig0")
  %6 = nd4j.tanh %5 : (tensor<2x3xf32>) -> tensor<2x3xf32> loc("tanh0")
  %7 = nd4j.softmax %6 {dimension = -1} : (tensor<2x3xf32>) -> tensor<2x3xf32> loc("sm0")
  %8 = nd4j.identity %7 : (tensor<2x3xf32>) -> tensor<2x3xf32> loc("id0")
  nd4j.output "y" = %8 : tensor<2x3xf32>
}
