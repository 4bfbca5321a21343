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
  // CHECK: nd4j_exec.node "where_np" <custom>({{.*}}) : (tensor<2x3xi1>, tensor<2x3xf32>, tensor<2x3xf32>)
  %1 = nd4j.where_np %c, %0, %x : (tensor<2x3xi1>, tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "tile" <custom>({{.*}}) i_args [2, 1] :
  %2 = nd4j.tile %1 {dimensions = array<i64: 2, 1>} : (tensor<2x3xf32>) -> tensor<4x3xf32>
  // CHECK: nd4j_exec.node "gather" <custom>({{.*}}) i_args [0] {output_names = ["g"]}
  %3 = nd4j.gather %2, %i {dimensions = 0} : (tensor<4x3xf32>, tensor<4xi64>) -> tensor<4x3xf32>
  // CHECK: nd4j_exec.node "depth_to_space" <custom>({{.*}}) i_args [2, 0] {output_names = ["s"]}
  %4 = nd4j.depth_to_space %d {block_size = 2, isNHWC = 0} : (tensor<1x8x2x3xf32>) -> tensor<1x2x4x6xf32>
  nd4j.output "g" = %3, "s" = %4 : tensor<4x3xf32>, tensor<1x2x4x6xf32>
}
