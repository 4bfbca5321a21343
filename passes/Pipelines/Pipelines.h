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
class ModuleOp;
namespace LLVM {
class GlobalOp;
} // namespace LLVM
} // namespace mlir

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
  Option<int64_t> maxTensorBytes{
      *this, "max-tensor-bytes",
      llvm::cl::desc("Largest size in bytes of any value of the graph"),
      llvm::cl::init(int64_t(1) << 34)};
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

/// The bufferization stages shared by the CPU and NVPTX pipelines (one-shot
/// bufferization, results as out-parameters, deallocation).
void buildBufferizationStages(OpPassManager &pm);

struct NvptxPipelineOptions : public PassPipelineOptions<NvptxPipelineOptions> {
  Option<std::string> chip{*this, "chip",
                           llvm::cl::desc("GPU architecture (sm_XX)"),
                           llvm::cl::init("sm_80")};
  Option<std::string> cudaToolkit{
      *this, "cuda-toolkit",
      llvm::cl::desc("CUDA toolkit (libdevice, ptxas, fatbinary)"),
      llvm::cl::init("/usr/local/cuda")};
  Option<std::string> format{
      *this, "format",
      llvm::cl::desc("gpu-module-to-binary format: isa (PTX), bin (cubin, "
                     "needs ptxas), fatbin (cubin and PTX)"),
      llvm::cl::init("isa")};
  Option<int64_t> blockSize{*this, "block-size",
                            llvm::cl::desc("Most threads per block"),
                            llvm::cl::init(256)};
};

/// nd4j_exec → linalg → parallel loops → GPU kernels (NVVM, PTX embedded in
/// the module as gpu.binary) and host code calling the mgpu* runtime
/// functions, ending with the model ABI's entry point
/// (`nd4j-nvptx-pipeline`).
void buildNvptxPipeline(OpPassManager &pm, const NvptxPipelineOptions &options);

/// linalg on tensors → LLVM dialect (host) and gpu.binary (device).
void buildNvptxLoweringStages(OpPassManager &pm,
                              const NvptxPipelineOptions &options);

/// The NVPTX stages from buffers to kernels: parallel loops tiled into
/// blocks, gpu.launch, device buffers, single-thread kernels for host code
/// (everything before kernel outlining).
void buildGpuKernelStages(OpPassManager &pm,
                          const NvptxPipelineOptions &options);

/// linalg on tensors → the NVPTX pipeline's kernels run as CPU loops
/// (nd4j-gpu-emulate) → LLVM dialect with a CPU entry point: checks the GPU
/// transformations without a GPU.
void buildGpuEmulationLoweringStages(OpPassManager &pm,
                                     const NvptxPipelineOptions &options);

/// The CPU stages from loops on buffers to the LLVM dialect and the entry
/// point (the end of the CPU pipeline).
void buildCpuLoopToLLVMStages(OpPassManager &pm);

/// Parses `text` (nd4j-opt pass-pipeline syntax of registered passes) into
/// `pm`; a parse failure is a programming error.
void addStages(OpPassManager &pm, llvm::StringRef text);

/// The thread-local `ptr __nd4j_error` of an LLVM-dialect module, where a
/// failing run-time shape check leaves its message (ShapeChecks.cpp).
LLVM::GlobalOp getOrCreateErrorSlot(ModuleOp module);

/// The GPU, NVVM and offloading registrations the NVPTX pipeline needs.
void registerNvptxPipelineDialects(DialectRegistry &registry);
void registerNvptxPipeline();

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
