//===- MatmulLowering.cpp - libnd4j matmul ---------------------*- C++ -*-===//
//
// `matmul` (i_args transX, transY, transZ; t_args alpha, beta) with numpy
// semantics: rank-1 operands are promoted and their dimension dropped, batch
// dimensions broadcast. The plain 2-D and equal-batch 3-D cases become the
// named linalg.matmul / linalg.batch_matmul that tiling and vectorization
// recognize; the rest is one linalg.generic contraction.
//
//===----------------------------------------------------------------------===//

#include "passes/Conversion/ExecToLinalg/ExecLowering.h"

using namespace mlir;
using namespace mlir::nd4j;

namespace {

Value zeroFilled(OpBuilder &b, Location loc, RankedTensorType type) {
  Value zero = createScalar(b, loc, type.getElementType(), 0);
  return linalg::FillOp::create(b, loc, zero, createEmpty(b, loc, type))
      .getResult(0);
}

LogicalResult lowerMatmul(ExecLowering &l, SmallVectorImpl<Value> &results) {
  if (l.numInputs() < 2)
    return l.emitError("needs two inputs");
  OpBuilder &b = l.b;
  Location loc = l.loc;
  MLIRContext *ctx = b.getContext();
  bool transX = l.iArg(0, 0) != 0, transY = l.iArg(1, 0) != 0,
       transZ = l.iArg(2, 0) != 0;
  double alpha = l.tArgs().empty() ? 1.0 : l.tArg(0, 1.0);
  RankedTensorType resultType = l.resultType();
  Type elemType = resultType.getElementType();
  Value x = l.input(0), y = l.input(1);
  RankedTensorType xType = l.inputType(0), yType = l.inputType(1);
  if (xType.getRank() == 0 || yType.getRank() == 0)
    return l.emitError("operands must have rank >= 1");
  bool xVector = xType.getRank() == 1, yVector = yType.getRank() == 1;
  if ((xVector || yVector) && (transX || transY || transZ))
    return l.emitError("transposes of vectors are not supported");

  // Operands in the result's element type.
  auto convert = [&](Value v, RankedTensorType t, unsigned i) -> Value {
    if (t.getElementType() == elemType)
      return v;
    return createElementwise(b, loc, t.clone(elemType), v,
                             [&](OpBuilder &nb, Location nl, ValueRange s) {
                               return convertScalar(nb, nl, s[0], elemType,
                                                    l.isUnsignedInput(i),
                                                    l.isUnsignedResult());
                             });
  };
  x = convert(x, xType, 0);
  y = convert(y, yType, 1);

  // Logical [batch..., M, K] x [batch..., K, N] -> [batch..., M, N].
  int64_t xRank = xType.getRank(), yRank = yType.getRank();
  int64_t xBatch = std::max<int64_t>(xRank - 2, 0),
          yBatch = std::max<int64_t>(yRank - 2, 0);
  int64_t batch = std::max(xBatch, yBatch);
  auto dimOf = [](RankedTensorType t, int64_t i) { return t.getDimSize(i); };
  int64_t m = xVector ? 1 : dimOf(xType, transX ? xRank - 1 : xRank - 2);
  int64_t kx =
      xVector ? dimOf(xType, 0) : dimOf(xType, transX ? xRank - 2 : xRank - 1);
  int64_t ky =
      yVector ? dimOf(yType, 0) : dimOf(yType, transY ? yRank - 1 : yRank - 2);
  int64_t n = yVector ? 1 : dimOf(yType, transY ? yRank - 2 : yRank - 1);
  if (kx != ky)
    return l.emitError("contraction sizes differ: ") << kx << " vs " << ky;

  SmallVector<int64_t> batchShape;
  for (int64_t i = 0; i < batch; ++i) {
    int64_t xi = i - (batch - xBatch), yi = i - (batch - yBatch);
    int64_t xs = xi >= 0 ? xType.getDimSize(xi) : 1;
    int64_t ys = yi >= 0 ? yType.getDimSize(yi) : 1;
    if (xs != ys && xs != 1 && ys != 1)
      return l.emitError("batch dimensions do not broadcast");
    batchShape.push_back(std::max(xs, ys));
  }
  SmallVector<int64_t> fullShape(batchShape);
  if (transZ)
    fullShape.append({n, m});
  else
    fullShape.append({m, n});
  auto fullType = RankedTensorType::get(fullShape, elemType);

  Value out;
  bool plain = !transX && !transY && !transZ && !xVector && !yVector;
  if (plain && batch == 0) {
    out = linalg::MatmulOp::create(b, loc, ValueRange{x, y},
                                   ValueRange{zeroFilled(b, loc, fullType)})
              .getResult(0);
  } else if (plain && batch == 1 && xBatch == 1 && yBatch == 1 &&
             xType.getDimSize(0) == yType.getDimSize(0)) {
    out =
        linalg::BatchMatmulOp::create(b, loc, ValueRange{x, y},
                                      ValueRange{zeroFilled(b, loc, fullType)})
            .getResult(0);
  } else {
    // Loops: batch..., m, n, k.
    int64_t numLoops = batch + 3;
    AffineExpr mE = getAffineDimExpr(batch, ctx),
               nE = getAffineDimExpr(batch + 1, ctx),
               kE = getAffineDimExpr(batch + 2, ctx);
    auto operandMap = [&](RankedTensorType t, int64_t opBatch, bool isX,
                          bool trans) {
      SmallVector<AffineExpr> exprs;
      for (int64_t i = 0; i < opBatch; ++i) {
        int64_t loop = batch - opBatch + i;
        exprs.push_back(t.getDimSize(i) == 1 && batchShape[loop] != 1
                            ? getAffineConstantExpr(0, ctx)
                            : getAffineDimExpr(loop, ctx));
      }
      if (t.getRank() == 1) {
        exprs.push_back(kE);
      } else if (isX) {
        exprs.append(trans ? SmallVector<AffineExpr>{kE, mE}
                           : SmallVector<AffineExpr>{mE, kE});
      } else {
        exprs.append(trans ? SmallVector<AffineExpr>{nE, kE}
                           : SmallVector<AffineExpr>{kE, nE});
      }
      return AffineMap::get(numLoops, 0, exprs, ctx);
    };
    SmallVector<AffineExpr> outExprs;
    for (int64_t i = 0; i < batch; ++i)
      outExprs.push_back(getAffineDimExpr(i, ctx));
    outExprs.append(transZ ? SmallVector<AffineExpr>{nE, mE}
                           : SmallVector<AffineExpr>{mE, nE});
    SmallVector<AffineMap> maps{operandMap(xType, xBatch, true, transX),
                                operandMap(yType, yBatch, false, transY),
                                AffineMap::get(numLoops, 0, outExprs, ctx)};
    SmallVector<utils::IteratorType> iters(numLoops,
                                           utils::IteratorType::parallel);
    iters.back() = utils::IteratorType::reduction;
    bool isFloat = isa<FloatType>(elemType);
    out = linalg::GenericOp::create(
              b, loc, fullType, ValueRange{x, y},
              ValueRange{zeroFilled(b, loc, fullType)}, maps, iters,
              [&](OpBuilder &nb, Location nl, ValueRange a) {
                Value prod =
                    isFloat
                        ? arith::MulFOp::create(nb, nl, a[0], a[1]).getResult()
                        : arith::MulIOp::create(nb, nl, a[0], a[1]).getResult();
                Value sum =
                    isFloat
                        ? arith::AddFOp::create(nb, nl, a[2], prod).getResult()
                        : arith::AddIOp::create(nb, nl, a[2], prod).getResult();
                linalg::YieldOp::create(nb, nl, sum);
              })
              .getResult(0);
  }

  if (alpha != 1.0) {
    out = createElementwise(
        b, loc, fullType, out, [&](OpBuilder &nb, Location nl, ValueRange s) {
          Value a = createScalar(nb, nl, elemType, alpha);
          return isa<FloatType>(elemType)
                     ? arith::MulFOp::create(nb, nl, s[0], a).getResult()
                     : arith::MulIOp::create(nb, nl, s[0], a).getResult();
        });
  }
  // Drop the promoted vector dimensions.
  if (fullType != resultType) {
    if (fullType.getNumElements() != resultType.getNumElements())
      return l.emitError("result type ")
             << resultType << " does not match the product " << fullType;
    auto reassoc = getReassociationIndicesForCollapse(fullType.getShape(),
                                                      resultType.getShape());
    if (!reassoc)
      return l.emitError("cannot reshape ") << fullType << " to " << resultType;
    out = tensor::CollapseShapeOp::create(b, loc, resultType, out, *reassoc);
  }
  results.push_back(out);
  return success();
}

} // namespace

void mlir::nd4j::populateExecToLinalgMatmul(ExecLoweringTable &table) {
  table.add("matmul", lowerMatmul);
  table.add("mmul", lowerMatmul);
  table.setDynamicReady("matmul");
  table.setDynamicReady("mmul");
}
