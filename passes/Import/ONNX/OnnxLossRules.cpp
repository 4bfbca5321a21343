//===- OnnxLossRules.cpp - built-in ONNX import rules: loss ops -------===//
//
// Rules for NegativeLogLikelihoodLoss, SoftmaxCrossEntropyLoss, OneHot,
// Hardmax, EyeLike, Det, Einsum.
//
// libnd4j has no loss op with ONNX's class-index semantics, so the losses
// are composed the way ONNX's own function body computes them: the
// log-probability of each element's target class is gathered (from the
// flattened input, at a linear index computed from the target), weights are
// gathered per target, and an ignored element gets weight 0 and a safe
// index. No select op is used: libnd4j's where_np neither broadcasts nor
// picks its second input where the condition holds.
//
//===----------------------------------------------------------------------===//

#include "passes/Import/ONNX/OnnxRuleUtils.h"

#include "llvm/ADT/StringExtras.h"

using namespace mlir;
using namespace mlir::nd4j;
using namespace mlir::nd4j::onnx_rules;

namespace {

/// A constant of `element` type and shape `[1, ..., n, ..., 1]` (rank
/// `rank`, `n` at `axis`) holding 0, 1, ..., n - 1.
Value iotaConstant(PatternRewriter &rewriter, Location loc, Type element,
                   int64_t rank, int64_t axis, int64_t n) {
  SmallVector<int64_t> shape(rank, 1);
  shape[axis] = n;
  auto type = RankedTensorType::get(shape, element);
  SmallVector<Attribute> values;
  for (int64_t i = 0; i < n; ++i)
    values.push_back(isa<FloatType>(element)
                         ? Attribute(rewriter.getFloatAttr(element, i))
                         : Attribute(rewriter.getIntegerAttr(element, i)));
  return ConstantOp::create(rewriter, loc, type,
                            DenseElementsAttr::get(type, values), StringAttr());
}

/// The negative log-likelihood loss of log-probabilities `x` ([N, C, d...])
/// for class indices `target` ([N, d...]) with optional class weights
/// `weight` ([C]), per ONNX NegativeLogLikelihoodLoss: the node's
/// `reduction` and `ignore_index` attributes. NotApplicable unless `x` is
/// statically shaped (the linear indices are constants).
RuleResult negativeLogLikelihood(ImportNode &node, PatternRewriter &rewriter,
                                 Value x, Value target, Value weight,
                                 Value &loss) {
  auto xType = cast<RankedTensorType>(x.getType());
  auto tType = dyn_cast<RankedTensorType>(target.getType());
  FailureOr<StringRef> reduction =
      node.getString("reduction", StringRef("mean"));
  if (failed(reduction))
    return RuleResult::Failed;
  if (*reduction != "none" && *reduction != "sum" && *reduction != "mean") {
    node.emitError() << "unknown reduction '" << *reduction << "'";
    return RuleResult::Failed;
  }
  std::optional<int64_t> ignoreIndex;
  if (node.hasAttr("ignore_index")) {
    FailureOr<int64_t> ii = node.getInt("ignore_index");
    if (failed(ii))
      return RuleResult::Failed;
    ignoreIndex = *ii;
  }
  int64_t rank = xType.getRank();
  if (!isa<FloatType>(xType.getElementType()) || rank < 2 ||
      !xType.hasStaticShape() || !tType ||
      !isa<IntegerType>(tType.getElementType()))
    return RuleResult::NotApplicable;
  SmallVector<int64_t> targetShape(xType.getShape());
  targetShape.erase(targetShape.begin() + 1);
  if (tType.getShape() != ArrayRef<int64_t>(targetShape))
    return RuleResult::NotApplicable;
  Type element = xType.getElementType(), index = tType.getElementType();
  if (weight) {
    auto wType = dyn_cast<RankedTensorType>(weight.getType());
    if (!wType || wType.getRank() != 1 || wType.getElementType() != element)
      return RuleResult::NotApplicable;
  }
  int64_t n = xType.getDimSize(0), classes = xType.getDimSize(1);
  int64_t inner = 1;
  for (int64_t d : xType.getShape().drop_front(2))
    inner *= d;

  // An ignored element reads class 0 (any valid index) with weight 0.
  Value t = target, keepF;
  if (ignoreIndex) {
    Value ii = scalarConstant(rewriter, node.loc, index, *ignoreIndex);
    FailureOr<Value> keep = build<NotEqualsOp>(rewriter, node, target, ii);
    FailureOr<Value> keepI =
        succeeded(keep)
            ? build<CastOp>(rewriter, node, *keep, TypeAttr::get(index))
            : keep;
    FailureOr<Value> safe =
        succeeded(keepI) ? build<MultiplyOp>(rewriter, node, target, *keepI)
                         : keepI;
    FailureOr<Value> f = succeeded(safe) ? build<CastOp>(rewriter, node, *keep,
                                                         TypeAttr::get(element))
                                         : safe;
    if (failed(f))
      return RuleResult::Failed;
    t = *safe;
    keepF = *f;
  }

  // x[i, t[i, j], j] of x flattened: i * C * inner + t * inner + j.
  auto baseType = RankedTensorType::get(tType.getShape(), index);
  SmallVector<Attribute> base;
  for (int64_t i = 0; i < n; ++i)
    for (int64_t j = 0; j < inner; ++j)
      base.push_back(rewriter.getIntegerAttr(index, i * classes * inner + j));
  Value offsets =
      ConstantOp::create(rewriter, node.loc, baseType,
                         DenseElementsAttr::get(baseType, base), StringAttr());
  FailureOr<Value> scaled = t;
  if (inner != 1)
    scaled = build<MultiplyOp>(
        rewriter, node, t, scalarConstant(rewriter, node.loc, index, inner));
  FailureOr<Value> linear = succeeded(scaled)
                                ? build<AddOp>(rewriter, node, *scaled, offsets)
                                : scaled;
  FailureOr<Value> flat =
      reshapeTo(rewriter, node, x, {xType.getNumElements()});
  FailureOr<Value> picked =
      succeeded(linear) && succeeded(flat)
          ? build<GatherOp>(rewriter, node, *flat, *linear, i64(rewriter, 0))
          : FailureOr<Value>(failure());
  FailureOr<Value> perElement =
      succeeded(picked) ? build<NegOp>(rewriter, node, *picked) : picked;
  if (failed(perElement))
    return RuleResult::Failed;

  // The weight of each element: its class's, 0 where ignored.
  Value applied = keepF;
  if (weight) {
    FailureOr<Value> w =
        build<GatherOp>(rewriter, node, weight, t, i64(rewriter, 0));
    if (succeeded(w) && keepF)
      w = build<MultiplyOp>(rewriter, node, *w, keepF);
    if (failed(w))
      return RuleResult::Failed;
    applied = *w;
  }
  if (applied) {
    perElement = build<MultiplyOp>(rewriter, node, *perElement, applied);
    if (failed(perElement))
      return RuleResult::Failed;
  }
  if (*reduction == "none") {
    loss = *perElement;
    return RuleResult::Continue;
  }
  auto all = rewriter.getDenseI64ArrayAttr({});
  auto noKeep = rewriter.getBoolAttr(false);
  FailureOr<Value> total =
      *reduction == "sum" || applied
          ? build<ReduceSumOp>(rewriter, node, *perElement, all, noKeep)
          : build<ReduceMeanOp>(rewriter, node, *perElement, all, noKeep);
  if (failed(total))
    return RuleResult::Failed;
  if (*reduction == "sum" || !applied) {
    loss = *total;
    return RuleResult::Continue;
  }
  // "mean" with weights or ignored elements divides by the applied weights.
  FailureOr<Value> denominator =
      build<ReduceSumOp>(rewriter, node, applied, all, noKeep);
  FailureOr<Value> mean =
      succeeded(denominator)
          ? build<DivideOp>(rewriter, node, *total, *denominator)
          : denominator;
  if (failed(mean))
    return RuleResult::Failed;
  loss = *mean;
  return RuleResult::Continue;
}

RuleResult nllLoss(ImportNode &node, PatternRewriter &rewriter) {
  if (!node.inputType(0) || !node.inputType(1))
    return RuleResult::NotApplicable;
  Value loss;
  if (RuleResult r = negativeLogLikelihood(node, rewriter, node.input(0),
                                           node.input(1), node.input(2), loss);
      r != RuleResult::Continue)
    return r;
  return node.replaceWith(rewriter, loss);
}

/// SoftmaxCrossEntropyLoss: the NLL of log_softmax along the class
/// dimension; the optional second result is that log_softmax.
RuleResult softmaxCrossEntropy(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0), t = node.inputType(1);
  // What negativeLogLikelihood needs, checked before building log_softmax.
  if (!x || !t || x.getRank() < 2 || !x.hasStaticShape() ||
      !isa<FloatType>(x.getElementType()) ||
      !isa<IntegerType>(t.getElementType()))
    return RuleResult::NotApplicable;
  FailureOr<Value> logProb =
      build<LogSoftmaxOp>(rewriter, node, node.input(0), i64(rewriter, 1));
  if (failed(logProb))
    return RuleResult::Failed;
  Value loss;
  if (RuleResult r = negativeLogLikelihood(node, rewriter, *logProb,
                                           node.input(1), node.input(2), loss);
      r != RuleResult::Continue) {
    // NotApplicable comes before anything is built on log_softmax: leave no
    // trace for the next rule.
    if (r == RuleResult::NotApplicable)
      rewriter.eraseOp(logProb->getDefiningOp());
    return r;
  }
  SmallVector<Value> results = {loss, *logProb};
  results.resize(node.getNumResults());
  return node.replaceWith(rewriter, results);
}

/// Hardmax: 1 where the element is the first maximum along `axis`, else 0.
/// Before opset 13 the input was coerced to 2-D at `axis` (default 1); that
/// is the same function when `axis` is the last dimension.
RuleResult hardmax(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  if (!x || !isa<FloatType>(x.getElementType()))
    return RuleResult::NotApplicable;
  bool coerced = node.opset && node.opset < 13;
  FailureOr<int64_t> axis = node.getInt("axis", coerced ? 1 : -1);
  if (failed(axis))
    return RuleResult::Failed;
  int64_t rank = x.getRank();
  if (*axis < -rank || *axis >= rank) {
    node.emitError() << "axis " << *axis << " is out of range for rank "
                     << rank;
    return RuleResult::Failed;
  }
  int64_t a = *axis < 0 ? *axis + rank : *axis;
  if ((coerced && a != rank - 1) || x.isDynamicDim(a))
    return RuleResult::NotApplicable;
  FailureOr<Value> arg = build<ArgMaxOp>(rewriter, node, node.input(0),
                                         rewriter.getDenseI64ArrayAttr({a}),
                                         rewriter.getBoolAttr(true));
  if (failed(arg))
    return RuleResult::Failed;
  Value iota = iotaConstant(rewriter, node.loc, rewriter.getI64Type(), rank, a,
                            x.getDimSize(a));
  FailureOr<Value> hit = build<EqualsOp>(rewriter, node, *arg, iota);
  if (failed(hit))
    return RuleResult::Failed;
  return replace(
      rewriter, node,
      build<CastOp>(rewriter, node, *hit, TypeAttr::get(x.getElementType())));
}

/// EyeLike of a statically shaped 2-D input is a constant: ones on the
/// diagonal shifted by `k`, in the element type `dtype` (default: the
/// input's), which the model records as the result's.
RuleResult eyeLike(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  auto result = dyn_cast<RankedTensorType>(node.resultType(0));
  if (!x || !result || x.getRank() != 2 || !x.hasStaticShape())
    return RuleResult::NotApplicable;
  FailureOr<int64_t> k = node.getInt("k", 0);
  if (failed(k))
    return RuleResult::Failed;
  Type element = result.getElementType();
  if (!isa<FloatType, IntegerType>(element))
    return RuleResult::NotApplicable;
  auto type = RankedTensorType::get(x.getShape(), element);
  SmallVector<Attribute> values;
  for (int64_t i = 0; i < x.getDimSize(0); ++i)
    for (int64_t j = 0; j < x.getDimSize(1); ++j) {
      int64_t v = j - i == *k ? 1 : 0;
      values.push_back(isa<FloatType>(element)
                           ? Attribute(rewriter.getFloatAttr(element, v))
                           : Attribute(rewriter.getIntegerAttr(element, v)));
    }
  Value c = ConstantOp::create(rewriter, node.loc, type,
                               DenseElementsAttr::get(type, values),
                               rewriter.getStringAttr(node.name));
  return node.replaceWith(rewriter, c);
}

/// Element `i` of a rank-1 tensor, as a [1] slice.
FailureOr<Value> element(PatternRewriter &rewriter, ImportNode &node, Value v,
                         int64_t i) {
  auto I = [&](int64_t x) { return i64(rewriter, x); };
  return build<StridedSliceOp>(rewriter, node, v, I(0), I(0), I(0), I(0), I(0),
                               rewriter.getDenseI64ArrayAttr({i}),
                               rewriter.getDenseI64ArrayAttr({i + 1}),
                               rewriter.getDenseI64ArrayAttr({1}));
}

/// OneHot(indices, depth, values = [off, on]) along `axis`. ONNX counts a
/// negative index from the end of the depth and truncates non-integer
/// indices; libnd4j's onehot writes `off` for any index outside
/// [0, depth), so indices are cast to i64 and negative ones shifted by
/// depth first.
RuleResult oneHot(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType idx = node.inputType(0), depth = node.inputType(1),
                   values = node.inputType(2);
  if (!idx || !depth || !values || values.getRank() != 1 ||
      values.isDynamicDim(0) || !depth.hasStaticShape() ||
      depth.getNumElements() != 1 ||
      !isa<FloatType, IntegerType>(values.getElementType()) ||
      values.getElementType().isInteger(1) ||
      !isa<FloatType, IntegerType>(idx.getElementType()))
    return RuleResult::NotApplicable;
  if (values.getDimSize(0) != 2) {
    node.emitError() << "values must hold [off, on], got " << values;
    return RuleResult::Failed;
  }
  FailureOr<int64_t> axis = node.getInt("axis", -1);
  if (failed(axis))
    return RuleResult::Failed;
  int64_t rank = idx.getRank() + 1;
  if (*axis < -rank || *axis >= rank) {
    node.emitError() << "axis " << *axis << " is out of range for rank "
                     << rank;
    return RuleResult::Failed;
  }
  Type i64Type = rewriter.getI64Type();
  FailureOr<Value> indices = node.input(0);
  if (idx.getElementType() != i64Type)
    indices =
        build<CastOp>(rewriter, node, node.input(0), TypeAttr::get(i64Type));
  FailureOr<Value> n = node.input(1);
  if (depth.getElementType() != i64Type)
    n = build<CastOp>(rewriter, node, node.input(1), TypeAttr::get(i64Type));
  if (failed(indices) || failed(n))
    return RuleResult::Failed;
  // indices + depth * (indices < 0).
  Value zero = scalarConstant(rewriter, node.loc, i64Type, 0);
  FailureOr<Value> negative = build<LessOp>(rewriter, node, *indices, zero);
  if (succeeded(negative))
    negative = build<CastOp>(rewriter, node, *negative, TypeAttr::get(i64Type));
  FailureOr<Value> shift =
      succeeded(negative) ? build<MultiplyOp>(rewriter, node, *negative, *n)
                          : negative;
  FailureOr<Value> wrapped =
      succeeded(shift) ? build<AddOp>(rewriter, node, *indices, *shift) : shift;
  FailureOr<Value> off = element(rewriter, node, node.input(2), 0);
  FailureOr<Value> on = element(rewriter, node, node.input(2), 1);
  if (failed(wrapped) || failed(off) || failed(on))
    return RuleResult::Failed;
  int64_t a = *axis < 0 ? *axis + rank : *axis;
  FailureOr<Value> y =
      build<OneHotOp>(rewriter, node, *wrapped, node.input(1), *on, *off,
                      i64(rewriter, a), TypeAttr::get(values.getElementType()));
  if (failed(y))
    return RuleResult::Failed;
  // A depth computed at run time leaves the new dimension `?`; the model's
  // recorded result type may know it, and the op accepts that refinement.
  auto declared = dyn_cast<RankedTensorType>(node.resultType(0));
  if (declared &&
      areCompatibleResultTypes(TypeRange{y->getType()}, TypeRange{declared}))
    y->setType(declared);
  return node.replaceWith(rewriter, *y);
}

RuleResult det(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  if (!x || !isa<FloatType>(x.getElementType()))
    return RuleResult::NotApplicable;
  return replace(rewriter, node,
                 build<MatrixDeterminantOp>(rewriter, node, node.input(0)));
}

/// Einsum over statically shaped operands. The ellipsis becomes fresh
/// indices (right-aligned, as numpy broadcasts it). An index repeated
/// within a term takes the diagonal: the two dimensions are permuted last
/// for matrix_diag_part. A batched matrix product
/// `B...ij,B...jk->B...ik` is then a matmul; otherwise each operand is
/// permuted into one common index order (output indices first, then the
/// summed ones), given unit dimensions for the indices it lacks, the
/// operands are multiplied with broadcasting and the summed indices reduced.
RuleResult einsum(ImportNode &node, PatternRewriter &rewriter) {
  FailureOr<StringRef> equation = node.getString("equation");
  if (failed(equation))
    return RuleResult::Failed;
  std::string eq;
  for (char c : *equation)
    if (c != ' ')
      eq += c;
  auto [lhs, rhs] = StringRef(eq).split("->");
  bool explicitOutput = StringRef(eq).contains("->");
  SmallVector<StringRef> terms;
  lhs.split(terms, ',');
  if (terms.size() != node.getNumInputs()) {
    node.emitError() << "equation '" << *equation << "' has " << terms.size()
                     << " operands, the node " << node.getNumInputs();
    return RuleResult::Failed;
  }
  auto isLetter = [](char c) { return llvm::isAlpha(c); };
  auto lettersOf = [&](StringRef term, std::string &letters) {
    size_t dots = term.find("...");
    letters = dots == StringRef::npos
                  ? term.str()
                  : (term.take_front(dots) + term.drop_front(dots + 3)).str();
    return llvm::all_of(letters, isLetter);
  };
  // Expand the ellipsis into fresh indices.
  SmallVector<int64_t> ellipsisRanks;
  int64_t ellipsisRank = 0;
  for (auto [i, term] : llvm::enumerate(terms)) {
    RankedTensorType t = node.inputType(i);
    if (!t || !t.hasStaticShape() ||
        t.getElementType() != node.inputType(0).getElementType())
      return RuleResult::NotApplicable;
    std::string letters;
    bool valid = lettersOf(term, letters);
    int64_t e = t.getRank() - static_cast<int64_t>(letters.size());
    if (!valid || e < 0 || (!term.contains("...") && e != 0)) {
      node.emitError() << "term '" << term << "' of equation '" << *equation
                       << "' does not match operand " << i << " of type " << t;
      return RuleResult::Failed;
    }
    ellipsisRanks.push_back(e);
    ellipsisRank = std::max(ellipsisRank, e);
  }
  std::string fresh;
  for (char c = 'A'; c <= 'z' && (int64_t)fresh.size() < ellipsisRank; ++c)
    if (isLetter(c) && !StringRef(eq).contains(c))
      fresh += c;
  if ((int64_t)fresh.size() < ellipsisRank)
    return RuleResult::NotApplicable;
  SmallVector<std::string> idx;
  llvm::StringMap<unsigned> count;
  SmallVector<char> firstSeen;
  for (auto [term, e] : llvm::zip(terms, ellipsisRanks)) {
    std::string s = term.str();
    if (size_t dots = s.find("..."); dots != std::string::npos)
      s.replace(dots, 3, fresh.substr(ellipsisRank - e));
    for (char c : s)
      if (count[StringRef(&c, 1)]++ == 0)
        firstSeen.push_back(c);
    idx.push_back(s);
  }
  std::string out;
  if (explicitOutput) {
    std::string letters;
    bool valid = lettersOf(rhs, letters);
    if (valid && ellipsisRank && !rhs.contains("..."))
      return RuleResult::NotApplicable; // numpy would reject it.
    out = rhs.str();
    if (size_t dots = out.find("..."); dots != std::string::npos)
      out.replace(dots, 3, fresh);
    for (char c : out)
      if (!valid || StringRef(out).count(c) > 1 ||
          !count.count(StringRef(&c, 1))) {
        node.emitError() << "invalid output '" << rhs << "' of equation '"
                         << *equation << "'";
        return RuleResult::Failed;
      }
  } else {
    // Implicit output: the ellipsis, then the indices used once in
    // alphabetical order.
    for (char c : firstSeen)
      if (count[StringRef(&c, 1)] == 1 && !StringRef(fresh).contains(c))
        out += c;
    llvm::sort(out);
    out.insert(0, fresh);
  }

  SmallVector<Value> values;
  for (auto [i, s] : llvm::enumerate(idx)) {
    Value v = node.input(i);
    for (size_t p = 0; p < s.size();) {
      size_t q = s.find(s[p], p + 1);
      if (q == std::string::npos) {
        ++p;
        continue;
      }
      auto t = cast<RankedTensorType>(v.getType());
      int64_t n = t.getDimSize(p);
      if (t.getDimSize(q) != n) {
        node.emitError() << "index '" << s[p] << "' of equation '" << *equation
                         << "' has extents " << n << " and " << t.getDimSize(q);
        return RuleResult::Failed;
      }
      SmallVector<int64_t> perm;
      std::string rest;
      for (size_t d = 0; d < s.size(); ++d)
        if (d != p && d != q) {
          perm.push_back(d);
          rest += s[d];
        }
      perm.append({(int64_t)p, (int64_t)q});
      FailureOr<Value> d = v;
      if (!llvm::equal(perm, llvm::seq<int64_t>(0, perm.size())))
        d = build<PermuteOp>(rewriter, node, v,
                             rewriter.getDenseI64ArrayAttr(perm));
      if (succeeded(d))
        d = build<MatrixDiagPartOp>(rewriter, node, *d);
      if (failed(d))
        return RuleResult::Failed;
      v = *d;
      s = rest + s[p];
      p = 0;
    }
    values.push_back(v);
  }

  // libnd4j's matmul is for floating-point operands.
  if (idx.size() == 2 && idx[0].size() >= 2 && idx[0].size() == idx[1].size() &&
      out.size() == idx[0].size() &&
      isa<FloatType>(node.inputType(0).getElementType())) {
    size_t b = idx[0].size() - 2;
    StringRef x = idx[0], y = idx[1];
    char i = x[b], j = x[b + 1], k = y[b + 1];
    if (x.take_front(b) == y.take_front(b) &&
        StringRef(out).take_front(b) == x.take_front(b) && y[b] == j &&
        out[b] == i && out[b + 1] == k && i != k)
      return replace(rewriter, node,
                     build<MatmulOp>(rewriter, node, values[0], values[1],
                                     i64(rewriter, 0), i64(rewriter, 0),
                                     i64(rewriter, 0), f64(rewriter, 1.0),
                                     f64(rewriter, 0.0)));
  }

  std::string order = out;
  for (char c : firstSeen)
    if (!StringRef(out).contains(c))
      order += c;
  Value product;
  for (auto [term, operand] : llvm::zip(idx, values)) {
    StringRef s = term;
    auto type = cast<RankedTensorType>(operand.getType());
    // The operand's indices sorted by their place in `order`.
    SmallVector<int64_t> perm;
    for (char c : order)
      if (size_t at = s.find(c); at != StringRef::npos)
        perm.push_back(at);
    Value v = operand;
    if (!llvm::equal(perm, llvm::seq<int64_t>(0, perm.size()))) {
      FailureOr<Value> p = build<PermuteOp>(
          rewriter, node, v, rewriter.getDenseI64ArrayAttr(perm));
      if (failed(p))
        return RuleResult::Failed;
      v = *p;
    }
    if (s.size() != order.size()) {
      SmallVector<int64_t> shape;
      for (char c : order) {
        size_t at = s.find(c);
        shape.push_back(at == StringRef::npos ? 1 : type.getDimSize(at));
      }
      FailureOr<Value> r = reshapeTo(rewriter, node, v, shape);
      if (failed(r))
        return RuleResult::Failed;
      v = *r;
    }
    if (!product) {
      product = v;
      continue;
    }
    FailureOr<Value> m = build<MultiplyOp>(rewriter, node, product, v);
    if (failed(m))
      return RuleResult::Failed;
    product = *m;
  }
  if (order.size() == out.size())
    return node.replaceWith(rewriter, product);
  SmallVector<int64_t> summed;
  for (int64_t d = out.size(); d < static_cast<int64_t>(order.size()); ++d)
    summed.push_back(d);
  return replace(rewriter, node,
                 build<ReduceSumOp>(rewriter, node, product,
                                    rewriter.getDenseI64ArrayAttr(summed),
                                    rewriter.getBoolAttr(false)));
}

} // namespace

void mlir::nd4j::onnx_rules::registerOnnxLossRules(const AddRuleFn &add) {
  add("NegativeLogLikelihoodLoss", nllLoss);
  add("SoftmaxCrossEntropyLoss", softmaxCrossEntropy);
  add("Hardmax", hardmax);
  add("EyeLike", eyeLike);
  add("OneHot", oneHot);
  add("Det", det);
  add("Einsum", einsum);
}
