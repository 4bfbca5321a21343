//===- OnnxIndexRules.cpp - built-in ONNX import rules: index ops -------===//
//
// Rules for GatherElements, Scatter*, GatherND, Compress, NonZero,
// ReverseSequence, TfIdfVectorizer, the quantization and integer ops
// (composed: libnd4j has none), RNN/GRU/LSTM (as loops) and the random ops.
// libnd4j has no element-wise gather or scatter along one axis, so
// GatherElements and ScatterElements become gather_nd / scatter_nd_* with
// full coordinate tuples: the indices along the axis, and constant iotas for
// the other dimensions. ONNX allows negative indices (from the end); libnd4j
// does not, so indices are first wrapped by a floor modulo with the (static)
// extent.
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
      !isa<IntegerType>(idx.getElementType()) ||
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
                                 node.input(2), BoolAttr(), BoolAttr());
  return build<ScatterNdUpdateOp>(rewriter, node, node.input(0), coords,
                                  node.input(2), BoolAttr(), BoolAttr());
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
  if (!isa<IntegerType>(idx.getElementType()) || idx.getRank() < 1 ||
      ShapedType::isDynamic(idx.getShape().back()) ||
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
  if (b > 0 && (!idx.hasStaticShape() ||
                data.getShape().take_front(b) != idx.getShape().take_front(b)))
    return RuleResult::NotApplicable;
  FailureOr<Value> coords = wrapTuples(rewriter, node, data, idx, b);
  if (failed(coords))
    return RuleResult::NotApplicable;
  if (b > 0) {
    // gather_nd has no batch dimensions: prepend each element's own batch
    // coordinates to its tuple.
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

/// ScatterND with reduction mul/max/min and one coordinate per tuple (K =
/// 1): libnd4j's scatter ops along the first dimension, with the tuples'
/// last dimension dropped.
RuleResult scatterAlongFirst(ImportNode &node, PatternRewriter &rewriter,
                             StringRef reduction) {
  RankedTensorType data = node.inputType(0), idx = node.inputType(1);
  if (!data || !idx || !node.inputType(2) || !idx.hasStaticShape() ||
      idx.getRank() < 1 || idx.getShape().back() != 1 ||
      ShapedType::isDynamic(data.getDimSize(0)))
    return RuleResult::NotApplicable;
  FailureOr<Value> coords = wrapTuples(rewriter, node, data, idx, 0);
  FailureOr<Value> flat =
      succeeded(coords)
          ? reshapeTo(rewriter, node, *coords, idx.getShape().drop_back())
          : coords;
  if (failed(flat))
    return RuleResult::Failed;
  Value x = node.input(0), u = node.input(2);
  if (reduction == "mul")
    return replace(rewriter, node,
                   build<ScatterMulOp>(rewriter, node, x, *flat, u));
  if (reduction == "max")
    return replace(rewriter, node,
                   build<ScatterMaxOp>(rewriter, node, x, *flat, u));
  return replace(rewriter, node,
                 build<ScatterMinOp>(rewriter, node, x, *flat, u));
}

RuleResult scatterND(ImportNode &node, PatternRewriter &rewriter) {
  FailureOr<StringRef> reduction = node.getString("reduction", "none");
  if (failed(reduction))
    return RuleResult::Failed;
  if (*reduction == "mul" || *reduction == "max" || *reduction == "min")
    return scatterAlongFirst(node, rewriter, *reduction);
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

/// A constant of `shape` and integer or floating-point type `element`
/// holding `values`.
Value constantOf(PatternRewriter &rewriter, Location loc,
                 ArrayRef<int64_t> shape, Type element,
                 ArrayRef<int64_t> values) {
  auto type = RankedTensorType::get(shape, element);
  SmallVector<Attribute> attrs;
  for (int64_t v : values)
    attrs.push_back(isa<FloatType>(element)
                        ? Attribute(rewriter.getFloatAttr(element, v))
                        : Attribute(rewriter.getIntegerAttr(element, v)));
  return ConstantOp::create(rewriter, loc, type,
                            DenseElementsAttr::get(type, attrs), StringAttr());
}

/// TfIdfVectorizer over integer n-grams of a static input [L] or [B, L].
/// The pool lists the n-grams by length (ngram_counts: where each length
/// starts); ngram_indexes places each in the output. For each length n in
/// [min_gram_length, max_gram_length] and each skip s (0 for unigrams, else
/// 0 .. max_skip_count), the windows W[..., p, j] = X[..., p + j (s + 1)]
/// are gathered by a constant index matrix [P, n], compared with the pool's
/// n-grams [M, n] (all j equal), and counted over p. The counts of all
/// lengths, with one zero column, are gathered into output order (a column
/// no n-gram names reads the zero). TF: the counts; IDF: (count > 0) times
/// the weight; TFIDF: count times the weight (weights default to 1).
RuleResult tfIdfVectorizer(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  if (!x)
    return RuleResult::NotApplicable;
  if (node.hasAttr("pool_strings")) {
    node.emitError() << "string n-grams (pool_strings) need string tensors, "
                        "which nd4j programs do not carry";
    return RuleResult::Failed;
  }
  auto elem = dyn_cast<IntegerType>(x.getElementType());
  if (!elem || !x.hasStaticShape() || x.getRank() < 1 || x.getRank() > 2)
    return RuleResult::NotApplicable;
  FailureOr<int64_t> minN = node.getInt("min_gram_length"),
                     maxN = node.getInt("max_gram_length"),
                     maxSkip = node.getInt("max_skip_count");
  FailureOr<StringRef> mode = node.getString("mode");
  FailureOr<SmallVector<int64_t>> counts = node.getInts("ngram_counts"),
                                  indexes = node.getInts("ngram_indexes"),
                                  pool = node.getInts("pool_int64s");
  if (failed(minN) || failed(maxN) || failed(maxSkip) || failed(mode) ||
      failed(counts) || failed(indexes) || failed(pool))
    return RuleResult::Failed;
  if (*mode != "TF" && *mode != "IDF" && *mode != "TFIDF") {
    node.emitError() << "unknown mode '" << *mode << "'";
    return RuleResult::Failed;
  }
  // The pool's n-grams per length, in pool order.
  int64_t lengths = counts->size(), total = 0;
  SmallVector<std::pair<int64_t, int64_t>> range; // pool [begin, end)
  for (int64_t n = 1; n <= lengths; ++n) {
    int64_t begin = (*counts)[n - 1];
    int64_t end = n < lengths ? (*counts)[n] : pool->size();
    if (begin < 0 || end < begin || end > static_cast<int64_t>(pool->size()) ||
        (end - begin) % n) {
      node.emitError() << "ngram_counts do not split the pool into n-grams";
      return RuleResult::Failed;
    }
    range.push_back({begin, end});
    total += (end - begin) / n;
  }
  if (static_cast<int64_t>(indexes->size()) != total) {
    node.emitError() << "ngram_indexes has " << indexes->size()
                     << " entries for " << total << " n-grams";
    return RuleResult::Failed;
  }
  int64_t width = 0;
  for (int64_t i : *indexes) {
    if (i < 0) {
      node.emitError() << "negative ngram_indexes entry";
      return RuleResult::Failed;
    }
    width = std::max(width, i + 1);
  }
  SmallVector<float> weights(total, 1.0f);
  if (auto w = dyn_cast_or_null<DenseF32ArrayAttr>(node.attrs.get("weights"))) {
    if (static_cast<int64_t>(w.size()) != total) {
      node.emitError() << "weights has " << w.size() << " entries for " << total
                       << " n-grams";
      return RuleResult::Failed;
    }
    weights.assign(w.asArrayRef().begin(), w.asArrayRef().end());
  }
  Location loc = node.loc;
  OpChain o{rewriter, node};
  Type f32 = rewriter.getF32Type(), i64Type = rewriter.getI64Type();
  int64_t rank = x.getRank(), L = x.getDimSize(rank - 1);
  SmallVector<int64_t> batch(x.getShape().drop_back());
  auto withLast = [&](int64_t d) {
    SmallVector<int64_t> s(batch);
    s.push_back(d);
    return s;
  };
  SmallVector<Value> parts;
  for (int64_t n = 1; n <= lengths; ++n) {
    auto [begin, end] = range[n - 1];
    int64_t m = (end - begin) / n;
    if (m == 0)
      continue;
    Value count;
    if (n >= *minN && n <= *maxN) {
      Value grams = constantOf(rewriter, loc, {m, n}, elem,
                               ArrayRef(*pool).slice(begin, end - begin));
      for (int64_t s = 0; s <= (n == 1 ? 0 : *maxSkip); ++s) {
        int64_t span = (n - 1) * (s + 1) + 1, positions = L - span + 1;
        if (positions < 1)
          break;
        SmallVector<int64_t> idx;
        for (int64_t p = 0; p < positions; ++p)
          for (int64_t j = 0; j < n; ++j)
            idx.push_back(p + j * (s + 1));
        Value windows = o.op<GatherOp>(
            node.input(0),
            constantOf(rewriter, loc, {positions, n}, i64Type, idx),
            i64(rewriter, rank - 1)); // [..., P, n]
        SmallVector<int64_t> shape(batch);
        shape.append({positions, 1, n});
        Value same =
            o.op<CastOp>(o.op<EqualsOp>(o.reshaped(windows, shape), grams),
                         TypeAttr::get(f32)); // [..., P, M, n]
        Value all =
            o.op<ReduceMinOp>(same, rewriter.getDenseI64ArrayAttr({rank + 1}),
                              rewriter.getBoolAttr(false));
        Value c =
            o.op<ReduceSumOp>(all, rewriter.getDenseI64ArrayAttr({rank - 1}),
                              rewriter.getBoolAttr(false)); // [..., M]
        count = count ? o.add(count, c) : c;
      }
    }
    if (!count)
      count =
          constantOf(rewriter, loc, withLast(m), f32,
                     SmallVector<int64_t>(batch.empty() ? m : batch[0] * m, 0));
    parts.push_back(count);
  }
  SmallVector<int64_t> zeros(batch.empty() ? 1 : batch[0], 0);
  parts.push_back(constantOf(rewriter, loc, withLast(1), f32, zeros));
  Value all = o.op<ConcatOp>(ValueRange(parts), i64(rewriter, rank - 1));
  if (*mode == "IDF")
    all = o.op<CastOp>(
        o.op<GreaterOp>(all, scalarConstant(rewriter, loc, f32, 0)),
        TypeAttr::get(f32));
  if (*mode != "TF") {
    SmallVector<Attribute> w;
    for (float v : weights)
      w.push_back(rewriter.getF32FloatAttr(v));
    w.push_back(rewriter.getF32FloatAttr(0));
    auto wType = RankedTensorType::get({total + 1}, f32);
    all = o.mul(all, ConstantOp::create(rewriter, loc, wType,
                                        DenseElementsAttr::get(wType, w),
                                        StringAttr()));
  }
  SmallVector<int64_t> order(width, total);
  for (int64_t i = 0; i < total; ++i)
    order[(*indexes)[i]] = i;
  Value y = o.op<GatherOp>(all, i64VectorConstant(rewriter, loc, order),
                           i64(rewriter, rank - 1));
  if (!o.ok)
    return RuleResult::Failed;
  return node.replaceWith(rewriter, y);
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
  // One element broadcasts as it is.
  if (type.getRank() == 0 || type.getNumElements() == 1)
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
      (scale.getRank() != 0 && ShapedType::isDynamic(scale.getDimSize(0))))
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

//===----------------------------------------------------------------------===//
// Recurrent layers, unrolled over their static sequence length
//===----------------------------------------------------------------------===//

/// Builds typed ops one after another; after the first failure (whose
/// diagnostic is already at the node) it builds nothing more.
struct Composer {
  PatternRewriter &rewriter;
  ImportNode &node;
  bool broken = false;

  template <typename OpTy, typename... Args> Value make(Args &&...args) {
    if (broken)
      return Value();
    FailureOr<Value> v =
        build<OpTy>(rewriter, node, std::forward<Args>(args)...);
    broken = failed(v);
    return broken ? Value() : *v;
  }
  /// numpy's where (select with broadcast operands).
  Value where(Value cond, Value x, Value y) {
    if (broken)
      return Value();
    FailureOr<Value> v = buildWhere(rewriter, node, cond, x, y);
    broken = failed(v);
    return broken ? Value() : *v;
  }
  /// Element `index` of dimension `dim` (which the result drops).
  Value take(Value v, int64_t dim, int64_t index) {
    auto type = RankedTensorType::get({}, rewriter.getI64Type());
    Value i = ConstantOp::create(
        rewriter, node.loc, type,
        DenseElementsAttr::get(type, rewriter.getI64IntegerAttr(index)),
        StringAttr());
    return make<GatherOp>(v, i, i64(rewriter, dim));
  }
  /// Rows [from, from + count) of a rank-1 or rank-2 tensor.
  Value rows(Value v, int64_t from, int64_t count) {
    if (broken)
      return Value();
    int64_t rank = cast<RankedTensorType>(v.getType()).getRank();
    SmallVector<int64_t> begin(rank, 0), end(rank, 0), strides(rank, 1);
    begin[0] = from;
    end[0] = from + count;
    // End mask bits: every dimension after the first is taken whole.
    int64_t endMask = ((1 << rank) - 1) & ~1;
    return make<StridedSliceOp>(v, i64(rewriter, 0), i64(rewriter, 0),
                                i64(rewriter, endMask), i64(rewriter, 0),
                                i64(rewriter, 0),
                                rewriter.getDenseI64ArrayAttr(begin),
                                rewriter.getDenseI64ArrayAttr(end),
                                rewriter.getDenseI64ArrayAttr(strides));
  }
  /// a x w^T.
  Value mm(Value a, Value w) {
    return make<MatmulOp>(a, w, i64(rewriter, 0), i64(rewriter, 1),
                          i64(rewriter, 0), f64(rewriter, 1.0),
                          f64(rewriter, 0.0));
  }
  Value reshape(Value v, ArrayRef<int64_t> shape) {
    return make<ReshapeOp>(v, rewriter.getDenseI64ArrayAttr(shape));
  }
};

/// Static sequences up to this length are unrolled (static shapes, which
/// the GPU targets compile); longer ones and run-time ones are loops.
constexpr int64_t kUnrollSteps = 16;

/// One ONNX activation function (the `activations` names) of `v`, with its
/// alpha and beta where it takes them.
Value activate(Composer &c, StringRef name, Value v, double alpha,
               double beta) {
  if (c.broken)
    return Value();
  Type f = cast<RankedTensorType>(v.getType()).getElementType();
  auto k = [&](double x) {
    return scalarConstant(c.rewriter, c.node.loc, f, x);
  };
  if (name == "Sigmoid")
    return c.make<SigmoidOp>(v);
  if (name == "Tanh")
    return c.make<TanhOp>(v);
  if (name == "Relu")
    return c.make<ReluOp>(v, f64(c.rewriter, 0.0));
  if (name == "Softsign")
    return c.make<SoftsignOp>(v);
  if (name == "Softplus")
    return c.make<SoftplusOp>(v);
  if (name == "Affine")
    return c.make<AddOp>(c.make<MultiplyOp>(v, k(alpha)), k(beta));
  if (name == "ScaledTanh")
    return c.make<MultiplyOp>(c.make<TanhOp>(c.make<MultiplyOp>(v, k(beta))),
                              k(alpha));
  if (name == "HardSigmoid")
    return c.make<ClipByValueOp>(
        c.make<AddOp>(c.make<MultiplyOp>(v, k(alpha)), k(beta)),
        f64(c.rewriter, 0.0), f64(c.rewriter, 1.0));
  if (name == "LeakyRelu")
    return c.make<MaximumOp>(v, c.make<MultiplyOp>(v, k(alpha)));
  if (name == "ThresholdedRelu")
    return c.where(c.make<GreaterOp>(v, k(alpha)), v, k(0.0));
  if (name == "Elu")
    return c.where(c.make<GreaterOp>(v, k(0.0)), v,
                   c.make<MultiplyOp>(
                       c.make<SubtractOp>(c.make<ExpOp>(v), k(1.0)), k(alpha)));
  return Value();
}

/// ONNX's default alpha and beta of the activations that take them.
std::pair<double, double> activationDefaults(StringRef name) {
  if (name == "HardSigmoid")
    return {0.2, 0.5};
  if (name == "LeakyRelu")
    return {0.01, 0.0};
  if (name == "ThresholdedRelu" || name == "Elu" || name == "ScaledTanh" ||
      name == "Affine")
    return {1.0, 1.0};
  return {0.0, 0.0};
}

/// RNN, GRU and LSTM as the per-step equations of the ONNX specification,
/// one nd4j.while per direction over the sequence (its length may be known
/// only at run time: the loop reads it from the input's shape). Gate order
/// in W, R and B is ONNX's (GRU z r h, LSTM i o f c; peepholes i o f). The
/// reverse direction walks the steps from the last; with sequence_lens,
/// steps past a batch entry's length keep its state and emit zeros (which,
/// walked backwards, starts each entry at its own last step, as ONNX
/// specifies). Every output row is appended to (forward) or put in front of
/// (reverse) a stack the loop carries. `activations` (with their alpha and
/// beta, consumed in order by the functions that take them) and `clip`
/// (on the gates' inputs) are supported, and LSTM's input_forget (the
/// forget gate is 1 minus the activated input gate, as ONNX Runtime
/// couples them).
RuleResult recurrent(ImportNode &node, PatternRewriter &rewriter) {
  bool lstm = node.opType == "LSTM", gru = node.opType == "GRU";
  int64_t gates = lstm ? 4 : gru ? 3 : 1;
  FailureOr<int64_t> hidden = node.getInt("hidden_size");
  FailureOr<int64_t> layout = node.getInt("layout", 0);
  FailureOr<StringRef> direction = node.getString("direction", "forward");
  FailureOr<int64_t> linearBeforeReset = node.getInt("linear_before_reset", 0);
  FailureOr<int64_t> inputForget = node.getInt("input_forget", 0);
  if (failed(hidden) || failed(layout) || failed(direction) ||
      failed(linearBeforeReset) || failed(inputForget))
    return RuleResult::Failed;
  int64_t dirs = *direction == "bidirectional" ? 2 : 1;
  if ((*direction != "forward" && *direction != "reverse" && dirs != 2) ||
      (*inputForget != 0 && *inputForget != 1) ||
      (*layout != 0 && *layout != 1))
    return RuleResult::NotApplicable;
  // Activation functions per direction (ONNX's defaults).
  SmallVector<StringRef> defaults =
      lstm  ? SmallVector<StringRef>{"Sigmoid", "Tanh", "Tanh"}
      : gru ? SmallVector<StringRef>{"Sigmoid", "Tanh"}
            : SmallVector<StringRef>{"Tanh"};
  SmallVector<std::string> acts;
  if (auto list = dyn_cast_or_null<ArrayAttr>(node.attrs.get("activations"))) {
    for (Attribute a : list) {
      auto name = dyn_cast<StringAttr>(a);
      if (!name)
        return RuleResult::NotApplicable;
      acts.push_back(name.str());
    }
    if (acts.size() != defaults.size() * dirs)
      return RuleResult::NotApplicable;
  } else {
    for (int64_t d = 0; d < dirs; ++d)
      for (StringRef a : defaults)
        acts.push_back(a.str());
  }
  SmallVector<double> alphas, betas;
  auto floats = [&](StringRef name) -> FailureOr<SmallVector<double>> {
    SmallVector<double> out;
    Attribute a = node.attrs.get(name);
    if (!a)
      return out;
    auto list = dyn_cast<ArrayAttr>(a);
    if (!list) {
      node.emitError() << "'" << name << "' must be a list of floats";
      return failure();
    }
    for (Attribute e : list) {
      auto v = dyn_cast<FloatAttr>(e);
      if (!v) {
        node.emitError() << "'" << name << "' must be a list of floats";
        return failure();
      }
      out.push_back(v.getValueAsDouble());
    }
    return out;
  };
  FailureOr<SmallVector<double>> alphaList = floats("activation_alpha");
  FailureOr<SmallVector<double>> betaList = floats("activation_beta");
  if (failed(alphaList) || failed(betaList))
    return RuleResult::Failed;
  {
    unsigned ai = 0, bi = 0;
    for (const std::string &a : acts) {
      auto [da, db] = activationDefaults(a);
      bool takes = da != 0.0 || db != 0.0;
      alphas.push_back(takes && ai < alphaList->size() ? (*alphaList)[ai++]
                                                       : da);
      betas.push_back(takes && bi < betaList->size() ? (*betaList)[bi++] : db);
    }
  }
  FailureOr<double> clip = node.getFloat("clip", 0.0);
  if (failed(clip))
    return RuleResult::Failed;
  RankedTensorType xt = node.inputType(0), wt = node.inputType(1),
                   rt = node.inputType(2);
  int64_t seqAxis = *layout ? 1 : 0, batchAxis = *layout ? 0 : 1;
  if (!xt || !wt || !rt || xt.getRank() != 3 || xt.isDynamicDim(batchAxis) ||
      xt.isDynamicDim(2) || !isa<FloatType>(xt.getElementType()))
    return RuleResult::NotApplicable;
  int64_t h = *hidden, batch = xt.getDimSize(batchAxis), in = xt.getDimSize(2);
  if (wt.getShape() != ArrayRef<int64_t>{dirs, gates * h, in} ||
      rt.getShape() != ArrayRef<int64_t>{dirs, gates * h, h} ||
      (!xt.isDynamicDim(seqAxis) && xt.getDimSize(seqAxis) < 1))
    return RuleResult::NotApplicable;
  unsigned seqInput = 4, initHInput = 5, initCInput = 6, peepInput = 7;
  for (unsigned i : {3u, seqInput, initHInput, initCInput, peepInput})
    if (node.hasInput(i) && !node.inputType(i))
      return RuleResult::NotApplicable;
  if ((node.hasInput(seqInput) &&
       !isa<IntegerType>(node.inputType(seqInput).getElementType())) ||
      node.getNumResults() > (lstm ? 3u : 2u))
    return RuleResult::NotApplicable;

  Composer c{rewriter, node};
  Location loc = node.loc;
  Type f = xt.getElementType();
  auto stateType = RankedTensorType::get({batch, h}, f);
  auto i64Type = RankedTensorType::get({}, rewriter.getI64Type());
  auto i64Const = [&](int64_t v) -> Value {
    return ConstantOp::create(rewriter, loc, i64Type,
                              DenseElementsAttr::get(i64Type, v), StringAttr());
  };
  Value zeros = ConstantOp::create(
      rewriter, loc, stateType,
      DenseElementsAttr::get(stateType, rewriter.getFloatAttr(f, 0.0)),
      StringAttr());
  // The sequence length: static, or read from the input's shape.
  Value steps =
      xt.isDynamicDim(seqAxis)
          ? c.take(c.make<ShapeOfOp>(node.input(0),
                                     TypeAttr::get(rewriter.getI64Type())),
                   0, seqAxis)
          : i64Const(xt.getDimSize(seqAxis));
  Value one = scalarConstant(rewriter, loc, f, 1.0);
  auto stackType = RankedTensorType::get({0, batch, h}, f);
  Value emptyStack = ConstantOp::create(
      rewriter, loc, stackType,
      DenseElementsAttr::get(stackType, ArrayRef<Attribute>{}), StringAttr());

  SmallVector<Value> ysPerDir, hPerDir, cPerDir;
  for (int64_t d = 0; d < dirs && !c.broken; ++d) {
    bool reverse = *direction == "reverse" || d == 1;
    ArrayRef<std::string> act(acts);
    act = act.slice(d * defaults.size(), defaults.size());
    ArrayRef<double> alpha(alphas), beta(betas);
    alpha = alpha.slice(d * defaults.size(), defaults.size());
    beta = beta.slice(d * defaults.size(), defaults.size());
    Value w = c.take(node.input(1), 0, d), r = c.take(node.input(2), 0, d);
    SmallVector<Value> wg, rg, wb, rb;
    for (int64_t g = 0; g < gates; ++g) {
      wg.push_back(c.rows(w, g * h, h));
      rg.push_back(c.rows(r, g * h, h));
    }
    if (node.hasInput(3)) {
      Value b = c.take(node.input(3), 0, d);
      for (int64_t g = 0; g < gates; ++g) {
        wb.push_back(c.rows(b, g * h, h));
        rb.push_back(c.rows(b, (gates + g) * h, h));
      }
    }
    SmallVector<Value> peep;
    if (lstm && node.hasInput(peepInput)) {
      Value p = c.take(node.input(peepInput), 0, d);
      for (int64_t g = 0; g < 3; ++g)
        peep.push_back(c.rows(p, g * h, h));
    }
    // Initial states are [dirs, B, H] ([B, dirs, H] with layout 1).
    auto initial = [&](unsigned i) {
      return node.hasInput(i)
                 ? c.reshape(c.take(node.input(i), *layout ? 1 : 0, d),
                             {batch, h})
                 : zeros;
    };
    SmallVector<Value> inits = {i64Const(0), initial(initHInput)};
    if (lstm)
      inits.push_back(initial(initCInput));
    inits.push_back(emptyStack);
    if (c.broken)
      return RuleResult::Failed;
    // One step from (t, h, c, stack): the next (t + 1, h, c, stack).
    auto step = [&](Value t, Value hPrev, Value cPrev,
                    Value stack) -> SmallVector<Value> {
      Value tt = reverse ? c.make<SubtractOp>(c.make<SubtractOp>(steps, t),
                                              i64Const(1))
                         : t;
      Value x = c.make<GatherOp>(node.input(0), tt, i64(rewriter, seqAxis));
      auto clipped = [&](Value v) {
        return *clip > 0 ? c.make<ClipByValueOp>(v, f64(rewriter, -*clip),
                                                 f64(rewriter, *clip))
                         : v;
      };
      auto fn = [&](unsigned k, Value v) {
        return activate(c, act[k], clipped(v), alpha[k], beta[k]);
      };
      // x W^T + h R^T + Wb + Rb for gate g.
      auto gate = [&](int64_t g) {
        Value v = c.make<AddOp>(c.mm(x, wg[g]), c.mm(hPrev, rg[g]));
        if (!wb.empty())
          v = c.make<AddOp>(c.make<AddOp>(v, wb[g]), rb[g]);
        return v;
      };
      Value hNext, cNext;
      if (lstm) {
        Value i = gate(0), o = gate(1), fg = gate(2), cc = gate(3);
        if (!peep.empty()) {
          i = c.make<AddOp>(i, c.make<MultiplyOp>(peep[0], cPrev));
          fg = c.make<AddOp>(fg, c.make<MultiplyOp>(peep[2], cPrev));
        }
        i = fn(0, i);
        fg = *inputForget
                 ? c.make<SubtractOp>(
                       scalarConstant(rewriter, node.loc,
                                      node.inputType(0).getElementType(), 1.0),
                       i)
                 : fn(0, fg);
        cc = fn(1, cc);
        cNext = c.make<AddOp>(c.make<MultiplyOp>(fg, cPrev),
                              c.make<MultiplyOp>(i, cc));
        if (!peep.empty())
          o = c.make<AddOp>(o, c.make<MultiplyOp>(peep[1], cNext));
        o = fn(0, o);
        hNext = c.make<MultiplyOp>(o, fn(2, cNext));
      } else if (gru) {
        Value z = fn(0, gate(0));
        Value rs = fn(0, gate(1));
        Value cand = c.mm(x, wg[2]);
        if (*linearBeforeReset) {
          Value hr = c.mm(hPrev, rg[2]);
          if (!rb.empty())
            hr = c.make<AddOp>(hr, rb[2]);
          cand = c.make<AddOp>(cand, c.make<MultiplyOp>(rs, hr));
        } else {
          cand =
              c.make<AddOp>(cand, c.mm(c.make<MultiplyOp>(rs, hPrev), rg[2]));
          if (!rb.empty())
            cand = c.make<AddOp>(cand, rb[2]);
        }
        if (!wb.empty())
          cand = c.make<AddOp>(cand, wb[2]);
        cand = fn(1, cand);
        hNext =
            c.make<AddOp>(c.make<MultiplyOp>(c.make<SubtractOp>(one, z), cand),
                          c.make<MultiplyOp>(z, hPrev));
      } else {
        hNext = fn(0, gate(0));
      }
      Value y = hNext;
      if (node.hasInput(seqInput)) {
        Type lenType = node.inputType(seqInput).getElementType();
        Value ttLen = lenType == rewriter.getI64Type()
                          ? tt
                          : c.make<CastOp>(tt, TypeAttr::get(lenType));
        Value valid =
            c.reshape(c.make<LessOp>(ttLen, node.input(seqInput)), {batch, 1});
        y = c.where(valid, hNext, zeros);
        hNext = c.where(valid, hNext, hPrev);
        if (lstm)
          cNext = c.where(valid, cNext, cPrev);
      }
      Value row = c.reshape(y, {1, batch, h});
      Value grown =
          reverse ? c.make<ConcatOp>(ValueRange{row, stack}, i64(rewriter, 0))
                  : c.make<ConcatOp>(ValueRange{stack, row}, i64(rewriter, 0));
      SmallVector<Value> next = {c.make<AddOp>(t, i64Const(1)), hNext};
      if (lstm)
        next.push_back(cNext);
      next.push_back(grown);
      return next;
    };
    Value hOut, cOut, yOut;
    if (!xt.isDynamicDim(seqAxis) && xt.getDimSize(seqAxis) <= kUnrollSteps) {
      // A short static sequence unrolled: static shapes throughout, which
      // every target compiles.
      SmallVector<Value> state = inits;
      for (int64_t k = 0; k < xt.getDimSize(seqAxis) && !c.broken; ++k)
        state = step(i64Const(k), state[1], lstm ? state[2] : Value(),
                     state.back());
      if (c.broken)
        return RuleResult::Failed;
      hOut = state[1];
      cOut = lstm ? state[2] : Value();
      yOut = state.back();
    } else {
      SmallVector<Type> types = {i64Type, stateType};
      if (lstm)
        types.push_back(stateType);
      types.push_back(
          RankedTensorType::get({ShapedType::kDynamic, batch, h}, f));
      auto loop = WhileOp::create(rewriter, loc, types, inits);
      SmallVector<Location> locs(types.size(), loc);
      {
        OpBuilder::InsertionGuard guard(rewriter);
        Block *before =
            rewriter.createBlock(&loop.getBefore(), {}, types, locs);
        Value go = c.make<LessOp>(before->getArgument(0), steps);
        if (c.broken)
          return RuleResult::Failed;
        ConditionOp::create(rewriter, loc, go, before->getArguments());
        Block *after = rewriter.createBlock(&loop.getAfter(), {}, types, locs);
        SmallVector<Value> next =
            step(after->getArgument(0), after->getArgument(1),
                 lstm ? after->getArgument(2) : Value(),
                 after->getArgument(lstm ? 3 : 2));
        if (c.broken)
          return RuleResult::Failed;
        YieldOp::create(rewriter, loc, next);
      }
      hOut = loop.getResult(1);
      cOut = lstm ? loop.getResult(2) : Value();
      yOut = loop.getResult(lstm ? 3 : 2);
    }
    ysPerDir.push_back(c.reshape(yOut, {-1, 1, batch, h}));
    hPerDir.push_back(c.reshape(hOut, {1, batch, h}));
    if (lstm)
      cPerDir.push_back(c.reshape(cOut, {1, batch, h}));
  }
  // Y [T, dirs, B, H], Y_h and Y_c [dirs, B, H] (layout 1: [B, T, dirs, H]
  // and [B, dirs, H]).
  auto joined = [&](ArrayRef<Value> parts, int64_t axis) {
    return parts.size() == 1
               ? parts[0]
               : c.make<ConcatOp>(ValueRange(parts), i64(rewriter, axis));
  };
  Value yAll = joined(ysPerDir, 1);
  Value yH = joined(hPerDir, 0);
  Value yC = lstm ? joined(cPerDir, 0) : Value();
  if (*layout) {
    yAll = c.make<PermuteOp>(yAll, rewriter.getDenseI64ArrayAttr({2, 0, 1, 3}));
    yH = c.make<PermuteOp>(yH, rewriter.getDenseI64ArrayAttr({1, 0, 2}));
    if (lstm)
      yC = c.make<PermuteOp>(yC, rewriter.getDenseI64ArrayAttr({1, 0, 2}));
  }
  if (c.broken)
    return RuleResult::Failed;
  SmallVector<Value> results = {yAll, yH};
  if (lstm)
    results.push_back(yC);
  results.resize(node.getNumResults());
  return node.replaceWith(rewriter, results);
}

//===----------------------------------------------------------------------===//
// Random ops
//===----------------------------------------------------------------------===//

/// libnd4j's DataType number of the floating-point types randomuniform
/// produces, or 0.
int64_t randomTypeCode(Type t) {
  return t.isF16() ? 3 : t.isF32() ? 5 : t.isF64() ? 6 : t.isBF16() ? 17 : 0;
}

/// Uniform values in [low, high) of `shape` and `element`. ONNX's float
/// seed, where given, becomes libnd4j's integer seed (truncated); without
/// it the graph's generator continues, as ONNX leaves the seed to the
/// runtime.
FailureOr<Value> randomUniform(PatternRewriter &rewriter, ImportNode &node,
                               ArrayRef<int64_t> shape, Type element,
                               double low, double high) {
  IntegerAttr seed;
  if (node.hasAttr("seed")) {
    FailureOr<double> s = node.getFloat("seed");
    if (failed(s))
      return failure();
    seed = i64(rewriter, static_cast<int64_t>(*s));
  }
  return build<RandomUniformOp>(
      rewriter, node, i64VectorConstant(rewriter, node.loc, shape),
      f64(rewriter, low), f64(rewriter, high),
      i64(rewriter, randomTypeCode(element)), seed, TypeAttr::get(element));
}

/// RandomUniform and RandomUniformLike; the element type is the recorded
/// result's (ONNX's dtype attribute, or the input's).
RuleResult randomUniformRule(ImportNode &node, PatternRewriter &rewriter) {
  auto result = dyn_cast<RankedTensorType>(node.resultType(0));
  FailureOr<double> low = node.getFloat("low", 0.0);
  FailureOr<double> high = node.getFloat("high", 1.0);
  if (failed(low) || failed(high))
    return RuleResult::Failed;
  SmallVector<int64_t> shape;
  if (node.opType == "RandomUniformLike") {
    RankedTensorType x = node.inputType(0);
    if (!x || !x.hasStaticShape())
      return RuleResult::NotApplicable;
    llvm::append_range(shape, x.getShape());
  } else {
    FailureOr<SmallVector<int64_t>> s = node.getInts("shape");
    if (failed(s))
      return RuleResult::Failed;
    shape = *s;
  }
  if (!result || !randomTypeCode(result.getElementType()))
    return RuleResult::NotApplicable;
  return replace(rewriter, node,
                 randomUniform(rewriter, node, shape, result.getElementType(),
                               *low, *high));
}

/// Bernoulli: 1 where a uniform draw in [0, 1) is below the probability.
RuleResult bernoulli(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType p = node.inputType(0);
  auto result = dyn_cast<RankedTensorType>(node.resultType(0));
  if (!p || !p.hasStaticShape() || !randomTypeCode(p.getElementType()) ||
      !result || !isa<FloatType, IntegerType>(result.getElementType()))
    return RuleResult::NotApplicable;
  FailureOr<Value> u =
      randomUniform(rewriter, node, p.getShape(), p.getElementType(), 0, 1);
  FailureOr<Value> hit =
      succeeded(u) ? build<LessOp>(rewriter, node, *u, node.input(0)) : u;
  if (failed(hit))
    return RuleResult::Failed;
  return replace(rewriter, node,
                 build<CastOp>(rewriter, node, *hit,
                               TypeAttr::get(result.getElementType())));
}

//===----------------------------------------------------------------------===//
// Integer matmul and convolution, exactly in f64
//===----------------------------------------------------------------------===//

/// `v` (8-bit integers) as f64 minus zero point `zp` (absent: 0), which is
/// per tensor or, 1-D, along dimension `axis` of a rank-`rank` tensor.
/// Every intermediate is an integer well below 2^53, so f64 is exact.
FailureOr<Value> centered(PatternRewriter &rewriter, ImportNode &node, Value v,
                          Value zp, int64_t axis, int64_t rank) {
  Type f = rewriter.getF64Type();
  FailureOr<Value> x = build<CastOp>(rewriter, node, v, TypeAttr::get(f));
  if (failed(x) || !zp)
    return x;
  FailureOr<Value> z = quantParam(rewriter, node, zp, f, axis, rank);
  return succeeded(z) ? build<SubtractOp>(rewriter, node, *x, *z) : z;
}

/// The zero-point input `i`, when present: 8-bit, of `x`'s element type,
/// with at most `maxElements` elements in at most one dimension.
bool zeroPointFits(ImportNode &node, unsigned i, RankedTensorType x,
                   int64_t maxElements) {
  if (!node.hasInput(i))
    return true;
  RankedTensorType z = node.inputType(i);
  return z && z.hasStaticShape() && z.getRank() <= 1 &&
         z.getElementType() == x.getElementType() &&
         (z.getNumElements() == 1 || z.getNumElements() == maxElements);
}

/// MatMulInteger: (A - a_zero_point) x (B - b_zero_point) as int32; the
/// zero points are per tensor, per row of A or per column of B.
RuleResult matMulInteger(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType a = node.inputType(0), b = node.inputType(1);
  auto result = dyn_cast<RankedTensorType>(node.resultType(0));
  if (!a || !b || a.getRank() != 2 || b.getRank() != 2 || !result ||
      !result.getElementType().isInteger(32) ||
      !quantizedRange(a.getElementType()) ||
      !quantizedRange(b.getElementType()) ||
      !zeroPointFits(node, 2, a, a.getDimSize(0)) ||
      !zeroPointFits(node, 3, b, b.getDimSize(1)))
    return RuleResult::NotApplicable;
  FailureOr<Value> x =
      centered(rewriter, node, node.input(0), node.input(2), 0, 2);
  FailureOr<Value> y =
      centered(rewriter, node, node.input(1), node.input(3), 1, 2);
  FailureOr<Value> p =
      succeeded(x) && succeeded(y)
          ? build<MatmulOp>(rewriter, node, *x, *y, i64(rewriter, 0),
                            i64(rewriter, 0), i64(rewriter, 0),
                            f64(rewriter, 1.0), f64(rewriter, 0.0))
          : FailureOr<Value>(failure());
  if (failed(p))
    return RuleResult::Failed;
  return replace(rewriter, node,
                 build<CastOp>(rewriter, node, *p,
                               TypeAttr::get(result.getElementType())));
}

/// An ONNX Conv of `x` and `w` (and `bias`), centered f64 operands, with the
/// node's attributes (those of ConvInteger and QLinearConv are Conv's),
/// imported by the built-in Conv rules. Replaced: `out` is its value;
/// NotApplicable: no Conv rule took it and everything built is gone.
RuleResult delegateConv(PatternRewriter &rewriter, ImportNode &node, Value x,
                        Value w, Value bias, Value &out) {
  auto result = cast<RankedTensorType>(node.resultType(0));
  auto conv = cast<NodeOp>(rewriter.clone(*node.op));
  SmallVector<Value> operands = {x, w};
  if (bias)
    operands.push_back(bias);
  conv->setOperands(operands);
  conv.setOpTypeAttr(rewriter.getStringAttr("Conv"));
  conv->getResult(0).setType(
      RankedTensorType::get(result.getShape(), rewriter.getF64Type()));
  // The Conv rule replaces the uses of the node: this one tells where its
  // value went.
  FailureOr<Value> anchor =
      build<IdentityOp>(rewriter, node, conv->getResult(0));
  if (failed(anchor))
    return RuleResult::Failed;
  Operation *anchorOp = anchor->getDefiningOp();
  {
    OpBuilder::InsertionGuard guard(rewriter);
    rewriter.setInsertionPoint(conv);
    ImportNode convNode(conv);
    for (const ImportRule *rule : getImportRuleRegistry().lookup(
             "onnx", "Conv", convNode.opset, convNode.name)) {
      RuleResult r = rule->fn(convNode, rewriter);
      if (r == RuleResult::Failed)
        return r;
      if (r == RuleResult::Replaced) {
        out = anchorOp->getOperand(0);
        rewriter.eraseOp(anchorOp);
        return r;
      }
    }
  }
  rewriter.eraseOp(anchorOp);
  rewriter.eraseOp(conv);
  // The operand chains end at the node's own inputs, which it still uses.
  while (!operands.empty()) {
    Value v = operands.pop_back_val();
    Operation *def = v.getDefiningOp();
    if (!def || !def->use_empty())
      continue;
    llvm::append_range(operands, def->getOperands());
    rewriter.eraseOp(def);
  }
  return RuleResult::NotApplicable;
}

/// ConvInteger: the Conv of the centered f64 operands, cast to int32. The
/// weights' zero point is per tensor or per output channel.
RuleResult convInteger(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0), w = node.inputType(1);
  auto result = dyn_cast<RankedTensorType>(node.resultType(0));
  if (!x || !w || w.getRank() < 3 || !result ||
      !result.getElementType().isInteger(32) ||
      !quantizedRange(x.getElementType()) ||
      !quantizedRange(w.getElementType()) || !zeroPointFits(node, 2, x, 1) ||
      !zeroPointFits(node, 3, w, w.getDimSize(0)))
    return RuleResult::NotApplicable;
  FailureOr<Value> xf =
      centered(rewriter, node, node.input(0), node.input(2), 0, x.getRank());
  FailureOr<Value> wf =
      centered(rewriter, node, node.input(1), node.input(3), 0, w.getRank());
  if (failed(xf) || failed(wf))
    return RuleResult::Failed;
  Value y;
  RuleResult r = delegateConv(rewriter, node, *xf, *wf, Value(), y);
  if (r != RuleResult::Replaced)
    return r;
  return replace(
      rewriter, node,
      build<CastOp>(rewriter, node, y, TypeAttr::get(result.getElementType())));
}

/// True when input `i` is a per-tensor (one element) float scale.
bool perTensorScale(ImportNode &node, unsigned i) {
  RankedTensorType t = node.inputType(i);
  return t && t.hasStaticShape() && t.getNumElements() == 1 &&
         t.getRank() <= 1 && t.getElementType().isF32();
}

/// The requantization of QLinearMatMul and QLinearConv from the exact
/// integer result `acc` (f64) as ONNX's reference computes it: acc times
/// the f32 factor aScale * bScale / yScale, plus the zero point, rounded
/// half to even and saturated.
FailureOr<Value> requantize(PatternRewriter &rewriter, ImportNode &node,
                            Value acc, unsigned aScale, unsigned bScale,
                            unsigned yScale, unsigned yZero, Type result) {
  Type f = rewriter.getF64Type();
  FailureOr<Value> factor =
      build<MultiplyOp>(rewriter, node, node.input(aScale), node.input(bScale));
  if (succeeded(factor))
    factor = build<DivideOp>(rewriter, node, *factor, node.input(yScale));
  if (succeeded(factor))
    factor = build<CastOp>(rewriter, node, *factor, TypeAttr::get(f));
  FailureOr<Value> y = succeeded(factor)
                           ? build<MultiplyOp>(rewriter, node, acc, *factor)
                           : factor;
  if (succeeded(y) && node.hasInput(yZero)) {
    FailureOr<Value> z =
        build<CastOp>(rewriter, node, node.input(yZero), TypeAttr::get(f));
    y = succeeded(z) ? build<AddOp>(rewriter, node, *y, *z) : z;
  }
  std::pair<double, double> range = *quantizedRange(result);
  if (succeeded(y))
    y = build<RintOp>(rewriter, node, *y);
  if (succeeded(y))
    y = build<ClipByValueOp>(rewriter, node, *y, f64(rewriter, range.first),
                             f64(rewriter, range.second));
  if (succeeded(y))
    y = build<CastOp>(rewriter, node, *y, TypeAttr::get(result));
  return y;
}

/// QLinearMatMul and QLinearConv with per-tensor scales and zero points.
bool perTensorQLinear(ImportNode &node, RankedTensorType a, RankedTensorType b,
                      RankedTensorType result) {
  return a && b && result && quantizedRange(a.getElementType()) &&
         quantizedRange(b.getElementType()) &&
         quantizedRange(result.getElementType()) && perTensorScale(node, 1) &&
         perTensorScale(node, 4) && perTensorScale(node, 6) &&
         zeroPointFits(node, 2, a, 1) && zeroPointFits(node, 5, b, 1) &&
         (!node.hasInput(7) ||
          (node.inputType(7) && node.inputType(7).getNumElements() == 1 &&
           node.inputType(7).getElementType() == result.getElementType()));
}

RuleResult qlinearMatMul(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType a = node.inputType(0), b = node.inputType(3);
  auto result = dyn_cast<RankedTensorType>(node.resultType(0));
  if (!perTensorQLinear(node, a, b, result) || a.getRank() < 2 ||
      a.getRank() != b.getRank())
    return RuleResult::NotApplicable;
  FailureOr<Value> x =
      centered(rewriter, node, node.input(0), node.input(2), 0, 0);
  FailureOr<Value> y =
      centered(rewriter, node, node.input(3), node.input(5), 0, 0);
  FailureOr<Value> p =
      succeeded(x) && succeeded(y)
          ? build<MatmulOp>(rewriter, node, *x, *y, i64(rewriter, 0),
                            i64(rewriter, 0), i64(rewriter, 0),
                            f64(rewriter, 1.0), f64(rewriter, 0.0))
          : FailureOr<Value>(failure());
  if (failed(p))
    return RuleResult::Failed;
  return replace(
      rewriter, node,
      requantize(rewriter, node, *p, 1, 4, 6, 7, result.getElementType()));
}

/// QLinearConv: the int32 bias (input 8) joins the exact f64 convolution.
RuleResult qlinearConv(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0), w = node.inputType(3);
  auto result = dyn_cast<RankedTensorType>(node.resultType(0));
  if (!perTensorQLinear(node, x, w, result) || w.getRank() < 3 ||
      (node.hasInput(8) && !node.inputType(8)))
    return RuleResult::NotApplicable;
  FailureOr<Value> xf =
      centered(rewriter, node, node.input(0), node.input(2), 0, 0);
  FailureOr<Value> wf =
      centered(rewriter, node, node.input(3), node.input(5), 0, 0);
  FailureOr<Value> bias =
      node.hasInput(8) ? build<CastOp>(rewriter, node, node.input(8),
                                       TypeAttr::get(rewriter.getF64Type()))
                       : FailureOr<Value>(Value());
  if (failed(xf) || failed(wf) || failed(bias))
    return RuleResult::Failed;
  Value acc;
  RuleResult r = delegateConv(rewriter, node, *xf, *wf, *bias, acc);
  if (r != RuleResult::Replaced)
    return r;
  return replace(
      rewriter, node,
      requantize(rewriter, node, acc, 1, 4, 6, 7, result.getElementType()));
}

} // namespace

/// The value of `v` in `type`'s precision nudged one step: the largest value
/// not above `v`, then the next one up (`up`), or the smallest not below it,
/// then the next one down. A threshold compared with `>` (or `>=`) becomes
/// one compared with the other.
static double nudged(FloatType type, double v, bool up) {
  APFloat f(v);
  bool lost;
  f.convert(type.getFloatSemantics(),
            up ? APFloat::rmTowardNegative : APFloat::rmTowardPositive, &lost);
  f.next(/*nextDown=*/!up);
  return f.convertToDouble();
}

/// Scalar `t` of float type `type` moved to the adjacent value of that type
/// (up or down), on its bits at run time: the integer of its width plus or
/// minus one by its sign, from zero the smallest denormal.
static FailureOr<Value> adjacentAtRunTime(PatternRewriter &rewriter,
                                          ImportNode &node, Value t,
                                          FloatType type, bool up) {
  Location loc = node.loc;
  unsigned width = type.getWidth();
  auto bitsType = rewriter.getIntegerType(width);
  auto I = [&](int64_t v) {
    return scalarConstant(rewriter, loc, bitsType, static_cast<double>(v));
  };
  Value zero = scalarConstant(rewriter, loc, type, 0);
  FailureOr<Value> bits = build<BitcastOp>(
      rewriter, node, t, i64(rewriter, getLibnd4jDataTypeCode(bitsType)),
      TypeAttr::get(bitsType));
  FailureOr<Value> positive = build<GreaterOp>(rewriter, node, t, zero);
  FailureOr<Value> negative = build<LessOp>(rewriter, node, t, zero);
  if (failed(bits) || failed(positive) || failed(negative))
    return failure();
  FailureOr<Value> inc = build<AddOp>(rewriter, node, *bits, I(1));
  FailureOr<Value> dec = build<SubtractOp>(rewriter, node, *bits, I(1));
  if (failed(inc) || failed(dec))
    return failure();
  // From zero: +denormal (bits 1) up, -denormal (sign bit | 1) down.
  Value fromZero =
      up ? I(1)
         : I(static_cast<int64_t>(
               APInt::getSignedMinValue(width).getSExtValue() | 1));
  FailureOr<Value> next =
      build<SelectOp>(rewriter, node, *negative, up ? *dec : *inc, fromZero);
  if (succeeded(next))
    next = build<SelectOp>(rewriter, node, *positive, up ? *inc : *dec, *next);
  if (failed(next))
    return failure();
  return build<BitcastOp>(rewriter, node, *next,
                          i64(rewriter, getLibnd4jDataTypeCode(type)),
                          TypeAttr::get(type));
}

/// NonMaxSuppression (static boxes [B, n, 4] and scores [B, C, n]):
/// libnd4j's non_max_suppression_v3 per batch and
/// class, each selection turned into rows (batch, class, box) and all rows
/// concatenated, as ONNX orders them. ONNX suppresses an overlap above the
/// IoU threshold and removes scores below the score threshold, libnd4j
/// suppresses an overlap reaching its threshold and keeps scores above
/// its one: each threshold is passed on nudged one step in the boxes'
/// type. center_point_box 1 boxes ([x, y, w, h]) become corners by a 4 x 4
/// matrix product.
RuleResult nonMaxSuppression(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType boxes = node.inputType(0), scores = node.inputType(1);
  if (!boxes || !scores || !boxes.hasStaticShape() ||
      !scores.hasStaticShape() || boxes.getRank() != 3 ||
      scores.getRank() != 3 || boxes.getDimSize(2) != 4 ||
      scores.getDimSize(0) != boxes.getDimSize(0) ||
      scores.getDimSize(2) != boxes.getDimSize(1))
    return RuleResult::NotApplicable;
  auto elem = dyn_cast<FloatType>(boxes.getElementType());
  if (!elem || scores.getElementType() != elem)
    return RuleResult::NotApplicable;
  FailureOr<int64_t> centerPoint = node.getInt("center_point_box", 0);
  if (failed(centerPoint))
    return RuleResult::Failed;
  if (*centerPoint != 0 && *centerPoint != 1)
    return RuleResult::NotApplicable;
  Location loc = node.loc;
  // A threshold moved one step (constant: now; else at run time); an
  // absent one is `absent`.
  auto threshold = [&](unsigned i, double absent, bool up) -> FailureOr<Value> {
    if (!node.hasInput(i))
      return scalarConstant(rewriter, loc, elem, absent);
    FailureOr<SmallVector<double>> c = node.getConstantFloats(i);
    if (succeeded(c) && c->size() == 1)
      return scalarConstant(rewriter, loc, elem, nudged(elem, (*c)[0], up));
    RankedTensorType t = node.inputType(i);
    if (!t || t.getElementType() != elem || !t.hasStaticShape() ||
        t.getNumElements() != 1)
      return failure();
    FailureOr<Value> v = reshapeTo(rewriter, node, node.input(i), {});
    if (failed(v))
      return failure();
    return adjacentAtRunTime(rewriter, node, *v, elem, up);
  };
  FailureOr<Value> iouThreshold = threshold(3, nudged(elem, 0, true), true);
  FailureOr<Value> scoreThreshold =
      threshold(4, -std::numeric_limits<double>::infinity(), false);
  if (failed(iouThreshold) || failed(scoreThreshold))
    return RuleResult::NotApplicable;
  Type i64Type = rewriter.getI64Type();
  Value maxOut = node.hasInput(2) ? node.input(2)
                                  : scalarConstant(rewriter, loc, i64Type, 0);
  if (node.hasInput(2)) {
    RankedTensorType t = node.inputType(2);
    if (!t || !t.hasStaticShape() || t.getNumElements() != 1)
      return RuleResult::NotApplicable;
    if (t.getRank() != 0) {
      FailureOr<Value> scalar = reshapeTo(rewriter, node, maxOut, {});
      if (failed(scalar))
        return RuleResult::Failed;
      maxOut = *scalar;
    }
  }
  Value iouValue = *iouThreshold, scoreValue = *scoreThreshold;
  auto I = [&](int64_t v) { return i64(rewriter, v); };
  auto index = [&](int64_t v) {
    return scalarConstant(rewriter, loc, i64Type, v);
  };
  Value corners;
  if (*centerPoint == 1) {
    auto mType = RankedTensorType::get({4, 4}, elem);
    SmallVector<Attribute> m;
    for (double v : {0.0, 1.0, 0.0, 1.0, 1.0, 0.0, 1.0, 0.0, 0.0, -0.5, 0.0,
                     0.5, -0.5, 0.0, 0.5, 0.0})
      m.push_back(rewriter.getFloatAttr(elem, v));
    corners = ConstantOp::create(
        rewriter, loc, mType, DenseElementsAttr::get(mType, m), StringAttr());
  }
  SmallVector<Value> rows;
  for (int64_t b = 0; b < boxes.getDimSize(0); ++b) {
    FailureOr<Value> bx =
        build<GatherOp>(rewriter, node, node.input(0), index(b), I(0));
    if (succeeded(bx) && corners)
      bx = build<MatmulOp>(rewriter, node, *bx, corners, I(0), I(0), I(0),
                           f64(rewriter, 1.0), f64(rewriter, 0.0));
    FailureOr<Value> sb =
        build<GatherOp>(rewriter, node, node.input(1), index(b), I(0));
    if (failed(bx) || failed(sb))
      return RuleResult::Failed;
    for (int64_t c = 0; c < scores.getDimSize(1); ++c) {
      FailureOr<Value> sc =
          build<GatherOp>(rewriter, node, *sb, index(c), I(0));
      FailureOr<Value> sel =
          failed(sc)
              ? sc
              : build<NonMaxSuppressionV3Op>(rewriter, node, *bx, *sc, maxOut,
                                             iouValue, scoreValue);
      if (succeeded(sel))
        sel = build<CastOp>(rewriter, node, *sel, TypeAttr::get(i64Type));
      if (succeeded(sel))
        sel = reshapeTo(rewriter, node, *sel, {ShapedType::kDynamic, 1});
      if (failed(sel))
        return RuleResult::Failed;
      // Columns b and c: the selection times 0 plus the constant.
      FailureOr<Value> zero = build<MultiplyOp>(rewriter, node, *sel, index(0));
      FailureOr<Value> bCol =
          failed(zero) ? zero : build<AddOp>(rewriter, node, *zero, index(b));
      FailureOr<Value> cCol =
          failed(zero) ? zero : build<AddOp>(rewriter, node, *zero, index(c));
      FailureOr<Value> row =
          failed(bCol) || failed(cCol)
              ? FailureOr<Value>(failure())
              : build<ConcatOp>(rewriter, node, ValueRange{*bCol, *cCol, *sel},
                                I(1));
      if (failed(row))
        return RuleResult::Failed;
      rows.push_back(*row);
    }
  }
  if (rows.empty())
    return RuleResult::NotApplicable;
  return replace(rewriter, node,
                 rows.size() == 1
                     ? FailureOr<Value>(rows.front())
                     : build<ConcatOp>(rewriter, node, ValueRange(rows), I(0)));
}

void mlir::nd4j::onnx_rules::registerOnnxIndexRules(const AddRuleFn &add) {
  add("NonMaxSuppression", nonMaxSuppression);
  add("GatherElements", gatherElements);
  add("ScatterElements", scatterElements);
  add("Scatter", scatterElements);
  add("GatherND", gatherND);
  add("ScatterND", scatterND);
  add("Compress", compress);
  add("TfIdfVectorizer", tfIdfVectorizer);
  add("NonZero", nonZero);
  add("ReverseSequence", reverseSequence);
  add("QuantizeLinear", quantizeLinear);
  add("DequantizeLinear", dequantizeLinear);
  add("DynamicQuantizeLinear", dynamicQuantizeLinear);
  add("RNN", recurrent);
  add("GRU", recurrent);
  add("LSTM", recurrent);
  add("RandomUniform", randomUniformRule);
  add("RandomUniformLike", randomUniformRule);
  add("Bernoulli", bernoulli);
  add("MatMulInteger", matMulInteger);
  add("ConvInteger", convInteger);
  add("QLinearMatMul", qlinearMatMul);
  add("QLinearConv", qlinearConv);
}
