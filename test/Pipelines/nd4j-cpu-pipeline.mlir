// RUN: nd4j-opt %s --nd4j-cpu-pipeline | FileCheck %s

// The whole CPU pipeline: the graph function takes bare buffer pointers
// (inputs, then the output as an out-parameter) and is internal; the model
// ABI's two symbols are the only exported definitions.

// CHECK-LABEL: llvm.func internal @g(
// CHECK-SAME: %{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr)
// CHECK: llvm.fadd
// CHECK: llvm.intr.maximum
// CHECK: llvm.mlir.global external constant @nd4j_model_signature("nd4j-model 1\0Ainput f32 2 4 8 a\0Ainput f32 1 8 b\0Aoutput f32 2 4 8 out\0A\00")
// CHECK-LABEL: llvm.func @nd4j_model_run(
// CHECK-SAME: %[[IN:.*]]: !llvm.ptr, %[[OUT:.*]]: !llvm.ptr, %{{.*}}: !llvm.ptr) -> i32
// CHECK: %[[A:.*]] = llvm.load %[[IN]] : !llvm.ptr -> !llvm.ptr
// CHECK: %[[P1:.*]] = llvm.getelementptr %[[IN]][1]
// CHECK: %[[B:.*]] = llvm.load %[[P1]]
// CHECK: %[[O:.*]] = llvm.load %[[OUT]]
// CHECK: llvm.call @g(%[[A]], %[[B]], %[[O]])
// CHECK: llvm.return
nd4j_exec.graph @g {
  %a = nd4j_exec.placeholder "a" : tensor<4x8xf32>
  %b = nd4j_exec.placeholder "b" : tensor<8xf32>
  %s = nd4j_exec.node "add" <custom>(%a, %b) {name = "s"} : (tensor<4x8xf32>, tensor<8xf32>) -> tensor<4x8xf32>
  %m = nd4j_exec.node "maximum" <custom>(%s, %a) {name = "out", output_names = ["out"]} : (tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  nd4j_exec.return %m : tensor<4x8xf32>
}
