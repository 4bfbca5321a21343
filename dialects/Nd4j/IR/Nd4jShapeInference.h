//===- Nd4jShapeInference.h - helpers of the typed ops' inference -*- C++
//-*-===//
//
// Diagnostics and shape arithmetic shared by the files that infer the typed
// nd4j ops' result types (Nd4jShapeInference.cpp and the per-family
// Nd4j*Ops.cpp). Internal to the dialect library.
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_DIALECTS_ND4J_IR_ND4JSHAPEINFERENCE_H
#define ND4J_DIALECTS_ND4J_IR_ND4JSHAPEINFERENCE_H

#include "dialects/Nd4j/IR/Nd4jOps.h"
#include "mlir/IR/Diagnostics.h"

namespace mlir {
namespace nd4j {
namespace infer_detail {
constexpr int64_t kDyn = ShapedType::kDynamic;

/// Reports `msg` at `loc` (when given) and fails.
template <typename... Args>
LogicalResult fail(std::optional<Location> loc, const Args &...args) {
  if (loc) {
    InFlightDiagnostic diag = emitError(*loc);
    (diag << ... << args);
  }
  return failure();
}

inline std::string shapeStr(ArrayRef<int64_t> shape) {
  std::string s = "[";
  llvm::raw_string_ostream os(s);
  llvm::interleaveComma(shape, os, [&](int64_t d) {
    if (ShapedType::isDynamic(d))
      os << '?';
    else
      os << d;
  });
  return s + "]";
}

inline RankedTensorType ranked(Value v) {
  return cast<RankedTensorType>(v.getType());
}

inline LogicalResult infer(SmallVectorImpl<Type> &out, ArrayRef<int64_t> shape,
                           Type elementType) {
  out.push_back(RankedTensorType::get(shape, elementType));
  return success();
}

/// Numpy broadcasting of two shapes.
inline LogicalResult broadcast(std::optional<Location> loc, ArrayRef<int64_t> a,
                               ArrayRef<int64_t> b,
                               SmallVectorImpl<int64_t> &out) {
  size_t rank = std::max(a.size(), b.size());
  out.assign(rank, 1);
  for (size_t i = 0; i < rank; ++i) {
    int64_t da = i < rank - a.size() ? 1 : a[i - (rank - a.size())];
    int64_t db = i < rank - b.size() ? 1 : b[i - (rank - b.size())];
    if (da == 1)
      out[i] = db;
    else if (db == 1)
      out[i] = da;
    else if (ShapedType::isDynamic(da))
      out[i] = db;
    else if (ShapedType::isDynamic(db) || da == db)
      out[i] = da;
    else
      return fail(loc, "operand shapes ", shapeStr(a), " and ", shapeStr(b),
                  " do not broadcast");
  }
  return success();
}

inline LogicalResult checkFlag(std::optional<Location> loc, StringRef name,
                               int64_t v) {
  if (v != 0 && v != 1)
    return fail(loc, "'", name, "' must be 0 or 1, got ", v);
  return success();
}

inline LogicalResult checkAtLeast(std::optional<Location> loc, StringRef name,
                                  int64_t v, int64_t min) {
  if (v < min)
    return fail(loc, "'", name, "' must be at least ", min, ", got ", v);
  return success();
}

/// cumsum and cumprod: one integer axis given at run time, 0/1 flags; the
/// result has the input's type.
inline LogicalResult inferCumulative(std::optional<Location> loc, Value input,
                                     Value dimensions, int64_t exclusive,
                                     int64_t reverse,
                                     SmallVectorImpl<Type> &out) {
  RankedTensorType axis = ranked(dimensions);
  if (!isa<IntegerType>(axis.getElementType()) || axis.getNumElements() != 1)
    return fail(loc, "dimensions must be one integer, got ", axis);
  if (failed(checkFlag(loc, "exclusive", exclusive)) ||
      failed(checkFlag(loc, "reverse", reverse)))
    return failure();
  out.push_back(ranked(input));
  return success();
}

/// Normalizes axis `axis` of a rank-`rank` tensor (negative from the end).
inline FailureOr<int64_t> normalizeAxis(std::optional<Location> loc,
                                        StringRef name, int64_t axis,
                                        int64_t rank) {
  if (axis < -rank || axis >= rank)
    return fail(loc, "'", name, "' ", axis, " is out of range for rank ", rank);
  return axis < 0 ? axis + rank : axis;
}

/// Output extent of a windowed dimension (convolution and pooling).
inline FailureOr<int64_t> windowOutput(std::optional<Location> loc,
                                       StringRef dim, int64_t in, int64_t k,
                                       int64_t s, int64_t p, int64_t d,
                                       bool same) {
  if (ShapedType::isDynamic(in))
    return kDyn;
  if (same)
    return (in + s - 1) / s;
  int64_t effective = d * (k - 1) + 1;
  int64_t out = (in + 2 * p - effective) / s + 1;
  if (in + 2 * p < effective || out < 1)
    return fail(loc, "window of extent ", effective, " does not fit input ",
                dim, " ", in, " with padding ", p);
  return out;
}

inline LogicalResult sameElementType(std::optional<Location> loc, Value a,
                                     Value b) {
  Type ea = ranked(a).getElementType(), eb = ranked(b).getElementType();
  if (ea != eb)
    return fail(loc, "operand element types differ: ", ea, " vs ", eb);
  return success();
}

inline bool compatibleDims(int64_t a, int64_t b) {
  return ShapedType::isDynamic(a) || ShapedType::isDynamic(b) || a == b;
}

} // namespace infer_detail
} // namespace nd4j
} // namespace mlir

#endif // ND4J_DIALECTS_ND4J_IR_ND4JSHAPEINFERENCE_H
