//===- TfShapeRules.cpp - TF shape, slice and layout import rules --------===//
//
// Shape queries fold to constants when the shape is static; slicing ops
// (StridedSlice with all five masks, Slice, Unpack, Split, SplitV) become
// nd4j `strided_slice` with only begin/end masks, followed by a reshape that
// inserts new axes and drops shrunk ones, so that the exported op is the
// plain form every consumer reads. Padding, reversal and broadcasting map
// onto their nd4j ops.
//
//===----------------------------------------------------------------------===//

#include "passes/Import/TF/TfRuleUtils.h"

#include "mlir/Dialect/Traits.h"

using namespace mlir;
using namespace mlir::nd4j;
using namespace mlir::nd4j::onnx_rules;
using namespace mlir::nd4j::tf_rules;

namespace {

/// The node's integer result element type (TF's `out_type`), i32 when the
/// result is not a ranked integer tensor.
Type intResultElement(ImportNode &node, unsigned i, PatternRewriter &r) {
  if (auto t = dyn_cast<ShapedType>(node.resultType(i)))
    if (isa<IntegerType>(t.getElementType()))
      return t.getElementType();
  return r.getI32Type();
}

/// Shape, Size and Rank of statically known inputs are constants; ShapeN
/// is Shape per input.
/// Shape (and ShapeN): a constant where the shape is static, else
/// `shape_of`, computed at run time.
RuleResult shapeOf(ImportNode &node, PatternRewriter &rewriter) {
  SmallVector<Value> values;
  for (unsigned i = 0; i < node.getNumResults(); ++i) {
    RankedTensorType x = node.inputType(i);
    if (!x)
      return RuleResult::NotApplicable;
    Type element = intResultElement(node, i, rewriter);
    if (!x.hasStaticShape()) {
      FailureOr<Value> v = build<ShapeOfOp>(rewriter, node, node.input(i),
                                            TypeAttr::get(element));
      if (failed(v))
        return RuleResult::Failed;
      values.push_back(*v);
      continue;
    }
    values.push_back(intConstantLike(rewriter, node.loc, element, {x.getRank()},
                                     x.getShape()));
  }
  return node.replaceWith(rewriter, values);
}

RuleResult sizeOf(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  if (!x || !x.hasStaticShape())
    return RuleResult::NotApplicable;
  return node.replaceWith(rewriter,
                          intConstantLike(rewriter, node.loc,
                                          intResultElement(node, 0, rewriter),
                                          {}, {x.getNumElements()}));
}

RuleResult rankOf(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  if (!x)
    return RuleResult::NotApplicable;
  return node.replaceWith(rewriter,
                          intConstantLike(rewriter, node.loc,
                                          intResultElement(node, 0, rewriter),
                                          {}, {x.getRank()}));
}

/// One slice per input dimension, in nd4j's strided_slice terms.
struct DenseSlice {
  SmallVector<int64_t> begin, end, strides;
  int64_t beginMask = 0, endMask = 0;

  explicit DenseSlice(int64_t rank)
      : begin(rank, 0), end(rank, 0), strides(rank, 1),
        beginMask((int64_t(1) << rank) - 1), endMask(beginMask) {}

  /// Keeps only index `i` of dimension `d` (whose static size is `size`, or
  /// dynamic); false when `i` is out of range.
  bool pick(unsigned d, int64_t i, int64_t size) {
    if (!ShapedType::isDynamic(size) && (i >= size || i < -size))
      return false;
    beginMask &= ~(int64_t(1) << d);
    endMask &= ~(int64_t(1) << d);
    begin[d] = i;
    end[d] = i + 1;
    strides[d] = 1;
    if (i == -1) // [-1, 0) would be empty: slice to the end instead.
      endMask |= int64_t(1) << d;
    return true;
  }

  /// Keeps [lo, hi) of dimension `d`.
  void range(unsigned d, int64_t lo, int64_t hi) {
    beginMask &= ~(int64_t(1) << d);
    endMask &= ~(int64_t(1) << d);
    begin[d] = lo;
    end[d] = hi;
    strides[d] = 1;
  }

  FailureOr<Value> build(PatternRewriter &rewriter, ImportNode &node,
                         Value x) const {
    auto I = [&](int64_t v) { return i64(rewriter, v); };
    return onnx_rules::build<StridedSliceOp>(
        rewriter, node, x, I(beginMask), I(0), I(endMask), I(0), I(0),
        rewriter.getDenseI64ArrayAttr(begin),
        rewriter.getDenseI64ArrayAttr(end),
        rewriter.getDenseI64ArrayAttr(strides));
  }
};

/// StridedSlice with constant begin/end/strides: TF's sparse spec (with
/// ellipsis and new axes) expands to one entry per input dimension; new
/// axes and shrunk dimensions become a reshape of the slice.
RuleResult stridedSlice(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  FailureOr<SmallVector<int64_t>> begin = node.getConstantInts(1);
  FailureOr<SmallVector<int64_t>> end = node.getConstantInts(2);
  FailureOr<SmallVector<int64_t>> strides = node.getConstantInts(3);
  if (!x || failed(begin) || failed(end) || failed(strides) ||
      begin->size() != end->size() || begin->size() != strides->size() ||
      x.getRank() >= 63)
    return RuleResult::NotApplicable;
  int64_t masks[5];
  const char *names[5] = {"begin_mask", "end_mask", "ellipsis_mask",
                          "new_axis_mask", "shrink_axis_mask"};
  for (int i = 0; i < 5; ++i) {
    FailureOr<int64_t> m = node.getInt(names[i], 0);
    if (failed(m))
      return RuleResult::Failed;
    masks[i] = *m;
  }
  auto bit = [&](int which, size_t i) { return (masks[which] >> i) & 1; };
  int64_t n = begin->size(), rank = x.getRank();
  // Entries that consume an input dimension, apart from the ellipsis.
  int64_t consuming = 0, ellipses = 0;
  for (int64_t i = 0; i < n; ++i) {
    if (bit(2, i))
      ++ellipses;
    else if (!bit(3, i))
      ++consuming;
  }
  if (ellipses > 1 || consuming > rank)
    return RuleResult::NotApplicable;

  DenseSlice slice(rank);
  // The output, as input dimensions kept (>= 0) or new unit axes (-1).
  SmallVector<int64_t> outDims;
  bool reshape = false;
  int64_t d = 0;
  auto passThrough = [&](int64_t count) {
    for (int64_t k = 0; k < count; ++k, ++d)
      outDims.push_back(d);
  };
  for (int64_t i = 0; i < n; ++i) {
    if (bit(2, i)) {
      passThrough(rank - consuming);
      continue;
    }
    if (bit(3, i)) {
      outDims.push_back(-1);
      reshape = true;
      continue;
    }
    int64_t s = (*strides)[i];
    if (s == 0)
      return RuleResult::NotApplicable;
    if (bit(4, i)) {
      if (!slice.pick(d, (*begin)[i], x.getDimSize(d)))
        return RuleResult::NotApplicable; // TF rejects such a graph.
      reshape = true;
      ++d;
      continue;
    }
    unsigned bd = static_cast<unsigned>(d);
    slice.begin[bd] = (*begin)[i];
    slice.end[bd] = (*end)[i];
    slice.strides[bd] = s;
    if (!bit(0, i))
      slice.beginMask &= ~(int64_t(1) << d);
    if (!bit(1, i))
      slice.endMask &= ~(int64_t(1) << d);
    outDims.push_back(d++);
  }
  passThrough(rank - d); // The implicit trailing ellipsis.

  FailureOr<Value> y = slice.build(rewriter, node, node.input(0));
  if (failed(y))
    return RuleResult::Failed;
  if (!reshape)
    return node.replaceWith(rewriter, *y);
  auto sliced = cast<RankedTensorType>(y->getType());
  SmallVector<int64_t> shape;
  for (int64_t od : outDims)
    shape.push_back(od < 0 ? 1 : sliced.getDimSize(od));
  FailureOr<Value> r = reshapeTo(rewriter, node, *y, shape);
  if (failed(r))
    return RuleResult::NotApplicable;
  return node.replaceWith(rewriter, *r);
}

/// Slice(x, begin, size): size -1 runs to the end.
RuleResult sliceRule(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  FailureOr<SmallVector<int64_t>> begin = node.getConstantInts(1);
  FailureOr<SmallVector<int64_t>> size = node.getConstantInts(2);
  if (!x || failed(begin) || failed(size) || x.getRank() >= 63 ||
      begin->size() != static_cast<size_t>(x.getRank()) ||
      size->size() != begin->size())
    return RuleResult::NotApplicable;
  DenseSlice slice(x.getRank());
  for (unsigned d = 0; d < begin->size(); ++d) {
    int64_t b = (*begin)[d], s = (*size)[d];
    if (b < 0 || s < -1)
      return RuleResult::NotApplicable;
    slice.range(d, b, b + s);
    if (s == -1)
      slice.endMask |= int64_t(1) << d;
  }
  return replace(rewriter, node, slice.build(rewriter, node, node.input(0)));
}

/// Static parts of `x` along `axis`, sized `sizes`, each reshaped to
/// `dropAxis` ? without the axis : as sliced. The importer keeps the
/// results up to the last one used, so only those parts are built.
RuleResult splitInto(ImportNode &node, PatternRewriter &rewriter, Value x,
                     int64_t axis, ArrayRef<int64_t> sizes, bool dropAxis) {
  auto type = cast<RankedTensorType>(x.getType());
  if (type.getRank() >= 63)
    return RuleResult::NotApplicable;
  SmallVector<Value> parts;
  int64_t at = 0;
  if (sizes.size() < node.getNumResults())
    return RuleResult::NotApplicable;
  for (int64_t size : sizes.take_front(node.getNumResults())) {
    DenseSlice slice(type.getRank());
    slice.range(axis, at, at + size);
    at += size;
    FailureOr<Value> part = slice.build(rewriter, node, x);
    if (failed(part))
      return RuleResult::Failed;
    if (dropAxis) {
      SmallVector<int64_t> shape(type.getShape());
      shape.erase(shape.begin() + axis);
      part = reshapeTo(rewriter, node, *part, shape);
      if (failed(part))
        return RuleResult::NotApplicable;
    }
    parts.push_back(*part);
  }
  return node.replaceWith(rewriter, parts);
}

/// Unpack(x, num, axis): x[..., i, ...] for each i.
RuleResult unpack(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  FailureOr<int64_t> axisAttr = node.getInt("axis", 0);
  FailureOr<int64_t> num = node.getInt("num");
  if (failed(axisAttr) || failed(num))
    return RuleResult::Failed;
  if (!x || x.getRank() == 0)
    return RuleResult::NotApplicable;
  FailureOr<int64_t> axis = normalizeAxis(*axisAttr, x.getRank());
  if (failed(axis) || x.isDynamicDim(*axis) || x.getDimSize(*axis) != *num)
    return RuleResult::NotApplicable;
  SmallVector<int64_t> sizes(*num, 1);
  return splitInto(node, rewriter, node.input(0), *axis, sizes, true);
}

/// Split(axis, x) into `num_split` equal parts.
RuleResult split(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(1);
  FailureOr<SmallVector<int64_t>> axisC = node.getConstantInts(0);
  if (!x || failed(axisC) || axisC->size() != 1)
    return RuleResult::NotApplicable;
  FailureOr<int64_t> num = node.getInt("num_split");
  if (failed(num))
    return RuleResult::Failed;
  FailureOr<int64_t> axis = normalizeAxis((*axisC)[0], x.getRank());
  int64_t n = *num;
  if (failed(axis) || x.isDynamicDim(*axis) || n == 0 ||
      x.getDimSize(*axis) % n != 0)
    return RuleResult::NotApplicable;
  SmallVector<int64_t> sizes(n, x.getDimSize(*axis) / n);
  return splitInto(node, rewriter, node.input(1), *axis, sizes, false);
}

/// SplitV(x, size_splits, axis); one size may be -1 (the rest).
RuleResult splitV(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  FailureOr<SmallVector<int64_t>> sizes = node.getConstantInts(1);
  FailureOr<SmallVector<int64_t>> axisC = node.getConstantInts(2);
  if (!x || failed(sizes) || failed(axisC) || axisC->size() != 1)
    return RuleResult::NotApplicable;
  FailureOr<int64_t> axis = normalizeAxis((*axisC)[0], x.getRank());
  if (failed(axis) || x.isDynamicDim(*axis))
    return RuleResult::NotApplicable;
  int64_t total = x.getDimSize(*axis), known = 0, unknown = -1;
  for (auto [i, s] : llvm::enumerate(*sizes)) {
    if (s == -1 && unknown < 0)
      unknown = i;
    else if (s < 0)
      return RuleResult::NotApplicable;
    else
      known += s;
  }
  if (unknown >= 0)
    (*sizes)[unknown] = total - known;
  if ((unknown >= 0 ? total < known : total != known))
    return RuleResult::NotApplicable;
  return splitInto(node, rewriter, node.input(0), *axis, *sizes, false);
}

/// ReverseV2 over constant axes.
RuleResult reverseV2(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  FailureOr<SmallVector<int64_t>> axes = node.getConstantInts(1);
  if (!x || failed(axes))
    return RuleResult::NotApplicable;
  FailureOr<SmallVector<int64_t>> dims = normalizeAxes(*axes, x.getRank());
  if (failed(dims))
    return RuleResult::NotApplicable;
  if (dims->empty())
    return node.replaceWith(rewriter, node.input(0));
  return replace(rewriter, node,
                 build<ReverseOp>(rewriter, node, node.input(0),
                                  rewriter.getDenseI64ArrayAttr(*dims)));
}

/// Pad, PadV2 (a constant pad value) and MirrorPad (REFLECT or SYMMETRIC).
RuleResult pad(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0), p = node.inputType(1);
  if (!x || !p)
    return RuleResult::NotApplicable;
  int64_t mode = 0;
  double value = 0;
  if (node.opType == "MirrorPad") {
    FailureOr<StringRef> m = node.getString("mode");
    if (failed(m))
      return RuleResult::Failed;
    if (*m != "REFLECT" && *m != "SYMMETRIC")
      return RuleResult::NotApplicable;
    mode = *m == "REFLECT" ? 1 : 2;
  } else if (node.opType == "PadV2") {
    FailureOr<SmallVector<double>> v = node.getConstantFloats(2);
    if (failed(v) || v->size() != 1)
      return RuleResult::NotApplicable;
    value = (*v)[0];
  }
  return replace(rewriter, node,
                 build<PadOp>(rewriter, node, node.input(0), node.input(1),
                              i64(rewriter, mode), f64(rewriter, value)));
}

RuleResult broadcastTo(ImportNode &node, PatternRewriter &rewriter) {
  if (!node.inputType(0) || !node.inputType(1))
    return RuleResult::NotApplicable;
  return replace(
      rewriter, node,
      build<BroadcastToOp>(rewriter, node, node.input(0), node.input(1)));
}

/// Assert has no data results: once imported its checks are dropped, like
/// TF's own graph optimizer does for inference.
RuleResult dropAssert(ImportNode &node, PatternRewriter &rewriter) {
  if (node.getNumResults() != 0)
    return RuleResult::NotApplicable;
  rewriter.eraseOp(node.op);
  return RuleResult::Replaced;
}

/// AccumulateNV2: the sum of its inputs, all of one type.
RuleResult accumulate(ImportNode &node, PatternRewriter &rewriter) {
  if (node.getNumInputs() == 0 || !node.inputType(0))
    return RuleResult::NotApplicable;
  Value sum = node.input(0);
  for (unsigned i = 1; i < node.getNumInputs(); ++i) {
    if (node.inputType(i) != node.inputType(0))
      return RuleResult::NotApplicable;
    FailureOr<Value> s = build<AddOp>(rewriter, node, sum, node.input(i));
    if (failed(s))
      return RuleResult::Failed;
    sum = *s;
  }
  return node.replaceWith(rewriter, sum);
}

/// Assign(ref, value): in a frozen graph the variable is a constant, and
/// the op's result is the value it stores.
RuleResult assign(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType ref = node.inputType(0), value = node.inputType(1);
  if (!ref || !value || ref.getElementType() != value.getElementType() ||
      !areCompatibleResultTypes(TypeRange{ref}, TypeRange{value}))
    return RuleResult::NotApplicable;
  return node.replaceWith(rewriter, node.input(1));
}

/// ScatterNdAdd/Sub/Update on a (frozen) variable and TensorScatterAdd/
/// Sub/Update: (tensor, indices, updates). Subtraction adds the negated
/// updates, which is exact in both floating-point and wrapping integer
/// arithmetic.
RuleResult scatterNd(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0), u = node.inputType(2);
  if (!x || !node.inputType(1) || !u ||
      x.getElementType() != u.getElementType())
    return RuleResult::NotApplicable;
  StringRef op = node.opType;
  if (op.ends_with("Update"))
    return replace(rewriter, node,
                   build<ScatterNdUpdateOp>(rewriter, node, node.input(0),
                                            node.input(1), node.input(2),
                                            BoolAttr(), BoolAttr()));
  Value updates = node.input(2);
  if (op.ends_with("Sub")) {
    FailureOr<Value> neg = build<NegOp>(rewriter, node, updates);
    if (failed(neg))
      return RuleResult::Failed;
    updates = *neg;
  }
  return replace(rewriter, node,
                 build<ScatterNdAddOp>(rewriter, node, node.input(0),
                                       node.input(1), updates, BoolAttr(),
                                       BoolAttr()));
}

/// ScatterNd(indices, updates, shape): updates summed into zeros of a
/// constant shape.
RuleResult scatterNdNew(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType u = node.inputType(1);
  FailureOr<SmallVector<int64_t>> shape = node.getConstantInts(2);
  if (!u || !node.inputType(0) || failed(shape) ||
      llvm::any_of(*shape, [](int64_t d) { return d < 0; }))
    return RuleResult::NotApplicable;
  Value zeros = zerosConstant(rewriter, node.loc, *shape, u.getElementType());
  if (!zeros)
    return RuleResult::NotApplicable;
  return replace(rewriter, node,
                 build<ScatterNdAddOp>(rewriter, node, zeros, node.input(0),
                                       node.input(1), BoolAttr(), BoolAttr()));
}

/// SparseTensorDenseAdd(indices, values, shape, dense): the sparse values
/// summed into the dense tensor at their coordinates (scatter_nd_add; the
/// shape is the dense tensor's).
RuleResult sparseTensorDenseAdd(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType dense = node.inputType(3);
  RankedTensorType values = node.inputType(1);
  if (!dense || !values || !node.inputType(0) ||
      values.getElementType() != dense.getElementType())
    return RuleResult::NotApplicable;
  return replace(rewriter, node,
                 build<ScatterNdAddOp>(rewriter, node, node.input(3),
                                       node.input(0), node.input(1), BoolAttr(),
                                       BoolAttr()));
}

/// Where(condition) alone: the coordinates of its non-zero elements.
RuleResult whereIndices(ImportNode &node, PatternRewriter &rewriter) {
  if (node.getNumInputs() != 1 || !node.inputType(0))
    return RuleResult::NotApplicable;
  return replace(rewriter, node,
                 build<WhereIndicesOp>(rewriter, node, node.input(0)));
}

/// OneHot(indices, depth, on_value, off_value) along `axis`.
RuleResult oneHot(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType on = node.inputType(2);
  FailureOr<int64_t> axis = node.getInt("axis", -1);
  if (failed(axis))
    return RuleResult::Failed;
  if (!node.inputType(0) || !node.inputType(1) || !on ||
      node.inputType(3) != on)
    return RuleResult::NotApplicable;
  return replace(rewriter, node,
                 build<OneHotOp>(rewriter, node, node.input(0), node.input(1),
                                 node.input(2), node.input(3),
                                 i64(rewriter, *axis),
                                 TypeAttr::get(on.getElementType())));
}

/// DepthToSpace in TF's NHWC or NCHW layout.
RuleResult depthToSpace(ImportNode &node, PatternRewriter &rewriter) {
  FailureOr<int64_t> block = node.getInt("block_size");
  FailureOr<StringRef> format = node.getString("data_format", "NHWC");
  if (failed(block) || failed(format))
    return RuleResult::Failed;
  RankedTensorType x = node.inputType(0);
  if (!x || x.getRank() != 4 || (*format != "NHWC" && *format != "NCHW"))
    return RuleResult::NotApplicable;
  return replace(rewriter, node,
                 build<DepthToSpaceOp>(rewriter, node, node.input(0),
                                       i64(rewriter, *block),
                                       i64(rewriter, *format == "NHWC")));
}

/// SpaceToDepth in TF's NHWC or NCHW layout (DepthToSpace's inverse: the
/// output depth index is (row in block * block + column in block) * C + c),
/// as reshape, permute, reshape.
RuleResult spaceToDepth(ImportNode &node, PatternRewriter &rewriter) {
  FailureOr<int64_t> block = node.getInt("block_size");
  FailureOr<StringRef> format = node.getString("data_format", "NHWC");
  if (failed(block) || failed(format))
    return RuleResult::Failed;
  RankedTensorType x = node.inputType(0);
  if (!x || x.getRank() != 4 || !x.hasStaticShape() || *block < 2 ||
      (*format != "NHWC" && *format != "NCHW"))
    return RuleResult::NotApplicable;
  bool nhwc = *format == "NHWC";
  int64_t b = *block, n = x.getDimSize(0);
  int64_t c = x.getDimSize(nhwc ? 3 : 1), h = x.getDimSize(nhwc ? 1 : 2),
          w = x.getDimSize(nhwc ? 2 : 3);
  if (h % b || w % b) {
    node.emitError() << "height " << h << " and width " << w
                     << " must be multiples of the block size " << b;
    return RuleResult::Failed;
  }
  OpChain o{rewriter, node};
  Value split = nhwc ? o.reshaped(node.input(0), {n, h / b, b, w / b, b, c})
                     : o.reshaped(node.input(0), {n, c, h / b, b, w / b, b});
  Value moved =
      o.op<PermuteOp>(split, rewriter.getDenseI64ArrayAttr(
                                 nhwc ? ArrayRef<int64_t>{0, 1, 3, 2, 4, 5}
                                      : ArrayRef<int64_t>{0, 3, 5, 1, 2, 4}));
  Value out = nhwc ? o.reshaped(moved, {n, h / b, w / b, b * b * c})
                   : o.reshaped(moved, {n, b * b * c, h / b, w / b});
  if (!o.ok)
    return RuleResult::Failed;
  return node.replaceWith(rewriter, out);
}

/// Empty(shape): TF leaves the contents undefined unless `init`; zeros
/// are one valid choice for both.
RuleResult empty(ImportNode &node, PatternRewriter &rewriter) {
  FailureOr<SmallVector<int64_t>> shape = node.getConstantInts(0);
  auto result = dyn_cast<ShapedType>(node.resultType(0));
  if (failed(shape) || !result ||
      llvm::any_of(*shape, [](int64_t d) { return d < 0; }))
    return RuleResult::NotApplicable;
  Value zeros =
      zerosConstant(rewriter, node.loc, *shape, result.getElementType());
  if (!zeros)
    return RuleResult::NotApplicable;
  return node.replaceWith(rewriter, zeros);
}

/// ScatterAdd/Sub/Mul/Div/Min/Max/Update on a (frozen) variable: slices
/// along the first dimension. No indices leave the variable as it is;
/// add, sub and update are the nd forms with one coordinate per index.
RuleResult scatterRows(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0), i = node.inputType(1),
                   u = node.inputType(2);
  if (!x || !i || !u || x.getElementType() != u.getElementType())
    return RuleResult::NotApplicable;
  if (i.hasStaticShape() && i.getNumElements() == 0)
    return node.replaceWith(rewriter, node.input(0));
  StringRef op = node.opType;
  Value x0 = node.input(0), idx = node.input(1), upd = node.input(2);
  if (op == "ScatterMul")
    return replace(rewriter, node,
                   build<ScatterMulOp>(rewriter, node, x0, idx, upd));
  if (op == "ScatterMax")
    return replace(rewriter, node,
                   build<ScatterMaxOp>(rewriter, node, x0, idx, upd));
  if (op == "ScatterMin")
    return replace(rewriter, node,
                   build<ScatterMinOp>(rewriter, node, x0, idx, upd));
  if (op == "ScatterDiv" || !i.hasStaticShape())
    return RuleResult::NotApplicable;
  SmallVector<int64_t> coords(i.getShape());
  coords.push_back(1);
  FailureOr<Value> nd = reshapeTo(rewriter, node, idx, coords);
  if (failed(nd))
    return RuleResult::Failed;
  if (op == "ScatterUpdate")
    return replace(rewriter, node,
                   build<ScatterNdUpdateOp>(rewriter, node, x0, *nd, upd,
                                            BoolAttr(), BoolAttr()));
  if (op == "ScatterSub") {
    FailureOr<Value> neg = build<NegOp>(rewriter, node, upd);
    if (failed(neg))
      return RuleResult::Failed;
    upd = *neg;
  }
  return replace(rewriter, node,
                 build<ScatterNdAddOp>(rewriter, node, x0, *nd, upd, BoolAttr(),
                                       BoolAttr()));
}

/// BroadcastArgs of constant shapes: the broadcast shape.
RuleResult broadcastArgs(ImportNode &node, PatternRewriter &rewriter) {
  FailureOr<SmallVector<int64_t>> a = node.getConstantInts(0);
  FailureOr<SmallVector<int64_t>> b = node.getConstantInts(1);
  auto result = dyn_cast<ShapedType>(node.resultType(0));
  SmallVector<int64_t> shape;
  if (failed(a) || failed(b) || !result ||
      !isa<IntegerType>(result.getElementType()) ||
      !OpTrait::util::getBroadcastedShape(*a, *b, shape))
    return RuleResult::NotApplicable;
  return node.replaceWith(
      rewriter, intConstantLike(rewriter, node.loc, result.getElementType(),
                                {static_cast<int64_t>(shape.size())}, shape));
}

} // namespace

void mlir::nd4j::tf_rules::registerTfShapeRules(const AddRuleFn &add) {
  add("Shape", shapeOf);
  add("ShapeN", shapeOf);
  add("Size", sizeOf);
  add("Rank", rankOf);
  add("StridedSlice", stridedSlice);
  add("Slice", sliceRule);
  add("Unpack", unpack);
  add("Split", split);
  add("SplitV", splitV);
  add("ReverseV2", reverseV2);
  add("Pad", pad);
  add("PadV2", pad);
  add("MirrorPad", pad);
  add("BroadcastTo", broadcastTo);
  add("Assert", dropAssert);
  add("AccumulateNV2", accumulate);
  add("AddN", accumulate);
  add("Where", whereIndices);
  add("OneHot", oneHot);
  add("DepthToSpace", depthToSpace);
  add("SpaceToDepth", spaceToDepth);
  add("Empty", empty);
  add("Assign", assign);
  for (StringRef op :
       {"ScatterNdAdd", "ScatterNdSub", "ScatterNdUpdate", "TensorScatterAdd",
        "TensorScatterSub", "TensorScatterUpdate"})
    add(op, scatterNd);
  add("ScatterNd", scatterNdNew);
  add("SparseTensorDenseAdd", sparseTensorDenseAdd);
  for (StringRef op : {"ScatterAdd", "ScatterSub", "ScatterMul", "ScatterDiv",
                       "ScatterMin", "ScatterMax", "ScatterUpdate"})
    add(op, scatterRows);
  add("BroadcastArgs", broadcastArgs);
}
