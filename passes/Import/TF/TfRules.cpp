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

#include "mlir/Dialect/Traits.h"
#include "passes/Import/ImportRules.h"
#include "passes/Import/TF/TfRuleUtils.h"
#include <cmath>

using namespace mlir;
using namespace mlir::nd4j;
using namespace mlir::nd4j::onnx_rules;
using namespace mlir::nd4j::tf_rules;

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

/// Both operands ranked with one element type, as nd4j's binary ops need.
template <typename OpTy> RuleFn binary(bool floatOnly = false) {
  return [floatOnly](ImportNode &node, PatternRewriter &rewriter) {
    RankedTensorType a = node.inputType(0), b = node.inputType(1);
    if (!a || !b || a.getElementType() != b.getElementType() ||
        (floatOnly && !isa<FloatType>(a.getElementType())))
      return RuleResult::NotApplicable;
    return replace(rewriter, node,
                   build<OpTy>(rewriter, node, node.input(0), node.input(1)));
  };
}

/// RightShift: nd4j's is logical, TF's arithmetic for signed types: a
/// negative x shifts as ~((~x) >> y), with ~v = -v - 1.
RuleResult rightShift(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType a = node.inputType(0), b = node.inputType(1);
  if (!a || !b || a.getElementType() != b.getElementType() ||
      !isa<IntegerType>(a.getElementType()) || a.getElementType().isInteger(1))
    return RuleResult::NotApplicable;
  if (a.getElementType().isUnsignedInteger())
    return replace(
        rewriter, node,
        build<RShiftBitsOp>(rewriter, node, node.input(0), node.input(1)));
  Type e = a.getElementType();
  Value one = scalarConstant(rewriter, node.loc, e, 1.0);
  Value zero = scalarConstant(rewriter, node.loc, e, 0.0);
  auto bitNot = [&](Value v) -> FailureOr<Value> {
    FailureOr<Value> n = build<NegOp>(rewriter, node, v);
    return succeeded(n) ? build<SubtractOp>(rewriter, node, *n, one) : n;
  };
  FailureOr<Value> positive =
      build<RShiftBitsOp>(rewriter, node, node.input(0), node.input(1));
  FailureOr<Value> inverted = bitNot(node.input(0));
  FailureOr<Value> shifted =
      succeeded(inverted)
          ? build<RShiftBitsOp>(rewriter, node, *inverted, node.input(1))
          : inverted;
  FailureOr<Value> negative = succeeded(shifted) ? bitNot(*shifted) : shifted;
  FailureOr<Value> isNegative =
      build<LessOp>(rewriter, node, node.input(0), zero);
  if (failed(positive) || failed(negative) || failed(isNegative))
    return RuleResult::Failed;
  return replace(rewriter, node,
                 buildWhere(rewriter, node, *isNegative, *negative, *positive));
}

/// DivNoNan: x / y, and 0 where y is 0.
RuleResult divNoNan(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType a = node.inputType(0), b = node.inputType(1);
  if (!a || !b || a.getElementType() != b.getElementType() ||
      !isa<FloatType>(a.getElementType()))
    return RuleResult::NotApplicable;
  Type e = a.getElementType();
  Value zero = scalarConstant(rewriter, node.loc, e, 0.0);
  FailureOr<Value> q =
      build<DivideOp>(rewriter, node, node.input(0), node.input(1));
  FailureOr<Value> isZero =
      build<EqualsOp>(rewriter, node, node.input(1), zero);
  if (failed(q) || failed(isZero))
    return RuleResult::Failed;
  return replace(rewriter, node, buildWhere(rewriter, node, *isZero, zero, *q));
}

RuleResult relu6(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  if (!x || !isa<FloatType>(x.getElementType()))
    return RuleResult::NotApplicable;
  return replace(rewriter, node,
                 build<ClipByValueOp>(rewriter, node, node.input(0),
                                      f64(rewriter, 0), f64(rewriter, 6)));
}

RuleResult leakyRelu(ImportNode &node, PatternRewriter &rewriter) {
  if (!node.inputType(0))
    return RuleResult::NotApplicable;
  FailureOr<double> alpha = node.getFloat("alpha", 0.2);
  if (failed(alpha))
    return RuleResult::Failed;
  return replace(
      rewriter, node,
      build<LeakyReluOp>(rewriter, node, node.input(0), f64(rewriter, *alpha)));
}

RuleResult elu(ImportNode &node, PatternRewriter &rewriter) {
  if (!node.inputType(0))
    return RuleResult::NotApplicable;
  return replace(rewriter, node,
                 build<EluOp>(rewriter, node, node.input(0), f64(rewriter, 1)));
}

/// x * x (Square) and (a - b)^2 (SquaredDifference).
RuleResult square(ImportNode &node, PatternRewriter &rewriter) {
  if (!node.inputType(0))
    return RuleResult::NotApplicable;
  return replace(
      rewriter, node,
      build<MultiplyOp>(rewriter, node, node.input(0), node.input(0)));
}

RuleResult squaredDifference(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType a = node.inputType(0), b = node.inputType(1);
  if (!a || !b || a.getElementType() != b.getElementType())
    return RuleResult::NotApplicable;
  FailureOr<Value> d =
      build<SubtractOp>(rewriter, node, node.input(0), node.input(1));
  if (failed(d))
    return RuleResult::Failed;
  return replace(rewriter, node, build<MultiplyOp>(rewriter, node, *d, *d));
}

RuleResult rsqrt(ImportNode &node, PatternRewriter &rewriter) {
  if (!node.inputType(0))
    return RuleResult::NotApplicable;
  FailureOr<Value> s = build<SqrtOp>(rewriter, node, node.input(0));
  if (failed(s))
    return RuleResult::Failed;
  return replace(rewriter, node, build<ReciprocalOp>(rewriter, node, *s));
}

RuleResult biasAdd(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0), b = node.inputType(1);
  if (!x || !b || x.getElementType() != b.getElementType())
    return RuleResult::NotApplicable;
  FailureOr<StringRef> format = node.getString("data_format", "NHWC");
  if (failed(format))
    return RuleResult::Failed;
  bool nchw = format->starts_with("NC");
  if (nchw && x.getRank() < 3)
    return RuleResult::NotApplicable;
  return replace(rewriter, node,
                 build<BiasAddOp>(rewriter, node, node.input(0), node.input(1),
                                  rewriter.getBoolAttr(nchw)));
}

RuleResult matmul(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType a = node.inputType(0), b = node.inputType(1);
  if (!a || !b || a.getRank() != 2 || b.getRank() != 2 ||
      a.getElementType() != b.getElementType())
    return RuleResult::NotApplicable;
  bool batch = node.opType != "MatMul";
  FailureOr<bool> ta = getBool(node, batch ? "adj_x" : "transpose_a", false);
  FailureOr<bool> tb = getBool(node, batch ? "adj_y" : "transpose_b", false);
  if (failed(ta) || failed(tb))
    return RuleResult::Failed;
  return replace(rewriter, node,
                 build<MatmulOp>(rewriter, node, node.input(0), node.input(1),
                                 i64(rewriter, *ta), i64(rewriter, *tb),
                                 i64(rewriter, 0), f64(rewriter, 1.0),
                                 f64(rewriter, 0.0)));
}

/// The window attributes TF's conv and pool ops share: 4-element strides
/// (and dilations, ksize) in the layout `data_format` names, and SAME or
/// VALID padding.
struct TfWindow {
  int64_t kH = 1, kW = 1, sH = 1, sW = 1, dH = 1, dW = 1;
  bool same = false, nchw = false;
};

RuleResult bindWindow(ImportNode &node, TfWindow &w, bool pool) {
  FailureOr<StringRef> format = node.getString("data_format", "NHWC");
  FailureOr<StringRef> padding = node.getString("padding");
  FailureOr<SmallVector<int64_t>> strides = node.getInts("strides");
  FailureOr<SmallVector<int64_t>> dilations =
      getIntList(node, "dilations", {1, 1, 1, 1});
  if (failed(format) || failed(padding) || failed(strides) || failed(dilations))
    return RuleResult::Failed;
  if ((*format != "NHWC" && *format != "NCHW") || strides->size() != 4 ||
      dilations->size() != 4 || (*padding != "SAME" && *padding != "VALID"))
    return RuleResult::NotApplicable; // EXPLICIT padding, other layouts.
  w.nchw = *format == "NCHW";
  unsigned h = w.nchw ? 2 : 1, wd = w.nchw ? 3 : 2;
  w.sH = (*strides)[h], w.sW = (*strides)[wd];
  w.dH = (*dilations)[h], w.dW = (*dilations)[wd];
  w.same = *padding == "SAME";
  if (pool) {
    FailureOr<SmallVector<int64_t>> ksize = node.getInts("ksize");
    if (failed(ksize))
      return RuleResult::Failed;
    if (ksize->size() != 4 || (*ksize)[0] != 1 || (*ksize)[w.nchw ? 1 : 3] != 1)
      return RuleResult::NotApplicable;
    w.kH = (*ksize)[h], w.kW = (*ksize)[wd];
  }
  return RuleResult::Continue;
}

/// The window of a 2-D op with a filter (operand 1, [kH, kW, ...] with
/// static kH and kW) applied to the rank-4 data operand `data`.
RuleResult bindFilterWindow(ImportNode &node, unsigned data, TfWindow &w) {
  RankedTensorType x = node.inputType(data), f = node.inputType(1);
  if (!x || !f || x.getRank() != 4 || f.getRank() != 4 || f.isDynamicDim(0) ||
      f.isDynamicDim(1))
    return RuleResult::NotApplicable;
  w.kH = f.getDimSize(0), w.kW = f.getDimSize(1);
  return bindWindow(node, w, /*pool=*/false);
}

/// Conv2D: TF filters are [kH, kW, iC, oC], nd4j's wFormat 0.
RuleResult conv2d(ImportNode &node, PatternRewriter &rewriter) {
  TfWindow w;
  if (RuleResult r = bindFilterWindow(node, /*data=*/0, w);
      r != RuleResult::Continue)
    return r;
  auto I = [&](int64_t v) { return i64(rewriter, v); };
  return replace(rewriter, node,
                 build<Conv2DOp>(rewriter, node, node.input(0), node.input(1),
                                 Value(), I(w.kH), I(w.kW), I(w.sH), I(w.sW),
                                 I(0), I(0), I(w.dH), I(w.dW), I(w.same),
                                 I(!w.nchw), I(0)));
}

/// DepthwiseConv2dNative: TF's filters [kH, kW, iC, m] are nd4j's.
RuleResult depthwiseConv2d(ImportNode &node, PatternRewriter &rewriter) {
  TfWindow w;
  if (RuleResult r = bindFilterWindow(node, /*data=*/0, w);
      r != RuleResult::Continue)
    return r;
  auto I = [&](int64_t v) { return i64(rewriter, v); };
  return replace(rewriter, node,
                 build<DepthwiseConv2DOp>(
                     rewriter, node, node.input(0), node.input(1), Value(),
                     I(w.kH), I(w.kW), I(w.sH), I(w.sW), I(0), I(0), I(w.dH),
                     I(w.dW), I(w.same), I(!w.nchw)));
}

/// Conv2DBackpropInput (input_sizes, filter [kH, kW, oC, iC], out_backprop):
/// deconv2d, whose weights are laid out the same way.
RuleResult deconv2d(ImportNode &node, PatternRewriter &rewriter) {
  TfWindow w;
  if (RuleResult r = bindFilterWindow(node, /*data=*/2, w);
      r != RuleResult::Continue)
    return r;
  auto I = [&](int64_t v) { return i64(rewriter, v); };
  return replaceIfSized(
      node, rewriter,
      build<Deconv2DOp>(rewriter, node, node.input(2), node.input(1), Value(),
                        I(w.kH), I(w.kW), I(w.sH), I(w.sW), I(0), I(0), I(w.dH),
                        I(w.dW), I(w.same), I(!w.nchw)));
}

/// MaxPool/AvgPool; TF's average excludes padding from the count.
template <typename OpTy>
RuleResult pool(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  if (!x || x.getRank() != 4)
    return RuleResult::NotApplicable;
  TfWindow w;
  if (RuleResult r = bindWindow(node, w, /*pool=*/true);
      r != RuleResult::Continue)
    return r;
  auto I = [&](int64_t v) { return i64(rewriter, v); };
  return replace(rewriter, node,
                 build<OpTy>(rewriter, node, node.input(0), I(w.kH), I(w.kW),
                             I(w.sH), I(w.sW), I(0), I(0), I(1), I(1),
                             I(w.same), I(0), I(!w.nchw)));
}

RuleResult reshape(ImportNode &node, PatternRewriter &rewriter) {
  FailureOr<SmallVector<int64_t>> shape = node.getConstantInts(1);
  if (!node.inputType(0) || failed(shape))
    return RuleResult::NotApplicable;
  return replace(rewriter, node,
                 build<ReshapeOp>(rewriter, node, node.input(0),
                                  rewriter.getDenseI64ArrayAttr(*shape)));
}

RuleResult transpose(ImportNode &node, PatternRewriter &rewriter) {
  FailureOr<SmallVector<int64_t>> perm = node.getConstantInts(1);
  if (!node.inputType(0) || failed(perm))
    return RuleResult::NotApplicable;
  return replace(rewriter, node,
                 build<PermuteOp>(rewriter, node, node.input(0),
                                  rewriter.getDenseI64ArrayAttr(*perm)));
}

/// ConcatV2: values..., axis (a constant, last input).
RuleResult concat(ImportNode &node, PatternRewriter &rewriter) {
  unsigned n = node.getNumInputs();
  if (n < 2)
    return RuleResult::NotApplicable;
  FailureOr<SmallVector<int64_t>> axis = node.getConstantInts(n - 1);
  if (failed(axis) || axis->size() != 1)
    return RuleResult::NotApplicable;
  SmallVector<Value> values;
  for (unsigned i = 0; i + 1 < n; ++i) {
    if (!node.inputType(i))
      return RuleResult::NotApplicable;
    values.push_back(node.input(i));
  }
  FailureOr<int64_t> a = normalizeAxis((*axis)[0], node.inputType(0).getRank());
  if (failed(a))
    return RuleResult::NotApplicable;
  if (values.size() == 1)
    return node.replaceWith(rewriter, values);
  return replace(
      rewriter, node,
      build<ConcatOp>(rewriter, node, ValueRange(values), i64(rewriter, *a)));
}

RuleResult castRule(ImportNode &node, PatternRewriter &rewriter) {
  auto result = dyn_cast<ShapedType>(node.resultType(0));
  if (!node.inputType(0) || !result ||
      !isa<FloatType, IntegerType>(result.getElementType()))
    return RuleResult::NotApplicable;
  return replace(rewriter, node,
                 build<CastOp>(rewriter, node, node.input(0),
                               TypeAttr::get(result.getElementType())));
}

/// Sum/Mean/Max/Min/Prod over constant axes. TF's empty axes reduce nothing
/// (nd4j would read them as all axes): the input is the result.
template <typename OpTy>
RuleResult reduce(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  FailureOr<SmallVector<int64_t>> axes = node.getConstantInts(1);
  if (!x || failed(axes))
    return RuleResult::NotApplicable;
  FailureOr<bool> keep = getBool(node, "keep_dims", false);
  if (failed(keep))
    return RuleResult::Failed;
  if (axes->empty())
    return node.replaceWith(rewriter, node.input(0));
  FailureOr<SmallVector<int64_t>> dims = normalizeAxes(*axes, x.getRank());
  if (failed(dims))
    return RuleResult::NotApplicable;
  return replace(rewriter, node,
                 build<OpTy>(rewriter, node, node.input(0),
                             rewriter.getDenseI64ArrayAttr(*dims),
                             rewriter.getBoolAttr(*keep)));
}

/// Softmax and LogSoftmax work along the last dimension in TF.
template <typename OpTy>
RuleResult softmax(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  if (!x || x.getRank() == 0)
    return RuleResult::NotApplicable;
  return replace(rewriter, node,
                 build<OpTy>(rewriter, node, node.input(0),
                             i64(rewriter, x.getRank() - 1)));
}

/// `x`'s shape with a 1 inserted at `axis` (in [0, rank]).
SmallVector<int64_t> withUnitDim(RankedTensorType x, int64_t axis) {
  SmallVector<int64_t> shape(x.getShape());
  shape.insert(shape.begin() + axis, 1);
  return shape;
}

RuleResult expandDims(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  FailureOr<SmallVector<int64_t>> axis = node.getConstantInts(1);
  if (!x || failed(axis) || axis->size() != 1)
    return RuleResult::NotApplicable;
  FailureOr<int64_t> a = normalizeAxis((*axis)[0], x.getRank() + 1);
  if (failed(a))
    return RuleResult::NotApplicable;
  FailureOr<Value> y =
      reshapeTo(rewriter, node, node.input(0), withUnitDim(x, *a));
  if (failed(y))
    return RuleResult::NotApplicable;
  return node.replaceWith(rewriter, *y);
}

RuleResult squeeze(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  FailureOr<SmallVector<int64_t>> axes = getIntList(node, "squeeze_dims", {});
  if (failed(axes))
    return RuleResult::Failed;
  if (!x)
    return RuleResult::NotApplicable;
  SmallVector<bool> marked(x.getRank(), axes->empty());
  for (int64_t a : *axes) {
    FailureOr<int64_t> d = normalizeAxis(a, x.getRank());
    if (failed(d))
      return RuleResult::NotApplicable;
    marked[*d] = true;
  }
  SmallVector<int64_t> shape;
  for (int64_t d = 0; d < x.getRank(); ++d) {
    int64_t n = x.getDimSize(d);
    if (marked[d] && n == 1)
      continue;
    if (marked[d] && (!axes->empty() || ShapedType::isDynamic(n)))
      return RuleResult::NotApplicable; // Not known to be 1.
    shape.push_back(n);
  }
  FailureOr<Value> y = reshapeTo(rewriter, node, node.input(0), shape);
  if (failed(y))
    return RuleResult::NotApplicable;
  return node.replaceWith(rewriter, *y);
}

/// Pack: each value gains a unit dimension at `axis`, then they concatenate.
RuleResult pack(ImportNode &node, PatternRewriter &rewriter) {
  unsigned n = node.getNumInputs();
  RankedTensorType x = node.inputType(0);
  if (n == 0 || !x || !x.hasStaticShape())
    return RuleResult::NotApplicable;
  FailureOr<int64_t> axisAttr = node.getInt("axis", 0);
  if (failed(axisAttr))
    return RuleResult::Failed;
  FailureOr<int64_t> axis = normalizeAxis(*axisAttr, x.getRank() + 1);
  if (failed(axis))
    return RuleResult::NotApplicable;
  SmallVector<Value> parts;
  for (unsigned i = 0; i < n; ++i) {
    if (node.inputType(i) != x)
      return RuleResult::NotApplicable;
    FailureOr<Value> part =
        reshapeTo(rewriter, node, node.input(i), withUnitDim(x, *axis));
    if (failed(part))
      return RuleResult::Failed;
    parts.push_back(*part);
  }
  if (n == 1)
    return node.replaceWith(rewriter, parts);
  return replace(
      rewriter, node,
      build<ConcatOp>(rewriter, node, ValueRange(parts), i64(rewriter, *axis)));
}

/// The single value of a constant one-element tensor input, as an
/// attribute of its element type.
Attribute scalarConstantValue(Value v) {
  auto c = v.getDefiningOp<ConstantOp>();
  if (!c)
    return {};
  auto dense = dyn_cast<DenseElementsAttr>(c.getValue());
  if (!dense || dense.getNumElements() != 1 ||
      isa<StringType>(dense.getElementType()))
    return {};
  return dense.getSplatValue<Attribute>();
}

/// Fill of constant dims and value: a splat constant.
RuleResult fill(ImportNode &node, PatternRewriter &rewriter) {
  FailureOr<SmallVector<int64_t>> dims = node.getConstantInts(0);
  Attribute value = scalarConstantValue(node.input(1));
  RankedTensorType dimsType = node.inputType(0);
  if (failed(dims) && value && dimsType && dimsType.getRank() == 1 &&
      dimsType.hasStaticShape()) {
    // A constant value over a run-time shape: nd4j's fill.
    double v;
    if (auto f = dyn_cast<FloatAttr>(value))
      v = f.getValueAsDouble();
    else if (auto i = dyn_cast<IntegerAttr>(value))
      v = static_cast<double>(i.getValue().getSExtValue());
    else
      return RuleResult::NotApplicable;
    return replace(
        rewriter, node,
        build<FillOp>(rewriter, node, node.input(0), f64(rewriter, v),
                      TypeAttr::get(cast<TypedAttr>(value).getType())));
  }
  if (failed(dims) || !value ||
      llvm::any_of(*dims, [](int64_t d) { return d < 0; }))
    return RuleResult::NotApplicable;
  auto type = RankedTensorType::get(*dims, cast<TypedAttr>(value).getType());
  Value c =
      ConstantOp::create(rewriter, node.loc, type,
                         DenseElementsAttr::get(type, value), StringAttr());
  return node.replaceWith(rewriter, c);
}

/// ZerosLike/OnesLike of a static shape: a splat constant.
template <int one>
RuleResult constantLike(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  if (!x || !x.hasStaticShape())
    return RuleResult::NotApplicable;
  Type e = x.getElementType();
  Attribute v;
  if (isa<FloatType>(e))
    v = rewriter.getFloatAttr(e, one);
  else if (auto i = dyn_cast<IntegerType>(e))
    v = rewriter.getIntegerAttr(e, APInt(i.getWidth(), one));
  else
    return RuleResult::NotApplicable;
  Value c = ConstantOp::create(rewriter, node.loc, x,
                               DenseElementsAttr::get(x, v), StringAttr());
  return node.replaceWith(rewriter, c);
}

/// Range of constant start, limit and delta: the constant sequence, as TF
/// computes it: the size from doubles, the values by adding delta in the
/// element type, one step at a time.
RuleResult range(ImportNode &node, PatternRewriter &rewriter) {
  auto result = dyn_cast<ShapedType>(node.resultType(0));
  if (!result)
    return RuleResult::NotApplicable;
  Type e = result.getElementType();
  bool constant = succeeded(node.getConstantFloats(0)) &&
                  succeeded(node.getConstantFloats(1)) &&
                  succeeded(node.getConstantFloats(2));
  if (!constant) {
    // Bounds known only at run time: nd4j's range of scalars.
    for (unsigned i = 0; i < 3; ++i)
      if (!node.inputType(i) || node.inputType(i).getRank() != 0 ||
          node.inputType(i).getElementType() != e)
        return RuleResult::NotApplicable;
    return replace(rewriter, node,
                   build<RangeOp>(rewriter, node, node.input(0), node.input(1),
                                  node.input(2), TypeAttr::get(e)));
  }
  SmallVector<Attribute> values;
  if (auto it = dyn_cast<IntegerType>(e)) {
    auto start = node.getConstantInts(0), limit = node.getConstantInts(1),
         delta = node.getConstantInts(2);
    if (failed(start) || failed(limit) || failed(delta) || start->size() != 1 ||
        limit->size() != 1 || delta->size() != 1 || (*delta)[0] == 0)
      return RuleResult::NotApplicable;
    int64_t s = (*start)[0], l = (*limit)[0], d = (*delta)[0];
    for (int64_t v = s; d > 0 ? v < l : v > l; v += d)
      values.push_back(rewriter.getIntegerAttr(e, APInt(it.getWidth(), v)));
  } else if (isa<FloatType>(e)) {
    auto start = node.getConstantFloats(0), limit = node.getConstantFloats(1),
         delta = node.getConstantFloats(2);
    if (failed(start) || failed(limit) || failed(delta) || start->size() != 1 ||
        limit->size() != 1 || delta->size() != 1 || (*delta)[0] == 0)
      return RuleResult::NotApplicable;
    double s = (*start)[0], l = (*limit)[0], d = (*delta)[0];
    int64_t n = static_cast<int64_t>(std::ceil(std::abs((l - s) / d)));
    if ((l - s) / d < 0)
      n = 0;
    if (e.isF32()) {
      float v = static_cast<float>(s);
      for (int64_t i = 0; i < n; ++i, v += static_cast<float>(d))
        values.push_back(rewriter.getFloatAttr(e, v));
    } else if (e.isF64()) {
      double v = s;
      for (int64_t i = 0; i < n; ++i, v += d)
        values.push_back(rewriter.getFloatAttr(e, v));
    } else {
      return RuleResult::NotApplicable;
    }
  } else {
    return RuleResult::NotApplicable;
  }
  auto type = RankedTensorType::get({static_cast<int64_t>(values.size())}, e);
  return node.replaceWith(rewriter,
                          makeConstant(rewriter, node.loc, type, values));
}

/// ArgMax/ArgMin along a constant axis; nd4j's result is i64, so only
/// `output_type` int64 (TF's default) applies.
template <typename OpTy>
RuleResult argReduce(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  FailureOr<SmallVector<int64_t>> axis = node.getConstantInts(1);
  auto result = dyn_cast<ShapedType>(node.resultType(0));
  if (!x || failed(axis) || axis->size() != 1 || !result ||
      !result.getElementType().isInteger(64))
    return RuleResult::NotApplicable;
  FailureOr<int64_t> a = normalizeAxis((*axis)[0], x.getRank());
  if (failed(a))
    return RuleResult::NotApplicable;
  return replace(rewriter, node,
                 build<OpTy>(rewriter, node, node.input(0),
                             rewriter.getDenseI64ArrayAttr({*a}),
                             rewriter.getBoolAttr(false)));
}

/// SelectV2 broadcasts as numpy's where does. Select (v1) takes a
/// condition of the values' shape, or a vector that picks whole rows (a
/// reshape to [n, 1, ...] makes that a broadcast).
RuleResult selectRule(ImportNode &node, PatternRewriter &rewriter) {
  // A constant scalar condition picks one value, whatever its shape: the
  // two branches of an if-converted tf.cond may differ in shape.
  if (node.getNumInputs() != 3 || !node.input(1) || !node.input(2))
    return RuleResult::NotApplicable;
  if (FailureOr<SmallVector<int64_t>> k = node.getConstantInts(0);
      succeeded(k) && k->size() == 1 && node.inputType(0) &&
      node.inputType(0).getRank() == 0)
    return node.replaceWith(rewriter, node.input((*k)[0] ? 1 : 2));
  RankedTensorType c = node.inputType(0), a = node.inputType(1),
                   b = node.inputType(2);
  if (!c || !a || !b || a.getElementType() != b.getElementType())
    return RuleResult::NotApplicable;
  Value cond = node.input(0);
  if (node.opType == "Select") {
    if (a.getShape() != b.getShape())
      return RuleResult::NotApplicable;
    if (c.getRank() == 1 && a.getRank() > 1 &&
        c.getDimSize(0) == a.getDimSize(0)) {
      SmallVector<int64_t> rows(a.getRank(), 1);
      rows[0] = c.getDimSize(0);
      FailureOr<Value> r = reshapeTo(rewriter, node, cond, rows);
      if (failed(r))
        return RuleResult::NotApplicable;
      cond = *r;
      c = cast<RankedTensorType>(cond.getType());
    } else if (c.getShape() != a.getShape()) {
      return RuleResult::NotApplicable;
    }
  }
  // Branch values of different shapes need a condition known at import.
  SmallVector<int64_t> shape;
  if (!OpTrait::util::getBroadcastedShape(a.getShape(), b.getShape(), shape) ||
      !OpTrait::util::getBroadcastedShape(SmallVector<int64_t>(shape),
                                          c.getShape(), shape))
    return RuleResult::NotApplicable;
  return replace(
      rewriter, node,
      buildWhere(rewriter, node, cond, node.input(1), node.input(2)));
}

/// ReverseSequence(x, seq_lengths) with `seq_dim` and `batch_dim`.
RuleResult reverseSequence(ImportNode &node, PatternRewriter &rewriter) {
  FailureOr<int64_t> seq = node.getInt("seq_dim");
  FailureOr<int64_t> batch = node.getInt("batch_dim", 0);
  if (failed(seq) || failed(batch))
    return RuleResult::Failed;
  if (!node.inputType(0) || !node.inputType(1))
    return RuleResult::NotApplicable;
  return replace(rewriter, node,
                 build<ReverseSequenceOp>(rewriter, node, node.input(0),
                                          node.input(1), i64(rewriter, *seq),
                                          i64(rewriter, *batch)));
}

/// LinSpace of constant start, stop and num: the constant sequence, with
/// TF's step (stop - start) / (num - 1) and the last value exactly stop.
RuleResult linSpace(ImportNode &node, PatternRewriter &rewriter) {
  auto result = dyn_cast<ShapedType>(node.resultType(0));
  FailureOr<SmallVector<double>> start = node.getConstantFloats(0);
  FailureOr<SmallVector<double>> stop = node.getConstantFloats(1);
  FailureOr<SmallVector<int64_t>> num = node.getConstantInts(2);
  if (!result || !isa<FloatType>(result.getElementType()) || failed(start) ||
      failed(stop) || failed(num) || start->size() != 1 || stop->size() != 1 ||
      num->size() != 1 || (*num)[0] < 1 || (*num)[0] > 4096)
    return RuleResult::NotApplicable;
  int64_t n = (*num)[0];
  Type e = result.getElementType();
  double lo = (*start)[0], hi = (*stop)[0];
  SmallVector<Attribute> values;
  if (e.isF32()) {
    float step = n > 1 ? (static_cast<float>(hi) - static_cast<float>(lo)) /
                             static_cast<float>(n - 1)
                       : 0.0f;
    for (int64_t i = 0; i < n; ++i)
      values.push_back(rewriter.getFloatAttr(
          e, i == n - 1 && n > 1 ? static_cast<float>(hi)
                                 : static_cast<float>(lo) + i * step));
  } else if (e.isF64()) {
    double step = n > 1 ? (hi - lo) / (n - 1) : 0.0;
    for (int64_t i = 0; i < n; ++i)
      values.push_back(
          rewriter.getFloatAttr(e, i == n - 1 && n > 1 ? hi : lo + i * step));
  } else {
    return RuleResult::NotApplicable;
  }
  auto type = RankedTensorType::get({n}, e);
  return node.replaceWith(rewriter,
                          makeConstant(rewriter, node.loc, type, values));
}

/// GatherV2 along a constant axis, without batch dimensions.
RuleResult gatherV2(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  FailureOr<SmallVector<int64_t>> axis = node.getConstantInts(2);
  FailureOr<int64_t> batchDims = node.getInt("batch_dims", 0);
  if (failed(batchDims))
    return RuleResult::Failed;
  if (!x || !node.inputType(1) || failed(axis) || axis->size() != 1 ||
      *batchDims != 0)
    return RuleResult::NotApplicable;
  FailureOr<int64_t> a = normalizeAxis((*axis)[0], x.getRank());
  if (failed(a))
    return RuleResult::NotApplicable;
  return replace(rewriter, node,
                 build<GatherOp>(rewriter, node, node.input(0), node.input(1),
                                 i64(rewriter, *a)));
}

RuleResult tile(ImportNode &node, PatternRewriter &rewriter) {
  FailureOr<SmallVector<int64_t>> reps = node.getConstantInts(1);
  if (!node.inputType(0) || failed(reps))
    return RuleResult::NotApplicable;
  return replace(rewriter, node,
                 build<TileOp>(rewriter, node, node.input(0),
                               rewriter.getDenseI64ArrayAttr(*reps)));
}

} // namespace

void mlir::nd4j::registerTfImportRules(ImportRuleRegistry &registry) {
  auto add = [&](StringRef op, RuleFn fn) {
    registry.addBuiltin(ImportRule("tf", op, std::move(fn)));
  };
  for (StringRef op :
       {"Identity", "IdentityN", "StopGradient", "Snapshot", "PreventGradient",
        "DeepCopy", "CheckNumerics", "EnsureShape"})
    add(op, forward);
  add("NoOp", erase);

  add("Add", binary<AddOp>());
  add("AddV2", binary<AddOp>());
  add("Sub", binary<SubtractOp>());
  add("Mul", binary<MultiplyOp>());
  add("RealDiv", binary<DivideOp>());
  // TF's integer Div truncates, as nd4j's divide does (FloorDiv floors).
  add("Div", binary<DivideOp>());
  add("Maximum", binary<MaximumOp>());
  add("Minimum", binary<MinimumOp>());
  add("Pow", binary<PowOp>());
  add("FloorMod", binary<FloorModOp>());
  // TF's Mod and TruncateMod are C's: the dividend's sign.
  add("Mod", binary<ModOp>());
  add("TruncateMod", binary<ModOp>());
  add("Equal", binary<EqualsOp>());
  add("NotEqual", binary<NotEqualsOp>());
  add("Greater", binary<GreaterOp>());
  add("GreaterEqual", binary<GreaterEqualOp>());
  add("Less", binary<LessOp>());
  add("LessEqual", binary<LessEqualOp>());
  add("LogicalAnd", binary<BooleanAndOp>());
  add("LogicalOr", binary<BooleanOrOp>());
  add("SquaredDifference", squaredDifference);
  add("DivNoNan", divNoNan);
  add("LeftShift", binary<ShiftBitsOp>());
  add("RightShift", rightShift);

  add("Relu", relu);
  add("Relu6", relu6);
  add("LeakyRelu", leakyRelu);
  add("Elu", elu);
  add("Selu", unary<SeluOp>());
  add("Sigmoid", unary<SigmoidOp>());
  add("Tanh", unary<TanhOp>());
  add("Softplus", unary<SoftplusOp>());
  add("Softsign", unary<SoftsignOp>());
  add("Exp", unary<ExpOp>());
  add("Log", unary<LogOp>());
  add("Abs", unary<AbsOp>());
  add("Neg", unary<NegOp>());
  add("Sign", unary<SignOp>());
  add("Sqrt", unary<SqrtOp>());
  add("Rsqrt", rsqrt);
  add("Square", square);
  add("Reciprocal", unary<ReciprocalOp>());
  add("Inv", unary<ReciprocalOp>());
  add("Floor", unary<FloorOp>());
  add("Ceil", unary<CeilOp>());
  // TF rounds half to even, as rint does.
  add("Round", unary<RintOp>());
  add("Rint", unary<RintOp>());
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
  add("IsNan", unary<IsNanOp>());
  add("IsInf", unary<IsInfOp>());
  add("LogicalNot", unary<BooleanNotOp>());

  add("BiasAdd", biasAdd);
  add("MatMul", matmul);
  add("Conv2D", conv2d);
  add("DepthwiseConv2dNative", depthwiseConv2d);
  add("Conv2DBackpropInput", deconv2d);
  add("MaxPool", pool<MaxPool2DOp>);
  add("AvgPool", pool<AvgPool2DOp>);
  add("Reshape", reshape);
  add("Transpose", transpose);
  add("ConcatV2", concat);
  add("Cast", castRule);
  add("Sum", reduce<ReduceSumOp>);
  add("Mean", reduce<ReduceMeanOp>);
  add("Max", reduce<ReduceMaxOp>);
  add("Min", reduce<ReduceMinOp>);
  add("Prod", reduce<ReduceProdOp>);
  add("Softmax", softmax<SoftmaxOp>);
  add("LogSoftmax", softmax<LogSoftmaxOp>);
  add("ExpandDims", expandDims);
  add("Squeeze", squeeze);
  add("Pack", pack);
  add("Fill", fill);
  add("ZerosLike", constantLike<0>);
  add("OnesLike", constantLike<1>);
  add("Range", range);
  add("ArgMax", argReduce<ArgMaxOp>);
  add("ArgMin", argReduce<ArgMinOp>);
  add("Select", selectRule);
  add("SelectV2", selectRule);
  add("ReverseSequence", reverseSequence);
  add("LinSpace", linSpace);
  add("GatherV2", gatherV2);
  add("Tile", tile);

  auto addFn = [&](StringRef op, RuleFn fn) { add(op, std::move(fn)); };
  registerTfShapeRules(addFn);
  registerTfNNRules(addFn);
  registerTfMathRules(addFn);
  registerTfTensorArrayRules(addFn);
  registerTfStripRules(registry);
  registerTfLinalgRules(addFn);
  registerTfRandomRules(addFn);
  registerTfRecurrentRules(addFn);
}
