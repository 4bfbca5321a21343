// RUN: nd4j-opt %s --pass-pipeline="builtin.module(func.func(nd4j-gpu-wrap-host-code))" -split-input-file -verify-diagnostics | FileCheck %s
// RUN: nd4j-opt %s --pass-pipeline="builtin.module(func.func(nd4j-gpu-wrap-host-code),gpu-kernel-outlining,gpu.module(convert-gpu-to-nvvm{use-bare-ptr-memref-call-conv=true}))" -split-input-file -verify-diagnostics | FileCheck %s --check-prefix=NVVM

// A full reduction has no parallel dimension, so it stays a host loop after
// convert-parallel-loops-to-gpu; it runs as a kernel of one thread. Then
// kernel outlining and the NVVM lowering of both kernels. Consecutive host
// operations share one kernel.

// CHECK-LABEL: func.func @sum(
// CHECK: gpu.launch blocks({{.*}}) in ({{.*}} = %[[C128:.*]], {{.*}}) threads
// CHECK: gpu.terminator
// CHECK: %[[ONE:.*]] = arith.constant 1 : index
// CHECK: gpu.launch blocks({{.*}}) in ({{.*}} = %[[ONE]], {{.*}} = %[[ONE]], {{.*}} = %[[ONE]]) threads({{.*}}) in ({{.*}} = %[[ONE]], {{.*}} = %[[ONE]], {{.*}} = %[[ONE]])
// CHECK-NEXT: memref.store
// CHECK-NEXT: scf.for
// CHECK: gpu.terminator
// CHECK: return

// NVVM-LABEL: func.func @sum(
// NVVM: gpu.launch_func @sum_kernel::@sum_kernel blocks in
// NVVM: gpu.launch_func @sum_kernel_0::@sum_kernel blocks in
// NVVM: gpu.module @sum_kernel
// NVVM: llvm.func @sum_kernel(%{{.*}}: !llvm.ptr{{.*}}) attributes {{{.*}}nvvm.kernel
// NVVM: nvvm.read.ptx.sreg.ctaid.x
// NVVM: gpu.module @sum_kernel_0
// NVVM: llvm.func @sum_kernel({{.*}}nvvm.kernel, nvvm.maxntid = array<i32: 1, 1, 1>
func.func @sum(%x: memref<128xf32>, %out: memref<f32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c128 = arith.constant 128 : index
  %cst = arith.constant 0.0 : f32
  gpu.launch blocks(%bx, %by, %bz) in (%gx = %c128, %gy = %c1, %gz = %c1) threads(%tx, %ty, %tz) in (%sx = %c1, %sy = %c1, %sz = %c1) {
    %v = memref.load %x[%bx] : memref<128xf32>
    %e = math.exp %v : f32
    memref.store %e, %x[%bx] : memref<128xf32>
    gpu.terminator
  }
  memref.store %cst, %out[] : memref<f32>
  scf.for %i = %c0 to %c128 step %c1 {
    %a = memref.load %out[] : memref<f32>
    %b = memref.load %x[%i] : memref<128xf32>
    %s = arith.addf %a, %b : f32
    memref.store %s, %out[] : memref<f32>
  }
  return
}

// -----

// A value the host needs (here a run-time axis choosing between two
// buffers, and a returned scalar) is computed in a one-thread kernel together
// with the scalar arithmetic on it, stored into a one-element device buffer
// (i1 as a byte) and copied to a host buffer the host loads it from.

// CHECK-LABEL: func.func @host_value(
// CHECK: %[[FLAG:.*]] = gpu.alloc () : memref<i8>
// CHECK: %[[SCALAR:.*]] = gpu.alloc () : memref<f32>
// CHECK: gpu.launch
// CHECK-NEXT: %[[AXIS:.*]] = memref.load %{{.*}}[] : memref<i32>
// CHECK-NEXT: %[[EQ:.*]] = arith.cmpi eq, %[[AXIS]]
// CHECK-NEXT: %[[V:.*]] = memref.load %{{.*}}[%{{.*}}] : memref<4xf32>
// CHECK-NEXT: %[[W:.*]] = arith.mulf %[[V]], %[[V]]
// CHECK-NEXT: %[[BYTE:.*]] = arith.extui %[[EQ]] : i1 to i8
// CHECK-NEXT: memref.store %[[BYTE]], %[[FLAG]][] : memref<i8>
// CHECK-NEXT: memref.store %[[W]], %[[SCALAR]][] : memref<f32>
// CHECK-NEXT: gpu.terminator
// CHECK: %[[HFLAG:.*]] = memref.alloca() : memref<i8>
// CHECK-NEXT: gpu.memcpy %[[HFLAG]], %[[FLAG]]
// CHECK-NEXT: %[[LFLAG:.*]] = memref.load %[[HFLAG]][]
// CHECK-NEXT: %[[COND:.*]] = arith.trunci %[[LFLAG]] : i8 to i1
// CHECK: %[[HSCALAR:.*]] = memref.alloca() : memref<f32>
// CHECK-NEXT: gpu.memcpy %[[HSCALAR]], %[[SCALAR]]
// CHECK-NEXT: %[[RESULT:.*]] = memref.load %[[HSCALAR]][]
// CHECK: arith.select %[[COND]], %{{.*}}, %{{.*}} : memref<4xf32>
// CHECK: gpu.dealloc %[[FLAG]]
// CHECK: gpu.dealloc %[[SCALAR]]
// CHECK: return %{{.*}}, %[[RESULT]]
func.func @host_value(%axis: memref<i32>, %x: memref<4xf32>, %y: memref<4xf32>, %i: index) -> (memref<4xf32>, f32) {
  %c0 = arith.constant 0 : i32
  %a = memref.load %axis[] : memref<i32>
  %eq = arith.cmpi eq, %a, %c0 : i32
  %v = memref.load %x[%i] : memref<4xf32>
  %w = arith.mulf %v, %v : f32
  %chosen = arith.select %eq, %x, %y : memref<4xf32>
  return %chosen, %w : memref<4xf32>, f32
}

// -----

func.func @host_vector(%x: memref<4xf32>, %i: index) -> vector<4xf32> {
  // expected-error @below {{host code uses a value of type 'vector<4xf32>' computed from device memory; not supported by the NVPTX pipeline}}
  %v = vector.load %x[%i] : memref<4xf32>, vector<4xf32>
  return %v : vector<4xf32>
}
