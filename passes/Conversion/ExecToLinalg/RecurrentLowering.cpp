//===- RecurrentLowering.cpp - recurrent layers to loops ------------------===//
//
// libnd4j's `lstmLayer` as an scf.for over the time steps carrying the
// output and cell state: per step two matmuls (input and recurrent weights
// into one [bS, 4 * nOut] pre-activation) and one element-wise generic for
// the gates, as libnd4j's lstmLayerCell computes them.
//
//===----------------------------------------------------------------------===//

#include "passes/Conversion/ExecToLinalg/ExecLowering.h"

#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"

using namespace mlir;
using namespace mlir::nd4j;

namespace {

/// libnd4j's activation ids for lstmLayer's gates, cell and output.
Value activate(OpBuilder &b, Location loc, int64_t id, double alpha,
               double beta, Value x) {
  Type t = x.getType();
  auto c = [&](double v) { return createScalar(b, loc, t, v); };
  auto maxf = [&](Value l, Value r) {
    return arith::MaximumFOp::create(b, loc, l, r).getResult();
  };
  auto minf = [&](Value l, Value r) {
    return arith::MinimumFOp::create(b, loc, l, r).getResult();
  };
  auto mul = [&](Value l, Value r) {
    return arith::MulFOp::create(b, loc, l, r).getResult();
  };
  auto add = [&](Value l, Value r) {
    return arith::AddFOp::create(b, loc, l, r).getResult();
  };
  auto gt = [&](Value l, Value r) {
    return arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OGT, l, r)
        .getResult();
  };
  switch (id) {
  case 0: // tanh
    return math::TanhOp::create(b, loc, x);
  case 1: // relu
    return maxf(x, c(0));
  case 2: { // sigmoid
    Value e = math::ExpOp::create(b, loc, arith::NegFOp::create(b, loc, x));
    return arith::DivFOp::create(b, loc, c(1), add(c(1), e));
  }
  case 3: // affine
    return add(mul(x, c(alpha)), c(beta));
  case 4: // leaky relu
    return arith::SelectOp::create(b, loc, gt(x, c(0)), x, mul(x, c(alpha)));
  case 5: // thresholded relu
    return arith::SelectOp::create(b, loc, gt(x, c(alpha)), x, c(0));
  case 6: // scaled tanh
    return mul(c(alpha), math::TanhOp::create(b, loc, mul(x, c(beta))));
  case 7: // hard sigmoid
    return minf(maxf(add(mul(x, c(0.2)), c(0.5)), c(0)), c(1));
  case 8: { // ELU
    Value e =
        arith::SubFOp::create(b, loc, math::ExpOp::create(b, loc, x), c(1));
    return arith::SelectOp::create(b, loc, gt(x, c(0)), x, mul(c(alpha), e));
  }
  case 9: // softsign
    return arith::DivFOp::create(b, loc, x,
                                 add(c(1), math::AbsFOp::create(b, loc, x)));
  case 10: // softplus
    return math::Log1pOp::create(b, loc, math::ExpOp::create(b, loc, x));
  default:
    return Value();
  }
}

/// The layouts of lstmLayer's sequences: where the time, batch and feature
/// dimensions are.
struct SeqLayout {
  int64_t time, batch, feature;
};

SeqLayout seqLayout(int64_t dataFormat) {
  switch (dataFormat) {
  case 1: // NTS [bS, sL, nIn]
    return {1, 0, 2};
  case 2: // NST [bS, nIn, sL]
    return {2, 0, 1};
  default: // TNS [sL, bS, nIn]
    return {0, 1, 2};
  }
}

/// Offsets, sizes and strides of time step `t` of a sequence whose batch
/// and feature extents are those of `like`'s dimensions `batch`, `feature`.
struct StepRange {
  SmallVector<OpFoldResult> offsets, sizes, strides;
  StepRange(OpBuilder &b, Location loc, SeqLayout layout, Value t, Value like,
            int64_t batch, int64_t feature)
      : offsets(3, b.getIndexAttr(0)), sizes(3), strides(3, b.getIndexAttr(1)) {
    offsets[layout.time] = t;
    sizes[layout.time] = b.getIndexAttr(1);
    sizes[layout.batch] = tensor::getMixedSize(b, loc, like, batch);
    sizes[layout.feature] = tensor::getMixedSize(b, loc, like, feature);
  }
};

/// A [bS, n] slice of sequence `seq` at time step `t`.
Value stepOf(OpBuilder &b, Location loc, Value seq, SeqLayout layout, Value t,
             RankedTensorType stepType) {
  StepRange r(b, loc, layout, t, seq, layout.batch, layout.feature);
  return tensor::ExtractSliceOp::create(b, loc, stepType, seq, r.offsets,
                                        r.sizes, r.strides);
}

/// `step` ([bS, n]) written into sequence `seq` at time step `t`.
Value withStep(OpBuilder &b, Location loc, Value seq, SeqLayout layout, Value t,
               Value step) {
  StepRange r(b, loc, layout, t, step, 0, 1);
  return tensor::InsertSliceOp::create(b, loc, step, seq, r.offsets, r.sizes,
                                       r.strides);
}

/// Elements [k * n, (k + 1) * n) of the last dimension of `v`.
Value gateSlice(OpBuilder &b, Location loc, Value v, int64_t k, int64_t n) {
  auto type = cast<RankedTensorType>(v.getType());
  int64_t rank = type.getRank();
  SmallVector<OpFoldResult> offsets(rank, b.getIndexAttr(0)), sizes,
      strides(rank, b.getIndexAttr(1));
  for (int64_t d = 0; d < rank; ++d)
    sizes.push_back(tensor::getMixedSize(b, loc, v, d));
  offsets.back() = b.getIndexAttr(k * n);
  sizes.back() = b.getIndexAttr(n);
  SmallVector<int64_t> shape(type.getShape());
  shape.back() = n;
  return tensor::ExtractSliceOp::create(
      b, loc, RankedTensorType::get(shape, type.getElementType()), v, offsets,
      sizes, strides);
}

/// libnd4j lstmLayer, one direction (directionMode 0 forward, 1 backward;
/// the backward pass writes each step's output at its own time index), no
/// sequence lengths. Inputs: x, Wx [nIn, 4 nOut], Wr [nOut, 4 nOut], then
/// b [4 nOut], seqLen, hI [bS, nOut], cI [bS, nOut], Wp [3 nOut] where the
/// b_args say they are given; gates in the order i, f, g, o; peepholes
/// i and f on the previous cell state, o on the new one.
LogicalResult lowerLstmLayer(ExecLowering &l, SmallVectorImpl<Value> &results) {
  OpBuilder &b = l.b;
  Location loc = l.loc;
  if (l.numInputs() < 3)
    return l.emitError("needs input, Wx and Wr");
  int64_t dataFormat = l.iArg(0, 0), direction = l.iArg(1, 0);
  int64_t gateAct = l.iArg(2, 2), cellAct = l.iArg(3, 0), outAct = l.iArg(4, 0);
  double clip = l.tArg(0, 0), gateAlpha = l.tArg(1, 0), gateBeta = l.tArg(2, 0),
         cellAlpha = l.tArg(3, 0), cellBeta = l.tArg(4, 0),
         outAlpha = l.tArg(5, 0), outBeta = l.tArg(6, 0);
  bool hasBiases = l.bArg(0, false), hasSeqLen = l.bArg(1, false),
       hasInitH = l.bArg(2, false), hasInitC = l.bArg(3, false),
       hasPH = l.bArg(4, false), retFullSeq = l.bArg(5, true),
       retLastH = l.bArg(6, false), retLastC = l.bArg(7, false);
  if (dataFormat < 0 || dataFormat > 3)
    return l.emitError("dataFormat must be 0 to 3, got ") << dataFormat;
  if (direction != 0 && direction != 1)
    return l.emitError("directionMode ")
           << direction
           << " (bidirectional) is not supported; 0 (forward) and 1 "
              "(backward) are";
  if (hasSeqLen)
    return l.emitError("sequence lengths (hasSeqLen) are not supported");
  unsigned expected = 3 + hasBiases + hasInitH + hasInitC + hasPH;
  if (l.numInputs() != expected)
    return l.emitError("its b_args give ")
           << expected << " inputs, the node has " << l.numInputs();
  unsigned expectedResults = retFullSeq + retLastH + retLastC;
  if (l.numResults() != expectedResults || expectedResults == 0)
    return l.emitError("its b_args give ")
           << expectedResults << " results, the node has " << l.numResults();
  for (int64_t id : {gateAct, cellAct, outAct})
    if (id < 0 || id > 10)
      return l.emitError("activation id must be 0 to 10, got ") << id;

  Value x = l.input(0), wx = l.input(1), wr = l.input(2);
  RankedTensorType xType = l.inputType(0), wxType = l.inputType(1),
                   wrType = l.inputType(2);
  Type elem = xType.getElementType();
  if (!isa<FloatType>(elem) || xType.getRank() != 3 || wxType.getRank() != 2 ||
      wrType.getRank() != 2 || !wxType.hasStaticShape() ||
      !wrType.hasStaticShape() || wxType.getDimSize(1) % 4 != 0)
    return l.emitError("needs a float input of rank 3 and static 2-D "
                       "weights [nIn, 4 nOut], [nOut, 4 nOut]");
  SeqLayout layout = seqLayout(dataFormat);
  int64_t nOut = wxType.getDimSize(1) / 4;
  int64_t nIn = xType.getDimSize(layout.feature);
  if (wxType.getDimSize(0) != nIn || wrType.getDimSize(0) != nOut ||
      wrType.getDimSize(1) != 4 * nOut)
    return l.emitError("weights ")
           << wxType << " and " << wrType << " do not fit the input " << xType;
  if (xType.isDynamicDim(layout.time) || xType.getDimSize(layout.time) < 1)
    return l.emitError("the sequence length must be known at compile time "
                       "and at least 1");
  int64_t sL = xType.getDimSize(layout.time);
  int64_t bS = xType.getDimSize(layout.batch);
  unsigned next = 3;
  Value bias = hasBiases ? l.input(next++) : Value();
  Value hI = hasInitH ? l.input(next++) : Value();
  Value cI = hasInitC ? l.input(next++) : Value();
  Value wp = hasPH ? l.input(next++) : Value();
  auto stateType = RankedTensorType::get({bS, nOut}, elem);
  auto isVector = [&](Value v, int64_t n) {
    auto t = cast<RankedTensorType>(v.getType());
    return t.getRank() == 1 && t.getDimSize(0) == n;
  };
  if ((bias && !isVector(bias, 4 * nOut)) || (wp && !isVector(wp, 3 * nOut)))
    return l.emitError("biases must be [4 nOut] and peepholes [3 nOut]");
  for (Value s : {hI, cI})
    if (s) {
      auto t = cast<RankedTensorType>(s.getType());
      if (t.getRank() != 2 || t.getDimSize(1) != nOut)
        return l.emitError("initial states must be [bS, nOut], got ") << t;
    }

  // The batch, for the states' and outputs' sizes.
  SmallVector<Value> batchSize;
  if (ShapedType::isDynamic(bS))
    batchSize.push_back(tensor::DimOp::create(b, loc, x, layout.batch));
  Value zero = createScalar(b, loc, elem, 0);
  auto zeros = [&](RankedTensorType t, ValueRange dyn) {
    Value e = tensor::EmptyOp::create(b, loc, t, dyn);
    return linalg::FillOp::create(b, loc, zero, e).getResult(0);
  };
  auto castTo = [&](Value v) -> Value {
    return v.getType() == stateType
               ? v
               : tensor::CastOp::create(b, loc, stateType, v).getResult();
  };
  Value h0 = hI ? castTo(hI) : zeros(stateType, batchSize);
  Value c0 = cI ? castTo(cI) : zeros(stateType, batchSize);
  SmallVector<int64_t> seqShape(xType.getShape());
  seqShape[layout.feature] = nOut;
  auto seqType = RankedTensorType::get(seqShape, elem);
  // The outputs with one more time step holding the initial output: step t
  // reads the previous output at t and writes its own at t + 1 (backward:
  // reads t + 1, writes t; the initial output is last). The loop then
  // carries only the cell state and this sequence, updated in place.
  SmallVector<int64_t> extShape(seqShape);
  extShape[layout.time] = sL + 1;
  auto extType = RankedTensorType::get(extShape, elem);
  Value seq0 = withStep(
      b, loc, tensor::EmptyOp::create(b, loc, extType, batchSize), layout,
      arith::ConstantIndexOp::create(b, loc, direction == 1 ? sL : 0), h0);

  // Per-step constants: gate slices of the biases and peepholes.
  SmallVector<Value> biasGates, peepholes;
  for (int64_t k = 0; k < 4 && bias; ++k)
    biasGates.push_back(gateSlice(b, loc, bias, k, nOut));
  for (int64_t k = 0; k < 3 && wp; ++k)
    peepholes.push_back(gateSlice(b, loc, wp, k, nOut));
  auto preType = RankedTensorType::get({bS, 4 * nOut}, elem);
  auto xStepType = RankedTensorType::get({bS, nIn}, elem);

  Value lo = arith::ConstantIndexOp::create(b, loc, 0);
  Value hi = arith::ConstantIndexOp::create(b, loc, sL);
  Value one = arith::ConstantIndexOp::create(b, loc, 1);
  auto loop = scf::ForOp::create(
      b, loc, lo, hi, one, ValueRange{c0, seq0},
      [&](OpBuilder &nb, Location nl, Value iv, ValueRange carried) {
        Value c = carried[0], seq = carried[1];
        auto timeOf = [&](Value i) -> Value {
          return direction == 1
                     ? arith::SubIOp::create(
                           nb, nl,
                           arith::ConstantIndexOp::create(nb, nl, sL - 1), i)
                           .getResult()
                     : i;
        };
        Value t = timeOf(iv);
        // The previous output, from the sequence (see seq0).
        Value one = arith::ConstantIndexOp::create(nb, nl, 1);
        Value readAt = direction == 1
                           ? arith::AddIOp::create(nb, nl, t, one).getResult()
                           : t;
        Value writeAt = direction == 1
                            ? t
                            : arith::AddIOp::create(nb, nl, t, one).getResult();
        Value h = stepOf(nb, nl, seq, layout, readAt, stateType);
        // z = x_t Wx + h Wr: [bS, 4 nOut].
        Value xt = stepOf(nb, nl, x, layout, t, xStepType);
        SmallVector<Value> dyn;
        if (ShapedType::isDynamic(bS))
          dyn.push_back(tensor::DimOp::create(nb, nl, h, 0));
        Value zInit =
            linalg::FillOp::create(
                nb, nl, createScalar(nb, nl, elem, 0),
                tensor::EmptyOp::create(nb, nl, preType, dyn).getResult())
                .getResult(0);
        Value z = linalg::MatmulOp::create(nb, nl, ValueRange{xt, wx},
                                           ValueRange{zInit})
                      .getResult(0);
        z = linalg::MatmulOp::create(nb, nl, ValueRange{h, wr}, ValueRange{z})
                .getResult(0);
        // The gates, element-wise over [bS, nOut].
        MLIRContext *ctx = nb.getContext();
        AffineMap id = AffineMap::getMultiDimIdentityMap(2, ctx);
        AffineMap row = AffineMap::get(2, 0, {getAffineDimExpr(1, ctx)}, ctx);
        SmallVector<Value> ins;
        SmallVector<AffineMap> maps;
        for (int64_t k = 0; k < 4; ++k) {
          ins.push_back(gateSlice(nb, nl, z, k, nOut));
          maps.push_back(id);
        }
        for (Value v : biasGates) {
          ins.push_back(v);
          maps.push_back(row);
        }
        for (Value v : peepholes) {
          ins.push_back(v);
          maps.push_back(row);
        }
        maps.push_back(id);
        maps.push_back(id);
        // The states update in place: the cell state's output operand
        // holds the previous one.
        unsigned numIns = ins.size();
        auto cell = linalg::GenericOp::create(
            nb, nl, TypeRange{stateType, stateType}, ins,
            ValueRange{c, tensor::EmptyOp::create(nb, nl, stateType, dyn)},
            maps,
            SmallVector<utils::IteratorType>(2, utils::IteratorType::parallel),
            [&](OpBuilder &gb, Location gl, ValueRange a) {
              auto add = [&](Value p, Value q) {
                return arith::AddFOp::create(gb, gl, p, q).getResult();
              };
              auto mul = [&](Value p, Value q) {
                return arith::MulFOp::create(gb, gl, p, q).getResult();
              };
              Value zi = a[0], zf = a[1], zg = a[2], zo = a[3],
                    cPrev = a[numIns];
              unsigned k = 4;
              if (bias) {
                zi = add(zi, a[k]);
                zf = add(zf, a[k + 1]);
                zg = add(zg, a[k + 2]);
                zo = add(zo, a[k + 3]);
                k += 4;
              }
              Value pi, pf, po;
              if (wp) {
                pi = a[k];
                pf = a[k + 1];
                po = a[k + 2];
                zi = add(zi, mul(cPrev, pi));
                zf = add(zf, mul(cPrev, pf));
              }
              Value i = activate(gb, gl, gateAct, gateAlpha, gateBeta, zi);
              Value f = activate(gb, gl, gateAct, gateAlpha, gateBeta, zf);
              Value g = activate(gb, gl, cellAct, cellAlpha, cellBeta, zg);
              Value cNew = add(mul(f, cPrev), mul(i, g));
              if (clip != 0) {
                Value cl = createScalar(gb, gl, elem, std::abs(clip));
                Value ncl = createScalar(gb, gl, elem, -std::abs(clip));
                cNew = arith::MinimumFOp::create(
                    gb, gl, arith::MaximumFOp::create(gb, gl, cNew, ncl), cl);
              }
              if (wp)
                zo = add(zo, mul(cNew, po));
              Value o = activate(gb, gl, gateAct, gateAlpha, gateBeta, zo);
              Value hNew =
                  mul(o, activate(gb, gl, outAct, outAlpha, outBeta, cNew));
              linalg::YieldOp::create(gb, gl, ValueRange{cNew, hNew});
            });
        Value cNext = cell.getResult(0), hNext = cell.getResult(1);
        Value seqNext = withStep(nb, nl, seq, layout, writeAt, hNext);
        scf::YieldOp::create(nb, nl, ValueRange{cNext, seqNext});
      });
  Value ext = loop.getResult(1);
  if (retFullSeq) {
    SmallVector<OpFoldResult> offsets(3, b.getIndexAttr(0)), sizes,
        strides(3, b.getIndexAttr(1));
    for (int64_t d = 0; d < 3; ++d)
      sizes.push_back(tensor::getMixedSize(b, loc, ext, d));
    offsets[layout.time] = b.getIndexAttr(direction == 1 ? 0 : 1);
    sizes[layout.time] = b.getIndexAttr(sL);
    results.push_back(tensor::ExtractSliceOp::create(b, loc, seqType, ext,
                                                     offsets, sizes, strides));
  }
  if (retLastH) {
    Value last =
        arith::ConstantIndexOp::create(b, loc, direction == 1 ? 0 : sL);
    results.push_back(stepOf(b, loc, ext, layout, last, stateType));
  }
  if (retLastC)
    results.push_back(loop.getResult(0));
  // The declared result types (a static batch where the node has one).
  for (unsigned i = 0; i < results.size(); ++i)
    if (results[i].getType() != l.resultType(i))
      results[i] = tensor::CastOp::create(b, loc, l.resultType(i), results[i]);
  return success();
}

} // namespace

void mlir::nd4j::populateExecToLinalgRecurrent(ExecLoweringTable &table) {
  table.add("lstmLayer", lowerLstmLayer);
  table.setDynamicReady("lstmLayer");
}
