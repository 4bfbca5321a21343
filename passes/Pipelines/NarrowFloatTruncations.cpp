//===- NarrowFloatTruncations.cpp - f64 → bf16 without libcalls -*- C++ -*-===//
//
// nd4j-cpu-narrow-float-truncations: f64 → bf16 truncations as f64 → f32
// rounded to odd, then f32 → bf16; bf16 conversions as integer arithmetic
// (see Passes.td).
//
//===----------------------------------------------------------------------===//

#include "passes/Pipelines/Pipelines.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Transforms/Passes.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/IR/TypeUtilities.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir {
namespace nd4j {
#define GEN_PASS_DEF_ND4JCPUNARROWFLOATTRUNCATIONSPASS
#include "passes/Pipelines/Passes.h.inc"
} // namespace nd4j
} // namespace mlir

using namespace mlir;
using namespace mlir::nd4j;

namespace {

/// `type`'s shape (if any) with element type `elem`.
Type withElement(Type type, Type elem) {
  if (auto shaped = dyn_cast<ShapedType>(type))
    return shaped.clone(elem);
  return elem;
}

Value splat(PatternRewriter &rewriter, Location loc, Type type,
            TypedAttr scalar) {
  if (auto shaped = dyn_cast<ShapedType>(type))
    return arith::ConstantOp::create(rewriter, loc,
                                     DenseElementsAttr::get(shaped, scalar));
  return arith::ConstantOp::create(rewriter, loc, scalar);
}

struct TruncF64ToBF16 : OpRewritePattern<arith::TruncFOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(arith::TruncFOp op,
                                PatternRewriter &rewriter) const override {
    Type in = op.getIn().getType(), out = op.getType();
    if (!getElementTypeOrSelf(in).isF64() ||
        !getElementTypeOrSelf(out).isBF16())
      return failure();
    Location loc = op.getLoc();
    Value x = op.getIn();
    Type f32 = withElement(in, rewriter.getF32Type());
    Type i32 = withElement(in, rewriter.getI32Type());
    Value r = arith::TruncFOp::create(rewriter, loc, f32, x);
    Value back = arith::ExtFOp::create(rewriter, loc, in, r);
    Value bits = arith::BitcastOp::create(rewriter, loc, i32, r);
    // Inexact (NaN included: its payload stays a NaN's).
    Value inexact = arith::CmpFOp::create(rewriter, loc,
                                          arith::CmpFPredicate::UNE, back, x);
    // Rounded away from zero: the f32 magnitude is one step too large.
    Value zero = splat(rewriter, loc, in, rewriter.getF64FloatAttr(0));
    Value negative = arith::CmpFOp::create(rewriter, loc,
                                           arith::CmpFPredicate::OLT, x, zero);
    Value below = arith::CmpFOp::create(rewriter, loc,
                                        arith::CmpFPredicate::OLT, back, x);
    Value above = arith::CmpFOp::create(rewriter, loc,
                                        arith::CmpFPredicate::OGT, back, x);
    Value awayFromZero =
        arith::SelectOp::create(rewriter, loc, negative, below, above);
    Value one = splat(rewriter, loc, i32, rewriter.getI32IntegerAttr(1));
    Value towardZero = arith::SelectOp::create(
        rewriter, loc, awayFromZero,
        arith::SubIOp::create(rewriter, loc, bits, one), bits);
    Value odd = arith::OrIOp::create(rewriter, loc, towardZero, one);
    Value rounded = arith::SelectOp::create(rewriter, loc, inexact, odd, bits);
    Value narrowed = arith::BitcastOp::create(rewriter, loc, f32, rounded);
    rewriter.replaceOpWithNewOp<arith::TruncFOp>(op, out, narrowed);
    return success();
  }
};

struct Nd4jCpuNarrowFloatTruncationsPass
    : public nd4j::impl::Nd4jCpuNarrowFloatTruncationsPassBase<
          Nd4jCpuNarrowFloatTruncationsPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<TruncF64ToBF16>(&getContext());
    // f32 <-> bf16 as integer arithmetic (only these: arith-expand would
    // also rewrite maximumf and the like).
    arith::populateExpandBFloat16Patterns(patterns);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
