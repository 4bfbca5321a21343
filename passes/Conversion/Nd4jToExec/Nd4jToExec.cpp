//===- Nd4jToExec.cpp - typed nd4j ops to nd4j_exec
//-------------------------===//
//
// The nd4j → nd4j_exec legalization. One generic pattern serves every typed
// op: it looks the op up in the descriptor table generated from ODS and
// fills the ordered argument lists from the named attributes. Adding an op
// never touches this file.
//
//===----------------------------------------------------------------------===//

#include "passes/Conversion/Passes.h"

#include "dialects/Common/OpDescriptor.h"
#include "dialects/Exec/IR/ExecOps.h"
#include "dialects/Nd4j/IR/Nd4jOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Transforms/DialectConversion.h"

namespace mlir {
namespace nd4j {
#define GEN_PASS_DEF_CONVERTND4JTOEXECPASS
#include "passes/Conversion/Passes.h.inc"
} // namespace nd4j
} // namespace mlir

using namespace mlir;
using namespace mlir::nd4j;

namespace {

/// The name under which `value` is first (lowest operand index) listed as a
/// graph output, if it is one; its producing node's output takes that name.
StringAttr getOutputName(Value value) {
  std::optional<unsigned> first;
  OutputOp output;
  for (OpOperand &use : value.getUses())
    if (auto out = dyn_cast<OutputOp>(use.getOwner());
        out && (!first || use.getOperandNumber() < *first)) {
      first = use.getOperandNumber();
      output = out;
    }
  return first ? cast<StringAttr>(output.getNames()[*first]) : StringAttr();
}

/// The ordered argument lists being filled for one node.
struct SlotValues {
  SmallVector<double> t;
  SmallVector<int64_t> i;
  SmallVector<bool> b;
  SmallVector<Attribute> d, s;
};

LogicalResult appendInts(Attribute attr, SmallVectorImpl<int64_t> &out) {
  if (auto v = dyn_cast<IntegerAttr>(attr)) {
    out.push_back(v.getType().isInteger(1) ? v.getValue().getZExtValue()
                                           : v.getValue().getSExtValue());
    return success();
  }
  if (auto v = dyn_cast<DenseI64ArrayAttr>(attr))
    return llvm::append_range(out, v.asArrayRef()), success();
  if (auto v = dyn_cast<DenseI32ArrayAttr>(attr))
    return llvm::append_range(out, v.asArrayRef()), success();
  if (auto v = dyn_cast<DenseBoolArrayAttr>(attr))
    return llvm::append_range(out, v.asArrayRef()), success();
  if (auto v = dyn_cast<ArrayAttr>(attr)) {
    for (Attribute e : v)
      if (failed(appendInts(e, out)) || isa<ArrayAttr>(e))
        return failure();
    return success();
  }
  return failure();
}

/// Appends the slots `attr` fills in the list of kind `kind`; fails, without
/// a diagnostic (the caller names the op and attribute), when the attribute
/// cannot fill such slots.
LogicalResult appendSlots(Attribute attr, ArgKind kind, SlotValues &out) {
  switch (kind) {
  case ArgKind::T:
    if (auto v = dyn_cast<FloatAttr>(attr))
      return out.t.push_back(v.getValueAsDouble()), success();
    if (auto v = dyn_cast<DenseF64ArrayAttr>(attr))
      return llvm::append_range(out.t, v.asArrayRef()), success();
    if (auto v = dyn_cast<DenseF32ArrayAttr>(attr))
      return llvm::append_range(out.t, v.asArrayRef()), success();
    return failure();
  case ArgKind::I:
    return appendInts(attr, out.i);
  case ArgKind::B: {
    SmallVector<int64_t> ints;
    if (failed(appendInts(attr, ints)))
      return failure();
    for (int64_t v : ints)
      out.b.push_back(v != 0);
    return success();
  }
  case ArgKind::D:
    if (isa<TypeAttr>(attr))
      return out.d.push_back(attr), success();
    if (auto v = dyn_cast<ArrayAttr>(attr)) {
      for (Attribute e : v)
        if (!isa<TypeAttr>(e))
          return failure();
      return llvm::append_range(out.d, v.getValue()), success();
    }
    return failure();
  case ArgKind::S:
    if (isa<StringAttr>(attr))
      return out.s.push_back(attr), success();
    if (auto v = dyn_cast<ArrayAttr>(attr)) {
      for (Attribute e : v)
        if (!isa<StringAttr>(e))
          return failure();
      return llvm::append_range(out.s, v.getValue()), success();
    }
    return failure();
  }
  llvm_unreachable("arg kind");
}

/// Unique FlatNode names for one conversion: the first node of a name keeps
/// it, later ones get "_1", "_2", ...
struct NodeNames {
  StringAttr unique(StringAttr name, Builder &b) {
    if (!name || used.insert({name.getValue(), 1}).second)
      return name;
    // The count remembers where the search for a free suffix resumes.
    for (unsigned next = used[name.getValue()];; ++next) {
      std::string candidate = (name.getValue() + "_" + Twine(next)).str();
      if (used.insert({candidate, 1}).second) {
        used[name.getValue()] = next + 1;
        return b.getStringAttr(candidate);
      }
    }
  }
  llvm::StringMap<unsigned> used;
};

/// Any typed nd4j op with a declared descriptor → one nd4j_exec.node.
/// Node names come from locations; when a rule expanded one framework node
/// into several ops, the later ones get "_1", "_2", ... so FlatNode names
/// stay unique.
struct DescriptorOpLowering : public ConversionPattern {
  DescriptorOpLowering(MLIRContext *ctx, std::shared_ptr<NodeNames> names)
      : ConversionPattern(MatchAnyOpTypeTag(), /*benefit=*/1, ctx),
        names(std::move(names)) {}
  std::shared_ptr<NodeNames> names;

  LogicalResult
  matchAndRewrite(Operation *op, ArrayRef<Value> operands,
                  ConversionPatternRewriter &rewriter) const override {
    const OpDescriptor *desc =
        lookupDescriptorByOpName(op->getName().getStringRef());
    if (!desc)
      return rewriter.notifyMatchFailure(op, "no libnd4j descriptor");

    SlotValues slots;
    for (unsigned k = 0; k < kNumArgKinds; ++k) {
      ArgKind kind = static_cast<ArgKind>(k);
      for (const ArgSpec &spec : desc->getArgs(kind)) {
        Attribute attr = op->getAttr(spec.attrName);
        if (!attr) {
          if (spec.arity == ArgSpec::Optional)
            continue;
          return op->emitOpError("has no '") << spec.attrName << "' for its "
                                             << getArgKindName(kind) << " slot";
        }
        if (failed(appendSlots(attr, kind, slots)))
          return op->emitOpError("attribute '")
                 << spec.attrName << "' = " << attr << " cannot fill "
                 << getArgKindName(kind) << " slots";
      }
    }
    SmallVector<int64_t> axis;
    if (!desc->axisArg.empty()) {
      Attribute attr = op->getAttr(desc->axisArg);
      if (attr && failed(appendInts(attr, axis)))
        return op->emitOpError("attribute '")
               << desc->axisArg << "' cannot fill the axis list";
    }

    // Results that are graph outputs take the output's name.
    SmallVector<Attribute> outputNames;
    bool anyNamed = false;
    for (Value result : op->getResults()) {
      StringAttr name = getOutputName(result);
      anyNamed |= static_cast<bool>(name);
      outputNames.push_back(name ? name : rewriter.getStringAttr(""));
    }

    Builder &b = rewriter;
    auto node = exec::NodeOp::create(
        rewriter, op->getLoc(), op->getResultTypes(),
        b.getStringAttr(desc->libnd4jName),
        exec::OpTypeAttr::get(b.getContext(), desc->opType), operands,
        slots.t.empty() ? nullptr : b.getDenseF64ArrayAttr(slots.t),
        slots.i.empty() ? nullptr : b.getDenseI64ArrayAttr(slots.i),
        slots.b.empty() ? nullptr : b.getDenseBoolArrayAttr(slots.b),
        slots.d.empty() ? nullptr : b.getArrayAttr(slots.d),
        slots.s.empty() ? nullptr : b.getArrayAttr(slots.s),
        axis.empty() ? nullptr : b.getDenseI64ArrayAttr(axis),
        /*scalar=*/nullptr,
        desc->opType == exec::OpType::CUSTOM
            ? nullptr
            : b.getI64IntegerAttr(desc->legacyOpNum),
        names->unique(getNodeName(op->getLoc()), b),
        anyNamed ? b.getArrayAttr(outputNames) : nullptr);
    rewriter.replaceOp(op, node->getResults());
    return success();
  }
};

struct GraphLowering : public OpConversionPattern<GraphOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(GraphOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto graph = exec::GraphOp::create(rewriter, op.getLoc(),
                                       op.getSymNameAttr(), nullptr, nullptr);
    rewriter.inlineRegionBefore(op.getBody(), graph.getBody(),
                                graph.getBody().end());
    rewriter.eraseOp(op);
    return success();
  }
};

/// Graph outputs are named by the node that produces them. An output that
/// is a placeholder or constant, or a value listed again under another name,
/// has no node of its own to carry the name: an `identity` node does.
/// The identity node is named for its output, so that every node of a
/// converted graph has a name (FlatNode.name) that survives a FlatBuffers
/// round trip.
struct OutputLowering : public OpConversionPattern<OutputOp> {
  OutputLowering(MLIRContext *ctx, std::shared_ptr<NodeNames> names)
      : OpConversionPattern(ctx), names(std::move(names)) {}
  std::shared_ptr<NodeNames> names;
  LogicalResult
  matchAndRewrite(OutputOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    SmallVector<Value> results;
    for (auto [i, original, converted, name] :
         llvm::enumerate(op.getOutputs(), adaptor.getOutputs(),
                         op.getNames().getAsRange<StringAttr>())) {
      Operation *producer = original.getDefiningOp();
      bool namedByProducer =
          producer &&
          lookupDescriptorByOpName(producer->getName().getStringRef()) &&
          getOutputName(original) == name;
      if (namedByProducer) {
        results.push_back(converted);
        continue;
      }
      auto identity = exec::NodeOp::create(
          rewriter, op.getLoc(), converted.getType(),
          rewriter.getStringAttr("identity"),
          exec::OpTypeAttr::get(getContext(), exec::OpType::CUSTOM), converted,
          nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr,
          nullptr, names->unique(name, rewriter),
          rewriter.getArrayAttr({name}));
      results.push_back(identity.getResult(0));
    }
    rewriter.replaceOpWithNewOp<exec::ReturnOp>(op, results);
    return success();
  }
};

struct PlaceholderLowering : public OpConversionPattern<PlaceholderOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(PlaceholderOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto placeholder = rewriter.replaceOpWithNewOp<exec::PlaceholderOp>(
        op, op.getType(), op.getNameAttr());
    // ONNX dim_param names travel to the lowering, which checks them.
    if (Attribute names = op->getAttr("dim_names"))
      placeholder->setAttr("dim_names", names);
    return success();
  }
};

/// Constants keep their model name; unnamed ones are numbered, so that every
/// FlatVariable has a name. A name that a graph output or an earlier
/// constant already holds (an import rule may build several constants for
/// one node) gets a "_1", "_2", ... suffix: variable names are unique.
struct ConstantLowering : public OpConversionPattern<ConstantOp> {
  ConstantLowering(MLIRContext *ctx)
      : OpConversionPattern(ctx), counter(std::make_shared<unsigned>(0)),
        names(std::make_shared<NodeNames>()),
        seeded(std::make_shared<DenseSet<Operation *>>()) {}
  LogicalResult
  matchAndRewrite(ConstantOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    // Output names belong to the values they name (or their identity
    // nodes), so constants stay clear of them.
    if (Operation *graph = op->getParentOp();
        graph && seeded->insert(graph).second)
      graph->walk([&](OutputOp out) {
        for (Attribute n : out.getNames())
          names->unique(cast<StringAttr>(n), rewriter);
      });
    StringAttr name = op.getNameAttr();
    if (!name)
      name = rewriter.getStringAttr("constant_" + std::to_string((*counter)++));
    name = names->unique(name, rewriter);
    rewriter.replaceOpWithNewOp<exec::ConstantOp>(op, op.getType(), name,
                                                  op.getValue());
    return success();
  }
  std::shared_ptr<unsigned> counter;
  std::shared_ptr<NodeNames> names;
  std::shared_ptr<DenseSet<Operation *>> seeded;
};

/// nd4j.if/while and their terminators → the nd4j_exec ops of the same
/// meaning; the regions move over as they are (their ops convert in turn).
template <typename FromOp, typename ToOp>
struct StructuredLowering : public OpConversionPattern<FromOp> {
  using OpConversionPattern<FromOp>::OpConversionPattern;
  LogicalResult
  matchAndRewrite(FromOp op, typename FromOp::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    OperationState state(op.getLoc(), ToOp::getOperationName());
    state.addOperands(adaptor.getOperands());
    state.addTypes(op->getResultTypes());
    for (NamedAttribute a : op->getDiscardableAttrs())
      state.addAttribute(a.getName(), a.getValue());
    for (unsigned i = 0; i < op->getNumRegions(); ++i)
      state.addRegion();
    Operation *created = rewriter.create(state);
    for (auto [from, to] : llvm::zip(op->getRegions(), created->getRegions()))
      rewriter.inlineRegionBefore(from, to, to.end());
    rewriter.replaceOp(op, created->getResults());
    return success();
  }
};

struct ConvertNd4jToExecPass
    : public nd4j::impl::ConvertNd4jToExecPassBase<ConvertNd4jToExecPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    // Report every framework node no rule handled, not only the first.
    bool unhandled = false;
    module.walk([&](NodeOp node) {
      StringAttr name = getNodeName(node.getLoc());
      node.emitError("no import rule handles ")
          << node.getFramework() << " node '"
          << (name ? name.getValue() : StringRef("<unnamed>"))
          << "' of op type '" << node.getOpType() << "'";
      unhandled = true;
    });
    if (unhandled)
      return signalPassFailure();
    // Constants inside control-flow regions (ONNX branch initializers) are
    // graph variables: they move to the top of their graph.
    module.walk([](ConstantOp c) {
      auto graph = c->getParentOfType<GraphOp>();
      if (graph && c->getParentOp() != graph)
        c->moveBefore(&graph.getBody().front().front());
    });

    ConversionTarget target(getContext());
    target.addLegalDialect<exec::ExecDialect>();
    target.addIllegalDialect<Nd4jDialect>();
    // Whatever surrounds the graphs (module, other dialects) stays as is.
    target.markUnknownOpDynamicallyLegal([](Operation *) { return true; });
    RewritePatternSet patterns(&getContext());
    populateNd4jToExecPatterns(patterns);
    // Folding (e.g. of identity) would drop nodes that carry output names.
    ConversionConfig config;
    config.foldingMode = DialectConversionFoldingMode::Never;
    if (failed(
            applyFullConversion(module, target, std::move(patterns), config)))
      signalPassFailure();
  }
};
} // namespace

void mlir::nd4j::populateNd4jToExecPatterns(RewritePatternSet &patterns) {
  auto names = std::make_shared<NodeNames>();
  patterns.add<DescriptorOpLowering, OutputLowering>(patterns.getContext(),
                                                     names);
  patterns.add<GraphLowering, PlaceholderLowering, ConstantLowering,
               StructuredLowering<IfOp, exec::IfOp>,
               StructuredLowering<WhileOp, exec::WhileOp>,
               StructuredLowering<ConditionOp, exec::ConditionOp>,
               StructuredLowering<YieldOp, exec::YieldOp>>(
      patterns.getContext());
}
