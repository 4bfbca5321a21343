//===- ReduceLowering.cpp - reduce libnd4j ops -----------------*- C++ -*-===//
//
// Reductions (custom reduce_* with dimensions in i_args or a constant axes
// input, and the legacy REDUCE_FLOAT/SAME/BOOL/LONG forms SameDiff files
// carry with their dimensions in `axis`), arg-reductions, softmax and
// log_softmax, batchnorm, lrn and the cumulative sums and products.
// Reductions become linalg.reduce with an identity-filled init, then one
// elementwise generic for what follows the accumulation (mean's division,
// norm2's root, the conversion to the result type) and a reshape to the
// node's result, which carries keepDims. Narrow floats accumulate in f32.
//
// ONNX models often pass reduction axes as a graph input. Shapes are static,
// so the result shape says which dimensions go; when it cannot (a 3x2x2 input
// reduced to 3x2 along 1 or 2), each candidate is computed and the axes
// values select one at run time.
//
//===----------------------------------------------------------------------===//

#include "passes/Conversion/ExecToLinalg/ExecLowering.h"

#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Utils/ReshapeOpsUtils.h"

using namespace mlir;
using namespace mlir::nd4j;

namespace {

bool isFloat(Type t) { return isa<FloatType>(getElementTypeOrSelf(t)); }

/// f16/bf16 accumulate in f32; everything else in its own type.
Type getAccumulatorType(Type elem) {
  if (isa<FloatType>(elem) && elem.getIntOrFloatBitWidth() < 32)
    return Float32Type::get(elem.getContext());
  return elem;
}

/// The extreme values of an integer type (createScalar goes through double,
/// which cannot hold INT64_MAX).
Value createIntLimit(OpBuilder &b, Location loc, Type type, bool max,
                     bool isUnsigned) {
  unsigned w = type.getIntOrFloatBitWidth();
  APInt v = isUnsigned ? (max ? APInt::getMaxValue(w) : APInt::getZero(w))
                       : (max ? APInt::getSignedMaxValue(w)
                              : APInt::getSignedMinValue(w));
  return arith::ConstantOp::create(b, loc, b.getIntegerAttr(type, v));
}

/// `v` (of `from`'s shape) reshaped to `to` by one expand or collapse.
FailureOr<Value> reshapeTo(ExecLowering &l, Value v, RankedTensorType to) {
  auto from = cast<RankedTensorType>(v.getType());
  if (from.getShape() == to.getShape())
    return v;
  if (from.hasStaticShape() && to.hasStaticShape() &&
      from.getNumElements() != to.getNumElements())
    return l.emitError("cannot reshape ") << from << " to " << to;
  bool expand = to.getRank() > from.getRank();
  auto reassoc =
      expand
          ? getReassociationIndicesForCollapse(to.getShape(), from.getShape())
          : getReassociationIndicesForCollapse(from.getShape(), to.getShape());
  if (!reassoc)
    return l.emitError("cannot reshape ") << from << " to " << to;
  if (expand)
    return tensor::ExpandShapeOp::create(l.b, l.loc, to, v, *reassoc)
        .getResult();
  return tensor::CollapseShapeOp::create(l.b, l.loc, to, v, *reassoc)
      .getResult();
}

/// The number of elements a reduction over `dims` of `x` combines, as an
/// index (computed at run time for dimensions known only then).
Value reducedCount(OpBuilder &b, Location loc, Value x,
                   ArrayRef<int64_t> dims) {
  auto type = cast<RankedTensorType>(x.getType());
  int64_t fixed = 1;
  Value count;
  for (int64_t d : dims) {
    if (!type.isDynamicDim(d)) {
      fixed *= type.getDimSize(d);
      continue;
    }
    Value size = tensor::DimOp::create(b, loc, x, d);
    count =
        count ? arith::MulIOp::create(b, loc, count, size).getResult() : size;
  }
  Value c = arith::ConstantIndexOp::create(b, loc, fixed);
  if (!count)
    return c;
  return fixed == 1 ? count
                    : arith::MulIOp::create(b, loc, count, c).getResult();
}

/// Normalized, sorted, unique dimensions; empty means all.
FailureOr<SmallVector<int64_t>>
normalizeDims(ExecLowering &l, ArrayRef<int64_t> dims, int64_t rank) {
  SmallVector<int64_t> out;
  for (int64_t d : dims) {
    int64_t n = normalizeAxis(d, rank);
    if (n < 0 || n >= rank)
      return l.emitError("dimension ")
             << d << " is out of range for rank " << rank;
    out.push_back(n);
  }
  if (out.empty())
    for (int64_t d = 0; d < rank; ++d)
      out.push_back(d);
  llvm::sort(out);
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

/// Which dimensions a reduction over the node's input 0 reduces: one list
/// of candidates, more than one only when the axes arrive at run time and
/// the result shape leaves a choice.
FailureOr<SmallVector<SmallVector<int64_t>>>
getReduceDimCandidates(ExecLowering &l, RankedTensorType resultType) {
  int64_t rank = l.inputType(0).getRank();
  SmallVector<SmallVector<int64_t>> candidates;
  auto single = [&](ArrayRef<int64_t> dims)
      -> FailureOr<SmallVector<SmallVector<int64_t>>> {
    FailureOr<SmallVector<int64_t>> n = normalizeDims(l, dims, rank);
    if (failed(n))
      return failure();
    candidates.push_back(*n);
    return candidates;
  };
  if (!l.axisArgs().empty())
    return single(l.axisArgs());
  if (l.numInputs() < 2)
    return single(l.iArgs());
  if (std::optional<SmallVector<int64_t>> c = l.constantInts(1))
    return single(*c);

  // Axes computed at run time: the static result shape decides.
  ArrayRef<int64_t> in = l.inputType(0).getShape();
  ArrayRef<int64_t> out = resultType.getShape();
  int64_t numAxes = l.inputType(1).getNumElements();
  if (numAxes == 0)
    return single({});
  if (out.size() == in.size()) {
    // keepDims: reducing a dimension of size 1 changes nothing, so those
    // whose size changed are enough.
    SmallVector<int64_t> dims;
    for (int64_t d = 0; d < rank; ++d)
      if (in[d] != out[d])
        dims.push_back(d);
    if (dims.empty())
      dims.push_back(0);
    candidates.push_back(dims);
    return candidates;
  }
  // Without keepDims: every choice of dropped dimensions that leaves the
  // result shape.
  if (static_cast<int64_t>(in.size() - out.size()) != numAxes)
    return l.emitError("run-time axes: cannot tell the reduced dimensions of ")
           << l.inputType(0) << " from the result " << resultType;
  int64_t drop = in.size() - out.size();
  for (uint64_t mask = 0; mask < (uint64_t(1) << rank); ++mask) {
    if (llvm::popcount(mask) != drop)
      continue;
    SmallVector<int64_t> dims, kept;
    for (int64_t d = 0; d < rank; ++d) {
      if (mask & (uint64_t(1) << d))
        dims.push_back(d);
      else
        kept.push_back(in[d]);
    }
    if (ArrayRef<int64_t>(kept) == out)
      candidates.push_back(dims);
  }
  if (candidates.empty() || candidates.size() > 8)
    return l.emitError("run-time axes: cannot tell the reduced dimensions of ")
           << l.inputType(0) << " from the result " << resultType;
  return candidates;
}

/// Whether the run-time axes (input 1) name exactly `dims`.
Value axesMatch(ExecLowering &l, ArrayRef<int64_t> dims, int64_t rank) {
  OpBuilder &b = l.b;
  Location loc = l.loc;
  Value axes = l.input(1);
  RankedTensorType axesType = l.inputType(1);
  Type i64 = b.getI64Type();
  Value all = createScalar(b, loc, b.getI1Type(), 1);
  SmallVector<int64_t> index(axesType.getRank(), 0);
  for (int64_t i = 0; i < axesType.getNumElements(); ++i) {
    // Row-major position i.
    SmallVector<Value> idx;
    int64_t rem = i;
    for (int64_t d = axesType.getRank() - 1; d >= 0; --d) {
      index[d] = rem % axesType.getDimSize(d);
      rem /= axesType.getDimSize(d);
    }
    for (int64_t v : index)
      idx.push_back(arith::ConstantIndexOp::create(b, loc, v));
    Value a = tensor::ExtractOp::create(b, loc, axes, idx);
    a = convertScalar(b, loc, a, i64, l.isUnsignedInput(1), false);
    Value zero = createScalar(b, loc, i64, 0);
    Value neg =
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, a, zero);
    a = arith::SelectOp::create(
        b, loc, neg,
        arith::AddIOp::create(b, loc, a, createScalar(b, loc, i64, rank)), a);
    Value any = createScalar(b, loc, b.getI1Type(), 0);
    for (int64_t d : dims) {
      Value eq = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, a,
                                       createScalar(b, loc, i64, d));
      any = arith::OrIOp::create(b, loc, any, eq);
    }
    all = arith::AndIOp::create(b, loc, all, any);
  }
  return all;
}

/// Runs `build` for each candidate and picks the one the axes name.
FailureOr<Value>
selectCandidate(ExecLowering &l, ArrayRef<SmallVector<int64_t>> candidates,
                function_ref<FailureOr<Value>(ArrayRef<int64_t>)> build) {
  FailureOr<Value> result = build(candidates.back());
  if (failed(result))
    return failure();
  int64_t rank = l.inputType(0).getRank();
  for (const SmallVector<int64_t> &dims :
       llvm::reverse(candidates.drop_back())) {
    FailureOr<Value> r = build(dims);
    if (failed(r))
      return failure();
    Value match = axesMatch(l, dims, rank);
    result =
        arith::SelectOp::create(l.b, l.loc, match, *r, *result).getResult();
  }
  return result;
}

enum class Kind {
  Sum,
  Mean,
  Max,
  Min,
  Prod,
  Norm1,
  Norm2,
  SquaredNorm,
  NormMax,
  AMean,
  ASum,
  AMax,
  AMin,
  Any,
  All,
  CountNonZero,
  CountZero,
};

/// The type a reduction accumulates in.
Type getReduceAccType(Kind kind, Type inElem, Type resultElem) {
  switch (kind) {
  case Kind::Any:
  case Kind::All:
    return IntegerType::get(inElem.getContext(), 1);
  case Kind::CountNonZero:
  case Kind::CountZero:
    return IntegerType::get(inElem.getContext(), 64);
  case Kind::Mean:
  case Kind::AMean:
  case Kind::Norm1:
  case Kind::Norm2:
  case Kind::SquaredNorm:
  case Kind::NormMax:
    // The float reductions of an integer input compute in the result type.
    if (!isa<FloatType>(inElem))
      return getAccumulatorType(isa<FloatType>(resultElem)
                                    ? resultElem
                                    : Float32Type::get(inElem.getContext()));
    return getAccumulatorType(inElem);
  default:
    return getAccumulatorType(inElem);
  }
}

/// The identity of the reduction's combine step.
Value getIdentity(OpBuilder &b, Location loc, Kind kind, Type acc,
                  bool isUnsigned) {
  double inf = std::numeric_limits<double>::infinity();
  bool f = isa<FloatType>(acc);
  switch (kind) {
  case Kind::Prod:
  case Kind::All:
    return createScalar(b, loc, acc, 1);
  case Kind::Max:
  case Kind::AMax:
    return f ? createScalar(b, loc, acc, -inf)
             : createIntLimit(b, loc, acc, false, isUnsigned);
  case Kind::Min:
  case Kind::AMin:
    return f ? createScalar(b, loc, acc, inf)
             : createIntLimit(b, loc, acc, true, isUnsigned);
  default:
    return createScalar(b, loc, acc, 0);
  }
}

/// One reduction step: `acc` combined with input element `x`.
Value combine(OpBuilder &b, Location loc, Kind kind, Value x, Value acc,
              bool inUnsigned, bool accUnsigned) {
  Type accType = acc.getType();
  bool f = isa<FloatType>(accType);
  switch (kind) {
  case Kind::Any:
  case Kind::All: {
    Value v = convertScalar(b, loc, x, accType);
    return kind == Kind::Any
               ? arith::OrIOp::create(b, loc, acc, v).getResult()
               : arith::AndIOp::create(b, loc, acc, v).getResult();
  }
  case Kind::CountNonZero:
  case Kind::CountZero: {
    Value nz = convertScalar(b, loc, x, b.getI1Type());
    if (kind == Kind::CountZero)
      nz = arith::XOrIOp::create(b, loc, nz,
                                 createScalar(b, loc, b.getI1Type(), 1));
    return arith::AddIOp::create(b, loc, acc,
                                 arith::ExtUIOp::create(b, loc, accType, nz));
  }
  default:
    break;
  }
  Value v = convertScalar(b, loc, x, accType, inUnsigned, accUnsigned);
  switch (kind) {
  case Kind::Norm1:
  case Kind::NormMax:
  case Kind::AMean:
  case Kind::ASum:
  case Kind::AMax:
  case Kind::AMin:
    if (f)
      v = math::AbsFOp::create(b, loc, v);
    else if (!accUnsigned)
      v = createAbsI(b, loc, v);
    break;
  case Kind::Norm2:
  case Kind::SquaredNorm:
    v = f ? arith::MulFOp::create(b, loc, v, v).getResult()
          : arith::MulIOp::create(b, loc, v, v).getResult();
    break;
  default:
    break;
  }
  switch (kind) {
  case Kind::Prod:
    return f ? arith::MulFOp::create(b, loc, acc, v).getResult()
             : arith::MulIOp::create(b, loc, acc, v).getResult();
  case Kind::Max:
  case Kind::AMax:
  case Kind::NormMax:
    return maxOf(b, loc, acc, v, accUnsigned);
  case Kind::Min:
  case Kind::AMin:
    return minOf(b, loc, acc, v, accUnsigned);
  default:
    return f ? arith::AddFOp::create(b, loc, acc, v).getResult()
             : arith::AddIOp::create(b, loc, acc, v).getResult();
  }
}

/// Reduces input 0 over `dims` into the node's result type.
FailureOr<Value> buildReduction(ExecLowering &l, Kind kind,
                                ArrayRef<int64_t> dims,
                                RankedTensorType resultType) {
  OpBuilder &b = l.b;
  Location loc = l.loc;
  Value x = l.input(0);
  RankedTensorType inType = l.inputType(0);
  Type resultElem = resultType.getElementType();
  Type acc = getReduceAccType(kind, inType.getElementType(), resultElem);
  bool inUnsigned =
      l.isUnsignedInput(0) || inType.getElementType().isInteger(1);
  bool accUnsigned = !isa<FloatType>(acc) && inUnsigned &&
                     acc.getIntOrFloatBitWidth() ==
                         inType.getElementType().getIntOrFloatBitWidth();
  SmallVector<int64_t> reducedShape;
  for (int64_t d = 0; d < inType.getRank(); ++d)
    if (!llvm::is_contained(dims, d))
      reducedShape.push_back(inType.getDimSize(d));
  auto accType = RankedTensorType::get(reducedShape, acc);
  Value init = linalg::FillOp::create(
                   b, loc, getIdentity(b, loc, kind, acc, accUnsigned),
                   createEmpty(b, loc, accType))
                   .getResult(0);
  Value reduced =
      linalg::ReduceOp::create(
          b, loc, ValueRange{x}, ValueRange{init}, dims,
          [&](OpBuilder &nb, Location nl, ValueRange args) {
            linalg::YieldOp::create(nb, nl,
                                    combine(nb, nl, kind, args[0], args[1],
                                            inUnsigned, accUnsigned));
          })
          .getResult(0);

  // What follows the accumulation, and the result's element type.
  bool needsPost = kind == Kind::Mean || kind == Kind::AMean ||
                   kind == Kind::Norm2 || acc != resultElem;
  if (needsPost) {
    bool resultUnsigned = l.isUnsignedResult();
    // The divisor of a mean, in the accumulator's type (a constant unless
    // a reduced dimension is known only at run time).
    Value count;
    std::optional<int64_t> staticCount;
    if (kind == Kind::Mean || kind == Kind::AMean) {
      Value n = reducedCount(b, loc, x, dims);
      staticCount = getConstantIntValue(n);
      if (!staticCount) {
        n = arith::IndexCastOp::create(b, loc, b.getI64Type(), n);
        count = isa<FloatType>(acc)
                    ? arith::SIToFPOp::create(b, loc, acc, n).getResult()
                    : convertScalar(b, loc, n, acc);
      }
    }
    reduced = createElementwise(
        b, loc, RankedTensorType::get(reducedShape, resultElem), reduced,
        [&](OpBuilder &nb, Location nl, ValueRange s) -> Value {
          Value v = s[0];
          if (kind == Kind::Mean || kind == Kind::AMean) {
            Value n = count ? count : createScalar(nb, nl, acc, *staticCount);
            v = isa<FloatType>(acc)
                    ? arith::DivFOp::create(nb, nl, v, n).getResult()
                    : (accUnsigned
                           ? arith::DivUIOp::create(nb, nl, v, n).getResult()
                           : arith::DivSIOp::create(nb, nl, v, n).getResult());
          } else if (kind == Kind::Norm2 && isa<FloatType>(acc)) {
            v = math::SqrtOp::create(nb, nl, v);
          }
          return convertScalar(nb, nl, v, resultElem, accUnsigned,
                               resultUnsigned);
        });
  }
  return reshapeTo(l, reduced, resultType);
}

ExecLowerFn reduction(Kind kind) {
  return [kind](ExecLowering &l,
                SmallVectorImpl<Value> &results) -> LogicalResult {
    if (l.numInputs() < 1)
      return l.emitError("needs an input");
    RankedTensorType resultType = l.resultType();
    if (kind == Kind::Norm2 && !isFloat(resultType))
      return l.emitError("norm2 needs a float result");
    auto candidates = getReduceDimCandidates(l, resultType);
    if (failed(candidates))
      return failure();
    FailureOr<Value> r =
        selectCandidate(l, *candidates, [&](ArrayRef<int64_t> dims) {
          return buildReduction(l, kind, dims, resultType);
        });
    if (failed(r))
      return failure();
    results.push_back(*r);
    return success();
  };
}

//===----------------------------------------------------------------------===//
// log_loss
//===----------------------------------------------------------------------===//

/// libnd4j log_loss: E = -(l log(p + eps) + (1 - l) log(1 + eps - p)) w,
/// weights broadcast to the predictions' shape; mode 0 gives E, 1 its sum,
/// 2 the sum over the weights' sum (a scalar weight: w times the element
/// count), 3 the sum over the count of non-zero weights (0 where that
/// denominator is 0). One generic computes E, or (modes 1-3) the three
/// sums at once.
LogicalResult lowerLogLoss(ExecLowering &l, SmallVectorImpl<Value> &results) {
  if (l.numInputs() != 3)
    return l.emitError("needs predictions, weights and labels");
  OpBuilder &b = l.b;
  Location loc = l.loc;
  RankedTensorType pType = l.inputType(0), wType = l.inputType(1),
                   lType = l.inputType(2), type = l.resultType();
  auto elem = dyn_cast<FloatType>(pType.getElementType());
  int64_t mode = l.iArg(0, 0);
  double eps = l.tArg(0, 0);
  int64_t rank = pType.getRank();
  if (!elem || lType.getElementType() != elem ||
      wType.getElementType() != elem || lType.getRank() != rank ||
      (wType.getRank() != 0 && wType.getRank() != rank))
    return l.emitError("needs float predictions and labels of one shape and "
                       "scalar or same-rank weights of their type");
  if (mode < 0 || mode > 3)
    return l.emitError("reduction mode must be 0 to 3, got ") << mode;
  if (type.getElementType() != elem || (mode != 0 && type.getRank() != 0))
    return l.emitError("the result must be the predictions' type, a scalar "
                       "for modes 1 to 3");
  MLIRContext *ctx = b.getContext();
  SmallVector<AffineExpr> wExprs;
  for (int64_t d = 0; d < wType.getRank(); ++d)
    wExprs.push_back(wType.getDimSize(d) == 1 && pType.getDimSize(d) != 1
                         ? getAffineConstantExpr(0, ctx)
                         : getAffineDimExpr(d, ctx));
  AffineMap id = b.getMultiDimIdentityMap(rank);
  AffineMap wMap = AffineMap::get(rank, 0, wExprs, ctx);
  auto lossOf = [&](OpBuilder &nb, Location nl, Value p, Value w, Value y) {
    Value one = createScalar(nb, nl, elem, 1);
    Value e = createScalar(nb, nl, elem, eps);
    Value a = arith::MulFOp::create(
        nb, nl, y,
        math::LogOp::create(nb, nl, arith::AddFOp::create(nb, nl, p, e)));
    Value c = arith::MulFOp::create(
        nb, nl, arith::SubFOp::create(nb, nl, one, y),
        math::LogOp::create(
            nb, nl,
            arith::SubFOp::create(nb, nl, createScalar(nb, nl, elem, 1 + eps),
                                  p)));
    Value sum = arith::AddFOp::create(nb, nl, a, c);
    return arith::MulFOp::create(nb, nl, arith::NegFOp::create(nb, nl, sum), w)
        .getResult();
  };
  SmallVector<Value> ins = {l.input(0), l.input(1), l.input(2)};
  SmallVector<AffineMap> inMaps = {id, wMap, id};
  if (mode == 0) {
    Value init = createEmptySizedLike(b, loc, type, l.input(0));
    SmallVector<AffineMap> maps(inMaps);
    maps.push_back(id);
    results.push_back(
        linalg::GenericOp::create(
            b, loc, type, ins, init, maps,
            SmallVector<utils::IteratorType>(rank,
                                             utils::IteratorType::parallel),
            [&](OpBuilder &nb, Location nl, ValueRange a) {
              linalg::YieldOp::create(nb, nl, lossOf(nb, nl, a[0], a[1], a[2]));
            })
            .getResult(0));
    return success();
  }
  // Sums of E, of the broadcast weights and of their non-zero count.
  auto scalarType = RankedTensorType::get({}, elem);
  Value zero = createScalar(b, loc, elem, 0);
  Value init = linalg::FillOp::create(
                   b, loc, zero,
                   tensor::EmptyOp::create(b, loc, ArrayRef<int64_t>{}, elem)
                       .getResult())
                   .getResult(0);
  SmallVector<AffineMap> maps(inMaps);
  AffineMap scalarMap = AffineMap::get(rank, 0, {}, ctx);
  maps.append({scalarMap, scalarMap, scalarMap});
  auto sums = linalg::GenericOp::create(
      b, loc, TypeRange{scalarType, scalarType, scalarType}, ins,
      ValueRange{init, init, init}, maps,
      SmallVector<utils::IteratorType>(rank, utils::IteratorType::reduction),
      [&](OpBuilder &nb, Location nl, ValueRange a) {
        Value w = a[1];
        Value nonZero = arith::UIToFPOp::create(
            nb, nl, elem,
            arith::CmpFOp::create(nb, nl, arith::CmpFPredicate::UNE, w,
                                  createScalar(nb, nl, elem, 0)));
        linalg::YieldOp::create(
            nb, nl,
            ValueRange{arith::AddFOp::create(nb, nl, a[3],
                                             lossOf(nb, nl, a[0], w, a[2])),
                       arith::AddFOp::create(nb, nl, a[4], w),
                       arith::AddFOp::create(nb, nl, a[5], nonZero)});
      });
  auto scalar = [&](Value t) {
    return tensor::ExtractOp::create(b, loc, t, ValueRange{}).getResult();
  };
  Value total = scalar(sums.getResult(0));
  Value r = total;
  if (mode != 1) {
    Value denominator = scalar(sums.getResult(mode == 2 ? 1 : 2));
    Value isZero = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OEQ,
                                         denominator, zero);
    r = arith::SelectOp::create(
        b, loc, isZero, zero,
        arith::DivFOp::create(b, loc, total, denominator));
  }
  results.push_back(tensor::FromElementsOp::create(b, loc, type, r));
  return success();
}

//===----------------------------------------------------------------------===//
// argmax / argmin
//===----------------------------------------------------------------------===//

/// The index of the first extreme over `dims`: a generic with two outputs
/// (value and index). Ties go to the lower index, and NaN counts as the
/// extreme (numpy's argmax/argmin), so the result does not depend on the
/// order the loops run in.
FailureOr<Value> buildArgReduction(ExecLowering &l, bool isMax,
                                   ArrayRef<int64_t> dims,
                                   RankedTensorType resultType) {
  OpBuilder &b = l.b;
  Location loc = l.loc;
  MLIRContext *ctx = b.getContext();
  RankedTensorType inType = l.inputType(0);
  Type elem = inType.getElementType();
  Type indexElem = resultType.getElementType();
  if (!isa<IntegerType>(indexElem))
    return l.emitError("the index result must be an integer");
  bool isUnsigned = l.isUnsignedInput(0) || elem.isInteger(1);
  bool f = isa<FloatType>(elem);
  int64_t rank = inType.getRank();
  // The extents of the reduced dimensions, in the index type.
  SmallVector<Value> extents;
  for (int64_t d : dims)
    extents.push_back(arith::IndexCastOp::create(
        b, loc, indexElem, reducedCount(b, loc, l.input(0), {d})));

  SmallVector<int64_t> reducedShape;
  SmallVector<AffineExpr> outExprs;
  SmallVector<utils::IteratorType> iters;
  for (int64_t d = 0; d < rank; ++d) {
    if (llvm::is_contained(dims, d)) {
      iters.push_back(utils::IteratorType::reduction);
    } else {
      iters.push_back(utils::IteratorType::parallel);
      reducedShape.push_back(inType.getDimSize(d));
      outExprs.push_back(getAffineDimExpr(d, ctx));
    }
  }
  auto valueType = RankedTensorType::get(reducedShape, elem);
  auto indexType = RankedTensorType::get(reducedShape, indexElem);
  Value valueInit =
      linalg::FillOp::create(
          b, loc,
          f ? createScalar(b, loc, elem,
                           (isMax ? -1 : 1) *
                               std::numeric_limits<double>::infinity())
            : createIntLimit(b, loc, elem, !isMax, isUnsigned),
          createEmpty(b, loc, valueType))
          .getResult(0);
  Value indexInit = linalg::FillOp::create(
                        b, loc, createIntLimit(b, loc, indexElem, true, false),
                        createEmpty(b, loc, indexType))
                        .getResult(0);
  AffineMap outMap = AffineMap::get(rank, 0, outExprs, ctx);
  SmallVector<AffineMap> maps{AffineMap::getMultiDimIdentityMap(rank, ctx),
                              outMap, outMap};
  auto generic = linalg::GenericOp::create(
      b, loc, TypeRange{valueType, indexType}, ValueRange{l.input(0)},
      ValueRange{valueInit, indexInit}, maps, iters,
      [&](OpBuilder &nb, Location nl, ValueRange a) {
        Value x = a[0], cur = a[1], curIdx = a[2];
        // Row-major position within the reduced dimensions.
        Value idx = createScalar(nb, nl, indexElem, 0);
        for (auto [d, size] : llvm::zip_equal(dims, extents)) {
          Value i = arith::IndexCastOp::create(
              nb, nl, indexElem, linalg::IndexOp::create(nb, nl, d));
          idx = arith::AddIOp::create(
              nb, nl, arith::MulIOp::create(nb, nl, idx, size), i);
        }
        Value lower = arith::CmpIOp::create(nb, nl, arith::CmpIPredicate::slt,
                                            idx, curIdx);
        Value better, equal;
        if (f) {
          better = arith::CmpFOp::create(nb, nl,
                                         isMax ? arith::CmpFPredicate::OGT
                                               : arith::CmpFPredicate::OLT,
                                         x, cur);
          equal =
              arith::CmpFOp::create(nb, nl, arith::CmpFPredicate::OEQ, x, cur);
          Value xNan =
              arith::CmpFOp::create(nb, nl, arith::CmpFPredicate::UNO, x, x);
          Value curNan = arith::CmpFOp::create(
              nb, nl, arith::CmpFPredicate::UNO, cur, cur);
          // A NaN beats any number, and ties with a NaN at a higher index.
          Value curNum = arith::XOrIOp::create(
              nb, nl, curNan, createScalar(nb, nl, nb.getI1Type(), 1));
          Value nanWins = arith::AndIOp::create(
              nb, nl, xNan, arith::OrIOp::create(nb, nl, curNum, lower));
          better = arith::OrIOp::create(nb, nl, better, nanWins);
        } else {
          arith::CmpIPredicate p =
              isMax ? (isUnsigned ? arith::CmpIPredicate::ugt
                                  : arith::CmpIPredicate::sgt)
                    : (isUnsigned ? arith::CmpIPredicate::ult
                                  : arith::CmpIPredicate::slt);
          better = arith::CmpIOp::create(nb, nl, p, x, cur);
          equal =
              arith::CmpIOp::create(nb, nl, arith::CmpIPredicate::eq, x, cur);
        }
        Value take = arith::OrIOp::create(
            nb, nl, better, arith::AndIOp::create(nb, nl, equal, lower));
        linalg::YieldOp::create(
            nb, nl,
            ValueRange{arith::SelectOp::create(nb, nl, take, x, cur),
                       arith::SelectOp::create(nb, nl, take, idx, curIdx)});
      });
  return reshapeTo(l, generic.getResult(1), resultType);
}

ExecLowerFn argReduction(bool isMax) {
  return [isMax](ExecLowering &l,
                 SmallVectorImpl<Value> &results) -> LogicalResult {
    if (l.numInputs() < 1)
      return l.emitError("needs an input");
    RankedTensorType resultType = l.resultType();
    auto candidates = getReduceDimCandidates(l, resultType);
    if (failed(candidates))
      return failure();
    FailureOr<Value> r =
        selectCandidate(l, *candidates, [&](ArrayRef<int64_t> dims) {
          return buildArgReduction(l, isMax, dims, resultType);
        });
    if (failed(r))
      return failure();
    results.push_back(*r);
    return success();
  };
}

//===----------------------------------------------------------------------===//
// softmax / log_softmax
//===----------------------------------------------------------------------===//

/// Along one dimension, stably: m = max x, s = sum exp(x - m), then
/// exp(x - m) / s or (x - m) - log s.
ExecLowerFn softmaxLike(bool isLog) {
  return [isLog](ExecLowering &l,
                 SmallVectorImpl<Value> &results) -> LogicalResult {
    if (l.numInputs() != 1)
      return l.emitError("needs one input");
    OpBuilder &b = l.b;
    Location loc = l.loc;
    MLIRContext *ctx = b.getContext();
    RankedTensorType inType = l.inputType(0), resultType = l.resultType();
    if (!isFloat(inType) || !isFloat(resultType))
      return l.emitError("needs a float input and result");
    int64_t rank = inType.getRank();
    if (rank == 0)
      return l.emitError("needs an input of rank >= 1");
    int64_t dim = normalizeAxis(l.iArg(0, rank - 1), rank);
    if (dim < 0 || dim >= rank)
      return l.emitError("dimension ")
             << l.iArg(0, rank - 1) << " is out of range for rank " << rank;
    Type acc = getAccumulatorType(inType.getElementType());
    Type resultElem = resultType.getElementType();
    Value x = l.input(0);

    SmallVector<int64_t> reducedShape;
    SmallVector<AffineExpr> reducedExprs;
    for (int64_t d = 0; d < rank; ++d)
      if (d != dim) {
        reducedShape.push_back(inType.getDimSize(d));
        reducedExprs.push_back(getAffineDimExpr(d, ctx));
      }
    auto reducedType = RankedTensorType::get(reducedShape, acc);
    AffineMap id = AffineMap::getMultiDimIdentityMap(rank, ctx);
    AffineMap reducedMap = AffineMap::get(rank, 0, reducedExprs, ctx);
    auto filled = [&](double v) {
      return linalg::FillOp::create(b, loc, createScalar(b, loc, acc, v),
                                    createEmpty(b, loc, reducedType))
          .getResult(0);
    };

    Value max =
        linalg::ReduceOp::create(
            b, loc, ValueRange{x},
            ValueRange{filled(-std::numeric_limits<double>::infinity())}, dim,
            [&](OpBuilder &nb, Location nl, ValueRange a) {
              Value v = convertScalar(nb, nl, a[0], acc);
              linalg::YieldOp::create(
                  nb, nl,
                  arith::MaximumFOp::create(nb, nl, a[1], v).getResult());
            })
            .getResult(0);

    SmallVector<utils::IteratorType> iters(rank, utils::IteratorType::parallel);
    iters[dim] = utils::IteratorType::reduction;
    Value sum =
        linalg::GenericOp::create(
            b, loc, reducedType, ValueRange{x, max}, ValueRange{filled(0)},
            SmallVector<AffineMap>{id, reducedMap, reducedMap}, iters,
            [&](OpBuilder &nb, Location nl, ValueRange a) {
              Value v = convertScalar(nb, nl, a[0], acc);
              Value e = math::ExpOp::create(
                  nb, nl, arith::SubFOp::create(nb, nl, v, a[1]));
              linalg::YieldOp::create(
                  nb, nl, arith::AddFOp::create(nb, nl, a[2], e).getResult());
            })
            .getResult(0);

    SmallVector<utils::IteratorType> parallel(rank,
                                              utils::IteratorType::parallel);
    Value out =
        linalg::GenericOp::create(
            b, loc, resultType, ValueRange{x, max, sum},
            ValueRange{createEmpty(b, loc, resultType)},
            SmallVector<AffineMap>{id, reducedMap, reducedMap, id}, parallel,
            [&](OpBuilder &nb, Location nl, ValueRange a) {
              Value v = convertScalar(nb, nl, a[0], acc);
              Value shifted = arith::SubFOp::create(nb, nl, v, a[1]);
              Value r =
                  isLog
                      ? arith::SubFOp::create(nb, nl, shifted,
                                              math::LogOp::create(nb, nl, a[2]))
                            .getResult()
                      : arith::DivFOp::create(
                            nb, nl, math::ExpOp::create(nb, nl, shifted), a[2])
                            .getResult();
              linalg::YieldOp::create(nb, nl,
                                      convertScalar(nb, nl, r, resultElem));
            })
            .getResult(0);
    results.push_back(out);
    return success();
  };
}

//===----------------------------------------------------------------------===//
// cumsum / cumprod
//===----------------------------------------------------------------------===//

/// A scan along `axis` as a generic with one more (reduction) loop k over
/// the axis: out[.., i, ..] combines x[.., k, ..] for the k the flags select
/// (k <= i; exclusive: k < i; reverse: k >= i or k > i).
Value buildScan(ExecLowering &l, bool isProd, int64_t axis, bool exclusive,
                bool reverse) {
  OpBuilder &b = l.b;
  Location loc = l.loc;
  MLIRContext *ctx = b.getContext();
  RankedTensorType inType = l.inputType(0), resultType = l.resultType();
  int64_t rank = inType.getRank();
  Type acc = getAccumulatorType(resultType.getElementType());
  bool isUnsigned = l.isUnsignedResult();
  auto accType = inType.clone(acc);
  Value init =
      linalg::FillOp::create(b, loc, createScalar(b, loc, acc, isProd ? 1 : 0),
                             createEmpty(b, loc, accType))
          .getResult(0);
  SmallVector<AffineExpr> inExprs, outExprs;
  for (int64_t d = 0; d < rank; ++d) {
    inExprs.push_back(getAffineDimExpr(d == axis ? rank : d, ctx));
    outExprs.push_back(getAffineDimExpr(d, ctx));
  }
  SmallVector<utils::IteratorType> iters(rank + 1,
                                         utils::IteratorType::parallel);
  iters.back() = utils::IteratorType::reduction;
  SmallVector<AffineMap> maps{AffineMap::get(rank + 1, 0, inExprs, ctx),
                              AffineMap::get(rank + 1, 0, outExprs, ctx)};
  bool f = isa<FloatType>(acc);
  Value scan =
      linalg::GenericOp::create(
          b, loc, accType, ValueRange{l.input(0)}, ValueRange{init}, maps,
          iters,
          [&](OpBuilder &nb, Location nl, ValueRange a) {
            Value v = convertScalar(nb, nl, a[0], acc, l.isUnsignedInput(0),
                                    isUnsigned);
            Value i = linalg::IndexOp::create(nb, nl, axis);
            Value k = linalg::IndexOp::create(nb, nl, rank);
            arith::CmpIPredicate p =
                reverse ? (exclusive ? arith::CmpIPredicate::ugt
                                     : arith::CmpIPredicate::uge)
                        : (exclusive ? arith::CmpIPredicate::ult
                                     : arith::CmpIPredicate::ule);
            Value in = arith::CmpIOp::create(nb, nl, p, k, i);
            Value next =
                isProd
                    ? (f ? arith::MulFOp::create(nb, nl, a[1], v).getResult()
                         : arith::MulIOp::create(nb, nl, a[1], v).getResult())
                    : (f ? arith::AddFOp::create(nb, nl, a[1], v).getResult()
                         : arith::AddIOp::create(nb, nl, a[1], v).getResult());
            linalg::YieldOp::create(
                nb, nl,
                arith::SelectOp::create(nb, nl, in, next, a[1]).getResult());
          })
          .getResult(0);
  if (acc == resultType.getElementType())
    return scan;
  return createElementwise(
      b, loc, resultType, scan, [&](OpBuilder &nb, Location nl, ValueRange s) {
        return convertScalar(nb, nl, s[0], resultType.getElementType());
      });
}

/// i_args exclusive, reverse, then the axis (or a second input holding it;
/// libnd4j's default is the first dimension... of a flattened input, which
/// we only take for rank 1).
ExecLowerFn scan(bool isProd) {
  return [isProd](ExecLowering &l,
                  SmallVectorImpl<Value> &results) -> LogicalResult {
    if (l.numInputs() < 1)
      return l.emitError("needs an input");
    int64_t rank = l.inputType(0).getRank();
    if (rank == 0)
      return l.emitError("needs an input of rank >= 1");
    if (l.inputType(0).getShape() != l.resultType().getShape())
      return l.emitError("the result must have the input's shape");
    bool exclusive = l.iArg(0, 0) != 0, reverse = l.iArg(1, 0) != 0;
    SmallVector<SmallVector<int64_t>> candidates;
    if (l.numInputs() >= 2) {
      if (l.inputType(1).getNumElements() != 1)
        return l.emitError("needs exactly one axis");
      if (std::optional<SmallVector<int64_t>> c = l.constantInts(1)) {
        candidates.push_back({normalizeAxis((*c)[0], rank)});
      } else {
        // An axis computed at run time: every dimension is a candidate.
        for (int64_t d = 0; d < rank; ++d)
          candidates.push_back({d});
      }
    } else if (l.iArgs().size() > 2) {
      if (l.iArgs().size() != 3)
        return l.emitError("needs exactly one axis");
      candidates.push_back({normalizeAxis(l.iArgs()[2], rank)});
    } else if (rank == 1) {
      candidates.push_back({0});
    } else {
      return l.emitError("needs an axis for an input of rank > 1");
    }
    for (const SmallVector<int64_t> &c : candidates)
      if (c[0] < 0 || c[0] >= rank)
        return l.emitError("axis out of range for rank ") << rank;
    FailureOr<Value> r =
        selectCandidate(l, candidates, [&](ArrayRef<int64_t> dims) {
          return FailureOr<Value>(
              buildScan(l, isProd, dims[0], exclusive, reverse));
        });
    if (failed(r))
      return failure();
    results.push_back(*r);
    return success();
  };
}

//===----------------------------------------------------------------------===//
// batchnorm / lrn
//===----------------------------------------------------------------------===//

/// Inference batchnorm: (x - mean) / sqrt(variance + epsilon) * gamma +
/// beta. i_args applyScale, applyOffset, then the dimensions the
/// parameters run along (default the last); gamma and beta are inputs 3
/// and 4 (or 3 alone) when applied.
LogicalResult lowerBatchnorm(ExecLowering &l, SmallVectorImpl<Value> &results) {
  OpBuilder &b = l.b;
  Location loc = l.loc;
  MLIRContext *ctx = b.getContext();
  if (l.numInputs() < 3)
    return l.emitError("needs input, mean and variance");
  RankedTensorType inType = l.inputType(0), resultType = l.resultType();
  if (!isFloat(inType) || !isFloat(resultType))
    return l.emitError("needs a float input and result");
  if (inType.getShape() != resultType.getShape())
    return l.emitError("the result must have the input's shape");
  int64_t rank = inType.getRank();
  bool applyScale = l.iArg(0, 0) != 0, applyOffset = l.iArg(1, 0) != 0;
  unsigned expected = 3 + applyScale + applyOffset;
  if (l.numInputs() != expected)
    return l.emitError("expects ")
           << expected << " inputs for applyScale " << applyScale
           << " and applyOffset " << applyOffset;
  SmallVector<int64_t> dims;
  for (int64_t d : l.iArgs().drop_front(std::min<size_t>(2, l.iArgs().size())))
    dims.push_back(normalizeAxis(d, rank));
  if (dims.empty())
    dims.push_back(rank - 1);
  for (int64_t d : dims)
    if (d < 0 || d >= rank)
      return l.emitError("dimension out of range for rank ") << rank;

  // A parameter of the input's rank broadcasts; a smaller one runs along
  // `dims`.
  SmallVector<AffineMap> maps{AffineMap::getMultiDimIdentityMap(rank, ctx)};
  for (unsigned i = 1; i < l.numInputs(); ++i) {
    RankedTensorType t = l.inputType(i);
    if (t.getRank() == rank) {
      maps.push_back(getBroadcastMap(t, inType, ctx));
      continue;
    }
    if (t.getRank() != static_cast<int64_t>(dims.size()))
      return l.emitError("parameter ")
             << i << " of type " << t << " does not match dimensions";
    SmallVector<AffineExpr> exprs;
    for (auto [j, d] : llvm::enumerate(dims)) {
      if (t.getDimSize(j) == inType.getDimSize(d))
        exprs.push_back(getAffineDimExpr(d, ctx));
      else if (t.getDimSize(j) == 1)
        exprs.push_back(getAffineConstantExpr(0, ctx));
      else
        return l.emitError("parameter ")
               << i << " of type " << t << " does not match dimensions";
    }
    maps.push_back(AffineMap::get(rank, 0, exprs, ctx));
  }
  maps.push_back(AffineMap::getMultiDimIdentityMap(rank, ctx));
  Type acc = getAccumulatorType(inType.getElementType());
  double eps = l.tArg(0, 1e-5);
  SmallVector<utils::IteratorType> iters(rank, utils::IteratorType::parallel);
  Value out =
      linalg::GenericOp::create(
          b, loc, resultType, l.inputs,
          ValueRange{createEmpty(b, loc, resultType)}, maps, iters,
          [&](OpBuilder &nb, Location nl, ValueRange a) {
            SmallVector<Value> v;
            for (Value s : a.drop_back())
              v.push_back(convertScalar(nb, nl, s, acc));
            Value denom = math::SqrtOp::create(
                nb, nl,
                arith::AddFOp::create(nb, nl, v[2],
                                      createScalar(nb, nl, acc, eps)));
            Value y = arith::DivFOp::create(
                nb, nl, arith::SubFOp::create(nb, nl, v[0], v[1]), denom);
            unsigned next = 3;
            if (applyScale)
              y = arith::MulFOp::create(nb, nl, y, v[next++]);
            if (applyOffset)
              y = arith::AddFOp::create(nb, nl, y, v[next++]);
            linalg::YieldOp::create(
                nb, nl, convertScalar(nb, nl, y, resultType.getElementType()));
          })
          .getResult(0);
  results.push_back(out);
  return success();
}

/// libnd4j's lrn along the last dimension: x / (bias + alpha * sum of
/// squares over [c - depth, c + depth])^beta. The squares are zero-padded by
/// depth on both sides so the window is a plain affine read.
LogicalResult lowerLrn(ExecLowering &l, SmallVectorImpl<Value> &results) {
  OpBuilder &b = l.b;
  Location loc = l.loc;
  MLIRContext *ctx = b.getContext();
  if (l.numInputs() != 1)
    return l.emitError("needs one input");
  RankedTensorType inType = l.inputType(0), resultType = l.resultType();
  if (!isFloat(inType) || !isFloat(resultType) || inType.getRank() == 0)
    return l.emitError("needs a float input of rank >= 1");
  if (inType.getShape() != resultType.getShape())
    return l.emitError("the result must have the input's shape");
  int64_t rank = inType.getRank(), depth = l.iArg(0, 5);
  if (depth < 0)
    return l.emitError("depth must be >= 0");
  double bias = l.tArg(0, 1.0), alpha = l.tArg(1, 1.0), beta = l.tArg(2, 0.5);
  Type acc = getAccumulatorType(inType.getElementType());
  auto accType = inType.clone(acc);
  Value sq = createElementwise(
      b, loc, accType, l.input(0),
      [&](OpBuilder &nb, Location nl, ValueRange s) {
        Value v = convertScalar(nb, nl, s[0], acc);
        return arith::MulFOp::create(nb, nl, v, v).getResult();
      });
  SmallVector<OpFoldResult> low(rank, b.getIndexAttr(0)),
      high(rank, b.getIndexAttr(0));
  low.back() = b.getIndexAttr(depth);
  high.back() = b.getIndexAttr(depth);
  SmallVector<int64_t> paddedShape(inType.getShape());
  paddedShape.back() += 2 * depth;
  Value padded =
      tensor::PadOp::create(b, loc, RankedTensorType::get(paddedShape, acc), sq,
                            low, high, createScalar(b, loc, acc, 0));
  SmallVector<AffineExpr> inExprs, outExprs;
  for (int64_t d = 0; d < rank; ++d) {
    outExprs.push_back(getAffineDimExpr(d, ctx));
    inExprs.push_back(d == rank - 1 ? getAffineDimExpr(d, ctx) +
                                          getAffineDimExpr(rank, ctx)
                                    : getAffineDimExpr(d, ctx));
  }
  // The window loop's extent comes from a shape-only operand.
  Value window =
      createEmpty(b, loc, RankedTensorType::get({2 * depth + 1}, acc));
  SmallVector<AffineMap> maps{
      AffineMap::get(rank + 1, 0, inExprs, ctx),
      AffineMap::get(rank + 1, 0, getAffineDimExpr(rank, ctx)),
      AffineMap::get(rank + 1, 0, outExprs, ctx)};
  SmallVector<utils::IteratorType> iters(rank + 1,
                                         utils::IteratorType::parallel);
  iters.back() = utils::IteratorType::reduction;
  Value init = linalg::FillOp::create(b, loc, createScalar(b, loc, acc, 0),
                                      createEmpty(b, loc, accType))
                   .getResult(0);
  Value sums =
      linalg::GenericOp::create(
          b, loc, accType, ValueRange{padded, window}, ValueRange{init}, maps,
          iters,
          [&](OpBuilder &nb, Location nl, ValueRange a) {
            linalg::YieldOp::create(
                nb, nl, arith::AddFOp::create(nb, nl, a[2], a[0]).getResult());
          })
          .getResult(0);
  Value out = createElementwise(
      b, loc, resultType, ValueRange{l.input(0), sums},
      [&](OpBuilder &nb, Location nl, ValueRange s) {
        Value x = convertScalar(nb, nl, s[0], acc);
        Value base = arith::AddFOp::create(
            nb, nl, createScalar(nb, nl, acc, bias),
            arith::MulFOp::create(nb, nl, createScalar(nb, nl, acc, alpha),
                                  s[1]));
        Value p =
            math::PowFOp::create(nb, nl, base, createScalar(nb, nl, acc, beta));
        return convertScalar(nb, nl, arith::DivFOp::create(nb, nl, x, p),
                             resultType.getElementType());
      });
  results.push_back(out);
  return success();
}

} // namespace

namespace {

/// adjust_contrast_v2: images `[..., H, W, C]`; each channel of each image
/// becomes `(x - mean) * factor + mean`, the mean over H and W, computed in
/// the image's type (f32 accumulates f16/bf16 images).
LogicalResult lowerAdjustContrast(ExecLowering &l,
                                  SmallVectorImpl<Value> &results) {
  OpBuilder &b = l.b;
  Location loc = l.loc;
  RankedTensorType in = l.inputType(0), factorType = l.inputType(1);
  int64_t rank = in.getRank();
  Type elem = in.getElementType();
  if (rank < 3 || !isa<FloatType>(elem))
    return l.emitError("expected floating-point images [..., H, W, C]");
  if (factorType.getNumElements() != 1)
    return l.emitError("the factor must be one value");
  Type acc = elem.getIntOrFloatBitWidth() < 32 ? b.getF32Type() : elem;
  // Sums over H and W: [..., C].
  SmallVector<int64_t> sumShape(in.getShape().take_front(rank - 3));
  sumShape.push_back(in.getDimSize(rank - 1));
  auto sumType = RankedTensorType::get(sumShape, acc);
  Value zero = createScalar(b, loc, acc, 0);
  Value init =
      linalg::FillOp::create(b, loc, zero, createEmpty(b, loc, sumType))
          .getResult(0);
  SmallVector<AffineExpr> outExprs;
  for (int64_t d = 0; d < rank - 3; ++d)
    outExprs.push_back(b.getAffineDimExpr(d));
  outExprs.push_back(b.getAffineDimExpr(rank - 1));
  SmallVector<AffineMap> maps = {
      b.getMultiDimIdentityMap(rank),
      AffineMap::get(rank, 0, outExprs, b.getContext())};
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::parallel);
  iterators[rank - 3] = iterators[rank - 2] = utils::IteratorType::reduction;
  Value sums =
      linalg::GenericOp::create(
          b, loc, sumType, ValueRange{l.input(0)}, ValueRange{init}, maps,
          iterators,
          [&](OpBuilder &nb, Location nl, ValueRange args) {
            Value x = convertScalar(nb, nl, args[0], acc);
            linalg::YieldOp::create(
                nb, nl, ValueRange{arith::AddFOp::create(nb, nl, x, args[1])});
          })
          .getResult(0);
  double count =
      static_cast<double>(in.getDimSize(rank - 3) * in.getDimSize(rank - 2));
  Value factor = l.input(1);
  SmallVector<Value> zeros(factorType.getRank(),
                           arith::ConstantIndexOp::create(b, loc, 0));
  Value f = convertScalar(
      b, loc, tensor::ExtractOp::create(b, loc, factor, zeros), acc);
  Value inverse = createScalar(b, loc, acc, count > 0 ? 1.0 / count : 0.0);
  SmallVector<AffineMap> outMaps = {
      b.getMultiDimIdentityMap(rank),
      AffineMap::get(rank, 0, outExprs, b.getContext()),
      b.getMultiDimIdentityMap(rank)};
  SmallVector<utils::IteratorType> parallel(rank,
                                            utils::IteratorType::parallel);
  Value out =
      linalg::GenericOp::create(
          b, loc, in, ValueRange{l.input(0), sums},
          ValueRange{createEmpty(b, loc, in)}, outMaps, parallel,
          [&](OpBuilder &nb, Location nl, ValueRange args) {
            Value x = convertScalar(nb, nl, args[0], acc);
            Value mean = arith::MulFOp::create(nb, nl, args[1], inverse);
            Value y = arith::AddFOp::create(
                nb, nl,
                arith::MulFOp::create(
                    nb, nl, arith::SubFOp::create(nb, nl, x, mean), f),
                mean);
            linalg::YieldOp::create(nb, nl,
                                    ValueRange{convertScalar(nb, nl, y, elem)});
          })
          .getResult(0);
  results.push_back(out);
  return success();
}

} // namespace

void mlir::nd4j::populateExecToLinalgReduce(ExecLoweringTable &table) {
  table.add("adjust_contrast_v2", lowerAdjustContrast);
  table.add("reduce_sum", reduction(Kind::Sum));
  table.add("reduce_mean", reduction(Kind::Mean));
  table.add("reduce_max", reduction(Kind::Max));
  table.add("reduce_min", reduction(Kind::Min));
  table.add("reduce_prod", reduction(Kind::Prod));
  table.add("reduce_norm1", reduction(Kind::Norm1));
  table.add("reduce_norm2", reduction(Kind::Norm2));
  table.add("reduce_sqnorm", reduction(Kind::SquaredNorm));
  table.add("reduce_norm_max", reduction(Kind::NormMax));
  table.add("reduce_amean", reduction(Kind::AMean));
  table.add("reduce_asum", reduction(Kind::ASum));
  table.add("reduce_amax", reduction(Kind::AMax));
  table.add("reduce_amin", reduction(Kind::AMin));
  table.add("all", reduction(Kind::All));
  table.add("any", reduction(Kind::Any));
  table.add("count_nonzero", reduction(Kind::CountNonZero));
  table.add("count_zero", reduction(Kind::CountZero));
  table.add("log_loss", lowerLogLoss);
  table.setDynamicReady("log_loss");
  table.add("argmax", argReduction(true));
  table.add("argmin", argReduction(false));
  // Any dimension may be known only at run time, reduced or not.
  for (StringRef name :
       {"reduce_sum", "reduce_mean", "reduce_max", "reduce_min", "reduce_prod",
        "reduce_norm1", "reduce_norm2", "reduce_sqnorm", "reduce_norm_max",
        "reduce_amean", "reduce_asum", "reduce_amax", "reduce_amin", "all",
        "any", "count_nonzero", "count_zero", "argmax", "argmin"})
    table.setDynamicReady(name);
  table.add("softmax", softmaxLike(false));
  table.add("log_softmax", softmaxLike(true));
  table.setDynamicReady("softmax");
  table.setDynamicReady("log_softmax");
  table.add("cumsum", scan(false));
  table.add("cumprod", scan(true));
  table.add("batchnorm", lowerBatchnorm);
  table.add("lrn", lowerLrn);
}
