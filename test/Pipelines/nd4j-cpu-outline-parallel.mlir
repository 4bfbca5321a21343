// RUN: nd4j-opt %s --nd4j-cpu-outline-parallel | FileCheck %s

// A bufferized scf.forall becomes a body function over [begin, end) and a
// launch call with the iteration count; constants are cloned into the body,
// buffers are passed.
// CHECK-LABEL: func.func @f(
// CHECK-SAME: %[[A:.*]]: memref<8x4xf32>, %[[B:.*]]: memref<8x4xf32>)
// CHECK-NOT: scf.forall
// CHECK: %[[N:.*]] = arith.constant 4 : index
// CHECK: call @__nd4j_par_launch_0(%[[A]], %[[B]], %[[N]]) : (memref<8x4xf32>, memref<8x4xf32>, index) -> ()
// CHECK: func.func private @__nd4j_par_body_0(%{{.*}}: memref<8x4xf32>, %{{.*}}: memref<8x4xf32>, %[[BEGIN:.*]]: index, %[[END:.*]]: index)
// CHECK: scf.for %[[I:.*]] = %[[BEGIN]] to %[[END]]
// CHECK: arith.muli %[[I]], %{{.*}}
// CHECK: func.func private @__nd4j_par_launch_0(memref<8x4xf32>, memref<8x4xf32>, index)
func.func @f(%a: memref<8x4xf32>, %b: memref<8x4xf32>) {
  %c2 = arith.constant 2.0 : f32
  scf.forall (%i) = (0) to (8) step (2) {
    %sa = memref.subview %a[%i, 0] [2, 4] [1, 1] : memref<8x4xf32> to memref<2x4xf32, strided<[4, 1], offset: ?>>
    %sb = memref.subview %b[%i, 0] [2, 4] [1, 1] : memref<8x4xf32> to memref<2x4xf32, strided<[4, 1], offset: ?>>
    linalg.map { arith.mulf } ins(%sa, %sa : memref<2x4xf32, strided<[4, 1], offset: ?>>, memref<2x4xf32, strided<[4, 1], offset: ?>>) outs(%sb : memref<2x4xf32, strided<[4, 1], offset: ?>>)
  }
  return
}
