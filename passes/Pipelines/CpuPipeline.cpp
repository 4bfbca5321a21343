//===- CpuPipeline.cpp - nd4j-cpu-pipeline ---------------------*- C++ -*-===//
//
// nd4j_exec → linalg on tensors → elementwise fusion → one-shot
// bufferization (identity layouts at the function boundary, results as
// out-parameters, ownership-based deallocation) → loops → LLVM dialect with
// the bare-pointer calling convention → the model ABI's entry point.
//
// The pipeline is written as pass-pipeline text so that it reads like the
// nd4j-opt command line that reproduces any stage of it.
//
//===----------------------------------------------------------------------===//

#include "passes/Pipelines/Pipelines.h"

#include "mlir/Conversion/Passes.h"
#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Transforms/BufferizableOpInterfaceImpl.h"
#include "mlir/Dialect/Arith/Transforms/Passes.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Bufferization/Pipelines/Passes.h"
#include "mlir/Dialect/Bufferization/Transforms/FuncBufferizableOpInterfaceImpl.h"
#include "mlir/Dialect/Bufferization/Transforms/Passes.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlow.h"
#include "mlir/Dialect/Func/Extensions/InlinerExtension.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Index/IR/IndexDialect.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/Dialect/Linalg/Transforms/BufferizableOpInterfaceImpl.h"
#include "mlir/Dialect/Linalg/Transforms/TilingInterfaceImpl.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Math/Transforms/Passes.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/MemRef/Transforms/AllocationOpInterfaceImpl.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/SCF/Transforms/BufferizableOpInterfaceImpl.h"
#include "mlir/Dialect/SCF/Transforms/Passes.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Tensor/IR/TensorTilingInterfaceImpl.h"
#include "mlir/Dialect/Tensor/Transforms/BufferizableOpInterfaceImpl.h"
#include "mlir/Dialect/UB/IR/UBOps.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/Dialect/Vector/Transforms/BufferizableOpInterfaceImpl.h"
#include "mlir/Dialect/Vector/Transforms/Passes.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Target/LLVMIR/Dialect/Builtin/BuiltinToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/LLVMIR/LLVMToLLVMIRTranslation.h"
#include "mlir/Transforms/Passes.h"
#include "passes/Conversion/Passes.h"

using namespace mlir;
using namespace mlir::nd4j;

/// The stages, as nd4j-opt pass-pipeline text.
static const char *const kCpuTensorStages =
    "canonicalize,cse,linalg-fuse-elementwise-ops,canonicalize,cse,"
    "func.func(nd4j-hoist-shape-checks)";
static const char *const kCpuVectorStages =
    "func.func(nd4j-cpu-vectorize),canonicalize,cse";
/// Between the two: results become out-parameters (hoisting static
/// allocations into them), except those of ABI 2 graph functions, which
/// return the buffers they allocate (nd4j-dynamic-abi).
/// Loops (nd4j.while) may carry values whose buffers change between
/// iterations (a scan output that grows): the loop then yields fresh
/// allocations, which the deallocation pipeline frees.
static const char *const kCpuBufferStages =
    "one-shot-bufferize{bufferize-function-boundaries "
    "function-boundary-type-conversion=identity-layout-map "
    "allow-return-allocs-from-loops},"
    "canonicalize";
/// Deallocations in loops that may free one of several buffers call a
/// generated `dealloc_helper` on dynamic memrefs, which the bare-pointer
/// calling convention cannot lower: it is inlined (and then dropped).
static const char *const kCpuBufferDeallocStages =
    "buffer-deallocation-pipeline,convert-bufferization-to-memref,inline";
/// CPU only: accumulators in registers, chunks on the thread pool, one
/// function per loop nest.
static const char *const kCpuBufferCleanupStages =
    "cse,canonicalize,fold-memref-alias-ops,"
    "func.func(nd4j-hoist-vector-transfers),canonicalize,"
    "nd4j-cpu-outline-parallel,func.func(scf-forall-to-for)";
/// bf16 (and f16 math) are computed in f32 and bf16 conversions expanded to
/// integer operations: x86 has no bf16 arithmetic short of AVX512-BF16, and
/// LLVM's soft lowering calls `__truncsfbf2`, which the C compiler runtime
/// of the build host may lack (Debian 12's gcc 12 does). The library must not
/// depend on it.
static const char *const kCpuLoopStages =
    "math-extend-to-supported-types{target-type=f32},"
    "arith-emulate-unsupported-floats{source-types=bf16 target-type=f32},"
    "nd4j-cpu-narrow-float-truncations,"
    "func.func(nd4j-strided-copy-to-linalg),"
    "convert-linalg-to-loops,convert-math-to-funcs{convert-ctlz=false},"
    "func.func(lower-vector-multi-reduction),"
    "convert-vector-to-scf{full-unroll=true},"
    "lower-affine,convert-scf-to-cf,canonicalize,"
    "expand-strided-metadata,lower-affine";
static const char *const kCpuLLVMStages =
    "nd4j-dynamic-abi,nd4j-shape-checks-to-status,convert-vector-to-llvm{"
    "vector-contract-lowering="
    "outerproduct},"
    "convert-math-to-llvm,convert-math-to-libm,finalize-memref-to-llvm,"
    "convert-arith-to-llvm,convert-index-to-llvm,"
    "convert-func-to-llvm{use-bare-ptr-memref-call-conv=true},"
    "convert-cf-to-llvm,convert-ub-to-llvm,reconcile-unrealized-casts,"
    "nd4j-emit-entry-point,canonicalize";

void mlir::nd4j::addStages(OpPassManager &pm, StringRef text) {
  // The text is ours and its passes are registered by registerPipelines();
  // a parse failure is a programming error.
  if (failed(parsePassPipeline(text, pm, llvm::errs())))
    llvm::report_fatal_error("nd4j pipeline: bad stage text");
}

void mlir::nd4j::buildCpuTensorStages(OpPassManager &pm,
                                      const CpuPipelineOptions &options) {
  addStages(pm, ("nd4j-exec-infer-shapes,convert-exec-to-linalg{max-tensor-"
                 "bytes=" +
                 Twine(options.maxTensorBytes.getValue()) + "}")
                    .str());
  addStages(pm, kCpuTensorStages);
}

namespace {
/// The buffer a view (cast, reshape, subview) is of.
Value rootBuffer(Value v) {
  while (auto view = v.getDefiningOp<ViewLikeOpInterface>())
    v = view.getViewSource();
  return v;
}

/// A graph output that is another output (ONNX `z = Identity(y)`, a TF
/// output listed twice) gets a copy of its own: each output owns its
/// buffer (an out-parameter hoisted from the allocation, or an allocation
/// ABI 2 hands to the caller to free once).
void copyRepeatedResults(func::ReturnOp ret) {
  llvm::SmallPtrSet<Value, 8> seen;
  OpBuilder b(ret);
  for (OpOperand &operand : ret->getOpOperands()) {
    auto type = dyn_cast<MemRefType>(operand.get().getType());
    if (!type || seen.insert(rootBuffer(operand.get())).second)
      continue;
    Location loc = ret.getLoc();
    SmallVector<Value> sizes;
    for (int64_t d = 0; d < type.getRank(); ++d)
      if (type.isDynamicDim(d))
        sizes.push_back(memref::DimOp::create(b, loc, operand.get(), d));
    Value copy =
        memref::AllocOp::create(b, loc, type, sizes, b.getI64IntegerAttr(64));
    memref::CopyOp::create(b, loc, operand.get(), copy);
    operand.set(copy);
    seen.insert(copy);
  }
}

/// Upstream's buffer-results-to-out-params{hoist-static-allocs=true
/// modify-public-functions=true}, skipping the functions marked
/// `nd4j.dynamic_abi` (the option that filters functions has no pass-text
/// form).
struct ResultsToOutParamsPass
    : public PassWrapper<ResultsToOutParamsPass, OperationPass<ModuleOp>> {
  MLIR_DEFINE_EXPLICIT_INTERNAL_INLINE_TYPE_ID(ResultsToOutParamsPass)
  StringRef getArgument() const final {
    return "nd4j-buffer-results-to-out-params";
  }
  StringRef getDescription() const final {
    return "buffer-results-to-out-params except for ABI 2 graph functions";
  }
  void getDependentDialects(DialectRegistry &registry) const override {
    registry.insert<memref::MemRefDialect>();
  }
  void runOnOperation() override {
    getOperation().walk([](func::ReturnOp ret) { copyRepeatedResults(ret); });
    bufferization::BufferResultsToOutParamsOpts options;
    options.hoistStaticAllocs = true;
    options.modifyPublicFunctions = true;
    options.filterFn = [](func::FuncOp *func) {
      return !(*func)->hasAttr("nd4j.dynamic_abi");
    };
    if (failed(bufferization::promoteBufferResultsToOutParams(getOperation(),
                                                              options)))
      signalPassFailure();
  }
};
} // namespace

void mlir::nd4j::buildBufferizationStages(OpPassManager &pm) {
  addStages(pm, kCpuBufferStages);
  pm.addPass(std::make_unique<ResultsToOutParamsPass>());
  addStages(pm, kCpuBufferDeallocStages);
}

void mlir::nd4j::buildCpuLoweringStages(OpPassManager &pm,
                                        const CpuPipelineOptions &options) {
  if (options.vectorize)
    addStages(pm, kCpuVectorStages);
  buildBufferizationStages(pm);
  addStages(pm, kCpuBufferCleanupStages);
  buildCpuLoopToLLVMStages(pm);
}

void mlir::nd4j::buildCpuLoopToLLVMStages(OpPassManager &pm) {
  addStages(pm, kCpuLoopStages);
  addStages(pm, kCpuLLVMStages);
}

void mlir::nd4j::buildCpuPipeline(OpPassManager &pm,
                                  const CpuPipelineOptions &options) {
  buildCpuTensorStages(pm, options);
  buildCpuLoweringStages(pm, options);
}

void mlir::nd4j::registerPipelineDialects(DialectRegistry &registry) {
  registry.insert<affine::AffineDialect, arith::ArithDialect,
                  bufferization::BufferizationDialect, cf::ControlFlowDialect,
                  func::FuncDialect, index::IndexDialect, linalg::LinalgDialect,
                  LLVM::LLVMDialect, math::MathDialect, memref::MemRefDialect,
                  scf::SCFDialect, tensor::TensorDialect, ub::UBDialect,
                  vector::VectorDialect>();
  arith::registerBufferizableOpInterfaceExternalModels(registry);
  bufferization::func_ext::registerBufferizableOpInterfaceExternalModels(
      registry);
  linalg::registerBufferizableOpInterfaceExternalModels(registry);
  linalg::registerTilingInterfaceExternalModels(registry);
  tensor::registerTilingInterfaceExternalModels(registry);
  memref::registerAllocationOpInterfaceExternalModels(registry);
  scf::registerBufferizableOpInterfaceExternalModels(registry);
  tensor::registerBufferizableOpInterfaceExternalModels(registry);
  vector::registerBufferizableOpInterfaceExternalModels(registry);
  // The inliner (dealloc_helper, see kCpuBufferDeallocStages) needs func's.
  func::registerInlinerExtension(registry);
  registerNvptxPipelineDialects(registry);
  registerBuiltinDialectTranslation(registry);
  registerLLVMDialectTranslation(registry);
}

void mlir::nd4j::registerPipelines() {
  registerPipelinesPasses();
  // The upstream passes the stages name (upstream's registerConversionPasses,
  // not ours of the same name).
  ::mlir::registerConversionPasses();
  registerLinalgPasses();
  bufferization::registerBufferizationPasses();
  bufferization::registerBufferizationPipelines();
  memref::registerMemRefPasses();
  vector::registerVectorPasses();
  registerSCFPasses();
  arith::registerArithPasses();
  math::registerMathPasses();
  registerCanonicalizerPass();
  registerInlinerPass();
  registerCSEPass();
  PassPipelineRegistration<CpuPipelineOptions>(
      "nd4j-cpu-pipeline",
      "Lower nd4j_exec graphs to the LLVM dialect with the compiled-model "
      "entry point",
      buildCpuPipeline);
  registerNvptxPipeline();
}
