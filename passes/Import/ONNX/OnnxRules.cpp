//===- OnnxRules.cpp - built-in ONNX import rules
//---------------------------===//
//
// One small rule per ONNX op (and opset range), torch-mlir style: bind the
// attributes with ONNX's defaults, check what nd4j's op cannot express
// (returning NotApplicable, so the node is reported as unhandled rather than
// imported wrongly), build the typed op. Conventions: ONNX tensors are
// NCHW, so conv/pool set isNCHW = 1 and conv weights are [oC, iC, kH, kW]
// (wFormat 1), as nd4j's own ONNX importer does.
//
//===----------------------------------------------------------------------===//

#include "passes/Import/ImportRules.h"

#include "mlir/IR/Builders.h"

using namespace mlir;
using namespace mlir::nd4j;

namespace {

/// Builds typed op `OpTy` with inferred result types. Where inference
/// rejects the operands it has reported why at the node, and this fails.
template <typename OpTy, typename... Args>
FailureOr<Value> build(PatternRewriter &rewriter, ImportNode &node,
                       Args &&...args) {
  OperationState state(node.loc, OpTy::getOperationName());
  OpTy::build(rewriter, state, rewriter.getNoneType(),
              std::forward<Args>(args)...);
  state.types.clear();
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
RuleResult replace(PatternRewriter &rewriter, ImportNode &node,
                   FailureOr<Value> value) {
  if (failed(value))
    return RuleResult::Failed;
  return node.replaceWith(rewriter, *value);
}

IntegerAttr i64(PatternRewriter &r, int64_t v) {
  return r.getI64IntegerAttr(v);
}
FloatAttr f64(PatternRewriter &r, double v) { return r.getF64FloatAttr(v); }

//===----------------------------------------------------------------------===//
// Element-wise
//===----------------------------------------------------------------------===//

template <typename OpTy> RuleFn binary() {
  return [](ImportNode &node, PatternRewriter &rewriter) {
    // Opsets before 7 broadcast only with an explicit `broadcast`/`axis`.
    if (node.hasAttr("axis") || node.hasAttr("broadcast") ||
        !node.inputType(0) || !node.inputType(1))
      return RuleResult::NotApplicable;
    return replace(rewriter, node,
                   build<OpTy>(rewriter, node, node.input(0), node.input(1)));
  };
}

template <typename OpTy> RuleFn unary() {
  return [](ImportNode &node, PatternRewriter &rewriter) {
    if (!node.inputType(0))
      return RuleResult::NotApplicable;
    return replace(rewriter, node, build<OpTy>(rewriter, node, node.input(0)));
  };
}

RuleResult relu(ImportNode &node, PatternRewriter &rewriter) {
  if (!node.inputType(0))
    return RuleResult::NotApplicable;
  return replace(
      rewriter, node,
      build<ReluOp>(rewriter, node, node.input(0), f64(rewriter, 0)));
}

/// Softmax: from opset 13 along `axis` (default -1). Before, the input was
/// coerced to 2-D at `axis` (default 1), which equals a softmax along the
/// last dimension only when `axis` is the last dimension.
RuleResult softmax(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType type = node.inputType(0);
  if (!type)
    return RuleResult::NotApplicable;
  bool coerced = node.opset && node.opset < 13;
  FailureOr<int64_t> axis = node.getInt("axis", coerced ? 1 : -1);
  if (failed(axis))
    return RuleResult::Failed;
  int64_t rank = type.getRank();
  int64_t normalized = *axis < 0 ? *axis + rank : *axis;
  if (coerced && normalized != rank - 1)
    return RuleResult::NotApplicable;
  return replace(
      rewriter, node,
      build<SoftmaxOp>(rewriter, node, node.input(0), i64(rewriter, *axis)));
}

/// Identity, and Dropout in inference: the output is the input.
RuleResult passThrough(ImportNode &node, PatternRewriter &rewriter) {
  if (!node.hasInput(0))
    return RuleResult::NotApplicable;
  // Dropout's mask output, or training mode, has no inference meaning.
  for (unsigned i = 1; i < node.getNumResults(); ++i)
    if (node.isResultUsed(i))
      return RuleResult::NotApplicable;
  if (node.opType == "Dropout" && node.hasInput(2)) {
    FailureOr<SmallVector<int64_t>> training = node.getConstantInts(2);
    if (failed(training) || training->size() != 1 || (*training)[0] != 0)
      return RuleResult::NotApplicable;
  }
  SmallVector<Value> results(node.getNumResults(), node.input(0));
  for (unsigned i = 1; i < node.getNumResults(); ++i) // Unused outputs.
    results[i] = node.input(0);
  if (node.getNumResults() > 1) {
    // Unused mask outputs have another type; they are dead, drop them.
    for (unsigned i = 1; i < node.getNumResults(); ++i)
      results[i] = nullptr;
    node.op->getResult(0).replaceAllUsesWith(node.input(0));
    rewriter.eraseOp(node.op);
    return RuleResult::Replaced;
  }
  return node.replaceWith(rewriter, results);
}

/// Constant: the value attribute becomes an nd4j.constant.
RuleResult constant(ImportNode &node, PatternRewriter &rewriter) {
  auto value = dyn_cast_or_null<ElementsAttr>(node.attrs.get("value"));
  if (!value)
    return RuleResult::NotApplicable; // value_float, sparse_value, ...
  Value c = ConstantOp::create(rewriter, node.loc, value.getType(), value,
                               rewriter.getStringAttr(node.name));
  return node.replaceWith(rewriter, c);
}

//===----------------------------------------------------------------------===//
// Linear algebra
//===----------------------------------------------------------------------===//

RuleResult matmul(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType a = node.inputType(0), b = node.inputType(1);
  // Vector operands (rank 1) follow numpy promotion nd4j's matmul lacks.
  if (!a || !b || a.getRank() < 2 || b.getRank() < 2)
    return RuleResult::NotApplicable;
  return replace(rewriter, node,
                 build<MatmulOp>(rewriter, node, node.input(0), node.input(1),
                                 i64(rewriter, 0), i64(rewriter, 0),
                                 i64(rewriter, 0), f64(rewriter, 1.0),
                                 f64(rewriter, 0.0)));
}

/// Gemm: alpha * A' x B' + beta * C.
RuleResult gemm(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType a = node.inputType(0), b = node.inputType(1);
  if (!a || !b || a.getRank() != 2 || b.getRank() != 2)
    return RuleResult::NotApplicable;
  FailureOr<int64_t> transA = node.getInt("transA", 0);
  FailureOr<int64_t> transB = node.getInt("transB", 0);
  FailureOr<double> alpha = node.getFloat("alpha", 1.0);
  FailureOr<double> beta = node.getFloat("beta", 1.0);
  if (failed(transA) || failed(transB) || failed(alpha) || failed(beta))
    return RuleResult::Failed;
  if (node.opset && node.opset < 7 && node.hasAttr("broadcast"))
    return RuleResult::NotApplicable;
  FailureOr<Value> product = build<MatmulOp>(
      rewriter, node, node.input(0), node.input(1), i64(rewriter, *transA != 0),
      i64(rewriter, *transB != 0), i64(rewriter, 0), f64(rewriter, *alpha),
      f64(rewriter, 0.0));
  if (failed(product))
    return RuleResult::Failed;
  Value c = node.input(2);
  if (!c || *beta == 0.0)
    return node.replaceWith(rewriter, *product);
  if (!node.inputType(2))
    return RuleResult::NotApplicable;
  if (*beta != 1.0) {
    auto scalarType =
        RankedTensorType::get({}, node.inputType(2).getElementType());
    if (!isa<FloatType>(scalarType.getElementType()))
      return RuleResult::NotApplicable;
    Value betaC = ConstantOp::create(
        rewriter, node.loc, scalarType,
        DenseElementsAttr::get(
            scalarType,
            rewriter.getFloatAttr(scalarType.getElementType(), *beta)),
        StringAttr());
    FailureOr<Value> scaled = build<MultiplyOp>(rewriter, node, c, betaC);
    if (failed(scaled))
      return RuleResult::Failed;
    c = *scaled;
  }
  return replace(rewriter, node, build<AddOp>(rewriter, node, *product, c));
}

//===----------------------------------------------------------------------===//
// Convolution and pooling (2-D, NCHW)
//===----------------------------------------------------------------------===//

/// The window attributes shared by Conv and the pools, reduced to nd4j's
/// symmetric padding. NotApplicable when ONNX asks for what nd4j lacks.
struct Window {
  int64_t kH, kW, sH = 1, sW = 1, pH = 0, pW = 0, dH = 1, dW = 1, same = 0;
};

RuleResult bindWindow(ImportNode &node, ArrayRef<int64_t> kernel, Window &w) {
  if (kernel.size() != 2)
    return RuleResult::NotApplicable; // 1-D and 3-D windows: other ops.
  w.kH = kernel[0], w.kW = kernel[1];
  auto strides = node.getInts("strides", ArrayRef<int64_t>{1, 1});
  auto dilations = node.getInts("dilations", ArrayRef<int64_t>{1, 1});
  auto pads = node.getInts("pads", ArrayRef<int64_t>{0, 0, 0, 0});
  auto autoPad = node.getString("auto_pad", StringRef("NOTSET"));
  if (failed(strides) || failed(dilations) || failed(pads) || failed(autoPad))
    return RuleResult::Failed;
  if (strides->size() != 2 || dilations->size() != 2 || pads->size() != 4) {
    node.emitError() << "strides, dilations and pads must have 2, 2 and 4 "
                        "entries for a 2-D window";
    return RuleResult::Failed;
  }
  w.sH = (*strides)[0], w.sW = (*strides)[1];
  w.dH = (*dilations)[0], w.dW = (*dilations)[1];
  if (*autoPad == "SAME_UPPER") {
    w.same = 1; // nd4j's SAME pads the extra row/column at the end, too.
    return RuleResult::Continue;
  }
  if (*autoPad == "VALID")
    return RuleResult::Continue;
  if (*autoPad != "NOTSET")
    return RuleResult::NotApplicable; // SAME_LOWER
  // nd4j pads symmetrically: [top, left, bottom, right] must agree.
  if ((*pads)[0] != (*pads)[2] || (*pads)[1] != (*pads)[3])
    return RuleResult::NotApplicable;
  w.pH = (*pads)[0], w.pW = (*pads)[1];
  return RuleResult::Continue;
}

RuleResult conv(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0), w = node.inputType(1);
  if (!x || !w || w.getRank() != 4 || x.getRank() != 4)
    return RuleResult::NotApplicable;
  FailureOr<int64_t> group = node.getInt("group", 1);
  if (failed(group))
    return RuleResult::Failed;
  if (*group != 1)
    return RuleResult::NotApplicable; // Grouped/depthwise: another op.
  if (w.isDynamicDim(2) || w.isDynamicDim(3))
    return RuleResult::NotApplicable;
  auto kernel = node.getInts(
      "kernel_shape", ArrayRef<int64_t>{w.getDimSize(2), w.getDimSize(3)});
  if (failed(kernel))
    return RuleResult::Failed;
  Window win;
  if (RuleResult r = bindWindow(node, *kernel, win); r != RuleResult::Continue)
    return r;
  auto I = [&](int64_t v) { return i64(rewriter, v); };
  return replace(rewriter, node,
                 build<Conv2DOp>(rewriter, node, node.input(0), node.input(1),
                                 node.input(2), I(win.kH), I(win.kW), I(win.sH),
                                 I(win.sW), I(win.pH), I(win.pW), I(win.dH),
                                 I(win.dW), I(win.same), I(1), I(1)));
}

template <typename OpTy> RuleFn pool(bool isAverage) {
  return [isAverage](ImportNode &node, PatternRewriter &rewriter) {
    RankedTensorType x = node.inputType(0);
    // MaxPool's Indices output has no nd4j counterpart.
    if (!x || x.getRank() != 4 ||
        (node.getNumResults() > 1 && node.isResultUsed(1)))
      return RuleResult::NotApplicable;
    auto kernel = node.getInts("kernel_shape");
    auto ceilMode = node.getInt("ceil_mode", 0);
    auto storageOrder = node.getInt("storage_order", 0);
    auto countPad = node.getInt("count_include_pad", 0);
    if (failed(kernel) || failed(ceilMode) || failed(storageOrder) ||
        failed(countPad))
      return RuleResult::Failed;
    if (*ceilMode != 0 || *storageOrder != 0)
      return RuleResult::NotApplicable;
    Window win;
    if (RuleResult r = bindWindow(node, *kernel, win);
        r != RuleResult::Continue)
      return r;
    if (!isAverage && (win.dH != 1 || win.dW != 1))
      return RuleResult::NotApplicable;
    auto I = [&](int64_t v) { return i64(rewriter, v); };
    FailureOr<Value> y =
        build<OpTy>(rewriter, node, node.input(0), I(win.kH), I(win.kW),
                    I(win.sH), I(win.sW), I(win.pH), I(win.pW), I(win.dH),
                    I(win.dW), I(win.same), I(isAverage ? *countPad : 0), I(1));
    if (failed(y))
      return RuleResult::Failed;
    if (node.getNumResults() > 1) {
      node.op->getResult(0).replaceAllUsesWith(*y);
      rewriter.eraseOp(node.op);
      return RuleResult::Replaced;
    }
    return node.replaceWith(rewriter, *y);
  };
}

RuleResult batchNorm(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  // Training mode (several outputs used) is not an inference op.
  for (unsigned i = 1; i < node.getNumResults(); ++i)
    if (node.isResultUsed(i))
      return RuleResult::NotApplicable;
  if (!x || x.getRank() < 2 || node.getNumInputs() != 5)
    return RuleResult::NotApplicable;
  FailureOr<double> epsilon = node.getFloat("epsilon", 1e-5);
  FailureOr<int64_t> training = node.getInt("training_mode", 0);
  if (failed(epsilon) || failed(training))
    return RuleResult::Failed;
  if (*training != 0 || (node.opset && node.opset < 6))
    return RuleResult::NotApplicable; // opset < 6 has `is_test`/`spatial`.
  // ONNX order: X, scale, B, mean, var; nd4j: input, mean, variance, gamma,
  // beta.
  OperationState state(node.loc, BatchNormOp::getOperationName());
  FailureOr<Value> y = build<BatchNormOp>(
      rewriter, node, node.input(0), node.input(3), node.input(4),
      node.input(1), node.input(2), i64(rewriter, 1), i64(rewriter, 1),
      rewriter.getDenseI64ArrayAttr({1}), f64(rewriter, *epsilon));
  if (failed(y))
    return RuleResult::Failed;
  if (node.getNumResults() > 1) {
    node.op->getResult(0).replaceAllUsesWith(*y);
    rewriter.eraseOp(node.op);
    return RuleResult::Replaced;
  }
  return node.replaceWith(rewriter, *y);
}

//===----------------------------------------------------------------------===//
// Shape manipulation
//===----------------------------------------------------------------------===//

/// Reshape to a constant shape (an input from opset 5, an attribute before).
/// ONNX's 0 copies the input dimension (unless allowzero).
RuleResult reshape(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  if (!x)
    return RuleResult::NotApplicable;
  FailureOr<SmallVector<int64_t>> shape = node.opset && node.opset < 5
                                              ? node.getInts("shape")
                                              : node.getConstantInts(1);
  FailureOr<int64_t> allowZero = node.getInt("allowzero", 0);
  if (failed(shape) || failed(allowZero))
    return failed(allowZero) ? RuleResult::Failed : RuleResult::NotApplicable;
  for (auto [i, d] : llvm::enumerate(*shape)) {
    if (d != 0 || *allowZero)
      continue;
    if (static_cast<int64_t>(i) >= x.getRank() || x.isDynamicDim(i))
      return RuleResult::NotApplicable;
    d = x.getDimSize(i);
  }
  return replace(rewriter, node,
                 build<ReshapeOp>(rewriter, node, node.input(0),
                                  rewriter.getDenseI64ArrayAttr(*shape)));
}

/// Flatten to 2-D at `axis`.
RuleResult flatten(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  if (!x)
    return RuleResult::NotApplicable;
  FailureOr<int64_t> axis = node.getInt("axis", 1);
  if (failed(axis))
    return RuleResult::Failed;
  int64_t rank = x.getRank();
  int64_t a = *axis < 0 ? *axis + rank : *axis;
  if (a < 0 || a > rank) {
    node.emitError() << "axis " << *axis << " is out of range for rank "
                     << rank;
    return RuleResult::Failed;
  }
  int64_t outer = 1;
  for (int64_t i = 0; i < a; ++i) {
    if (x.isDynamicDim(i))
      return RuleResult::NotApplicable;
    outer *= x.getDimSize(i);
  }
  SmallVector<int64_t> shape = {outer, -1};
  if (a == rank)
    shape[1] = 1;
  return replace(rewriter, node,
                 build<ReshapeOp>(rewriter, node, node.input(0),
                                  rewriter.getDenseI64ArrayAttr(shape)));
}

RuleResult transpose(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(0);
  if (!x)
    return RuleResult::NotApplicable;
  SmallVector<int64_t> reversed;
  for (int64_t i = x.getRank() - 1; i >= 0; --i)
    reversed.push_back(i);
  FailureOr<SmallVector<int64_t>> perm =
      node.getInts("perm", ArrayRef<int64_t>(reversed));
  if (failed(perm))
    return RuleResult::Failed;
  return replace(rewriter, node,
                 build<PermuteOp>(rewriter, node, node.input(0),
                                  rewriter.getDenseI64ArrayAttr(*perm)));
}

RuleResult concat(ImportNode &node, PatternRewriter &rewriter) {
  SmallVector<Value> inputs;
  for (unsigned i = 0; i < node.getNumInputs(); ++i) {
    if (!node.inputType(i))
      return RuleResult::NotApplicable;
    inputs.push_back(node.input(i));
  }
  FailureOr<int64_t> axis = node.getInt("axis", node.opset && node.opset < 4
                                                    ? std::optional<int64_t>(1)
                                                    : std::nullopt);
  if (failed(axis))
    return RuleResult::Failed;
  return replace(rewriter, node,
                 build<ConcatOp>(rewriter, node, ValueRange(inputs),
                                 i64(rewriter, *axis)));
}

} // namespace

void mlir::nd4j::registerOnnxImportRules(ImportRuleRegistry &registry) {
  auto add = [&](StringRef op, RuleFn fn) {
    registry.addBuiltin(ImportRule("onnx", op, std::move(fn)));
  };
  add("Add", binary<AddOp>());
  add("Sub", binary<SubtractOp>());
  add("Mul", binary<MultiplyOp>());
  add("Div", binary<DivideOp>());
  add("Relu", relu);
  add("Sigmoid", unary<SigmoidOp>());
  add("Tanh", unary<TanhOp>());
  add("Softmax", softmax);
  add("Identity", passThrough);
  add("Dropout", passThrough);
  add("Constant", constant);
  add("MatMul", matmul);
  add("Gemm", gemm);
  add("Conv", conv);
  add("MaxPool", pool<MaxPool2DOp>(/*isAverage=*/false));
  add("AveragePool", pool<AvgPool2DOp>(/*isAverage=*/true));
  add("BatchNormalization", batchNorm);
  add("Reshape", reshape);
  add("Flatten", flatten);
  add("Transpose", transpose);
  add("Concat", concat);
}
