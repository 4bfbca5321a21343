//===- GpuEmulate.cpp - run gpu.launch kernels as CPU loops -----*- C++ -*-===//
//
// nd4j-gpu-emulate: the GPU pipeline's host code and kernels, before kernel
// outlining, made CPU code: each gpu.launch becomes an scf.parallel over its
// blocks and threads, gpu.alloc/dealloc/memcpy become their memref twins.
// The result compiles with the CPU pipeline's lowering, so the GPU-specific
// transformations (block tiling and mapping, device twins, single-thread
// kernels, values staged to the host) are checked numerically without a GPU.
//
//===----------------------------------------------------------------------===//

#include "passes/Pipelines/Pipelines.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/SetVector.h"

namespace mlir {
namespace nd4j {
#define GEN_PASS_DEF_ND4JGPUEMULATEPASS
#include "passes/Pipelines/Passes.h.inc"
} // namespace nd4j
} // namespace mlir

using namespace mlir;
using namespace mlir::nd4j;

namespace {

/// gpu.launch → scf.parallel (grid z, y, x, block z, y, x) around its body.
LogicalResult emulateLaunch(gpu::LaunchOp launch) {
  Region &region = launch.getBody();
  if (!region.hasOneBlock())
    return launch.emitError("nd4j-gpu-emulate: a kernel of one block only");
  if (!launch.getAsyncDependencies().empty() || launch.getAsyncToken() ||
      launch.getDynamicSharedMemorySize() || launch.hasClusterSize())
    return launch.emitError("nd4j-gpu-emulate: synchronous launches without "
                            "shared memory or clusters only");
  WalkResult unsupported = region.walk([](Operation *op) {
    if (isa<gpu::GPUDialect>(op->getDialect()) && !isa<gpu::TerminatorOp>(op))
      return WalkResult::interrupt();
    return WalkResult::advance();
  });
  if (unsupported.wasInterrupted())
    return launch.emitError(
        "nd4j-gpu-emulate: kernels with gpu operations (barriers, ids) are "
        "not emulated");

  OpBuilder b(launch);
  Location loc = launch.getLoc();
  gpu::KernelDim3 grid = launch.getGridSizeOperandValues();
  gpu::KernelDim3 block = launch.getBlockSizeOperandValues();
  Value zero = arith::ConstantIndexOp::create(b, loc, 0);
  Value one = arith::ConstantIndexOp::create(b, loc, 1);
  SmallVector<Value> upper = {grid.z,  grid.y,  grid.x,
                              block.z, block.y, block.x};
  auto parallel = scf::ParallelOp::create(b, loc, SmallVector<Value>(6, zero),
                                          upper, SmallVector<Value>(6, one));
  Block *body = parallel.getBody();
  auto ivs = body->getArguments();
  gpu::KernelDim3 blockIds = launch.getBlockIds();
  gpu::KernelDim3 threadIds = launch.getThreadIds();
  gpu::KernelDim3 gridArgs = launch.getGridSize();
  gpu::KernelDim3 blockArgs = launch.getBlockSize();
  std::pair<Value, Value> replacements[] = {
      {blockIds.z, ivs[0]},   {blockIds.y, ivs[1]},   {blockIds.x, ivs[2]},
      {threadIds.z, ivs[3]},  {threadIds.y, ivs[4]},  {threadIds.x, ivs[5]},
      {gridArgs.x, grid.x},   {gridArgs.y, grid.y},   {gridArgs.z, grid.z},
      {blockArgs.x, block.x}, {blockArgs.y, block.y}, {blockArgs.z, block.z}};
  for (auto [from, to] : replacements)
    from.replaceAllUsesWith(to);
  Block &kernel = region.front();
  kernel.getTerminator()->erase();
  body->getOperations().splice(body->getTerminator()->getIterator(),
                               kernel.getOperations());
  launch.erase();
  return success();
}

struct Nd4jGpuEmulatePass
    : public nd4j::impl::Nd4jGpuEmulatePassBase<Nd4jGpuEmulatePass> {
  void runOnOperation() override {
    SmallVector<Operation *> ops;
    getOperation().walk([&](Operation *op) {
      if (isa<gpu::LaunchOp, gpu::AllocOp, gpu::DeallocOp, gpu::MemcpyOp,
              gpu::WaitOp>(op))
        ops.push_back(op);
    });
    // The device copies of constants (nd4j-gpu-host-buffers) are the host
    // globals themselves.
    SmallVector<func::CallOp> constants;
    getOperation().walk([&](func::CallOp call) {
      auto callee =
          SymbolTable::lookupNearestSymbolFrom(call, call.getCalleeAttr());
      if (callee && callee->hasAttr("nd4j.device_constant"))
        constants.push_back(call);
    });
    SetVector<Operation *> declarations;
    for (func::CallOp call : constants) {
      Operation *callee =
          SymbolTable::lookupNearestSymbolFrom(call, call.getCalleeAttr());
      declarations.insert(callee);
      auto global =
          cast<FlatSymbolRefAttr>(callee->getAttr("nd4j.device_constant"));
      OpBuilder b(call);
      Value host = memref::GetGlobalOp::create(
          b, call.getLoc(), call.getResult(0).getType(), global.getValue());
      call.getResult(0).replaceAllUsesWith(host);
      call.erase();
    }
    for (Operation *declaration : declarations)
      declaration->erase();
    for (Operation *op : ops) {
      if (auto launch = dyn_cast<gpu::LaunchOp>(op)) {
        if (failed(emulateLaunch(launch)))
          return signalPassFailure();
        continue;
      }
      if (auto async = dyn_cast<gpu::AsyncOpInterface>(op);
          async &&
          (!async.getAsyncDependencies().empty() || async.getAsyncToken())) {
        op->emitError("nd4j-gpu-emulate: synchronous gpu operations only");
        return signalPassFailure();
      }
      OpBuilder b(op);
      Location loc = op->getLoc();
      if (auto alloc = dyn_cast<gpu::AllocOp>(op)) {
        auto host = memref::AllocOp::create(b, loc, alloc.getType(),
                                            alloc.getDynamicSizes(),
                                            alloc.getSymbolOperands());
        alloc.getMemref().replaceAllUsesWith(host);
      } else if (auto dealloc = dyn_cast<gpu::DeallocOp>(op)) {
        memref::DeallocOp::create(b, loc, dealloc.getMemref());
      } else if (auto copy = dyn_cast<gpu::MemcpyOp>(op)) {
        memref::CopyOp::create(b, loc, copy.getSrc(), copy.getDst());
      }
      op->erase();
    }
  }
};

} // namespace
