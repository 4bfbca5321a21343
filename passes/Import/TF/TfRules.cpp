//===- TfRules.cpp - built-in import rules for TensorFlow ----------------===//
//
// One small rule per TF op type (framework "tf"), built on the helpers the
// ONNX rules use. TF passes axes, shapes and permutations as tensor inputs:
// a rule applies when they are constants and returns NotApplicable where the
// nd4j op cannot express the node exactly. Nodes that only forward their
// input (Identity and friends) are rules too, so that users can keep or
// reinterpret them with their own rules.
//
//===----------------------------------------------------------------------===//

#include "passes/Import/ImportRules.h"

using namespace mlir;
using namespace mlir::nd4j;

namespace {

/// Identity-like nodes: each result is the matching input.
RuleResult forward(ImportNode &node, PatternRewriter &rewriter) {
  if (node.getNumResults() > node.getNumInputs())
    return RuleResult::NotApplicable;
  SmallVector<Value> values(node.inputs.begin(),
                            node.inputs.begin() + node.getNumResults());
  return node.replaceWith(rewriter, values);
}

/// NoOp: control edges are already ordering only, so nothing is left.
RuleResult erase(ImportNode &node, PatternRewriter &rewriter) {
  if (node.getNumResults() != 0)
    return RuleResult::NotApplicable;
  rewriter.eraseOp(node.op);
  return RuleResult::Replaced;
}

} // namespace

void mlir::nd4j::registerTfImportRules(ImportRuleRegistry &registry) {
  auto add = [&](StringRef op, RuleFn fn) {
    registry.addBuiltin(ImportRule("tf", op, std::move(fn)));
  };
  for (StringRef op :
       {"Identity", "IdentityN", "StopGradient", "Snapshot", "PreventGradient"})
    add(op, forward);
  add("NoOp", erase);
}
