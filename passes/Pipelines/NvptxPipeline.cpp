//===- NvptxPipeline.cpp - nd4j-nvptx-pipeline -----------------*- C++ -*-===//
//
// nd4j_exec → linalg on tensors (the CPU pipeline's tensor stages) → the
// same bufferization → parallel loops tiled into blocks → gpu.launch →
// device twins of every host buffer → outlined kernels → NVVM → PTX in a
// gpu.binary, with host code calling the mgpu* functions of
// include/nd4j-mlir/Runtime/nd4j_gpu_abi.h → the model ABI's entry point.
//
//===----------------------------------------------------------------------===//

#include "passes/Pipelines/Pipelines.h"

#include "mlir/Conversion/ArithToLLVM/ArithToLLVM.h"
#include "mlir/Conversion/ControlFlowToLLVM/ControlFlowToLLVM.h"
#include "mlir/Conversion/FuncToLLVM/ConvertFuncToLLVM.h"
#include "mlir/Conversion/GPUCommon/GPUToLLVM.h"
#include "mlir/Conversion/GPUToNVVM/GPUToNVVM.h"
#include "mlir/Conversion/IndexToLLVM/IndexToLLVM.h"
#include "mlir/Conversion/MathToLLVM/MathToLLVM.h"
#include "mlir/Conversion/MemRefToLLVM/MemRefToLLVM.h"
#include "mlir/Conversion/NVVMToLLVM/NVVMToLLVM.h"
#include "mlir/Conversion/UBToLLVM/UBToLLVM.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/GPU/Transforms/Passes.h"
#include "mlir/Dialect/LLVMIR/NVVMDialect.h"
#include "mlir/Dialect/SCF/Transforms/Passes.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Target/LLVM/NVVM/Target.h"
#include "mlir/Target/LLVMIR/Dialect/GPU/GPUToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/NVVM/NVVMToLLVMIRTranslation.h"
#include "mlir/Transforms/Passes.h"
#include "llvm/Support/FormatVariadic.h"

using namespace mlir;
using namespace mlir::nd4j;

void mlir::nd4j::buildGpuKernelStages(OpPassManager &pm,
                                      const NvptxPipelineOptions &options) {
  // Buffers → scf.parallel tiled into blocks → gpu.launch with device
  // buffers.
  addStages(pm, llvm::formatv(
                    "func.func(nd4j-strided-copy-to-linalg),"
                    "func.func(convert-linalg-to-parallel-loops),canonicalize,"
                    "func.func(nd4j-gpu-map-parallel-loops{{block-size={0}}),"
                    "func.func(convert-parallel-loops-to-gpu),canonicalize,"
                    "nd4j-gpu-host-buffers,func.func(nd4j-gpu-wrap-host-code),"
                    "lower-affine,canonicalize,cse",
                    options.blockSize.getValue())
                    .str());
}

void mlir::nd4j::buildGpuEmulationLoweringStages(
    OpPassManager &pm, const NvptxPipelineOptions &options) {
  buildBufferizationStages(pm);
  buildGpuKernelStages(pm, options);
  addStages(pm, "nd4j-gpu-emulate,canonicalize");
  buildCpuLoopToLLVMStages(pm);
}

void mlir::nd4j::buildNvptxLoweringStages(OpPassManager &pm,
                                          const NvptxPipelineOptions &options) {
  buildBufferizationStages(pm);
  buildGpuKernelStages(pm, options);
  // Outlined kernels, all in one module. Integer powers become functions
  // first: outlining copies them into the kernels' module.
  addStages(pm, "convert-math-to-funcs{convert-ctlz=false},"
                "gpu-kernel-outlining,nd4j-gpu-merge-modules,"
                "func.func(gpu-async-region)");
  // Kernels → NVVM with bare pointers (shapes are static); host → LLVM with
  // the bare-pointer convention the entry point expects.
  std::string llvmStages = llvm::formatv(
      "expand-strided-metadata,lower-affine,convert-scf-to-cf,"
      "nvvm-attach-target{{chip={0} O=3 l={1}/nvvm/libdevice/"
      "libdevice.10.bc},"
      "gpu.module(convert-gpu-to-nvvm{{use-bare-ptr-memref-call-conv=true},"
      "canonicalize,cse,reconcile-unrealized-casts),"
      "convert-math-to-llvm,convert-math-to-libm,finalize-memref-to-llvm,"
      "convert-arith-to-llvm,convert-index-to-llvm,"
      "gpu-to-llvm{{use-bare-pointers-for-host=true "
      "use-bare-pointers-for-kernels=true},"
      "convert-func-to-llvm{{use-bare-ptr-memref-call-conv=true},"
      "convert-cf-to-llvm,convert-ub-to-llvm,reconcile-unrealized-casts,"
      "gpu-module-to-binary{{format={2} toolkit={1}},"
      "nd4j-emit-entry-point{{target=nvptx},canonicalize",
      options.chip.getValue(), options.cudaToolkit.getValue(),
      options.format.getValue());
  addStages(pm, llvmStages);
}

void mlir::nd4j::buildNvptxPipeline(OpPassManager &pm,
                                    const NvptxPipelineOptions &options) {
  buildCpuTensorStages(pm, CpuPipelineOptions());
  buildNvptxLoweringStages(pm, options);
}

void mlir::nd4j::registerNvptxPipelineDialects(DialectRegistry &registry) {
  registry.insert<gpu::GPUDialect, NVVM::NVVMDialect>();
  // convert-gpu-to-nvvm lowers what kernels contain through these
  // dialects' ConvertToLLVM interfaces.
  arith::registerConvertArithToLLVMInterface(registry);
  cf::registerConvertControlFlowToLLVMInterface(registry);
  registerConvertFuncToLLVMInterface(registry);
  index::registerConvertIndexToLLVMInterface(registry);
  registerConvertMathToLLVMInterface(registry);
  registerConvertMemRefToLLVMInterface(registry);
  registerConvertNVVMToLLVMInterface(registry);
  ub::registerConvertUBToLLVMInterface(registry);
  gpu::registerConvertGpuToLLVMInterface(registry);
  NVVM::registerConvertGpuToNVVMInterface(registry);
  NVVM::registerNVVMTargetInterfaceExternalModels(registry);
  registerGPUDialectTranslation(registry);
  registerNVVMDialectTranslation(registry);
  gpu::registerOffloadingLLVMTranslationInterfaceExternalModels(registry);
}

void mlir::nd4j::registerNvptxPipeline() {
  registerGPUPasses();
  registerSCFPasses();
  PassPipelineRegistration<NvptxPipelineOptions>(
      "nd4j-nvptx-pipeline",
      "Lower nd4j_exec graphs to NVIDIA GPU kernels (PTX in a gpu.binary) and "
      "LLVM-dialect host code with the compiled-model entry point",
      buildNvptxPipeline);
  PassPipelineRegistration<NvptxPipelineOptions>(
      "nd4j-gpu-emulation-pipeline",
      "Lower nd4j_exec graphs like nd4j-nvptx-pipeline up to kernel "
      "outlining, then run the kernels as CPU loops (a CPU model: checks the "
      "GPU transformations without a GPU)",
      [](OpPassManager &pm, const NvptxPipelineOptions &options) {
        buildCpuTensorStages(pm, CpuPipelineOptions());
        buildGpuEmulationLoweringStages(pm, options);
      });
}
