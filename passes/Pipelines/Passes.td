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
  }];
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
    without one). Captured buffers must have identity layouts (they cross a
    bare-pointer call); a loop capturing anything else stays serial
    (`scf.forall` is then lowered to `scf.for`).
  }];
  let dependentDialects = ["::mlir::func::FuncDialect",
                           "::mlir::scf::SCFDialect"];
}

#endif // ND4J_PASSES_PIPELINES_PASSES_TD
