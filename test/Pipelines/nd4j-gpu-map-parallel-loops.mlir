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

// The grid's y and z dimensions launch at most 65535 blocks: 65537 (a prime,
// so blocks of one row) rows of 2 stay a loop in the kernel instead of
// 65537 blocks in y.

// CHECK-LABEL: func.func @tall(
// CHECK: mapping = [#gpu.loop_dim_map<processor = thread_y, {{.*}}>, #gpu.loop_dim_map<processor = thread_x, {{.*}}>]
// CHECK: mapping = [#gpu.loop_dim_map<processor = sequential, {{.*}}>, #gpu.loop_dim_map<processor = block_x, {{.*}}>]
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
