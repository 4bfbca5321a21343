// RUN: nd4j-opt %s --nd4j-cpu-outline-parallel | FileCheck %s

// A loop inside a loop over a run-time batch captures a row of a buffer
// whose offset is known only at run time, and the loop nest around it
// captures a buffer of run-time size: each crosses its call as its base
// buffer and the run-time parts of its offset and sizes, and the callee
// rebuilds it.
// CHECK-LABEL: func.func @row(
// CHECK: %[[BASE:[^,]*]], %{{[^,]*}}, %[[SIZES:[^:]*]]:2, %{{.*}}:2 = memref.extract_strided_metadata %arg0 : memref<?x8xf32>
// CHECK: call @__nd4j_seq_0(%{{.*}}, %[[BASE]], %[[SIZES]]#0) : (index, memref<f32>, index) -> ()
// CHECK: func.func private @__nd4j_par_body_0(%[[B:[^:]*]]: memref<f32>, %[[O:[^:]*]]: index, %{{.*}}: index, %{{.*}}: index)
// CHECK: memref.reinterpret_cast %[[B]] to offset: [%[[O]]], sizes: [1, 8], strides: [8, 1] : memref<f32> to memref<1x8xf32, strided<[8, 1], offset: ?>>
// CHECK: func.func private @__nd4j_seq_0(%{{[^:]*}}: index, %[[SB:[^:]*]]: memref<f32>, %[[SN:[^:]*]]: index)
// CHECK: %[[A:[^ ]*]] = memref.reinterpret_cast %[[SB]] to offset: [0], sizes: [%[[SN]], 8], strides: [8, 1] : memref<f32> to memref<?x8xf32>
// CHECK: scf.for
// CHECK: %[[ROW:[^ ]*]] = memref.subview %[[A]]
// CHECK: %[[RB:[^,]*]], %[[RO:[^,]*]], %{{.*}}:2, %{{.*}}:2 = memref.extract_strided_metadata %[[ROW]]
// CHECK: call @__nd4j_par_launch_0(%[[RB]], %[[RO]], %{{.*}}) : (memref<f32>, index, index) -> ()
func.func @row(%a: memref<?x8xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n = memref.dim %a, %c0 : memref<?x8xf32>
  %two = arith.constant 2.0 : f32
  scf.for %r = %c0 to %n step %c1 {
    %row = memref.subview %a[%r, 0] [1, 8] [1, 1] : memref<?x8xf32> to memref<1x8xf32, strided<[8, 1], offset: ?>>
    scf.forall (%i) = (0) to (8) step (4) {
      %s = memref.subview %row[0, %i] [1, 4] [1, 1] : memref<1x8xf32, strided<[8, 1], offset: ?>> to memref<1x4xf32, strided<[8, 1], offset: ?>>
      linalg.fill ins(%two : f32) outs(%s : memref<1x4xf32, strided<[8, 1], offset: ?>>)
    }
  }
  return
}
