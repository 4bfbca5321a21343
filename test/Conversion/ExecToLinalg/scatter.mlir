// RUN: nd4j-opt %s -split-input-file --convert-exec-to-linalg | FileCheck %s

// scatter_nd_add: a loop over the coordinate tuples carrying the result;
// each step reads its coordinates (wrapped and clamped), extracts the
// addressed row, adds its update and inserts the row back.
// CHECK-LABEL: func.func @scatter_nd_add(
// CHECK-SAME: %[[X:.*]]: tensor<4x3xf32> {{.*}}, %[[I:.*]]: tensor<2x1xi64> {{.*}}, %[[U:.*]]: tensor<2x3xf32>
// CHECK: scf.for %[[IV:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[ACC:.*]] = %[[X]]) -> (tensor<4x3xf32>)
// CHECK: tensor.extract %[[I]][%[[IV]], %{{.*}}] : tensor<2x1xi64>
// CHECK: arith.minsi
// CHECK: %[[UPD:.*]] = tensor.extract_slice %[[U]][%[[IV]], 0] [1, 3] [1, 1]
// CHECK: %[[OLD:.*]] = tensor.extract_slice %[[ACC]]
// CHECK: linalg.generic {{.*}} ins(%[[OLD]], %[[UPD]] : tensor<1x3xf32>, tensor<1x3xf32>)
// CHECK: arith.addf
// CHECK: tensor.insert_slice {{.*}} into %[[ACC]]
// CHECK: scf.yield
nd4j_exec.graph @scatter_nd_add {
  %x = nd4j_exec.placeholder "x" : tensor<4x3xf32>
  %i = nd4j_exec.placeholder "i" : tensor<2x1xi64>
  %u = nd4j_exec.placeholder "u" : tensor<2x3xf32>
  %y = nd4j_exec.node "scatter_nd_add" <custom>(%x, %i, %u) {name = "y"} : (tensor<4x3xf32>, tensor<2x1xi64>, tensor<2x3xf32>) -> tensor<4x3xf32>
  nd4j_exec.return %y : tensor<4x3xf32>
}

// -----

// scatter_nd_add with 2 of 3 dimensions indexed: each update row [1, 5]
// takes the slice's shape [1, 1, 5], its leading 1 standing for the two
// indexed dimensions.
// CHECK-LABEL: func.func @scatter_nd_add_partial(
// CHECK: scf.for
// CHECK: tensor.extract_slice %{{.*}}[%{{.*}}, 0] [1, 5] [1, 1] : tensor<2x5xf32> to tensor<1x5xf32>
// CHECK: tensor.expand_shape %{{.*}} {{\[}}[0, 1], [2]] output_shape [1, 1, 5] : tensor<1x5xf32> into tensor<1x1x5xf32>
nd4j_exec.graph @scatter_nd_add_partial {
  %x = nd4j_exec.placeholder "x" : tensor<10x7x5xf32>
  %i = nd4j_exec.placeholder "i" : tensor<2x2xi32>
  %u = nd4j_exec.placeholder "u" : tensor<2x5xf32>
  %y = nd4j_exec.node "scatter_nd_add" <custom>(%x, %i, %u) {name = "y"} : (tensor<10x7x5xf32>, tensor<2x2xi32>, tensor<2x5xf32>) -> tensor<10x7x5xf32>
  nd4j_exec.return %y : tensor<10x7x5xf32>
}

// -----

// scatter_nd_update of single elements replaces without reading.
// CHECK-LABEL: func.func @scatter_nd_update(
// CHECK: scf.for
// CHECK-NOT: linalg.generic
// CHECK: tensor.insert_slice
nd4j_exec.graph @scatter_nd_update {
  %x = nd4j_exec.placeholder "x" : tensor<2x2xi32>
  %i = nd4j_exec.placeholder "i" : tensor<3x2xi64>
  %u = nd4j_exec.placeholder "u" : tensor<3xi32>
  %y = nd4j_exec.node "scatter_nd_update" <custom>(%x, %i, %u) {name = "y"} : (tensor<2x2xi32>, tensor<3x2xi64>, tensor<3xi32>) -> tensor<2x2xi32>
  nd4j_exec.return %y : tensor<2x2xi32>
}

// -----

// scatter_mul along the first dimension.
// CHECK-LABEL: func.func @scatter_mul(
// CHECK: scf.for
// CHECK: arith.mulf
nd4j_exec.graph @scatter_mul {
  %x = nd4j_exec.placeholder "x" : tensor<4x3xf32>
  %i = nd4j_exec.placeholder "i" : tensor<2xi64>
  %u = nd4j_exec.placeholder "u" : tensor<2x3xf32>
  %y = nd4j_exec.node "scatter_mul" <custom>(%x, %i, %u) {name = "y"} : (tensor<4x3xf32>, tensor<2xi64>, tensor<2x3xf32>) -> tensor<4x3xf32>
  nd4j_exec.return %y : tensor<4x3xf32>
}

// -----

// unsorted_segment_max: the result starts at the lowest f32 and each row
// is combined into its segment; ids outside [0, 3) are dropped (the select
// keeps the old row).
// CHECK-LABEL: func.func @unsorted_segment_max(
// CHECK: %[[LOW:.*]] = arith.constant -3.40282347E+38 : f32
// CHECK: %[[INIT:.*]] = linalg.fill ins(%[[LOW]] : f32) outs(%{{.*}} : tensor<3x2xf32>)
// CHECK: scf.for {{.*}} iter_args(%[[ACC:.*]] = %[[INIT]]) -> (tensor<3x2xf32>)
// CHECK: arith.cmpi sge
// CHECK: arith.maximumf
// CHECK: arith.select
nd4j_exec.graph @unsorted_segment_max {
  %x = nd4j_exec.placeholder "x" : tensor<4x2xf32>
  %i = nd4j_exec.placeholder "i" : tensor<4xi32>
  %r = nd4j_exec.node "unsorted_segment_max" <custom>(%x, %i) i_args [3] : (tensor<4x2xf32>, tensor<4xi32>) -> tensor<3x2xf32>
  nd4j_exec.return %r : tensor<3x2xf32>
}

// -----

// segment_mean with constant ids: 3 segments (the largest id + 1), the sums
// divided by the counts (a second loop over ones), 0 for an empty segment.
// CHECK-LABEL: func.func @segment_mean(
// CHECK: scf.for {{.*}} -> (tensor<3xf32>)
// CHECK: scf.for {{.*}} -> (tensor<3xf32>)
// CHECK: linalg.generic
// CHECK: arith.cmpf oeq
// CHECK: arith.divf
// CHECK: arith.select
// CHECK: tensor.cast %{{.*}} : tensor<3xf32> to tensor<?xf32>
nd4j_exec.graph @segment_mean {
  %x = nd4j_exec.placeholder "x" : tensor<4xf32>
  %i = nd4j_exec.constant "i" dense<[0, 0, 2, 2]> : tensor<4xi32>
  %r = nd4j_exec.node "segment_mean" <custom>(%x, %i) : (tensor<4xf32>, tensor<4xi32>) -> tensor<?xf32>
  nd4j_exec.return %r : tensor<?xf32>
}
