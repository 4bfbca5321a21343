// RUN: nd4j-opt %s --convert-nd4j-to-exec | FileCheck %s

// The index ops' libnd4j names and slots: gather_nd, scatter_nd_* and Where
// take inputs only; reverse_sequence takes seqDim, batchDim as i_args.

// CHECK-LABEL: nd4j_exec.graph @index
nd4j.graph @index {
  %x = nd4j.placeholder "x" : tensor<4x5x6xf32>
  %i = nd4j.placeholder "i" : tensor<3x2xi64>
  %u = nd4j.placeholder "u" : tensor<3x6xf32>
  %c = nd4j.placeholder "c" : tensor<4x5xi1>
  %l = nd4j.placeholder "l" : tensor<5xi32>
  // CHECK: nd4j_exec.node "gather_nd" <custom>({{.*}}) {name = "g", output_names = ["g"]} : (tensor<4x5x6xf32>, tensor<3x2xi64>) -> tensor<3x6xf32>
  %0 = nd4j.gather_nd %x, %i : (tensor<4x5x6xf32>, tensor<3x2xi64>) -> tensor<3x6xf32> loc("g")
  // CHECK: nd4j_exec.node "scatter_nd_update" <custom>({{.*}}) {name = "su", output_names = ["su"]} : (tensor<4x5x6xf32>, tensor<3x2xi64>, tensor<3x6xf32>) -> tensor<4x5x6xf32>
  %1 = nd4j.scatter_nd_update %x, %i, %u : (tensor<4x5x6xf32>, tensor<3x2xi64>, tensor<3x6xf32>) -> tensor<4x5x6xf32> loc("su")
  // CHECK: nd4j_exec.node "scatter_nd_add" <custom>({{.*}}) {name = "sa", output_names = ["sa"]}
  %2 = nd4j.scatter_nd_add %x, %i, %u : (tensor<4x5x6xf32>, tensor<3x2xi64>, tensor<3x6xf32>) -> tensor<4x5x6xf32> loc("sa")
  // CHECK: nd4j_exec.node "Where" <custom>({{.*}}) {name = "w", output_names = ["w"]} : (tensor<4x5xi1>) -> tensor<?x2xi64>
  %3 = nd4j.where_indices %c : (tensor<4x5xi1>) -> tensor<?x2xi64> loc("w")
  // CHECK: nd4j_exec.node "reverse_sequence" <custom>({{.*}}) i_args [2, 1] {name = "r", output_names = ["r"]}
  %4 = nd4j.reverse_sequence %x, %l {seqDim = 2 : i64, batchDim = 1 : i64} : (tensor<4x5x6xf32>, tensor<5xi32>) -> tensor<4x5x6xf32> loc("r")
  nd4j.output "g" = %0, "su" = %1, "sa" = %2, "w" = %3, "r" = %4 : tensor<3x6xf32>, tensor<4x5x6xf32>, tensor<4x5x6xf32>, tensor<?x2xi64>, tensor<4x5x6xf32>
}
