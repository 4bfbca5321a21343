//===- TfNNRules.cpp - TF 3-D window, normalization and misc NN rules ----===//
//
// 3-D convolution and pooling (NDHWC or NCDHW; TF's filters
// [kD, kH, kW, iC, oC] are conv3dnew's layout and, read as
// [kD, kH, kW, oC, iC], deconv3d's), FusedBatchNorm, top-k, resizing, LRN,
// softmax cross-entropy, random values and matrix products of any batch
// rank.
//
//===----------------------------------------------------------------------===//

#include "passes/Import/TF/TfRuleUtils.h"

using namespace mlir;
using namespace mlir::nd4j;
using namespace mlir::nd4j::onnx_rules;
using namespace mlir::nd4j::tf_rules;

namespace {

/// The 5-element window attributes of TF's 3-D ops.
struct TfWindow3D {
  int64_t k[3] = {1, 1, 1}, s[3] = {1, 1, 1}, d[3] = {1, 1, 1};
  bool same = false, ncdhw = false;
};

RuleResult bindWindow3D(ImportNode &node, TfWindow3D &w, bool pool) {
  FailureOr<StringRef> format = node.getString("data_format", "NDHWC");
  FailureOr<StringRef> padding = node.getString("padding");
  FailureOr<SmallVector<int64_t>> strides = node.getInts("strides");
  FailureOr<SmallVector<int64_t>> dilations =
      getIntList(node, "dilations", {1, 1, 1, 1, 1});
  if (failed(format) || failed(padding) || failed(strides) || failed(dilations))
    return RuleResult::Failed;
  if ((*format != "NDHWC" && *format != "NCDHW") || strides->size() != 5 ||
      dilations->size() != 5 || (*padding != "SAME" && *padding != "VALID"))
    return RuleResult::NotApplicable;
  w.ncdhw = *format == "NCDHW";
  unsigned first = w.ncdhw ? 2 : 1;
  for (unsigned i = 0; i < 3; ++i) {
    w.s[i] = (*strides)[first + i];
    w.d[i] = (*dilations)[first + i];
  }
  w.same = *padding == "SAME";
  if (pool) {
    FailureOr<SmallVector<int64_t>> ksize = node.getInts("ksize");
    if (failed(ksize))
      return RuleResult::Failed;
    if (ksize->size() != 5 || (*ksize)[0] != 1 ||
        (*ksize)[w.ncdhw ? 1 : 4] != 1)
      return RuleResult::NotApplicable;
    for (unsigned i = 0; i < 3; ++i)
      w.k[i] = (*ksize)[first + i];
  }
  return RuleResult::Continue;
}

/// The window of a 3-D op with a filter (operand 1, [kD, kH, kW, ...] with
/// static extents) applied to the rank-5 data operand `data`.
RuleResult bindFilterWindow3D(ImportNode &node, unsigned data, TfWindow3D &w) {
  RankedTensorType x = node.inputType(data), f = node.inputType(1);
  if (!x || !f || x.getRank() != 5 || f.getRank() != 5 || f.isDynamicDim(0) ||
      f.isDynamicDim(1) || f.isDynamicDim(2))
    return RuleResult::NotApplicable;
  for (unsigned i = 0; i < 3; ++i)
    w.k[i] = f.getDimSize(i);
  return bindWindow3D(node, w, /*pool=*/false);
}

/// Conv3D (input, filter [kD, kH, kW, iC, oC]).
RuleResult conv3d(ImportNode &node, PatternRewriter &rewriter) {
  TfWindow3D w;
  if (RuleResult r = bindFilterWindow3D(node, /*data=*/0, w);
      r != RuleResult::Continue)
    return r;
  auto I = [&](int64_t v) { return i64(rewriter, v); };
  return replace(rewriter, node,
                 build<Conv3DOp>(rewriter, node, node.input(0), node.input(1),
                                 Value(), I(w.k[0]), I(w.k[1]), I(w.k[2]),
                                 I(w.s[0]), I(w.s[1]), I(w.s[2]), I(0), I(0),
                                 I(0), I(w.d[0]), I(w.d[1]), I(w.d[2]),
                                 I(w.same), I(!w.ncdhw)));
}

/// MaxPool3D/AvgPool3D; TF's average leaves padding out of the count.
template <typename OpTy>
RuleResult pool3d(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  if (!x || x.getRank() != 5)
    return RuleResult::NotApplicable;
  TfWindow3D w;
  if (RuleResult r = bindWindow3D(node, w, true); r != RuleResult::Continue)
    return r;
  auto I = [&](int64_t v) { return i64(rewriter, v); };
  return replace(rewriter, node,
                 build<OpTy>(rewriter, node, node.input(0), I(w.k[0]),
                             I(w.k[1]), I(w.k[2]), I(w.s[0]), I(w.s[1]),
                             I(w.s[2]), I(0), I(0), I(0), I(1), I(1), I(1),
                             I(w.same), I(0), I(!w.ncdhw)));
}

/// Conv3DBackpropInputV2 (input_sizes, filter, out_backprop): deconv3d.
RuleResult deconv3d(ImportNode &node, PatternRewriter &rewriter) {
  TfWindow3D w;
  if (RuleResult r = bindFilterWindow3D(node, /*data=*/2, w);
      r != RuleResult::Continue)
    return r;
  auto I = [&](int64_t v) { return i64(rewriter, v); };
  return replaceIfSized(
      node, rewriter,
      build<Deconv3DOp>(rewriter, node, node.input(2), node.input(1), Value(),
                        I(w.k[0]), I(w.k[1]), I(w.k[2]), I(w.s[0]), I(w.s[1]),
                        I(w.s[2]), I(0), I(0), I(0), I(w.d[0]), I(w.d[1]),
                        I(w.d[2]), I(w.same), I(!w.ncdhw)));
}

/// FusedBatchNorm(V2, V3): (x, scale, offset, mean, variance) → y,
/// batch_mean, batch_variance (the reserve spaces must be unused).
RuleResult fusedBatchNorm(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  FailureOr<bool> training = getBool(node, "is_training", true);
  FailureOr<double> eps = node.getFloat("epsilon", 1e-4);
  FailureOr<StringRef> format = node.getString("data_format", "NHWC");
  FailureOr<double> avg = node.getFloat("exponential_avg_factor", 1.0);
  if (failed(training) || failed(eps) || failed(format) || failed(avg))
    return RuleResult::Failed;
  if (!x || x.getRank() < 2 || node.getNumInputs() < 5 ||
      (*format != "NHWC" && *format != "NCHW" && *format != "NDHWC" &&
       *format != "NCDHW"))
    return RuleResult::NotApplicable;
  RankedTensorType param = node.inputType(1);
  if (!param || node.inputType(2) != param ||
      (!*training &&
       (node.inputType(3) != param || node.inputType(4) != param)))
    return RuleResult::NotApplicable;
  // Half-precision inputs normalize in the parameters' f32, as TF does.
  Type p = param.getElementType();
  Value in = node.input(0);
  if (x.getElementType() != p) {
    FailureOr<Value> c = build<CastOp>(rewriter, node, in, TypeAttr::get(p));
    if (failed(c))
      return RuleResult::Failed;
    in = *c;
  }
  int64_t channels = format->starts_with("NC") ? 1 : x.getRank() - 1;
  Value mean = node.input(3), variance = node.input(4);
  if (*training) {
    // Training mode normalizes with the batch's own statistics (mean and
    // population variance over every dimension but the channels); the
    // running statistics it would also return must be unused.
    if (*avg != 1.0 || x.isDynamicDim(channels))
      return RuleResult::NotApplicable;
    SmallVector<int64_t> dims;
    for (int64_t d = 0; d < x.getRank(); ++d)
      if (d != channels)
        dims.push_back(d);
    auto reduceMean = [&](Value v) {
      return build<ReduceMeanOp>(rewriter, node, v,
                                 rewriter.getDenseI64ArrayAttr(dims),
                                 rewriter.getBoolAttr(true));
    };
    FailureOr<Value> m = reduceMean(in), d, sq, v;
    if (succeeded(m))
      d = build<SubtractOp>(rewriter, node, in, *m);
    if (succeeded(d))
      sq = build<MultiplyOp>(rewriter, node, *d, *d);
    if (succeeded(sq))
      v = reduceMean(*sq);
    if (succeeded(v))
      v = reshapeTo(rewriter, node, *v, {x.getDimSize(channels)});
    if (succeeded(v))
      m = reshapeTo(rewriter, node, *m, {x.getDimSize(channels)});
    if (failed(v) || failed(m))
      return RuleResult::Failed;
    mean = *m;
    variance = *v;
  }
  auto I = [&](int64_t v) { return i64(rewriter, v); };
  FailureOr<Value> y = build<BatchNormOp>(
      rewriter, node, in, mean, variance, node.input(1), node.input(2), I(1),
      I(1), rewriter.getDenseI64ArrayAttr({channels}), f64(rewriter, *eps));
  if (succeeded(y) && x.getElementType() != p)
    y = build<CastOp>(rewriter, node, *y, TypeAttr::get(x.getElementType()));
  if (failed(y))
    return RuleResult::Failed;
  if (node.getNumResults() == 1)
    return node.replaceWith(rewriter, *y);
  // batch_mean and batch_variance; in training mode TF corrects the
  // variance it returns by n / (n - 1). The reserve spaces have no meaning
  // here.
  if (node.getNumResults() > 3)
    return RuleResult::NotApplicable;
  SmallVector<Value> results{*y, mean};
  if (node.getNumResults() == 3) {
    Value var = variance;
    if (*training) {
      int64_t n = x.getNumElements() / x.getDimSize(channels);
      if (!x.hasStaticShape() || n < 2)
        return RuleResult::NotApplicable;
      FailureOr<Value> corrected = build<MultiplyOp>(
          rewriter, node, variance,
          scalarConstant(rewriter, node.loc, p, double(n) / double(n - 1)));
      if (failed(corrected))
        return RuleResult::Failed;
      var = *corrected;
    }
    results.push_back(var);
  }
  return node.replaceWith(rewriter, results);
}

/// MatMul of any batch rank (BatchMatMul, V2 broadcasting, V3).
RuleResult batchMatmul(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType a = node.inputType(0), b = node.inputType(1);
  if (!a || !b || a.getRank() < 2 || b.getRank() < 2 ||
      a.getElementType() != b.getElementType())
    return RuleResult::NotApplicable;
  FailureOr<bool> ta = getBool(node, "adj_x", false);
  FailureOr<bool> tb = getBool(node, "adj_y", false);
  if (failed(ta) || failed(tb))
    return RuleResult::Failed;
  if (isa<ComplexType>(a.getElementType()) && (*ta || *tb))
    return RuleResult::NotApplicable; // Adjoint conjugates.
  return replace(rewriter, node,
                 build<MatmulOp>(rewriter, node, node.input(0), node.input(1),
                                 i64(rewriter, *ta), i64(rewriter, *tb),
                                 i64(rewriter, 0), f64(rewriter, 1.0),
                                 f64(rewriter, 0.0)));
}

/// TopKV2(x, k) along the last axis; nd4j's indices are i64 and become the
/// int32 TF records with a cast.
RuleResult topK(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  FailureOr<SmallVector<int64_t>> k = node.getConstantInts(1);
  FailureOr<bool> sorted = getBool(node, "sorted", true);
  if (failed(sorted))
    return RuleResult::Failed;
  if (!x || failed(k) || k->size() != 1 || node.getNumResults() > 2)
    return RuleResult::NotApplicable;
  FailureOr<Value> values =
      build<TopKOp>(rewriter, node, node.input(0), i64(rewriter, (*k)[0]),
                    rewriter.getBoolAttr(*sorted));
  if (failed(values))
    return RuleResult::Failed;
  if (node.getNumResults() == 1)
    return node.replaceWith(rewriter, *values);
  Value indices = values->getDefiningOp()->getResult(1);
  auto want = dyn_cast<ShapedType>(node.resultType(1));
  Type element = want ? want.getElementType() : rewriter.getI32Type();
  if (element != rewriter.getI64Type()) {
    FailureOr<Value> c =
        build<CastOp>(rewriter, node, indices, TypeAttr::get(element));
    if (failed(c))
      return RuleResult::Failed;
    indices = *c;
  }
  return node.replaceWith(rewriter, {*values, indices});
}

/// ResizeBilinear / ResizeNearestNeighbor without align_corners. TF maps
/// output pixel x to x * scale, or with half_pixel_centers to
/// (x + 0.5) * scale - 0.5 (bilinear) and floor((x + 0.5) * scale)
/// (nearest).
RuleResult resize(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  FailureOr<bool> align = getBool(node, "align_corners", false);
  FailureOr<bool> half = getBool(node, "half_pixel_centers", false);
  if (failed(align) || failed(half))
    return RuleResult::Failed;
  if (!x || x.getRank() != 4 || !node.inputType(1) || *align)
    return RuleResult::NotApplicable;
  bool nearest = node.opType == "ResizeNearestNeighbor";
  auto result = dyn_cast<ShapedType>(node.resultType(0));
  // Bilinear always produces f32 in both frameworks.
  if (!nearest && result && !result.getElementType().isF32())
    return RuleResult::NotApplicable;
  int64_t coor = !*half ? 0 : nearest ? 2 : 1;
  return replace(rewriter, node,
                 build<ImageResizeOp>(
                     rewriter, node, node.input(0), node.input(1),
                     i64(rewriter, nearest ? 1 : 0), i64(rewriter, coor),
                     i64(rewriter, 0), f64(rewriter, -0.75),
                     rewriter.getBoolAttr(false), rewriter.getBoolAttr(false),
                     rewriter.getBoolAttr(false)));
}

/// ResizeBilinear, ResizeBicubic and ResizeArea of a static [N, H, W, C]
/// image to a constant size, in every coordinate mode (align_corners,
/// half_pixel_centers, legacy), as TF computes them: each is separable, so
/// along H and then W every output pixel is a weighted sum of a few input
/// pixels whose indices and weights are computed here (TF's formulas in
/// float, the cubic weights at TF's table resolution of 1/1024), the sum built
/// as gathers of constant index vectors times constant weight vectors. The
/// result is f32 (TF resizes in float). image_resize takes the other cases
/// (run-time sizes; bilinear without align_corners is faster there).
RuleResult resizeSeparable(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  if (!x || x.getRank() != 4 || !x.hasStaticShape() ||
      !isa<FloatType, IntegerType>(x.getElementType()))
    return RuleResult::NotApplicable;
  FailureOr<SmallVector<int64_t>> size = node.getConstantInts(1);
  if (failed(size) || size->size() != 2 || (*size)[0] < 1 || (*size)[1] < 1)
    return RuleResult::NotApplicable;
  FailureOr<bool> align = getBool(node, "align_corners", false);
  FailureOr<bool> half = getBool(node, "half_pixel_centers", false);
  if (failed(align) || failed(half))
    return RuleResult::Failed;
  if (*align && *half) {
    node.emitError() << "align_corners and half_pixel_centers are exclusive";
    return RuleResult::Failed;
  }
  enum {
    Bilinear,
    Bicubic,
    Area
  } mode = node.opType == "ResizeBicubic" ? Bicubic
           : node.opType == "ResizeArea"  ? Area
                                          : Bilinear;
  // TF's cubic kernel: a = -0.5 (Keys, with half-pixel centers; taps
  // outside the image get no weight) or -0.75 (legacy, tabulated).
  double a = *half ? -0.5 : -0.75;
  auto cubic = [&](double t) {
    t = std::abs(t);
    return t <= 1  ? ((a + 2) * t - (a + 3)) * t * t + 1
           : t < 2 ? ((a * t - 5 * a) * t + 8 * a) * t - 4 * a
                   : 0.0;
  };
  Location loc = node.loc;
  Type f32 = rewriter.getF32Type();
  OpChain o{rewriter, node};
  Value y = x.getElementType().isF32()
                ? node.input(0)
                : o.op<CastOp>(node.input(0), TypeAttr::get(f32));
  for (int64_t d = 1; d <= 2; ++d) {
    int64_t n = x.getDimSize(d), m = (*size)[d - 1];
    // In float, as TF computes the scale and the source coordinates.
    float scale =
        *align && m > 1 ? float(n - 1) / float(m - 1) : float(n) / float(m);
    auto clampIndex = [&](int64_t i) {
      return std::min<int64_t>(n - 1, std::max<int64_t>(0, i));
    };
    // The taps (index, weight) of each output pixel.
    std::vector<SmallVector<std::pair<int64_t, double>>> taps(m);
    for (int64_t i = 0; i < m; ++i) {
      auto &t = taps[i];
      if (mode == Area) {
        double lo = i * scale, hi = (i + 1) * scale;
        for (int64_t k = static_cast<int64_t>(std::floor(lo)); k < hi; ++k)
          t.push_back({clampIndex(k),
                       (std::min<double>(k + 1, hi) - std::max<double>(k, lo)) /
                           scale});
        continue;
      }
      float src = *half ? (i + 0.5f) * scale - 0.5f : i * scale;
      double floorSrc = std::floor(src);
      if (mode == Bilinear) {
        double lerp = src - floorSrc;
        t.push_back({clampIndex(static_cast<int64_t>(floorSrc)), 1 - lerp});
        t.push_back(
            {std::min<int64_t>(n - 1, static_cast<int64_t>(std::ceil(src))),
             lerp});
        continue;
      }
      // TF's table: delta rounded to 1/1024 (Keys' kernel and the legacy
      // one alike).
      double delta = std::nearbyint((src - floorSrc) * 1024) / 1024;
      int64_t base = static_cast<int64_t>(floorSrc);
      double w[4] = {cubic(delta + 1), cubic(delta), cubic(1 - delta),
                     cubic(2 - delta)};
      double total = 0;
      for (int k = 0; k < 4; ++k) {
        int64_t idx = base - 1 + k;
        if (*half && (idx < 0 || idx >= n))
          w[k] = 0;
        total += w[k];
      }
      for (int k = 0; k < 4; ++k)
        t.push_back({clampIndex(base - 1 + k), *half ? w[k] / total : w[k]});
    }
    size_t width = 0;
    for (auto &t : taps)
      width = std::max(width, t.size());
    Value sum;
    for (size_t k = 0; k < width; ++k) {
      SmallVector<int64_t> idx;
      SmallVector<float> wts;
      for (auto &t : taps) {
        idx.push_back(k < t.size() ? t[k].first : 0);
        wts.push_back(k < t.size() ? static_cast<float>(t[k].second) : 0.f);
      }
      SmallVector<int64_t> wShape = {m};
      wShape.append(3 - d, 1);
      auto wType = RankedTensorType::get(wShape, f32);
      Value weights = ConstantOp::create(
          rewriter, loc, wType, DenseElementsAttr::get(wType, ArrayRef(wts)),
          StringAttr());
      Value term =
          o.mul(o.op<GatherOp>(y, i64VectorConstant(rewriter, loc, idx),
                               i64(rewriter, d)),
                weights);
      sum = sum ? o.add(sum, term) : term;
    }
    y = sum;
  }
  if (!o.ok)
    return RuleResult::Failed;
  return node.replaceWith(rewriter, y);
}

/// RandomUniform(shape) in [0, 1); TF's seed pair becomes libnd4j's seed.
/// The values are the generator's, not TF's.
RuleResult randomUniform(ImportNode &node, PatternRewriter &rewriter) {
  auto result = dyn_cast<ShapedType>(node.resultType(0));
  if (!result || !node.inputType(0))
    return RuleResult::NotApplicable;
  Type e = result.getElementType();
  int64_t code = e.isF16()    ? 3
                 : e.isF32()  ? 5
                 : e.isF64()  ? 6
                 : e.isBF16() ? 17
                              : 0;
  FailureOr<int64_t> seed = node.getInt("seed", 0);
  FailureOr<int64_t> seed2 = node.getInt("seed2", 0);
  if (failed(seed) || failed(seed2))
    return RuleResult::Failed;
  if (!code)
    return RuleResult::NotApplicable;
  IntegerAttr seedAttr;
  if (*seed || *seed2)
    seedAttr = i64(rewriter, *seed * 0x9E3779B9LL + *seed2);
  return replace(rewriter, node,
                 build<RandomUniformOp>(rewriter, node, node.input(0),
                                        f64(rewriter, 0.0), f64(rewriter, 1.0),
                                        i64(rewriter, code), seedAttr,
                                        TypeAttr::get(e)));
}

/// ParallelConcat(values..., shape): each value is one row of the result.
RuleResult parallelConcat(ImportNode &node, PatternRewriter &rewriter) {
  SmallVector<Value> values;
  for (unsigned i = 0; i < node.getNumInputs(); ++i) {
    if (!node.inputType(i))
      return RuleResult::NotApplicable;
    values.push_back(node.input(i));
  }
  if (values.empty())
    return RuleResult::NotApplicable;
  if (values.size() == 1)
    return node.replaceWith(rewriter, values);
  return replace(
      rewriter, node,
      build<ConcatOp>(rewriter, node, ValueRange(values), i64(rewriter, 0)));
}

/// SoftmaxCrossEntropyWithLogits(features, labels) over [batch, classes]:
/// loss = -sum(labels * log_softmax(features)), backprop = softmax -
/// labels. The sparse form one-hot encodes its class indices first.
RuleResult softmaxCrossEntropy(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType f = node.inputType(0), l = node.inputType(1);
  if (!f || !l || f.getRank() != 2 || node.getNumResults() > 2 ||
      f.isDynamicDim(1))
    return RuleResult::NotApplicable;
  Type e = f.getElementType();
  if (!isa<FloatType>(e))
    return RuleResult::NotApplicable;
  auto I = [&](int64_t v) { return i64(rewriter, v); };
  Value labels = node.input(1);
  if (node.opType.starts_with("Sparse")) {
    if (l.getRank() != 1 || !isa<IntegerType>(l.getElementType()))
      return RuleResult::NotApplicable;
    FailureOr<Value> oneHot = build<OneHotOp>(
        rewriter, node, labels,
        scalarConstant(rewriter, node.loc, rewriter.getI64Type(),
                       f.getDimSize(1)),
        scalarConstant(rewriter, node.loc, e, 1.0),
        scalarConstant(rewriter, node.loc, e, 0.0), I(-1), TypeAttr::get(e));
    if (failed(oneHot))
      return RuleResult::Failed;
    labels = *oneHot;
  } else if (l != f) {
    return RuleResult::NotApplicable;
  }
  FailureOr<Value> logp =
      build<LogSoftmaxOp>(rewriter, node, node.input(0), I(1));
  FailureOr<Value> prod, sum, loss, backprop;
  if (succeeded(logp))
    prod = build<MultiplyOp>(rewriter, node, labels, *logp);
  if (succeeded(prod))
    sum = build<ReduceSumOp>(rewriter, node, *prod,
                             rewriter.getDenseI64ArrayAttr({1}),
                             rewriter.getBoolAttr(false));
  if (succeeded(sum))
    loss = build<NegOp>(rewriter, node, *sum);
  if (failed(loss))
    return RuleResult::Failed;
  if (node.getNumResults() == 1) // The importer keeps used results only.
    return node.replaceWith(rewriter, *loss);
  FailureOr<Value> soft = build<SoftmaxOp>(rewriter, node, node.input(0), I(1));
  if (succeeded(soft))
    backprop = build<SubtractOp>(rewriter, node, *soft, labels);
  if (failed(backprop))
    return RuleResult::Failed;
  return node.replaceWith(rewriter, {*loss, *backprop});
}

/// LRN over the last (channel) dimension of an NHWC tensor: TF's alpha
/// multiplies the window's sum of squares as nd4j's does.
RuleResult lrn(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  FailureOr<int64_t> radius = node.getInt("depth_radius", 5);
  FailureOr<double> bias = node.getFloat("bias", 1.0);
  FailureOr<double> alpha = node.getFloat("alpha", 1.0);
  FailureOr<double> beta = node.getFloat("beta", 0.5);
  if (failed(radius) || failed(bias) || failed(alpha) || failed(beta))
    return RuleResult::Failed;
  if (!x || x.getRank() != 4 || !isa<FloatType>(x.getElementType()))
    return RuleResult::NotApplicable;
  return replace(rewriter, node,
                 build<LrnOp>(rewriter, node, node.input(0),
                              i64(rewriter, *radius), f64(rewriter, *bias),
                              f64(rewriter, *alpha), f64(rewriter, *beta)));
}

} // namespace

void mlir::nd4j::tf_rules::registerTfNNRules(const AddRuleFn &add) {
  add("Conv3D", conv3d);
  add("MaxPool3D", pool3d<MaxPool3DOp>);
  add("AvgPool3D", pool3d<AvgPool3DOp>);
  add("Conv3DBackpropInputV2", deconv3d);
  add("FusedBatchNorm", fusedBatchNorm);
  add("FusedBatchNormV2", fusedBatchNorm);
  add("FusedBatchNormV3", fusedBatchNorm);
  add("BatchMatMul", batchMatmul);
  add("BatchMatMulV2", batchMatmul);
  add("BatchMatMulV3", batchMatmul);
  add("TopKV2", topK);
  add("ResizeBilinear", resize);
  add("ResizeBilinear", resizeSeparable);
  add("ResizeBicubic", resizeSeparable);
  add("ResizeArea", resizeSeparable);
  add("ResizeNearestNeighbor", resize);
  add("RandomUniform", randomUniform);
  add("ParallelConcat", parallelConcat);
  add("SoftmaxCrossEntropyWithLogits", softmaxCrossEntropy);
  add("LRN", lrn);
  add("SparseSoftmaxCrossEntropyWithLogits", softmaxCrossEntropy);
}
