//===- Pipelines.h - nd4j-mlir compilation pipelines -----------*- C++ -*-===//
//
// The pass pipelines from nd4j_exec to the LLVM dialect, and the
// registration of the upstream dialects, interfaces and passes they use.
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_PASSES_PIPELINES_PIPELINES_H
#define ND4J_PASSES_PIPELINES_PIPELINES_H

#include "mlir/Pass/Pass.h"
#include "mlir/Pass/PassOptions.h"

namespace mlir {
namespace func {
class FuncOp;
} // namespace func
} // namespace mlir

namespace mlir {
class DialectRegistry;
class OpPassManager;
namespace nd4j {

#define GEN_PASS_DECL
#include "passes/Pipelines/Passes.h.inc"

struct CpuPipelineOptions : public PassPipelineOptions<CpuPipelineOptions> {
  Option<bool> vectorize{*this, "vectorize",
                         llvm::cl::desc("Tile and vectorize contractions"),
                         llvm::cl::init(true)};
};

/// nd4j_exec → linalg → bufferized loops → LLVM dialect, ending with the
/// model ABI's entry point (`nd4j-cpu-pipeline`): the tensor stages, then
/// the lowering stages.
void buildCpuPipeline(OpPassManager &pm, const CpuPipelineOptions &options);

/// nd4j_exec → fused linalg on tensors (`nd4j-compile --emit=linalg`).
void buildCpuTensorStages(OpPassManager &pm, const CpuPipelineOptions &options);

/// linalg on tensors → LLVM dialect with the entry point.
void buildCpuLoweringStages(OpPassManager &pm,
                            const CpuPipelineOptions &options);

/// The upstream dialects and external interface models the pipelines need
/// (bufferization of arith/tensor/linalg/func, LLVM IR translation).
void registerPipelineDialects(DialectRegistry &registry);

/// The pipelines, our pipeline passes and the upstream passes they use.
void registerPipelines();

#define GEN_PASS_REGISTRATION
#include "passes/Pipelines/Passes.h.inc"

} // namespace nd4j
} // namespace mlir

#endif // ND4J_PASSES_PIPELINES_PIPELINES_H
