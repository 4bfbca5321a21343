// RUN: nd4j-opt %s --nd4j-gpu-host-buffers | FileCheck %s

// Every buffer a kernel touches becomes device memory: the input is copied
// in, the output copied out, the temporary allocated on the device and the
// host-side copy made a device-to-device gpu.memcpy. The constant weight is
// the result of a call, at the function's start, of a declaration that
// nd4j-emit-entry-point defines (upload on first use, kept while the library
// is loaded); a mutable global is copied on every run.

// CHECK: func.func private @__nd4j_device_w() -> memref<4xf32> attributes {nd4j.device_constant = @w}
// CHECK-NOT: __nd4j_device_state
// CHECK-LABEL: func.func @g(
// CHECK-SAME: %[[X:.*]]: memref<4xf32>, %[[Y:.*]]: memref<4xf32>)
// CHECK-NEXT: %[[DW:.*]] = call @__nd4j_device_w() : () -> memref<4xf32>
// CHECK: %[[DX:.*]] = gpu.alloc () : memref<4xf32>
// CHECK: %[[DY:.*]] = gpu.alloc () : memref<4xf32>
// CHECK: gpu.memcpy %[[DX]], %[[X]]
// CHECK-NOT: get_global @w
// CHECK: %[[S:.*]] = memref.get_global @state
// CHECK: %[[DS:.*]] = gpu.alloc () : memref<4xf32>
// CHECK: gpu.memcpy %[[DS]], %[[S]]
// CHECK: %[[T:.*]] = gpu.alloc () : memref<4xf32>
// CHECK: gpu.launch
// CHECK: memref.load %[[DX]]
// CHECK: memref.load %[[DW]]
// CHECK: memref.load %[[DS]]
// CHECK: memref.store %{{.*}}, %[[T]]
// CHECK: gpu.memcpy %[[DY]], %[[T]]
// CHECK: gpu.dealloc %[[T]]
// CHECK: gpu.memcpy %[[Y]], %[[DY]]
// CHECK-DAG: gpu.dealloc %[[DX]]
// CHECK-DAG: gpu.dealloc %[[DY]]
// CHECK-DAG: gpu.dealloc %[[DS]]
// CHECK-NOT: gpu.dealloc %[[DW]]
// CHECK: return
module attributes {nd4j.entry_points = {g = {inputs = 1 : i64, outputs = 1 : i64, signature = ""}}} {
memref.global "private" constant @w : memref<4xf32> = dense<[1.0, 2.0, 3.0, 4.0]>
memref.global "private" @state : memref<4xf32> = dense<0.0>
func.func @g(%x: memref<4xf32>, %y: memref<4xf32>) attributes {} {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %w = memref.get_global @w : memref<4xf32>
  %st = memref.get_global @state : memref<4xf32>
  %t = memref.alloc() : memref<4xf32>
  gpu.launch blocks(%bx, %by, %bz) in (%gx = %c1, %gy = %c1, %gz = %c1) threads(%tx, %ty, %tz) in (%sx = %c4, %sy = %c1, %sz = %c1) {
    %a = memref.load %x[%tx] : memref<4xf32>
    %b = memref.load %w[%tx] : memref<4xf32>
    %c = memref.load %st[%tx] : memref<4xf32>
    %ab = arith.addf %a, %b : f32
    %s = arith.addf %ab, %c : f32
    memref.store %s, %t[%tx] : memref<4xf32>
    gpu.terminator
  }
  memref.copy %t, %y : memref<4xf32> to memref<4xf32>
  memref.dealloc %t : memref<4xf32>
  return
}
}
