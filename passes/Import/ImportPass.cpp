//===- ImportPass.cpp - apply import rules
//----------------------------------===//
//
// The driver: user rule files (PDL/PDLL) first, then the registry's C++ rules
// on every generic node once, in program order (folding what a rule built
// from small constants, so later rules see constants), then the report of
// every node left generic.
//
//===----------------------------------------------------------------------===//

#include "passes/Import/ImportFolding.h"
#include "passes/Import/ImportRules.h"
#include "passes/Import/Passes.h"
#include "passes/Import/RuleFiles.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Iterators.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace mlir {
namespace nd4j {
#define GEN_PASS_DEF_ND4JIMPORTRULESPASS
#include "passes/Import/Passes.h.inc"
} // namespace nd4j
} // namespace mlir

using namespace mlir;
using namespace mlir::nd4j;

namespace {
/// A loop imported before its inputs were typed (a TF frame: generic nodes
/// have unranked results unless the graph records shapes) takes its initial
/// values' types for carried values of unknown rank, before the rules see
/// its body. A value whose size changes between iterations then fails the
/// loop's verifier, naming it.
void refineCarriedTypes(Operation *op) {
  for (auto loop = op->getParentOfType<WhileOp>(); loop;
       loop = loop->getParentOfType<WhileOp>())
    for (auto [k, init] : llvm::enumerate(loop.getInits())) {
      Type t = init.getType();
      if (!isa<RankedTensorType>(t) ||
          isa<RankedTensorType>(loop.getResult(k).getType()))
        continue;
      loop.getResult(k).setType(t);
      loop.getBefore().getArgument(k).setType(t);
      loop.getAfter().getArgument(k).setType(t);
    }
}

/// Applies the registry's rules to one node: the first rule that replaces
/// it wins; rules that adjust the node pass the adjusted view on.
LogicalResult applyRules(const ImportRuleRegistry &registry, NodeOp op) {
  ImportNode node(op);
  SmallVector<const ImportRule *> rules =
      registry.lookup(node.framework, node.opType, node.opset, node.name);
  if (rules.empty())
    return success();
  PatternRewriter rewriter(op->getContext());
  rewriter.setInsertionPoint(op);
  // The ops a rule creates land between these two.
  Operation *before = op->getPrevNode();
  Block *block = op->getBlock();
  Block::iterator after = std::next(Block::iterator(op));
  for (const ImportRule *rule : rules) {
    switch (rule->fn(node, rewriter)) {
    case RuleResult::Replaced:
      foldImportedConstants(before ? std::next(Block::iterator(before))
                                   : block->begin(),
                            after, rewriter);
      return success();
    case RuleResult::Failed:
      return failure();
    case RuleResult::Continue:
    case RuleResult::NotApplicable:
      break;
    }
  }
  // No rule replaced the node: keep what the adjusting rules changed.
  if (node.inputs != SmallVector<Value>(op.getInputs()))
    op->setOperands(node.inputs);
  op.setAttrsAttr(node.attrs.getDictionary(op->getContext()));
  return success();
}
} // namespace

LogicalResult mlir::nd4j::applyImportRules(Operation *root,
                                           ArrayRef<std::string> ruleFiles,
                                           bool allowUnhandled) {
  ImportRuleRegistry &registry = getImportRuleRegistry();
  if (std::string err = registry.takeError(); !err.empty())
    return root->emitError(err);
  return applyImportRules(root, registry, ruleFiles, allowUnhandled);
}

LogicalResult mlir::nd4j::applyImportRules(Operation *root,
                                           const ImportRuleRegistry &registry,
                                           ArrayRef<std::string> ruleFiles,
                                           bool allowUnhandled) {
  MLIRContext *ctx = root->getContext();
  if (!ruleFiles.empty()) {
    FailureOr<FrozenRewritePatternSet> patterns = loadRuleFiles(ctx, ruleFiles);
    if (failed(patterns))
      return failure();
    GreedyRewriteConfig config;
    config.setMaxIterations(16);
    if (failed(applyPatternsGreedily(root, *patterns, config)))
      return root->emitError("user rule files did not converge in 16 "
                             "iterations; does a rule keep matching the node "
                             "it adjusted?");
  }

  // Collect first: rules erase and create ops. Post-order visits a node's
  // subgraphs before the node (so replacing it never leaves a visited node
  // dangling) and every definition before its uses.
  SmallVector<NodeOp> nodes;
  root->walk([&](NodeOp op) { nodes.push_back(op); });
  // A malformed node is reported and the import fails, but only after every
  // node has been tried, so that one run lists every problem.
  llvm::SmallPtrSet<Operation *, 4> malformed;
  for (NodeOp op : nodes) {
    refineCarriedTypes(op);
    if (failed(applyRules(registry, op)))
      malformed.insert(op);
  }

  // Outputs that only stripped (training) nodes computed are dropped.
  root->walk([&](OutputOp out) {
    SmallVector<Value> kept;
    SmallVector<Attribute> names;
    for (auto [value, name] : llvm::zip(out.getOutputs(), out.getNames())) {
      if (value.getDefiningOp<NoneOp>()) {
        emitWarning(out.getLoc())
            << "output '" << cast<StringAttr>(name).getValue()
            << "' is computed only by stripped training nodes; "
               "dropped";
        continue;
      }
      kept.push_back(value);
      names.push_back(name);
    }
    if (kept.size() != out.getOutputs().size()) {
      out->setOperands(kept);
      out.setNamesAttr(ArrayAttr::get(ctx, names));
    }
  });

  // Constants the rules read into attributes (shapes, axes) or folded, ops
  // a rule built before it found it could not finish, framework nodes whose
  // values nobody reads any more (a TensorArray once its reads are
  // resolved), a random op a stripped dropout no longer reads: ops with
  // results nobody uses are dead data flow, effects or not, and go. Ops
  // without results (sinks such as Assert) and placeholders (the graph's
  // signature) stay. Visiting users before their operands erases whole dead
  // chains in one walk.
  root->walk<WalkOrder::PostOrder, ReverseIterator>([](Operation *op) {
    if (isa<PlaceholderOp>(op) || !isa<Nd4jDialect>(op->getDialect()))
      return;
    bool deadNode = op->getNumResults() > 0 && op->use_empty() &&
                    op->getNumRegions() == 0 && !isa<GraphOp>(op);
    if (deadNode || isOpTriviallyDead(op))
      op->erase();
  });

  if (allowUnhandled)
    return failure(!malformed.empty());
  bool unhandled = false;
  root->walk([&](NodeOp op) {
    if (malformed.contains(op))
      return;
    ImportNode node(op);
    node.emitError() << "no import rule handles this node";
    unhandled = true;
  });
  return failure(unhandled || !malformed.empty());
}

namespace {
struct Nd4jImportRulesPass
    : public nd4j::impl::Nd4jImportRulesPassBase<Nd4jImportRulesPass> {
  using Nd4jImportRulesPassBase::Nd4jImportRulesPassBase;
  void runOnOperation() override {
    if (failed(applyImportRules(getOperation(), ruleFiles, allowUnhandled)))
      signalPassFailure();
  }
};
} // namespace
