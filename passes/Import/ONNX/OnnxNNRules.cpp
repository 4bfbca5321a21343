//===- OnnxNNRules.cpp - built-in ONNX import rules: nn ops -------===//
//
// Rules for neural-network ops that nd4j has no single op for, or whose
// nd4j op has fixed constants where ONNX has attributes: these are composed
// from typed element-wise, reduction and shape ops, exactly as the ONNX
// definitions (or their function bodies) compute them.
//
//===----------------------------------------------------------------------===//

#include "passes/Import/ONNX/OnnxRuleUtils.h"

#include <algorithm>

using namespace mlir;
using namespace mlir::nd4j;
using namespace mlir::nd4j::onnx_rules;

namespace {

std::string shapeStrOf(RankedTensorType t) {
  std::string s = "[";
  llvm::raw_string_ostream os(s);
  llvm::interleaveComma(t.getShape(), os, [&](int64_t d) {
    if (ShapedType::isDynamic(d))
      os << '?';
    else
      os << d;
  });
  return s + "]";
}

/// The floating-point element type of input 0, or null.
FloatType floatInput(ImportNode &node) {
  RankedTensorType x = node.inputType(0);
  return x ? dyn_cast<FloatType>(x.getElementType()) : FloatType();
}

/// Element-wise compositions thread FailureOr through a chain of builds;
/// this keeps each step one line.
struct Chain {
  ImportNode &node;
  PatternRewriter &rewriter;
  FloatType element;
  bool ok = true;

  Value c(double v) { return scalarConstant(rewriter, node.loc, element, v); }
  template <typename OpTy, typename... Args> Value op(Args &&...args) {
    if (!ok)
      return Value();
    FailureOr<Value> v =
        build<OpTy>(rewriter, node, std::forward<Args>(args)...);
    if (failed(v)) {
      ok = false;
      return Value();
    }
    return *v;
  }
  /// numpy's where (select with broadcast operands).
  Value where(Value cond, Value x, Value y) {
    if (!ok)
      return Value();
    FailureOr<Value> v = buildWhere(rewriter, node, cond, x, y);
    ok = succeeded(v);
    return ok ? *v : Value();
  }
  RuleResult done(Value y) {
    return ok ? node.replaceWith(rewriter, y) : RuleResult::Failed;
  }
};

/// max(0, min(1, alpha * x + beta)) for the alpha/beta nd4j's hard_sigmoid
/// does not fix (that case is OnnxRules.cpp's).
Value hardSigmoid(Chain &b, Value x, double alpha, double beta) {
  Value ax = b.op<MultiplyOp>(x, b.c(alpha));
  Value axb = b.op<AddOp>(ax, b.c(beta));
  return b.op<ClipByValueOp>(axb, f64(b.rewriter, 0.0), f64(b.rewriter, 1.0));
}

RuleResult hardSigmoidRule(ImportNode &node, PatternRewriter &rewriter) {
  FloatType element = floatInput(node);
  if (!element)
    return RuleResult::NotApplicable;
  FailureOr<double> alpha = node.getFloat("alpha", 0.2);
  FailureOr<double> beta = node.getFloat("beta", 0.5);
  if (failed(alpha) || failed(beta))
    return RuleResult::Failed;
  Chain b{node, rewriter, element};
  return b.done(hardSigmoid(b, node.input(0), *alpha, *beta));
}

/// HardSwish: x * HardSigmoid(x) with alpha 1/6, beta 0.5.
RuleResult hardSwish(ImportNode &node, PatternRewriter &rewriter) {
  FloatType element = floatInput(node);
  if (!element)
    return RuleResult::NotApplicable;
  Chain b{node, rewriter, element};
  Value x = node.input(0);
  Value hs = hardSigmoid(b, x, 1.0 / 6.0, 0.5);
  return b.done(b.op<MultiplyOp>(x, hs));
}

/// Selu: gamma * elu(x, alpha); nd4j's selu fixes both constants.
RuleResult selu(ImportNode &node, PatternRewriter &rewriter) {
  FloatType element = floatInput(node);
  if (!element)
    return RuleResult::NotApplicable;
  FailureOr<double> alpha = node.getFloat("alpha", 1.67326319217681884765625);
  FailureOr<double> gamma = node.getFloat("gamma", 1.05070102214813232421875);
  if (failed(alpha) || failed(gamma))
    return RuleResult::Failed;
  Chain b{node, rewriter, element};
  Value e = b.op<EluOp>(node.input(0), f64(rewriter, *alpha));
  return b.done(b.op<MultiplyOp>(e, b.c(*gamma)));
}

/// Celu: max(0, x) + min(0, alpha * (exp(x / alpha) - 1)), which is
/// alpha * elu(x / alpha, 1).
RuleResult celu(ImportNode &node, PatternRewriter &rewriter) {
  FloatType element = floatInput(node);
  if (!element)
    return RuleResult::NotApplicable;
  FailureOr<double> alpha = node.getFloat("alpha", 1.0);
  if (failed(alpha))
    return RuleResult::Failed;
  if (*alpha == 0.0) {
    node.emitError() << "alpha must not be 0";
    return RuleResult::Failed;
  }
  Chain b{node, rewriter, element};
  Value scaled = b.op<DivideOp>(node.input(0), b.c(*alpha));
  Value e = b.op<EluOp>(scaled, f64(rewriter, 1.0));
  return b.done(b.op<MultiplyOp>(e, b.c(*alpha)));
}

/// Shrink: x + bias where x < -lambd, x - bias where x > lambd, else 0.
RuleResult shrink(ImportNode &node, PatternRewriter &rewriter) {
  FloatType element = floatInput(node);
  if (!element)
    return RuleResult::NotApplicable;
  FailureOr<double> bias = node.getFloat("bias", 0.0);
  FailureOr<double> lambd = node.getFloat("lambd", 0.5);
  if (failed(bias) || failed(lambd))
    return RuleResult::Failed;
  Chain b{node, rewriter, element};
  Value x = node.input(0);
  Value above = b.op<GreaterOp>(x, b.c(*lambd));
  Value below = b.op<LessOp>(x, b.c(-*lambd));
  Value high = b.op<SubtractOp>(x, b.c(*bias));
  Value low = b.op<AddOp>(x, b.c(*bias));
  Value upper = b.where(above, high, b.c(0.0));
  return b.done(b.where(below, low, upper));
}

/// PRelu: x where x >= 0, slope * x elsewhere. From opset 7 the slope
/// broadcasts to x numpy-style; before, a slope of C values is per channel
/// (dimension 1). Composed rather than nd4j's prelu, whose alpha must have
/// x's trailing shape up to shared axes, which ONNX's broadcasting does not
/// guarantee.
RuleResult prelu(ImportNode &node, PatternRewriter &rewriter) {
  FloatType element = floatInput(node);
  RankedTensorType x = node.inputType(0), s = node.inputType(1);
  if (!element || !s || s.getElementType() != element)
    return RuleResult::NotApplicable;
  Value slope = node.input(1);
  if (node.opset && node.opset < 7 && s.hasStaticShape() &&
      s.getNumElements() != 1) {
    if (s.getRank() != 1 || x.getRank() < 2 ||
        x.getDimSize(1) != s.getDimSize(0))
      return RuleResult::NotApplicable;
    SmallVector<int64_t> shape(x.getRank() - 1, 1);
    shape[0] = s.getDimSize(0);
    FailureOr<Value> r = reshapeTo(rewriter, node, slope, shape);
    if (failed(r))
      return RuleResult::Failed;
    slope = *r;
  }
  Chain b{node, rewriter, element};
  Value in = node.input(0);
  Value neg = b.op<LessOp>(in, b.c(0.0));
  Value scaled = b.op<MultiplyOp>(in, slope);
  Value y = b.where(neg, scaled, in);
  if (b.ok && cast<RankedTensorType>(y.getType()).getShape() != x.getShape())
    return RuleResult::NotApplicable; // The slope is larger than x.
  return b.done(y);
}

/// GlobalAveragePool and GlobalMaxPool: a reduction over the spatial
/// dimensions that keeps them as 1.
template <typename OpTy>
RuleResult globalPool(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  if (!x || x.getRank() < 3)
    return RuleResult::NotApplicable;
  SmallVector<int64_t> axes;
  for (int64_t d = 2; d < x.getRank(); ++d)
    axes.push_back(d);
  return replace(rewriter, node,
                 build<OpTy>(rewriter, node, node.input(0),
                             rewriter.getDenseI64ArrayAttr(axes),
                             rewriter.getBoolAttr(true)));
}

/// MeanVarianceNormalization as its function body computes it:
/// (x - mean) / (sqrt(E[x^2] - mean^2) + 1e-9), the variance taken as
/// mean((x - mean)^2), its equal.
RuleResult meanVarianceNorm(ImportNode &node, PatternRewriter &rewriter) {
  FloatType element = floatInput(node);
  if (!element)
    return RuleResult::NotApplicable;
  FailureOr<SmallVector<int64_t>> axes =
      node.getInts("axes", ArrayRef<int64_t>{0, 2, 3});
  if (failed(axes))
    return RuleResult::Failed;
  int64_t rank = node.inputType(0).getRank();
  for (int64_t a : *axes)
    if (a < -rank || a >= rank) {
      node.emitError() << "axis " << a << " is out of range for rank " << rank;
      return RuleResult::Failed;
    }
  Chain b{node, rewriter, element};
  auto dims = rewriter.getDenseI64ArrayAttr(*axes);
  auto keep = rewriter.getBoolAttr(true);
  Value x = node.input(0);
  Value m = b.op<ReduceMeanOp>(x, dims, keep);
  Value d = b.op<SubtractOp>(x, m);
  Value sq = b.op<MultiplyOp>(d, d);
  Value v = b.op<ReduceMeanOp>(sq, dims, keep);
  Value sd = b.op<SqrtOp>(v);
  Value den = b.op<AddOp>(sd, b.c(1e-9));
  return b.done(b.op<DivideOp>(d, den));
}

/// DepthToSpace in CRD mode (DCR is OnnxRules.cpp's): [N, C, H, W] as
/// [N, C / b^2, b, b, H, W], permuted to [N, C / b^2, H, b, W, b].
RuleResult depthToSpaceCRD(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  FailureOr<int64_t> block = node.getInt("blocksize");
  FailureOr<StringRef> mode = node.getString("mode", StringRef("DCR"));
  if (failed(block) || failed(mode))
    return RuleResult::Failed;
  if (*mode != "CRD" || !x || x.getRank() != 4 ||
      llvm::count_if(x.getShape(), ShapedType::isDynamic) > 1 ||
      x.isDynamicDim(1))
    return RuleResult::NotApplicable;
  int64_t bs = *block, c = x.getDimSize(1);
  if (bs <= 0 || c % (bs * bs) != 0) {
    node.emitError() << "channels " << c << " are not a multiple of blocksize "
                     << bs << " squared";
    return RuleResult::Failed;
  }
  int64_t n = x.getDimSize(0), h = x.getDimSize(2), w = x.getDimSize(3);
  auto mul = [](int64_t a, int64_t f) {
    return ShapedType::isDynamic(a) ? a : a * f;
  };
  FailureOr<Value> y = reshapeTo(rewriter, node, node.input(0),
                                 {n, c / (bs * bs), bs, bs, h, w});
  if (succeeded(y))
    y = build<PermuteOp>(rewriter, node, *y,
                         rewriter.getDenseI64ArrayAttr({0, 1, 4, 2, 5, 3}));
  if (succeeded(y))
    y = reshapeTo(rewriter, node, *y,
                  {n, c / (bs * bs), mul(h, bs), mul(w, bs)});
  return replace(rewriter, node, y);
}

/// Dropout whose mask is used: in inference the output is the input and the
/// mask is all true (passThrough in OnnxRules.cpp handles an unused mask).
RuleResult dropoutWithMask(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  if (!x || !x.hasStaticShape() || node.getNumResults() != 2)
    return RuleResult::NotApplicable;
  if (node.opset && node.opset < 7)
    return RuleResult::NotApplicable; // is_test decides the mode.
  if (node.hasInput(2)) {
    FailureOr<SmallVector<int64_t>> training = node.getConstantInts(2);
    if (failed(training) || training->size() != 1 || (*training)[0] != 0)
      return RuleResult::NotApplicable;
  }
  auto declared = dyn_cast<ShapedType>(node.resultType(1));
  Type element = declared ? declared.getElementType() : rewriter.getI1Type();
  auto type = RankedTensorType::get(x.getShape(), element);
  Attribute one;
  if (element.isInteger(1))
    one = rewriter.getBoolAttr(true);
  else if (isa<FloatType>(element))
    one = rewriter.getFloatAttr(element, 1.0);
  else
    return RuleResult::NotApplicable;
  Value mask =
      ConstantOp::create(rewriter, node.loc, type,
                         DenseElementsAttr::get(type, one), StringAttr());
  return node.replaceWith(rewriter, {node.input(0), mask});
}

/// ConvTranspose over [N, C, H, W] (and [N, C, W], lifted to height 1) as
/// libnd4j's deconv2d, whose weights are [kH, kW, oC, iC] where ONNX's are
/// [iC, oC, kH, kW]; over [N, C, D, H, W] as deconv3d likewise. deconv2d crops
/// symmetric pads only; other pads, output_padding and output_shape select a
/// window of the uncropped output (zeros past its end, where only the bias
/// contributes), as ONNX defines them: output extent s * (in - 1) +
/// output_padding + d * (k - 1) + 1 - pad_begin - pad_end.
RuleResult convTranspose(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0), w = node.inputType(1);
  if (!x || !w || x.getRank() != w.getRank() || x.getRank() < 3 ||
      x.getRank() > 5 || !w.hasStaticShape())
    return RuleResult::NotApplicable;
  unsigned n = x.getRank() - 2;
  SmallVector<int64_t> ones(n, 1), zeros(n, 0), zeros2(2 * n, 0);
  SmallVector<int64_t> wk(w.getShape().drop_front(2));
  auto kernel = node.getInts("kernel_shape", ArrayRef<int64_t>(wk));
  auto strides = node.getInts("strides", ArrayRef<int64_t>(ones));
  auto dilations = node.getInts("dilations", ArrayRef<int64_t>(ones));
  auto pads = node.getInts("pads", ArrayRef<int64_t>(zeros2));
  auto outPad = node.getInts("output_padding", ArrayRef<int64_t>(zeros));
  auto outShape = node.getInts("output_shape", ArrayRef<int64_t>{});
  auto autoPad = node.getString("auto_pad", StringRef("NOTSET"));
  auto group = node.getInt("group", 1);
  if (failed(kernel) || failed(strides) || failed(dilations) || failed(pads) ||
      failed(outPad) || failed(outShape) || failed(autoPad) || failed(group))
    return RuleResult::Failed;
  if (kernel->size() != n || strides->size() != n || dilations->size() != n ||
      pads->size() != 2 * n || outPad->size() != n ||
      (!outShape->empty() && outShape->size() != n)) {
    node.emitError() << "kernel_shape, strides, dilations, output_padding "
                        "(and output_shape) must have "
                     << n << " entries and pads " << 2 * n;
    return RuleResult::Failed;
  }
  if (*group != 1 || *kernel != ArrayRef<int64_t>(wk))
    return RuleResult::NotApplicable;
  // Per spatial dimension: the uncropped extent and the window [b, e) of it
  // that is the output.
  SmallVector<int64_t, 3> full, b, e;
  for (unsigned i = 0; i < n; ++i) {
    int64_t in = x.getDimSize(2 + i), k = (*kernel)[i], s = (*strides)[i],
            d = (*dilations)[i], op = (*outPad)[i];
    if (ShapedType::isDynamic(in))
      return RuleResult::NotApplicable;
    int64_t f = s * (in - 1) + d * (k - 1) + 1;
    int64_t pb = (*pads)[i], pe = (*pads)[i + n];
    bool same = *autoPad == "SAME_UPPER" || *autoPad == "SAME_LOWER";
    if (!outShape->empty() || same) {
      int64_t out = outShape->empty() ? in * s : (*outShape)[i];
      int64_t total = f + op - out;
      // Python's floor division, as ONNX's definition uses.
      int64_t half = total >= 0 ? total / 2 : -((-total + 1) / 2);
      bool upper = *autoPad == "SAME_UPPER";
      pb = upper ? half : total - half;
      pe = total - pb;
    } else if (*autoPad != "NOTSET" && *autoPad != "VALID") {
      return RuleResult::NotApplicable;
    }
    full.push_back(f);
    b.push_back(pb);
    e.push_back(f + op - pe);
    if (e.back() <= b.back()) {
      node.emitError() << "pads and output_padding leave no output";
      return RuleResult::Failed;
    }
  }
  // [N, C, W] runs as [N, C, 1, W].
  Value in = node.input(0), weights = node.input(1);
  if (n == 1) {
    FailureOr<Value> xi =
        reshapeTo(rewriter, node, in,
                  {x.getDimSize(0), x.getDimSize(1), 1, x.getDimSize(2)});
    FailureOr<Value> wi =
        reshapeTo(rewriter, node, weights,
                  {w.getDimSize(0), w.getDimSize(1), 1, w.getDimSize(2)});
    if (failed(xi) || failed(wi))
      return RuleResult::Failed;
    in = *xi, weights = *wi;
    // The unit height: extent 1, window [0, 1), kernel, stride, dilation 1.
    full.insert(full.begin(), 1);
    b.insert(b.begin(), 0);
    e.insert(e.begin(), 1);
    for (SmallVector<int64_t> *v : {&*kernel, &*strides, &*dilations})
      v->insert(v->begin(), 1);
  }
  // Spatial dimensions after lifting: 2 or 3.
  unsigned m = full.size();
  SmallVector<int64_t> perm;
  for (unsigned i = 0; i < m; ++i)
    perm.push_back(2 + i);
  perm.append({1, 0});
  FailureOr<Value> wt = build<PermuteOp>(rewriter, node, weights,
                                         rewriter.getDenseI64ArrayAttr(perm));
  if (failed(wt))
    return RuleResult::Failed;
  bool symmetric = true;
  for (unsigned i = 0; i < m; ++i)
    symmetric &= b[i] == full[i] - e[i] && b[i] >= 0;
  auto I = [&](int64_t v) { return i64(rewriter, v); };
  auto K = [&](unsigned i) { return I((*kernel)[i]); };
  auto S = [&](unsigned i) { return I((*strides)[i]); };
  auto P = [&](unsigned i) { return I(symmetric ? b[i] : 0); };
  auto D = [&](unsigned i) { return I((*dilations)[i]); };
  Value bias = symmetric ? node.input(2) : Value();
  FailureOr<Value> y =
      m == 2 ? build<Deconv2DOp>(rewriter, node, in, *wt, bias, K(0), K(1),
                                 S(0), S(1), P(0), P(1), D(0), D(1), I(0), I(0))
             : build<Deconv3DOp>(rewriter, node, in, *wt, bias, K(0), K(1),
                                 K(2), S(0), S(1), S(2), P(0), P(1), P(2), D(0),
                                 D(1), D(2), I(0), I(0));
  if (failed(y))
    return RuleResult::Failed;
  if (!symmetric) {
    SmallVector<int64_t> amounts = {0, 0, 0, 0};
    SmallVector<int64_t> begin = {0, 0}, end = {0, 0}, ones(m + 2, 1);
    bool padded = false;
    for (unsigned i = 0; i < m; ++i) {
      int64_t lo = std::max<int64_t>(0, -b[i]);
      int64_t hi = std::max<int64_t>(0, e[i] - full[i]);
      amounts.append({lo, hi});
      padded |= lo || hi;
      begin.push_back(b[i] + lo);
      end.push_back(e[i] + lo);
    }
    if (padded) {
      auto type =
          RankedTensorType::get({(int64_t)m + 2, 2}, rewriter.getI64Type());
      Value paddings = ConstantOp::create(
          rewriter, node.loc, type,
          DenseElementsAttr::get(type, ArrayRef<int64_t>(amounts)),
          StringAttr());
      y = build<PadOp>(rewriter, node, *y, paddings, I(0), f64(rewriter, 0.0));
      if (failed(y))
        return RuleResult::Failed;
    }
    // N and C whole through the masks.
    y = build<StridedSliceOp>(rewriter, node, *y, I(3), I(0), I(3), I(0), I(0),
                              rewriter.getDenseI64ArrayAttr(begin),
                              rewriter.getDenseI64ArrayAttr(end),
                              rewriter.getDenseI64ArrayAttr(ones));
    if (succeeded(y) && node.hasInput(2)) {
      RankedTensorType bt = node.inputType(2);
      if (!bt || !bt.hasStaticShape())
        return RuleResult::NotApplicable;
      SmallVector<int64_t> shape(m + 1, 1);
      shape[0] = bt.getNumElements();
      FailureOr<Value> bias = reshapeTo(rewriter, node, node.input(2), shape);
      if (failed(bias))
        return RuleResult::Failed;
      y = build<AddOp>(rewriter, node, *y, *bias);
    }
    if (failed(y))
      return RuleResult::Failed;
  }
  if (n == 1) {
    ArrayRef<int64_t> s = cast<RankedTensorType>(y->getType()).getShape();
    y = reshapeTo(rewriter, node, *y, {s[0], s[1], s[3]});
  }
  return replace(rewriter, node, y);
}

/// Grouped Conv that is not depthwise (1-D, 2-D or 3-D): each group of
/// input channels convolved with its weights, as a Conv node of group 1
/// that the Conv rules then import, and the results concatenated.
RuleResult groupedConv(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0), w = node.inputType(1);
  auto result = dyn_cast<RankedTensorType>(node.resultType(0));
  FailureOr<int64_t> group = node.getInt("group", 1);
  if (failed(group))
    return RuleResult::Failed;
  if (*group == 1 || !x || !w || !result || x.getRank() != w.getRank() ||
      x.getRank() < 3 || x.isDynamicDim(1) || w.isDynamicDim(0) ||
      result.isDynamicDim(1))
    return RuleResult::NotApplicable;
  int64_t g = *group, c = x.getDimSize(1), o = w.getDimSize(0);
  if (g < 1 || c % g != 0 || o % g != 0 || w.getDimSize(1) != c / g) {
    node.emitError() << "group " << g << " does not divide input channels " << c
                     << " and weights " << shapeStrOf(w);
    return RuleResult::Failed;
  }
  int64_t rank = x.getRank();
  // Channels [begin, begin + n) of dimension `dim` (bit `dim` of the masks
  // clear, every other dimension whole).
  auto channels = [&](Value v, int64_t r, int64_t dim, int64_t begin,
                      int64_t n) {
    SmallVector<int64_t> b(r, 0), e(r, 0), s(r, 1);
    b[dim] = begin, e[dim] = begin + n;
    int64_t mask = ((int64_t(1) << r) - 1) & ~(int64_t(1) << dim);
    return build<StridedSliceOp>(
        rewriter, node, v, i64(rewriter, mask), i64(rewriter, 0),
        i64(rewriter, mask), i64(rewriter, 0), i64(rewriter, 0),
        rewriter.getDenseI64ArrayAttr(b), rewriter.getDenseI64ArrayAttr(e),
        rewriter.getDenseI64ArrayAttr(s));
  };
  NamedAttrList attrs = node.attrs;
  attrs.set("group", rewriter.getI64IntegerAttr(1));
  SmallVector<int64_t> shape(result.getShape());
  shape[1] = o / g;
  auto subType = RankedTensorType::get(shape, result.getElementType());
  SmallVector<Operation *> subNodes;
  SmallVector<Value> parts;
  for (int64_t i = 0; i < g; ++i) {
    FailureOr<Value> xs = channels(node.input(0), rank, 1, i * (c / g), c / g);
    FailureOr<Value> ws = channels(node.input(1), rank, 0, i * (o / g), o / g);
    FailureOr<Value> bs = Value();
    if (succeeded(xs) && succeeded(ws) && node.hasInput(2))
      bs = channels(node.input(2), 1, 0, i * (o / g), o / g);
    if (failed(xs) || failed(ws) || failed(bs))
      return RuleResult::Failed;
    Operation *sub = rewriter.clone(*node.op);
    SmallVector<Value> operands = {*xs, *ws};
    if (*bs)
      operands.push_back(*bs);
    sub->setOperands(operands);
    cast<NodeOp>(sub).setAttrsAttr(attrs.getDictionary(rewriter.getContext()));
    for (unsigned r = 1; r < sub->getNumResults(); ++r)
      if (!sub->getResult(r).use_empty())
        return RuleResult::NotApplicable;
    sub->getResult(0).setType(subType);
    subNodes.push_back(sub);
    parts.push_back(sub->getResult(0));
  }
  FailureOr<Value> y =
      build<ConcatOp>(rewriter, node, ValueRange(parts), i64(rewriter, 1));
  if (failed(y))
    return RuleResult::Failed;
  // Import each group's node now (the pass collected its nodes before this
  // rule ran); its typed ops go before the concatenation.
  OpBuilder::InsertionGuard guard(rewriter);
  unsigned imported = 0;
  for (Operation *sub : subNodes) {
    ImportNode subNode(cast<NodeOp>(sub));
    rewriter.setInsertionPoint(sub);
    RuleResult r = RuleResult::NotApplicable;
    for (const ImportRule *rule : getImportRuleRegistry().lookup(
             subNode.framework, subNode.opType, subNode.opset, subNode.name)) {
      r = rule->fn(subNode, rewriter);
      if (r == RuleResult::Replaced || r == RuleResult::Failed)
        break;
    }
    if (r == RuleResult::Failed)
      return RuleResult::Failed;
    if (r != RuleResult::Replaced)
      break;
    ++imported;
  }
  if (imported != subNodes.size()) {
    // Leave no generic group node behind to be reported in the node's
    // place (the imported ones are gone already).
    rewriter.eraseOp(y->getDefiningOp());
    for (Operation *sub : ArrayRef(subNodes).drop_front(imported))
      rewriter.eraseOp(sub);
    return RuleResult::NotApplicable;
  }
  return node.replaceWith(rewriter, *y);
}

/// LRN over [N, C, H, W]: libnd4j's lrn normalizes along the last
/// dimension, so the channels move there and back; its alpha scales the
/// plain sum where ONNX's scales the mean over the window. An even size
/// has an asymmetric window lrn cannot express.
RuleResult lrn(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  FailureOr<int64_t> size = node.getInt("size");
  FailureOr<double> alpha = node.getFloat("alpha", 1e-4);
  FailureOr<double> beta = node.getFloat("beta", 0.75);
  FailureOr<double> bias = node.getFloat("bias", 1.0);
  if (failed(size) || failed(alpha) || failed(beta) || failed(bias))
    return RuleResult::Failed;
  if (*size < 1) {
    node.emitError() << "size must be positive, got " << *size;
    return RuleResult::Failed;
  }
  if (!x || x.getRank() != 4 || *size % 2 == 0)
    return RuleResult::NotApplicable;
  FailureOr<Value> y =
      build<PermuteOp>(rewriter, node, node.input(0),
                       rewriter.getDenseI64ArrayAttr({0, 2, 3, 1}));
  if (succeeded(y))
    y = build<LrnOp>(rewriter, node, *y, i64(rewriter, (*size - 1) / 2),
                     f64(rewriter, *bias), f64(rewriter, *alpha / *size),
                     f64(rewriter, *beta));
  if (succeeded(y))
    y = build<PermuteOp>(rewriter, node, *y,
                         rewriter.getDenseI64ArrayAttr({0, 3, 1, 2}));
  return replace(rewriter, node, y);
}

/// SpaceToDepth as ONNX defines it: [N, C, H, W] as
/// [N, C, H / b, b, W / b, b], permuted to [N, b, b, C, H / b, W / b].
RuleResult spaceToDepth(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  FailureOr<int64_t> block = node.getInt("blocksize");
  if (failed(block))
    return RuleResult::Failed;
  if (!x || x.getRank() != 4 || x.isDynamicDim(1) || x.isDynamicDim(2) ||
      x.isDynamicDim(3))
    return RuleResult::NotApplicable;
  int64_t bs = *block, n = x.getDimSize(0), c = x.getDimSize(1),
          h = x.getDimSize(2), w = x.getDimSize(3);
  if (bs <= 0 || h % bs != 0 || w % bs != 0) {
    node.emitError() << "height " << h << " and width " << w
                     << " are not multiples of blocksize " << bs;
    return RuleResult::Failed;
  }
  FailureOr<Value> y =
      reshapeTo(rewriter, node, node.input(0), {n, c, h / bs, bs, w / bs, bs});
  if (succeeded(y))
    y = build<PermuteOp>(rewriter, node, *y,
                         rewriter.getDenseI64ArrayAttr({0, 3, 5, 1, 2, 4}));
  if (succeeded(y))
    y = reshapeTo(rewriter, node, *y, {n, c * bs * bs, h / bs, w / bs});
  return replace(rewriter, node, y);
}

/// Resize (opset 10 on) and Upsample of [N, C, H, W] as libnd4j's
/// image_resize on NHWC, whose methods, coordinate and nearest modes and
/// cubic coefficient are ONNX's. image_resize scales by in / out: `sizes`
/// (given at run time or folded) are taken as they are; constant `scales`
/// are taken where they make whole output sizes, so that in / out is
/// exactly 1 / scale (ONNX scales by them as given, which differs when
/// in * scale is not whole). The model's result must keep N and C.
/// Resize's and Upsample's attributes with their defaults (opset 10's
/// Resize and Upsample map coordinates asymmetrically and round nearest
/// down).
struct ResizeAttrs {
  StringRef mode, coord, nearest, policy;
  double a = -0.75, extrapolation = 0;
  int64_t exclude = 0, antialias = 0;

  static FailureOr<ResizeAttrs> read(ImportNode &node) {
    bool legacy = node.opType == "Upsample" || node.opset < 11;
    FailureOr<StringRef> mode = node.getString("mode", StringRef("nearest"));
    FailureOr<StringRef> coord =
        node.getString("coordinate_transformation_mode",
                       StringRef(legacy ? "asymmetric" : "half_pixel"));
    FailureOr<StringRef> nearest = node.getString(
        "nearest_mode", StringRef(legacy ? "floor" : "round_prefer_floor"));
    FailureOr<double> a = node.getFloat("cubic_coeff_a", -0.75);
    FailureOr<int64_t> exclude = node.getInt("exclude_outside", 0);
    FailureOr<double> extrapolation = node.getFloat("extrapolation_value", 0.0);
    FailureOr<int64_t> antialias = node.getInt("antialias", 0);
    FailureOr<StringRef> policy =
        node.getString("keep_aspect_ratio_policy", StringRef("stretch"));
    if (failed(mode) || failed(coord) || failed(nearest) || failed(a) ||
        failed(exclude) || failed(extrapolation) || failed(antialias) ||
        failed(policy))
      return failure();
    return ResizeAttrs{*mode, *coord,         *nearest, *policy,
                       *a,    *extrapolation, *exclude, *antialias};
  }
};

RuleResult resize(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  auto result = dyn_cast<RankedTensorType>(node.resultType(0));
  bool upsample = node.opType == "Upsample";
  // Opset 10's Resize and Upsample (9) take (X, scales); 11 on (X, roi,
  // scales, sizes).
  unsigned scalesIndex = upsample || node.opset < 11 ? 1 : 2;
  unsigned sizesIndex = 3;
  bool hasSizes = !upsample && node.opset >= 11 && node.hasInput(sizesIndex) &&
                  node.inputType(sizesIndex) &&
                  !(node.inputType(sizesIndex).hasStaticShape() &&
                    node.inputType(sizesIndex).getNumElements() == 0);
  // f16 and bf16 images are resized in f32 and rounded once at the end.
  if (!x || !result || x.getRank() != 4 ||
      !isa<Float32Type, Float16Type, BFloat16Type>(x.getElementType()) ||
      result.getRank() != 4)
    return RuleResult::NotApplicable;
  // Sizes computed in the graph from the input's own Shape (Concat(Shape(X)
  // [0:2], HW)) keep N and C even where they are known only at run time.
  std::optional<SmallVector<ShapeElement>> sizeElements =
      hasSizes ? evalShapeElements(node.input(sizesIndex)) : std::nullopt;
  // Constant sizes that fix a batch or channel count known only at run time
  // (a graph exported at batch 1): the input is reshaped to that count,
  // which checks it at run time, naming the node.
  Value input = node.input(0);
  if (sizeElements && sizeElements->size() == 4 &&
      (x.isDynamicDim(0) || x.isDynamicDim(1))) {
    SmallVector<int64_t> fixed(x.getShape());
    bool all = true;
    for (int64_t d = 0; d < 4; ++d) {
      if (!x.isDynamicDim(d))
        continue;
      const ShapeElement &e = (*sizeElements)[d];
      if (d < 2 && e.isConstant() && e.value > 0)
        fixed[d] = e.value;
      else
        all = false;
    }
    if (all) {
      FailureOr<Value> reshaped = build<ReshapeOp>(
          rewriter, node, input, rewriter.getDenseI64ArrayAttr(fixed));
      if (failed(reshaped))
        return RuleResult::Failed;
      input = *reshaped;
      x = cast<RankedTensorType>(input.getType());
    }
  }
  // N and C must be kept: by the declared result, else by the sizes (ONNX's
  // shape inference leaves the result unknown when the sizes are computed
  // in the graph, even where they fold).
  auto keeps = [&](int64_t d) {
    if (!x.isDynamicDim(d) && result.getDimSize(d) == x.getDimSize(d))
      return true;
    // Scales keep N and C at run time: both are checked to be 1 below.
    if (!hasSizes)
      return true;
    if (!sizeElements || sizeElements->size() != 4)
      return false;
    const ShapeElement &e = (*sizeElements)[d];
    return e.isDimOf(node.input(0), d) ||
           (e.isConstant() && !x.isDynamicDim(d) && e.value == x.getDimSize(d));
  };
  if (!keeps(0) || !keeps(1))
    return RuleResult::NotApplicable;
  // The output size as a constant, from constant sizes or scales.
  SmallVector<int64_t> constantSizes;
  if (sizeElements && sizeElements->size() == 4 &&
      (*sizeElements)[2].isConstant() && (*sizeElements)[3].isConstant())
    constantSizes = {(*sizeElements)[2].value, (*sizeElements)[3].value};
  if (hasSizes && constantSizes.empty() &&
      (x.isDynamicDim(0) || x.isDynamicDim(1)))
    return RuleResult::NotApplicable;
  if (!hasSizes) {
    FailureOr<SmallVector<double>> scales =
        node.hasInput(scalesIndex) ? node.getConstantFloats(scalesIndex)
                                   : FailureOr<SmallVector<double>>(failure());
    // Upsample before opset 9 has its scales as an attribute.
    if (upsample && failed(scales))
      if (auto attr =
              dyn_cast_or_null<DenseF32ArrayAttr>(node.attrs.get("scales")))
        scales = SmallVector<double>(attr.asArrayRef().begin(),
                                     attr.asArrayRef().end());
    if (failed(scales) || scales->size() != 4 || (*scales)[0] != 1.0 ||
        (*scales)[1] != 1.0 || x.isDynamicDim(2) || x.isDynamicDim(3))
      return RuleResult::NotApplicable;
    for (int d = 2; d < 4; ++d) {
      double out = x.getDimSize(d) * (*scales)[d];
      if (out != std::floor(out) || out < 1)
        return RuleResult::NotApplicable;
      constantSizes.push_back(static_cast<int64_t>(out));
    }
  } else if (node.hasInput(scalesIndex) &&
             (!node.inputType(scalesIndex) ||
              !node.inputType(scalesIndex).hasStaticShape() ||
              node.inputType(scalesIndex).getNumElements() != 0)) {
    return RuleResult::NotApplicable;
  }
  FailureOr<ResizeAttrs> attrs = ResizeAttrs::read(node);
  if (failed(attrs))
    return RuleResult::Failed;
  int64_t method = StringSwitch<int64_t>(attrs->mode)
                       .Case("linear", 0)
                       .Case("nearest", 1)
                       .Case("cubic", 2)
                       .Default(-1);
  int64_t coorMode = StringSwitch<int64_t>(attrs->coord)
                         .Case("asymmetric", 0)
                         .Case("half_pixel", 1)
                         .Case("tf_half_pixel_for_nn", 2)
                         .Default(-1);
  // pytorch_half_pixel is half_pixel except for an output extent of 1.
  if (attrs->coord == "pytorch_half_pixel" && !result.isDynamicDim(2) &&
      !result.isDynamicDim(3) && result.getDimSize(2) > 1 &&
      result.getDimSize(3) > 1)
    coorMode = 1;
  int64_t nearestMode = StringSwitch<int64_t>(attrs->nearest)
                            .Case("floor", 0)
                            .Case("round_prefer_floor", 1)
                            .Case("round_prefer_ceil", 2)
                            .Case("ceil", 3)
                            .Default(-1);
  if (method < 0 || coorMode < 0 || nearestMode < 0 || attrs->antialias != 0 ||
      attrs->policy != "stretch" || node.hasAttr("axes") ||
      (coorMode == 2 && method != 1))
    return RuleResult::NotApplicable;
  auto I = [&](int64_t v) { return i64(rewriter, v); };
  FailureOr<Value> hw =
      constantSizes.empty()
          ? build<StridedSliceOp>(rewriter, node, node.input(sizesIndex), I(0),
                                  I(0), I(1), I(0), I(0),
                                  rewriter.getDenseI64ArrayAttr({2}),
                                  rewriter.getDenseI64ArrayAttr({0}),
                                  rewriter.getDenseI64ArrayAttr({1}))
          : FailureOr<Value>(
                i64VectorConstant(rewriter, node.loc, constantSizes));
  Type elem = x.getElementType();
  if (!elem.isF32()) {
    FailureOr<Value> wide = build<CastOp>(rewriter, node, input,
                                          TypeAttr::get(rewriter.getF32Type()));
    if (failed(wide))
      return RuleResult::Failed;
    input = *wide;
  }
  FailureOr<Value> image = build<PermuteOp>(
      rewriter, node, input, rewriter.getDenseI64ArrayAttr({0, 2, 3, 1}));
  if (failed(hw) || failed(image))
    return RuleResult::Failed;
  FailureOr<Value> y = build<ImageResizeOp>(
      rewriter, node, *image, *hw, I(method), I(coorMode), I(nearestMode),
      f64(rewriter, attrs->a), rewriter.getBoolAttr(false),
      rewriter.getBoolAttr(false), rewriter.getBoolAttr(attrs->exclude != 0));
  if (succeeded(y))
    y = build<PermuteOp>(rewriter, node, *y,
                         rewriter.getDenseI64ArrayAttr({0, 3, 1, 2}));
  if (succeeded(y) && !elem.isF32())
    y = build<CastOp>(rewriter, node, *y, TypeAttr::get(elem));
  return replace(rewriter, node, y);
}

/// Resize (and Upsample) composed from nd4j ops, one dimension at a time as
/// ONNX's reference interpolates: for the forms image_resize cannot take
/// (scales or sizes known only at run time, an output extent that is not
/// the input's times the scale, align_corners, pytorch_half_pixel with an
/// extent of 1, tf_crop_and_resize). Along dimension d of extent n with
/// output extent m and scale s (sizes give s = m / n; scales give
/// m = floor(n * s)), output index x maps to x_ori by the coordinate mode;
/// nearest gathers the rounded index, linear the 2 and cubic the 4
/// neighbours of floor(x_ori) (clamped to the edge) weighted by ONNX's
/// coefficients. tf_crop_and_resize gives extrapolation_value outside the
/// input.
RuleResult resizeComposed(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  if (!x || !x.hasStaticShape() || x.getRank() == 0 || x.getNumElements() == 0)
    return RuleResult::NotApplicable;
  int64_t rank = x.getRank();
  bool upsample = node.opType == "Upsample";
  unsigned scalesIndex = upsample || node.opset < 11 ? 1 : 2;
  bool hasSizes = !upsample && node.opset >= 11 && node.hasInput(3) &&
                  node.inputType(3) &&
                  !(node.inputType(3).hasStaticShape() &&
                    node.inputType(3).getNumElements() == 0);
  FailureOr<ResizeAttrs> attrs = ResizeAttrs::read(node);
  if (failed(attrs))
    return RuleResult::Failed;
  if (attrs->antialias != 0 || attrs->policy != "stretch" ||
      node.hasAttr("axes") ||
      !llvm::is_contained({"nearest", "linear", "cubic"}, attrs->mode) ||
      !llvm::is_contained({"half_pixel", "pytorch_half_pixel", "align_corners",
                           "asymmetric", "tf_half_pixel_for_nn",
                           "tf_crop_and_resize"},
                          attrs->coord) ||
      !llvm::is_contained(
          {"round_prefer_floor", "round_prefer_ceil", "floor", "ceil"},
          attrs->nearest))
    return RuleResult::NotApplicable;
  bool crop = attrs->coord == "tf_crop_and_resize";
  Type elem = x.getElementType();
  if (attrs->mode != "nearest" && !isa<FloatType>(elem))
    return RuleResult::NotApplicable;
  // The per-dimension scale or size vector, at run time or constant.
  Value vector;
  if (hasSizes) {
    vector = node.input(3);
  } else if (upsample && node.attrs.get("scales")) {
    auto attr = dyn_cast<DenseF32ArrayAttr>(node.attrs.get("scales"));
    if (!attr)
      return RuleResult::NotApplicable;
    auto type = RankedTensorType::get({rank}, rewriter.getF32Type());
    vector = ConstantOp::create(rewriter, node.loc, type,
                                DenseElementsAttr::get(type, attr.asArrayRef()),
                                StringAttr());
  } else if (node.hasInput(scalesIndex)) {
    vector = node.input(scalesIndex);
  }
  auto vectorType =
      vector ? dyn_cast<RankedTensorType>(vector.getType()) : nullptr;
  if (!vectorType || vectorType.getRank() != 1 ||
      vectorType.getDimSize(0) != rank ||
      (hasSizes ? !isa<IntegerType>(vectorType.getElementType())
                : !vectorType.getElementType().isF32()))
    return RuleResult::NotApplicable;
  Value roi;
  if (crop) {
    RankedTensorType roiType =
        node.hasInput(1) ? node.inputType(1) : RankedTensorType();
    if (!roiType || roiType.getRank() != 1 ||
        roiType.getDimSize(0) != 2 * rank ||
        !isa<FloatType>(roiType.getElementType()))
      return RuleResult::NotApplicable;
    roi = node.input(1);
    if (!roiType.getElementType().isF32())
      roi = *build<CastOp>(rewriter, node, roi,
                           TypeAttr::get(rewriter.getF32Type()));
  }
  Type f32 = rewriter.getF32Type(), i64t = rewriter.getI64Type();
  Chain b{node, rewriter, cast<FloatType>(f32)};
  auto i64c = [&](int64_t v) {
    return scalarConstant(rewriter, node.loc, i64t, static_cast<double>(v));
  };
  auto at = [&](Value v, int64_t i) {
    auto type = RankedTensorType::get({}, i64t);
    Value index = ConstantOp::create(
        rewriter, node.loc, type,
        DenseElementsAttr::get(type, rewriter.getI64IntegerAttr(i)),
        StringAttr());
    return b.op<GatherOp>(v, index, i64(rewriter, 0));
  };
  auto toF32 = [&](Value v) { return b.op<CastOp>(v, TypeAttr::get(f32)); };
  auto toI64 = [&](Value v) { return b.op<CastOp>(v, TypeAttr::get(i64t)); };
  // A vector of m values shaped to broadcast along dimension d of rank
  // `rank`: [m, 1, ..., 1].
  auto alongD = [&](Value v, int64_t d) {
    if (d == rank - 1)
      return v;
    SmallVector<int64_t> shape = {-1};
    shape.append(rank - 1 - d, 1);
    return b.op<ReshapeOp>(v, rewriter.getDenseI64ArrayAttr(shape));
  };
  std::optional<SmallVector<int64_t>> constantSizes;
  std::optional<SmallVector<double>> constantScales;
  if (hasSizes) {
    if (FailureOr<SmallVector<int64_t>> c = node.getConstantInts(3);
        succeeded(c))
      constantSizes = *c;
  } else if (upsample && node.attrs.get("scales")) {
    auto attr = cast<DenseF32ArrayAttr>(node.attrs.get("scales"));
    constantScales =
        SmallVector<double>(attr.asArrayRef().begin(), attr.asArrayRef().end());
  } else if (FailureOr<SmallVector<double>> c =
                 node.getConstantFloats(scalesIndex);
             succeeded(c)) {
    constantScales = *c;
  }
  Value y = node.input(0);
  Value validMask; // tf_crop_and_resize: 1 inside the input, 0 outside.
  for (int64_t d = 0; d < rank; ++d) {
    int64_t n = x.getDimSize(d);
    // A dimension that keeps its extent with scale 1 is left alone (every
    // mode but tf_crop_and_resize maps it onto itself).
    if (!crop && ((constantSizes && (*constantSizes)[d] == n) ||
                  (constantScales && (*constantScales)[d] == 1.0)))
      continue;
    Value m, scale;
    if (hasSizes) {
      m = toI64(at(vector, d));
      scale = b.op<DivideOp>(toF32(m), b.c(static_cast<double>(n)));
    } else {
      scale = at(vector, d);
      m = toI64(
          b.op<FloorOp>(b.op<MultiplyOp>(scale, b.c(static_cast<double>(n)))));
    }
    // ONNX's "output_width": the scale times the extent, unrounded.
    Value outWidth = b.op<MultiplyOp>(scale, b.c(static_cast<double>(n)));
    Value isOne = toF32(b.op<EqualsOp>(outWidth, b.c(1.0)));
    Value xs = toF32(b.op<RangeOp>(i64c(0), m, i64c(1), TypeAttr::get(i64t)));
    Value xo;
    auto halfPixel = [&] {
      return b.op<SubtractOp>(b.op<DivideOp>(b.op<AddOp>(xs, b.c(0.5)), scale),
                              b.c(0.5));
    };
    if (attrs->coord == "half_pixel") {
      xo = halfPixel();
    } else if (attrs->coord == "pytorch_half_pixel") {
      // -0.5 where the output extent is 1.
      xo = b.op<SubtractOp>(
          b.op<MultiplyOp>(halfPixel(), b.op<SubtractOp>(b.c(1.0), isOne)),
          b.op<MultiplyOp>(isOne, b.c(0.5)));
    } else if (attrs->coord == "align_corners") {
      Value denom = b.op<AddOp>(b.op<SubtractOp>(outWidth, b.c(1.0)), isOne);
      xo = b.op<DivideOp>(b.op<MultiplyOp>(xs, b.c(static_cast<double>(n - 1))),
                          denom);
    } else if (attrs->coord == "asymmetric") {
      xo = b.op<DivideOp>(xs, scale);
    } else if (attrs->coord == "tf_half_pixel_for_nn") {
      xo = b.op<DivideOp>(b.op<AddOp>(xs, b.c(0.5)), scale);
    } else {
      Value start = at(roi, d), end = at(roi, d + rank);
      Value last = b.c(static_cast<double>(n - 1));
      Value denom = b.op<AddOp>(b.op<SubtractOp>(outWidth, b.c(1.0)), isOne);
      Value spread = b.op<DivideOp>(
          b.op<MultiplyOp>(b.op<SubtractOp>(end, start), last), denom);
      Value many = b.op<AddOp>(b.op<MultiplyOp>(start, last),
                               b.op<MultiplyOp>(xs, spread));
      Value one = b.op<MultiplyOp>(
          b.op<MultiplyOp>(b.op<AddOp>(start, end), b.c(0.5)), last);
      xo =
          b.op<AddOp>(b.op<MultiplyOp>(many, b.op<SubtractOp>(b.c(1.0), isOne)),
                      b.op<MultiplyOp>(one, isOne));
      Value inside = toF32(b.op<BooleanAndOp>(
          b.op<GreaterEqualOp>(xo, b.c(0.0)), b.op<LessEqualOp>(xo, last)));
      inside = alongD(inside, d);
      validMask = validMask ? b.op<MultiplyOp>(validMask, inside) : inside;
    }
    auto clampIndex = [&](Value v) {
      return toI64(b.op<MinimumOp>(b.op<MaximumOp>(v, b.c(0.0)),
                                   b.c(static_cast<double>(n - 1))));
    };
    auto gatherAt = [&](Value index) {
      return b.op<GatherOp>(y, clampIndex(index), i64(rewriter, d));
    };
    if (attrs->mode == "nearest") {
      Value index = attrs->nearest == "floor"  ? b.op<FloorOp>(xo)
                    : attrs->nearest == "ceil" ? b.op<CeilOp>(xo)
                    : attrs->nearest == "round_prefer_floor"
                        ? b.op<CeilOp>(b.op<SubtractOp>(xo, b.c(0.5)))
                        : b.op<FloorOp>(b.op<AddOp>(xo, b.c(0.5)));
      y = gatherAt(index);
      continue;
    }
    Value base = b.op<FloorOp>(xo);
    Value r = b.op<SubtractOp>(xo, base);
    SmallVector<Value> coeffs, offsets;
    if (attrs->mode == "linear") {
      coeffs = {b.op<SubtractOp>(b.c(1.0), r), r};
      offsets = {b.c(0.0), b.c(1.0)};
    } else {
      // Keys' cubic with coefficient A at distances 1 + r, r, 1 - r, 2 - r.
      double A = attrs->a;
      auto far = [&](Value t) { // 1 <= t < 2
        Value p = b.op<SubtractOp>(b.op<MultiplyOp>(t, b.c(A)), b.c(5 * A));
        p = b.op<AddOp>(b.op<MultiplyOp>(p, t), b.c(8 * A));
        return b.op<SubtractOp>(b.op<MultiplyOp>(p, t), b.c(4 * A));
      };
      auto near = [&](Value t) { // 0 <= t < 1
        Value p = b.op<SubtractOp>(b.op<MultiplyOp>(t, b.c(A + 2)), b.c(A + 3));
        return b.op<AddOp>(b.op<MultiplyOp>(b.op<MultiplyOp>(p, t), t),
                           b.c(1.0));
      };
      Value oneMinus = b.op<SubtractOp>(b.c(1.0), r);
      coeffs = {far(b.op<AddOp>(r, b.c(1.0))), near(r), near(oneMinus),
                far(b.op<AddOp>(oneMinus, b.c(1.0)))};
      offsets = {b.c(-1.0), b.c(0.0), b.c(1.0), b.c(2.0)};
      if (attrs->exclude) {
        // Neighbours outside the input weigh 0; the rest are renormalized.
        Value total;
        for (size_t k = 0; k < coeffs.size(); ++k) {
          Value at = b.op<AddOp>(base, offsets[k]);
          Value in = toF32(b.op<BooleanAndOp>(
              b.op<GreaterEqualOp>(at, b.c(0.0)),
              b.op<LessEqualOp>(at, b.c(static_cast<double>(n - 1)))));
          coeffs[k] = b.op<MultiplyOp>(coeffs[k], in);
          total = total ? b.op<AddOp>(total, coeffs[k]) : coeffs[k];
        }
        for (Value &c : coeffs)
          c = b.op<DivideOp>(c, total);
      }
    }
    Value sum;
    for (size_t k = 0; k < coeffs.size(); ++k) {
      Value weight = alongD(coeffs[k], d);
      if (elem != f32)
        weight = b.op<CastOp>(weight, TypeAttr::get(elem));
      Value term =
          b.op<MultiplyOp>(gatherAt(b.op<AddOp>(base, offsets[k])), weight);
      sum = sum ? b.op<AddOp>(sum, term) : term;
    }
    y = sum;
  }
  if (validMask) {
    if (elem != f32)
      validMask = b.op<CastOp>(validMask, TypeAttr::get(elem));
    Value outside = b.op<SubtractOp>(
        scalarConstant(rewriter, node.loc, elem, 1.0), validMask);
    y = b.op<AddOp>(
        b.op<MultiplyOp>(y, validMask),
        b.op<MultiplyOp>(outside, scalarConstant(rewriter, node.loc, elem,
                                                 attrs->extrapolation)));
  }
  if (!b.ok)
    return RuleResult::Failed;
  auto declared = dyn_cast<RankedTensorType>(node.resultType(0));
  if (declared && declared != y.getType() &&
      areCompatibleResultTypes(TypeRange{y.getType()}, TypeRange{declared}))
    y.setType(declared);
  return node.replaceWith(rewriter, y);
}

} // namespace

FailureOr<std::pair<Value, Value>>
mlir::nd4j::onnx_rules::buildMaxPoolWithIndices(PatternRewriter &rewriter,
                                                ImportNode &node, Value x,
                                                const PoolGeometry &g,
                                                ArrayRef<int64_t> steps,
                                                Type indexElement) {
  auto type = cast<RankedTensorType>(x.getType());
  Type elem = type.getElementType();
  int64_t n = type.getDimSize(0), c = type.getDimSize(3);
  Location loc = node.loc;
  auto I = [&](int64_t v) { return i64(rewriter, v); };
  Value input = x;
  if (g.top || g.left || g.bottom || g.right) {
    double lowest = -std::numeric_limits<double>::infinity();
    if (auto it = dyn_cast<IntegerType>(elem))
      lowest =
          it.isUnsigned()
              ? 0.0
              : static_cast<double>(
                    APInt::getSignedMinValue(it.getWidth()).getSExtValue());
    auto padType = RankedTensorType::get({4, 2}, rewriter.getI64Type());
    Value pads = ConstantOp::create(
        rewriter, loc, padType,
        DenseElementsAttr::get(
            padType,
            ArrayRef<int64_t>{0, 0, g.top, g.bottom, g.left, g.right, 0, 0}),
        StringAttr());
    FailureOr<Value> padded =
        build<PadOp>(rewriter, node, x, pads, I(0), f64(rewriter, lowest));
    if (failed(padded))
      return failure();
    input = *padded;
  }
  FailureOr<Value> patches =
      build<ExtractImagePatchesOp>(rewriter, node, input, I(g.kH), I(g.kW),
                                   I(g.sH), I(g.sW), I(g.dH), I(g.dW), I(0));
  if (failed(patches))
    return failure();
  auto pt = cast<RankedTensorType>(patches->getType());
  int64_t oh = pt.getDimSize(1), ow = pt.getDimSize(2);
  FailureOr<Value> windows =
      reshapeTo(rewriter, node, *patches, {n, oh, ow, g.kH * g.kW, c});
  if (failed(windows))
    return failure();
  auto dims = rewriter.getDenseI64ArrayAttr({3});
  FailureOr<Value> values = build<ReduceMaxOp>(rewriter, node, *windows, dims,
                                               rewriter.getBoolAttr(false));
  FailureOr<Value> pos = build<ArgMaxOp>(rewriter, node, *windows, dims,
                                         rewriter.getBoolAttr(false));
  if (failed(values) || failed(pos))
    return failure();
  // index = base[n, oy, ox, c] + (pos / kW) * dH * steps[2] +
  //         (pos % kW) * dW * steps[3], the base a sum of four broadcast
  // vectors.
  Type i64Type = rewriter.getI64Type();
  auto vec = [&](int64_t count, int64_t at,
                 function_ref<int64_t(int64_t)> f) -> Value {
    SmallVector<int64_t> shape(4, 1), values;
    shape[at] = count;
    for (int64_t i = 0; i < count; ++i)
      values.push_back(f(i));
    auto t = RankedTensorType::get(shape, i64Type);
    return ConstantOp::create(rewriter, loc, t,
                              DenseElementsAttr::get(t, ArrayRef(values)),
                              StringAttr());
  };
  auto scalar = [&](int64_t v) {
    return scalarConstant(rewriter, loc, i64Type, static_cast<double>(v));
  };
  Value terms[] = {
      vec(n, 0, [&](int64_t i) { return i * steps[0]; }),
      vec(oh, 1, [&](int64_t i) { return (i * g.sH - g.top) * steps[2]; }),
      vec(ow, 2, [&](int64_t i) { return (i * g.sW - g.left) * steps[3]; }),
      vec(c, 3, [&](int64_t i) { return i * steps[1]; })};
  FailureOr<Value> ky = build<FloorDivOp>(rewriter, node, *pos, scalar(g.kW));
  FailureOr<Value> kx = build<FloorModOp>(rewriter, node, *pos, scalar(g.kW));
  if (failed(ky) || failed(kx))
    return failure();
  FailureOr<Value> index =
      build<MultiplyOp>(rewriter, node, *ky, scalar(g.dH * steps[2]));
  FailureOr<Value> col =
      build<MultiplyOp>(rewriter, node, *kx, scalar(g.dW * steps[3]));
  if (succeeded(index) && succeeded(col))
    index = build<AddOp>(rewriter, node, *index, *col);
  for (Value term : terms)
    if (succeeded(index))
      index = build<AddOp>(rewriter, node, *index, term);
  if (succeeded(index) && indexElement != i64Type)
    index = build<CastOp>(rewriter, node, *index, TypeAttr::get(indexElement));
  if (failed(index))
    return failure();
  return std::make_pair(*values, *index);
}

/// GridSample of a static NCHW input at static grid positions, composed as
/// ONNX's reference computes it, per spatial axis: the normalized
/// coordinate denormalized (align_corners: (g + 1) / 2 * (L - 1), else
/// ((g + 1) L - 1) / 2), rounded half to even for nearest, brought inside
/// the borders ([0, L - 1] or [-0.5, L - 0.5]) by clamping (border) or
/// reflection; then the taps (nearest 1, linear 2, cubic 4 with Keys'
/// coefficients, A = -0.75) at floor(x) + k, each read with the padding
/// mode (zeros: 0 outside; border: the index clamped; reflection: the index
/// reflected). Every pair of a row tap and a column tap is one gather of
/// [N, Ho, Wo, C] rows from the NHWC input, weighted and summed.
static RuleResult gridSample(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0), grid = node.inputType(1);
  if (!x || !grid || !x.hasStaticShape() || !grid.hasStaticShape() ||
      x.getRank() != 4 || grid.getRank() != 4 || grid.getDimSize(3) != 2 ||
      grid.getDimSize(0) != x.getDimSize(0))
    return RuleResult::NotApplicable;
  auto elem = dyn_cast<FloatType>(x.getElementType());
  if (!elem || grid.getElementType() != elem)
    return RuleResult::NotApplicable;
  FailureOr<StringRef> mode = node.getString("mode", "bilinear");
  FailureOr<StringRef> padding = node.getString("padding_mode", "zeros");
  FailureOr<int64_t> align = node.getInt("align_corners", 0);
  if (failed(mode) || failed(padding) || failed(align))
    return RuleResult::Failed;
  enum { Nearest, Linear, Cubic } kind;
  if (*mode == "nearest")
    kind = Nearest;
  else if (*mode == "bilinear" || *mode == "linear")
    kind = Linear;
  else if (*mode == "bicubic" || *mode == "cubic")
    kind = Cubic;
  else
    return RuleResult::NotApplicable;
  if (*padding != "zeros" && *padding != "border" && *padding != "reflection")
    return RuleResult::NotApplicable;
  int64_t N = x.getDimSize(0), C = x.getDimSize(1), H = x.getDimSize(2),
          W = x.getDimSize(3), Ho = grid.getDimSize(1), Wo = grid.getDimSize(2);
  Location loc = node.loc;
  Type i64Type = rewriter.getI64Type();
  OpChain o{rewriter, node};
  auto f = [&](double v) { return scalarConstant(rewriter, loc, elem, v); };
  auto select = [&](Value c, Value a, Value b) {
    return o.op<SelectOp>(c, a, b);
  };
  auto clamp = [&](Value v, double lo, double hi) {
    return o.op<MinimumOp>(o.op<MaximumOp>(v, f(lo)), f(hi));
  };
  Value gridValue = node.input(1);
  struct Tap {
    Value index, weight; // int64 index [N, Ho, Wo], weight or null
  };
  // The taps of one axis (component `comp` of the grid, extent L).
  auto taps = [&](int64_t comp, int64_t L) -> SmallVector<Tap> {
    Value g = o.op<GatherOp>(gridValue, o.index(comp), i64(rewriter, 3));
    Value v = *align ? o.mul(o.mul(o.add(g, f(1)), f(0.5)), f(L - 1))
                     : o.mul(o.sub(o.mul(o.add(g, f(1)), f(L)), f(1)), f(0.5));
    if (kind == Nearest)
      v = o.op<RintOp>(v);
    double lo = *align ? 0 : -0.5, hi = *align ? L - 1 : L - 0.5;
    auto reflectInto = [&](Value u) -> Value {
      double range = hi - lo;
      if (range <= 0)
        return o.add(o.mul(u, f(0)), f(lo));
      // Below lo by dx: n = floor(dx / range) folds; even n lands at
      // lo + r, odd at hi - r (above hi: hi - r, lo + r).
      auto fold = [&](Value dx, double even, double odd, double sign) {
        Value n = o.op<FloorOp>(o.op<DivideOp>(dx, f(range)));
        Value r = o.sub(dx, o.mul(n, f(range)));
        Value isEven = o.op<EqualsOp>(o.op<FloorModOp>(n, f(2)), f(0));
        return select(isEven, o.add(f(even), o.mul(r, f(sign))),
                      o.sub(f(odd), o.mul(r, f(sign))));
      };
      Value below = fold(o.sub(f(lo), u), lo, hi, 1);
      Value above = fold(o.sub(u, f(hi)), hi, lo, -1);
      return select(o.op<LessOp>(u, f(lo)), below,
                    select(o.op<GreaterOp>(u, f(hi)), above, u));
    };
    if (*padding == "border") {
      Value outside =
          o.op<BooleanOrOp>(o.op<LessOp>(v, f(lo)), o.op<GreaterOp>(v, f(hi)));
      v = select(outside, clamp(v, 0, L - 1), v);
    } else if (*padding == "reflection") {
      v = reflectInto(v);
    }
    SmallVector<int64_t> offsets;
    SmallVector<Value> weights;
    Value base = v;
    if (kind == Nearest) {
      offsets = {0};
      weights = {Value()};
    } else {
      base = o.op<FloorOp>(v);
      Value t = o.sub(v, base);
      if (kind == Linear) {
        offsets = {0, 1};
        weights = {o.sub(f(1), t), t};
      } else {
        const double A = -0.75;
        Value t1 = o.add(t, f(1)), u = o.sub(f(1), t), u1 = o.sub(f(2), t);
        auto outer = [&](Value s) { // ((A s - 5A) s + 8A) s - 4A
          return o.sub(
              o.mul(o.add(o.mul(o.sub(o.mul(s, f(A)), f(5 * A)), s), f(8 * A)),
                    s),
              f(4 * A));
        };
        auto inner = [&](Value s) { // ((A + 2) s - (A + 3)) s s + 1
          return o.add(o.mul(o.mul(o.sub(o.mul(s, f(A + 2)), f(A + 3)), s), s),
                       f(1));
        };
        offsets = {-1, 0, 1, 2};
        weights = {outer(t1), inner(t), inner(u), outer(u1)};
      }
    }
    SmallVector<Tap> result;
    for (auto [off, w] : llvm::zip(offsets, weights)) {
      Value at = off ? o.add(base, f(static_cast<double>(off))) : base;
      Value weight = w;
      if (*padding == "zeros") {
        Value inside =
            o.op<BooleanAndOp>(o.op<GreaterEqualOp>(at, f(0)),
                               o.op<LessOp>(at, f(static_cast<double>(L))));
        Value mask = o.op<CastOp>(inside, TypeAttr::get(elem));
        weight = weight ? o.mul(weight, mask) : mask;
        at = clamp(at, 0, L - 1);
      } else if (*padding == "border") {
        at = clamp(at, 0, L - 1);
      } else {
        at = clamp(reflectInto(at), 0, L - 1);
      }
      result.push_back({o.op<CastOp>(at, TypeAttr::get(i64Type)), weight});
    }
    return result;
  };
  SmallVector<Tap> cols = taps(0, W), rows = taps(1, H);
  // Rows of the NHWC input by flat position n H W + y W + x.
  Value table = o.op<PermuteOp>(node.input(0),
                                rewriter.getDenseI64ArrayAttr({0, 2, 3, 1}));
  if (o.ok) {
    FailureOr<Value> flat = reshapeTo(rewriter, node, table, {N * H * W, C});
    o.ok = succeeded(flat);
    table = o.ok ? *flat : Value();
  }
  SmallVector<int64_t> batchOffsets;
  for (int64_t n = 0; n < N; ++n)
    batchOffsets.push_back(n * H * W);
  auto offType = RankedTensorType::get({N, 1, 1}, i64Type);
  Value batchBase = ConstantOp::create(
      rewriter, loc, offType,
      DenseElementsAttr::get(offType, ArrayRef(batchOffsets)), StringAttr());
  Value sum;
  for (const Tap &r : rows)
    for (const Tap &c : cols) {
      Value flat = o.add(o.add(o.mul(r.index, o.index(W)), c.index),
                         batchBase); // [N, Ho, Wo]
      Value picked = o.op<GatherOp>(table, flat, i64(rewriter, 0));
      Value weight = r.weight && c.weight ? o.mul(r.weight, c.weight)
                     : r.weight           ? r.weight
                                          : c.weight;
      if (weight && o.ok) {
        FailureOr<Value> w4 = reshapeTo(rewriter, node, weight, {N, Ho, Wo, 1});
        o.ok = succeeded(w4);
        picked = o.ok ? o.mul(picked, *w4) : Value();
      }
      sum = sum ? o.add(sum, picked) : picked;
    }
  Value y = o.op<PermuteOp>(sum, rewriter.getDenseI64ArrayAttr({0, 3, 1, 2}));
  if (!o.ok)
    return RuleResult::Failed;
  return node.replaceWith(rewriter, y);
}

/// Products of rows `re` (and `im`, or none for a real signal) [rows, n]
/// with cosine and sine matrices [n, m]: forward Yr = Xr C + Xi S,
/// Yi = Xi C - Xr S; inverse (e^{+i}, divided by n) Yr = (Xr C - Xi S) / n,
/// Yi = (Xi C + Xr S) / n.
static std::pair<Value, Value> dftProducts(OpChain &o, Location loc, Value re,
                                           Value im, Value cosM, Value sinM,
                                           int64_t n, FloatType elem,
                                           bool inverse) {
  PatternRewriter &rewriter = o.rewriter;
  auto I0 = [&](int64_t v) { return i64(rewriter, v); };
  auto mm = [&](Value a, Value b) {
    return o.op<MatmulOp>(a, b, I0(0), I0(0), I0(0), f64(rewriter, 1.0),
                          f64(rewriter, 0.0));
  };
  Value yr = mm(re, cosM), yi;
  Value rs = mm(re, sinM);
  if (inverse) {
    yi = rs;
    if (im) {
      yr = o.op<SubtractOp>(yr, mm(im, sinM));
      yi = o.op<AddOp>(mm(im, cosM), rs);
    }
    Value scale = scalarConstant(rewriter, loc, elem, 1.0 / n);
    yr = o.op<MultiplyOp>(yr, scale);
    yi = o.op<MultiplyOp>(yi, scale);
  } else {
    yi = o.op<NegOp>(rs);
    if (im) {
      yr = o.op<AddOp>(yr, mm(im, sinM));
      yi = o.op<SubtractOp>(mm(im, cosM), rs);
    }
  }
  return {yr, yi};
}

/// Constant cosine and sine matrices [n, m]: cos/sin(2 pi j k / n).
static std::pair<Value, Value> dftMatrices(PatternRewriter &rewriter,
                                           Location loc, int64_t n, int64_t m,
                                           FloatType elem) {
  auto matrix = [&](bool sine) {
    auto type = RankedTensorType::get({n, m}, elem);
    SmallVector<Attribute> values;
    for (int64_t j = 0; j < n; ++j)
      for (int64_t k = 0; k < m; ++k) {
        // The angle's multiple reduced mod n keeps it exact for large j k.
        double angle = 2.0 * M_PI * static_cast<double>((j * k) % n) / n;
        values.push_back(rewriter.getFloatAttr(elem, sine ? std::sin(angle)
                                                          : std::cos(angle)));
      }
    return ConstantOp::create(rewriter, loc, type,
                              DenseElementsAttr::get(type, values),
                              StringAttr());
  };
  return {matrix(false), matrix(true)};
}

/// The discrete Fourier transform of rows [rows, n], the first m
/// frequencies: dftProducts with constant cosine and sine matrices [n, m].
static std::pair<Value, Value> dftRows(OpChain &o, Location loc, Value re,
                                       Value im, int64_t n, int64_t m,
                                       FloatType elem, bool inverse) {
  auto [cosM, sinM] = dftMatrices(o.rewriter, loc, n, m, elem);
  return dftProducts(o, loc, re, im, cosM, sinM, n, elem, inverse);
}

/// Whether an STFT node has a window (input 2, present and not empty).
static bool hasStftWindow(ImportNode &node) {
  return node.hasInput(2) && node.inputType(2) &&
         !(node.inputType(2).hasStaticShape() &&
           node.inputType(2).getNumElements() == 0);
}

/// The STFT of gathered frames [B, F, n, parts]: each part's rows times the
/// window (when the node has one), their DFT with the matrices [n, bins],
/// and the real and imaginary parts as the result [B, F, bins, 2].
static Value stftOfFrames(OpChain &o, ImportNode &node, Value framed, int64_t B,
                          int64_t F, int64_t n, int64_t bins, int64_t parts,
                          Value cosM, Value sinM, FloatType elem) {
  bool hasWindow = hasStftWindow(node);
  auto part = [&](int64_t k) -> Value {
    Value p = o.op<GatherOp>(framed, o.index(k), i64(o.rewriter, 3));
    if (hasWindow)
      p = o.mul(p, node.input(2));
    return o.reshaped(p, {B * F, n});
  };
  Value re = part(0), im = parts == 2 ? part(1) : Value();
  if (!o.ok)
    return Value();
  auto [yr, yi] = dftProducts(o, node.loc, re, im, cosM, sinM, n, elem,
                              /*inverse=*/false);
  return o.op<ConcatOp>(ValueRange{o.reshaped(yr, {B, F, bins, 1}),
                                   o.reshaped(yi, {B, F, bins, 1})},
                        i64(o.rewriter, 3));
}

/// STFT (opset 17) of a static signal [B, L, 1 or 2] with a constant
/// frame_step and a window [fl] or a constant frame_length: the frames
/// (frame f holds samples f step .. f step + fl - 1, F = (L - fl) / step + 1
/// of them) gathered by a constant index matrix, multiplied by the window,
/// and transformed as DFT rows (one-sided: fl / 2 + 1 frequencies).
static RuleResult stft(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  if (!x || !x.hasStaticShape() || x.getRank() != 3)
    return RuleResult::NotApplicable;
  auto elem = dyn_cast<FloatType>(x.getElementType());
  int64_t B = x.getDimSize(0), L = x.getDimSize(1), parts = x.getDimSize(2);
  FailureOr<int64_t> onesided = node.getInt("onesided", 1);
  if (failed(onesided))
    return RuleResult::Failed;
  if (!elem || (parts != 1 && parts != 2) || (parts == 2 && *onesided))
    return RuleResult::NotApplicable;
  FailureOr<SmallVector<int64_t>> step = node.getConstantInts(1);
  if (failed(step) || step->size() != 1 || (*step)[0] < 1)
    return RuleResult::NotApplicable;
  bool hasWindow = hasStftWindow(node);
  int64_t fl = -1;
  if (hasWindow) {
    RankedTensorType w = node.inputType(2);
    if (w.getRank() != 1 || !w.hasStaticShape() || w.getElementType() != elem)
      return RuleResult::NotApplicable;
    fl = w.getDimSize(0);
  }
  if (node.hasInput(3)) {
    FailureOr<SmallVector<int64_t>> length = node.getConstantInts(3);
    if (failed(length) || length->size() != 1 ||
        (fl >= 0 && (*length)[0] != fl))
      return RuleResult::NotApplicable;
    fl = (*length)[0];
  }
  if (fl < 1 || fl > L)
    return RuleResult::NotApplicable;
  int64_t hop = (*step)[0], frames = (L - fl) / hop + 1;
  int64_t bins = *onesided ? fl / 2 + 1 : fl;
  Location loc = node.loc;
  Type i64Type = rewriter.getI64Type();
  OpChain o{rewriter, node};
  auto idxType = RankedTensorType::get({frames, fl}, i64Type);
  SmallVector<int64_t> idx;
  for (int64_t f = 0; f < frames; ++f)
    for (int64_t j = 0; j < fl; ++j)
      idx.push_back(f * hop + j);
  Value indices = ConstantOp::create(
      rewriter, loc, idxType, DenseElementsAttr::get(idxType, ArrayRef(idx)),
      StringAttr());
  Value framed =
      o.op<GatherOp>(node.input(0), indices, i64(rewriter, 1)); // [B,F,fl,c]
  auto [cosM, sinM] = dftMatrices(rewriter, loc, fl, bins, elem);
  Value y = stftOfFrames(o, node, framed, B, frames, fl, bins, parts, cosM,
                         sinM, elem);
  if (!o.ok)
    return RuleResult::Failed;
  return node.replaceWith(rewriter, y);
}

/// STFT whose frame_step or frame_length is given at run time: the model
/// declares the result [B, F, bins, 2] (static), which a valid model's
/// inputs yield, as Reshape to a run-time shape takes the declared shape.
/// The frames are gathered by the run-time index matrix f step + n
/// (clamped into the signal) for n below the longest frame the declared
/// bins allow (fl, or 2 (bins - 1) + 1 one-sided when the length comes at
/// run time); the DFT matrices, cos/sin(2 pi (n k mod fl) / fl), are built
/// at run time with the rows n >= fl zeroed.
static RuleResult stftRuntime(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  auto y = dyn_cast<RankedTensorType>(node.resultType(0));
  if (!x || !x.hasStaticShape() || x.getRank() != 3 || !y ||
      !y.hasStaticShape() || y.getRank() != 4 || y.getDimSize(3) != 2 ||
      !node.inputType(1) || node.inputType(1).getNumElements() != 1)
    return RuleResult::NotApplicable;
  auto elem = dyn_cast<FloatType>(x.getElementType());
  int64_t B = x.getDimSize(0), L = x.getDimSize(1), parts = x.getDimSize(2);
  int64_t F = y.getDimSize(1), bins = y.getDimSize(2);
  FailureOr<int64_t> onesided = node.getInt("onesided", 1);
  if (failed(onesided))
    return RuleResult::Failed;
  if (!elem || (parts != 1 && parts != 2) || (parts == 2 && *onesided) ||
      y.getDimSize(0) != B || y.getElementType() != elem || F < 1 || bins < 1)
    return RuleResult::NotApplicable;
  bool hasWindow = hasStftWindow(node);
  Location loc = node.loc;
  Type i64Type = rewriter.getI64Type();
  OpChain o{rewriter, node};
  auto scalarOf = [&](Value v) {
    return o.op<CastOp>(o.reshaped(v, {}), TypeAttr::get(i64Type));
  };
  // fl: the window's length, else the frame_length input (known or not).
  int64_t flMax;
  Value fl;
  if (hasWindow) {
    RankedTensorType w = node.inputType(2);
    if (w.getRank() != 1 || !w.hasStaticShape() || w.getElementType() != elem)
      return RuleResult::NotApplicable;
    flMax = w.getDimSize(0);
    fl = o.index(flMax);
  } else if (node.hasInput(3) && node.inputType(3) &&
             node.inputType(3).getNumElements() == 1) {
    flMax = *onesided ? 2 * (bins - 1) + 1 : bins;
    fl = scalarOf(node.input(3));
  } else {
    node.emitError() << "needs a window or a frame_length";
    return RuleResult::Failed;
  }
  if (flMax > L)
    flMax = L;
  Value step = scalarOf(node.input(1));
  SmallVector<int64_t> fIota, nIota, nk;
  for (int64_t f = 0; f < F; ++f)
    fIota.push_back(f);
  for (int64_t n = 0; n < flMax; ++n) {
    nIota.push_back(n);
    for (int64_t k = 0; k < bins; ++k)
      nk.push_back(n * k);
  }
  auto iConst = [&](ArrayRef<int64_t> shape, ArrayRef<int64_t> values) {
    auto t = RankedTensorType::get(shape, i64Type);
    return ConstantOp::create(rewriter, loc, t,
                              DenseElementsAttr::get(t, values), StringAttr());
  };
  Value indices = o.op<MinimumOp>(
      o.add(o.mul(iConst({F, 1}, fIota), step), iConst({1, flMax}, nIota)),
      o.index(L - 1)); // [F, flMax]
  Value framed = o.op<GatherOp>(node.input(0), indices, i64(rewriter, 1));
  // The DFT matrices [flMax, bins] for the run-time fl.
  // The angles in f64, as the constant matrices are computed.
  Type f64Type = rewriter.getF64Type();
  Value flF = o.op<CastOp>(fl, TypeAttr::get(f64Type));
  Value angle = o.mul(
      o.op<CastOp>(o.op<FloorModOp>(iConst({flMax, bins}, nk), fl),
                   TypeAttr::get(f64Type)),
      o.op<DivideOp>(scalarConstant(rewriter, loc, f64Type, 2.0 * M_PI), flF));
  Value inside = o.op<CastOp>(o.op<LessOp>(iConst({flMax, 1}, nIota), fl),
                              TypeAttr::get(f64Type));
  Value cosM =
      o.op<CastOp>(o.mul(o.op<CosOp>(angle), inside), TypeAttr::get(elem));
  Value sinM =
      o.op<CastOp>(o.mul(o.op<SinOp>(angle), inside), TypeAttr::get(elem));
  Value out =
      stftOfFrames(o, node, framed, B, F, flMax, bins, parts, cosM, sinM, elem);
  if (!o.ok)
    return RuleResult::Failed;
  return node.replaceWith(rewriter, out);
}

/// MelWeightMatrix (opset 17) from run-time scalars, of the declared shape
/// [dft_length / 2 + 1, num_mel_bins] (static), as ONNX's reference
/// computes it (in f64): M + 2 points spaced evenly in mel between the edge
/// frequencies, back in hertz, as DFT bins b = floor((dft_length + 1) hz /
/// sample_rate); filter i rises from b[i] to b[i + 1] ((j - b[i]) /
/// (b[i + 1] - b[i]), or 1 at b[i + 1] where the two meet) and falls to
/// b[i + 2] ((b[i + 2] - j) / (b[i + 2] - b[i + 1])).
static RuleResult melWeightMatrix(ImportNode &node, PatternRewriter &rewriter) {
  auto y = dyn_cast<RankedTensorType>(node.resultType(0));
  if (!y || !y.hasStaticShape() || y.getRank() != 2)
    return RuleResult::NotApplicable;
  for (unsigned i = 0; i < 5; ++i)
    if (!node.inputType(i) || node.inputType(i).getNumElements() != 1)
      return RuleResult::NotApplicable;
  int64_t bins = y.getDimSize(0), mels = y.getDimSize(1);
  Location loc = node.loc;
  Type f64Type = rewriter.getF64Type();
  OpChain o{rewriter, node};
  auto scalar = [&](unsigned i) {
    return o.op<CastOp>(o.reshaped(node.input(i), {}), TypeAttr::get(f64Type));
  };
  auto c = [&](double v) { return scalarConstant(rewriter, loc, f64Type, v); };
  auto iota = [&](ArrayRef<int64_t> shape, int64_t count) {
    auto t = RankedTensorType::get(shape, f64Type);
    SmallVector<double> v;
    for (int64_t i = 0; i < count; ++i)
      v.push_back(static_cast<double>(i));
    return ConstantOp::create(
        rewriter, loc, t, DenseElementsAttr::get(t, ArrayRef(v)), StringAttr());
  };
  Value dft = scalar(1), rate = scalar(2);
  auto toMel = [&](Value hz) { // 2595 log10(1 + hz / 700)
    return o.mul(c(2595.0 / std::log(10.0)),
                 o.op<LogOp>(o.add(c(1.0), o.op<DivideOp>(hz, c(700.0)))));
  };
  Value low = toMel(scalar(3)), high = toMel(scalar(4));
  Value melStep = o.op<DivideOp>(o.sub(high, low), c(mels + 2));
  Value mel = o.add(o.mul(iota({mels + 2}, mels + 2), melStep), low);
  Value hz =
      o.mul(c(700.0),
            o.sub(o.op<ExpOp>(o.mul(mel, c(std::log(10.0) / 2595.0))), c(1.0)));
  Value b = o.op<FloorOp>(
      o.op<DivideOp>(o.mul(o.add(dft, c(1.0)), hz), rate)); // [M + 2]
  auto points = [&](int64_t first) { // b[first .. first + M) as [1, M]
    auto t = RankedTensorType::get({mels}, rewriter.getI64Type());
    SmallVector<int64_t> idx;
    for (int64_t i = 0; i < mels; ++i)
      idx.push_back(first + i);
    Value at = ConstantOp::create(rewriter, loc, t,
                                  DenseElementsAttr::get(t, ArrayRef(idx)),
                                  StringAttr());
    return o.reshaped(o.op<GatherOp>(b, at, i64(rewriter, 0)), {1, mels});
  };
  Value left = points(0), center = points(1), right = points(2);
  Value j = iota({bins, 1}, bins);
  auto both = [&](Value p, Value q) { return o.op<BooleanAndOp>(p, q); };
  auto asF = [&](Value v) { return o.op<CastOp>(v, TypeAttr::get(f64Type)); };
  Value one = c(1.0);
  Value rise =
      o.op<DivideOp>(o.sub(j, left), o.op<MaximumOp>(o.sub(center, left), one));
  Value fall = o.op<DivideOp>(o.sub(right, j),
                              o.op<MaximumOp>(o.sub(right, center), one));
  Value rising = asF(
      both(both(o.op<GreaterEqualOp>(j, left), o.op<LessEqualOp>(j, center)),
           o.op<GreaterOp>(center, left)));
  Value meet =
      asF(both(o.op<EqualsOp>(center, left), o.op<EqualsOp>(j, center)));
  Value falling =
      asF(both(o.op<GreaterEqualOp>(j, center), o.op<LessOp>(j, right)));
  // Falling wins where both hold (at j = center both give 1).
  Value w = o.add(o.mul(falling, fall),
                  o.mul(o.sub(one, falling), o.add(o.mul(rising, rise), meet)));
  Value out = o.op<CastOp>(w, TypeAttr::get(y.getElementType()));
  if (!o.ok)
    return RuleResult::Failed;
  return node.replaceWith(rewriter, out);
}

/// DFT (opset 17: axis attribute, no dft_length) of a static input
/// [..., n (axis), ..., 1 or 2] as two matrix products per part with
/// constant cosine and sine matrices [n, m] (m = n, or n / 2 + 1 one-sided):
/// forward Yr = Xr C + Xi S, Yi = Xi C - Xr S; inverse (e^{+i}, divided by
/// n) Yr = (Xr C - Xi S) / n, Yi = (Xi C + Xr S) / n. The signal axis is
/// moved last and the others flattened into rows for the products.
static RuleResult dft(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  if (!x || !x.hasStaticShape() || x.getRank() < 3 ||
      (node.hasInput(1) && node.inputType(1) &&
       !(node.inputType(1).hasStaticShape() &&
         node.inputType(1).getNumElements() == 0)) ||
      node.hasInput(2))
    return RuleResult::NotApplicable;
  auto elem = dyn_cast<FloatType>(x.getElementType());
  int64_t rank = x.getRank(), parts = x.getDimSize(rank - 1);
  if (!elem || (parts != 1 && parts != 2))
    return RuleResult::NotApplicable;
  FailureOr<int64_t> axisAttr = node.getInt("axis", 1);
  FailureOr<int64_t> inverse = node.getInt("inverse", 0);
  FailureOr<int64_t> onesided = node.getInt("onesided", 0);
  if (failed(axisAttr) || failed(inverse) || failed(onesided))
    return RuleResult::Failed;
  int64_t axis = *axisAttr < 0 ? *axisAttr + rank : *axisAttr;
  if (axis < 0 || axis >= rank - 1 || (*inverse && *onesided))
    return RuleResult::NotApplicable;
  int64_t n = x.getDimSize(axis), m = *onesided ? n / 2 + 1 : n;
  Location loc = node.loc;
  OpChain o{rewriter, node};
  // Signal axis last, the batch dimensions (all but the complex part)
  // flattened: [rows, n].
  SmallVector<int64_t> perm, permShape;
  for (int64_t d = 0; d < rank - 1; ++d)
    if (d != axis) {
      perm.push_back(d);
      permShape.push_back(x.getDimSize(d));
    }
  perm.push_back(axis);
  int64_t rows = 1;
  for (int64_t d : permShape)
    rows *= d;
  auto part = [&](int64_t k) -> Value {
    Value p =
        o.op<GatherOp>(node.input(0), o.index(k), i64(rewriter, rank - 1));
    p = o.op<PermuteOp>(p, rewriter.getDenseI64ArrayAttr(perm));
    if (!o.ok)
      return Value();
    FailureOr<Value> flat = reshapeTo(rewriter, node, p, {rows, n});
    o.ok = succeeded(flat);
    return o.ok ? *flat : Value();
  };
  Value re = part(0), im = parts == 2 ? part(1) : Value();
  auto [yr, yi] = dftRows(o, loc, re, im, n, m, elem, *inverse != 0);
  // Back to [..., m (axis), ..., 1] per part, then joined on the last axis.
  SmallVector<int64_t> unflat(permShape);
  unflat.push_back(m);
  SmallVector<int64_t> back(rank - 1);
  for (auto [i, d] : llvm::enumerate(perm))
    back[d] = i;
  SmallVector<int64_t> outShape(x.getShape());
  outShape[axis] = m;
  outShape.back() = 1;
  auto restore = [&](Value v) -> Value {
    if (!o.ok)
      return Value();
    FailureOr<Value> r = reshapeTo(rewriter, node, v, unflat);
    if (succeeded(r))
      r = build<PermuteOp>(rewriter, node, *r,
                           rewriter.getDenseI64ArrayAttr(back));
    if (succeeded(r))
      r = reshapeTo(rewriter, node, *r, outShape);
    o.ok = succeeded(r);
    return o.ok ? *r : Value();
  };
  Value y = o.op<ConcatOp>(ValueRange{restore(yr), restore(yi)},
                           i64(rewriter, rank - 1));
  if (!o.ok)
    return RuleResult::Failed;
  return node.replaceWith(rewriter, y);
}

/// MaxUnpool (static input and indices): the input's values written at
/// their flat indices (as MaxPool's Indices number its input's elements)
/// into zeros of the default output shape, (in - 1) stride - pads + kernel,
/// by scatter_nd_update on the flattened output. With an output_shape
/// input the model's declared (static) result shape is used: the default
/// shape is padded at the end of each dimension to it, as ONNX's reference
/// does (an output_shape known only at run time must agree).
static RuleResult maxUnpool(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0), idx = node.inputType(1);
  if (!x || !idx || !x.hasStaticShape() || idx.getShape() != x.getShape() ||
      !isa<IntegerType>(idx.getElementType()) || x.getRank() < 3)
    return RuleResult::NotApplicable;
  int64_t spatial = x.getRank() - 2;
  FailureOr<SmallVector<int64_t>> kernel = node.getInts("kernel_shape");
  FailureOr<SmallVector<int64_t>> strides =
      node.getInts("strides", SmallVector<int64_t>(spatial, 1));
  FailureOr<SmallVector<int64_t>> pads =
      node.getInts("pads", SmallVector<int64_t>(2 * spatial, 0));
  if (failed(kernel) || failed(strides) || failed(pads))
    return RuleResult::Failed;
  if (static_cast<int64_t>(kernel->size()) != spatial ||
      static_cast<int64_t>(strides->size()) != spatial ||
      static_cast<int64_t>(pads->size()) != 2 * spatial)
    return RuleResult::NotApplicable;
  SmallVector<int64_t> shape = {x.getDimSize(0), x.getDimSize(1)};
  for (int64_t d = 0; d < spatial; ++d)
    shape.push_back((x.getDimSize(d + 2) - 1) * (*strides)[d] - (*pads)[d] -
                    (*pads)[d + spatial] + (*kernel)[d]);
  SmallVector<int64_t> target = shape;
  if (node.hasInput(2)) {
    auto declared = dyn_cast_or_null<RankedTensorType>(node.resultType(0));
    if (!declared || !declared.hasStaticShape() ||
        declared.getRank() != x.getRank())
      return RuleResult::NotApplicable;
    target.assign(declared.getShape().begin(), declared.getShape().end());
    for (auto [t, s] : llvm::zip(target, shape))
      if (t < s)
        return RuleResult::NotApplicable;
  }
  int64_t total = 1;
  for (int64_t d : shape)
    total *= d;
  auto zerosType = RankedTensorType::get({total}, x.getElementType());
  Value zeros = ConstantOp::create(
      rewriter, node.loc, zerosType,
      DenseElementsAttr::get(zerosType,
                             rewriter.getZeroAttr(x.getElementType())),
      StringAttr());
  int64_t count = x.getNumElements();
  FailureOr<Value> coords =
      reshapeTo(rewriter, node, node.input(1), {count, 1});
  FailureOr<Value> updates = reshapeTo(rewriter, node, node.input(0), {count});
  if (failed(coords) || failed(updates))
    return RuleResult::Failed;
  FailureOr<Value> y = build<ScatterNdUpdateOp>(
      rewriter, node, zeros, *coords, *updates, BoolAttr(), BoolAttr());
  if (succeeded(y))
    y = reshapeTo(rewriter, node, *y, shape);
  if (succeeded(y) && target != shape) {
    SmallVector<int64_t> amounts;
    for (auto [t, s] : llvm::zip(target, shape)) {
      amounts.push_back(0);
      amounts.push_back(t - s);
    }
    auto padType = RankedTensorType::get(
        {static_cast<int64_t>(shape.size()), 2}, rewriter.getI64Type());
    Value paddings = ConstantOp::create(
        rewriter, node.loc, padType,
        DenseElementsAttr::get(padType, ArrayRef(amounts)), StringAttr());
    y = build<PadOp>(rewriter, node, *y, paddings, i64(rewriter, 0),
                     f64(rewriter, 0));
  }
  return replace(rewriter, node, y);
}

/// RoiAlign (avg mode, a given sampling_ratio; static NCHW input, R rois)
/// as ONNX's reference computes it: per roi the box scaled by
/// spatial_scale (half_pixel: shifted by -0.5; output_half_pixel: at least
/// one pixel wide and high), per output bin sampling_ratio^2 points at
/// the centers of a regular grid, each the bilinear interpolation of its
/// four neighbours (a point more than one pixel outside the image counts
/// 0; one below 0 is clamped to 0, one at or past the last row or column
/// reads the last), averaged. Every (sample, corner) is one gather of
/// [R, oh, ow, C] rows from the NHWC input.
static RuleResult roiAlign(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0), rois = node.inputType(1),
                   batch = node.inputType(2);
  if (!x || !rois || !batch || !x.hasStaticShape() || x.getRank() != 4 ||
      !rois.hasStaticShape() || rois.getRank() != 2 ||
      rois.getDimSize(1) != 4 || rois.getElementType() != x.getElementType())
    return RuleResult::NotApplicable;
  auto elem = dyn_cast<FloatType>(x.getElementType());
  FailureOr<StringRef> mode = node.getString("mode", "avg");
  FailureOr<StringRef> coord =
      node.getString("coordinate_transformation_mode", "half_pixel");
  FailureOr<int64_t> oh = node.getInt("output_height", 1);
  FailureOr<int64_t> ow = node.getInt("output_width", 1);
  FailureOr<int64_t> ratio = node.getInt("sampling_ratio", 0);
  FailureOr<double> scale = node.getFloat("spatial_scale", 1.0);
  if (failed(mode) || failed(coord) || failed(oh) || failed(ow) ||
      failed(ratio) || failed(scale))
    return RuleResult::Failed;
  // An adaptive sampling ratio (0) depends on each roi's size at run time.
  if (!elem || *mode != "avg" || *ratio <= 0 || *oh <= 0 || *ow <= 0 ||
      (*coord != "half_pixel" && *coord != "output_half_pixel"))
    return RuleResult::NotApplicable;
  bool halfPixel = *coord == "half_pixel";
  int64_t C = x.getDimSize(1), H = x.getDimSize(2), W = x.getDimSize(3),
          R = rois.getDimSize(0);
  Location loc = node.loc;
  Type i64Type = rewriter.getI64Type();
  OpChain o{rewriter, node};
  auto f = [&](double v) { return scalarConstant(rewriter, loc, elem, v); };
  auto vec = [&](ArrayRef<int64_t> shape, int64_t count) {
    auto t = RankedTensorType::get(shape, elem);
    SmallVector<Attribute> values;
    for (int64_t i = 0; i < count; ++i)
      values.push_back(rewriter.getFloatAttr(elem, static_cast<double>(i)));
    return ConstantOp::create(rewriter, loc, t,
                              DenseElementsAttr::get(t, values), StringAttr());
  };
  // Per roi [R, 1, 1]: start and bin size along y and x.
  auto coordOf = [&](int64_t k) {
    return o.reshaped(
        o.mul(o.op<GatherOp>(node.input(1), o.index(k), i64(rewriter, 1)),
              f(*scale)),
        {R, 1, 1});
  };
  Value offset = f(halfPixel ? 0.5 : 0.0);
  Value x0 = o.sub(coordOf(0), offset), y0 = o.sub(coordOf(1), offset);
  Value x1 = o.sub(coordOf(2), offset), y1 = o.sub(coordOf(3), offset);
  Value roiW = o.sub(x1, x0), roiH = o.sub(y1, y0);
  if (!halfPixel) {
    roiW = o.op<MaximumOp>(roiW, f(1));
    roiH = o.op<MaximumOp>(roiH, f(1));
  }
  Value binH = o.mul(roiH, f(1.0 / *oh)), binW = o.mul(roiW, f(1.0 / *ow));
  Value rowsIdx = vec({1, *oh, 1}, *oh), colsIdx = vec({1, 1, *ow}, *ow);
  // Rows of the NHWC input by flat position b H W + y W + x.
  Value table = o.op<PermuteOp>(node.input(0),
                                rewriter.getDenseI64ArrayAttr({0, 2, 3, 1}));
  table = o.reshaped(table, {x.getDimSize(0) * H * W, C});
  Value base = o.op<CastOp>(node.input(2), TypeAttr::get(i64Type));
  base = o.reshaped(o.mul(base, o.index(H * W)), {R, 1, 1});
  // One axis of a sample: its coordinate, the low and high neighbours and
  // their weights, and whether it is inside (-1, L].
  struct Axis {
    Value low, high, wLow, wHigh, inside;
  };
  auto axisOf = [&](Value start, Value bin, Value idx, int64_t k, int64_t L) {
    Value v = o.add(o.add(start, o.mul(idx, bin)),
                    o.mul(bin, f((k + 0.5) / static_cast<double>(*ratio))));
    Value inside = o.op<BooleanAndOp>(o.op<GreaterEqualOp>(v, f(-1.0)),
                                      o.op<LessEqualOp>(v, f(L)));
    v = o.op<MaximumOp>(v, f(0));
    Value low = o.op<FloorOp>(v);
    Value last = o.op<GreaterEqualOp>(low, f(L - 1));
    low = o.op<MinimumOp>(low, f(L - 1));
    v = o.op<SelectOp>(last, low, v);
    Value high = o.op<MinimumOp>(o.add(low, f(1)), f(L - 1));
    Value t = o.sub(v, low);
    return Axis{o.op<CastOp>(low, TypeAttr::get(i64Type)),
                o.op<CastOp>(high, TypeAttr::get(i64Type)), o.sub(f(1), t), t,
                o.op<CastOp>(inside, TypeAttr::get(elem))};
  };
  Value sum;
  for (int64_t iy = 0; iy < *ratio; ++iy) {
    Axis ay = axisOf(y0, binH, rowsIdx, iy, H);
    for (int64_t ix = 0; ix < *ratio; ++ix) {
      Axis ax = axisOf(x0, binW, colsIdx, ix, W);
      Value mask = o.mul(ay.inside, ax.inside);
      for (auto [yi, wy] :
           {std::pair{ay.low, ay.wLow}, std::pair{ay.high, ay.wHigh}})
        for (auto [xi, wx] :
             {std::pair{ax.low, ax.wLow}, std::pair{ax.high, ax.wHigh}}) {
          Value flat =
              o.add(o.add(o.mul(yi, o.index(W)), xi), base); // [R, oh, ow]
          Value picked = o.op<GatherOp>(table, flat, i64(rewriter, 0));
          Value w = o.reshaped(o.mul(o.mul(wy, wx), mask), {R, *oh, *ow, 1});
          Value term = o.mul(picked, w);
          sum = sum ? o.add(sum, term) : term;
        }
    }
  }
  Value y = o.mul(sum, f(1.0 / static_cast<double>(*ratio * *ratio)));
  y = o.op<PermuteOp>(y, rewriter.getDenseI64ArrayAttr({0, 3, 1, 2}));
  if (!o.ok)
    return RuleResult::Failed;
  return node.replaceWith(rewriter, y);
}

/// Unique of a static input whose unique count the model declares (Y's
/// extent along the axis, or Y [k] without one), composed as a static graph
/// over the n slices along the axis (the elements without one), each
/// flattened to m values: two slices are equal when none of their values
/// differ; a slice is a first occurrence when no earlier one equals it; its
/// output position is the number of first occurrences before it
/// (sorted = 0) or lexicographically smaller (sorted = 1: smaller at the
/// first differing value). Y, indices and counts pick, for each position,
/// the one first occurrence there; inverse_indices the position of each
/// slice's first occurrence.
static RuleResult unique(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  auto declared = dyn_cast_or_null<RankedTensorType>(node.resultType(0));
  if (!x || !x.hasStaticShape() || x.getNumElements() == 0 || !declared ||
      !declared.hasStaticShape())
    return RuleResult::NotApplicable;
  FailureOr<int64_t> sorted = node.getInt("sorted", 1);
  if (failed(sorted))
    return RuleResult::Failed;
  int64_t rank = x.getRank();
  std::optional<int64_t> axis;
  if (node.hasAttr("axis")) {
    FailureOr<int64_t> a = node.getInt("axis", 0);
    if (failed(a))
      return RuleResult::Failed;
    axis = *a < 0 ? *a + rank : *a;
    if (*axis < 0 || *axis >= rank || declared.getRank() != rank)
      return RuleResult::NotApplicable;
  } else if (declared.getRank() != 1) {
    return RuleResult::NotApplicable;
  }
  int64_t n = axis ? x.getDimSize(*axis) : x.getNumElements();
  int64_t m = x.getNumElements() / n;
  int64_t k = declared.getDimSize(axis ? *axis : 0);
  if (k < 1 || k > n)
    return RuleResult::NotApplicable;
  Location loc = node.loc;
  Type i64Type = rewriter.getI64Type();
  OpChain o{rewriter, node};
  auto toInt = [&](Value b) { return o.op<CastOp>(b, TypeAttr::get(i64Type)); };
  auto sumOver = [&](Value v, int64_t d) {
    return o.op<ReduceSumOp>(v, rewriter.getDenseI64ArrayAttr({d}),
                             rewriter.getBoolAttr(false));
  };
  auto iota = [&](ArrayRef<int64_t> shape, int64_t count) {
    auto t = RankedTensorType::get(shape, i64Type);
    SmallVector<int64_t> values;
    for (int64_t i = 0; i < count; ++i)
      values.push_back(i);
    return ConstantOp::create(rewriter, loc, t,
                              DenseElementsAttr::get(t, ArrayRef(values)),
                              StringAttr());
  };
  // The slices as rows [n, m]: the axis moved first.
  SmallVector<int64_t> perm;
  Value rows = node.input(0);
  if (axis) {
    perm.push_back(*axis);
    for (int64_t d = 0; d < rank; ++d)
      if (d != *axis)
        perm.push_back(d);
    rows = o.op<PermuteOp>(rows, rewriter.getDenseI64ArrayAttr(perm));
  }
  rows = o.reshaped(rows, {n, m});
  Value si = o.reshaped(rows, {n, 1, m}), sj = o.reshaped(rows, {1, n, m});
  Value differ = o.op<NotEqualsOp>(si, sj); // [n, n, m]
  Value equal = toInt(o.op<EqualsOp>(sumOver(toInt(differ), 2),
                                     o.index(0))); // [n, n]
  Value rowIdx = iota({n, 1}, n), colIdx = iota({1, n}, n);
  Value earlier = toInt(o.op<LessOp>(colIdx, rowIdx));    // j < i
  Value prior = sumOver(o.mul(equal, earlier), 1);        // [n]
  Value first = toInt(o.op<EqualsOp>(prior, o.index(0))); // [n]
  Value counts = sumOver(equal, 1);                       // [n]
  Value firstRow = o.reshaped(first, {1, n});
  Value before = earlier;
  if (*sorted) {
    // Slice j before slice i: smaller at their first differing value.
    Value at = o.op<ArgMaxOp>(toInt(differ), rewriter.getDenseI64ArrayAttr({2}),
                              rewriter.getBoolAttr(true)); // [n, n, 1]
    Value onehot = toInt(o.op<EqualsOp>(iota({1, 1, m}, m), at));
    Value smaller = toInt(o.op<LessOp>(sj, si)); // [n, n, m]
    before =
        toInt(o.op<GreaterOp>(sumOver(o.mul(smaller, onehot), 2), o.index(0)));
  }
  Value pos = sumOver(o.mul(before, firstRow), 1); // [n]
  // select[p, i]: slice i is the first occurrence at output position p.
  Value posRow = o.reshaped(pos, {1, n});
  Value select = o.mul(toInt(o.op<EqualsOp>(iota({k, 1}, k), posRow)),
                       firstRow);            // [k, n]
  auto pick = [&](Value perSlice) -> Value { // [n] -> [k]
    Value bcast = o.mul(toInt(o.op<EqualsOp>(select, select)),
                        o.reshaped(perSlice, {1, n}));
    return sumOver(o.mul(select, bcast), 1);
  };
  // Y by a select (no arithmetic on the values: exact for any of them),
  // over [k, n, m]: the mask broadcast by adding integer zeros [1, 1, m].
  Type elem = x.getElementType();
  auto zType = RankedTensorType::get({1, 1, m}, i64Type);
  Value intZeros = ConstantOp::create(
      rewriter, loc, zType,
      DenseElementsAttr::get(zType, rewriter.getI64IntegerAttr(0)),
      StringAttr());
  Value mask3 = o.add(o.reshaped(select, {k, n, 1}), intZeros);
  Value zeros = o.op<CastOp>(o.mul(mask3, o.index(0)), TypeAttr::get(elem));
  Value picked =
      o.op<SelectOp>(o.op<CastOp>(mask3, TypeAttr::get(rewriter.getI1Type())),
                     o.add(zeros, o.reshaped(rows, {1, n, m})), zeros);
  Value y = sumOver(picked, 1); // [k, m]
  if (axis) {
    SmallVector<int64_t> moved = {k};
    for (int64_t d : ArrayRef(perm).drop_front())
      moved.push_back(x.getDimSize(d));
    y = o.reshaped(y, moved);
    SmallVector<int64_t> back(rank);
    for (auto [i, d] : llvm::enumerate(perm))
      back[d] = i;
    y = o.op<PermuteOp>(y, rewriter.getDenseI64ArrayAttr(back));
  } else {
    y = o.reshaped(y, {k});
  }
  Value indices = pick(o.reshaped(colIdx, {n}));
  Value uniqueCounts = pick(counts);
  // inverse[i] = pos of the first occurrence equal to slice i.
  Value inverse = sumOver(o.mul(o.mul(equal, firstRow), posRow), 1);
  if (!o.ok)
    return RuleResult::Failed;
  SmallVector<Value> outs = {y, indices, inverse, uniqueCounts};
  outs.resize(node.getNumResults());
  return node.replaceWith(rewriter, outs);
}

/// MaxPool whose Indices output is used (2-D, NCHW, static): the flat
/// index of each maximum in the input, `((n * C + c) * H + y) * W + x`, or
/// with storage_order 1 `((n * C + c) * W + x) * H + y`.
static RuleResult maxPoolWithIndices(ImportNode &node,
                                     PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  if (node.getNumResults() < 2 || !node.isResultUsed(1) || !x ||
      x.getRank() != 4 || !x.hasStaticShape())
    return RuleResult::NotApplicable;
  FailureOr<SmallVector<int64_t>> kernel = node.getInts("kernel_shape");
  FailureOr<SmallVector<int64_t>> strides =
      node.getInts("strides", ArrayRef<int64_t>{1, 1});
  FailureOr<SmallVector<int64_t>> dilations =
      node.getInts("dilations", ArrayRef<int64_t>{1, 1});
  FailureOr<SmallVector<int64_t>> pads =
      node.getInts("pads", ArrayRef<int64_t>{0, 0, 0, 0});
  FailureOr<StringRef> autoPad = node.getString("auto_pad", "NOTSET");
  FailureOr<int64_t> ceilMode = node.getInt("ceil_mode", 0);
  FailureOr<int64_t> storage = node.getInt("storage_order", 0);
  if (failed(kernel) || failed(strides) || failed(dilations) || failed(pads) ||
      failed(autoPad) || failed(ceilMode) || failed(storage))
    return RuleResult::Failed;
  if (kernel->size() != 2 || strides->size() != 2 || dilations->size() != 2 ||
      pads->size() != 4 || *ceilMode != 0 || *storage < 0 || *storage > 1)
    return RuleResult::NotApplicable;
  int64_t C = x.getDimSize(1), H = x.getDimSize(2), W = x.getDimSize(3);
  PoolGeometry g{(*kernel)[0],    (*kernel)[1],    (*strides)[0], (*strides)[1],
                 (*dilations)[0], (*dilations)[1], (*pads)[0],    (*pads)[1],
                 (*pads)[2],      (*pads)[3]};
  if (*autoPad == "SAME_UPPER" || *autoPad == "SAME_LOWER") {
    bool lower = *autoPad == "SAME_LOWER";
    std::tie(g.top, g.bottom) = samePadding(H, g.kH, g.sH, g.dH, lower);
    std::tie(g.left, g.right) = samePadding(W, g.kW, g.sW, g.dW, lower);
  } else if (*autoPad == "VALID") {
    g.top = g.left = g.bottom = g.right = 0;
  } else if (*autoPad != "NOTSET") {
    return RuleResult::NotApplicable;
  }
  FailureOr<Value> nhwc =
      build<PermuteOp>(rewriter, node, node.input(0),
                       rewriter.getDenseI64ArrayAttr({0, 2, 3, 1}));
  if (failed(nhwc))
    return RuleResult::Failed;
  SmallVector<int64_t> steps = {C * H * W, H * W, *storage ? 1 : W,
                                *storage ? H : 1};
  FailureOr<std::pair<Value, Value>> pooled = buildMaxPoolWithIndices(
      rewriter, node, *nhwc, g, steps, rewriter.getI64Type());
  if (failed(pooled))
    return RuleResult::Failed;
  auto back = rewriter.getDenseI64ArrayAttr({0, 3, 1, 2});
  FailureOr<Value> y = build<PermuteOp>(rewriter, node, pooled->first, back);
  FailureOr<Value> indices =
      build<PermuteOp>(rewriter, node, pooled->second, back);
  if (failed(y) || failed(indices))
    return RuleResult::Failed;
  return node.replaceWith(rewriter, ValueRange{*y, *indices});
}

void mlir::nd4j::onnx_rules::registerOnnxNNRules(const AddRuleFn &add) {
  add("MaxPool", maxPoolWithIndices);
  add("GridSample", gridSample);
  add("DFT", dft);
  add("STFT", stft);
  add("STFT", stftRuntime);
  add("MelWeightMatrix", melWeightMatrix);
  add("MaxUnpool", maxUnpool);
  add("RoiAlign", roiAlign);
  add("Unique", unique);
  add("HardSigmoid", hardSigmoidRule);
  add("HardSwish", hardSwish);
  add("Selu", selu);
  add("Celu", celu);
  add("Shrink", shrink);
  add("PRelu", prelu);
  add("GlobalAveragePool", globalPool<ReduceMeanOp>);
  add("GlobalMaxPool", globalPool<ReduceMaxOp>);
  add("MeanVarianceNormalization", meanVarianceNorm);
  add("DepthToSpace", depthToSpaceCRD);
  add("Dropout", dropoutWithMask);
  add("ConvTranspose", convTranspose);
  add("Conv", groupedConv);
  add("LRN", lrn);
  add("SpaceToDepth", spaceToDepth);
  add("Resize", resize);
  add("Upsample", resize);
  add("Resize", resizeComposed);
  add("Upsample", resizeComposed);
}
