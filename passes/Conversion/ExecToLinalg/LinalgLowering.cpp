//===- LinalgLowering.cpp - dense linear algebra --------------------------===//
//
// lu, matrix_determinant, solve, matrix_inverse, triangular_solve and
// cholesky on batches of small matrices ([..., n, n]): the batch is a loop
// over the matrices (collapsed to one dimension), and each matrix is
// factored or solved by the textbook algorithm written as scf loops on
// tensors (tensor.extract / tensor.insert carried through iter_args, which
// bufferize in place):
// - LU with partial pivoting (the first largest |pivot|, as LAPACK and
//   Eigen choose it): L unit lower and U in one matrix, and the row
//   permutation p with P A = L U;
// - the determinant: the sign of the permutation times the product of U's
//   diagonal;
// - solve: A X = B (or A^T X = B with the adjoint flag) by LU, then forward
//   and back substitution per column of B; the inverse solves A X = I;
// - triangular_solve: substitution with the lower or upper triangle of A
//   (the other triangle is not read), or of its transpose;
// - cholesky: the lower factor L of A = L L^T from A's lower triangle.
// These are O(n^3) per matrix and sequential within one; the matrices of a
// batch are independent.
//
//===----------------------------------------------------------------------===//

#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "passes/Conversion/ExecToLinalg/ExecLowering.h"

using namespace mlir;
using namespace mlir::nd4j;

namespace {

/// Scalar and element helpers for one builder position.
struct M {
  OpBuilder &b;
  Location loc;
  Type elem;

  Value c(int64_t v) { return arith::ConstantIndexOp::create(b, loc, v); }
  Value f(double v) { return createScalar(b, loc, elem, v); }
  Value get(Value t, Value i, Value j) {
    return tensor::ExtractOp::create(b, loc, t, ValueRange{i, j});
  }
  Value get(Value t, Value i) {
    return tensor::ExtractOp::create(b, loc, t, ValueRange{i});
  }
  Value set(Value t, Value v, Value i, Value j) {
    return tensor::InsertOp::create(b, loc, v, t, ValueRange{i, j});
  }
  Value set(Value t, Value v, Value i) {
    return tensor::InsertOp::create(b, loc, v, t, ValueRange{i});
  }
  Value add(Value x, Value y) { return arith::AddFOp::create(b, loc, x, y); }
  Value sub(Value x, Value y) { return arith::SubFOp::create(b, loc, x, y); }
  Value mul(Value x, Value y) { return arith::MulFOp::create(b, loc, x, y); }
  Value div(Value x, Value y) { return arith::DivFOp::create(b, loc, x, y); }
  Value addi(Value x, Value y) { return arith::AddIOp::create(b, loc, x, y); }
  Value subi(Value x, Value y) { return arith::SubIOp::create(b, loc, x, y); }
};

using LoopBody =
    function_ref<SmallVector<Value>(M &m, Value iv, ValueRange carried)>;

/// scf.for from lo to hi (index values) carrying `init`.
SmallVector<Value> loop(M &m, Value lo, Value hi, ValueRange init,
                        LoopBody body) {
  auto f = scf::ForOp::create(
      m.b, m.loc, lo, hi, m.c(1), init,
      [&](OpBuilder &nb, Location nl, Value iv, ValueRange args) {
        M inner{nb, nl, m.elem};
        scf::YieldOp::create(nb, nl, body(inner, iv, args));
      });
  return SmallVector<Value>(f.getResults());
}

/// scf.if yielding `thenValues()` or `elseValues()`.
SmallVector<Value> branch(M &m, Value cond, TypeRange types,
                          function_ref<SmallVector<Value>(M &)> thenValues,
                          function_ref<SmallVector<Value>(M &)> elseValues) {
  auto op = scf::IfOp::create(
      m.b, m.loc, cond,
      [&](OpBuilder &tb, Location tl) {
        M inner{tb, tl, m.elem};
        scf::YieldOp::create(tb, tl, thenValues(inner));
      },
      [&](OpBuilder &eb, Location el) {
        M inner{eb, el, m.elem};
        scf::YieldOp::create(eb, el, elseValues(inner));
      });
  (void)types;
  return SmallVector<Value>(op.getResults());
}

/// The matrix `a` ([n, n]) transposed.
Value transposed(M &m, Value a, int64_t n) {
  Value t =
      tensor::EmptyOp::create(m.b, m.loc, ArrayRef<int64_t>{n, n}, m.elem);
  return loop(m, m.c(0), m.c(n), {t}, [&](M &mi, Value i, ValueRange ti) {
    return loop(
        mi, mi.c(0), mi.c(n), {ti[0]}, [&](M &mj, Value j, ValueRange tj) {
          return SmallVector<Value>{mj.set(tj[0], mj.get(a, j, i), i, j)};
        });
  })[0];
}

/// LU with partial pivoting of `a` ([n, n]): (LU, permutation as index
/// values in an i64 vector [n], sign of the permutation).
std::tuple<Value, Value, Value> luFactor(M &m, Value a, int64_t n) {
  Type i64 = m.b.getI64Type();
  Value perm = tensor::EmptyOp::create(m.b, m.loc, ArrayRef<int64_t>{n}, i64);
  perm = loop(m, m.c(0), m.c(n), {perm}, [&](M &mi, Value i, ValueRange t) {
    return SmallVector<Value>{
        mi.set(t[0], arith::IndexCastOp::create(mi.b, mi.loc, i64, i), i)};
  })[0];
  SmallVector<Value> out = loop(
      m, m.c(0), m.c(n), {a, perm, m.f(1)},
      [&](M &mk, Value k, ValueRange s) -> SmallVector<Value> {
        Value A = s[0], P = s[1], sign = s[2];
        // The pivot: the first row at or below k with the largest |A[i,k]|.
        SmallVector<Value> best = loop(
            mk, k, mk.c(n), {mk.f(-1), k},
            [&](M &mi, Value i, ValueRange t) -> SmallVector<Value> {
              Value v = math::AbsFOp::create(mi.b, mi.loc, mi.get(A, i, k));
              Value better = arith::CmpFOp::create(
                  mi.b, mi.loc, arith::CmpFPredicate::OGT, v, t[0]);
              return {arith::SelectOp::create(mi.b, mi.loc, better, v, t[0]),
                      arith::SelectOp::create(mi.b, mi.loc, better, i, t[1])};
            });
        Value p = best[1];
        // Swap rows k and p, the permutation's entries and the sign.
        A = loop(mk, mk.c(0), mk.c(n), {A},
                 [&](M &mj, Value j, ValueRange t) -> SmallVector<Value> {
                   Value x = mj.get(t[0], k, j), y = mj.get(t[0], p, j);
                   Value r = mj.set(t[0], y, k, j);
                   return {mj.set(r, x, p, j)};
                 })[0];
        Value pk = mk.get(P, k), pp = mk.get(P, p);
        P = mk.set(mk.set(P, pp, k), pk, p);
        Value moved =
            arith::CmpIOp::create(mk.b, mk.loc, arith::CmpIPredicate::ne, p, k);
        sign = arith::SelectOp::create(
            mk.b, mk.loc, moved, arith::NegFOp::create(mk.b, mk.loc, sign),
            sign);
        // Eliminate below the pivot; the factors become L.
        Value pivot = mk.get(A, k, k);
        Value next = mk.addi(k, mk.c(1));
        A = loop(mk, next, mk.c(n), {A},
                 [&](M &mi, Value i, ValueRange t) -> SmallVector<Value> {
                   Value factor = mi.div(mi.get(t[0], i, k), pivot);
                   Value r = mi.set(t[0], factor, i, k);
                   return loop(
                       mi, next, mi.c(n), {r},
                       [&](M &mj, Value j, ValueRange u) {
                         Value v = mj.sub(mj.get(u[0], i, j),
                                          mj.mul(factor, mj.get(u[0], k, j)));
                         return SmallVector<Value>{mj.set(u[0], v, i, j)};
                       });
                 })[0];
        return {A, P, sign};
      });
  return {out[0], out[1], out[2]};
}

/// Solves L U X = P B for X ([n, m]) given LU and the permutation.
Value luSolve(M &m, Value lu, Value perm, Value rhs, int64_t n, int64_t k) {
  Value x =
      tensor::EmptyOp::create(m.b, m.loc, ArrayRef<int64_t>{n, k}, m.elem);
  return loop(m, m.c(0), m.c(k), {x}, [&](M &mc, Value col, ValueRange t) {
    // Forward: y_i = b_{p(i)} - sum_{j<i} L_ij y_j (L unit).
    Value X = loop(mc, mc.c(0), mc.c(n), {t[0]},
                   [&](M &mi, Value i, ValueRange u) -> SmallVector<Value> {
                     Value row = arith::IndexCastOp::create(
                         mi.b, mi.loc, mi.b.getIndexType(), mi.get(perm, i));
                     Value s =
                         loop(mi, mi.c(0), i, {mi.get(rhs, row, col)},
                              [&](M &mj, Value j, ValueRange acc) {
                                return SmallVector<Value>{mj.sub(
                                    acc[0], mj.mul(mj.get(lu, i, j),
                                                   mj.get(u[0], j, col)))};
                              })[0];
                     return {mi.set(u[0], s, i, col)};
                   })[0];
    // Back: x_i = (y_i - sum_{j>i} U_ij x_j) / U_ii, i from n-1 down.
    X = loop(mc, mc.c(0), mc.c(n), {X},
             [&](M &mr, Value r, ValueRange u) -> SmallVector<Value> {
               Value i = mr.subi(mr.c(n - 1), r);
               Value s = loop(mr, mr.addi(i, mr.c(1)), mr.c(n),
                              {mr.get(u[0], i, col)},
                              [&](M &mj, Value j, ValueRange acc) {
                                return SmallVector<Value>{mj.sub(
                                    acc[0], mj.mul(mj.get(lu, i, j),
                                                   mj.get(u[0], j, col)))};
                              })[0];
               return {mr.set(u[0], mr.div(s, mr.get(lu, i, i)), i, col)};
             })[0];
    return SmallVector<Value>{X};
  })[0];
}

/// Solves T X = B with T's lower (or upper) triangle, diagonal included.
Value triangularSolve(M &m, Value t, Value rhs, int64_t n, int64_t k,
                      bool lower) {
  Value x =
      tensor::EmptyOp::create(m.b, m.loc, ArrayRef<int64_t>{n, k}, m.elem);
  return loop(m, m.c(0), m.c(k), {x}, [&](M &mc, Value col, ValueRange s) {
    return loop(mc, mc.c(0), mc.c(n), {s[0]},
                [&](M &mr, Value r, ValueRange u) -> SmallVector<Value> {
                  Value i = lower ? r : mr.subi(mr.c(n - 1), r);
                  Value lo = lower ? mr.c(0) : mr.addi(i, mr.c(1));
                  Value hi = lower ? i : mr.c(n);
                  Value acc = loop(mr, lo, hi, {mr.get(rhs, i, col)},
                                   [&](M &mj, Value j, ValueRange a) {
                                     return SmallVector<Value>{mj.sub(
                                         a[0], mj.mul(mj.get(t, i, j),
                                                      mj.get(u[0], j, col)))};
                                   })[0];
                  return {mr.set(u[0], mr.div(acc, mr.get(t, i, i)), i, col)};
                });
  })[0];
}

/// The lower Cholesky factor of `a` (its lower triangle read); zeros above.
Value choleskyFactor(M &m, Value a, int64_t n) {
  Value l =
      linalg::FillOp::create(m.b, m.loc, ValueRange{m.f(0)},
                             ValueRange{tensor::EmptyOp::create(
                                 m.b, m.loc, ArrayRef<int64_t>{n, n}, m.elem)})
          .getResult(0);
  return loop(m, m.c(0), m.c(n), {l}, [&](M &mj, Value j, ValueRange s) {
    // Column j: the diagonal, then the entries below it.
    Value d = loop(mj, mj.c(0), j, {mj.get(a, j, j)},
                   [&](M &mk, Value k, ValueRange acc) {
                     Value v = mk.get(s[0], j, k);
                     return SmallVector<Value>{mk.sub(acc[0], mk.mul(v, v))};
                   })[0];
    d = math::SqrtOp::create(mj.b, mj.loc, d);
    Value L = mj.set(s[0], d, j, j);
    return loop(mj, mj.addi(j, mj.c(1)), mj.c(n), {L},
                [&](M &mi, Value i, ValueRange u) -> SmallVector<Value> {
                  Value acc = loop(mi, mi.c(0), j, {mi.get(a, i, j)},
                                   [&](M &mk, Value k, ValueRange t) {
                                     return SmallVector<Value>{mk.sub(
                                         t[0], mk.mul(mk.get(u[0], i, k),
                                                      mk.get(u[0], j, k)))};
                                   })[0];
                  return {mi.set(u[0], mi.div(acc, d), i, j)};
                });
  })[0];
}

/// `v` ([..., r, c]) as [B, r, c] with the leading dimensions merged (B = 1
/// for a single matrix).
Value asBatch(OpBuilder &b, Location loc, Value v) {
  auto type = cast<RankedTensorType>(v.getType());
  int64_t rank = type.getRank();
  int64_t count = 1;
  for (int64_t d : type.getShape().drop_back(2))
    count *= d;
  return reshapeTo(b, loc, v,
                   RankedTensorType::get({count, type.getDimSize(rank - 2),
                                          type.getDimSize(rank - 1)},
                                         type.getElementType()));
}

/// The inverse of asBatch for a result of `type` ([..., r, c] or [...] when
/// each matrix gives a scalar or a vector); null when the element counts
/// differ.
Value fromBatch(OpBuilder &b, Location loc, Value v, RankedTensorType type) {
  if (cast<RankedTensorType>(v.getType()).getNumElements() !=
      type.getNumElements())
    return Value();
  return reshapeTo(b, loc, v, type);
}

/// Runs `perMatrix` on matrix b of each batched input ([B, r, c] tensors)
/// and gathers its results ([...] tensors of `shapes`) into [B, ...]
/// tensors.
SmallVector<Value>
forEachMatrix(OpBuilder &b, Location loc, Type elem, ValueRange batched,
              ArrayRef<RankedTensorType> perResult,
              function_ref<SmallVector<Value>(M &, ValueRange)> perMatrix) {
  int64_t count = cast<RankedTensorType>(batched[0].getType()).getDimSize(0);
  SmallVector<Value> inits;
  for (RankedTensorType t : perResult) {
    SmallVector<int64_t> shape = {count};
    llvm::append_range(shape, t.getShape());
    inits.push_back(tensor::EmptyOp::create(b, loc, shape, t.getElementType()));
  }
  M m{b, loc, elem};
  return loop(m, m.c(0), m.c(count), inits,
              [&](M &mb, Value bi, ValueRange acc) -> SmallVector<Value> {
                SmallVector<Value> matrices;
                for (Value v : batched) {
                  auto t = cast<RankedTensorType>(v.getType());
                  auto one = RankedTensorType::get(t.getShape().drop_front(),
                                                   t.getElementType());
                  SmallVector<OpFoldResult> offsets = {bi},
                                            sizes = {mb.b.getIndexAttr(1)},
                                            strides(3, mb.b.getIndexAttr(1));
                  for (int64_t d : t.getShape().drop_front()) {
                    offsets.push_back(mb.b.getIndexAttr(0));
                    sizes.push_back(mb.b.getIndexAttr(d));
                  }
                  matrices.push_back(tensor::ExtractSliceOp::create(
                      mb.b, mb.loc, one, v, offsets, sizes, strides));
                }
                SmallVector<Value> outs = perMatrix(mb, matrices);
                SmallVector<Value> updated;
                for (auto [o, a] : llvm::zip(outs, acc)) {
                  auto t = cast<RankedTensorType>(o.getType());
                  SmallVector<OpFoldResult> offsets = {bi},
                                            sizes = {mb.b.getIndexAttr(1)},
                                            strides(t.getRank() + 1,
                                                    mb.b.getIndexAttr(1));
                  for (int64_t d : t.getShape()) {
                    offsets.push_back(mb.b.getIndexAttr(0));
                    sizes.push_back(mb.b.getIndexAttr(d));
                  }
                  updated.push_back(tensor::InsertSliceOp::create(
                      mb.b, mb.loc, o, a, offsets, sizes, strides));
                }
                return updated;
              });
}

/// Checks that input `i` is a float [..., n, n] batch of square matrices.
FailureOr<int64_t> squareSize(ExecLowering &l, unsigned i) {
  RankedTensorType t = l.inputType(i);
  int64_t rank = t.getRank();
  if (rank < 2 || !t.hasStaticShape() || !isa<FloatType>(t.getElementType()) ||
      t.getDimSize(rank - 1) != t.getDimSize(rank - 2)) {
    l.emitError("expected floating-point square matrices [..., n, n]");
    return failure();
  }
  return t.getDimSize(rank - 1);
}

LogicalResult lowerLu(ExecLowering &l, SmallVectorImpl<Value> &results) {
  FailureOr<int64_t> n = squareSize(l, 0);
  if (failed(n))
    return failure();
  if (l.numResults() != 2)
    return l.emitError("expected lu and p results");
  Type elem = l.inputType(0).getElementType();
  RankedTensorType pType = l.resultType(1);
  Type pElem = pType.getElementType();
  if (!isa<IntegerType>(pElem))
    return l.emitError("the permutation must be integers");
  SmallVector<Value> outs = forEachMatrix(
      l.b, l.loc, elem, {asBatch(l.b, l.loc, l.input(0))},
      {RankedTensorType::get({*n, *n}, elem),
       RankedTensorType::get({*n}, pElem)},
      [&](M &m, ValueRange a) -> SmallVector<Value> {
        auto [lu, perm, sign] = luFactor(m, a[0], *n);
        (void)sign;
        Value p = perm;
        if (pElem != m.b.getI64Type()) {
          p = tensor::EmptyOp::create(m.b, m.loc, ArrayRef<int64_t>{*n}, pElem);
          p = loop(m, m.c(0), m.c(*n), {p}, [&](M &mi, Value i, ValueRange t) {
            return SmallVector<Value>{mi.set(
                t[0],
                arith::TruncIOp::create(mi.b, mi.loc, pElem, mi.get(perm, i)),
                i)};
          })[0];
        }
        return {lu, p};
      });
  results.push_back(fromBatch(l.b, l.loc, outs[0], l.resultType(0)));
  results.push_back(fromBatch(l.b, l.loc, outs[1], pType));
  return success(results[0] && results[1]);
}

/// matrix_determinant, or with `log` the log of its absolute value.
LogicalResult lowerDeterminant(ExecLowering &l, SmallVectorImpl<Value> &results,
                               bool log) {
  FailureOr<int64_t> n = squareSize(l, 0);
  if (failed(n))
    return failure();
  Type elem = l.inputType(0).getElementType();
  SmallVector<Value> outs = forEachMatrix(
      l.b, l.loc, elem, {asBatch(l.b, l.loc, l.input(0))},
      {RankedTensorType::get({}, elem)},
      [&](M &m, ValueRange a) -> SmallVector<Value> {
        auto [lu, perm, sign] = luFactor(m, a[0], *n);
        (void)perm;
        Value acc = log ? m.f(0) : sign;
        acc =
            loop(m, m.c(0), m.c(*n), {acc}, [&](M &mi, Value i, ValueRange t) {
              Value d = mi.get(lu, i, i);
              if (log)
                return SmallVector<Value>{
                    mi.add(t[0], math::LogOp::create(
                                     mi.b, mi.loc,
                                     math::AbsFOp::create(mi.b, mi.loc, d)))};
              return SmallVector<Value>{mi.mul(t[0], d)};
            })[0];
        Value s =
            tensor::EmptyOp::create(m.b, m.loc, ArrayRef<int64_t>{}, elem);
        return {tensor::InsertOp::create(m.b, m.loc, acc, s, ValueRange{})};
      });
  Value r = fromBatch(l.b, l.loc, outs[0], l.resultType());
  if (!r)
    return l.emitError("the result must hold one value per matrix");
  results.push_back(r);
  return success();
}

/// solve (A X = B, or A^T X = B with the adjoint flag) and matrix_inverse
/// (B = I).
LogicalResult lowerSolve(ExecLowering &l, SmallVectorImpl<Value> &results,
                         bool inverse) {
  FailureOr<int64_t> n = squareSize(l, 0);
  if (failed(n))
    return failure();
  Type elem = l.inputType(0).getElementType();
  int64_t k = *n;
  SmallVector<Value> batched = {asBatch(l.b, l.loc, l.input(0))};
  bool adjoint = false;
  if (!inverse) {
    RankedTensorType bt = l.inputType(1);
    if (bt.getRank() != l.inputType(0).getRank() || !bt.hasStaticShape() ||
        bt.getDimSize(bt.getRank() - 2) != *n || bt.getElementType() != elem)
      return l.emitError("the right-hand sides must be [..., n, k] of the "
                         "matrices' type");
    k = bt.getDimSize(bt.getRank() - 1);
    batched.push_back(asBatch(l.b, l.loc, l.input(1)));
    adjoint = l.bArg(0, false);
  }
  SmallVector<Value> outs = forEachMatrix(
      l.b, l.loc, elem, batched, {RankedTensorType::get({*n, k}, elem)},
      [&](M &m, ValueRange mats) -> SmallVector<Value> {
        Value a = adjoint ? transposed(m, mats[0], *n) : mats[0];
        Value rhs;
        if (inverse) {
          rhs = linalg::FillOp::create(
                    m.b, m.loc, ValueRange{m.f(0)},
                    ValueRange{tensor::EmptyOp::create(
                        m.b, m.loc, ArrayRef<int64_t>{*n, *n}, elem)})
                    .getResult(0);
          rhs = loop(m, m.c(0), m.c(*n), {rhs},
                     [&](M &mi, Value i, ValueRange t) {
                       return SmallVector<Value>{mi.set(t[0], mi.f(1), i, i)};
                     })[0];
        } else {
          rhs = mats[1];
        }
        auto [lu, perm, sign] = luFactor(m, a, *n);
        (void)sign;
        return {luSolve(m, lu, perm, rhs, *n, k)};
      });
  results.push_back(fromBatch(l.b, l.loc, outs[0], l.resultType()));
  return success();
}

LogicalResult lowerTriangularSolve(ExecLowering &l,
                                   SmallVectorImpl<Value> &results) {
  FailureOr<int64_t> n = squareSize(l, 0);
  if (failed(n))
    return failure();
  Type elem = l.inputType(0).getElementType();
  RankedTensorType bt = l.inputType(1);
  if (bt.getRank() != l.inputType(0).getRank() || !bt.hasStaticShape() ||
      bt.getDimSize(bt.getRank() - 2) != *n || bt.getElementType() != elem)
    return l.emitError("the right-hand sides must be [..., n, k] of the "
                       "matrices' type");
  int64_t k = bt.getDimSize(bt.getRank() - 1);
  bool lower = l.bArg(0, true), adjoint = l.bArg(1, false);
  SmallVector<Value> outs = forEachMatrix(
      l.b, l.loc, elem,
      {asBatch(l.b, l.loc, l.input(0)), asBatch(l.b, l.loc, l.input(1))},
      {RankedTensorType::get({*n, k}, elem)},
      [&](M &m, ValueRange mats) -> SmallVector<Value> {
        // A^T's lower triangle is A's upper one.
        Value a = adjoint ? transposed(m, mats[0], *n) : mats[0];
        return {triangularSolve(m, a, mats[1], *n, k, lower != adjoint)};
      });
  results.push_back(fromBatch(l.b, l.loc, outs[0], l.resultType()));
  return success();
}

LogicalResult lowerCholesky(ExecLowering &l, SmallVectorImpl<Value> &results) {
  FailureOr<int64_t> n = squareSize(l, 0);
  if (failed(n))
    return failure();
  Type elem = l.inputType(0).getElementType();
  SmallVector<Value> outs =
      forEachMatrix(l.b, l.loc, elem, {asBatch(l.b, l.loc, l.input(0))},
                    {RankedTensorType::get({*n, *n}, elem)},
                    [&](M &m, ValueRange a) -> SmallVector<Value> {
                      return {choleskyFactor(m, a[0], *n)};
                    });
  results.push_back(fromBatch(l.b, l.loc, outs[0], l.resultType()));
  return success();
}

/// The singular values of `a` ([m, n], m >= n) in descending order ([n]):
/// one-sided Jacobi (Hestenes) rotates pairs of columns until they are
/// orthogonal (a fixed number of sweeps, plenty for the small matrices this
/// serves), then the column norms are the singular values.
Value singularValues(M &m, Value a, int64_t rows, int64_t cols) {
  constexpr int64_t kSweeps = 24;
  auto dot = [&](M &mm, Value t, Value p, Value q) {
    return loop(mm, mm.c(0), mm.c(rows), {mm.f(0)},
                [&](M &mi, Value i, ValueRange acc) {
                  return SmallVector<Value>{
                      mi.add(acc[0], mi.mul(mi.get(t, i, p), mi.get(t, i, q)))};
                })[0];
  };
  Value A =
      loop(m, m.c(0), m.c(kSweeps), {a}, [&](M &ms, Value, ValueRange sw) {
        return loop(
            ms, ms.c(0), ms.c(cols), {sw[0]},
            [&](M &mp, Value p, ValueRange sp) {
              return loop(
                  mp, mp.addi(p, mp.c(1)), mp.c(cols), {sp[0]},
                  [&](M &mq, Value q, ValueRange sq) -> SmallVector<Value> {
                    Value t = sq[0];
                    Value alpha = dot(mq, t, p, p);
                    Value beta = dot(mq, t, q, q);
                    Value gamma = dot(mq, t, p, q);
                    // tan of the angle that zeroes gamma; 0 when the
                    // columns are already orthogonal.
                    Value zero = mq.f(0), one = mq.f(1);
                    Value orthogonal = arith::CmpFOp::create(
                        mq.b, mq.loc, arith::CmpFPredicate::OEQ, gamma, zero);
                    Value safeGamma = arith::SelectOp::create(
                        mq.b, mq.loc, orthogonal, one, gamma);
                    Value zeta =
                        mq.div(mq.sub(beta, alpha), mq.mul(mq.f(2), safeGamma));
                    Value absZeta = math::AbsFOp::create(mq.b, mq.loc, zeta);
                    Value root = math::SqrtOp::create(
                        mq.b, mq.loc, mq.add(one, mq.mul(zeta, zeta)));
                    Value sign =
                        math::CopySignOp::create(mq.b, mq.loc, one, zeta);
                    Value tn = mq.div(sign, mq.add(absZeta, root));
                    tn = arith::SelectOp::create(mq.b, mq.loc, orthogonal, zero,
                                                 tn);
                    Value c = mq.div(
                        one, math::SqrtOp::create(mq.b, mq.loc,
                                                  mq.add(one, mq.mul(tn, tn))));
                    Value sn = mq.mul(c, tn);
                    return loop(
                        mq, mq.c(0), mq.c(rows), {t},
                        [&](M &mi, Value i, ValueRange u) {
                          Value ap = mi.get(u[0], i, p);
                          Value aq = mi.get(u[0], i, q);
                          Value r = mi.set(
                              u[0], mi.sub(mi.mul(c, ap), mi.mul(sn, aq)), i,
                              p);
                          return SmallVector<Value>{mi.set(
                              r, mi.add(mi.mul(sn, ap), mi.mul(c, aq)), i, q)};
                        });
                  });
            });
      })[0];
  Value values =
      tensor::EmptyOp::create(m.b, m.loc, ArrayRef<int64_t>{cols}, m.elem);
  values =
      loop(m, m.c(0), m.c(cols), {values}, [&](M &mj, Value j, ValueRange t) {
        return SmallVector<Value>{mj.set(
            t[0], math::SqrtOp::create(mj.b, mj.loc, dot(mj, A, j, j)), j)};
      })[0];
  // Selection sort, descending.
  return loop(
      m, m.c(0), m.c(cols), {values}, [&](M &mi, Value i, ValueRange t) {
        SmallVector<Value> best = loop(
            mi, mi.addi(i, mi.c(1)), mi.c(cols), {mi.get(t[0], i), i},
            [&](M &mj, Value j, ValueRange bt) -> SmallVector<Value> {
              Value v = mj.get(t[0], j);
              Value larger = arith::CmpFOp::create(
                  mj.b, mj.loc, arith::CmpFPredicate::OGT, v, bt[0]);
              return {arith::SelectOp::create(mj.b, mj.loc, larger, v, bt[0]),
                      arith::SelectOp::create(mj.b, mj.loc, larger, j, bt[1])};
            });
        Value vi = mi.get(t[0], i);
        Value r = mi.set(t[0], best[0], i);
        return SmallVector<Value>{mi.set(r, vi, best[1])};
      })[0];
}

/// svd, singular values only (calcUV 0): [..., m, n] -> [..., min(m, n)].
LogicalResult lowerSvd(ExecLowering &l, SmallVectorImpl<Value> &results) {
  RankedTensorType in = l.inputType(0);
  int64_t rank = in.getRank();
  if (rank < 2 || !in.hasStaticShape() || !isa<FloatType>(in.getElementType()))
    return l.emitError("expected floating-point matrices [..., m, n]");
  if (l.iArg(1, 0) != 0 || l.numResults() != 1)
    return l.emitError("only the singular values (calcUV 0) are lowered");
  int64_t rows = in.getDimSize(rank - 2), cols = in.getDimSize(rank - 1);
  bool wide = rows < cols;
  int64_t r = wide ? cols : rows, c = wide ? rows : cols;
  Type elem = in.getElementType();
  SmallVector<Value> outs = forEachMatrix(
      l.b, l.loc, elem, {asBatch(l.b, l.loc, l.input(0))},
      {RankedTensorType::get({c}, elem)},
      [&](M &m, ValueRange a) -> SmallVector<Value> {
        Value mat = a[0];
        if (wide) {
          // The transpose has the same singular values.
          Value t = tensor::EmptyOp::create(m.b, m.loc, ArrayRef<int64_t>{r, c},
                                            elem);
          mat =
              loop(m, m.c(0), m.c(r), {t}, [&](M &mi, Value i, ValueRange ti) {
                return loop(mi, mi.c(0), mi.c(c), {ti[0]},
                            [&](M &mj, Value j, ValueRange tj) {
                              return SmallVector<Value>{
                                  mj.set(tj[0], mj.get(a[0], j, i), i, j)};
                            });
              })[0];
        }
        return {singularValues(m, mat, r, c)};
      });
  Value res = fromBatch(l.b, l.loc, outs[0], l.resultType());
  if (!res)
    return l.emitError("the result must be [..., min(m, n)]");
  results.push_back(res);
  return success();
}

} // namespace

void mlir::nd4j::populateExecToLinalgLinalg(ExecLoweringTable &table) {
  table.add("lu", lowerLu);
  table.add("matrix_determinant",
            [](ExecLowering &l, SmallVectorImpl<Value> &r) {
              return lowerDeterminant(l, r, /*log=*/false);
            });
  table.add("log_matrix_determinant",
            [](ExecLowering &l, SmallVectorImpl<Value> &r) {
              return lowerDeterminant(l, r, /*log=*/true);
            });
  table.add("solve", [](ExecLowering &l, SmallVectorImpl<Value> &r) {
    return lowerSolve(l, r, /*inverse=*/false);
  });
  table.add("matrix_inverse", [](ExecLowering &l, SmallVectorImpl<Value> &r) {
    return lowerSolve(l, r, /*inverse=*/true);
  });
  table.add("triangular_solve", lowerTriangularSolve);
  table.add("cholesky", lowerCholesky);
  table.add("svd", lowerSvd);
}
