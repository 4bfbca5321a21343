//===- ScatterLowering.cpp - libnd4j scatter ops → scf + tensor -*- C++ -*-===//
//
// scatter_nd_update/_add (coordinate tuples of the last index dimension),
// scatter_mul/_max/_min (indices along the first dimension) and the segment
// reductions (segment_*, unsorted_segment_*): a loop over the
// updates, in order, that carries the result tensor: each step reads its
// coordinates, extracts the addressed slice, combines it with its update and
// inserts it back. One-shot bufferization makes the loop update one copy of
// the input in place, and repeated coordinates combine in update order (the
// last update wins for scatter_nd_update). Coordinates are wrapped when
// negative and clamped into the tensor, so a bad index cannot write outside
// the buffer.
//
//===----------------------------------------------------------------------===//

#include "passes/Conversion/ExecToLinalg/ExecLowering.h"

#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"

using namespace mlir;
using namespace mlir::nd4j;

namespace {

enum class Combine { Replace, Add, Mul, Max, Min };

Value indexConst(OpBuilder &b, Location loc, int64_t v) {
  return arith::ConstantIndexOp::create(b, loc, v);
}

/// `v` of shape [d0, ..., dn] as [d0 * ... * d(k-1), dk, ..., dn]: the first
/// `k` dimensions merged (k = 0 prepends a dimension of 1).
Value mergeLeading(OpBuilder &b, Location loc, Value v, int64_t k) {
  auto type = cast<RankedTensorType>(v.getType());
  int64_t rank = type.getRank();
  SmallVector<int64_t> shape;
  SmallVector<ReassociationIndices> groups;
  if (k == 0) {
    shape.push_back(1);
    llvm::append_range(shape, type.getShape());
    if (rank == 0)
      return tensor::ExpandShapeOp::create(
          b, loc, RankedTensorType::get(shape, type.getElementType()), v,
          SmallVector<ReassociationIndices>{});
    groups.push_back({0, 1});
    for (int64_t d = 1; d < rank; ++d)
      groups.push_back({d + 1});
    return tensor::ExpandShapeOp::create(
        b, loc, RankedTensorType::get(shape, type.getElementType()), v, groups);
  }
  if (k == 1)
    return v;
  int64_t n = 1;
  ReassociationIndices first;
  for (int64_t d = 0; d < k; ++d) {
    n *= type.getDimSize(d);
    first.push_back(d);
  }
  shape.push_back(n);
  groups.push_back(first);
  for (int64_t d = k; d < rank; ++d) {
    shape.push_back(type.getDimSize(d));
    groups.push_back({d});
  }
  return tensor::CollapseShapeOp::create(
      b, loc, RankedTensorType::get(shape, type.getElementType()), v, groups);
}

/// Indices of one dimension (`v` with its first `k` dimensions merged) as
/// the [N, 1] coordinate column scatterLoop takes.
Value indexColumn(OpBuilder &b, Location loc, Value v, int64_t k) {
  Value flat = mergeLeading(b, loc, v, k);
  auto type = cast<RankedTensorType>(flat.getType());
  return tensor::ExpandShapeOp::create(
      b, loc,
      RankedTensorType::get({type.getDimSize(0), 1}, type.getElementType()),
      flat, SmallVector<ReassociationIndices>{{0, 1}});
}

Value combineScalars(OpBuilder &b, Location loc, Combine combine, Value old,
                     Value update, bool isUnsigned) {
  bool isFloat = isa<FloatType>(old.getType());
  switch (combine) {
  case Combine::Replace:
    return update;
  case Combine::Add:
    return isFloat ? arith::AddFOp::create(b, loc, old, update).getResult()
                   : arith::AddIOp::create(b, loc, old, update).getResult();
  case Combine::Mul:
    return isFloat ? arith::MulFOp::create(b, loc, old, update).getResult()
                   : arith::MulIOp::create(b, loc, old, update).getResult();
  case Combine::Max:
    return maxOf(b, loc, old, update, isUnsigned);
  case Combine::Min:
    return minOf(b, loc, old, update, isUnsigned);
  }
  return update;
}

/// The loop of the scatter ops: `acc0` (the input, of rank `rank`) with
/// each row of `updates` ([N, input.shape[k:]...]) combined into the slice
/// that the row of `indices` ([N, k]) addresses, in order. Indices wrap
/// when negative and are clamped; with `dropOutOfRange`, an update whose
/// index is outside the input is skipped instead (the segment ops); with an
/// `outOfRangeError`, such an index fails the run with that message.
Value scatterLoop(OpBuilder &b, Location loc, Value acc0, Value indices,
                  Value updates, int64_t k, Combine combine, bool isUnsignedIdx,
                  bool isUnsignedVal, bool dropOutOfRange,
                  StringRef outOfRangeError = {}) {
  auto in = cast<RankedTensorType>(acc0.getType());
  int64_t rank = in.getRank();
  int64_t n = cast<RankedTensorType>(indices.getType()).getDimSize(0);
  // The slice of one update: 1 x ... x 1 (k) x input.shape[k:].
  SmallVector<int64_t> sliceShape(k, 1);
  llvm::append_range(sliceShape, in.getShape().drop_front(k));
  auto sliceType = RankedTensorType::get(sliceShape, in.getElementType());
  SmallVector<int64_t> updSliceShape = {1};
  llvm::append_range(updSliceShape, in.getShape().drop_front(k));

  auto loop = scf::ForOp::create(
      b, loc, indexConst(b, loc, 0), indexConst(b, loc, n),
      indexConst(b, loc, 1), ValueRange{acc0},
      [&](OpBuilder &nb, Location nl, Value iv, ValueRange args) {
        Value acc = args[0];
        Value inRange = createScalar(nb, nl, nb.getI1Type(), 1);
        SmallVector<OpFoldResult> offsets, sizes, strides;
        for (int64_t d = 0; d < k; ++d) {
          Value c = tensor::ExtractOp::create(
              nb, nl, indices, ValueRange{iv, indexConst(nb, nl, d)});
          c = isUnsignedIdx
                  ? arith::IndexCastUIOp::create(nb, nl, nb.getIndexType(), c)
                        .getResult()
                  : arith::IndexCastOp::create(nb, nl, nb.getIndexType(), c)
                        .getResult();
          Value dim = indexConst(nb, nl, in.getDimSize(d));
          Value zero = indexConst(nb, nl, 0);
          Value negative =
              arith::CmpIOp::create(nb, nl, arith::CmpIPredicate::slt, c, zero);
          if (!outOfRangeError.empty())
            cf::AssertOp::create(
                nb, nl,
                arith::AndIOp::create(
                    nb, nl,
                    arith::CmpIOp::create(nb, nl, arith::CmpIPredicate::sge, c,
                                          zero),
                    arith::CmpIOp::create(nb, nl, arith::CmpIPredicate::slt, c,
                                          dim)),
                outOfRangeError);
          if (dropOutOfRange)
            inRange = arith::AndIOp::create(
                nb, nl, inRange,
                arith::AndIOp::create(
                    nb, nl,
                    arith::CmpIOp::create(nb, nl, arith::CmpIPredicate::sge, c,
                                          zero),
                    arith::CmpIOp::create(nb, nl, arith::CmpIPredicate::slt, c,
                                          dim)));
          c = arith::SelectOp::create(nb, nl, negative,
                                      arith::AddIOp::create(nb, nl, c, dim), c);
          c = arith::MinSIOp::create(nb, nl,
                                     arith::MaxSIOp::create(nb, nl, c, zero),
                                     indexConst(nb, nl, in.getDimSize(d) - 1));
          offsets.push_back(c);
          sizes.push_back(nb.getIndexAttr(1));
          strides.push_back(nb.getIndexAttr(1));
        }
        for (int64_t d = k; d < rank; ++d) {
          offsets.push_back(nb.getIndexAttr(0));
          sizes.push_back(nb.getIndexAttr(in.getDimSize(d)));
          strides.push_back(nb.getIndexAttr(1));
        }
        SmallVector<OpFoldResult> uOffsets = {OpFoldResult(iv)},
                                  uSizes = {nb.getIndexAttr(1)},
                                  uStrides = {nb.getIndexAttr(1)};
        for (int64_t d = k; d < rank; ++d) {
          uOffsets.push_back(nb.getIndexAttr(0));
          uSizes.push_back(nb.getIndexAttr(in.getDimSize(d)));
          uStrides.push_back(nb.getIndexAttr(1));
        }
        Value update = tensor::ExtractSliceOp::create(
            nb, nl, RankedTensorType::get(updSliceShape, in.getElementType()),
            updates, uOffsets, uSizes, uStrides);
        // The update [1, in[k:]...] in the slice's shape [1 x k, in[k:]...]:
        // its leading 1 becomes the k indexed dimensions.
        SmallVector<ReassociationIndices> groups;
        ReassociationIndices first;
        for (int64_t d = 0; d < k; ++d)
          first.push_back(d);
        groups.push_back(first);
        for (int64_t d = k; d < rank; ++d)
          groups.push_back({d});
        Value updateSlice = update.getType() == sliceType
                                ? update
                                : tensor::ExpandShapeOp::create(
                                      nb, nl, sliceType, update, groups)
                                      .getResult();
        Value value = updateSlice;
        if (combine != Combine::Replace) {
          Value old = tensor::ExtractSliceOp::create(nb, nl, sliceType, acc,
                                                     offsets, sizes, strides);
          value = createElementwise(
              nb, nl, sliceType, ValueRange{old, updateSlice},
              [&](OpBuilder &eb, Location el, ValueRange s) -> Value {
                Value v =
                    combineScalars(eb, el, combine, s[0], s[1], isUnsignedVal);
                if (!dropOutOfRange)
                  return v;
                return arith::SelectOp::create(eb, el, inRange, v, s[0]);
              });
        }
        Value next = tensor::InsertSliceOp::create(nb, nl, value, acc, offsets,
                                                   sizes, strides);
        scf::YieldOp::create(nb, nl, next);
      });
  return loop.getResult(0);
}

/// `nd`: the last index dimension holds coordinate tuples; otherwise each
/// index names a slice along the first dimension.
ExecLowerFn scatter(Combine combine, bool nd) {
  return
      [=](ExecLowering &l, SmallVectorImpl<Value> &results) -> LogicalResult {
        OpBuilder &b = l.b;
        Location loc = l.loc;
        if (l.numInputs() != 3)
          return l.emitError("expected input, indices and updates");
        RankedTensorType in = l.inputType(0), idx = l.inputType(1),
                         upd = l.inputType(2);
        if (!isa<IntegerType>(idx.getElementType()))
          return l.emitError("indices must be integers");
        int64_t rank = in.getRank();
        int64_t k =
            nd ? (idx.getRank() ? idx.getDimSize(idx.getRank() - 1) : 0) : 1;
        int64_t batchRank =
            nd ? std::max<int64_t>(idx.getRank() - 1, 0) : idx.getRank();
        if (k < 1 || k > rank)
          return l.emitError("indices address ")
                 << k << " dimensions of a rank-" << rank << " input";
        // updates: indices' batch dimensions, then input.shape[k:].
        SmallVector<int64_t> want(idx.getShape().take_front(batchRank));
        llvm::append_range(want, in.getShape().drop_front(k));
        if (upd.getShape() != ArrayRef<int64_t>(want) ||
            upd.getElementType() != in.getElementType())
          return l.emitError("updates have shape ")
                 << upd
                 << ", expected the indices' leading dimensions and the "
                    "input's trailing ones";
        // indices as [N, k], updates as [N, input.shape[k:]...].
        Value indices = nd ? mergeLeading(b, loc, l.input(1), batchRank)
                           : indexColumn(b, loc, l.input(1), batchRank);
        Value updates = mergeLeading(b, loc, l.input(2), batchRank);

        // b_args [lock, checkIndices]: checked indices fail the run.
        std::string check;
        if (nd && l.bArgs().size() >= 2 && l.bArgs()[1])
          check = l.runTimeMessage("an index is outside the input");
        results.push_back(scatterLoop(b, loc, l.input(0), indices, updates, k,
                                      combine, l.isUnsignedInput(1),
                                      l.isUnsignedInput(0),
                                      /*dropOutOfRange=*/false, check));
        return success();
      };
}

/// The segment reductions. Row i of the input (its first ids.rank
/// dimensions merged) is combined into row ids[i] of the result, whose first
/// dimension is the number of segments and which starts at the
/// combination's identity; ids outside [0, segments) are dropped (as
/// TensorFlow drops negative ones). An empty segment is 0 for the sorted ops
/// (segment_*) and for means, and the identity for the unsorted ones (the
/// type's lowest value for max, as TensorFlow's UnsortedSegmentMax).
enum class Segment { Sum, Max, Min, Prod, Mean, SqrtN };

/// The largest (or lowest) value of `type`.
Value extremeScalar(OpBuilder &b, Location loc, Type type, bool largest,
                    bool isUnsigned) {
  if (auto f = dyn_cast<FloatType>(type))
    return arith::ConstantOp::create(
        b, loc,
        b.getFloatAttr(type, APFloat::getLargest(f.getFloatSemantics(),
                                                 /*Negative=*/!largest)));
  unsigned bits = type.getIntOrFloatBitWidth();
  APInt v = isUnsigned
                ? (largest ? APInt::getMaxValue(bits) : APInt::getZero(bits))
                : (largest ? APInt::getSignedMaxValue(bits)
                           : APInt::getSignedMinValue(bits));
  return arith::ConstantOp::create(b, loc, b.getIntegerAttr(type, v));
}

ExecLowerFn segment(Segment kind, bool sorted) {
  return [=](ExecLowering &l,
             SmallVectorImpl<Value> &results) -> LogicalResult {
    OpBuilder &b = l.b;
    Location loc = l.loc;
    if (l.numInputs() < 2)
      return l.emitError("expected input and segment ids");
    RankedTensorType in = l.inputType(0), ids = l.inputType(1);
    RankedTensorType declared = l.resultType(), result = declared;
    Type elem = result.getElementType();
    if (!isa<IntegerType>(ids.getElementType()))
      return l.emitError("segment ids must be integers");
    // The sorted ops' number of segments is the largest id + 1: known when
    // the ids are constants.
    if (result.getRank() >= 1 && result.isDynamicDim(0)) {
      std::optional<SmallVector<int64_t>> values = l.constantInts(1);
      if (!values)
        return l.emitError("the number of segments is known only at run "
                           "time (the segment ids are not constants)");
      int64_t segments = 0;
      for (int64_t v : *values)
        segments = std::max(segments, v + 1);
      SmallVector<int64_t> shape(result.getShape());
      shape[0] = segments;
      result = RankedTensorType::get(shape, elem);
      if (!result.hasStaticShape())
        return l.emitError("the result ")
               << declared << " has sizes known only at run time";
    }
    int64_t idsRank = ids.getRank();
    if (idsRank < 1 || idsRank > in.getRank() ||
        in.getShape().take_front(idsRank) != ids.getShape())
      return l.emitError("segment ids of type ")
             << ids << " do not index the leading dimensions of " << in;
    if (result.getRank() != 1 + in.getRank() - idsRank ||
        result.isDynamicDim(0) ||
        result.getShape().drop_front() != in.getShape().drop_front(idsRank) ||
        elem != in.getElementType())
      return l.emitError("the result ")
             << result << " is not [segments] + the trailing dimensions of "
             << in;
    bool isFloat = isa<FloatType>(elem);
    if ((kind == Segment::Mean || kind == Segment::SqrtN) && !isFloat)
      return l.emitError("needs a float input");
    bool isUnsigned = l.isUnsignedInput(0);
    bool isUnsignedIdx = l.isUnsignedInput(1);

    Value indices = indexColumn(b, loc, l.input(1), idsRank);
    Value rows = mergeLeading(b, loc, l.input(0), idsRank);

    Combine combine = Combine::Add;
    Value identity = createScalar(b, loc, elem, 0);
    switch (kind) {
    case Segment::Max:
      combine = Combine::Max;
      identity = extremeScalar(b, loc, elem, /*largest=*/false, isUnsigned);
      break;
    case Segment::Min:
      combine = Combine::Min;
      identity = extremeScalar(b, loc, elem, /*largest=*/true, isUnsigned);
      break;
    case Segment::Prod:
      combine = Combine::Mul;
      identity = createScalar(b, loc, elem, 1);
      break;
    default:
      break;
    }
    Value init =
        linalg::FillOp::create(b, loc, identity, createEmpty(b, loc, result))
            .getResult(0);
    Value acc = scatterLoop(b, loc, init, indices, rows, 1, combine,
                            isUnsignedIdx, isUnsigned,
                            /*dropOutOfRange=*/true);
    bool needsCount =
        kind == Segment::Mean || kind == Segment::SqrtN ||
        (sorted && (kind == Segment::Max || kind == Segment::Min));
    auto finish = [&](Value v) {
      if (v.getType() != declared)
        v = tensor::CastOp::create(b, loc, declared, v);
      results.push_back(v);
      return success();
    };
    if (!needsCount)
      return finish(acc);

    // How many rows each segment got.
    int64_t segments = result.getDimSize(0),
            n = cast<RankedTensorType>(indices.getType()).getDimSize(0);
    auto countType = RankedTensorType::get({segments}, elem);
    Value zeros = linalg::FillOp::create(b, loc, createScalar(b, loc, elem, 0),
                                         createEmpty(b, loc, countType))
                      .getResult(0);
    Value ones = createSplat(b, loc, RankedTensorType::get({n}, elem), 1.0);
    Value counts = scatterLoop(b, loc, zeros, indices, ones, 1, Combine::Add,
                               isUnsignedIdx, isUnsigned,
                               /*dropOutOfRange=*/true);
    int64_t rank = result.getRank();
    MLIRContext *ctx = b.getContext();
    SmallVector<AffineMap> maps = {
        b.getMultiDimIdentityMap(rank),
        AffineMap::get(rank, 0, {getAffineDimExpr(0, ctx)}, ctx),
        b.getMultiDimIdentityMap(rank)};
    SmallVector<utils::IteratorType> parallel(rank,
                                              utils::IteratorType::parallel);
    Value out =
        linalg::GenericOp::create(
            b, loc, result, ValueRange{acc, counts},
            ValueRange{createEmpty(b, loc, result)}, maps, parallel,
            [&](OpBuilder &nb, Location nl, ValueRange args) {
              Value v = args[0], c = args[1];
              Value zero = createScalar(nb, nl, elem, 0);
              Value empty =
                  isFloat
                      ? arith::CmpFOp::create(nb, nl, arith::CmpFPredicate::OEQ,
                                              c, zero)
                            .getResult()
                      : arith::CmpIOp::create(nb, nl, arith::CmpIPredicate::eq,
                                              c, zero)
                            .getResult();
              if (kind == Segment::Mean)
                v = arith::DivFOp::create(nb, nl, v, c);
              else if (kind == Segment::SqrtN)
                v = arith::DivFOp::create(nb, nl, v,
                                          math::SqrtOp::create(nb, nl, c));
              linalg::YieldOp::create(
                  nb, nl,
                  ValueRange{arith::SelectOp::create(nb, nl, empty, zero, v)});
            })
            .getResult(0);
    return finish(out);
  };
}

} // namespace

void mlir::nd4j::populateExecToLinalgScatter(ExecLoweringTable &table) {
  table.add("scatter_nd_update", scatter(Combine::Replace, /*nd=*/true));
  table.add("scatter_nd_add", scatter(Combine::Add, /*nd=*/true));
  table.add("scatter_mul", scatter(Combine::Mul, /*nd=*/false));
  table.add("scatter_max", scatter(Combine::Max, /*nd=*/false));
  table.add("scatter_min", scatter(Combine::Min, /*nd=*/false));
  table.add("unsorted_segment_sum", segment(Segment::Sum, false));
  table.add("unsorted_segment_max", segment(Segment::Max, false));
  table.add("unsorted_segment_min", segment(Segment::Min, false));
  table.add("unsorted_segment_prod", segment(Segment::Prod, false));
  table.add("unsorted_segment_mean", segment(Segment::Mean, false));
  table.add("unsorted_segment_sqrt_n", segment(Segment::SqrtN, false));
  table.add("segment_sum", segment(Segment::Sum, true));
  table.add("segment_max", segment(Segment::Max, true));
  table.add("segment_min", segment(Segment::Min, true));
  table.add("segment_prod", segment(Segment::Prod, true));
  table.add("segment_mean", segment(Segment::Mean, true));
  // The sorted ops' result size comes from constant ids (segment()).
  for (StringRef name : {"segment_sum", "segment_max", "segment_min",
                         "segment_prod", "segment_mean"})
    table.setDynamicReady(name);
}
