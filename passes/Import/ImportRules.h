//===- ImportRules.h - the import-rule registry ("prehook rules") --*- C++
//-*-===//
//
// Import rules turn generic framework nodes (`nd4j.node`) into typed nd4j
// ops. A rule is registered for a framework, an op type and an opset range,
// optionally only for nodes whose name matches exactly or by regex. User
// rules take precedence over built-in ones. A rule either replaces the node,
// or adjusts it (attributes, inputs) and lets the next rule continue: the two
// outcomes of nd4j's PrehookRule.
//
//   registry.add(ImportRule("onnx", "Relu", [](ImportNode &node,
//                                              PatternRewriter &rewriter) {
//     Value y = ReluOp::create(rewriter, node.loc, node.input(0),
//                              rewriter.getF64FloatAttr(0.0));
//     return node.replaceWith(rewriter, y);
//   }));
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_PASSES_IMPORT_IMPORTRULES_H
#define ND4J_PASSES_IMPORT_IMPORTRULES_H

#include "dialects/Nd4j/IR/Nd4jOps.h"
#include "mlir/IR/PatternMatch.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Regex.h"
#include <functional>
#include <limits>
#include <memory>

namespace mlir {
namespace nd4j {

/// What a rule did with a node.
enum class RuleResult {
  Replaced,      ///< the node is gone; no further rule runs
  Continue,      ///< the node view was adjusted; the next rule runs
  NotApplicable, ///< this rule does not handle this node; the next rule runs
  Failed,        ///< the node is malformed; an error was emitted
};

/// The node a rule sees: a mutable view of a generic `nd4j.node`. Rules
/// that adjust and continue change `inputs` and `attrs`; later rules see the
/// changes. The attribute binder reads framework attributes with defaults and
/// reports missing or malformed ones with the node's name.
class ImportNode {
public:
  explicit ImportNode(NodeOp op);

  NodeOp op;
  StringRef framework, opType, name;
  /// The opset (ONNX) or version of the node's op; 0 when unknown.
  int64_t opset;
  Location loc;
  SmallVector<Value> inputs;
  NamedAttrList attrs;

  /// Number of inputs, counting absent optional ones.
  unsigned getNumInputs() const { return inputs.size(); }
  /// True when input `i` exists and is not an absent optional input.
  bool hasInput(unsigned i) const;
  Value input(unsigned i) const { return hasInput(i) ? inputs[i] : Value(); }
  /// The input's ranked tensor type, or null.
  RankedTensorType inputType(unsigned i) const;
  /// The type of result `i` as the frontend recorded it.
  Type resultType(unsigned i) const { return op->getResult(i).getType(); }
  unsigned getNumResults() const { return op->getNumResults(); }
  /// True when result `i` has uses.
  bool isResultUsed(unsigned i) const {
    return i < op->getNumResults() && !op->getResult(i).use_empty();
  }

  // Attribute binder. Each reports a malformed attribute (and a missing one
  // when there is no default) as an error naming the node.
  FailureOr<int64_t> getInt(StringRef attr,
                            std::optional<int64_t> dflt = std::nullopt);
  FailureOr<double> getFloat(StringRef attr,
                             std::optional<double> dflt = std::nullopt);
  FailureOr<StringRef> getString(StringRef attr,
                                 std::optional<StringRef> dflt = std::nullopt);
  FailureOr<SmallVector<int64_t>>
  getInts(StringRef attr, std::optional<ArrayRef<int64_t>> dflt = std::nullopt);
  bool hasAttr(StringRef attr) const { return attrs.get(attr) != nullptr; }

  /// Input `i` as compile-time integers (a constant operand), else failure
  /// without a diagnostic.
  FailureOr<SmallVector<int64_t>> getConstantInts(unsigned i) const;
  /// Input `i` as compile-time floating-point values.
  FailureOr<SmallVector<double>> getConstantFloats(unsigned i) const;

  /// An error at the node, prefixed with its name and op type.
  InFlightDiagnostic emitError();

  /// Replaces the node's results with `values` (one per result).
  RuleResult replaceWith(PatternRewriter &rewriter, ValueRange values);
  /// Drops the node: its results become `nd4j.none`, graph outputs of them
  /// are removed (with a warning), and TF nodes reading them are dropped in
  /// turn (training-subgraph stripping).
  RuleResult strip(PatternRewriter &rewriter);
};

using RuleFn = std::function<RuleResult(ImportNode &, PatternRewriter &)>;

struct ImportRule {
  ImportRule(StringRef framework, StringRef opType, RuleFn fn)
      : framework(framework), opType(opType), fn(std::move(fn)) {}

  ImportRule &opsets(int64_t min, int64_t max) {
    minOpset = min, maxOpset = max;
    return *this;
  }
  /// Only nodes with this exact name.
  ImportRule &forNodeNamed(StringRef name);
  /// Only nodes whose whole name matches this regular expression.
  ImportRule &forNodesMatching(StringRef regex);
  ImportRule &describe(StringRef text) {
    description = text.str();
    return *this;
  }
  /// A name by which users can disable the rule (`--disable-import-rules`).
  ImportRule &named(StringRef name) {
    id = name.str();
    return *this;
  }

  /// The op type, or "*" for a rule that applies to every op type (such
  /// rules usually select their nodes by name).
  std::string framework, opType;
  std::string id;
  int64_t minOpset = 0, maxOpset = std::numeric_limits<int64_t>::max();
  std::string nodeName;
  std::shared_ptr<llvm::Regex> nodeNameRegex;
  /// User rules take precedence over built-in ones.
  bool isUser = false;
  RuleFn fn;
  std::string description;

  bool matches(StringRef framework, StringRef opType, int64_t opset,
               StringRef nodeName) const;
};

class ImportRuleRegistry {
public:
  /// Adds a built-in rule.
  void addBuiltin(ImportRule rule);
  /// Adds a user rule; it precedes every built-in rule for the same nodes.
  void addUser(ImportRule rule);
  /// Rules for a node, in the order they are tried: user rules that name
  /// the node, other user rules, built-in rules; each group in registration
  /// order.
  SmallVector<const ImportRule *> lookup(StringRef framework, StringRef opType,
                                         int64_t opset,
                                         StringRef nodeName) const;
  /// Stops the rules named `id` from applying; false when none has it.
  bool disable(StringRef id);
  /// An error in a rule's node-name regex, if any was added.
  std::string takeError() { return std::exchange(error, std::string()); }

private:
  llvm::StringMap<std::vector<ImportRule>> rules; // key: framework.opType
  llvm::StringSet<> disabled;
  std::string error;
};

/// The process-wide registry the import pass uses: the built-in rules of
/// every framework plus the user rules registered through it.
ImportRuleRegistry &getImportRuleRegistry();

/// Built-in rule tables.
void registerOnnxImportRules(ImportRuleRegistry &registry);
void registerTfImportRules(ImportRuleRegistry &registry);

/// Applies the registry's rules to every generic node under `root`; user
/// PDL/PDLL rule files (`ruleFiles`) run first. Unless `allowUnhandled`,
/// every node left generic is reported and the call fails.
LogicalResult applyImportRules(Operation *root,
                               ArrayRef<std::string> ruleFiles = {},
                               bool allowUnhandled = false);
/// The same with the rules of `registry` instead of the process-wide one.
LogicalResult applyImportRules(Operation *root,
                               const ImportRuleRegistry &registry,
                               ArrayRef<std::string> ruleFiles = {},
                               bool allowUnhandled = false);

} // namespace nd4j
} // namespace mlir

#endif // ND4J_PASSES_IMPORT_IMPORTRULES_H
