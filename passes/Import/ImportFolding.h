//===- ImportFolding.h - cheap constant folding during import ---*- C++ -*-===//
//
// Evaluates typed ops whose operands are all small dense constants (shape
// arithmetic in exported models) so that later rules see constants.
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_PASSES_IMPORT_IMPORTFOLDING_H
#define ND4J_PASSES_IMPORT_IMPORTFOLDING_H

#include "mlir/IR/Block.h"

namespace mlir {
class PatternRewriter;
namespace nd4j {

/// Replaces each op in [begin, end) that evaluates to a small constant by an
/// `nd4j.constant`, and erases constants left without uses.
void foldImportedConstants(Block::iterator begin, Block::iterator end,
                           PatternRewriter &rewriter);

} // namespace nd4j
} // namespace mlir

#endif // ND4J_PASSES_IMPORT_IMPORTFOLDING_H
