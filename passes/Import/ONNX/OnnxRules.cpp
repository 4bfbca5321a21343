//===- OnnxRules.cpp - built-in ONNX import rules
//---------------------------===//
//
// One small rule per ONNX op (and opset range), torch-mlir style: bind the
// attributes with ONNX's defaults, check what nd4j's op cannot express
// (returning NotApplicable, so the node is reported as unhandled rather than
// imported wrongly), build the typed op. Conventions: ONNX tensors are
// NCHW, so conv/pool set isNCHW = 0 (libnd4j reads that slot as "is NHWC",
// as nd4j's own ONNX importer sets it) and conv weights are [oC, iC, kH, kW]
// (wFormat 1), as nd4j's own ONNX importer does.
//
//===----------------------------------------------------------------------===//

#include "passes/Import/ONNX/OnnxRuleUtils.h"

#include "mlir/IR/Builders.h"
#include <algorithm>
#include <cmath>
#include <limits>
#include <type_traits>

using namespace mlir;
using namespace mlir::nd4j;
using namespace mlir::nd4j::onnx_rules;

namespace {

//===----------------------------------------------------------------------===//
// Element-wise
//===----------------------------------------------------------------------===//

template <typename OpTy> RuleFn binary() {
  return [](ImportNode &node, PatternRewriter &rewriter) {
    RankedTensorType a = node.inputType(0), b = node.inputType(1);
    // nd4j's binary ops take operands of one element type (ONNX Pow, for
    // one, does not).
    if (!a || !b || a.getElementType() != b.getElementType())
      return RuleResult::NotApplicable;
    Value y = node.input(1);
    // Before opset 7, `broadcast = 1` with `axis` aligns B's dimensions at
    // `axis` of A; reshape B so numpy broadcasting does the same.
    if (node.hasAttr("axis")) {
      FailureOr<int64_t> axis = node.getInt("axis");
      if (failed(axis))
        return RuleResult::Failed;
      int64_t lead = *axis < 0 ? *axis + a.getRank() : *axis;
      int64_t trail = a.getRank() - lead - b.getRank();
      if (lead < 0 || trail < 0 || !b.hasStaticShape())
        return RuleResult::NotApplicable;
      SmallVector<int64_t> shape(lead, 1);
      llvm::append_range(shape, b.getShape());
      shape.append(trail, 1);
      FailureOr<Value> reshaped = build<ReshapeOp>(
          rewriter, node, y, rewriter.getDenseI64ArrayAttr(shape));
      if (failed(reshaped))
        return RuleResult::Failed;
      y = *reshaped;
    }
    return replace(rewriter, node,
                   build<OpTy>(rewriter, node, node.input(0), y));
  };
}

/// Identity, and Dropout in inference: the output is the input.
RuleResult passThrough(ImportNode &node, PatternRewriter &rewriter) {
  if (!node.hasInput(0))
    return RuleResult::NotApplicable;
  // Dropout's mask output (see replaceFirstResult), or training mode, has no
  // inference meaning.
  if (node.opType == "Dropout" && node.hasInput(2)) {
    FailureOr<SmallVector<int64_t>> training = node.getConstantInts(2);
    if (failed(training) || training->size() != 1 || (*training)[0] != 0)
      return RuleResult::NotApplicable;
  }
  return replaceFirstResult(rewriter, node, node.input(0));
}

/// Constant: the value (or value_float(s) / value_int(s)) attribute becomes
/// an nd4j.constant.
RuleResult constant(ImportNode &node, PatternRewriter &rewriter) {
  auto value = dyn_cast_or_null<ElementsAttr>(node.attrs.get("value"));
  Attribute a;
  if (!value && (a = node.attrs.get("value_float"))) {
    auto t = RankedTensorType::get({}, rewriter.getF32Type());
    value = DenseElementsAttr::get(t, cast<FloatAttr>(a));
  } else if (!value && (a = node.attrs.get("value_int"))) {
    auto t = RankedTensorType::get({}, rewriter.getI64Type());
    value = DenseElementsAttr::get(t, cast<IntegerAttr>(a));
  } else if (!value && (a = node.attrs.get("value_floats"))) {
    ArrayRef<float> v = cast<DenseF32ArrayAttr>(a).asArrayRef();
    auto t = RankedTensorType::get({(int64_t)v.size()}, rewriter.getF32Type());
    value = DenseElementsAttr::get(t, v);
  } else if (!value && (a = node.attrs.get("value_ints"))) {
    ArrayRef<int64_t> v = cast<DenseI64ArrayAttr>(a).asArrayRef();
    auto t = RankedTensorType::get({(int64_t)v.size()}, rewriter.getI64Type());
    value = DenseElementsAttr::get(t, v);
  }
  if (!value)
    return RuleResult::NotApplicable; // sparse_value, value_string(s)
  Value c = ConstantOp::create(rewriter, node.loc, value.getType(), value,
                               rewriter.getStringAttr(node.name));
  return node.replaceWith(rewriter, c);
}

/// Activations with one parameter, read from ONNX attribute `attr`.
template <typename OpTy> RuleFn paramActivation(StringRef attr, double dflt) {
  return
      [attr = attr.str(), dflt](ImportNode &node, PatternRewriter &rewriter) {
        if (!node.inputType(0))
          return RuleResult::NotApplicable;
        FailureOr<double> value = node.getFloat(attr, dflt);
        if (failed(value))
          return RuleResult::Failed;
        return replace(
            rewriter, node,
            build<OpTy>(rewriter, node, node.input(0), f64(rewriter, *value)));
      };
}

/// Ops nd4j implements only with fixed constants: applicable when the ONNX
/// attributes hold exactly those values.
template <typename OpTy>
RuleFn unaryWithFixedAttrs(std::vector<std::pair<std::string, double>> fixed) {
  return [fixed](ImportNode &node, PatternRewriter &rewriter) {
    for (const auto &[attr, value] : fixed) {
      FailureOr<double> v = node.getFloat(attr, value);
      if (failed(v))
        return RuleResult::Failed;
      if (static_cast<float>(*v) != static_cast<float>(value))
        return RuleResult::NotApplicable;
    }
    return unary<OpTy>()(node, rewriter);
  };
}

RuleResult isInf(ImportNode &node, PatternRewriter &rewriter) {
  FailureOr<int64_t> pos = node.getInt("detect_positive", 1);
  FailureOr<int64_t> neg = node.getInt("detect_negative", 1);
  if (failed(pos) || failed(neg))
    return RuleResult::Failed;
  if (*pos != 1 || *neg != 1)
    return RuleResult::NotApplicable;
  return unary<IsInfOp>()(node, rewriter);
}

/// Softmax and LogSoftmax: from opset 13 along `axis` (default -1). Before,
/// the input was coerced to 2-D at `axis` (default 1), which equals the op
/// along the last dimension only when `axis` is the last dimension.
template <typename OpTy>
RuleResult softmaxLike(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType type = node.inputType(0);
  if (!type)
    return RuleResult::NotApplicable;
  bool coerced = node.opset && node.opset < 13;
  FailureOr<int64_t> axis = node.getInt("axis", coerced ? 1 : -1);
  if (failed(axis))
    return RuleResult::Failed;
  int64_t rank = type.getRank();
  int64_t normalized = *axis < 0 ? *axis + rank : *axis;
  if (coerced && normalized != rank - 1)
    return RuleResult::NotApplicable;
  return replace(
      rewriter, node,
      build<OpTy>(rewriter, node, node.input(0), i64(rewriter, *axis)));
}

/// Cast: the element type to convert to is the recorded result's.
RuleResult castRule(ImportNode &node, PatternRewriter &rewriter) {
  auto result = dyn_cast<ShapedType>(node.resultType(0));
  if (!node.inputType(0) || !result ||
      !isa<FloatType, IntegerType>(result.getElementType()))
    return RuleResult::NotApplicable;
  return replace(rewriter, node,
                 build<CastOp>(rewriter, node, node.input(0),
                               TypeAttr::get(result.getElementType())));
}

/// Variadic Max/Min/Sum (and Mean) as a chain of binary ops.
template <typename OpTy> RuleFn variadic(bool mean = false) {
  return [mean](ImportNode &node, PatternRewriter &rewriter) {
    if (node.getNumInputs() == 0 || !node.inputType(0))
      return RuleResult::NotApplicable;
    Value acc = node.input(0);
    for (unsigned i = 1; i < node.getNumInputs(); ++i) {
      if (!node.inputType(i))
        return RuleResult::NotApplicable;
      FailureOr<Value> next = build<OpTy>(rewriter, node, acc, node.input(i));
      if (failed(next))
        return RuleResult::Failed;
      acc = *next;
    }
    if (mean && node.getNumInputs() > 1) {
      Type element = node.inputType(0).getElementType();
      if (!isa<FloatType>(element))
        return RuleResult::NotApplicable;
      auto scalar = RankedTensorType::get({}, element);
      Value n = ConstantOp::create(
          rewriter, node.loc, scalar,
          DenseElementsAttr::get(
              scalar, rewriter.getFloatAttr(element, node.getNumInputs())),
          StringAttr());
      FailureOr<Value> avg = build<DivideOp>(rewriter, node, acc, n);
      if (failed(avg))
        return RuleResult::Failed;
      acc = *avg;
    }
    // With a single input the op is the identity: acc is that input.
    return node.replaceWith(rewriter, acc);
  };
}

/// Mod: fmod = 0 is the floor modulo (sign of the divisor), integers only.
RuleResult mod(ImportNode &node, PatternRewriter &rewriter) {
  FailureOr<int64_t> fmod = node.getInt("fmod", 0);
  if (failed(fmod))
    return RuleResult::Failed;
  RankedTensorType t = node.inputType(0);
  if (!t)
    return RuleResult::NotApplicable;
  // fmod 1: C's fmod (the dividend's sign); 0 (integers only): Python's %.
  if (*fmod != 0)
    return binary<ModOp>()(node, rewriter);
  if (!isa<IntegerType>(t.getElementType()))
    return RuleResult::NotApplicable;
  return binary<FloorModOp>()(node, rewriter);
}

/// Binds a reduction's axes (an attribute, and from `axesInputOpset` on an
/// optional constant input) and keepdims (default 1). Continue means bound.
RuleResult bindReduce(ImportNode &node, int64_t axesInputOpset,
                      SmallVector<int64_t> &axes, bool &keepDims) {
  if (!node.inputType(0))
    return RuleResult::NotApplicable;
  if (node.opset >= axesInputOpset) {
    RankedTensorType axesType = node.inputType(1);
    // An axes input of static length 0 is empty whatever computes it.
    bool empty =
        axesType && axesType.hasStaticShape() && axesType.getNumElements() == 0;
    if (node.hasInput(1) && !empty) {
      FailureOr<SmallVector<int64_t>> c = node.getConstantInts(1);
      if (failed(c))
        return RuleResult::NotApplicable; // Axes computed at run time.
      axes = *c;
    }
  } else {
    FailureOr<SmallVector<int64_t>> a =
        node.getInts("axes", ArrayRef<int64_t>{});
    if (failed(a))
      return RuleResult::Failed;
    axes = *a;
  }
  FailureOr<int64_t> keep = node.getInt("keepdims", 1);
  FailureOr<int64_t> noop = node.getInt("noop_with_empty_axes", 0);
  if (failed(keep) || failed(noop))
    return RuleResult::Failed;
  if (axes.empty() && *noop)
    return RuleResult::NotApplicable;
  keepDims = *keep != 0;
  return RuleResult::Continue;
}

template <typename OpTy> RuleFn reduce(int64_t axesInputOpset) {
  return [axesInputOpset](ImportNode &node, PatternRewriter &rewriter) {
    SmallVector<int64_t> axes;
    bool keep;
    if (RuleResult r = bindReduce(node, axesInputOpset, axes, keep);
        r != RuleResult::Continue)
      return r;
    return replace(rewriter, node,
                   build<OpTy>(rewriter, node, node.input(0),
                               rewriter.getDenseI64ArrayAttr(axes),
                               rewriter.getBoolAttr(keep)));
  };
}

/// ReduceSumSquare, ReduceLogSum, ReduceLogSumExp composed from nd4j ops:
/// sum(x * x), log(sum(x)), log(sum(exp(x))).
enum class Composed { SumSquare, LogSum, LogSumExp };
template <Composed kind>
RuleResult composedReduce(ImportNode &node, PatternRewriter &rewriter) {
  SmallVector<int64_t> axes;
  bool keep;
  if (RuleResult r = bindReduce(node, 18, axes, keep);
      r != RuleResult::Continue)
    return r;
  if (!isa<FloatType>(node.inputType(0).getElementType()))
    return RuleResult::NotApplicable;
  Value in = node.input(0);
  FailureOr<Value> v = in;
  if (kind == Composed::SumSquare)
    v = build<MultiplyOp>(rewriter, node, in, in);
  else if (kind == Composed::LogSumExp)
    v = build<ExpOp>(rewriter, node, in);
  if (succeeded(v))
    v = build<ReduceSumOp>(rewriter, node, *v,
                           rewriter.getDenseI64ArrayAttr(axes),
                           rewriter.getBoolAttr(keep));
  if (succeeded(v) && kind != Composed::SumSquare)
    v = build<LogOp>(rewriter, node, *v);
  return replace(rewriter, node, v);
}

template <typename OpTy>
RuleResult argReduce(ImportNode &node, PatternRewriter &rewriter) {
  if (!node.inputType(0))
    return RuleResult::NotApplicable;
  FailureOr<int64_t> axis = node.getInt("axis", 0);
  FailureOr<int64_t> keep = node.getInt("keepdims", 1);
  FailureOr<int64_t> last = node.getInt("select_last_index", 0);
  if (failed(axis) || failed(keep) || failed(last))
    return RuleResult::Failed;
  if (*last != 0)
    return RuleResult::NotApplicable; // nd4j returns the first index.
  return replace(rewriter, node,
                 build<OpTy>(rewriter, node, node.input(0),
                             rewriter.getDenseI64ArrayAttr({*axis}),
                             rewriter.getBoolAttr(*keep != 0)));
}

/// Clip to constant bounds (attributes before opset 11, inputs after).
RuleResult clip(ImportNode &node, PatternRewriter &rewriter) {
  if (!node.inputType(0))
    return RuleResult::NotApplicable;
  double inf = std::numeric_limits<double>::infinity();
  double lo = -inf, hi = inf;
  if (node.opset && node.opset < 11) {
    FailureOr<double> a = node.getFloat("min", -inf);
    FailureOr<double> b = node.getFloat("max", inf);
    if (failed(a) || failed(b))
      return RuleResult::Failed;
    lo = *a, hi = *b;
  } else {
    for (auto [index, bound] :
         {std::pair<unsigned, double *>{1, &lo}, {2, &hi}}) {
      if (!node.hasInput(index))
        continue;
      FailureOr<SmallVector<double>> c = node.getConstantFloats(index);
      if (failed(c) || c->size() != 1)
        return RuleResult::NotApplicable; // Bounds computed at run time.
      *bound = (*c)[0];
    }
  }
  return replace(rewriter, node,
                 build<ClipByValueOp>(rewriter, node, node.input(0),
                                      f64(rewriter, lo), f64(rewriter, hi)));
}

/// Where(cond, X, Y) with numpy broadcasting.
RuleResult where(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType c = node.inputType(0), x = node.inputType(1),
                   y = node.inputType(2);
  if (!c || !x || !y || x.getElementType() != y.getElementType())
    return RuleResult::NotApplicable;
  return replace(
      rewriter, node,
      buildWhere(rewriter, node, node.input(0), node.input(1), node.input(2)));
}

/// Tile by constant repeats.
RuleResult tile(ImportNode &node, PatternRewriter &rewriter) {
  if (!node.inputType(0))
    return RuleResult::NotApplicable;
  FailureOr<SmallVector<int64_t>> reps = node.getConstantInts(1);
  if (failed(reps))
    return RuleResult::NotApplicable; // Repeats computed at run time.
  return replace(rewriter, node,
                 build<TileOp>(rewriter, node, node.input(0),
                               rewriter.getDenseI64ArrayAttr(*reps)));
}

/// The [lo, hi) range an ONNX Shape node takes of a rank-`rank` shape
/// (opset 15's `start`/`end`, negative from the back, clamped).
std::pair<int64_t, int64_t> shapeRange(int64_t rank, int64_t start,
                                       int64_t end) {
  auto clampIndex = [&](int64_t i) {
    return std::clamp<int64_t>(i < 0 ? i + rank : i, 0, rank);
  };
  int64_t lo = clampIndex(start);
  return {lo, std::max(lo, clampIndex(end))};
}

/// The known elements of a shape vector (evalShapeElements), or none
/// when one is known only at run time.
std::optional<SmallVector<int64_t>> getKnownShapeValues(Value v) {
  std::optional<SmallVector<ShapeElement>> elements = evalShapeElements(v);
  if (!elements)
    return std::nullopt;
  SmallVector<int64_t> values;
  for (const ShapeElement &e : *elements)
    values.push_back(e.isConstant() ? e.value : ShapedType::kDynamic);
  return values;
}

/// A 1-D i64 constant named after the node.
Value createI64Vector(PatternRewriter &rewriter, ImportNode &node,
                      ArrayRef<int64_t> values, bool scalar = false) {
  auto type = scalar ? RankedTensorType::get({}, rewriter.getI64Type())
                     : RankedTensorType::get({(int64_t)values.size()},
                                             rewriter.getI64Type());
  return ConstantOp::create(rewriter, node.loc, type,
                            DenseElementsAttr::get(type, values),
                            rewriter.getStringAttr(node.name));
}

/// Gather. ONNX counts negative indices from the end, libnd4j rejects
/// them: constant indices are wrapped here, others by a floor modulo with
/// the (static) extent; with a dynamic extent the node is left unhandled.
RuleResult gather(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType data = node.inputType(0), idx = node.inputType(1);
  if (!data || !idx || !isa<IntegerType>(idx.getElementType()))
    return RuleResult::NotApplicable;
  FailureOr<int64_t> axis = node.getInt("axis", 0);
  if (failed(axis))
    return RuleResult::Failed;
  int64_t rank = data.getRank();
  if (*axis < -rank || *axis >= rank) {
    node.emitError() << "axis " << *axis << " is out of range for rank "
                     << rank;
    return RuleResult::Failed;
  }
  int64_t extent = data.getDimSize(*axis < 0 ? *axis + rank : *axis);
  Value indices = node.input(1);
  FailureOr<SmallVector<int64_t>> constant = node.getConstantInts(1);
  // Known dimensions picked from a Shape whose others are not known.
  if (std::optional<SmallVector<int64_t>> dims =
          getKnownShapeValues(node.input(0));
      dims && succeeded(constant) && idx.getRank() <= 1) {
    SmallVector<int64_t> picked;
    int64_t n = dims->size();
    for (int64_t i : *constant) {
      if (i < -n || i >= n || ShapedType::isDynamic((*dims)[i < 0 ? i + n : i]))
        break;
      picked.push_back((*dims)[i < 0 ? i + n : i]);
    }
    if (picked.size() == constant->size())
      return node.replaceWith(rewriter, createI64Vector(rewriter, node, picked,
                                                        idx.getRank() == 0));
  }
  if (succeeded(constant)) {
    if (llvm::any_of(*constant, [](int64_t i) { return i < 0; })) {
      if (ShapedType::isDynamic(extent))
        return RuleResult::NotApplicable;
      unsigned width = idx.getElementType().getIntOrFloatBitWidth();
      SmallVector<APInt> wrapped;
      for (int64_t i : *constant)
        wrapped.push_back(APInt(width, i < 0 ? i + extent : i, true));
      indices = ConstantOp::create(rewriter, node.loc, idx,
                                   DenseElementsAttr::get(idx, wrapped),
                                   StringAttr());
    }
  } else {
    if (ShapedType::isDynamic(extent))
      return RuleResult::NotApplicable;
    FailureOr<Value> wrapped = build<FloorModOp>(
        rewriter, node, indices,
        scalarConstant(rewriter, node.loc, idx.getElementType(), extent));
    if (failed(wrapped))
      return RuleResult::Failed;
    indices = *wrapped;
  }
  return replace(rewriter, node,
                 build<GatherOp>(rewriter, node, node.input(0), indices,
                                 i64(rewriter, *axis)));
}

/// DepthToSpace in DCR mode (ONNX's default) is TF's depth_to_space.
RuleResult depthToSpace(ImportNode &node, PatternRewriter &rewriter) {
  if (!node.inputType(0))
    return RuleResult::NotApplicable;
  FailureOr<int64_t> block = node.getInt("blocksize");
  FailureOr<StringRef> mode = node.getString("mode", StringRef("DCR"));
  if (failed(block) || failed(mode))
    return RuleResult::Failed;
  if (*mode != "DCR")
    return RuleResult::NotApplicable;
  return replace(rewriter, node,
                 build<DepthToSpaceOp>(rewriter, node, node.input(0),
                                       i64(rewriter, *block),
                                       i64(rewriter, 0)));
}

/// Shape of a statically shaped tensor is a constant (opset 15 slices it
/// with `start`/`end`).
RuleResult shape(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  if (!x)
    return RuleResult::NotApplicable;
  int64_t rank = x.getRank();
  FailureOr<int64_t> start = node.getInt("start", 0);
  FailureOr<int64_t> end = node.getInt("end", rank);
  if (failed(start) || failed(end))
    return RuleResult::Failed;
  auto [lo, hi] = shapeRange(rank, *start, *end);
  if (!x.hasStaticShape()) {
    // Known only at run time: the whole shape as `shape_of` (consumers
    // that take shape arithmetic see through it, evalShapeElements).
    if (lo != 0 || hi != rank)
      return RuleResult::NotApplicable;
    return replace(rewriter, node,
                   build<ShapeOfOp>(rewriter, node, node.input(0),
                                    TypeAttr::get(rewriter.getI64Type())));
  }
  ArrayRef<int64_t> dims = x.getShape().slice(lo, hi - lo);
  auto type =
      RankedTensorType::get({(int64_t)dims.size()}, rewriter.getI64Type());
  Value c = ConstantOp::create(rewriter, node.loc, type,
                               DenseElementsAttr::get(type, dims),
                               rewriter.getStringAttr(node.name));
  return node.replaceWith(rewriter, c);
}

/// Trilu with a constant (or absent) k: upper is triu(k); lower is
/// x - triu(x, k + 1).
RuleResult trilu(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  if (!x || x.getRank() < 2)
    return RuleResult::NotApplicable;
  int64_t k = 0;
  if (node.hasInput(1)) {
    FailureOr<SmallVector<int64_t>> c = node.getConstantInts(1);
    if (failed(c) || c->size() != 1)
      return RuleResult::NotApplicable; // k computed at run time.
    k = (*c)[0];
  }
  FailureOr<int64_t> upper = node.getInt("upper", 1);
  if (failed(upper))
    return RuleResult::Failed;
  if (*upper)
    return replace(
        rewriter, node,
        build<TriuOp>(rewriter, node, node.input(0), i64(rewriter, k)));
  FailureOr<Value> above =
      build<TriuOp>(rewriter, node, node.input(0), i64(rewriter, k + 1));
  if (failed(above))
    return RuleResult::Failed;
  return replace(rewriter, node,
                 build<SubtractOp>(rewriter, node, node.input(0), *above));
}

/// Slice with constant starts/ends/axes/steps (inputs from opset 10,
/// attributes before) as a strided_slice. ONNX clamps indices to the
/// dimension; an end before index 0 (negative steps) becomes an end-mask bit.
/// Slice whose axes too are known only at run time: a [rank, n] one-hot
/// of which entry slices which dimension (axes taken modulo the rank)
/// turns starts, ends and steps into one entry per dimension by a masked
/// sum; a dimension no axis names gets the whole range (start 0, end the
/// type's maximum, step 1), so no mask is needed.
RuleResult sliceWithRunTimeAxes(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  int64_t rank = x.getRank();
  int64_t n = node.inputType(1).getDimSize(0);
  Location loc = node.loc;
  Type i64t = rewriter.getI64Type();
  auto cast = [&](Value v) -> FailureOr<Value> {
    auto t = dyn_cast<RankedTensorType>(v.getType());
    if (!t || t.getRank() != 1 || t.getDimSize(0) != n ||
        !isa<IntegerType>(t.getElementType()))
      return failure();
    if (t.getElementType() == i64t)
      return v;
    return build<CastOp>(rewriter, node, v, TypeAttr::get(i64t));
  };
  FailureOr<Value> axes = cast(node.input(3));
  FailureOr<Value> starts = cast(node.input(1)), ends = cast(node.input(2));
  FailureOr<Value> steps =
      node.hasInput(4) ? cast(node.input(4)) : FailureOr<Value>(Value());
  if (failed(axes) || failed(starts) || failed(ends) || failed(steps))
    return RuleResult::NotApplicable;
  auto columnType = RankedTensorType::get({rank, 1}, i64t);
  SmallVector<int64_t> dims;
  for (int64_t d = 0; d < rank; ++d)
    dims.push_back(d);
  Value column = ConstantOp::create(
      rewriter, loc, columnType,
      DenseElementsAttr::get(columnType, ArrayRef(dims)), StringAttr());
  Value rankValue = scalarConstant(rewriter, loc, i64t, rank);
  FailureOr<Value> wrapped = build<AddOp>(rewriter, node, *axes, rankValue);
  if (succeeded(wrapped))
    wrapped = build<FloorModOp>(rewriter, node, *wrapped, rankValue);
  FailureOr<Value> hit = succeeded(wrapped)
                             ? build<EqualsOp>(rewriter, node, column, *wrapped)
                             : wrapped;
  FailureOr<Value> oneHot =
      succeeded(hit) ? build<CastOp>(rewriter, node, *hit, TypeAttr::get(i64t))
                     : hit;
  if (failed(oneHot))
    return RuleResult::Failed;
  auto rows = rewriter.getDenseI64ArrayAttr({1});
  auto noKeep = rewriter.getBoolAttr(false);
  auto perDimension = [&](Value v) -> FailureOr<Value> {
    FailureOr<Value> masked = build<MultiplyOp>(rewriter, node, *oneHot, v);
    if (failed(masked))
      return failure();
    return build<ReduceSumOp>(rewriter, node, *masked, rows, noKeep);
  };
  FailureOr<Value> listed =
      build<ReduceSumOp>(rewriter, node, *oneHot, rows, noKeep);
  FailureOr<Value> unlisted =
      succeeded(listed)
          ? build<SubtractOp>(rewriter, node,
                              scalarConstant(rewriter, loc, i64t, 1), *listed)
          : listed;
  FailureOr<Value> begin = perDimension(*starts);
  FailureOr<Value> end = perDimension(*ends);
  FailureOr<Value> stride = *steps ? perDimension(*steps) : FailureOr<Value>();
  if (failed(unlisted) || failed(begin) || failed(end) ||
      (*steps && failed(stride)))
    return RuleResult::Failed;
  auto scalarType = RankedTensorType::get({}, i64t);
  Value maxEnd = ConstantOp::create(
      rewriter, loc, scalarType,
      DenseElementsAttr::get(scalarType,
                             ArrayRef(std::numeric_limits<int64_t>::max())),
      StringAttr());
  FailureOr<Value> toEnd = build<MultiplyOp>(rewriter, node, *unlisted, maxEnd);
  if (succeeded(toEnd))
    end = build<AddOp>(rewriter, node, *end, *toEnd);
  if (*steps)
    stride = build<AddOp>(rewriter, node, *stride, *unlisted);
  if (failed(end) || (*steps && failed(stride)))
    return RuleResult::Failed;
  auto I = [&](int64_t v) { return i64(rewriter, v); };
  auto none = rewriter.getDenseI64ArrayAttr({});
  return replace(rewriter, node,
                 build<StridedSliceOp>(rewriter, node, node.input(0), *begin,
                                       *end, *steps ? *stride : Value(), I(0),
                                       I(0), I(0), I(0), I(0), none, none,
                                       none));
}

/// Slice whose starts, ends or steps are known only at run time (the axes
/// must be constants): strided_slice with run-time bounds, one entry per
/// dimension. Each vector is the node's input with a neutral entry appended
/// (0 for starts and ends, 1 for steps), gathered by dimension: listed
/// dimensions take their entry, the others the neutral one and the masks
/// take them whole.
RuleResult sliceAtRunTime(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  RankedTensorType startsType = node.inputType(1);
  if (!x || !startsType || startsType.getRank() != 1 ||
      startsType.isDynamicDim(0) || !node.inputType(2))
    return RuleResult::NotApplicable;
  int64_t rank = x.getRank(), n = startsType.getDimSize(0);
  if (n > rank) {
    node.emitError() << "starts has " << n << " entries for an input of rank "
                     << rank;
    return RuleResult::Failed;
  }
  SmallVector<int64_t> allAxes;
  for (int64_t i = 0; i < n; ++i)
    allAxes.push_back(i);
  FailureOr<SmallVector<int64_t>> axes =
      node.hasInput(3) ? node.getConstantInts(3)
                       : FailureOr<SmallVector<int64_t>>(allAxes);
  if (failed(axes))
    return sliceWithRunTimeAxes(node, rewriter);
  if (static_cast<int64_t>(axes->size()) != n) {
    node.emitError() << "starts and axes differ in length";
    return RuleResult::Failed;
  }
  // Position of each dimension's entry; n (the appended one) if unlisted.
  SmallVector<int64_t> position(rank, n);
  int64_t listed = 0;
  for (auto [k, axis] : llvm::enumerate(*axes)) {
    int64_t d = axis < 0 ? axis + rank : axis;
    if (d < 0 || d >= rank || position[d] != n) {
      node.emitError() << "axis " << axis << " is invalid or repeated for rank "
                       << rank;
      return RuleResult::Failed;
    }
    position[d] = k;
    listed |= int64_t(1) << d;
  }
  int64_t whole = ((int64_t(1) << rank) - 1) & ~listed;
  Value positions = i64VectorConstant(rewriter, node.loc, position);
  auto perDimension = [&](Value v, double neutral) -> FailureOr<Value> {
    auto type = dyn_cast<RankedTensorType>(v.getType());
    if (!type || type.getRank() != 1 || type.getDimSize(0) != n ||
        !isa<IntegerType>(type.getElementType()))
      return failure();
    auto one = RankedTensorType::get({1}, type.getElementType());
    Value extra = ConstantOp::create(
        rewriter, node.loc, one,
        DenseElementsAttr::get(
            one, rewriter.getIntegerAttr(type.getElementType(),
                                         static_cast<int64_t>(neutral))),
        StringAttr());
    FailureOr<Value> ext =
        build<ConcatOp>(rewriter, node, ValueRange{v, extra}, i64(rewriter, 0));
    if (failed(ext))
      return failure();
    return build<GatherOp>(rewriter, node, *ext, positions, i64(rewriter, 0));
  };
  FailureOr<Value> begin = perDimension(node.input(1), 0);
  FailureOr<Value> end = perDimension(node.input(2), 0);
  FailureOr<Value> stride =
      node.hasInput(4) ? perDimension(node.input(4), 1) : FailureOr<Value>();
  if (failed(begin) || failed(end) || (node.hasInput(4) && failed(stride)))
    return RuleResult::NotApplicable;
  auto I = [&](int64_t v) { return i64(rewriter, v); };
  auto none = rewriter.getDenseI64ArrayAttr({});
  return replace(
      rewriter, node,
      build<StridedSliceOp>(rewriter, node, node.input(0), *begin, *end,
                            node.hasInput(4) ? *stride : Value(), I(whole),
                            I(0), I(whole), I(0), I(0), none, none, none));
}

RuleResult slice(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  if (!x)
    return RuleResult::NotApplicable;
  int64_t rank = x.getRank();
  FailureOr<SmallVector<int64_t>> starts, ends, axes, steps;
  bool fromInputs = !node.opset || node.opset >= 10;
  if (fromInputs) {
    starts = node.getConstantInts(1);
    ends = node.getConstantInts(2);
    FailureOr<SmallVector<int64_t>> constantSteps =
        node.hasInput(4)
            ? node.getConstantInts(4)
            : FailureOr<SmallVector<int64_t>>(SmallVector<int64_t>());
    if (failed(starts) || failed(ends) || failed(constantSteps))
      return sliceAtRunTime(node, rewriter);
  } else {
    starts = node.getInts("starts");
    ends = node.getInts("ends");
    if (failed(starts) || failed(ends))
      return RuleResult::Failed;
  }
  SmallVector<int64_t> allAxes;
  for (int64_t i = 0; i < static_cast<int64_t>(starts->size()); ++i)
    allAxes.push_back(i);
  SmallVector<int64_t> ones(starts->size(), 1);
  if (fromInputs) {
    axes = node.hasInput(3) ? node.getConstantInts(3)
                            : FailureOr<SmallVector<int64_t>>(allAxes);
    steps = node.hasInput(4) ? node.getConstantInts(4)
                             : FailureOr<SmallVector<int64_t>>(ones);
    if (failed(axes) || failed(steps))
      return RuleResult::NotApplicable;
  } else {
    axes = node.getInts("axes", ArrayRef<int64_t>(allAxes));
    steps = ones;
    if (failed(axes))
      return RuleResult::Failed;
  }
  if (ends->size() != starts->size() || axes->size() != starts->size() ||
      steps->size() != starts->size()) {
    node.emitError() << "starts, ends, axes and steps differ in length";
    return RuleResult::Failed;
  }
  // Known dimensions sliced out of a Shape whose others are not known.
  if (std::optional<SmallVector<int64_t>> dims =
          getKnownShapeValues(node.input(0));
      dims && starts->size() == 1) {
    int64_t n = dims->size(), s = (*steps)[0];
    int64_t axis = (*axes)[0];
    if ((axis == 0 || axis == -1) && s != 0) {
      auto clampIndex = [&](int64_t i, bool isEnd) {
        if (i < 0)
          i += n;
        return s > 0 ? std::clamp<int64_t>(i, 0, n)
                     : std::clamp<int64_t>(i, isEnd ? -1 : 0, n - 1);
      };
      SmallVector<int64_t> picked;
      bool known = true;
      for (int64_t i = clampIndex((*starts)[0], false),
                   e = clampIndex((*ends)[0], true);
           s > 0 ? i < e : i > e; i += s) {
        known &= !ShapedType::isDynamic((*dims)[i]);
        picked.push_back((*dims)[i]);
      }
      if (known)
        return node.replaceWith(rewriter,
                                createI64Vector(rewriter, node, picked));
    }
  }
  // Untouched dimensions: whole range through the masks.
  int64_t beginMask = (int64_t(1) << rank) - 1, endMask = beginMask;
  SmallVector<int64_t> begin(rank, 0), end(rank, 0), stride(rank, 1);
  for (auto [start, stop, axis, step] :
       llvm::zip(*starts, *ends, *axes, *steps)) {
    int64_t d = axis < 0 ? axis + rank : axis;
    if (d < 0 || d >= rank || step == 0) {
      node.emitError() << "axis " << axis << " or step " << step
                       << " is invalid for rank " << rank;
      return RuleResult::Failed;
    }
    int64_t n = x.getDimSize(d), s = step;
    if (ShapedType::isDynamic(n)) {
      // A dimension known only at run time can still be taken whole.
      if (start == 0 && step == 1 && stop >= (int64_t{1} << 31) - 1)
        continue;
      return RuleResult::NotApplicable;
    }
    auto clampIndex = [&](int64_t i, bool isEnd) {
      if (i < 0)
        i += n;
      return s > 0 ? std::clamp<int64_t>(i, 0, n)
                   : std::clamp<int64_t>(i, isEnd ? -1 : 0, n - 1);
    };
    beginMask &= ~(int64_t(1) << d);
    begin[d] = clampIndex(start, false);
    stride[d] = step;
    int64_t e = clampIndex(stop, true);
    if (e == -1) // Past index 0 going backwards: only a mask says that.
      continue;
    endMask &= ~(int64_t(1) << d);
    end[d] = e;
  }
  auto I = [&](int64_t v) { return i64(rewriter, v); };
  return replace(rewriter, node,
                 build<StridedSliceOp>(rewriter, node, node.input(0),
                                       I(beginMask), I(0), I(endMask), I(0),
                                       I(0),
                                       rewriter.getDenseI64ArrayAttr(begin),
                                       rewriter.getDenseI64ArrayAttr(end),
                                       rewriter.getDenseI64ArrayAttr(stride)));
}

/// Pad with constant pads (an attribute before opset 11, an input after):
/// ONNX's [b1, b2, ..., e1, e2, ...] becomes nd4j's [[b1, e1], [b2, e2], ...].
/// "edge" padding has no nd4j counterpart.
RuleResult pad(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  if (!x)
    return RuleResult::NotApplicable;
  bool fromInputs = !node.opset || node.opset >= 11;
  FailureOr<SmallVector<int64_t>> pads =
      fromInputs ? node.getConstantInts(1)
                 : node.getInts(node.opset < 2 ? "paddings" : "pads");
  FailureOr<StringRef> mode = node.getString("mode", StringRef("constant"));
  if (failed(mode))
    return RuleResult::Failed;
  if (failed(pads))
    return fromInputs ? RuleResult::NotApplicable : RuleResult::Failed;
  double value = 0.0;
  if (fromInputs && node.hasInput(2)) {
    FailureOr<SmallVector<double>> c = node.getConstantFloats(2);
    if (failed(c) || c->size() != 1)
      return RuleResult::NotApplicable;
    value = (*c)[0];
  } else if (!fromInputs) {
    FailureOr<double> v = node.getFloat("value", 0.0);
    if (failed(v))
      return RuleResult::Failed;
    value = *v;
  }
  int64_t ndMode = *mode == "constant" ? 0 : *mode == "reflect" ? 1 : -1;
  int64_t rank = x.getRank();
  if (ndMode < 0 || static_cast<int64_t>(pads->size()) != 2 * rank ||
      llvm::any_of(*pads, [](int64_t p) { return p < 0; }))
    return RuleResult::NotApplicable; // edge mode; cropping pads.
  SmallVector<int64_t> amounts;
  for (int64_t d = 0; d < rank; ++d)
    amounts.append({(*pads)[d], (*pads)[d + rank]});
  auto type = RankedTensorType::get({rank, 2}, rewriter.getI64Type());
  Value paddings = ConstantOp::create(
      rewriter, node.loc, type,
      DenseElementsAttr::get(type, ArrayRef<int64_t>(amounts)), StringAttr());
  return replace(rewriter, node,
                 build<PadOp>(rewriter, node, node.input(0), paddings,
                              i64(rewriter, ndMode), f64(rewriter, value)));
}

/// Normalization over `axes` composed from nd4j ops: with
/// m = mean(x), d = x - m, v = mean(d * d) and inv = 1 / sqrt(v + eps),
/// returns d * inv; `mean` and `invStdDev` receive m and inv.
FailureOr<Value> normalize(ImportNode &node, PatternRewriter &rewriter,
                           ArrayRef<int64_t> axes, double eps, Value &mean,
                           Value &invStdDev) {
  Value x = node.input(0);
  auto element = cast<FloatType>(node.inputType(0).getElementType());
  auto dims = rewriter.getDenseI64ArrayAttr(axes);
  auto keep = rewriter.getBoolAttr(true);
  auto scalarType = RankedTensorType::get({}, element);
  Value epsilon = ConstantOp::create(
      rewriter, node.loc, scalarType,
      DenseElementsAttr::get(scalarType, rewriter.getFloatAttr(element, eps)),
      StringAttr());
  FailureOr<Value> m = build<ReduceMeanOp>(rewriter, node, x, dims, keep);
  if (failed(m))
    return failure();
  FailureOr<Value> d = build<SubtractOp>(rewriter, node, x, *m);
  if (failed(d))
    return failure();
  FailureOr<Value> sq = build<MultiplyOp>(rewriter, node, *d, *d);
  FailureOr<Value> v =
      succeeded(sq) ? build<ReduceMeanOp>(rewriter, node, *sq, dims, keep) : sq;
  FailureOr<Value> ve =
      succeeded(v) ? build<AddOp>(rewriter, node, *v, epsilon) : v;
  FailureOr<Value> sd = succeeded(ve) ? build<SqrtOp>(rewriter, node, *ve) : ve;
  FailureOr<Value> inv =
      succeeded(sd) ? build<ReciprocalOp>(rewriter, node, *sd) : sd;
  if (failed(inv))
    return failure();
  mean = *m;
  invStdDev = *inv;
  return build<MultiplyOp>(rewriter, node, *d, *inv);
}

/// LayerNormalization over the dimensions from `axis` on, with its optional
/// Mean and InvStdDev outputs.
RuleResult layerNorm(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  if (!x || !isa<FloatType>(x.getElementType()) || !node.inputType(1))
    return RuleResult::NotApplicable;
  FailureOr<int64_t> axis = node.getInt("axis", -1);
  FailureOr<double> eps = node.getFloat("epsilon", 1e-5);
  if (failed(axis) || failed(eps))
    return RuleResult::Failed;
  int64_t rank = x.getRank();
  int64_t first = *axis < 0 ? *axis + rank : *axis;
  if (first < 0 || first >= rank) {
    node.emitError() << "axis " << *axis << " is out of range for rank "
                     << rank;
    return RuleResult::Failed;
  }
  SmallVector<int64_t> axes;
  for (int64_t d = first; d < rank; ++d)
    axes.push_back(d);
  Value mean, inv;
  FailureOr<Value> y = normalize(node, rewriter, axes, *eps, mean, inv);
  if (succeeded(y))
    y = build<MultiplyOp>(rewriter, node, *y, node.input(1));
  if (succeeded(y) && node.hasInput(2))
    y = build<AddOp>(rewriter, node, *y, node.input(2));
  if (failed(y))
    return RuleResult::Failed;
  SmallVector<Value> results = {*y, mean, inv};
  results.resize(node.getNumResults());
  return node.replaceWith(rewriter, results);
}

/// InstanceNormalization: per sample and channel over the spatial
/// dimensions; scale and bias [C] broadcast along dimension 1.
RuleResult instanceNorm(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  if (!x || x.getRank() < 3 || !isa<FloatType>(x.getElementType()) ||
      !node.inputType(1) || !node.inputType(2) ||
      !node.inputType(1).hasStaticShape() ||
      !node.inputType(2).hasStaticShape())
    return RuleResult::NotApplicable;
  FailureOr<double> eps = node.getFloat("epsilon", 1e-5);
  if (failed(eps))
    return RuleResult::Failed;
  SmallVector<int64_t> axes;
  for (int64_t d = 2; d < x.getRank(); ++d)
    axes.push_back(d);
  // [C] -> [C, 1, ..., 1] so that it lines up with dimension 1.
  SmallVector<int64_t> channelShape(x.getRank() - 1, 1);
  channelShape[0] = node.inputType(1).getNumElements();
  auto shapeAttr = rewriter.getDenseI64ArrayAttr(channelShape);
  Value mean, inv;
  FailureOr<Value> y = normalize(node, rewriter, axes, *eps, mean, inv);
  FailureOr<Value> scale =
      build<ReshapeOp>(rewriter, node, node.input(1), shapeAttr);
  FailureOr<Value> bias =
      build<ReshapeOp>(rewriter, node, node.input(2), shapeAttr);
  if (failed(y) || failed(scale) || failed(bias))
    return RuleResult::Failed;
  y = build<MultiplyOp>(rewriter, node, *y, *scale);
  if (succeeded(y))
    y = build<AddOp>(rewriter, node, *y, *bias);
  return replace(rewriter, node, y);
}

/// Size of a statically shaped tensor is a constant.
RuleResult size(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  if (!x || !x.hasStaticShape())
    return RuleResult::NotApplicable;
  auto type = RankedTensorType::get({}, rewriter.getI64Type());
  Value c = ConstantOp::create(rewriter, node.loc, type,
                               DenseElementsAttr::get(type, x.getNumElements()),
                               rewriter.getStringAttr(node.name));
  return node.replaceWith(rewriter, c);
}

/// Range with constant start, limit and delta is a constant:
/// max(ceil((limit - start) / delta), 0) elements.
RuleResult range(ImportNode &node, PatternRewriter &rewriter) {
  auto result = dyn_cast<ShapedType>(node.resultType(0));
  FailureOr<SmallVector<double>> start = node.getConstantFloats(0);
  FailureOr<SmallVector<double>> limit = node.getConstantFloats(1);
  FailureOr<SmallVector<double>> delta = node.getConstantFloats(2);
  if (!result || failed(start) || failed(limit) || failed(delta) ||
      start->size() != 1 || limit->size() != 1 || delta->size() != 1)
    return RuleResult::NotApplicable;
  double s = (*start)[0], l = (*limit)[0], d = (*delta)[0];
  if (d == 0) {
    node.emitError() << "delta is 0";
    return RuleResult::Failed;
  }
  int64_t n =
      std::max<int64_t>(0, static_cast<int64_t>(std::ceil((l - s) / d)));
  Type element = result.getElementType();
  auto type = RankedTensorType::get({n}, element);
  DenseElementsAttr values;
  if (isa<FloatType>(element)) {
    SmallVector<APFloat> v;
    for (int64_t i = 0; i < n; ++i) {
      APFloat f(s + i * d);
      bool lost;
      f.convert(cast<FloatType>(element).getFloatSemantics(),
                APFloat::rmNearestTiesToEven, &lost);
      v.push_back(f);
    }
    values = DenseElementsAttr::get(type, v);
  } else if (auto it = dyn_cast<IntegerType>(element)) {
    SmallVector<APInt> v;
    for (int64_t i = 0; i < n; ++i)
      v.push_back(APInt(it.getWidth(),
                        static_cast<int64_t>(s) + i * static_cast<int64_t>(d),
                        /*isSigned=*/true));
    values = DenseElementsAttr::get(type, v);
  } else {
    return RuleResult::NotApplicable;
  }
  Value c = ConstantOp::create(rewriter, node.loc, type, values,
                               rewriter.getStringAttr(node.name));
  return node.replaceWith(rewriter, c);
}

/// Unsqueeze and Squeeze as a reshape: the result shape is known, with at
/// most one dynamic dimension (which becomes -1).
RuleResult reshapeToResult(ImportNode &node, PatternRewriter &rewriter) {
  auto result = dyn_cast<RankedTensorType>(node.resultType(0));
  if (!node.inputType(0) || !result ||
      llvm::count_if(result.getShape(), ShapedType::isDynamic) > 1)
    return RuleResult::NotApplicable;
  SmallVector<int64_t> shape(result.getShape());
  for (int64_t &d : shape)
    if (ShapedType::isDynamic(d))
      d = -1;
  return replace(rewriter, node,
                 build<ReshapeOp>(rewriter, node, node.input(0),
                                  rewriter.getDenseI64ArrayAttr(shape)));
}

//===----------------------------------------------------------------------===//
// Linear algebra
//===----------------------------------------------------------------------===//

RuleResult matmul(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType a = node.inputType(0), b = node.inputType(1);
  // Vector operands (rank 1) follow numpy promotion nd4j's matmul lacks.
  if (!a || !b || a.getRank() < 2 || b.getRank() < 2)
    return RuleResult::NotApplicable;
  return replace(rewriter, node,
                 build<MatmulOp>(rewriter, node, node.input(0), node.input(1),
                                 i64(rewriter, 0), i64(rewriter, 0),
                                 i64(rewriter, 0), f64(rewriter, 1.0),
                                 f64(rewriter, 0.0)));
}

/// Gemm: alpha * A' x B' + beta * C.
RuleResult gemm(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType a = node.inputType(0), b = node.inputType(1);
  if (!a || !b || a.getRank() != 2 || b.getRank() != 2)
    return RuleResult::NotApplicable;
  FailureOr<int64_t> transA = node.getInt("transA", 0);
  FailureOr<int64_t> transB = node.getInt("transB", 0);
  FailureOr<double> alpha = node.getFloat("alpha", 1.0);
  FailureOr<double> beta = node.getFloat("beta", 1.0);
  if (failed(transA) || failed(transB) || failed(alpha) || failed(beta))
    return RuleResult::Failed;
  FailureOr<int64_t> broadcast = node.getInt("broadcast", 0);
  if (failed(broadcast))
    return RuleResult::Failed;
  FailureOr<Value> product = build<MatmulOp>(
      rewriter, node, node.input(0), node.input(1), i64(rewriter, *transA != 0),
      i64(rewriter, *transB != 0), i64(rewriter, 0), f64(rewriter, *alpha),
      f64(rewriter, 0.0));
  if (failed(product))
    return RuleResult::Failed;
  Value c = node.input(2);
  if (!c || *beta == 0.0)
    return node.replaceWith(rewriter, *product);
  if (!node.inputType(2))
    return RuleResult::NotApplicable;
  if (*beta != 1.0) {
    auto scalarType =
        RankedTensorType::get({}, node.inputType(2).getElementType());
    if (!isa<FloatType>(scalarType.getElementType()))
      return RuleResult::NotApplicable;
    Value betaC = ConstantOp::create(
        rewriter, node.loc, scalarType,
        DenseElementsAttr::get(
            scalarType,
            rewriter.getFloatAttr(scalarType.getElementType(), *beta)),
        StringAttr());
    FailureOr<Value> scaled = build<MultiplyOp>(rewriter, node, c, betaC);
    if (failed(scaled))
      return RuleResult::Failed;
    c = *scaled;
  }
  // Before opset 7, C either is [M, N] or (`broadcast`) broadcasts to it
  // from the trailing dimensions, as numpy's does; from opset 7 it
  // broadcasts unidirectionally. Either way the sum must keep [M, N].
  FailureOr<Value> sum = build<AddOp>(rewriter, node, *product, c);
  if (failed(sum))
    return RuleResult::Failed;
  if (sum->getType() != product->getType())
    return RuleResult::NotApplicable;
  return node.replaceWith(rewriter, *sum);
}

//===----------------------------------------------------------------------===//
// Convolution and pooling (2-D, NCHW)
//===----------------------------------------------------------------------===//

/// The window attributes of an N-D Conv or pool (kernel, strides,
/// dilations, pads), reduced to nd4j's symmetric padding.
struct Window {
  SmallVector<int64_t, 3> k, s, p, d;
  int64_t same = 0;
  /// Pads nd4j's symmetric padding cannot express (SAME_LOWER, unequal
  /// begin and end, ceil_mode's extra end): the caller pads the input by
  /// `begin`/`end` itself and runs the window unpadded.
  bool explicitPads = false;
  SmallVector<int64_t, 3> begin, end;
};

/// ONNX's output extent with ceil_mode: ceil instead of floor, but no window
/// may start past the input and its begin padding.
int64_t ceilOutput(int64_t in, int64_t k, int64_t s, int64_t d, int64_t pb,
                   int64_t pe) {
  int64_t span = in + pb + pe - (d * (k - 1) + 1);
  int64_t out = (span + s - 1) / s + 1;
  if ((out - 1) * s >= in + pb)
    --out;
  return out;
}

/// `spatial` (the input's spatial extents, when static) lets pads nd4j cannot
/// express become explicit ones (see Window); without it they are
/// NotApplicable. `ceilMode` is a pool's ceil_mode.
RuleResult bindWindow(ImportNode &node, ArrayRef<int64_t> kernel, unsigned rank,
                      Window &w, ArrayRef<int64_t> spatial = {},
                      bool ceilMode = false) {
  if (kernel.size() != rank)
    return RuleResult::NotApplicable; // Windows of another rank: other ops.
  SmallVector<int64_t, 3> ones(rank, 1);
  SmallVector<int64_t, 6> zeros(2 * rank, 0);
  auto strides = node.getInts("strides", ArrayRef<int64_t>(ones));
  auto dilations = node.getInts("dilations", ArrayRef<int64_t>(ones));
  auto pads = node.getInts("pads", ArrayRef<int64_t>(zeros));
  auto autoPad = node.getString("auto_pad", StringRef("NOTSET"));
  if (failed(strides) || failed(dilations) || failed(pads) || failed(autoPad))
    return RuleResult::Failed;
  if (strides->size() != rank || dilations->size() != rank ||
      pads->size() != 2 * rank) {
    node.emitError() << "strides, dilations and pads must have " << rank << ", "
                     << rank << " and " << 2 * rank << " entries for a " << rank
                     << "-D window";
    return RuleResult::Failed;
  }
  w.k.assign(kernel.begin(), kernel.end());
  w.s.assign(strides->begin(), strides->end());
  w.d.assign(dilations->begin(), dilations->end());
  w.p.assign(rank, 0);
  bool known =
      spatial.size() == rank && llvm::none_of(spatial, ShapedType::isDynamic);
  if (*autoPad == "SAME_UPPER" && !ceilMode) {
    w.same = 1; // nd4j's SAME pads the extra row/column at the end, too.
    return RuleResult::Continue;
  }
  if (*autoPad == "VALID" && !ceilMode)
    return RuleResult::Continue;
  if (*autoPad != "NOTSET" && *autoPad != "VALID" && *autoPad != "SAME_UPPER" &&
      *autoPad != "SAME_LOWER")
    return RuleResult::NotApplicable;
  SmallVector<int64_t, 3> begin(rank, 0), end(rank, 0);
  bool symmetric = !ceilMode;
  for (unsigned i = 0; i < rank; ++i) {
    int64_t in = known ? spatial[i] : ShapedType::kDynamic;
    int64_t effective = w.d[i] * (w.k[i] - 1) + 1;
    if (*autoPad == "NOTSET") {
      begin[i] = (*pads)[i], end[i] = (*pads)[i + rank];
    } else if (*autoPad != "VALID") {
      if (!known)
        return RuleResult::NotApplicable;
      std::tie(begin[i], end[i]) =
          samePadding(in, w.k[i], w.s[i], w.d[i], *autoPad == "SAME_LOWER");
    }
    if (ceilMode) {
      if (!known)
        return RuleResult::NotApplicable;
      int64_t out = ceilOutput(in, w.k[i], w.s[i], w.d[i], begin[i], end[i]);
      end[i] = std::max<int64_t>(end[i], (out - 1) * w.s[i] + effective - in -
                                             begin[i]);
    }
    symmetric &= begin[i] == end[i];
  }
  if (symmetric) {
    w.p.assign(begin.begin(), begin.end());
    return RuleResult::Continue;
  }
  if (!known)
    return RuleResult::NotApplicable;
  w.explicitPads = true;
  w.begin = begin, w.end = end;
  return RuleResult::Continue;
}

/// `x` [N, C, spatial...] padded by the window's explicit pads with `value`.
FailureOr<Value> padExplicitly(ImportNode &node, PatternRewriter &rewriter,
                               Value x, const Window &w, double value) {
  SmallVector<int64_t> amounts = {0, 0, 0, 0};
  for (auto [b, e] : llvm::zip(w.begin, w.end))
    amounts.append({b, e});
  auto type = RankedTensorType::get({(int64_t)amounts.size() / 2, 2},
                                    rewriter.getI64Type());
  Value paddings = ConstantOp::create(
      rewriter, node.loc, type,
      DenseElementsAttr::get(type, ArrayRef<int64_t>(amounts)), StringAttr());
  return build<PadOp>(rewriter, node, x, paddings, i64(rewriter, 0),
                      f64(rewriter, value));
}

/// Depthwise convolution (group == input channels): ONNX weights
/// [iC * m, 1, kH, kW] become depthwise_conv2d's [kH, kW, iC, m].
RuleResult depthwise(ImportNode &node, PatternRewriter &rewriter, int64_t group,
                     Value &result) {
  RankedTensorType x = node.inputType(0), w = node.inputType(1);
  if (x.isDynamicDim(1) || x.getDimSize(1) != group || !w.hasStaticShape() ||
      w.getDimSize(1) != 1 || w.getDimSize(0) % group != 0)
    return RuleResult::NotApplicable; // Other grouped convolutions.
  int64_t m = w.getDimSize(0) / group, kH = w.getDimSize(2),
          kW = w.getDimSize(3);
  auto kernel = node.getInts("kernel_shape", ArrayRef<int64_t>{kH, kW});
  if (failed(kernel))
    return RuleResult::Failed;
  Window win;
  if (RuleResult r = bindWindow(node, *kernel, 2, win);
      r != RuleResult::Continue)
    return r;
  FailureOr<Value> weights =
      build<ReshapeOp>(rewriter, node, node.input(1),
                       rewriter.getDenseI64ArrayAttr({group, m, kH, kW}));
  if (succeeded(weights))
    weights = build<PermuteOp>(rewriter, node, *weights,
                               rewriter.getDenseI64ArrayAttr({2, 3, 0, 1}));
  if (failed(weights))
    return RuleResult::Failed;
  auto I = [&](int64_t v) { return i64(rewriter, v); };
  FailureOr<Value> y = build<DepthwiseConv2DOp>(
      rewriter, node, node.input(0), *weights, node.input(2), I(win.k[0]),
      I(win.k[1]), I(win.s[0]), I(win.s[1]), I(win.p[0]), I(win.p[1]),
      I(win.d[0]), I(win.d[1]), I(win.same), I(0));
  if (failed(y))
    return RuleResult::Failed;
  result = *y;
  return RuleResult::Continue;
}

/// Builds the 2-D convolution of `node` (NCHW input, OIHW weights) into
/// `result`; Continue on success.
RuleResult conv2dValue(ImportNode &node, PatternRewriter &rewriter,
                       Value &result) {
  RankedTensorType x = node.inputType(0), w = node.inputType(1);
  if (!x || !w || w.getRank() != 4 || x.getRank() != 4)
    return RuleResult::NotApplicable;
  FailureOr<int64_t> group = node.getInt("group", 1);
  if (failed(group))
    return RuleResult::Failed;
  if (*group != 1)
    return depthwise(node, rewriter, *group, result);
  if (w.isDynamicDim(2) || w.isDynamicDim(3))
    return RuleResult::NotApplicable;
  auto kernel = node.getInts(
      "kernel_shape", ArrayRef<int64_t>{w.getDimSize(2), w.getDimSize(3)});
  if (failed(kernel))
    return RuleResult::Failed;
  Window win;
  if (RuleResult r =
          bindWindow(node, *kernel, 2, win, x.getShape().drop_front(2));
      r != RuleResult::Continue)
    return r;
  // Zeros are what the convolution's own padding adds.
  FailureOr<Value> in = node.input(0);
  if (win.explicitPads)
    in = padExplicitly(node, rewriter, *in, win, 0.0);
  if (failed(in))
    return RuleResult::Failed;
  auto I = [&](int64_t v) { return i64(rewriter, v); };
  FailureOr<Value> y = build<Conv2DOp>(
      rewriter, node, *in, node.input(1), node.input(2), I(win.k[0]),
      I(win.k[1]), I(win.s[0]), I(win.s[1]), I(win.p[0]), I(win.p[1]),
      I(win.d[0]), I(win.d[1]), I(win.same), I(0), I(1));
  if (failed(y))
    return RuleResult::Failed;
  result = *y;
  return RuleResult::Continue;
}

/// The pool attributes besides the window: the kernel, and
/// count_include_pad; ceil_mode and a column-major storage_order have no nd4j
/// counterpart.
RuleResult bindPool(ImportNode &node, SmallVector<int64_t> &kernel,
                    int64_t &countPad, bool *ceil = nullptr) {
  auto k = node.getInts("kernel_shape");
  auto ceilMode = node.getInt("ceil_mode", 0);
  auto storageOrder = node.getInt("storage_order", 0);
  auto pad = node.getInt("count_include_pad", 0);
  if (failed(k) || failed(ceilMode) || failed(storageOrder) || failed(pad))
    return RuleResult::Failed;
  if ((*ceilMode != 0 && !ceil) || *storageOrder != 0)
    return RuleResult::NotApplicable;
  if (ceil)
    *ceil = *ceilMode != 0;
  kernel = *k;
  countPad = *pad;
  return RuleResult::Continue;
}

/// Builds the 2-D pool of `node` into `result`; Continue on success.
template <typename OpTy>
RuleResult pool2dValue(ImportNode &node, PatternRewriter &rewriter,
                       Value &result) {
  constexpr bool isAverage = std::is_same_v<OpTy, AvgPool2DOp>;
  RankedTensorType x = node.inputType(0);
  // MaxPool's Indices output has no nd4j counterpart.
  if (!x || x.getRank() != 4 ||
      (node.getNumResults() > 1 && node.isResultUsed(1)))
    return RuleResult::NotApplicable;
  SmallVector<int64_t> kernel;
  int64_t countPad;
  bool ceilMode;
  if (RuleResult r = bindPool(node, kernel, countPad, &ceilMode);
      r != RuleResult::Continue)
    return r;
  // Whether ceil_mode's extension counts as padding is unclear in ONNX;
  // where no pad counts, it does not either.
  if (isAverage && ceilMode && countPad)
    return RuleResult::NotApplicable;
  Window win;
  if (RuleResult r = bindWindow(node, kernel, 2, win,
                                x.getShape().drop_front(2), ceilMode);
      r != RuleResult::Continue)
    return r;
  FailureOr<Value> in = node.input(0);
  if (win.explicitPads) {
    // Max ignores -inf padding; an average counts explicit padding.
    in = padExplicitly(node, rewriter, *in, win,
                       isAverage ? 0.0
                                 : -std::numeric_limits<double>::infinity());
    if (failed(in))
      return RuleResult::Failed;
  }
  auto I = [&](int64_t v) { return i64(rewriter, v); };
  auto pool = [&](Value v) {
    return build<OpTy>(rewriter, node, v, I(win.k[0]), I(win.k[1]), I(win.s[0]),
                       I(win.s[1]), I(win.p[0]), I(win.p[1]), I(win.d[0]),
                       I(win.d[1]), I(win.same), I(isAverage ? countPad : 0),
                       I(0));
  };
  FailureOr<Value> y = pool(*in);
  if (failed(y))
    return RuleResult::Failed;
  if (isAverage && win.explicitPads && !countPad) {
    // The explicit pads must not count: divide by the average of ones
    // padded alike, the share of each window inside the input.
    auto element = dyn_cast<FloatType>(x.getElementType());
    if (!element)
      return RuleResult::NotApplicable;
    auto onesType = RankedTensorType::get(
        {1, 1, x.getDimSize(2), x.getDimSize(3)}, element);
    Value ones = ConstantOp::create(
        rewriter, node.loc, onesType,
        DenseElementsAttr::get(onesType, rewriter.getFloatAttr(element, 1.0)),
        StringAttr());
    FailureOr<Value> share = padExplicitly(node, rewriter, ones, win, 0.0);
    if (succeeded(share))
      share = pool(*share);
    if (succeeded(share))
      y = build<DivideOp>(rewriter, node, *y, *share);
    if (failed(share) || failed(y))
      return RuleResult::Failed;
  }
  result = *y;
  return RuleResult::Continue;
}

/// 1-D windows run as 2-D ones of height 1: [N, C, W] becomes [N, C, 1, W]
/// (weights [oC, iC, kW] become [oC, iC, 1, kW]), the window attributes gain
/// a leading 1 (pads a leading 0 per side), and the 2-D result drops its
/// height again.
RuleResult lift1D(
    ImportNode &node, PatternRewriter &rewriter, bool weights,
    function_ref<RuleResult(ImportNode &, PatternRewriter &, Value &)> twoD) {
  RankedTensorType x = node.inputType(0);
  if (!x || x.getRank() != 3)
    return RuleResult::NotApplicable;
  ImportNode view = node;
  auto lift = [&](unsigned i) -> LogicalResult {
    RankedTensorType t = node.inputType(i);
    if (!t || t.getRank() != 3)
      return failure();
    FailureOr<Value> v =
        reshapeTo(rewriter, node, node.input(i),
                  {t.getDimSize(0), t.getDimSize(1), 1, t.getDimSize(2)});
    if (failed(v))
      return failure();
    view.inputs[i] = *v;
    return success();
  };
  if (failed(lift(0)) || (weights && failed(lift(1))))
    return RuleResult::NotApplicable;
  for (const char *attr : {"kernel_shape", "strides", "dilations"})
    if (auto a = dyn_cast_or_null<DenseI64ArrayAttr>(node.attrs.get(attr))) {
      if (a.size() != 1)
        return RuleResult::NotApplicable;
      view.attrs.set(attr, rewriter.getDenseI64ArrayAttr({1, a[0]}));
    }
  if (auto pads = dyn_cast_or_null<DenseI64ArrayAttr>(node.attrs.get("pads"))) {
    if (pads.size() != 2)
      return RuleResult::NotApplicable;
    view.attrs.set("pads",
                   rewriter.getDenseI64ArrayAttr({0, pads[0], 0, pads[1]}));
  }
  Value y;
  if (RuleResult r = twoD(view, rewriter, y); r != RuleResult::Continue)
    return r;
  ArrayRef<int64_t> s = cast<RankedTensorType>(y.getType()).getShape();
  FailureOr<Value> back = reshapeTo(rewriter, node, y, {s[0], s[1], s[3]});
  if (failed(back))
    return RuleResult::NotApplicable;
  return node.getNumResults() > 1 ? replaceFirstResult(rewriter, node, *back)
                                  : node.replaceWith(rewriter, *back);
}

/// Conv over [N, C, D, H, W]: conv3dnew takes weights [kD, kH, kW, iC, oC],
/// so ONNX's [oC, iC, kD, kH, kW] weights are permuted first.
RuleResult conv3d(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType w = node.inputType(1);
  FailureOr<int64_t> group = node.getInt("group", 1);
  if (failed(group))
    return RuleResult::Failed;
  if (!w || w.getRank() != 5 || *group != 1 || w.isDynamicDim(2) ||
      w.isDynamicDim(3) || w.isDynamicDim(4))
    return RuleResult::NotApplicable;
  auto kernel = node.getInts(
      "kernel_shape",
      ArrayRef<int64_t>{w.getDimSize(2), w.getDimSize(3), w.getDimSize(4)});
  if (failed(kernel))
    return RuleResult::Failed;
  Window win;
  if (RuleResult r = bindWindow(node, *kernel, 3, win);
      r != RuleResult::Continue)
    return r;
  FailureOr<Value> weights =
      build<PermuteOp>(rewriter, node, node.input(1),
                       rewriter.getDenseI64ArrayAttr({2, 3, 4, 1, 0}));
  if (failed(weights))
    return RuleResult::Failed;
  auto I = [&](int64_t v) { return i64(rewriter, v); };
  return replace(rewriter, node,
                 build<Conv3DOp>(rewriter, node, node.input(0), *weights,
                                 node.input(2), I(win.k[0]), I(win.k[1]),
                                 I(win.k[2]), I(win.s[0]), I(win.s[1]),
                                 I(win.s[2]), I(win.p[0]), I(win.p[1]),
                                 I(win.p[2]), I(win.d[0]), I(win.d[1]),
                                 I(win.d[2]), I(win.same), I(0)));
}

template <typename OpTy>
RuleResult pool3d(ImportNode &node, PatternRewriter &rewriter) {
  constexpr bool isAverage = std::is_same_v<OpTy, AvgPool3DOp>;
  SmallVector<int64_t> kernel;
  int64_t countPad;
  if (RuleResult r = bindPool(node, kernel, countPad);
      r != RuleResult::Continue)
    return r;
  Window win;
  if (RuleResult r = bindWindow(node, kernel, 3, win);
      r != RuleResult::Continue)
    return r;
  auto I = [&](int64_t v) { return i64(rewriter, v); };
  FailureOr<Value> y = build<OpTy>(
      rewriter, node, node.input(0), I(win.k[0]), I(win.k[1]), I(win.k[2]),
      I(win.s[0]), I(win.s[1]), I(win.s[2]), I(win.p[0]), I(win.p[1]),
      I(win.p[2]), I(win.d[0]), I(win.d[1]), I(win.d[2]), I(win.same),
      I(isAverage ? countPad : 0), I(0));
  if (failed(y))
    return RuleResult::Failed;
  return replaceFirstResult(rewriter, node, *y);
}

RuleResult conv(ImportNode &node, PatternRewriter &rewriter) {
  if (node.inputType(0) && node.inputType(0).getRank() == 3)
    return lift1D(node, rewriter, /*weights=*/true, conv2dValue);
  if (node.inputType(0) && node.inputType(0).getRank() == 5)
    return conv3d(node, rewriter);
  Value y;
  if (RuleResult r = conv2dValue(node, rewriter, y); r != RuleResult::Continue)
    return r;
  return node.replaceWith(rewriter, y);
}

template <typename OpTy> RuleFn pool() {
  return [](ImportNode &node, PatternRewriter &rewriter) {
    if (node.inputType(0) && node.inputType(0).getRank() == 3)
      return lift1D(node, rewriter, /*weights=*/false, pool2dValue<OpTy>);
    if (node.inputType(0) && node.inputType(0).getRank() == 5)
      return std::is_same_v<OpTy, AvgPool2DOp>
                 ? pool3d<AvgPool3DOp>(node, rewriter)
                 : pool3d<MaxPool3DOp>(node, rewriter);
    Value y;
    if (RuleResult r = pool2dValue<OpTy>(node, rewriter, y);
        r != RuleResult::Continue)
      return r;
    return node.getNumResults() > 1 ? replaceFirstResult(rewriter, node, y)
                                    : node.replaceWith(rewriter, y);
  };
}

RuleResult batchNorm(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  // Training mode (several outputs used) is not an inference op.
  for (unsigned i = 1; i < node.getNumResults(); ++i)
    if (node.isResultUsed(i))
      return RuleResult::NotApplicable;
  if (!x || x.getRank() < 2 || node.getNumInputs() != 5)
    return RuleResult::NotApplicable;
  FailureOr<double> epsilon = node.getFloat("epsilon", 1e-5);
  FailureOr<int64_t> training = node.getInt("training_mode", 0);
  if (failed(epsilon) || failed(training))
    return RuleResult::Failed;
  if (*training != 0 || (node.opset && node.opset < 6))
    return RuleResult::NotApplicable; // opset < 6 has `is_test`/`spatial`.
  // ONNX order: X, scale, B, mean, var; nd4j: input, mean, variance, gamma,
  // beta.
  OperationState state(node.loc, BatchNormOp::getOperationName());
  FailureOr<Value> y = build<BatchNormOp>(
      rewriter, node, node.input(0), node.input(3), node.input(4),
      node.input(1), node.input(2), i64(rewriter, 1), i64(rewriter, 1),
      rewriter.getDenseI64ArrayAttr({1}), f64(rewriter, *epsilon));
  if (failed(y))
    return RuleResult::Failed;
  return replaceFirstResult(rewriter, node, *y);
}

//===----------------------------------------------------------------------===//
// Shape manipulation
//===----------------------------------------------------------------------===//

/// Reshape to a constant shape (an input from opset 5, an attribute before).
/// ONNX's 0 copies the input dimension (unless allowzero).
RuleResult reshape(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  if (!x)
    return RuleResult::NotApplicable;
  FailureOr<SmallVector<int64_t>> shape = node.opset && node.opset < 5
                                              ? node.getInts("shape")
                                              : node.getConstantInts(1);
  FailureOr<int64_t> allowZero = node.getInt("allowzero", 0);
  if (failed(shape) || failed(allowZero))
    return failed(allowZero) ? RuleResult::Failed : RuleResult::NotApplicable;
  // A 0 copies the input's dimension. One copied run-time dimension (the
  // batch) can stay `-1` when it is the input's only one: a -1 beside it is
  // then the quotient of the static sizes.
  int64_t copiedDynamic = -1;
  for (auto [i, d] : llvm::enumerate(*shape)) {
    if (d != 0 || *allowZero)
      continue;
    if (static_cast<int64_t>(i) >= x.getRank())
      return RuleResult::NotApplicable;
    if (x.isDynamicDim(i)) {
      if (copiedDynamic >= 0 || x.getNumDynamicDims() != 1)
        return RuleResult::NotApplicable;
      copiedDynamic = i;
      continue;
    }
    d = x.getDimSize(i);
  }
  if (copiedDynamic >= 0) {
    int64_t staticIn = 1, staticOut = 1;
    for (int64_t d : x.getShape())
      if (!ShapedType::isDynamic(d))
        staticIn *= d;
    int64_t *inferred = nullptr;
    for (auto [i, d] : llvm::enumerate(*shape)) {
      if (static_cast<int64_t>(i) == copiedDynamic)
        continue;
      if (d == -1)
        inferred = &d;
      else
        staticOut *= d;
    }
    if (inferred) {
      if (staticOut == 0 || staticIn % staticOut != 0)
        return RuleResult::NotApplicable;
      *inferred = staticIn / staticOut;
    }
    (*shape)[copiedDynamic] = -1;
  }
  return replace(rewriter, node,
                 build<ReshapeOp>(rewriter, node, node.input(0),
                                  rewriter.getDenseI64ArrayAttr(*shape)));
}

/// Flatten to 2-D at `axis`.
RuleResult flatten(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  if (!x)
    return RuleResult::NotApplicable;
  FailureOr<int64_t> axis = node.getInt("axis", 1);
  if (failed(axis))
    return RuleResult::Failed;
  int64_t rank = x.getRank();
  int64_t a = *axis < 0 ? *axis + rank : *axis;
  if (a < 0 || a > rank) {
    node.emitError() << "axis " << *axis << " is out of range for rank "
                     << rank;
    return RuleResult::Failed;
  }
  // One side may hold run-time sizes (it becomes the reshape's -1).
  auto product = [&](int64_t from, int64_t to) -> std::optional<int64_t> {
    int64_t n = 1;
    for (int64_t i = from; i < to; ++i) {
      if (x.isDynamicDim(i))
        return std::nullopt;
      n *= x.getDimSize(i);
    }
    return n;
  };
  std::optional<int64_t> outer = product(0, a), inner = product(a, rank);
  if (!outer && !inner)
    return RuleResult::NotApplicable;
  SmallVector<int64_t> shape = {outer ? *outer : -1, outer ? -1 : *inner};
  if (a == rank)
    shape[1] = 1;
  return replace(rewriter, node,
                 build<ReshapeOp>(rewriter, node, node.input(0),
                                  rewriter.getDenseI64ArrayAttr(shape)));
}

RuleResult transpose(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  if (!x)
    return RuleResult::NotApplicable;
  SmallVector<int64_t> reversed;
  for (int64_t i = x.getRank() - 1; i >= 0; --i)
    reversed.push_back(i);
  FailureOr<SmallVector<int64_t>> perm =
      node.getInts("perm", ArrayRef<int64_t>(reversed));
  if (failed(perm))
    return RuleResult::Failed;
  return replace(rewriter, node,
                 build<PermuteOp>(rewriter, node, node.input(0),
                                  rewriter.getDenseI64ArrayAttr(*perm)));
}

RuleResult concat(ImportNode &node, PatternRewriter &rewriter) {
  SmallVector<Value> inputs;
  for (unsigned i = 0; i < node.getNumInputs(); ++i) {
    if (!node.inputType(i))
      return RuleResult::NotApplicable;
    inputs.push_back(node.input(i));
  }
  FailureOr<int64_t> axis = node.getInt("axis", node.opset && node.opset < 4
                                                    ? std::optional<int64_t>(1)
                                                    : std::nullopt);
  if (failed(axis))
    return RuleResult::Failed;
  return replace(rewriter, node,
                 build<ConcatOp>(rewriter, node, ValueRange(inputs),
                                 i64(rewriter, *axis)));
}

/// Unsqueeze and Squeeze whose result shape ONNX's inference left unknown
/// (axes from a Constant node): the shape follows from the input's and the
/// constant axes (an attribute before opset 13, an input from 13).
RuleResult squeezeByAxes(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  if (!x)
    return RuleResult::NotApplicable;
  bool unsqueeze = node.opType == "Unsqueeze";
  FailureOr<SmallVector<int64_t>> axes = SmallVector<int64_t>();
  if (node.opset && node.opset < 13) {
    if (unsqueeze || node.hasAttr("axes"))
      axes = node.getInts("axes");
    if (failed(axes))
      return RuleResult::Failed;
  } else if (node.hasInput(1)) {
    axes = node.getConstantInts(1);
    if (failed(axes))
      return RuleResult::NotApplicable; // Axes computed at run time.
  }
  int64_t rank = x.getRank();
  int64_t outRank = unsqueeze ? rank + axes->size() : rank;
  SmallVector<bool> marked(outRank, false);
  for (int64_t a : *axes) {
    int64_t d = a < 0 ? a + outRank : a;
    if (d < 0 || d >= outRank || marked[d]) {
      node.emitError() << "axis " << a << " is out of range or repeated";
      return RuleResult::Failed;
    }
    marked[d] = true;
  }
  SmallVector<int64_t> shape;
  if (unsqueeze) {
    ArrayRef<int64_t> in = x.getShape();
    for (int64_t d = 0; d < outRank; ++d) {
      if (marked[d]) {
        shape.push_back(1);
      } else {
        shape.push_back(in.front());
        in = in.drop_front();
      }
    }
  } else {
    for (int64_t d = 0; d < rank; ++d) {
      int64_t n = x.getDimSize(d);
      bool squeeze = axes->empty() ? n == 1 : marked[d];
      if (axes->empty() && ShapedType::isDynamic(n))
        return RuleResult::NotApplicable; // Unknown whether it is 1.
      if (squeeze && n != 1 && !ShapedType::isDynamic(n)) {
        node.emitError() << "dimension " << d << " has size " << n << ", not 1";
        return RuleResult::Failed;
      }
      if (!squeeze)
        shape.push_back(n);
    }
  }
  FailureOr<Value> y = reshapeTo(rewriter, node, node.input(0), shape);
  if (failed(y))
    return RuleResult::NotApplicable; // Several unknown dimensions.
  return node.replaceWith(rewriter, *y);
}

} // namespace

void mlir::nd4j::registerOnnxImportRules(ImportRuleRegistry &registry) {
  auto add = [&](StringRef op, RuleFn fn) {
    registry.addBuiltin(ImportRule("onnx", op, std::move(fn)));
  };
  add("Add", binary<AddOp>());
  add("Sub", binary<SubtractOp>());
  add("Mul", binary<MultiplyOp>());
  add("Div", binary<DivideOp>());
  add("Relu", relu);
  add("Sigmoid", unary<SigmoidOp>());
  add("Tanh", unary<TanhOp>());
  add("Softmax", softmaxLike<SoftmaxOp>);
  add("LogSoftmax", softmaxLike<LogSoftmaxOp>);
  add("Abs", unary<AbsOp>());
  add("Neg", unary<NegOp>());
  add("Sign", unary<SignOp>());
  add("Reciprocal", unary<ReciprocalOp>());
  add("Ceil", unary<CeilOp>());
  add("Floor", unary<FloorOp>());
  // ONNX rounds half to even, as rint does (nd4j's round rounds away).
  add("Round", unary<RintOp>());
  add("Exp", unary<ExpOp>());
  add("Log", unary<LogOp>());
  add("Sqrt", unary<SqrtOp>());
  add("Sin", unary<SinOp>());
  add("Cos", unary<CosOp>());
  add("Tan", unary<TanOp>());
  add("Asin", unary<AsinOp>());
  add("Acos", unary<AcosOp>());
  add("Atan", unary<AtanOp>());
  add("Sinh", unary<SinhOp>());
  add("Cosh", unary<CoshOp>());
  add("Asinh", unary<AsinhOp>());
  add("Acosh", unary<AcoshOp>());
  add("Atanh", unary<AtanhOp>());
  add("Erf", unary<ErfOp>());
  add("IsNaN", unary<IsNanOp>());
  add("IsInf", isInf);
  add("Softplus", unary<SoftplusOp>());
  add("Softsign", unary<SoftsignOp>());
  add("Selu",
      unaryWithFixedAttrs<SeluOp>({{"alpha", 1.67326319217681884765625},
                                   {"gamma", 1.05070102214813232421875}}));
  add("HardSigmoid",
      unaryWithFixedAttrs<HardSigmoidOp>({{"alpha", 0.2}, {"beta", 0.5}}));
  add("Elu", paramActivation<EluOp>("alpha", 1.0));
  add("LeakyRelu", paramActivation<LeakyReluOp>("alpha", 0.01));
  add("ThresholdedRelu", paramActivation<ThresholdedReluOp>("alpha", 1.0));
  add("Clip", clip);
  add("Cast", castRule);
  add("Max", variadic<MaximumOp>());
  add("Min", variadic<MinimumOp>());
  add("Sum", variadic<AddOp>());
  add("Mean", variadic<AddOp>(/*mean=*/true));
  add("Mod", mod);
  add("Equal", binary<EqualsOp>());
  add("Greater", binary<GreaterOp>());
  add("GreaterOrEqual", binary<GreaterEqualOp>());
  add("Less", binary<LessOp>());
  add("LessOrEqual", binary<LessEqualOp>());
  add("And", binary<BooleanAndOp>());
  add("Or", binary<BooleanOrOp>());
  add("Xor", binary<BooleanXorOp>());
  add("ReduceSum", reduce<ReduceSumOp>(13));
  add("ReduceMean", reduce<ReduceMeanOp>(18));
  add("ReduceMax", reduce<ReduceMaxOp>(18));
  add("ReduceMin", reduce<ReduceMinOp>(18));
  add("ReduceProd", reduce<ReduceProdOp>(18));
  add("ReduceL1", reduce<ReduceNorm1Op>(18));
  add("ReduceL2", reduce<ReduceNorm2Op>(18));
  add("ArgMax", argReduce<ArgMaxOp>);
  add("ArgMin", argReduce<ArgMinOp>);
  add("Shape", shape);
  add("Size", size);
  add("LayerNormalization", layerNorm);
  add("InstanceNormalization", instanceNorm);
  add("Pad", pad);
  add("Slice", slice);
  add("Trilu", trilu);
  add("Range", range);
  add("CastLike", castRule);
  add("Pow", binary<PowOp>());
  add("Where", where);
  add("Tile", tile);
  add("Gather", gather);
  add("DepthToSpace", depthToSpace);
  add("ReduceSumSquare", composedReduce<Composed::SumSquare>);
  add("ReduceLogSum", composedReduce<Composed::LogSum>);
  add("ReduceLogSumExp", composedReduce<Composed::LogSumExp>);
  add("Unsqueeze", reshapeToResult);
  add("Squeeze", reshapeToResult);
  add("Identity", passThrough);
  add("Dropout", passThrough);
  add("Constant", constant);
  add("MatMul", matmul);
  add("Gemm", gemm);
  add("Conv", conv);
  add("MaxPool", pool<MaxPool2DOp>());
  add("AveragePool", pool<AvgPool2DOp>());
  add("BatchNormalization", batchNorm);
  add("Reshape", reshape);
  add("Flatten", flatten);
  add("Transpose", transpose);
  add("Concat", concat);
  add("Unsqueeze", squeezeByAxes);
  add("Squeeze", squeezeByAxes);
  registerOnnxLossRules(add);
  registerOnnxShapeRules(add);
  registerOnnxNNRules(add);
  registerOnnxIndexRules(add);
  registerOnnxControlFlowRules(add);
  registerOnnxSequenceRules(add);
}

bool mlir::nd4j::onnx_rules::ShapeElement::isDimOf(Value v, int64_t d) const {
  auto source = [](Value x) {
    while (x)
      if (auto cast = x.getDefiningOp<CastOp>())
        x = cast.getInput();
      else
        break;
    return x;
  };
  return of && dim == d && source(of) == source(v);
}

std::optional<SmallVector<mlir::nd4j::onnx_rules::ShapeElement>>
mlir::nd4j::onnx_rules::evalShapeElements(Value v) {
  auto type = dyn_cast<RankedTensorType>(v.getType());
  if (!type || type.getRank() > 1 || !type.hasStaticShape() ||
      !isa<IntegerType>(type.getElementType()) || type.getNumElements() > 64)
    return std::nullopt;
  Operation *def = v.getDefiningOp();
  if (!def)
    return std::nullopt;
  SmallVector<ShapeElement> out;
  if (auto c = dyn_cast<ConstantOp>(def)) {
    auto dense = dyn_cast<DenseIntElementsAttr>(c.getValue());
    if (!dense)
      return std::nullopt;
    for (const APInt &i : dense.getValues<APInt>())
      out.push_back({i.getSExtValue(), Value(), -1});
    return out;
  }
  if (auto shapeOf = dyn_cast<ShapeOfOp>(def)) {
    auto x = dyn_cast<RankedTensorType>(shapeOf.getInput().getType());
    if (!x)
      return std::nullopt;
    for (int64_t d = 0; d < x.getRank(); ++d)
      out.push_back(x.isDynamicDim(d)
                        ? ShapeElement{x.getDimSize(d), shapeOf.getInput(), d}
                        : ShapeElement{x.getDimSize(d), Value(), -1});
    return out;
  }
  if (auto node = dyn_cast<NodeOp>(def)) {
    if (node.getFramework() != "onnx" || node.getOpType() != "Shape")
      return std::nullopt;
    ImportNode shapeNode(node);
    RankedTensorType x = shapeNode.inputType(0);
    if (!x)
      return std::nullopt;
    int64_t rank = x.getRank();
    FailureOr<int64_t> start = shapeNode.getInt("start", 0);
    FailureOr<int64_t> end = shapeNode.getInt("end", rank);
    if (failed(start) || failed(end))
      return std::nullopt;
    auto [lo, hi] = shapeRange(rank, *start, *end);
    for (int64_t d = lo; d < hi; ++d)
      out.push_back({x.getDimSize(d), shapeNode.input(0), d});
    for (ShapeElement &e : out)
      if (!ShapedType::isDynamic(e.value))
        e = {e.value, Value(), -1};
    return out;
  }
  if (auto cast = dyn_cast<CastOp>(def))
    return evalShapeElements(cast->getOperand(0));
  if (auto concat = dyn_cast<ConcatOp>(def)) {
    if (concat.getConcatDimension() != 0)
      return std::nullopt;
    for (Value part : concat->getOperands()) {
      std::optional<SmallVector<ShapeElement>> e = evalShapeElements(part);
      if (!e)
        return std::nullopt;
      out.append(*e);
    }
    return out;
  }
  if (auto slice = dyn_cast<StridedSliceOp>(def)) {
    std::optional<SmallVector<ShapeElement>> in =
        evalShapeElements(slice->getOperand(0));
    if (!in || slice.getEllipsisMask() || slice.getNewAxisMask() ||
        slice.getBegin().size() != 1 || slice.getEnd().size() != 1 ||
        slice.getStrides().size() != 1 || slice.getStrides()[0] == 0)
      return std::nullopt;
    int64_t n = in->size(), s = slice.getStrides()[0];
    auto bound = [&](int64_t i, bool masked, bool isBegin) {
      if (masked)
        return (isBegin == (s > 0)) ? (s > 0 ? int64_t{0} : n - 1)
                                    : (s > 0 ? n : int64_t{-1});
      if (i < 0)
        i += n;
      return s > 0 ? std::clamp<int64_t>(i, 0, n)
                   : std::clamp<int64_t>(i, -1, n - 1);
    };
    int64_t b = bound(slice.getBegin()[0], slice.getBeginMask() & 1, true);
    if (slice.getShrinkAxisMask() & 1) {
      if (b < 0 || b >= n)
        return std::nullopt;
      out.push_back((*in)[b]);
      return out;
    }
    int64_t e = bound(slice.getEnd()[0], slice.getEndMask() & 1, false);
    for (int64_t i = b; s > 0 ? i < e : i > e; i += s)
      out.push_back((*in)[i]);
    return out;
  }
  return std::nullopt;
}
