//===- CpuVectorize.cpp - tiling and vectorization for CPUs ----*- C++ -*-===//
//
// nd4j-cpu-vectorize and nd4j-hoist-vector-transfers (Passes.td): register
// tiling of contractions and vectorization of contractions and elementwise
// ops, on tensors, before bufferization; and the hoisting of accumulator
// transfers after it.
//
//===----------------------------------------------------------------------===//

#include "passes/Pipelines/Pipelines.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Transforms/Hoisting.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/SCF/Transforms/TileUsingInterface.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Tensor/Transforms/Transforms.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

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
        !isa<math::AbsFOp, math::CeilOp, math::FloorOp, math::ExpOp,
             math::Exp2Op, math::LogOp, math::Log2Op, math::Log10Op,
             math::SqrtOp, math::FmaOp, math::RoundEvenOp, math::RoundOp,
             math::TruncOp, math::CopySignOp, math::PowFOp, math::SinOp,
             math::CosOp>(inner))
      return WalkResult::interrupt();
    if (isa<tensor::ExtractOp>(inner))
      return WalkResult::interrupt();
    return WalkResult::advance();
  });
  return !r.wasInterrupted();
}

/// Whether `op` is a contraction (linalg's interface test) whose body is
/// only the multiply-add and element-type casts. The interface test skips
/// every one-operand op between the block arguments and the multiply as if
/// it were a cast: a cosine fused into a DFT product's operand passed, and
/// specializing to linalg.matmul (or vectorizing as vector.contract)
/// dropped it, so two products with the cosine and the sine of one matrix
/// became one.
bool isPlainContraction(linalg::LinalgOp op) {
  if (!linalg::isaContractionOpInterface(op))
    return false;
  for (Operation &inner : op.getBlock()->without_terminator())
    if (!isa<arith::MulFOp, arith::MulIOp, arith::AddFOp, arith::AddIOp,
             arith::ExtFOp, arith::TruncFOp, arith::ExtSIOp, arith::TruncIOp,
             arith::SIToFPOp>(inner))
      return false;
  return true;
}

/// (d0, d2), (d2, d1) -> (d0, d1), optionally with a leading batch loop.
bool isCanonicalMatmul(linalg::GenericOp op) {
  SmallVector<AffineMap> maps = op.getIndexingMapsArray();
  if (maps.size() != 3)
    return false;
  unsigned n = op.getNumLoops();
  if (n != 3 && n != 4)
    return false;
  MLIRContext *ctx = op.getContext();
  unsigned b = n - 3;
  auto d = [&](unsigned i) { return getAffineDimExpr(i, ctx); };
  auto make = [&](ArrayRef<AffineExpr> inner) {
    SmallVector<AffineExpr> exprs;
    if (b)
      exprs.push_back(d(0));
    exprs.append(inner.begin(), inner.end());
    return AffineMap::get(n, 0, exprs, ctx);
  };
  return maps[0] == make({d(b), d(b + 2)}) &&
         maps[1] == make({d(b + 2), d(b + 1)}) &&
         maps[2] == make({d(b), d(b + 1)});
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

    // Loops whose trip count is known only at run time (the batch) become
    // scf.for loops of single iterations around ops of static shape, which
    // take the static path below: chunks for the threads, register tiles,
    // vectors.
    SmallVector<linalg::LinalgOp> dynamicOps;
    func.walk([&](linalg::LinalgOp op) {
      if (op.hasPureTensorSemantics() && !isa<linalg::FillOp>(op) &&
          op.hasDynamicShape())
        dynamicOps.push_back(op);
    });
    for (linalg::LinalgOp op : dynamicOps)
      tileDynamicLoops(rewriter, op);
    if (!dynamicOps.empty()) {
      RewritePatternSet patterns(&getContext());
      tensor::populateMergeConsecutiveInsertExtractSlicePatterns(patterns);
      scf::ForOp::getCanonicalizationPatterns(patterns, &getContext());
      tensor::ExtractSliceOp::getCanonicalizationPatterns(patterns,
                                                          &getContext());
      affine::AffineMinOp::getCanonicalizationPatterns(patterns, &getContext());
      (void)applyPatternsGreedily(func, std::move(patterns));
    }

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

    // Unit dimensions (batch 1, im2col's) would become leading unit vector
    // dimensions, which lower element by element.
    {
      RewritePatternSet patterns(&getContext());
      linalg::ControlDropUnitDims options;
      linalg::populateFoldUnitExtentDimsPatterns(patterns, options);
      tensor::populateFoldTensorEmptyPatterns(patterns);
      (void)applyPatternsGreedily(func, std::move(patterns));
    }

    // Contractions built as generics (im2col, batched/transposed matmuls)
    // become named ops, which vectorize to vector.contract.
    // Only the canonical (untransposed) layouts: specializing transposed
    // ones is not reliable in this MLIR.
    SmallVector<linalg::GenericOp> generics;
    func.walk([&](linalg::GenericOp op) {
      if (isPlainContraction(op) && isCanonicalMatmul(op))
        generics.push_back(op);
    });
    for (linalg::GenericOp op : generics) {
      rewriter.setInsertionPoint(op);
      (void)linalg::specializeGenericOp(rewriter, op);
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

  /// Tiles the loops of `op` with a run-time trip count by 1 (scf.for),
  /// when they are all parallel; the other loops stay whole.
  void tileDynamicLoops(IRRewriter &rewriter, linalg::LinalgOp op) {
    SmallVector<int64_t> bounds = op.getStaticLoopRanges();
    SmallVector<utils::IteratorType> iterators = op.getIteratorTypesArray();
    SmallVector<OpFoldResult> sizes;
    for (auto [bound, iterator] : llvm::zip(bounds, iterators)) {
      bool dynamic = ShapedType::isDynamic(bound);
      if (dynamic && iterator != utils::IteratorType::parallel)
        return;
      sizes.push_back(rewriter.getIndexAttr(dynamic ? 1 : 0));
    }
    auto tilingOp = dyn_cast<TilingInterface>(op.getOperation());
    if (!tilingOp)
      return;
    scf::SCFTilingOptions options;
    options.setTileSizes(sizes);
    rewriter.setInsertionPoint(op);
    FailureOr<scf::SCFTilingResult> tiled =
        scf::tileUsingSCF(rewriter, tilingOp, options);
    if (succeeded(tiled))
      rewriter.replaceOp(op, tiled->replacements);
  }

  void tileAndVectorize(IRRewriter &rewriter, linalg::LinalgOp op) {
    SmallVector<int64_t> bounds = op.getStaticLoopRanges();
    unsigned numLoops = bounds.size();
    // Neither chunked nor tiled: see hasIncreasingMaps.
    if (numLoops == 0 || !hasIncreasingMaps(op))
      return;
    SmallVector<int64_t> tiles(numLoops, 1);
    bool contraction = isPlainContraction(op);
    bool vectorize = isVectorizable(op);
    if (vectorize && contraction) {
      FailureOr<linalg::ContractionDimensions> dims =
          linalg::inferContractionDims(op);
      if (failed(dims) || dims->m.empty() || dims->n.empty()) {
        vectorize = false;
      } else {
        unsigned m = dims->m.back(), n = dims->n.back();
        tiles[m] = largestDivisor(bounds[m], mTile);
        tiles[n] = largestDivisor(bounds[n], nTile);
        // Too narrow to pay for vector code.
        vectorize = tiles[n] >= 4;
      }
    } else if (vectorize && op.getNumReductionLoops() == 0) {
      // Elementwise: vectors along the innermost loop, if the innermost
      // operand dimensions are contiguous (identity-mapped output).
      // Gathers through div/mod maps (im2col) would be scalarized element
      // by element: left to LLVM.
      vectorize =
          op.getIndexingMapMatchingResult(op->getResult(0)).isIdentity() &&
          llvm::all_of(op.getIndexingMapsArray(), [](AffineMap map) {
            return map.isProjectedPermutation(/*allowZeroInResults=*/true);
          });
      tiles.back() = largestDivisor(bounds.back(), vectorWidth);
      vectorize &= tiles.back() >= 4;
    } else {
      vectorize = false;
    }
    if (!vectorize)
      tiles.assign(numLoops, 1);

    Operation *target = op;
    if (parallelize)
      target = chunkForThreads(rewriter, op, tiles[0]);
    if (!vectorize)
      return;
    auto inner = cast<linalg::LinalgOp>(target);
    bounds = inner.getStaticLoopRanges();

    // Untiled (whole) loops keep tile size 0.
    SmallVector<OpFoldResult> tileSizes;
    for (unsigned i = 0; i < numLoops; ++i)
      tileSizes.push_back(rewriter.getIndexAttr(
          tiles[i] == bounds[i] && bounds[i] != 1 ? 0 : tiles[i]));
    scf::SCFTilingOptions options;
    options.setTileSizes(tileSizes);
    rewriter.setInsertionPoint(target);
    auto tilingOp = dyn_cast<TilingInterface>(target);
    if (!tilingOp)
      return;
    FailureOr<scf::SCFTilingResult> tiled =
        scf::tileUsingSCF(rewriter, tilingOp, options);
    if (failed(tiled))
      return;
    rewriter.replaceOp(target, tiled->replacements);
    for (Operation *tile : tiled->tiledOps) {
      rewriter.setInsertionPoint(tile);
      // Contractions as vector.contract, which lowers to outer-product FMAs.
      FailureOr<linalg::VectorizationResult> vectorized = linalg::vectorize(
          rewriter, tile, {}, {}, /*vectorizeNDExtract=*/false,
          /*flatten1DDepthwiseConv=*/false,
          /*assumeDynamicDimsMatchVecSizes=*/false,
          /*createNamedContraction=*/contraction);
      if (succeeded(vectorized))
        rewriter.replaceOp(tile, vectorized->replacements);
    }
  }

  /// Splits the first loop of a large op into an scf.forall of equal chunks
  /// (a multiple of `unit`, so register tiles still divide them), which
  /// nd4j-cpu-outline-parallel runs on the runtime's thread pool. Returns
  /// the op to tile further: the chunk's op, or `op` itself.
  Operation *chunkForThreads(IRRewriter &rewriter, linalg::LinalgOp op,
                             int64_t unit) {
    SmallVector<int64_t> bounds = op.getStaticLoopRanges();
    if (op.getIteratorTypesArray()[0] != utils::IteratorType::parallel ||
        bounds[0] % unit != 0)
      return op;
    int64_t work = 1;
    for (int64_t b : bounds)
      work *= b;
    if (work < minParallelWork)
      return op;
    int64_t units = bounds[0] / unit, chunks = 1;
    for (int64_t c = std::min<int64_t>(units, maxChunks); c > 1; --c)
      if (units % c == 0) {
        chunks = c;
        break;
      }
    if (chunks < 2)
      return op;
    SmallVector<OpFoldResult> sizes(bounds.size(), rewriter.getIndexAttr(0));
    sizes[0] = rewriter.getIndexAttr(unit * (units / chunks));
    scf::SCFTilingOptions options;
    options.setTileSizes(sizes);
    options.setLoopType(scf::SCFTilingOptions::LoopType::ForallOp);
    rewriter.setInsertionPoint(op);
    auto tilingOp = dyn_cast<TilingInterface>(op.getOperation());
    if (!tilingOp)
      return op;
    FailureOr<scf::SCFTilingResult> tiled =
        scf::tileUsingSCF(rewriter, tilingOp, options);
    if (failed(tiled) || tiled->tiledOps.size() != 1)
      return op;
    rewriter.replaceOp(op, tiled->replacements);
    return tiled->tiledOps.front();
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
