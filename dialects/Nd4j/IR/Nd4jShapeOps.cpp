//===- Nd4jShapeOps.cpp - result types of the nd4j shape ops ------------===//
//
// Inference (and with it, checking) of the ops declared in Nd4jShapeOps.td.
//
//===----------------------------------------------------------------------===//

#include "dialects/Nd4j/IR/Nd4jShapeInference.h"
#include "mlir/IR/Matchers.h"

using namespace mlir;
using namespace mlir::nd4j;
using namespace mlir::nd4j::infer_detail;

LogicalResult FillOp::inferReturnTypes(MLIRContext *,
                                       std::optional<Location> loc, Adaptor a,
                                       SmallVectorImpl<Type> &out) {
  RankedTensorType s = ranked(a.getShape());
  if (!isa<IntegerType>(s.getElementType()) || s.getRank() != 1 ||
      s.isDynamicDim(0))
    return fail(loc,
                "shape must be a 1-D integer tensor of static length, got ",
                a.getShape().getType());
  SmallVector<int64_t> shape(s.getDimSize(0), kDyn);
  DenseIntElementsAttr dims;
  if (matchPattern(a.getShape(), m_Constant(&dims))) {
    shape.clear();
    for (const APInt &d : dims.getValues<APInt>()) {
      if (d.isNegative())
        return fail(loc, "shape has a negative dimension ", d.getSExtValue());
      shape.push_back(d.getSExtValue());
    }
  }
  return infer(out, shape, a.getDtype());
}

LogicalResult ReverseOp::inferReturnTypes(MLIRContext *,
                                          std::optional<Location> loc,
                                          Adaptor a,
                                          SmallVectorImpl<Type> &out) {
  RankedTensorType in = ranked(a.getInput());
  for (int64_t d : a.getDimensions())
    if (failed(normalizeAxis(loc, "dimensions", d, in.getRank())))
      return failure();
  out.push_back(in);
  return success();
}

LogicalResult RangeOp::inferReturnTypes(MLIRContext *,
                                        std::optional<Location> loc, Adaptor a,
                                        SmallVectorImpl<Type> &out) {
  for (Value v : {a.getFrom(), a.getTo(), a.getStep()})
    if (ranked(v).getNumElements() != 1)
      return fail(loc, "from, to and step must be scalars, got ", v.getType());
  return infer(out, {kDyn}, a.getDtype());
}

LogicalResult CumSumOp::inferReturnTypes(MLIRContext *,
                                         std::optional<Location> loc, Adaptor a,
                                         SmallVectorImpl<Type> &out) {
  return inferCumulative(loc, a.getInput(), a.getDimensions(), a.getExclusive(),
                         a.getReverse(), out);
}

LogicalResult mlir::nd4j::inferReduceAxesResult(std::optional<Location> loc,
                                                Value input, Value axes,
                                                ArrayRef<int64_t> dims,
                                                bool keepDims, Type element,
                                                SmallVectorImpl<Type> &out) {
  RankedTensorType in = ranked(input), a = ranked(axes);
  if (!dims.empty())
    return fail(loc, "'dimensions' must be empty when axes are an operand");
  if (!isa<IntegerType>(a.getElementType()) || a.getRank() != 1 ||
      a.isDynamicDim(0) || a.getDimSize(0) > in.getRank())
    return fail(loc, "axes must be a 1-D integer tensor of at most ",
                in.getRank(), " elements, got ", axes.getType());
  // Which dimensions are reduced is known at run time only; how many is
  // the number of axes, unless that is 0 (all of them).
  int64_t n = a.getDimSize(0) == 0 ? in.getRank() : a.getDimSize(0);
  int64_t rank = keepDims ? in.getRank() : in.getRank() - n;
  return infer(out, SmallVector<int64_t>(rank, kDyn),
               element ? element : in.getElementType());
}

LogicalResult TopKOp::inferReturnTypes(MLIRContext *ctx,
                                       std::optional<Location> loc, Adaptor a,
                                       SmallVectorImpl<Type> &out) {
  RankedTensorType in = ranked(a.getInput());
  if (in.getRank() < 1)
    return fail(loc, "top_k needs an input of rank 1 or more");
  int64_t n = in.getDimSize(in.getRank() - 1);
  if (a.getK() < 0 || (!ShapedType::isDynamic(n) && a.getK() > n))
    return fail(loc, "'k' ", a.getK(), " is out of range for dimension ", n);
  SmallVector<int64_t> shape(in.getShape());
  shape.back() = a.getK();
  out.push_back(RankedTensorType::get(shape, in.getElementType()));
  out.push_back(RankedTensorType::get(shape, IntegerType::get(ctx, 64)));
  return success();
}
