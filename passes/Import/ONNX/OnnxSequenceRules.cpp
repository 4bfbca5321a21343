//===- OnnxSequenceRules.cpp - ONNX sequences resolved at import ----------===//
//
// nd4j graphs carry tensors, not lists of them. An ONNX sequence whose
// producers (SequenceEmpty, SequenceConstruct, SequenceInsert,
// SequenceErase, SplitToSequence, Identity) and positions are known at
// import is the list of tensors it holds: the rules of its readers
// (SequenceAt, SequenceLength, ConcatFromSequence) follow the producers back
// and use those tensors; the producers, read by nobody then, are dropped as
// dead nodes. A sequence these rules cannot follow (a position computed at
// run time, one carried through a loop) is an error naming the reader.
//
//===----------------------------------------------------------------------===//

#include "passes/Import/ONNX/OnnxRuleUtils.h"

using namespace mlir;
using namespace mlir::nd4j;
using namespace mlir::nd4j::onnx_rules;

namespace {

/// A position input of `producer` (a rank-0 or one-element constant), or
/// `dflt` when the input is absent.
FailureOr<int64_t> position(ImportNode &reader, ImportNode &producer,
                            unsigned i, int64_t dflt) {
  if (!producer.hasInput(i))
    return dflt;
  FailureOr<SmallVector<int64_t>> v = producer.getConstantInts(i);
  if (failed(v) || v->size() != 1) {
    reader.emitError() << "reads a sequence whose position (input " << i
                       << " of node '" << producer.name
                       << "') is not known at import";
    return failure();
  }
  return (*v)[0];
}

/// The chunks SplitToSequence makes of its input along `axis`: their
/// offsets and extents. Fails (with a diagnostic at `reader`) where they are
/// not known at import; `countOnly` asks only for how many (a split list
/// given at run time still has a static length).
FailureOr<SmallVector<std::pair<int64_t, int64_t>>>
splitChunks(ImportNode &reader, ImportNode &split, int64_t &axis,
            bool countOnly) {
  RankedTensorType x = split.inputType(0);
  FailureOr<int64_t> a = split.getInt("axis", 0);
  if (failed(a))
    return failure();
  if (!x) {
    reader.emitError() << "reads a sequence split from an input of unknown "
                          "rank (node '"
                       << split.name << "')";
    return failure();
  }
  axis = *a < 0 ? *a + x.getRank() : *a;
  if (axis < 0 || axis >= x.getRank()) {
    reader.emitError() << "reads a sequence split along axis " << *a
                       << ", out of range for rank " << x.getRank();
    return failure();
  }
  int64_t extent = x.getDimSize(axis);
  SmallVector<std::pair<int64_t, int64_t>> chunks;
  RankedTensorType s = split.hasInput(1) ? split.inputType(1) : nullptr;
  if (countOnly && s && s.getRank() == 1 && !s.isDynamicDim(0)) {
    chunks.resize(s.getDimSize(0));
    return chunks;
  }
  if (ShapedType::isDynamic(extent)) {
    reader.emitError() << "reads a sequence split along a dimension known "
                          "only at run time (node '"
                       << split.name << "')";
    return failure();
  }
  if (!split.hasInput(1)) {
    for (int64_t i = 0; i < extent; ++i)
      chunks.push_back({i, 1});
    return chunks;
  }
  FailureOr<SmallVector<int64_t>> sizes = split.getConstantInts(1);
  if (failed(sizes) || sizes->empty()) {
    reader.emitError() << "reads a sequence whose split sizes (node '"
                       << split.name << "') are not known at import";
    return failure();
  }
  if (s && s.getRank() == 0) { // one chunk size; the last chunk is smaller
    int64_t c = (*sizes)[0];
    if (c < 1) {
      reader.emitError() << "reads a sequence split in chunks of " << c;
      return failure();
    }
    for (int64_t i = 0; i < extent; i += c)
      chunks.push_back({i, std::min(c, extent - i)});
    return chunks;
  }
  int64_t offset = 0;
  for (int64_t size : *sizes) {
    if (size < 0) {
      reader.emitError() << "reads a sequence split with a negative size";
      return failure();
    }
    chunks.push_back({offset, size});
    offset += size;
  }
  if (offset != extent) {
    reader.emitError() << "reads a sequence split into sizes summing to "
                       << offset << ", not the extent " << extent;
    return failure();
  }
  return chunks;
}

/// The tensors `seq` holds, followed back through its producers; with
/// `countOnly`, placeholders (null values) of the right number. Fails with a
/// diagnostic at `reader` where the sequence is not known at import.
FailureOr<SmallVector<Value>> resolve(ImportNode &reader,
                                      PatternRewriter &rewriter, Value seq,
                                      bool countOnly) {
  auto op = seq.getDefiningOp<NodeOp>();
  if (!op || op.getFramework() != "onnx") {
    reader.emitError() << "reads a sequence that is not built by sequence "
                          "nodes in the graph (a graph input, a loop-carried "
                          "or branch value)";
    return failure();
  }
  ImportNode producer(op);
  StringRef type = producer.opType;
  if (type == "SequenceEmpty")
    return SmallVector<Value>();
  if (type == "SequenceConstruct")
    return SmallVector<Value>(producer.inputs);
  if (type == "Identity" && producer.hasInput(0))
    return resolve(reader, rewriter, producer.input(0), countOnly);
  if (type == "SequenceInsert" || type == "SequenceErase") {
    if (!producer.hasInput(0) ||
        (type == "SequenceInsert" && !producer.hasInput(1))) {
      reader.emitError() << "reads a sequence from node '" << producer.name
                         << "', which lacks an input";
      return failure();
    }
    FailureOr<SmallVector<Value>> base =
        resolve(reader, rewriter, producer.input(0), countOnly);
    if (failed(base))
      return failure();
    int64_t n = base->size();
    bool insert = type == "SequenceInsert";
    FailureOr<int64_t> pos =
        position(reader, producer, insert ? 2 : 1, insert ? n : -1);
    if (failed(pos))
      return failure();
    int64_t p = *pos < 0 ? *pos + n : *pos;
    if (p < 0 || p > n - (insert ? 0 : 1)) {
      reader.emitError() << "reads a sequence of " << n
                         << " tensors at position " << *pos << " (node '"
                         << producer.name << "')";
      return failure();
    }
    if (insert)
      base->insert(base->begin() + p, producer.input(1));
    else
      base->erase(base->begin() + p);
    return base;
  }
  if (type == "SplitToSequence") {
    int64_t axis = 0;
    FailureOr<SmallVector<std::pair<int64_t, int64_t>>> chunks =
        splitChunks(reader, producer, axis, countOnly);
    if (failed(chunks))
      return failure();
    if (countOnly)
      return SmallVector<Value>(chunks->size());
    FailureOr<int64_t> keepDims = producer.getInt("keepdims", 1);
    if (failed(keepDims))
      return failure();
    // Without split sizes and with keepdims 0, each chunk loses the axis.
    bool squeeze = !producer.hasInput(1) && *keepDims == 0;
    SmallVector<Value> parts;
    for (auto [offset, size] : *chunks) {
      SmallVector<int64_t> idx;
      for (int64_t i = 0; i < size; ++i)
        idx.push_back(offset + i);
      Value at = squeeze ? scalarConstant(rewriter, reader.loc,
                                          rewriter.getI64Type(), offset)
                         : i64VectorConstant(rewriter, reader.loc, idx);
      FailureOr<Value> part = build<GatherOp>(
          rewriter, reader, producer.input(0), at, i64(rewriter, axis));
      if (failed(part))
        return failure();
      parts.push_back(*part);
    }
    return parts;
  }
  reader.emitError() << "reads a sequence made by node '" << producer.name
                     << "' (onnx." << type << "), which import cannot resolve";
  return failure();
}

/// SequenceAt: the tensor at a position known at import.
RuleResult sequenceAt(ImportNode &node, PatternRewriter &rewriter) {
  FailureOr<SmallVector<Value>> items =
      resolve(node, rewriter, node.input(0), /*countOnly=*/false);
  if (failed(items))
    return RuleResult::Failed;
  FailureOr<SmallVector<int64_t>> pos = node.getConstantInts(1);
  if (failed(pos) || pos->size() != 1) {
    node.emitError() << "position is not known at import";
    return RuleResult::Failed;
  }
  int64_t n = items->size(), p = (*pos)[0] < 0 ? (*pos)[0] + n : (*pos)[0];
  if (p < 0 || p >= n) {
    node.emitError() << "position " << (*pos)[0]
                     << " is out of range for a sequence of " << n
                     << " tensors";
    return RuleResult::Failed;
  }
  return node.replaceWith(rewriter, (*items)[p]);
}

/// SequenceLength: a constant.
RuleResult sequenceLength(ImportNode &node, PatternRewriter &rewriter) {
  FailureOr<SmallVector<Value>> items =
      resolve(node, rewriter, node.input(0), /*countOnly=*/true);
  if (failed(items))
    return RuleResult::Failed;
  return node.replaceWith(
      rewriter,
      scalarConstant(rewriter, node.loc, rewriter.getI64Type(), items->size()));
}

/// ConcatFromSequence: the tensors concatenated along `axis`, or stacked
/// along a new one (new_axis 1).
RuleResult concatFromSequence(ImportNode &node, PatternRewriter &rewriter) {
  FailureOr<int64_t> axis = node.getInt("axis"),
                     newAxis = node.getInt("new_axis", 0);
  if (failed(axis) || failed(newAxis))
    return RuleResult::Failed;
  FailureOr<SmallVector<Value>> items =
      resolve(node, rewriter, node.input(0), /*countOnly=*/false);
  if (failed(items))
    return RuleResult::Failed;
  if (items->empty()) {
    node.emitError() << "concatenates an empty sequence";
    return RuleResult::Failed;
  }
  auto first = dyn_cast<RankedTensorType>((*items)[0].getType());
  if (!first) {
    node.emitError() << "concatenates tensors of unknown rank";
    return RuleResult::Failed;
  }
  int64_t rank = first.getRank() + (*newAxis ? 1 : 0);
  int64_t a = *axis < 0 ? *axis + rank : *axis;
  if (a < 0 || a >= rank) {
    node.emitError() << "axis " << *axis << " is out of range for rank "
                     << rank;
    return RuleResult::Failed;
  }
  SmallVector<Value> parts;
  for (Value v : *items) {
    auto t = dyn_cast<RankedTensorType>(v.getType());
    if (!t) {
      node.emitError() << "concatenates tensors of unknown rank";
      return RuleResult::Failed;
    }
    if (*newAxis) {
      SmallVector<int64_t> shape(t.getShape());
      shape.insert(shape.begin() + a, 1);
      FailureOr<Value> r = reshapeTo(rewriter, node, v, shape);
      if (failed(r)) {
        node.emitError() << "cannot stack " << t
                         << " (more than one dimension known only at run "
                            "time)";
        return RuleResult::Failed;
      }
      v = *r;
    }
    parts.push_back(v);
  }
  return replace(rewriter, node,
                 parts.size() == 1
                     ? FailureOr<Value>(parts[0])
                     : build<ConcatOp>(rewriter, node, ValueRange(parts),
                                       i64(rewriter, a)));
}

} // namespace

void mlir::nd4j::onnx_rules::registerOnnxSequenceRules(const AddRuleFn &add) {
  add("SequenceAt", sequenceAt);
  add("SequenceLength", sequenceLength);
  add("ConcatFromSequence", concatFromSequence);
}
