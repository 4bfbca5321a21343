// RUN: nd4j-opt %s --nd4j-emit-entry-point="target=nvptx" | FileCheck %s

// The device copies of constants that nd4j-gpu-host-buffers declared
// (`nd4j.device_constant = @global`) get bodies: the runtime's
// nd4jGpuConstant(slot, host global, bytes) uploads on first use into the
// slot; a library destructor releases every slot.

// CHECK-DAG: llvm.func @nd4jGpuConstant(!llvm.ptr, !llvm.ptr, i64) -> !llvm.ptr
// CHECK-DAG: llvm.func @nd4jGpuConstantRelease(!llvm.ptr)
// CHECK: llvm.func internal @__nd4j_device_w() -> !llvm.ptr {
// CHECK-NEXT: %[[BYTES:.*]] = llvm.mlir.constant(24 : i64) : i64
// CHECK-NEXT: %[[SLOT:.*]] = llvm.mlir.addressof @__nd4j_device_w_slot
// CHECK-NEXT: %[[HOST:.*]] = llvm.mlir.addressof @w
// CHECK-NEXT: %[[DEVICE:.*]] = llvm.call @nd4jGpuConstant(%[[SLOT]], %[[HOST]], %[[BYTES]])
// CHECK-NEXT: llvm.return %[[DEVICE]]
// CHECK: llvm.mlir.global internal @__nd4j_device_w_slot() {{.*}} : !llvm.ptr {
// CHECK-NEXT: llvm.mlir.zero
// CHECK: llvm.func internal @__nd4j_release_device_constants() {
// CHECK-NEXT: %[[S:.*]] = llvm.mlir.addressof @__nd4j_device_w_slot
// CHECK-NEXT: llvm.call @nd4jGpuConstantRelease(%[[S]])
// CHECK: llvm.mlir.global_dtors dtors = [@__nd4j_release_device_constants]
module attributes {nd4j.entry_points = {g = {inputs = 0 : i64, outputs = 1 : i64, signature = "nd4j-model 1\0Aoutput f32 1 6 y\0A"}}} {
  llvm.mlir.global private constant @w(dense<1.0> : tensor<6xf32>) : !llvm.array<6 x f32>
  llvm.func @__nd4j_device_w() -> !llvm.ptr attributes {nd4j.device_constant = @w, sym_visibility = "private"}
  llvm.func @g(%y: !llvm.ptr) {
    %w = llvm.call @__nd4j_device_w() : () -> !llvm.ptr
    llvm.return
  }
}
