//===- ShapeLowering.cpp - shape libnd4j ops -------------------*- C++ -*-===//
//
// reshape, permute, concat, slices, gathers, scatters, pad, tile, broadcast,
// range/fill, index-producing ops. Pure data movement becomes tensor ops
// (collapse/expand_shape, extract/insert_slice, pad) or named linalg ops
// (transpose, fill); movement that depends on index arithmetic or on run-time
// indices becomes a linalg.generic over the result whose body reads the
// source with `tensor.extract`. The node's static result type is taken as
// authoritative for shapes that libnd4j would compute from its arguments.
//
//===----------------------------------------------------------------------===//

#include "passes/Conversion/ExecToLinalg/ExecLowering.h"

#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"

#include "mlir/Dialect/Utils/IndexingUtils.h"
#include "mlir/Dialect/Utils/ReshapeOpsUtils.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"

using namespace mlir;
using namespace mlir::nd4j;

namespace {

using IndexedBodyFn =
    function_ref<Value(OpBuilder &, Location, ValueRange ivs, ValueRange args)>;

/// A parallel linalg.generic over `resultType` reading `operands` through
/// `maps`; `body` gets the loop indices (`linalg.index`) and the scalars.
Value createIndexedGeneric(OpBuilder &b, Location loc,
                           RankedTensorType resultType, ValueRange operands,
                           ArrayRef<AffineMap> maps, IndexedBodyFn body,
                           Value sizesLike = Value(), Value init = Value()) {
  int64_t rank = resultType.getRank();
  SmallVector<AffineMap> allMaps(maps);
  allMaps.push_back(b.getMultiDimIdentityMap(rank));
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::parallel);
  if (!init)
    init = sizesLike ? createEmptySizedLike(b, loc, resultType, sizesLike)
                     : createEmpty(b, loc, resultType);
  auto generic = linalg::GenericOp::create(
      b, loc, resultType, operands, init, allMaps, iterators,
      [&](OpBuilder &nb, Location nloc, ValueRange args) {
        SmallVector<Value> ivs;
        for (int64_t d = 0; d < rank; ++d)
          ivs.push_back(linalg::IndexOp::create(nb, nloc, d));
        linalg::YieldOp::create(nb, nloc,
                                body(nb, nloc, ivs, args.drop_back()));
      });
  return generic.getResult(0);
}

Value indexConst(OpBuilder &b, Location loc, int64_t v) {
  return arith::ConstantIndexOp::create(b, loc, v);
}

/// An integer scalar as an index, wrapped into [0, dim) when negative (as
/// libnd4j's gathers accept) and clamped there so that a bad index cannot
/// read outside the tensor.
/// `v` wrapped (negative: from the end) and clamped into [0, dim), with
/// `dim` a run-time extent (an index value).
Value wrapIndex(OpBuilder &b, Location loc, Value v, Value dim,
                bool isUnsigned) {
  Value i =
      isa<IndexType>(v.getType()) ? v
      : isUnsigned
          ? arith::IndexCastUIOp::create(b, loc, b.getIndexType(), v)
                .getResult()
          : arith::IndexCastOp::create(b, loc, b.getIndexType(), v).getResult();
  Value zero = indexConst(b, loc, 0);
  Value neg = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, i, zero);
  Value wrapped = arith::AddIOp::create(b, loc, i, dim);
  i = arith::SelectOp::create(b, loc, neg, wrapped, i);
  i = arith::MaxSIOp::create(b, loc, i, zero);
  Value last = arith::MaxSIOp::create(
      b, loc, arith::SubIOp::create(b, loc, dim, indexConst(b, loc, 1)), zero);
  return arith::MinSIOp::create(b, loc, i, last);
}

Value wrapIndex(OpBuilder &b, Location loc, Value v, int64_t dim,
                bool isUnsigned) {
  return wrapIndex(b, loc, v, indexConst(b, loc, dim), isUnsigned);
}

Value transpose(OpBuilder &b, Location loc, Value v, ArrayRef<int64_t> perm) {
  auto type = cast<RankedTensorType>(v.getType());
  if (llvm::equal(perm, llvm::seq<int64_t>(0, perm.size())))
    return v;
  SmallVector<int64_t> shape;
  for (int64_t p : perm)
    shape.push_back(type.getDimSize(p));
  Value init =
      createEmpty(b, loc, RankedTensorType::get(shape, type.getElementType()));
  return linalg::TransposeOp::create(b, loc, v, init, perm).getResult()[0];
}

/// A dims list from i_args, or else from a constant input `i`.
std::optional<SmallVector<int64_t>> intsFromArgsOrInput(ExecLowering &l,
                                                        unsigned i) {
  if (!l.iArgs().empty())
    return SmallVector<int64_t>(l.iArgs());
  if (l.numInputs() > i)
    return l.constantInts(i);
  return SmallVector<int64_t>();
}

/// The scalar element 0 of a (rank-0 or one-element) tensor.
Value extractFirst(OpBuilder &b, Location loc, Value v) {
  auto type = cast<RankedTensorType>(v.getType());
  SmallVector<Value> idx(type.getRank(), indexConst(b, loc, 0));
  return tensor::ExtractOp::create(b, loc, v, idx);
}

/// Element `i` of an integer vector (or the scalar itself) as an index.
Value extractIndex(OpBuilder &b, Location loc, Value v, int64_t i,
                   bool isUnsigned) {
  auto type = cast<RankedTensorType>(v.getType());
  SmallVector<Value> idx;
  if (type.getRank() > 0)
    idx.push_back(indexConst(b, loc, i));
  idx.resize(type.getRank(), indexConst(b, loc, 0));
  Value e = tensor::ExtractOp::create(b, loc, v, idx);
  if (isa<FloatType>(e.getType()))
    e = arith::FPToSIOp::create(b, loc, b.getI64Type(), e);
  if (isUnsigned)
    return arith::IndexCastUIOp::create(b, loc, b.getIndexType(), e);
  return arith::IndexCastOp::create(b, loc, b.getIndexType(), e);
}

/// The `tensor.empty` of `type` whose dimensions have the run-time sizes
/// `sizes` (one index per dimension, computed from values): where the type
/// has a static size, a run-time check that the computed one equals it.
Value emptyOfSizes(ExecLowering &l, RankedTensorType type,
                   ArrayRef<Value> sizes, const Twine &what) {
  SmallVector<Value> dynamic;
  for (int64_t d = 0; d < type.getRank(); ++d) {
    if (type.isDynamicDim(d)) {
      dynamic.push_back(sizes[d]);
      continue;
    }
    if (getConstantIntValue(sizes[d]) == type.getDimSize(d))
      continue;
    Value eq =
        arith::CmpIOp::create(l.b, l.loc, arith::CmpIPredicate::eq, sizes[d],
                              indexConst(l.b, l.loc, type.getDimSize(d)));
    l.checkAtRunTime(eq, what + " gives dimension " + Twine(d) +
                             " a size other than the " +
                             Twine(type.getDimSize(d)) + " the graph declares");
  }
  return tensor::EmptyOp::create(l.b, l.loc, type.getShape(),
                                 type.getElementType(), dynamic);
}

//===----------------------------------------------------------------------===//
// reshape, permute, broadcast_to, tile
//===----------------------------------------------------------------------===//

/// libnd4j's reshape may lead its shape with an order char ('c' = 99,
/// 'f' = 102, also passed negated); the shape itself (with -1) is what the
/// result type already says.
LogicalResult lowerReshape(ExecLowering &l, SmallVectorImpl<Value> &results) {
  RankedTensorType type = l.resultType();
  RankedTensorType in = l.inputType(0);
  ArrayRef<int64_t> args = l.iArgs();
  if (!in.hasStaticShape() || !type.hasStaticShape()) {
    // Sizes known only at run time: the input flattened, its element count
    // checked against the result's static sizes, and unflattened with the
    // result's one run-time size (if any) the quotient.
    bool fortran = static_cast<int64_t>(args.size()) == type.getRank() + 1 &&
                   (args[0] == 102 || args[0] == -102);
    int64_t unknown = llvm::count_if(type.getShape(), ShapedType::isDynamic);
    if (fortran || unknown > 1)
      return l.emitError("a reshape with sizes known only at run time must be "
                         "row-major with at most one run-time result size; "
                         "specialize the shapes (--input-shape)");
    OpBuilder &b = l.b;
    Location loc = l.loc;
    Value flat = flatten(b, loc, l.input(0));
    Value total = in.hasStaticShape()
                      ? indexConst(b, loc, in.getNumElements())
                      : tensor::DimOp::create(b, loc, flat, 0).getResult();
    int64_t known = 1;
    for (int64_t d : type.getShape())
      if (!ShapedType::isDynamic(d))
        known *= d;
    SmallVector<OpFoldResult> outShape;
    if (unknown == 0) {
      l.checkAtRunTime(arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq,
                                             total, indexConst(b, loc, known)),
                       "the input does not have the result's element count");
      if (!in.hasStaticShape())
        flat = tensor::CastOp::create(
            b, loc, RankedTensorType::get({known}, type.getElementType()),
            flat);
      results.push_back(reshapeTo(b, loc, flat, type));
      return success();
    }
    Value k = indexConst(b, loc, std::max<int64_t>(known, 1));
    Value quotient = arith::DivUIOp::create(b, loc, total, k);
    l.checkAtRunTime(
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq,
                              arith::MulIOp::create(b, loc, quotient, k),
                              total),
        "the input's element count is not a multiple of the result's "
        "static sizes");
    for (int64_t d : type.getShape())
      outShape.push_back(ShapedType::isDynamic(d) ? OpFoldResult(quotient)
                                                  : b.getIndexAttr(d));
    if (in.hasStaticShape())
      flat = tensor::CastOp::create(
          b, loc,
          RankedTensorType::get({ShapedType::kDynamic}, type.getElementType()),
          flat);
    if (type.getRank() == 1) {
      results.push_back(flat);
      return success();
    }
    ReassociationIndices all;
    for (int64_t d = 0; d < type.getRank(); ++d)
      all.push_back(d);
    results.push_back(tensor::ExpandShapeOp::create(
        b, loc, type, flat, ArrayRef<ReassociationIndices>{all}, outShape));
    return success();
  }
  if (in.getNumElements() != type.getNumElements())
    return l.emitError("input and result element counts differ");
  bool fortran = false;
  if (static_cast<int64_t>(args.size()) == type.getRank() + 1 &&
      (args[0] == 102 || args[0] == -102))
    fortran = true;
  if (!fortran) {
    results.push_back(reshapeTo(l.b, l.loc, l.input(0), type));
    return success();
  }
  // Column-major reshape: the row-major reshape of the dims-reversed input
  // to the dims-reversed shape, reversed back.
  auto reversed = [](int64_t rank) {
    SmallVector<int64_t> perm;
    for (int64_t d = rank - 1; d >= 0; --d)
      perm.push_back(d);
    return perm;
  };
  Value t = transpose(l.b, l.loc, l.input(0), reversed(in.getRank()));
  SmallVector<int64_t> shape(llvm::reverse(type.getShape()));
  t = reshapeTo(l.b, l.loc, t, type.clone(shape));
  results.push_back(transpose(l.b, l.loc, t, reversed(type.getRank())));
  return success();
}

LogicalResult lowerPermute(ExecLowering &l, SmallVectorImpl<Value> &results) {
  RankedTensorType in = l.inputType(0);
  std::optional<SmallVector<int64_t>> perm = intsFromArgsOrInput(l, 1);
  if (!perm)
    return l.emitError("the permutation must be a constant");
  if (perm->empty())
    for (int64_t d = in.getRank() - 1; d >= 0; --d)
      perm->push_back(d);
  if (static_cast<int64_t>(perm->size()) != in.getRank())
    return l.emitError("the permutation does not match the input rank");
  for (int64_t &p : *perm)
    p = normalizeAxis(p, in.getRank());
  if (!isPermutationVector(*perm))
    return l.emitError("the dimensions are not a permutation");
  Value r = transpose(l.b, l.loc, l.input(0), *perm);
  if (r.getType() != l.resultType())
    return l.emitError("the permuted shape does not match the result");
  results.push_back(r);
  return success();
}

/// The shape comes from the (static) result type; numpy broadcasting.
LogicalResult lowerBroadcastTo(ExecLowering &l,
                               SmallVectorImpl<Value> &results) {
  RankedTensorType type = l.resultType();
  RankedTensorType in = l.inputType(0);
  if (in.getRank() > type.getRank())
    return l.emitError("the input has a higher rank than the result");
  for (int64_t d = 0; d < in.getRank(); ++d) {
    int64_t s = in.getDimSize(d),
            r = type.getDimSize(type.getRank() - in.getRank() + d);
    if (s != 1 && s != r)
      return l.emitError("the input does not broadcast to the result");
  }
  results.push_back(createElementwise(
      l.b, l.loc, type, l.input(0),
      [](OpBuilder &, Location, ValueRange s) { return s[0]; }));
  return success();
}

/// Each result index reads the input at the index modulo the input's size.
LogicalResult lowerTile(ExecLowering &l, SmallVectorImpl<Value> &results) {
  RankedTensorType type = l.resultType();
  RankedTensorType in = l.inputType(0);
  if (in.getRank() != type.getRank())
    return l.emitError("the result rank differs from the input rank");
  MLIRContext *ctx = l.b.getContext();
  SmallVector<AffineExpr> exprs;
  for (int64_t d = 0; d < in.getRank(); ++d) {
    int64_t s = in.getDimSize(d), r = type.getDimSize(d);
    if (s == 0 ? r != 0 : r % s != 0)
      return l.emitError("the result is not a whole repetition of the input");
    AffineExpr e = getAffineDimExpr(d, ctx);
    exprs.push_back(s == r   ? e
                    : s == 1 ? getAffineConstantExpr(0, ctx)
                             : e % s);
  }
  AffineMap map = AffineMap::get(in.getRank(), 0, exprs, ctx);
  results.push_back(createIndexedGeneric(
      l.b, l.loc, type, l.input(0), map,
      [](OpBuilder &, Location, ValueRange, ValueRange s) { return s[0]; }));
  return success();
}

//===----------------------------------------------------------------------===//
// concat, slices, reverse, pad
//===----------------------------------------------------------------------===//

LogicalResult lowerConcat(ExecLowering &l, SmallVectorImpl<Value> &results) {
  RankedTensorType type = l.resultType();
  int64_t rank = type.getRank();
  unsigned n = l.numInputs();
  int64_t axis = l.iArg(0, 0);
  // With no i_args, libnd4j takes the axis from a trailing scalar input.
  if (l.iArgs().empty() && n > 1 && l.inputType(n - 1).hasStaticShape() &&
      l.inputType(n - 1).getNumElements() == 1 &&
      l.inputType(n - 1).getRank() <= 1 && rank > 1) {
    std::optional<SmallVector<int64_t>> a = l.constantInts(n - 1);
    if (!a)
      return l.emitError("the axis input must be a constant");
    axis = (*a)[0];
    --n;
  }
  axis = normalizeAxis(axis, rank);
  if (axis < 0 || axis >= rank)
    return l.emitError("axis ") << l.iArg(0, 0) << " is out of range";
  bool dynamicAxis = false;
  for (unsigned i = 0; i < n; ++i)
    dynamicAxis |=
        l.inputType(i).getRank() == rank && l.inputType(i).isDynamicDim(axis);
  SmallVector<Value> parts;
  SmallVector<int64_t> starts;
  int64_t offset = 0;
  for (unsigned i = 0; i < n; ++i) {
    Value v = l.input(i);
    RankedTensorType t = l.inputType(i);
    if (t.getElementType() != type.getElementType())
      return l.emitError("input ") << i << " has another element type";
    // libnd4j concatenates scalars as vectors of one.
    if (t.getRank() == 0 && rank == 1) {
      t = RankedTensorType::get({1}, t.getElementType());
      v = reshapeTo(l.b, l.loc, v, t);
    }
    if (t.getRank() != rank)
      return l.emitError("input ") << i << " has another rank";
    // Outside the axis every input has the result's sizes: checked at run
    // time where one is known only then (a run-time batch beside a constant
    // of batch 1 must be 1). No tensor.cast to the static size: folded into
    // the producer, it would make the producer's loops disagree with its
    // operands, and the check constant.
    for (int64_t d = 0; d < rank; ++d) {
      if (d == axis)
        continue;
      int64_t want = type.getDimSize(d), have = t.getDimSize(d);
      if (!ShapedType::isDynamic(want) && !ShapedType::isDynamic(have)) {
        if (want != have)
          return l.emitError("input ")
                 << i << " differs from the result outside the axis";
        continue;
      }
      Value ref =
          ShapedType::isDynamic(want)
              ? (i == 0 ? Value()
                        : tensor::DimOp::create(l.b, l.loc, l.input(0), d)
                              .getResult())
              : indexConst(l.b, l.loc, want);
      if (ref)
        l.checkAtRunTime(
            arith::CmpIOp::create(
                l.b, l.loc, arith::CmpIPredicate::eq,
                tensor::DimOp::create(l.b, l.loc, v, d).getResult(), ref),
            "input " + Twine(i) +
                " has another size than the result in "
                "dimension " +
                Twine(d));
    }
    if (t.getDimSize(axis) != 0) {
      parts.push_back(v);
      starts.push_back(offset);
    }
    if (!dynamicAxis)
      offset += t.getDimSize(axis);
  }
  // Sizes along the axis known only at run time (selections, NMS rows):
  // each part inserted at the sum of the sizes before it, into a result of
  // their total size.
  if (dynamicAxis) {
    Value total = indexConst(l.b, l.loc, 0);
    SmallVector<Value> offsets;
    for (Value v : parts) {
      offsets.push_back(total);
      total = arith::AddIOp::create(l.b, l.loc, total,
                                    tensor::DimOp::create(l.b, l.loc, v, axis));
    }
    if (!type.isDynamicDim(axis))
      l.checkAtRunTime(
          arith::CmpIOp::create(l.b, l.loc, arith::CmpIPredicate::eq, total,
                                indexConst(l.b, l.loc, type.getDimSize(axis))),
          "the inputs do not add up to the result along the axis");
    SmallVector<Value> sizes;
    for (int64_t d = 0; d < rank; ++d)
      if (type.isDynamicDim(d))
        sizes.push_back(
            d == axis ? total
                      : tensor::DimOp::create(l.b, l.loc, parts.front(), d)
                            .getResult());
    Value result = tensor::EmptyOp::create(l.b, l.loc, type, sizes);
    for (auto [v, at] : llvm::zip(parts, offsets)) {
      SmallVector<OpFoldResult> offs(rank, l.b.getIndexAttr(0)), szs,
          strides(rank, l.b.getIndexAttr(1));
      offs[axis] = at;
      for (int64_t d = 0; d < rank; ++d)
        szs.push_back(tensor::getMixedSize(l.b, l.loc, v, d));
      result = tensor::InsertSliceOp::create(l.b, l.loc, v, result, offs, szs,
                                             strides);
    }
    results.push_back(result);
    return success();
  }
  if (offset != type.getDimSize(axis))
    return l.emitError("the inputs do not add up to the result along the axis");
  if (parts.empty()) {
    results.push_back(createEmpty(l.b, l.loc, type));
    return success();
  }
  // One generic over the result picks the input by the position along the
  // axis: an insert_slice chain bufferizes to memref.copy into strided
  // views, which the CPU pipeline can only lower to a call into MLIR's C
  // runner library.
  results.push_back(createIndexedGeneric(
      l.b, l.loc, type, {}, {},
      [&](OpBuilder &b, Location loc, ValueRange ivs, ValueRange) -> Value {
        Value pos = ivs[axis];
        Value r;
        for (int64_t k = parts.size() - 1; k >= 0; --k) {
          int64_t size =
              cast<RankedTensorType>(parts[k].getType()).getDimSize(axis);
          SmallVector<Value> idx(ivs);
          Value local =
              arith::SubIOp::create(b, loc, pos, indexConst(b, loc, starts[k]));
          local = arith::MaxSIOp::create(b, loc, local, indexConst(b, loc, 0));
          idx[axis] = arith::MinSIOp::create(b, loc, local,
                                             indexConst(b, loc, size - 1));
          Value v = tensor::ExtractOp::create(b, loc, parts[k], idx);
          if (!r) {
            r = v;
            continue;
          }
          Value before =
              arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, pos,
                                    indexConst(b, loc, starts[k + 1]));
          r = arith::SelectOp::create(b, loc, before, v, r);
        }
        return r;
      },
      type.hasStaticShape() ? Value() : parts.front()));
  return success();
}

/// Reverses `v` along `dims` with a generic reading index size-1-i there.
Value reverseDims(OpBuilder &b, Location loc, Value v, ArrayRef<int64_t> dims) {
  if (dims.empty())
    return v;
  auto type = cast<RankedTensorType>(v.getType());
  MLIRContext *ctx = b.getContext();
  SmallVector<AffineExpr> exprs;
  for (int64_t d = 0; d < type.getRank(); ++d) {
    AffineExpr e = getAffineDimExpr(d, ctx);
    if (llvm::is_contained(dims, d))
      e = getAffineConstantExpr(type.getDimSize(d) - 1, ctx) - e;
    exprs.push_back(e);
  }
  AffineMap map = AffineMap::get(type.getRank(), 0, exprs, ctx);
  return createIndexedGeneric(
      b, loc, type, v, map,
      [](OpBuilder &, Location, ValueRange, ValueRange s) { return s[0]; });
}

LogicalResult lowerReverse(ExecLowering &l, SmallVectorImpl<Value> &results) {
  RankedTensorType in = l.inputType(0);
  std::optional<SmallVector<int64_t>> dims = intsFromArgsOrInput(l, 1);
  if (!dims)
    return l.emitError("the dimensions must be a constant");
  // No dimensions reverses all of them.
  if (dims->empty())
    for (int64_t d = 0; d < in.getRank(); ++d)
      dims->push_back(d);
  for (int64_t &d : *dims) {
    d = normalizeAxis(d, in.getRank());
    if (d < 0 || d >= in.getRank())
      return l.emitError("dimension out of range");
  }
  results.push_back(reverseDims(l.b, l.loc, l.input(0), *dims));
  return success();
}

/// TF's StridedSlice: masks over the slice spec, an ellipsis covering the
/// unnamed dimensions, new axes and shrunk axes (which only change the
/// shape, which the result type gives). The slice is one generic reading
/// the input through start + i * stride per dimension; an extract_slice
/// would bufferize to a strided view that a result copy cannot lower.
/// strided_slice whose begin/end/strides are input values: the start,
/// step and extent of each dimension are computed at run time (TF's
/// clamping, as the static path does at compile time), and a generic reads
/// element start + i * step.
LogicalResult lowerStridedSliceAtRunTime(ExecLowering &l,
                                         SmallVectorImpl<Value> &results) {
  OpBuilder &b = l.b;
  Location loc = l.loc;
  RankedTensorType in = l.inputType(0), type = l.resultType();
  int64_t rank = in.getRank();
  ArrayRef<int64_t> args = l.iArgs();
  int64_t beginMask = args[0], endMask = args[2];
  if (args[1] || args[3] || args[4])
    return l.emitError("run-time bounds take begin and end masks only (no "
                       "ellipsis, new-axis or shrink-axis masks)");
  if (type.getRank() != rank)
    return l.emitError("the result must have the input's rank");
  for (unsigned i = 1; i < l.numInputs(); ++i) {
    RankedTensorType t = l.inputType(i);
    if (t.getRank() != 1 || t.getDimSize(0) != rank)
      return l.emitError("run-time bounds must be vectors of ")
             << rank << " entries";
  }
  Value x = l.input(0);
  Value zero = indexConst(b, loc, 0), one = indexConst(b, loc, 1);
  auto sel = [&](Value c, Value t, Value f) -> Value {
    return arith::SelectOp::create(b, loc, c, t, f);
  };
  auto cmp = [&](arith::CmpIPredicate p, Value u, Value v) -> Value {
    return arith::CmpIOp::create(b, loc, p, u, v);
  };
  SmallVector<Value> starts, steps, sizes;
  for (int64_t d = 0; d < rank; ++d) {
    Value dim = in.isDynamicDim(d)
                    ? tensor::DimOp::create(b, loc, x, d).getResult()
                    : indexConst(b, loc, in.getDimSize(d));
    Value s = l.numInputs() >= 4
                  ? extractIndex(b, loc, l.input(3), d, l.isUnsignedInput(3))
                  : one;
    if (l.numInputs() >= 4)
      l.checkAtRunTime(cmp(arith::CmpIPredicate::ne, s, zero),
                       "the stride of dimension " + Twine(d) + " is 0");
    Value up = cmp(arith::CmpIPredicate::sgt, s, zero);
    Value lo = sel(up, zero, indexConst(b, loc, -1));
    Value hi = sel(up, dim, arith::SubIOp::create(b, loc, dim, one));
    auto bound = [&](unsigned input, bool masked, bool isBegin) -> Value {
      if (masked)
        return isBegin ? sel(up, zero, hi) : sel(up, dim, lo);
      Value v =
          extractIndex(b, loc, l.input(input), d, l.isUnsignedInput(input));
      v = sel(cmp(arith::CmpIPredicate::slt, v, zero),
              arith::AddIOp::create(b, loc, v, dim), v);
      return arith::MinSIOp::create(b, loc,
                                    arith::MaxSIOp::create(b, loc, v, lo), hi);
    };
    Value start = bound(1, (beginMask >> d) & 1, true);
    Value stop = bound(2, (endMask >> d) & 1, false);
    Value span = sel(up, arith::SubIOp::create(b, loc, stop, start),
                     arith::SubIOp::create(b, loc, start, stop));
    Value step = sel(up, s, arith::SubIOp::create(b, loc, zero, s));
    Value size = arith::MaxSIOp::create(
        b, loc, arith::CeilDivSIOp::create(b, loc, span, step), zero);
    starts.push_back(start);
    steps.push_back(s);
    sizes.push_back(size);
  }
  Value init = emptyOfSizes(l, type, sizes, "the slice");
  results.push_back(createIndexedGeneric(
      b, loc, type, {}, {},
      [&](OpBuilder &nb, Location nl, ValueRange ivs, ValueRange) -> Value {
        SmallVector<Value> idx;
        for (int64_t d = 0; d < rank; ++d)
          idx.push_back(arith::AddIOp::create(
              nb, nl, starts[d],
              arith::MulIOp::create(nb, nl, ivs[d], steps[d])));
        return tensor::ExtractOp::create(nb, nl, x, idx);
      },
      Value(), init));
  return success();
}

LogicalResult lowerStridedSlice(ExecLowering &l,
                                SmallVectorImpl<Value> &results) {
  RankedTensorType in = l.inputType(0);
  int64_t rank = in.getRank();
  ArrayRef<int64_t> args = l.iArgs();
  if (args.size() < 5)
    return l.emitError("expected 5 masks in i_args");
  int64_t beginMask = args[0], ellipsisMask = args[1], endMask = args[2],
          newAxisMask = args[3], shrinkMask = args[4];
  SmallVector<int64_t> begin, end, strides;
  if (l.numInputs() >= 3) {
    auto bv = l.constantInts(1), ev = l.constantInts(2);
    if (!bv || !ev || (l.numInputs() >= 4 && !l.constantInts(3)))
      return lowerStridedSliceAtRunTime(l, results);
    begin = *bv;
    end = *ev;
    if (l.numInputs() >= 4) {
      auto sv = l.constantInts(3);
      if (!sv)
        return l.emitError("strides must be a constant");
      strides = *sv;
    } else {
      strides.assign(begin.size(), 1);
    }
  } else {
    ArrayRef<int64_t> spec = args.drop_front(5);
    if (spec.size() % 3 != 0)
      return l.emitError("begin, end and strides differ in length");
    int64_t n = spec.size() / 3;
    begin.assign(spec.begin(), spec.begin() + n);
    end.assign(spec.begin() + n, spec.begin() + 2 * n);
    strides.assign(spec.begin() + 2 * n, spec.end());
  }
  int64_t n = begin.size();
  if (static_cast<int64_t>(end.size()) != n ||
      static_cast<int64_t>(strides.size()) != n)
    return l.emitError("begin, end and strides differ in length");

  // Per input dimension: offset, size, positive stride, whether reversed.
  SmallVector<int64_t> offsets(rank, 0), sizes(in.getShape()), steps(rank, 1);
  SmallVector<int64_t> reversed;
  int64_t specDims = 0;
  for (int64_t i = 0; i < n; ++i)
    if (!((ellipsisMask >> i) & 1) && !((newAxisMask >> i) & 1))
      ++specDims;
  bool sawEllipsis = false;
  int64_t d = 0;
  for (int64_t i = 0; i < n; ++i) {
    if ((ellipsisMask >> i) & 1) {
      if (sawEllipsis)
        return l.emitError("more than one ellipsis");
      sawEllipsis = true;
      d += rank - specDims;
      continue;
    }
    if ((newAxisMask >> i) & 1)
      continue;
    if (d >= rank)
      return l.emitError("the slice spec has more dimensions than the input");
    int64_t dim = in.getDimSize(d), s = strides[i];
    if (s == 0)
      return l.emitError("stride 0");
    if (in.isDynamicDim(d)) {
      // A run-time size (the batch) is only taken whole.
      bool whole = s == 1 && !((shrinkMask >> i) & 1) &&
                   (((beginMask >> i) & 1) || begin[i] == 0) &&
                   (((endMask >> i) & 1) || end[i] >= (int64_t{1} << 31) - 1);
      if (!whole)
        return l.emitError("dimension ")
               << d << " is only known at run time and can only be taken "
               << "whole";
      ++d;
      continue;
    }
    if ((shrinkMask >> i) & 1) {
      int64_t bgn = begin[i] < 0 ? begin[i] + dim : begin[i];
      if (bgn < 0 || bgn >= dim)
        return l.emitError("shrunk index out of range");
      offsets[d] = bgn;
      sizes[d] = 1;
      ++d;
      continue;
    }
    int64_t lo = s > 0 ? 0 : -1, hi = s > 0 ? dim : dim - 1;
    auto bound = [&](int64_t v, bool masked, bool isBegin) {
      if (masked)
        return (isBegin == (s > 0)) ? lo : hi;
      if (v < 0)
        v += dim;
      return std::clamp(v, lo, hi);
    };
    int64_t bgn = bound(begin[i], (beginMask >> i) & 1, true);
    int64_t stop = bound(end[i], (endMask >> i) & 1, false);
    int64_t size = s > 0 ? (stop - bgn + s - 1) / s : (bgn - stop - s - 1) / -s;
    size = std::max<int64_t>(size, 0);
    sizes[d] = size;
    steps[d] = s > 0 ? s : -s;
    offsets[d] =
        s > 0 || size == 0 ? (size == 0 ? 0 : bgn) : bgn + (size - 1) * s;
    if (s < 0 && size > 1)
      reversed.push_back(d);
    ++d;
  }
  int64_t count = 1;
  for (int64_t s : sizes)
    count *= ShapedType::isDynamic(s) ? 1 : s;
  RankedTensorType type = l.resultType();
  int64_t typeCount = 1;
  for (int64_t s : type.getShape())
    typeCount *= ShapedType::isDynamic(s) ? 1 : s;
  if (count != typeCount)
    return l.emitError("the slice has ")
           << count << " elements where the result has " << typeCount;
  Value v = l.input(0);
  if (!llvm::equal(sizes, in.getShape()) || !reversed.empty()) {
    // Element i of the slice along d is start + i * stride (signed), read
    // with tensor.extract: an input map of that form would make linalg
    // infer the loop bounds from the input.
    SmallVector<int64_t> starts, signedSteps;
    for (int64_t d = 0; d < rank; ++d) {
      bool rev = llvm::is_contained(reversed, d);
      starts.push_back(rev ? offsets[d] + (sizes[d] - 1) * steps[d]
                           : offsets[d]);
      signedSteps.push_back(rev ? -steps[d] : steps[d]);
    }
    Value x = v;
    v = createIndexedGeneric(
        l.b, l.loc, RankedTensorType::get(sizes, in.getElementType()), {}, {},
        [&](OpBuilder &b, Location loc, ValueRange ivs, ValueRange) -> Value {
          SmallVector<Value> idx;
          for (int64_t d = 0; d < rank; ++d) {
            Value i = ivs[d];
            if (signedSteps[d] != 1)
              i = arith::MulIOp::create(b, loc, i,
                                        indexConst(b, loc, signedSteps[d]));
            if (starts[d] != 0)
              i = arith::AddIOp::create(b, loc, i,
                                        indexConst(b, loc, starts[d]));
            idx.push_back(i);
          }
          return tensor::ExtractOp::create(b, loc, x, idx);
        },
        in.hasStaticShape() ? Value() : x);
  }
  results.push_back(reshapeTo(l.b, l.loc, v, type));
  return success();
}

/// Modes 0 CONSTANT (a select between the input and the value), 1 REFLECT and 2
/// SYMMETRIC (a generic that mirrors each out-of-range index back into the
/// input). Paddings that are not constants, and input sizes known only at
/// run time, are read at run time: the result's extents are computed from
/// them (and checked against the static ones the result declares).
LogicalResult lowerPad(ExecLowering &l, SmallVectorImpl<Value> &results) {
  OpBuilder &b = l.b;
  Location loc = l.loc;
  RankedTensorType in = l.inputType(0), type = l.resultType();
  int64_t rank = in.getRank();
  int64_t mode = l.iArg(0, 0);
  if (mode < 0 || mode > 2)
    return l.emitError("unknown pad mode ") << mode;
  bool reflect = mode == 1;
  RankedTensorType padsType = l.inputType(1);
  if (padsType.getNumElements() != 2 * rank)
    return l.emitError("expected [rank, 2] paddings");
  std::optional<SmallVector<int64_t>> pads = l.constantInts(1);
  if (pads) {
    for (int64_t d = 0; d < rank; ++d) {
      int64_t lo = (*pads)[2 * d], hi = (*pads)[2 * d + 1];
      if (lo < 0 || hi < 0)
        return l.emitError("negative paddings");
      if (!in.isDynamicDim(d) && !type.isDynamicDim(d) &&
          in.getDimSize(d) + lo + hi != type.getDimSize(d))
        return l.emitError("the paddings do not give the result shape");
      int64_t limit = reflect ? in.getDimSize(d) - 1 : in.getDimSize(d);
      if (mode != 0 && !in.isDynamicDim(d) && (lo > limit || hi > limit))
        return l.emitError("paddings exceed what ")
               << (reflect ? "REFLECT" : "SYMMETRIC") << " mode can mirror";
    }
  }
  // Per dimension: the input extent n, the low padding and the result
  // extent, as index values (constants where known).
  Value x = l.input(0);
  Value padsFlat = flatten(b, loc, l.input(1));
  Value zero = indexConst(b, loc, 0);
  SmallVector<Value> n(rank), low(rank), outSizes(rank);
  bool runTime = !pads || !in.hasStaticShape();
  for (int64_t d = 0; d < rank; ++d) {
    n[d] = in.isDynamicDim(d) ? tensor::DimOp::create(b, loc, x, d).getResult()
                              : indexConst(b, loc, in.getDimSize(d));
    Value lo, hi;
    if (pads) {
      lo = indexConst(b, loc, (*pads)[2 * d]);
      hi = indexConst(b, loc, (*pads)[2 * d + 1]);
    } else {
      lo = extractIndex(b, loc, padsFlat, 2 * d, l.isUnsignedInput(1));
      hi = extractIndex(b, loc, padsFlat, 2 * d + 1, l.isUnsignedInput(1));
      Value ok = arith::AndIOp::create(
          b, loc,
          arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sge, lo, zero),
          arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sge, hi, zero));
      l.checkAtRunTime(ok, "the paddings of dimension " + Twine(d) +
                               " are negative");
    }
    if (mode != 0 && (!pads || in.isDynamicDim(d))) {
      Value limit =
          reflect ? arith::SubIOp::create(b, loc, n[d], indexConst(b, loc, 1))
                        .getResult()
                  : n[d];
      Value ok = arith::AndIOp::create(
          b, loc,
          arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sle, lo, limit),
          arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sle, hi, limit));
      l.checkAtRunTime(
          ok, "the paddings of dimension " + Twine(d) + " exceed what " +
                  (reflect ? "REFLECT" : "SYMMETRIC") + " mode can mirror");
    }
    low[d] = lo;
    outSizes[d] = arith::AddIOp::create(b, loc, n[d],
                                        arith::AddIOp::create(b, loc, lo, hi));
  }
  Value init = runTime ? emptyOfSizes(l, type, outSizes, "the padding")
                       : createEmpty(b, loc, type);
  Type elem = type.getElementType();
  if (mode == 0) {
    double value = l.tArg(0, 0.0);
    Value padValue;
    if (isa<IntegerType>(elem) && !elem.isInteger(1) && !std::isfinite(value)) {
      // An infinite pad value (max pooling's) saturates for integers.
      unsigned w = elem.getIntOrFloatBitWidth();
      bool isUnsigned = l.isUnsignedResult();
      APInt bound = value > 0 ? (isUnsigned ? APInt::getMaxValue(w)
                                            : APInt::getSignedMaxValue(w))
                              : (isUnsigned ? APInt::getMinValue(w)
                                            : APInt::getSignedMinValue(w));
      padValue =
          arith::ConstantOp::create(b, loc, b.getIntegerAttr(elem, bound));
    } else {
      padValue = createScalar(b, loc, elem, value);
    }
    bool mayBeEmpty = false;
    for (int64_t d = 0; d < rank; ++d)
      mayBeEmpty |= in.isDynamicDim(d) &&
                    !(pads && (*pads)[2 * d] == 0 && (*pads)[2 * d + 1] == 0);
    // A generic rather than tensor.pad, whose bufferization copies into a
    // strided view (see lowerConcat).
    results.push_back(createIndexedGeneric(
        b, loc, type, {}, {},
        [&](OpBuilder &nb, Location nl, ValueRange ivs, ValueRange) -> Value {
          if (in.hasStaticShape() && in.getNumElements() == 0)
            return padValue;
          SmallVector<Value> idx;
          Value inside;
          for (int64_t d = 0; d < rank; ++d) {
            if (getConstantIntValue(low[d]) == 0 && pads &&
                (*pads)[2 * d + 1] == 0) {
              idx.push_back(ivs[d]);
              continue;
            }
            Value i = arith::SubIOp::create(nb, nl, ivs[d], low[d]);
            Value ok = arith::AndIOp::create(
                nb, nl,
                arith::CmpIOp::create(nb, nl, arith::CmpIPredicate::sge, i,
                                      indexConst(nb, nl, 0)),
                arith::CmpIOp::create(nb, nl, arith::CmpIPredicate::slt, i,
                                      n[d]));
            inside = inside ? arith::AndIOp::create(nb, nl, inside, ok) : ok;
            i = arith::MaxSIOp::create(nb, nl, i, indexConst(nb, nl, 0));
            Value last = arith::MaxSIOp::create(
                nb, nl,
                arith::SubIOp::create(nb, nl, n[d], indexConst(nb, nl, 1)),
                indexConst(nb, nl, 0));
            idx.push_back(arith::MinSIOp::create(nb, nl, i, last));
          }
          if (!inside)
            return tensor::ExtractOp::create(nb, nl, x, idx);
          if (mayBeEmpty) {
            // A padded extent may be 0 at run time: read only inside.
            auto branch = scf::IfOp::create(
                nb, nl, inside,
                [&](OpBuilder &tb, Location tl) {
                  scf::YieldOp::create(
                      tb, tl,
                      tensor::ExtractOp::create(tb, tl, x, idx).getResult());
                },
                [&](OpBuilder &eb, Location el) {
                  scf::YieldOp::create(eb, el, padValue);
                });
            return branch.getResult(0);
          }
          Value v = tensor::ExtractOp::create(nb, nl, x, idx);
          return arith::SelectOp::create(nb, nl, inside, v, padValue);
        },
        Value(), init));
    return success();
  }
  results.push_back(createIndexedGeneric(
      b, loc, type, {}, {},
      [&](OpBuilder &nb, Location nl, ValueRange ivs, ValueRange) -> Value {
        SmallVector<Value> idx;
        for (int64_t d = 0; d < rank; ++d) {
          if (getConstantIntValue(low[d]) == 0 && pads &&
              (*pads)[2 * d + 1] == 0) {
            idx.push_back(ivs[d]);
            continue;
          }
          // i = iv - low; i < 0 → -i (reflect) or -i-1 (symmetric);
          // i >= n → 2n-2-i (reflect) or 2n-1-i (symmetric).
          Value i = arith::SubIOp::create(nb, nl, ivs[d], low[d]);
          Value z = indexConst(nb, nl, 0);
          Value neg =
              arith::CmpIOp::create(nb, nl, arith::CmpIPredicate::slt, i, z);
          Value negI = arith::SubIOp::create(
              nb, nl, indexConst(nb, nl, reflect ? 0 : -1), i);
          Value over =
              arith::CmpIOp::create(nb, nl, arith::CmpIPredicate::sge, i, n[d]);
          Value twoN = arith::AddIOp::create(nb, nl, n[d], n[d]);
          Value overI = arith::SubIOp::create(
              nb, nl,
              arith::SubIOp::create(nb, nl, twoN,
                                    indexConst(nb, nl, reflect ? 2 : 1)),
              i);
          i = arith::SelectOp::create(nb, nl, neg, negI, i);
          i = arith::SelectOp::create(nb, nl, over, overI, i);
          idx.push_back(i);
        }
        return tensor::ExtractOp::create(nb, nl, x, idx);
      },
      Value(), init));
  return success();
}

//===----------------------------------------------------------------------===//
// gathers
//===----------------------------------------------------------------------===//

/// out[pre, idx..., post] = x[pre, indices[idx...], post]; indices come from
/// input 1 or, without it, from i_args after the axis.
LogicalResult lowerGather(ExecLowering &l, SmallVectorImpl<Value> &results) {
  RankedTensorType in = l.inputType(0), type = l.resultType();
  int64_t axis = normalizeAxis(l.iArg(0, 0), in.getRank());
  if (axis < 0 || axis >= in.getRank())
    return l.emitError("axis ") << l.iArg(0, 0) << " is out of range";
  Value indices;
  bool unsignedIdx = false;
  if (l.numInputs() > 1) {
    indices = l.input(1);
    unsignedIdx = l.isUnsignedInput(1);
  } else {
    ArrayRef<int64_t> rest = l.iArgs().drop_front(1);
    auto t = RankedTensorType::get({static_cast<int64_t>(rest.size())},
                                   l.b.getI64Type());
    indices =
        arith::ConstantOp::create(l.b, l.loc, DenseElementsAttr::get(t, rest));
  }
  auto idxType = cast<RankedTensorType>(indices.getType());
  int64_t idxRank = idxType.getRank();
  if (type.getRank() != in.getRank() - 1 + idxRank)
    return l.emitError("the result rank does not match the gather");
  MLIRContext *ctx = l.b.getContext();
  SmallVector<AffineExpr> exprs;
  for (int64_t d = 0; d < idxRank; ++d)
    exprs.push_back(getAffineDimExpr(axis + d, ctx));
  AffineMap map = AffineMap::get(type.getRank(), 0, exprs, ctx);
  Value x = l.input(0);
  int64_t dim = in.getDimSize(axis);
  // A gathered extent known only at run time is read once, outside.
  Value runTimeDim =
      ShapedType::isDynamic(dim)
          ? tensor::DimOp::create(l.b, l.loc, x, axis).getResult()
          : Value();
  // Run-time extents: the indices' for the gathered dimensions, the
  // input's for the others.
  Value init;
  if (!type.hasStaticShape()) {
    SmallVector<Value> sizes;
    for (int64_t r = 0; r < type.getRank(); ++r) {
      bool fromIndices = r >= axis && r < axis + idxRank;
      Value source = fromIndices ? indices : x;
      int64_t d = r < axis ? r : fromIndices ? r - axis : r - idxRank + 1;
      auto sourceType = cast<RankedTensorType>(source.getType());
      sizes.push_back(
          sourceType.isDynamicDim(d)
              ? tensor::DimOp::create(l.b, l.loc, source, d).getResult()
              : indexConst(l.b, l.loc, sourceType.getDimSize(d)));
    }
    init = emptyOfSizes(l, type, sizes, "the gather");
  }
  results.push_back(createIndexedGeneric(
      l.b, l.loc, type, indices, map,
      [&](OpBuilder &b, Location loc, ValueRange ivs, ValueRange s) -> Value {
        SmallVector<Value> idx(ivs.take_front(axis));
        idx.push_back(runTimeDim
                          ? wrapIndex(b, loc, s[0], runTimeDim, unsignedIdx)
                          : wrapIndex(b, loc, s[0], dim, unsignedIdx));
        for (Value v : ivs.drop_front(axis + idxRank))
          idx.push_back(v);
        return tensor::ExtractOp::create(b, loc, x, idx);
      },
      Value(), init));
  return success();
}

/// out[outer..., inner...] = x[indices[outer..., :], inner...].
LogicalResult lowerGatherNd(ExecLowering &l, SmallVectorImpl<Value> &results) {
  RankedTensorType in = l.inputType(0), idxType = l.inputType(1),
                   type = l.resultType();
  if (idxType.getRank() < 1)
    return l.emitError("indices must have rank >= 1");
  int64_t k = idxType.getDimSize(idxType.getRank() - 1);
  int64_t outer = idxType.getRank() - 1;
  if (k > in.getRank() || type.getRank() != outer + in.getRank() - k)
    return l.emitError("the result rank does not match the gather");
  Value x = l.input(0), indices = l.input(1);
  bool unsignedIdx = l.isUnsignedInput(1);
  results.push_back(createIndexedGeneric(
      l.b, l.loc, type, {}, {},
      [&](OpBuilder &b, Location loc, ValueRange ivs, ValueRange) -> Value {
        SmallVector<Value> at(ivs.take_front(outer));
        at.push_back(Value());
        SmallVector<Value> idx;
        for (int64_t j = 0; j < k; ++j) {
          at.back() = indexConst(b, loc, j);
          Value v = tensor::ExtractOp::create(b, loc, indices, at);
          idx.push_back(wrapIndex(b, loc, v, in.getDimSize(j), unsignedIdx));
        }
        for (Value v : ivs.drop_front(outer))
          idx.push_back(v);
        return tensor::ExtractOp::create(b, loc, x, idx);
      }));
  return success();
}

/// Reverses the first seqLengths[b] elements along seqDim of each batch b.
LogicalResult lowerReverseSequence(ExecLowering &l,
                                   SmallVectorImpl<Value> &results) {
  RankedTensorType in = l.inputType(0), type = l.resultType();
  int64_t rank = in.getRank();
  int64_t seqDim = normalizeAxis(l.iArg(0, 0), rank),
          batchDim = normalizeAxis(l.iArg(1, 0), rank);
  if (seqDim < 0 || seqDim >= rank || batchDim < 0 || batchDim >= rank ||
      seqDim == batchDim)
    return l.emitError("bad sequence and batch dimensions");
  MLIRContext *ctx = l.b.getContext();
  AffineMap map = AffineMap::get(rank, 0, getAffineDimExpr(batchDim, ctx), ctx);
  Value x = l.input(0);
  bool unsignedLen = l.isUnsignedInput(1);
  int64_t n = in.getDimSize(seqDim);
  results.push_back(createIndexedGeneric(
      l.b, l.loc, type, l.input(1), map,
      [&](OpBuilder &b, Location loc, ValueRange ivs, ValueRange s) -> Value {
        Value len = wrapIndex(b, loc, s[0], n + 1, unsignedLen);
        Value i = ivs[seqDim];
        Value inSeq =
            arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, i, len);
        Value mirrored =
            arith::SubIOp::create(b, loc, arith::SubIOp::create(b, loc, len, i),
                                  indexConst(b, loc, 1));
        SmallVector<Value> idx(ivs);
        idx[seqDim] = arith::SelectOp::create(b, loc, inSeq, mirrored, i);
        return tensor::ExtractOp::create(b, loc, x, idx);
      }));
  return success();
}

//===----------------------------------------------------------------------===//
// index-producing and masking ops
//===----------------------------------------------------------------------===//

/// fill: the result type has the shape and dtype; the value is t_args[0]
/// or a scalar input 1.
LogicalResult lowerFill(ExecLowering &l, SmallVectorImpl<Value> &results) {
  RankedTensorType type = l.resultType();
  Type elem = type.getElementType();
  Value value;
  if (l.numInputs() > 1) {
    value = convertScalar(l.b, l.loc, extractFirst(l.b, l.loc, l.input(1)),
                          elem, l.isUnsignedInput(1), l.isUnsignedResult());
  } else {
    value = createScalar(l.b, l.loc, elem, l.tArg(0, 0.0));
  }
  Value init;
  if (type.hasStaticShape() && (l.numInputs() == 0 || l.constantInts(0))) {
    init = createEmpty(l.b, l.loc, type);
  } else {
    // The sizes are the shape input's values (checked against the static
    // ones the result declares).
    RankedTensorType shapeType = l.inputType(0);
    if (shapeType.getRank() != 1 || shapeType.getDimSize(0) != type.getRank())
      return l.emitError("the shape must be a vector of the result's rank");
    SmallVector<Value> sizes;
    for (int64_t d = 0; d < type.getRank(); ++d) {
      Value size =
          extractIndex(l.b, l.loc, l.input(0), d, l.isUnsignedInput(0));
      l.checkAtRunTime(arith::CmpIOp::create(l.b, l.loc,
                                             arith::CmpIPredicate::sge, size,
                                             indexConst(l.b, l.loc, 0)),
                       "the shape has a negative size");
      sizes.push_back(size);
    }
    init = emptyOfSizes(l, type, sizes, "the shape");
  }
  results.push_back(
      linalg::FillOp::create(l.b, l.loc, ValueRange{value}, ValueRange{init})
          .getResult(0));
  return success();
}

/// range: result[i] = from + i * step, from and step being scalar inputs
/// (or t_args/i_args without inputs); the result type has the length.
LogicalResult lowerRange(ExecLowering &l, SmallVectorImpl<Value> &results) {
  RankedTensorType type = l.resultType();
  if (type.getRank() != 1)
    return l.emitError("the result must have rank 1");
  Type elem = type.getElementType();
  bool isUnsigned = l.isUnsignedResult();
  Value from, step;
  if (l.numInputs() >= 3) {
    from = convertScalar(l.b, l.loc, extractFirst(l.b, l.loc, l.input(0)), elem,
                         l.isUnsignedInput(0), isUnsigned);
    step = convertScalar(l.b, l.loc, extractFirst(l.b, l.loc, l.input(2)), elem,
                         l.isUnsignedInput(2), isUnsigned);
  } else if (l.numInputs() == 0 && !l.tArgs().empty()) {
    from = createScalar(l.b, l.loc, elem, l.tArg(0, 0));
    step = createScalar(l.b, l.loc, elem, l.tArg(2, 1));
  } else if (l.numInputs() == 0 && !l.iArgs().empty()) {
    from = createScalar(l.b, l.loc, elem, l.iArg(0, 0));
    step = createScalar(l.b, l.loc, elem, l.iArg(2, 1));
  } else {
    return l.emitError("expected from, to and step inputs or arguments");
  }
  Value init;
  if (!type.hasStaticShape() ||
      (l.numInputs() >= 3 &&
       !(l.constantInts(0) && l.constantInts(1) && l.constantInts(2)))) {
    // The length from the values: max(0, ceil((to - from) / step)),
    // checked against a static one the result declares.
    if (l.numInputs() < 3)
      return l.emitError("a run-time length needs from, to and step inputs");
    OpBuilder &b = l.b;
    Location loc = l.loc;
    Value to = convertScalar(b, loc, extractFirst(b, loc, l.input(1)), elem,
                             l.isUnsignedInput(1), isUnsigned);
    Value zero = createScalar(b, loc, elem, 0);
    Value count;
    if (isa<FloatType>(elem)) {
      Value nonzero =
          arith::CmpFOp::create(b, loc, arith::CmpFPredicate::ONE, step, zero);
      l.checkAtRunTime(nonzero, "the step is zero");
      Value n = arith::DivFOp::create(
          b, loc, arith::SubFOp::create(b, loc, to, from), step);
      if (cast<FloatType>(elem).getWidth() < 64)
        n = arith::ExtFOp::create(b, loc, b.getF64Type(), n).getResult();
      n = math::CeilOp::create(b, loc, n);
      n = arith::MaximumFOp::create(b, loc, n,
                                    createScalar(b, loc, b.getF64Type(), 0));
      count = arith::FPToSIOp::create(b, loc, b.getI64Type(), n);
    } else {
      Value nonzero =
          arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, step, zero);
      l.checkAtRunTime(nonzero, "the step is zero");
      auto wide = [&](Value v) -> Value {
        if (v.getType().getIntOrFloatBitWidth() >= 64)
          return v;
        if (isUnsigned)
          return arith::ExtUIOp::create(b, loc, b.getI64Type(), v);
        return arith::ExtSIOp::create(b, loc, b.getI64Type(), v);
      };
      Value n = arith::SubIOp::create(b, loc, wide(to), wide(from));
      n = arith::CeilDivSIOp::create(b, loc, n, wide(step));
      count = arith::MaxSIOp::create(b, loc, n,
                                     createScalar(b, loc, b.getI64Type(), 0));
    }
    Value size = arith::IndexCastOp::create(b, loc, b.getIndexType(), count);
    init = emptyOfSizes(l, type, {size}, "the range");
  }
  results.push_back(createIndexedGeneric(
      l.b, l.loc, type, {}, {},
      [&](OpBuilder &b, Location loc, ValueRange ivs, ValueRange) -> Value {
        Value i = arith::IndexCastOp::create(b, loc, b.getI64Type(), ivs[0]);
        i = convertScalar(b, loc, i, elem, false, isUnsigned);
        if (isa<FloatType>(elem))
          return arith::AddFOp::create(b, loc, from,
                                       arith::MulFOp::create(b, loc, i, step));
        return arith::AddIOp::create(b, loc, from,
                                     arith::MulIOp::create(b, loc, i, step));
      },
      Value(), init));
  return success();
}

/// triu: keeps x where column - row >= diag over the last two dimensions.
LogicalResult lowerTriu(ExecLowering &l, SmallVectorImpl<Value> &results) {
  RankedTensorType type = l.resultType();
  if (type.getRank() < 2 || l.inputType(0) != type)
    return l.emitError("expected a matrix (batch) input of the result's type");
  int64_t diag = l.iArg(0, 0), rank = type.getRank();
  Type elem = type.getElementType();
  results.push_back(createIndexedGeneric(
      l.b, l.loc, type, l.input(0), l.b.getMultiDimIdentityMap(rank),
      [&](OpBuilder &b, Location loc, ValueRange ivs, ValueRange s) -> Value {
        Value diff =
            arith::SubIOp::create(b, loc, ivs[rank - 1], ivs[rank - 2]);
        Value keep = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sge,
                                           diff, indexConst(b, loc, diag));
        return arith::SelectOp::create(b, loc, keep, s[0],
                                       createScalar(b, loc, elem, 0));
      }));
  return success();
}

/// matrix_diag_part: out[..., i] = x[..., i, i].
LogicalResult lowerMatrixDiagPart(ExecLowering &l,
                                  SmallVectorImpl<Value> &results) {
  RankedTensorType in = l.inputType(0), type = l.resultType();
  int64_t rank = in.getRank();
  if (rank < 2 || type.getRank() != rank - 1 ||
      type.getDimSize(rank - 2) !=
          std::min(in.getDimSize(rank - 2), in.getDimSize(rank - 1)))
    return l.emitError("expected a matrix (batch) input");
  // tensor.extract rather than an input map (..., d, d): with such a map
  // linalg would infer the loop bound from a non-square input's last dim.
  Value x = l.input(0);
  results.push_back(createIndexedGeneric(
      l.b, l.loc, type, {}, {},
      [&](OpBuilder &b, Location loc, ValueRange ivs, ValueRange) -> Value {
        SmallVector<Value> idx(ivs);
        idx.push_back(ivs.back());
        return tensor::ExtractOp::create(b, loc, x, idx);
      }));
  return success();
}

/// matrix_diag: `[..., n]` → `[..., n, n]`, zero off the diagonal.
LogicalResult lowerMatrixDiag(ExecLowering &l,
                              SmallVectorImpl<Value> &results) {
  RankedTensorType in = l.inputType(0), type = l.resultType();
  int64_t rank = type.getRank();
  if (in.getRank() < 1 || rank != in.getRank() + 1 ||
      type.getDimSize(rank - 1) != in.getDimSize(in.getRank() - 1) ||
      type.getDimSize(rank - 2) != in.getDimSize(in.getRank() - 1))
    return l.emitError("expected [..., n] diagonals and a [..., n, n] result");
  Value x = l.input(0);
  Type elem = type.getElementType();
  results.push_back(createIndexedGeneric(
      l.b, l.loc, type, {}, {},
      [&](OpBuilder &b, Location loc, ValueRange ivs, ValueRange) -> Value {
        Value onDiagonal = arith::CmpIOp::create(
            b, loc, arith::CmpIPredicate::eq, ivs[rank - 2], ivs[rank - 1]);
        Value v = tensor::ExtractOp::create(b, loc, x, ivs.drop_back());
        return arith::SelectOp::create(b, loc, onDiagonal, v,
                                       createScalar(b, loc, elem, 0));
      }));
  return success();
}

/// matrix_set_diag: `input` `[..., m, n]` with its main diagonal replaced by
/// `diagonal` `[..., min(m, n)]`.
LogicalResult lowerMatrixSetDiag(ExecLowering &l,
                                 SmallVectorImpl<Value> &results) {
  RankedTensorType in = l.inputType(0), diag = l.inputType(1),
                   type = l.resultType();
  int64_t rank = in.getRank();
  if (rank < 2 || diag.getRank() != rank - 1 ||
      diag.getDimSize(rank - 2) !=
          std::min(in.getDimSize(rank - 2), in.getDimSize(rank - 1)))
    return l.emitError("expected [..., m, n] matrices and [..., min(m, n)] "
                       "diagonals");
  Value x = l.input(0), d = l.input(1);
  results.push_back(createIndexedGeneric(
      l.b, l.loc, type, {}, {},
      [&](OpBuilder &b, Location loc, ValueRange ivs, ValueRange) -> Value {
        Value onDiagonal = arith::CmpIOp::create(
            b, loc, arith::CmpIPredicate::eq, ivs[rank - 2], ivs[rank - 1]);
        // Read the diagonal only on it (off it, the index may pass its end).
        auto ifOp = scf::IfOp::create(
            b, loc, onDiagonal,
            [&](OpBuilder &tb, Location tl) {
              scf::YieldOp::create(tb, tl,
                                   ValueRange{tensor::ExtractOp::create(
                                       tb, tl, d, ivs.drop_back())});
            },
            [&](OpBuilder &eb, Location el) {
              scf::YieldOp::create(
                  eb, el,
                  ValueRange{tensor::ExtractOp::create(eb, el, x, ivs)});
            });
        return ifOp.getResult(0);
      }));
  return success();
}

/// matrix_band_part: element `[..., i, j]` kept where `(minLower < 0 ||
/// i - j <= minLower) && (maxUpper < 0 || j - i <= maxUpper)`, else zero.
LogicalResult lowerMatrixBandPart(ExecLowering &l,
                                  SmallVectorImpl<Value> &results) {
  RankedTensorType in = l.inputType(0);
  int64_t rank = in.getRank();
  if (rank < 2)
    return l.emitError("expected a matrix (batch) input");
  int64_t lower = l.iArg(0, -1), upper = l.iArg(1, -1);
  Value x = l.input(0);
  Type elem = in.getElementType();
  results.push_back(createIndexedGeneric(
      l.b, l.loc, in, {}, {},
      [&](OpBuilder &b, Location loc, ValueRange ivs, ValueRange) -> Value {
        Value i = ivs[rank - 2], j = ivs[rank - 1];
        Value keep = arith::ConstantIntOp::create(b, loc, 1, 1);
        // keep &= (p - q <= limit) for a band side with a limit.
        auto within = [&](Value p, Value q, int64_t limit) {
          if (limit < 0)
            return;
          keep = arith::AndIOp::create(
              b, loc, keep,
              arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sle,
                                    arith::SubIOp::create(b, loc, p, q),
                                    indexConst(b, loc, limit)));
        };
        within(i, j, lower);
        within(j, i, upper);
        Value v = tensor::ExtractOp::create(b, loc, x, ivs);
        return arith::SelectOp::create(b, loc, keep, v,
                                       createScalar(b, loc, elem, 0));
      }));
  return success();
}

/// roll with constant shifts and dimensions: element `i` along a rolled
/// dimension of size `n` comes from `(i - shift) mod n`.
LogicalResult lowerRoll(ExecLowering &l, SmallVectorImpl<Value> &results) {
  RankedTensorType in = l.inputType(0);
  int64_t rank = in.getRank();
  std::optional<SmallVector<int64_t>> shifts = l.constantInts(1);
  std::optional<SmallVector<int64_t>> dims = l.constantInts(2);
  if (!shifts || !dims)
    return l.emitError("the shifts and dimensions must be constants");
  if (shifts->size() != dims->size())
    return l.emitError("expected as many shifts as dimensions");
  SmallVector<int64_t> total(rank, 0);
  for (auto [shift, dim] : llvm::zip(*shifts, *dims)) {
    if (dim < -rank || dim >= rank)
      return l.emitError("dimension ") << dim << " is out of range";
    int64_t d = normalizeAxis(dim, rank);
    int64_t n = in.getDimSize(d);
    if (n > 0)
      total[d] = ((total[d] + shift) % n + n) % n;
  }
  Value x = l.input(0);
  results.push_back(createIndexedGeneric(
      l.b, l.loc, in, {}, {},
      [&](OpBuilder &b, Location loc, ValueRange ivs, ValueRange) -> Value {
        SmallVector<Value> idx;
        for (int64_t d = 0; d < rank; ++d) {
          if (total[d] == 0) {
            idx.push_back(ivs[d]);
            continue;
          }
          // (i + n - shift) mod n, all non-negative.
          int64_t n = in.getDimSize(d);
          Value i = arith::AddIOp::create(b, loc, ivs[d],
                                          indexConst(b, loc, n - total[d]));
          idx.push_back(
              arith::RemUIOp::create(b, loc, i, indexConst(b, loc, n)));
        }
        return tensor::ExtractOp::create(b, loc, x, idx);
      }));
  return success();
}

/// depth_to_space (DCR order, as TF): the depth splits into a block-row,
/// block-column and channel; the block moves into height and width. An
/// expand_shape, a linalg.transpose and a collapse_shape.
LogicalResult lowerDepthToSpace(ExecLowering &l,
                                SmallVectorImpl<Value> &results) {
  RankedTensorType in = l.inputType(0), type = l.resultType();
  int64_t bs = l.iArg(0, 0);
  bool nhwc = l.iArg(1, 1) != 0;
  if (in.getRank() != 4 || bs < 1)
    return l.emitError("expected a rank-4 input and a positive block size");
  int64_t n = in.getDimSize(0);
  int64_t c = in.getDimSize(nhwc ? 3 : 1), h = in.getDimSize(nhwc ? 1 : 2),
          w = in.getDimSize(nhwc ? 2 : 3);
  if (c % (bs * bs) != 0)
    return l.emitError("the depth is not a multiple of block size squared");
  int64_t oc = c / (bs * bs);
  Type elem = in.getElementType();
  Value v;
  if (nhwc) {
    // [N, H, W, b, b, C'] → [N, H, b, W, b, C'].
    v = tensor::ExpandShapeOp::create(
        l.b, l.loc, RankedTensorType::get({n, h, w, bs, bs, oc}, elem),
        l.input(0), ArrayRef<ReassociationIndices>{{0}, {1}, {2}, {3, 4, 5}});
    v = transpose(l.b, l.loc, v, {0, 1, 3, 2, 4, 5});
  } else {
    // [N, b, b, C', H, W] → [N, C', H, b, W, b].
    v = tensor::ExpandShapeOp::create(
        l.b, l.loc, RankedTensorType::get({n, bs, bs, oc, h, w}, elem),
        l.input(0), ArrayRef<ReassociationIndices>{{0}, {1, 2, 3}, {4}, {5}});
    v = transpose(l.b, l.loc, v, {0, 3, 4, 1, 5, 2});
  }
  SmallVector<int64_t> expected =
      nhwc ? SmallVector<int64_t>{n, h * bs, w * bs, oc}
           : SmallVector<int64_t>{n, oc, h * bs, w * bs};
  if (!llvm::equal(expected, type.getShape()))
    return l.emitError("the result shape does not match the block size");
  results.push_back(reshapeTo(l.b, l.loc, v, type));
  return success();
}

/// The block shape (input 1) and the [M, 2] paddings or crops (input 2) of
/// space_to_batch_nd / batch_to_space_nd, from constant inputs; the input
/// and result must have static shapes.
LogicalResult getBlocksAndPads(ExecLowering &l,
                               SmallVectorImpl<int64_t> &blocks,
                               SmallVectorImpl<int64_t> &pads) {
  if (l.numInputs() != 3)
    return l.emitError("needs the input, the block shape and the "
                       "paddings or crops");
  if (!l.inputType(0).hasStaticShape() || !l.resultType().hasStaticShape())
    return l.emitError("needs static shapes");
  std::optional<SmallVector<int64_t>> b = l.constantInts(1),
                                      p = l.constantInts(2);
  if (!b || !p)
    return l.emitError("the block shape and the paddings or crops must be "
                       "constants");
  int64_t m = b->size();
  int64_t rank = l.inputType(0).getRank();
  if (m < 1 || m + 1 > rank || static_cast<int64_t>(p->size()) != 2 * m)
    return l.emitError("a block shape of ")
           << m << " dimensions and " << p->size()
           << " paddings do not fit an input of rank " << rank;
  for (int64_t v : *b)
    if (v < 1)
      return l.emitError("block sizes must be positive");
  for (int64_t v : *p)
    if (v < 0)
      return l.emitError("paddings and crops must not be negative");
  blocks.assign(b->begin(), b->end());
  pads.assign(p->begin(), p->end());
  return success();
}

/// space_to_batch_nd: the spatial dimensions 1..M padded, split into
/// (size / block, block), the blocks moved in front of the batch and merged
/// with it: [B, s1.., rest] -> [b1*..*bM*B, (s1+p1)/b1, .., rest].
LogicalResult lowerSpaceToBatchNd(ExecLowering &l,
                                  SmallVectorImpl<Value> &results) {
  SmallVector<int64_t> blocks, pads;
  if (failed(getBlocksAndPads(l, blocks, pads)))
    return failure();
  RankedTensorType in = l.inputType(0), type = l.resultType();
  int64_t m = blocks.size(), rank = in.getRank();
  Type elem = in.getElementType();
  OpBuilder &b = l.b;
  Location loc = l.loc;
  Value v = l.input(0);
  SmallVector<int64_t> padded(in.getShape());
  bool anyPad = false;
  SmallVector<OpFoldResult> low(rank, b.getIndexAttr(0)),
      high(rank, b.getIndexAttr(0));
  for (int64_t i = 0; i < m; ++i) {
    padded[1 + i] += pads[2 * i] + pads[2 * i + 1];
    low[1 + i] = b.getIndexAttr(pads[2 * i]);
    high[1 + i] = b.getIndexAttr(pads[2 * i + 1]);
    anyPad |= pads[2 * i] || pads[2 * i + 1];
    if (padded[1 + i] % blocks[i] != 0)
      return l.emitError("padded dimension ")
             << 1 + i << " (" << padded[1 + i]
             << ") is not a multiple of its block size " << blocks[i];
  }
  if (anyPad)
    v = tensor::PadOp::create(b, loc, RankedTensorType::get(padded, elem), v,
                              low, high, createScalar(b, loc, elem, 0));
  // [B, p1/b1, b1, .., pM/bM, bM, rest].
  SmallVector<int64_t> split = {padded[0]};
  SmallVector<ReassociationIndices> groups = {{0}};
  for (int64_t i = 0; i < m; ++i) {
    split.push_back(padded[1 + i] / blocks[i]);
    split.push_back(blocks[i]);
    groups.push_back({1 + 2 * i, 2 + 2 * i});
  }
  for (int64_t d = m + 1; d < rank; ++d) {
    groups.push_back({static_cast<int64_t>(split.size())});
    split.push_back(padded[d]);
  }
  v = tensor::ExpandShapeOp::create(b, loc, RankedTensorType::get(split, elem),
                                    v, groups);
  // [b1, .., bM, B, p1/b1, .., pM/bM, rest].
  SmallVector<int64_t> perm;
  for (int64_t i = 0; i < m; ++i)
    perm.push_back(2 + 2 * i);
  perm.push_back(0);
  for (int64_t i = 0; i < m; ++i)
    perm.push_back(1 + 2 * i);
  for (int64_t d = 2 * m + 1; d < static_cast<int64_t>(split.size()); ++d)
    perm.push_back(d);
  v = transpose(b, loc, v, perm);
  SmallVector<int64_t> expected = {padded[0]};
  for (int64_t i = 0; i < m; ++i) {
    expected[0] *= blocks[i];
    expected.push_back(padded[1 + i] / blocks[i]);
  }
  for (int64_t d = m + 1; d < rank; ++d)
    expected.push_back(padded[d]);
  if (!llvm::equal(expected, type.getShape()))
    return l.emitError("the result ")
           << type << " does not match the block shape and paddings";
  results.push_back(reshapeTo(b, loc, v, type));
  return success();
}

/// batch_to_space_nd: the inverse: [b1*..*bM*B, s1.., rest] split into the
/// blocks and the batch, each block interleaved after its spatial
/// dimension, merged, and cropped.
LogicalResult lowerBatchToSpaceNd(ExecLowering &l,
                                  SmallVectorImpl<Value> &results) {
  SmallVector<int64_t> blocks, crops;
  if (failed(getBlocksAndPads(l, blocks, crops)))
    return failure();
  RankedTensorType in = l.inputType(0), type = l.resultType();
  int64_t m = blocks.size(), rank = in.getRank();
  Type elem = in.getElementType();
  OpBuilder &b = l.b;
  Location loc = l.loc;
  int64_t prod = 1;
  for (int64_t v : blocks)
    prod *= v;
  if (in.getDimSize(0) % prod != 0)
    return l.emitError("the batch ")
           << in.getDimSize(0) << " is not a multiple of the blocks' product "
           << prod;
  // [b1, .., bM, B, s1, .., rest].
  SmallVector<int64_t> split(blocks.begin(), blocks.end());
  split.push_back(in.getDimSize(0) / prod);
  ReassociationIndices first;
  for (int64_t i = 0; i <= m; ++i)
    first.push_back(i);
  SmallVector<ReassociationIndices> groups = {first};
  for (int64_t d = 1; d < rank; ++d) {
    groups.push_back({static_cast<int64_t>(split.size())});
    split.push_back(in.getDimSize(d));
  }
  Value v = tensor::ExpandShapeOp::create(
      b, loc, RankedTensorType::get(split, elem), l.input(0), groups);
  // [B, s1, b1, .., sM, bM, rest].
  SmallVector<int64_t> perm = {m};
  for (int64_t i = 0; i < m; ++i) {
    perm.push_back(m + 1 + i);
    perm.push_back(i);
  }
  for (int64_t d = 2 * m + 1; d < static_cast<int64_t>(split.size()); ++d)
    perm.push_back(d);
  v = transpose(b, loc, v, perm);
  SmallVector<int64_t> merged = {split[m]};
  SmallVector<ReassociationIndices> mergeGroups = {{0}};
  for (int64_t i = 0; i < m; ++i) {
    merged.push_back(in.getDimSize(1 + i) * blocks[i]);
    mergeGroups.push_back({1 + 2 * i, 2 + 2 * i});
  }
  for (int64_t d = m + 1; d < rank; ++d) {
    mergeGroups.push_back({static_cast<int64_t>(2 * m + 1 + (d - m - 1))});
    merged.push_back(in.getDimSize(d));
  }
  v = tensor::CollapseShapeOp::create(
      b, loc, RankedTensorType::get(merged, elem), v, mergeGroups);
  SmallVector<int64_t> offsets(rank, 0), sizes(merged), strides(rank, 1);
  for (int64_t i = 0; i < m; ++i) {
    offsets[1 + i] = crops[2 * i];
    sizes[1 + i] -= crops[2 * i] + crops[2 * i + 1];
    if (sizes[1 + i] < 0)
      return l.emitError("crops larger than dimension ") << 1 + i;
  }
  if (!llvm::equal(sizes, type.getShape()))
    return l.emitError("the result ")
           << type << " does not match the block shape and crops";
  if (sizes != merged)
    v = tensor::ExtractSliceOp::create(b, loc, type, v, ValueRange{},
                                       ValueRange{}, ValueRange{}, offsets,
                                       sizes, strides);
  results.push_back(v);
  return success();
}

/// onehot (inputs indices, depth, on, off; i_args axis; d_args dtype): the
/// result holds `on` where its position along `axis` equals the index at
/// the other positions, `off` elsewhere. An index outside [0, depth)
/// matches nothing (ONNX; the import rule has already wrapped negative
/// ones). The depth comes from the static result shape.
LogicalResult lowerOneHot(ExecLowering &l, SmallVectorImpl<Value> &results) {
  if (l.numInputs() != 4)
    return l.emitError("needs indices, depth, on and off values");
  RankedTensorType type = l.resultType();
  RankedTensorType idxType = l.inputType(0);
  int64_t rank = type.getRank();
  if (idxType.getRank() + 1 != rank)
    return l.emitError("result rank ") << rank << " is not the indices' rank "
                                       << idxType.getRank() << " plus one";
  int64_t axis = l.iArg(0, -1);
  if (axis < -rank || axis >= rank)
    return l.emitError("axis ") << axis << " out of range for rank " << rank;
  axis = normalizeAxis(axis, rank);
  for (unsigned i = 2; i < 4; ++i)
    if (l.inputType(i).getNumElements() != 1)
      return l.emitError("input ") << i << " must hold one value";
  if (!isa<IntegerType>(idxType.getElementType()))
    return l.emitError("indices must be integers, got ")
           << idxType.getElementType();

  OpBuilder &b = l.b;
  Location loc = l.loc;
  MLIRContext *ctx = b.getContext();
  SmallVector<AffineExpr> idxExprs;
  for (int64_t d = 0; d < rank; ++d)
    if (d != axis)
      idxExprs.push_back(getAffineDimExpr(d, ctx));
  auto scalarMap = [&](RankedTensorType t) {
    SmallVector<AffineExpr> zeros(t.getRank(), getAffineConstantExpr(0, ctx));
    return AffineMap::get(rank, 0, zeros, ctx);
  };
  SmallVector<AffineMap> maps = {
      AffineMap::get(rank, 0, idxExprs, ctx), scalarMap(l.inputType(2)),
      scalarMap(l.inputType(3)), AffineMap::getMultiDimIdentityMap(rank, ctx)};
  SmallVector<utils::IteratorType> iters(rank, utils::IteratorType::parallel);
  Type elem = type.getElementType();
  bool idxUnsigned = l.isUnsignedInput(0);
  bool onUnsigned = l.isUnsignedInput(2), offUnsigned = l.isUnsignedInput(3);
  bool outUnsigned = l.isUnsignedResult();
  Value r =
      linalg::GenericOp::create(
          b, loc, type, ValueRange{l.input(0), l.input(2), l.input(3)},
          createEmpty(b, loc, type), maps, iters,
          [&](OpBuilder &nb, Location nl, ValueRange a) {
            Type i64 = nb.getI64Type();
            Value idx = convertScalar(nb, nl, a[0], i64, idxUnsigned);
            Value pos = arith::IndexCastOp::create(
                nb, nl, i64, linalg::IndexOp::create(nb, nl, axis));
            Value eq = arith::CmpIOp::create(nb, nl, arith::CmpIPredicate::eq,
                                             idx, pos);
            Value on =
                convertScalar(nb, nl, a[1], elem, onUnsigned, outUnsigned);
            Value off =
                convertScalar(nb, nl, a[2], elem, offUnsigned, outUnsigned);
            linalg::YieldOp::create(
                nb, nl,
                arith::SelectOp::create(nb, nl, eq, on, off).getResult());
          })
          .getResult(0);
  results.push_back(r);
  return success();
}

/// shape_of: the input's dimensions (run-time ones read with tensor.dim)
/// as a vector of the result's integer type.
LogicalResult lowerShapeOf(ExecLowering &l, SmallVectorImpl<Value> &results) {
  if (l.numInputs() != 1)
    return l.emitError("expected one input");
  RankedTensorType in = l.inputType(0), out = l.resultType();
  auto element = dyn_cast<IntegerType>(out.getElementType());
  if (!element || out.getRank() != 1 || out.getDimSize(0) != in.getRank())
    return l.emitError("the result must be a vector of the input's rank");
  SmallVector<Value> dims;
  for (int64_t d = 0; d < in.getRank(); ++d) {
    Value size = tensor::DimOp::create(l.b, l.loc, l.input(0), d);
    dims.push_back(arith::IndexCastOp::create(l.b, l.loc, element, size));
  }
  results.push_back(tensor::FromElementsOp::create(l.b, l.loc, out, dims));
  return success();
}

} // namespace

void mlir::nd4j::populateExecToLinalgShape(ExecLoweringTable &table) {
  table.add("shape_of", lowerShapeOf);
  table.setDynamicReady("shape_of");
  table.add("reshape", lowerReshape);
  table.add("onehot", lowerOneHot);
  table.add("permute", lowerPermute);
  table.add("transpose", lowerPermute);
  table.setDynamicReady("reshape");
  table.setDynamicReady("concat", ExecLoweringTable::Dynamic::LeadingOnly);
  table.setDynamicReady("pad");
  table.setDynamicReady("gather");
  // Run-time bounds give any dimension a run-time extent; constant ones
  // take a run-time dimension whole only.
  table.setDynamicReady("strided_slice");
  table.setDynamicReady("permute");
  table.setDynamicReady("transpose");
  table.add("broadcast_to", lowerBroadcastTo);
  table.add("tile", lowerTile);
  table.add("concat", lowerConcat);
  table.add("reverse", lowerReverse);
  table.add("strided_slice", lowerStridedSlice);
  table.add("pad", lowerPad);
  table.add("gather", lowerGather);
  table.add("gather_nd", lowerGatherNd);
  table.add("reverse_sequence", lowerReverseSequence);
  table.add("fill", lowerFill);
  table.add("range", lowerRange);
  table.setDynamicReady("fill");
  table.setDynamicReady("range");
  table.add("triu", lowerTriu);
  table.add("matrix_diag_part", lowerMatrixDiagPart);
  table.add("matrix_diag", lowerMatrixDiag);
  table.add("matrix_set_diag", lowerMatrixSetDiag);
  table.add("roll", lowerRoll);
  table.add("matrix_band_part", lowerMatrixBandPart);
  table.add("depth_to_space", lowerDepthToSpace);
  table.add("space_to_batch_nd", lowerSpaceToBatchNd);
  table.add("batch_to_space_nd", lowerBatchToSpaceNd);
}
