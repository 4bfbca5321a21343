//===- OnnxControlFlowRules.cpp - ONNX If, Loop and Scan -----------------===//
//
// Subgraphs become regions of nd4j.if / nd4j.while. The rules run after the
// rules of the subgraphs' own nodes (post-order), so the regions hold typed
// ops already; a rule moves them, replaces the subgraph's `nd4j.output` by
// the region's terminator and adds the loop bookkeeping (iteration count,
// trip-count test, scan outputs stacked by concatenation).
//
//===----------------------------------------------------------------------===//

#include "passes/Import/ONNX/OnnxRuleUtils.h"

#include "dialects/Common/ControlFlow.h"

#include "mlir/IR/IRMapping.h"

using namespace mlir;
using namespace mlir::nd4j;
using namespace mlir::nd4j::onnx_rules;

namespace {

/// The region a graph-valued attribute names (its index among the node's
/// regions), or null after an error at the node.
Region *getSubgraph(ImportNode &node, StringRef attr) {
  auto index = dyn_cast_or_null<IntegerAttr>(node.attrs.get(attr));
  if (!index || index.getInt() < 0 ||
      index.getInt() >= static_cast<int64_t>(node.op->getNumRegions()) ||
      node.op->getRegion(index.getInt()).empty()) {
    node.emitError() << "has no '" << attr << "' subgraph";
    return nullptr;
  }
  return &node.op->getRegion(index.getInt());
}

/// The least general type both `a` and `b` are instances of: equal dims
/// stay, differing ones become `?`; ranks that differ (or an unranked side)
/// give an unranked type. Null when the element types differ.
Type joinTypes(Type a, Type b) {
  auto ta = dyn_cast<TensorType>(a), tb = dyn_cast<TensorType>(b);
  if (!ta || !tb || ta.getElementType() != tb.getElementType())
    return Type();
  if (!ta.hasRank() || !tb.hasRank() || ta.getRank() != tb.getRank())
    return UnrankedTensorType::get(ta.getElementType());
  SmallVector<int64_t> dims;
  for (auto [x, y] : llvm::zip(ta.getShape(), tb.getShape()))
    dims.push_back(x == y ? x : ShapedType::kDynamic);
  return RankedTensorType::get(dims, ta.getElementType());
}

/// The more precise of two compatible types (the declared result type may
/// know a size the branches do not, and the other way round).
Type meetTypes(Type declared, Type joined) {
  auto d = dyn_cast<RankedTensorType>(declared);
  auto j = dyn_cast<RankedTensorType>(joined);
  if (!d)
    return joined;
  if (!j)
    return declared;
  SmallVector<int64_t> dims;
  for (auto [x, y] : llvm::zip(d.getShape(), j.getShape()))
    dims.push_back(ShapedType::isDynamic(x) ? y : x);
  return RankedTensorType::get(dims, d.getElementType());
}

/// Replaces the subgraph terminator at the end of `block` by `nd4j.yield`
/// of `values` (its outputs when empty).
void yieldFrom(PatternRewriter &rewriter, Block &block,
               std::optional<SmallVector<Value>> values = std::nullopt) {
  auto out = cast<OutputOp>(block.getTerminator());
  rewriter.setInsertionPoint(out);
  YieldOp::create(rewriter, out.getLoc(),
                  values ? ValueRange(*values) : out.getOutputs());
  rewriter.eraseOp(out);
}

Value scalarI64(PatternRewriter &rewriter, Location loc, int64_t v) {
  auto type = RankedTensorType::get({}, rewriter.getI64Type());
  return ConstantOp::create(rewriter, loc, type,
                            DenseElementsAttr::get(type, v), StringAttr());
}

Value scalarBool(PatternRewriter &rewriter, Location loc, bool v) {
  auto type = RankedTensorType::get({}, rewriter.getI1Type());
  return ConstantOp::create(rewriter, loc, type,
                            DenseElementsAttr::get(type, v), StringAttr());
}

/// ONNX If: a constant condition inlines its branch; otherwise nd4j.if.
RuleResult ifRule(ImportNode &node, PatternRewriter &rewriter) {
  Region *thenRegion = getSubgraph(node, "then_branch");
  Region *elseRegion = thenRegion ? getSubgraph(node, "else_branch") : nullptr;
  if (!elseRegion)
    return RuleResult::Failed;
  SmallVector<OutputOp> outs;
  for (Region *r : {thenRegion, elseRegion}) {
    Block &block = r->front();
    if (block.getNumArguments() != 0) {
      node.emitError() << "a branch of If takes no inputs, this one takes "
                       << block.getNumArguments();
      return RuleResult::Failed;
    }
    auto out = dyn_cast<OutputOp>(block.getTerminator());
    if (!out || out.getOutputs().size() != node.getNumResults()) {
      node.emitError() << "a branch yields "
                       << (out ? out.getOutputs().size() : 0)
                       << " values for the node's " << node.getNumResults()
                       << " outputs";
      return RuleResult::Failed;
    }
    outs.push_back(out);
  }
  if (!node.hasInput(0)) {
    node.emitError() << "has no condition";
    return RuleResult::Failed;
  }

  // What folds, folds: a constant condition keeps one branch.
  if (FailureOr<SmallVector<int64_t>> c = node.getConstantInts(0);
      succeeded(c) && c->size() == 1) {
    Region *taken = (*c)[0] ? thenRegion : elseRegion;
    Block &block = taken->front();
    SmallVector<Value> values(
        cast<OutputOp>(block.getTerminator()).getOutputs());
    rewriter.eraseOp(block.getTerminator());
    rewriter.inlineBlockBefore(&block, node.op);
    return node.replaceWith(rewriter, values);
  }

  SmallVector<Type> types;
  for (unsigned i = 0; i < node.getNumResults(); ++i) {
    Type joined = joinTypes(outs[0].getOutputs()[i].getType(),
                            outs[1].getOutputs()[i].getType());
    if (!joined) {
      node.emitError() << "branches yield " << outs[0].getOutputs()[i].getType()
                       << " and " << outs[1].getOutputs()[i].getType()
                       << " for output " << i;
      return RuleResult::Failed;
    }
    types.push_back(meetTypes(node.resultType(i), joined));
  }
  auto ifOp = IfOp::create(rewriter, node.loc, types, node.input(0));
  for (auto [from, to] :
       {std::pair<Region *, Region *>{thenRegion, &ifOp.getThenRegion()},
        {elseRegion, &ifOp.getElseRegion()}}) {
    rewriter.inlineRegionBefore(*from, *to, to->end());
    yieldFrom(rewriter, to->front());
  }
  rewriter.setInsertionPointAfter(ifOp);
  return node.replaceWith(rewriter, ifOp.getResults());
}

/// Builds the loop shared by Loop and Scan: carried values (iteration
/// count, condition, states..., stacked scan outputs...), a condition
/// region testing `i < tripCount` (when given) and the condition, and a
/// body that runs `body` (its arguments bound by `bindArgs`) and appends
/// each scan output to its stack. Returns the states' and stacks' final
/// values.
struct LoopParts {
  Value tripCount; ///< tensor<i64>, or null (no limit)
  Value cond;      ///< tensor<i1> initial condition, or null (true)
  SmallVector<Value> states;
  unsigned numScanOutputs = 0;
};

FailureOr<SmallVector<Value>>
buildLoop(ImportNode &node, PatternRewriter &rewriter, Region &bodyRegion,
          LoopParts &parts,
          // Maps the body graph's arguments, given the loop's block arguments
          // (i, cond, states...) and a builder inside the body.
          function_ref<FailureOr<SmallVector<Value>>(ValueRange)> bindArgs,
          // The body's first state argument (2 for Loop, 0 for Scan).
          unsigned stateArgOffset,
          // How many leading body outputs are the condition (1 for Loop, 0 for
          // Scan) before the states.
          unsigned condOutputs) {
  Block &body = bodyRegion.front();
  auto out = cast<OutputOp>(body.getTerminator());
  unsigned numStates = parts.states.size();
  if (out.getOutputs().size() !=
      condOutputs + numStates + parts.numScanOutputs) {
    node.emitError() << "the body yields " << out.getOutputs().size()
                     << " values for " << condOutputs << " + " << numStates
                     << " + " << parts.numScanOutputs
                     << " (condition, states, scan outputs)";
    return failure();
  }
  Location loc = node.loc;
  Type i64Type = RankedTensorType::get({}, rewriter.getI64Type());
  Type i1Type = RankedTensorType::get({}, rewriter.getI1Type());

  // Carried types: a state's type joins its initial and next values', and
  // takes what the body declares for its input on top (a size the body
  // promises to keep, which the lowering checks at run time).
  SmallVector<Value> inits = {scalarI64(rewriter, loc, 0),
                              parts.cond ? parts.cond
                                         : scalarBool(rewriter, loc, true)};
  SmallVector<Type> types = {i64Type, i1Type};
  for (unsigned k = 0; k < numStates; ++k) {
    Type init = parts.states[k].getType();
    Type next = out.getOutputs()[condOutputs + k].getType();
    Type declared = stateArgOffset + k < body.getNumArguments()
                        ? body.getArgument(stateArgOffset + k).getType()
                        : Type();
    Type joined = joinTypes(init, next);
    if (!joined) {
      node.emitError() << "loop-carried value " << k << " starts as " << init
                       << " and becomes " << next;
      return failure();
    }
    auto ranked = dyn_cast_or_null<RankedTensorType>(declared);
    if (ranked && !isCompatibleCarriedType(init, declared)) {
      node.emitError() << "loop-carried value " << k << " starts as " << init
                       << " but the body declares " << declared;
      return failure();
    }
    Type carried = ranked ? (isa<RankedTensorType>(joined) &&
                                     cast<RankedTensorType>(joined).getRank() ==
                                         ranked.getRank()
                                 ? meetTypes(declared, joined)
                                 : declared)
                          : joined;
    if (!isa<RankedTensorType>(carried)) {
      node.emitError() << "loop-carried value " << k << " has no known rank ("
                       << init << ", then " << next << ")";
      return failure();
    }
    inits.push_back(parts.states[k]);
    types.push_back(carried);
  }
  // Scan outputs: a stack [0, ...] that each iteration appends to.
  for (unsigned k = 0; k < parts.numScanOutputs; ++k) {
    auto t = dyn_cast<RankedTensorType>(
        out.getOutputs()[condOutputs + numStates + k].getType());
    // The node's declared stack [N, ...] may know the row's size.
    auto stack = dyn_cast<RankedTensorType>(node.resultType(numStates + k));
    if (t && stack && stack.getRank() == t.getRank() + 1)
      t = cast<RankedTensorType>(
          meetTypes(RankedTensorType::get(stack.getShape().drop_front(),
                                          t.getElementType()),
                    t));
    if (!t || !t.hasStaticShape()) {
      node.emitError()
          << "scan output " << k << " has type "
          << out.getOutputs()[condOutputs + numStates + k].getType()
          << "; stacking needs a static shape";
      return failure();
    }
    SmallVector<int64_t> empty = {0};
    llvm::append_range(empty, t.getShape());
    auto emptyType = RankedTensorType::get(empty, t.getElementType());
    inits.push_back(ConstantOp::create(
        rewriter, loc, emptyType,
        DenseElementsAttr::get(emptyType, ArrayRef<Attribute>{}),
        StringAttr()));
    SmallVector<int64_t> stacked = {ShapedType::kDynamic};
    llvm::append_range(stacked, t.getShape());
    types.push_back(RankedTensorType::get(stacked, t.getElementType()));
  }

  auto loop = WhileOp::create(rewriter, loc, types, inits);
  SmallVector<Location> locs(types.size(), loc);
  Block *before = rewriter.createBlock(&loop.getBefore(), {}, types, locs);
  {
    Value go = before->getArgument(1);
    if (parts.tripCount) {
      FailureOr<Value> below = build<LessOp>(
          rewriter, node, before->getArgument(0), parts.tripCount);
      if (failed(below))
        return failure();
      go = *below;
      if (parts.cond || condOutputs) {
        FailureOr<Value> both =
            build<BooleanAndOp>(rewriter, node, *below, before->getArgument(1));
        if (failed(both))
          return failure();
        go = *both;
      }
    }
    ConditionOp::create(rewriter, loc, go, before->getArguments());
  }
  Block *after = rewriter.createBlock(&loop.getAfter(), {}, types, locs);
  FailureOr<SmallVector<Value>> bodyArgs = bindArgs(after->getArguments());
  if (failed(bodyArgs))
    return failure();
  if (bodyArgs->size() != body.getNumArguments()) {
    node.emitError() << "the body takes " << body.getNumArguments()
                     << " inputs, expected " << bodyArgs->size();
    return failure();
  }
  for (auto [arg, value] : llvm::zip(body.getArguments(), *bodyArgs)) {
    if (!isCompatibleCarriedType(value.getType(), arg.getType())) {
      node.emitError() << "the body's input " << arg.getArgNumber()
                       << " is declared " << arg.getType() << " but receives "
                       << value.getType();
      return failure();
    }
  }
  // Outputs that are the body's own inputs (an Identity of one) become the
  // values bound to them.
  SmallVector<Value> results;
  for (Value v : out.getOutputs()) {
    auto arg = dyn_cast<BlockArgument>(v);
    results.push_back(
        arg && arg.getOwner() == &body ? (*bodyArgs)[arg.getArgNumber()] : v);
  }
  rewriter.eraseOp(out);
  rewriter.inlineBlockBefore(&body, after, after->end(), *bodyArgs);
  rewriter.setInsertionPointToEnd(after);
  FailureOr<Value> nextI = build<AddOp>(rewriter, node, after->getArgument(0),
                                        scalarI64(rewriter, loc, 1));
  if (failed(nextI))
    return failure();
  SmallVector<Value> next = {*nextI,
                             condOutputs ? results[0] : after->getArgument(1)};
  for (unsigned k = 0; k < numStates; ++k)
    next.push_back(results[condOutputs + k]);
  for (unsigned k = 0; k < parts.numScanOutputs; ++k) {
    Value s = results[condOutputs + numStates + k];
    auto stackType = cast<RankedTensorType>(types[2 + numStates + k]);
    SmallVector<int64_t> one = {1};
    llvm::append_range(one, stackType.getShape().drop_front());
    FailureOr<Value> row = reshapeTo(rewriter, node, s, one);
    if (failed(row))
      return failure();
    FailureOr<Value> grown = build<ConcatOp>(
        rewriter, node, ValueRange{after->getArgument(2 + numStates + k), *row},
        i64(rewriter, 0));
    if (failed(grown))
      return failure();
    next.push_back(*grown);
  }
  // The body's values must fit the carried types (a stack grows: `?`).
  for (unsigned k = 0; k < numStates; ++k)
    if (!isCompatibleCarriedType(next[2 + k].getType(), types[2 + k])) {
      node.emitError() << "loop-carried value " << k << " becomes "
                       << next[2 + k].getType() << " in the body, "
                       << "incompatible with " << types[2 + k];
      return failure();
    }
  YieldOp::create(rewriter, loc, next);
  rewriter.setInsertionPointAfter(loop);
  return SmallVector<Value>(loop.getResults().drop_front(2));
}

/// ONNX Loop (opset 1+): `M` (trip count) and `cond` optional; the body
/// takes (iteration_num, cond, states...) and yields (cond, states...,
/// scan outputs...).
RuleResult loopRule(ImportNode &node, PatternRewriter &rewriter) {
  Region *bodyRegion = getSubgraph(node, "body");
  if (!bodyRegion)
    return RuleResult::Failed;
  LoopParts parts;
  parts.tripCount = node.input(0);
  parts.cond = node.input(1);
  for (unsigned i = 2; i < node.getNumInputs(); ++i) {
    if (!node.hasInput(i) || !node.inputType(i)) {
      node.emitError() << "loop-carried input " << i
                       << " must be a ranked tensor";
      return RuleResult::Failed;
    }
    parts.states.push_back(node.input(i));
  }
  if (node.getNumResults() < parts.states.size()) {
    node.emitError() << "has fewer outputs than loop-carried values";
    return RuleResult::Failed;
  }
  parts.numScanOutputs = node.getNumResults() - parts.states.size();
  for (Value v : {parts.tripCount, parts.cond}) {
    auto t = v ? dyn_cast<RankedTensorType>(v.getType()) : nullptr;
    if (v && (!t || t.getNumElements() != 1)) {
      node.emitError() << "trip count and condition must have one element, "
                          "got "
                       << v.getType();
      return RuleResult::Failed;
    }
  }
  // One-element [1] tensors become scalars for the comparisons.
  for (Value *v : {&parts.tripCount, &parts.cond})
    if (*v && cast<RankedTensorType>(v->getType()).getRank() != 0) {
      FailureOr<Value> s = reshapeTo(rewriter, node, *v, {});
      if (failed(s))
        return RuleResult::Failed;
      *v = *s;
    }
  Block &body = bodyRegion->front();
  auto bind = [&](ValueRange args) -> FailureOr<SmallVector<Value>> {
    SmallVector<Value> bound(args.take_front(2 + parts.states.size()));
    // A body that declares iteration_num or cond as [1] gets them so.
    for (unsigned k = 0; k < 2 && k < body.getNumArguments(); ++k) {
      auto t = dyn_cast<RankedTensorType>(body.getArgument(k).getType());
      if (t && t.getRank() == 1) {
        FailureOr<Value> r = reshapeTo(rewriter, node, bound[k], {1});
        if (failed(r))
          return failure();
        bound[k] = *r;
      }
    }
    return bound;
  };
  FailureOr<SmallVector<Value>> results =
      buildLoop(node, rewriter, *bodyRegion, parts, bind,
                /*stateArgOffset=*/2, /*condOutputs=*/1);
  if (failed(results))
    return RuleResult::Failed;
  return node.replaceWith(rewriter, *results);
}

/// ONNX Scan (opset 9+; axes and directions at their defaults): the body
/// takes (states..., one slice of each scan input along axis 0) and yields
/// (states..., scan outputs...), stacked along axis 0.
RuleResult scanRule(ImportNode &node, PatternRewriter &rewriter) {
  Region *bodyRegion = getSubgraph(node, "body");
  if (node.opset != 0 && node.opset < 9) {
    node.emitError() << "Scan of opset " << node.opset
                     << " (batched, with sequence_lens) is not supported";
    return RuleResult::Failed;
  }
  FailureOr<int64_t> numScanInputs = node.getInt("num_scan_inputs");
  if (!bodyRegion || failed(numScanInputs))
    return RuleResult::Failed;
  for (StringRef attr : {"scan_input_axes", "scan_input_directions",
                         "scan_output_axes", "scan_output_directions"}) {
    FailureOr<SmallVector<int64_t>> v = node.getInts(attr, ArrayRef<int64_t>{});
    if (failed(v))
      return RuleResult::Failed;
    if (llvm::any_of(*v, [](int64_t x) { return x != 0; })) {
      node.emitError() << "Scan with non-zero '" << attr
                       << "' is not supported yet";
      return RuleResult::Failed;
    }
  }
  int64_t numStates = node.getNumInputs() - *numScanInputs;
  if (*numScanInputs < 1 || numStates < 0 ||
      node.getNumResults() < static_cast<unsigned>(numStates)) {
    node.emitError() << "has " << node.getNumInputs() << " inputs for "
                     << *numScanInputs << " scan inputs";
    return RuleResult::Failed;
  }
  LoopParts parts;
  SmallVector<Value> scanInputs;
  for (unsigned i = 0; i < node.getNumInputs(); ++i) {
    auto t = node.inputType(i);
    if (!t || (i >= numStates && t.getRank() == 0)) {
      node.emitError() << "input " << i << " must be a ranked tensor"
                       << (i >= numStates ? " of rank 1 or more" : "");
      return RuleResult::Failed;
    }
    (i < numStates ? parts.states : scanInputs).push_back(node.input(i));
  }
  parts.numScanOutputs = node.getNumResults() - numStates;
  // The trip count: the scan inputs' first extent (the first one's).
  auto first = cast<RankedTensorType>(scanInputs[0].getType());
  if (first.isDynamicDim(0)) {
    // A length known only at run time: read from the shape.
    OpChain o{rewriter, node};
    Value shape =
        o.op<ShapeOfOp>(scanInputs[0], TypeAttr::get(rewriter.getI64Type()));
    parts.tripCount = o.op<GatherOp>(shape, scalarI64(rewriter, node.loc, 0),
                                     i64(rewriter, 0));
    if (!o.ok)
      return RuleResult::Failed;
  } else {
    parts.tripCount = scalarI64(rewriter, node.loc, first.getDimSize(0));
  }
  auto bind = [&](ValueRange args) -> FailureOr<SmallVector<Value>> {
    SmallVector<Value> bound(args.slice(2, numStates));
    for (Value x : scanInputs) {
      FailureOr<Value> slice =
          build<GatherOp>(rewriter, node, x, args[0], i64(rewriter, 0));
      if (failed(slice))
        return failure();
      bound.push_back(*slice);
    }
    return bound;
  };
  FailureOr<SmallVector<Value>> results =
      buildLoop(node, rewriter, *bodyRegion, parts, bind,
                /*stateArgOffset=*/0, /*condOutputs=*/0);
  if (failed(results))
    return RuleResult::Failed;
  return node.replaceWith(rewriter, *results);
}

} // namespace

void mlir::nd4j::onnx_rules::registerOnnxControlFlowRules(
    const AddRuleFn &add) {
  add("If", ifRule);
  add("Loop", loopRule);
  add("Scan", scanRule);
}
