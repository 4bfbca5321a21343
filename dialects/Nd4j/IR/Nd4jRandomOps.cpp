//===- Nd4jRandomOps.cpp - result types of the nd4j random ops -----------===//
//
// Inference (and with it, checking) of the ops declared in Nd4jRandomOps.td:
// random draws whose shape is a 1-D integer operand, fake quantization and
// non-maximum suppression.
//
//===----------------------------------------------------------------------===//

#include "dialects/Nd4j/IR/Nd4jShapeInference.h"
#include "mlir/IR/Matchers.h"

using namespace mlir;
using namespace mlir::nd4j;
using namespace mlir::nd4j::infer_detail;

namespace {

/// The dimensions a 1-D integer `shape` operand names: its values where it
/// is a constant, else one unknown extent per element.
LogicalResult drawShape(std::optional<Location> loc, Value shape,
                        SmallVectorImpl<int64_t> &out) {
  RankedTensorType t = ranked(shape);
  if (!isa<IntegerType>(t.getElementType()) || t.getRank() != 1 ||
      t.isDynamicDim(0))
    return fail(loc, "shape must be a 1-D integer tensor of static size, got ",
                t);
  out.assign(t.getDimSize(0), kDyn);
  DenseIntElementsAttr values;
  if (matchPattern(shape, m_Constant(&values))) {
    out.clear();
    for (const APInt &v : values.getValues<APInt>())
      out.push_back(v.getSExtValue());
    if (llvm::any_of(out, [](int64_t d) { return d < 0; }))
      return fail(loc, "shape ", shapeStr(out), " has a negative extent");
  }
  return success();
}

LogicalResult checkFloat(std::optional<Location> loc, StringRef name, Type t) {
  if (!isa<FloatType>(t))
    return fail(loc, name, " must be floating-point, got ", t);
  return success();
}

/// A scalar or one-element 1-D tensor, as libnd4j reads with e<T>(0).
bool isScalar(RankedTensorType t) {
  return t.getRank() == 0 || (t.getRank() == 1 && t.getDimSize(0) == 1);
}

LogicalResult checkScalar(std::optional<Location> loc, StringRef name,
                          Value v) {
  if (!isScalar(ranked(v)))
    return fail(loc, name, " must be a scalar, got ", v.getType());
  return success();
}

LogicalResult checkNumBits(std::optional<Location> loc, int64_t bits) {
  if (bits < 2 || bits > 16)
    return fail(loc, "number of bits must be 2 to 16, got ", bits);
  return success();
}

} // namespace

LogicalResult RandomNormalOp::inferReturnTypes(MLIRContext *,
                                               std::optional<Location> loc,
                                               Adaptor a,
                                               SmallVectorImpl<Type> &out) {
  SmallVector<int64_t> shape;
  if (failed(checkFloat(loc, "dtype", a.getDtype())) ||
      failed(drawShape(loc, a.getInput(), shape)))
    return failure();
  if (!(a.getStdev().convertToDouble() >= 0))
    return fail(loc, "stdev must not be negative, got ",
                a.getStdev().convertToDouble());
  return infer(out, shape, a.getDtype());
}

LogicalResult RandomGammaOp::inferReturnTypes(MLIRContext *,
                                              std::optional<Location> loc,
                                              Adaptor a,
                                              SmallVectorImpl<Type> &out) {
  RankedTensorType alpha = ranked(a.getAlpha());
  SmallVector<int64_t> shape;
  if (failed(checkFloat(loc, "alpha", alpha.getElementType())) ||
      failed(drawShape(loc, a.getShape(), shape)))
    return failure();
  llvm::append_range(shape, alpha.getShape());
  return infer(out, shape, alpha.getElementType());
}

LogicalResult RandomPoissonOp::inferReturnTypes(MLIRContext *,
                                                std::optional<Location> loc,
                                                Adaptor a,
                                                SmallVectorImpl<Type> &out) {
  RankedTensorType lambda = ranked(a.getLambda());
  SmallVector<int64_t> shape;
  if (failed(checkFloat(loc, "dtype", a.getDtype())) ||
      failed(checkFloat(loc, "lambda", lambda.getElementType())) ||
      failed(drawShape(loc, a.getShape(), shape)))
    return failure();
  llvm::append_range(shape, lambda.getShape());
  return infer(out, shape, a.getDtype());
}

LogicalResult RandomShuffleOp::inferReturnTypes(MLIRContext *,
                                                std::optional<Location> loc,
                                                Adaptor a,
                                                SmallVectorImpl<Type> &out) {
  RankedTensorType in = ranked(a.getInput());
  if (in.getRank() < 1)
    return fail(loc, "random_shuffle needs an input of rank 1 or more");
  out.push_back(in);
  return success();
}

LogicalResult
RandomMultinomialOp::inferReturnTypes(MLIRContext *,
                                      std::optional<Location> loc, Adaptor a,
                                      SmallVectorImpl<Type> &out) {
  RankedTensorType in = ranked(a.getInput());
  RankedTensorType samples = ranked(a.getInputSamples());
  auto dtype = dyn_cast<IntegerType>(a.getDtype());
  if (!dtype || dtype.getWidth() < 32 || dtype.isUnsigned())
    return fail(loc, "dtype must be i32 or i64, got ", a.getDtype());
  if (in.getRank() != 2)
    return fail(loc, "random_multinomial needs [batch, classes] logits, got ",
                in);
  if (failed(checkFloat(loc, "input", in.getElementType())))
    return failure();
  FailureOr<int64_t> dimC = normalizeAxis(loc, "dimC", a.getDimC(), 2);
  if (failed(dimC))
    return failure();
  if (!isa<IntegerType>(samples.getElementType()) || !isScalar(samples))
    return fail(loc, "inputSamples must be an integer scalar, got ", samples);
  int64_t n = kDyn;
  DenseIntElementsAttr value;
  if (matchPattern(a.getInputSamples(), m_Constant(&value))) {
    n = (*value.getValues<APInt>().begin()).getSExtValue();
    if (n < 0)
      return fail(loc, "number of samples ", n, " is negative");
  }
  // dimC is the batch dimension; the samples replace the classes.
  SmallVector<int64_t> shape(in.getShape());
  shape[*dimC == 0 ? 1 : 0] = n;
  return infer(out, shape, dtype);
}

LogicalResult FakeQuantWithMinMaxArgsOp::inferReturnTypes(
    MLIRContext *, std::optional<Location> loc, Adaptor a,
    SmallVectorImpl<Type> &out) {
  RankedTensorType in = ranked(a.getInput());
  if (failed(checkFloat(loc, "input", in.getElementType())) ||
      failed(checkNumBits(loc, a.getNumBits())))
    return failure();
  if (!(a.getMin().convertToDouble() < a.getMax().convertToDouble()))
    return fail(loc, "min ", a.getMin().convertToDouble(),
                " must be below max ", a.getMax().convertToDouble());
  out.push_back(in);
  return success();
}

LogicalResult FakeQuantWithMinMaxVarsOp::inferReturnTypes(
    MLIRContext *, std::optional<Location> loc, Adaptor a,
    SmallVectorImpl<Type> &out) {
  RankedTensorType in = ranked(a.getInput());
  if (failed(checkFloat(loc, "input", in.getElementType())) ||
      failed(checkNumBits(loc, a.getNumBits())) ||
      failed(sameElementType(loc, a.getInput(), a.getMin())) ||
      failed(sameElementType(loc, a.getInput(), a.getMax())) ||
      failed(checkScalar(loc, "min", a.getMin())) ||
      failed(checkScalar(loc, "max", a.getMax())))
    return failure();
  out.push_back(in);
  return success();
}

LogicalResult FakeQuantWithMinMaxVarsPerChannelOp::inferReturnTypes(
    MLIRContext *, std::optional<Location> loc, Adaptor a,
    SmallVectorImpl<Type> &out) {
  RankedTensorType in = ranked(a.getInput());
  if (failed(checkFloat(loc, "input", in.getElementType())) ||
      failed(checkNumBits(loc, a.getNumBits())) ||
      failed(sameElementType(loc, a.getInput(), a.getMin())) ||
      failed(sameElementType(loc, a.getInput(), a.getMax())))
    return failure();
  if (in.getRank() < 1)
    return fail(loc, "per-channel fake quantization needs rank 1 or more");
  int64_t channels = in.getShape().back();
  for (Value v : {a.getMin(), a.getMax()}) {
    RankedTensorType t = ranked(v);
    if (t.getRank() != 1 || !compatibleDims(t.getDimSize(0), channels))
      return fail(loc, "min and max must be [", channels,
                  "], one range per channel, got ", t);
  }
  out.push_back(in);
  return success();
}

LogicalResult
NonMaxSuppressionV3Op::inferReturnTypes(MLIRContext *ctx,
                                        std::optional<Location> loc, Adaptor a,
                                        SmallVectorImpl<Type> &out) {
  RankedTensorType boxes = ranked(a.getBoxes()), scales = ranked(a.getScales());
  if (failed(checkFloat(loc, "boxes", boxes.getElementType())) ||
      failed(sameElementType(loc, a.getBoxes(), a.getScales())))
    return failure();
  if (boxes.getRank() != 2 || !compatibleDims(boxes.getDimSize(1), 4))
    return fail(loc, "boxes must be [n, 4], got ", boxes);
  if (scales.getRank() != 1 ||
      !compatibleDims(scales.getDimSize(0), boxes.getDimSize(0)))
    return fail(loc, "scales must be [", boxes.getDimSize(0),
                "], one score per box, got ", scales);
  RankedTensorType maxOut = ranked(a.getMaxOutSize());
  if (!isa<IntegerType>(maxOut.getElementType()) || !isScalar(maxOut))
    return fail(loc, "maxOutSize must be an integer scalar, got ",
                a.getMaxOutSize().getType());
  if (failed(checkScalar(loc, "iouThreshold", a.getIouThreshold())) ||
      failed(checkScalar(loc, "scoreThreshold", a.getScoreThreshold())))
    return failure();
  return infer(out, {kDyn}, IntegerType::get(ctx, 32));
}
