//===- LoweringUtils.cpp - helpers of the exec → linalg lowerings -*- C++
//-*-===//
//
// Empty tensors, scalars, element conversions and the broadcasting
// elementwise generic that most op families build on.
//
//===----------------------------------------------------------------------===//

#include "passes/Conversion/ExecToLinalg/ExecLowering.h"

#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Utils/ReshapeOpsUtils.h"
#include "mlir/IR/TypeUtilities.h"

using namespace mlir;
using namespace mlir::nd4j;

Value mlir::nd4j::createEmpty(OpBuilder &b, Location loc,
                              RankedTensorType type) {
  SmallVector<Value> sizes;
  for (int64_t d : type.getShape())
    if (ShapedType::isDynamic(d)) {
      auto pending = UnrealizedConversionCastOp::create(
          b, loc, TypeRange{b.getIndexType()}, ValueRange{});
      pending->setAttr(kPendingDimAttr, b.getUnitAttr());
      sizes.push_back(pending.getResult(0));
    }
  return tensor::EmptyOp::create(b, loc, type, sizes);
}

/// A value of rank 1 holding the elements of `v` in row-major order.
Value mlir::nd4j::flatten(OpBuilder &b, Location loc, Value v) {
  auto type = cast<RankedTensorType>(v.getType());
  if (type.getRank() == 1)
    return v;
  auto flat = RankedTensorType::get(
      {type.hasStaticShape() ? type.getNumElements() : ShapedType::kDynamic},
      type.getElementType());
  if (type.getRank() == 0)
    return tensor::ExpandShapeOp::create(b, loc, flat, v,
                                         ArrayRef<ReassociationIndices>{});
  ReassociationIndices all;
  for (int64_t d = 0; d < type.getRank(); ++d)
    all.push_back(d);
  return tensor::CollapseShapeOp::create(b, loc, flat, v,
                                         ArrayRef<ReassociationIndices>{all});
}

/// Row-major reshape of `v` to `type` (same element count): one
/// collapse_shape or expand_shape when a reassociation exists, else a
/// collapse to rank 1 followed by an expand.
Value mlir::nd4j::reshapeTo(OpBuilder &b, Location loc, Value v,
                            RankedTensorType type) {
  auto from = cast<RankedTensorType>(v.getType());
  if (from == type)
    return v;
  if (from.getRank() > type.getRank()) {
    if (auto re = getReassociationIndicesForCollapse(from.getShape(),
                                                     type.getShape()))
      return tensor::CollapseShapeOp::create(b, loc, type, v, *re);
  } else if (from.getRank() < type.getRank()) {
    if (auto re = getReassociationIndicesForCollapse(type.getShape(),
                                                     from.getShape()))
      return tensor::ExpandShapeOp::create(b, loc, type, v, *re);
  }
  Value flat = flatten(b, loc, v);
  if (type.getRank() == 1)
    return flat;
  if (type.getRank() == 0)
    return tensor::CollapseShapeOp::create(b, loc, type, flat,
                                           ArrayRef<ReassociationIndices>{});
  ReassociationIndices all;
  for (int64_t d = 0; d < type.getRank(); ++d)
    all.push_back(d);
  return tensor::ExpandShapeOp::create(b, loc, type, flat,
                                       ArrayRef<ReassociationIndices>{all});
}

Value mlir::nd4j::createEmptySizedLike(OpBuilder &b, Location loc,
                                       RankedTensorType type, Value like) {
  SmallVector<Value> sizes;
  for (int64_t d = 0; d < type.getRank(); ++d)
    if (type.isDynamicDim(d))
      sizes.push_back(tensor::DimOp::create(b, loc, like, d));
  return tensor::EmptyOp::create(b, loc, type, sizes);
}

LogicalResult mlir::nd4j::resolvePendingDims(Operation *root,
                                             std::string &why) {
  SmallVector<tensor::EmptyOp> empties;
  root->walk([&](tensor::EmptyOp e) {
    if (llvm::any_of(e.getDynamicSizes(), [](Value v) {
          Operation *def = v.getDefiningOp();
          return def && def->hasAttr(kPendingDimAttr);
        }))
      empties.push_back(e);
  });
  for (tensor::EmptyOp e : empties) {
    // The empty is the init of a linalg op, maybe through a fill.
    auto fail = [&](const Twine &reason) {
      why = reason.str();
      return failure();
    };
    if (!e->hasOneUse())
      return fail("a dynamic result is not computed by one linalg op");
    Operation *user = *e->getUsers().begin();
    linalg::FillOp fill = dyn_cast<linalg::FillOp>(user);
    if (fill) {
      if (!fill->hasOneUse())
        return fail("a dynamic result is not computed by one linalg op");
      user = *fill->getUsers().begin();
    }
    auto consumer = dyn_cast<linalg::LinalgOp>(user);
    Value init = fill ? fill.getResult(0) : e.getResult();
    OpOperand *initOperand = nullptr;
    if (consumer)
      for (OpOperand &o : consumer.getDpsInitsMutable())
        if (o.get() == init)
          initOperand = &o;
    if (!initOperand)
      return fail("a dynamic result is not computed by one linalg op");
    AffineMap initMap = consumer.getMatchingIndexingMap(initOperand);
    // Each pending size is the extent of a loop that some input indexes
    // with that loop alone.
    OpBuilder b(consumer);
    e->moveBefore(consumer);
    if (fill)
      fill->moveBefore(consumer);
    b.setInsertionPoint(e);
    unsigned dynIndex = 0;
    for (int64_t d = 0, rank = e.getType().getRank(); d < rank; ++d) {
      if (!e.getType().isDynamicDim(d))
        continue;
      Value size = e.getDynamicSizes()[dynIndex++];
      Operation *pending = size.getDefiningOp();
      if (!pending || !pending->hasAttr(kPendingDimAttr))
        continue;
      auto loop = dyn_cast<AffineDimExpr>(initMap.getResult(d));
      Value extent;
      for (OpOperand *in : consumer.getDpsInputOperands()) {
        auto type = dyn_cast<RankedTensorType>(in->get().getType());
        if (!loop || !type)
          continue;
        AffineMap map = consumer.getMatchingIndexingMap(in);
        for (unsigned r = 0; r < map.getNumResults() && !extent; ++r)
          if (map.getResult(r) == loop)
            extent = tensor::DimOp::create(b, e.getLoc(), in->get(), r);
        if (extent)
          break;
      }
      if (!extent)
        return fail("dimension " + Twine(d) +
                    " of a result is not the extent of an input dimension");
      pending->getResult(0).replaceAllUsesWith(extent);
      pending->erase();
    }
  }
  return success();
}

static TypedAttr getScalarAttr(Builder &b, Type type, double value) {
  if (auto f = dyn_cast<FloatType>(type)) {
    APFloat v(value);
    bool lost;
    v.convert(f.getFloatSemantics(), APFloat::rmNearestTiesToEven, &lost);
    return b.getFloatAttr(type, v);
  }
  if (type.isInteger(1))
    return b.getIntegerAttr(type, value != 0);
  if (type.isUnsignedInteger())
    return b.getIntegerAttr(type, APInt(type.getIntOrFloatBitWidth(),
                                        static_cast<uint64_t>(value),
                                        /*isSigned=*/false,
                                        /*implicitTrunc=*/true));
  return b.getIntegerAttr(type, APInt(type.getIntOrFloatBitWidth(),
                                      static_cast<int64_t>(value),
                                      /*isSigned=*/true,
                                      /*implicitTrunc=*/true));
}

Value mlir::nd4j::createScalar(OpBuilder &b, Location loc, Type type,
                               double value) {
  return arith::ConstantOp::create(b, loc, getScalarAttr(b, type, value));
}

Value mlir::nd4j::createSplat(OpBuilder &b, Location loc, RankedTensorType type,
                              double value) {
  return arith::ConstantOp::create(
      b, loc,
      DenseElementsAttr::get(type,
                             getScalarAttr(b, type.getElementType(), value)));
}

Value mlir::nd4j::createAbsI(OpBuilder &b, Location loc, Value v) {
  Value zero = arith::ConstantOp::create(b, loc, b.getZeroAttr(v.getType()));
  Value negated = arith::SubIOp::create(b, loc, zero, v);
  return arith::MaxSIOp::create(b, loc, v, negated);
}

Value mlir::nd4j::maxOf(OpBuilder &b, Location loc, Value x, Value y,
                        bool isUnsigned) {
  if (isa<FloatType>(getElementTypeOrSelf(x.getType())))
    return arith::MaximumFOp::create(b, loc, x, y);
  return isUnsigned ? arith::MaxUIOp::create(b, loc, x, y).getResult()
                    : arith::MaxSIOp::create(b, loc, x, y).getResult();
}

Value mlir::nd4j::minOf(OpBuilder &b, Location loc, Value x, Value y,
                        bool isUnsigned) {
  if (isa<FloatType>(getElementTypeOrSelf(x.getType())))
    return arith::MinimumFOp::create(b, loc, x, y);
  return isUnsigned ? arith::MinUIOp::create(b, loc, x, y).getResult()
                    : arith::MinSIOp::create(b, loc, x, y).getResult();
}

Value mlir::nd4j::convertScalar(OpBuilder &b, Location loc, Value v, Type to,
                                bool fromUnsigned, bool toUnsigned) {
  Type from = v.getType();
  if (from == to)
    return v;
  bool fromFloat = isa<FloatType>(from), toFloat = isa<FloatType>(to);
  if (to.isInteger(1)) {
    Value zero = createScalar(b, loc, from, 0);
    if (fromFloat)
      return arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNE, v, zero);
    return arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, v, zero);
  }
  fromUnsigned |= from.isInteger(1);
  if (fromFloat && toFloat) {
    if (from.getIntOrFloatBitWidth() < to.getIntOrFloatBitWidth())
      return arith::ExtFOp::create(b, loc, to, v);
    if (from.getIntOrFloatBitWidth() > to.getIntOrFloatBitWidth())
      return arith::TruncFOp::create(b, loc, to, v);
    // bf16 <-> f16: go through f32.
    Value wide = arith::ExtFOp::create(b, loc, b.getF32Type(), v);
    return arith::TruncFOp::create(b, loc, to, wide);
  }
  if (fromFloat)
    return toUnsigned ? arith::FPToUIOp::create(b, loc, to, v).getResult()
                      : arith::FPToSIOp::create(b, loc, to, v).getResult();
  if (toFloat)
    return fromUnsigned ? arith::UIToFPOp::create(b, loc, to, v).getResult()
                        : arith::SIToFPOp::create(b, loc, to, v).getResult();
  unsigned fw = from.getIntOrFloatBitWidth(), tw = to.getIntOrFloatBitWidth();
  if (fw < tw)
    return fromUnsigned ? arith::ExtUIOp::create(b, loc, to, v).getResult()
                        : arith::ExtSIOp::create(b, loc, to, v).getResult();
  if (fw > tw)
    return arith::TruncIOp::create(b, loc, to, v);
  return v;
}

Type mlir::nd4j::getSignlessType(Type type) {
  if (auto t = dyn_cast<RankedTensorType>(type))
    return t.clone(getSignlessType(t.getElementType()));
  if (auto i = dyn_cast<IntegerType>(type); i && !i.isSignless())
    return IntegerType::get(type.getContext(), i.getWidth());
  return type;
}

bool mlir::nd4j::isUnsignedElement(Type type) {
  return getElementTypeOrSelf(type).isUnsignedInteger();
}

AffineMap mlir::nd4j::getBroadcastMap(RankedTensorType operandType,
                                      RankedTensorType resultType,
                                      MLIRContext *ctx) {
  int64_t rank = resultType.getRank(), opRank = operandType.getRank();
  SmallVector<AffineExpr> exprs;
  for (int64_t d = 0; d < opRank; ++d) {
    int64_t resultDim = rank - opRank + d;
    if (operandType.getDimSize(d) == 1 && resultType.getDimSize(resultDim) != 1)
      exprs.push_back(getAffineConstantExpr(0, ctx));
    else
      exprs.push_back(getAffineDimExpr(resultDim, ctx));
  }
  return AffineMap::get(rank, 0, exprs, ctx);
}

Value mlir::nd4j::createElementwise(OpBuilder &b, Location loc,
                                    RankedTensorType resultType,
                                    ValueRange operands, ScalarBodyFn body) {
  MLIRContext *ctx = b.getContext();
  SmallVector<AffineMap> maps;
  for (Value v : operands)
    maps.push_back(
        getBroadcastMap(cast<RankedTensorType>(v.getType()), resultType, ctx));
  maps.push_back(AffineMap::getMultiDimIdentityMap(resultType.getRank(), ctx));
  SmallVector<utils::IteratorType> iterators(resultType.getRank(),
                                             utils::IteratorType::parallel);
  auto generic = linalg::GenericOp::create(
      b, loc, resultType, operands, createEmpty(b, loc, resultType), maps,
      iterators, [&](OpBuilder &nb, Location nloc, ValueRange args) {
        Value r = body(nb, nloc, args.drop_back());
        linalg::YieldOp::create(nb, nloc, r);
      });
  return generic.getResult(0);
}

int64_t mlir::nd4j::normalizeAxis(int64_t axis, int64_t rank) {
  return axis < 0 ? axis + rank : axis;
}

void mlir::nd4j::emitShapeChecks(Operation *root, StringRef message) {
  SmallVector<linalg::LinalgOp> ops;
  root->walk([&](linalg::LinalgOp op) { ops.push_back(op); });
  for (linalg::LinalgOp op : ops) {
    // Loop → the (operand, dimension) pairs that index it alone.
    SmallVector<SmallVector<std::pair<Value, int64_t>>> byLoop(
        op.getNumLoops());
    bool dynamic = false;
    for (OpOperand &operand : op->getOpOperands()) {
      auto type = dyn_cast<RankedTensorType>(operand.get().getType());
      if (!type)
        continue;
      AffineMap map = op.getMatchingIndexingMap(&operand);
      for (unsigned r = 0; r < map.getNumResults(); ++r)
        if (auto loop = dyn_cast<AffineDimExpr>(map.getResult(r))) {
          byLoop[loop.getPosition()].emplace_back(operand.get(), r);
          dynamic |= type.isDynamicDim(r);
        }
    }
    if (!dynamic)
      continue;
    OpBuilder b(op);
    Location loc = op.getLoc();
    auto sizeOf = [&](Value v, int64_t d) -> Value {
      auto type = cast<RankedTensorType>(v.getType());
      if (!type.isDynamicDim(d))
        return arith::ConstantIndexOp::create(b, loc, type.getDimSize(d));
      return tensor::DimOp::create(b, loc, v, d);
    };
    for (auto &pairs : byLoop) {
      if (pairs.size() < 2 ||
          llvm::all_of(pairs, [](const std::pair<Value, int64_t> &p) {
            return !cast<RankedTensorType>(p.first.getType())
                        .isDynamicDim(p.second);
          }))
        continue;
      Value first = sizeOf(pairs[0].first, pairs[0].second);
      for (auto &[v, d] : ArrayRef(pairs).drop_front()) {
        Value same = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq,
                                           first, sizeOf(v, d));
        cf::AssertOp::create(b, loc, same, message);
      }
    }
  }
}
