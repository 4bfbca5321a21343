//===- Nd4jLinalgOps.cpp - result types of the nd4j linalg ops -----------===//
//
// Inference (and with it, checking) of the ops declared in
// Nd4jLinalgOps.td: batched square matrices, linear systems whose
// right-hand sides share the matrices' batch shape, and the special
// functions libnd4j evaluates on operands of one shape.
//
//===----------------------------------------------------------------------===//

#include "dialects/Nd4j/IR/Nd4jShapeInference.h"

using namespace mlir;
using namespace mlir::nd4j;
using namespace mlir::nd4j::infer_detail;

namespace {

bool isFloatTensor(RankedTensorType t) {
  return isa<FloatType>(t.getElementType());
}

/// Floating-point `[..., M, M]` matrices.
LogicalResult checkSquare(std::optional<Location> loc, StringRef name,
                          RankedTensorType t) {
  ArrayRef<int64_t> s = t.getShape();
  if (s.size() < 2 || !compatibleDims(s[s.size() - 2], s.back()))
    return fail(loc, name, " must be square matrices [..., M, M], got ",
                shapeStr(s));
  if (!isFloatTensor(t))
    return fail(loc, name, " must be floating-point, got ", t);
  return success();
}

/// Two element-wise operands of one floating-point type and shape.
LogicalResult sameFloatTypes(std::optional<Location> loc, Value a, Value b,
                             SmallVectorImpl<Type> &out) {
  RankedTensorType x = ranked(a), y = ranked(b);
  if (!isFloatTensor(x))
    return fail(loc, "operands must be floating-point, got ", x);
  if (x.getElementType() != y.getElementType() || x.getRank() != y.getRank() ||
      !llvm::all_of(llvm::zip(x.getShape(), y.getShape()), [](auto p) {
        return compatibleDims(std::get<0>(p), std::get<1>(p));
      }))
    return fail(loc, "operands must have one type, got ", x, " and ", y);
  out.push_back(x.hasStaticShape() ? x : y);
  return success();
}

/// The systems of solve and triangular_solve: square `a` `[..., M, M]`,
/// `b` `[..., M, K]` of `a`'s element type and batch shape.
LogicalResult inferSystem(std::optional<Location> loc, Value a, Value b,
                          SmallVectorImpl<Type> &out) {
  RankedTensorType m = ranked(a), r = ranked(b);
  if (failed(checkSquare(loc, "a", m)) || failed(sameElementType(loc, a, b)))
    return failure();
  ArrayRef<int64_t> ms = m.getShape(), rs = r.getShape();
  if (rs.size() != ms.size() ||
      !llvm::all_of(llvm::zip(ms.drop_back(), rs.drop_back()), [](auto p) {
        return compatibleDims(std::get<0>(p), std::get<1>(p));
      }))
    return fail(loc, "b ", shapeStr(rs), " must be [..., M, K] for a ",
                shapeStr(ms));
  out.push_back(r);
  return success();
}

} // namespace

LogicalResult ZetaOp::inferReturnTypes(MLIRContext *,
                                       std::optional<Location> loc, Adaptor a,
                                       SmallVectorImpl<Type> &out) {
  return sameFloatTypes(loc, a.getInput(), a.getQ(), out);
}

LogicalResult PolygammaOp::inferReturnTypes(MLIRContext *,
                                            std::optional<Location> loc,
                                            Adaptor a,
                                            SmallVectorImpl<Type> &out) {
  return sameFloatTypes(loc, a.getInput(), a.getN(), out);
}

LogicalResult SolveOp::inferReturnTypes(MLIRContext *,
                                        std::optional<Location> loc, Adaptor a,
                                        SmallVectorImpl<Type> &out) {
  return inferSystem(loc, a.getA(), a.getB(), out);
}

LogicalResult TriangularSolveOp::inferReturnTypes(MLIRContext *,
                                                  std::optional<Location> loc,
                                                  Adaptor a,
                                                  SmallVectorImpl<Type> &out) {
  return inferSystem(loc, a.getA(), a.getB(), out);
}

LogicalResult CholeskyOp::inferReturnTypes(MLIRContext *,
                                           std::optional<Location> loc,
                                           Adaptor a,
                                           SmallVectorImpl<Type> &out) {
  RankedTensorType in = ranked(a.getInput());
  if (failed(checkSquare(loc, "input", in)))
    return failure();
  out.push_back(in);
  return success();
}

LogicalResult LuOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                     Adaptor a, SmallVectorImpl<Type> &out) {
  RankedTensorType in = ranked(a.getInput());
  if (failed(checkSquare(loc, "input", in)))
    return failure();
  Type dtype = a.getDtype();
  if (!dtype.isSignlessInteger(32) && !dtype.isSignlessInteger(64))
    return fail(loc, "dtype of the permutation must be i32 or i64, got ",
                dtype);
  out.push_back(in);
  return infer(out, in.getShape().drop_back(), dtype);
}

LogicalResult
LogMatrixDeterminantOp::inferReturnTypes(MLIRContext *,
                                         std::optional<Location> loc, Adaptor a,
                                         SmallVectorImpl<Type> &out) {
  RankedTensorType in = ranked(a.getInput());
  if (failed(checkSquare(loc, "input", in)))
    return failure();
  return infer(out, in.getShape().drop_back(2), in.getElementType());
}
