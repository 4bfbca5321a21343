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

} // namespace

void mlir::nd4j::populateExecToLinalgResize(ExecLoweringTable &table) {
  table.add("image_resize", lowerImageResize);
  // Written for run-time sizes: the batch and channels from the input, the
  // image size from newImageSize's values.
  table.setDynamicReady("image_resize");
}
