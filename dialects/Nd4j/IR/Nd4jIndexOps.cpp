//===- Nd4jIndexOps.cpp - result types of the nd4j index ops ------------===//
//
// Inference (and with it, checking) of the ops declared in Nd4jIndexOps.td.
//
//===----------------------------------------------------------------------===//

#include "dialects/Nd4j/IR/Nd4jShapeInference.h"
#include "mlir/IR/Matchers.h"

using namespace mlir;
using namespace mlir::nd4j;
using namespace mlir::nd4j::infer_detail;

namespace {

/// The coordinate width K of `indices` (its static last dimension), checked
/// against the rank of the addressed tensor.
FailureOr<int64_t> coordinateWidth(std::optional<Location> loc,
                                   RankedTensorType in, RankedTensorType idx) {
  if (!isa<IntegerType>(idx.getElementType()))
    return fail(loc, "indices must be integers, got ", idx.getElementType());
  if (idx.getRank() < 1 || ShapedType::isDynamic(idx.getShape().back()))
    return fail(loc, "indices ", shapeStr(idx.getShape()),
                " must have a static last dimension");
  int64_t k = idx.getShape().back();
  if (k > in.getRank())
    return fail(loc, "coordinates of ", k, " elements exceed input rank ",
                in.getRank());
  return k;
}

/// indices.shape[:-1] + input.shape[K:].
SmallVector<int64_t> sliceShape(RankedTensorType in, RankedTensorType idx,
                                int64_t k) {
  SmallVector<int64_t> shape(idx.getShape().drop_back());
  llvm::append_range(shape, in.getShape().drop_front(k));
  return shape;
}

} // namespace

LogicalResult GatherNdOp::inferReturnTypes(MLIRContext *,
                                           std::optional<Location> loc,
                                           Adaptor a,
                                           SmallVectorImpl<Type> &out) {
  RankedTensorType in = ranked(a.getInput()), idx = ranked(a.getIndices());
  FailureOr<int64_t> k = coordinateWidth(loc, in, idx);
  if (failed(k))
    return failure();
  return infer(out, sliceShape(in, idx, *k), in.getElementType());
}

static LogicalResult inferScatterNd(std::optional<Location> loc, Value input,
                                    Value indices, Value updates,
                                    SmallVectorImpl<Type> &out) {
  RankedTensorType in = ranked(input), idx = ranked(indices),
                   upd = ranked(updates);
  FailureOr<int64_t> k = coordinateWidth(loc, in, idx);
  if (failed(k) || failed(sameElementType(loc, input, updates)))
    return failure();
  SmallVector<int64_t> expected = sliceShape(in, idx, *k);
  if (upd.getRank() != static_cast<int64_t>(expected.size()) ||
      !llvm::all_of(llvm::zip(upd.getShape(), expected), [](auto p) {
        return compatibleDims(std::get<0>(p), std::get<1>(p));
      }))
    return fail(loc, "updates ", shapeStr(upd.getShape()), " must have shape ",
                shapeStr(expected));
  out.push_back(in);
  return success();
}

LogicalResult ScatterNdUpdateOp::inferReturnTypes(MLIRContext *,
                                                  std::optional<Location> loc,
                                                  Adaptor a,
                                                  SmallVectorImpl<Type> &out) {
  return inferScatterNd(loc, a.getInput(), a.getIndices(), a.getUpdates(), out);
}

LogicalResult ScatterNdAddOp::inferReturnTypes(MLIRContext *,
                                               std::optional<Location> loc,
                                               Adaptor a,
                                               SmallVectorImpl<Type> &out) {
  return inferScatterNd(loc, a.getInput(), a.getIndices(), a.getUpdates(), out);
}

LogicalResult WhereIndicesOp::inferReturnTypes(MLIRContext *ctx,
                                               std::optional<Location>,
                                               Adaptor a,
                                               SmallVectorImpl<Type> &out) {
  return infer(out, {kDyn, ranked(a.getCondition()).getRank()},
               IntegerType::get(ctx, 64));
}

LogicalResult ReverseSequenceOp::inferReturnTypes(MLIRContext *,
                                                  std::optional<Location> loc,
                                                  Adaptor a,
                                                  SmallVectorImpl<Type> &out) {
  RankedTensorType in = ranked(a.getInput()), len = ranked(a.getSeqLengths());
  int64_t rank = in.getRank();
  FailureOr<int64_t> seq = normalizeAxis(loc, "seqDim", a.getSeqDim(), rank);
  FailureOr<int64_t> batch =
      succeeded(seq) ? normalizeAxis(loc, "batchDim", a.getBatchDim(), rank)
                     : seq;
  if (failed(batch))
    return failure();
  if (*seq == *batch)
    return fail(loc, "seqDim and batchDim are both ", *seq);
  if (!isa<IntegerType>(len.getElementType()) || len.getRank() != 1 ||
      !compatibleDims(len.getDimSize(0), in.getDimSize(*batch)))
    return fail(loc, "seqLengths ", len,
                " must be integers, one per batch entry of ",
                shapeStr(in.getShape()));
  out.push_back(in);
  return success();
}

LogicalResult RandomUniformOp::inferReturnTypes(MLIRContext *,
                                                std::optional<Location> loc,
                                                Adaptor a,
                                                SmallVectorImpl<Type> &out) {
  RankedTensorType shapeType = ranked(a.getShape());
  Type element = a.getDataType();
  // libnd4j draws integers in [min, max) too (TF's RandomUniformInt); not
  // bools.
  int64_t code = getLibnd4jDataTypeCode(element);
  if (code == 0 || element.isInteger(1))
    return fail(loc, "dataType must be a floating-point or integer type, got ",
                element);
  if (a.getDtype() != code)
    return fail(loc, "dtype ", a.getDtype(), " is not libnd4j's number ", code,
                " of ", element);
  if (!isa<IntegerType>(shapeType.getElementType()) ||
      shapeType.getRank() != 1 || shapeType.isDynamicDim(0))
    return fail(loc, "shape must be a 1-D integer tensor of static size, got ",
                shapeType);
  if (a.getMin() > a.getMax())
    return fail(loc, "min ", a.getMin().convertToDouble(), " exceeds max ",
                a.getMax().convertToDouble());
  SmallVector<int64_t> shape(shapeType.getDimSize(0), kDyn);
  DenseIntElementsAttr values;
  if (matchPattern(a.getShape(), m_Constant(&values))) {
    shape.clear();
    for (const APInt &v : values.getValues<APInt>())
      shape.push_back(v.getSExtValue());
    if (llvm::any_of(shape, [](int64_t d) { return d < 0; }))
      return fail(loc, "shape ", shapeStr(shape), " has a negative extent");
  }
  return infer(out, shape, element);
}

static LogicalResult inferScatter(std::optional<Location> loc, Value input,
                                  Value indices, Value updates,
                                  SmallVectorImpl<Type> &out) {
  RankedTensorType in = ranked(input), idx = ranked(indices),
                   upd = ranked(updates);
  if (!isa<IntegerType>(idx.getElementType()))
    return fail(loc, "indices must be integers, got ", idx.getElementType());
  if (in.getRank() < 1)
    return fail(loc, "input must have a first dimension to scatter along");
  if (failed(sameElementType(loc, input, updates)))
    return failure();
  SmallVector<int64_t> expected(idx.getShape());
  llvm::append_range(expected, in.getShape().drop_front());
  if (upd.getRank() != static_cast<int64_t>(expected.size()) ||
      !llvm::all_of(llvm::zip(upd.getShape(), expected), [](auto p) {
        return compatibleDims(std::get<0>(p), std::get<1>(p));
      }))
    return fail(loc, "updates ", shapeStr(upd.getShape()), " must have shape ",
                shapeStr(expected));
  out.push_back(in);
  return success();
}

LogicalResult ScatterMulOp::inferReturnTypes(MLIRContext *,
                                             std::optional<Location> loc,
                                             Adaptor a,
                                             SmallVectorImpl<Type> &out) {
  return inferScatter(loc, a.getInput(), a.getIndices(), a.getUpdates(), out);
}

LogicalResult ScatterMaxOp::inferReturnTypes(MLIRContext *,
                                             std::optional<Location> loc,
                                             Adaptor a,
                                             SmallVectorImpl<Type> &out) {
  return inferScatter(loc, a.getInput(), a.getIndices(), a.getUpdates(), out);
}

LogicalResult ScatterMinOp::inferReturnTypes(MLIRContext *,
                                             std::optional<Location> loc,
                                             Adaptor a,
                                             SmallVectorImpl<Type> &out) {
  return inferScatter(loc, a.getInput(), a.getIndices(), a.getUpdates(), out);
}
