//===- RuleFiles.h - user import rules loaded at run time ----------*- C++
//-*-===//
//
// Loads user rule files without rebuilding: PDL (`.mlir` holding
// `pdl.pattern`s) directly, PDLL (`.pdll`) by lowering it to PDL with the
// `mlir-pdll` tool in a subprocess. Native constraints for node names and
// framework attributes are registered for the patterns to use.
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_PASSES_IMPORT_RULEFILES_H
#define ND4J_PASSES_IMPORT_RULEFILES_H

#include "mlir/IR/PatternMatch.h"
#include "mlir/Rewrite/FrozenRewritePatternSet.h"
#include <string>

namespace mlir {
namespace nd4j {

/// Parses and compiles the rule files; emits a diagnostic naming the file on
/// failure.
FailureOr<FrozenRewritePatternSet> loadRuleFiles(MLIRContext *ctx,
                                                 ArrayRef<std::string> files);

/// Registers our native PDL constraints and rewrites on `module`:
///   constraint NodeNameMatches(op: Op, regex: Attr)   whole-name regex match
///   constraint NodeNamed(op: Op, name: Attr)          exact node name
///   constraint FrameworkAttrEquals(op: Op, name: Attr, value: Attr)
///   rewrite    SetFrameworkAttr(op: Op, name: Attr, value: Attr)
void registerImportRuleNatives(PDLPatternModule &module);

} // namespace nd4j
} // namespace mlir

#endif // ND4J_PASSES_IMPORT_RULEFILES_H
