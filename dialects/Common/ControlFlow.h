//===- ControlFlow.h - verifiers shared by nd4j and nd4j_exec ----*- C++
//-*-===//
//
// `if` and `while` have one meaning in both dialects (nd4j.if/nd4j.while
// and their nd4j_exec legalizations): the same structural checks serve
// both, parameterized by each dialect's terminators.
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_DIALECTS_COMMON_CONTROLFLOW_H
#define ND4J_DIALECTS_COMMON_CONTROLFLOW_H

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Operation.h"
#include "mlir/IR/TypeUtilities.h"

namespace mlir {
namespace nd4j {

/// Whether a value of type `value` may stand where `declared` is expected:
/// the same element type and shapes that agree where both are known.
inline bool isCompatibleCarriedType(Type value, Type declared) {
  auto a = dyn_cast<TensorType>(value);
  auto b = dyn_cast<TensorType>(declared);
  if (!a || !b)
    return value == declared;
  return a.getElementType() == b.getElementType() &&
         succeeded(verifyCompatibleShape(a, b));
}

/// A condition: a bool tensor of one element (or unranked / `?`).
inline LogicalResult verifyConditionValue(Operation *op, Type type) {
  auto t = dyn_cast<TensorType>(type);
  if (!t || !t.getElementType().isInteger(1))
    return op->emitOpError("condition must be a bool tensor, got ") << type;
  if (t.hasRank() && llvm::any_of(t.getShape(), [](int64_t d) {
        return !ShapedType::isDynamic(d) && d != 1;
      }))
    return op->emitOpError("condition must have one element, got ") << type;
  return success();
}

/// Checks that `values` (what a terminator hands on) fit `declared`.
inline LogicalResult verifyHandedOn(Operation *op, StringRef what,
                                    TypeRange values, TypeRange declared) {
  if (values.size() != declared.size())
    return op->emitOpError() << what << " hands on " << values.size()
                             << " values for " << declared.size();
  for (auto [i, v, d] : llvm::enumerate(values, declared))
    if (!isCompatibleCarriedType(v, d))
      return op->emitOpError() << what << " value " << i << " has type " << v
                               << ", incompatible with " << d;
  return success();
}

template <typename YieldOp>
LogicalResult verifyIfOp(Operation *op, Type cond, Region &thenRegion,
                         Region &elseRegion) {
  if (failed(verifyConditionValue(op, cond)))
    return failure();
  for (auto [name, region] :
       {std::pair<StringRef, Region *>{"then", &thenRegion},
        {"else", &elseRegion}}) {
    auto yield = dyn_cast<YieldOp>(region->front().getTerminator());
    if (!yield)
      return op->emitOpError() << "'" << name << "' region must end in "
                               << YieldOp::getOperationName();
    if (failed(verifyHandedOn(op, (name + " branch").str(),
                              yield->getOperandTypes(), op->getResultTypes())))
      return failure();
  }
  return success();
}

template <typename ConditionOp, typename YieldOp>
LogicalResult verifyWhileOp(Operation *op, Region &before, Region &after) {
  TypeRange results = op->getResultTypes();
  if (failed(verifyHandedOn(op, "init", op->getOperandTypes(), results)))
    return failure();
  for (auto [name, block] :
       {std::pair<StringRef, Block *>{"condition region", &before.front()},
        {"body", &after.front()}}) {
    if (block->getNumArguments() != results.size())
      return op->emitOpError()
             << name << " takes " << block->getNumArguments()
             << " arguments for " << results.size() << " carried values";
    for (auto [i, arg, carried] :
         llvm::enumerate(block->getArgumentTypes(), results))
      if (!isCompatibleCarriedType(carried, arg))
        return op->emitOpError() << name << " argument " << i << " has type "
                                 << arg << ", incompatible with " << carried;
  }
  Block &b = before.front(), &a = after.front();
  auto condition = dyn_cast<ConditionOp>(b.getTerminator());
  if (!condition)
    return op->emitOpError("condition region must end in ")
           << ConditionOp::getOperationName();
  if (failed(verifyConditionValue(op, condition.getCond().getType())) ||
      failed(verifyHandedOn(op, "condition", condition.getArgs().getTypes(),
                            results)))
    return failure();
  auto yield = dyn_cast<YieldOp>(a.getTerminator());
  if (!yield)
    return op->emitOpError("body must end in ") << YieldOp::getOperationName();
  return verifyHandedOn(op, "body", yield->getOperandTypes(), results);
}

} // namespace nd4j
} // namespace mlir

#endif // ND4J_DIALECTS_COMMON_CONTROLFLOW_H
