//===- InitAll.h - register everything nd4j-mlir provides ---------*- C++
//-*-===//
//
// One place that registers our dialects, the upstream dialects we lower
// through, our passes and translations. Tools call these and nothing else.
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_MLIR_INITALL_H
#define ND4J_MLIR_INITALL_H

namespace mlir {
class DialectRegistry;
namespace nd4j {

/// Our dialects (nd4j, nd4j_exec) and the upstream ones our pipelines use.
void registerAllDialects(DialectRegistry &registry);
/// Our passes and pipelines, plus the upstream passes our tools expose.
void registerAllPasses();
/// nd4j-translate's translations.
void registerAllTranslations();

} // namespace nd4j
} // namespace mlir

#endif // ND4J_MLIR_INITALL_H
