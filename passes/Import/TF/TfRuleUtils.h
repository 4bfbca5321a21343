//===- TfRuleUtils.h - shared helpers of the TF import rules --*- C++ -*-===//
//
// Attribute and axis helpers every TF rule file uses, on top of the ONNX
// rule helpers (build<>, replace, reshapeTo). One registerTf<Family>Rules
// per rule file; registerTfImportRules calls them all.
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_PASSES_IMPORT_TF_TFRULEUTILS_H
#define ND4J_PASSES_IMPORT_TF_TFRULEUTILS_H

#include "passes/Import/ONNX/OnnxRuleUtils.h"

namespace mlir {
namespace nd4j {
namespace tf_rules {

using onnx_rules::AddRuleFn;

void registerTfShapeRules(const AddRuleFn &add);
void registerTfNNRules(const AddRuleFn &add);
void registerTfMathRules(const AddRuleFn &add);
void registerTfTensorArrayRules(const AddRuleFn &add);
/// Training-subgraph stripping: named rules for op type "*".
void registerTfStripRules(ImportRuleRegistry &registry);
void registerTfLinalgRules(const AddRuleFn &add);
void registerTfRandomRules(const AddRuleFn &add);
void registerTfRecurrentRules(const AddRuleFn &add);

/// A TF bool attribute; `dflt` when absent.
inline FailureOr<bool> getBool(ImportNode &node, StringRef name, bool dflt) {
  Attribute a = node.attrs.get(name);
  if (!a)
    return dflt;
  if (auto b = dyn_cast<BoolAttr>(a))
    return b.getValue();
  node.emitError() << "attribute '" << name << "' is not a bool";
  return failure();
}

/// A TF list(int) attribute; TF writes an empty list without a type, which
/// imports as an empty array.
inline FailureOr<SmallVector<int64_t>>
getIntList(ImportNode &node, StringRef name, ArrayRef<int64_t> dflt) {
  Attribute a = node.attrs.get(name);
  if (!a)
    return SmallVector<int64_t>(dflt);
  if (auto arr = dyn_cast<ArrayAttr>(a); arr && arr.empty())
    return SmallVector<int64_t>();
  return node.getInts(name);
}

/// Normalizes `axis` against `rank`; failure when out of range.
inline FailureOr<int64_t> normalizeAxis(int64_t axis, int64_t rank) {
  int64_t a = axis < 0 ? axis + rank : axis;
  if (a < 0 || a >= rank)
    return failure();
  return a;
}

/// TF axes (negative ones count from the end) normalized against `rank`,
/// without repeats, sorted; failure when one is out of range.
inline FailureOr<SmallVector<int64_t>> normalizeAxes(ArrayRef<int64_t> axes,
                                                     int64_t rank) {
  SmallVector<int64_t> dims;
  for (int64_t a : axes) {
    FailureOr<int64_t> d = normalizeAxis(a, rank);
    if (failed(d))
      return failure();
    if (!llvm::is_contained(dims, *d))
      dims.push_back(*d);
  }
  llvm::sort(dims);
  return dims;
}

/// A ranked tensor of a floating-point element type.
inline bool isFloat(RankedTensorType t) {
  return t && isa<FloatType>(t.getElementType());
}

/// A constant of `type` holding `values`, named after nothing (it is not a
/// framework node).
inline Value makeConstant(PatternRewriter &rewriter, Location loc,
                          RankedTensorType type, ArrayRef<Attribute> values) {
  return ConstantOp::create(rewriter, loc, type,
                            DenseElementsAttr::get(type, values), StringAttr());
}

/// Zeros of `shape` and a floating-point or integer `element` type; null
/// for other element types.
inline Value zerosConstant(PatternRewriter &rewriter, Location loc,
                           ArrayRef<int64_t> shape, Type element) {
  Attribute zero;
  if (isa<FloatType>(element))
    zero = rewriter.getFloatAttr(element, 0);
  else if (isa<IntegerType>(element))
    zero = rewriter.getIntegerAttr(element, 0);
  else
    return {};
  auto type = RankedTensorType::get(shape, element);
  return ConstantOp::create(rewriter, loc, type,
                            DenseElementsAttr::get(type, zero), StringAttr());
}

/// An integer constant of the node's result element type (TF's int32 or
/// int64 `out_type`) with the given shape and values.
inline Value intConstantLike(PatternRewriter &rewriter, Location loc,
                             Type element, ArrayRef<int64_t> shape,
                             ArrayRef<int64_t> values) {
  auto type = RankedTensorType::get(shape, element);
  SmallVector<Attribute> attrs;
  for (int64_t v : values)
    attrs.push_back(rewriter.getIntegerAttr(element, v));
  return makeConstant(rewriter, loc, type, attrs);
}

/// Replaces the node by `y` when `y`'s shape is the one the node's
/// `input_sizes` operand (operand 0) asks for; TF accepts several output
/// sizes for one transposed convolution, nd4j computes one of them.
inline RuleResult replaceIfSized(ImportNode &node, PatternRewriter &rewriter,
                                 FailureOr<Value> y) {
  if (failed(y))
    return RuleResult::Failed;
  FailureOr<SmallVector<int64_t>> sizes = node.getConstantInts(0);
  auto type = cast<RankedTensorType>(y->getType());
  if (failed(sizes) || ArrayRef<int64_t>(*sizes) != type.getShape()) {
    rewriter.eraseOp(y->getDefiningOp());
    return RuleResult::NotApplicable;
  }
  return node.replaceWith(rewriter, *y);
}

} // namespace tf_rules
} // namespace nd4j
} // namespace mlir

#endif // ND4J_PASSES_IMPORT_TF_TFRULEUTILS_H
