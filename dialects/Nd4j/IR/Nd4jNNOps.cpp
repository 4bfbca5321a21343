//===- Nd4jNNOps.cpp - result types of the nd4j nn ops ------------===//
//
// Inference (and with it, checking) of the ops declared in Nd4jNNOps.td.
//
//===----------------------------------------------------------------------===//

#include "dialects/Nd4j/IR/Nd4jShapeInference.h"
#include "mlir/IR/Matchers.h"

using namespace mlir;
using namespace mlir::nd4j;
using namespace mlir::nd4j::infer_detail;

namespace {
/// deconv2d and deconv3d: `n` spatial dimensions, weights [k..., oC, iC].
LogicalResult inferDeconv(std::optional<Location> loc, Value input,
                          Value weights, Value bias, ArrayRef<int64_t> kernel,
                          ArrayRef<int64_t> strides, ArrayRef<int64_t> pads,
                          ArrayRef<int64_t> dilations, int64_t isSameMode,
                          StringRef layoutName, int64_t channelsLast,
                          SmallVectorImpl<Type> &out) {
  static const char *dimNames[] = {"depth", "height", "width"};
  static const char *kNames[] = {"kD", "kH", "kW"};
  unsigned n = kernel.size();
  ArrayRef<const char *> names = ArrayRef(dimNames).take_back(n);
  RankedTensorType in = ranked(input), w = ranked(weights);
  if (failed(sameElementType(loc, input, weights)))
    return failure();
  if (in.getRank() != n + 2)
    return fail(loc, "input must be rank ", n + 2, ", got ",
                shapeStr(in.getShape()));
  if (w.getRank() != n + 2)
    return fail(loc, "weights must be rank ", n + 2, ", got ",
                shapeStr(w.getShape()));
  std::string sName = "s?", pName = "p?", dName = "d?";
  for (unsigned i = 0; i < n; ++i) {
    char c = kNames[3 - n + i][1];
    sName[1] = pName[1] = dName[1] = c;
    if (failed(checkAtLeast(loc, sName, strides[i], 1)) ||
        failed(checkAtLeast(loc, pName, pads[i], 0)) ||
        failed(checkAtLeast(loc, dName, dilations[i], 1)))
      return failure();
  }
  if (failed(checkFlag(loc, "isSameMode", isSameMode)) ||
      failed(checkFlag(loc, layoutName, channelsLast)))
    return failure();
  ArrayRef<int64_t> ws = w.getShape(), is = in.getShape();
  // libnd4j's layout flag is 0 for channels first.
  bool channelsFirst = channelsLast == 0;
  SmallVector<int64_t> k;
  bool kernelOk = true;
  for (unsigned i = 0; i < n; ++i) {
    k.push_back(kernel[i] > 0 ? kernel[i] : ws[i]);
    kernelOk &= compatibleDims(ws[i], k.back());
  }
  std::string wName = n == 2 ? "[kH, kW, oC, iC]" : "[kD, kH, kW, oC, iC]";
  if (!kernelOk) {
    std::string ks;
    llvm::raw_string_ostream os(ks);
    llvm::interleave(k, os, "x");
    return fail(loc, "weights ", shapeStr(ws), " (", wName, ") do not hold a ",
                ks, " kernel");
  }
  int64_t iC = channelsFirst ? is[1] : is[n + 1], oC = ws[n];
  if (!compatibleDims(ws[n + 1], iC))
    return fail(loc, "weights ", shapeStr(ws), " (", wName, ") expect ",
                ws[n + 1], " input channels, input ", shapeStr(is), " has ",
                iC);
  if (bias) {
    RankedTensorType b = ranked(bias);
    if (b.getRank() != 1 || !compatibleDims(b.getDimSize(0), oC))
      return fail(loc, "bias must be [", oC, "], got ", shapeStr(b.getShape()));
    if (failed(sameElementType(loc, input, bias)))
      return failure();
  }
  SmallVector<int64_t> shape = {is[0]};
  if (channelsFirst)
    shape.push_back(oC);
  for (unsigned i = 0; i < n; ++i) {
    int64_t e = channelsFirst ? is[2 + i] : is[1 + i];
    if (ShapedType::isDynamic(e) || ShapedType::isDynamic(k[i])) {
      shape.push_back(kDyn);
      continue;
    }
    if (isSameMode) {
      shape.push_back(strides[i] * e);
      continue;
    }
    int64_t o =
        strides[i] * (e - 1) + dilations[i] * (k[i] - 1) + 1 - 2 * pads[i];
    if (o < 1)
      return fail(loc, "padding ", pads[i], " crops the whole output ",
                  names[i]);
    shape.push_back(o);
  }
  if (!channelsFirst)
    shape.push_back(oC);
  return infer(out, shape, in.getElementType());
}
} // namespace

LogicalResult Deconv2DOp::inferReturnTypes(MLIRContext *,
                                           std::optional<Location> loc,
                                           Adaptor a,
                                           SmallVectorImpl<Type> &out) {
  return inferDeconv(loc, a.getInput(), a.getWeights(), a.getBias(),
                     {a.getKH(), a.getKW()}, {a.getSH(), a.getSW()},
                     {a.getPH(), a.getPW()}, {a.getDH(), a.getDW()},
                     a.getIsSameMode(), "isNCHW", a.getIsNCHW(), out);
}

LogicalResult Deconv3DOp::inferReturnTypes(MLIRContext *,
                                           std::optional<Location> loc,
                                           Adaptor a,
                                           SmallVectorImpl<Type> &out) {
  return inferDeconv(
      loc, a.getInput(), a.getWeights(), a.getBias(),
      {a.getKD(), a.getKH(), a.getKW()}, {a.getSD(), a.getSH(), a.getSW()},
      {a.getPD(), a.getPH(), a.getPW()}, {a.getDD(), a.getDH(), a.getDW()},
      a.getIsSameMode(), "isNCDHW", a.getIsNCDHW(), out);
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

LogicalResult ImageResizeOp::inferReturnTypes(MLIRContext *ctx,
                                              std::optional<Location> loc,
                                              Adaptor a,
                                              SmallVectorImpl<Type> &out) {
  RankedTensorType in = ranked(a.getImage()),
                   size = ranked(a.getNewImageSize());
  if (in.getRank() != 4)
    return fail(loc, "image must be rank 4 ([N, H, W, C]), got ",
                shapeStr(in.getShape()));
  if (!isa<IntegerType>(size.getElementType()) || size.getRank() != 1 ||
      !compatibleDims(size.getDimSize(0), 2))
    return fail(loc, "newImageSize must be 2 integers, got ", size);
  if (a.getMethod() < 0 || a.getMethod() > 7)
    return fail(loc, "'method' must be 0 to 7, got ", a.getMethod());
  if (a.getCoorMode() < 0 || a.getCoorMode() > 2)
    return fail(loc, "'coorMode' must be 0, 1 or 2, got ", a.getCoorMode());
  if (a.getNearestMode() < 0 || a.getNearestMode() > 3)
    return fail(loc, "'nearestMode' must be 0 to 3, got ", a.getNearestMode());
  SmallVector<int64_t> shape = {in.getDimSize(0), kDyn, kDyn, in.getDimSize(3)};
  DenseIntElementsAttr values;
  if (matchPattern(a.getNewImageSize(), m_Constant(&values)) &&
      values.getNumElements() == 2) {
    auto v = values.getValues<APInt>();
    shape[1] = v[0].getSExtValue(), shape[2] = v[1].getSExtValue();
    if (shape[1] < 1 || shape[2] < 1)
      return fail(loc, "newImageSize must be positive, got [", shape[1], ", ",
                  shape[2], "]");
  }
  Type element =
      a.getMethod() == 1 ? in.getElementType() : Float32Type::get(ctx);
  return infer(out, shape, element);
}
