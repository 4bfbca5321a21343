//===- ResizeLowering.cpp - libnd4j image_resize → linalg -------*- C++ -*-===//
//
// `image_resize` of NHWC images: one parallel generic over the output whose
// body maps the output pixel to a source coordinate per spatial axis (the
// op's coordinate mode, `scale = in / out`) and reads the taps of the
// method (nearest: one, bilinear: 2x2, bicubic: 4x4) with `tensor.extract`.
// The output size is the result type's where static, else the run-time
// `newImageSize` values, so upsampling by sizes computed in the graph
// compiles with dynamic spatial dimensions.
//
//===----------------------------------------------------------------------===//

#include "passes/Conversion/ExecToLinalg/ExecLowering.h"

#include "mlir/Dialect/Math/IR/Math.h"
#include <array>

using namespace mlir;
using namespace mlir::nd4j;

namespace {

Value indexConst(OpBuilder &b, Location loc, int64_t v) {
  return arith::ConstantIndexOp::create(b, loc, v);
}

Value f32Const(OpBuilder &b, Location loc, double v) {
  return createScalar(b, loc, b.getF32Type(), v);
}

Value indexToF32(OpBuilder &b, Location loc, Value i) {
  Value i64 = arith::IndexCastOp::create(b, loc, b.getI64Type(), i);
  return arith::SIToFPOp::create(b, loc, b.getF32Type(), i64);
}

Value f32ToIndex(OpBuilder &b, Location loc, Value f) {
  Value i64 = arith::FPToSIOp::create(b, loc, b.getI64Type(), f);
  return arith::IndexCastOp::create(b, loc, b.getIndexType(), i64);
}

Value clampIndex(OpBuilder &b, Location loc, Value i, Value size) {
  Value zero = indexConst(b, loc, 0);
  Value last = arith::SubIOp::create(b, loc, size, indexConst(b, loc, 1));
  return arith::MinSIOp::create(b, loc, arith::MaxSIOp::create(b, loc, i, zero),
                                last);
}

/// One spatial axis of the resize: the input and output extents and the
/// coordinate mode.
struct Axis {
  Value in, out;     // index
  Value inF, scaleF; // f32: input extent, in / out
};

/// The source coordinate of output position `x` (index) on `axis`.
Value sourceCoordinate(OpBuilder &b, Location loc, const Axis &axis, Value x,
                       int64_t coorMode) {
  Value xf = indexToF32(b, loc, x);
  if (coorMode == 0) // asymmetric
    return arith::MulFOp::create(b, loc, xf, axis.scaleF);
  Value half = f32Const(b, loc, 0.5);
  Value centred = arith::MulFOp::create(
      b, loc, arith::AddFOp::create(b, loc, xf, half), axis.scaleF);
  if (coorMode == 2) // (x + 0.5) * scale
    return centred;
  return arith::SubFOp::create(b, loc, centred, half); // half-pixel
}

/// Rounds a source coordinate to a pixel as `nearestMode` says.
Value roundNearest(OpBuilder &b, Location loc, Value c, int64_t mode) {
  Value half = f32Const(b, loc, 0.5);
  switch (mode) {
  case 0:
    return math::FloorOp::create(b, loc, c);
  case 3:
    return math::CeilOp::create(b, loc, c);
  case 1: // round half down
    return math::CeilOp::create(b, loc, arith::SubFOp::create(b, loc, c, half));
  default: // round half up
    return math::FloorOp::create(b, loc,
                                 arith::AddFOp::create(b, loc, c, half));
  }
}

/// The cubic convolution kernel with coefficient `a` at distance `t`
/// (|t| < 2), as ONNX and libnd4j define it.
Value cubicWeight(OpBuilder &b, Location loc, Value t, double a) {
  Value at = math::AbsFOp::create(b, loc, t);
  Value a0 = f32Const(b, loc, a);
  Value one = f32Const(b, loc, 1), two = f32Const(b, loc, 2);
  Value at2 = arith::MulFOp::create(b, loc, at, at);
  Value at3 = arith::MulFOp::create(b, loc, at2, at);
  // |t| <= 1: (a + 2)|t|^3 - (a + 3)|t|^2 + 1
  Value inner = arith::AddFOp::create(
      b, loc,
      arith::SubFOp::create(
          b, loc, arith::MulFOp::create(b, loc, f32Const(b, loc, a + 2), at3),
          arith::MulFOp::create(b, loc, f32Const(b, loc, a + 3), at2)),
      one);
  // 1 < |t| < 2: a|t|^3 - 5a|t|^2 + 8a|t| - 4a
  Value outer = arith::SubFOp::create(
      b, loc,
      arith::AddFOp::create(
          b, loc,
          arith::SubFOp::create(
              b, loc, arith::MulFOp::create(b, loc, a0, at3),
              arith::MulFOp::create(b, loc, f32Const(b, loc, 5 * a), at2)),
          arith::MulFOp::create(b, loc, f32Const(b, loc, 8 * a), at)),
      f32Const(b, loc, 4 * a));
  Value isInner =
      arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLE, at, one);
  Value isOuter =
      arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT, at, two);
  Value zero = f32Const(b, loc, 0);
  return arith::SelectOp::create(
      b, loc, isInner, inner,
      arith::SelectOp::create(b, loc, isOuter, outer, zero));
}

LogicalResult lowerImageResize(ExecLowering &l,
                               SmallVectorImpl<Value> &results) {
  OpBuilder &b = l.b;
  Location loc = l.loc;
  RankedTensorType in = l.inputType(0), type = l.resultType();
  if (in.getRank() != 4 || type.getRank() != 4)
    return l.emitError("expected [N, H, W, C] images");
  int64_t method = l.iArg(0, 0), coorMode = l.iArg(1, 1),
          nearestMode = l.iArg(2, 1);
  double a = l.tArg(0, -0.75);
  bool excludeOutside = l.bArg(2, false);
  if (method < 0 || method > 2)
    return l.emitError("resize method ")
           << method << " is not supported (0 bilinear, 1 nearest, 2 bicubic)";
  if (coorMode < 0 || coorMode > 2)
    return l.emitError("coordinate mode ") << coorMode << " is not supported";
  if (l.bArg(0, false) || l.bArg(1, false))
    return l.emitError("preserveAspectRatio and antialias are not supported");
  if (method != 1 && !isa<FloatType>(type.getElementType()))
    return l.emitError("bilinear and bicubic resizing produce floats");

  Value x = l.input(0);
  // The output extents: static from the type, else newImageSize's values.
  SmallVector<Value> outDims(4);
  SmallVector<Value> dynamicSizes;
  for (int64_t d : {0, 3}) {
    if (type.isDynamicDim(d) != in.isDynamicDim(d) ||
        (!type.isDynamicDim(d) && type.getDimSize(d) != in.getDimSize(d)))
      return l.emitError("the batch and channel dimensions must be kept");
  }
  for (int64_t d = 0; d < 4; ++d) {
    if (!type.isDynamicDim(d)) {
      outDims[d] = indexConst(b, loc, type.getDimSize(d));
      continue;
    }
    if (d == 0 || d == 3) {
      outDims[d] = tensor::DimOp::create(b, loc, x, d);
    } else {
      RankedTensorType sizeType = l.inputType(1);
      if (sizeType.getRank() != 1 ||
          !isa<IntegerType>(sizeType.getElementType()))
        return l.emitError("newImageSize must be an integer vector");
      Value v = tensor::ExtractOp::create(
          b, loc, l.input(1), ValueRange{indexConst(b, loc, d - 1)});
      outDims[d] = arith::IndexCastOp::create(b, loc, b.getIndexType(), v);
    }
    dynamicSizes.push_back(outDims[d]);
  }
  Axis axes[2];
  for (int k = 0; k < 2; ++k) {
    Axis &axis = axes[k];
    axis.in = in.isDynamicDim(k + 1)
                  ? tensor::DimOp::create(b, loc, x, k + 1).getResult()
                  : indexConst(b, loc, in.getDimSize(k + 1));
    axis.out = outDims[k + 1];
    axis.inF = indexToF32(b, loc, axis.in);
    axis.scaleF =
        arith::DivFOp::create(b, loc, axis.inF, indexToF32(b, loc, axis.out));
  }

  Type elem = type.getElementType();
  Type inElem = in.getElementType();
  Value init =
      tensor::EmptyOp::create(b, loc, type.getShape(), elem, dynamicSizes);
  SmallVector<AffineMap> maps = {b.getMultiDimIdentityMap(4)};
  SmallVector<utils::IteratorType> iterators(4, utils::IteratorType::parallel);
  auto generic = linalg::GenericOp::create(
      b, loc, type, ValueRange{}, ValueRange{init}, maps, iterators,
      [&](OpBuilder &nb, Location nl, ValueRange) {
        Value n = linalg::IndexOp::create(nb, nl, 0);
        Value c = linalg::IndexOp::create(nb, nl, 3);
        Value pos[2] = {linalg::IndexOp::create(nb, nl, 1),
                        linalg::IndexOp::create(nb, nl, 2)};
        Value coord[2];
        for (int k = 0; k < 2; ++k)
          coord[k] = sourceCoordinate(nb, nl, axes[k], pos[k], coorMode);
        auto read = [&](Value h, Value w) -> Value {
          return tensor::ExtractOp::create(nb, nl, x, ValueRange{n, h, w, c});
        };
        auto toF32 = [&](Value v) {
          return convertScalar(nb, nl, v, nb.getF32Type(),
                               l.isUnsignedInput(0));
        };
        Value result;
        if (method == 1) {
          Value idx[2];
          for (int k = 0; k < 2; ++k)
            idx[k] = clampIndex(
                nb, nl,
                f32ToIndex(nb, nl, roundNearest(nb, nl, coord[k], nearestMode)),
                axes[k].in);
          result = read(idx[0], idx[1]);
          if (inElem != elem)
            result = convertScalar(nb, nl, result, elem, l.isUnsignedInput(0),
                                   l.isUnsignedResult());
        } else if (method == 0) {
          // Coordinates clamped into the image, then the 2x2 taps.
          Value lo[2], hi[2], frac[2];
          for (int k = 0; k < 2; ++k) {
            Value last =
                arith::SubFOp::create(nb, nl, axes[k].inF, f32Const(nb, nl, 1));
            Value cc = arith::MinimumFOp::create(
                nb, nl,
                arith::MaximumFOp::create(nb, nl, coord[k],
                                          f32Const(nb, nl, 0)),
                last);
            Value fl = math::FloorOp::create(nb, nl, cc);
            frac[k] = arith::SubFOp::create(nb, nl, cc, fl);
            lo[k] = f32ToIndex(nb, nl, fl);
            hi[k] = clampIndex(
                nb, nl,
                arith::AddIOp::create(nb, nl, lo[k], indexConst(nb, nl, 1)),
                axes[k].in);
          }
          auto lerp = [&](Value p, Value q, Value t) {
            return arith::AddFOp::create(
                nb, nl, p,
                arith::MulFOp::create(nb, nl,
                                      arith::SubFOp::create(nb, nl, q, p), t));
          };
          Value top = lerp(toF32(read(lo[0], lo[1])), toF32(read(lo[0], hi[1])),
                           frac[1]);
          Value bottom = lerp(toF32(read(hi[0], lo[1])),
                              toF32(read(hi[0], hi[1])), frac[1]);
          result = lerp(top, bottom, frac[0]);
          result = convertScalar(nb, nl, result, elem);
        } else {
          // Bicubic: 4 taps per axis around floor(coord), clamped to the
          // edge, or dropped and the weights renormalized with
          // exclude_outside.
          Value base[2], t[2];
          SmallVector<Value> weights[2], idx[2];
          for (int k = 0; k < 2; ++k) {
            Value fl = math::FloorOp::create(nb, nl, coord[k]);
            t[k] = arith::SubFOp::create(nb, nl, coord[k], fl);
            base[k] = f32ToIndex(nb, nl, fl);
            Value sum;
            for (int j = -1; j <= 2; ++j) {
              Value w = cubicWeight(
                  nb, nl,
                  arith::SubFOp::create(nb, nl, t[k], f32Const(nb, nl, j)), a);
              Value raw =
                  arith::AddIOp::create(nb, nl, base[k], indexConst(nb, nl, j));
              if (excludeOutside) {
                Value inside = arith::AndIOp::create(
                    nb, nl,
                    arith::CmpIOp::create(nb, nl, arith::CmpIPredicate::sge,
                                          raw, indexConst(nb, nl, 0)),
                    arith::CmpIOp::create(nb, nl, arith::CmpIPredicate::slt,
                                          raw, axes[k].in));
                w = arith::SelectOp::create(nb, nl, inside, w,
                                            f32Const(nb, nl, 0));
              }
              sum = sum ? arith::AddFOp::create(nb, nl, sum, w).getResult() : w;
              weights[k].push_back(w);
              idx[k].push_back(clampIndex(nb, nl, raw, axes[k].in));
            }
            if (excludeOutside)
              for (Value &w : weights[k])
                w = arith::DivFOp::create(nb, nl, w, sum);
          }
          Value acc = f32Const(nb, nl, 0);
          for (int i = 0; i < 4; ++i) {
            Value row = f32Const(nb, nl, 0);
            for (int j = 0; j < 4; ++j)
              row = arith::AddFOp::create(
                  nb, nl, row,
                  arith::MulFOp::create(nb, nl, weights[1][j],
                                        toF32(read(idx[0][i], idx[1][j]))));
            acc = arith::AddFOp::create(
                nb, nl, acc, arith::MulFOp::create(nb, nl, weights[0][i], row));
          }
          result = convertScalar(nb, nl, acc, elem);
        }
        linalg::YieldOp::create(nb, nl, result);
      });
  results.push_back(generic.getResult(0));
  return success();
}

/// Scalar float arithmetic at one builder position (pixel formulas).
struct PixelMath {
  OpBuilder &b;
  Location loc;
  Type elem;

  Value c(double v) { return createScalar(b, loc, elem, v); }
  Value sel(Value cond, Value t, Value f) {
    return arith::SelectOp::create(b, loc, cond, t, f);
  }
  Value cmp(arith::CmpFPredicate p, Value x, Value y) {
    return arith::CmpFOp::create(b, loc, p, x, y);
  }
  Value eq(Value x, Value y) { return cmp(arith::CmpFPredicate::OEQ, x, y); }
  Value gt(Value x, Value y) { return cmp(arith::CmpFPredicate::OGT, x, y); }
  Value lt(Value x, Value y) { return cmp(arith::CmpFPredicate::OLT, x, y); }
  Value add(Value x, Value y) { return arith::AddFOp::create(b, loc, x, y); }
  Value sub(Value x, Value y) { return arith::SubFOp::create(b, loc, x, y); }
  Value mul(Value x, Value y) { return arith::MulFOp::create(b, loc, x, y); }
  Value div(Value x, Value y) { return arith::DivFOp::create(b, loc, x, y); }
  Value floor(Value x) { return math::FloorOp::create(b, loc, x); }
  /// Whether the integer-valued float `x` is odd.
  Value odd(Value x) {
    Value half = mul(x, c(0.5));
    return gt(sub(half, floor(half)), c(0.25));
  }
};

using PixelFn =
    function_ref<std::array<Value, 3>(PixelMath &, Value r, Value g, Value b)>;

/// A map of float images whose channels are dimension dimC (i_arg 0,
/// default the last; 3 of them): each output element reads the three
/// channels of its pixel and takes its own channel of `fn`'s result.
LogicalResult perPixel(ExecLowering &l, SmallVectorImpl<Value> &results,
                       PixelFn fn) {
  OpBuilder &b = l.b;
  Location loc = l.loc;
  RankedTensorType in = l.inputType(0);
  int64_t rank = in.getRank();
  Type elem = in.getElementType();
  if (rank == 0 || !isa<FloatType>(elem))
    return l.emitError("expected floating-point images");
  int64_t dimC = l.iArg(0, rank - 1);
  if (dimC < 0)
    dimC += rank;
  if (dimC < 0 || dimC >= rank || in.getDimSize(dimC) != 3)
    return l.emitError("the channel dimension must have 3 channels");
  Value x = l.input(0);
  SmallVector<AffineMap> maps = {b.getMultiDimIdentityMap(rank)};
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::parallel);
  results.push_back(
      linalg::GenericOp::create(
          b, loc, in, ValueRange{}, ValueRange{createEmpty(b, loc, in)}, maps,
          iterators,
          [&](OpBuilder &nb, Location nl, ValueRange) {
            SmallVector<Value> idx;
            for (int64_t d = 0; d < rank; ++d)
              idx.push_back(linalg::IndexOp::create(nb, nl, d));
            Value channel = idx[dimC];
            Value ch[3];
            for (int k = 0; k < 3; ++k) {
              idx[dimC] = indexConst(nb, nl, k);
              ch[k] = tensor::ExtractOp::create(nb, nl, x, idx);
            }
            PixelMath m{nb, nl, elem};
            std::array<Value, 3> outs = fn(m, ch[0], ch[1], ch[2]);
            auto is = [&](int64_t k) -> Value {
              return arith::CmpIOp::create(nb, nl, arith::CmpIPredicate::eq,
                                           channel, indexConst(nb, nl, k));
            };
            Value result =
                m.sel(is(0), outs[0], m.sel(is(1), outs[1], outs[2]));
            linalg::YieldOp::create(nb, nl, result);
          })
          .getResult(0));
  return success();
}

/// rgb_to_hsv as TensorFlow computes it: v = max, range = v - min,
/// s = v > 0 ? range / v : 0, h = (r == v ? (g - b) : g == v ? (b - r) +
/// 2 range : (r - g) + 4 range) / (6 range), 0 where range is 0, + 1 where
/// negative.
std::array<Value, 3> rgbToHsv(PixelMath &m, Value r, Value g, Value bl) {
  Value v = arith::MaximumFOp::create(
      m.b, m.loc, arith::MaximumFOp::create(m.b, m.loc, r, g), bl);
  Value mn = arith::MinimumFOp::create(
      m.b, m.loc, arith::MinimumFOp::create(m.b, m.loc, r, g), bl);
  Value range = m.sub(v, mn);
  Value s = m.sel(m.gt(v, m.c(0)), m.div(range, v), m.c(0));
  Value norm = m.div(m.c(1), m.mul(m.c(6), range));
  Value h =
      m.sel(m.eq(r, v), m.mul(norm, m.sub(g, bl)),
            m.sel(m.eq(g, v), m.add(m.mul(norm, m.sub(bl, r)), m.c(2.0 / 6)),
                  m.add(m.mul(norm, m.sub(r, g)), m.c(4.0 / 6))));
  h = m.sel(m.gt(range, m.c(0)), h, m.c(0));
  h = m.sel(m.lt(h, m.c(0)), m.add(h, m.c(1)), h);
  return {h, s, v};
}

/// hsv_to_rgb as TensorFlow computes it: c = s v, m = v - c, dh = 6 h,
/// x = c (1 - |dh mod 2 - 1|); the sector floor(dh) in 0..5 picks
/// (c, x, 0), (x, c, 0), (0, c, x), (0, x, c), (x, 0, c) or (c, 0, x) (0
/// outside), each plus m.
std::array<Value, 3> hsvToRgb(PixelMath &m, Value h, Value sat, Value v) {
  Value cc = m.mul(sat, v);
  Value base = m.sub(v, cc);
  Value dh = m.mul(h, m.c(6));
  Value sector = m.floor(dh);
  Value fmodu = m.sub(dh, m.mul(m.floor(m.div(dh, m.c(2))), m.c(2)));
  Value xx =
      m.mul(cc, m.sub(m.c(1),
                      math::AbsFOp::create(m.b, m.loc, m.sub(fmodu, m.c(1)))));
  Value zero = m.c(0);
  Value table[6][3] = {{cc, xx, zero}, {xx, cc, zero}, {zero, cc, xx},
                       {zero, xx, cc}, {xx, zero, cc}, {cc, zero, xx}};
  std::array<Value, 3> outs;
  for (int k = 0; k < 3; ++k) {
    Value picked = zero;
    for (int sct = 0; sct < 6; ++sct)
      picked = m.sel(m.eq(sector, m.c(sct)), table[sct][k], picked);
    outs[k] = m.add(picked, base);
  }
  return outs;
}

/// adjust_hue as TensorFlow's kernel computes it (not through HSV, whose
/// saturation is undefined for negative values): each pixel's hue in
/// [0, 6) from the order of its channels (the sector) and where the middle
/// one lies between the smallest and largest; the hue shifted by 6 delta
/// and wrapped; the pixel rebuilt from the new hue and the same smallest
/// and largest values.
LogicalResult lowerAdjustHue(ExecLowering &l, SmallVectorImpl<Value> &results) {
  if (l.numInputs() < 2 || l.inputType(1).getNumElements() != 1)
    return l.emitError("delta must be one value");
  RankedTensorType in = l.inputType(0);
  if (!isa<FloatType>(in.getElementType()))
    return l.emitError("expected floating-point images");
  SmallVector<Value> zeros(l.inputType(1).getRank(), indexConst(l.b, l.loc, 0));
  Value delta = convertScalar(
      l.b, l.loc, tensor::ExtractOp::create(l.b, l.loc, l.input(1), zeros),
      in.getElementType(), l.isUnsignedInput(1));
  return perPixel(
      l, results,
      [&](PixelMath &m, Value r, Value g, Value bl) -> std::array<Value, 3> {
        // (max, mid, min, sector) by the channels' order.
        Value rg = m.lt(r, g), bLessR = m.lt(bl, r), bMoreG = m.gt(bl, g),
              bLessG = m.lt(bl, g), bMoreR = m.gt(bl, r);
        auto pick = [&](Value a1, Value a2, Value a3, Value b1, Value b2,
                        Value b3) {
          return m.sel(rg, m.sel(bLessR, a1, m.sel(bMoreG, a2, a3)),
                       m.sel(bLessG, b1, m.sel(bMoreR, b2, b3)));
        };
        Value vmax = pick(g, bl, g, r, bl, r);
        Value vmid = pick(r, g, bl, g, r, bl);
        Value vmin = pick(bl, r, r, bl, g, g);
        Value sector = pick(m.c(1), m.c(3), m.c(2), m.c(0), m.c(4), m.c(5));
        Value span = m.sub(vmax, vmin);
        Value ratio = m.div(m.sub(vmid, vmin), span);
        // Even sectors rise, odd ones fall.
        Value h =
            m.add(sector, m.sel(m.odd(sector), m.sub(m.c(1), ratio), ratio));
        h = m.sel(m.eq(vmax, vmin), m.c(0), h);
        h = m.add(h, m.mul(delta, m.c(6)));
        h = m.sub(h, m.mul(m.c(6), m.floor(m.div(h, m.c(6)))));
        // Rounding may leave exactly 6.
        h = m.sel(m.cmp(arith::CmpFPredicate::OGE, h, m.c(6)), m.sub(h, m.c(6)),
                  h);
        Value newSector = m.floor(h);
        Value newRatio = m.sub(h, newSector);
        newRatio = m.sel(m.odd(newSector), m.sub(m.c(1), newRatio), newRatio);
        Value mid = m.add(vmin, m.mul(newRatio, span));
        // Per sector (r, g, b): 0 (max, mid, min), 1 (mid, max, min),
        // 2 (min, max, mid), 3 (min, mid, max), 4 (mid, min, max),
        // 5 (max, min, mid).
        Value table[6][3] = {{vmax, mid, vmin}, {mid, vmax, vmin},
                             {vmin, vmax, mid}, {vmin, mid, vmax},
                             {mid, vmin, vmax}, {vmax, vmin, mid}};
        std::array<Value, 3> outs;
        for (int k = 0; k < 3; ++k) {
          Value picked = table[5][k];
          for (int sct = 4; sct >= 0; --sct)
            picked = m.sel(m.eq(newSector, m.c(sct)), table[sct][k], picked);
          outs[k] = picked;
        }
        return outs;
      });
}

/// extract_image_patches (TF's ExtractImagePatches): NHWC images; output
/// pixel (i, j) holds the kH x kW window at (i sH - top, j sW - left)
/// sampled every rate, flattened as (row, column, channel), zeros outside
/// the image. SAME pads as TF does (the total split with the smaller half
/// first).
LogicalResult lowerExtractImagePatches(ExecLowering &l,
                                       SmallVectorImpl<Value> &results) {
  OpBuilder &b = l.b;
  Location loc = l.loc;
  RankedTensorType in = l.inputType(0), type = l.resultType();
  if (in.getRank() != 4 || !in.hasStaticShape() || type.getRank() != 4)
    return l.emitError("expected static NHWC images");
  int64_t kH = l.iArg(0, 1), kW = l.iArg(1, 1), sH = l.iArg(2, 1),
          sW = l.iArg(3, 1), rH = l.iArg(4, 1), rW = l.iArg(5, 1);
  bool same = l.iArg(6, 0) != 0 || l.bArg(0, false);
  if (kH < 1 || kW < 1 || sH < 1 || sW < 1 || rH < 1 || rW < 1)
    return l.emitError("sizes, strides and rates must be positive");
  int64_t H = in.getDimSize(1), W = in.getDimSize(2), C = in.getDimSize(3);
  int64_t effH = (kH - 1) * rH + 1, effW = (kW - 1) * rW + 1;
  int64_t outH = same ? (H + sH - 1) / sH : (H - effH + sH) / sH;
  int64_t outW = same ? (W + sW - 1) / sW : (W - effW + sW) / sW;
  outH = std::max<int64_t>(outH, 0);
  outW = std::max<int64_t>(outW, 0);
  int64_t top = same ? std::max<int64_t>((outH - 1) * sH + effH - H, 0) / 2 : 0;
  int64_t left =
      same ? std::max<int64_t>((outW - 1) * sW + effW - W, 0) / 2 : 0;
  if (type.getDimSize(0) != in.getDimSize(0) || type.getDimSize(1) != outH ||
      type.getDimSize(2) != outW || type.getDimSize(3) != kH * kW * C)
    return l.emitError("the result must be [N, ")
           << outH << ", " << outW << ", " << kH * kW * C << "]";
  Value x = l.input(0);
  Type elem = type.getElementType();
  SmallVector<AffineMap> maps = {b.getMultiDimIdentityMap(4)};
  SmallVector<utils::IteratorType> iterators(4, utils::IteratorType::parallel);
  Value out =
      linalg::GenericOp::create(
          b, loc, type, ValueRange{}, ValueRange{createEmpty(b, loc, type)},
          maps, iterators,
          [&](OpBuilder &nb, Location nl, ValueRange) {
            Value n = linalg::IndexOp::create(nb, nl, 0);
            Value i = linalg::IndexOp::create(nb, nl, 1);
            Value j = linalg::IndexOp::create(nb, nl, 2);
            Value k = linalg::IndexOp::create(nb, nl, 3);
            auto cst = [&](int64_t v) { return indexConst(nb, nl, v); };
            auto mul = [&](Value a, int64_t v) -> Value {
              return arith::MulIOp::create(nb, nl, a, cst(v));
            };
            auto add = [&](Value a, Value c) -> Value {
              return arith::AddIOp::create(nb, nl, a, c);
            };
            Value c = arith::RemUIOp::create(nb, nl, k, cst(C));
            Value window = arith::DivUIOp::create(nb, nl, k, cst(C));
            Value a = arith::DivUIOp::create(nb, nl, window, cst(kW));
            Value bb = arith::RemUIOp::create(nb, nl, window, cst(kW));
            Value row = arith::SubIOp::create(
                nb, nl, add(mul(i, sH), mul(a, rH)), cst(top));
            Value col = arith::SubIOp::create(
                nb, nl, add(mul(j, sW), mul(bb, rW)), cst(left));
            auto inside = [&](Value v, int64_t size) -> Value {
              return arith::AndIOp::create(
                  nb, nl,
                  arith::CmpIOp::create(nb, nl, arith::CmpIPredicate::sge, v,
                                        cst(0)),
                  arith::CmpIOp::create(nb, nl, arith::CmpIPredicate::slt, v,
                                        cst(size)));
            };
            Value ok =
                arith::AndIOp::create(nb, nl, inside(row, H), inside(col, W));
            auto clamp = [&](Value v, int64_t size) -> Value {
              return arith::MinSIOp::create(
                  nb, nl, arith::MaxSIOp::create(nb, nl, v, cst(0)),
                  cst(std::max<int64_t>(size - 1, 0)));
            };
            Value v = tensor::ExtractOp::create(
                nb, nl, x, ValueRange{n, clamp(row, H), clamp(col, W), c});
            linalg::YieldOp::create(
                nb, nl,
                arith::SelectOp::create(nb, nl, ok, v,
                                        createScalar(nb, nl, elem, 0))
                    .getResult());
          })
          .getResult(0);
  results.push_back(out);
  return success();
}

} // namespace

void mlir::nd4j::populateExecToLinalgResize(ExecLoweringTable &table) {
  table.add("image_resize", lowerImageResize);
  table.add("adjust_hue", lowerAdjustHue);
  table.add("extract_image_patches", lowerExtractImagePatches);
  table.add("rgb_to_hsv", [](ExecLowering &l, SmallVectorImpl<Value> &results) {
    return perPixel(l, results, rgbToHsv);
  });
  table.add("hsv_to_rgb", [](ExecLowering &l, SmallVectorImpl<Value> &results) {
    return perPixel(l, results, hsvToRgb);
  });
  // Written for run-time sizes: the batch and channels from the input, the
  // image size from newImageSize's values.
  table.setDynamicReady("image_resize");
}
