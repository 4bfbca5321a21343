// RUN: nd4j-opt %s -split-input-file --pass-pipeline="builtin.module(func.func(nd4j-gpu-map-parallel-loops))" | FileCheck %s

// Blocks of up to 256 threads, filled from the innermost dimension (mapped
// to x) outwards with divisors of the trip counts: 64x32 gives 8x32 blocks,
// 7x1024 gives 1x256.

// CHECK-LABEL: func.func @map(
// CHECK: %[[C8:.*]] = arith.constant 8 : index
// CHECK-NEXT: %[[C32:.*]] = arith.constant 32 : index
// CHECK-NEXT: %[[S0:.*]] = arith.muli %{{.*}}, %[[C8]]
// CHECK-NEXT: %[[S1:.*]] = arith.muli %{{.*}}, %[[C32]]
// CHECK-NEXT: scf.parallel {{.*}} step (%[[S0]], %[[S1]])
// CHECK-NEXT: scf.parallel {{.*}} to (%[[S0]], %[[S1]])
// CHECK: mapping = [#gpu.loop_dim_map<processor = thread_y, {{.*}}>, #gpu.loop_dim_map<processor = thread_x, {{.*}}>]
// CHECK: mapping = [#gpu.loop_dim_map<processor = block_y, {{.*}}>, #gpu.loop_dim_map<processor = block_x, {{.*}}>]
// CHECK: %[[C256:.*]] = arith.constant 256 : index
// CHECK-NEXT: arith.muli
// CHECK-NEXT: arith.muli %{{.*}}, %[[C256]]
// CHECK: mapping = [#gpu.loop_dim_map<processor = thread_y
// CHECK: mapping = [#gpu.loop_dim_map<processor = block_y
func.func @map(%a: memref<64x32xf32>, %b: memref<7x1024xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c7 = arith.constant 7 : index
  %c32 = arith.constant 32 : index
  %c64 = arith.constant 64 : index
  %c1024 = arith.constant 1024 : index
  %cst = arith.constant 0.0 : f32
  scf.parallel (%i, %j) = (%c0, %c0) to (%c64, %c32) step (%c1, %c1) {
    memref.store %cst, %a[%i, %j] : memref<64x32xf32>
  }
  scf.parallel (%i, %j) = (%c0, %c0) to (%c7, %c1024) step (%c1, %c1) {
    memref.store %cst, %b[%i, %j] : memref<7x1024xf32>
  }
  return
}

// -----

// Trip counts without good divisors (65537 is prime) would give blocks of
// two threads: the loop is collapsed into one dimension (innermost fastest)
// of full 256-thread blocks in x, the threads past the end guarded.

// CHECK: #[[$MIN:.*]] = affine_map<(d0) -> (256, -d0 + 131074)>
// CHECK-LABEL: func.func @tall(
// CHECK: scf.parallel (%[[B:.*]]) =
// CHECK-NEXT: %[[N:.*]] = affine.min #[[$MIN]](%[[B]])
// CHECK-NEXT: scf.parallel (%[[T:.*]]) = (%{{.*}}) to (%[[N]])
// CHECK-NEXT: %[[I:.*]] = arith.addi %[[T]], %[[B]]
// CHECK-NEXT: %[[COL:.*]] = arith.remsi %[[I]], %[[C2:.*]] :
// CHECK-NEXT: %[[ROW:.*]] = arith.divsi %[[I]], %[[C2]]
// CHECK-NEXT: memref.store %{{.*}}, %{{.*}}[%[[ROW]], %[[COL]]]
// CHECK: mapping = [#gpu.loop_dim_map<processor = thread_x
// CHECK: mapping = [#gpu.loop_dim_map<processor = block_x
func.func @tall(%a: memref<65537x2xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c65537 = arith.constant 65537 : index
  %cst = arith.constant 0.0 : f32
  scf.parallel (%i, %j) = (%c0, %c0) to (%c65537, %c2) step (%c1, %c1) {
    memref.store %cst, %a[%i, %j] : memref<65537x2xf32>
  }
  return
}

// -----

// The grid's y and z dimensions launch at most 65535 blocks: 70000 rows of
// 256 (blocks of one row) keep the rows a loop in the kernel instead of
// 70000 blocks in y.

// CHECK-LABEL: func.func @rows(
// CHECK: mapping = [#gpu.loop_dim_map<processor = thread_y, {{.*}}>, #gpu.loop_dim_map<processor = thread_x, {{.*}}>]
// CHECK: mapping = [#gpu.loop_dim_map<processor = sequential, {{.*}}>, #gpu.loop_dim_map<processor = block_x, {{.*}}>]
func.func @rows(%a: memref<70000x256xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c256 = arith.constant 256 : index
  %c70000 = arith.constant 70000 : index
  %cst = arith.constant 0.0 : f32
  scf.parallel (%i, %j) = (%c0, %c0) to (%c70000, %c256) step (%c1, %c1) {
    memref.store %cst, %a[%i, %j] : memref<70000x256xf32>
  }
  return
}

// -----

// A prime trip count in one dimension: ceil(1009 / 256) = 4 blocks, the last
// one guarded (min(256, 1009 - start) threads do work).

// CHECK: #[[$PMIN:.*]] = affine_map<(d0) -> (256, -d0 + 1009)>
// CHECK-LABEL: func.func @prime(
// CHECK: scf.parallel (%[[PB:.*]]) =
// CHECK-NEXT: %[[PN:.*]] = affine.min #[[$PMIN]](%[[PB]])
// CHECK-NEXT: scf.parallel ({{.*}}) = ({{.*}}) to (%[[PN]])
func.func @prime(%a: memref<1009xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c1009 = arith.constant 1009 : index
  %cst = arith.constant 0.0 : f32
  scf.parallel (%i) = (%c0) to (%c1009) step (%c1) {
    memref.store %cst, %a[%i] : memref<1009xf32>
  }
  return
}
