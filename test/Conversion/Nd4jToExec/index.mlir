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

// randomuniform: i_args dtype (libnd4j's DataType number) and the optional
// seed, t_args min and max, d_arg the result type.
// CHECK-LABEL: nd4j_exec.graph @random
nd4j.graph @random {
  %s = nd4j.constant dense<[2, 3]> : tensor<2xi64>
  // CHECK: nd4j_exec.node "randomuniform" <custom>({{.*}}) t_args [-1.000000e+00, 2.000000e+00] i_args [5, 7] d_args [f32] {name = "u", output_names = ["u"]} : (tensor<2xi64>) -> tensor<2x3xf32>
  %0 = nd4j.randomuniform %s {dataType = f32, dtype = 5 : i64, max = 2.0 : f64, min = -1.0 : f64, seed = 7 : i64} : (tensor<2xi64>) -> tensor<2x3xf32> loc("u")
  // CHECK: nd4j_exec.node "randomuniform" <custom>({{.*}}) t_args [0.000000e+00, 1.000000e+00] i_args [6] d_args [f64] {name = "v", output_names = ["v"]}
  %1 = nd4j.randomuniform %s {dataType = f64, dtype = 6 : i64, max = 1.0 : f64, min = 0.0 : f64} : (tensor<2xi64>) -> tensor<2x3xf64> loc("v")
  nd4j.output "u" = %0, "v" = %1 : tensor<2x3xf32>, tensor<2x3xf64>
}

// scatter_mul/max/min take inputs only.
// CHECK-LABEL: nd4j_exec.graph @scatter_first
nd4j.graph @scatter_first {
  %x = nd4j.placeholder "x" : tensor<4x3xf32>
  %i = nd4j.placeholder "i" : tensor<2xi64>
  %u = nd4j.placeholder "u" : tensor<2x3xf32>
  // CHECK: nd4j_exec.node "scatter_mul" <custom>({{.*}}) {name = "m", output_names = ["m"]} : (tensor<4x3xf32>, tensor<2xi64>, tensor<2x3xf32>) -> tensor<4x3xf32>
  %0 = nd4j.scatter_mul %x, %i, %u : (tensor<4x3xf32>, tensor<2xi64>, tensor<2x3xf32>) -> tensor<4x3xf32> loc("m")
  // CHECK: nd4j_exec.node "scatter_max" <custom>({{.*}}) {name = "a", output_names = ["a"]}
  %1 = nd4j.scatter_max %x, %i, %u : (tensor<4x3xf32>, tensor<2xi64>, tensor<2x3xf32>) -> tensor<4x3xf32> loc("a")
  // CHECK: nd4j_exec.node "scatter_min" <custom>({{.*}}) {name = "n", output_names = ["n"]}
  %2 = nd4j.scatter_min %x, %i, %u : (tensor<4x3xf32>, tensor<2xi64>, tensor<2x3xf32>) -> tensor<4x3xf32> loc("n")
  nd4j.output "m" = %0, "a" = %1, "n" = %2 : tensor<4x3xf32>, tensor<4x3xf32>, tensor<4x3xf32>
}
