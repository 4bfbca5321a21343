//===- TfLinalgRules.cpp - TF import rules for the nd4j linalg ops --------===//
//
// TF rules (framework "tf") for the ops of Nd4jLinalgOps.td and the matrix
// ops they sit next to: linear solves, Cholesky, Lu, determinants, the
// main diagonal, and the special functions Digamma, Zeta, Polygamma and
// Atan2. As in TfRules.cpp, a rule returns NotApplicable where the nd4j op
// cannot express the node exactly.
//
//===----------------------------------------------------------------------===//

#include "passes/Import/TF/TfRuleUtils.h"

using namespace mlir;
using namespace mlir::nd4j;
using namespace mlir::nd4j::onnx_rules;
using namespace mlir::nd4j::tf_rules;

namespace {

/// Floating-point matrices `[..., M, N]`.
bool isFloatMatrix(RankedTensorType t) {
  return isFloat(t) && t.getRank() >= 2;
}

template <typename OpTy>
RuleResult unaryFloat(ImportNode &node, PatternRewriter &rewriter) {
  if (!isFloat(node.inputType(0)))
    return RuleResult::NotApplicable;
  return replace(rewriter, node, build<OpTy>(rewriter, node, node.input(0)));
}

/// Matrix ops of one floating-point matrix operand.
template <typename OpTy>
RuleResult unaryMatrix(ImportNode &node, PatternRewriter &rewriter) {
  if (!isFloatMatrix(node.inputType(0)))
    return RuleResult::NotApplicable;
  return replace(rewriter, node, build<OpTy>(rewriter, node, node.input(0)));
}

/// MatrixDiagPart (v1, the main diagonal) of matrices of any element type.
RuleResult matrixDiagPart(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  if (!x || x.getRank() < 2)
    return RuleResult::NotApplicable;
  return replace(rewriter, node,
                 build<MatrixDiagPartOp>(rewriter, node, node.input(0)));
}

/// Zeta(x, q) and Polygamma(a, x): TF broadcasts, libnd4j does not, so the
/// operands must have one static floating-point type.
template <typename OpTy>
RuleResult sameShapeBinary(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType a = node.inputType(0), b = node.inputType(1);
  if (!isFloat(a) || !a.hasStaticShape() || a != b)
    return RuleResult::NotApplicable;
  return replace(rewriter, node,
                 build<OpTy>(rewriter, node, node.input(0), node.input(1)));
}

/// Atan2(y, x): tf_atan2 takes TF's operands in TF's order.
RuleResult tfAtan2(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType y = node.inputType(0), x = node.inputType(1);
  if (!isFloat(y) || !x || x.getElementType() != y.getElementType())
    return RuleResult::NotApplicable;
  return replace(
      rewriter, node,
      build<TfAtan2Op>(rewriter, node, node.input(0), node.input(1)));
}

/// Cholesky: TF reads the lower triangle only and ignores the upper one.
/// The matrix libnd4j factors is that triangle mirrored, so whichever
/// triangle libnd4j reads, it factors what TF does.
RuleResult cholesky(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  if (!isFloatMatrix(x))
    return RuleResult::NotApplicable;
  auto band = [&](int64_t lower, int64_t upper) {
    return build<MatrixBandPartOp>(rewriter, node, node.input(0),
                                   i64(rewriter, lower), i64(rewriter, upper));
  };
  FailureOr<Value> lower = band(-1, 0);
  FailureOr<Value> diag = succeeded(lower) ? band(0, 0) : lower;
  if (failed(diag))
    return RuleResult::Failed;
  FailureOr<Value> strict = build<SubtractOp>(rewriter, node, *lower, *diag);
  if (failed(strict))
    return RuleResult::Failed;
  int64_t rank = x.getRank();
  SmallVector<int64_t> perm = llvm::to_vector(llvm::seq<int64_t>(0, rank));
  std::swap(perm[rank - 2], perm[rank - 1]);
  FailureOr<Value> upper = build<PermuteOp>(
      rewriter, node, *strict, rewriter.getDenseI64ArrayAttr(perm));
  if (failed(upper))
    return RuleResult::Failed;
  FailureOr<Value> sym = build<AddOp>(rewriter, node, *lower, *upper);
  if (failed(sym))
    return RuleResult::Failed;
  return replace(rewriter, node, build<CholeskyOp>(rewriter, node, *sym));
}

/// A matrix and right-hand sides of one floating-point type and rank.
bool isSystem(ImportNode &node) {
  RankedTensorType a = node.inputType(0), b = node.inputType(1);
  return isFloatMatrix(a) && b && b.getElementType() == a.getElementType() &&
         b.getRank() == a.getRank();
}

RuleResult matrixSolve(ImportNode &node, PatternRewriter &rewriter) {
  if (!isSystem(node))
    return RuleResult::NotApplicable;
  FailureOr<bool> adjoint = getBool(node, "adjoint", false);
  if (failed(adjoint))
    return RuleResult::Failed;
  return replace(rewriter, node,
                 build<SolveOp>(rewriter, node, node.input(0), node.input(1),
                                rewriter.getBoolAttr(*adjoint)));
}

RuleResult matrixTriangularSolve(ImportNode &node, PatternRewriter &rewriter) {
  if (!isSystem(node))
    return RuleResult::NotApplicable;
  FailureOr<bool> lower = getBool(node, "lower", true);
  FailureOr<bool> adjoint = getBool(node, "adjoint", false);
  if (failed(lower) || failed(adjoint))
    return RuleResult::Failed;
  return replace(rewriter, node,
                 build<TriangularSolveOp>(rewriter, node, node.input(0),
                                          node.input(1),
                                          rewriter.getBoolAttr(*lower),
                                          rewriter.getBoolAttr(*adjoint)));
}

/// Lu: the permutation as i32, cast to TF's `output_idx_type` i64. libnd4j
/// versions differ in the slot they read the permutation type from, and all
/// default to i32.
RuleResult lu(ImportNode &node, PatternRewriter &rewriter) {
  if (!isFloatMatrix(node.inputType(0)))
    return RuleResult::NotApplicable;
  auto attr = dyn_cast_or_null<TypeAttr>(node.attrs.get("output_idx_type"));
  Type idx = attr ? attr.getValue() : rewriter.getI32Type();
  if (!idx.isSignlessInteger(32) && !idx.isSignlessInteger(64))
    return RuleResult::NotApplicable;
  FailureOr<Value> factors = build<LuOp>(rewriter, node, node.input(0),
                                         TypeAttr::get(rewriter.getI32Type()));
  if (failed(factors))
    return RuleResult::Failed;
  if (node.getNumResults() == 1)
    return node.replaceWith(rewriter, *factors);
  Value p = factors->getDefiningOp()->getResult(1);
  if (!idx.isSignlessInteger(32)) {
    FailureOr<Value> c = build<CastOp>(rewriter, node, p, TypeAttr::get(idx));
    if (failed(c))
      return RuleResult::Failed;
    p = *c;
  }
  return node.replaceWith(rewriter, {*factors, p});
}

/// LogMatrixDeterminant when only log(|det|) (result 1) is used: libnd4j
/// has no sign, and sign(det) would be wrong where det underflows.
RuleResult logMatrixDeterminant(ImportNode &node, PatternRewriter &rewriter) {
  if (!isFloatMatrix(node.inputType(0)) || node.getNumResults() < 2 ||
      node.isResultUsed(0))
    return RuleResult::NotApplicable;
  FailureOr<Value> logAbs =
      build<LogMatrixDeterminantOp>(rewriter, node, node.input(0));
  if (failed(logAbs))
    return RuleResult::Failed;
  node.op->getResult(1).replaceAllUsesWith(*logAbs);
  rewriter.eraseOp(node.op);
  return RuleResult::Replaced;
}

/// LogMatrixDeterminant with its sign used: log |det| as above, the sign
/// that of the determinant (0 where the determinant underflows, unlike
/// TF's).
RuleResult logMatrixDeterminantWithSign(ImportNode &node,
                                        PatternRewriter &rewriter) {
  if (!isFloatMatrix(node.inputType(0)) || node.getNumResults() < 2)
    return RuleResult::NotApplicable;
  FailureOr<Value> logAbs =
      build<LogMatrixDeterminantOp>(rewriter, node, node.input(0));
  FailureOr<Value> det =
      build<MatrixDeterminantOp>(rewriter, node, node.input(0));
  FailureOr<Value> sign =
      succeeded(det) ? build<SignOp>(rewriter, node, *det) : det;
  if (failed(sign) || failed(logAbs))
    return RuleResult::Failed;
  return node.replaceWith(rewriter, {*sign, *logAbs});
}

} // namespace

void mlir::nd4j::tf_rules::registerTfLinalgRules(const AddRuleFn &add) {
  add("Digamma", unaryFloat<DigammaOp>);
  add("Zeta", sameShapeBinary<ZetaOp>);
  add("Polygamma", sameShapeBinary<PolygammaOp>);
  add("Atan2", tfAtan2);
  add("MatrixDeterminant", unaryMatrix<MatrixDeterminantOp>);
  add("LogMatrixDeterminant", logMatrixDeterminant);
  add("LogMatrixDeterminant", logMatrixDeterminantWithSign);
  add("MatrixDiagPart", matrixDiagPart);
  add("Cholesky", cholesky);
  add("MatrixSolve", matrixSolve);
  add("MatrixTriangularSolve", matrixTriangularSolve);
  add("Lu", lu);
}
