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
#include "mlir/Interfaces/DataLayoutInterfaces.h"

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
    int64_t abi = 1;
    if (auto a = info.getAs<IntegerAttr>("abi"))
      abi = a.getInt();
    if (abi == 2 && graphFn.getNumArguments() != 5) {
      graphFn.emitError("expected the five pointer arrays of ABI 2 "
                        "(nd4j-dynamic-abi), found ")
          << graphFn.getNumArguments() << " arguments";
      return signalPassFailure();
    }
    if (abi == 1 && graphFn.getNumArguments() !=
                        static_cast<unsigned>(numInputs + numOutputs)) {
      graphFn.emitError("expected ")
          << numInputs + numOutputs
          << " buffer pointers (bare-pointer convention), found "
          << graphFn.getNumArguments();
      return signalPassFailure();
    }
    for (StringRef name :
         {"nd4j_model_signature", "nd4j_model_run", "nd4j_model_run_v2",
          "nd4j_model_free", "nd4j_model_error"})
      if (module.lookupSymbol(name)) {
        module.emitError("the module already defines '") << name << "'";
        return signalPassFailure();
      }

    SymbolTable symbols(module);
    if (failed(defineDeviceConstants(module, symbols)))
      return signalPassFailure();

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
    auto ptrType = LLVM::LLVMPointerType::get(ctx);
    auto i32 = IntegerType::get(ctx, 32);

    // The context of the run in progress on this thread, for the parallel
    // launches of nd4j-cpu-outline-parallel.
    auto ctxGlobal = LLVM::GlobalOp::create(
        b, loc, ptrType, /*isConstant=*/false, LLVM::Linkage::Internal,
        "__nd4j_context", Attribute(), /*alignment=*/0, /*addrSpace=*/0,
        /*dsoLocal=*/true, /*threadLocal=*/true);
    {
      Block *init = b.createBlock(&ctxGlobal.getInitializerRegion());
      b.setInsertionPointToStart(init);
      LLVM::ReturnOp::create(b, loc, LLVM::ZeroOp::create(b, loc, ptrType));
      b.setInsertionPointToEnd(module.getBody());
    }
    for (auto fn : module.getOps<LLVM::LLVMFuncOp>())
      if (fn.getName().starts_with("__nd4j_seq_"))
        fn.setNoInline(true);
    SmallVector<LLVM::LLVMFuncOp> launches;
    for (auto fn : module.getOps<LLVM::LLVMFuncOp>())
      if (fn.isExternal() && fn.getName().starts_with("__nd4j_par_launch_"))
        launches.push_back(fn);
    for (LLVM::LLVMFuncOp launch : launches)
      if (failed(defineLaunch(module, symbols, launch, ctxGlobal)))
        return signalPassFailure();
    b.setInsertionPointToEnd(module.getBody());
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

    if (abi == 2) {
      defineRunV2(module, graphFn, ctxGlobal);
      return;
    }
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
    // Checks on values the run reads (a range's length, slice bounds that
    // must give the declared sizes) leave a message: status 1, as ABI 2.
    auto errorSlot = module.lookupSymbol<LLVM::GlobalOp>("__nd4j_error");
    Value null = LLVM::ZeroOp::create(b, loc, ptrType);
    Value errorAddr;
    if (errorSlot) {
      errorAddr = LLVM::AddressOfOp::create(b, loc, errorSlot);
      LLVM::StoreOp::create(b, loc, null, errorAddr);
    }
    Value ctxAddr = LLVM::AddressOfOp::create(b, loc, ctxGlobal);
    LLVM::StoreOp::create(b, loc, body->getArgument(2), ctxAddr);
    LLVM::CallOp::create(b, loc, graphFn, args);
    LLVM::StoreOp::create(b, loc, null, ctxAddr);
    if (!errorSlot) {
      LLVM::ReturnOp::create(b, loc, LLVM::ConstantOp::create(b, loc, i32, 0));
      return;
    }
    Value error = LLVM::LoadOp::create(b, loc, ptrType, errorAddr);
    Value failed =
        LLVM::ICmpOp::create(b, loc, LLVM::ICmpPredicate::ne, error, null);
    LLVM::ReturnOp::create(b, loc, LLVM::ZExtOp::create(b, loc, i32, failed));
    defineErrorFn(module, errorSlot);
  }

  /// `const char *nd4j_model_error(void)`: this thread's last failure.
  void defineErrorFn(ModuleOp module, LLVM::GlobalOp errorSlot) {
    Location loc = module.getLoc();
    auto ptrType = LLVM::LLVMPointerType::get(&getContext());
    OpBuilder b = OpBuilder::atBlockEnd(module.getBody());
    auto errorFn = LLVM::LLVMFuncOp::create(
        b, loc, "nd4j_model_error", LLVM::LLVMFunctionType::get(ptrType, {}));
    b.setInsertionPointToStart(errorFn.addEntryBlock(b));
    LLVM::ReturnOp::create(
        b, loc,
        LLVM::LoadOp::create(b, loc, ptrType,
                             LLVM::AddressOfOp::create(b, loc, errorSlot)));
  }

  /// ABI 2: `i32 nd4j_model_run_v2(inputs, input_shapes, outputs,
  /// output_allocs, output_shapes, ctx)` passes the five arrays on to the
  /// graph function (nd4j-dynamic-abi), and `nd4j_model_free(ptr)` frees
  /// what it handed out in `output_allocs`.
  void defineRunV2(ModuleOp module, LLVM::LLVMFuncOp graphFn,
                   LLVM::GlobalOp ctxGlobal) {
    MLIRContext *ctx = &getContext();
    Location loc = module.getLoc();
    auto ptrType = LLVM::LLVMPointerType::get(ctx);
    auto i32 = IntegerType::get(ctx, 32);
    auto voidType = LLVM::LLVMVoidType::get(ctx);
    OpBuilder b = OpBuilder::atBlockEnd(module.getBody());
    auto run = LLVM::LLVMFuncOp::create(
        b, loc, "nd4j_model_run_v2",
        LLVM::LLVMFunctionType::get(i32, SmallVector<Type>(6, ptrType)));
    LLVM::GlobalOp errorSlot = getOrCreateErrorSlot(module);
    b.setInsertionPointToEnd(module.getBody());
    Block *body = run.addEntryBlock(b);
    b.setInsertionPointToStart(body);
    Value null = LLVM::ZeroOp::create(b, loc, ptrType);
    Value errorAddr = LLVM::AddressOfOp::create(b, loc, errorSlot);
    LLVM::StoreOp::create(b, loc, null, errorAddr);
    Value ctxAddr = LLVM::AddressOfOp::create(b, loc, ctxGlobal);
    LLVM::StoreOp::create(b, loc, body->getArgument(5), ctxAddr);
    LLVM::CallOp::create(b, loc, graphFn, body->getArguments().take_front(5));
    LLVM::StoreOp::create(b, loc, null, ctxAddr);
    // A failed shape check left its message: status 1.
    Value error = LLVM::LoadOp::create(b, loc, ptrType, errorAddr);
    Value failed =
        LLVM::ICmpOp::create(b, loc, LLVM::ICmpPredicate::ne, error, null);
    LLVM::ReturnOp::create(b, loc, LLVM::ZExtOp::create(b, loc, i32, failed));

    defineErrorFn(module, errorSlot);

    auto freeType = LLVM::LLVMFunctionType::get(voidType, {ptrType});
    auto freeFn = module.lookupSymbol<LLVM::LLVMFuncOp>("free");
    if (!freeFn) {
      OpBuilder::InsertionGuard guard(b);
      b.setInsertionPointToStart(module.getBody());
      freeFn = LLVM::LLVMFuncOp::create(b, loc, "free", freeType);
    }
    b.setInsertionPointToEnd(module.getBody());
    auto release =
        LLVM::LLVMFuncOp::create(b, loc, "nd4j_model_free", freeType);
    Block *rb = release.addEntryBlock(b);
    b.setInsertionPointToStart(rb);
    LLVM::CallOp::create(b, loc, freeFn, rb->getArgument(0));
    LLVM::ReturnOp::create(b, loc, ValueRange());
  }

  /// Defines the declarations nd4j-gpu-host-buffers made for the device
  /// copies of constant globals (`nd4j.device_constant = @global`): each
  /// returns the device copy kept in its own slot, uploaded on first use by
  /// the runtime's `nd4jGpuConstant(slot, host, bytes)`, and a destructor
  /// of the library hands every slot to `nd4jGpuConstantRelease`.
  LogicalResult defineDeviceConstants(ModuleOp module, SymbolTable &symbols) {
    SmallVector<LLVM::LLVMFuncOp> declarations;
    for (auto fn : module.getOps<LLVM::LLVMFuncOp>())
      if (fn.isExternal() && fn->hasAttr("nd4j.device_constant"))
        declarations.push_back(fn);
    if (declarations.empty())
      return success();
    MLIRContext *ctx = &getContext();
    Location loc = module.getLoc();
    auto ptrType = LLVM::LLVMPointerType::get(ctx);
    auto i64 = IntegerType::get(ctx, 64);
    auto voidType = LLVM::LLVMVoidType::get(ctx);
    OpBuilder b = OpBuilder::atBlockEnd(module.getBody());
    auto declare = [&](StringRef name, LLVM::LLVMFunctionType type) {
      if (auto fn = symbols.lookup<LLVM::LLVMFuncOp>(name))
        return fn;
      OpBuilder::InsertionGuard guard(b);
      b.setInsertionPointToStart(module.getBody());
      auto fn = LLVM::LLVMFuncOp::create(b, loc, name, type);
      symbols.insert(fn);
      return fn;
    };
    LLVM::LLVMFuncOp upload =
        declare("nd4jGpuConstant",
                LLVM::LLVMFunctionType::get(ptrType, {ptrType, ptrType, i64}));
    LLVM::LLVMFuncOp release =
        declare("nd4jGpuConstantRelease",
                LLVM::LLVMFunctionType::get(voidType, {ptrType}));
    DataLayout layout(module);
    SmallVector<LLVM::GlobalOp> slots;
    for (LLVM::LLVMFuncOp fn : declarations) {
      auto name = cast<FlatSymbolRefAttr>(fn->getAttr("nd4j.device_constant"));
      auto global = symbols.lookup<LLVM::GlobalOp>(name.getAttr());
      if (!global)
        return fn.emitError("no global ") << name << " for its device copy";
      b.setInsertionPointToEnd(module.getBody());
      auto slot = LLVM::GlobalOp::create(
          b, loc, ptrType, /*isConstant=*/false, LLVM::Linkage::Internal,
          (fn.getName() + "_slot").str(), Attribute());
      symbols.insert(slot);
      {
        Block *init = b.createBlock(&slot.getInitializerRegion());
        b.setInsertionPointToStart(init);
        LLVM::ReturnOp::create(b, loc, LLVM::ZeroOp::create(b, loc, ptrType));
      }
      slots.push_back(slot);
      fn->removeAttr("nd4j.device_constant");
      fn->removeAttr("sym_visibility");
      fn.setLinkage(LLVM::Linkage::Internal);
      Block *entry = fn.addEntryBlock(b);
      b.setInsertionPointToStart(entry);
      Value bytes = LLVM::ConstantOp::create(
          b, loc, i64,
          layout.getTypeSize(global.getGlobalType()).getFixedValue());
      Value device =
          LLVM::CallOp::create(
              b, loc, upload,
              ValueRange{LLVM::AddressOfOp::create(b, loc, slot),
                         LLVM::AddressOfOp::create(b, loc, global), bytes})
              .getResult();
      LLVM::ReturnOp::create(b, loc, device);
    }
    b.setInsertionPointToEnd(module.getBody());
    auto dtor = LLVM::LLVMFuncOp::create(
        b, loc, "__nd4j_release_device_constants",
        LLVM::LLVMFunctionType::get(voidType, {}), LLVM::Linkage::Internal);
    b.setInsertionPointToStart(dtor.addEntryBlock(b));
    for (LLVM::GlobalOp slot : slots)
      LLVM::CallOp::create(b, loc, release,
                           ValueRange{LLVM::AddressOfOp::create(b, loc, slot)});
    LLVM::ReturnOp::create(b, loc, ValueRange());
    b.setInsertionPointToEnd(module.getBody());
    LLVM::GlobalDtorsOp::create(
        b, loc, b.getArrayAttr({FlatSymbolRefAttr::get(dtor)}),
        b.getI32ArrayAttr({65535}), b.getArrayAttr({LLVM::ZeroAttr::get(ctx)}));
    return success();
  }

  /// Defines `__nd4j_par_launch_<k>(args..., n)`: with a context that has a
  /// parallel_for, packs the arguments into a stack struct and hands
  /// `__nd4j_par_tramp_<k>` to it; otherwise calls the body on [0, n).
  LogicalResult defineLaunch(ModuleOp module, const SymbolTable &symbols,
                             LLVM::LLVMFuncOp launch,
                             LLVM::GlobalOp ctxGlobal) {
    MLIRContext *ctx = &getContext();
    Location loc = launch.getLoc();
    StringRef suffix =
        launch.getName().drop_front(strlen("__nd4j_par_launch_"));
    auto bodyFn =
        symbols.lookup<LLVM::LLVMFuncOp>(("__nd4j_par_body_" + suffix).str());
    if (!bodyFn)
      return launch.emitError("no body for parallel launch");
    // Kept apart: one function per large op keeps LLVM's per-function
    // optimization and code generation linear in the model size.
    bodyFn.setNoInline(true);
    auto ptrType = LLVM::LLVMPointerType::get(ctx);
    auto i32 = IntegerType::get(ctx, 32);
    auto i64 = IntegerType::get(ctx, 64);
    SmallVector<Type> argTypes(launch.getFunctionType().getParams());
    Type countType = argTypes.pop_back_val();
    auto packed = LLVM::LLVMStructType::getLiteral(ctx, argTypes);
    auto ctxType =
        LLVM::LLVMStructType::getLiteral(ctx, {i32, ptrType, ptrType});
    auto voidType = LLVM::LLVMVoidType::get(ctx);

    // The trampoline parallel_for calls: body(data, begin, end).
    OpBuilder b = OpBuilder::atBlockEnd(module.getBody());
    auto tramp = LLVM::LLVMFuncOp::create(
        b, loc, ("__nd4j_par_tramp_" + suffix).str(),
        LLVM::LLVMFunctionType::get(voidType, {ptrType, i64, i64}),
        LLVM::Linkage::Internal);
    {
      Block *entry = tramp.addEntryBlock(b);
      b.setInsertionPointToStart(entry);
      SmallVector<Value> args;
      for (auto [i, t] : llvm::enumerate(argTypes)) {
        Value field = LLVM::GEPOp::create(
            b, loc, ptrType, packed, entry->getArgument(0),
            ArrayRef<LLVM::GEPArg>{0, static_cast<int32_t>(i)});
        args.push_back(LLVM::LoadOp::create(b, loc, t, field));
      }
      args.push_back(entry->getArgument(1));
      args.push_back(entry->getArgument(2));
      LLVM::CallOp::create(b, loc, bodyFn, args);
      LLVM::ReturnOp::create(b, loc, ValueRange());
    }

    launch.setLinkage(LLVM::Linkage::Internal);
    launch->removeAttr("sym_visibility");
    Block *entry = launch.addEntryBlock(b);
    Block *serial = b.createBlock(&launch.getBody());
    Block *check = b.createBlock(&launch.getBody());
    Block *parallel = b.createBlock(&launch.getBody());
    ValueRange args = entry->getArguments();
    Value n = args.back();
    if (countType != i64)
      return launch.emitError("unexpected iteration count type");

    b.setInsertionPointToEnd(entry);
    // The argument pack is a static alloca in the entry block, where LLVM
    // allocates it with the frame (one in a later block is a dynamic one).
    Value one = LLVM::ConstantOp::create(b, loc, i64, 1);
    Value data = LLVM::AllocaOp::create(b, loc, ptrType, packed, one);
    Value ctxAddr = LLVM::AddressOfOp::create(b, loc, ctxGlobal);
    Value runCtx = LLVM::LoadOp::create(b, loc, ptrType, ctxAddr);
    Value null = LLVM::ZeroOp::create(b, loc, ptrType);
    Value noCtx =
        LLVM::ICmpOp::create(b, loc, LLVM::ICmpPredicate::eq, runCtx, null);
    LLVM::CondBrOp::create(b, loc, noCtx, serial, check);

    b.setInsertionPointToEnd(check);
    Value fnAddr = LLVM::GEPOp::create(b, loc, ptrType, ctxType, runCtx,
                                       ArrayRef<LLVM::GEPArg>{0, 2});
    Value fn = LLVM::LoadOp::create(b, loc, ptrType, fnAddr);
    Value noFn =
        LLVM::ICmpOp::create(b, loc, LLVM::ICmpPredicate::eq, fn, null);
    LLVM::CondBrOp::create(b, loc, noFn, serial, parallel);

    b.setInsertionPointToEnd(serial);
    SmallVector<Value> serialArgs(args.drop_back());
    serialArgs.push_back(LLVM::ConstantOp::create(b, loc, i64, 0));
    serialArgs.push_back(n);
    LLVM::CallOp::create(b, loc, bodyFn, serialArgs);
    LLVM::ReturnOp::create(b, loc, ValueRange());

    b.setInsertionPointToEnd(parallel);
    for (auto [i, v] : llvm::enumerate(args.drop_back())) {
      Value field = LLVM::GEPOp::create(
          b, loc, ptrType, packed, data,
          ArrayRef<LLVM::GEPArg>{0, static_cast<int32_t>(i)});
      LLVM::StoreOp::create(b, loc, v, field);
    }
    Value poolAddr = LLVM::GEPOp::create(b, loc, ptrType, ctxType, runCtx,
                                         ArrayRef<LLVM::GEPArg>{0, 1});
    Value pool = LLVM::LoadOp::create(b, loc, ptrType, poolAddr);
    Value trampAddr = LLVM::AddressOfOp::create(b, loc, tramp);
    auto pforType =
        LLVM::LLVMFunctionType::get(voidType, {ptrType, i64, ptrType, ptrType});
    LLVM::CallOp::create(b, loc, pforType,
                         ValueRange{fn, pool, n, trampAddr, data});
    LLVM::ReturnOp::create(b, loc, ValueRange());
    return success();
  }
};

} // namespace
