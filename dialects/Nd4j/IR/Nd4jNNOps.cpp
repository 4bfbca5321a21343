//===- Nd4jNNOps.cpp - result types of the nd4j nn ops ------------===//
//
// Inference (and with it, checking) of the ops declared in Nd4jNNOps.td.
//
//===----------------------------------------------------------------------===//

#include "dialects/Nd4j/IR/Nd4jShapeInference.h"

using namespace mlir;
using namespace mlir::nd4j;
using namespace mlir::nd4j::infer_detail;

LogicalResult Deconv2DOp::inferReturnTypes(MLIRContext *,
                                           std::optional<Location> loc,
                                           Adaptor a,
                                           SmallVectorImpl<Type> &out) {
  RankedTensorType in = ranked(a.getInput()), w = ranked(a.getWeights());
  if (failed(sameElementType(loc, a.getInput(), a.getWeights())))
    return failure();
  if (in.getRank() != 4)
    return fail(loc, "input must be rank 4, got ", shapeStr(in.getShape()));
  if (w.getRank() != 4)
    return fail(loc, "weights must be rank 4, got ", shapeStr(w.getShape()));
  if (failed(checkAtLeast(loc, "sH", a.getSH(), 1)) ||
      failed(checkAtLeast(loc, "sW", a.getSW(), 1)) ||
      failed(checkAtLeast(loc, "pH", a.getPH(), 0)) ||
      failed(checkAtLeast(loc, "pW", a.getPW(), 0)) ||
      failed(checkAtLeast(loc, "dH", a.getDH(), 1)) ||
      failed(checkAtLeast(loc, "dW", a.getDW(), 1)) ||
      failed(checkFlag(loc, "isSameMode", a.getIsSameMode())) ||
      failed(checkFlag(loc, "isNCHW", a.getIsNCHW())))
    return failure();
  ArrayRef<int64_t> ws = w.getShape(), is = in.getShape();
  // libnd4j's flag is 0 for channels first.
  bool channelsFirst = a.getIsNCHW() == 0;
  int64_t kH = a.getKH() > 0 ? a.getKH() : ws[0];
  int64_t kW = a.getKW() > 0 ? a.getKW() : ws[1];
  if (!compatibleDims(ws[0], kH) || !compatibleDims(ws[1], kW))
    return fail(loc, "weights ", shapeStr(ws),
                " ([kH, kW, oC, iC]) do not hold a ", kH, "x", kW, " kernel");
  int64_t iC = channelsFirst ? is[1] : is[3], oC = ws[2];
  if (!compatibleDims(ws[3], iC))
    return fail(loc, "weights ", shapeStr(ws), " ([kH, kW, oC, iC]) expect ",
                ws[3], " input channels, input ", shapeStr(is), " has ", iC);
  if (Value bias = a.getBias()) {
    RankedTensorType b = ranked(bias);
    if (b.getRank() != 1 || !compatibleDims(b.getDimSize(0), oC))
      return fail(loc, "bias must be [", oC, "], got ", shapeStr(b.getShape()));
    if (failed(sameElementType(loc, a.getInput(), bias)))
      return failure();
  }
  auto extent = [&](StringRef dim, int64_t i, int64_t k, int64_t s, int64_t p,
                    int64_t d) -> FailureOr<int64_t> {
    if (ShapedType::isDynamic(i) || ShapedType::isDynamic(k))
      return kDyn;
    if (a.getIsSameMode())
      return s * i;
    int64_t o = s * (i - 1) + d * (k - 1) + 1 - 2 * p;
    if (o < 1)
      return fail(loc, "padding ", p, " crops the whole output ", dim);
    return o;
  };
  FailureOr<int64_t> oH = extent("height", channelsFirst ? is[2] : is[1], kH,
                                 a.getSH(), a.getPH(), a.getDH());
  if (failed(oH))
    return failure();
  FailureOr<int64_t> oW = extent("width", channelsFirst ? is[3] : is[2], kW,
                                 a.getSW(), a.getPW(), a.getDW());
  if (failed(oW))
    return failure();
  SmallVector<int64_t> shape = channelsFirst
                                   ? SmallVector<int64_t>{is[0], oC, *oH, *oW}
                                   : SmallVector<int64_t>{is[0], *oH, *oW, oC};
  return infer(out, shape, in.getElementType());
}

LogicalResult LrnOp::inferReturnTypes(MLIRContext *,
                                      std::optional<Location> loc, Adaptor a,
                                      SmallVectorImpl<Type> &out) {
  RankedTensorType in = ranked(a.getInput());
  if (in.getRank() != 4)
    return fail(loc, "input must be rank 4, got ", shapeStr(in.getShape()));
  if (!isa<FloatType>(in.getElementType()))
    return fail(loc, "input must be floating-point, got ", in.getElementType());
  if (failed(checkAtLeast(loc, "depth", a.getDepth(), 0)))
    return failure();
  return infer(out, in.getShape(), in.getElementType());
}
