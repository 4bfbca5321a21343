//===- TfStripRules.cpp - strip TF training subgraphs at import ----------===//
//
// Built-in rules, in the spirit of Bender's TF optimizers, that drop what a
// frozen graph keeps from training: checkpoint I/O (`save/...`),
// regularization losses (`.../Regularizer/...`), variable initializers
// (`.../Initializer/...`), and `tf.nn.dropout`, which at inference passes
// its input through. A stripped node's results become `nd4j.none`; nodes
// fed by a stripped node are stripped in turn, and graph outputs computed
// only by stripped nodes are dropped with a warning. Each rule is an
// ordinary import rule with a name, which `--disable-import-rules` turns
// off; users extend the set with their own rules for op type "*".
//
//===----------------------------------------------------------------------===//

#include "passes/Import/TF/TfRuleUtils.h"

using namespace mlir;
using namespace mlir::nd4j;
using namespace mlir::nd4j::onnx_rules;
using namespace mlir::nd4j::tf_rules;

namespace {

RuleResult strip(ImportNode &node, PatternRewriter &rewriter) {
  return node.strip(rewriter);
}

/// A node that reads a stripped node's result is part of what was
/// stripped (an Assign of a stripped initializer, a loss summing a
/// stripped regularizer).
RuleResult stripDependent(ImportNode &node, PatternRewriter &rewriter) {
  for (Value in : node.inputs)
    if (in && in.getDefiningOp<NoneOp>())
      return strip(node, rewriter);
  return RuleResult::NotApplicable;
}

/// The framework node name of the op defining `v`, or "".
StringRef producerName(Value v);

/// Assign of an initializer: the variable is already frozen.
RuleResult stripInitAssign(ImportNode &node, PatternRewriter &rewriter) {
  if (node.getNumInputs() < 2 ||
      !producerName(node.input(1)).contains("/Initializer/"))
    return RuleResult::NotApplicable;
  return strip(node, rewriter);
}

/// The framework node name of the op defining `v`, or "".
StringRef producerName(Value v) {
  Operation *def = v ? v.getDefiningOp() : nullptr;
  StringAttr name = def ? getNodeName(def->getLoc()) : StringAttr();
  return name ? name.getValue() : StringRef();
}

/// tf.nn.dropout's last Mul multiplies the scaled input (`dropout/div`,
/// x / keep_prob; or `dropout/mul`, x * 1 / (1 - rate)) by the random mask
/// (`dropout/Floor`, or `dropout/Cast` of a comparison): at inference the
/// result is x.
RuleResult stripDropout(ImportNode &node, PatternRewriter &rewriter) {
  size_t at = node.name.rfind("/mul");
  if (at == StringRef::npos || node.getNumInputs() != 2)
    return RuleResult::NotApplicable;
  std::string scope = node.name.substr(0, at + 1).str();
  for (unsigned k = 0; k < 2; ++k) {
    StringRef mask = producerName(node.input(k));
    Value scaled = node.input(1 - k);
    StringRef scaledName = producerName(scaled);
    if (!StringRef(mask).starts_with(scope) ||
        !(mask.ends_with("/Floor") || mask.contains("/Cast")))
      continue;
    if (scaledName != scope + "div" && scaledName != scope + "mul")
      continue;
    Operation *def = scaled.getDefiningOp();
    if (def->getNumOperands() < 1 ||
        def->getOperand(0).getType() != node.input(1 - k).getType())
      continue;
    return node.replaceWith(rewriter, def->getOperand(0));
  }
  return RuleResult::NotApplicable;
}

} // namespace

void mlir::nd4j::tf_rules::registerTfStripRules(ImportRuleRegistry &registry) {
  auto add = [&](StringRef op, StringRef id, StringRef regex, RuleFn fn,
                 StringRef what) {
    ImportRule rule("tf", op, std::move(fn));
    if (!regex.empty())
      rule.forNodesMatching(regex);
    registry.addBuiltin(std::move(rule.named(id).describe(what)));
  };
  add("*", "tf-strip-save", "(.*/)?save(_[0-9]+)?/.*", strip,
      "checkpoint save/restore subgraphs");
  add("*", "tf-strip-regularizer", "(.*/)?Regularizer/.*", strip,
      "regularization losses");
  add("*", "tf-strip-initializer", ".*/Initializer/.*", strip,
      "initializers of frozen variables");
  add("Assign", "tf-strip-initializer", ".*", stripInitAssign,
      "assignments of initializers to frozen variables");
  add("*", "tf-strip-dependents", "", stripDependent,
      "nodes that read a stripped node");
  add("Mul", "tf-strip-dropout", "(.*/)?dropout(_[0-9]+)?/mul(_[0-9]+)?",
      stripDropout, "tf.nn.dropout at inference");
}
