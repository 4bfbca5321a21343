//===- TfRandomRules.cpp - TF import rules for the nd4j random ops --------===//
//
// TF rules (framework "tf") for the ops of Nd4jRandomOps.td: random draws,
// fake quantization and non-maximum suppression. A random op cannot
// reproduce TF's numbers; its rule maps the distribution, its parameters and
// the seed as nd4j's own TF import does. The other rules are exact and
// return NotApplicable where the nd4j op would compute something else
// (run-time ranges, thresholds at which libnd4j and TF decide a tie
// differently, outputs libnd4j does not produce).
//
//===----------------------------------------------------------------------===//

#include "passes/Import/TF/TfRuleUtils.h"

using namespace mlir;
using namespace mlir::nd4j;
using namespace mlir::nd4j::onnx_rules;
using namespace mlir::nd4j::tf_rules;

namespace {

/// The result's element type, when the node recorded a ranked result.
Type resultElement(ImportNode &node, unsigned i = 0) {
  auto t = dyn_cast<ShapedType>(node.resultType(i));
  return t ? t.getElementType() : Type();
}

/// TF's seed pair as libnd4j's one seed (as the RandomUniform rule folds
/// it); null when both are 0, TF's "not seeded".
FailureOr<IntegerAttr> seedAttr(ImportNode &node, PatternRewriter &rewriter) {
  FailureOr<int64_t> seed = node.getInt("seed", 0);
  FailureOr<int64_t> seed2 = node.getInt("seed2", 0);
  if (failed(seed) || failed(seed2))
    return failure();
  if (!*seed && !*seed2)
    return IntegerAttr();
  return i64(rewriter, *seed * 0x9E3779B9LL + *seed2);
}

/// RandomUniformInt(shape, minval, maxval): randomuniform of the integer
/// type, in [minval, maxval); the bounds must be constants (libnd4j takes
/// them as t_args), exactly representable as doubles.
RuleResult randomUniformInt(ImportNode &node, PatternRewriter &rewriter) {
  Type e = resultElement(node);
  FailureOr<SmallVector<int64_t>> lo = node.getConstantInts(1);
  FailureOr<SmallVector<int64_t>> hi = node.getConstantInts(2);
  FailureOr<IntegerAttr> seed = seedAttr(node, rewriter);
  if (failed(seed))
    return RuleResult::Failed;
  if (!e || !isa<IntegerType>(e) || !node.inputType(0) || failed(lo) ||
      failed(hi) || lo->size() != 1 || hi->size() != 1)
    return RuleResult::NotApplicable;
  int64_t code = getLibnd4jDataTypeCode(e);
  const int64_t exact = int64_t(1) << 53;
  int64_t min = (*lo)[0], max = (*hi)[0];
  if (code <= 1 || min >= max || std::abs(min) > exact || std::abs(max) > exact)
    return RuleResult::NotApplicable;
  return replace(rewriter, node,
                 build<RandomUniformOp>(
                     rewriter, node, node.input(0), f64(rewriter, double(min)),
                     f64(rewriter, double(max)), i64(rewriter, code), *seed,
                     TypeAttr::get(e)));
}

/// RandomStandardNormal(shape): random_normal of mean 0 and standard
/// deviation 1, which takes no seed.
RuleResult randomStandardNormal(ImportNode &node, PatternRewriter &rewriter) {
  Type e = resultElement(node);
  if (!e || !isa<FloatType>(e) || !node.inputType(0))
    return RuleResult::NotApplicable;
  return replace(rewriter, node,
                 build<RandomNormalOp>(rewriter, node, node.input(0),
                                       f64(rewriter, 0.0), f64(rewriter, 1.0),
                                       TypeAttr::get(e)));
}

/// RandomGamma(shape, alpha): unit-scale gamma draws, `shape ++
/// alpha.shape`.
RuleResult randomGamma(ImportNode &node, PatternRewriter &rewriter) {
  FailureOr<IntegerAttr> seed = seedAttr(node, rewriter);
  if (failed(seed))
    return RuleResult::Failed;
  if (!node.inputType(0) || !isFloat(node.inputType(1)))
    return RuleResult::NotApplicable;
  return replace(rewriter, node,
                 build<RandomGammaOp>(rewriter, node, node.input(0),
                                      node.input(1), *seed));
}

/// RandomPoissonV2(shape, rate): libnd4j draws floating-point results only.
RuleResult randomPoisson(ImportNode &node, PatternRewriter &rewriter) {
  Type e = resultElement(node);
  FailureOr<IntegerAttr> seed = seedAttr(node, rewriter);
  if (failed(seed))
    return RuleResult::Failed;
  if (!e || !isa<FloatType>(e) || !node.inputType(0) ||
      !isFloat(node.inputType(1)))
    return RuleResult::NotApplicable;
  return replace(rewriter, node,
                 build<RandomPoissonOp>(rewriter, node, node.input(0),
                                        node.input(1), *seed,
                                        TypeAttr::get(e)));
}

/// RandomShuffle(value) along the first dimension; a scalar is itself.
RuleResult randomShuffle(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  FailureOr<IntegerAttr> seed = seedAttr(node, rewriter);
  if (failed(seed))
    return RuleResult::Failed;
  if (!x)
    return RuleResult::NotApplicable;
  if (x.getRank() == 0)
    return node.replaceWith(rewriter, node.input(0));
  return replace(rewriter, node,
                 build<RandomShuffleOp>(rewriter, node, node.input(0), *seed));
}

/// Multinomial(logits [batch, classes], num_samples): random_multinomial
/// with the batch as dimC 0 (libnd4j's dimC is the batch dimension; nd4j's
/// own mapping passes -1, which draws [samples, classes]). It takes no seed.
/// Only TF's default int64 result: libnd4j releases differ in where they
/// read the result type, and int64 is their common default.
RuleResult multinomial(ImportNode &node, PatternRewriter &rewriter) {
  Type e = resultElement(node);
  RankedTensorType logits = node.inputType(0);
  if (!e || !e.isInteger(64) || !isFloat(logits) || logits.getRank() != 2 ||
      !node.inputType(1))
    return RuleResult::NotApplicable;
  return replace(rewriter, node,
                 build<RandomMultinomialOp>(rewriter, node, node.input(0),
                                            node.input(1), i64(rewriter, 0),
                                            TypeAttr::get(e)));
}

/// TF's num_bits and narrow_range, checked against the range libnd4j takes.
FailureOr<std::pair<int64_t, bool>> quantBits(ImportNode &node) {
  FailureOr<int64_t> bits = node.getInt("num_bits", 8);
  FailureOr<bool> narrow = getBool(node, "narrow_range", false);
  if (failed(bits) || failed(narrow))
    return failure();
  return std::make_pair(*bits, *narrow);
}

/// FakeQuantWithMinMaxArgs: the range is attributes already.
RuleResult fakeQuantArgs(ImportNode &node, PatternRewriter &rewriter) {
  FailureOr<std::pair<int64_t, bool>> bits = quantBits(node);
  FailureOr<double> min = node.getFloat("min", -6.0);
  FailureOr<double> max = node.getFloat("max", 6.0);
  if (failed(bits) || failed(min) || failed(max))
    return RuleResult::Failed;
  if (!isFloat(node.inputType(0)) || bits->first < 2 || bits->first > 16 ||
      !(*min < *max))
    return RuleResult::NotApplicable;
  return replace(rewriter, node,
                 build<FakeQuantWithMinMaxArgsOp>(
                     rewriter, node, node.input(0), i64(rewriter, bits->first),
                     f64(rewriter, *min), f64(rewriter, *max),
                     rewriter.getBoolAttr(bits->second)));
}

/// Constant ranges with min < max everywhere: TF special-cases min == max
/// == 0 (the result is 0), libnd4j divides by the zero scale.
bool constantRanges(ImportNode &node) {
  FailureOr<SmallVector<double>> lo = node.getConstantFloats(1);
  FailureOr<SmallVector<double>> hi = node.getConstantFloats(2);
  if (failed(lo) || failed(hi) || lo->size() != hi->size())
    return false;
  for (auto [l, h] : llvm::zip(*lo, *hi))
    if (!(l < h))
      return false;
  return true;
}

/// FakeQuantWithMinMaxVars and FakeQuantWithMinMaxVarsPerChannel.
template <typename OpTy>
RuleResult fakeQuantVars(ImportNode &node, PatternRewriter &rewriter) {
  FailureOr<std::pair<int64_t, bool>> bits = quantBits(node);
  if (failed(bits))
    return RuleResult::Failed;
  if (!isFloat(node.inputType(0)) || !node.inputType(1) || !node.inputType(2) ||
      bits->first < 2 || bits->first > 16 || !constantRanges(node))
    return RuleResult::NotApplicable;
  return replace(rewriter, node,
                 build<OpTy>(rewriter, node, node.input(0), node.input(1),
                             node.input(2), i64(rewriter, bits->first),
                             rewriter.getBoolAttr(bits->second)));
}

/// A scalar constant of `element` (f32 or the boxes' type).
Value floatScalar(PatternRewriter &rewriter, Location loc, Type element,
                  double v) {
  auto type = RankedTensorType::get({}, element);
  return makeConstant(rewriter, loc, type, {rewriter.getFloatAttr(element, v)});
}

/// The non-maximum suppressions. libnd4j's non_max_suppression_v3 is TF's
/// hard NMS except at an overlap exactly equal to the threshold (libnd4j
/// suppresses, TF keeps): the IoU threshold must be a constant, passed on
/// as the next value above it in the boxes' type, so that reaching it is
/// exceeding TF's (at 0, every disjoint box would otherwise tie). libnd4j's
/// `non_max_suppression` (v1) sizes its result before suppressing, so it is
/// not used. Without a score threshold (v1, v2) the threshold is the
/// lowest float, as in TF.
RuleResult nonMaxSuppression(ImportNode &node, PatternRewriter &rewriter) {
  StringRef op = node.opType;
  bool v1 = op == "NonMaxSuppression", v4 = op == "NonMaxSuppressionV4",
       v5 = op == "NonMaxSuppressionV5";
  RankedTensorType boxes = node.inputType(0), scores = node.inputType(1);
  if (!isFloat(boxes) || !scores || !node.inputType(2))
    return RuleResult::NotApplicable;
  double iou;
  if (v1) {
    FailureOr<double> attr = node.getFloat("iou_threshold", 0.5);
    if (failed(attr))
      return RuleResult::Failed;
    iou = *attr;
  } else {
    FailureOr<SmallVector<double>> c = node.getConstantFloats(3);
    if (failed(c) || c->size() != 1)
      return RuleResult::NotApplicable;
    iou = (*c)[0];
  }
  bool pad = false;
  if (v4 || v5) {
    FailureOr<bool> p = getBool(node, "pad_to_max_output_size", false);
    if (failed(p))
      return RuleResult::Failed;
    pad = *p;
  }
  if (v5) {
    // Soft NMS (sigma > 0) rescores the boxes; libnd4j has no such op.
    FailureOr<SmallVector<double>> sigma = node.getConstantFloats(5);
    if (failed(sigma) || sigma->size() != 1 || (*sigma)[0] != 0)
      return RuleResult::NotApplicable;
  }
  bool noScoreThreshold = v1 || op == "NonMaxSuppressionV2";
  if (!noScoreThreshold && !node.inputType(4))
    return RuleResult::NotApplicable;
  Type f32 = rewriter.getF32Type();
  // The smallest value of the boxes' type above the threshold: the largest
  // not above it, then the next one up.
  auto elem = cast<FloatType>(boxes.getElementType());
  APFloat above(iou);
  bool lost;
  above.convert(elem.getFloatSemantics(), APFloat::rmTowardNegative, &lost);
  above.next(/*nextDown=*/false);
  Value iouValue =
      floatScalar(rewriter, node.loc, elem, above.convertToDouble());
  Value scoreThreshold = noScoreThreshold
                             ? floatScalar(rewriter, node.loc, f32,
                                           -std::numeric_limits<float>::max())
                             : node.input(4);
  FailureOr<Value> y =
      build<NonMaxSuppressionV3Op>(rewriter, node, node.input(0), node.input(1),
                                   node.input(2), iouValue, scoreThreshold);
  if (failed(y))
    return RuleResult::Failed;
  if (!v4 && !v5)
    return node.getNumResults() == 1 ? node.replaceWith(rewriter, *y)
                                     : replaceFirstResult(rewriter, node, *y);
  // V4 and V5 also give the count of selected boxes (V5 their scores too),
  // and pad the selection with zeros to max_output_size when asked: the
  // count is a sum of ones over the selection, the padding a pad by the
  // run-time amount max_output_size - count.
  Location loc = node.loc;
  Type i32 = rewriter.getI32Type();
  FailureOr<Value> ones = build<EqualsOp>(rewriter, node, *y, *y);
  if (succeeded(ones))
    ones = build<CastOp>(rewriter, node, *ones, TypeAttr::get(i32));
  FailureOr<Value> count =
      failed(ones) ? ones
                   : build<ReduceSumOp>(rewriter, node, *ones,
                                        rewriter.getDenseI64ArrayAttr({0}),
                                        rewriter.getBoolAttr(false));
  FailureOr<Value> scoresOut =
      v5 ? build<GatherOp>(rewriter, node, node.input(1), *y, i64(rewriter, 0))
         : FailureOr<Value>(Value());
  if (failed(count) || failed(scoresOut))
    return RuleResult::Failed;
  Value selected = *y, selectedScores = *scoresOut;
  if (pad) {
    FailureOr<Value> limit =
        build<CastOp>(rewriter, node, node.input(2), TypeAttr::get(i32));
    FailureOr<Value> amount =
        failed(limit) ? limit
                      : build<SubtractOp>(rewriter, node, *limit, *count);
    if (succeeded(amount))
      amount = reshapeTo(rewriter, node, *amount, {1});
    FailureOr<Value> paddings =
        failed(amount)
            ? amount
            : build<ConcatOp>(
                  rewriter, node,
                  ValueRange{intConstantLike(rewriter, loc, i32, {1}, {0}),
                             *amount},
                  i64(rewriter, 0));
    if (succeeded(paddings))
      paddings = reshapeTo(rewriter, node, *paddings, {1, 2});
    if (failed(paddings))
      return RuleResult::Failed;
    auto padded = [&](Value v) -> FailureOr<Value> {
      return build<PadOp>(rewriter, node, v, *paddings, i64(rewriter, 0),
                          f64(rewriter, 0));
    };
    FailureOr<Value> p = padded(selected);
    FailureOr<Value> ps =
        v5 ? padded(selectedScores) : FailureOr<Value>(Value());
    if (failed(p) || failed(ps))
      return RuleResult::Failed;
    selected = *p;
    selectedScores = *ps;
  }
  SmallVector<Value> outs = {selected};
  if (v5)
    outs.push_back(selectedScores);
  outs.push_back(*count);
  // The node has the results the graph reads, a prefix of these.
  if (node.getNumResults() > outs.size())
    return RuleResult::NotApplicable;
  outs.resize(node.getNumResults());
  return node.replaceWith(rewriter, outs);
}

RuleResult maxPoolWithArgmaxIndices(ImportNode &node,
                                    PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  auto indexType = dyn_cast_or_null<TensorType>(node.resultType(1));
  if (!x.hasStaticShape() || !indexType)
    return RuleResult::NotApplicable;
  FailureOr<SmallVector<int64_t>> ksize = node.getInts("ksize");
  FailureOr<SmallVector<int64_t>> strides = node.getInts("strides");
  FailureOr<StringRef> padding = node.getString("padding");
  FailureOr<bool> withBatch = getBool(node, "include_batch_in_index", false);
  if (failed(ksize) || failed(strides) || failed(padding) || failed(withBatch))
    return RuleResult::Failed;
  if (ksize->size() != 4 || strides->size() != 4 || (*ksize)[0] != 1 ||
      (*ksize)[3] != 1 || (*strides)[0] != 1 || (*strides)[3] != 1 ||
      (*padding != "SAME" && *padding != "VALID"))
    return RuleResult::NotApplicable;
  int64_t H = x.getDimSize(1), W = x.getDimSize(2), C = x.getDimSize(3);
  PoolGeometry g{
      (*ksize)[1], (*ksize)[2], (*strides)[1], (*strides)[2], 1, 1, 0, 0, 0, 0};
  if (*padding == "SAME") {
    std::tie(g.top, g.bottom) = samePadding(H, g.kH, g.sH, 1, false);
    std::tie(g.left, g.right) = samePadding(W, g.kW, g.sW, 1, false);
  }
  SmallVector<int64_t> steps = {*withBatch ? H * W * C : 0, 1, W * C, C};
  FailureOr<std::pair<Value, Value>> pooled = buildMaxPoolWithIndices(
      rewriter, node, node.input(0), g, steps, indexType.getElementType());
  if (failed(pooled))
    return RuleResult::Failed;
  return node.replaceWith(rewriter, ValueRange{pooled->first, pooled->second});
}

/// MaxPoolWithArgmax (NHWC). With its argmax unused: maxpool2d, as TF's
/// MaxPool. Otherwise (static input) composed by buildMaxPoolWithIndices:
/// libnd4j's max_pool_with_argmax does not compute TF's indices (flattened
/// positions `((n * H + y) * W + x) * C + c`, the batch term only with
/// include_batch_in_index): its helper numbers the input's elements per
/// image instead.
RuleResult maxPoolWithArgmax(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  if (!x || x.getRank() != 4)
    return RuleResult::NotApplicable;
  if (node.isResultUsed(1))
    return maxPoolWithArgmaxIndices(node, rewriter);
  FailureOr<SmallVector<int64_t>> ksize = node.getInts("ksize");
  FailureOr<SmallVector<int64_t>> strides = node.getInts("strides");
  FailureOr<StringRef> padding = node.getString("padding");
  if (failed(ksize) || failed(strides) || failed(padding))
    return RuleResult::Failed;
  if (ksize->size() != 4 || strides->size() != 4 || (*ksize)[0] != 1 ||
      (*ksize)[3] != 1 || (*strides)[0] != 1 || (*strides)[3] != 1 ||
      (*padding != "SAME" && *padding != "VALID"))
    return RuleResult::NotApplicable;
  auto I = [&](int64_t v) { return i64(rewriter, v); };
  FailureOr<Value> y = build<MaxPool2DOp>(
      rewriter, node, node.input(0), I((*ksize)[1]), I((*ksize)[2]),
      I((*strides)[1]), I((*strides)[2]), I(0), I(0), I(1), I(1),
      I(*padding == "SAME"), I(0), I(1));
  if (failed(y))
    return RuleResult::Failed;
  return replaceFirstResult(rewriter, node, *y);
}

} // namespace

void mlir::nd4j::tf_rules::registerTfRandomRules(const AddRuleFn &add) {
  add("RandomUniformInt", randomUniformInt);
  add("RandomStandardNormal", randomStandardNormal);
  add("RandomGamma", randomGamma);
  add("RandomPoissonV2", randomPoisson);
  add("RandomShuffle", randomShuffle);
  add("Multinomial", multinomial);
  add("MaxPoolWithArgmax", maxPoolWithArgmax);
  add("FakeQuantWithMinMaxArgs", fakeQuantArgs);
  add("FakeQuantWithMinMaxVars", fakeQuantVars<FakeQuantWithMinMaxVarsOp>);
  add("FakeQuantWithMinMaxVarsPerChannel",
      fakeQuantVars<FakeQuantWithMinMaxVarsPerChannelOp>);
  for (StringRef op :
       {"NonMaxSuppression", "NonMaxSuppressionV2", "NonMaxSuppressionV3",
        "NonMaxSuppressionV4", "NonMaxSuppressionV5"})
    add(op, nonMaxSuppression);
}
