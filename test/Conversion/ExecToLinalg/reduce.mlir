// RUN: nd4j-opt %s -split-input-file --convert-exec-to-linalg | FileCheck %s

// Reductions, arg-reductions, softmax, scans and normalizations lowered to
// linalg.

// Dimensions from i_args (negative counts from the end); keepDims is the
// result's shape, restored with expand_shape.
// CHECK-LABEL: func.func @reduce_sum_keep
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[INIT:.*]] = linalg.fill ins(%[[ZERO]] : f32) outs(%{{.*}} : tensor<3x2xf32>)
// CHECK: %[[R:.*]] = linalg.reduce { arith.addf } ins(%{{.*}} : tensor<3x2x2xf32>) outs(%[[INIT]] : tensor<3x2xf32>) dimensions = [1]
// CHECK: tensor.expand_shape %[[R]] {{\[\[}}0], [1, 2]] output_shape [3, 1, 2]

nd4j_exec.graph @reduce_sum_keep {
  %x = nd4j_exec.placeholder "x" : tensor<3x2x2xf32>
  %0 = nd4j_exec.node "reduce_sum" <custom>(%x) i_args [-2] b_args [true] : (tensor<3x2x2xf32>) -> tensor<3x1x2xf32>
  nd4j_exec.return %0 : tensor<3x1x2xf32>
}

// -----

// No dimensions: all. f16 accumulates in f32; the mean divides by the count.
// CHECK-LABEL: func.func @reduce_mean_f16_all
// CHECK: %[[R:.*]] = linalg.reduce ins(%{{.*}} : tensor<2x3xf16>) outs(%{{.*}} : tensor<f32>) dimensions = [0, 1]
// CHECK: arith.extf
// CHECK: arith.addf
// CHECK: linalg.generic {{.*}} ins(%[[R]] : tensor<f32>) outs(%{{.*}} : tensor<f16>)
// CHECK: %[[N:.*]] = arith.constant 6.000000e+00 : f32
// CHECK: %[[D:.*]] = arith.divf %{{.*}}, %[[N]] : f32
// CHECK: arith.truncf %[[D]] : f32 to f16

nd4j_exec.graph @reduce_mean_f16_all {
  %x = nd4j_exec.placeholder "x" : tensor<2x3xf16>
  %0 = nd4j_exec.node "reduce_mean" <custom>(%x) b_args [false] : (tensor<2x3xf16>) -> tensor<f16>
  nd4j_exec.return %0 : tensor<f16>
}

// -----

// Axes at run time without keepDims: 3x2x2 -> 3x2 is axis 1 or 2; both are
// computed and the axes value picks one.
// CHECK-LABEL: func.func @reduce_max_axes_input
// CHECK: %[[NEGINF:.*]] = arith.constant 0xFF800000 : f32
// CHECK: %[[A2:.*]] = linalg.reduce { arith.maximumf } {{.*}} dimensions = [2]
// CHECK: %[[A1:.*]] = linalg.reduce { arith.maximumf } {{.*}} dimensions = [1]
// CHECK: %[[AX:.*]] = tensor.extract %{{.*}}[%{{.*}}] : tensor<1xi64>
// CHECK: arith.cmpi slt, %[[AX]]
// CHECK: %[[M:.*]] = arith.andi
// CHECK: arith.select %[[M]], %[[A1]], %[[A2]] : tensor<3x2xf32>

nd4j_exec.graph @reduce_max_axes_input {
  %x = nd4j_exec.placeholder "x" : tensor<3x2x2xf32>
  %a = nd4j_exec.placeholder "a" : tensor<1xi64>
  %0 = nd4j_exec.node "reduce_max" <custom>(%x, %a) b_args [false] : (tensor<3x2x2xf32>, tensor<1xi64>) -> tensor<3x2xf32>
  nd4j_exec.return %0 : tensor<3x2xf32>
}

// -----

// The legacy REDUCE_FLOAT form carries its dimensions in `axis`.
// CHECK-LABEL: func.func @legacy_mean
// CHECK: linalg.reduce { arith.addf } ins(%{{.*}} : tensor<4x2xf32>) outs(%{{.*}} : tensor<4xf32>) dimensions = [1]
// CHECK: arith.constant 2.000000e+00 : f32
// CHECK: arith.divf

nd4j_exec.graph @legacy_mean {
  %x = nd4j_exec.placeholder "x" : tensor<4x2xf32>
  %0 = nd4j_exec.node "reduce_mean" <reduce_float>(%x) b_args [false, true] axis [1] {op_num = 0 : i64} : (tensor<4x2xf32>) -> tensor<4xf32>
  nd4j_exec.return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @any_bool
// CHECK: %[[F:.*]] = arith.constant false
// CHECK: %[[I:.*]] = linalg.fill ins(%[[F]] : i1)
// CHECK: %[[R:.*]] = linalg.reduce { arith.ori } ins(%{{.*}} : tensor<2x3xi1>) outs(%[[I]] : tensor<i1>) dimensions = [0, 1]
// CHECK: tensor.expand_shape %[[R]] [] output_shape [1, 1]

nd4j_exec.graph @any_bool {
  %x = nd4j_exec.placeholder "x" : tensor<2x3xi1>
  %0 = nd4j_exec.node "any" <reduce_bool>(%x) b_args [true] {op_num = 0 : i64} : (tensor<2x3xi1>) -> tensor<1x1xi1>
  nd4j_exec.return %0 : tensor<1x1xi1>
}

// -----

// Value and index outputs; ties go to the lower index.
// CHECK-DAG: #[[$ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[$ROW:.*]] = affine_map<(d0, d1) -> (d0)>
// CHECK-LABEL: func.func @argmax
// CHECK: %[[R:.*]]:2 = linalg.generic {indexing_maps = [#[[$ID]], #[[$ROW]], #[[$ROW]]], iterator_types = ["parallel", "reduction"]}
// CHECK-SAME: outs(%{{.*}}, %{{.*}} : tensor<2xf32>, tensor<2xi64>)
// CHECK: linalg.index 1
// CHECK: arith.cmpf ogt
// CHECK: linalg.yield
// CHECK: tensor.expand_shape %[[R]]#1 {{\[\[}}0, 1]] output_shape [2, 1] : tensor<2xi64> into tensor<2x1xi64>

nd4j_exec.graph @argmax {
  %x = nd4j_exec.placeholder "x" : tensor<2x3xf32>
  %0 = nd4j_exec.node "argmax" <custom>(%x) i_args [1] b_args [true] : (tensor<2x3xf32>) -> tensor<2x1xi64>
  nd4j_exec.return %0 : tensor<2x1xi64>
}

// -----

// Stable: the max along the dimension, the sum of exp(x - max), then
// (x - max) - log(sum).
// CHECK-DAG: #[[$ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[$COL:.*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-LABEL: func.func @log_softmax
// CHECK: %[[MAX:.*]] = linalg.reduce { arith.maximumf } {{.*}} dimensions = [0]
// CHECK: %[[SUM:.*]] = linalg.generic {indexing_maps = [#[[$ID]], #[[$COL]], #[[$COL]]], iterator_types = ["reduction", "parallel"]} ins(%{{.*}}, %[[MAX]] :
// CHECK: math.exp
// CHECK: linalg.generic {indexing_maps = [#[[$ID]], #[[$COL]], #[[$COL]], #[[$ID]]], iterator_types = ["parallel", "parallel"]} ins(%{{.*}}, %[[MAX]], %[[SUM]] :
// CHECK: math.log
// CHECK: arith.subf

nd4j_exec.graph @log_softmax {
  %x = nd4j_exec.placeholder "x" : tensor<3x4xf32>
  %0 = nd4j_exec.node "log_softmax" <custom>(%x) i_args [0] : (tensor<3x4xf32>) -> tensor<3x4xf32>
  nd4j_exec.return %0 : tensor<3x4xf32>
}

// -----

// A scan is a reduction over an extra loop k along the axis; reverse and
// exclusive keep k > i.
// CHECK-DAG: #[[$IN:.*]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-DAG: #[[$OUT:.*]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-LABEL: func.func @cumsum_reverse_exclusive
// CHECK: linalg.generic {indexing_maps = [#[[$IN]], #[[$OUT]]], iterator_types = ["parallel", "parallel", "reduction"]}
// CHECK: %[[I:.*]] = linalg.index 1
// CHECK: %[[K:.*]] = linalg.index 2
// CHECK: %[[C:.*]] = arith.cmpi ugt, %[[K]], %[[I]]
// CHECK: arith.select %[[C]]

nd4j_exec.graph @cumsum_reverse_exclusive {
  %x = nd4j_exec.placeholder "x" : tensor<2x5xf64>
  %a = nd4j_exec.constant "a" dense<1> : tensor<i32>
  %0 = nd4j_exec.node "cumsum" <custom>(%x, %a) i_args [1, 1] : (tensor<2x5xf64>, tensor<i32>) -> tensor<2x5xf64>
  nd4j_exec.return %0 : tensor<2x5xf64>
}

// -----

// CHECK-DAG: #[[$ID:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-DAG: #[[$CH:.*]] = affine_map<(d0, d1, d2) -> (d1)>
// CHECK-LABEL: func.func @batchnorm
// CHECK: linalg.generic {indexing_maps = [#[[$ID]], #[[$CH]], #[[$CH]], #[[$CH]], #[[$CH]], #[[$ID]]]
// CHECK: %[[EPS:.*]] = arith.constant 9.99999974E-6 : f32
// CHECK: %[[VE:.*]] = arith.addf %{{.*}}, %[[EPS]]
// CHECK: math.sqrt %[[VE]]
// CHECK: arith.mulf
// CHECK: arith.addf

nd4j_exec.graph @batchnorm {
  %x = nd4j_exec.placeholder "x" : tensor<2x3x4xf32>
  %m = nd4j_exec.placeholder "m" : tensor<3xf32>
  %v = nd4j_exec.placeholder "v" : tensor<3xf32>
  %g = nd4j_exec.placeholder "g" : tensor<3xf32>
  %b = nd4j_exec.placeholder "b" : tensor<3xf32>
  %0 = nd4j_exec.node "batchnorm" <custom>(%x, %m, %v, %g, %b) t_args [1.000000e-05] i_args [1, 1, 1] : (tensor<2x3x4xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<2x3x4xf32>
  nd4j_exec.return %0 : tensor<2x3x4xf32>
}

// -----

// The squares are zero-padded by depth so the window is an affine read.
// CHECK-DAG: #[[$WIN:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2 + d3)>
// CHECK-LABEL: func.func @lrn
// CHECK: %[[P:.*]] = tensor.pad %{{.*}} low[0, 0, 1] high[0, 0, 1]
// CHECK: tensor<1x2x5xf32> to tensor<1x2x7xf32>
// CHECK: linalg.generic {indexing_maps = [#[[$WIN]], {{.*}}], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%[[P]], %{{.*}} : tensor<1x2x7xf32>, tensor<3xf32>)
// CHECK: math.powf

nd4j_exec.graph @lrn {
  %x = nd4j_exec.placeholder "x" : tensor<1x2x5xf32>
  %0 = nd4j_exec.node "lrn" <custom>(%x) t_args [2.0, 1.0e-4, 0.75] i_args [1] : (tensor<1x2x5xf32>) -> tensor<1x2x5xf32>
  nd4j_exec.return %0 : tensor<1x2x5xf32>
}

// -----

// adjust_contrast_v2: per-channel sums over H and W (f16 accumulates in
// f32), then (x - mean) * factor + mean.
// CHECK-LABEL: func.func @adjust_contrast(
// CHECK: %[[S:.*]] = linalg.generic {{.*}} iterator_types = ["reduction", "reduction", "parallel"]{{.*}} outs(%{{.*}} : tensor<3xf32>)
// CHECK: %[[F:.*]] = tensor.extract %arg1[]
// CHECK: linalg.generic {{.*}} ins(%arg0, %[[S]] : tensor<4x5x3xf16>, tensor<3xf32>) outs(%{{.*}} : tensor<4x5x3xf16>)
// CHECK: arith.subf
// CHECK: arith.mulf
// CHECK: arith.truncf {{.*}} : f32 to f16
nd4j_exec.graph @adjust_contrast {
  %x = nd4j_exec.placeholder "x" : tensor<4x5x3xf16>
  %f = nd4j_exec.placeholder "f" : tensor<f32>
  %y = nd4j_exec.node "adjust_contrast_v2" <custom>(%x, %f) {name = "y"} : (tensor<4x5x3xf16>, tensor<f32>) -> tensor<4x5x3xf16>
  nd4j_exec.return %y : tensor<4x5x3xf16>
}

// -----

// A batch known only at run time, not reduced: the accumulator's size is
// read from the input, the mean divides by the static count (4 * 5).
// CHECK-LABEL: func.func @reduce_mean_runtime_batch
// CHECK: %[[N:.*]] = tensor.dim %[[X:.*]], %c0 : tensor<?x3x4x5xf32>
// CHECK: %[[E:.*]] = tensor.empty(%[[N]]) : tensor<?x3xf32>
// CHECK: %[[R:.*]] = linalg.reduce { arith.addf } ins(%[[X]] : tensor<?x3x4x5xf32>) outs(%{{.*}} : tensor<?x3xf32>) dimensions = [2, 3]
// CHECK: arith.constant 2.000000e+01 : f32
// CHECK: tensor.expand_shape %{{.*}} {{\[\[}}0], [1, 2, 3]] output_shape [%{{.*}}, 3, 1, 1] : tensor<?x3xf32> into tensor<?x3x1x1xf32>
nd4j_exec.graph @reduce_mean_runtime_batch {
  %x = nd4j_exec.placeholder "x" : tensor<?x3x4x5xf32>
  %0 = nd4j_exec.node "reduce_mean" <custom>(%x) i_args [2, 3] b_args [true] : (tensor<?x3x4x5xf32>) -> tensor<?x3x1x1xf32>
  nd4j_exec.return %0 : tensor<?x3x1x1xf32>
}
