//===- OnnxIndexRules.cpp - built-in ONNX import rules: index ops -------===//
//
// Rules for GatherElements, Scatter*, GatherND, Compress, NonZero,
// ReverseSequence and the quantization ops. libnd4j has no element-wise
// gather or scatter along one axis, so GatherElements and ScatterElements
// become gather_nd / scatter_nd_* with full coordinate tuples: the indices
// along the axis, and constant iotas for the other dimensions. ONNX allows
// negative indices (from the end); libnd4j does not, so indices are first
// wrapped by a floor modulo with the (static) extent.
//
//===----------------------------------------------------------------------===//

#include "passes/Import/ONNX/OnnxRuleUtils.h"

using namespace mlir;
using namespace mlir::nd4j;
using namespace mlir::nd4j::onnx_rules;

namespace {

/// A constant of `shape` (static) and integer type `element` whose elements
/// are their own coordinate along `dim`.
Value iotaConstant(PatternRewriter &rewriter, Location loc,
                   ArrayRef<int64_t> shape, int64_t dim, Type element) {
  auto type = RankedTensorType::get(shape, element);
  int64_t inner = 1;
  for (int64_t d = dim + 1; d < static_cast<int64_t>(shape.size()); ++d)
    inner *= shape[d];
  unsigned width = cast<IntegerType>(element).getWidth();
  SmallVector<APInt> values;
  for (int64_t i = 0, n = type.getNumElements(); i < n; ++i)
    values.push_back(APInt(width, (i / inner) % shape[dim], /*isSigned=*/true));
  return ConstantOp::create(rewriter, loc, type,
                            DenseElementsAttr::get(type, values), StringAttr());
}

/// `indices` wrapped into [0, extent) by a floor modulo: ONNX's negative
/// indices count from the end. `extents` is one extent (broadcast over all
/// indices) or one per element of the last dimension.
FailureOr<Value> wrapIndices(PatternRewriter &rewriter, ImportNode &node,
                             Value indices, ArrayRef<int64_t> extents) {
  Type element = cast<RankedTensorType>(indices.getType()).getElementType();
  auto type = RankedTensorType::get(
      extents.size() == 1 ? ArrayRef<int64_t>{}
                          : ArrayRef<int64_t>{(int64_t)extents.size()},
      element);
  unsigned width = cast<IntegerType>(element).getWidth();
  SmallVector<APInt> values;
  for (int64_t e : extents)
    values.push_back(APInt(width, e, /*isSigned=*/true));
  Value m =
      ConstantOp::create(rewriter, node.loc, type,
                         DenseElementsAttr::get(type, values), StringAttr());
  return build<FloorModOp>(rewriter, node, indices, m);
}

/// Coordinate tuples `[indices.shape..., rank]` that address, for each
/// element of `indices` (static shape, same rank as the data), the data
/// element at its own coordinates except along `axis`, where `indices`
/// (already wrapped) gives the coordinate.
FailureOr<Value> elementCoordinates(PatternRewriter &rewriter, ImportNode &node,
                                    Value indices, int64_t axis) {
  auto type = cast<RankedTensorType>(indices.getType());
  SmallVector<int64_t> shape(type.getShape());
  shape.push_back(1);
  SmallVector<Value> parts;
  for (int64_t d = 0; d < type.getRank(); ++d) {
    if (d != axis) {
      parts.push_back(
          iotaConstant(rewriter, node.loc, shape, d, type.getElementType()));
      continue;
    }
    FailureOr<Value> column = reshapeTo(rewriter, node, indices, shape);
    if (failed(column))
      return failure();
    parts.push_back(*column);
  }
  return build<ConcatOp>(rewriter, node, parts, i64(rewriter, type.getRank()));
}

/// Binds ONNX's `axis` (default 0) against rank `rank`.
FailureOr<int64_t> bindAxis(ImportNode &node, int64_t rank) {
  FailureOr<int64_t> axis = node.getInt("axis", 0);
  if (failed(axis))
    return failure();
  if (*axis < -rank || *axis >= rank) {
    node.emitError() << "axis " << *axis << " is out of range for rank "
                     << rank;
    return failure();
  }
  return *axis < 0 ? *axis + rank : *axis;
}

/// Coordinates for GatherElements / ScatterElements: the wrapped indices
/// along the axis and iotas elsewhere. NotApplicable (as failure without a
/// diagnostic, `malformed` false) where shapes are not static.
FailureOr<Value> axisCoordinates(PatternRewriter &rewriter, ImportNode &node,
                                 bool &malformed) {
  malformed = false;
  RankedTensorType data = node.inputType(0), idx = node.inputType(1);
  if (!data || !idx || !idx.hasStaticShape() ||
      idx.getRank() != data.getRank() || data.getRank() == 0)
    return failure();
  FailureOr<int64_t> axis = bindAxis(node, data.getRank());
  if (failed(axis)) {
    malformed = true;
    return failure();
  }
  int64_t extent = data.getDimSize(*axis);
  if (ShapedType::isDynamic(extent))
    return failure();
  FailureOr<Value> wrapped = wrapIndices(rewriter, node, node.input(1), extent);
  if (failed(wrapped)) {
    malformed = true;
    return failure();
  }
  FailureOr<Value> coords = elementCoordinates(rewriter, node, *wrapped, *axis);
  malformed = failed(coords);
  return coords;
}

RuleResult gatherElements(ImportNode &node, PatternRewriter &rewriter) {
  bool malformed;
  FailureOr<Value> coords = axisCoordinates(rewriter, node, malformed);
  if (failed(coords))
    return malformed ? RuleResult::Failed : RuleResult::NotApplicable;
  return replace(rewriter, node,
                 build<GatherNdOp>(rewriter, node, node.input(0), *coords));
}

/// The scatter op for ONNX's `reduction`: none (and Scatter, which has no
/// such attribute) replaces, add accumulates; mul/max/min have no libnd4j
/// scatter_nd counterpart.
FailureOr<bool> bindScatterAdd(ImportNode &node, bool &applicable) {
  FailureOr<StringRef> reduction = node.getString("reduction", "none");
  applicable =
      succeeded(reduction) && (*reduction == "none" || *reduction == "add");
  if (failed(reduction))
    return failure();
  return *reduction == "add";
}

FailureOr<Value> scatter(PatternRewriter &rewriter, ImportNode &node, bool add,
                         Value coords) {
  if (add)
    return build<ScatterNdAddOp>(rewriter, node, node.input(0), coords,
                                 node.input(2));
  return build<ScatterNdUpdateOp>(rewriter, node, node.input(0), coords,
                                  node.input(2));
}

/// ScatterElements and (before opset 11) Scatter.
RuleResult scatterElements(ImportNode &node, PatternRewriter &rewriter) {
  bool applicable;
  FailureOr<bool> add = bindScatterAdd(node, applicable);
  if (failed(add))
    return RuleResult::Failed;
  if (!applicable || !node.inputType(2))
    return RuleResult::NotApplicable;
  bool malformed;
  FailureOr<Value> coords = axisCoordinates(rewriter, node, malformed);
  if (failed(coords))
    return malformed ? RuleResult::Failed : RuleResult::NotApplicable;
  return replace(rewriter, node, scatter(rewriter, node, *add, *coords));
}

/// Wraps the coordinates of GatherND/ScatterND indices `[..., K]` by the
/// data's extents `from`..`from + K`; NotApplicable where those are unknown.
FailureOr<Value> wrapTuples(PatternRewriter &rewriter, ImportNode &node,
                            RankedTensorType data, RankedTensorType idx,
                            int64_t from) {
  if (idx.getRank() < 1 || ShapedType::isDynamic(idx.getShape().back()) ||
      from + idx.getShape().back() > data.getRank())
    return failure();
  ArrayRef<int64_t> extents =
      data.getShape().slice(from, idx.getShape().back());
  if (llvm::any_of(extents, ShapedType::isDynamic) || extents.empty())
    return failure();
  return wrapIndices(rewriter, node, node.input(1), extents);
}

RuleResult gatherND(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType data = node.inputType(0), idx = node.inputType(1);
  FailureOr<int64_t> batchDims = node.getInt("batch_dims", 0);
  if (failed(batchDims))
    return RuleResult::Failed;
  if (!data || !idx)
    return RuleResult::NotApplicable;
  int64_t b = *batchDims;
  if (b < 0 || b >= std::min(data.getRank(), idx.getRank())) {
    node.emitError() << "batch_dims " << b << " is out of range";
    return RuleResult::Failed;
  }
  FailureOr<Value> coords = wrapTuples(rewriter, node, data, idx, b);
  if (failed(coords))
    return RuleResult::NotApplicable;
  if (b > 0) {
    // gather_nd has no batch dimensions: prepend each element's own batch
    // coordinates to its tuple.
    if (!idx.hasStaticShape() ||
        data.getShape().take_front(b) != idx.getShape().take_front(b))
      return RuleResult::NotApplicable;
    SmallVector<int64_t> shape(idx.getShape().drop_back());
    shape.push_back(1);
    SmallVector<Value> parts;
    for (int64_t d = 0; d < b; ++d)
      parts.push_back(
          iotaConstant(rewriter, node.loc, shape, d, idx.getElementType()));
    parts.push_back(*coords);
    coords = build<ConcatOp>(rewriter, node, parts, i64(rewriter, -1));
    if (failed(coords))
      return RuleResult::Failed;
  }
  return replace(rewriter, node,
                 build<GatherNdOp>(rewriter, node, node.input(0), *coords));
}

RuleResult scatterND(ImportNode &node, PatternRewriter &rewriter) {
  bool applicable;
  FailureOr<bool> add = bindScatterAdd(node, applicable);
  if (failed(add))
    return RuleResult::Failed;
  RankedTensorType data = node.inputType(0), idx = node.inputType(1);
  if (!applicable || !data || !idx || !node.inputType(2))
    return RuleResult::NotApplicable;
  FailureOr<Value> coords = wrapTuples(rewriter, node, data, idx, 0);
  if (failed(coords))
    return RuleResult::NotApplicable;
  return replace(rewriter, node, scatter(rewriter, node, *add, *coords));
}

/// Compress: the positions where the 1-D condition holds select slices
/// along `axis` (of the flattened input without one).
RuleResult compress(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0), c = node.inputType(1);
  if (!x || !c || c.getRank() != 1 || !c.getElementType().isInteger(1))
    return RuleResult::NotApplicable;
  Value input = node.input(0);
  int64_t axis = 0;
  if (node.hasAttr("axis")) {
    FailureOr<int64_t> a = bindAxis(node, x.getRank());
    if (failed(a))
      return RuleResult::Failed;
    axis = *a;
  } else {
    FailureOr<Value> flat = reshapeTo(rewriter, node, input, {-1});
    if (failed(flat))
      return RuleResult::Failed;
    input = *flat;
  }
  FailureOr<Value> where = build<WhereIndicesOp>(rewriter, node, node.input(1));
  FailureOr<Value> positions =
      succeeded(where) ? reshapeTo(rewriter, node, *where, {-1}) : where;
  if (failed(positions))
    return RuleResult::Failed;
  return replace(
      rewriter, node,
      build<GatherOp>(rewriter, node, input, *positions, i64(rewriter, axis)));
}

/// NonZero: ONNX lists the coordinates per dimension ([rank, n]), libnd4j's
/// Where per element ([n, rank]).
RuleResult nonZero(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  if (!x || x.getRank() == 0)
    return RuleResult::NotApplicable;
  Value cond = node.input(0);
  if (!x.getElementType().isInteger(1)) {
    Type element = x.getElementType();
    if (!isa<FloatType, IntegerType>(element))
      return RuleResult::NotApplicable;
    FailureOr<Value> nz = build<NotEqualsOp>(
        rewriter, node, cond, scalarConstant(rewriter, node.loc, element, 0));
    if (failed(nz))
      return RuleResult::Failed;
    cond = *nz;
  }
  FailureOr<Value> where = build<WhereIndicesOp>(rewriter, node, cond);
  if (failed(where))
    return RuleResult::Failed;
  return replace(rewriter, node,
                 build<PermuteOp>(rewriter, node, *where,
                                  rewriter.getDenseI64ArrayAttr({1, 0})));
}

RuleResult reverseSequence(ImportNode &node, PatternRewriter &rewriter) {
  if (!node.inputType(0) || !node.inputType(1))
    return RuleResult::NotApplicable;
  FailureOr<int64_t> batch = node.getInt("batch_axis", 1);
  FailureOr<int64_t> time = node.getInt("time_axis", 0);
  if (failed(batch) || failed(time))
    return RuleResult::Failed;
  return replace(rewriter, node,
                 build<ReverseSequenceOp>(rewriter, node, node.input(0),
                                          node.input(1), i64(rewriter, *time),
                                          i64(rewriter, *batch)));
}

//===----------------------------------------------------------------------===//
// Quantization, composed: libnd4j has no (de)quantization ops
//===----------------------------------------------------------------------===//

/// The range of a quantized element type nd4j can hold: uint8, int8.
std::optional<std::pair<double, double>> quantizedRange(Type element) {
  auto it = dyn_cast<IntegerType>(element);
  if (!it || it.getWidth() != 8)
    return std::nullopt;
  if (it.isUnsigned())
    return std::make_pair(0.0, 255.0);
  return std::make_pair(-128.0, 127.0);
}

/// A per-tensor (rank 0 or one element) or per-axis (1-D along `axis` of a
/// rank-`rank` tensor) quantization parameter, converted to `element` and
/// shaped to broadcast against that tensor.
FailureOr<Value> quantParam(PatternRewriter &rewriter, ImportNode &node,
                            Value v, Type element, int64_t axis, int64_t rank) {
  auto type = cast<RankedTensorType>(v.getType());
  if (type.getElementType() != element) {
    FailureOr<Value> c =
        build<CastOp>(rewriter, node, v, TypeAttr::get(element));
    if (failed(c))
      return failure();
    v = *c;
  }
  if (type.getRank() == 0)
    return v;
  SmallVector<int64_t> shape(rank, 1);
  shape[axis] = type.getDimSize(0);
  return reshapeTo(rewriter, node, v, shape);
}

/// saturate(rint(x / scale) + zeroPoint) as `result` (uint8/int8); `scale`
/// and `zeroPoint` are already of x's float type and broadcastable.
FailureOr<Value> quantize(PatternRewriter &rewriter, ImportNode &node, Value x,
                          Value scale, Value zeroPoint, Type result) {
  std::pair<double, double> range = *quantizedRange(result);
  FailureOr<Value> y = build<DivideOp>(rewriter, node, x, scale);
  if (succeeded(y))
    y = build<RintOp>(rewriter, node, *y);
  if (succeeded(y) && zeroPoint)
    y = build<AddOp>(rewriter, node, *y, zeroPoint);
  if (succeeded(y))
    y = build<ClipByValueOp>(rewriter, node, *y, f64(rewriter, range.first),
                             f64(rewriter, range.second));
  if (succeeded(y))
    y = build<CastOp>(rewriter, node, *y, TypeAttr::get(result));
  return y;
}

/// Checks the per-axis parameters of (De)QuantizeLinear and binds `axis`.
/// Block quantization (opset 21 block_size) and the float8 saturate flag
/// have no counterpart here.
RuleResult bindQuantParams(ImportNode &node, RankedTensorType x,
                           int64_t &axis) {
  FailureOr<int64_t> a = node.getInt("axis", 1);
  FailureOr<int64_t> block = node.getInt("block_size", 0);
  if (failed(a) || failed(block))
    return RuleResult::Failed;
  if (*block != 0)
    return RuleResult::NotApplicable;
  RankedTensorType scale = node.inputType(1);
  RankedTensorType zp = node.hasInput(2) ? node.inputType(2) : nullptr;
  if (!scale || (node.hasInput(2) && !zp))
    return RuleResult::NotApplicable;
  if (scale.getRank() > 1 || (zp && zp.getShape() != scale.getShape()) ||
      scale.getRank() != 0 && ShapedType::isDynamic(scale.getDimSize(0)))
    return RuleResult::NotApplicable;
  if (scale.getRank() == 1) {
    int64_t rank = x.getRank();
    if (*a < -rank || *a >= rank) {
      node.emitError() << "axis " << *a << " is out of range for rank " << rank;
      return RuleResult::Failed;
    }
    axis = *a < 0 ? *a + rank : *a;
  }
  return RuleResult::Continue;
}

RuleResult quantizeLinear(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  auto result = dyn_cast<RankedTensorType>(node.resultType(0));
  if (!x || !result || !isa<FloatType>(x.getElementType()) ||
      !quantizedRange(result.getElementType()))
    return RuleResult::NotApplicable;
  int64_t axis = 0;
  RuleResult bound = bindQuantParams(node, x, axis);
  if (bound != RuleResult::Continue)
    return bound;
  if (node.hasInput(2) &&
      node.inputType(2).getElementType() != result.getElementType())
    return RuleResult::NotApplicable;
  Type f = x.getElementType();
  FailureOr<Value> scale =
      quantParam(rewriter, node, node.input(1), f, axis, x.getRank());
  FailureOr<Value> zp =
      node.hasInput(2)
          ? quantParam(rewriter, node, node.input(2), f, axis, x.getRank())
          : FailureOr<Value>(Value());
  if (failed(scale) || failed(zp))
    return RuleResult::Failed;
  return replace(rewriter, node,
                 quantize(rewriter, node, node.input(0), *scale, *zp,
                          result.getElementType()));
}

/// DequantizeLinear: (x - zeroPoint) * scale, exact in float for 8-bit x.
RuleResult dequantizeLinear(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0), scaleType = node.inputType(1);
  if (!x || !scaleType || !quantizedRange(x.getElementType()) ||
      !isa<FloatType>(scaleType.getElementType()))
    return RuleResult::NotApplicable;
  int64_t axis = 0;
  RuleResult bound = bindQuantParams(node, x, axis);
  if (bound != RuleResult::Continue)
    return bound;
  Type f = scaleType.getElementType();
  FailureOr<Value> y =
      build<CastOp>(rewriter, node, node.input(0), TypeAttr::get(f));
  FailureOr<Value> scale =
      quantParam(rewriter, node, node.input(1), f, axis, x.getRank());
  if (failed(y) || failed(scale))
    return RuleResult::Failed;
  if (node.hasInput(2)) {
    FailureOr<Value> zp =
        quantParam(rewriter, node, node.input(2), f, axis, x.getRank());
    y = succeeded(zp) ? build<SubtractOp>(rewriter, node, *y, *zp) : zp;
  }
  if (succeeded(y))
    y = build<MultiplyOp>(rewriter, node, *y, *scale);
  return replace(rewriter, node, y);
}

/// DynamicQuantizeLinear: uint8 with scale (max(x, 0) - min(x, 0)) / 255
/// and zero point saturate(rint(-min(x, 0) / scale)), as ONNX defines them.
RuleResult dynamicQuantizeLinear(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  if (!x || !x.getElementType().isF32() || node.getNumResults() != 3)
    return RuleResult::NotApplicable;
  Type f = x.getElementType();
  SmallVector<int64_t> all;
  for (int64_t d = 0; d < x.getRank(); ++d)
    all.push_back(d);
  auto dims = rewriter.getDenseI64ArrayAttr(all);
  Value zero = scalarConstant(rewriter, node.loc, f, 0);
  FailureOr<Value> hi = build<ReduceMaxOp>(rewriter, node, node.input(0), dims,
                                           rewriter.getBoolAttr(false));
  FailureOr<Value> lo = build<ReduceMinOp>(rewriter, node, node.input(0), dims,
                                           rewriter.getBoolAttr(false));
  if (succeeded(hi))
    hi = build<MaximumOp>(rewriter, node, *hi, zero);
  if (succeeded(lo))
    lo = build<MinimumOp>(rewriter, node, *lo, zero);
  FailureOr<Value> span = succeeded(hi) && succeeded(lo)
                              ? build<SubtractOp>(rewriter, node, *hi, *lo)
                              : FailureOr<Value>(failure());
  FailureOr<Value> scale =
      succeeded(span)
          ? build<DivideOp>(rewriter, node, *span,
                            scalarConstant(rewriter, node.loc, f, 255))
          : span;
  FailureOr<Value> negLo =
      succeeded(scale) ? build<NegOp>(rewriter, node, *lo) : scale;
  Type u8 = IntegerType::get(rewriter.getContext(), 8, IntegerType::Unsigned);
  // The zero point is quantize(-min) with a zero point of 0; its float value
  // (before the cast) shifts x.
  FailureOr<Value> zpFloat =
      succeeded(negLo) ? build<DivideOp>(rewriter, node, *negLo, *scale)
                       : negLo;
  if (succeeded(zpFloat))
    zpFloat = build<RintOp>(rewriter, node, *zpFloat);
  if (succeeded(zpFloat))
    zpFloat = build<ClipByValueOp>(rewriter, node, *zpFloat, f64(rewriter, 0),
                                   f64(rewriter, 255));
  FailureOr<Value> zp =
      succeeded(zpFloat)
          ? build<CastOp>(rewriter, node, *zpFloat, TypeAttr::get(u8))
          : zpFloat;
  FailureOr<Value> y = succeeded(zp) ? quantize(rewriter, node, node.input(0),
                                                *scale, *zpFloat, u8)
                                     : zp;
  if (failed(y))
    return RuleResult::Failed;
  return node.replaceWith(rewriter, {*y, *scale, *zp});
}

} // namespace

void mlir::nd4j::onnx_rules::registerOnnxIndexRules(const AddRuleFn &add) {
  add("GatherElements", gatherElements);
  add("ScatterElements", scatterElements);
  add("Scatter", scatterElements);
  add("GatherND", gatherND);
  add("ScatterND", scatterND);
  add("Compress", compress);
  add("NonZero", nonZero);
  add("ReverseSequence", reverseSequence);
  add("QuantizeLinear", quantizeLinear);
  add("DequantizeLinear", dequantizeLinear);
  add("DynamicQuantizeLinear", dynamicQuantizeLinear);
}
