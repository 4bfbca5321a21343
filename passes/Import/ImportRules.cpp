//===- ImportRules.cpp - the import-rule registry and its driver
//------------===//
//
// The attribute binder, the registry's ordering (user before built-in,
// node-name rules first), and the driver that visits every generic node once
// in program order and applies its rules.
//
//===----------------------------------------------------------------------===//

#include "passes/Import/ImportRules.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include <charconv>
#include <cstdlib>
#include <cstring>

using namespace mlir;
using namespace mlir::nd4j;

//===----------------------------------------------------------------------===//
// ImportNode
//===----------------------------------------------------------------------===//

ImportNode::ImportNode(NodeOp op)
    : op(op), framework(op.getFramework()), opType(op.getOpType()),
      opset(op.getOpset().value_or(0)), loc(op.getLoc()),
      inputs(op.getInputs()), attrs(op.getAttrs()) {
  StringAttr nodeName = getNodeName(loc);
  name = nodeName ? nodeName.getValue() : StringRef("<unnamed>");
}

bool ImportNode::hasInput(unsigned i) const {
  return i < inputs.size() && !isa<NoneType>(inputs[i].getType());
}

RankedTensorType ImportNode::inputType(unsigned i) const {
  return hasInput(i) ? dyn_cast<RankedTensorType>(inputs[i].getType())
                     : RankedTensorType();
}

InFlightDiagnostic ImportNode::emitError() {
  return mlir::emitError(loc)
         << "node '" << name << "' (" << framework << "." << opType << "): ";
}

namespace {
/// The binder's common path: a missing attribute takes its default or is an
/// error; a present one goes through `convert`, which yields nothing when the
/// attribute has the wrong kind (then the error names the kind `expected`).
template <typename T, typename Default, typename Convert>
FailureOr<T> bindAttr(ImportNode &node, StringRef attr,
                      const std::optional<Default> &dflt, StringRef expected,
                      Convert convert) {
  Attribute a = node.attrs.get(attr);
  if (!a) {
    if (dflt)
      return T(*dflt);
    return node.emitError() << "missing required attribute '" << attr << "'";
  }
  if (std::optional<T> value = convert(a))
    return std::move(*value);
  return node.emitError() << "attribute '" << attr << "' must be " << expected
                          << ", got " << a;
}
} // namespace

FailureOr<int64_t> ImportNode::getInt(StringRef attr,
                                      std::optional<int64_t> dflt) {
  return bindAttr<int64_t>(*this, attr, dflt, "an integer",
                           [](Attribute a) -> std::optional<int64_t> {
                             if (auto i = dyn_cast<IntegerAttr>(a))
                               return i.getValue().getSExtValue();
                             return std::nullopt;
                           });
}

FailureOr<double> ImportNode::getFloat(StringRef attr,
                                       std::optional<double> dflt) {
  return bindAttr<double>(
      *this, attr, dflt, "a number", [](Attribute a) -> std::optional<double> {
        if (auto f = dyn_cast<FloatAttr>(a)) {
          if (!f.getType().isF32())
            return f.getValueAsDouble();
          // Frameworks store f32 attributes; nd4j's t_args are f64. Widen
          // through the shortest decimal form, so 0.001f becomes 0.001 and
          // not 0.0010000000474974513.
          char text[32];
          auto [end, ec] = std::to_chars(text, text + sizeof(text) - 1,
                                         f.getValue().convertToFloat());
          *end = '\0';
          return std::strtod(text, nullptr);
        }
        if (auto i = dyn_cast<IntegerAttr>(a))
          return static_cast<double>(i.getValue().getSExtValue());
        return std::nullopt;
      });
}

FailureOr<StringRef> ImportNode::getString(StringRef attr,
                                           std::optional<StringRef> dflt) {
  return bindAttr<StringRef>(*this, attr, dflt, "a string",
                             [](Attribute a) -> std::optional<StringRef> {
                               if (auto s = dyn_cast<StringAttr>(a))
                                 return s.getValue();
                               return std::nullopt;
                             });
}

FailureOr<SmallVector<int64_t>>
ImportNode::getInts(StringRef attr, std::optional<ArrayRef<int64_t>> dflt) {
  return bindAttr<SmallVector<int64_t>>(
      *this, attr, dflt, "a list of integers",
      [](Attribute a) -> std::optional<SmallVector<int64_t>> {
        if (auto ints = dyn_cast<DenseI64ArrayAttr>(a))
          return SmallVector<int64_t>(ints.asArrayRef());
        return std::nullopt;
      });
}

namespace {
/// The constant value of `v`, when it is produced by nd4j.constant.
ElementsAttr constantOf(Value v) {
  if (auto c = v.getDefiningOp<ConstantOp>())
    return c.getValue();
  return {};
}

template <typename T>
FailureOr<SmallVector<T>> readElements(ElementsAttr attr) {
  SmallVector<T> out;
  Type element = attr.getElementType();
  if (auto dense = dyn_cast<DenseElementsAttr>(attr)) {
    if (isa<IntegerType>(element)) {
      bool isSigned = !element.isUnsignedInteger();
      for (const APInt &v : dense.getValues<APInt>()) {
        // Two branches, not ?:, whose common type would be unsigned.
        if (isSigned && element.getIntOrFloatBitWidth() > 1)
          out.push_back(static_cast<T>(v.getSExtValue()));
        else
          out.push_back(static_cast<T>(v.getZExtValue()));
      }
      return out;
    }
    if (isa<FloatType>(element)) {
      for (const APFloat &v : dense.getValues<APFloat>())
        out.push_back(static_cast<T>(v.convertToDouble()));
      return out;
    }
    return failure();
  }
  auto resource = dyn_cast<DenseResourceElementsAttr>(attr);
  if (!resource || !resource.getRawHandle().getBlob())
    return failure();
  ArrayRef<char> raw = resource.getRawHandle().getBlob()->getData();
  auto copy = [&](auto tag) -> FailureOr<SmallVector<T>> {
    using E = decltype(tag);
    if (raw.size() % sizeof(E))
      return failure();
    for (size_t i = 0; i < raw.size(); i += sizeof(E)) {
      E e;
      std::memcpy(&e, raw.data() + i, sizeof(E));
      out.push_back(static_cast<T>(e));
    }
    return out;
  };
  if (element.isInteger(64))
    return copy(int64_t());
  if (element.isInteger(32))
    return copy(int32_t());
  if (element.isF32())
    return copy(float());
  if (element.isF64())
    return copy(double());
  return failure();
}
} // namespace

FailureOr<SmallVector<int64_t>> ImportNode::getConstantInts(unsigned i) const {
  if (!hasInput(i))
    return failure();
  ElementsAttr c = constantOf(inputs[i]);
  if (!c || !isa<IntegerType>(c.getElementType()))
    return failure();
  return readElements<int64_t>(c);
}

FailureOr<SmallVector<double>> ImportNode::getConstantFloats(unsigned i) const {
  if (!hasInput(i))
    return failure();
  ElementsAttr c = constantOf(inputs[i]);
  if (!c)
    return failure();
  return readElements<double>(c);
}

RuleResult ImportNode::strip(PatternRewriter &rewriter) {
  if (op->getNumResults()) {
    Value none = NoneOp::create(rewriter, loc);
    for (Value r : op->getResults())
      r.replaceAllUsesWith(none);
  }
  rewriter.eraseOp(op);
  return RuleResult::Replaced;
}

RuleResult ImportNode::replaceWith(PatternRewriter &rewriter,
                                   ValueRange values) {
  if (values.size() != op->getNumResults()) {
    emitError() << "import rule produced " << values.size() << " values for "
                << op->getNumResults() << " results";
    return RuleResult::Failed;
  }
  // The framework's own shape inference is a check on the rule: a typed op
  // may refine the recorded type, never contradict it.
  for (auto [i, pair] : llvm::enumerate(llvm::zip(op->getResults(), values))) {
    auto [oldV, newV] = pair;
    if (!newV) { // An absent input forwarded: the node lacks an input.
      emitError() << "result " << i
                  << " would be an input the node does not have";
      return RuleResult::Failed;
    }
    auto oldT = dyn_cast<ShapedType>(oldV.getType());
    auto newT = dyn_cast<ShapedType>(newV.getType());
    bool ok = oldT && newT && oldT.getElementType() == newT.getElementType() &&
              (!oldT.hasRank() || !newT.hasRank() ||
               areCompatibleResultTypes(TypeRange{oldT}, TypeRange{newT}));
    if (!ok) {
      emitError() << "import rule produced " << newV.getType() << " for result "
                  << i << ", but the model declares " << oldV.getType();
      return RuleResult::Failed;
    }
  }
  rewriter.replaceOp(op, values);
  return RuleResult::Replaced;
}

//===----------------------------------------------------------------------===//
// ImportRule, ImportRuleRegistry
//===----------------------------------------------------------------------===//

ImportRule &ImportRule::forNodeNamed(StringRef name) {
  nodeName = name.str();
  return *this;
}

ImportRule &ImportRule::forNodesMatching(StringRef regex) {
  nodeNameRegex = std::make_shared<llvm::Regex>(("^(" + regex + ")$").str());
  return *this;
}

bool ImportRule::matches(StringRef fw, StringRef type, int64_t opset,
                         StringRef node) const {
  if (fw != framework || (type != opType && opType != "*"))
    return false;
  if (opset && (opset < minOpset || opset > maxOpset))
    return false;
  if (!nodeName.empty() && nodeName != node)
    return false;
  return !nodeNameRegex || nodeNameRegex->match(node);
}

void ImportRuleRegistry::addBuiltin(ImportRule rule) {
  rule.isUser = false;
  rules[rule.framework + "." + rule.opType].push_back(std::move(rule));
}

void ImportRuleRegistry::addUser(ImportRule rule) {
  std::string regexError;
  if (rule.nodeNameRegex && !rule.nodeNameRegex->isValid(regexError)) {
    error = "invalid node-name regex in a rule for " + rule.framework + "." +
            rule.opType + ": " + regexError;
    return;
  }
  rule.isUser = true;
  rules[rule.framework + "." + rule.opType].push_back(std::move(rule));
}

SmallVector<const ImportRule *>
ImportRuleRegistry::lookup(StringRef framework, StringRef opType, int64_t opset,
                           StringRef nodeName) const {
  SmallVector<const ImportRule *> result;
  // Ranks: user rules for this node's name, other user rules, built-in
  // rules for the name, other built-in rules; within a rank, rules for
  // every op type first, then registration order.
  SmallVector<const ImportRule *> byRank[4];
  for (StringRef type : {StringRef("*"), opType}) {
    auto it = rules.find((framework + "." + type).str());
    if (it == rules.end())
      continue;
    for (const ImportRule &r : it->second) {
      if (!r.matches(framework, opType, opset, nodeName) ||
          (!r.id.empty() && disabled.contains(r.id)))
        continue;
      bool named = !r.nodeName.empty() || r.nodeNameRegex;
      byRank[r.isUser ? (named ? 0 : 1) : (named ? 2 : 3)].push_back(&r);
    }
  }
  for (auto &rank : byRank)
    llvm::append_range(result, rank);
  return result;
}

bool ImportRuleRegistry::disable(StringRef id) {
  bool found = false;
  for (const auto &entry : rules)
    for (const ImportRule &r : entry.getValue())
      found |= r.id == id;
  if (found)
    disabled.insert(id);
  return found;
}

ImportRuleRegistry &mlir::nd4j::getImportRuleRegistry() {
  static ImportRuleRegistry *registry = [] {
    auto *r = new ImportRuleRegistry();
    registerOnnxImportRules(*r);
    registerTfImportRules(*r);
    return r;
  }();
  return *registry;
}
