//===- GpuHost.cpp - launch configuration and host buffers -----*- C++ -*-===//
//
// The NVPTX pipeline's own passes between the parallel loops and kernel
// outlining: greedy block tiling and mapping of scf.parallel, device twins
// and copies for every buffer the host code owns or was given, and
// single-thread kernels for host code that still touches memory.
//
//===----------------------------------------------------------------------===//

#include "passes/Pipelines/Pipelines.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/GPU/Transforms/ParallelLoopMapper.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/SCF/Transforms/Transforms.h"
#include "mlir/Dialect/SCF/Utils/Utils.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Interfaces/ViewLikeInterface.h"
#include "llvm/ADT/StringSet.h"

#include <numeric>

namespace mlir {
namespace nd4j {
#define GEN_PASS_DEF_ND4JGPUMAPPARALLELLOOPSPASS
#define GEN_PASS_DEF_ND4JGPUHOSTBUFFERSPASS
#define GEN_PASS_DEF_ND4JGPUWRAPHOSTCODEPASS
#define GEN_PASS_DEF_ND4JGPUMERGEMODULESPASS
#include "passes/Pipelines/Passes.h.inc"
} // namespace nd4j
} // namespace mlir

using namespace mlir;
using namespace mlir::nd4j;

namespace {

/// Marks the declarations of the device copies of constant globals.
constexpr StringLiteral kDeviceConstantAttr = "nd4j.device_constant";

bool isInKernel(Operation *op) {
  return op->getParentOfType<gpu::LaunchOp>() != nullptr;
}

/// The largest divisor of `n` that is at most `cap` (at least 1).
int64_t largestDivisor(int64_t n, int64_t cap) {
  for (int64_t d = std::min(n, cap); d > 1; --d)
    if (n % d == 0)
      return d;
  return 1;
}

//===----------------------------------------------------------------------===//
// nd4j-gpu-map-parallel-loops
//===----------------------------------------------------------------------===//

/// The grid's y and z dimensions hold at most 65535 blocks (x: 2^31 - 1).
constexpr int64_t kMaxGridYZ = 65535;

/// Mapping of a loop's dimensions: innermost → x, then y, then z; outer
/// dimensions beyond three are sequential, and so is a grid dimension y or
/// z of more blocks than the GPU launches (the kernel loops over it).
LogicalResult setMapping(scf::ParallelOp loop, bool blocks,
                         ArrayRef<int64_t> gridSizes = {}) {
  MLIRContext *ctx = loop.getContext();
  unsigned rank = loop.getNumLoops();
  const gpu::Processor grid[] = {gpu::Processor::BlockX, gpu::Processor::BlockY,
                                 gpu::Processor::BlockZ};
  const gpu::Processor threads[] = {gpu::Processor::ThreadX,
                                    gpu::Processor::ThreadY,
                                    gpu::Processor::ThreadZ};
  AffineMap identity = AffineMap::getMultiDimIdentityMap(1, ctx);
  SmallVector<gpu::ParallelLoopDimMappingAttr> mapping;
  for (unsigned i = 0; i < rank; ++i) {
    unsigned fromInner = rank - 1 - i;
    gpu::Processor processor = fromInner < 3
                                   ? (blocks ? grid : threads)[fromInner]
                                   : gpu::Processor::Sequential;
    if (blocks && fromInner > 0 && fromInner < 3 && !gridSizes.empty() &&
        gridSizes[i] > kMaxGridYZ)
      processor = gpu::Processor::Sequential;
    mapping.push_back(gpu::ParallelLoopDimMappingAttr::get(ctx, processor,
                                                           identity, identity));
  }
  return gpu::setMappingAttr(loop, mapping);
}

struct Nd4jGpuMapParallelLoopsPass
    : public nd4j::impl::Nd4jGpuMapParallelLoopsPassBase<
          Nd4jGpuMapParallelLoopsPass> {
  using Base::Base;

  /// Collapses `loop` (static, `total` iterations) into one dimension,
  /// innermost fastest, and maps it to blocks of `blockSize` threads in x;
  /// the threads past the end of the last block do nothing.
  LogicalResult mapFlattened(scf::ParallelOp loop, int64_t total) {
    if (loop.getNumLoops() > 1) {
      IRRewriter rewriter(loop.getContext());
      rewriter.setInsertionPoint(loop);
      Operation *next = loop->getNextNode();
      std::vector<unsigned> all(loop.getNumLoops());
      std::iota(all.begin(), all.end(), 0u);
      collapseParallelLoops(rewriter, loop, {all});
      loop = dyn_cast_or_null<scf::ParallelOp>(next->getPrevNode());
      if (!loop || loop.getNumLoops() != 1)
        return next->emitError("nd4j-gpu-map-parallel-loops: collapsing a "
                               "parallel loop did not give one loop");
    }
    int64_t tile = std::min<int64_t>(blockSize, total);
    bool exact = total % tile == 0;
    auto [outer, inner] =
        scf::tileParallelLoop(loop, {tile}, /*noMinMaxBounds=*/exact);
    if (!exact) {
      // min(tile, total - block start), with the constants folded in, so
      // that convert-parallel-loops-to-gpu launches `tile` threads and
      // guards the body.
      auto min = inner.getUpperBound()[0].getDefiningOp<affine::AffineMinOp>();
      if (!min)
        return inner.emitError("nd4j-gpu-map-parallel-loops: expected an "
                               "affine.min bound after tiling");
      OpBuilder b(min);
      AffineExpr start = b.getAffineDimExpr(0);
      auto map = AffineMap::get(1, 0,
                                {b.getAffineConstantExpr(tile),
                                 b.getAffineConstantExpr(total) - start},
                                b.getContext());
      Value bound = affine::AffineMinOp::create(b, min.getLoc(), map,
                                                outer.getInductionVars());
      min.replaceAllUsesWith(bound);
      min.erase();
    }
    if (failed(setMapping(outer, /*blocks=*/true)) ||
        failed(setMapping(inner, /*blocks=*/false)))
      return failure();
    return success();
  }

  void runOnOperation() override {
    SmallVector<scf::ParallelOp> roots;
    getOperation().walk([&](scf::ParallelOp loop) {
      if (!loop->getParentOfType<scf::ParallelOp>() && !isInKernel(loop))
        roots.push_back(loop);
    });
    for (scf::ParallelOp loop : roots) {
      unsigned rank = loop.getNumLoops();
      SmallVector<int64_t> tiles(rank, 1), gridSizes(rank, 1);
      bool isStatic = true;
      int64_t budget = blockSize;
      for (unsigned i = 0; i < rank; ++i) {
        unsigned dim = rank - 1 - i;
        std::optional<int64_t> lb =
            getConstantIntValue(loop.getLowerBound()[dim]);
        std::optional<int64_t> ub =
            getConstantIntValue(loop.getUpperBound()[dim]);
        std::optional<int64_t> step = getConstantIntValue(loop.getStep()[dim]);
        if (!lb || !ub || !step || *step <= 0) {
          isStatic = false;
          break;
        }
        if (i >= 3)
          continue;
        int64_t trips = (*ub - *lb + *step - 1) / *step;
        int64_t cap = i == 2 ? std::min<int64_t>(budget, 64) : budget;
        tiles[dim] = largestDivisor(std::max<int64_t>(trips, 1), cap);
        gridSizes[dim] = trips / tiles[dim];
        budget /= tiles[dim];
      }
      if (!isStatic) {
        // One thread per iteration of the outer dimensions; still correct.
        if (failed(setMapping(loop, /*blocks=*/true)))
          return signalPassFailure();
        continue;
      }
      int64_t threads = 1, total = 1;
      for (unsigned dim = 0; dim < rank; ++dim) {
        int64_t lb = *getConstantIntValue(loop.getLowerBound()[dim]);
        int64_t ub = *getConstantIntValue(loop.getUpperBound()[dim]);
        int64_t step = *getConstantIntValue(loop.getStep()[dim]);
        threads *= tiles[dim];
        total *= std::max<int64_t>((ub - lb + step - 1) / step, 0);
      }
      bool normalized = llvm::all_of(loop.getLowerBound(), isZeroInteger) &&
                        llvm::all_of(loop.getStep(), isOneInteger);
      if (normalized && threads * 4 < std::min<int64_t>(blockSize, total)) {
        // Trip counts without good divisors (primes) would give blocks of a
        // few threads: one dimension of full blocks instead, the last one
        // guarded.
        if (failed(mapFlattened(loop, total)))
          return signalPassFailure();
        continue;
      }
      auto [outer, inner] =
          scf::tileParallelLoop(loop, tiles, /*noMinMaxBounds=*/true);
      if (failed(setMapping(outer, /*blocks=*/true, gridSizes)) ||
          failed(setMapping(inner, /*blocks=*/false)))
        return signalPassFailure();
    }
  }
};

//===----------------------------------------------------------------------===//
// nd4j-gpu-host-buffers
//===----------------------------------------------------------------------===//

/// A device buffer of `type` before `op`, freed before the terminator of
/// `op`'s block.
Value allocDeviceTwin(OpBuilder &b, Location loc, MemRefType type,
                      ValueRange dynamicSizes, ValueRange symbols,
                      Block *scope) {
  auto alloc = gpu::AllocOp::create(b, loc, type, /*asyncToken=*/Type(),
                                    ValueRange{}, dynamicSizes, symbols);
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPoint(scope->getTerminator());
  gpu::DeallocOp::create(b, loc, /*asyncToken=*/Type(), ValueRange{},
                         alloc.getMemref());
  return alloc.getMemref();
}

/// The device copy of the constant global `global` in `fn`: a call, at the
/// start of `fn`, to `__nd4j_device_<global>`, a declaration marked
/// `nd4j.device_constant` that nd4j-emit-entry-point defines (upload on
/// first use through the runtime's nd4jGpuConstant, freed when the library
/// is unloaded). One call per function and global.
Value deviceConstant(
    ModuleOp module, SymbolTable &symbols, func::FuncOp fn,
    memref::GlobalOp global,
    DenseMap<std::pair<Operation *, Operation *>, Value> &cache) {
  Value &value = cache[{fn, global}];
  if (value)
    return value;
  std::string name = ("__nd4j_device_" + global.getSymName()).str();
  auto type = cast<MemRefType>(global.getType());
  auto declaration = symbols.lookup<func::FuncOp>(name);
  if (!declaration || !declaration->hasAttr(kDeviceConstantAttr)) {
    OpBuilder b(module.getContext());
    declaration = func::FuncOp::create(b, global.getLoc(), name,
                                       b.getFunctionType({}, {type}));
    declaration.setPrivate();
    declaration->setAttr(kDeviceConstantAttr,
                         FlatSymbolRefAttr::get(global.getSymNameAttr()));
    symbols.insert(declaration, module.getBody()->begin());
  }
  OpBuilder b = OpBuilder::atBlockBegin(&fn.getBody().front());
  value = func::CallOp::create(b, global.getLoc(), declaration).getResult(0);
  return value;
}

struct Nd4jGpuHostBuffersPass
    : public nd4j::impl::Nd4jGpuHostBuffersPassBase<Nd4jGpuHostBuffersPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    DenseMap<std::pair<Operation *, Operation *>, Value> deviceConstants;
    SymbolTable symbols(module);
    auto entries = module->getAttrOfType<DictionaryAttr>("nd4j.entry_points");
    for (auto fn : module.getOps<func::FuncOp>()) {
      if (fn.isExternal())
        continue;
      if (!fn.getBody().hasOneBlock()) {
        fn.emitError("nd4j-gpu-host-buffers expects single-block functions");
        return signalPassFailure();
      }
      // Arguments: inputs are read, outputs written; without an entry
      // point record every argument is both.
      int64_t numInputs = fn.getNumArguments();
      bool knownOutputs = false;
      if (entries)
        if (auto info = entries.getAs<DictionaryAttr>(fn.getSymName()))
          if (auto inputs = info.getAs<IntegerAttr>("inputs")) {
            numInputs = inputs.getInt();
            knownOutputs = true;
          }
      Block &entry = fn.getBody().front();
      OpBuilder b = OpBuilder::atBlockBegin(&entry);
      SmallVector<std::pair<BlockArgument, Value>> twins;
      for (BlockArgument arg : fn.getArguments()) {
        auto type = dyn_cast<MemRefType>(arg.getType());
        if (!type)
          continue;
        if (!type.hasStaticShape() || !type.getLayout().isIdentity()) {
          fn.emitError("GPU entry points take static identity-layout "
                       "buffers; argument #")
              << arg.getArgNumber() << " is " << type;
          return signalPassFailure();
        }
        auto alloc =
            gpu::AllocOp::create(b, arg.getLoc(), type, Type(), ValueRange{},
                                 ValueRange{}, ValueRange{});
        arg.replaceAllUsesWith(alloc.getMemref());
        twins.emplace_back(arg, alloc.getMemref());
      }
      for (auto [arg, device] : twins)
        if (arg.getArgNumber() < numInputs)
          gpu::MemcpyOp::create(b, arg.getLoc(), Type(), ValueRange{}, device,
                                arg);
      b.setInsertionPoint(entry.getTerminator());
      for (auto [arg, device] : twins)
        if (arg.getArgNumber() >= numInputs || !knownOutputs)
          gpu::MemcpyOp::create(b, arg.getLoc(), Type(), ValueRange{}, arg,
                                device);
      for (auto [arg, device] : twins)
        gpu::DeallocOp::create(b, arg.getLoc(), Type(), ValueRange{}, device);

      SmallVector<Operation *> ops;
      fn.walk([&](Operation *op) {
        if (!isInKernel(op) &&
            isa<memref::AllocOp, memref::AllocaOp, memref::DeallocOp,
                memref::GetGlobalOp, memref::CopyOp>(op))
          ops.push_back(op);
      });
      for (Operation *op : ops) {
        b.setInsertionPoint(op);
        Location loc = op->getLoc();
        if (auto alloc = dyn_cast<memref::AllocOp>(op)) {
          auto device = gpu::AllocOp::create(
              b, loc, alloc.getType(), Type(), ValueRange{},
              alloc.getDynamicSizes(), alloc.getSymbolOperands());
          alloc.replaceAllUsesWith(device.getMemref());
          alloc.erase();
        } else if (auto alloca = dyn_cast<memref::AllocaOp>(op)) {
          Value device = allocDeviceTwin(
              b, loc, alloca.getType(), alloca.getDynamicSizes(),
              alloca.getSymbolOperands(), alloca->getBlock());
          alloca.replaceAllUsesWith(device);
          alloca.erase();
        } else if (auto dealloc = dyn_cast<memref::DeallocOp>(op)) {
          gpu::DeallocOp::create(b, loc, Type(), ValueRange{},
                                 dealloc.getMemref());
          dealloc.erase();
        } else if (auto global = dyn_cast<memref::GetGlobalOp>(op)) {
          auto definition = symbols.lookup<memref::GlobalOp>(global.getName());
          if (definition && definition.getConstant()) {
            // Weights and constants: uploaded once, on first use.
            global.getResult().replaceAllUsesWith(deviceConstant(
                module, symbols, fn, definition, deviceConstants));
            global.erase();
            continue;
          }
          // A mutable global: copied on every run.
          b.setInsertionPointAfter(global);
          Value device = allocDeviceTwin(b, loc, global.getType(), ValueRange{},
                                         ValueRange{}, global->getBlock());
          global.getResult().replaceAllUsesWith(device);
          gpu::MemcpyOp::create(b, loc, Type(), ValueRange{}, device,
                                global.getResult());
        } else if (auto copy = dyn_cast<memref::CopyOp>(op)) {
          auto source = cast<MemRefType>(copy.getSource().getType());
          auto target = cast<MemRefType>(copy.getTarget().getType());
          if (!source.getLayout().isIdentity() ||
              !target.getLayout().isIdentity())
            continue; // nd4j-gpu-wrap-host-code runs it in a kernel.
          gpu::MemcpyOp::create(b, loc, Type(), ValueRange{}, copy.getTarget(),
                                copy.getSource());
          copy.erase();
        }
      }
    }
  }
};

//===----------------------------------------------------------------------===//
// nd4j-gpu-wrap-host-code
//===----------------------------------------------------------------------===//

/// Whether `op` (or anything nested in it) reads or writes memory.
bool touchesMemory(Operation *op) {
  WalkResult result = op->walk([](Operation *inner) {
    if (isa<gpu::GPUDialect>(inner->getDialect()))
      return WalkResult::advance();
    if (auto effects = dyn_cast<MemoryEffectOpInterface>(inner)) {
      if (effects.hasEffect<MemoryEffects::Read>() ||
          effects.hasEffect<MemoryEffects::Write>())
        return WalkResult::interrupt();
      return WalkResult::advance();
    }
    if (inner->hasTrait<OpTrait::HasRecursiveMemoryEffects>() ||
        inner->hasTrait<OpTrait::ConstantLike>() ||
        inner->hasTrait<OpTrait::IsTerminator>())
      return WalkResult::advance();
    return WalkResult::interrupt();
  });
  return result.wasInterrupted();
}

/// A call of nd4j-gpu-host-buffers' device copy of a constant: host code.
bool isDeviceConstantCall(Operation *op, SymbolTableCollection &symbols) {
  auto call = dyn_cast<func::CallOp>(op);
  if (!call)
    return false;
  Operation *callee =
      symbols.lookupNearestSymbolFrom(call, call.getCalleeAttr());
  return callee && callee->hasAttr(kDeviceConstantAttr);
}

bool containsKernel(Operation *op) {
  return op->walk([](gpu::LaunchOp) { return WalkResult::interrupt(); })
      .wasInterrupted();
}

/// Whether values of `type` can be passed from a kernel to the host through
/// a one-element buffer.
bool isStageable(Type type) {
  return isa<IntegerType, FloatType, IndexType>(type);
}

struct Nd4jGpuWrapHostCodePass
    : public nd4j::impl::Nd4jGpuWrapHostCodePassBase<Nd4jGpuWrapHostCodePass> {
  /// Moves `op` into `kernel`, before its terminator.
  static void moveInto(Operation *op, gpu::LaunchOp kernel) {
    op->moveBefore(kernel.getBody().front().getTerminator());
  }

  /// Hands the host every value `kernel` defines and the host uses: the
  /// kernel stores it into a one-element device buffer, which is copied
  /// into a host buffer the host loads it from (gpu-async-region puts the
  /// wait before that load).
  static LogicalResult stageResults(gpu::LaunchOp kernel) {
    SmallVector<Value> escaping;
    kernel.getBody().walk([&](Operation *op) {
      for (Value result : op->getResults())
        if (llvm::any_of(result.getUsers(), [&](Operation *user) {
              return !kernel->isAncestor(user);
            }))
          escaping.push_back(result);
    });
    OpBuilder host(kernel->getContext());
    host.setInsertionPointAfter(kernel);
    for (Value value : escaping) {
      Location loc = value.getLoc();
      Type type = value.getType();
      if (!isStageable(type))
        return value.getDefiningOp()->emitError(
                   "host code uses a value of type ")
               << type
               << " computed from device memory; not supported by the NVPTX "
                  "pipeline";
      // i1 travels as a byte.
      Type stored =
          type.isInteger(1) ? IntegerType::get(type.getContext(), 8) : type;
      auto bufferType = MemRefType::get({}, stored);
      OpBuilder b(kernel);
      Value device = allocDeviceTwin(b, loc, bufferType, ValueRange{},
                                     ValueRange{}, kernel->getBlock());
      b.setInsertionPoint(kernel.getBody().front().getTerminator());
      Value inKernel = value;
      if (stored != type)
        inKernel = arith::ExtUIOp::create(b, loc, stored, value);
      memref::StoreOp::create(b, loc, inKernel, device);
      Value buffer = memref::AllocaOp::create(host, loc, bufferType);
      gpu::MemcpyOp::create(host, loc, Type(), ValueRange{}, buffer, device);
      Value onHost = memref::LoadOp::create(host, loc, buffer);
      if (stored != type)
        onHost = arith::TruncIOp::create(host, loc, type, onHost);
      value.replaceUsesWithIf(onHost, [&](OpOperand &use) {
        return !kernel->isAncestor(use.getOwner());
      });
    }
    return success();
  }

  LogicalResult wrapBlock(Block &block, SymbolTableCollection &symbols) {
    // Consecutive operations share one kernel; scalar arithmetic on values
    // the kernel computed joins it.
    gpu::LaunchOp last;
    SmallVector<gpu::LaunchOp> kernels;
    for (Operation &op : llvm::make_early_inc_range(block)) {
      if (op.hasTrait<OpTrait::IsTerminator>() ||
          isa<gpu::GPUDialect>(op.getDialect()) ||
          isa<ViewLikeOpInterface>(op) || isDeviceConstantCall(&op, symbols))
        continue;
      if (containsKernel(&op)) {
        for (Region &region : op.getRegions())
          for (Block &inner : region)
            if (failed(wrapBlock(inner, symbols)))
              return failure();
        continue;
      }
      bool follows = last && op.getPrevNode() == last;
      if (!touchesMemory(&op)) {
        if (!follows)
          continue;
        bool usesKernelValue = llvm::any_of(op.getOperands(), [&](Value v) {
          return last.getBody().isAncestor(v.getParentRegion());
        });
        if (!usesKernelValue)
          op.moveBefore(last); // Keeps the kernel open for what follows.
        else if (op.getNumRegions() == 0 &&
                 llvm::all_of(op.getResultTypes(), isStageable))
          moveInto(&op, last);
        continue;
      }
      if (follows) {
        moveInto(&op, last);
        continue;
      }
      OpBuilder b(&op);
      Location loc = op.getLoc();
      Value one = arith::ConstantIndexOp::create(b, loc, 1);
      last = gpu::LaunchOp::create(b, loc, one, one, one, one, one, one);
      kernels.push_back(last);
      Block &body = last.getBody().front();
      b.setInsertionPointToEnd(&body);
      auto terminator = gpu::TerminatorOp::create(b, loc);
      op.moveBefore(terminator);
    }
    for (gpu::LaunchOp kernel : kernels)
      if (failed(stageResults(kernel)))
        return failure();
    return success();
  }

  void runOnOperation() override {
    SymbolTableCollection symbols; // The module's, for calls.
    for (Block &block : getOperation().getBody())
      if (failed(wrapBlock(block, symbols)))
        return signalPassFailure();
  }
};

//===----------------------------------------------------------------------===//
// nd4j-gpu-merge-modules
//===----------------------------------------------------------------------===//

/// A PTX identifier: letters, digits and '_' (graph names such as
/// "torch-jit-export" become kernel names otherwise).
std::string toPtxIdentifier(StringRef name) {
  std::string id;
  for (char c : name)
    id += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  if (id.empty() || std::isdigit(static_cast<unsigned char>(id[0])))
    id = "k_" + id;
  return id;
}

struct Nd4jGpuMergeModulesPass
    : public nd4j::impl::Nd4jGpuMergeModulesPassBase<Nd4jGpuMergeModulesPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    SmallVector<gpu::GPUModuleOp> modules(module.getOps<gpu::GPUModuleOp>());
    if (modules.empty())
      return;
    gpu::GPUModuleOp target = modules.front();
    SymbolTable targetSymbols(target);
    llvm::StringSet<> used;
    auto uniqueName = [&](StringRef base) {
      std::string name = toPtxIdentifier(base);
      auto taken = [&](StringRef n) {
        Operation *other = targetSymbols.lookup(n);
        return used.contains(n) || (other && !isa<gpu::GPUFuncOp>(other));
      };
      for (unsigned i = 1; taken(name); ++i)
        name = toPtxIdentifier(base) + "_" + std::to_string(i);
      used.insert(name);
      return name;
    };
    // Old @module::@kernel → @target::@name.
    DenseMap<Attribute, SymbolRefAttr> renamed;
    auto rename = [&](gpu::GPUFuncOp kernel, StringAttr moduleName) {
      SymbolRefAttr old = SymbolRefAttr::get(
          moduleName, {FlatSymbolRefAttr::get(kernel.getNameAttr())});
      kernel.setName(uniqueName(moduleName.getValue()));
      renamed[old] =
          SymbolRefAttr::get(target.getSymNameAttr(),
                             {FlatSymbolRefAttr::get(kernel.getNameAttr())});
    };
    for (auto kernel :
         llvm::make_early_inc_range(target.getOps<gpu::GPUFuncOp>()))
      if (kernel.isKernel())
        rename(kernel, target.getSymNameAttr());
    for (gpu::GPUModuleOp source : llvm::drop_begin(modules)) {
      StringAttr name = source.getSymNameAttr();
      for (Operation &op :
           llvm::make_early_inc_range(source.getBody()->getOperations())) {
        auto symbol = dyn_cast<SymbolOpInterface>(op);
        if (auto kernel = dyn_cast<gpu::GPUFuncOp>(op);
            kernel && kernel.isKernel()) {
          op.remove();
          rename(kernel, name);
          target.getBody()->push_back(kernel);
          continue;
        }
        // Outlining clones what kernels use (globals, helpers) into each
        // module: one copy is enough.
        if (symbol && targetSymbols.lookup(symbol.getNameAttr()))
          continue;
        op.remove();
        targetSymbols.insert(&op);
      }
      source.erase();
    }
    module.walk([&](gpu::LaunchFuncOp launch) {
      auto it = renamed.find(launch.getKernel());
      if (it != renamed.end())
        launch.setKernelAttr(it->second);
    });
  }
};

} // namespace
