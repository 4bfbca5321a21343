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
  /// Whether the node's results are the stacks as built ([N, row...]), so
  /// that their declared types may refine the rows (not where the stacks
  /// are permuted or batched afterwards).
  bool declaredStacks = true;
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
    auto stack =
        parts.declaredStacks
            ? dyn_cast<RankedTensorType>(node.resultType(numStates + k))
            : RankedTensorType();
    if (t && stack && stack.getRank() == t.getRank() + 1 &&
        joinTypes(RankedTensorType::get(stack.getShape().drop_front(),
                                        t.getElementType()),
                  t))
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

/// The loop of one Scan over `scanInputs` (each scanned along axis 0,
/// forward): the trip count is their first extent (the first one's, read at
/// run time where it is not static), the body takes (states..., one slice
/// of each). Returns (final states..., stacks [N, ...]...).
FailureOr<SmallVector<Value>> scanLoop(ImportNode &node,
                                       PatternRewriter &rewriter,
                                       Region &bodyRegion, LoopParts &parts,
                                       ArrayRef<Value> scanInputs) {
  unsigned numStates = parts.states.size();
  auto first = cast<RankedTensorType>(scanInputs[0].getType());
  if (first.isDynamicDim(0)) {
    // A length known only at run time: read from the shape.
    OpChain o{rewriter, node};
    Value shape =
        o.op<ShapeOfOp>(scanInputs[0], TypeAttr::get(rewriter.getI64Type()));
    parts.tripCount = o.op<GatherOp>(shape, scalarI64(rewriter, node.loc, 0),
                                     i64(rewriter, 0));
    if (!o.ok)
      return failure();
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
      buildLoop(node, rewriter, bodyRegion, parts, bind,
                /*stateArgOffset=*/0, /*condOutputs=*/0);
  if (failed(results) || first.isDynamicDim(0))
    return results;
  // A static length gives stacks of a static size.
  for (Value &stack : MutableArrayRef(*results).drop_front(numStates)) {
    SmallVector<int64_t> shape(
        cast<RankedTensorType>(stack.getType()).getShape());
    shape[0] = first.getDimSize(0);
    FailureOr<Value> sized = reshapeTo(rewriter, node, stack, shape);
    if (failed(sized))
      return failure();
    stack = *sized;
  }
  return results;
}

/// `v` with dimension `from` moved to position `to` (the others keep their
/// order), and reversed along it first when `reverse`.
FailureOr<Value> moveAxis(PatternRewriter &rewriter, ImportNode &node, Value v,
                          int64_t from, int64_t to, bool reverse) {
  if (reverse) {
    FailureOr<Value> r = build<ReverseOp>(
        rewriter, node, v, rewriter.getDenseI64ArrayAttr({from}));
    if (failed(r))
      return failure();
    v = *r;
  }
  if (from == to)
    return v;
  int64_t rank = cast<RankedTensorType>(v.getType()).getRank();
  SmallVector<int64_t> perm;
  for (int64_t d = 0; d < rank; ++d)
    if (d != from)
      perm.push_back(d);
  perm.insert(perm.begin() + to, from);
  return build<PermuteOp>(rewriter, node, v,
                          rewriter.getDenseI64ArrayAttr(perm));
}

/// ONNX Scan. Opset 9+: inputs (states..., scan inputs...); each scan input
/// is scanned along its `scan_input_axes` entry (default 0), backwards where
/// its `scan_input_directions` entry is 1; the body takes (states..., one
/// slice of each) and yields (states..., scan outputs...), each stacked
/// along its `scan_output_axes` entry (reversed where its direction is 1).
/// Opset 8: inputs (sequence_lens, states..., scan inputs...) with a batch
/// axis 0 and the scan along axis 1 (`directions` per scan input): one loop
/// per batch element (a static batch; sequence_lens, which would end rows
/// early, must be absent), the results stacked along the batch.
RuleResult scanRule(ImportNode &node, PatternRewriter &rewriter) {
  Region *bodyRegion = getSubgraph(node, "body");
  bool batched = node.opset != 0 && node.opset < 9;
  FailureOr<int64_t> numScanInputs = node.getInt("num_scan_inputs");
  if (!bodyRegion || failed(numScanInputs))
    return RuleResult::Failed;
  if (batched && node.hasInput(0)) {
    node.emitError() << "Scan of opset " << node.opset
                     << " with sequence_lens is not supported (only "
                        "sequences of the full length)";
    return RuleResult::Failed;
  }
  unsigned firstState = batched ? 1 : 0;
  int64_t numStates =
      static_cast<int64_t>(node.getNumInputs()) - firstState - *numScanInputs;
  if (*numScanInputs < 1 || numStates < 0 ||
      node.getNumResults() < static_cast<unsigned>(numStates)) {
    node.emitError() << "has " << node.getNumInputs() << " inputs for "
                     << *numScanInputs << " scan inputs";
    return RuleResult::Failed;
  }
  unsigned numScanOutputs = node.getNumResults() - numStates;
  // Per scan input and output: the axis and whether it runs backwards.
  auto list = [&](StringRef attr, size_t n,
                  bool isDirection) -> FailureOr<SmallVector<int64_t>> {
    if (attr.empty()) // not an attribute of this opset: defaults
      return SmallVector<int64_t>(n, 0);
    FailureOr<SmallVector<int64_t>> v = node.getInts(attr, ArrayRef<int64_t>{});
    if (failed(v))
      return failure();
    if (v->empty())
      v->assign(n, 0);
    if (v->size() != n || (isDirection && llvm::any_of(*v, [](int64_t d) {
                             return d != 0 && d != 1;
                           }))) {
      node.emitError() << "'" << attr << "' must have " << n
                       << (isDirection ? " entries of 0 or 1" : " entries");
      return failure();
    }
    return v;
  };
  FailureOr<SmallVector<int64_t>> inAxes =
      list(batched ? "" : "scan_input_axes", *numScanInputs, false);
  FailureOr<SmallVector<int64_t>> inDirs = list(
      batched ? "directions" : "scan_input_directions", *numScanInputs, true);
  FailureOr<SmallVector<int64_t>> outAxes =
      list(batched ? "" : "scan_output_axes", numScanOutputs, false);
  FailureOr<SmallVector<int64_t>> outDirs =
      list(batched ? "" : "scan_output_directions", numScanOutputs, true);
  if (failed(inAxes) || failed(inDirs) || failed(outAxes) || failed(outDirs))
    return RuleResult::Failed;

  SmallVector<Value> states, scanInputs;
  for (unsigned i = firstState; i < node.getNumInputs(); ++i) {
    auto t = node.inputType(i);
    bool scanned = i >= firstState + numStates;
    int64_t minRank = (scanned ? 1 : 0) + (batched ? 1 : 0);
    if (!t || t.getRank() < minRank) {
      node.emitError() << "input " << i << " must be a ranked tensor of rank "
                       << minRank << " or more";
      return RuleResult::Failed;
    }
    (scanned ? scanInputs : states).push_back(node.input(i));
  }

  if (!batched) {
    // `v` with its scan axis `axis` (negative from the end) moved to the
    // front (an input) or from the front to it (an output), reversed along
    // the scan where `reverse`.
    auto move = [&](Value &v, int64_t axis, bool toFront, bool reverse,
                    StringRef what) {
      int64_t rank = cast<RankedTensorType>(v.getType()).getRank();
      int64_t a = axis < 0 ? axis + rank : axis;
      if (a < 0 || a >= rank) {
        node.emitError() << "scan " << what << " axis " << axis
                         << " is out of range for rank " << rank;
        return failure();
      }
      FailureOr<Value> moved = toFront
                                   ? moveAxis(rewriter, node, v, a, 0, reverse)
                                   : moveAxis(rewriter, node, v, 0, a, reverse);
      if (failed(moved))
        return failure();
      v = *moved;
      return success();
    };
    // Each scan input with its scan axis first, forwards.
    for (size_t k = 0; k < scanInputs.size(); ++k)
      if (failed(move(scanInputs[k], (*inAxes)[k], /*toFront=*/true,
                      (*inDirs)[k] == 1, "input")))
        return RuleResult::Failed;
    LoopParts parts;
    parts.states = states;
    parts.numScanOutputs = numScanOutputs;
    parts.declaredStacks =
        llvm::all_of(*outAxes, [](int64_t a) { return a == 0; });
    FailureOr<SmallVector<Value>> results =
        scanLoop(node, rewriter, *bodyRegion, parts, scanInputs);
    if (failed(results))
      return RuleResult::Failed;
    for (unsigned k = 0; k < numScanOutputs; ++k)
      if (failed(move((*results)[numStates + k], (*outAxes)[k],
                      /*toFront=*/false, (*outDirs)[k] == 1, "output")))
        return RuleResult::Failed;
    return node.replaceWith(rewriter, *results);
  }

  // Opset 8: one loop per batch element, each with its own copy of the body.
  int64_t batch = ShapedType::kDynamic;
  for (Value v : llvm::concat<Value>(states, scanInputs)) {
    int64_t b = cast<RankedTensorType>(v.getType()).getDimSize(0);
    if (ShapedType::isDynamic(b) ||
        (!ShapedType::isDynamic(batch) && b != batch)) {
      node.emitError() << "Scan of opset " << node.opset
                       << " needs one static batch size, got " << v.getType();
      return RuleResult::Failed;
    }
    batch = b;
  }
  SmallVector<SmallVector<Value>> perRow(node.getNumResults());
  for (int64_t b = 0; b < batch; ++b) {
    OpChain o{rewriter, node};
    Value row = scalarI64(rewriter, node.loc, b);
    LoopParts parts;
    parts.numScanOutputs = numScanOutputs;
    parts.declaredStacks = false;
    for (Value s : states)
      parts.states.push_back(o.op<GatherOp>(s, row, i64(rewriter, 0)));
    SmallVector<Value> rows;
    for (auto [k, x] : llvm::enumerate(scanInputs)) {
      Value r = o.op<GatherOp>(x, row, i64(rewriter, 0));
      if (o.ok && (*inDirs)[k] == 1)
        r = o.op<ReverseOp>(r, rewriter.getDenseI64ArrayAttr({0}));
      rows.push_back(r);
    }
    if (!o.ok)
      return RuleResult::Failed;
    // The last batch element takes the body itself, the others a copy.
    Region copy;
    if (b + 1 < batch) {
      IRMapping mapping;
      bodyRegion->cloneInto(&copy, mapping);
    }
    FailureOr<SmallVector<Value>> results = scanLoop(
        node, rewriter, b + 1 < batch ? copy : *bodyRegion, parts, rows);
    if (failed(results))
      return RuleResult::Failed;
    for (auto [k, v] : llvm::enumerate(*results)) {
      auto t = cast<RankedTensorType>(v.getType());
      SmallVector<int64_t> one = {1};
      llvm::append_range(one, t.getShape());
      perRow[k].push_back(o.reshaped(v, one));
    }
    if (!o.ok)
      return RuleResult::Failed;
  }
  SmallVector<Value> results;
  OpChain o{rewriter, node};
  for (auto &rows : perRow)
    results.push_back(rows.size() == 1
                          ? rows.front()
                          : o.op<ConcatOp>(ValueRange(rows), i64(rewriter, 0)));
  if (!o.ok)
    return RuleResult::Failed;
  return node.replaceWith(rewriter, results);
}

} // namespace

void mlir::nd4j::onnx_rules::registerOnnxControlFlowRules(
    const AddRuleFn &add) {
  add("If", ifRule);
  add("Loop", loopRule);
  add("Scan", scanRule);
}
