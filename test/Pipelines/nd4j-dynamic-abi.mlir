// RUN: nd4j-opt %s --nd4j-dynamic-abi | FileCheck %s

// An ABI 2 graph function takes the pointer arrays of nd4j_model_run_v2:
// each argument's descriptor is built from inputs[i] and input_shapes[i]
// (row-major strides), and each result's first element, allocation and
// sizes are stored into outputs[i], output_allocs[i], output_shapes[i].

// CHECK-LABEL: func.func @g(
// CHECK-SAME: %[[IN:.*]]: !llvm.ptr, %[[INS:.*]]: !llvm.ptr, %[[OUT:.*]]: !llvm.ptr, %[[ALLOCS:.*]]: !llvm.ptr, %[[OUTS:.*]]: !llvm.ptr)
// CHECK-NOT: nd4j.dynamic_abi
// CHECK: %[[P0:.*]] = llvm.getelementptr %[[IN]][0]
// CHECK: %[[DATA:.*]] = llvm.load %[[P0]] : !llvm.ptr -> !llvm.ptr
// CHECK: %[[S0:.*]] = llvm.getelementptr %[[INS]][0]
// CHECK: %[[SHAPE:.*]] = llvm.load %[[S0]] : !llvm.ptr -> !llvm.ptr
// CHECK: %[[D0P:.*]] = llvm.getelementptr %[[SHAPE]][0]
// CHECK: %[[D0:.*]] = llvm.load %[[D0P]] : !llvm.ptr -> i64
// CHECK: %[[C2:.*]] = llvm.mlir.constant(2 : i64) : i64
// CHECK: llvm.insertvalue %[[DATA]], {{.*}}[0]
// CHECK: llvm.insertvalue %[[DATA]], {{.*}}[1]
// CHECK: llvm.insertvalue %[[C2]], {{.*}}[3, 1]
// CHECK: llvm.insertvalue %[[D0]], {{.*}}[3, 0]
// CHECK: %[[M:.*]] = builtin.unrealized_conversion_cast %{{.*}} : !llvm.struct<(ptr, ptr, i64, array<2 x i64>, array<2 x i64>)> to memref<?x2xf32>
// CHECK: %[[R:.*]] = memref.alloc
// CHECK: memref.copy %[[M]], %[[R]]
// CHECK: %[[RD:.*]] = builtin.unrealized_conversion_cast %[[R]] : memref<?x2xf32> to !llvm.struct
// CHECK: %[[ALLOC:.*]] = llvm.extractvalue %[[RD]][0]
// CHECK: %[[ALIGNED:.*]] = llvm.extractvalue %[[RD]][1]
// CHECK: %[[OFF:.*]] = llvm.extractvalue %[[RD]][2]
// CHECK: %[[FIRST:.*]] = llvm.getelementptr %[[ALIGNED]][%[[OFF]]] : (!llvm.ptr, i64) -> !llvm.ptr, f32
// CHECK: llvm.store %[[FIRST]], {{.*}} : !llvm.ptr, !llvm.ptr
// CHECK: llvm.store %[[ALLOC]], {{.*}} : !llvm.ptr, !llvm.ptr
// CHECK: llvm.extractvalue %[[RD]][3, 0]
// CHECK: llvm.extractvalue %[[RD]][3, 1]
// CHECK: return{{$}}
func.func @g(%a: memref<?x2xf32>) -> memref<?x2xf32> attributes {nd4j.dynamic_abi} {
  %c0 = arith.constant 0 : index
  %n = memref.dim %a, %c0 : memref<?x2xf32>
  %r = memref.alloc(%n) : memref<?x2xf32>
  memref.copy %a, %r : memref<?x2xf32> to memref<?x2xf32>
  return %r : memref<?x2xf32>
}

// A function without the mark keeps its convention.
// CHECK-LABEL: func.func @static(%{{.*}}: memref<2xf32>) -> memref<2xf32>
func.func @static(%a: memref<2xf32>) -> memref<2xf32> {
  return %a : memref<2xf32>
}
