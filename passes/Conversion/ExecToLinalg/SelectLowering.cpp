//===- SelectLowering.cpp - top_k and nth_element -------------------------===//
//
// Selection by rank along the last dimension. The rank of element i of a
// row is the number of elements that sort before it: for the descending
// order (top_k, nth_element with `reverse`) those greater than it or equal
// to it at a lower index, for the ascending order those smaller or equal at
// a lower index. Ranks are a permutation of the row (ties broken by index,
// as TensorFlow and ONNX do), so output position j holds the one element
// whose rank is j: a reduction over the row that keeps the element whose
// rank matches. Both steps are linalg.generic reductions, O(n^2) per row of
// n; rows are independent and parallel.
//
//===----------------------------------------------------------------------===//

#include "mlir/Dialect/SCF/IR/SCF.h"
#include "passes/Conversion/ExecToLinalg/ExecLowering.h"

using namespace mlir;
using namespace mlir::nd4j;

namespace {

/// Whether scalar `b` sorts before `a` (b at index l, a at index i): by
/// value in the given direction, ties by the lower index.
Value sortsBefore(OpBuilder &b, Location loc, Value a, Value bv, Value i,
                  Value l, bool descending, bool isUnsigned) {
  Value strictly, equal;
  if (isa<FloatType>(a.getType())) {
    strictly = arith::CmpFOp::create(b, loc,
                                     descending ? arith::CmpFPredicate::OGT
                                                : arith::CmpFPredicate::OLT,
                                     bv, a);
    equal = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OEQ, bv, a);
  } else {
    arith::CmpIPredicate p = descending
                                 ? (isUnsigned ? arith::CmpIPredicate::ugt
                                               : arith::CmpIPredicate::sgt)
                                 : (isUnsigned ? arith::CmpIPredicate::ult
                                               : arith::CmpIPredicate::slt);
    strictly = arith::CmpIOp::create(b, loc, p, bv, a);
    equal = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, bv, a);
  }
  Value lower = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, l, i);
  return arith::OrIOp::create(b, loc, strictly,
                              arith::AndIOp::create(b, loc, equal, lower));
}

/// The rank of every element of `x` ([outer..., n]) in its row: an index
/// tensor of x's shape.
Value rowRanks(OpBuilder &b, Location loc, Value x, bool descending,
               bool isUnsigned) {
  auto type = cast<RankedTensorType>(x.getType());
  int64_t rank = type.getRank();
  MLIRContext *ctx = b.getContext();
  // Loops (outer..., i, l); l is reduced.
  int64_t loops = rank + 1;
  SmallVector<AffineExpr> ai, al;
  for (int64_t d = 0; d < rank - 1; ++d) {
    ai.push_back(getAffineDimExpr(d, ctx));
    al.push_back(getAffineDimExpr(d, ctx));
  }
  ai.push_back(getAffineDimExpr(rank - 1, ctx));
  al.push_back(getAffineDimExpr(rank, ctx));
  AffineMap mapI = AffineMap::get(loops, 0, ai, ctx);
  AffineMap mapL = AffineMap::get(loops, 0, al, ctx);
  auto rankType = RankedTensorType::get(type.getShape(), b.getI64Type());
  Value zero = arith::ConstantOp::create(b, loc, b.getI64IntegerAttr(0));
  Value init =
      linalg::FillOp::create(b, loc, ValueRange{zero},
                             ValueRange{tensor::EmptyOp::create(
                                 b, loc, type.getShape(), b.getI64Type())})
          .getResult(0);
  SmallVector<utils::IteratorType> iterators(loops,
                                             utils::IteratorType::parallel);
  iterators.back() = utils::IteratorType::reduction;
  return linalg::GenericOp::create(
             b, loc, rankType, ValueRange{x, x}, ValueRange{init},
             ArrayRef<AffineMap>{mapI, mapL, mapI}, iterators,
             [&](OpBuilder &nb, Location nl, ValueRange args) {
               Value i = linalg::IndexOp::create(nb, nl, rank - 1);
               Value l = linalg::IndexOp::create(nb, nl, rank);
               Value before = sortsBefore(nb, nl, args[0], args[1], i, l,
                                          descending, isUnsigned);
               Value one =
                   arith::ExtUIOp::create(nb, nl, nb.getI64Type(), before);
               linalg::YieldOp::create(
                   nb, nl,
                   arith::AddIOp::create(nb, nl, args[2], one).getResult());
             })
      .getResult(0);
}

/// For each row and each output position j (0 <= j < k, or the single
/// position `position` when it is given and the result has no last
/// dimension), the element of `x` whose rank is j and (optionally) its
/// index, of `indexType`.
std::pair<Value, Value> selectByRank(OpBuilder &b, Location loc, Value x,
                                     Value ranks, int64_t k, Value position,
                                     Type indexType) {
  auto type = cast<RankedTensorType>(x.getType());
  int64_t rank = type.getRank();
  MLIRContext *ctx = b.getContext();
  bool single = static_cast<bool>(position);
  // Loops (outer..., [j,] i); i is reduced.
  int64_t outRank = single ? rank - 1 : rank;
  int64_t loops = outRank + 1;
  SmallVector<AffineExpr> in, out;
  for (int64_t d = 0; d < rank - 1; ++d) {
    in.push_back(getAffineDimExpr(d, ctx));
    out.push_back(getAffineDimExpr(d, ctx));
  }
  in.push_back(getAffineDimExpr(loops - 1, ctx));
  if (!single)
    out.push_back(getAffineDimExpr(rank - 1, ctx));
  AffineMap inMap = AffineMap::get(loops, 0, in, ctx);
  AffineMap outMap = AffineMap::get(loops, 0, out, ctx);
  SmallVector<int64_t> shape(type.getShape().drop_back());
  if (!single)
    shape.push_back(k);
  Type elem = type.getElementType();
  auto valueType = RankedTensorType::get(shape, elem);
  SmallVector<Type> resultTypes = {valueType};
  // Zero-filled: a row with NaNs has no total order, and a position no
  // element matches keeps a defined value.
  auto zeroFilled = [&](Type t) {
    Value zero = isa<FloatType>(t)
                     ? arith::ConstantOp::create(b, loc, b.getFloatAttr(t, 0))
                           .getResult()
                     : arith::ConstantOp::create(b, loc, b.getIntegerAttr(t, 0))
                           .getResult();
    return linalg::FillOp::create(
               b, loc, ValueRange{zero},
               ValueRange{tensor::EmptyOp::create(b, loc, shape, t)})
        .getResult(0);
  };
  SmallVector<Value> inits = {zeroFilled(elem)};
  if (indexType) {
    resultTypes.push_back(RankedTensorType::get(shape, indexType));
    inits.push_back(zeroFilled(indexType));
  }
  SmallVector<AffineMap> maps = {inMap, inMap};
  maps.append(inits.size(), outMap);
  SmallVector<utils::IteratorType> iterators(loops,
                                             utils::IteratorType::parallel);
  iterators.back() = utils::IteratorType::reduction;
  auto generic = linalg::GenericOp::create(
      b, loc, resultTypes, ValueRange{x, ranks}, inits, maps, iterators,
      [&](OpBuilder &nb, Location nl, ValueRange args) {
        Value i = linalg::IndexOp::create(nb, nl, loops - 1);
        Value j = single ? position
                         : arith::IndexCastOp::create(
                               nb, nl, nb.getI64Type(),
                               linalg::IndexOp::create(nb, nl, rank - 1))
                               .getResult();
        Value hit =
            arith::CmpIOp::create(nb, nl, arith::CmpIPredicate::eq, args[1], j);
        SmallVector<Value> yields = {
            arith::SelectOp::create(nb, nl, hit, args[0], args[2])};
        if (indexType) {
          Value index = arith::IndexCastOp::create(nb, nl, indexType, i);
          yields.push_back(
              arith::SelectOp::create(nb, nl, hit, index, args[3]));
        }
        linalg::YieldOp::create(nb, nl, yields);
      });
  return {generic.getResult(0), indexType ? generic.getResult(1) : Value()};
}

/// top_k: the k largest of each row of the last dimension, in descending
/// order (ties by index), and their indices. Unsorted output (needSort
/// false) may be in any order; this one is sorted.
LogicalResult lowerTopK(ExecLowering &l, SmallVectorImpl<Value> &results) {
  RankedTensorType in = l.inputType(0);
  if (in.getRank() == 0 || !in.hasStaticShape())
    return l.emitError("expected an input of rank 1 or more and static shape");
  int64_t n = in.getShape().back();
  int64_t k =
      l.iArgs().empty() ? static_cast<int64_t>(l.tArg(0, 1)) : l.iArg(0, 1);
  if (k < 0 || k > n)
    return l.emitError("k = ") << k << " is outside [0, " << n << "]";
  if (l.numResults() != 2)
    return l.emitError("expected values and indices results");
  RankedTensorType valuesType = l.resultType(0), indicesType = l.resultType(1);
  if (valuesType.getShape().back() != k ||
      !isa<IntegerType>(indicesType.getElementType()))
    return l.emitError("the results must have k = ")
           << k << " elements per row and integer indices";
  Value ranks = rowRanks(l.b, l.loc, l.input(0), /*descending=*/true,
                         l.isUnsignedInput(0));
  auto [values, indices] = selectByRank(l.b, l.loc, l.input(0), ranks, k,
                                        Value(), indicesType.getElementType());
  results.push_back(values);
  results.push_back(indices);
  return success();
}

/// nth_element: per row of the last dimension, the element at position n
/// of the row sorted ascending (or descending with `reverse`).
LogicalResult lowerNthElement(ExecLowering &l,
                              SmallVectorImpl<Value> &results) {
  RankedTensorType in = l.inputType(0);
  if (in.getRank() == 0 || !in.hasStaticShape())
    return l.emitError("expected an input of rank 1 or more and static shape");
  OpBuilder &b = l.b;
  Location loc = l.loc;
  RankedTensorType nType = l.inputType(1);
  SmallVector<Value> zeros(nType.getRank(),
                           arith::ConstantIndexOp::create(b, loc, 0));
  Value n = tensor::ExtractOp::create(b, loc, l.input(1), zeros);
  if (!isa<IntegerType>(n.getType()))
    return l.emitError("n must be an integer");
  n = n.getType().getIntOrFloatBitWidth() < 64
          ? arith::ExtSIOp::create(b, loc, b.getI64Type(), n).getResult()
          : n;
  int64_t rowLength = in.getShape().back();
  Value inRange = arith::AndIOp::create(
      b, loc,
      arith::CmpIOp::create(
          b, loc, arith::CmpIPredicate::sge, n,
          arith::ConstantOp::create(b, loc, b.getI64IntegerAttr(0))),
      arith::CmpIOp::create(
          b, loc, arith::CmpIPredicate::slt, n,
          arith::ConstantOp::create(b, loc, b.getI64IntegerAttr(rowLength))));
  l.checkAtRunTime(inRange, "n is outside the row of " + Twine(rowLength));
  bool reverse = l.iArg(0, 0) != 0 || l.bArg(0, false);
  Value ranks = rowRanks(b, loc, l.input(0), /*descending=*/reverse,
                         l.isUnsignedInput(0));
  results.push_back(
      selectByRank(b, loc, l.input(0), ranks, 1, n, Type()).first);
  return success();
}

/// Where with only a condition: the coordinates of its non-zero elements,
/// [count, rank] in row-major order. The count (a reduction) sizes the
/// result, known only at run time; one sequential pass over the elements
/// writes each non-zero element's coordinates into the next row.
LogicalResult lowerWhere(ExecLowering &l, SmallVectorImpl<Value> &results) {
  if (l.numInputs() != 1)
    return l.emitError("only the one-input form (coordinates of the "
                       "non-zero elements) is lowered; the three-input form "
                       "imports as select");
  OpBuilder &b = l.b;
  Location loc = l.loc;
  RankedTensorType in = l.inputType(0), type = l.resultType();
  int64_t rank = in.getRank();
  if (!in.hasStaticShape())
    return l.emitError("the condition must have a static shape");
  if (type.getRank() != 2 ||
      (!type.isDynamicDim(1) && type.getDimSize(1) != rank) ||
      !isa<IntegerType>(type.getElementType()))
    return l.emitError("the result must be integer coordinates [count, ")
           << rank << "]";
  Type coordType = type.getElementType();
  Value x = l.input(0);
  Type elem = in.getElementType();
  auto nonZero = [&](OpBuilder &nb, Location nl, Value v) -> Value {
    if (isa<FloatType>(elem))
      return arith::CmpFOp::create(nb, nl, arith::CmpFPredicate::UNE, v,
                                   createScalar(nb, nl, elem, 0));
    return arith::CmpIOp::create(nb, nl, arith::CmpIPredicate::ne, v,
                                 createScalar(nb, nl, elem, 0));
  };
  // The count: a reduction of all elements to a scalar.
  Type i64 = b.getI64Type();
  auto scalarType = RankedTensorType::get({}, i64);
  Value zero64 = arith::ConstantOp::create(b, loc, b.getI64IntegerAttr(0));
  Value init =
      linalg::FillOp::create(
          b, loc, ValueRange{zero64},
          ValueRange{tensor::EmptyOp::create(b, loc, ArrayRef<int64_t>{}, i64)})
          .getResult(0);
  SmallVector<AffineMap> maps = {
      b.getMultiDimIdentityMap(rank),
      AffineMap::get(rank, 0, ArrayRef<AffineExpr>{}, b.getContext())};
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::reduction);
  Value countTensor =
      linalg::GenericOp::create(
          b, loc, scalarType, ValueRange{x}, ValueRange{init}, maps, iterators,
          [&](OpBuilder &nb, Location nl, ValueRange args) {
            Value one =
                arith::ExtUIOp::create(nb, nl, i64, nonZero(nb, nl, args[0]));
            linalg::YieldOp::create(
                nb, nl,
                arith::AddIOp::create(nb, nl, args[1], one).getResult());
          })
          .getResult(0);
  Value count = arith::IndexCastOp::create(
      b, loc, b.getIndexType(),
      tensor::ExtractOp::create(b, loc, countTensor, ValueRange{}));
  SmallVector<Value> dynamicSizes = {count};
  if (type.isDynamicDim(1))
    dynamicSizes.push_back(arith::ConstantIndexOp::create(b, loc, rank));
  Value out =
      tensor::EmptyOp::create(b, loc, type.getShape(), coordType, dynamicSizes);
  // One pass in row-major order: (result, next row).
  int64_t total = in.getNumElements();
  Value c0 = arith::ConstantIndexOp::create(b, loc, 0);
  Value c1 = arith::ConstantIndexOp::create(b, loc, 1);
  auto loop = scf::ForOp::create(
      b, loc, c0, arith::ConstantIndexOp::create(b, loc, total), c1,
      ValueRange{out, c0},
      [&](OpBuilder &nb, Location nl, Value iv, ValueRange args) {
        // Coordinates of element iv.
        SmallVector<Value> coords(rank);
        Value rest = iv;
        for (int64_t d = rank - 1; d >= 0; --d) {
          Value size = arith::ConstantIndexOp::create(nb, nl, in.getDimSize(d));
          coords[d] = arith::RemUIOp::create(nb, nl, rest, size);
          rest = arith::DivUIOp::create(nb, nl, rest, size);
        }
        Value v = tensor::ExtractOp::create(nb, nl, x, coords);
        auto branch = scf::IfOp::create(
            nb, nl, nonZero(nb, nl, v),
            [&](OpBuilder &tb, Location tl) {
              Value acc = args[0];
              for (int64_t d = 0; d < rank; ++d) {
                Value c =
                    arith::IndexCastOp::create(tb, tl, coordType, coords[d]);
                acc = tensor::InsertOp::create(
                    tb, tl, c, acc,
                    ValueRange{args[1],
                               arith::ConstantIndexOp::create(tb, tl, d)});
              }
              Value next = arith::AddIOp::create(
                  tb, tl, args[1], arith::ConstantIndexOp::create(tb, tl, 1));
              scf::YieldOp::create(tb, tl, ValueRange{acc, next});
            },
            [&](OpBuilder &eb, Location el) {
              scf::YieldOp::create(eb, el, ValueRange{args[0], args[1]});
            });
        scf::YieldOp::create(nb, nl, branch.getResults());
      });
  results.push_back(loop.getResult(0));
  return success();
}

/// Intersection over union of boxes `a` and `b` (each 4 scalars y1, x1,
/// y2, x2 of either diagonal), 0 where either has no area.
Value intersectionOverUnion(OpBuilder &b, Location loc, ArrayRef<Value> a,
                            ArrayRef<Value> c) {
  auto minf = [&](Value p, Value q) {
    return arith::MinimumFOp::create(b, loc, p, q).getResult();
  };
  auto maxf = [&](Value p, Value q) {
    return arith::MaximumFOp::create(b, loc, p, q).getResult();
  };
  auto sub = [&](Value p, Value q) {
    return arith::SubFOp::create(b, loc, p, q).getResult();
  };
  auto mul = [&](Value p, Value q) {
    return arith::MulFOp::create(b, loc, p, q).getResult();
  };
  Type t = a[0].getType();
  Value zero = createScalar(b, loc, t, 0);
  Value ay0 = minf(a[0], a[2]), ay1 = maxf(a[0], a[2]);
  Value ax0 = minf(a[1], a[3]), ax1 = maxf(a[1], a[3]);
  Value cy0 = minf(c[0], c[2]), cy1 = maxf(c[0], c[2]);
  Value cx0 = minf(c[1], c[3]), cx1 = maxf(c[1], c[3]);
  Value areaA = mul(sub(ay1, ay0), sub(ax1, ax0));
  Value areaC = mul(sub(cy1, cy0), sub(cx1, cx0));
  Value ih = maxf(sub(minf(ay1, cy1), maxf(ay0, cy0)), zero);
  Value iw = maxf(sub(minf(ax1, cx1), maxf(ax0, cx0)), zero);
  Value inter = mul(ih, iw);
  Value iou = arith::DivFOp::create(
      b, loc, inter,
      sub(arith::AddFOp::create(b, loc, areaA, areaC).getResult(), inter));
  Value empty = arith::OrIOp::create(
      b, loc,
      arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLE, areaA, zero),
      arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLE, areaC, zero));
  return arith::SelectOp::create(b, loc, empty, zero, iou);
}

/// libnd4j non_max_suppression_v3 (boxes [n, 4], scores [n], then scalar
/// maxOutSize, iouThreshold, scoreThreshold): the boxes scoring above the
/// score threshold, by descending score (ties: lower index first; the
/// order from each box's rank, O(n^2) as top_k), each selected unless its
/// IoU with an already selected box reaches the IoU threshold, until
/// maxOutSize are selected. The result holds the selected indices in
/// order; its length is the count at the end of the loop.
LogicalResult lowerNonMaxSuppression(ExecLowering &l,
                                     SmallVectorImpl<Value> &results) {
  if (l.numInputs() != 5)
    return l.emitError("needs boxes, scores, maxOutSize, iouThreshold and "
                       "scoreThreshold as inputs");
  OpBuilder &b = l.b;
  Location loc = l.loc;
  RankedTensorType boxesType = l.inputType(0), scoresType = l.inputType(1);
  RankedTensorType type = l.resultType();
  if (!boxesType.hasStaticShape() || boxesType.getRank() != 2 ||
      boxesType.getDimSize(1) != 4 || scoresType.getRank() != 1 ||
      scoresType.getShape()[0] != boxesType.getDimSize(0) ||
      !isa<FloatType>(boxesType.getElementType()) ||
      scoresType.getElementType() != boxesType.getElementType())
    return l.emitError("needs static float boxes [n, 4] and scores [n] of "
                       "their type");
  if (type.getRank() != 1 || !isa<IntegerType>(type.getElementType()))
    return l.emitError("the result must be integer indices [count]");
  for (unsigned i = 2; i < 5; ++i)
    if (l.inputType(i).getNumElements() != 1)
      return l.emitError("maxOutSize and the thresholds must be one value");
  int64_t n = boxesType.getDimSize(0);
  Type elem = boxesType.getElementType();
  Type indexType = b.getIndexType();
  if (n == 0) {
    Value none = tensor::EmptyOp::create(b, loc, ArrayRef<int64_t>{0},
                                         type.getElementType());
    results.push_back(none.getType() == type
                          ? none
                          : tensor::CastOp::create(b, loc, type, none));
    return success();
  }
  Value boxes = l.input(0), scores = l.input(1);
  auto scalarOf = [&](unsigned i, Type to) {
    RankedTensorType t = l.inputType(i);
    SmallVector<Value> zeros(t.getRank(),
                             arith::ConstantIndexOp::create(b, loc, 0));
    Value v = tensor::ExtractOp::create(b, loc, l.input(i), zeros);
    return convertScalar(b, loc, v, to, l.isUnsignedInput(i), false);
  };
  Value maxOut = arith::IndexCastOp::create(b, loc, indexType,
                                            scalarOf(2, b.getI64Type()));
  Value iouThreshold = scalarOf(3, elem);
  Value scoreThreshold = scalarOf(4, elem);
  Value c0 = arith::ConstantIndexOp::create(b, loc, 0);
  Value c1 = arith::ConstantIndexOp::create(b, loc, 1);
  Value cn = arith::ConstantIndexOp::create(b, loc, n);

  // order[rank(i)] = i.
  Value ranks = rowRanks(b, loc, scores, /*descending=*/true, false);
  Value order0 =
      tensor::EmptyOp::create(b, loc, ArrayRef<int64_t>{n}, b.getI64Type());
  Value order =
      scf::ForOp::create(
          b, loc, c0, cn, c1, ValueRange{order0},
          [&](OpBuilder &nb, Location nl, Value i, ValueRange args) {
            Value r = arith::IndexCastOp::create(
                nb, nl, indexType, tensor::ExtractOp::create(nb, nl, ranks, i));
            Value v = arith::IndexCastOp::create(nb, nl, nb.getI64Type(), i);
            scf::YieldOp::create(
                nb, nl,
                tensor::InsertOp::create(nb, nl, v, args[0], r).getResult());
          })
          .getResult(0);

  auto boxOf = [&](OpBuilder &nb, Location nl, Value i) {
    SmallVector<Value> v;
    for (int64_t k = 0; k < 4; ++k)
      v.push_back(tensor::ExtractOp::create(
          nb, nl, boxes,
          ValueRange{i, arith::ConstantIndexOp::create(nb, nl, k)}));
    return v;
  };
  Type outElem = type.getElementType();
  Value selected0 =
      tensor::EmptyOp::create(b, loc, ArrayRef<int64_t>{n}, outElem);
  auto greedy = scf::ForOp::create(
      b, loc, c0, cn, c1, ValueRange{selected0, c0},
      [&](OpBuilder &nb, Location nl, Value k, ValueRange args) {
        Value selected = args[0], count = args[1];
        Value i = arith::IndexCastOp::create(
            nb, nl, indexType, tensor::ExtractOp::create(nb, nl, order, k));
        Value score = tensor::ExtractOp::create(nb, nl, scores, i);
        Value candidate = arith::AndIOp::create(
            nb, nl,
            arith::CmpFOp::create(nb, nl, arith::CmpFPredicate::OGT, score,
                                  scoreThreshold),
            arith::CmpIOp::create(nb, nl, arith::CmpIPredicate::ult, count,
                                  maxOut));
        SmallVector<Value> box = boxOf(nb, nl, i);
        // Kept unless an already selected box overlaps it enough.
        Value keep =
            scf::ForOp::create(
                nb, nl, c0, count, arith::ConstantIndexOp::create(nb, nl, 1),
                ValueRange{candidate},
                [&](OpBuilder &ib, Location il, Value j, ValueRange kept) {
                  Value s = arith::IndexCastOp::create(
                      ib, il, indexType,
                      tensor::ExtractOp::create(ib, il, selected, j));
                  Value iou =
                      intersectionOverUnion(ib, il, box, boxOf(ib, il, s));
                  Value below = arith::CmpFOp::create(
                      ib, il, arith::CmpFPredicate::OLT, iou, iouThreshold);
                  scf::YieldOp::create(
                      ib, il,
                      arith::AndIOp::create(ib, il, kept[0], below)
                          .getResult());
                })
                .getResult(0);
        auto take = scf::IfOp::create(
            nb, nl, keep,
            [&](OpBuilder &tb, Location tl) {
              Value v = arith::IndexCastOp::create(tb, tl, outElem, i);
              Value next = arith::AddIOp::create(
                  tb, tl, count, arith::ConstantIndexOp::create(tb, tl, 1));
              scf::YieldOp::create(tb, tl,
                                   ValueRange{tensor::InsertOp::create(
                                                  tb, tl, v, selected, count),
                                              next});
            },
            [&](OpBuilder &eb, Location el) {
              scf::YieldOp::create(eb, el, ValueRange{selected, count});
            });
        scf::YieldOp::create(nb, nl, take.getResults());
      });
  Value count = greedy.getResult(1);
  Value result = tensor::ExtractSliceOp::create(
      b, loc, RankedTensorType::get({ShapedType::kDynamic}, outElem),
      greedy.getResult(0), ArrayRef<OpFoldResult>{b.getIndexAttr(0)},
      ArrayRef<OpFoldResult>{count}, ArrayRef<OpFoldResult>{b.getIndexAttr(1)});
  if (result.getType() != type)
    result = tensor::CastOp::create(b, loc, type, result);
  results.push_back(result);
  return success();
}

} // namespace

void mlir::nd4j::populateExecToLinalgSelect(ExecLoweringTable &table) {
  table.add("non_max_suppression_v3", lowerNonMaxSuppression);
  table.setDynamicReady("non_max_suppression_v3");
  table.add("top_k", lowerTopK);
  table.add("nth_element", lowerNthElement);
  table.add("Where", lowerWhere);
  table.setDynamicReady("Where");
}
