// REQUIRES: nvptx
// RUN: nd4j-opt %s --nd4j-nvptx-pipeline | FileCheck %s
// RUN: nd4j-opt %s --nd4j-nvptx-pipeline="chip=sm_90" | FileCheck %s --check-prefix=SM90

// The whole NVPTX pipeline: the graph function takes host pointers, copies
// the inputs into device buffers, launches one 1x1x1-grid kernel of 8x4
// threads (x along the inner dimension), copies the output back and frees
// the device buffers through the mgpu* functions; the kernel is PTX in a
// gpu.binary and the signature says `target nvptx`.

// CHECK-LABEL: llvm.func internal @g(
// CHECK-SAME: %[[A:.*]]: !llvm.ptr, %[[B:.*]]: !llvm.ptr, %[[OUT:.*]]: !llvm.ptr)
// CHECK: %[[S:.*]] = llvm.call @mgpuStreamCreate()
// CHECK: %[[DA:.*]] = llvm.call @mgpuMemAlloc(
// CHECK: %[[DB:.*]] = llvm.call @mgpuMemAlloc(
// CHECK: %[[DO:.*]] = llvm.call @mgpuMemAlloc(
// CHECK: llvm.call @mgpuMemcpy(%[[DA]], %[[A]], %{{.*}}, %[[S]])
// CHECK: llvm.call @mgpuMemcpy(%[[DB]], %[[B]], %{{.*}}, %[[S]])
// CHECK: gpu.launch_func <%[[S]] : !llvm.ptr> @g_kernel::@g_kernel blocks in (%[[ONE:.*]], %[[ONE]], %[[ONE]]) threads in (%[[EIGHT:.*]], %[[FOUR:.*]], %[[ONE]]) : i64 args(%[[DA]] : !llvm.ptr, %[[DB]] : !llvm.ptr, %[[DO]] : !llvm.ptr)
// CHECK: llvm.call @mgpuMemcpy(%[[OUT]], %[[DO]], %{{.*}}, %[[S]])
// CHECK: llvm.call @mgpuMemFree(%[[DA]], %[[S]])
// CHECK: llvm.call @mgpuStreamSynchronize(%[[S]])
// CHECK: llvm.call @mgpuStreamDestroy(%[[S]])
// CHECK: gpu.binary @g_kernel  [#gpu.object<#nvvm.target<O = 3, chip = "sm_80"{{.*}}>, {{.*}}assembly = "{{.*}}.target sm_80{{.*}}.visible .entry g_kernel({{.*}}.maxntid 8, 4, 1{{.*}}%tid.x
// CHECK: llvm.mlir.global external constant @nd4j_model_signature("nd4j-model 1\0Atarget nvptx\0Ainput f32 2 4 8 a\0Ainput f32 1 8 b\0Aoutput f32 2 4 8 out\0A\00")
// CHECK-LABEL: llvm.func @nd4j_model_run(
// CHECK: llvm.call @g(

// SM90: gpu.binary @g_kernel  [#gpu.object<#nvvm.target<O = 3, chip = "sm_90"{{.*}}.target sm_90
nd4j_exec.graph @g {
  %a = nd4j_exec.placeholder "a" : tensor<4x8xf32>
  %b = nd4j_exec.placeholder "b" : tensor<8xf32>
  %s = nd4j_exec.node "add" <custom>(%a, %b) {name = "s"} : (tensor<4x8xf32>, tensor<8xf32>) -> tensor<4x8xf32>
  %m = nd4j_exec.node "maximum" <custom>(%s, %a) {name = "out", output_names = ["out"]} : (tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  nd4j_exec.return %m : tensor<4x8xf32>
}
