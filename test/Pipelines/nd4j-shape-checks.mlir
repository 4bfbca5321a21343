// RUN: nd4j-opt %s -split-input-file --pass-pipeline='builtin.module(func.func(nd4j-hoist-shape-checks))' | FileCheck %s --check-prefix=HOIST
// RUN: nd4j-opt %s -split-input-file --nd4j-shape-checks-to-status | FileCheck %s --check-prefix=STATUS

// A check computed from the arguments alone moves, with what it needs, to
// the start of the function: it fails the run before anything is
// allocated. One that reads a computed value stays.

// HOIST-LABEL: func.func @checks(
// HOIST-NEXT: arith.constant 0 : index
// HOIST-NEXT: tensor.dim %arg0
// HOIST-NEXT: tensor.dim %arg1
// HOIST-NEXT: arith.cmpi eq
// HOIST-NEXT: cf.assert {{.*}} "node 'a' disagrees"
// HOIST-NEXT: tensor.empty
// HOIST: linalg.fill
// HOIST-NEXT: tensor.extract
// HOIST-NEXT: arith.index_cast
// HOIST-NEXT: arith.cmpi eq
// HOIST-NEXT: cf.assert {{.*}} "node 'b' disagrees"

// The checks become branches to a block that stores the message in the
// thread-local __nd4j_error and returns.
// STATUS: llvm.mlir.global internal constant @__nd4j_check_{{[0-9]+}}("node 'a' disagrees\00")
// STATUS: llvm.mlir.global internal thread_local @__nd4j_error()
// STATUS-LABEL: func.func @checks(
// STATUS: cf.cond_br %{{.*}}, ^[[OK:.*]], ^[[FAIL:.*]]
// STATUS: ^[[FAIL]]:
// STATUS-NEXT: %[[MSG:.*]] = llvm.mlir.addressof @__nd4j_check_
// STATUS-NEXT: %[[SLOT:.*]] = llvm.mlir.addressof @__nd4j_error
// STATUS-NEXT: llvm.store %[[MSG]], %[[SLOT]]
// STATUS-NEXT: return
func.func @checks(%a: tensor<?xf32>, %b: tensor<?xf32>) {
  %c0 = arith.constant 0 : index
  %e = tensor.empty() : tensor<4xi64>
  %n = tensor.dim %a, %c0 : tensor<?xf32>
  %m = tensor.dim %b, %c0 : tensor<?xf32>
  %same = arith.cmpi eq, %n, %m : index
  cf.assert %same, "node 'a' disagrees"
  %one = arith.constant 1 : i64
  %f = linalg.fill ins(%one : i64) outs(%e : tensor<4xi64>) -> tensor<4xi64>
  %v = tensor.extract %f[%c0] : tensor<4xi64>
  %vi = arith.index_cast %v : i64 to index
  %ok = arith.cmpi eq, %vi, %n : index
  cf.assert %ok, "node 'b' disagrees"
  return
}

// -----

// A module without checks gets no error slot.
// STATUS: // -----
// STATUS-NOT: __nd4j_error
// STATUS: func.func @none(
func.func @none() {
  return
}
