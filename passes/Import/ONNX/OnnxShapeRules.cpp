//===- OnnxShapeRules.cpp - built-in ONNX import rules: shape ops -------===//
//
// Rules for ops whose shapes, axes, bounds or counts are graph inputs
// (computed at run time) rather than initializers, and for shape-producing
// ops. Most run after the constant-only rules in OnnxRules.cpp for the same
// op type, which return NotApplicable for run-time inputs.
//
// Where a result's shape depends on run-time values, the typed op's inferred
// type has `?` there; the rule then adopts the type the model declares for
// the result (which may only refine the inferred one), so that later rules
// see static shapes.
//
//===----------------------------------------------------------------------===//

#include "passes/Import/ONNX/OnnxRuleUtils.h"

#include <cmath>

using namespace mlir;
using namespace mlir::nd4j;
using namespace mlir::nd4j::onnx_rules;

namespace {

/// `value` with the type the model declares for result `i` where that only
/// refines the inferred type (a `?` the declaration knows).
FailureOr<Value> refineToDeclared(ImportNode &node, FailureOr<Value> value,
                                  unsigned i = 0) {
  if (failed(value))
    return failure();
  auto declared = dyn_cast<RankedTensorType>(node.resultType(i));
  if (declared && declared != value->getType() &&
      areCompatibleResultTypes(TypeRange{value->getType()},
                               TypeRange{declared}))
    value->setType(declared);
  return value;
}

bool isIntOrFloat(Type t) { return isa<IntegerType, FloatType>(t); }

/// A constant of `shape` with every element `value` (the element type of
/// `value`).
Value splatConstant(PatternRewriter &rewriter, Location loc,
                    ArrayRef<int64_t> shape, Attribute value) {
  auto element = cast<TypedAttr>(value).getType();
  auto type = RankedTensorType::get(shape, element);
  return ConstantOp::create(rewriter, loc, type,
                            DenseElementsAttr::get(type, value), StringAttr());
}

/// ConstantOfShape: a constant for a constant shape, else a fill of the
/// run-time shape. `value` (default float 0) gives element type and value.
RuleResult constantOfShape(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType s = node.inputType(0);
  if (!s)
    return RuleResult::NotApplicable;
  Attribute element = rewriter.getFloatAttr(rewriter.getF32Type(), 0.0);
  if (Attribute a = node.attrs.get("value")) {
    auto v = dyn_cast<DenseElementsAttr>(a);
    if (!v || v.getNumElements() != 1) {
      node.emitError() << "'value' must be a one-element tensor";
      return RuleResult::Failed;
    }
    element = v.getSplatValue<Attribute>();
  }
  Type type = cast<TypedAttr>(element).getType();
  if (!isIntOrFloat(type))
    return RuleResult::NotApplicable;
  FailureOr<SmallVector<int64_t>> shape = node.getConstantInts(0);
  if (succeeded(shape)) {
    if (llvm::any_of(*shape, [](int64_t d) { return d < 0; })) {
      node.emitError() << "shape has a negative dimension";
      return RuleResult::Failed;
    }
    return node.replaceWith(rewriter,
                            splatConstant(rewriter, node.loc, *shape, element));
  }
  // fill takes the value as a double: exact for every float and for
  // integers up to 2^53.
  double value;
  if (auto f = dyn_cast<FloatAttr>(element)) {
    value = f.getValueAsDouble();
  } else {
    APInt i = cast<IntegerAttr>(element).getValue();
    bool isSigned = !cast<IntegerType>(type).isUnsigned() &&
                    type.getIntOrFloatBitWidth() > 1;
    if (i.getActiveBits() > 53)
      return RuleResult::NotApplicable;
    value = isSigned ? static_cast<double>(i.getSExtValue())
                     : static_cast<double>(i.getZExtValue());
  }
  return replace(
      rewriter, node,
      refineToDeclared(node, build<FillOp>(rewriter, node, node.input(0),
                                           f64(rewriter, value),
                                           TypeAttr::get(type))));
}

/// Expand: bidirectional (numpy) broadcasting of the input against a
/// run-time shape, as the product with ones of that shape.
RuleResult expand(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0), s = node.inputType(1);
  if (!x || !s || !isIntOrFloat(x.getElementType()) ||
      x.getElementType().isInteger(1))
    return RuleResult::NotApplicable;
  FailureOr<Value> ones =
      build<FillOp>(rewriter, node, node.input(1), f64(rewriter, 1.0),
                    TypeAttr::get(x.getElementType()));
  if (failed(ones))
    return RuleResult::Failed;
  return replace(
      rewriter, node,
      refineToDeclared(
          node, build<MultiplyOp>(rewriter, node, node.input(0), *ones)));
}

/// Reshape to a run-time shape: the model declares the result's shape, which
/// a valid model's shape input yields; reshape to it.
RuleResult reshapeRuntime(ImportNode &node, PatternRewriter &rewriter) {
  auto result = dyn_cast<RankedTensorType>(node.resultType(0));
  if (!node.inputType(0) || !result)
    return RuleResult::NotApplicable;
  FailureOr<Value> y =
      reshapeTo(rewriter, node, node.input(0), result.getShape());
  if (failed(y))
    return RuleResult::NotApplicable;
  return replace(rewriter, node, y);
}

/// Clip with bounds computed at run time: max(x, min) then min(., max),
/// which also gives `max` everywhere when min > max, as ONNX specifies.
RuleResult clipRuntime(ImportNode &node, PatternRewriter &rewriter) {
  if (!node.inputType(0) || (node.opset && node.opset < 11))
    return RuleResult::NotApplicable;
  FailureOr<Value> y = node.input(0);
  if (node.hasInput(1))
    y = build<MaximumOp>(rewriter, node, *y, node.input(1));
  if (succeeded(y) && node.hasInput(2))
    y = build<MinimumOp>(rewriter, node, *y, node.input(2));
  return replace(rewriter, node, y);
}

/// Trilu with k computed at run time: keep x where (j - i) >= k (upper) or
/// (j - i) <= k (lower), compared against a constant of column minus row
/// indices.
RuleResult triluRuntime(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0), k = node.inputType(1);
  if (!x || x.getRank() < 2 || !k || k.getNumElements() != 1 ||
      !k.getElementType().isInteger(64) || !isIntOrFloat(x.getElementType()))
    return RuleResult::NotApplicable;
  int64_t rows = x.getDimSize(x.getRank() - 2),
          cols = x.getDimSize(x.getRank() - 1);
  if (ShapedType::isDynamic(rows) || ShapedType::isDynamic(cols))
    return RuleResult::NotApplicable;
  FailureOr<int64_t> upper = node.getInt("upper", 1);
  if (failed(upper))
    return RuleResult::Failed;
  SmallVector<int64_t> diff;
  for (int64_t i = 0; i < rows; ++i)
    for (int64_t j = 0; j < cols; ++j)
      diff.push_back(j - i);
  auto type = RankedTensorType::get({rows, cols}, rewriter.getI64Type());
  Value d = ConstantOp::create(
      rewriter, node.loc, type,
      DenseElementsAttr::get(type, ArrayRef<int64_t>(diff)), StringAttr());
  FailureOr<Value> kept =
      *upper ? build<GreaterEqualOp>(rewriter, node, d, node.input(1))
             : build<LessEqualOp>(rewriter, node, d, node.input(1));
  if (failed(kept))
    return RuleResult::Failed;
  Value zero = scalarConstant(rewriter, node.loc, x.getElementType(), 0);
  return replace(rewriter, node,
                 buildWhere(rewriter, node, *kept, node.input(0), zero));
}

/// Pow with operands of different element types; the result has the base's.
/// A floating-point base takes the exponent converted to its type; an
/// integer base is raised in f64 and converted back (truncating, as ONNX's
/// reference does), with an integer exponent converted to the base's type.
RuleResult powMixed(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType a = node.inputType(0), b = node.inputType(1);
  if (!a || !b || a.getElementType() == b.getElementType() ||
      !isIntOrFloat(a.getElementType()) || !isIntOrFloat(b.getElementType()) ||
      a.getElementType().isInteger(1) || b.getElementType().isInteger(1))
    return RuleResult::NotApplicable;
  Type base = a.getElementType(), exponent = b.getElementType();
  auto cast = [&](Value v, Type t) {
    return build<CastOp>(rewriter, node, v, TypeAttr::get(t));
  };
  if (isa<FloatType>(base) || isa<IntegerType>(exponent)) {
    FailureOr<Value> e = cast(node.input(1), base);
    if (failed(e))
      return RuleResult::Failed;
    return replace(rewriter, node,
                   build<PowOp>(rewriter, node, node.input(0), *e));
  }
  Type f64Type = rewriter.getF64Type();
  FailureOr<Value> x = cast(node.input(0), f64Type);
  FailureOr<Value> e = cast(node.input(1), f64Type);
  if (failed(x) || failed(e))
    return RuleResult::Failed;
  FailureOr<Value> p = build<PowOp>(rewriter, node, *x, *e);
  if (failed(p))
    return RuleResult::Failed;
  return replace(rewriter, node, cast(*p, base));
}

/// IsInf detecting one sign only: isinf(x) and x > 0 (or x < 0).
RuleResult isInfSigned(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  FailureOr<int64_t> pos = node.getInt("detect_positive", 1);
  FailureOr<int64_t> neg = node.getInt("detect_negative", 1);
  if (failed(pos) || failed(neg))
    return RuleResult::Failed;
  if (!x || !isa<FloatType>(x.getElementType()) || (*pos != 0) == (*neg != 0))
    return RuleResult::NotApplicable;
  Value zero = scalarConstant(rewriter, node.loc, x.getElementType(), 0);
  FailureOr<Value> inf = build<IsInfOp>(rewriter, node, node.input(0));
  FailureOr<Value> sign =
      *pos ? build<GreaterOp>(rewriter, node, node.input(0), zero)
           : build<LessOp>(rewriter, node, node.input(0), zero);
  if (failed(inf) || failed(sign))
    return RuleResult::Failed;
  return replace(rewriter, node,
                 build<BooleanAndOp>(rewriter, node, *inf, *sign));
}

/// Split into slices along `axis`: sizes from the `split` attribute (before
/// opset 13) or a constant input; equal parts when absent (the last part
/// smaller from opset 18); from the declared results when computed at run
/// time.
RuleResult split(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  if (!x)
    return RuleResult::NotApplicable;
  FailureOr<int64_t> axisAttr = node.getInt("axis", 0);
  if (failed(axisAttr))
    return RuleResult::Failed;
  int64_t rank = x.getRank();
  int64_t axis = *axisAttr < 0 ? *axisAttr + rank : *axisAttr;
  if (axis < 0 || axis >= rank) {
    node.emitError() << "axis " << *axisAttr << " is out of range for rank "
                     << rank;
    return RuleResult::Failed;
  }
  int64_t n = x.getDimSize(axis);
  unsigned parts = node.getNumResults();
  SmallVector<int64_t> sizes;
  bool fromInput = !node.opset || node.opset >= 13;
  if (!fromInput && node.hasInput(1))
    return RuleResult::NotApplicable; // Opset 1's `split` input.
  if (!fromInput && node.hasAttr("split")) {
    FailureOr<SmallVector<int64_t>> s = node.getInts("split");
    if (failed(s))
      return RuleResult::Failed;
    sizes = *s;
  } else if (fromInput && node.hasInput(1)) {
    FailureOr<SmallVector<int64_t>> s = node.getConstantInts(1);
    if (succeeded(s)) {
      sizes = *s;
    } else {
      for (unsigned i = 0; i < parts; ++i) {
        auto t = dyn_cast<RankedTensorType>(node.resultType(i));
        if (!t || t.getRank() != rank || t.isDynamicDim(axis))
          return RuleResult::NotApplicable;
        sizes.push_back(t.getDimSize(axis));
      }
    }
  } else {
    if (ShapedType::isDynamic(n))
      return RuleResult::NotApplicable;
    int64_t chunk = (n + parts - 1) / parts;
    if (node.opset < 18 && n % parts != 0)
      return RuleResult::NotApplicable; // Unequal parts need `split`.
    for (unsigned i = 0; i < parts; ++i)
      sizes.push_back(std::clamp<int64_t>(n - i * chunk, 0, chunk));
  }
  int64_t total = 0;
  for (int64_t s : sizes)
    total += s;
  if (sizes.size() != parts ||
      llvm::any_of(sizes, [](int64_t s) { return s < 0; }) ||
      (!ShapedType::isDynamic(n) && total != n)) {
    node.emitError() << "split sizes do not divide dimension " << axis
                     << " into " << parts << " parts";
    return RuleResult::Failed;
  }
  auto I = [&](int64_t v) { return i64(rewriter, v); };
  int64_t mask = ((int64_t(1) << rank) - 1) & ~(int64_t(1) << axis);
  SmallVector<Value> results;
  int64_t offset = 0;
  for (int64_t s : sizes) {
    SmallVector<int64_t> begin(rank, 0), end(rank, 0), strides(rank, 1);
    begin[axis] = offset;
    end[axis] = offset + s;
    offset += s;
    FailureOr<Value> y = build<StridedSliceOp>(
        rewriter, node, node.input(0), I(mask), I(0), I(mask), I(0), I(0),
        rewriter.getDenseI64ArrayAttr(begin),
        rewriter.getDenseI64ArrayAttr(end),
        rewriter.getDenseI64ArrayAttr(strides));
    if (failed(y))
      return RuleResult::Failed;
    results.push_back(*y);
  }
  return node.replaceWith(rewriter, results);
}

/// Pad with run-time pads: ONNX's [b1, b2, ..., e1, e2, ...] becomes nd4j's
/// [[b1, e1], [b2, e2], ...] by a reshape to [2, rank] and a transpose. A
/// run-time pad value (nd4j's pad takes it as an argument) fills where a
/// padded tensor of ones is 0: where(pad(1) != 0, pad(x, 0), value).
RuleResult padRuntime(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0), p = node.inputType(1);
  if (!x || !p || (node.opset && node.opset < 11) || node.hasInput(3))
    return RuleResult::NotApplicable; // axes.
  FailureOr<StringRef> mode = node.getString("mode", StringRef("constant"));
  if (failed(mode))
    return RuleResult::Failed;
  int64_t ndMode = *mode == "constant" ? 0 : *mode == "reflect" ? 1 : -1;
  int64_t rank = x.getRank();
  bool runtimeValue = node.hasInput(2) && ndMode == 0;
  FailureOr<SmallVector<int64_t>> constantPads = node.getConstantInts(1);
  if (succeeded(constantPads) &&
      llvm::any_of(*constantPads, [](int64_t v) { return v < 0; }))
    return RuleResult::NotApplicable; // Cropping.
  if (ndMode < 0 || p.getRank() != 1 || p.getDimSize(0) != 2 * rank ||
      (runtimeValue &&
       (!x.hasStaticShape() || !isIntOrFloat(x.getElementType()))))
    return RuleResult::NotApplicable;
  FailureOr<Value> pairs = build<ReshapeOp>(
      rewriter, node, node.input(1), rewriter.getDenseI64ArrayAttr({2, rank}));
  if (succeeded(pairs))
    pairs = build<PermuteOp>(rewriter, node, *pairs,
                             rewriter.getDenseI64ArrayAttr({1, 0}));
  if (failed(pairs))
    return RuleResult::Failed;
  auto padded = [&](Value v) {
    return refineToDeclared(node, build<PadOp>(rewriter, node, v, *pairs,
                                               i64(rewriter, ndMode),
                                               f64(rewriter, 0.0)));
  };
  if (!runtimeValue)
    return replace(rewriter, node, padded(node.input(0)));
  Type element = x.getElementType();
  Value ones = splatConstant(rewriter, node.loc, x.getShape(),
                             isa<FloatType>(element)
                                 ? Attribute(rewriter.getFloatAttr(element, 1))
                                 : rewriter.getIntegerAttr(element, 1));
  FailureOr<Value> px = padded(node.input(0));
  FailureOr<Value> inside = padded(ones);
  if (succeeded(inside))
    inside = build<NotEqualsOp>(rewriter, node, *inside,
                                scalarConstant(rewriter, node.loc, element, 0));
  if (failed(px) || failed(inside))
    return RuleResult::Failed;
  return replace(rewriter, node,
                 refineToDeclared(node, buildWhere(rewriter, node, *inside, *px,
                                                   node.input(2))));
}

/// Pad in "edge" mode with pads known only at run time (static input
/// sizes): along each dimension d, a gather of
/// clamp(range(-before, n + after), 0, n - 1). Negative pads (cropping)
/// give a shorter range, as ONNX asks.
RuleResult padEdgeAtRunTime(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  RankedTensorType padsType = node.inputType(1);
  int64_t rank = x.getRank();
  if (!x.hasStaticShape() || !padsType || padsType.getRank() != 1 ||
      padsType.getDimSize(0) != 2 * rank ||
      !isa<IntegerType>(padsType.getElementType()))
    return RuleResult::NotApplicable;
  Type elem = padsType.getElementType();
  Location loc = node.loc;
  auto scalarAt = [&](int64_t i) -> FailureOr<Value> {
    auto type = RankedTensorType::get({}, rewriter.getI64Type());
    Value index = ConstantOp::create(
        rewriter, loc, type,
        DenseElementsAttr::get(type, rewriter.getI64IntegerAttr(i)),
        StringAttr());
    return build<GatherOp>(rewriter, node, node.input(1), index,
                           i64(rewriter, 0));
  };
  Value y = node.input(0);
  for (int64_t d = 0; d < rank; ++d) {
    int64_t n = x.getDimSize(d);
    if (n == 0)
      return RuleResult::NotApplicable;
    FailureOr<Value> before = scalarAt(d), after = scalarAt(d + rank);
    if (failed(before) || failed(after))
      return RuleResult::Failed;
    FailureOr<Value> from = build<NegOp>(rewriter, node, *before);
    FailureOr<Value> to = build<AddOp>(rewriter, node, *after,
                                       scalarConstant(rewriter, loc, elem, n));
    if (failed(from) || failed(to))
      return RuleResult::Failed;
    FailureOr<Value> index = build<RangeOp>(
        rewriter, node, *from, *to, scalarConstant(rewriter, loc, elem, 1),
        TypeAttr::get(elem));
    if (succeeded(index))
      index = build<MaximumOp>(rewriter, node, *index,
                               scalarConstant(rewriter, loc, elem, 0));
    if (succeeded(index))
      index = build<MinimumOp>(rewriter, node, *index,
                               scalarConstant(rewriter, loc, elem, n - 1));
    FailureOr<Value> g =
        succeeded(index)
            ? build<GatherOp>(rewriter, node, y, *index, i64(rewriter, d))
            : index;
    if (failed(g))
      return RuleResult::Failed;
    y = *g;
  }
  return replace(rewriter, node, refineToDeclared(node, y));
}

/// Pad in "edge" mode (no nd4j pad mode) with constant pads: along each
/// padded dimension, a gather of the indices clamped to the dimension.
RuleResult padEdge(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  FailureOr<StringRef> mode = node.getString("mode", StringRef("constant"));
  if (failed(mode))
    return RuleResult::Failed;
  if (!x || *mode != "edge" || node.hasInput(3))
    return RuleResult::NotApplicable;
  bool fromInputs = !node.opset || node.opset >= 11;
  FailureOr<SmallVector<int64_t>> pads =
      fromInputs ? node.getConstantInts(1)
                 : node.getInts(node.opset < 2 ? "paddings" : "pads");
  int64_t rank = x.getRank();
  if (failed(pads) && fromInputs)
    return padEdgeAtRunTime(node, rewriter);
  if (failed(pads) || static_cast<int64_t>(pads->size()) != 2 * rank ||
      llvm::any_of(*pads, [](int64_t v) { return v < 0; }))
    return RuleResult::NotApplicable; // Cropping pads.
  Value y = node.input(0);
  for (int64_t d = 0; d < rank; ++d) {
    int64_t before = (*pads)[d], after = (*pads)[d + rank], n = x.getDimSize(d);
    if (before == 0 && after == 0)
      continue;
    if (ShapedType::isDynamic(n) || n == 0)
      return RuleResult::NotApplicable;
    SmallVector<int64_t> indices;
    for (int64_t j = -before; j < n + after; ++j)
      indices.push_back(std::clamp<int64_t>(j, 0, n - 1));
    FailureOr<Value> g = build<GatherOp>(
        rewriter, node, y, i64VectorConstant(rewriter, node.loc, indices),
        i64(rewriter, d));
    if (failed(g))
      return RuleResult::Failed;
    y = *g;
  }
  return node.replaceWith(rewriter, y);
}

/// ArgMax/ArgMin with select_last_index: the first index in the input
/// reversed along the axis, counted from the end.
template <typename OpTy>
RuleResult argReduceLast(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  FailureOr<int64_t> axis = node.getInt("axis", 0);
  FailureOr<int64_t> keep = node.getInt("keepdims", 1);
  FailureOr<int64_t> last = node.getInt("select_last_index", 0);
  if (failed(axis) || failed(keep) || failed(last))
    return RuleResult::Failed;
  if (!x || *last == 0)
    return RuleResult::NotApplicable;
  int64_t rank = x.getRank();
  int64_t a = *axis < 0 ? *axis + rank : *axis;
  if (a < 0 || a >= rank || x.isDynamicDim(a))
    return RuleResult::NotApplicable;
  FailureOr<Value> reversed = build<ReverseOp>(
      rewriter, node, node.input(0), rewriter.getDenseI64ArrayAttr({a}));
  if (failed(reversed))
    return RuleResult::Failed;
  FailureOr<Value> first =
      build<OpTy>(rewriter, node, *reversed, rewriter.getDenseI64ArrayAttr({a}),
                  rewriter.getBoolAttr(*keep != 0));
  if (failed(first))
    return RuleResult::Failed;
  Value lastIndex = scalarConstant(rewriter, node.loc, rewriter.getI64Type(),
                                   x.getDimSize(a) - 1);
  return replace(rewriter, node,
                 build<SubtractOp>(rewriter, node, lastIndex, *first));
}

/// Range with run-time bounds; the element type is the operands'.
RuleResult rangeRuntime(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType s = node.inputType(0);
  if (!s || !node.inputType(1) || !node.inputType(2))
    return RuleResult::NotApplicable;
  return replace(rewriter, node,
                 refineToDeclared(
                     node, build<RangeOp>(rewriter, node, node.input(0),
                                          node.input(1), node.input(2),
                                          TypeAttr::get(s.getElementType()))));
}

RuleResult cumSum(ImportNode &node, PatternRewriter &rewriter) {
  if (!node.inputType(0) || !node.inputType(1))
    return RuleResult::NotApplicable;
  FailureOr<int64_t> exclusive = node.getInt("exclusive", 0);
  FailureOr<int64_t> reverse = node.getInt("reverse", 0);
  if (failed(exclusive) || failed(reverse))
    return RuleResult::Failed;
  return replace(rewriter, node,
                 build<CumSumOp>(rewriter, node, node.input(0), node.input(1),
                                 i64(rewriter, *exclusive != 0),
                                 i64(rewriter, *reverse != 0)));
}

RuleResult bitShift(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  if (!x || !node.inputType(1) || !isa<IntegerType>(x.getElementType()))
    return RuleResult::NotApplicable;
  FailureOr<StringRef> direction = node.getString("direction");
  if (failed(direction))
    return RuleResult::Failed;
  if (*direction == "LEFT")
    return replace(
        rewriter, node,
        build<ShiftBitsOp>(rewriter, node, node.input(0), node.input(1)));
  if (*direction == "RIGHT")
    return replace(
        rewriter, node,
        build<RShiftBitsOp>(rewriter, node, node.input(0), node.input(1)));
  node.emitError() << "direction must be LEFT or RIGHT, got '" << *direction
                   << "'";
  return RuleResult::Failed;
}

RuleResult logicalNot(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  if (!x || !x.getElementType().isInteger(1))
    return RuleResult::NotApplicable;
  return replace(rewriter, node,
                 build<BooleanNotOp>(rewriter, node, node.input(0)));
}

/// A sum, mean, max, min or product over an empty axes input (statically of
/// length 0) with noop_with_empty_axes = 1 is the identity.
RuleResult reduceNoop(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType axes = node.inputType(1);
  FailureOr<int64_t> noop = node.getInt("noop_with_empty_axes", 0);
  if (failed(noop))
    return RuleResult::Failed;
  if (!node.inputType(0) || !*noop ||
      (node.hasInput(1) &&
       (!axes || !axes.hasStaticShape() || axes.getNumElements() != 0)))
    return RuleResult::NotApplicable;
  return node.replaceWith(rewriter, node.input(0));
}

/// HannWindow, HammingWindow, BlackmanWindow of a run-time size:
/// a0 - a1 cos(2 pi n / N) + a2 cos(4 pi n / N) for n = 0 .. size - 1, with
/// N = size (periodic) or size - 1 (symmetric).
RuleResult window(ImportNode &node, PatternRewriter &rewriter, double a0,
                  double a1, double a2) {
  RankedTensorType size = node.inputType(0);
  auto result = dyn_cast<RankedTensorType>(node.resultType(0));
  if (!size || size.getNumElements() != 1 ||
      !isa<IntegerType>(size.getElementType()) || !result ||
      !isa<FloatType>(result.getElementType()))
    return RuleResult::NotApplicable;
  FailureOr<int64_t> periodic = node.getInt("periodic", 1);
  if (failed(periodic))
    return RuleResult::Failed;
  Type index = size.getElementType(), element = result.getElementType();
  auto scalar = [&](Type t, double v) {
    return scalarConstant(rewriter, node.loc, t, v);
  };
  FailureOr<Value> n =
      build<RangeOp>(rewriter, node, scalar(index, 0), node.input(0),
                     scalar(index, 1), TypeAttr::get(index));
  if (succeeded(n))
    n = build<CastOp>(rewriter, node, *n, TypeAttr::get(element));
  FailureOr<Value> count =
      build<CastOp>(rewriter, node, node.input(0), TypeAttr::get(element));
  if (succeeded(count) && !*periodic)
    count = build<SubtractOp>(rewriter, node, *count, scalar(element, 1));
  if (failed(n) || failed(count))
    return RuleResult::Failed;
  // cos(c * 2 pi n / N) term scaled by `a`.
  auto term = [&](double c, double a) -> FailureOr<Value> {
    FailureOr<Value> t =
        build<MultiplyOp>(rewriter, node, *n, scalar(element, c * 2 * M_PI));
    if (succeeded(t))
      t = build<DivideOp>(rewriter, node, *t, *count);
    if (succeeded(t))
      t = build<CosOp>(rewriter, node, *t);
    if (succeeded(t))
      t = build<MultiplyOp>(rewriter, node, *t, scalar(element, a));
    return t;
  };
  FailureOr<Value> first = term(1, a1);
  if (failed(first))
    return RuleResult::Failed;
  FailureOr<Value> w =
      build<SubtractOp>(rewriter, node, scalar(element, a0), *first);
  if (succeeded(w) && a2 != 0) {
    FailureOr<Value> second = term(2, a2);
    w = succeeded(second) ? build<AddOp>(rewriter, node, *w, *second) : second;
  }
  return replace(rewriter, node, refineToDeclared(node, w));
}

/// Reductions along axes computed at run time (a 1-D input of static,
/// non-zero length; empty axes are handled with the constant rules).
template <typename OpTy>
RuleResult reduceRuntime(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0), axes = node.inputType(1);
  if (!x || !axes || axes.getRank() != 1 || axes.isDynamicDim(0) ||
      axes.getDimSize(0) == 0 || succeeded(node.getConstantInts(1)))
    return RuleResult::NotApplicable;
  FailureOr<int64_t> keep = node.getInt("keepdims", 1);
  if (failed(keep))
    return RuleResult::Failed;
  return replace(
      rewriter, node,
      refineToDeclared(node,
                       build<OpTy>(rewriter, node, node.input(0), node.input(1),
                                   rewriter.getDenseI64ArrayAttr({}),
                                   rewriter.getBoolAttr(*keep != 0))));
}

/// Tile by repeats computed at run time.
RuleResult tileRuntime(ImportNode &node, PatternRewriter &rewriter) {
  if (!node.inputType(0) || !node.inputType(1))
    return RuleResult::NotApplicable;
  return replace(
      rewriter, node,
      refineToDeclared(node, build<TileOp>(rewriter, node, node.input(0),
                                           node.input(1),
                                           rewriter.getDenseI64ArrayAttr({}))));
}

/// TopK along `axis` (moved last for nd4j's top_k and back). k is the extent
/// the model declares for the results along `axis` when it is computed at
/// run time. The smallest elements are the largest of the negated input.
RuleResult topK(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  if (!x || !isIntOrFloat(x.getElementType()) ||
      x.getElementType().isInteger(1) ||
      (isa<IntegerType>(x.getElementType()) &&
       cast<IntegerType>(x.getElementType()).isUnsigned()))
    return RuleResult::NotApplicable;
  FailureOr<int64_t> axisAttr = node.getInt("axis", -1);
  FailureOr<int64_t> largest = node.getInt("largest", 1);
  FailureOr<int64_t> sorted = node.getInt("sorted", 1);
  if (failed(axisAttr) || failed(largest) || failed(sorted))
    return RuleResult::Failed;
  int64_t rank = x.getRank();
  int64_t axis = *axisAttr < 0 ? *axisAttr + rank : *axisAttr;
  if (axis < 0 || axis >= rank) {
    node.emitError() << "axis " << *axisAttr << " is out of range for rank "
                     << rank;
    return RuleResult::Failed;
  }
  int64_t k;
  FailureOr<SmallVector<int64_t>> c =
      node.opset && node.opset < 10 ? FailureOr<SmallVector<int64_t>>(failure())
                                    : node.getConstantInts(1);
  if (node.opset && node.opset < 10) {
    FailureOr<int64_t> a = node.getInt("k");
    if (failed(a))
      return RuleResult::Failed;
    k = *a;
  } else if (succeeded(c) && c->size() == 1) {
    k = (*c)[0];
  } else {
    auto declared = dyn_cast<RankedTensorType>(node.resultType(0));
    if (!declared || declared.getRank() != rank || declared.isDynamicDim(axis))
      return RuleResult::NotApplicable;
    k = declared.getDimSize(axis);
  }
  // ONNX's sorted = 0 leaves the order unspecified: sorted is one answer.
  SmallVector<int64_t> perm;
  for (int64_t i = 0; i < rank; ++i)
    if (i != axis)
      perm.push_back(i);
  perm.push_back(axis);
  SmallVector<int64_t> inverse(rank);
  for (int64_t i = 0; i < rank; ++i)
    inverse[perm[i]] = i;
  bool moved = axis != rank - 1;
  FailureOr<Value> in = node.input(0);
  if (moved)
    in = build<PermuteOp>(rewriter, node, *in,
                          rewriter.getDenseI64ArrayAttr(perm));
  if (succeeded(in) && !*largest)
    in = build<NegOp>(rewriter, node, *in);
  if (failed(in))
    return RuleResult::Failed;
  FailureOr<Value> values = build<TopKOp>(rewriter, node, *in, i64(rewriter, k),
                                          rewriter.getBoolAttr(true));
  if (failed(values))
    return RuleResult::Failed;
  FailureOr<Value> indices = values->getDefiningOp()->getResult(1);
  if (!*largest)
    values = build<NegOp>(rewriter, node, *values);
  if (moved && succeeded(values)) {
    values = build<PermuteOp>(rewriter, node, *values,
                              rewriter.getDenseI64ArrayAttr(inverse));
    indices = build<PermuteOp>(rewriter, node, *indices,
                               rewriter.getDenseI64ArrayAttr(inverse));
  }
  if (failed(values) || failed(indices))
    return RuleResult::Failed;
  return node.replaceWith(rewriter, {*values, *indices});
}

} // namespace

void mlir::nd4j::onnx_rules::registerOnnxShapeRules(const AddRuleFn &add) {
  add("ConstantOfShape", constantOfShape);
  add("Expand", expand);
  add("Reshape", reshapeRuntime);
  add("Clip", clipRuntime);
  add("Trilu", triluRuntime);
  add("Pow", powMixed);
  add("IsInf", isInfSigned);
  add("Split", split);
  add("Pad", padRuntime);
  add("Pad", padEdge);
  add("ArgMax", argReduceLast<ArgMaxOp>);
  add("ArgMin", argReduceLast<ArgMinOp>);
  add("Range", rangeRuntime);
  add("CumSum", cumSum);
  add("BitShift", bitShift);
  add("Not", logicalNot);
  // Not ReduceL1/L2/SumSquare/LogSum/LogSumExp: ONNX's reference applies
  // their element-wise part even then.
  for (const char *op :
       {"ReduceSum", "ReduceMean", "ReduceMax", "ReduceMin", "ReduceProd"})
    add(op, reduceNoop);
  // Axes became an input in opset 13 for ReduceSum, 18 for the others.
  add("ReduceSum", reduceRuntime<ReduceSumOp>);
  add("ReduceMean", reduceRuntime<ReduceMeanOp>);
  add("ReduceMax", reduceRuntime<ReduceMaxOp>);
  add("ReduceMin", reduceRuntime<ReduceMinOp>);
  add("ReduceProd", reduceRuntime<ReduceProdOp>);
  add("ReduceL1", reduceRuntime<ReduceNorm1Op>);
  add("ReduceL2", reduceRuntime<ReduceNorm2Op>);
  add("Tile", tileRuntime);
  add("TopK", topK);
  add("HannWindow", [](ImportNode &node, PatternRewriter &rewriter) {
    return window(node, rewriter, 0.5, 0.5, 0);
  });
  add("HammingWindow", [](ImportNode &node, PatternRewriter &rewriter) {
    return window(node, rewriter, 25.0 / 46, 21.0 / 46, 0);
  });
  add("BlackmanWindow", [](ImportNode &node, PatternRewriter &rewriter) {
    return window(node, rewriter, 0.42, 0.5, 0.08);
  });
}
