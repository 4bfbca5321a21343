//===- CpuParallel.cpp - scf.forall to thread-pool calls -------*- C++ -*-===//
//
// nd4j-cpu-outline-parallel (Passes.td): the buffer-level half of running
// chunked loops on the runtime's thread pool. The LLVM-level half (the
// launch functions, which call the context's parallel_for through a
// trampoline) is in EmitEntryPoint.cpp.
//
//===----------------------------------------------------------------------===//

#include "passes/Pipelines/Pipelines.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/Transforms/RegionUtils.h"

namespace mlir {
namespace nd4j {
#define GEN_PASS_DEF_ND4JCPUOUTLINEPARALLELPASS
#include "passes/Pipelines/Passes.h.inc"
} // namespace nd4j
} // namespace mlir

using namespace mlir;
using namespace mlir::nd4j;

namespace {

/// Values that cross the bare-pointer call into an outlined function as
/// they are: identity-layout static buffers and scalars.
bool isPassable(Value v) {
  Type t = v.getType();
  if (auto m = dyn_cast<MemRefType>(t))
    return m.hasStaticShape() && m.getLayout().isIdentity() &&
           m.getMemorySpace() == nullptr;
  return t.isIntOrIndexOrFloat();
}

/// Other strided buffers (run-time sizes, a subview's offset or strides)
/// cross as their base buffer (a rank-0 memref) and the run-time parts of
/// their offset, sizes and strides; the body rebuilds them with
/// memref.reinterpret_cast.
bool isDecomposable(Value v) {
  auto m = dyn_cast<MemRefType>(v.getType());
  return m && !isPassable(v) && m.getMemorySpace() == nullptr && m.isStrided();
}

bool canCapture(Value v) { return isPassable(v) || isDecomposable(v); }

/// The call operands that carry `captures` (metadata extracted at `b`).
SmallVector<Value> lowerCaptures(OpBuilder &b, Location loc,
                                 ArrayRef<Value> captures) {
  SmallVector<Value> out;
  for (Value v : captures) {
    if (!isDecomposable(v)) {
      out.push_back(v);
      continue;
    }
    auto type = cast<MemRefType>(v.getType());
    auto [strides, offset] = type.getStridesAndOffset();
    auto meta = memref::ExtractStridedMetadataOp::create(b, loc, v);
    out.push_back(meta.getBaseBuffer());
    if (ShapedType::isDynamic(offset))
      out.push_back(meta.getOffset());
    for (unsigned i = 0, e = type.getRank(); i < e; ++i)
      if (type.isDynamicDim(i))
        out.push_back(meta.getSizes()[i]);
    for (unsigned i = 0, e = type.getRank(); i < e; ++i)
      if (ShapedType::isDynamic(strides[i]))
        out.push_back(meta.getStrides()[i]);
  }
  return out;
}

/// Maps each of `captures` to its value in a body whose arguments start
/// with `args` (the parameters of lowerCaptures' operands).
void raiseCaptures(OpBuilder &b, Location loc, ArrayRef<Value> captures,
                   ValueRange args, IRMapping &map) {
  auto next = args.begin();
  for (Value v : captures) {
    if (!isDecomposable(v)) {
      map.map(v, *next++);
      continue;
    }
    auto type = cast<MemRefType>(v.getType());
    auto [strides, offset] = type.getStridesAndOffset();
    Value base = *next++;
    auto part = [&](int64_t fixed) -> OpFoldResult {
      if (ShapedType::isDynamic(fixed))
        return *next++;
      return b.getIndexAttr(fixed);
    };
    OpFoldResult off = part(offset);
    SmallVector<OpFoldResult> sizes, steps;
    for (int64_t size : type.getShape())
      sizes.push_back(part(size));
    for (int64_t stride : strides)
      steps.push_back(part(stride));
    map.map(v, memref::ReinterpretCastOp::create(b, loc, type, base, off, sizes,
                                                 steps));
  }
}

/// Ops cloned into the body instead of captured.
bool isRematerializable(Operation *op) {
  return op && (op->hasTrait<OpTrait::ConstantLike>() ||
                isa<memref::GetGlobalOp>(op));
}

/// A private function `name(operands..., extra...)` at the end of `module`,
/// where `operands` are lowerCaptures' values for `captures` (built at
/// `callSite`), whose entry block maps the captures to its arguments and
/// holds clones of `clones`; `map` and the returned builder continue the
/// body.
func::FuncOp createOutlinedFunction(
    ModuleOp module, Location loc, StringRef name, ArrayRef<Value> captures,
    ArrayRef<Type> extra, ArrayRef<Operation *> clones, IRMapping &map,
    OpBuilder &body, OpBuilder &callSite, SmallVectorImpl<Value> &operands) {
  operands.assign(lowerCaptures(callSite, loc, captures));
  OpBuilder b = OpBuilder::atBlockEnd(module.getBody());
  SmallVector<Type> argTypes;
  for (Value v : operands)
    argTypes.push_back(v.getType());
  argTypes.append(extra.begin(), extra.end());
  auto fn = func::FuncOp::create(
      b, loc, name, FunctionType::get(module.getContext(), argTypes, {}));
  fn.setPrivate();
  Block *entry = fn.addEntryBlock();
  body.setInsertionPointToStart(entry);
  raiseCaptures(body, loc, captures,
                entry->getArguments().take_front(operands.size()), map);
  for (Operation *op : clones)
    if (!map.contains(op->getResult(0)))
      body.clone(*op, map);
  return fn;
}

struct Nd4jCpuOutlineParallelPass
    : public nd4j::impl::Nd4jCpuOutlineParallelPassBase<
          Nd4jCpuOutlineParallelPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    SmallVector<scf::ForallOp> loops;
    module.walk([&](scf::ForallOp loop) {
      if (!loop->getParentOfType<scf::ForallOp>())
        loops.push_back(loop);
    });
    unsigned counter = 0;
    for (scf::ForallOp loop : loops)
      (void)outline(loop, counter);

    // The remaining loop nests of graph functions get functions of their
    // own too (serial, never inlined): LLVM's optimizations and code
    // generation are superlinear in a function's size, and a graph
    // function with hundreds of inlined, unrolled loop nests is huge.
    SmallVector<Operation *> nests;
    for (auto fn : module.getOps<func::FuncOp>())
      if (!fn.isExternal() && !fn.getName().starts_with("__nd4j_"))
        for (Operation &op : fn.getBody().front())
          if (op.getNumResults() == 0 &&
              (isa<scf::ForOp>(op) ||
               (isa<linalg::LinalgOp>(op) && !isa<linalg::FillOp>(op))))
            nests.push_back(&op);
    unsigned seq = 0;
    for (Operation *nest : nests)
      (void)outlineSerial(nest, seq);
  }

  /// Captures of `region`: passable values, and ops to clone instead.
  LogicalResult getCaptures(Region &region, SmallVectorImpl<Value> &captures,
                            SmallVectorImpl<Operation *> &clones) {
    SetVector<Value> above;
    getUsedValuesDefinedAbove(region, above);
    for (Value v : above) {
      if (isRematerializable(v.getDefiningOp())) {
        clones.push_back(v.getDefiningOp());
        continue;
      }
      if (!canCapture(v))
        return failure();
      captures.push_back(v);
    }
    return success();
  }

  LogicalResult outlineSerial(Operation *nest, unsigned &counter) {
    SmallVector<Value> captures;
    SmallVector<Operation *> clones;
    SetVector<Value> seen;
    for (Value operand : nest->getOperands()) {
      if (!seen.insert(operand))
        continue;
      if (isRematerializable(operand.getDefiningOp()))
        clones.push_back(operand.getDefiningOp());
      else if (canCapture(operand))
        captures.push_back(operand);
      else
        return failure();
    }
    for (Region &region : nest->getRegions()) {
      SmallVector<Value> inner;
      if (failed(getCaptures(region, inner, clones)))
        return failure();
      for (Value v : inner)
        if (seen.insert(v))
          captures.push_back(v);
    }
    auto module = nest->getParentOfType<ModuleOp>();
    Location loc = nest->getLoc();
    IRMapping map;
    OpBuilder fb(&getContext());
    OpBuilder cb(nest);
    SmallVector<Value> operands;
    func::FuncOp fn = createOutlinedFunction(
        module, loc, ("__nd4j_seq_" + Twine(counter++)).str(), captures, {},
        clones, map, fb, cb, operands);
    fb.clone(*nest, map);
    func::ReturnOp::create(fb, loc);
    func::CallOp::create(cb, loc, fn, operands);
    nest->erase();
    return success();
  }

  LogicalResult outline(scf::ForallOp loop, unsigned &counter) {
    if (loop.getRank() != 1 || loop.getNumResults() != 0)
      return failure();
    std::optional<int64_t> lbv = getConstantIntValue(
                               loop.getMixedLowerBound()[0]),
                           ubv = getConstantIntValue(
                               loop.getMixedUpperBound()[0]),
                           stepv = getConstantIntValue(loop.getMixedStep()[0]);
    if (!lbv || !ubv || !stepv || *stepv <= 0)
      return failure();
    int64_t lb = *lbv, step = *stepv;
    int64_t n = (*ubv - lb + step - 1) / step;
    if (n < 2)
      return failure();

    SmallVector<Value> captures;
    SmallVector<Operation *> clones;
    if (failed(getCaptures(loop.getRegion(), captures, clones)))
      return failure();

    auto module = loop->getParentOfType<ModuleOp>();
    OpBuilder b(module.getBodyRegion());
    b.setInsertionPointToEnd(module.getBody());
    Location loc = loop.getLoc();
    MLIRContext *ctx = &getContext();
    IndexType index = b.getIndexType();
    unsigned k = counter++;

    // The body: iterations [begin, end) of the loop, serially.
    IRMapping map;
    OpBuilder bb(ctx);
    OpBuilder lb2(loop);
    SmallVector<Value> operands;
    func::FuncOp body = createOutlinedFunction(
        module, loc, ("__nd4j_par_body_" + Twine(k)).str(), captures,
        {index, index}, clones, map, bb, lb2, operands);
    Block *entry = &body.front();
    Value begin = entry->getArgument(operands.size());
    Value end = entry->getArgument(operands.size() + 1);
    Value one = arith::ConstantIndexOp::create(bb, loc, 1);
    auto serial = scf::ForOp::create(bb, loc, begin, end, one);
    func::ReturnOp::create(bb, loc);
    bb.setInsertionPointToStart(serial.getBody());
    Value iv = serial.getInductionVar();
    Value scaled = arith::MulIOp::create(
        bb, loc, iv, arith::ConstantIndexOp::create(bb, loc, step));
    Value original = arith::AddIOp::create(
        bb, loc, scaled, arith::ConstantIndexOp::create(bb, loc, lb));
    map.map(loop.getInductionVar(0), original);
    for (Operation &op : loop.getBody()->without_terminator())
      bb.clone(op, map);

    // The launch declaration, defined at the LLVM level.
    SmallVector<Type> launchArgs;
    for (Value v : operands)
      launchArgs.push_back(v.getType());
    launchArgs.push_back(index);
    auto launch =
        func::FuncOp::create(b, loc, ("__nd4j_par_launch_" + Twine(k)).str(),
                             FunctionType::get(ctx, launchArgs, {}));
    launch.setPrivate();

    operands.push_back(arith::ConstantIndexOp::create(lb2, loc, n));
    func::CallOp::create(lb2, loc, launch, operands);
    loop.erase();
    return success();
  }
};

} // namespace
