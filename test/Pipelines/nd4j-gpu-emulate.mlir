// RUN: nd4j-opt %s -split-input-file --pass-pipeline="builtin.module(nd4j-gpu-emulate)" -verify-diagnostics | FileCheck %s

// A kernel becomes an scf.parallel over (grid z, y, x, block z, y, x) whose
// loop variables replace the block and thread ids; the grid and block sizes
// inside the body become the launch's operands. Device buffers and copies
// become host ones.

// CHECK-LABEL: func.func @launch(
// CHECK-SAME: %[[X:.*]]: memref<8x64xf32>, %[[Y:.*]]: memref<8x64xf32>
// CHECK: %[[C1:.*]] = arith.constant 1 : index
// CHECK-NEXT: %[[C2:.*]] = arith.constant 2 : index
// CHECK-NEXT: %[[C4:.*]] = arith.constant 4 : index
// CHECK-NEXT: %[[C64:.*]] = arith.constant 64 : index
// CHECK-NEXT: %[[D:.*]] = memref.alloc() : memref<8x64xf32>
// CHECK-NEXT: memref.copy %[[X]], %[[D]]
// CHECK-NEXT: %[[C0:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[ONE:.*]] = arith.constant 1 : index
// CHECK-NEXT: scf.parallel (%[[BZ:.*]], %[[BY:.*]], %[[BX:.*]], %[[TZ:.*]], %[[TY:.*]], %[[TX:.*]]) = (%[[C0]], %[[C0]], %[[C0]], %[[C0]], %[[C0]], %[[C0]]) to (%[[C1]], %[[C2]], %[[C1]], %[[C1]], %[[C4]], %[[C64]]) step (%[[ONE]], %[[ONE]], %[[ONE]], %[[ONE]], %[[ONE]], %[[ONE]])
// CHECK-NEXT: %[[ROW:.*]] = arith.muli %[[BY]], %[[C4]]
// CHECK-NEXT: %[[I:.*]] = arith.addi %[[ROW]], %[[TY]]
// CHECK-NEXT: %[[V:.*]] = memref.load %[[D]][%[[I]], %[[TX]]]
// CHECK-NEXT: %[[E:.*]] = math.exp %[[V]]
// CHECK-NEXT: memref.store %[[E]], %[[D]][%[[I]], %[[TX]]]
// CHECK-NEXT: scf.reduce
// CHECK: memref.copy %[[D]], %[[Y]]
// CHECK-NEXT: memref.dealloc %[[D]]
// CHECK-NOT: gpu.
func.func @launch(%x: memref<8x64xf32>, %y: memref<8x64xf32>) {
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c4 = arith.constant 4 : index
  %c64 = arith.constant 64 : index
  %d = gpu.alloc () : memref<8x64xf32>
  gpu.memcpy %d, %x : memref<8x64xf32>, memref<8x64xf32>
  gpu.launch blocks(%bx, %by, %bz) in (%gx = %c1, %gy = %c2, %gz = %c1) threads(%tx, %ty, %tz) in (%sx = %c64, %sy = %c4, %sz = %c1) {
    %row = arith.muli %by, %sy : index
    %i = arith.addi %row, %ty : index
    %v = memref.load %d[%i, %tx] : memref<8x64xf32>
    %e = math.exp %v : f32
    memref.store %e, %d[%i, %tx] : memref<8x64xf32>
    gpu.terminator
  }
  gpu.memcpy %y, %d : memref<8x64xf32>, memref<8x64xf32>
  gpu.dealloc %d : memref<8x64xf32>
  return
}

// -----

func.func @barrier(%x: memref<64xf32>) {
  %c1 = arith.constant 1 : index
  %c64 = arith.constant 64 : index
  // expected-error @below {{nd4j-gpu-emulate: kernels with gpu operations (barriers, ids) are not emulated}}
  gpu.launch blocks(%bx, %by, %bz) in (%gx = %c1, %gy = %c1, %gz = %c1) threads(%tx, %ty, %tz) in (%sx = %c64, %sy = %c1, %sz = %c1) {
    gpu.barrier
    gpu.terminator
  }
  return
}

// -----

func.func @async(%x: memref<64xf32>) {
  // expected-error @below {{nd4j-gpu-emulate: synchronous gpu operations only}}
  %t = gpu.wait async
  %d, %t2 = gpu.alloc async [%t] () : memref<64xf32>
  return
}

// -----

// What a CPU would run but a GPU would fault on.

func.func @kernel_reads_host(%x: memref<64xf32>) {
  %c1 = arith.constant 1 : index
  %c64 = arith.constant 64 : index
  gpu.launch blocks(%bx, %by, %bz) in (%gx = %c1, %gy = %c1, %gz = %c1) threads(%tx, %ty, %tz) in (%sx = %c64, %sy = %c1, %sz = %c1) {
    // expected-error @below {{nd4j-gpu-emulate: a kernel accesses host memory}}
    %v = memref.load %x[%tx] : memref<64xf32>
    gpu.terminator
  }
  return
}

// -----

func.func @host_writes_device(%v: f32) {
  %c0 = arith.constant 0 : index
  %d = gpu.alloc () : memref<4x4xf32>
  %s = memref.subview %d[1, 0] [1, 4] [1, 1] : memref<4x4xf32> to memref<4xf32, strided<[1], offset: 4>>
  // expected-error @below {{nd4j-gpu-emulate: host code accesses device memory}}
  memref.store %v, %s[%c0] : memref<4xf32, strided<[1], offset: 4>>
  return
}

// -----

func.func private @opaque() -> memref<4xf32>

func.func @unknown(%v: f32) {
  %c0 = arith.constant 0 : index
  %m = func.call @opaque() : () -> memref<4xf32>
  // expected-error @below {{nd4j-gpu-emulate: cannot tell whether a buffer this accesses is device or host memory}}
  memref.store %v, %m[%c0] : memref<4xf32>
  return
}
