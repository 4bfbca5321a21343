//===- TfTensorArrayRules.cpp - TF TensorArrays resolved at import -------===//
//
// A TensorArray outside a loop is a list of tensors that its writes
// (TensorArrayWriteV3, ScatterV3, SplitV3) fill and its reads (ReadV3,
// GatherV3, ConcatV3, SizeV3) consume, ordered by a "flow" value that each
// write returns. With constant indices the list is known at import time: a
// read follows its flow input back through the writes to the one that set
// its element, and becomes that value (or a slice of it). The array, its
// writes and its flow are then unused and dropped.
//
// Inside loops (nd4j.while from a TF frame) indices are run-time values.
// An array written in the loop becomes a buffer `[size, element...]`
// carried by the loop in place of its flow value: the first write rule to
// see the flow as a loop argument retypes the carried value (starting as
// zeros) and every write updates the buffer's row; reads, gathers and
// sizes of a buffer flow read it. An array filled before the loop by one
// scatter of rows 0..n-1 (dynamic_rnn's unstacked input) is read in the
// loop as a gather of the scattered value's row.
//
//===----------------------------------------------------------------------===//

#include "passes/Import/TF/TfRuleUtils.h"

using namespace mlir;
using namespace mlir::nd4j;
using namespace mlir::nd4j::onnx_rules;
using namespace mlir::nd4j::tf_rules;

namespace {

/// The generic TF node defining `v`, if any.
NodeOp tfNode(Value v) {
  if (!v) // An absent input of a malformed node.
    return NodeOp();
  auto op = v.getDefiningOp<NodeOp>();
  return op && op.getFramework() == "tf" ? op : NodeOp();
}

/// Rows [begin, begin + count) of `v` along its first dimension; without
/// the dimension when `drop`.
FailureOr<Value> rows(PatternRewriter &rewriter, ImportNode &node, Value v,
                      int64_t begin, int64_t count, bool drop) {
  auto t = dyn_cast<RankedTensorType>(v.getType());
  if (!t || t.getRank() == 0 || t.getRank() >= 63 || t.isDynamicDim(0) ||
      begin + count > t.getDimSize(0))
    return failure();
  int64_t rank = t.getRank();
  SmallVector<int64_t> b(rank, 0), e(rank, 0), s(rank, 1);
  b[0] = begin;
  e[0] = begin + count;
  int64_t full = ((int64_t(1) << rank) - 1) & ~int64_t(1);
  auto I = [&](int64_t x) { return i64(rewriter, x); };
  FailureOr<Value> slice = build<StridedSliceOp>(
      rewriter, node, v, I(full), I(0), I(full), I(0), I(0),
      rewriter.getDenseI64ArrayAttr(b), rewriter.getDenseI64ArrayAttr(e),
      rewriter.getDenseI64ArrayAttr(s));
  if (failed(slice) || !drop)
    return slice;
  return reshapeTo(rewriter, node, *slice, t.getShape().drop_front());
}

/// What is known of an array at one point of its flow.
struct ArrayState {
  NodeOp array;     // The TensorArrayV3 node.
  int64_t size = 0; // Elements written or declared.
};

/// Follows `flow` back to the TensorArrayV3 and finds the array's size:
/// the declared one, grown by writes past it (dynamic_size arrays).
FailureOr<ArrayState> arrayOf(Value flow) {
  ArrayState state;
  int64_t written = 0;
  while (NodeOp def = tfNode(flow)) {
    ImportNode w(def);
    StringRef op = w.opType;
    if (op == "TensorArrayV3") {
      FailureOr<SmallVector<int64_t>> size = w.getConstantInts(0);
      if (failed(size) || size->size() != 1)
        return failure();
      state.array = def;
      state.size = std::max((*size)[0], written);
      return state;
    }
    if (op == "Identity") {
      flow = w.input(0);
      continue;
    }
    if (op == "TensorArrayWriteV3" || op == "TensorArrayScatterV3") {
      FailureOr<SmallVector<int64_t>> idx = w.getConstantInts(1);
      if (failed(idx))
        return failure();
      for (int64_t i : *idx)
        written = std::max(written, i + 1);
    } else if (op == "TensorArraySplitV3") {
      FailureOr<SmallVector<int64_t>> lengths = w.getConstantInts(2);
      if (failed(lengths))
        return failure();
      written = std::max<int64_t>(written, lengths->size());
    } else {
      return failure();
    }
    flow = w.input(3);
  }
  return failure();
}

/// The value of element `index` at `flow`: the last write that set it.
FailureOr<Value> element(PatternRewriter &rewriter, ImportNode &node,
                         Value flow, int64_t index) {
  while (NodeOp def = tfNode(flow)) {
    ImportNode w(def);
    StringRef op = w.opType;
    if (op == "Identity") {
      flow = w.input(0);
      continue;
    }
    if (op == "TensorArrayWriteV3") {
      FailureOr<SmallVector<int64_t>> idx = w.getConstantInts(1);
      if (failed(idx) || idx->size() != 1)
        return failure();
      if ((*idx)[0] == index)
        return w.input(2);
    } else if (op == "TensorArrayScatterV3") {
      FailureOr<SmallVector<int64_t>> idx = w.getConstantInts(1);
      if (failed(idx))
        return failure();
      // A repeated index: the last scatter of it wins.
      for (int64_t k = idx->size() - 1; k >= 0; --k)
        if ((*idx)[k] == index)
          return rows(rewriter, node, w.input(2), k, 1, /*drop=*/true);
    } else if (op == "TensorArraySplitV3") {
      FailureOr<SmallVector<int64_t>> lengths = w.getConstantInts(2);
      if (failed(lengths))
        return failure();
      if (index < static_cast<int64_t>(lengths->size())) {
        int64_t begin = 0;
        for (int64_t k = 0; k < index; ++k)
          begin += (*lengths)[k];
        return rows(rewriter, node, w.input(1), begin, (*lengths)[index],
                    /*drop=*/false);
      }
    } else {
      return failure(); // The array itself: never written.
    }
    flow = w.input(3);
  }
  return failure();
}

/// `flow` seen through Identity nodes.
Value throughIdentities(Value flow) {
  while (NodeOp def = tfNode(flow)) {
    if (def.getOpType() != "Identity")
      break;
    flow = def.getInputs()[0];
  }
  return flow;
}

/// A flow that is an array's buffer (ranked, rank 1 or more: the loop
/// form), as opposed to TF's scalar flow value.
bool isBuffer(Value flow) {
  auto t = flow ? dyn_cast<RankedTensorType>(flow.getType()) : nullptr;
  return t && t.getRank() >= 1;
}

/// The rows of `buffer` at `indices` (a scalar index drops the dimension).
FailureOr<Value> bufferRows(PatternRewriter &rewriter, ImportNode &node,
                            Value buffer, Value indices) {
  return build<GatherOp>(rewriter, node, buffer, indices, i64(rewriter, 0));
}

/// Where `flow` is the body argument of a loop that carries the flow of a
/// TensorArrayV3 from before the loop, retypes that carried value into the
/// array's buffer `[size] + element` (starting as zeros) and returns the
/// argument, now the buffer. Fails (no change) otherwise.
FailureOr<Value> carryAsBuffer(PatternRewriter &rewriter, ImportNode &node,
                               Value flow, RankedTensorType element) {
  auto arg = dyn_cast_or_null<BlockArgument>(flow);
  if (!arg || !element || !element.hasStaticShape())
    return failure();
  auto loop = dyn_cast<WhileOp>(arg.getOwner()->getParentOp());
  if (!loop || arg.getOwner() != &loop.getAfter().front())
    return failure();
  unsigned k = arg.getArgNumber();
  NodeOp array = tfNode(throughIdentities(loop.getInits()[k]));
  if (!array || array.getOpType() != "TensorArrayV3")
    return failure();
  ImportNode a(array);
  FailureOr<SmallVector<int64_t>> size = a.getConstantInts(0);
  if (failed(size) || size->size() != 1 || (*size)[0] < 0)
    return failure();
  SmallVector<int64_t> shape = {(*size)[0]};
  llvm::append_range(shape, element.getShape());
  auto type = RankedTensorType::get(shape, element.getElementType());
  OpBuilder::InsertionGuard guard(rewriter);
  rewriter.setInsertionPoint(loop);
  Value zeros = ConstantOp::create(
      rewriter, node.loc, type,
      DenseElementsAttr::get(type,
                             rewriter.getZeroAttr(element.getElementType())),
      StringAttr());
  rewriter.modifyOpInPlace(loop, [&] { loop->setOperand(k, zeros); });
  loop.getResult(k).setType(type);
  loop.getBefore().getArgument(k).setType(type);
  arg.setType(type);
  return Value(arg);
}

/// An array filled before a loop by one scatter of rows 0..n-1 of a value
/// (dynamic_rnn's unstacked input): that value; null otherwise.
Value scatteredRows(Value flow) {
  NodeOp def = tfNode(throughIdentities(flow));
  if (!def || def.getOpType() != "TensorArrayScatterV3")
    return Value();
  ImportNode w(def);
  NodeOp array = tfNode(throughIdentities(w.input(3)));
  FailureOr<SmallVector<int64_t>> idx = w.getConstantInts(1);
  auto value = w.inputType(2);
  if (!array || array.getOpType() != "TensorArrayV3" || failed(idx) || !value ||
      value.getRank() == 0 || value.isDynamicDim(0) ||
      static_cast<int64_t>(idx->size()) != value.getDimSize(0))
    return Value();
  for (auto [i, v] : llvm::enumerate(*idx))
    if (v != static_cast<int64_t>(i))
      return Value();
  return w.input(2);
}

/// TensorArrayReadV3(handle, index, flow).
RuleResult read(ImportNode &node, PatternRewriter &rewriter) {
  FailureOr<SmallVector<int64_t>> idx = node.getConstantInts(1);
  if (succeeded(idx) && idx->size() == 1) {
    FailureOr<Value> v = element(rewriter, node, node.input(2), (*idx)[0]);
    if (succeeded(v))
      return node.replaceWith(rewriter, *v);
  }
  // Run-time index: a buffer's row, or a row of what was scattered.
  Value flow = throughIdentities(node.input(2));
  Value rowsOf = isBuffer(flow) ? flow : scatteredRows(flow);
  if (!rowsOf || !node.inputType(1) || node.inputType(1).getNumElements() != 1)
    return RuleResult::NotApplicable;
  Value index = node.input(1);
  if (node.inputType(1).getRank() != 0) {
    FailureOr<Value> scalar = reshapeTo(rewriter, node, index, {});
    if (failed(scalar))
      return RuleResult::Failed;
    index = *scalar;
  }
  return replace(rewriter, node, bufferRows(rewriter, node, rowsOf, index));
}

/// TensorArrayWriteV3(handle, index, value, flow) in a loop: the buffer
/// with row `index` replaced (the flow result is the new buffer).
RuleResult writeInLoop(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType value = node.inputType(2);
  RankedTensorType index = node.inputType(1);
  if (!value || !index || index.getNumElements() != 1 || !node.hasInput(3))
    return RuleResult::NotApplicable;
  Value flow = throughIdentities(node.input(3));
  if (!isBuffer(flow)) {
    FailureOr<Value> buffer = carryAsBuffer(rewriter, node, flow, value);
    if (failed(buffer))
      return RuleResult::NotApplicable;
    flow = *buffer;
  }
  auto buffer = cast<RankedTensorType>(flow.getType());
  if (buffer.getShape().drop_front() != value.getShape() ||
      buffer.getElementType() != value.getElementType()) {
    node.emitError() << "writes " << value << " into a TensorArray of "
                     << buffer;
    return RuleResult::Failed;
  }
  FailureOr<Value> coords = reshapeTo(rewriter, node, node.input(1), {1, 1});
  SmallVector<int64_t> rowShape = {1};
  llvm::append_range(rowShape, value.getShape());
  FailureOr<Value> row =
      succeeded(coords) ? reshapeTo(rewriter, node, node.input(2), rowShape)
                        : FailureOr<Value>(failure());
  if (failed(row))
    return RuleResult::Failed;
  // A write past a fixed-size array's end fails the run, as in TF.
  FailureOr<Value> updated = build<ScatterNdUpdateOp>(
      rewriter, node, flow, *coords, *row, rewriter.getBoolAttr(false),
      rewriter.getBoolAttr(true));
  if (failed(updated))
    return RuleResult::Failed;
  // The flow result (TF's scalar) is the buffer now: no type to check.
  rewriter.replaceOp(node.op, *updated);
  return RuleResult::Replaced;
}

/// Elements `indices`, each with a new first dimension of 1, concatenated.
FailureOr<Value> stack(PatternRewriter &rewriter, ImportNode &node, Value flow,
                       ArrayRef<int64_t> indices) {
  SmallVector<Value> parts;
  Type first;
  for (int64_t i : indices) {
    FailureOr<Value> v = element(rewriter, node, flow, i);
    if (failed(v))
      return failure();
    auto t = dyn_cast<RankedTensorType>(v->getType());
    if (!t || (!parts.empty() && v->getType() != first))
      return failure(); // Elements of different shapes do not stack.
    first = v->getType();
    SmallVector<int64_t> shape{1};
    llvm::append_range(shape, t.getShape());
    FailureOr<Value> r = reshapeTo(rewriter, node, *v, shape);
    if (failed(r))
      return failure();
    parts.push_back(*r);
  }
  if (parts.empty())
    return failure();
  if (parts.size() == 1)
    return parts[0];
  return build<ConcatOp>(rewriter, node, ValueRange(parts), i64(rewriter, 0));
}

/// TensorArrayGatherV3(handle, indices, flow): the elements, stacked.
RuleResult gather(ImportNode &node, PatternRewriter &rewriter) {
  Value flow = throughIdentities(node.input(2));
  if (isBuffer(flow) && node.inputType(1)) {
    // All rows in order: the buffer itself.
    FailureOr<SmallVector<int64_t>> all = node.getConstantInts(1);
    auto buffer = cast<RankedTensorType>(flow.getType());
    bool identity = succeeded(all) && !buffer.isDynamicDim(0) &&
                    static_cast<int64_t>(all->size()) == buffer.getDimSize(0);
    for (auto [i, v] :
         llvm::enumerate(identity ? *all : SmallVector<int64_t>()))
      identity &= v == static_cast<int64_t>(i);
    if (identity)
      return node.replaceWith(rewriter, flow);
    return replace(rewriter, node,
                   bufferRows(rewriter, node, flow, node.input(1)));
  }
  FailureOr<SmallVector<int64_t>> idx = node.getConstantInts(1);
  if (failed(idx))
    return RuleResult::NotApplicable;
  FailureOr<Value> v = stack(rewriter, node, node.input(2), *idx);
  if (failed(v))
    return RuleResult::NotApplicable;
  return node.replaceWith(rewriter, *v);
}

/// TensorArrayConcatV3(handle, flow): every element concatenated along the
/// first dimension, and their lengths.
RuleResult concat(ImportNode &node, PatternRewriter &rewriter) {
  FailureOr<ArrayState> state = arrayOf(node.input(1));
  if (failed(state) || state->size == 0)
    return RuleResult::NotApplicable;
  SmallVector<Value> parts;
  SmallVector<int64_t> lengths;
  for (int64_t i = 0; i < state->size; ++i) {
    FailureOr<Value> v = element(rewriter, node, node.input(1), i);
    if (failed(v))
      return RuleResult::NotApplicable;
    auto t = dyn_cast<RankedTensorType>(v->getType());
    if (!t || t.getRank() == 0 || t.isDynamicDim(0))
      return RuleResult::NotApplicable;
    lengths.push_back(t.getDimSize(0));
    parts.push_back(*v);
  }
  Value value = parts[0];
  if (parts.size() > 1) {
    FailureOr<Value> c =
        build<ConcatOp>(rewriter, node, ValueRange(parts), i64(rewriter, 0));
    if (failed(c))
      return RuleResult::Failed;
    value = *c;
  }
  SmallVector<Value> results{value};
  if (node.getNumResults() > 1)
    results.push_back(intConstantLike(rewriter, node.loc, rewriter.getI64Type(),
                                      {state->size}, lengths));
  return node.replaceWith(rewriter, results);
}

/// TensorArraySizeV3(handle, flow).
RuleResult size(ImportNode &node, PatternRewriter &rewriter) {
  Value flow = throughIdentities(node.input(1));
  if (isBuffer(flow) && !cast<RankedTensorType>(flow.getType()).isDynamicDim(0))
    return node.replaceWith(
        rewriter, intConstantLike(
                      rewriter, node.loc, rewriter.getI32Type(), {},
                      {cast<RankedTensorType>(flow.getType()).getDimSize(0)}));
  FailureOr<ArrayState> state = arrayOf(node.input(1));
  if (failed(state))
    return RuleResult::NotApplicable;
  return node.replaceWith(rewriter, intConstantLike(rewriter, node.loc,
                                                    rewriter.getI32Type(), {},
                                                    {state->size}));
}

/// TensorArrayCloseV3 has no data results.
RuleResult close(ImportNode &node, PatternRewriter &rewriter) {
  if (node.getNumResults() != 0)
    return RuleResult::NotApplicable;
  rewriter.eraseOp(node.op);
  return RuleResult::Replaced;
}

} // namespace

void mlir::nd4j::tf_rules::registerTfTensorArrayRules(const AddRuleFn &add) {
  add("TensorArrayReadV3", read);
  add("TensorArrayWriteV3", writeInLoop);
  add("TensorArrayGatherV3", gather);
  add("TensorArrayConcatV3", concat);
  add("TensorArraySizeV3", size);
  add("TensorArrayCloseV3", close);
}
