//===- Nd4jMathOps.cpp - result types of the nd4j math ops ---------------===//
//
// Inference (and with it, checking) of the ops declared in Nd4jMathOps.td
// whose result types the shared op classes do not infer.
//
//===----------------------------------------------------------------------===//

#include "dialects/Nd4j/IR/Nd4jShapeInference.h"
#include "mlir/IR/Matchers.h"

using namespace mlir;
using namespace mlir::nd4j;
using namespace mlir::nd4j::infer_detail;

int64_t mlir::nd4j::getLibnd4jDataTypeCode(Type t) {
  if (t.isF16())
    return 3;
  if (t.isF32())
    return 5;
  if (t.isF64())
    return 6;
  if (t.isBF16())
    return 17;
  auto i = dyn_cast<IntegerType>(t);
  if (!i || i.isSigned())
    return 0;
  if (i.getWidth() == 1)
    return 1;
  static const std::pair<unsigned, int64_t> codes[] = {
      {8, 0}, {16, 1}, {32, 2}, {64, 3}};
  for (auto [width, offset] : codes)
    if (i.getWidth() == width)
      return (i.isUnsigned() ? 11 : 7) + offset;
  return 0;
}

namespace {

/// Storage bytes of a libnd4j element type (bool takes a byte).
int64_t elementBytes(Type t) { return (t.getIntOrFloatBitWidth() + 7) / 8; }

/// The values of a constant integer tensor, if `v` is one.
std::optional<SmallVector<int64_t>> constantInts(Value v) {
  DenseIntElementsAttr attr;
  if (!matchPattern(v, m_Constant(&attr)))
    return std::nullopt;
  SmallVector<int64_t> out;
  for (const APInt &e : attr.getValues<APInt>())
    out.push_back(e.getSExtValue());
  return out;
}

LogicalResult checkIntegerTensor(std::optional<Location> loc, StringRef name,
                                 Value v) {
  if (!isa<IntegerType>(ranked(v).getElementType()))
    return fail(loc, name, " must be an integer tensor, got ", v.getType());
  return success();
}

LogicalResult checkScalar(std::optional<Location> loc, StringRef name,
                          Value v) {
  RankedTensorType t = ranked(v);
  if (t.getRank() > 1 || (t.getRank() == 1 && t.getDimSize(0) != 1))
    return fail(loc, name, " must be a scalar, got ", v.getType());
  return success();
}

/// The M block sizes and the [M, 2] amounts of space_to_batch_nd and
/// batch_to_space_nd: checked, and returned when both are constants.
LogicalResult blockArguments(std::optional<Location> loc, RankedTensorType in,
                             Value blockShape, Value amounts,
                             StringRef amountsName, int64_t &m,
                             std::optional<SmallVector<int64_t>> &blocks,
                             std::optional<SmallVector<int64_t>> &pads) {
  RankedTensorType b = ranked(blockShape), p = ranked(amounts);
  if (failed(checkIntegerTensor(loc, "blockShape", blockShape)) ||
      failed(checkIntegerTensor(loc, amountsName, amounts)))
    return failure();
  if (b.getRank() != 1 || b.isDynamicDim(0))
    return fail(loc, "blockShape must be 1-D of static length, got ", b);
  m = b.getDimSize(0);
  if (m < 1 || in.getRank() < 1 + m)
    return fail(loc, "blockShape of ", m, " elements needs an input of rank ",
                "at least ", m + 1, ", got ", shapeStr(in.getShape()));
  if (p.getRank() != 2 || !compatibleDims(p.getDimSize(0), m) ||
      !compatibleDims(p.getDimSize(1), 2))
    return fail(loc, amountsName, " must be [", m, ", 2], got ", p);
  blocks = constantInts(blockShape);
  pads = constantInts(amounts);
  if (blocks && llvm::any_of(*blocks, [](int64_t v) { return v < 1; }))
    return fail(loc, "block sizes must be positive, got ", shapeStr(*blocks));
  if (pads && llvm::any_of(*pads, [](int64_t v) { return v < 0; }))
    return fail(loc, amountsName, " must not be negative");
  return success();
}

} // namespace

LogicalResult BetaincOp::inferReturnTypes(MLIRContext *,
                                          std::optional<Location> loc,
                                          Adaptor a,
                                          SmallVectorImpl<Type> &out) {
  RankedTensorType x = ranked(a.getInput());
  if (!isa<FloatType>(x.getElementType()))
    return fail(loc, "betainc needs floating-point operands, got ", x);
  for (Value v : {a.getA(), a.getB()}) {
    RankedTensorType t = ranked(v);
    if (t.getElementType() != x.getElementType() ||
        t.getRank() != x.getRank() ||
        !llvm::all_of(llvm::zip(t.getShape(), x.getShape()), [](auto p) {
          return compatibleDims(std::get<0>(p), std::get<1>(p));
        }))
      return fail(loc, "a, b and input must have one type, got ", t, " and ",
                  x);
  }
  out.push_back(x);
  return success();
}

LogicalResult BitcastOp::inferReturnTypes(MLIRContext *,
                                          std::optional<Location> loc,
                                          Adaptor a,
                                          SmallVectorImpl<Type> &out) {
  RankedTensorType in = ranked(a.getInput());
  Type from = in.getElementType(), to = a.getDtype();
  int64_t code = getLibnd4jDataTypeCode(to);
  if (code == 0 || getLibnd4jDataTypeCode(from) == 0)
    return fail(loc, "bitcast between ", from, " and ", to,
                " is not supported");
  if (a.getNewType() != code)
    return fail(loc, "newType ", a.getNewType(), " is not libnd4j's number ",
                code, " of ", to);
  int64_t inBytes = elementBytes(from), outBytes = elementBytes(to);
  SmallVector<int64_t> shape(in.getShape());
  if (inBytes > outBytes) {
    shape.push_back(inBytes / outBytes);
  } else if (inBytes < outBytes) {
    int64_t ratio = outBytes / inBytes;
    if (shape.empty() || !compatibleDims(shape.back(), ratio))
      return fail(loc, "bitcast from ", from, " to ", to,
                  " needs a last dimension of ", ratio, ", got ",
                  shapeStr(in.getShape()));
    shape.pop_back();
  }
  return infer(out, shape, to);
}

LogicalResult CumProdOp::inferReturnTypes(MLIRContext *,
                                          std::optional<Location> loc,
                                          Adaptor a,
                                          SmallVectorImpl<Type> &out) {
  return inferCumulative(loc, a.getInput(), a.getDimensions(), a.getExclusive(),
                         a.getReverse(), out);
}

LogicalResult NthElementOp::inferReturnTypes(MLIRContext *,
                                             std::optional<Location> loc,
                                             Adaptor a,
                                             SmallVectorImpl<Type> &out) {
  RankedTensorType in = ranked(a.getInput());
  if (in.getRank() < 1)
    return fail(loc, "nth_element needs an input of rank 1 or more");
  if (failed(checkIntegerTensor(loc, "n", a.getN())) ||
      failed(checkScalar(loc, "n", a.getN())) ||
      failed(checkFlag(loc, "reverse", a.getReverse())))
    return failure();
  int64_t last = in.getShape().back();
  if (auto n = constantInts(a.getN()))
    if ((*n)[0] < 0 || (!ShapedType::isDynamic(last) && (*n)[0] >= last))
      return fail(loc, "n ", (*n)[0], " is out of range for dimension ", last);
  return infer(out, in.getShape().drop_back(), in.getElementType());
}

LogicalResult
CompareAndBitpackOp::inferReturnTypes(MLIRContext *ctx,
                                      std::optional<Location> loc, Adaptor a,
                                      SmallVectorImpl<Type> &out) {
  RankedTensorType in = ranked(a.getInput());
  if (failed(sameElementType(loc, a.getInput(), a.getY())) ||
      failed(checkScalar(loc, "threshold y", a.getY())))
    return failure();
  if (in.getRank() < 1)
    return fail(loc, "compare_and_bitpack needs an input of rank 1 or more");
  SmallVector<int64_t> shape(in.getShape());
  if (!ShapedType::isDynamic(shape.back())) {
    if (shape.back() % 8 != 0)
      return fail(loc, "last dimension ", shape.back(),
                  " is not a multiple of 8");
    shape.back() /= 8;
  }
  return infer(out, shape, IntegerType::get(ctx, 8, IntegerType::Unsigned));
}

LogicalResult L2LossOp::inferReturnTypes(MLIRContext *,
                                         std::optional<Location> loc, Adaptor a,
                                         SmallVectorImpl<Type> &out) {
  Type e = ranked(a.getInput()).getElementType();
  if (!isa<FloatType>(e))
    return fail(loc, "l2_loss needs a floating-point input, got ", e);
  return infer(out, {}, e);
}

LogicalResult AdjustContrastV2Op::inferReturnTypes(MLIRContext *,
                                                   std::optional<Location> loc,
                                                   Adaptor a,
                                                   SmallVectorImpl<Type> &out) {
  RankedTensorType in = ranked(a.getInput());
  if (in.getRank() < 3 || !isa<FloatType>(in.getElementType()))
    return fail(loc, "images must be floating-point of rank 3 or more, got ",
                in);
  RankedTensorType f = ranked(a.getFactor());
  if (!isa<FloatType>(f.getElementType()) || f.getNumElements() != 1)
    return fail(loc, "factor must be a floating-point scalar, got ", f);
  out.push_back(in);
  return success();
}

LogicalResult MatrixDiagOp::inferReturnTypes(MLIRContext *,
                                             std::optional<Location> loc,
                                             Adaptor a,
                                             SmallVectorImpl<Type> &out) {
  RankedTensorType d = ranked(a.getDiagonal());
  if (d.getRank() < 1)
    return fail(loc, "diagonal must have rank 1 or more");
  SmallVector<int64_t> shape(d.getShape());
  shape.push_back(shape.back());
  return infer(out, shape, d.getElementType());
}

LogicalResult MatrixSetDiagOp::inferReturnTypes(MLIRContext *,
                                                std::optional<Location> loc,
                                                Adaptor a,
                                                SmallVectorImpl<Type> &out) {
  RankedTensorType in = ranked(a.getInput()), d = ranked(a.getDiagonal());
  if (in.getRank() < 2)
    return fail(loc, "input must have rank 2 or more");
  if (failed(sameElementType(loc, a.getInput(), a.getDiagonal())))
    return failure();
  ArrayRef<int64_t> s = in.getShape();
  int64_t m = s[s.size() - 2], n = s.back();
  SmallVector<int64_t> expected(s.drop_back(2));
  expected.push_back(ShapedType::isDynamic(m) || ShapedType::isDynamic(n)
                         ? kDyn
                         : std::min(m, n));
  if (d.getRank() != static_cast<int64_t>(expected.size()) ||
      !llvm::all_of(llvm::zip(d.getShape(), expected), [](auto p) {
        return compatibleDims(std::get<0>(p), std::get<1>(p));
      }))
    return fail(loc, "diagonal ", shapeStr(d.getShape()), " must have shape ",
                shapeStr(expected));
  out.push_back(in);
  return success();
}

LogicalResult MatrixBandPartOp::inferReturnTypes(MLIRContext *,
                                                 std::optional<Location> loc,
                                                 Adaptor a,
                                                 SmallVectorImpl<Type> &out) {
  RankedTensorType in = ranked(a.getInput());
  if (in.getRank() < 2)
    return fail(loc, "input must have rank 2 or more");
  out.push_back(in);
  return success();
}

LogicalResult MatrixInverseOp::inferReturnTypes(MLIRContext *,
                                                std::optional<Location> loc,
                                                Adaptor a,
                                                SmallVectorImpl<Type> &out) {
  RankedTensorType in = ranked(a.getInput());
  ArrayRef<int64_t> s = in.getShape();
  if (s.size() < 2 || !compatibleDims(s[s.size() - 2], s.back()))
    return fail(loc, "input must be square matrices, got ", shapeStr(s));
  if (!isa<FloatType>(in.getElementType()))
    return fail(loc, "matrix_inverse needs floating-point input, got ", in);
  out.push_back(in);
  return success();
}

LogicalResult SvdOp::inferReturnTypes(MLIRContext *,
                                      std::optional<Location> loc, Adaptor a,
                                      SmallVectorImpl<Type> &out) {
  RankedTensorType in = ranked(a.getInput());
  ArrayRef<int64_t> s = in.getShape();
  if (s.size() < 2 || !isa<FloatType>(in.getElementType()))
    return fail(loc, "svd needs floating-point matrices, got ", in);
  if (a.getCalcUV() != 0)
    return fail(loc, "'calcUV' must be 0: this op yields the singular values "
                     "only");
  if (failed(checkFlag(loc, "fullUV", a.getFullUV())) ||
      failed(checkAtLeast(loc, "switchNum", a.getSwitchNum(), 1)))
    return failure();
  int64_t m = s[s.size() - 2], n = s.back();
  SmallVector<int64_t> shape(s.drop_back(2));
  shape.push_back(ShapedType::isDynamic(m) || ShapedType::isDynamic(n)
                      ? kDyn
                      : std::min(m, n));
  return infer(out, shape, in.getElementType());
}

LogicalResult
ExtractImagePatchesOp::inferReturnTypes(MLIRContext *,
                                        std::optional<Location> loc, Adaptor a,
                                        SmallVectorImpl<Type> &out) {
  RankedTensorType in = ranked(a.getInput());
  if (in.getRank() != 4)
    return fail(loc, "images must be NHWC, got ", in);
  if (failed(checkAtLeast(loc, "ksizeRows", a.getKsizeRows(), 1)) ||
      failed(checkAtLeast(loc, "ksizeCols", a.getKsizeCols(), 1)) ||
      failed(checkAtLeast(loc, "kstrideRows", a.getKstrideRows(), 1)) ||
      failed(checkAtLeast(loc, "kstrideCols", a.getKstrideCols(), 1)) ||
      failed(checkAtLeast(loc, "krateRows", a.getKrateRows(), 1)) ||
      failed(checkAtLeast(loc, "krateCols", a.getKrateCols(), 1)) ||
      failed(checkFlag(loc, "isSameMode", a.getIsSameMode())))
    return failure();
  bool same = a.getIsSameMode();
  FailureOr<int64_t> h =
      windowOutput(loc, "height", in.getDimSize(1), a.getKsizeRows(),
                   a.getKstrideRows(), 0, a.getKrateRows(), same);
  FailureOr<int64_t> w =
      succeeded(h)
          ? windowOutput(loc, "width", in.getDimSize(2), a.getKsizeCols(),
                         a.getKstrideCols(), 0, a.getKrateCols(), same)
          : h;
  if (failed(w))
    return failure();
  int64_t c = in.getDimSize(3);
  int64_t depth =
      ShapedType::isDynamic(c) ? kDyn : a.getKsizeRows() * a.getKsizeCols() * c;
  return infer(out, {in.getDimSize(0), *h, *w, depth}, in.getElementType());
}

LogicalResult SpaceToBatchNdOp::inferReturnTypes(MLIRContext *,
                                                 std::optional<Location> loc,
                                                 Adaptor a,
                                                 SmallVectorImpl<Type> &out) {
  RankedTensorType in = ranked(a.getInput());
  int64_t m;
  std::optional<SmallVector<int64_t>> blocks, pads;
  if (failed(blockArguments(loc, in, a.getBlockShape(), a.getPadding(),
                            "padding", m, blocks, pads)))
    return failure();
  SmallVector<int64_t> shape(in.getShape());
  for (int64_t i = 0; i <= m; ++i)
    shape[i] = kDyn;
  if (blocks && pads) {
    int64_t b = in.getDimSize(0);
    for (int64_t i = 0; i < m; ++i) {
      int64_t s = in.getDimSize(1 + i);
      if (ShapedType::isDynamic(s))
        continue;
      int64_t padded = s + (*pads)[2 * i] + (*pads)[2 * i + 1];
      if (padded % (*blocks)[i] != 0)
        return fail(loc, "padded dimension ", 1 + i, " (", padded,
                    ") is not a multiple of its block size ", (*blocks)[i]);
      shape[1 + i] = padded / (*blocks)[i];
    }
    if (!ShapedType::isDynamic(b)) {
      shape[0] = b;
      for (int64_t v : *blocks)
        shape[0] *= v;
    }
  }
  return infer(out, shape, in.getElementType());
}

LogicalResult BatchToSpaceNdOp::inferReturnTypes(MLIRContext *,
                                                 std::optional<Location> loc,
                                                 Adaptor a,
                                                 SmallVectorImpl<Type> &out) {
  RankedTensorType in = ranked(a.getInput());
  int64_t m;
  std::optional<SmallVector<int64_t>> blocks, crops;
  if (failed(blockArguments(loc, in, a.getBlockShape(), a.getCrop(), "crop", m,
                            blocks, crops)))
    return failure();
  SmallVector<int64_t> shape(in.getShape());
  for (int64_t i = 0; i <= m; ++i)
    shape[i] = kDyn;
  if (blocks && crops) {
    int64_t b = in.getDimSize(0), prod = 1;
    for (int64_t v : *blocks)
      prod *= v;
    if (!ShapedType::isDynamic(b)) {
      if (b % prod != 0)
        return fail(loc, "batch ", b, " is not a multiple of the block size ",
                    prod);
      shape[0] = b / prod;
    }
    for (int64_t i = 0; i < m; ++i) {
      int64_t s = in.getDimSize(1 + i);
      if (ShapedType::isDynamic(s))
        continue;
      int64_t cropped =
          s * (*blocks)[i] - (*crops)[2 * i] - (*crops)[2 * i + 1];
      if (cropped < 0)
        return fail(loc, "crop exceeds dimension ", 1 + i);
      shape[1 + i] = cropped;
    }
  }
  return infer(out, shape, in.getElementType());
}

LogicalResult RollOp::inferReturnTypes(MLIRContext *,
                                       std::optional<Location> loc, Adaptor a,
                                       SmallVectorImpl<Type> &out) {
  RankedTensorType in = ranked(a.getInput()), s = ranked(a.getShiftsI()),
                   d = ranked(a.getDimensions());
  if (failed(checkIntegerTensor(loc, "shiftsI", a.getShiftsI())) ||
      failed(checkIntegerTensor(loc, "dimensions", a.getDimensions())))
    return failure();
  if (s.getRank() > 1 || d.getRank() > 1 ||
      s.getNumElements() != d.getNumElements())
    return fail(loc, "shiftsI and dimensions must be 1-D of one length, got ",
                s, " and ", d);
  if (auto dims = constantInts(a.getDimensions()))
    for (int64_t v : *dims)
      if (failed(normalizeAxis(loc, "dimensions", v, in.getRank())))
        return failure();
  out.push_back(in);
  return success();
}

/// Segment ops: `idxSegments` is 1-D with one id per slice along `input`'s
/// first dimension; the result has `rows` rows.
static LogicalResult inferSegments(std::optional<Location> loc, Value input,
                                   Value ids, int64_t rows,
                                   SmallVectorImpl<Type> &out) {
  RankedTensorType in = ranked(input), idx = ranked(ids);
  if (failed(checkIntegerTensor(loc, "idxSegments", ids)))
    return failure();
  if (in.getRank() < 1 || idx.getRank() != 1 ||
      !compatibleDims(idx.getDimSize(0), in.getDimSize(0)))
    return fail(loc, "idxSegments ", shapeStr(idx.getShape()),
                " must hold one id per slice of ", shapeStr(in.getShape()));
  SmallVector<int64_t> shape(in.getShape());
  shape[0] = rows;
  return infer(out, shape, in.getElementType());
}

/// Sorted segments: the last id plus one rows, when the ids are constant.
static LogicalResult inferSortedSegments(std::optional<Location> loc,
                                         Value input, Value ids,
                                         SmallVectorImpl<Type> &out) {
  int64_t rows = kDyn;
  if (auto v = constantInts(ids)) {
    if (!llvm::is_sorted(*v) || (!v->empty() && v->front() < 0))
      return fail(loc, "segment ids must be non-negative and sorted");
    rows = v->empty() ? 0 : v->back() + 1;
  }
  return inferSegments(loc, input, ids, rows, out);
}

#define ND4J_SORTED_SEGMENT_INFER(OP)                                          \
  LogicalResult OP::inferReturnTypes(MLIRContext *,                            \
                                     std::optional<Location> loc, Adaptor a,   \
                                     SmallVectorImpl<Type> &out) {             \
    return inferSortedSegments(loc, a.getInput(), a.getIdxSegments(), out);    \
  }
ND4J_SORTED_SEGMENT_INFER(SegmentSumOp)
ND4J_SORTED_SEGMENT_INFER(SegmentProdOp)
ND4J_SORTED_SEGMENT_INFER(SegmentMinOp)
ND4J_SORTED_SEGMENT_INFER(SegmentMaxOp)
ND4J_SORTED_SEGMENT_INFER(SegmentMeanOp)
#undef ND4J_SORTED_SEGMENT_INFER

static LogicalResult inferUnsortedSegments(std::optional<Location> loc,
                                           Value input, Value ids,
                                           int64_t count,
                                           SmallVectorImpl<Type> &out) {
  if (count < 0)
    return fail(loc, "the number of segments must not be negative, got ",
                count);
  return inferSegments(loc, input, ids, count, out);
}

LogicalResult
UnsortedSegmentSumOp::inferReturnTypes(MLIRContext *,
                                       std::optional<Location> loc, Adaptor a,
                                       SmallVectorImpl<Type> &out) {
  return inferUnsortedSegments(loc, a.getInput(), a.getIdxSegments(),
                               a.getNumSegments(), out);
}

LogicalResult
UnsortedSegmentProdOp::inferReturnTypes(MLIRContext *,
                                        std::optional<Location> loc, Adaptor a,
                                        SmallVectorImpl<Type> &out) {
  return inferUnsortedSegments(loc, a.getInput(), a.getIdxSegments(),
                               a.getNumSegments(), out);
}

LogicalResult
UnsortedSegmentMinOp::inferReturnTypes(MLIRContext *,
                                       std::optional<Location> loc, Adaptor a,
                                       SmallVectorImpl<Type> &out) {
  return inferUnsortedSegments(loc, a.getInput(), a.getIdxSegments(),
                               a.getNumSegments(), out);
}

LogicalResult
UnsortedSegmentMaxOp::inferReturnTypes(MLIRContext *,
                                       std::optional<Location> loc, Adaptor a,
                                       SmallVectorImpl<Type> &out) {
  return inferUnsortedSegments(loc, a.getInput(), a.getIdxSegments(),
                               a.getNumOfClasses(), out);
}

static LogicalResult inferColorSpace(std::optional<Location> loc, Value input,
                                     int64_t dimC, SmallVectorImpl<Type> &out) {
  RankedTensorType in = ranked(input);
  if (!isa<FloatType>(in.getElementType()))
    return fail(loc, "images must be floating-point, got ", in);
  FailureOr<int64_t> c = normalizeAxis(loc, "dimC", dimC, in.getRank());
  if (failed(c))
    return failure();
  if (!compatibleDims(in.getDimSize(*c), 3))
    return fail(loc, "dimension ", *c, " of ", shapeStr(in.getShape()),
                " must hold 3 channels");
  out.push_back(in);
  return success();
}

LogicalResult RgbToHsvOp::inferReturnTypes(MLIRContext *,
                                           std::optional<Location> loc,
                                           Adaptor a,
                                           SmallVectorImpl<Type> &out) {
  return inferColorSpace(loc, a.getInput(), a.getDimC(), out);
}

LogicalResult HsvToRgbOp::inferReturnTypes(MLIRContext *,
                                           std::optional<Location> loc,
                                           Adaptor a,
                                           SmallVectorImpl<Type> &out) {
  return inferColorSpace(loc, a.getInput(), a.getDimC(), out);
}

LogicalResult AdjustHueOp::inferReturnTypes(MLIRContext *,
                                            std::optional<Location> loc,
                                            Adaptor a,
                                            SmallVectorImpl<Type> &out) {
  RankedTensorType delta = ranked(a.getDelta());
  if (!delta.hasStaticShape() || delta.getNumElements() != 1)
    return fail(loc, "delta must be one value, got ", a.getDelta().getType());
  return inferColorSpace(loc, a.getInput(), a.getDimC(), out);
}
