//===- ConvLowering.cpp - conv libnd4j ops ---------------------*- C++ -*-===//
//
// Convolutions (conv2d, conv3dnew, depthwise_conv2d), transposed
// convolutions (deconv2d, deconv3d) and pooling (maxpool2d, avgpool2d,
// maxpool3dnew, avgpool3dnew). Each becomes the named linalg convolution or
// pooling op that the tiling and vectorization stage targets, on an input
// padded by tensor.pad, with the bias added by a broadcasting generic that
// fuses with it. libnd4j pads symmetrically by pH, or in SAME mode by
// calcPadding's amount with the odd row at the end; the padding here is
// derived from the node's result extent, so both come out of one formula.
// A transposed convolution is the convolution of the zero-dilated input
// (inserted with a strided tensor.insert_slice) with the flipped kernel.
//
//===----------------------------------------------------------------------===//

#include "passes/Conversion/ExecToLinalg/ExecLowering.h"

#include <limits>

using namespace mlir;
using namespace mlir::nd4j;

namespace {

/// The window of one spatial dimension: kernel, stride, dilation and the
/// padding before and after the input.
struct Window {
  SmallVector<int64_t, 3> k, s, d, lo, hi;
  int64_t effective(unsigned i) const { return d[i] * (k[i] - 1) + 1; }
};

/// Reads the window slots of a `rank`-D op laid out as libnd4j's:
/// k[rank], s[rank], p[rank], d[rank], then isSameMode. The kernel comes
/// from `kernel` where the op takes it from its weights. Padding follows
/// from the input and result extents: libnd4j's shape functions fix the
/// result, and SAME mode pads ((out - 1) * s + eK - in) / 2 at the start.
LogicalResult bindWindow(ExecLowering &l, unsigned rank,
                         ArrayRef<int64_t> inSpatial,
                         ArrayRef<int64_t> outSpatial, Window &w,
                         ArrayRef<int64_t> kernel = {}) {
  bool same = l.iArg(4 * rank, 0) == 1;
  if (l.iArg(4 * rank, 0) > 1)
    return l.emitError("padding mode ")
           << l.iArg(4 * rank, 0) << " (causal) is not supported";
  for (unsigned i = 0; i < rank; ++i) {
    int64_t k = kernel.empty() ? l.iArg(i, 0) : kernel[i];
    int64_t s = l.iArg(rank + i, 1), p = l.iArg(2 * rank + i, 0),
            d = l.iArg(3 * rank + i, 1);
    if (k <= 0 || s <= 0 || d <= 0 || p < 0)
      return l.emitError("kernel, stride and dilation must be positive and "
                         "padding non-negative");
    w.k.push_back(k), w.s.push_back(s), w.d.push_back(d);
    int64_t total = (outSpatial[i] - 1) * s + w.effective(i) - inSpatial[i];
    int64_t lo = same ? std::max<int64_t>(0, total / 2) : p;
    w.lo.push_back(lo);
    w.hi.push_back(std::max<int64_t>(0, total - lo));
  }
  return success();
}

Value transpose(OpBuilder &b, Location loc, Value v, ArrayRef<int64_t> perm) {
  auto type = cast<RankedTensorType>(v.getType());
  SmallVector<int64_t> shape;
  for (int64_t p : perm)
    shape.push_back(type.getDimSize(p));
  Value init = createEmpty(b, loc, type.clone(shape));
  return linalg::TransposeOp::create(b, loc, v, init, perm).getResult()[0];
}

SmallVector<int64_t> inversePerm(ArrayRef<int64_t> perm) {
  SmallVector<int64_t> inv(perm.size());
  for (auto [i, p] : llvm::enumerate(perm))
    inv[p] = i;
  return inv;
}

/// Channels-last [N, spatial..., C] ↔ channels-first [N, C, spatial...].
SmallVector<int64_t> toChannelsFirst(unsigned rank) {
  SmallVector<int64_t> perm = {0, rank + 1};
  for (unsigned i = 0; i < rank; ++i)
    perm.push_back(1 + i);
  return perm;
}

Value filled(OpBuilder &b, Location loc, RankedTensorType type, Value v) {
  return linalg::FillOp::create(b, loc, v, createEmpty(b, loc, type))
      .getResult(0);
}

/// `x` placed into a tensor of `shape` filled with `value`: along
/// dimension `first + i`, element j of `x` lands at lo[i] + j * step[i].
/// Padding (step 1) and a transposed convolution's spread input (step =
/// stride) alike. A gather-style generic rather than tensor.pad or a
/// (strided) insert_slice: those bufferize to a strided memref.copy, which
/// the CPU pipeline lowers to a call into MLIR's runtime library that
/// compiled models do not link.
Value placeInto(OpBuilder &b, Location loc, Value x, unsigned first,
                ArrayRef<int64_t> lo, ArrayRef<int64_t> step,
                ArrayRef<int64_t> shape, Value value) {
  auto type = cast<RankedTensorType>(x.getType());
  if (llvm::all_of(lo, [](int64_t v) { return v == 0; }) &&
      llvm::all_of(step, [](int64_t v) { return v == 1; }) &&
      type.getShape() == shape)
    return x;
  auto outType = type.clone(shape);
  unsigned rank = type.getRank();
  MLIRContext *ctx = b.getContext();
  SmallVector<AffineMap> maps = {AffineMap::getMultiDimIdentityMap(rank, ctx)};
  SmallVector<utils::IteratorType> iters(rank, utils::IteratorType::parallel);
  // Only the dimensions outside the window may be dynamic (the lowering
  // table allows the batch alone); they keep x's sizes.
  return linalg::GenericOp::create(
             b, loc, outType, ValueRange{},
             createEmptySizedLike(b, loc, outType, x), maps, iters,
             [&](OpBuilder &nb, Location nl, ValueRange) {
               auto idx = [&](int64_t v) {
                 return arith::ConstantIndexOp::create(nb, nl, v);
               };
               Value inside;
               SmallVector<Value> at;
               for (unsigned d = 0; d < rank; ++d) {
                 Value i = linalg::IndexOp::create(nb, nl, d);
                 if (d < first || d >= first + lo.size()) {
                   at.push_back(i);
                   continue;
                 }
                 int64_t l = lo[d - first], s = step[d - first],
                         n = type.getDimSize(d);
                 // j = i - lo; inside when 0 <= j < (n - 1) * s + 1 and
                 // s divides j. Unsigned compare covers j < 0.
                 Value j = arith::SubIOp::create(nb, nl, i, idx(l));
                 Value ok =
                     arith::CmpIOp::create(nb, nl, arith::CmpIPredicate::ult, j,
                                           idx((n - 1) * s + 1));
                 Value src = j;
                 if (s != 1) {
                   Value rem = arith::RemSIOp::create(nb, nl, j, idx(s));
                   ok = arith::AndIOp::create(
                       nb, nl, ok,
                       arith::CmpIOp::create(nb, nl, arith::CmpIPredicate::eq,
                                             rem, idx(0)));
                   src = arith::DivSIOp::create(nb, nl, j, idx(s));
                 }
                 // Clamped, so the read stays in bounds where it is unused.
                 src = arith::MaxSIOp::create(nb, nl, src, idx(0));
                 src = arith::MinSIOp::create(nb, nl, src, idx(n - 1));
                 at.push_back(src);
                 inside =
                     inside
                         ? arith::AndIOp::create(nb, nl, inside, ok).getResult()
                         : ok;
               }
               Value v = tensor::ExtractOp::create(nb, nl, x, at);
               Value r = inside
                             ? arith::SelectOp::create(nb, nl, inside, v, value)
                                   .getResult()
                             : v;
               linalg::YieldOp::create(nb, nl, r);
             })
      .getResult(0);
}

/// `x` padded with `value` by lo/hi at dimensions `first`, `first + 1`, ...
Value padSpatial(OpBuilder &b, Location loc, Value x, unsigned first,
                 ArrayRef<int64_t> lo, ArrayRef<int64_t> hi, Value value) {
  auto type = cast<RankedTensorType>(x.getType());
  SmallVector<int64_t> shape(type.getShape()), ones(lo.size(), 1);
  for (auto [i, v] : llvm::enumerate(lo))
    shape[first + i] += v + hi[i];
  return placeInto(b, loc, x, first, lo, ones, shape, value);
}

/// The lowest value of a float or signed integer type: signed max pooling's
/// padding and starting value.
Value lowest(OpBuilder &b, Location loc, Type type) {
  if (auto f = dyn_cast<FloatType>(type))
    return arith::ConstantOp::create(
        b, loc,
        b.getFloatAttr(type, APFloat::getInf(f.getFloatSemantics(), true)));
  return arith::ConstantOp::create(
      b, loc,
      b.getIntegerAttr(type,
                       APInt::getSignedMinValue(type.getIntOrFloatBitWidth())));
}

/// `y` plus `bias` (C elements) along the channels, dimension `channelDim`.
Value addBias(OpBuilder &b, Location loc, Value y, Value bias,
              unsigned channelDim = 1) {
  auto type = cast<RankedTensorType>(y.getType());
  auto biasType = cast<RankedTensorType>(bias.getType());
  MLIRContext *ctx = b.getContext();
  unsigned rank = type.getRank();
  if (biasType.getRank() != 1) {
    SmallVector<ReassociationIndices> all(1);
    for (int64_t i = 0; i < biasType.getRank(); ++i)
      all[0].push_back(i);
    bias = tensor::CollapseShapeOp::create(
        b, loc, biasType.clone({biasType.getNumElements()}), bias, all);
  }
  SmallVector<AffineMap> maps = {
      AffineMap::getMultiDimIdentityMap(rank, ctx),
      AffineMap::get(rank, 0, getAffineDimExpr(channelDim, ctx)),
      AffineMap::getMultiDimIdentityMap(rank, ctx)};
  SmallVector<utils::IteratorType> iters(rank, utils::IteratorType::parallel);
  bool isFloat = isa<FloatType>(type.getElementType());
  return linalg::GenericOp::create(
             b, loc, type, ValueRange{y, bias}, createEmpty(b, loc, type), maps,
             iters,
             [&](OpBuilder &nb, Location nl, ValueRange a) {
               Value bv = convertScalar(nb, nl, a[1], type.getElementType());
               Value r =
                   isFloat
                       ? arith::AddFOp::create(nb, nl, a[0], bv).getResult()
                       : arith::AddIOp::create(nb, nl, a[0], bv).getResult();
               linalg::YieldOp::create(nb, nl, r);
             })
      .getResult(0);
}

/// Checks the element types the named ops compute in: input, weights and
/// result alike.
LogicalResult checkTypes(ExecLowering &l, unsigned numTensors,
                         bool allowInt = false) {
  Type elem = l.resultType().getElementType();
  for (unsigned i = 0; i < numTensors; ++i)
    if (l.inputType(i).getElementType() != elem)
      return l.emitError("input ")
             << i << " of type " << l.inputType(i)
             << " differs from the result's element type " << elem;
  if (!isa<FloatType>(elem) && !(allowInt && isa<IntegerType>(elem)))
    return l.emitError("only float element types are supported, got ") << elem;
  return success();
}

/// The input in channels-first layout and whether it was channels-last
/// (the result goes back then). `formatSlot` holds libnd4j's isNCHW flag,
/// 0 meaning channels first.
Value channelsFirstInput(ExecLowering &l, unsigned rank, unsigned formatSlot,
                         bool &channelsLast) {
  channelsLast = l.iArg(formatSlot, 0) != 0;
  Value x = l.input(0);
  if (channelsLast)
    x = transpose(l.b, l.loc, x, toChannelsFirst(rank));
  return x;
}

/// The node's result shape in channels-first layout.
RankedTensorType channelsFirstResult(ExecLowering &l, unsigned rank,
                                     bool channelsLast) {
  RankedTensorType type = l.resultType();
  if (!channelsLast)
    return type;
  SmallVector<int64_t> shape;
  for (int64_t p : toChannelsFirst(rank))
    shape.push_back(type.getDimSize(p));
  return type.clone(shape);
}

Value finish(ExecLowering &l, unsigned rank, bool channelsLast, Value y) {
  if (channelsLast)
    y = transpose(l.b, l.loc, y, inversePerm(toChannelsFirst(rank)));
  return y;
}

//===----------------------------------------------------------------------===//
// Convolution
//===----------------------------------------------------------------------===//

/// conv2d (i_args kH kW sH sW pH pW dH dW isSameMode isNCHW wFormat) and
/// conv3dnew (kD kH kW sD sH sW pD pH pW dD dH dW paddingMode isNCDHW, no
/// wFormat slot: always 0). Weights [k..., iC, oC] (wFormat 0),
/// [oC, iC, k...] (1) or [oC, k..., iC] (2) become linalg's [oC, iC, k...].
ExecLowerFn lowerConv(unsigned rank) {
  return [rank](ExecLowering &l,
                SmallVectorImpl<Value> &results) -> LogicalResult {
    if (l.numInputs() < 2)
      return l.emitError("needs input and weights");
    if (failed(checkTypes(l, 2)))
      return failure();
    OpBuilder &b = l.b;
    Location loc = l.loc;
    unsigned formatSlot = 4 * rank + 1;
    bool channelsLast;
    Value x = channelsFirstInput(l, rank, formatSlot, channelsLast);
    RankedTensorType outType = channelsFirstResult(l, rank, channelsLast);
    auto xType = cast<RankedTensorType>(x.getType());
    if (xType.getRank() != rank + 2 || l.inputType(1).getRank() != rank + 2)
      return l.emitError("input and weights must have rank ") << rank + 2;

    int64_t wFormat = l.iArg(formatSlot + 1, 0);
    SmallVector<int64_t> perm;
    if (wFormat == 0) {
      perm = {rank + 1, rank};
      for (unsigned i = 0; i < rank; ++i)
        perm.push_back(i);
    } else if (wFormat == 1) {
      for (unsigned i = 0; i < rank + 2; ++i)
        perm.push_back(i);
    } else if (wFormat == 2) {
      perm = {0, rank + 1};
      for (unsigned i = 0; i < rank; ++i)
        perm.push_back(1 + i);
    } else {
      return l.emitError("unknown weights format ") << wFormat;
    }
    Value w = l.input(1);
    if (wFormat != 1)
      w = transpose(b, loc, w, perm);
    auto wType = cast<RankedTensorType>(w.getType());
    if (wType.getDimSize(1) != xType.getDimSize(1) ||
        wType.getDimSize(0) != outType.getDimSize(1))
      return l.emitError("weights ")
             << l.inputType(1) << " do not match input " << l.inputType(0)
             << " and result " << l.resultType();

    Window win;
    if (failed(bindWindow(l, rank, xType.getShape().drop_front(2),
                          outType.getShape().drop_front(2), win,
                          wType.getShape().drop_front(2))))
      return failure();
    Type elem = outType.getElementType();
    Value zero = createScalar(b, loc, elem, 0);
    x = padSpatial(b, loc, x, 2, win.lo, win.hi, zero);
    Value init = filled(b, loc, outType, zero);
    Attribute strides = b.getI64VectorAttr(win.s),
              dilations = b.getI64VectorAttr(win.d);
    Value y = rank == 2
                  ? linalg::Conv2DNchwFchwOp::create(b, loc, TypeRange{outType},
                                                     ValueRange{x, w}, init,
                                                     strides, dilations)
                        .getResult(0)
                  : linalg::Conv3DNcdhwFcdhwOp::create(
                        b, loc, TypeRange{outType}, ValueRange{x, w}, init,
                        strides, dilations)
                        .getResult(0);
    if (l.numInputs() > 2)
      y = addBias(b, loc, y, l.input(2));
    results.push_back(finish(l, rank, channelsLast, y));
    return success();
  };
}

/// depthwise_conv2d (i_args as conv2d's, less wFormat): weights [kH, kW, iC,
/// m], output channel c * m + j. linalg's multiplier form is channels-last, so
/// the input is transposed there and the result back.
LogicalResult lowerDepthwise(ExecLowering &l, SmallVectorImpl<Value> &results) {
  if (l.numInputs() < 2)
    return l.emitError("needs input and weights");
  if (failed(checkTypes(l, 2)))
    return failure();
  OpBuilder &b = l.b;
  Location loc = l.loc;
  RankedTensorType type = l.resultType();
  bool channelsLast = l.iArg(9, 0) != 0;
  Value x = l.input(0);
  if (!channelsLast)
    x = transpose(b, loc, x, inversePerm(toChannelsFirst(2)));
  auto xType = cast<RankedTensorType>(x.getType());
  RankedTensorType wType = l.inputType(1);
  if (xType.getRank() != 4 || wType.getRank() != 4 ||
      wType.getDimSize(2) != xType.getDimSize(3))
    return l.emitError("weights ")
           << wType << " do not match input " << l.inputType(0);
  int64_t c = xType.getDimSize(3), m = wType.getDimSize(3);
  SmallVector<int64_t> nhwc(type.getShape());
  if (!channelsLast)
    nhwc = {type.getDimSize(0), type.getDimSize(2), type.getDimSize(3),
            type.getDimSize(1)};
  if (nhwc[3] != c * m)
    return l.emitError("result ")
           << type << " does not have " << c * m << " channels";
  Window win;
  if (failed(bindWindow(l, 2, xType.getShape().slice(1, 2),
                        ArrayRef<int64_t>(nhwc).slice(1, 2), win,
                        wType.getShape().take_front(2))))
    return failure();
  Type elem = type.getElementType();
  Value zero = createScalar(b, loc, elem, 0);
  x = padSpatial(b, loc, x, 1, win.lo, win.hi, zero);
  auto outType = RankedTensorType::get({nhwc[0], nhwc[1], nhwc[2], c, m}, elem);
  Value y = linalg::DepthwiseConv2DNhwcHwcmOp::create(
                b, loc, TypeRange{outType}, ValueRange{x, l.input(1)},
                filled(b, loc, outType, zero), b.getI64VectorAttr(win.s),
                b.getI64VectorAttr(win.d))
                .getResult(0);
  y = tensor::CollapseShapeOp::create(
      b, loc, type.clone(nhwc), y,
      SmallVector<ReassociationIndices>{{0}, {1}, {2}, {3, 4}});
  if (l.numInputs() > 2)
    y = addBias(b, loc, y, l.input(2), /*channelDim=*/3);
  if (!channelsLast)
    y = transpose(b, loc, y, toChannelsFirst(2));
  results.push_back(y);
  return success();
}

/// deconv2d (i_args kH kW sH sW pH pW dH dW isSameMode isNCHW) and deconv3d
/// (the 3-D slots likewise), weights [k..., oC, iC] (their descriptors have
/// no weights-format slot). The transposed convolution is the convolution
/// with stride 1 of the input spread out by the stride (zeros between) and
/// padded by eK - 1 - p, with the kernel flipped and its channels swapped;
/// one generic builds that kernel, one gather generic the input.
ExecLowerFn lowerDeconv(unsigned rank) {
  return [rank](ExecLowering &l,
                SmallVectorImpl<Value> &results) -> LogicalResult {
    if (l.numInputs() < 2)
      return l.emitError("needs input and weights");
    if (failed(checkTypes(l, 2)))
      return failure();
    OpBuilder &b = l.b;
    Location loc = l.loc;
    MLIRContext *ctx = b.getContext();
    unsigned formatSlot = 4 * rank + 1;
    bool channelsLast;
    Value x = channelsFirstInput(l, rank, formatSlot, channelsLast);
    RankedTensorType outType = channelsFirstResult(l, rank, channelsLast);
    auto xType = cast<RankedTensorType>(x.getType());
    RankedTensorType wType = l.inputType(1);
    if (xType.getRank() != rank + 2 || wType.getRank() != rank + 2)
      return l.emitError("input and weights must have rank ") << rank + 2;
    int64_t iC = xType.getDimSize(1), oC = outType.getDimSize(1);
    ArrayRef<int64_t> kernel = wType.getShape().take_front(rank);
    if (wType.getDimSize(rank + 1) != iC || wType.getDimSize(rank) != oC)
      return l.emitError("weights ")
             << wType << " do not match input " << l.inputType(0)
             << " and result " << l.resultType();
    Type elem = outType.getElementType();

    // The flipped kernel [oC, iC, k...].
    SmallVector<AffineExpr> flipped;
    for (unsigned i = 0; i < rank; ++i)
      flipped.push_back(kernel[i] - 1 - getAffineDimExpr(2 + i, ctx));
    SmallVector<AffineExpr> src(flipped);
    src.append({getAffineDimExpr(0, ctx), getAffineDimExpr(1, ctx)});
    SmallVector<int64_t> fShape = {oC, iC};
    fShape.append(kernel.begin(), kernel.end());
    auto fType = RankedTensorType::get(fShape, elem);
    SmallVector<AffineMap> maps = {
        AffineMap::get(rank + 2, 0, src, ctx),
        AffineMap::getMultiDimIdentityMap(rank + 2, ctx)};
    SmallVector<utils::IteratorType> iters(rank + 2,
                                           utils::IteratorType::parallel);
    Value w =
        linalg::GenericOp::create(b, loc, fType, l.input(1),
                                  createEmpty(b, loc, fType), maps, iters,
                                  [](OpBuilder &nb, Location nl, ValueRange a) {
                                    linalg::YieldOp::create(nb, nl, a[0]);
                                  })
            .getResult(0);

    // The spread, padded input: out + eK - 1 long, the input every s from
    // eK - 1 - pBegin on. SAME mode crops calcPadding's amount with the
    // roles of input and output swapped, as libnd4j's deconv does.
    bool same = l.iArg(4 * rank, 0) != 0;
    SmallVector<int64_t> dShape = {xType.getDimSize(0), iC};
    SmallVector<int64_t> offsets = {0, 0}, strides = {1, 1}, d;
    for (unsigned i = 0; i < rank; ++i) {
      int64_t s = l.iArg(rank + i, 1), p = l.iArg(2 * rank + i, 0),
              di = l.iArg(3 * rank + i, 1);
      if (s <= 0 || di <= 0 || p < 0)
        return l.emitError("stride and dilation must be positive and padding "
                           "non-negative");
      int64_t in = xType.getDimSize(2 + i), out = outType.getDimSize(2 + i);
      int64_t eK = di * (kernel[i] - 1) + 1;
      if (same)
        p = std::max<int64_t>(0, ((in - 1) * s + eK - out) / 2);
      int64_t len = out + eK - 1, lo = eK - 1 - p;
      if (lo < 0 || lo + (in - 1) * s + 1 > len)
        return l.emitError("padding ")
               << p << " crops more than the kernel extent " << eK;
      dShape.push_back(len);
      offsets.push_back(lo);
      strides.push_back(s);
      d.push_back(di);
    }
    Value zero = createScalar(b, loc, elem, 0);
    Value spread =
        placeInto(b, loc, x, 2, ArrayRef<int64_t>(offsets).drop_front(2),
                  ArrayRef<int64_t>(strides).drop_front(2), dShape, zero);
    SmallVector<int64_t> ones(rank, 1);
    Value init = filled(b, loc, outType, zero);
    Attribute stridesAttr = b.getI64VectorAttr(ones),
              dilations = b.getI64VectorAttr(d);
    Value y =
        rank == 2
            ? linalg::Conv2DNchwFchwOp::create(b, loc, TypeRange{outType},
                                               ValueRange{spread, w}, init,
                                               stridesAttr, dilations)
                  .getResult(0)
            : linalg::Conv3DNcdhwFcdhwOp::create(b, loc, TypeRange{outType},
                                                 ValueRange{spread, w}, init,
                                                 stridesAttr, dilations)
                  .getResult(0);
    if (l.numInputs() > 2)
      y = addBias(b, loc, y, l.input(2));
    results.push_back(finish(l, rank, channelsLast, y));
    return success();
  };
}

//===----------------------------------------------------------------------===//
// Pooling
//===----------------------------------------------------------------------===//

/// How many of the window's taps at output positions 0..out-1 fall inside
/// the input, as libnd4j's avgpool counts them when padding is excluded.
SmallVector<int64_t> insideCounts(int64_t in, int64_t out, int64_t k, int64_t s,
                                  int64_t d, int64_t lo) {
  SmallVector<int64_t> counts;
  for (int64_t o = 0; o < out; ++o) {
    int64_t n = 0;
    for (int64_t t = 0; t < k; ++t) {
      int64_t pos = o * s - lo + t * d;
      n += pos >= 0 && pos < in;
    }
    counts.push_back(n);
  }
  return counts;
}

/// maxpool2d/avgpool2d (i_args kH kW sH sW pH pW dH dW isSameMode
/// extraParam0 isNCHW) and maxpool3dnew/avgpool3dnew (the 3-D slots
/// likewise). 2-D pools channels-first; linalg's 3-D pools are
/// channels-last only. An average sums and divides by the kernel size
/// (extraParam0 1: padding counts) or by the taps inside the input (0).
ExecLowerFn lowerPool(unsigned rank, bool isMax) {
  return [rank, isMax](ExecLowering &l,
                       SmallVectorImpl<Value> &results) -> LogicalResult {
    if (l.numInputs() < 1)
      return l.emitError("needs an input");
    if (failed(checkTypes(l, 1, /*allowInt=*/isMax)))
      return failure();
    OpBuilder &b = l.b;
    Location loc = l.loc;
    MLIRContext *ctx = b.getContext();
    RankedTensorType type = l.resultType();
    Type elem = type.getElementType();
    if (l.inputType(0).getRank() != rank + 2)
      return l.emitError("input must have rank ") << rank + 2;
    // The layout the named op wants: first for 2-D, last for 3-D.
    bool inLast = l.iArg(4 * rank + 2, 0) != 0;
    bool isUnsigned = l.isUnsignedResult();
    if (isUnsigned && rank == 3)
      return l.emitError("unsigned 3-D max pooling is not supported");
    // linalg's unsigned max pool is channels-last only.
    bool wantLast = rank == 3 || isUnsigned;
    Value x = l.input(0);
    SmallVector<int64_t> toFirst = toChannelsFirst(rank),
                         toLast = inversePerm(toChannelsFirst(rank));
    if (inLast != wantLast)
      x = transpose(b, loc, x, wantLast ? toLast : toFirst);
    SmallVector<int64_t> outShape(type.getShape());
    if (inLast != wantLast) {
      outShape.clear();
      for (int64_t p : wantLast ? toLast : toFirst)
        outShape.push_back(type.getDimSize(p));
    }
    auto outType = type.clone(outShape);
    auto xType = cast<RankedTensorType>(x.getType());
    unsigned first = wantLast ? 1 : 2;
    ArrayRef<int64_t> inSpatial = xType.getShape().slice(first, rank),
                      outSpatial = outType.getShape().slice(first, rank);
    Window win;
    if (failed(bindWindow(l, rank, inSpatial, outSpatial, win)))
      return failure();
    int64_t extra = l.iArg(4 * rank + 1, 0);
    if (!isMax && extra != 0 && extra != 1)
      return l.emitError("extraParam0 must be 0 or 1, got ") << extra;

    Value padValue = isMax && !isUnsigned ? lowest(b, loc, elem)
                                          : createScalar(b, loc, elem, 0);
    x = padSpatial(b, loc, x, first, win.lo, win.hi, padValue);
    Value init = filled(b, loc, outType, padValue);
    Value window = tensor::EmptyOp::create(b, loc, win.k, elem);
    Attribute strides = b.getI64VectorAttr(win.s),
              dilations = b.getI64VectorAttr(win.d);
    SmallVector<Value> ins = {x, window};
    SmallVector<Type> res = {outType};
    Value y;
    if (isUnsigned)
      y = linalg::PoolingNhwcMaxUnsignedOp::create(b, loc, res, ins, init,
                                                   strides, dilations)
              .getResult(0);
    else if (rank == 2 && isMax)
      y = linalg::PoolingNchwMaxOp::create(b, loc, res, ins, init, strides,
                                           dilations)
              .getResult(0);
    else if (rank == 2)
      y = linalg::PoolingNchwSumOp::create(b, loc, res, ins, init, strides,
                                           dilations)
              .getResult(0);
    else if (isMax)
      y = linalg::PoolingNdhwcMaxOp::create(b, loc, res, ins, init, strides,
                                            dilations)
              .getResult(0);
    else
      y = linalg::PoolingNdhwcSumOp::create(b, loc, res, ins, init, strides,
                                            dilations)
              .getResult(0);

    if (!isMax) {
      // Divisors per spatial position: the kernel size, or the product of
      // the per-dimension counts of taps inside the input.
      int64_t kProd = 1;
      SmallVector<SmallVector<int64_t>> counts;
      bool partial = false;
      for (unsigned i = 0; i < rank; ++i) {
        kProd *= win.k[i];
        counts.push_back(insideCounts(inSpatial[i], outSpatial[i], win.k[i],
                                      win.s[i], win.d[i], win.lo[i]));
        partial |= llvm::any_of(counts.back(),
                                [&](int64_t c) { return c != win.k[i]; });
      }
      SmallVector<Value> operands = {y};
      unsigned outRank = rank + 2;
      SmallVector<AffineMap> maps = {
          AffineMap::getMultiDimIdentityMap(outRank, ctx)};
      if (extra == 0 && partial) {
        for (unsigned i = 0; i < rank; ++i) {
          SmallVector<double> values(counts[i].begin(), counts[i].end());
          auto cType = RankedTensorType::get({(int64_t)values.size()}, elem);
          SmallVector<Attribute> attrs;
          for (double v : values)
            attrs.push_back(b.getFloatAttr(elem, v));
          operands.push_back(arith::ConstantOp::create(
              b, loc, DenseElementsAttr::get(cType, attrs)));
          maps.push_back(
              AffineMap::get(outRank, 0, getAffineDimExpr(first + i, ctx)));
        }
      }
      maps.push_back(AffineMap::getMultiDimIdentityMap(outRank, ctx));
      SmallVector<utils::IteratorType> iters(outRank,
                                             utils::IteratorType::parallel);
      y = linalg::GenericOp::create(
              b, loc, outType, operands, createEmpty(b, loc, outType), maps,
              iters,
              [&](OpBuilder &nb, Location nl, ValueRange a) {
                Value divisor;
                if (a.size() == 2) {
                  divisor = createScalar(nb, nl, elem, kProd);
                } else {
                  divisor = a[1];
                  for (unsigned i = 1; i < rank; ++i)
                    divisor = arith::MulFOp::create(nb, nl, divisor, a[1 + i]);
                }
                Value r = arith::DivFOp::create(nb, nl, a[0], divisor);
                linalg::YieldOp::create(nb, nl, r);
              })
              .getResult(0);
    }
    if (inLast != wantLast)
      y = transpose(b, loc, y, wantLast ? toFirst : toLast);
    results.push_back(y);
    return success();
  };
}

} // namespace

void mlir::nd4j::populateExecToLinalgConv(ExecLoweringTable &table) {
  table.add("conv2d", lowerConv(2));
  table.add("conv3dnew", lowerConv(3));
  table.add("depthwise_conv2d", lowerDepthwise);
  table.add("deconv2d", lowerDeconv(2));
  table.add("deconv3d", lowerDeconv(3));
  table.add("maxpool2d", lowerPool(2, true));
  table.add("avgpool2d", lowerPool(2, false));
  table.add("maxpool3dnew", lowerPool(3, true));
  table.add("avgpool3dnew", lowerPool(3, false));
  for (StringRef name :
       {"conv2d", "conv3dnew", "depthwise_conv2d", "deconv2d", "deconv3d",
        "maxpool2d", "avgpool2d", "maxpool3dnew", "avgpool3dnew"})
    table.setDynamicReady(name, ExecLoweringTable::Dynamic::LeadingOnly);
}
