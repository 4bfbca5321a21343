//===- Nd4jLossOps.cpp - result types of the nd4j loss ops ------------===//
//
// Inference (and with it, checking) of the ops declared in Nd4jLossOps.td.
//
//===----------------------------------------------------------------------===//

#include "dialects/Nd4j/IR/Nd4jShapeInference.h"
#include "mlir/IR/Matchers.h"

using namespace mlir;
using namespace mlir::nd4j;
using namespace mlir::nd4j::infer_detail;

LogicalResult OneHotOp::inferReturnTypes(MLIRContext *,
                                         std::optional<Location> loc, Adaptor a,
                                         SmallVectorImpl<Type> &out) {
  RankedTensorType in = ranked(a.getInput());
  Type element = a.getDtype();
  if (!isa<FloatType, IntegerType>(element))
    return fail(loc, "'dtype' must be a floating-point or integer type, got ",
                element);
  FailureOr<int64_t> axis =
      normalizeAxis(loc, "dimensions", a.getDimensions(), in.getRank() + 1);
  if (failed(axis))
    return failure();
  for (auto [name, v] : {std::pair<StringRef, Value>{"depth", a.getDepth()},
                         {"on", a.getOn()},
                         {"off", a.getOff()}})
    if (ranked(v).hasStaticShape() && ranked(v).getNumElements() == 0)
      return fail(loc, "'", name, "' must hold a value, got ", v.getType());
  int64_t depth = kDyn;
  DenseElementsAttr c;
  if (matchPattern(a.getDepth(), m_Constant(&c))) {
    if (isa<FloatType>(c.getElementType()))
      depth = static_cast<int64_t>(
          (*c.getValues<APFloat>().begin()).convertToDouble());
    else
      depth = (*c.getValues<APInt>().begin()).getSExtValue();
    if (depth < 1)
      return fail(loc, "'depth' must be positive, got ", depth);
  }
  SmallVector<int64_t> shape(in.getShape());
  shape.insert(shape.begin() + *axis, depth);
  return infer(out, shape, element);
}

LogicalResult
MatrixDeterminantOp::inferReturnTypes(MLIRContext *,
                                      std::optional<Location> loc, Adaptor a,
                                      SmallVectorImpl<Type> &out) {
  RankedTensorType in = ranked(a.getInput());
  int64_t rank = in.getRank();
  if (rank < 2 ||
      !compatibleDims(in.getDimSize(rank - 2), in.getDimSize(rank - 1)))
    return fail(loc, "input must be [..., M, M], got ",
                shapeStr(in.getShape()));
  return infer(out, in.getShape().drop_back(2), in.getElementType());
}

LogicalResult MatrixDiagPartOp::inferReturnTypes(MLIRContext *,
                                                 std::optional<Location> loc,
                                                 Adaptor a,
                                                 SmallVectorImpl<Type> &out) {
  RankedTensorType in = ranked(a.getInput());
  int64_t rank = in.getRank();
  if (rank < 2)
    return fail(loc, "input must be [..., M, N], got ",
                shapeStr(in.getShape()));
  int64_t m = in.getDimSize(rank - 2), n = in.getDimSize(rank - 1);
  SmallVector<int64_t> shape(in.getShape().drop_back(2));
  shape.push_back(ShapedType::isDynamic(m) || ShapedType::isDynamic(n)
                      ? kDyn
                      : std::min(m, n));
  return infer(out, shape, in.getElementType());
}
