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
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Interfaces/ViewLikeInterface.h"
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

/// Where a buffer lives, found from the operation that made it (through
/// views and selects).
enum class Placement { Device, Host, Unknown };

/// Whether `call` calls a device copy of a constant (nd4j-gpu-host-buffers);
/// returns the declaration.
Operation *deviceConstantCallee(func::CallOp call, const SymbolTable &symbols) {
  Operation *callee = symbols.lookup(call.getCallee());
  return callee && callee->hasAttr("nd4j.device_constant") ? callee : nullptr;
}

Placement placementOf(Value buffer, Operation *kernel,
                      const SymbolTable &symbols) {
  SmallVector<Value> work = {buffer};
  bool device = false, host = false;
  DenseSet<Value> seen;
  while (!work.empty()) {
    Value value = work.pop_back_val();
    if (!seen.insert(value).second)
      continue;
    Operation *def = value.getDefiningOp();
    if (!def) {
      // Arguments of the function are the caller's host buffers.
      auto arg = cast<BlockArgument>(value);
      if (isa<FunctionOpInterface>(arg.getOwner()->getParentOp()))
        host = true;
      else
        return Placement::Unknown;
      continue;
    }
    if (kernel && kernel->isAncestor(def)) {
      device = true; // Made in the kernel (private memory, device globals).
    } else if (isa<gpu::AllocOp>(def)) {
      device = true;
    } else if (auto call = dyn_cast<func::CallOp>(def)) {
      if (!deviceConstantCallee(call, symbols))
        return Placement::Unknown;
      device = true;
    } else if (isa<memref::AllocOp, memref::AllocaOp, memref::GetGlobalOp>(
                   def)) {
      host = true;
    } else if (auto view = dyn_cast<ViewLikeOpInterface>(def)) {
      work.push_back(view.getViewSource());
    } else if (auto select = dyn_cast<arith::SelectOp>(def)) {
      work.push_back(select.getTrueValue());
      work.push_back(select.getFalseValue());
    } else {
      return Placement::Unknown;
    }
  }
  if (device && host)
    return Placement::Unknown;
  return device ? Placement::Device : Placement::Host;
}

/// The check emulation cannot make by running: kernels touch only device
/// memory and host code (outside kernels, apart from gpu operations) only
/// host memory. A CPU runs either way; a GPU would fault. Buffers are
/// traced to what made them: gpu.alloc and the weights' device copies (or
/// the kernel itself) are device memory; function arguments, memref.alloc,
/// alloca and get_global outside kernels host memory; anything else is an
/// error rather than a guess.
LogicalResult verifyPlacement(FunctionOpInterface fn,
                              const SymbolTable &symbols) {
  WalkResult result = fn->walk([&](Operation *op) {
    if (isa<gpu::GPUDialect>(op->getDialect()))
      return WalkResult::advance();
    auto effects = dyn_cast<MemoryEffectOpInterface>(op);
    if (!effects)
      return WalkResult::advance();
    Operation *kernel = op->getParentOfType<gpu::LaunchOp>();
    SmallVector<MemoryEffects::EffectInstance> instances;
    effects.getEffects(instances);
    for (const MemoryEffects::EffectInstance &effect : instances) {
      Value buffer = effect.getValue();
      if (!buffer || !isa<BaseMemRefType>(buffer.getType()) ||
          !isa<MemoryEffects::Read, MemoryEffects::Write>(effect.getEffect()))
        continue;
      Placement placement = placementOf(buffer, kernel, symbols);
      if (placement == Placement::Unknown) {
        op->emitError("nd4j-gpu-emulate: cannot tell whether a buffer this "
                      "accesses is device or host memory");
        return WalkResult::interrupt();
      }
      if (kernel && placement == Placement::Host) {
        op->emitError("nd4j-gpu-emulate: a kernel accesses host memory");
        return WalkResult::interrupt();
      }
      if (!kernel && placement == Placement::Device) {
        op->emitError("nd4j-gpu-emulate: host code accesses device memory");
        return WalkResult::interrupt();
      }
    }
    return WalkResult::advance();
  });
  return failure(result.wasInterrupted());
}

struct Nd4jGpuEmulatePass
    : public nd4j::impl::Nd4jGpuEmulatePassBase<Nd4jGpuEmulatePass> {
  void runOnOperation() override {
    SymbolTable symbols(getOperation());
    for (auto fn : getOperation().getOps<FunctionOpInterface>())
      if (failed(verifyPlacement(fn, symbols)))
        return signalPassFailure();
    SmallVector<Operation *> ops;
    getOperation().walk([&](Operation *op) {
      if (isa<gpu::LaunchOp, gpu::AllocOp, gpu::DeallocOp, gpu::MemcpyOp,
              gpu::WaitOp>(op))
        ops.push_back(op);
    });
    // The device copies of constants (nd4j-gpu-host-buffers) are the host
    // globals themselves.
    SmallVector<std::pair<func::CallOp, Operation *>> constants;
    getOperation().walk([&](func::CallOp call) {
      if (Operation *callee = deviceConstantCallee(call, symbols))
        constants.emplace_back(call, callee);
    });
    SetVector<Operation *> declarations;
    for (auto [call, callee] : constants) {
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
