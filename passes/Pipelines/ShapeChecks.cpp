//===- ShapeChecks.cpp - run-time shape checks of dynamic graphs -*- C++
//-*-===//
//
// nd4j-hoist-shape-checks and nd4j-shape-checks-to-status (Passes.td): the
// `cf.assert`s convert-exec-to-linalg places where a dynamic graph assumes
// that two sizes known only at run time are equal move to the start of the
// function and become an error status of the run instead of an abort.
//
//===----------------------------------------------------------------------===//

#include "passes/Pipelines/Pipelines.h"

#include "mlir/Analysis/SliceAnalysis.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "llvm/ADT/StringMap.h"

namespace mlir {
namespace nd4j {
#define GEN_PASS_DEF_ND4JHOISTSHAPECHECKSPASS
#define GEN_PASS_DEF_ND4JSHAPECHECKSTOSTATUSPASS
#include "passes/Pipelines/Passes.h.inc"
} // namespace nd4j
} // namespace mlir

using namespace mlir;
using namespace mlir::nd4j;

namespace {

struct Nd4jHoistShapeChecksPass
    : public nd4j::impl::Nd4jHoistShapeChecksPassBase<
          Nd4jHoistShapeChecksPass> {
  void runOnOperation() override {
    func::FuncOp func = getOperation();
    if (func.isExternal())
      return;
    Block &entry = func.getBody().front();
    SmallVector<cf::AssertOp> checks(entry.getOps<cf::AssertOp>());
    // Everything hoisted goes before this op, in order.
    Operation *anchor = &entry.front();
    for (cf::AssertOp check : checks) {
      BackwardSliceOptions options;
      bool movable = true;
      options.filter = [&](Operation *op) {
        if (op == check.getOperation())
          return true;
        if (op->getBlock() != &entry || op->getNumRegions() != 0 ||
            !isMemoryEffectFree(op))
          movable = false;
        return true;
      };
      options.omitBlockArguments = true;
      SetVector<Operation *> slice;
      if (failed(getBackwardSlice(check.getOperation(), &slice, options)) ||
          !movable)
        continue;
      // The slice comes in topological order; ops already before the
      // anchor stay.
      for (Operation *op : slice)
        if (anchor->isBeforeInBlock(op) || op == anchor) {
          if (op == anchor)
            anchor = op->getNextNode();
          else
            op->moveBefore(anchor);
        }
      if (check.getOperation() == anchor)
        anchor = check->getNextNode();
      else
        check->moveBefore(anchor);
    }
  }
};

struct Nd4jShapeChecksToStatusPass
    : public nd4j::impl::Nd4jShapeChecksToStatusPassBase<
          Nd4jShapeChecksToStatusPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    SmallVector<cf::AssertOp> checks;
    module.walk([&](cf::AssertOp a) { checks.push_back(a); });
    if (checks.empty())
      return;
    MLIRContext *ctx = &getContext();
    auto ptr = LLVM::LLVMPointerType::get(ctx);
    OpBuilder b = OpBuilder::atBlockBegin(module.getBody());
    Location loc = module.getLoc();
    auto slot = module.lookupSymbol<LLVM::GlobalOp>("__nd4j_error");
    if (!slot)
      slot = createErrorSlot(b, loc);
    llvm::StringMap<LLVM::GlobalOp> messages;
    for (cf::AssertOp check : checks) {
      auto func = check->getParentOfType<func::FuncOp>();
      if (!func || func.getNumResults() != 0) {
        check.emitError("a shape check must be in a function without "
                        "results (nd4j-dynamic-abi runs first)");
        return signalPassFailure();
      }
      LLVM::GlobalOp &text = messages[check.getMsg()];
      if (!text) {
        std::string bytes = check.getMsg().str();
        bytes.push_back('\0');
        OpBuilder::InsertionGuard guard(b);
        b.setInsertionPointToStart(module.getBody());
        text = LLVM::GlobalOp::create(
            b, loc, LLVM::LLVMArrayType::get(b.getI8Type(), bytes.size()),
            /*isConstant=*/true, LLVM::Linkage::Internal,
            "__nd4j_check_" + std::to_string(messages.size()),
            b.getStringAttr(bytes));
      }
      Block *before = check->getBlock();
      Block *after = before->splitBlock(std::next(check->getIterator()));
      Block *fail = b.createBlock(after->getParent());
      b.setInsertionPointToStart(fail);
      Value message = LLVM::AddressOfOp::create(b, loc, text);
      Value address = LLVM::AddressOfOp::create(b, loc, slot);
      LLVM::StoreOp::create(b, loc, message, address);
      func::ReturnOp::create(b, loc);
      b.setInsertionPointToEnd(before);
      cf::CondBranchOp::create(b, check.getLoc(), check.getArg(), after,
                               ValueRange(), fail, ValueRange());
      check.erase();
      (void)ptr;
    }
  }

  /// The thread-local `ptr __nd4j_error` (null: no failure).
  static LLVM::GlobalOp createErrorSlot(OpBuilder &b, Location loc) {
    auto ptr = LLVM::LLVMPointerType::get(b.getContext());
    auto slot = LLVM::GlobalOp::create(
        b, loc, ptr, /*isConstant=*/false, LLVM::Linkage::Internal,
        "__nd4j_error", Attribute(), /*alignment=*/0, /*addrSpace=*/0,
        /*dsoLocal=*/true, /*threadLocal=*/true);
    OpBuilder::InsertionGuard guard(b);
    Block *init = b.createBlock(&slot.getInitializerRegion());
    b.setInsertionPointToStart(init);
    LLVM::ReturnOp::create(b, loc, LLVM::ZeroOp::create(b, loc, ptr));
    return slot;
  }
};

} // namespace

LLVM::GlobalOp mlir::nd4j::getOrCreateErrorSlot(ModuleOp module) {
  if (auto slot = module.lookupSymbol<LLVM::GlobalOp>("__nd4j_error"))
    return slot;
  OpBuilder b = OpBuilder::atBlockBegin(module.getBody());
  return Nd4jShapeChecksToStatusPass::createErrorSlot(b, module.getLoc());
}
