// RUN: nd4j-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(nd4j-cpu-vectorize{min-parallel-work=1024 max-chunks=4}))' | FileCheck %s

// A matmul: the M loop is chunked for threads (scf.forall), each chunk is
// tiled to 8x32 register tiles and a reduction loop of step 1, and each tile
// is one vector.contract.
// CHECK-LABEL: func.func @mm(
// CHECK: scf.forall (%{{.*}}) = (0) to (64) step (16)
// CHECK: scf.for %{{.*}} = %{{.*}} to %{{.*}} step %{{.*}}
// CHECK: scf.for
// CHECK: scf.for
// CHECK: vector.contract {{.*}} : vector<8x1xf32>, vector<1x32xf32> into vector<8x32xf32>
func.func @mm(%a: tensor<64x128xf32>, %b: tensor<128x64xf32>, %c: tensor<64x64xf32>) -> tensor<64x64xf32> {
  %r = linalg.matmul ins(%a, %b : tensor<64x128xf32>, tensor<128x64xf32>) outs(%c : tensor<64x64xf32>) -> tensor<64x64xf32>
  return %r : tensor<64x64xf32>
}

// -----

// Elementwise: vectors of 16 along the innermost dimension.
// CHECK-LABEL: func.func @add(
// CHECK: scf.forall
// CHECK: arith.addf %{{.*}}, %{{.*}} : vector<1x16xf32>
func.func @add(%a: tensor<64x48xf32>, %b: tensor<64x48xf32>) -> tensor<64x48xf32> {
  %e = tensor.empty() : tensor<64x48xf32>
  %r = linalg.add ins(%a, %b : tensor<64x48xf32>, tensor<64x48xf32>) outs(%e : tensor<64x48xf32>) -> tensor<64x48xf32>
  return %r : tensor<64x48xf32>
}

// -----

// Bool vectors would be bit-packed in memory: stays scalar (no vector ops).
// CHECK-LABEL: func.func @bools(
// CHECK-NOT: vector.
// CHECK: return
func.func @bools(%a: tensor<64x64xi1>, %b: tensor<64x64xi1>) -> tensor<64x64xi1> {
  %e = tensor.empty() : tensor<64x64xi1>
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%a, %b : tensor<64x64xi1>, tensor<64x64xi1>) outs(%e : tensor<64x64xi1>) {
  ^bb0(%x: i1, %y: i1, %o: i1):
    %v = arith.andi %x, %y : i1
    linalg.yield %v : i1
  } -> tensor<64x64xi1>
  return %r : tensor<64x64xi1>
}

// -----

// A batch known only at run time: an scf.for of single rows around a matmul
// of static shape, which is then tiled and vectorized like a static one.
// CHECK-LABEL: func.func @dynamic_batch_mm(
// CHECK: %[[N:.*]] = tensor.dim %{{.*}}, %c0
// CHECK: scf.for %{{.*}} = %c0 to %[[N]] step %c1
// CHECK: tensor.extract_slice %{{.*}} [1, 128] [1, 1] : tensor<?x128xf32> to tensor<1x128xf32>
// CHECK: vector.contract {{.*}} into vector<1x32xf32>
func.func @dynamic_batch_mm(%a: tensor<?x128xf32>, %b: tensor<128x256xf32>, %c: tensor<?x256xf32>) -> tensor<?x256xf32> {
  %r = linalg.matmul ins(%a, %b : tensor<?x128xf32>, tensor<128x256xf32>) outs(%c : tensor<?x256xf32>) -> tensor<?x256xf32>
  return %r : tensor<?x256xf32>
}

// -----

// A run-time size on a reduction loop: left as it is (scalar).
// CHECK-LABEL: func.func @dynamic_reduction(
// CHECK-NOT: scf.for
// CHECK-NOT: vector.
// CHECK: linalg.reduce
func.func @dynamic_reduction(%a: tensor<?x64xf32>, %c: tensor<64xf32>) -> tensor<64xf32> {
  %r = linalg.reduce ins(%a : tensor<?x64xf32>) outs(%c : tensor<64xf32>) dimensions = [0]
    (%x: f32, %y: f32) {
      %s = arith.addf %x, %y : f32
      linalg.yield %s : f32
    }
  return %r : tensor<64xf32>
}

// -----

// A product whose operand takes a cosine first (a DFT with its matrix built
// at run time): linalg's contraction test skips any one-operand op as if it
// were a cast, but this is no plain matmul. It must keep the cosine (it once
// became linalg.matmul without it) and is not vectorized as vector.contract.
// CHECK-LABEL: func.func @mm_cos(
// CHECK-NOT: linalg.matmul
// CHECK-NOT: vector.contract
// CHECK: math.cos
// CHECK-NOT: linalg.matmul
// CHECK-NOT: vector.contract
// CHECK: return
func.func @mm_cos(%a: tensor<16x32xf32>, %b: tensor<32x8xf32>, %c: tensor<16x8xf32>) -> tensor<16x8xf32> {
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d2)>, affine_map<(d0, d1, d2) -> (d2, d1)>, affine_map<(d0, d1, d2) -> (d0, d1)>], iterator_types = ["parallel", "parallel", "reduction"]} ins(%a, %b : tensor<16x32xf32>, tensor<32x8xf32>) outs(%c : tensor<16x8xf32>) {
  ^bb0(%x: f32, %y: f32, %o: f32):
    %cy = math.cos %y : f32
    %m = arith.mulf %x, %cy : f32
    %s = arith.addf %o, %m : f32
    linalg.yield %s : f32
  } -> tensor<16x8xf32>
  return %r : tensor<16x8xf32>
}
