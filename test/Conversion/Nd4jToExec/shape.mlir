// RUN: nd4j-opt %s --convert-nd4j-to-exec | FileCheck %s

// Array attributes fill one slot per element: reshape's shapeArr, permute's
// reverseDims; concat takes any number of inputs and its axis as i_arg 0.

// CHECK-LABEL: nd4j_exec.graph @shapes
nd4j.graph @shapes {
  // CHECK: %[[X:.*]] = nd4j_exec.placeholder "x" : tensor<2x3x4xf32>
  %x = nd4j.placeholder "x" : tensor<2x3x4xf32>
  // CHECK: nd4j_exec.node "reshape" <custom>(%[[X]]) i_args [4, -1] {name = "r", output_names = ["r"]} : (tensor<2x3x4xf32>) -> tensor<4x6xf32>
  %r = nd4j.reshape %x {shapeArr = array<i64: 4, -1>} : (tensor<2x3x4xf32>) -> tensor<4x6xf32> loc("r")
  // CHECK: nd4j_exec.node "permute" <custom>(%[[X]]) i_args [2, 0, 1] {name = "p", output_names = ["p"]} : (tensor<2x3x4xf32>) -> tensor<4x2x3xf32>
  %p = nd4j.permute %x {reverseDims = array<i64: 2, 0, 1>} : (tensor<2x3x4xf32>) -> tensor<4x2x3xf32> loc("p")
  // CHECK: nd4j_exec.node "concat" <custom>(%[[X]], %[[X]], %[[X]]) i_args [1] {name = "c", output_names = ["c"]} : (tensor<2x3x4xf32>, tensor<2x3x4xf32>, tensor<2x3x4xf32>) -> tensor<2x9x4xf32>
  %c = nd4j.concat %x, %x, %x {concatDimension = 1} : (tensor<2x3x4xf32>, tensor<2x3x4xf32>, tensor<2x3x4xf32>) -> tensor<2x9x4xf32> loc("c")
  nd4j.output "r" = %r, "p" = %p, "c" = %c : tensor<4x6xf32>, tensor<4x2x3xf32>, tensor<2x9x4xf32>
}

// CHECK-LABEL: nd4j_exec.graph @select_gather
nd4j.graph @select_gather {
  %c = nd4j.placeholder "c" : tensor<2x3xi1>
  %x = nd4j.placeholder "x" : tensor<2x3xf32>
  %i = nd4j.placeholder "i" : tensor<4xi64>
  %d = nd4j.placeholder "d" : tensor<1x8x2x3xf32>
  // CHECK: nd4j_exec.node "Pow" <custom>
  %0 = nd4j.pow %x, %x : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "select" <custom>({{.*}}) : (tensor<2x3xi1>, tensor<2x3xf32>, tensor<2x3xf32>)
  %1 = nd4j.select %c, %0, %x : (tensor<2x3xi1>, tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "broadcast_to" <custom>({{.*}}) {output_names = ["b"]} : (tensor<3xf32>, tensor<2xi64>) -> tensor<2x3xf32>
  %s = nd4j.constant dense<[2, 3]> : tensor<2xi64>
  %v = nd4j.placeholder "v" : tensor<3xf32>
  %b = nd4j.broadcast_to %v, %s : (tensor<3xf32>, tensor<2xi64>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "tile" <custom>({{.*}}) i_args [2, 1] :
  %2 = nd4j.tile %1 {dimensions = array<i64: 2, 1>} : (tensor<2x3xf32>) -> tensor<4x3xf32>
  // CHECK: nd4j_exec.node "gather" <custom>({{.*}}) i_args [0] {output_names = ["g"]}
  %3 = nd4j.gather %2, %i {dimensions = 0} : (tensor<4x3xf32>, tensor<4xi64>) -> tensor<4x3xf32>
  // CHECK: nd4j_exec.node "depth_to_space" <custom>({{.*}}) i_args [2, 0] {output_names = ["s"]}
  %4 = nd4j.depth_to_space %d {block_size = 2, isNHWC = 0} : (tensor<1x8x2x3xf32>) -> tensor<1x2x4x6xf32>
  nd4j.output "g" = %3, "s" = %4, "b" = %b : tensor<4x3xf32>, tensor<1x2x4x6xf32>, tensor<2x3xf32>
}

// Ops whose shapes, axes or counts are operands: the operand becomes an
// input of the libnd4j op, the slots hold only the remaining arguments.

// CHECK-LABEL: nd4j_exec.graph @runtime_shapes
nd4j.graph @runtime_shapes {
  // CHECK: %[[X:.*]] = nd4j_exec.placeholder "x"
  %x = nd4j.placeholder "x" : tensor<2x3xf32>
  // CHECK: %[[S:.*]] = nd4j_exec.placeholder "s"
  %s = nd4j.placeholder "s" : tensor<2xi64>
  // CHECK: %[[AX:.*]] = nd4j_exec.placeholder "ax"
  %ax = nd4j.placeholder "ax" : tensor<1xi64>
  // CHECK: %[[K:.*]] = nd4j_exec.placeholder "k"
  %k = nd4j.placeholder "k" : tensor<i32>
  // CHECK: %[[A:.*]] = nd4j_exec.placeholder "a"
  %a = nd4j.placeholder "a" : tensor<f32>
  // CHECK: %[[U:.*]] = nd4j_exec.placeholder "u"
  %u = nd4j.placeholder "u" : tensor<3xui8>
  // CHECK: %[[B:.*]] = nd4j_exec.placeholder "b"
  %b = nd4j.placeholder "b" : tensor<3xi1>
  // CHECK: nd4j_exec.node "fill" <custom>(%[[S]]) t_args [1.500000e+00] d_args [f32] {output_names = ["fill"]} : (tensor<2xi64>) -> tensor<?x?xf32>
  %0 = nd4j.fill %s {dtype = f32, value = 1.5 : f64} : (tensor<2xi64>) -> tensor<?x?xf32>
  // CHECK: nd4j_exec.node "reverse" <custom>(%[[X]]) i_args [1] {output_names = ["reverse"]} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %1 = nd4j.reverse %x {dimensions = array<i64: 1>} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "range" <custom>(%[[A]], %[[A]], %[[A]]) d_args [f32] {output_names = ["range"]} : (tensor<f32>, tensor<f32>, tensor<f32>) -> tensor<?xf32>
  %2 = nd4j.range %a, %a, %a {dtype = f32} : (tensor<f32>, tensor<f32>, tensor<f32>) -> tensor<?xf32>
  // CHECK: nd4j_exec.node "cumsum" <custom>(%[[X]], %[[K]]) i_args [1, 0] {output_names = ["cumsum"]} : (tensor<2x3xf32>, tensor<i32>) -> tensor<2x3xf32>
  %3 = nd4j.cumsum %x, %k {exclusive = 1 : i64, reverse = 0 : i64} : (tensor<2x3xf32>, tensor<i32>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "shift_bits" <custom>(%[[U]], %[[U]]) {output_names = ["shl"]} : (tensor<3xui8>, tensor<3xui8>) -> tensor<3xui8>
  %4 = nd4j.shift_bits %u, %u : (tensor<3xui8>, tensor<3xui8>) -> tensor<3xui8>
  // CHECK: nd4j_exec.node "rshift_bits" <custom>(%[[U]], %[[U]]) {output_names = ["shr"]} : (tensor<3xui8>, tensor<3xui8>) -> tensor<3xui8>
  %5 = nd4j.rshift_bits %u, %u : (tensor<3xui8>, tensor<3xui8>) -> tensor<3xui8>
  // CHECK: nd4j_exec.node "boolean_not" <custom>(%[[B]]) {output_names = ["not"]} : (tensor<3xi1>) -> tensor<3xi1>
  %6 = nd4j.boolean_not %b : (tensor<3xi1>) -> tensor<3xi1>
  // CHECK: nd4j_exec.node "reduce_sum" <custom>(%[[X]], %[[AX]]) b_args [true] {output_names = ["sum"]} : (tensor<2x3xf32>, tensor<1xi64>) -> tensor<?x?xf32>
  %7 = nd4j.reduce_sum %x, %ax {dimensions = array<i64>, keepDims = true} : (tensor<2x3xf32>, tensor<1xi64>) -> tensor<?x?xf32>
  // CHECK: nd4j_exec.node "tile" <custom>(%[[X]], %[[S]]) {output_names = ["tile"]} : (tensor<2x3xf32>, tensor<2xi64>) -> tensor<?x?xf32>
  %8 = nd4j.tile %x, %s {dimensions = array<i64>} : (tensor<2x3xf32>, tensor<2xi64>) -> tensor<?x?xf32>
  // CHECK: nd4j_exec.node "top_k" <custom>(%[[X]]) i_args [2] b_args [true] {output_names = ["v", "i"]} : (tensor<2x3xf32>) -> (tensor<2x2xf32>, tensor<2x2xi64>)
  %9:2 = nd4j.top_k %x {k = 2 : i64, needSort = true} : (tensor<2x3xf32>) -> (tensor<2x2xf32>, tensor<2x2xi64>)
  nd4j.output "fill" = %0, "reverse" = %1, "range" = %2, "cumsum" = %3, "shl" = %4, "shr" = %5, "not" = %6, "sum" = %7, "tile" = %8, "v" = %9#0, "i" = %9#1 : tensor<?x?xf32>, tensor<2x3xf32>, tensor<?xf32>, tensor<2x3xf32>, tensor<3xui8>, tensor<3xui8>, tensor<3xi1>, tensor<?x?xf32>, tensor<?x?xf32>, tensor<2x2xf32>, tensor<2x2xi64>
}
