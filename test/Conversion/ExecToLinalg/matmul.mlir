// RUN: nd4j-opt %s -split-input-file --convert-exec-to-linalg | FileCheck %s

// Plain 2-D matmul is the named linalg.matmul over a zero-filled init.
// CHECK-LABEL: func.func @mm(
// CHECK: %[[Z:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[F:.*]] = linalg.fill ins(%[[Z]] : f32) outs(%{{.*}} : tensor<2x4xf32>)
// CHECK: linalg.matmul ins(%{{.*}}, %{{.*}} : tensor<2x3xf32>, tensor<3x4xf32>) outs(%[[F]] : tensor<2x4xf32>)
nd4j_exec.graph @mm {
  %a = nd4j_exec.placeholder "a" : tensor<2x3xf32>
  %b = nd4j_exec.placeholder "b" : tensor<3x4xf32>
  %c = nd4j_exec.node "matmul" <custom>(%a, %b) t_args [1.000000e+00, 0.000000e+00] i_args [0, 0, 0] {name = "c"} : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
  nd4j_exec.return %c : tensor<2x4xf32>
}

// -----

// Equal batches: linalg.batch_matmul.
// CHECK-LABEL: func.func @bmm(
// CHECK: linalg.batch_matmul ins(%{{.*}}, %{{.*}} : tensor<5x2x3xf32>, tensor<5x3x4xf32>)
nd4j_exec.graph @bmm {
  %a = nd4j_exec.placeholder "a" : tensor<5x2x3xf32>
  %b = nd4j_exec.placeholder "b" : tensor<5x3x4xf32>
  %c = nd4j_exec.node "matmul" <custom>(%a, %b) t_args [1.000000e+00, 0.000000e+00] i_args [0, 0, 0] {name = "c"} : (tensor<5x2x3xf32>, tensor<5x3x4xf32>) -> tensor<5x2x4xf32>
  nd4j_exec.return %c : tensor<5x2x4xf32>
}

// -----

// transX/transY swap the operand maps; a broadcast batch reads index 0;
// alpha scales the product.
// CHECK-DAG: #[[$X:.*]] = affine_map<(d0, d1, d2, d3) -> (0, d3, d1)>
// CHECK-DAG: #[[$Y:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d2, d3)>
// CHECK-DAG: #[[$O:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
// CHECK-LABEL: func.func @mm_trans(
// CHECK: linalg.generic {indexing_maps = [#[[$X]], #[[$Y]], #[[$O]]], iterator_types = ["parallel", "parallel", "parallel", "reduction"]}
// CHECK: %[[A:.*]] = arith.constant 2.500000e+00 : f32
// CHECK: arith.mulf %{{.*}}, %[[A]]
nd4j_exec.graph @mm_trans {
  %a = nd4j_exec.placeholder "a" : tensor<1x3x2xf32>
  %b = nd4j_exec.placeholder "b" : tensor<5x4x3xf32>
  %c = nd4j_exec.node "matmul" <custom>(%a, %b) t_args [2.500000e+00, 0.000000e+00] i_args [1, 1, 0] {name = "c"} : (tensor<1x3x2xf32>, tensor<5x4x3xf32>) -> tensor<5x2x4xf32>
  nd4j_exec.return %c : tensor<5x2x4xf32>
}

// -----

// A vector operand is promoted and its dimension dropped again.
// CHECK-LABEL: func.func @mv(
// CHECK: linalg.generic
// CHECK: tensor.collapse_shape %{{.*}} {{\[\[}}0, 1]] : tensor<2x1xf32> into tensor<2xf32>
nd4j_exec.graph @mv {
  %a = nd4j_exec.placeholder "a" : tensor<2x3xf32>
  %b = nd4j_exec.placeholder "b" : tensor<3xf32>
  %c = nd4j_exec.node "matmul" <custom>(%a, %b) t_args [1.000000e+00, 0.000000e+00] i_args [0, 0, 0] {name = "c"} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2xf32>
  nd4j_exec.return %c : tensor<2xf32>
}
