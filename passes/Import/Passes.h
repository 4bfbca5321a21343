//===- Passes.h - import-rule passes ------------------------------*- C++
//-*-===//
//
// Declarations and registration of the import passes (Passes.td).
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_PASSES_IMPORT_PASSES_H
#define ND4J_PASSES_IMPORT_PASSES_H

#include "mlir/Dialect/PDL/IR/PDL.h"
#include "mlir/Dialect/PDLInterp/IR/PDLInterp.h"
#include "mlir/Pass/Pass.h"

namespace mlir {
namespace nd4j {

#define GEN_PASS_DECL
#include "passes/Import/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "passes/Import/Passes.h.inc"

} // namespace nd4j
} // namespace mlir

#endif // ND4J_PASSES_IMPORT_PASSES_H
