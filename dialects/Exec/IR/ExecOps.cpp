//===- ExecOps.cpp - nd4j_exec operations
//-----------------------------------===//
//
// Verifiers and helpers of the nd4j_exec ops. The node verifier checks a call
// against the descriptor declared for its libnd4j op, so an exec graph that
// verifies has the argument counts libnd4j expects.
//
//===----------------------------------------------------------------------===//

#include "dialects/Exec/IR/ExecOps.h"
#include "dialects/Common/ControlFlow.h"
#include "dialects/Common/OpDescriptor.h"
#include "mlir/IR/Builders.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Format.h"

#include <cmath>

using namespace mlir;
using namespace mlir::nd4j;
using namespace mlir::nd4j::exec;

//===----------------------------------------------------------------------===//
// GraphOp
//===----------------------------------------------------------------------===//

void GraphOp::build(OpBuilder &builder, OperationState &state, StringRef name) {
  state.addAttribute(getSymNameAttrName(state.name),
                     builder.getStringAttr(name));
  Region *body = state.addRegion();
  ensureTerminator(*body, builder, state.location);
}

LogicalResult GraphOp::verifyRegions() {
  // Variable names and node names are FlatVariable / FlatNode keys.
  llvm::StringSet<> variables, nodes;
  // Nodes inside control-flow regions are FlatNodes of the graph too.
  WalkResult walked = getBody().walk([&](Operation *nested) -> WalkResult {
    Operation &op = *nested;
    StringRef name, kind;
    llvm::StringSet<> *seen = &variables;
    if (auto p = dyn_cast<PlaceholderOp>(op))
      name = p.getName(), kind = "placeholder";
    else if (auto c = dyn_cast<ConstantOp>(op))
      name = c.getName(), kind = "constant";
    else if (auto v = dyn_cast<VariableOp>(op))
      name = v.getName(), kind = "variable";
    else if (auto n = dyn_cast<NodeOp>(op)) {
      if (auto outs = n.getOutputNames())
        for (StringRef out : outs->getAsValueRange<StringAttr>())
          if (!variables.insert(out).second)
            return n.emitOpError("output name '")
                   << out << "' is already a variable of the graph";
      if (!n.getName())
        return WalkResult::advance();
      name = *n.getName(), kind = "node", seen = &nodes;
    } else
      return WalkResult::advance();
    if (name.empty())
      return op.emitOpError("has an empty name");
    if (!seen->insert(name).second)
      return op.emitOpError()
             << kind << " name '" << name << "' is not unique in the graph";
    return WalkResult::advance();
  });
  return failure(walked.wasInterrupted());
}

//===----------------------------------------------------------------------===//
// Variables
//===----------------------------------------------------------------------===//

void PlaceholderOp::getAsmResultNames(OpAsmSetValueNameFn setNameFn) {
  setNameFn(getResult(), getName());
}
void ConstantOp::getAsmResultNames(OpAsmSetValueNameFn setNameFn) {
  setNameFn(getResult(), getName());
}
void VariableOp::getAsmResultNames(OpAsmSetValueNameFn setNameFn) {
  setNameFn(getResult(), getName());
}

OpFoldResult ConstantOp::fold(FoldAdaptor) { return getValue(); }

//===----------------------------------------------------------------------===//
// NodeOp
//===----------------------------------------------------------------------===//

size_t mlir::nd4j::exec::getNumSlots(NodeOp op, ArgKind k) {
  switch (k) {
  case ArgKind::T:
    return op.getTArgs() ? op.getTArgs()->size() : 0;
  case ArgKind::I:
    return op.getIArgs() ? op.getIArgs()->size() : 0;
  case ArgKind::B:
    return op.getBArgs() ? op.getBArgs()->size() : 0;
  case ArgKind::D:
    return op.getDArgs() ? op.getDArgs()->size() : 0;
  case ArgKind::S:
    return op.getSArgs() ? op.getSArgs()->size() : 0;
  }
  llvm_unreachable("arg kind");
}

namespace {
/// Describes the accepted range [min, max] for diagnostics.
std::string describeRange(unsigned min, std::optional<unsigned> max) {
  if (max && *max == min)
    return std::to_string(min);
  if (!max)
    return "at least " + std::to_string(min);
  return "between " + std::to_string(min) + " and " + std::to_string(*max);
}
} // namespace

LogicalResult NodeOp::verify() {
  if (getOpName().empty())
    return emitOpError("needs a libnd4j op name");
  if (auto outs = getOutputNames())
    if (outs->size() != getNumResults())
      return emitOpError("has ") << getNumResults() << " results but "
                                 << outs->size() << " output names";
  if (auto dArgs = getDArgs())
    for (Attribute a : *dArgs)
      if (Type t = cast<TypeAttr>(a).getValue();
          !isa<FloatType, IntegerType>(t))
        return emitOpError("d_args holds ")
               << t << ", which is not a tensor element type";

  const OpDescriptor *desc =
      lookupDescriptorByLibnd4jName(getOpName(), getOpType());
  if (!desc)
    return success(); // Opaque op (e.g. read from a SameDiff file).

  unsigned numInputs = getInputs().size();
  unsigned minIn = desc->getMinInputs();
  std::optional<unsigned> maxIn = desc->getMaxInputs();
  if (numInputs < minIn || (maxIn && numInputs > *maxIn))
    return emitOpError("'")
           << getOpName() << "' takes " << describeRange(minIn, maxIn)
           << " inputs, got " << numInputs;
  if (getNumResults() != desc->numResults)
    return emitOpError("'") << getOpName() << "' has " << desc->numResults
                            << " results, got " << getNumResults();
  for (unsigned k = 0; k < kNumArgKinds; ++k) {
    ArgKind kind = static_cast<ArgKind>(k);
    size_t n = getNumSlots(*this, kind);
    unsigned min = desc->getMinSlots(kind);
    std::optional<unsigned> max = desc->getMaxSlots(kind);
    if (n < min || (max && n > *max))
      return emitOpError("'")
             << getOpName() << "' takes " << describeRange(min, max) << " "
             << getArgKindName(kind) << ", got " << n;
  }
  if (!getAxis() || getAxis()->empty() || !desc->axisArg.empty())
    return success();
  return emitOpError("'") << getOpName() << "' takes no axis";
}

#define GET_OP_CLASSES
//===----------------------------------------------------------------------===//
// t_args
//===----------------------------------------------------------------------===//

/// ` t_args [...]` (the space included), or nothing when absent. The builtin
/// dense-array printer writes infinities as `INF`, which no parser reads back;
/// non-finite values (clip bounds, -inf padding values) print as the
/// hexadecimal bit pattern the float parser accepts.
static ParseResult parseTArgs(OpAsmParser &parser, DenseF64ArrayAttr &attr) {
  if (failed(parser.parseOptionalKeyword("t_args")))
    return success();
  attr = dyn_cast_or_null<DenseF64ArrayAttr>(
      DenseF64ArrayAttr::parse(parser, Type()));
  return success(static_cast<bool>(attr));
}

static void printTArgs(OpAsmPrinter &printer, Operation *,
                       DenseF64ArrayAttr attr) {
  if (!attr)
    return;
  printer << " t_args [";
  llvm::interleaveComma(attr.asArrayRef(), printer, [&](double v) {
    if (std::isfinite(v))
      printer.printFloat(APFloat(v));
    else
      printer << llvm::format_hex(llvm::bit_cast<uint64_t>(v), 18);
  });
  printer << "]";
}

#include "dialects/Exec/IR/ExecOps.cpp.inc"

//===----------------------------------------------------------------------===//
// Control flow
//===----------------------------------------------------------------------===//

LogicalResult IfOp::verify() {
  return verifyIfOp<YieldOp>(*this, getCond().getType(), getThenRegion(),
                             getElseRegion());
}

LogicalResult WhileOp::verify() {
  return verifyWhileOp<ConditionOp, YieldOp>(*this, getBefore(), getAfter());
}
