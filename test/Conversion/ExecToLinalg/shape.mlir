// RUN: nd4j-opt %s -split-input-file --convert-exec-to-linalg | FileCheck %s

// reshape follows the (static) result type: one collapse or expand where a
// reassociation exists, else through rank 1; a leading 'f' (102) order
// reshapes column-major, between two transposes.

// CHECK-LABEL: func.func @reshape_collapse
// CHECK: tensor.collapse_shape %{{.*}} {{\[}}[0, 1], [2]] : tensor<2x3x4xf32> into tensor<6x4xf32>
nd4j_exec.graph @reshape_collapse {
  %x = nd4j_exec.placeholder "x" : tensor<2x3x4xf32>
  %0 = nd4j_exec.node "reshape" <custom>(%x) i_args [99, 6, -1] : (tensor<2x3x4xf32>) -> tensor<6x4xf32>
  nd4j_exec.return %0 : tensor<6x4xf32>
}

// -----

// CHECK-LABEL: func.func @reshape_general
// CHECK: %[[F:.*]] = tensor.collapse_shape %{{.*}} {{\[}}[0, 1]] : tensor<2x3xf32> into tensor<6xf32>
// CHECK: tensor.expand_shape %[[F]] {{\[}}[0, 1]] output_shape [3, 2] : tensor<6xf32> into tensor<3x2xf32>
nd4j_exec.graph @reshape_general {
  %x = nd4j_exec.placeholder "x" : tensor<2x3xf32>
  %0 = nd4j_exec.node "reshape" <custom>(%x) i_args [3, 2] : (tensor<2x3xf32>) -> tensor<3x2xf32>
  nd4j_exec.return %0 : tensor<3x2xf32>
}

// -----

// CHECK-LABEL: func.func @reshape_fortran
// CHECK: linalg.transpose ins(%{{.*}} : tensor<2x3xf32>) outs(%{{.*}} : tensor<3x2xf32>) permutation = [1, 0]
// CHECK: linalg.transpose ins(%{{.*}} : tensor<2x3xf32>) outs(%{{.*}} : tensor<3x2xf32>) permutation = [1, 0]
nd4j_exec.graph @reshape_fortran {
  %x = nd4j_exec.placeholder "x" : tensor<2x3xf32>
  %0 = nd4j_exec.node "reshape" <custom>(%x) i_args [102, 3, 2] : (tensor<2x3xf32>) -> tensor<3x2xf32>
  nd4j_exec.return %0 : tensor<3x2xf32>
}

// -----

// CHECK-LABEL: func.func @permute
// CHECK: linalg.transpose ins(%{{.*}} : tensor<2x3x4xf32>) outs(%{{.*}} : tensor<4x2x3xf32>) permutation = [2, 0, 1]
nd4j_exec.graph @permute {
  %x = nd4j_exec.placeholder "x" : tensor<2x3x4xf32>
  %0 = nd4j_exec.node "permute" <custom>(%x) i_args [2, 0, 1] : (tensor<2x3x4xf32>) -> tensor<4x2x3xf32>
  nd4j_exec.return %0 : tensor<4x2x3xf32>
}

// -----

// CHECK-DAG: #[[$BMAP:.*]] = affine_map<(d0, d1) -> (0, d1)>
// CHECK-DAG: #[[$TMAP:.*]] = affine_map<(d0, d1) -> (d0 mod 2, d1)>
// CHECK-LABEL: func.func @broadcast_tile
// CHECK: linalg.generic {indexing_maps = [#[[$BMAP]], #{{.*}}]
// CHECK: linalg.generic {indexing_maps = [#[[$TMAP]], #{{.*}}]
nd4j_exec.graph @broadcast_tile {
  %x = nd4j_exec.placeholder "x" : tensor<1x3xf32>
  %y = nd4j_exec.placeholder "y" : tensor<2x3xf32>
  %s = nd4j_exec.constant "s" dense<[4, 3]> : tensor<2xi64>
  %0 = nd4j_exec.node "broadcast_to" <custom>(%x, %s) : (tensor<1x3xf32>, tensor<2xi64>) -> tensor<4x3xf32>
  %1 = nd4j_exec.node "tile" <custom>(%y) i_args [3, 1] : (tensor<2x3xf32>) -> tensor<6x3xf32>
  nd4j_exec.return %0, %1 : tensor<4x3xf32>, tensor<6x3xf32>
}

// -----

// concat picks the input by the position along the axis.
// CHECK-LABEL: func.func @concat
// CHECK-SAME: (%[[A:.*]]: tensor<2x3xf32> {{.*}}, %[[B:.*]]: tensor<2x1xf32>
// CHECK: linalg.generic
// CHECK: %[[I:.*]] = linalg.index 1
// CHECK: tensor.extract %[[B]]
// CHECK: tensor.extract %[[A]]
// CHECK: arith.cmpi slt, %[[I]]
// CHECK: arith.select
nd4j_exec.graph @concat {
  %a = nd4j_exec.placeholder "a" : tensor<2x3xf32>
  %b = nd4j_exec.placeholder "b" : tensor<2x1xf32>
  %0 = nd4j_exec.node "concat" <custom>(%a, %b) i_args [-1] : (tensor<2x3xf32>, tensor<2x1xf32>) -> tensor<2x4xf32>
  nd4j_exec.return %0 : tensor<2x4xf32>
}

// -----

// strided_slice [1:, ::-2] with a shrunk leading axis: the generic reads
// start + i * stride; the shape change is a collapse.
// CHECK-LABEL: func.func @strided_slice
// CHECK: %[[S:.*]] = linalg.generic
// CHECK: %[[J:.*]] = linalg.index 2
// CHECK: %[[M:.*]] = arith.muli %[[J]], %{{.*}}
// CHECK: tensor.extract
// CHECK: tensor.collapse_shape %[[S]] {{\[}}[0, 1], [2]] : tensor<1x2x3xf32> into tensor<2x3xf32>
nd4j_exec.graph @strided_slice {
  %x = nd4j_exec.placeholder "x" : tensor<2x3x6xf32>
  %0 = nd4j_exec.node "strided_slice" <custom>(%x) i_args [4, 0, 6, 0, 1, 1, 1, 0, 0, 0, 0, 1, 1, -2] : (tensor<2x3x6xf32>) -> tensor<2x3xf32>
  nd4j_exec.return %0 : tensor<2x3xf32>
}

// -----

// CHECK-DAG: #[[$RMAP:.*]] = affine_map<(d0, d1) -> (d0, -d1 + 2)>
// CHECK-LABEL: func.func @reverse
// CHECK: linalg.generic {indexing_maps = [#[[$RMAP]], #{{.*}}]
nd4j_exec.graph @reverse {
  %x = nd4j_exec.placeholder "x" : tensor<2x3xf32>
  %0 = nd4j_exec.node "reverse" <custom>(%x) i_args [-1] : (tensor<2x3xf32>) -> tensor<2x3xf32>
  nd4j_exec.return %0 : tensor<2x3xf32>
}

// -----

// CONSTANT pad selects the value outside the input; REFLECT mirrors.
// CHECK-LABEL: func.func @pad
// CHECK: linalg.generic
// CHECK: arith.select %{{.*}}, %{{.*}}, %{{.*}} : f32
// CHECK: linalg.generic
// CHECK: arith.select
// CHECK: tensor.extract
nd4j_exec.graph @pad {
  %x = nd4j_exec.placeholder "x" : tensor<2x3xf32>
  %p = nd4j_exec.constant "p" dense<[[0, 1], [2, 1]]> : tensor<2x2xi64>
  %0 = nd4j_exec.node "pad" <custom>(%x, %p) t_args [1.5] i_args [0] : (tensor<2x3xf32>, tensor<2x2xi64>) -> tensor<3x6xf32>
  %1 = nd4j_exec.node "pad" <custom>(%x, %p) t_args [0.0] i_args [1] : (tensor<2x3xf32>, tensor<2x2xi64>) -> tensor<3x6xf32>
  nd4j_exec.return %0, %1 : tensor<3x6xf32>, tensor<3x6xf32>
}

// -----

// gather reads the index through the indices' map and wraps negatives.
// CHECK-DAG: #[[$GMAP:.*]] = affine_map<(d0, d1, d2) -> (d1, d2)>
// CHECK-LABEL: func.func @gather
// CHECK: linalg.generic {indexing_maps = [#[[$GMAP]], #{{.*}}]
// CHECK: arith.index_cast
// CHECK: arith.select
// CHECK: tensor.extract %{{.*}}[%{{.*}}, %{{.*}}] : tensor<3x4xf32>
nd4j_exec.graph @gather {
  %x = nd4j_exec.placeholder "x" : tensor<3x4xf32>
  %i = nd4j_exec.placeholder "i" : tensor<2x2xi64>
  %0 = nd4j_exec.node "gather" <custom>(%x, %i) i_args [1] : (tensor<3x4xf32>, tensor<2x2xi64>) -> tensor<3x2x2xf32>
  nd4j_exec.return %0 : tensor<3x2x2xf32>
}

// -----

// CHECK-LABEL: func.func @gather_nd
// CHECK: linalg.generic
// CHECK-COUNT-3: tensor.extract
nd4j_exec.graph @gather_nd {
  %x = nd4j_exec.placeholder "x" : tensor<3x4x5xf32>
  %i = nd4j_exec.placeholder "i" : tensor<6x2xi32>
  %0 = nd4j_exec.node "gather_nd" <custom>(%x, %i) : (tensor<3x4x5xf32>, tensor<6x2xi32>) -> tensor<6x5xf32>
  nd4j_exec.return %0 : tensor<6x5xf32>
}

// -----

// CHECK-LABEL: func.func @fill_range
// CHECK: linalg.fill ins(%{{.*}} : i32) outs(%{{.*}} : tensor<2x3xi32>)
// CHECK: linalg.generic
// CHECK: arith.mulf
// CHECK: arith.addf
nd4j_exec.graph @fill_range {
  %s = nd4j_exec.constant "s" dense<[2, 3]> : tensor<2xi64>
  %a = nd4j_exec.constant "a" dense<1.0> : tensor<f32>
  %b = nd4j_exec.constant "b" dense<3.0> : tensor<f32>
  %c = nd4j_exec.constant "c" dense<0.5> : tensor<f32>
  %0 = nd4j_exec.node "fill" <custom>(%s) t_args [7.0] d_args [i32] : (tensor<2xi64>) -> tensor<2x3xi32>
  %1 = nd4j_exec.node "range" <custom>(%a, %b, %c) d_args [f32] : (tensor<f32>, tensor<f32>, tensor<f32>) -> tensor<4xf32>
  nd4j_exec.return %0, %1 : tensor<2x3xi32>, tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @triu_diag
// CHECK: linalg.generic
// CHECK: arith.cmpi sge
// CHECK: linalg.generic
// CHECK: %[[D0:.*]] = linalg.index 0
// CHECK: %[[D1:.*]] = linalg.index 1
// CHECK: tensor.extract %{{.*}}[%[[D0]], %[[D1]], %[[D1]]]
nd4j_exec.graph @triu_diag {
  %x = nd4j_exec.placeholder "x" : tensor<2x3x4xf32>
  %0 = nd4j_exec.node "triu" <custom>(%x) i_args [1] : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  %1 = nd4j_exec.node "matrix_diag_part" <custom>(%x) : (tensor<2x3x4xf32>) -> tensor<2x3xf32>
  nd4j_exec.return %0, %1 : tensor<2x3x4xf32>, tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func.func @depth_to_space
// CHECK: tensor.expand_shape %{{.*}} {{\[}}[0], [1, 2, 3], [4], [5]] output_shape [1, 2, 2, 2, 2, 3] : tensor<1x8x2x3xf32> into tensor<1x2x2x2x2x3xf32>
// CHECK: linalg.transpose {{.*}} permutation = [0, 3, 4, 1, 5, 2]
// CHECK: tensor.collapse_shape %{{.*}} {{\[}}[0], [1], [2, 3], [4, 5]] : tensor<1x2x2x2x3x2xf32> into tensor<1x2x4x6xf32>
nd4j_exec.graph @depth_to_space {
  %x = nd4j_exec.placeholder "x" : tensor<1x8x2x3xf32>
  %0 = nd4j_exec.node "depth_to_space" <custom>(%x) i_args [2, 0] : (tensor<1x8x2x3xf32>) -> tensor<1x2x4x6xf32>
  nd4j_exec.return %0 : tensor<1x2x4x6xf32>
}

// -----

// CHECK-LABEL: func.func @reverse_sequence
// CHECK: linalg.generic
// CHECK: arith.cmpi slt
// CHECK: tensor.extract
nd4j_exec.graph @reverse_sequence {
  %x = nd4j_exec.placeholder "x" : tensor<4x3xf32>
  %l = nd4j_exec.placeholder "l" : tensor<3xi64>
  %0 = nd4j_exec.node "reverse_sequence" <custom>(%x, %l) i_args [0, 1] : (tensor<4x3xf32>, tensor<3xi64>) -> tensor<4x3xf32>
  nd4j_exec.return %0 : tensor<4x3xf32>
}

// -----

// onehot compares each index with the position along the axis (dimension
// 1 here) and selects the on or off value; the indices skip that loop.
// CHECK-DAG: #[[$IDX:.*]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-DAG: #[[$ONE:.*]] = affine_map<(d0, d1, d2) -> (0)>
// CHECK-LABEL: func.func @onehot(
// CHECK: linalg.generic {indexing_maps = [#[[$IDX]], #[[$ONE]], #[[$ONE]], #{{.*}}]
// CHECK: ^bb0(%[[I:.*]]: i64, %[[ON:.*]]: f32, %[[OFF:.*]]: f32, %{{.*}}: f32):
// CHECK: %[[P:.*]] = linalg.index 1 : index
// CHECK: %[[PI:.*]] = arith.index_cast %[[P]] : index to i64
// CHECK: %[[EQ:.*]] = arith.cmpi eq, %[[I]], %[[PI]] : i64
// CHECK: %[[R:.*]] = arith.select %[[EQ]], %[[ON]], %[[OFF]] : f32
// CHECK: linalg.yield %[[R]]
nd4j_exec.graph @onehot {
  %i = nd4j_exec.placeholder "i" : tensor<2x2xi64>
  %d = nd4j_exec.placeholder "d" : tensor<f32>
  %on = nd4j_exec.placeholder "on" : tensor<1xf32>
  %off = nd4j_exec.placeholder "off" : tensor<1xf32>
  %0 = nd4j_exec.node "onehot" <custom>(%i, %d, %on, %off) i_args [1] d_args [f32] {name = "y", output_names = ["y"]} : (tensor<2x2xi64>, tensor<f32>, tensor<1xf32>, tensor<1xf32>) -> tensor<2x10x2xf32>
  nd4j_exec.return %0 : tensor<2x10x2xf32>
}

// -----

// matrix_diag: the diagonal on i == j, zero elsewhere.
// CHECK-LABEL: func.func @matrix_diag(
// CHECK: linalg.generic {{.*}} outs(%{{.*}} : tensor<2x3x3xf32>)
// CHECK: %[[EQ:.*]] = arith.cmpi eq
// CHECK: %[[V:.*]] = tensor.extract %arg0
// CHECK: arith.select %[[EQ]], %[[V]]
nd4j_exec.graph @matrix_diag {
  %x = nd4j_exec.placeholder "x" : tensor<2x3xf32>
  %y = nd4j_exec.node "matrix_diag" <custom>(%x) {name = "y"} : (tensor<2x3xf32>) -> tensor<2x3x3xf32>
  nd4j_exec.return %y : tensor<2x3x3xf32>
}

// -----

// matrix_set_diag reads the diagonal only on it.
// CHECK-LABEL: func.func @matrix_set_diag(
// CHECK: linalg.generic {{.*}} outs(%{{.*}} : tensor<3x4xf32>)
// CHECK: scf.if
// CHECK: tensor.extract %arg1
// CHECK: } else {
// CHECK: tensor.extract %arg0
nd4j_exec.graph @matrix_set_diag {
  %x = nd4j_exec.placeholder "x" : tensor<3x4xf32>
  %d = nd4j_exec.placeholder "d" : tensor<3xf32>
  %y = nd4j_exec.node "matrix_set_diag" <custom>(%x, %d) {name = "y"} : (tensor<3x4xf32>, tensor<3xf32>) -> tensor<3x4xf32>
  nd4j_exec.return %y : tensor<3x4xf32>
}

// -----

// roll: shifts of one dimension add up (2 + 3 = 5 = 0 mod 5 leaves d0 as
// is); d1 reads (i + 4 - 1) mod 4.
// CHECK-LABEL: func.func @roll(
// CHECK: linalg.generic
// CHECK: %[[I:.*]] = arith.addi %{{.*}}, %c3
// CHECK: arith.remui %[[I]], %c4
// CHECK-NOT: arith.remui
// CHECK: tensor.extract %arg0
nd4j_exec.graph @roll {
  %x = nd4j_exec.placeholder "x" : tensor<5x4xf32>
  %s = nd4j_exec.constant "s" dense<[2, 3, 1]> : tensor<3xi32>
  %a = nd4j_exec.constant "a" dense<[0, 0, 1]> : tensor<3xi32>
  %y = nd4j_exec.node "roll" <custom>(%x, %s, %a) {name = "y"} : (tensor<5x4xf32>, tensor<3xi32>, tensor<3xi32>) -> tensor<5x4xf32>
  nd4j_exec.return %y : tensor<5x4xf32>
}

// -----

// matrix_band_part keeps i - j <= 0 (upper triangle), any j - i.
// CHECK-LABEL: func.func @matrix_band_part(
// CHECK: linalg.generic
// CHECK: arith.subi
// CHECK: arith.cmpi sle
// CHECK-NOT: arith.cmpi
// CHECK: arith.select
nd4j_exec.graph @matrix_band_part {
  %x = nd4j_exec.placeholder "x" : tensor<3x3xf32>
  %y = nd4j_exec.node "matrix_band_part" <custom>(%x) i_args [0, -1] {name = "y"} : (tensor<3x3xf32>) -> tensor<3x3xf32>
  nd4j_exec.return %y : tensor<3x3xf32>
}

// -----

// space_to_batch_nd: pad the spatial dimensions, split each into
// (size / block, block), move the blocks before the batch, merge.
// CHECK-LABEL: func.func @space_to_batch_nd(
// CHECK: tensor.pad %{{.*}} low[0, 1, 0, 0] high[0, 1, 0, 0]
// CHECK: tensor.expand_shape %{{.*}} {{\[\[}}0], [1, 2], [3, 4], [5]] output_shape [1, 2, 2, 2, 2, 3] : tensor<1x4x4x3xf32> into tensor<1x2x2x2x2x3xf32>
// CHECK: linalg.transpose {{.*}} permutation = [2, 4, 0, 1, 3, 5]
// CHECK: tensor.collapse_shape %{{.*}} {{\[\[}}0, 1], [2, 3], [4], [5]] : tensor<2x2x1x2x2x3xf32> into tensor<4x2x2x3xf32>
nd4j_exec.graph @space_to_batch_nd {
  %x = nd4j_exec.placeholder "x" : tensor<1x2x4x3xf32>
  %bs = nd4j_exec.constant "bs" dense<[2, 2]> : tensor<2xi32>
  %p = nd4j_exec.constant "p" dense<[[1, 1], [0, 0]]> : tensor<2x2xi32>
  %r = nd4j_exec.node "space_to_batch_nd" <custom>(%x, %bs, %p) : (tensor<1x2x4x3xf32>, tensor<2xi32>, tensor<2x2xi32>) -> tensor<4x2x2x3xf32>
  nd4j_exec.return %r : tensor<4x2x2x3xf32>
}

// -----

// batch_to_space_nd: the inverse, then the crops.
// CHECK-LABEL: func.func @batch_to_space_nd(
// CHECK: tensor.expand_shape %{{.*}} {{\[\[}}0, 1, 2], [3], [4], [5]] output_shape [2, 2, 1, 2, 2, 3] : tensor<4x2x2x3xf32> into tensor<2x2x1x2x2x3xf32>
// CHECK: linalg.transpose {{.*}} permutation = [2, 3, 0, 4, 1, 5]
// CHECK: tensor.collapse_shape %{{.*}} {{\[\[}}0], [1, 2], [3, 4], [5]] : tensor<1x2x2x2x2x3xf32> into tensor<1x4x4x3xf32>
// CHECK: tensor.extract_slice %{{.*}}[0, 1, 0, 0] [1, 2, 4, 3] [1, 1, 1, 1] : tensor<1x4x4x3xf32> to tensor<1x2x4x3xf32>
nd4j_exec.graph @batch_to_space_nd {
  %x = nd4j_exec.placeholder "x" : tensor<4x2x2x3xf32>
  %bs = nd4j_exec.constant "bs" dense<[2, 2]> : tensor<2xi32>
  %c = nd4j_exec.constant "c" dense<[[1, 1], [0, 0]]> : tensor<2x2xi32>
  %r = nd4j_exec.node "batch_to_space_nd" <custom>(%x, %bs, %c) : (tensor<4x2x2x3xf32>, tensor<2xi32>, tensor<2x2xi32>) -> tensor<1x2x4x3xf32>
  nd4j_exec.return %r : tensor<1x2x4x3xf32>
}

// -----

// A run-time batch concatenated with a constant of batch 1 (graphs that fix
// their batch): the run checks that the batch is 1 before reading it, and
// the input keeps its type (a cast to 1 would be folded into its producer).
// CHECK-LABEL: func.func @concat_fixed_batch(
// CHECK: %[[N:.*]] = tensor.dim %arg0, %c0 : tensor<?x2xf32>
// CHECK: %[[EQ:.*]] = arith.cmpi eq, %[[N]], %c1
// CHECK: cf.assert %[[EQ]], "node 'c' (libnd4j op 'concat'): input 0 has another size than the result in dimension 0"
// CHECK-NOT: tensor.cast
// CHECK: linalg.generic
nd4j_exec.graph @concat_fixed_batch {
  %x = nd4j_exec.placeholder "x" : tensor<?x2xf32>
  %k = nd4j_exec.constant "k" dense<1.0> : tensor<1x3xf32>
  %r = nd4j_exec.node "concat" <custom>(%x, %k) i_args [1] {name = "c"} : (tensor<?x2xf32>, tensor<1x3xf32>) -> tensor<1x5xf32>
  nd4j_exec.return %r : tensor<1x5xf32>
}
