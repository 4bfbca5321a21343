//===- ElementwiseLowering.cpp - elementwise libnd4j ops ------*- C++ -*-===//
//
// Unary transforms, activations, numpy-broadcasting binary arithmetic,
// comparisons, boolean and bitwise ops, select, clip and cast. Each becomes
// one elementwise linalg.generic (fused with its neighbours later by
// linalg's elementwise fusion); the scalar bodies follow libnd4j's kernels
// (e.g. `relu` with its cutoff, `floormod` taking the divisor's sign).
//
//===----------------------------------------------------------------------===//

#include "passes/Conversion/ExecToLinalg/ExecLowering.h"

#include <limits>

#include "mlir/Dialect/Math/IR/Math.h"
#include <cmath>

using namespace mlir;
using namespace mlir::nd4j;

namespace {

using ScalarFn =
    std::function<Value(OpBuilder &, Location, ValueRange, ExecLowering &)>;

bool isFloat(Type t) { return isa<FloatType>(getElementTypeOrSelf(t)); }

/// Input `i` with every dimension that is known only at run time, where the
/// result's is a fixed N, made N: a run-time check that the size is 1 or N,
/// then a generic that reads index 0 where it is 1 (a broadcast) and the
/// loop index otherwise. Other inputs pass unchanged.
Value expandRunTimeBroadcast(ExecLowering &l, unsigned i,
                             RankedTensorType type) {
  OpBuilder &b = l.b;
  Location loc = l.loc;
  Value x = l.input(i);
  RankedTensorType in = l.inputType(i);
  int64_t offset = type.getRank() - in.getRank();
  SmallVector<int64_t> shape(in.getShape());
  SmallVector<Value> dims, dynamicSizes;
  bool any = false;
  for (int64_t d = 0; d < in.getRank(); ++d) {
    dims.push_back(in.isDynamicDim(d)
                       ? tensor::DimOp::create(b, loc, x, d).getResult()
                       : Value());
    if (!in.isDynamicDim(d))
      continue;
    if (type.isDynamicDim(offset + d)) {
      dynamicSizes.push_back(dims[d]);
      continue;
    }
    any = true;
    int64_t n = type.getDimSize(offset + d);
    shape[d] = n;
    Value one =
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, dims[d],
                              arith::ConstantIndexOp::create(b, loc, 1));
    Value full =
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, dims[d],
                              arith::ConstantIndexOp::create(b, loc, n));
    l.checkAtRunTime(arith::OrIOp::create(b, loc, one, full),
                     "dimension " + Twine(d) + " of input " + Twine(i) +
                         " is neither 1 nor the result's " + Twine(n));
  }
  if (!any)
    return x;
  auto expandedType = RankedTensorType::get(shape, in.getElementType());
  Value init =
      tensor::EmptyOp::create(b, loc, shape, in.getElementType(), dynamicSizes);
  SmallVector<AffineMap> maps = {b.getMultiDimIdentityMap(in.getRank())};
  SmallVector<utils::IteratorType> iterators(in.getRank(),
                                             utils::IteratorType::parallel);
  return linalg::GenericOp::create(
             b, loc, expandedType, ValueRange{}, ValueRange{init}, maps,
             iterators,
             [&](OpBuilder &nb, Location nl, ValueRange) {
               SmallVector<Value> idx;
               Value zero = arith::ConstantIndexOp::create(nb, nl, 0);
               for (int64_t d = 0; d < in.getRank(); ++d) {
                 Value iv = linalg::IndexOp::create(nb, nl, d);
                 if (in.isDynamicDim(d) && !type.isDynamicDim(offset + d)) {
                   Value one = arith::CmpIOp::create(
                       nb, nl, arith::CmpIPredicate::eq, dims[d],
                       arith::ConstantIndexOp::create(nb, nl, 1));
                   iv = arith::SelectOp::create(nb, nl, one, zero, iv);
                 }
                 idx.push_back(iv);
               }
               linalg::YieldOp::create(
                   nb, nl,
                   tensor::ExtractOp::create(nb, nl, x, idx).getResult());
             })
      .getResult(0);
}

/// All inputs converted to the result's element type inside the body (as
/// libnd4j promotes mixed-type inputs), then `fn`.
ExecLowerFn elementwise(ScalarFn fn, bool convertToResult = true) {
  return [fn,
          convertToResult](ExecLowering &l,
                           SmallVectorImpl<Value> &results) -> LogicalResult {
    RankedTensorType type = l.resultType();
    for (unsigned i = 0; i < l.numInputs(); ++i)
      if (l.inputType(i).getRank() > type.getRank())
        return l.emitError("input ") << i << " has a higher rank than the "
                                     << "result";
    // A run-time dimension read where the result's is fixed may be a
    // broadcast 1 at run time: such an input is first expanded to the fixed
    // size (after checking that it is 1 or that size).
    SmallVector<Value> inputs(l.inputs);
    for (unsigned i = 0; i < l.numInputs(); ++i)
      inputs[i] = expandRunTimeBroadcast(l, i, type);
    Value r = createElementwise(
        l.b, l.loc, type, inputs,
        [&](OpBuilder &b, Location loc, ValueRange scalars) {
          SmallVector<Value> args;
          for (auto [i, s] : llvm::enumerate(scalars))
            args.push_back(convertToResult
                               ? convertScalar(b, loc, s, type.getElementType(),
                                               l.isUnsignedInput(i),
                                               l.isUnsignedResult())
                               : s);
          return fn(b, loc, args, l);
        });
    results.push_back(r);
    return success();
  };
}

/// A float-only unary op given by a math/arith op class.
template <typename FloatOp> ExecLowerFn floatUnary() {
  return elementwise(
      [](OpBuilder &b, Location loc, ValueRange a, ExecLowering &) -> Value {
        return FloatOp::create(b, loc, a[0]);
      });
}

Value cst(OpBuilder &b, Location loc, Value like, double v) {
  return createScalar(b, loc, like.getType(), v);
}

/// A clip bound of `like`'s type. Integer bounds saturate to the type's
/// range: ONNX's default bounds are the float infinities, and converting
/// those (or any out-of-range value) to an integer is undefined.
Value boundConst(OpBuilder &b, Location loc, Value like, double v,
                 bool isUnsigned) {
  Type type = like.getType();
  if (isa<IntegerType>(type) && !type.isInteger(1)) {
    unsigned bits = type.getIntOrFloatBitWidth();
    APInt lo =
        isUnsigned ? APInt::getMinValue(bits) : APInt::getSignedMinValue(bits);
    APInt hi =
        isUnsigned ? APInt::getMaxValue(bits) : APInt::getSignedMaxValue(bits);
    double loD = isUnsigned ? lo.roundToDouble(false) : lo.roundToDouble(true);
    double hiD = isUnsigned ? hi.roundToDouble(false) : hi.roundToDouble(true);
    APInt r;
    if (std::isnan(v) || v <= loD)
      r = lo;
    else if (v >= hiD)
      r = hi;
    else
      r = isUnsigned ? APInt(bits, static_cast<uint64_t>(v))
                     : APInt(bits, static_cast<int64_t>(v), /*isSigned=*/true);
    return arith::ConstantOp::create(b, loc, b.getIntegerAttr(type, r));
  }
  return cst(b, loc, like, v);
}

/// Binary arithmetic with a float and an integer form.
template <typename FOp, typename IOp, typename UOp = IOp>
ExecLowerFn arithBinary() {
  return elementwise(
      [](OpBuilder &b, Location loc, ValueRange a, ExecLowering &l) -> Value {
        if (isFloat(a[0].getType()))
          return FOp::create(b, loc, a[0], a[1]);
        if (l.isUnsignedResult())
          return UOp::create(b, loc, a[0], a[1]);
        return IOp::create(b, loc, a[0], a[1]);
      });
}

/// Comparisons: inputs are compared in their common (first input's) type;
/// the result is bool.
ExecLowerFn compare(arith::CmpFPredicate fp, arith::CmpIPredicate sp,
                    arith::CmpIPredicate up) {
  return [=](ExecLowering &l, SmallVectorImpl<Value> &results) {
    Type common = l.inputType(0).getElementType();
    bool unsignedIn = l.isUnsignedInput(0);
    results.push_back(createElementwise(
        l.b, l.loc, l.resultType(), l.inputs,
        [&](OpBuilder &b, Location loc, ValueRange s) -> Value {
          Value x = s[0];
          Value y = convertScalar(b, loc, s[1], common, l.isUnsignedInput(1),
                                  unsignedIn);
          if (isa<FloatType>(common))
            return arith::CmpFOp::create(b, loc, fp, x, y);
          return arith::CmpIOp::create(b, loc, unsignedIn ? up : sp, x, y);
        }));
    return success();
  };
}

/// `isnan`/`isinf`/`isfinite`: bool results from a float input.
ExecLowerFn floatClass(int which) {
  return [=](ExecLowering &l, SmallVectorImpl<Value> &results) {
    results.push_back(createElementwise(
        l.b, l.loc, l.resultType(), l.inputs,
        [&](OpBuilder &b, Location loc, ValueRange s) -> Value {
          Value x = s[0];
          if (!isa<FloatType>(x.getType()))
            return createScalar(b, loc, b.getI1Type(), which == 2 ? 1 : 0);
          if (which == 0)
            return arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNO, x,
                                         x);
          Value abs = math::AbsFOp::create(b, loc, x);
          Value inf = createScalar(b, loc, x.getType(),
                                   std::numeric_limits<double>::infinity());
          if (which == 1)
            return arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OEQ, abs,
                                         inf);
          return arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT, abs,
                                       inf);
        }));
    return success();
  };
}

Value sigmoid(OpBuilder &b, Location loc, Value x) {
  Value one = cst(b, loc, x, 1);
  Value negX = arith::NegFOp::create(b, loc, x);
  Value e = math::ExpOp::create(b, loc, negX);
  return arith::DivFOp::create(b, loc, one,
                               arith::AddFOp::create(b, loc, one, e));
}

Value select(OpBuilder &b, Location loc, Value c, Value t, Value f) {
  return arith::SelectOp::create(b, loc, c, t, f);
}

/// Python-style floor division and modulo (libnd4j's floordiv/floormod).
Value floorDiv(OpBuilder &b, Location loc, Value x, Value y, bool isUnsigned) {
  if (isFloat(x.getType()))
    return math::FloorOp::create(b, loc, arith::DivFOp::create(b, loc, x, y));
  if (isUnsigned)
    return arith::DivUIOp::create(b, loc, x, y);
  return arith::FloorDivSIOp::create(b, loc, x, y);
}

/// A comparison of scalars of one type: float predicate for floats,
/// (signed) integer predicate otherwise.
Value compareScalars(OpBuilder &b, Location loc, arith::CmpFPredicate fp,
                     arith::CmpIPredicate ip, Value x, Value y) {
  if (isFloat(x.getType()))
    return arith::CmpFOp::create(b, loc, fp, x, y);
  return arith::CmpIOp::create(b, loc, ip, x, y);
}

Value floorMod(OpBuilder &b, Location loc, Value x, Value y, bool isUnsigned) {
  bool fp = isFloat(x.getType());
  if (!fp && isUnsigned)
    return arith::RemUIOp::create(b, loc, x, y);
  // The truncated remainder, plus the divisor when their signs differ: the
  // result keeps the divisor's sign.
  Value r = fp ? arith::RemFOp::create(b, loc, x, y).getResult()
               : arith::RemSIOp::create(b, loc, x, y).getResult();
  Value zero = cst(b, loc, x, 0);
  using FP = arith::CmpFPredicate;
  using IP = arith::CmpIPredicate;
  Value rNeg = compareScalars(b, loc, FP::OLT, IP::slt, r, zero);
  Value yNeg = compareScalars(b, loc, FP::OLT, IP::slt, y, zero);
  Value rNonZero = compareScalars(b, loc, FP::ONE, IP::ne, r, zero);
  Value differ = arith::XOrIOp::create(b, loc, rNeg, yNeg);
  Value fix = arith::AndIOp::create(b, loc, differ, rNonZero);
  Value sum = fp ? arith::AddFOp::create(b, loc, r, y).getResult()
                 : arith::AddIOp::create(b, loc, r, y).getResult();
  return select(b, loc, fix, sum, r);
}

/// The unary and binary op table.
/// `x` widened to f64 (the special functions compute there), and back.
Value toF64(OpBuilder &b, Location loc, Value x) {
  return x.getType().isF64()
             ? x
             : arith::ExtFOp::create(b, loc, b.getF64Type(), x).getResult();
}
Value fromF64(OpBuilder &b, Location loc, Value v, Type type) {
  if (type.isF64())
    return v;
  // Through f32: a direct f64 -> bf16 truncation is a libgcc call that
  // Debian's libgcc lacks.
  v = arith::TruncFOp::create(b, loc, b.getF32Type(), v);
  return type.isF32() ? v
                      : arith::TruncFOp::create(b, loc, type, v).getResult();
}

/// The reflection of lgamma's and digamma's argument: whether x < 0.5, and
/// 1 - x there (x elsewhere), where their series apply.
std::pair<Value, Value> reflectBelowHalf(OpBuilder &b, Location loc, Value x) {
  Value reflect = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT, x,
                                        cst(b, loc, x, 0.5));
  Value y = select(b, loc, reflect,
                   arith::SubFOp::create(b, loc, cst(b, loc, x, 1), x), x);
  return {reflect, y};
}

/// Raises `y` by one while it is below `limit` (at most `steps` times, as
/// selects), folding `each(acc, y)` into `acc` at every value passed: the
/// recurrences that bring lgamma's and digamma's argument to where their
/// asymptotic series are accurate.
Value raiseBelow(OpBuilder &b, Location loc, Value &y, double limit, int steps,
                 Value acc, function_ref<Value(Value acc, Value y)> each) {
  for (int k = 0; k < steps; ++k) {
    Value small = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT, y,
                                        cst(b, loc, y, limit));
    acc = select(b, loc, small, each(acc, y), acc);
    y = select(b, loc, small,
               arith::AddFOp::create(b, loc, y, cst(b, loc, y, 1)), y);
  }
  return acc;
}

/// c[0] + u (c[1] + u (c[2] + ...)).
Value horner(OpBuilder &b, Location loc, Value u, ArrayRef<double> c) {
  Value v = cst(b, loc, u, c.back());
  for (double coef : llvm::reverse(c.drop_back()))
    v = arith::AddFOp::create(b, loc, cst(b, loc, u, coef),
                              arith::MulFOp::create(b, loc, u, v));
  return v;
}

/// log|Gamma(x)| in f64: the recurrence lgamma(y) = lgamma(y + 1) - log(y)
/// up to y >= 10, then Stirling's series to the y^-9 term (absolute error
/// about 1e-12) for x >= 0.5, and the reflection
/// log(pi / |sin(pi x)|) - lgamma(1 - x) below (infinite at the poles).
Value lgammaF64(OpBuilder &b, Location loc, Value x) {
  auto C = [&](double v) { return cst(b, loc, x, v); };
  auto [reflect, y] = reflectBelowHalf(b, loc, x);
  Value logs = raiseBelow(b, loc, y, 10, 10, C(0), [&](Value acc, Value v) {
    return arith::AddFOp::create(b, loc, acc, math::LogOp::create(b, loc, v))
        .getResult();
  });
  Value inv = arith::DivFOp::create(b, loc, C(1), y);
  Value inv2 = arith::MulFOp::create(b, loc, inv, inv);
  // 1/(12y) - 1/(360y^3) + 1/(1260y^5) - 1/(1680y^7) + 1/(1188y^9).
  Value poly =
      horner(b, loc, inv2,
             {1.0 / 12, -1.0 / 360, 1.0 / 1260, -1.0 / 1680, 1.0 / 1188});
  Value lg = arith::AddFOp::create(
      b, loc,
      arith::SubFOp::create(
          b, loc,
          arith::MulFOp::create(b, loc,
                                arith::SubFOp::create(b, loc, y, C(0.5)),
                                math::LogOp::create(b, loc, y)),
          y),
      C(0.91893853320467274178)); // log(sqrt(2 pi))
  lg = arith::SubFOp::create(
      b, loc,
      arith::AddFOp::create(b, loc, lg,
                            arith::MulFOp::create(b, loc, inv, poly)),
      logs);
  Value sinPi = math::AbsFOp::create(
      b, loc,
      math::SinOp::create(b, loc, arith::MulFOp::create(b, loc, x, C(M_PI))));
  Value reflected = arith::SubFOp::create(
      b, loc,
      math::LogOp::create(b, loc,
                          arith::DivFOp::create(b, loc, C(M_PI), sinPi)),
      lg);
  return select(b, loc, reflect, reflected, lg);
}

/// digamma(x) in f64: the reflection psi(1 - x) - pi / tan(pi x) below
/// 0.5, the recurrence psi(y) = psi(y + 1) - 1/y up to y >= 6, then the
/// asymptotic series to the y^-10 term (error below 1e-11).
Value digammaF64(OpBuilder &b, Location loc, Value x) {
  auto C = [&](double v) { return cst(b, loc, x, v); };
  auto [reflect, y] = reflectBelowHalf(b, loc, x);
  Value r = raiseBelow(b, loc, y, 6, 6, C(0), [&](Value acc, Value v) {
    return arith::SubFOp::create(b, loc, acc,
                                 arith::DivFOp::create(b, loc, C(1), v))
        .getResult();
  });
  Value inv = arith::DivFOp::create(b, loc, C(1), y);
  Value inv2 = arith::MulFOp::create(b, loc, inv, inv);
  // 1/12 - 1/120 u + 1/252 u^2 - 1/240 u^3 + 1/132 u^4, u = 1/y^2.
  Value poly = horner(b, loc, inv2,
                      {1.0 / 12, -1.0 / 120, 1.0 / 252, -1.0 / 240, 1.0 / 132});
  Value psi = arith::SubFOp::create(
      b, loc,
      arith::SubFOp::create(b, loc, math::LogOp::create(b, loc, y),
                            arith::MulFOp::create(b, loc, C(0.5), inv)),
      arith::MulFOp::create(b, loc, inv2, poly));
  psi = arith::AddFOp::create(b, loc, psi, r);
  Value cot = arith::DivFOp::create(
      b, loc, C(M_PI),
      math::TanOp::create(b, loc, arith::MulFOp::create(b, loc, x, C(M_PI))));
  return select(b, loc, reflect, arith::SubFOp::create(b, loc, psi, cot), psi);
}

/// The Hurwitz zeta function sum over k >= 0 of (q + k)^-s in f64, by
/// Euler-Maclaurin summation: 10 terms, the integral and boundary terms,
/// then 6 Bernoulli corrections (relative error below 1e-14 for s > 1,
/// q > 0). NaN for s < 1 or q <= 0, infinity at s = 1, as TF gives.
Value zetaF64(OpBuilder &b, Location loc, Value s, Value q) {
  auto C = [&](double v) { return cst(b, loc, s, v); };
  auto pow = [&](Value base, Value e) -> Value {
    return math::PowFOp::create(b, loc, base, e);
  };
  Value negS = arith::NegFOp::create(b, loc, s);
  Value sum = C(0);
  const int n = 10;
  for (int k = 0; k < n; ++k)
    sum = arith::AddFOp::create(
        b, loc, sum, pow(arith::AddFOp::create(b, loc, q, C(k)), negS));
  Value a = arith::AddFOp::create(b, loc, q, C(n));
  Value aNegS = pow(a, negS);
  // a^(1-s) / (s-1) + a^-s / 2.
  sum = arith::AddFOp::create(
      b, loc, sum,
      arith::DivFOp::create(b, loc, arith::MulFOp::create(b, loc, a, aNegS),
                            arith::SubFOp::create(b, loc, s, C(1))));
  sum = arith::AddFOp::create(b, loc, sum,
                              arith::MulFOp::create(b, loc, C(0.5), aNegS));
  // B_2j / (2j)! * s (s+1) ... (s+2j-2) * a^(-s-2j+1).
  static const double coef[] = {1.0 / 12,       -1.0 / 720,
                                1.0 / 30240,    -1.0 / 1209600,
                                1.0 / 47900160, -691.0 / 1307674368000.0};
  Value aSq = arith::MulFOp::create(b, loc, a, a);
  Value prod =
      arith::DivFOp::create(b, loc, arith::MulFOp::create(b, loc, s, aNegS), a);
  for (int j = 1; j <= 6; ++j) {
    sum = arith::AddFOp::create(
        b, loc, sum, arith::MulFOp::create(b, loc, C(coef[j - 1]), prod));
    Value f1 = arith::AddFOp::create(b, loc, s, C(2 * j - 1));
    Value f2 = arith::AddFOp::create(b, loc, s, C(2 * j));
    prod = arith::DivFOp::create(
        b, loc,
        arith::MulFOp::create(b, loc, prod,
                              arith::MulFOp::create(b, loc, f1, f2)),
        aSq);
  }
  Value bad = arith::OrIOp::create(
      b, loc, arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT, s, C(1)),
      arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLE, q, C(0)));
  Value pole =
      arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OEQ, s, C(1));
  sum = select(b, loc, pole, C(std::numeric_limits<double>::infinity()), sum);
  return select(b, loc, bad, C(std::numeric_limits<double>::quiet_NaN()), sum);
}

/// polygamma(n, x) = (-1)^(n+1) n! zeta(n + 1, x) for n >= 1, digamma for
/// n = 0; NaN for a negative or non-integral n.
Value polygammaF64(OpBuilder &b, Location loc, Value n, Value x) {
  auto C = [&](double v) { return cst(b, loc, x, v); };
  Value np1 = arith::AddFOp::create(b, loc, n, C(1));
  Value factorial = math::ExpOp::create(b, loc, lgammaF64(b, loc, np1));
  Value odd =
      arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OEQ,
                            arith::RemFOp::create(b, loc, n, C(2)), C(1));
  Value sign = select(b, loc, odd, C(1), C(-1));
  Value v = arith::MulFOp::create(
      b, loc, arith::MulFOp::create(b, loc, sign, factorial),
      zetaF64(b, loc, np1, x));
  v = select(b, loc,
             arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OEQ, n, C(0)),
             digammaF64(b, loc, x), v);
  Value bad = arith::OrIOp::create(
      b, loc, arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT, n, C(0)),
      arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNE, n,
                            math::FloorOp::create(b, loc, n)));
  return select(b, loc, bad, C(std::numeric_limits<double>::quiet_NaN()), v);
}

void addAll(ExecLoweringTable &t) {
  using S = ValueRange;
  using L = ExecLowering &;
  // Unary float transforms.
  t.add("acos", floatUnary<math::AcosOp>());
  t.add("acosh", floatUnary<math::AcoshOp>());
  t.add("asin", floatUnary<math::AsinOp>());
  t.add("asinh", floatUnary<math::AsinhOp>());
  t.add("atan", floatUnary<math::AtanOp>());
  t.add("atanh", floatUnary<math::AtanhOp>());
  t.add("cos", floatUnary<math::CosOp>());
  t.add("cosh", floatUnary<math::CoshOp>());
  t.add("sin", floatUnary<math::SinOp>());
  t.add("sinh", floatUnary<math::SinhOp>());
  t.add("tan", floatUnary<math::TanOp>());
  t.add("tanh", floatUnary<math::TanhOp>());
  t.add("erf", floatUnary<math::ErfOp>());
  t.add("exp", floatUnary<math::ExpOp>());
  t.add("expm1", floatUnary<math::ExpM1Op>());
  t.add("log", floatUnary<math::LogOp>());
  t.add("log1p", floatUnary<math::Log1pOp>());
  t.add("sqrt", floatUnary<math::SqrtOp>());
  t.add("rsqrt", floatUnary<math::RsqrtOp>());
  t.add("rint", floatUnary<math::RoundEvenOp>());
  t.add("round", floatUnary<math::RoundEvenOp>());
  t.add("ceil", elementwise([](OpBuilder &b, Location loc, S a, L) -> Value {
          if (!isFloat(a[0].getType()))
            return a[0];
          return math::CeilOp::create(b, loc, a[0]);
        }));
  t.add("floor", elementwise([](OpBuilder &b, Location loc, S a, L) -> Value {
          if (!isFloat(a[0].getType()))
            return a[0];
          return math::FloorOp::create(b, loc, a[0]);
        }));
  // biasadd(input, bias): the bias vector added along the channel axis,
  // 1 when B_ARG(0) (nchw) is set and the input has rank > 2, else the last
  // (libnd4j's biasadd).
  t.add("biasadd",
        [](ExecLowering &l, SmallVectorImpl<Value> &results) -> LogicalResult {
          if (l.numInputs() != 2)
            return l.emitError("expects an input and a bias");
          RankedTensorType type = l.resultType();
          int64_t rank = type.getRank();
          if (rank < 1 || l.inputType(1).getRank() != 1)
            return l.emitError(
                "expects an input of rank >= 1 and a bias vector");
          int64_t channel = l.bArg(0, false) && rank > 2 ? 1 : rank - 1;
          if (l.inputType(1).getDimSize(0) != type.getDimSize(channel))
            return l.emitError("the bias has ")
                   << l.inputType(1).getDimSize(0) << " values for "
                   << type.getDimSize(channel) << " channels";
          MLIRContext *ctx = l.b.getContext();
          AffineMap identity = AffineMap::getMultiDimIdentityMap(rank, ctx);
          AffineMap channelMap =
              AffineMap::get(rank, 0, getAffineDimExpr(channel, ctx));
          Type element = type.getElementType();
          auto generic = linalg::GenericOp::create(
              l.b, l.loc, type, l.inputs, createEmpty(l.b, l.loc, type),
              ArrayRef<AffineMap>{identity, channelMap, identity},
              SmallVector<utils::IteratorType>(rank,
                                               utils::IteratorType::parallel),
              [&](OpBuilder &b, Location loc, ValueRange args) {
                Value x =
                    convertScalar(b, loc, args[0], element,
                                  l.isUnsignedInput(0), l.isUnsignedResult());
                Value bias =
                    convertScalar(b, loc, args[1], element,
                                  l.isUnsignedInput(1), l.isUnsignedResult());
                Value sum =
                    isa<FloatType>(element)
                        ? arith::AddFOp::create(b, loc, x, bias).getResult()
                        : arith::AddIOp::create(b, loc, x, bias).getResult();
                linalg::YieldOp::create(b, loc, sum);
              });
          results.push_back(generic.getResult(0));
          return success();
        });
  t.add("abs", elementwise([](OpBuilder &b, Location loc, S a, L l) -> Value {
          if (isFloat(a[0].getType()))
            return math::AbsFOp::create(b, loc, a[0]);
          if (l.isUnsignedResult())
            return a[0];
          return createAbsI(b, loc, a[0]);
        }));
  t.add("neg", elementwise([](OpBuilder &b, Location loc, S a, L) -> Value {
          if (isFloat(a[0].getType()))
            return arith::NegFOp::create(b, loc, a[0]);
          return arith::SubIOp::create(b, loc, cst(b, loc, a[0], 0), a[0]);
        }));
  t.add("Reciprocal",
        elementwise([](OpBuilder &b, Location loc, S a, L) -> Value {
          if (isFloat(a[0].getType()))
            return arith::DivFOp::create(b, loc, cst(b, loc, a[0], 1), a[0]);
          return arith::DivSIOp::create(b, loc, cst(b, loc, a[0], 1), a[0]);
        }));
  t.add("sign", elementwise([](OpBuilder &b, Location loc, S a, L) -> Value {
          Value x = a[0], zero = cst(b, loc, x, 0);
          Value pos = compareScalars(b, loc, arith::CmpFPredicate::OGT,
                                     arith::CmpIPredicate::sgt, x, zero);
          Value neg = compareScalars(b, loc, arith::CmpFPredicate::OLT,
                                     arith::CmpIPredicate::slt, x, zero);
          return select(b, loc, pos, cst(b, loc, x, 1),
                        select(b, loc, neg, cst(b, loc, x, -1), zero));
        }));
  t.add("identity",
        elementwise([](OpBuilder &, Location, S a, L) { return a[0]; }));
  t.add("cast",
        elementwise([](OpBuilder &, Location, S a, L) { return a[0]; }));
  t.add("boolean_not",
        elementwise([](OpBuilder &b, Location loc, S a, L) -> Value {
          return arith::XOrIOp::create(b, loc, a[0], cst(b, loc, a[0], 1));
        }));
  t.add("toggle_bits",
        elementwise([](OpBuilder &b, Location loc, S a, L) -> Value {
          return arith::XOrIOp::create(b, loc, a[0], cst(b, loc, a[0], -1));
        }));
  t.add("isnan", floatClass(0));
  t.add("isinf", floatClass(1));
  t.add("isfinite", floatClass(2));

  // Activations.
  t.add("sigmoid", elementwise([](OpBuilder &b, Location loc, S a, L) {
          return sigmoid(b, loc, a[0]);
        }));
  t.add("relu", elementwise([](OpBuilder &b, Location loc, S a, L l) -> Value {
          // libnd4j: x > cutoff ? x : 0.
          Value x = a[0], cutoff = cst(b, loc, x, l.tArg(0, 0.0));
          Value zero = cst(b, loc, x, 0);
          Value gt = isFloat(x.getType())
                         ? arith::CmpFOp::create(
                               b, loc, arith::CmpFPredicate::OGT, x, cutoff)
                               .getResult()
                         : arith::CmpIOp::create(
                               b, loc, arith::CmpIPredicate::sgt, x, cutoff)
                               .getResult();
          // NaN stays NaN, as max(x, 0) would keep it.
          if (isFloat(x.getType())) {
            Value nan =
                arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNO, x, x);
            gt = arith::OrIOp::create(b, loc, gt, nan);
          }
          return select(b, loc, gt, x, zero);
        }));
  t.add("relu6", elementwise([](OpBuilder &b, Location loc, S a, L) -> Value {
          Value x = a[0];
          return minOf(b, loc, maxOf(b, loc, x, cst(b, loc, x, 0), false),
                       cst(b, loc, x, 6), false);
        }));
  t.add("leakyrelu",
        elementwise([](OpBuilder &b, Location loc, S a, L l) -> Value {
          Value x = a[0], zero = cst(b, loc, x, 0);
          Value alpha = cst(b, loc, x, l.tArg(0, 0.01));
          Value neg =
              arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT, x, zero);
          return select(b, loc, neg, arith::MulFOp::create(b, loc, x, alpha),
                        x);
        }));
  t.add("elu", elementwise([](OpBuilder &b, Location loc, S a, L l) -> Value {
          Value x = a[0], zero = cst(b, loc, x, 0);
          Value alpha = cst(b, loc, x, l.tArg(0, 1.0));
          Value em1 = math::ExpM1Op::create(b, loc, x);
          Value gt =
              arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OGT, x, zero);
          return select(b, loc, gt, x,
                        arith::MulFOp::create(b, loc, alpha, em1));
        }));
  t.add("selu", elementwise([](OpBuilder &b, Location loc, S a, L) -> Value {
          // libnd4j's SELU constants.
          Value x = a[0], zero = cst(b, loc, x, 0);
          Value alpha = cst(b, loc, x, 1.6732632423543772848170429916717);
          Value scale = cst(b, loc, x, 1.0507009873554804934193349852946);
          Value em1 = math::ExpM1Op::create(b, loc, x);
          Value gt =
              arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OGT, x, zero);
          Value v =
              select(b, loc, gt, x, arith::MulFOp::create(b, loc, alpha, em1));
          return arith::MulFOp::create(b, loc, scale, v);
        }));
  t.add(
      "softplus", elementwise([](OpBuilder &b, Location loc, S a, L) -> Value {
        // log1p(exp(-|x|)) + max(x, 0): no overflow for large x.
        Value x = a[0];
        Value negAbs =
            arith::NegFOp::create(b, loc, math::AbsFOp::create(b, loc, x));
        Value l1p =
            math::Log1pOp::create(b, loc, math::ExpOp::create(b, loc, negAbs));
        return arith::AddFOp::create(
            b, loc, l1p,
            arith::MaximumFOp::create(b, loc, x, cst(b, loc, x, 0)));
      }));
  t.add("lgamma", elementwise([](OpBuilder &b, Location loc, S a, L) -> Value {
          Value x = a[0];
          return fromF64(b, loc, lgammaF64(b, loc, toF64(b, loc, x)),
                         x.getType());
        }));
  t.add("digamma", elementwise([](OpBuilder &b, Location loc, S a, L) -> Value {
          Value x = a[0];
          return fromF64(b, loc, digammaF64(b, loc, toF64(b, loc, x)),
                         x.getType());
        }));
  t.add("zeta", elementwise([](OpBuilder &b, Location loc, S a, L) -> Value {
          return fromF64(
              b, loc, zetaF64(b, loc, toF64(b, loc, a[0]), toF64(b, loc, a[1])),
              a[0].getType());
        }));
  t.add("polygamma",
        elementwise([](OpBuilder &b, Location loc, S a, L) -> Value {
          return fromF64(
              b, loc,
              polygammaF64(b, loc, toF64(b, loc, a[0]), toF64(b, loc, a[1])),
              a[1].getType());
        }));
  t.add("softsign",
        elementwise([](OpBuilder &b, Location loc, S a, L) -> Value {
          Value x = a[0];
          Value d = arith::AddFOp::create(b, loc, cst(b, loc, x, 1),
                                          math::AbsFOp::create(b, loc, x));
          return arith::DivFOp::create(b, loc, x, d);
        }));
  t.add("hard_sigmoid",
        elementwise([](OpBuilder &b, Location loc, S a, L) -> Value {
          // libnd4j: min(1, max(0, 0.2 x + 0.5)).
          Value x = a[0];
          Value v = arith::AddFOp::create(
              b, loc, arith::MulFOp::create(b, loc, x, cst(b, loc, x, 0.2)),
              cst(b, loc, x, 0.5));
          return minOf(b, loc, maxOf(b, loc, v, cst(b, loc, x, 0), false),
                       cst(b, loc, x, 1), false);
        }));
  t.add("thresholdedrelu",
        elementwise([](OpBuilder &b, Location loc, S a, L l) -> Value {
          Value x = a[0];
          Value gt = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OGT, x,
                                           cst(b, loc, x, l.tArg(0, 0.0)));
          return select(b, loc, gt, x, cst(b, loc, x, 0));
        }));
  t.add("clipbyvalue",
        elementwise([](OpBuilder &b, Location loc, S a, L l) -> Value {
          Value x = a[0];
          bool u = l.isUnsignedResult();
          Value lo = boundConst(b, loc, x, l.tArg(0, 0.0), u);
          Value hi = boundConst(b, loc, x, l.tArg(1, 0.0), u);
          return minOf(b, loc, maxOf(b, loc, x, lo, u), hi, u);
        }));

  // Binary arithmetic (numpy broadcasting).
  t.add("add", arithBinary<arith::AddFOp, arith::AddIOp>());
  t.add("subtract", arithBinary<arith::SubFOp, arith::SubIOp>());
  t.add("multiply", arithBinary<arith::MulFOp, arith::MulIOp>());
  t.add("divide", arithBinary<arith::DivFOp, arith::DivSIOp, arith::DivUIOp>());
  t.add("maximum", elementwise([](OpBuilder &b, Location loc, S a, L l) {
          return maxOf(b, loc, a[0], a[1], l.isUnsignedResult());
        }));
  t.add("minimum", elementwise([](OpBuilder &b, Location loc, S a, L l) {
          return minOf(b, loc, a[0], a[1], l.isUnsignedResult());
        }));
  t.add("floordiv", elementwise([](OpBuilder &b, Location loc, S a, L l) {
          return floorDiv(b, loc, a[0], a[1], l.isUnsignedResult());
        }));
  t.add("floormod", elementwise([](OpBuilder &b, Location loc, S a, L l) {
          return floorMod(b, loc, a[0], a[1], l.isUnsignedResult());
        }));
  t.add("mod", elementwise([](OpBuilder &b, Location loc, S a, L l) -> Value {
          // C fmod / truncated remainder (the dividend's sign).
          if (isFloat(a[0].getType()))
            return arith::RemFOp::create(b, loc, a[0], a[1]);
          if (l.isUnsignedResult())
            return arith::RemUIOp::create(b, loc, a[0], a[1]);
          return arith::RemSIOp::create(b, loc, a[0], a[1]);
        }));
  t.add("Pow", elementwise([](OpBuilder &b, Location loc, S a, L) -> Value {
          if (isFloat(a[0].getType()))
            return math::PowFOp::create(b, loc, a[0], a[1]);
          return math::IPowIOp::create(b, loc, a[0], a[1]);
        }));
  t.add("squaredsubtract",
        elementwise([](OpBuilder &b, Location loc, S a, L) -> Value {
          if (isFloat(a[0].getType())) {
            Value d = arith::SubFOp::create(b, loc, a[0], a[1]);
            return arith::MulFOp::create(b, loc, d, d);
          }
          Value d = arith::SubIOp::create(b, loc, a[0], a[1]);
          return arith::MulIOp::create(b, loc, d, d);
        }));
  t.add("tf_atan2", elementwise([](OpBuilder &b, Location loc, S a, L) {
          return math::Atan2Op::create(b, loc, a[0], a[1]).getResult();
        }));

  // Boolean and bitwise.
  t.add("boolean_and", arithBinary<arith::AndIOp, arith::AndIOp>());
  t.add("boolean_or", arithBinary<arith::OrIOp, arith::OrIOp>());
  t.add("boolean_xor", arithBinary<arith::XOrIOp, arith::XOrIOp>());
  t.add("bitwise_and", arithBinary<arith::AndIOp, arith::AndIOp>());
  t.add("bitwise_or", arithBinary<arith::OrIOp, arith::OrIOp>());
  t.add("bitwise_xor", arithBinary<arith::XOrIOp, arith::XOrIOp>());
  t.add("shift_bits", arithBinary<arith::ShLIOp, arith::ShLIOp>());
  t.add("rshift_bits",
        arithBinary<arith::ShRSIOp, arith::ShRSIOp, arith::ShRUIOp>());

  // Comparisons.
  using FP = arith::CmpFPredicate;
  using IP = arith::CmpIPredicate;
  t.add("equals", compare(FP::OEQ, IP::eq, IP::eq));
  t.add("not_equals", compare(FP::UNE, IP::ne, IP::ne));
  t.add("less", compare(FP::OLT, IP::slt, IP::ult));
  t.add("less_equal", compare(FP::OLE, IP::sle, IP::ule));
  t.add("greater", compare(FP::OGT, IP::sgt, IP::ugt));
  t.add("greater_equal", compare(FP::OGE, IP::sge, IP::uge));

  // select(cond, x, y): the condition keeps its type (bool or numeric).
  t.add("select", [](L l, SmallVectorImpl<Value> &results) {
    RankedTensorType type = l.resultType();
    results.push_back(createElementwise(
        l.b, l.loc, type, l.inputs,
        [&](OpBuilder &b, Location loc, S s) -> Value {
          Value c = convertScalar(b, loc, s[0], b.getI1Type());
          Value x = convertScalar(b, loc, s[1], type.getElementType(),
                                  l.isUnsignedInput(1), l.isUnsignedResult());
          Value y = convertScalar(b, loc, s[2], type.getElementType(),
                                  l.isUnsignedInput(2), l.isUnsignedResult());
          return select(b, loc, c, x, y);
        }));
    return success();
  });
}

} // namespace

namespace {

/// bitcast: the bytes kept, the element type changed. Same widths map
/// element to element; to a narrower type each element splits into the
/// result's new last dimension, to a wider one the input's last dimension
/// joins into one element, least significant part first (the byte order of
/// the little-endian hosts we compile for, as TensorFlow's Bitcast there).
LogicalResult lowerBitcast(ExecLowering &l, SmallVectorImpl<Value> &results) {
  OpBuilder &b = l.b;
  Location loc = l.loc;
  RankedTensorType in = l.inputType(0), type = l.resultType();
  Type inE = in.getElementType(), outE = type.getElementType();
  if (!inE.isIntOrFloat() || !outE.isIntOrFloat() || inE.isInteger(1) ||
      outE.isInteger(1))
    return l.emitError("bitcast between ")
           << inE << " and " << outE << " is not supported";
  unsigned wi = inE.getIntOrFloatBitWidth(), wo = outE.getIntOrFloatBitWidth();
  int64_t rank = type.getRank();
  bool shapeOk = wi == wo  ? in.getShape() == type.getShape()
                 : wi > wo ? rank == in.getRank() + 1 &&
                                 type.getShape().drop_back() == in.getShape() &&
                                 type.getShape().back() == wi / wo
                           : in.getRank() == rank + 1 &&
                                 in.getShape().drop_back() == type.getShape() &&
                                 in.getShape().back() == wo / wi;
  if (!shapeOk)
    return l.emitError("bitcast from ") << in << " cannot give " << type;
  auto toBits = [&](OpBuilder &nb, Location nl, Value v, unsigned w) {
    return isa<FloatType>(v.getType())
               ? arith::BitcastOp::create(nb, nl, nb.getIntegerType(w), v)
                     .getResult()
               : v;
  };
  auto fromBits = [&](OpBuilder &nb, Location nl, Value bits) {
    return isa<FloatType>(outE)
               ? arith::BitcastOp::create(nb, nl, outE, bits).getResult()
               : bits;
  };
  Value x = l.input(0);
  SmallVector<AffineMap> maps = {b.getMultiDimIdentityMap(rank)};
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::parallel);
  auto generic = linalg::GenericOp::create(
      b, loc, type, ValueRange{}, ValueRange{createEmpty(b, loc, type)}, maps,
      iterators, [&](OpBuilder &nb, Location nl, ValueRange) {
        SmallVector<Value> ivs;
        for (int64_t d = 0; d < rank; ++d)
          ivs.push_back(linalg::IndexOp::create(nb, nl, d));
        Value result;
        if (wi == wo) {
          Value v = tensor::ExtractOp::create(nb, nl, x, ivs);
          result = fromBits(nb, nl, toBits(nb, nl, v, wi));
        } else if (wi > wo) {
          Value v = tensor::ExtractOp::create(nb, nl, x,
                                              ArrayRef<Value>(ivs).drop_back());
          Value bits = toBits(nb, nl, v, wi);
          Type wideInt = nb.getIntegerType(wi);
          Value part = arith::IndexCastOp::create(nb, nl, wideInt, ivs.back());
          Value shift = arith::MulIOp::create(
              nb, nl, part,
              arith::ConstantOp::create(nb, nl,
                                        nb.getIntegerAttr(wideInt, wo)));
          Value shifted = arith::ShRUIOp::create(nb, nl, bits, shift);
          result = fromBits(
              nb, nl,
              arith::TruncIOp::create(nb, nl, nb.getIntegerType(wo), shifted));
        } else {
          Type wideInt = nb.getIntegerType(wo);
          Value acc =
              arith::ConstantOp::create(nb, nl, nb.getIntegerAttr(wideInt, 0));
          SmallVector<Value> at(ivs);
          at.push_back(Value());
          for (unsigned j = 0; j < wo / wi; ++j) {
            at.back() = arith::ConstantIndexOp::create(nb, nl, j);
            Value v = tensor::ExtractOp::create(nb, nl, x, at);
            Value wide =
                arith::ExtUIOp::create(nb, nl, wideInt, toBits(nb, nl, v, wi));
            if (j > 0)
              wide = arith::ShLIOp::create(
                  nb, nl, wide,
                  arith::ConstantOp::create(
                      nb, nl, nb.getIntegerAttr(wideInt, j * wi)));
            acc = arith::OrIOp::create(nb, nl, acc, wide);
          }
          result = fromBits(nb, nl, acc);
        }
        linalg::YieldOp::create(nb, nl, result);
      });
  results.push_back(generic.getResult(0));
  return success();
}

/// compare_and_bitpack (input, threshold): each run of 8 elements along the
/// last dimension becomes one u8 whose bit 7 - k is `x[8j + k] > threshold`
/// (TensorFlow's CompareAndBitpack; booleans are packed as they are).
LogicalResult lowerCompareAndBitpack(ExecLowering &l,
                                     SmallVectorImpl<Value> &results) {
  OpBuilder &b = l.b;
  Location loc = l.loc;
  if (l.numInputs() != 2)
    return l.emitError("needs the input and the threshold");
  RankedTensorType in = l.inputType(0), type = l.resultType();
  int64_t rank = in.getRank();
  if (rank < 1 || !in.hasStaticShape() ||
      l.inputType(1).getNumElements() != 1 ||
      !type.getElementType().isInteger(8) ||
      type.getShape() != ArrayRef<int64_t>([&] {
        SmallVector<int64_t> s(in.getShape());
        s.back() /= 8;
        return s;
      }()) ||
      in.getShape().back() % 8 != 0)
    return l.emitError("expected an input whose last dimension is a multiple "
                       "of 8, a scalar threshold and a u8 result of an "
                       "eighth of it, got ")
           << in << " -> " << type;
  Type elem = in.getElementType();
  SmallVector<int64_t> split(in.getShape());
  split.back() /= 8;
  split.push_back(8);
  SmallVector<ReassociationIndices> groups;
  for (int64_t d = 0; d + 1 < rank; ++d)
    groups.push_back({d});
  groups.push_back({rank - 1, rank});
  Value x = tensor::ExpandShapeOp::create(
      b, loc, RankedTensorType::get(split, elem), l.input(0), groups);
  Value t = l.input(1);
  if (l.inputType(1).getRank() != 0)
    t = tensor::CollapseShapeOp::create(
        b, loc, RankedTensorType::get({}, l.inputType(1).getElementType()), t,
        ArrayRef<ReassociationIndices>{});
  MLIRContext *ctx = b.getContext();
  SmallVector<AffineExpr> outExprs;
  for (int64_t d = 0; d < rank; ++d)
    outExprs.push_back(getAffineDimExpr(d, ctx));
  SmallVector<AffineMap> maps = {b.getMultiDimIdentityMap(rank + 1),
                                 AffineMap::get(rank + 1, 0, {}, ctx),
                                 AffineMap::get(rank + 1, 0, outExprs, ctx)};
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::parallel);
  iterators.push_back(utils::IteratorType::reduction);
  Type i8 = b.getIntegerType(8);
  Value zeros = linalg::FillOp::create(b, loc, createScalar(b, loc, i8, 0),
                                       createEmpty(b, loc, type))
                    .getResult(0);
  bool isUnsigned = l.isUnsignedInput(0);
  auto generic = linalg::GenericOp::create(
      b, loc, type, ValueRange{x, t}, ValueRange{zeros}, maps, iterators,
      [&](OpBuilder &nb, Location nl, ValueRange args) {
        Value bit;
        if (elem.isInteger(1))
          bit = args[0];
        else if (isa<FloatType>(elem))
          bit = arith::CmpFOp::create(nb, nl, arith::CmpFPredicate::OGT,
                                      args[0], args[1]);
        else
          bit = arith::CmpIOp::create(nb, nl,
                                      isUnsigned ? arith::CmpIPredicate::ugt
                                                 : arith::CmpIPredicate::sgt,
                                      args[0], args[1]);
        Value k = arith::IndexCastOp::create(
            nb, nl, i8, linalg::IndexOp::create(nb, nl, rank));
        Value shift =
            arith::SubIOp::create(nb, nl, createScalar(nb, nl, i8, 7), k);
        Value v = arith::ShLIOp::create(
            nb, nl, arith::ExtUIOp::create(nb, nl, i8, bit), shift);
        linalg::YieldOp::create(
            nb, nl, ValueRange{arith::OrIOp::create(nb, nl, args[2], v)});
      });
  results.push_back(generic.getResult(0));
  return success();
}

/// fake_quant_with_min_max_args (t_args min, max), _vars (scalar min and max
/// inputs) and _vars_per_channel (min and max along the last dimension);
/// i_args num_bits, b_args narrow_range. TensorFlow's arithmetic, in f32:
/// the range is nudged so that 0 is exactly representable, the input
/// clamped to it and rounded to the nearest of its 2^bits steps.
ExecLowerFn fakeQuant(bool fromArgs) {
  return [=](ExecLowering &l,
             SmallVectorImpl<Value> &results) -> LogicalResult {
    OpBuilder &b = l.b;
    Location loc = l.loc;
    RankedTensorType in = l.inputType(0), type = l.resultType();
    if (!in.getElementType().isF32() || type != in)
      return l.emitError("expected an f32 input and result of one type");
    if (fromArgs ? l.tArgs().size() < 2 : l.numInputs() != 3)
      return l.emitError(fromArgs ? "needs min and max as t_args"
                                  : "needs the input, min and max");
    int64_t bits = l.iArg(0, 8);
    if (bits < 2 || bits > 16)
      return l.emitError("num_bits ") << bits << " is not in [2, 16]";
    bool narrow = l.bArg(0, false);
    int64_t rank = in.getRank();
    MLIRContext *ctx = b.getContext();
    Type f32 = b.getF32Type();
    SmallVector<Value> ins = {l.input(0)};
    SmallVector<AffineMap> maps = {b.getMultiDimIdentityMap(rank)};
    if (!fromArgs) {
      for (unsigned i = 1; i < 3; ++i) {
        RankedTensorType t = l.inputType(i);
        if (!t.getElementType().isF32())
          return l.emitError("min and max must be f32");
        if (t.getNumElements() == 1) {
          Value v = l.input(i);
          if (t.getRank() != 0)
            v = tensor::CollapseShapeOp::create(
                b, loc, RankedTensorType::get({}, f32), v,
                ArrayRef<ReassociationIndices>{});
          ins.push_back(v);
          maps.push_back(AffineMap::get(rank, 0, {}, ctx));
        } else if (t.getRank() == 1 && rank >= 1 &&
                   t.getDimSize(0) == in.getShape().back()) {
          ins.push_back(l.input(i));
          maps.push_back(
              AffineMap::get(rank, 0, {getAffineDimExpr(rank - 1, ctx)}, ctx));
        } else {
          return l.emitError("min and max must be scalars or hold one value "
                             "per element of the last dimension, got ")
                 << t;
        }
      }
    }
    maps.push_back(b.getMultiDimIdentityMap(rank));
    SmallVector<utils::IteratorType> iterators(rank,
                                               utils::IteratorType::parallel);
    double qmin = narrow ? 1 : 0, qmax = static_cast<double>((1 << bits) - 1);
    auto generic = linalg::GenericOp::create(
        b, loc, type, ins, ValueRange{createEmpty(b, loc, type)}, maps,
        iterators, [&](OpBuilder &nb, Location nl, ValueRange args) {
          auto c = [&](double v) { return createScalar(nb, nl, f32, v); };
          Value lo = fromArgs ? c(l.tArgs()[0]) : args[1];
          Value hi = fromArgs ? c(l.tArgs()[1]) : args[2];
          Value qminF = c(qmin), qmaxF = c(qmax);
          Value scale = arith::DivFOp::create(
              nb, nl, arith::SubFOp::create(nb, nl, hi, lo), c(qmax - qmin));
          Value zpFromMin = arith::SubFOp::create(
              nb, nl, qminF, arith::DivFOp::create(nb, nl, lo, scale));
          // Clamped to [qmin, qmax], else rounded half away from zero.
          Value zp = math::RoundOp::create(nb, nl, zpFromMin);
          zp = arith::SelectOp::create(
              nb, nl,
              arith::CmpFOp::create(nb, nl, arith::CmpFPredicate::OLT,
                                    zpFromMin, qminF),
              qminF, zp);
          zp = arith::SelectOp::create(
              nb, nl,
              arith::CmpFOp::create(nb, nl, arith::CmpFPredicate::OGT,
                                    zpFromMin, qmaxF),
              qmaxF, zp);
          Value nudgedMin = arith::MulFOp::create(
              nb, nl, arith::SubFOp::create(nb, nl, qminF, zp), scale);
          Value nudgedMax = arith::MulFOp::create(
              nb, nl, arith::SubFOp::create(nb, nl, qmaxF, zp), scale);
          Value inv = arith::DivFOp::create(nb, nl, c(1.0), scale);
          Value x = arith::MaximumFOp::create(
              nb, nl, arith::MinimumFOp::create(nb, nl, args[0], nudgedMax),
              nudgedMin);
          Value shifted = arith::SubFOp::create(nb, nl, x, nudgedMin);
          Value steps = math::FloorOp::create(
              nb, nl,
              arith::AddFOp::create(
                  nb, nl, arith::MulFOp::create(nb, nl, shifted, inv), c(0.5)));
          Value out = arith::AddFOp::create(
              nb, nl, arith::MulFOp::create(nb, nl, steps, scale), nudgedMin);
          linalg::YieldOp::create(nb, nl, ValueRange{out});
        });
    results.push_back(generic.getResult(0));
    return success();
  };
}

/// l2_loss: sum(x * x) / 2 over every element, in the input's type.
LogicalResult lowerL2Loss(ExecLowering &l, SmallVectorImpl<Value> &results) {
  OpBuilder &b = l.b;
  Location loc = l.loc;
  RankedTensorType in = l.inputType(0), type = l.resultType();
  Type elem = in.getElementType();
  if (!isa<FloatType>(elem) || type.getNumElements() != 1 ||
      type.getElementType() != elem || !in.hasStaticShape())
    return l.emitError("expected a float input and a scalar result of its "
                       "type, got ")
           << in << " -> " << type;
  Type acc = elem.getIntOrFloatBitWidth() < 32 ? b.getF32Type() : elem;
  auto scalar = RankedTensorType::get({}, acc);
  Value init = linalg::FillOp::create(b, loc, createScalar(b, loc, acc, 0),
                                      createEmpty(b, loc, scalar))
                   .getResult(0);
  SmallVector<int64_t> dims;
  for (int64_t d = 0; d < in.getRank(); ++d)
    dims.push_back(d);
  Value sum =
      linalg::ReduceOp::create(
          b, loc, ValueRange{l.input(0)}, ValueRange{init}, dims,
          [&](OpBuilder &nb, Location nl, ValueRange args) {
            Value x = convertScalar(nb, nl, args[0], acc);
            Value sq = arith::MulFOp::create(nb, nl, x, x);
            linalg::YieldOp::create(
                nb, nl, ValueRange{arith::AddFOp::create(nb, nl, args[1], sq)});
          })
          .getResult(0);
  Value half = createElementwise(
      b, loc, RankedTensorType::get({}, elem), sum,
      [&](OpBuilder &nb, Location nl, ValueRange s) -> Value {
        return convertScalar(
            nb, nl,
            arith::MulFOp::create(nb, nl, s[0], createScalar(nb, nl, acc, 0.5)),
            elem);
      });
  if (type.getRank() != 0)
    half = tensor::ExpandShapeOp::create(b, loc, type, half,
                                         ArrayRef<ReassociationIndices>{});
  results.push_back(half);
  return success();
}

} // namespace

void mlir::nd4j::populateExecToLinalgElementwise(ExecLoweringTable &table) {
  addAll(table);
  // Every op of addAll is one broadcasting generic (createElementwise or
  // biasadd's): its run-time sizes are its inputs'.
  for (const std::string &name : table.names())
    table.setDynamicReady(name);
  table.add("bitcast", lowerBitcast);
  table.add("compare_and_bitpack", lowerCompareAndBitpack);
  table.add("fake_quant_with_min_max_args", fakeQuant(/*fromArgs=*/true));
  table.add("fake_quant_with_min_max_vars", fakeQuant(/*fromArgs=*/false));
  table.add("fake_quant_with_min_max_vars_per_channel",
            fakeQuant(/*fromArgs=*/false));
  table.add("l2_loss", lowerL2Loss);
}
