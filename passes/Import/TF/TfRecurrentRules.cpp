//===- TfRecurrentRules.cpp - TF's fused recurrent cells -----------------===//
//
// LSTMBlockCell and GRUBlockCell are one step of a recurrent cell, composed
// from typed ops as TF's kernels compute them (gates from one matrix
// product of [x, h_prev], TF's gate order i, ci, f, o for the LSTM and r, u
// for the GRU). BlockLSTM runs the LSTM step over a sequence as an
// nd4j.while over its time steps (run-time seq_len_max), each output
// written into a [T, B, H] buffer; steps from seq_len_max on are zeros, as
// TF's kernel leaves them.
//
//===----------------------------------------------------------------------===//

#include "passes/Import/TF/TfRuleUtils.h"

using namespace mlir;
using namespace mlir::nd4j;
using namespace mlir::nd4j::onnx_rules;
using namespace mlir::nd4j::tf_rules;

namespace {

/// Columns [begin, begin + count) of a rank-2 value.
Value columns(OpChain &o, Value v, int64_t begin, int64_t count) {
  if (!o.ok)
    return Value();
  auto I = [&](int64_t x) { return i64(o.rewriter, x); };
  // Dimension 0 whole (begin and end masks), dimension 1 sliced.
  return o.op<StridedSliceOp>(
      v, I(1), I(0), I(1), I(0), I(0),
      o.rewriter.getDenseI64ArrayAttr({0, begin}),
      o.rewriter.getDenseI64ArrayAttr({0, begin + count}),
      o.rewriter.getDenseI64ArrayAttr({1, 1}));
}

Value matmul(OpChain &o, Value a, Value b) {
  return o.op<MatmulOp>(a, b, i64(o.rewriter, 0), i64(o.rewriter, 0),
                        i64(o.rewriter, 0), f64(o.rewriter, 1.0),
                        f64(o.rewriter, 0.0));
}

Value concatColumns(OpChain &o, Value a, Value b) {
  return o.ok ? o.op<ConcatOp>(ValueRange{a, b}, i64(o.rewriter, 1)) : Value();
}

/// The weights and attributes of an LSTM block cell.
struct LstmParams {
  Value w, wci, wcf, wco, b;
  double forgetBias = 1.0, cellClip = 3.0;
  bool peephole = false;
  int64_t hidden = 0;
  Type element;
};

FailureOr<LstmParams> lstmParams(ImportNode &node, unsigned first) {
  LstmParams p;
  p.w = node.input(first);
  p.wci = node.input(first + 1);
  p.wcf = node.input(first + 2);
  p.wco = node.input(first + 3);
  p.b = node.input(first + 4);
  RankedTensorType b = node.inputType(first + 4);
  if (!p.w || !b || b.getRank() != 1 || b.isDynamicDim(0) ||
      b.getDimSize(0) % 4 != 0)
    return failure();
  p.hidden = b.getDimSize(0) / 4;
  p.element = b.getElementType();
  FailureOr<double> forget = node.getFloat("forget_bias", 1.0);
  FailureOr<double> clip = node.getFloat("cell_clip", 3.0);
  FailureOr<bool> peephole = getBool(node, "use_peephole", false);
  if (failed(forget) || failed(clip) || failed(peephole))
    return failure();
  p.forgetBias = *forget;
  p.cellClip = *clip;
  p.peephole = *peephole;
  return p;
}

/// One LSTMBlockCell step: {i, cs, f, o, ci, co, h}.
SmallVector<Value> lstmStep(OpChain &o, const LstmParams &p, Value x,
                            Value csPrev, Value hPrev) {
  int64_t H = p.hidden;
  Value icfo = o.add(matmul(o, concatColumns(o, x, hPrev), p.w), p.b);
  Value i = columns(o, icfo, 0, H), ci = columns(o, icfo, H, H),
        f = columns(o, icfo, 2 * H, H), og = columns(o, icfo, 3 * H, H);
  if (p.peephole) {
    i = o.add(i, o.mul(csPrev, p.wci));
    f = o.add(f, o.mul(csPrev, p.wcf));
  }
  Value forget =
      scalarConstant(o.rewriter, o.node.loc, p.element, p.forgetBias);
  i = o.op<SigmoidOp>(i);
  f = o.op<SigmoidOp>(o.add(f, forget));
  ci = o.op<TanhOp>(ci);
  Value cs = o.add(o.mul(ci, i), o.mul(csPrev, f));
  if (p.cellClip > 0)
    cs = o.op<ClipByValueOp>(cs, f64(o.rewriter, -p.cellClip),
                             f64(o.rewriter, p.cellClip));
  Value co = o.op<TanhOp>(cs);
  if (p.peephole)
    og = o.add(og, o.mul(cs, p.wco));
  og = o.op<SigmoidOp>(og);
  Value h = o.mul(co, og);
  return {i, cs, f, og, ci, co, h};
}

/// LSTMBlockCell(x, cs_prev, h_prev, w, wci, wcf, wco, b).
RuleResult lstmBlockCell(ImportNode &node, PatternRewriter &rewriter) {
  if (node.getNumInputs() != 8 || !node.inputType(0) || !node.inputType(1) ||
      !node.inputType(2) || node.getNumResults() > 7)
    return RuleResult::NotApplicable;
  FailureOr<LstmParams> p = lstmParams(node, 3);
  if (failed(p))
    return RuleResult::NotApplicable;
  OpChain o{rewriter, node};
  SmallVector<Value> out =
      lstmStep(o, *p, node.input(0), node.input(1), node.input(2));
  if (!o.ok)
    return RuleResult::Failed;
  out.resize(node.getNumResults());
  return node.replaceWith(rewriter, out);
}

/// GRUBlockCell(x, h_prev, w_ru, w_c, b_ru, b_c): {r, u, c, h}.
RuleResult gruBlockCell(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType bc = node.inputType(5);
  if (node.getNumInputs() != 6 || !node.inputType(0) || !node.inputType(1) ||
      !bc || bc.getRank() != 1 || bc.isDynamicDim(0) ||
      node.getNumResults() > 4)
    return RuleResult::NotApplicable;
  int64_t H = bc.getDimSize(0);
  Value x = node.input(0), hPrev = node.input(1);
  OpChain o{rewriter, node};
  Value ru = o.add(matmul(o, concatColumns(o, x, hPrev), node.input(2)),
                   node.input(4));
  Value r = o.op<SigmoidOp>(columns(o, ru, 0, H));
  Value u = o.op<SigmoidOp>(columns(o, ru, H, H));
  Value c = o.op<TanhOp>(
      o.add(matmul(o, concatColumns(o, x, o.mul(hPrev, r)), node.input(3)),
            node.input(5)));
  Value one = scalarConstant(rewriter, node.loc, bc.getElementType(), 1.0);
  Value h = o.add(o.mul(u, hPrev), o.mul(o.sub(one, u), c));
  if (!o.ok)
    return RuleResult::Failed;
  SmallVector<Value> out = {r, u, c, h};
  out.resize(node.getNumResults());
  return node.replaceWith(rewriter, out);
}

/// BlockLSTM(seq_len_max, x [T, B, I], cs_prev, h_prev, w, wci, wcf, wco,
/// b): the seven LSTMBlockCell outputs of every step, [T, B, H] each.
RuleResult blockLstm(ImportNode &node, PatternRewriter &rewriter) {
  RankedTensorType x = node.inputType(1), seq = node.inputType(0);
  if (node.getNumInputs() != 9 || !x || !x.hasStaticShape() ||
      x.getRank() != 3 || !seq || seq.getNumElements() != 1 ||
      !node.inputType(2) || !node.inputType(3) || node.getNumResults() > 7)
    return RuleResult::NotApplicable;
  FailureOr<LstmParams> p = lstmParams(node, 4);
  if (failed(p))
    return RuleResult::NotApplicable;
  int64_t T = x.getDimSize(0), B = x.getDimSize(1), H = p->hidden;
  Location loc = node.loc;
  OpChain o{rewriter, node};
  auto scalarType = RankedTensorType::get({}, rewriter.getI64Type());
  auto i64Scalar = [&](int64_t v) -> Value {
    return ConstantOp::create(rewriter, loc, scalarType,
                              DenseElementsAttr::get(scalarType, v),
                              StringAttr());
  };
  // The step limit: min(seq_len_max, T), as an i64 scalar.
  Value limit = node.input(0);
  if (seq.getRank() != 0)
    limit = o.reshaped(limit, {});
  if (seq.getElementType() != rewriter.getI64Type())
    limit = o.op<CastOp>(limit, TypeAttr::get(rewriter.getI64Type()));
  limit = o.op<MinimumOp>(limit, i64Scalar(T));
  if (!o.ok)
    return RuleResult::Failed;

  auto stateType = RankedTensorType::get({B, H}, p->element);
  auto bufferType = RankedTensorType::get({T, B, H}, p->element);
  Value zeros = ConstantOp::create(
      rewriter, loc, bufferType,
      DenseElementsAttr::get(bufferType, rewriter.getZeroAttr(p->element)),
      StringAttr());
  SmallVector<Value> inits = {i64Scalar(0), node.input(2), node.input(3)};
  SmallVector<Type> types = {scalarType, node.inputType(2), node.inputType(3)};
  if (node.inputType(2) != stateType || node.inputType(3) != stateType) {
    node.emitError() << "cs_prev and h_prev must be " << stateType;
    return RuleResult::Failed;
  }
  for (int k = 0; k < 7; ++k) {
    inits.push_back(zeros);
    types.push_back(bufferType);
  }
  auto loop = WhileOp::create(rewriter, loc, types, inits);
  SmallVector<Location> locs(types.size(), loc);
  {
    OpBuilder::InsertionGuard guard(rewriter);
    Block *before = rewriter.createBlock(&loop.getBefore(), {}, types, locs);
    Value go = o.op<LessOp>(before->getArgument(0), limit);
    if (!o.ok)
      return RuleResult::Failed;
    ConditionOp::create(rewriter, loc, go, before->getArguments());
    Block *after = rewriter.createBlock(&loop.getAfter(), {}, types, locs);
    Value t = after->getArgument(0);
    Value xt = o.op<GatherOp>(node.input(1), t, i64(rewriter, 0));
    SmallVector<Value> step =
        lstmStep(o, *p, xt, after->getArgument(1), after->getArgument(2));
    Value coords = o.reshaped(t, {1, 1});
    SmallVector<Value> next = {o.add(t, i64Scalar(1)), step[1], step[6]};
    for (int k = 0; k < 7; ++k)
      next.push_back(o.op<ScatterNdUpdateOp>(after->getArgument(3 + k), coords,
                                             o.reshaped(step[k], {1, B, H}),
                                             BoolAttr(), BoolAttr()));
    if (!o.ok)
      return RuleResult::Failed;
    YieldOp::create(rewriter, loc, next);
  }
  SmallVector<Value> out(loop.getResults().drop_front(3));
  out.resize(node.getNumResults());
  return node.replaceWith(rewriter, out);
}

} // namespace

void mlir::nd4j::tf_rules::registerTfRecurrentRules(const AddRuleFn &add) {
  add("LSTMBlockCell", lstmBlockCell);
  add("GRUBlockCell", gruBlockCell);
  add("BlockLSTM", blockLstm);
}
