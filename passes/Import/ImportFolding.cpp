//===- ImportFolding.cpp - cheap constant folding during import -----------===//
//
// Exported models compute shapes with small graphs of Shape, Slice, Concat,
// Cast, arithmetic and Gather nodes. Once a rule has replaced such a node by
// typed ops whose operands are all small constants, evaluating them at once
// turns the result into an `nd4j.constant`, so that the rules of the nodes
// downstream (Reshape, Expand, Tile, ...) see compile-time values. Only
// dense constants up to kMaxElements elements are evaluated: folding is an
// import-time convenience, not a constant-propagation pass over weights.
//
// The evaluation follows nd4j's semantics of each op (integer division
// truncates, casts from floating point truncate toward zero).
//
//===----------------------------------------------------------------------===//

#include "passes/Import/ImportFolding.h"

#include "dialects/Nd4j/IR/Nd4jOps.h"
#include "mlir/IR/BuiltinDialect.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/PatternMatch.h"
#include <cmath>

using namespace mlir;
using namespace mlir::nd4j;

namespace {
constexpr int64_t kMaxElements = 4096;
/// Resource blobs read for folding: integer index data, not weights.
constexpr int64_t kMaxBlobElements = 256;

/// A small constant tensor's values: integers (bool as 0/1) or floating
/// point, in row-major order.
struct Values {
  RankedTensorType type;
  bool isFloat = false;
  SmallVector<int64_t> ints;
  SmallVector<double> floats;

  int64_t size() const { return isFloat ? floats.size() : ints.size(); }
  double asDouble(int64_t i) const { return isFloat ? floats[i] : ints[i]; }
  int64_t asInt(int64_t i) const {
    return isFloat ? static_cast<int64_t>(floats[i]) : ints[i];
  }
};

bool isFoldableElement(Type t) {
  if (auto i = dyn_cast<IntegerType>(t))
    return i.getWidth() < 64 || !i.isUnsigned();
  return isa<Float16Type, BFloat16Type, Float32Type, Float64Type>(t);
}

std::optional<Values> read(Value v) {
  auto c = v.getDefiningOp<ConstantOp>();
  auto type = dyn_cast<RankedTensorType>(v.getType());
  if (!c || !type || !type.hasStaticShape() ||
      type.getNumElements() > kMaxElements ||
      !isFoldableElement(type.getElementType()))
    return std::nullopt;
  Values out;
  out.type = type;
  // Small integer blobs (little-endian elements, as the importers write
  // them): index and count arithmetic. Weights stay blobs.
  if (auto blob = dyn_cast<DenseResourceElementsAttr>(c.getValue())) {
    auto it = dyn_cast<IntegerType>(type.getElementType());
    AsmResourceBlob *data = blob.getRawHandle().getBlob();
    if (!it || !data || it.getWidth() % 8 != 0 ||
        type.getNumElements() > kMaxBlobElements)
      return std::nullopt;
    ArrayRef<char> bytes = data->getData();
    size_t width = it.getWidth() / 8;
    if (bytes.size() != width * type.getNumElements())
      return std::nullopt;
    for (int64_t i = 0; i < type.getNumElements(); ++i) {
      uint64_t raw = 0;
      for (size_t k = 0; k < width; ++k)
        raw |= uint64_t(static_cast<unsigned char>(bytes[i * width + k]))
               << (8 * k);
      APInt x(it.getWidth(), raw);
      out.ints.push_back(it.isUnsigned()
                             ? static_cast<int64_t>(x.getZExtValue())
                             : x.getSExtValue());
    }
    return out;
  }
  auto dense = dyn_cast<DenseElementsAttr>(c.getValue());
  if (!dense)
    return std::nullopt;
  if (auto it = dyn_cast<IntegerType>(type.getElementType())) {
    for (const APInt &x : dense.getValues<APInt>())
      out.ints.push_back(it.isUnsigned() || it.getWidth() == 1
                             ? static_cast<int64_t>(x.getZExtValue())
                             : x.getSExtValue());
  } else {
    out.isFloat = true;
    for (const APFloat &x : dense.getValues<APFloat>())
      out.floats.push_back(x.convertToDouble());
  }
  return out;
}

/// The constant holding `values` (in `type`'s element type), named for the
/// node of `loc` when `named`, or null when `type` is not static.
Value write(PatternRewriter &rewriter, Location loc, RankedTensorType type,
            const Values &values, bool named) {
  if (!type.hasStaticShape() || type.getNumElements() != values.size())
    return nullptr;
  Type element = type.getElementType();
  DenseElementsAttr attr;
  if (element.isInteger(1)) {
    SmallVector<bool> bits;
    for (int64_t i = 0; i < values.size(); ++i)
      bits.push_back(values.asDouble(i) != 0);
    attr = DenseElementsAttr::get(type, bits);
  } else if (auto it = dyn_cast<IntegerType>(element)) {
    SmallVector<APInt> ints;
    for (int64_t i = 0; i < values.size(); ++i)
      ints.push_back(APInt(it.getWidth(), values.asInt(i), !it.isUnsigned(),
                           /*implicitTrunc=*/true));
    attr = DenseElementsAttr::get(type, ints);
  } else {
    auto ft = cast<FloatType>(element);
    SmallVector<APFloat> floats;
    for (int64_t i = 0; i < values.size(); ++i) {
      APFloat f(values.asDouble(i));
      bool lost;
      f.convert(ft.getFloatSemantics(), APFloat::rmNearestTiesToEven, &lost);
      floats.push_back(f);
    }
    attr = DenseElementsAttr::get(type, floats);
  }
  // The constant is named for the node whose value it is.
  return ConstantOp::create(rewriter, loc, type, attr,
                            named ? getNodeName(loc) : StringAttr());
}

SmallVector<int64_t> strides(ArrayRef<int64_t> shape) {
  SmallVector<int64_t> s(shape.size(), 1);
  for (int64_t d = static_cast<int64_t>(shape.size()) - 2; d >= 0; --d)
    s[d] = s[d + 1] * shape[d + 1];
  return s;
}

/// Calls `fn(index, linear)` for every multi-index of `shape` in row-major
/// order.
void forEachIndex(ArrayRef<int64_t> shape,
                  function_ref<void(ArrayRef<int64_t>, int64_t)> fn) {
  int64_t n = 1;
  for (int64_t d : shape)
    n *= d;
  SmallVector<int64_t> idx(shape.size(), 0);
  for (int64_t linear = 0; linear < n; ++linear) {
    fn(idx, linear);
    for (int64_t d = static_cast<int64_t>(shape.size()) - 1; d >= 0; --d) {
      if (++idx[d] < shape[d])
        break;
      idx[d] = 0;
    }
  }
}

/// Linear index into `shape` of output index `idx` under numpy
/// broadcasting (`shape` aligned to the trailing dimensions of `idx`).
int64_t broadcastIndex(ArrayRef<int64_t> shape, ArrayRef<int64_t> idx) {
  int64_t linear = 0, offset = idx.size() - shape.size();
  for (size_t d = 0; d < shape.size(); ++d)
    linear = linear * shape[d] + (shape[d] == 1 ? 0 : idx[offset + d]);
  return linear;
}

Values like(RankedTensorType type) {
  Values v;
  v.type = type;
  v.isFloat = isa<FloatType>(type.getElementType());
  return v;
}

void push(Values &v, double f, int64_t i) {
  if (v.isFloat)
    v.floats.push_back(f);
  else
    v.ints.push_back(i);
}

/// Copies element `i` of `from` (same element kind as `to`).
void pushFrom(Values &to, const Values &from, int64_t i) {
  if (to.isFloat)
    to.floats.push_back(from.asDouble(i));
  else
    to.ints.push_back(from.asInt(i));
}

enum class Arith { Add, Sub, Mul, Div, Max, Min };

std::optional<Values> binary(Arith kind, const Values &a, const Values &b,
                             RankedTensorType result) {
  if (!result.hasStaticShape() || a.isFloat != b.isFloat)
    return std::nullopt;
  Values out = like(result);
  bool failedDiv = false;
  forEachIndex(result.getShape(), [&](ArrayRef<int64_t> idx, int64_t) {
    int64_t ia = broadcastIndex(a.type.getShape(), idx);
    int64_t ib = broadcastIndex(b.type.getShape(), idx);
    if (a.isFloat) {
      double x = a.floats[ia], y = b.floats[ib];
      double r = kind == Arith::Add   ? x + y
                 : kind == Arith::Sub ? x - y
                 : kind == Arith::Mul ? x * y
                 : kind == Arith::Div ? x / y
                 : kind == Arith::Max ? std::max(x, y)
                                      : std::min(x, y);
      out.floats.push_back(r);
      return;
    }
    int64_t x = a.ints[ia], y = b.ints[ib];
    if (kind == Arith::Div && y == 0) {
      failedDiv = true;
      out.ints.push_back(0);
      return;
    }
    // Wrapping arithmetic, as the fixed-width result type does.
    auto wrap = [](auto f) { return static_cast<int64_t>(f); };
    int64_t r = kind == Arith::Add   ? wrap(uint64_t(x) + uint64_t(y))
                : kind == Arith::Sub ? wrap(uint64_t(x) - uint64_t(y))
                : kind == Arith::Mul ? wrap(uint64_t(x) * uint64_t(y))
                : kind == Arith::Div ? (x == INT64_MIN && y == -1 ? x : x / y)
                : kind == Arith::Max ? std::max(x, y)
                                     : std::min(x, y);
    out.ints.push_back(r);
  });
  if (failedDiv) // Leave integer division by zero to run time.
    return std::nullopt;
  return out;
}

enum class Cmp { Eq, Ne, Lt, Le, Gt, Ge, And, Or };

/// Comparisons and logical and/or: a bool result from two operands of one
/// kind.
std::optional<Values> compare(Cmp kind, const Values &a, const Values &b,
                              RankedTensorType result) {
  if (!result.hasStaticShape() || a.isFloat != b.isFloat ||
      !result.getElementType().isInteger(1))
    return std::nullopt;
  Values out = like(result);
  forEachIndex(result.getShape(), [&](ArrayRef<int64_t> idx, int64_t) {
    int64_t ia = broadcastIndex(a.type.getShape(), idx);
    int64_t ib = broadcastIndex(b.type.getShape(), idx);
    auto test = [&](auto x, auto y) -> bool {
      switch (kind) {
      case Cmp::Eq:
        return x == y;
      case Cmp::Ne:
        return x != y;
      case Cmp::Lt:
        return x < y;
      case Cmp::Le:
        return x <= y;
      case Cmp::Gt:
        return x > y;
      case Cmp::Ge:
        return x >= y;
      case Cmp::And:
        return x != 0 && y != 0;
      case Cmp::Or:
        return x != 0 || y != 0;
      }
      return false;
    };
    out.ints.push_back(a.isFloat ? test(a.floats[ia], b.floats[ib])
                                 : test(a.ints[ia], b.ints[ib]));
  });
  return out;
}

std::optional<Values> cast(const Values &in, RankedTensorType result) {
  Values out = like(result);
  Type element = result.getElementType();
  for (int64_t i = 0; i < in.size(); ++i) {
    double f = in.asDouble(i);
    if (element.isInteger(1)) {
      out.ints.push_back(f != 0);
    } else if (out.isFloat) {
      out.floats.push_back(f);
    } else {
      // Out of int64's range the conversion is undefined: leave it to run
      // time.
      if (in.isFloat && !(f > -9.2e18 && f < 9.2e18))
        return std::nullopt;
      out.ints.push_back(in.asInt(i));
    }
  }
  return out;
}

std::optional<Values> permute(const Values &in, ArrayRef<int64_t> perm,
                              RankedTensorType result) {
  SmallVector<int64_t> inStrides = strides(in.type.getShape());
  Values out = like(result);
  forEachIndex(result.getShape(), [&](ArrayRef<int64_t> idx, int64_t) {
    int64_t src = 0;
    for (size_t d = 0; d < perm.size(); ++d)
      src += idx[d] * inStrides[perm[d]];
    pushFrom(out, in, src);
  });
  return out;
}

std::optional<Values> concat(ArrayRef<Values> ins, int64_t axis,
                             RankedTensorType result) {
  int64_t rank = result.getRank();
  if (axis < 0)
    axis += rank;
  Values out = like(result);
  forEachIndex(result.getShape(), [&](ArrayRef<int64_t> idx, int64_t) {
    int64_t pos = idx[axis];
    for (const Values &in : ins) {
      int64_t extent = in.type.getDimSize(axis);
      if (pos < extent) {
        SmallVector<int64_t> src(idx);
        src[axis] = pos;
        int64_t linear = 0;
        for (int64_t d = 0; d < rank; ++d)
          linear = linear * in.type.getDimSize(d) + src[d];
        pushFrom(out, in, linear);
        return;
      }
      pos -= extent;
    }
  });
  return out;
}

std::optional<Values> gather(const Values &in, const Values &indices,
                             int64_t axis, RankedTensorType result) {
  int64_t rank = in.type.getRank();
  if (axis < 0)
    axis += rank;
  int64_t extent = in.type.getDimSize(axis);
  int64_t indexRank = indices.type.getRank();
  SmallVector<int64_t> inStrides = strides(in.type.getShape());
  Values out = like(result);
  bool outOfRange = false;
  forEachIndex(result.getShape(), [&](ArrayRef<int64_t> idx, int64_t) {
    int64_t which = 0;
    for (int64_t d = 0; d < indexRank; ++d)
      which = which * indices.type.getDimSize(d) + idx[axis + d];
    int64_t at = indices.asInt(which);
    if (at < 0)
      at += extent;
    if (at < 0 || at >= extent) {
      outOfRange = true;
      push(out, 0, 0);
      return;
    }
    int64_t src = at * inStrides[axis];
    for (int64_t d = 0; d < axis; ++d)
      src += idx[d] * inStrides[d];
    for (int64_t d = axis + 1; d < rank; ++d)
      src += idx[d + indexRank - 1] * inStrides[d];
    pushFrom(out, in, src);
  });
  if (outOfRange) // Reported by the kernel at run time, not folded away.
    return std::nullopt;
  return out;
}

/// strided_slice without ellipsis/new-axis/shrink masks: begin/end masks,
/// negative indices and clamping as the op documents.
std::optional<Values> stridedSlice(const Values &in, StridedSliceOp op,
                                   RankedTensorType result) {
  if (op.getEllipsisMask() || op.getNewAxisMask() || op.getShrinkAxisMask())
    return std::nullopt;
  int64_t rank = in.type.getRank();
  ArrayRef<int64_t> begin = op.getBegin(), stride = op.getStrides();
  if (static_cast<int64_t>(begin.size()) != rank ||
      static_cast<int64_t>(stride.size()) != rank || result.getRank() != rank)
    return std::nullopt;
  SmallVector<int64_t> first(rank);
  for (int64_t d = 0; d < rank; ++d) {
    int64_t n = in.type.getDimSize(d), s = stride[d];
    if (s == 0)
      return std::nullopt;
    int64_t b = begin[d];
    if (op.getBeginMask() & (int64_t(1) << d))
      b = s > 0 ? 0 : n - 1;
    else if (b < 0)
      b += n;
    first[d] = s > 0 ? std::clamp<int64_t>(b, 0, n)
                     : std::clamp<int64_t>(b, -1, n - 1);
  }
  SmallVector<int64_t> inStrides = strides(in.type.getShape());
  Values out = like(result);
  forEachIndex(result.getShape(), [&](ArrayRef<int64_t> idx, int64_t) {
    int64_t src = 0;
    for (int64_t d = 0; d < rank; ++d)
      src += (first[d] + idx[d] * stride[d]) * inStrides[d];
    pushFrom(out, in, src);
  });
  return out;
}

/// Evaluates `op` if it is one of the folded ops with all-constant
/// operands.
std::optional<Values> evaluate(Operation *op) {
  if (op->getNumResults() != 1)
    return std::nullopt;
  auto result = dyn_cast<RankedTensorType>(op->getResult(0).getType());
  if (!result || !result.hasStaticShape() ||
      result.getNumElements() > kMaxElements ||
      !isFoldableElement(result.getElementType()))
    return std::nullopt;
  SmallVector<Values> in;
  for (Value v : op->getOperands()) {
    std::optional<Values> values = read(v);
    if (!values)
      return std::nullopt;
    in.push_back(std::move(*values));
  }
  if (in.empty())
    return std::nullopt;
  auto arith = [&](Arith kind) { return binary(kind, in[0], in[1], result); };
  if (isa<AddOp>(op))
    return arith(Arith::Add);
  if (isa<SubtractOp>(op))
    return arith(Arith::Sub);
  if (isa<MultiplyOp>(op))
    return arith(Arith::Mul);
  if (isa<DivideOp>(op))
    return arith(Arith::Div);
  if (isa<MaximumOp>(op))
    return arith(Arith::Max);
  if (isa<MinimumOp>(op))
    return arith(Arith::Min);
  auto cmp = [&](Cmp kind) { return compare(kind, in[0], in[1], result); };
  if (isa<EqualsOp>(op))
    return cmp(Cmp::Eq);
  if (isa<NotEqualsOp>(op))
    return cmp(Cmp::Ne);
  if (isa<LessOp>(op))
    return cmp(Cmp::Lt);
  if (isa<LessEqualOp>(op))
    return cmp(Cmp::Le);
  if (isa<GreaterOp>(op))
    return cmp(Cmp::Gt);
  if (isa<GreaterEqualOp>(op))
    return cmp(Cmp::Ge);
  if (isa<BooleanAndOp>(op))
    return cmp(Cmp::And);
  if (isa<BooleanOrOp>(op))
    return cmp(Cmp::Or);
  if (isa<BooleanNotOp>(op)) {
    Values out = in[0];
    for (int64_t &i : out.ints)
      i = !i;
    return out.isFloat ? std::nullopt : std::optional<Values>(out);
  }
  if (isa<CastOp>(op))
    return cast(in[0], result);
  // Products, sums, maxima and minima of all the elements of an integer
  // tensor to one value (element counts in shape arithmetic: TF's
  // boolean_mask computes its reshape from them, confusion_matrix its
  // class count).
  if (isa<ReduceProdOp, ReduceSumOp, ReduceMaxOp, ReduceMinOp>(op) &&
      !in[0].isFloat && result.getNumElements() == 1 &&
      (in[0].size() > 0 || isa<ReduceProdOp, ReduceSumOp>(op))) {
    bool product = isa<ReduceProdOp>(op);
    bool sum = isa<ReduceSumOp>(op);
    bool isMax = isa<ReduceMaxOp>(op);
    int64_t acc = product ? 1 : sum ? 0 : in[0].ints[0];
    for (int64_t v : in[0].ints)
      acc = product ? static_cast<int64_t>(uint64_t(acc) * uint64_t(v))
            : sum   ? static_cast<int64_t>(uint64_t(acc) + uint64_t(v))
            : isMax ? std::max(acc, v)
                    : std::min(acc, v);
    Values out;
    out.type = result;
    out.ints = {acc};
    return out;
  }
  if (isa<ReshapeOp>(op)) {
    Values out = in[0];
    out.type = result;
    return out;
  }
  if (auto p = dyn_cast<PermuteOp>(op))
    return permute(in[0], p.getReverseDims(), result);
  if (auto c = dyn_cast<ConcatOp>(op))
    return concat(in, c.getConcatDimension(), result);
  if (auto g = dyn_cast<GatherOp>(op))
    return gather(in[0], in[1], g.getDimensions(), result);
  if (auto s = dyn_cast<StridedSliceOp>(op))
    return stridedSlice(in[0], s, result);
  if (isa<NegOp>(op)) {
    Values out = in[0];
    for (double &f : out.floats)
      f = -f;
    for (int64_t &i : out.ints)
      i = static_cast<int64_t>(0 - uint64_t(i));
    return out;
  }
  return std::nullopt;
}
} // namespace

void mlir::nd4j::foldImportedConstants(Block::iterator begin,
                                       Block::iterator end,
                                       PatternRewriter &rewriter) {
  for (Operation &op :
       llvm::make_early_inc_range(llvm::make_range(begin, end))) {
    std::optional<Values> values = evaluate(&op);
    if (!values)
      continue;
    rewriter.setInsertionPoint(&op);
    // A value the same rule goes on using (its users carry the node's
    // location too) is not the node's value: it stays unnamed.
    bool intermediate = llvm::any_of(op.getResult(0).getUsers(), [&](auto *u) {
      return u->getLoc() == op.getLoc();
    });
    Value c = write(rewriter, op.getLoc(),
                    cast<RankedTensorType>(op.getResult(0).getType()), *values,
                    !intermediate);
    if (!c)
      continue;
    SmallVector<Operation *> operands;
    for (Value v : op.getOperands())
      operands.push_back(v.getDefiningOp());
    rewriter.replaceOp(&op, c);
    for (Operation *def : operands)
      if (def && def->use_empty())
        rewriter.eraseOp(def);
  }
}
