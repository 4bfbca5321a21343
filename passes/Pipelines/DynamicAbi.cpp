//===- DynamicAbi.cpp - ABI 2 convention of a graph function --*- C++ -*-===//
//
// nd4j-dynamic-abi (Passes.td): a graph function with run-time shapes takes
// and returns memref descriptors, which the bare-pointer convention cannot
// express; its arguments are rebuilt from the pointer arrays of
// nd4j_model_run_v2 and its results stored into them. The descriptors are
// LLVM structs cast to memrefs, so that the casts of the memref lowering
// cancel against them.
//
//===----------------------------------------------------------------------===//

#include "passes/Pipelines/Pipelines.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/BuiltinOps.h"

namespace mlir {
namespace nd4j {
#define GEN_PASS_DEF_ND4JDYNAMICABIPASS
#include "passes/Pipelines/Passes.h.inc"
} // namespace nd4j
} // namespace mlir

using namespace mlir;
using namespace mlir::nd4j;

namespace {

/// The LLVM struct of a ranked memref descriptor (index = i64).
LLVM::LLVMStructType getDescriptorType(MLIRContext *ctx, int64_t rank) {
  auto ptr = LLVM::LLVMPointerType::get(ctx);
  auto i64 = IntegerType::get(ctx, 64);
  if (rank == 0)
    return LLVM::LLVMStructType::getLiteral(ctx, {ptr, ptr, i64});
  auto array = LLVM::LLVMArrayType::get(i64, rank);
  return LLVM::LLVMStructType::getLiteral(ctx, {ptr, ptr, i64, array, array});
}

struct Nd4jDynamicAbiPass
    : public nd4j::impl::Nd4jDynamicAbiPassBase<Nd4jDynamicAbiPass> {
  void runOnOperation() override {
    for (auto func :
         llvm::make_early_inc_range(getOperation().getOps<func::FuncOp>()))
      if (func->hasAttr("nd4j.dynamic_abi") && failed(convert(func)))
        return signalPassFailure();
  }

  LogicalResult convert(func::FuncOp func) {
    MLIRContext *ctx = &getContext();
    auto ptr = LLVM::LLVMPointerType::get(ctx);
    auto i64 = IntegerType::get(ctx, 64);
    for (Type t : llvm::concat<const Type>(func.getArgumentTypes(),
                                           func.getResultTypes())) {
      auto m = dyn_cast<MemRefType>(t);
      if (!m || !m.getLayout().isIdentity() || m.getMemorySpace())
        return func.emitError("ABI 2 takes and returns identity-layout "
                              "memrefs, not ")
               << t;
    }
    Block &entry = func.getBody().front();
    Location loc = func.getLoc();
    unsigned numArgs = func.getNumArguments();
    SmallVector<BlockArgument> abiArgs;
    for (unsigned i = 0; i < 5; ++i)
      abiArgs.push_back(entry.addArgument(ptr, loc));
    OpBuilder b = OpBuilder::atBlockBegin(&entry);

    auto loadAt = [&](Type type, Value base, int64_t index) -> Value {
      Value slot = LLVM::GEPOp::create(b, loc, ptr, type, base,
                                       ArrayRef<LLVM::GEPArg>{index});
      return LLVM::LoadOp::create(b, loc, type, slot);
    };
    auto storeAt = [&](Value v, Value base, int64_t index) {
      Value slot = LLVM::GEPOp::create(b, loc, ptr, v.getType(), base,
                                       ArrayRef<LLVM::GEPArg>{index});
      LLVM::StoreOp::create(b, loc, v, slot);
    };

    // Arguments: descriptors over the caller's buffers.
    for (unsigned i = 0; i < numArgs; ++i) {
      BlockArgument arg = entry.getArgument(i);
      auto type = cast<MemRefType>(arg.getType());
      int64_t rank = type.getRank();
      Value data = loadAt(ptr, abiArgs[0], i);
      Value shape = rank > 0 ? loadAt(ptr, abiArgs[1], i) : Value();
      SmallVector<Value> sizes;
      for (int64_t d = 0; d < rank; ++d)
        sizes.push_back(
            type.isDynamicDim(d)
                ? loadAt(i64, shape, d)
                : LLVM::ConstantOp::create(b, loc, i64, type.getDimSize(d))
                      .getResult());
      auto descType = getDescriptorType(ctx, rank);
      Value desc = LLVM::PoisonOp::create(b, loc, descType);
      desc =
          LLVM::InsertValueOp::create(b, loc, desc, data, ArrayRef<int64_t>{0});
      desc =
          LLVM::InsertValueOp::create(b, loc, desc, data, ArrayRef<int64_t>{1});
      desc = LLVM::InsertValueOp::create(
          b, loc, desc, LLVM::ConstantOp::create(b, loc, i64, 0),
          ArrayRef<int64_t>{2});
      Value stride = LLVM::ConstantOp::create(b, loc, i64, 1);
      for (int64_t d = rank - 1; d >= 0; --d) {
        desc = LLVM::InsertValueOp::create(b, loc, desc, sizes[d],
                                           ArrayRef<int64_t>{3, d});
        desc = LLVM::InsertValueOp::create(b, loc, desc, stride,
                                           ArrayRef<int64_t>{4, d});
        if (d > 0)
          stride = LLVM::MulOp::create(b, loc, stride, sizes[d]);
      }
      Value memref =
          UnrealizedConversionCastOp::create(b, loc, type, desc).getResult(0);
      arg.replaceAllUsesWith(memref);
    }

    // Results: first element, allocation and sizes into the caller's arrays.
    SmallVector<func::ReturnOp> returns;
    func.walk([&](func::ReturnOp r) { returns.push_back(r); });
    for (func::ReturnOp r : returns) {
      b.setInsertionPoint(r);
      for (auto [i, v] : llvm::enumerate(r.getOperands())) {
        auto type = cast<MemRefType>(v.getType());
        int64_t rank = type.getRank();
        auto descType = getDescriptorType(ctx, rank);
        Value desc = UnrealizedConversionCastOp::create(b, loc, descType, v)
                         .getResult(0);
        Value alloc =
            LLVM::ExtractValueOp::create(b, loc, desc, ArrayRef<int64_t>{0});
        Value aligned =
            LLVM::ExtractValueOp::create(b, loc, desc, ArrayRef<int64_t>{1});
        Value offset =
            LLVM::ExtractValueOp::create(b, loc, desc, ArrayRef<int64_t>{2});
        Value data = LLVM::GEPOp::create(b, loc, ptr, type.getElementType(),
                                         aligned, ValueRange{offset});
        storeAt(data, abiArgs[2], i);
        storeAt(alloc, abiArgs[3], i);
        if (rank > 0) {
          Value shape = loadAt(ptr, abiArgs[4], i);
          for (int64_t d = 0; d < rank; ++d)
            storeAt(LLVM::ExtractValueOp::create(b, loc, desc,
                                                 ArrayRef<int64_t>{3, d}),
                    shape, d);
        }
      }
      b.setInsertionPoint(r);
      func::ReturnOp::create(b, r.getLoc());
      r.erase();
    }

    entry.eraseArguments(0, numArgs);
    func.setType(FunctionType::get(ctx, SmallVector<Type>(5, ptr), {}));
    func.removeArgAttrsAttr();
    func.removeResAttrsAttr();
    func->removeAttr("nd4j.dynamic_abi");
    return success();
  }
};

} // namespace
