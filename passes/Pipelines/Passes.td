//===- Passes.td - nd4j-mlir pipeline passes ------------------*- tablegen -*-===//
//
// Passes that only the compilation pipelines use.
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_PASSES_PIPELINES_PASSES_TD
#define ND4J_PASSES_PIPELINES_PASSES_TD

include "mlir/Pass/PassBase.td"

def Nd4jEmitEntryPointPass : Pass<"nd4j-emit-entry-point", "::mlir::ModuleOp"> {
  let summary = "Add the compiled-model ABI's exported symbols to an LLVM-dialect module";
  let description = [{
    Runs after the lowering to the LLVM dialect (with the bare-pointer
    calling convention for memrefs). For the single entry point recorded by
    `convert-exec-to-linalg` in the module's `nd4j.entry_points` attribute it
    adds what `include/nd4j-mlir/Runtime/nd4j_model_abi.h` specifies:

    - the constant string `nd4j_model_signature` (the signature text);
    - `i32 nd4j_model_run(ptr inputs, ptr outputs, ptr ctx)`, which loads the
      input and output buffer pointers from the two arrays and calls the
      lowered graph function.

    Every other definition becomes internal, so that the library exports
    exactly these two symbols and LLVM may inline and drop the rest.

    ```mlir
    // module attributes {nd4j.entry_points = {g = {inputs = 1, outputs = 1,
    //   signature = "nd4j-model 1\n..."}}} { llvm.func @g(!llvm.ptr, !llvm.ptr) }
    // gains llvm.mlir.global @nd4j_model_signature and llvm.func @nd4j_model_run.
    ```

    With `target=nvptx` the signature gains the line `target nvptx` after
    its header, so that the runtime checks for a CUDA driver and device
    before it calls the entry point.

    Declarations marked `nd4j.device_constant = @global` (the device copies
    of constants of `nd4j-gpu-host-buffers`) get bodies: each keeps the
    device pointer in its own zero-initialized slot and returns
    `nd4jGpuConstant(slot, @global, bytes)` (`nd4j_gpu_abi.h`: uploads on
    first use); a destructor in `llvm.mlir.global_dtors` calls
    `nd4jGpuConstantRelease` on every slot when the library is unloaded.
  }];
  let options = [
    Option<"target", "target", "std::string", /*default=*/"\"\"",
           "Target recorded in the signature (empty: none, i.e. cpu)">,
  ];
  let dependentDialects = ["::mlir::LLVM::LLVMDialect"];
}

def Nd4jCpuVectorizePass : Pass<"nd4j-cpu-vectorize", "::mlir::func::FuncOp"> {
  let summary = "Tile linalg ops to register-sized tiles and vectorize them";
  let description = [{
    The CPU code generation step on linalg-on-tensors, before bufferization:

    - 2-D convolutions (NCHW/FCHW and NHWC/HWCF) are rewritten as im2col +
      a contraction, so that they take the matmul path;
    - contractions (matmul, batch matmul, the contraction generics the
      lowering builds) are tiled to `m-tile` x `n-tile` register tiles with
      a reduction loop of step 1 and vectorized to `vector.contract`, which
      `convert-vector-to-llvm` turns into outer-product FMAs;
    - elementwise ops are tiled along their innermost dimension to the
      vector width and vectorized.

    Before that, the first loop of an op with at least `min-parallel-work`
    iterations becomes an `scf.forall` over equal chunks, which
    `nd4j-cpu-outline-parallel` hands to the runtime's thread pool.

    First of all, the parallel loops of an op whose trip count is known only
    at run time (the batch of a model compiled with dynamic dimensions)
    become `scf.for` loops of single iterations around an op of static
    shape, which then takes the path above; an op with a run-time size on a
    reduction loop stays scalar.

    Tile sizes are chosen to divide the iteration space (no masking); an op
    whose innermost size has no divisor above 1 among the candidates, or
    that the vectorizer does not accept (e.g. gathers), stays scalar.

    ```mlir
    // linalg.matmul 64x784 * 784x1024 becomes scf.for loops over 8x32 tiles
    // and k, each holding a vector.contract of vector<8x1xf32>,
    // vector<1x32xf32> into vector<8x32xf32>.
    ```
  }];
  let options = [
    Option<"mTile", "m-tile", "int64_t", /*default=*/"8",
           "Largest register tile in the M dimension">,
    Option<"nTile", "n-tile", "int64_t", /*default=*/"32",
           "Largest register tile in the N dimension">,
    Option<"vectorWidth", "vector-width", "int64_t", /*default=*/"16",
           "Largest vector length of elementwise ops">,
    Option<"parallelize", "parallelize", "bool", /*default=*/"true",
           "Split the first parallel loop of large ops into an scf.forall">,
    Option<"minParallelWork", "min-parallel-work", "int64_t",
           /*default=*/"4096",
           "Smallest iteration count worth running on several threads">,
    Option<"maxChunks", "max-chunks", "int64_t", /*default=*/"64",
           "Most chunks an op's first loop is split into">,
  ];
  let dependentDialects = ["::mlir::scf::SCFDialect",
                           "::mlir::vector::VectorDialect",
                           "::mlir::tensor::TensorDialect"];
}

def Nd4jHoistVectorTransfersPass
    : Pass<"nd4j-hoist-vector-transfers", "::mlir::func::FuncOp"> {
  let summary = "Keep loop-invariant vector tiles (accumulators) in registers";
  let description = [{
    After bufferization: hoists pairs of `vector.transfer_read` /
    `vector.transfer_write` of the same loop-invariant memref location out
    of `scf.for` loops (linalg's hoistRedundantVectorTransfers), so that a
    matmul's accumulator tile stays in registers across its reduction loop.
  }];
}

def Nd4jExecInferShapesPass
    : Pass<"nd4j-exec-infer-shapes", "::mlir::ModuleOp"> {
  let summary = "Infer the result types of nd4j_exec nodes";
  let description = [{
    SameDiff FlatBuffers files record no output shapes for most nodes, so
    their `nd4j_exec.node` results are unranked (`tensor<*xf32>`), and a
    placeholder's batch is often `?`. Once the placeholders have shapes
    (`--input-shape`), this pass computes every node's result type with the
    shape inference of the typed op the node executes: the node's ordered
    arguments are read back into the typed op's named attributes through
    the descriptor table (slot by slot, as `convert-nd4j-to-exec` writes
    them), the typed op infers its results, and the node takes them where
    they refine what it declares. Nodes in graph order, so inferred types
    flow downstream. A node whose inputs are known but whose typed op
    rejects them is an error naming the node and the reason; a node without
    a typed op keeps its types.

    ```mlir
    %0 = nd4j_exec.node "mmul" <custom>(%in, %w) i_args [0, 0, 0]
           : (tensor<4x2xf32>, tensor<2x20xf32>) -> tensor<*xf32>
    // becomes ... -> tensor<4x20xf32>
    ```
  }];
  let dependentDialects = ["::mlir::nd4j::Nd4jDialect"];
}

def Nd4jCpuNarrowFloatTruncationsPass
    : Pass<"nd4j-cpu-narrow-float-truncations"> {
  let summary = "bf16 conversions without libcalls (f64 via round-to-odd f32)";
  let description = [{
    x86 has no f64 → bf16 conversion, and LLVM lowers one to a call of
    `__truncdfbf2`, which the C compiler runtime of the build host may lack
    (Debian 12's gcc 12 does): a compiled library must not need it. The
    truncation becomes f64 → f32 rounded to odd (the nearest-even result,
    moved toward zero and given an odd last bit when inexact) and then
    f32 → bf16; every f32 ↔ bf16 conversion is then expanded to integer
    arithmetic (upstream's bf16 expansion patterns, without the rest of
    `arith-expand`). Rounding to odd in a format with at least two more
    bits makes the two roundings give exactly the directly rounded result.
    Scalars and vectors alike.

    ```mlir
    %y = arith.truncf %x : f64 to bf16
    // becomes
    %r = arith.truncf %x : f64 to f32   // then made odd when inexact
    %y = arith.truncf %r' : f32 to bf16
    ```
  }];
}

def Nd4jStridedCopyToLinalgPass
    : Pass<"nd4j-strided-copy-to-linalg", "::mlir::func::FuncOp"> {
  let summary = "Turn memref.copy between non-contiguous views into linalg.copy";
  let description = [{
    Bufferization copies into and out of strided views (`tensor.pad`,
    `tensor.insert_slice`, concatenation). The LLVM lowering of such a
    `memref.copy` calls `memrefCopy` from MLIR's C runner utilities, which
    a compiled model library does not link; as `linalg.copy` it becomes a
    loop nest like any other op. Copies between contiguous buffers stay
    `memref.copy` (a memcpy).
  }];
  let dependentDialects = ["::mlir::linalg::LinalgDialect"];
}

def Nd4jCpuOutlineParallelPass
    : Pass<"nd4j-cpu-outline-parallel", "::mlir::ModuleOp"> {
  let summary = "Outline bufferized scf.forall loops for the runtime's thread pool";
  let description = [{
    Each one-dimensional `scf.forall` on buffers (made by
    `nd4j-cpu-vectorize` for large ops) becomes a private function
    `__nd4j_par_body_<k>(captures..., begin, end)` running iterations
    [begin, end) serially, and a call to `__nd4j_par_launch_<k>(captures...,
    n)`. `nd4j-emit-entry-point` defines the launch function after the
    lowering to LLVM: it hands the body to the `parallel_for` of the
    `nd4j_model_context` that `nd4j_model_run` received (or runs it inline
    without one). Captured buffers cross a bare-pointer call: those of static
    shape and identity layout as they are, any other strided buffer (a
    run-time size, a subview's offset) as its base buffer and the run-time
    parts of its offset, sizes and strides, which the callee turns back into
    the buffer with `memref.reinterpret_cast`. A loop capturing anything else
    stays serial (`scf.forall` is then lowered to `scf.for`).
  }];
  let dependentDialects = ["::mlir::func::FuncDialect",
                           "::mlir::scf::SCFDialect"];
}

def Nd4jGpuMapParallelLoopsPass
    : Pass<"nd4j-gpu-map-parallel-loops", "::mlir::func::FuncOp"> {
  let summary = "Tile outermost scf.parallel loops into GPU blocks and map them";
  let description = [{
    The NVPTX pipeline's launch configuration. Each outermost `scf.parallel`
    (not inside a `gpu.launch`) is tiled so that one block holds up to
    `block-size` threads, and both loops get the `mapping` attribute that
    `convert-parallel-loops-to-gpu` reads. Unlike `gpu-map-parallel-loops`,
    the innermost dimension maps to `x` (consecutive threads touch
    consecutive elements of row-major buffers), then `y`, then `z`; further
    outer dimensions stay sequential inside the kernel.

    Tile sizes are chosen greedily from the innermost dimension outwards as
    the largest divisor of the (static) trip count that fits the remaining
    thread budget, so that no tile needs a bounds check; `z` is capped at 64
    threads (the hardware limit). A grid dimension `y` or `z` of more than
    65535 blocks (the launch limit) stays a loop in the kernel. When the
    divisors give blocks of under a quarter of `block-size` threads (prime
    trip counts), a normalized loop is instead collapsed into one dimension
    (innermost fastest) of full blocks in `x`, the threads past the end
    guarded. Loops with dynamic bounds are mapped without tiling.

    ```mlir
    // scf.parallel (%i, %j) = (0, 0) to (64, 32) step (1, 1)
    // becomes an outer loop of step (8, 32) mapped to block_y/block_x and an
    // inner 8x32 loop mapped to thread_y/thread_x.
    ```
  }];
  let options = [
    Option<"blockSize", "block-size", "int64_t", /*default=*/"256",
           "Most threads per block">,
  ];
  let dependentDialects = ["::mlir::gpu::GPUDialect",
                           "::mlir::affine::AffineDialect"];
}

def Nd4jGpuHostBuffersPass : Pass<"nd4j-gpu-host-buffers", "::mlir::ModuleOp"> {
  let summary = "Give the host code of a GPU model device buffers and copies";
  let description = [{
    After `convert-parallel-loops-to-gpu`, the host functions still use the
    buffers they were given (host pointers from the model ABI) and host
    allocations. This pass makes every buffer a kernel may touch a device
    buffer:

    - each memref argument gets a `gpu.alloc`ed twin; inputs (the first
      `inputs` arguments of the entry point in `nd4j.entry_points`) are
      copied in at entry, outputs copied out before `func.return`, and the
      twins freed;
    - `memref.alloc`/`memref.alloca`/`memref.dealloc` outside kernels become
      `gpu.alloc`/`gpu.dealloc`;
    - `memref.get_global` of a constant global (weights) outside kernels
      becomes a call, at the function's start, of
      `__nd4j_device_<global>`, a declaration marked
      `nd4j.device_constant = @global` that `nd4j-emit-entry-point` defines:
      the device copy is uploaded once, on first use, and kept while the
      library is loaded; a mutable global is copied into a device buffer on
      every run;
    - `memref.copy` between identity-layout buffers outside kernels becomes
      a device-to-device `gpu.memcpy`.

    ```mlir
    // func.func @g(%x: memref<4xf32>, %y: memref<4xf32>) gains
    // %dx = gpu.alloc() ; gpu.memcpy %dx, %x ; ... ; gpu.memcpy %y, %dy
    ```
  }];
  let dependentDialects = ["::mlir::gpu::GPUDialect"];
}

def Nd4jGpuMergeModulesPass
    : Pass<"nd4j-gpu-merge-modules", "::mlir::ModuleOp"> {
  let summary = "Put all outlined kernels into one gpu.module";
  let description = [{
    `gpu-kernel-outlining` makes one `gpu.module` per kernel, so a model
    would carry one GPU binary (and one module load) per kernel. This pass
    moves every kernel into the first `gpu.module`, renaming each to its old
    module's (unique) name made a PTX identifier (letters, digits, `_`:
    graph names such as `torch-jit-export` are not), drops duplicate copies
    of other symbols, and updates the `gpu.launch_func` references: one PTX
    module per model.

    ```mlir
    // gpu.module @g_kernel { gpu.func @g_kernel }
    // gpu.module @g_kernel_0 { gpu.func @g_kernel }
    // become gpu.module @g_kernel { gpu.func @g_kernel  gpu.func @g_kernel_0 }
    ```
  }];
  let dependentDialects = ["::mlir::gpu::GPUDialect"];
}

def Nd4jGpuWrapHostCodePass
    : Pass<"nd4j-gpu-wrap-host-code", "::mlir::func::FuncOp"> {
  let summary = "Run host code that touches buffers as single-thread kernels";
  let description = [{
    After `nd4j-gpu-host-buffers` every buffer is device memory, so code
    that `convert-parallel-loops-to-gpu` left on the host (scalar code, full
    reductions with no parallel dimension, loops around loads and stores)
    must run on the device. Each such operation is moved into its own
    `gpu.launch` of one block of one thread: correct, not fast. Consecutive
    operations share one kernel, and scalar arithmetic right after it on
    values it computed joins it. Operations that contain kernels are entered
    instead. A scalar (integer, float, index) the kernel computes and the
    host needs (a run-time axis choosing a buffer, a loop bound) is stored
    into a one-element device buffer (i1 as a byte), copied to a host buffer
    and loaded there; other values the host needs are an error.

    ```mlir
    // scf.for %i = 0 to 128 { memref.load / memref.store } becomes
    // gpu.launch blocks(1, 1, 1) threads(1, 1, 1) { scf.for ... }
    ```
  }];
  let dependentDialects = ["::mlir::gpu::GPUDialect"];
}

def Nd4jGpuEmulatePass : Pass<"nd4j-gpu-emulate", "::mlir::ModuleOp"> {
  let summary = "Run GPU kernels (before outlining) as CPU loops";
  let description = [{
    A test aid for machines without a GPU: turns what the NVPTX pipeline
    has built up to kernel outlining into CPU code. Each `gpu.launch`
    becomes an `scf.parallel` over its blocks and threads (block and thread
    ids are the loop variables), `gpu.alloc`/`gpu.dealloc` become
    `memref.alloc`/`memref.dealloc`, `gpu.memcpy` a `memref.copy`, and the
    device copies of constants the host globals themselves. The
    CPU pipeline's lowering then compiles it
    (`nd4j-compile --target=gpu-emulation`), so the GPU-specific
    transformations (block tiling and mapping, device twins, single-thread
    kernels, values staged to the host) are checked numerically. First it
    checks what running on a CPU cannot show: that kernels access only
    device memory (`gpu.alloc`, the weights' device copies, what the kernel
    makes) and host code only host memory (function arguments,
    `memref.alloc`/`alloca`/`get_global` outside kernels), tracing buffers
    through views and selects; a buffer of neither kind is an error. It runs
    the threads of a kernel one after another: it cannot show races between
    threads, and kernels with barriers, shared memory or asynchronous
    operations are rejected.

    ```mlir
    // gpu.launch blocks(%bx, ...) in (%gx = %c4, ...) threads(%tx, ...)
    //   in (%sx = %c256, ...) { body }
    // becomes scf.parallel (%z, %y, %bx, %tz, %ty, %tx) = (0, ...) to
    //   (%c1, %c1, %c4, %c1, %c1, %c256) step (1, ...) { body }
    ```
  }];
  let dependentDialects = ["::mlir::scf::SCFDialect",
                           "::mlir::memref::MemRefDialect",
                           "::mlir::arith::ArithDialect"];
}


def Nd4jDynamicAbiPass : Pass<"nd4j-dynamic-abi", "::mlir::ModuleOp"> {
  let summary = "Give a graph function with run-time shapes the ABI 2 convention";
  let description = [{
    Runs on buffers, after deallocation and before the lowering to the LLVM
    dialect. A graph function that `convert-exec-to-linalg` marked
    `nd4j.dynamic_abi` (its signature has dimensions known only at run time)
    takes memrefs with dynamic sizes and returns the buffers it allocated,
    which the bare-pointer convention cannot express. Its signature becomes
    five pointers, the arrays of `nd4j_model_run_v2` (nd4j_model_abi.h):

    - `inputs[i]`, `input_shapes[i][d]`: each argument's descriptor is
      built from its buffer and its run-time sizes (row-major strides);
    - `outputs[i]`, `output_allocs[i]`, `output_shapes[i][d]`: each result's
      first element, the allocation to free, and its sizes are stored; the
      function returns nothing.

    ```mlir
    func.func @g(%a: memref<?x2xf32>) -> memref<?x2xf32>
    // becomes
    func.func @g(%in: !llvm.ptr, %inShapes: !llvm.ptr, %out: !llvm.ptr,
                 %outAllocs: !llvm.ptr, %outShapes: !llvm.ptr)
    ```
  }];
  let dependentDialects = ["::mlir::LLVM::LLVMDialect"];
}


def Nd4jHoistShapeChecksPass : Pass<"nd4j-hoist-shape-checks", "::mlir::func::FuncOp"> {
  let summary = "Move run-time shape checks to the start of the function";
  let description = [{
    The `cf.assert` shape checks that `convert-exec-to-linalg` places before
    the ops of dynamic graphs compare sizes that, after canonicalization,
    are mostly computed from the function's arguments alone. Each such
    check, with the side-effect-free ops it needs, moves to the start of the
    entry block, so that a failing check stops the run before anything is
    allocated. Checks that depend on computed values stay where they are.
  }];
}

def Nd4jShapeChecksToStatusPass : Pass<"nd4j-shape-checks-to-status", "::mlir::ModuleOp"> {
  let summary = "Turn failing shape checks into an error of the run";
  let description = [{
    Runs on the control-flow graph of an ABI 2 graph function (after
    `nd4j-dynamic-abi`, before the lowering to the LLVM dialect). Each
    `cf.assert` becomes a branch: on failure the function stores its message
    in the thread-local `__nd4j_error` and returns, and
    `nd4j_model_run_v2` reports a non-zero status (the message is what
    `nd4j_model_error()` returns) instead of aborting the process.
  }];
  let dependentDialects = ["::mlir::LLVM::LLVMDialect", "::mlir::cf::ControlFlowDialect"];
}

#endif // ND4J_PASSES_PIPELINES_PASSES_TD
