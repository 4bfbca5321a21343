//===- Nd4jShapeInference.cpp - result types of the typed nd4j ops
//----------===//
//
// Infers each typed op's result type from its operands and attributes and, in
// doing so, checks them: every inconsistency a libnd4j kernel would reject is
// reported here, with the offending attribute or operand. Shapes are static
// where the operands' are; `?` where a dimension cannot be known.
//
//===----------------------------------------------------------------------===//

#include "dialects/Nd4j/IR/Nd4jShapeInference.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Matchers.h"

using namespace mlir;
using namespace mlir::nd4j;
using namespace mlir::nd4j::infer_detail;

namespace {
/// Shared by conv2d and the 2-D pools: checks the window attributes and
/// computes the spatial output extents.
struct Window2D {
  int64_t kH, kW, sH, sW, pH, pW, dH, dW, isSameMode, isNCHW;
};

LogicalResult inferWindow2D(std::optional<Location> loc, const Window2D &w,
                            RankedTensorType input, int64_t outChannels,
                            SmallVectorImpl<int64_t> &shape) {
  assert(input.getRank() == 4 && "callers check the rank");
  if (failed(checkAtLeast(loc, "kH", w.kH, 1)) ||
      failed(checkAtLeast(loc, "kW", w.kW, 1)) ||
      failed(checkAtLeast(loc, "sH", w.sH, 1)) ||
      failed(checkAtLeast(loc, "sW", w.sW, 1)) ||
      failed(checkAtLeast(loc, "pH", w.pH, 0)) ||
      failed(checkAtLeast(loc, "pW", w.pW, 0)) ||
      failed(checkAtLeast(loc, "dH", w.dH, 1)) ||
      failed(checkAtLeast(loc, "dW", w.dW, 1)) ||
      failed(checkFlag(loc, "isSameMode", w.isSameMode)) ||
      failed(checkFlag(loc, "isNCHW", w.isNCHW)))
    return failure();
  ArrayRef<int64_t> in = input.getShape();
  // libnd4j reads the isNCHW slot as "is NHWC": 0 is [N, C, H, W].
  bool nchw = w.isNCHW == 0;
  int64_t h = nchw ? in[2] : in[1], wd = nchw ? in[3] : in[2];
  FailureOr<int64_t> oH =
      windowOutput(loc, "height", h, w.kH, w.sH, w.pH, w.dH, w.isSameMode);
  if (failed(oH))
    return failure();
  FailureOr<int64_t> oW =
      windowOutput(loc, "width", wd, w.kW, w.sW, w.pW, w.dW, w.isSameMode);
  if (failed(oW))
    return failure();
  if (nchw)
    shape.assign({in[0], outChannels, *oH, *oW});
  else
    shape.assign({in[0], *oH, *oW, outChannels});
  return success();
}

template <typename Adaptor>
LogicalResult inferSameAsInput(Adaptor a, SmallVectorImpl<Type> &out) {
  RankedTensorType t = ranked(a.getInput());
  return infer(out, t.getShape(), t.getElementType());
}

template <typename Adaptor>
LogicalResult inferPool2D(std::optional<Location> loc, Adaptor a,
                          SmallVectorImpl<Type> &out) {
  Window2D w{a.getKH(), a.getKW(), a.getSH(), a.getSW(),         a.getPH(),
             a.getPW(), a.getDH(), a.getDW(), a.getIsSameMode(), a.getIsNCHW()};
  RankedTensorType in = ranked(a.getInput());
  if (in.getRank() != 4)
    return fail(loc, "input must be rank 4, got ", shapeStr(in.getShape()));
  int64_t channels = a.getIsNCHW() == 0 ? in.getDimSize(1) : in.getDimSize(3);
  SmallVector<int64_t> shape;
  if (failed(inferWindow2D(loc, w, in, channels, shape)))
    return failure();
  return infer(out, shape, in.getElementType());
}
} // namespace

LogicalResult mlir::nd4j::inferUnaryResult(Value input, Type element,
                                           SmallVectorImpl<Type> &out) {
  RankedTensorType t = ranked(input);
  return infer(out, t.getShape(), element ? element : t.getElementType());
}

LogicalResult mlir::nd4j::inferUnaryWithAxis(std::optional<Location> loc,
                                             Value input, int64_t axis,
                                             SmallVectorImpl<Type> &out) {
  if (failed(normalizeAxis(loc, "dimension", axis, ranked(input).getRank())))
    return failure();
  return inferUnaryResult(input, nullptr, out);
}

LogicalResult mlir::nd4j::inferBroadcastResult(std::optional<Location> loc,
                                               Value a, Value b, Type element,
                                               SmallVectorImpl<Type> &out) {
  if (failed(sameElementType(loc, a, b)))
    return failure();
  SmallVector<int64_t> shape;
  if (failed(broadcast(loc, ranked(a).getShape(), ranked(b).getShape(), shape)))
    return failure();
  return infer(out, shape, element ? element : ranked(a).getElementType());
}

LogicalResult mlir::nd4j::inferReduceResult(std::optional<Location> loc,
                                            Value input, ArrayRef<int64_t> dims,
                                            bool keepDims, Type element,
                                            SmallVectorImpl<Type> &out) {
  RankedTensorType t = ranked(input);
  int64_t rank = t.getRank();
  SmallVector<bool> reduced(rank, dims.empty());
  for (int64_t d : dims) {
    FailureOr<int64_t> axis = normalizeAxis(loc, "dimensions", d, rank);
    if (failed(axis))
      return failure();
    if (reduced[*axis] && !dims.empty())
      return fail(loc, "'dimensions' ", shapeStr(dims), " names dimension ",
                  *axis, " twice");
    reduced[*axis] = true;
  }
  SmallVector<int64_t> shape;
  for (int64_t i = 0; i < rank; ++i) {
    if (!reduced[i])
      shape.push_back(t.getDimSize(i));
    else if (keepDims)
      shape.push_back(1);
  }
  return infer(out, shape, element ? element : t.getElementType());
}

bool mlir::nd4j::areCompatibleResultTypes(TypeRange inferred,
                                          TypeRange declared) {
  if (inferred.size() != declared.size())
    return false;
  for (auto [i, d] : llvm::zip(inferred, declared)) {
    auto it = dyn_cast<RankedTensorType>(i);
    auto dt = dyn_cast<RankedTensorType>(d);
    if (!it || !dt || it.getElementType() != dt.getElementType() ||
        it.getRank() != dt.getRank())
      return false;
    for (auto [a, b] : llvm::zip(it.getShape(), dt.getShape()))
      if (!compatibleDims(a, b))
        return false;
  }
  return true;
}

//===----------------------------------------------------------------------===//
// Element-wise
//===----------------------------------------------------------------------===//

LogicalResult ShapeOfOp::inferReturnTypes(MLIRContext *,
                                          std::optional<Location> loc,
                                          Adaptor a,
                                          SmallVectorImpl<Type> &out) {
  Type to = a.getDtype();
  if (!isa<IntegerType>(to))
    return fail(loc, "'dtype' ", to, " is not an integer type");
  return infer(out, {ranked(a.getInput()).getRank()}, to);
}

LogicalResult CastOp::inferReturnTypes(MLIRContext *,
                                       std::optional<Location> loc, Adaptor a,
                                       SmallVectorImpl<Type> &out) {
  Type to = a.getDtype();
  if (!isa<FloatType, IntegerType>(to))
    return fail(loc, "'dtype' ", to, " is not a tensor element type");
  return infer(out, ranked(a.getInput()).getShape(), to);
}

LogicalResult ClipByValueOp::inferReturnTypes(MLIRContext *,
                                              std::optional<Location> loc,
                                              Adaptor a,
                                              SmallVectorImpl<Type> &out) {
  if (a.getLeft().convertToDouble() > a.getRight().convertToDouble())
    return fail(loc, "'left' ", a.getLeft().convertToDouble(),
                " is greater than 'right' ", a.getRight().convertToDouble());
  return inferSameAsInput(a, out);
}

//===----------------------------------------------------------------------===//
// Linear algebra and convolution
//===----------------------------------------------------------------------===//

LogicalResult MatmulOp::inferReturnTypes(MLIRContext *,
                                         std::optional<Location> loc, Adaptor a,
                                         SmallVectorImpl<Type> &out) {
  if (failed(checkFlag(loc, "transX", a.getTransX())) ||
      failed(checkFlag(loc, "transY", a.getTransY())) ||
      failed(checkFlag(loc, "transZ", a.getTransZ())) ||
      failed(sameElementType(loc, a.getInput(), a.getY())))
    return failure();
  ArrayRef<int64_t> x = ranked(a.getInput()).getShape();
  ArrayRef<int64_t> y = ranked(a.getY()).getShape();
  if (x.size() < 2 || y.size() < 2)
    return fail(loc, "operands must have rank 2 or more, got ", shapeStr(x),
                " and ", shapeStr(y));
  int64_t m = x[x.size() - 2], kx = x.back();
  if (a.getTransX())
    std::swap(m, kx);
  int64_t ky = y[y.size() - 2], n = y.back();
  if (a.getTransY())
    std::swap(ky, n);
  if (!compatibleDims(kx, ky))
    return fail(loc, "contracting dimensions differ: ", shapeStr(x), " x ",
                shapeStr(y), " (transX=", a.getTransX(),
                ", transY=", a.getTransY(), ")");
  SmallVector<int64_t> shape;
  if (failed(broadcast(loc, x.drop_back(2), y.drop_back(2), shape)))
    return failure();
  if (a.getTransZ())
    std::swap(m, n);
  shape.append({m, n});
  return infer(out, shape, ranked(a.getInput()).getElementType());
}

namespace {
/// Where a 2-D convolution's weights keep kH, kW and the input channels.
struct WeightLayout {
  unsigned kH, kW, iC;
  /// How diagnostics name the layout, e.g. "wFormat 1".
  std::string name;
};

/// Shared by conv2d and depthwise_conv2d: checks that the weights hold the
/// kernel and the input's channels and that the bias has `oC` entries, then
/// computes the result with `oC` output channels.
template <typename Adaptor>
LogicalResult inferConv2D(std::optional<Location> loc, Adaptor a,
                          const WeightLayout &layout, int64_t oC,
                          SmallVectorImpl<Type> &out) {
  RankedTensorType in = ranked(a.getInput()), w = ranked(a.getWeights());
  ArrayRef<int64_t> ws = w.getShape();
  if (!compatibleDims(ws[layout.kH], a.getKH()) ||
      !compatibleDims(ws[layout.kW], a.getKW()))
    return fail(loc, "weights ", shapeStr(ws), " (", layout.name,
                ") do not hold a ", a.getKH(), "x", a.getKW(), " kernel");
  int64_t iC = a.getIsNCHW() == 0 ? in.getDimSize(1) : in.getDimSize(3);
  if (!compatibleDims(ws[layout.iC], iC))
    return fail(loc, "weights ", shapeStr(ws), " (", layout.name, ") expect ",
                ws[layout.iC], " input channels, input ",
                shapeStr(in.getShape()), " has ", iC);
  if (Value bias = a.getBias()) {
    RankedTensorType b = ranked(bias);
    if (b.getRank() != 1 || !compatibleDims(b.getDimSize(0), oC))
      return fail(loc, "bias must be [", oC, "], got ", shapeStr(b.getShape()));
    if (failed(sameElementType(loc, a.getInput(), bias)))
      return failure();
  }
  Window2D win{a.getKH(),         a.getKW(),    a.getSH(), a.getSW(),
               a.getPH(),         a.getPW(),    a.getDH(), a.getDW(),
               a.getIsSameMode(), a.getIsNCHW()};
  SmallVector<int64_t> shape;
  if (failed(inferWindow2D(loc, win, in, oC, shape)))
    return failure();
  return infer(out, shape, in.getElementType());
}

/// The checks before the layout is known: element types and ranks.
template <typename Adaptor>
LogicalResult checkConvRanks(std::optional<Location> loc, Adaptor a) {
  RankedTensorType in = ranked(a.getInput()), w = ranked(a.getWeights());
  if (failed(sameElementType(loc, a.getInput(), a.getWeights())))
    return failure();
  if (in.getRank() != 4)
    return fail(loc, "input must be rank 4, got ", shapeStr(in.getShape()));
  if (w.getRank() != 4)
    return fail(loc, "weights must be rank 4, got ", shapeStr(w.getShape()));
  return success();
}
} // namespace

LogicalResult Conv2DOp::inferReturnTypes(MLIRContext *,
                                         std::optional<Location> loc, Adaptor a,
                                         SmallVectorImpl<Type> &out) {
  if (failed(checkConvRanks(loc, a)))
    return failure();
  int64_t fmt = a.getWFormat();
  if (fmt < 0 || fmt > 2)
    return fail(loc, "'wFormat' must be 0, 1 or 2, got ", fmt);
  // Positions of kH, kW, iC, oC in the weights for each wFormat.
  static const unsigned layout[3][4] = {
      {0, 1, 2, 3}, {2, 3, 1, 0}, {1, 2, 3, 0}};
  int64_t oC = ranked(a.getWeights()).getDimSize(layout[fmt][3]);
  return inferConv2D(loc, a,
                     {layout[fmt][0], layout[fmt][1], layout[fmt][2],
                      "wFormat " + std::to_string(fmt)},
                     oC, out);
}

LogicalResult DepthwiseConv2DOp::inferReturnTypes(MLIRContext *,
                                                  std::optional<Location> loc,
                                                  Adaptor a,
                                                  SmallVectorImpl<Type> &out) {
  if (failed(checkConvRanks(loc, a)))
    return failure();
  ArrayRef<int64_t> ws = ranked(a.getWeights()).getShape();
  int64_t oC = ShapedType::isDynamic(ws[2]) || ShapedType::isDynamic(ws[3])
                   ? kDyn
                   : ws[2] * ws[3];
  return inferConv2D(loc, a, {0, 1, 2, "[kH, kW, iC, mC]"}, oC, out);
}

LogicalResult MaxPool2DOp::inferReturnTypes(MLIRContext *,
                                            std::optional<Location> loc,
                                            Adaptor a,
                                            SmallVectorImpl<Type> &out) {
  if (a.getExtraParam0() != 0)
    return fail(loc,
                "'extraParam0' is unused by max pooling and must be 0, "
                "got ",
                a.getExtraParam0());
  return inferPool2D(loc, a, out);
}

LogicalResult AvgPool2DOp::inferReturnTypes(MLIRContext *,
                                            std::optional<Location> loc,
                                            Adaptor a,
                                            SmallVectorImpl<Type> &out) {
  if (failed(checkFlag(loc, "extraParam0", a.getExtraParam0())))
    return failure();
  return inferPool2D(loc, a, out);
}

LogicalResult BatchNormOp::inferReturnTypes(MLIRContext *,
                                            std::optional<Location> loc,
                                            Adaptor a,
                                            SmallVectorImpl<Type> &out) {
  if (failed(checkFlag(loc, "applyScale", a.getApplyScale())) ||
      failed(checkFlag(loc, "applyOffset", a.getApplyOffset())))
    return failure();
  if ((a.getGamma() != nullptr) != (a.getApplyScale() == 1))
    return fail(loc, "'applyScale' is ", a.getApplyScale(), " but gamma is ",
                a.getGamma() ? "present" : "absent");
  if ((a.getBeta() != nullptr) != (a.getApplyOffset() == 1))
    return fail(loc, "'applyOffset' is ", a.getApplyOffset(), " but beta is ",
                a.getBeta() ? "present" : "absent");
  RankedTensorType in = ranked(a.getInput());
  ArrayRef<int64_t> dims = a.getDimensions();
  if (dims.empty())
    return fail(loc, "'dimensions' must name at least one axis");
  int64_t expected = 1;
  for (int64_t d : dims) {
    FailureOr<int64_t> axis = normalizeAxis(loc, "dimensions", d, in.getRank());
    if (failed(axis))
      return failure();
    int64_t size = in.getDimSize(*axis);
    expected = ShapedType::isDynamic(size) || ShapedType::isDynamic(expected)
                   ? kDyn
                   : expected * size;
  }
  for (auto [name, v] : {std::pair<StringRef, Value>{"mean", a.getMean()},
                         {"variance", a.getVariance()},
                         {"gamma", a.getGamma()},
                         {"beta", a.getBeta()}}) {
    if (!v)
      continue;
    if (failed(sameElementType(loc, a.getInput(), v)))
      return failure();
    RankedTensorType t = ranked(v);
    if (t.getRank() != 1 || !compatibleDims(t.getDimSize(0), expected))
      return fail(loc, name, " must be a vector of the ", expected,
                  " normalized elements, got ", shapeStr(t.getShape()));
  }
  if (a.getEpsilon().convertToDouble() < 0)
    return fail(loc, "'epsilon' must not be negative");
  return inferSameAsInput(a, out);
}

LogicalResult BiasAddOp::inferReturnTypes(MLIRContext *,
                                          std::optional<Location> loc,
                                          Adaptor a,
                                          SmallVectorImpl<Type> &out) {
  RankedTensorType in = ranked(a.getInput()), b = ranked(a.getBias());
  if (failed(sameElementType(loc, a.getInput(), a.getBias())))
    return failure();
  if (in.getRank() < 2)
    return fail(loc, "input must have rank 2 or more, got ",
                shapeStr(in.getShape()));
  int64_t channels = a.getNchw() ? in.getDimSize(1) : in.getShape().back();
  if (b.getRank() != 1 || !compatibleDims(b.getDimSize(0), channels))
    return fail(loc, "bias must be [", channels, "] for input ",
                shapeStr(in.getShape()), " (nchw=", a.getNchw(), "), got ",
                shapeStr(b.getShape()));
  return inferSameAsInput(a, out);
}

//===----------------------------------------------------------------------===//
// Shape manipulation
//===----------------------------------------------------------------------===//

LogicalResult ReshapeOp::inferReturnTypes(MLIRContext *,
                                          std::optional<Location> loc,
                                          Adaptor a,
                                          SmallVectorImpl<Type> &out) {
  RankedTensorType in = ranked(a.getInput());
  SmallVector<int64_t> shape(a.getShapeArr());
  int inferredAt = -1;
  int64_t known = 1;
  for (auto [i, d] : llvm::enumerate(shape)) {
    if (d == -1) {
      if (inferredAt >= 0)
        return fail(loc, "'shapeArr' ", shapeStr(shape),
                    " has more than one -1");
      inferredAt = i;
    } else if (d < 0) {
      return fail(loc, "'shapeArr' ", shapeStr(a.getShapeArr()),
                  " has a negative dimension");
    } else {
      known *= d;
    }
  }
  if (in.hasStaticShape()) {
    int64_t count = in.getNumElements();
    if (inferredAt >= 0) {
      if (known == 0 || count % known != 0)
        return fail(loc, "cannot reshape ", shapeStr(in.getShape()), " to ",
                    shapeStr(a.getShapeArr()));
      shape[inferredAt] = count / known;
    } else if (known != count) {
      return fail(loc, "cannot reshape ", shapeStr(in.getShape()), " (", count,
                  " elements) to ", shapeStr(shape), " (", known, " elements)");
    }
  } else if (inferredAt >= 0) {
    shape[inferredAt] = kDyn;
  }
  return infer(out, shape, in.getElementType());
}

LogicalResult PermuteOp::inferReturnTypes(MLIRContext *,
                                          std::optional<Location> loc,
                                          Adaptor a,
                                          SmallVectorImpl<Type> &out) {
  RankedTensorType in = ranked(a.getInput());
  ArrayRef<int64_t> perm = a.getReverseDims();
  if (static_cast<int64_t>(perm.size()) != in.getRank())
    return fail(loc, "'reverseDims' ", shapeStr(perm), " does not permute ",
                in.getRank(), " dimensions");
  SmallVector<bool> seen(perm.size(), false);
  SmallVector<int64_t> shape;
  for (int64_t p : perm) {
    if (p < 0 || p >= in.getRank() || seen[p])
      return fail(loc, "'reverseDims' ", shapeStr(perm),
                  " is not a permutation");
    seen[p] = true;
    shape.push_back(in.getDimSize(p));
  }
  return infer(out, shape, in.getElementType());
}

LogicalResult ConcatOp::inferReturnTypes(MLIRContext *,
                                         std::optional<Location> loc, Adaptor a,
                                         SmallVectorImpl<Type> &out) {
  if (a.getInput().empty())
    return fail(loc, "needs at least one input");
  RankedTensorType first = ranked(a.getInput().front());
  FailureOr<int64_t> axis = normalizeAxis(
      loc, "concatDimension", a.getConcatDimension(), first.getRank());
  if (failed(axis))
    return failure();
  SmallVector<int64_t> shape(first.getShape());
  for (Value v : a.getInput().drop_front()) {
    RankedTensorType t = ranked(v);
    if (t.getElementType() != first.getElementType())
      return fail(loc, "input element types differ: ", first.getElementType(),
                  " vs ", t.getElementType());
    if (t.getRank() != first.getRank())
      return fail(loc,
                  "inputs have different ranks: ", shapeStr(first.getShape()),
                  " vs ", shapeStr(t.getShape()));
    for (int64_t d = 0; d < t.getRank(); ++d) {
      int64_t size = t.getDimSize(d);
      if (d == *axis) {
        shape[d] =
            ShapedType::isDynamic(shape[d]) || ShapedType::isDynamic(size)
                ? kDyn
                : shape[d] + size;
      } else if (!compatibleDims(shape[d], size)) {
        return fail(loc, "inputs ", shapeStr(first.getShape()), " and ",
                    shapeStr(t.getShape()), " differ in dimension ", d);
      } else if (ShapedType::isDynamic(shape[d])) {
        shape[d] = size;
      }
    }
  }
  return infer(out, shape, first.getElementType());
}

//===----------------------------------------------------------------------===//
// Selection, tiling, gathering
//===----------------------------------------------------------------------===//

LogicalResult SelectOp::inferReturnTypes(MLIRContext *,
                                         std::optional<Location> loc, Adaptor a,
                                         SmallVectorImpl<Type> &out) {
  RankedTensorType c = ranked(a.getCond()), x = ranked(a.getInput()),
                   y = ranked(a.getY());
  if (!c.getElementType().isInteger(1))
    return fail(loc, "cond must be a bool (i1) tensor, got ", c);
  if (failed(sameElementType(loc, a.getInput(), a.getY())))
    return failure();
  if (c.getRank() != x.getRank() || y.getRank() != x.getRank())
    return fail(loc, "cond, input and y must have one shape, got ",
                shapeStr(c.getShape()), ", ", shapeStr(x.getShape()), " and ",
                shapeStr(y.getShape()));
  SmallVector<int64_t> shape;
  for (int64_t d = 0; d < x.getRank(); ++d) {
    int64_t n = kDyn;
    for (RankedTensorType t : {c, x, y}) {
      int64_t m = t.getDimSize(d);
      if (!compatibleDims(n, m))
        return fail(loc, "cond, input and y must have one shape, got ",
                    shapeStr(c.getShape()), ", ", shapeStr(x.getShape()),
                    " and ", shapeStr(y.getShape()));
      if (!ShapedType::isDynamic(m))
        n = m;
    }
    shape.push_back(n);
  }
  return infer(out, shape, x.getElementType());
}

LogicalResult BroadcastToOp::inferReturnTypes(MLIRContext *,
                                              std::optional<Location> loc,
                                              Adaptor a,
                                              SmallVectorImpl<Type> &out) {
  RankedTensorType in = ranked(a.getInput()), s = ranked(a.getShape());
  if (!isa<IntegerType>(s.getElementType()) || s.getRank() != 1 ||
      s.isDynamicDim(0))
    return fail(loc, "shape must be a 1-D integer tensor of known length, got ",
                s);
  int64_t rank = s.getDimSize(0);
  if (rank < in.getRank())
    return fail(loc, "cannot broadcast rank ", in.getRank(), " to rank ", rank);
  SmallVector<int64_t> shape(rank, kDyn);
  DenseIntElementsAttr target;
  if (matchPattern(a.getShape(), m_Constant(&target))) {
    shape.clear();
    for (const APInt &v : target.getValues<APInt>())
      shape.push_back(v.getSExtValue());
    SmallVector<int64_t> merged;
    if (failed(broadcast(loc, in.getShape(), shape, merged)))
      return failure();
    if (merged != shape)
      return fail(loc, "input shape ", shapeStr(in.getShape()),
                  " does not broadcast to ", shapeStr(shape));
  }
  return infer(out, shape, in.getElementType());
}

LogicalResult TileOp::inferReturnTypes(MLIRContext *,
                                       std::optional<Location> loc, Adaptor a,
                                       SmallVectorImpl<Type> &out) {
  RankedTensorType in = ranked(a.getInput());
  ArrayRef<int64_t> reps = a.getDimensions();
  if (Value v = a.getRepsVector()) {
    RankedTensorType r = ranked(v);
    if (!reps.empty() || !isa<IntegerType>(r.getElementType()) ||
        r.getRank() != 1 || !compatibleDims(r.getDimSize(0), in.getRank()))
      return fail(loc, "reps_vector must be an integer [", in.getRank(),
                  "] tensor with 'dimensions' empty, got ", v.getType());
    return infer(out, SmallVector<int64_t>(in.getRank(), kDyn),
                 in.getElementType());
  }
  if (static_cast<int64_t>(reps.size()) != in.getRank())
    return fail(loc, "'dimensions' ", shapeStr(reps),
                " must give one count "
                "per dimension of ",
                shapeStr(in.getShape()));
  SmallVector<int64_t> shape;
  for (auto [d, r] : llvm::zip(in.getShape(), reps)) {
    if (r < 0)
      return fail(loc, "'dimensions' ", shapeStr(reps),
                  " has a negative count");
    shape.push_back(ShapedType::isDynamic(d) ? kDyn : d * r);
  }
  return infer(out, shape, in.getElementType());
}

LogicalResult GatherOp::inferReturnTypes(MLIRContext *,
                                         std::optional<Location> loc, Adaptor a,
                                         SmallVectorImpl<Type> &out) {
  RankedTensorType in = ranked(a.getInput()), idx = ranked(a.getIndices());
  if (!isa<IntegerType>(idx.getElementType()))
    return fail(loc, "indices must be integers, got ", idx.getElementType());
  FailureOr<int64_t> axis =
      normalizeAxis(loc, "dimensions", a.getDimensions(), in.getRank());
  if (failed(axis))
    return failure();
  SmallVector<int64_t> shape(in.getShape().take_front(*axis));
  llvm::append_range(shape, idx.getShape());
  llvm::append_range(shape, in.getShape().drop_front(*axis + 1));
  return infer(out, shape, in.getElementType());
}

LogicalResult DepthToSpaceOp::inferReturnTypes(MLIRContext *,
                                               std::optional<Location> loc,
                                               Adaptor a,
                                               SmallVectorImpl<Type> &out) {
  RankedTensorType in = ranked(a.getInput());
  int64_t b = a.getBlockSize();
  if (failed(checkAtLeast(loc, "block_size", b, 2)) ||
      failed(checkFlag(loc, "isNHWC", a.getIsNHWC())))
    return failure();
  if (in.getRank() != 4)
    return fail(loc, "input must be rank 4, got ", shapeStr(in.getShape()));
  bool nhwc = a.getIsNHWC();
  int64_t c = in.getDimSize(nhwc ? 3 : 1);
  if (!ShapedType::isDynamic(c) && c % (b * b) != 0)
    return fail(loc, "channels ", c,
                " are not a multiple of block_size^2 = ", b * b);
  auto scale = [&](int64_t d, int64_t f) {
    return ShapedType::isDynamic(d) ? kDyn : d * f;
  };
  int64_t oc = ShapedType::isDynamic(c) ? kDyn : c / (b * b);
  SmallVector<int64_t> shape =
      nhwc ? SmallVector<int64_t>{in.getDimSize(0), scale(in.getDimSize(1), b),
                                  scale(in.getDimSize(2), b), oc}
           : SmallVector<int64_t>{in.getDimSize(0), oc,
                                  scale(in.getDimSize(2), b),
                                  scale(in.getDimSize(3), b)};
  return infer(out, shape, in.getElementType());
}

//===----------------------------------------------------------------------===//
// 3-D convolution and pooling
//===----------------------------------------------------------------------===//

namespace {
struct Window3D {
  int64_t k[3], s[3], p[3], d[3];
  bool same, channelsFirst;
};

/// Checks the window and computes [N, C, D, H, W] (or NDHWC) with
/// `channels` output channels.
LogicalResult inferWindow3D(std::optional<Location> loc, const Window3D &w,
                            RankedTensorType input, int64_t channels,
                            SmallVectorImpl<int64_t> &shape) {
  if (input.getRank() != 5)
    return fail(loc, "input must be rank 5, got ", shapeStr(input.getShape()));
  static const char *const names[3] = {"depth", "height", "width"};
  int64_t spatial[3];
  for (int i = 0; i < 3; ++i) {
    if (w.k[i] < 1 || w.s[i] < 1 || w.d[i] < 1 || w.p[i] < 0)
      return fail(loc, "kernel, stride and dilation must be at least 1 and ",
                  "padding at least 0 in the ", names[i], " dimension");
    FailureOr<int64_t> o = windowOutput(
        loc, names[i], input.getDimSize(w.channelsFirst ? 2 + i : 1 + i),
        w.k[i], w.s[i], w.p[i], w.d[i], w.same);
    if (failed(o))
      return failure();
    spatial[i] = *o;
  }
  int64_t n = input.getDimSize(0);
  if (w.channelsFirst)
    shape.assign({n, channels, spatial[0], spatial[1], spatial[2]});
  else
    shape.assign({n, spatial[0], spatial[1], spatial[2], channels});
  return success();
}

template <typename Adaptor>
LogicalResult inferPool3D(std::optional<Location> loc, Adaptor a,
                          SmallVectorImpl<Type> &out) {
  if (failed(checkFlag(loc, "isSameMode", a.getIsSameMode())) ||
      failed(checkFlag(loc, "isNCDHW", a.getIsNCDHW())) ||
      failed(checkFlag(loc, "extraParam0", a.getExtraParam0())))
    return failure();
  RankedTensorType in = ranked(a.getInput());
  if (in.getRank() != 5)
    return fail(loc, "input must be rank 5, got ", shapeStr(in.getShape()));
  Window3D w{{a.getKD(), a.getKH(), a.getKW()},
             {a.getSD(), a.getSH(), a.getSW()},
             {a.getPD(), a.getPH(), a.getPW()},
             {a.getDD(), a.getDH(), a.getDW()},
             a.getIsSameMode() == 1,
             a.getIsNCDHW() == 0};
  SmallVector<int64_t> shape;
  if (failed(inferWindow3D(loc, w, in, in.getDimSize(w.channelsFirst ? 1 : 4),
                           shape)))
    return failure();
  return infer(out, shape, in.getElementType());
}
} // namespace

LogicalResult Conv3DOp::inferReturnTypes(MLIRContext *,
                                         std::optional<Location> loc, Adaptor a,
                                         SmallVectorImpl<Type> &out) {
  RankedTensorType in = ranked(a.getInput()), w = ranked(a.getWeights());
  if (failed(sameElementType(loc, a.getInput(), a.getWeights())) ||
      failed(checkFlag(loc, "paddingMode", a.getPaddingMode())) ||
      failed(checkFlag(loc, "isNCDHW", a.getIsNCDHW())))
    return failure();
  if (in.getRank() != 5)
    return fail(loc, "input must be rank 5, got ", shapeStr(in.getShape()));
  if (w.getRank() != 5)
    return fail(loc, "weights must be rank 5, got ", shapeStr(w.getShape()));
  ArrayRef<int64_t> ws = w.getShape();
  int64_t kernel[3] = {a.getKD(), a.getKH(), a.getKW()};
  for (int i = 0; i < 3; ++i)
    if (!compatibleDims(ws[i], kernel[i]))
      return fail(loc, "weights ", shapeStr(ws),
                  " ([kD, kH, kW, iC, oC]) do "
                  "not hold a ",
                  kernel[0], "x", kernel[1], "x", kernel[2], " kernel");
  // libnd4j reads the isNCDHW slot as "is NDHWC": 0 is [N, C, D, H, W].
  bool first = a.getIsNCDHW() == 0;
  int64_t iC = in.getDimSize(first ? 1 : 4);
  if (!compatibleDims(ws[3], iC))
    return fail(loc, "weights ", shapeStr(ws), " expect ", ws[3],
                " input channels, input ", shapeStr(in.getShape()), " has ",
                iC);
  if (Value bias = a.getBias()) {
    RankedTensorType b = ranked(bias);
    if (b.getRank() != 1 || !compatibleDims(b.getDimSize(0), ws[4]))
      return fail(loc, "bias must be [", ws[4], "], got ",
                  shapeStr(b.getShape()));
  }
  Window3D win{
      {kernel[0], kernel[1], kernel[2]}, {a.getSD(), a.getSH(), a.getSW()},
      {a.getPD(), a.getPH(), a.getPW()}, {a.getDD(), a.getDH(), a.getDW()},
      a.getPaddingMode() == 1,           first};
  SmallVector<int64_t> shape;
  if (failed(inferWindow3D(loc, win, in, ws[4], shape)))
    return failure();
  return infer(out, shape, in.getElementType());
}

LogicalResult MaxPool3DOp::inferReturnTypes(MLIRContext *,
                                            std::optional<Location> loc,
                                            Adaptor a,
                                            SmallVectorImpl<Type> &out) {
  return inferPool3D(loc, a, out);
}

LogicalResult AvgPool3DOp::inferReturnTypes(MLIRContext *,
                                            std::optional<Location> loc,
                                            Adaptor a,
                                            SmallVectorImpl<Type> &out) {
  return inferPool3D(loc, a, out);
}

//===----------------------------------------------------------------------===//
// Strided slice
//===----------------------------------------------------------------------===//

LogicalResult StridedSliceOp::inferReturnTypes(MLIRContext *,
                                               std::optional<Location> loc,
                                               Adaptor a,
                                               SmallVectorImpl<Type> &out) {
  RankedTensorType in = ranked(a.getInput());
  int64_t rank = in.getRank();
  if (a.getEllipsisMask() || a.getNewAxisMask() || a.getShrinkAxisMask())
    return fail(loc, "only begin_mask and end_mask are supported; "
                     "ellipsis_mask, new_axis_mask and shrink_axis_mask "
                     "must be 0");
  ArrayRef<int64_t> begin = a.getBegin(), end = a.getEnd(),
                    strides = a.getStrides();
  if (a.getVBegin() || a.getVEnd() || a.getVStride()) {
    // Bounds at run time: each a vector of one entry per dimension.
    if (!a.getVBegin() || !a.getVEnd() || !begin.empty() || !end.empty() ||
        !strides.empty())
      return fail(loc, "run-time bounds need v_begin and v_end (and "
                       "optionally v_stride) with the begin, end and strides "
                       "attributes empty");
    for (Value v : {a.getVBegin(), a.getVEnd(), a.getVStride()}) {
      if (!v)
        continue;
      RankedTensorType t = ranked(v);
      if (t.getRank() != 1 || !isa<IntegerType>(t.getElementType()) ||
          !compatibleDims(t.getDimSize(0), rank))
        return fail(loc, "run-time bounds must be integer vectors of ", rank,
                    " entries, got ", v.getType());
    }
    SmallVector<int64_t> shape;
    int64_t whole = a.getBeginMask() & a.getEndMask();
    for (int64_t d = 0; d < rank; ++d)
      shape.push_back(!a.getVStride() && ((whole >> d) & 1) ? in.getDimSize(d)
                                                            : kDyn);
    return infer(out, shape, in.getElementType());
  }
  if (static_cast<int64_t>(begin.size()) != rank ||
      static_cast<int64_t>(end.size()) != rank ||
      static_cast<int64_t>(strides.size()) != rank)
    return fail(loc, "begin, end and strides need one entry per dimension of ",
                shapeStr(in.getShape()), ", got ", begin.size(), ", ",
                end.size(), " and ", strides.size());
  SmallVector<int64_t> shape;
  for (int64_t d = 0; d < rank; ++d) {
    int64_t s = strides[d], n = in.getDimSize(d);
    if (s == 0)
      return fail(loc, "stride of dimension ", d, " is 0");
    bool fromStart = a.getBeginMask() & (int64_t(1) << d);
    bool toEnd = a.getEndMask() & (int64_t(1) << d);
    if (ShapedType::isDynamic(n)) {
      shape.push_back(kDyn);
      continue;
    }
    // TF semantics: negative indices wrap once, then clamp to the range the
    // stride's direction allows.
    auto clampIndex = [&](int64_t i, bool isEnd) {
      if (i < 0)
        i += n;
      return s > 0 ? std::clamp<int64_t>(i, 0, n)
                   : std::clamp<int64_t>(i, isEnd ? -1 : 0, n - 1);
    };
    int64_t b = fromStart ? (s > 0 ? 0 : n - 1) : clampIndex(begin[d], false);
    int64_t e = toEnd ? (s > 0 ? n : -1) : clampIndex(end[d], true);
    int64_t extent = s > 0 ? (e - b + s - 1) / s : (b - e - s - 1) / -s;
    shape.push_back(std::max<int64_t>(extent, 0));
  }
  return infer(out, shape, in.getElementType());
}

//===----------------------------------------------------------------------===//
// Padding
//===----------------------------------------------------------------------===//

LogicalResult PadOp::inferReturnTypes(MLIRContext *,
                                      std::optional<Location> loc, Adaptor a,
                                      SmallVectorImpl<Type> &out) {
  RankedTensorType in = ranked(a.getInput()), p = ranked(a.getPaddings());
  int64_t rank = in.getRank();
  if (a.getMode() < 0 || a.getMode() > 2)
    return fail(loc,
                "'mode' must be 0 (constant), 1 (reflect) or 2 "
                "(symmetric), got ",
                a.getMode());
  if (!isa<IntegerType>(p.getElementType()) || p.getRank() != 2 ||
      !compatibleDims(p.getDimSize(0), rank) ||
      !compatibleDims(p.getDimSize(1), 2))
    return fail(loc, "paddings must be an integer [", rank, ", 2] tensor, got ",
                a.getPaddings().getType());
  // With constant paddings the result is static; otherwise unknown.
  SmallVector<int64_t> shape(rank, kDyn);
  DenseIntElementsAttr amounts;
  if (matchPattern(a.getPaddings(), m_Constant(&amounts))) {
    SmallVector<int64_t> v;
    for (const APInt &x : amounts.getValues<APInt>())
      v.push_back(x.getSExtValue());
    for (int64_t d = 0; d < rank; ++d) {
      if (v[2 * d] < 0 || v[2 * d + 1] < 0)
        return fail(loc, "paddings of dimension ", d, " are negative");
      int64_t n = in.getDimSize(d);
      if (!ShapedType::isDynamic(n) && a.getMode() != 0 &&
          std::max(v[2 * d], v[2 * d + 1]) > n - (a.getMode() == 1))
        return fail(loc, "paddings of dimension ", d, " exceed what ",
                    a.getMode() == 1 ? "reflect" : "symmetric",
                    " mode can take from extent ", n);
      shape[d] = ShapedType::isDynamic(n) ? kDyn : n + v[2 * d] + v[2 * d + 1];
    }
  }
  return infer(out, shape, in.getElementType());
}
