//===- TfMathRules.cpp - TF import rules for the nd4j math ops ------------===//
//
// TF rules (framework "tf") for the ops of Nd4jMathOps.td: special
// functions, bitwise ops, boolean reductions, matrix diagonals and bands,
// block rearrangement, roll, scans, segment reductions and colour spaces.
// As in TfRules.cpp, a rule returns NotApplicable where the nd4j op cannot
// express the node exactly (run-time axes or counts, element types whose
// libnd4j semantics differ from TF's).
//
//===----------------------------------------------------------------------===//

#include "passes/Import/TF/TfRuleUtils.h"

using namespace mlir;
using namespace mlir::nd4j;
using namespace mlir::nd4j::onnx_rules;
using namespace mlir::nd4j::tf_rules;

namespace {

/// Signless or unsigned integers (not bool), as TF's bitwise ops take.
bool isInteger(RankedTensorType t) {
  auto i = t ? dyn_cast<IntegerType>(t.getElementType()) : IntegerType();
  return i && i.getWidth() > 1;
}

/// A unary op on ranked operands of the element types `accept` admits.
template <typename OpTy> RuleFn unaryIf(bool (*accept)(RankedTensorType)) {
  return [accept](ImportNode &node, PatternRewriter &rewriter) {
    if (!accept(node.inputType(0)))
      return RuleResult::NotApplicable;
    return replace(rewriter, node, build<OpTy>(rewriter, node, node.input(0)));
  };
}

/// A broadcasting binary op on operands of one element type that `accept`
/// admits.
template <typename OpTy> RuleFn binaryIf(bool (*accept)(RankedTensorType)) {
  return [accept](ImportNode &node, PatternRewriter &rewriter) {
    RankedTensorType a = node.inputType(0), b = node.inputType(1);
    if (!accept(a) || !b || a.getElementType() != b.getElementType())
      return RuleResult::NotApplicable;
    return replace(rewriter, node,
                   build<OpTy>(rewriter, node, node.input(0), node.input(1)));
  };
}

/// Ops whose operands need only be ranked.
template <typename OpTy, unsigned N>
RuleResult ranked(ImportNode &node, PatternRewriter &rewriter) {
  SmallVector<Value> operands;
  for (unsigned i = 0; i < N; ++i) {
    if (!node.inputType(i))
      return RuleResult::NotApplicable;
    operands.push_back(node.input(i));
  }
  if constexpr (N == 1)
    return replace(rewriter, node, build<OpTy>(rewriter, node, operands[0]));
  else if constexpr (N == 2)
    return replace(rewriter, node,
                   build<OpTy>(rewriter, node, operands[0], operands[1]));
  else
    return replace(
        rewriter, node,
        build<OpTy>(rewriter, node, operands[0], operands[1], operands[2]));
}

/// Bitcast to the element type the node's `type` attribute gave its result.
RuleResult bitcast(ImportNode &node, PatternRewriter &rewriter) {
  auto result = dyn_cast<ShapedType>(node.resultType(0));
  if (!node.inputType(0) || !result)
    return RuleResult::NotApplicable;
  Type to = result.getElementType();
  int64_t code = getLibnd4jDataTypeCode(to);
  if (code == 0)
    return RuleResult::NotApplicable;
  return replace(rewriter, node,
                 build<BitcastOp>(rewriter, node, node.input(0),
                                  i64(rewriter, code), TypeAttr::get(to)));
}

/// All/Any over constant axes. TF's empty axes reduce nothing: the bool
/// input is the result.
template <typename OpTy>
RuleResult reduceBool(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  FailureOr<SmallVector<int64_t>> axes = node.getConstantInts(1);
  if (!x || !x.getElementType().isInteger(1) || failed(axes))
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

/// FloorDiv: libnd4j's floordiv for floating-point operands; integers are
/// `(a - floormod(a, b)) / b`, a division without remainder, so the
/// truncating integer division is exact.
RuleResult floorDiv(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType a = node.inputType(0), b = node.inputType(1);
  if (!a || !b || a.getElementType() != b.getElementType())
    return RuleResult::NotApplicable;
  if (isFloat(a))
    return replace(
        rewriter, node,
        build<FloorDivOp>(rewriter, node, node.input(0), node.input(1)));
  if (!isInteger(a))
    return RuleResult::NotApplicable;
  FailureOr<Value> mod =
      build<FloorModOp>(rewriter, node, node.input(0), node.input(1));
  if (failed(mod))
    return RuleResult::Failed;
  FailureOr<Value> diff =
      build<SubtractOp>(rewriter, node, node.input(0), *mod);
  if (failed(diff))
    return RuleResult::Failed;
  return replace(rewriter, node,
                 build<DivideOp>(rewriter, node, *diff, node.input(1)));
}

/// Betainc(a, b, x): libnd4j's betainc does not broadcast, so the three
/// operands must have one static type.
RuleResult betainc(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType a = node.inputType(0), b = node.inputType(1),
                   x = node.inputType(2);
  if (!isFloat(x) || !x.hasStaticShape() || a != x || b != x)
    return RuleResult::NotApplicable;
  return replace(rewriter, node,
                 build<BetaincOp>(rewriter, node, node.input(0), node.input(1),
                                  node.input(2)));
}

/// Roll with constant shifts and axes: per axis, the total shift modulo the
/// extent (TF adds the shifts of a repeated axis and wraps any amount).
RuleResult roll(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  FailureOr<SmallVector<int64_t>> shifts = node.getConstantInts(1);
  FailureOr<SmallVector<int64_t>> axes = node.getConstantInts(2);
  if (!x || failed(shifts) || failed(axes) || shifts->size() != axes->size())
    return RuleResult::NotApplicable;
  int64_t rank = x.getRank();
  SmallVector<int64_t> total(rank, 0);
  SmallVector<bool> named(rank, false);
  for (auto [s, a] : llvm::zip(*shifts, *axes)) {
    int64_t d = a < 0 ? a + rank : a;
    if (d < 0 || d >= rank || x.isDynamicDim(d))
      return RuleResult::NotApplicable;
    named[d] = true;
    int64_t n = x.getDimSize(d);
    if (n > 0)
      total[d] = ((total[d] + s % n) % n + n) % n;
  }
  SmallVector<int64_t> outShifts, outAxes;
  for (int64_t d = 0; d < rank; ++d)
    if (named[d] && total[d] != 0)
      outShifts.push_back(total[d]), outAxes.push_back(d);
  if (outAxes.empty())
    return node.replaceWith(rewriter, node.input(0));
  return replace(rewriter, node,
                 build<RollOp>(rewriter, node, node.input(0),
                               i64VectorConstant(rewriter, node.loc, outShifts),
                               i64VectorConstant(rewriter, node.loc, outAxes)));
}

/// Cumsum and Cumprod along a run-time axis, with `exclusive` and `reverse`.
template <typename OpTy>
RuleResult cumulative(ImportNode &node, PatternRewriter &rewriter) {
  if (!node.inputType(0) || !node.inputType(1))
    return RuleResult::NotApplicable;
  FailureOr<bool> exclusive = getBool(node, "exclusive", false);
  FailureOr<bool> reverse = getBool(node, "reverse", false);
  if (failed(exclusive) || failed(reverse))
    return RuleResult::Failed;
  return replace(rewriter, node,
                 build<OpTy>(rewriter, node, node.input(0), node.input(1),
                             i64(rewriter, *exclusive),
                             i64(rewriter, *reverse)));
}

RuleResult nthElement(ImportNode &node, PatternRewriter &rewriter) {
  if (!node.inputType(0) || !node.inputType(1))
    return RuleResult::NotApplicable;
  FailureOr<bool> reverse = getBool(node, "reverse", false);
  if (failed(reverse))
    return RuleResult::Failed;
  return replace(rewriter, node,
                 build<NthElementOp>(rewriter, node, node.input(0),
                                     node.input(1), i64(rewriter, *reverse)));
}

/// MatrixBandPart with constant band widths (negative: the whole triangle).
RuleResult matrixBandPart(ImportNode &node, PatternRewriter &rewriter) {
  FailureOr<SmallVector<int64_t>> lower = node.getConstantInts(1);
  FailureOr<SmallVector<int64_t>> upper = node.getConstantInts(2);
  if (!node.inputType(0) || failed(lower) || failed(upper) ||
      lower->size() != 1 || upper->size() != 1)
    return RuleResult::NotApplicable;
  return replace(rewriter, node,
                 build<MatrixBandPartOp>(rewriter, node, node.input(0),
                                         i64(rewriter, (*lower)[0]),
                                         i64(rewriter, (*upper)[0])));
}

/// Svd when only the singular values are used (libnd4j's values-only form);
/// TF's compute_uv false leaves u and v empty.
RuleResult svd(ImportNode &node, PatternRewriter &rewriter) {
  if (!isFloat(node.inputType(0)))
    return RuleResult::NotApplicable;
  FailureOr<bool> full = getBool(node, "full_matrices", false);
  if (failed(full))
    return RuleResult::Failed;
  FailureOr<Value> s =
      build<SvdOp>(rewriter, node, node.input(0), i64(rewriter, *full),
                   i64(rewriter, 0), i64(rewriter, 16));
  if (failed(s))
    return RuleResult::Failed;
  return replaceFirstResult(rewriter, node, *s);
}

/// ExtractImagePatches: NHWC windows given as 4-element lists whose batch
/// and channel entries are 1.
RuleResult extractImagePatches(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  FailureOr<SmallVector<int64_t>> k = node.getInts("ksizes");
  FailureOr<SmallVector<int64_t>> s = node.getInts("strides");
  FailureOr<SmallVector<int64_t>> r = node.getInts("rates");
  FailureOr<StringRef> padding = node.getString("padding");
  if (failed(k) || failed(s) || failed(r) || failed(padding))
    return RuleResult::Failed;
  for (const SmallVector<int64_t> &v : {*k, *s, *r})
    if (v.size() != 4 || v[0] != 1 || v[3] != 1)
      return RuleResult::NotApplicable;
  if (!x || x.getRank() != 4 || (*padding != "SAME" && *padding != "VALID"))
    return RuleResult::NotApplicable;
  auto I = [&](int64_t v) { return i64(rewriter, v); };
  return replace(rewriter, node,
                 build<ExtractImagePatchesOp>(
                     rewriter, node, node.input(0), I((*k)[1]), I((*k)[2]),
                     I((*s)[1]), I((*s)[2]), I((*r)[1]), I((*r)[2]),
                     I(*padding == "SAME")));
}

/// Segment ids one per slice along the first dimension (a vector), as
/// libnd4j's segment ops take them.
bool vectorIds(ImportNode &node) {
  RankedTensorType data = node.inputType(0), ids = node.inputType(1);
  return data && ids && ids.getRank() == 1 &&
         isa<IntegerType>(ids.getElementType());
}

template <typename OpTy>
RuleResult segment(ImportNode &node, PatternRewriter &rewriter) {
  if (!vectorIds(node))
    return RuleResult::NotApplicable;
  return replace(rewriter, node,
                 build<OpTy>(rewriter, node, node.input(0), node.input(1)));
}

/// Unsorted segments with a constant count. For an empty segment libnd4j's
/// maximum is the negated largest value: TF's lowest value for
/// floating-point types only.
/// Ids of any rank (data's leading dimensions) are flattened to a vector,
/// and data's leading dimensions with them.
template <typename OpTy>
RuleResult unsortedSegment(ImportNode &node, PatternRewriter &rewriter) {
  FailureOr<SmallVector<int64_t>> count = node.getConstantInts(2);
  RankedTensorType data = node.inputType(0), ids = node.inputType(1);
  if (!data || !ids || !isa<IntegerType>(ids.getElementType()) ||
      !ids.hasStaticShape() || data.getRank() < ids.getRank() ||
      failed(count) || count->size() != 1 ||
      (std::is_same_v<OpTy, UnsortedSegmentMaxOp> &&
       !isFloat(node.inputType(0))))
    return RuleResult::NotApplicable;
  Value x = node.input(0), segments = node.input(1);
  if (ids.getRank() != 1) {
    SmallVector<int64_t> shape = {ids.getNumElements()};
    llvm::append_range(shape, data.getShape().drop_front(ids.getRank()));
    if (llvm::any_of(shape, ShapedType::isDynamic))
      return RuleResult::NotApplicable;
    FailureOr<Value> flatIds =
        build<ReshapeOp>(rewriter, node, segments,
                         rewriter.getDenseI64ArrayAttr({ids.getNumElements()}));
    FailureOr<Value> flatData = build<ReshapeOp>(
        rewriter, node, x, rewriter.getDenseI64ArrayAttr(shape));
    if (failed(flatIds) || failed(flatData))
      return RuleResult::Failed;
    x = *flatData;
    segments = *flatIds;
  }
  return replace(
      rewriter, node,
      build<OpTy>(rewriter, node, x, segments, i64(rewriter, (*count)[0])));
}

/// Bincount(arr, size, weights): per value v in [0, size), the count of
/// arr's elements equal to v (or the sum of their weights); values outside
/// are dropped. An unsorted segment sum of ones (or the weights) by arr.
RuleResult bincount(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType arr = node.inputType(0), weights = node.inputType(2);
  FailureOr<SmallVector<int64_t>> size = node.getConstantInts(1);
  auto result = dyn_cast<ShapedType>(node.resultType(0));
  if (!arr || !arr.hasStaticShape() || !weights || failed(size) ||
      size->size() != 1 || (*size)[0] < 0 || !result)
    return RuleResult::NotApplicable;
  Type elem = result.getElementType();
  Value values;
  if (weights.hasStaticShape() && weights.getNumElements() == 0) {
    auto type = RankedTensorType::get(arr.getShape(), elem);
    Attribute one = isa<FloatType>(elem)
                        ? Attribute(rewriter.getFloatAttr(elem, 1.0))
                        : Attribute(rewriter.getIntegerAttr(elem, 1));
    values =
        ConstantOp::create(rewriter, node.loc, type,
                           DenseElementsAttr::get(type, one), StringAttr());
  } else if (weights == RankedTensorType::get(arr.getShape(), elem)) {
    values = node.input(2);
  } else {
    return RuleResult::NotApplicable;
  }
  Value ids = node.input(0);
  if (arr.getRank() != 1) {
    int64_t n = arr.getNumElements();
    FailureOr<Value> flatIds = build<ReshapeOp>(
        rewriter, node, ids, rewriter.getDenseI64ArrayAttr({n}));
    FailureOr<Value> flatValues = build<ReshapeOp>(
        rewriter, node, values, rewriter.getDenseI64ArrayAttr({n}));
    if (failed(flatIds) || failed(flatValues))
      return RuleResult::Failed;
    ids = *flatIds;
    values = *flatValues;
  }
  return replace(rewriter, node,
                 build<UnsortedSegmentSumOp>(rewriter, node, values, ids,
                                             i64(rewriter, (*size)[0])));
}

/// RGBToHSV/HSVToRGB: TF's channels are the last dimension.
template <typename OpTy>
RuleResult colorSpace(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  if (!isFloat(x) || x.getRank() == 0)
    return RuleResult::NotApplicable;
  return replace(rewriter, node,
                 build<OpTy>(rewriter, node, node.input(0),
                             i64(rewriter, x.getRank() - 1)));
}

/// AdjustHue: libnd4j's adjust_hue (TF's kernel), channels last.
RuleResult adjustHue(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  RankedTensorType delta = node.inputType(1);
  if (!isFloat(x) || x.getRank() == 0 || !delta || !delta.hasStaticShape() ||
      delta.getNumElements() != 1)
    return RuleResult::NotApplicable;
  return replace(rewriter, node,
                 build<AdjustHueOp>(rewriter, node, node.input(0),
                                    node.input(1),
                                    i64(rewriter, x.getRank() - 1)));
}

/// AdjustSaturation through HSV as TF computes it (channels last): the
/// saturation scaled and clamped to [0, 1], then back to RGB.
RuleResult adjustSaturation(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  RankedTensorType amount = node.inputType(1);
  if (!isFloat(x) || x.getRank() == 0 || x.isDynamicDim(x.getRank() - 1) ||
      x.getDimSize(x.getRank() - 1) != 3 || !amount ||
      amount.getNumElements() != 1)
    return RuleResult::NotApplicable;
  int64_t rank = x.getRank();
  auto dimC = i64(rewriter, rank - 1);
  FailureOr<Value> hsv = build<RgbToHsvOp>(rewriter, node, node.input(0), dimC);
  if (failed(hsv))
    return RuleResult::Failed;
  auto channel = [&](int64_t k) {
    SmallVector<int64_t> begin(rank, 0), end(rank, 0), strides(rank, 1);
    int64_t mask = ((int64_t(1) << rank) - 1) & ~(int64_t(1) << (rank - 1));
    begin[rank - 1] = k;
    end[rank - 1] = k + 1;
    return build<StridedSliceOp>(rewriter, node, *hsv, i64(rewriter, mask),
                                 i64(rewriter, 0), i64(rewriter, mask),
                                 i64(rewriter, 0), i64(rewriter, 0),
                                 rewriter.getDenseI64ArrayAttr(begin),
                                 rewriter.getDenseI64ArrayAttr(end),
                                 rewriter.getDenseI64ArrayAttr(strides));
  };
  FailureOr<Value> parts[3] = {channel(0), channel(1), channel(2)};
  if (failed(parts[0]) || failed(parts[1]) || failed(parts[2]))
    return RuleResult::Failed;
  Value by = node.input(1);
  if (amount.getElementType() != x.getElementType())
    by = *build<CastOp>(rewriter, node, by, TypeAttr::get(x.getElementType()));
  if (amount.getRank() != 0)
    by = *build<ReshapeOp>(rewriter, node, by,
                           rewriter.getDenseI64ArrayAttr({}));
  FailureOr<Value> changed = build<MultiplyOp>(rewriter, node, *parts[1], by);
  if (succeeded(changed))
    changed = build<ClipByValueOp>(rewriter, node, *changed, f64(rewriter, 0.0),
                                   f64(rewriter, 1.0));
  if (failed(changed))
    return RuleResult::Failed;
  parts[1] = changed;
  FailureOr<Value> joined = build<ConcatOp>(
      rewriter, node, ValueRange{*parts[0], *parts[1], *parts[2]}, dimC);
  if (failed(joined))
    return RuleResult::Failed;
  return replace(rewriter, node,
                 build<HsvToRgbOp>(rewriter, node, *joined, dimC));
}

} // namespace

void mlir::nd4j::tf_rules::registerTfMathRules(const AddRuleFn &add) {
  add("Bitcast", bitcast);
  add("All", reduceBool<AllOp>);
  add("Any", reduceBool<AnyOp>);
  add("AdjustContrastv2", ranked<AdjustContrastV2Op, 2>);
  add("IsFinite", unaryIf<IsFiniteOp>(isFloat));
  add("Log1p", unaryIf<Log1pOp>(isFloat));
  add("Lgamma", unaryIf<LgammaOp>(isFloat));
  add("L2Loss", unaryIf<L2LossOp>(isFloat));
  add("MatrixInverse", unaryIf<MatrixInverseOp>(isFloat));
  add("MatrixDiag", ranked<MatrixDiagOp, 1>);
  add("MatrixSetDiag", ranked<MatrixSetDiagOp, 2>);
  add("MatrixBandPart", matrixBandPart);
  add("SpaceToBatchND", ranked<SpaceToBatchNdOp, 3>);
  add("BatchToSpaceND", ranked<BatchToSpaceNdOp, 3>);
  add("Roll", roll);
  add("BitwiseAnd", binaryIf<BitwiseAndOp>(isInteger));
  add("BitwiseOr", binaryIf<BitwiseOrOp>(isInteger));
  add("BitwiseXor", binaryIf<BitwiseXorOp>(isInteger));
  add("Invert", unaryIf<ToggleBitsOp>(isInteger));
  add("FloorDiv", floorDiv);
  add("Igamma", binaryIf<IgammaOp>(isFloat));
  add("Igammac", binaryIf<IgammacOp>(isFloat));
  add("Betainc", betainc);
  add("Cumsum", cumulative<CumSumOp>);
  add("Cumprod", cumulative<CumProdOp>);
  add("CompareAndBitpack", ranked<CompareAndBitpackOp, 2>);
  add("NthElement", nthElement);
  add("Svd", svd);
  add("ExtractImagePatches", extractImagePatches);
  add("SegmentSum", segment<SegmentSumOp>);
  add("SegmentProd", segment<SegmentProdOp>);
  add("SegmentMin", segment<SegmentMinOp>);
  add("SegmentMax", segment<SegmentMaxOp>);
  add("SegmentMean", segment<SegmentMeanOp>);
  add("UnsortedSegmentSum", unsortedSegment<UnsortedSegmentSumOp>);
  add("Bincount", bincount);
  add("UnsortedSegmentProd", unsortedSegment<UnsortedSegmentProdOp>);
  add("UnsortedSegmentMin", unsortedSegment<UnsortedSegmentMinOp>);
  add("UnsortedSegmentMax", unsortedSegment<UnsortedSegmentMaxOp>);
  add("RGBToHSV", colorSpace<RgbToHsvOp>);
  add("HSVToRGB", colorSpace<HsvToRgbOp>);
  add("AdjustHue", adjustHue);
  add("AdjustSaturation", adjustSaturation);
}
