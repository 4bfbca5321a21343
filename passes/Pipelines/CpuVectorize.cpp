//===- CpuVectorize.cpp - tiling and vectorization for CPUs ----*- C++ -*-===//
//
// nd4j-cpu-vectorize and nd4j-hoist-vector-transfers (Passes.td): register
// tiling of contractions and vectorization of contractions and elementwise
// ops, on tensors, before bufferization; and the hoisting of accumulator
// transfers after it.
//
//===----------------------------------------------------------------------===//

#include "passes/Pipelines/Pipelines.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Transforms/Hoisting.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/SCF/Transforms/TileUsingInterface.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/PatternMatch.h"

namespace mlir {
namespace nd4j {
#define GEN_PASS_DEF_ND4JCPUVECTORIZEPASS
#define GEN_PASS_DEF_ND4JHOISTVECTORTRANSFERSPASS
#define GEN_PASS_DEF_ND4JSTRIDEDCOPYTOLINALGPASS
#include "passes/Pipelines/Passes.h.inc"
} // namespace nd4j
} // namespace mlir

using namespace mlir;
using namespace mlir::nd4j;

namespace {

/// The largest power of two up to `limit` dividing `size` (at least 1).
int64_t largestDivisor(int64_t size, int64_t limit) {
  for (int64_t t = limit; t > 1; t /= 2)
    if (size % t == 0)
      return t;
  return 1;
}

/// Whether the vector form of `op` lowers well: bool vectors would be
/// bit-packed in memory (memrefs of i1 hold bytes), and math functions
/// without an LLVM intrinsic have no vector libm lowering.
bool isVectorizable(linalg::LinalgOp op) {
  for (Value v : op->getOperands())
    if (getElementTypeOrSelf(v.getType()).isInteger(1))
      return false;
  for (Type t : op->getResultTypes())
    if (getElementTypeOrSelf(t).isInteger(1))
      return false;
  WalkResult r = op->walk([](Operation *inner) {
    if (inner->getDialect() && inner->getDialect()->getNamespace() == "math" &&
        !isa<math::AbsFOp, math::AbsIOp, math::CeilOp, math::FloorOp,
             math::ExpOp, math::Exp2Op, math::LogOp, math::Log2Op,
             math::Log10Op, math::SqrtOp, math::FmaOp, math::RoundEvenOp,
             math::RoundOp, math::TruncOp, math::CopySignOp, math::PowFOp,
             math::SinOp, math::CosOp>(inner))
      return WalkResult::interrupt();
    if (isa<tensor::ExtractOp>(inner))
      return WalkResult::interrupt();
    return WalkResult::advance();
  });
  return !r.wasInterrupted();
}

/// Whether every indexing map of `op` is increasing in each loop: free of
/// mod, floordiv and ceildiv and of negative coefficients. Tiling takes an
/// operand's slice from the map's values at the tile's first point and its
/// extent, which bounds only such maps: the im2col generic reads a window
/// through `floordiv`/`mod` and got a slice missing most of the window, and
/// a reverse (`-d + n - 1`) got a slice the verifier rejects.
bool hasIncreasingMaps(linalg::LinalgOp op) {
  for (AffineMap map : op.getIndexingMapsArray())
    for (AffineExpr e : map.getResults()) {
      bool bad = false;
      e.walk([&](AffineExpr sub) {
        if (sub.getKind() == AffineExprKind::Mod ||
            sub.getKind() == AffineExprKind::FloorDiv ||
            sub.getKind() == AffineExprKind::CeilDiv)
          bad = true;
        if (auto mul = dyn_cast<AffineBinaryOpExpr>(sub))
          if (sub.getKind() == AffineExprKind::Mul)
            if (auto c = dyn_cast<AffineConstantExpr>(mul.getRHS()))
              bad |= c.getValue() < 0;
      });
      if (bad)
        return false;
    }
  return true;
}

struct Nd4jCpuVectorizePass
    : public nd4j::impl::Nd4jCpuVectorizePassBase<Nd4jCpuVectorizePass> {
  using Base::Base;

  void runOnOperation() override {
    func::FuncOp func = getOperation();
    IRRewriter rewriter(&getContext());

    // Convolutions take the matmul path through im2col.
    SmallVector<Operation *> convs;
    func.walk([&](Operation *op) {
      if (isa<linalg::Conv2DNchwFchwOp, linalg::Conv2DNhwcHwcfOp>(op))
        convs.push_back(op);
    });
    for (Operation *op : convs) {
      rewriter.setInsertionPoint(op);
      if (auto c = dyn_cast<linalg::Conv2DNchwFchwOp>(op))
        (void)linalg::rewriteInIm2Col(rewriter, c);
      else
        (void)linalg::rewriteInIm2Col(rewriter,
                                      cast<linalg::Conv2DNhwcHwcfOp>(op));
    }

    SmallVector<linalg::LinalgOp> ops;
    func.walk([&](linalg::LinalgOp op) {
      if (op.hasPureTensorSemantics() && !isa<linalg::FillOp>(op) &&
          !op.hasDynamicShape())
        ops.push_back(op);
    });
    for (linalg::LinalgOp op : ops)
      tileAndVectorize(rewriter, op);
  }

  void tileAndVectorize(IRRewriter &rewriter, linalg::LinalgOp op) {
    SmallVector<int64_t> bounds = op.getStaticLoopRanges();
    unsigned numLoops = bounds.size();
    if (numLoops == 0 || !isVectorizable(op) || !hasIncreasingMaps(op))
      return;
    SmallVector<int64_t> tiles(numLoops, 1);
    bool contraction = linalg::isaContractionOpInterface(op);
    if (contraction) {
      FailureOr<linalg::ContractionDimensions> dims =
          linalg::inferContractionDims(op);
      if (failed(dims) || dims->m.empty() || dims->n.empty())
        return;
      unsigned m = dims->m.back(), n = dims->n.back();
      tiles[m] = largestDivisor(bounds[m], mTile);
      tiles[n] = largestDivisor(bounds[n], nTile);
      // Too narrow to pay for vector code.
      if (tiles[n] < 4)
        return;
    } else if (op.getNumReductionLoops() == 0) {
      // Elementwise: vectors along the innermost loop, if the innermost
      // operand dimensions are contiguous (identity-mapped output).
      if (!op.getIndexingMapMatchingResult(op->getResult(0)).isIdentity())
        return;
      tiles.back() = largestDivisor(bounds.back(), vectorWidth);
      if (tiles.back() < 4)
        return;
    } else {
      return;
    }

    // Untiled (whole) loops keep tile size 0.
    SmallVector<OpFoldResult> tileSizes;
    for (unsigned i = 0; i < numLoops; ++i)
      tileSizes.push_back(rewriter.getIndexAttr(
          tiles[i] == bounds[i] && bounds[i] != 1 ? 0 : tiles[i]));
    scf::SCFTilingOptions options;
    options.setTileSizes(tileSizes);
    rewriter.setInsertionPoint(op);
    auto tilingOp = dyn_cast<TilingInterface>(op.getOperation());
    if (!tilingOp)
      return;
    FailureOr<scf::SCFTilingResult> tiled =
        scf::tileUsingSCF(rewriter, tilingOp, options);
    if (failed(tiled))
      return;
    rewriter.replaceOp(op, tiled->replacements);
    for (Operation *inner : tiled->tiledOps) {
      rewriter.setInsertionPoint(inner);
      // Contractions as vector.contract, which lowers to outer-product FMAs.
      FailureOr<linalg::VectorizationResult> vectorized = linalg::vectorize(
          rewriter, inner, {}, {}, /*vectorizeNDExtract=*/false,
          /*flatten1DDepthwiseConv=*/false,
          /*assumeDynamicDimsMatchVecSizes=*/false,
          /*createNamedContraction=*/contraction);
      if (succeeded(vectorized))
        rewriter.replaceOp(inner, vectorized->replacements);
    }
  }
};

struct Nd4jHoistVectorTransfersPass
    : public nd4j::impl::Nd4jHoistVectorTransfersPassBase<
          Nd4jHoistVectorTransfersPass> {
  void runOnOperation() override {
    linalg::hoistRedundantVectorTransfers(getOperation(),
                                          /*verifyNonZeroTrip=*/true);
  }
};

struct Nd4jStridedCopyToLinalgPass
    : public nd4j::impl::Nd4jStridedCopyToLinalgPassBase<
          Nd4jStridedCopyToLinalgPass> {
  void runOnOperation() override {
    SmallVector<memref::CopyOp> copies;
    getOperation().walk([&](memref::CopyOp copy) {
      auto source = cast<MemRefType>(copy.getSource().getType());
      auto target = cast<MemRefType>(copy.getTarget().getType());
      if (!source.getLayout().isIdentity() || !target.getLayout().isIdentity())
        copies.push_back(copy);
    });
    IRRewriter rewriter(&getContext());
    for (memref::CopyOp copy : copies) {
      rewriter.setInsertionPoint(copy);
      rewriter.replaceOpWithNewOp<linalg::CopyOp>(copy, copy.getSource(),
                                                  copy.getTarget());
    }
  }
};

} // namespace
