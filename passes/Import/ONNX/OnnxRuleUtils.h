//===- OnnxRuleUtils.h - shared helpers of the ONNX rules -----*- C++ -*-===//
//
// What every ONNX rule file uses: building a typed op with inferred result
// types (a rejected operand becomes a diagnostic at the node, not a crash),
// replacing the node, small attribute and constant helpers. One
// registerOnnx<Family>Rules per rule file; registerOnnxImportRules calls
// them all.
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_PASSES_IMPORT_ONNX_ONNXRULEUTILS_H
#define ND4J_PASSES_IMPORT_ONNX_ONNXRULEUTILS_H

#include "passes/Import/ImportRules.h"

#include "mlir/IR/Builders.h"

namespace mlir {
namespace nd4j {
namespace onnx_rules {

/// Registers a built-in ONNX rule for an op type.
using AddRuleFn = std::function<void(StringRef opType, RuleFn fn)>;

void registerOnnxLossRules(const AddRuleFn &add);
void registerOnnxShapeRules(const AddRuleFn &add);
void registerOnnxNNRules(const AddRuleFn &add);
void registerOnnxIndexRules(const AddRuleFn &add);
void registerOnnxControlFlowRules(const AddRuleFn &add);
void registerOnnxSequenceRules(const AddRuleFn &add);

/// One element of a shape vector computed in the graph: a constant, or
/// dimension `dim` of the tensor `of` (known only at run time, or known).
struct ShapeElement {
  int64_t value = 0;
  Value of;
  int64_t dim = -1;
  bool isConstant() const { return !of; }
  /// Whether this is dimension `d` of `v`, or of a value `v` is a cast of
  /// (or that is a cast of `v`): casts keep the shape.
  bool isDimOf(Value v, int64_t d) const;
};

/// The elements of a rank-0 or rank-1 integer value built from constants
/// and Shape nodes by slices, concatenations and casts (the Shape → Slice
/// → Concat arithmetic of exported models), with each element that comes
/// from a dimension known only at run time kept symbolic; none when `v` is
/// computed otherwise.
std::optional<SmallVector<ShapeElement>> evalShapeElements(Value v);

/// Builds typed op `OpTy` with inferred result types. Where inference
/// rejects the operands it has reported why at the node, and this fails.
template <typename OpTy, typename... Args>
FailureOr<Value> build(PatternRewriter &rewriter, ImportNode &node,
                       Args &&...args) {
  OperationState state(node.loc, OpTy::getOperationName());
  OpTy::build(rewriter, state, rewriter.getNoneType(),
              std::forward<Args>(args)...);
  state.types.clear();
  // A rule that passed an absent input on (a malformed node with too few
  // inputs) gets a diagnostic, not a crash in shape inference.
  if (llvm::any_of(state.operands, [](Value v) { return !v; })) {
    node.emitError() << "the node lacks an input its op needs";
    return failure();
  }
  SmallVector<Type> types;
  if (failed(OpTy::inferReturnTypes(
          rewriter.getContext(), node.loc, state.operands,
          state.attributes.getDictionary(rewriter.getContext()),
          state.getRawProperties(), state.regions, types)))
    return failure();
  state.addTypes(types);
  return rewriter.create(state)->getResult(0);
}

/// Replaces the node's single result with `value`.
inline RuleResult replace(PatternRewriter &rewriter, ImportNode &node,
                          FailureOr<Value> value) {
  if (failed(value))
    return RuleResult::Failed;
  return node.replaceWith(rewriter, *value);
}

/// Replaces a node whose results after the first are unused (Dropout's mask,
/// MaxPool's indices, BatchNormalization's running statistics) by `value`,
/// checked against the first result's recorded type as replaceWith does.
inline RuleResult replaceFirstResult(PatternRewriter &rewriter,
                                     ImportNode &node, Value value) {
  for (unsigned i = 1; i < node.getNumResults(); ++i)
    if (node.isResultUsed(i))
      return RuleResult::NotApplicable;
  auto declared = dyn_cast<RankedTensorType>(node.resultType(0));
  if (declared && !areCompatibleResultTypes(TypeRange{declared},
                                            TypeRange{value.getType()})) {
    node.emitError() << "import rule produced " << value.getType()
                     << " for result 0, but the model declares " << declared;
    return RuleResult::Failed;
  }
  node.op->getResult(0).replaceAllUsesWith(value);
  rewriter.eraseOp(node.op);
  return RuleResult::Replaced;
}

inline IntegerAttr i64(PatternRewriter &r, int64_t v) {
  return r.getI64IntegerAttr(v);
}
inline FloatAttr f64(PatternRewriter &r, double v) {
  return r.getF64FloatAttr(v);
}

/// A reshape of `v` to `shape` (at most one dynamic extent, as -1).
inline FailureOr<Value> reshapeTo(PatternRewriter &rewriter, ImportNode &node,
                                  Value v, ArrayRef<int64_t> shape) {
  if (llvm::count_if(shape, ShapedType::isDynamic) > 1)
    return failure();
  SmallVector<int64_t> arr(shape);
  for (int64_t &d : arr)
    if (ShapedType::isDynamic(d))
      d = -1;
  return build<ReshapeOp>(rewriter, node, v,
                          rewriter.getDenseI64ArrayAttr(arr));
}

/// A unary typed op on a ranked input (shared by the ONNX and TF rules).
template <typename OpTy> RuleFn unary() {
  return [](ImportNode &node, PatternRewriter &rewriter) {
    if (!node.inputType(0))
      return RuleResult::NotApplicable;
    return replace(rewriter, node, build<OpTy>(rewriter, node, node.input(0)));
  };
}

/// Relu (cutoff 0), in ONNX and TF alike.
inline RuleResult relu(ImportNode &node, PatternRewriter &rewriter) {
  if (!node.inputType(0))
    return RuleResult::NotApplicable;
  return replace(
      rewriter, node,
      build<ReluOp>(rewriter, node, node.input(0), f64(rewriter, 0)));
}

/// numpy's `where(cond, x, y)`: libnd4j's `select` takes operands of one
/// shape, so each operand whose shape differs from the broadcast shape is
/// broadcast to it first. Fails (with a diagnostic at the node) when the
/// broadcast shape is not static or the operands do not broadcast.
inline FailureOr<Value> buildWhere(PatternRewriter &rewriter, ImportNode &node,
                                   Value cond, Value x, Value y) {
  SmallVector<Value> operands = {cond, x, y};
  SmallVector<ArrayRef<int64_t>> shapes;
  for (Value v : operands) {
    auto t = dyn_cast<RankedTensorType>(v.getType());
    if (!t) {
      node.emitError() << "select operands must be ranked tensors";
      return failure();
    }
    shapes.push_back(t.getShape());
  }
  if (shapes[0] == shapes[1] && shapes[1] == shapes[2])
    return build<SelectOp>(rewriter, node, cond, x, y);
  size_t rank = 0;
  for (ArrayRef<int64_t> s : shapes)
    rank = std::max(rank, s.size());
  SmallVector<int64_t> target(rank, 1);
  for (ArrayRef<int64_t> s : shapes)
    for (size_t i = 0; i < s.size(); ++i) {
      int64_t &t = target[rank - s.size() + i];
      int64_t d = s[i];
      if (ShapedType::isDynamic(d)) {
        node.emitError() << "cannot broadcast select operands with unknown "
                            "dimensions";
        return failure();
      }
      if (d != 1 && t != 1 && d != t) {
        node.emitError() << "select operands do not broadcast";
        return failure();
      }
      if (d != 1)
        t = d;
    }
  for (Value &v : operands) {
    if (cast<RankedTensorType>(v.getType()).getShape() == ArrayRef(target))
      continue;
    auto type = RankedTensorType::get({static_cast<int64_t>(rank)},
                                      rewriter.getI64Type());
    Value shape = ConstantOp::create(
        rewriter, node.loc, type,
        DenseElementsAttr::get(type, ArrayRef(target)), StringAttr());
    FailureOr<Value> b = build<BroadcastToOp>(rewriter, node, v, shape);
    if (failed(b))
      return failure();
    v = *b;
  }
  return build<SelectOp>(rewriter, node, operands[0], operands[1], operands[2]);
}

/// A rank-0 constant of `element` type holding `value` (floating-point or
/// integer element types).
inline Value scalarConstant(PatternRewriter &rewriter, Location loc,
                            Type element, double value) {
  auto type = RankedTensorType::get({}, element);
  Attribute v = isa<FloatType>(element)
                    ? Attribute(rewriter.getFloatAttr(element, value))
                    : Attribute(rewriter.getIntegerAttr(
                          element, static_cast<int64_t>(value)));
  return ConstantOp::create(rewriter, loc, type,
                            DenseElementsAttr::get(type, v), StringAttr());
}

/// A constant 1-D i64 tensor.
inline Value i64VectorConstant(PatternRewriter &rewriter, Location loc,
                               ArrayRef<int64_t> values) {
  auto type = RankedTensorType::get({static_cast<int64_t>(values.size())},
                                    rewriter.getI64Type());
  return ConstantOp::create(rewriter, loc, type,
                            DenseElementsAttr::get(type, values), StringAttr());
}

/// SAME padding of one spatial dimension of extent `in` (kernel `k`, stride
/// `s`, dilation `d`): ceil(in / s) outputs, the total padding split with
/// the odd one at the end (ONNX's SAME_UPPER, TF's SAME) or, `lower`, at the
/// beginning (SAME_LOWER). Returns {begin, end}.
inline std::pair<int64_t, int64_t> samePadding(int64_t in, int64_t k, int64_t s,
                                               int64_t d, bool lower) {
  int64_t out = (in + s - 1) / s;
  int64_t total = std::max<int64_t>(0, (out - 1) * s + d * (k - 1) + 1 - in);
  int64_t begin = lower ? total - total / 2 : total / 2;
  return {begin, total - begin};
}

/// The window of a 2-D pooling: kernel, strides, dilations and the padding
/// before and after each spatial dimension.
struct PoolGeometry {
  int64_t kH, kW, sH, sW, dH, dW, top, left, bottom, right;
};

/// Max pooling of `x` ([N, H, W, C], static) with the flat index of each
/// maximum in the input, `n * steps[0] + c * steps[1] + y * steps[2] +
/// x * steps[3]` for input position (y, x) (the first maximum in window
/// order on ties; padding never wins), as `indexElement`. libnd4j's
/// max_pool_with_argmax does not compute such indices, so this composes
/// pad (with the element type's lowest value), extract_image_patches,
/// reduce_max and argmax over each window, and the index arithmetic.
FailureOr<std::pair<Value, Value>>
buildMaxPoolWithIndices(PatternRewriter &rewriter, ImportNode &node, Value x,
                        const PoolGeometry &g, ArrayRef<int64_t> steps,
                        Type indexElement);

/// Typed ops built one after another, stopping at the first failure (its
/// diagnostic is at the node): later calls return a null value.
struct OpChain {
  PatternRewriter &rewriter;
  ImportNode &node;
  bool ok = true;
  template <typename OpTy, typename... Args> Value op(Args &&...args) {
    if (!ok)
      return Value();
    FailureOr<Value> v =
        build<OpTy>(rewriter, node, std::forward<Args>(args)...);
    ok = succeeded(v);
    return ok ? *v : Value();
  }
  Value add(Value a, Value b) { return op<AddOp>(a, b); }
  Value sub(Value a, Value b) { return op<SubtractOp>(a, b); }
  Value mul(Value a, Value b) { return op<MultiplyOp>(a, b); }
  /// An i64 scalar constant.
  Value index(int64_t v) {
    return scalarConstant(rewriter, node.loc, rewriter.getI64Type(),
                          static_cast<double>(v));
  }
  Value reshaped(Value v, ArrayRef<int64_t> shape) {
    if (!ok)
      return Value();
    FailureOr<Value> r = reshapeTo(rewriter, node, v, shape);
    ok = succeeded(r);
    return ok ? *r : Value();
  }
};

} // namespace onnx_rules
} // namespace nd4j
} // namespace mlir

#endif // ND4J_PASSES_IMPORT_ONNX_ONNXRULEUTILS_H
