//===- ScatterLowering.cpp - libnd4j scatter ops → scf + tensor -*- C++ -*-===//
//
// scatter_nd_update/_add (coordinate tuples of the last index dimension) and
// scatter_mul/_max/_min (indices along the first dimension): a loop over the
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

/// `nd`: the last index dimension holds coordinate tuples; otherwise each
/// index names a slice along the first dimension.
ExecLowerFn scatter(Combine combine, bool nd) {
  return [=](ExecLowering &l,
             SmallVectorImpl<Value> &results) -> LogicalResult {
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
    Value indices = l.input(1);
    if (nd)
      indices = mergeLeading(b, loc, indices, batchRank);
    else {
      indices = mergeLeading(b, loc, indices, batchRank);
      auto flat = cast<RankedTensorType>(indices.getType());
      indices = tensor::ExpandShapeOp::create(
          b, loc,
          RankedTensorType::get({flat.getDimSize(0), 1}, flat.getElementType()),
          indices, SmallVector<ReassociationIndices>{{0, 1}});
    }
    Value updates = mergeLeading(b, loc, l.input(2), batchRank);
    int64_t n = cast<RankedTensorType>(indices.getType()).getDimSize(0);
    bool isUnsignedIdx = l.isUnsignedInput(1);
    bool isUnsignedVal = l.isUnsignedInput(0);

    // The slice of one update: 1 x ... x 1 (k) x input.shape[k:].
    SmallVector<int64_t> sliceShape(k, 1);
    llvm::append_range(sliceShape, in.getShape().drop_front(k));
    auto sliceType = RankedTensorType::get(sliceShape, in.getElementType());
    SmallVector<int64_t> updSliceShape = {1};
    llvm::append_range(updSliceShape, in.getShape().drop_front(k));

    auto loop = scf::ForOp::create(
        b, loc, indexConst(b, loc, 0), indexConst(b, loc, n),
        indexConst(b, loc, 1), ValueRange{l.input(0)},
        [&](OpBuilder &nb, Location nl, Value iv, ValueRange args) {
          Value acc = args[0];
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
            Value negative = arith::CmpIOp::create(
                nb, nl, arith::CmpIPredicate::slt, c, zero);
            c = arith::SelectOp::create(
                nb, nl, negative, arith::AddIOp::create(nb, nl, c, dim), c);
            c = arith::MinSIOp::create(
                nb, nl, arith::MaxSIOp::create(nb, nl, c, zero),
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
          // The update in the slice's shape (k leading ones).
          SmallVector<ReassociationIndices> groups;
          ReassociationIndices first;
          for (int64_t d = 0; d < k; ++d)
            first.push_back(d);
          if (rank == k) {
            // Both are all ones: [1] -> [1 x ... x 1].
            groups.push_back(first);
          } else {
            first.push_back(k);
            groups.push_back(first);
            for (int64_t d = k + 1; d < rank; ++d)
              groups.push_back({d});
          }
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
                [&](OpBuilder &eb, Location el, ValueRange s) {
                  return combineScalars(eb, el, combine, s[0], s[1],
                                        isUnsignedVal);
                });
          }
          Value next = tensor::InsertSliceOp::create(nb, nl, value, acc,
                                                     offsets, sizes, strides);
          scf::YieldOp::create(nb, nl, next);
        });
    results.push_back(loop.getResult(0));
    return success();
  };
}

} // namespace

void mlir::nd4j::populateExecToLinalgScatter(ExecLoweringTable &table) {
  table.add("scatter_nd_update", scatter(Combine::Replace, /*nd=*/true));
  table.add("scatter_nd_add", scatter(Combine::Add, /*nd=*/true));
  table.add("scatter_mul", scatter(Combine::Mul, /*nd=*/false));
  table.add("scatter_max", scatter(Combine::Max, /*nd=*/false));
  table.add("scatter_min", scatter(Combine::Min, /*nd=*/false));
}
