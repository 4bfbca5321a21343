// RUN: nd4j-opt %s --pass-pipeline='builtin.module(func.func(nd4j-cpu-vectorize))' | FileCheck %s

// A strided convolution becomes im2col + contraction. The im2col generic
// reads its window through floordiv/mod maps, which tiling cannot bound (a
// 4-wide tile got a 3x1 input slice and wrong values), so it stays whole;
// (its unit dimensions are folded first).
// CHECK-LABEL: func.func @conv_strided(
// CHECK-NOT: scf.for
// CHECK: linalg.generic
// CHECK-SAME: ins(%{{.*}} : tensor<1x9x7xf32>) outs(%{{.*}} : tensor<9x12xf32>)
func.func @conv_strided(%x: tensor<1x1x9x7xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x4x3xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x1x4x3xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<1x1x4x3xf32>) -> tensor<1x1x4x3xf32>
  %y = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%x, %w : tensor<1x1x9x7xf32>, tensor<1x1x3x3xf32>) outs(%init : tensor<1x1x4x3xf32>) -> tensor<1x1x4x3xf32>
  return %y : tensor<1x1x4x3xf32>
}

// A reverse reads `-d2 + 3`: tiling it gave a one-element slice that the
// generic's verifier rejects, so it stays whole.
// CHECK-LABEL: func.func @reverse(
// CHECK-NOT: scf.for
// CHECK: linalg.generic
// CHECK-SAME: ins(%{{.*}} : tensor<2x3x4xf32>) outs(%{{.*}} : tensor<2x3x4xf32>)
// CHECK: return
func.func @reverse(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %e = tensor.empty() : tensor<2x3x4xf32>
  %y = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, -d2 + 3)>, affine_map<(d0, d1, d2) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel"]} ins(%x : tensor<2x3x4xf32>) outs(%e : tensor<2x3x4xf32>) {
  ^bb0(%a: f32, %o: f32):
    linalg.yield %a : f32
  } -> tensor<2x3x4xf32>
  return %y : tensor<2x3x4xf32>
}
