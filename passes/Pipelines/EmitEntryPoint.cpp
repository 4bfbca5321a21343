//===- EmitEntryPoint.cpp - the compiled-model ABI symbols -----*- C++ -*-===//
//
// Adds `nd4j_model_signature` and `nd4j_model_run` (nd4j_model_abi.h) to an
// LLVM-dialect module whose graph function takes bare buffer pointers:
// inputs first, then the out-parameters bufferization made of the results.
//
//===----------------------------------------------------------------------===//

#include "passes/Pipelines/Pipelines.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/BuiltinOps.h"

namespace mlir {
namespace nd4j {
#define GEN_PASS_DEF_ND4JEMITENTRYPOINTPASS
#include "passes/Pipelines/Passes.h.inc"
} // namespace nd4j
} // namespace mlir

using namespace mlir;
using namespace mlir::nd4j;

namespace {

struct Nd4jEmitEntryPointPass
    : public nd4j::impl::Nd4jEmitEntryPointPassBase<Nd4jEmitEntryPointPass> {
  using Base::Base;
  void runOnOperation() override {
    ModuleOp module = getOperation();
    auto entries = module->getAttrOfType<DictionaryAttr>("nd4j.entry_points");
    if (!entries || entries.size() != 1) {
      module.emitError("a compiled model has exactly one graph; found ")
          << (entries ? entries.size() : 0);
      return signalPassFailure();
    }
    NamedAttribute entry = *entries.begin();
    auto info = cast<DictionaryAttr>(entry.getValue());
    StringRef signature = cast<StringAttr>(info.get("signature")).getValue();
    int64_t numInputs = cast<IntegerAttr>(info.get("inputs")).getInt();
    int64_t numOutputs = cast<IntegerAttr>(info.get("outputs")).getInt();

    auto graphFn = module.lookupSymbol<LLVM::LLVMFuncOp>(entry.getName());
    if (!graphFn) {
      module.emitError("no lowered function for graph '")
          << entry.getName().getValue() << "'";
      return signalPassFailure();
    }
    if (graphFn.getNumArguments() !=
        static_cast<unsigned>(numInputs + numOutputs)) {
      graphFn.emitError("expected ")
          << numInputs + numOutputs
          << " buffer pointers (bare-pointer convention), found "
          << graphFn.getNumArguments();
      return signalPassFailure();
    }
    for (StringRef name : {"nd4j_model_signature", "nd4j_model_run"})
      if (module.lookupSymbol(name)) {
        module.emitError("the module already defines '") << name << "'";
        return signalPassFailure();
      }

    // The names live on in the signature; LLVM has no use for them.
    graphFn.removeArgAttrsAttr();
    graphFn.removeResAttrsAttr();
    // Only the ABI symbols stay visible.
    for (auto fn : module.getOps<LLVM::LLVMFuncOp>())
      if (!fn.isExternal())
        fn.setLinkage(LLVM::Linkage::Internal);
    for (auto global : module.getOps<LLVM::GlobalOp>())
      global.setLinkage(LLVM::Linkage::Internal);

    MLIRContext *ctx = &getContext();
    OpBuilder b = OpBuilder::atBlockEnd(module.getBody());
    Location loc = module.getLoc();
    std::string text = signature.str();
    if (!target.empty()) {
      // The optional record goes right after the `nd4j-model 1` header.
      size_t eol = text.find('\n');
      text.insert(eol == std::string::npos ? text.size() : eol + 1,
                  "target " + target + "\n");
    }
    text.push_back('\0');
    auto arrayType =
        LLVM::LLVMArrayType::get(IntegerType::get(ctx, 8), text.size());
    LLVM::GlobalOp::create(b, loc, arrayType, /*isConstant=*/true,
                           LLVM::Linkage::External, "nd4j_model_signature",
                           b.getStringAttr(text));

    auto ptrType = LLVM::LLVMPointerType::get(ctx);
    auto i32 = IntegerType::get(ctx, 32);
    auto fnType = LLVM::LLVMFunctionType::get(i32, {ptrType, ptrType, ptrType});
    auto run = LLVM::LLVMFuncOp::create(b, loc, "nd4j_model_run", fnType);
    Block *body = run.addEntryBlock(b);
    b.setInsertionPointToStart(body);
    SmallVector<Value> args;
    auto loadPointers = [&](Value array, int64_t count) {
      for (int64_t i = 0; i < count; ++i) {
        Value slot = LLVM::GEPOp::create(b, loc, ptrType, ptrType, array,
                                         ArrayRef<LLVM::GEPArg>{i});
        args.push_back(LLVM::LoadOp::create(b, loc, ptrType, slot));
      }
    };
    loadPointers(body->getArgument(0), numInputs);
    loadPointers(body->getArgument(1), numOutputs);
    LLVM::CallOp::create(b, loc, graphFn, args);
    Value zero = LLVM::ConstantOp::create(b, loc, i32, 0);
    LLVM::ReturnOp::create(b, loc, zero);
  }
};

} // namespace
