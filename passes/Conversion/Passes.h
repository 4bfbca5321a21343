//===- Passes.h - nd4j-mlir conversion passes ---------------------*- C++
//-*-===//
//
// Declarations and registration of the conversion passes (Passes.td).
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_PASSES_CONVERSION_PASSES_H
#define ND4J_PASSES_CONVERSION_PASSES_H

#include "mlir/Pass/Pass.h"

namespace mlir {
class RewritePatternSet;
namespace nd4j {

#define GEN_PASS_DECL
#include "passes/Conversion/Passes.h.inc"

/// Adds the generic, descriptor-driven nd4j → nd4j_exec patterns.
void populateNd4jToExecPatterns(RewritePatternSet &patterns);

#define GEN_PASS_REGISTRATION
#include "passes/Conversion/Passes.h.inc"

} // namespace nd4j
} // namespace mlir

#endif // ND4J_PASSES_CONVERSION_PASSES_H
