/*===- nd4j-mlir/Runtime/nd4j_model_abi.h - compiled model ABI ---*- C -*-===//
 *
 * The contract between a model library written by nd4j-compile and the
 * runtime that loads it. It is plain C so that the runtime, generated code
 * and users' own loaders agree without LLVM or MLIR.
 *
 * Every compiled model library (`model.so`) exports two symbols:
 *
 *  - `const char nd4j_model_signature[]`: a NUL-terminated text describing
 *    the entry point, one record per line:
 *
 *        nd4j-model <abi-version>
 *        target <cpu|nvptx>                  (optional, default cpu)
 *        cpu-features <f1> <f2> ...          (optional)
 *        input <dtype> <rank> <d0> ... <d(rank-1)> <name>
 *        output <dtype> <rank> <d0> ... <d(rank-1)> <name>
 *
 *    in the order of the entry point's arguments. `dtype` is one of `f16`
 *    `bf16` `f32` `f64` `i8` `i16` `i32` `i64` `u8` `u16` `u32` `u64`
 *    `bool` (the `nd4j_dtype` names of nd4j_runtime.h without prefix, lower
 *    case). Dimensions are non-negative (shapes are static). The name is the
 *    rest of the line after one space; a backslash in it is written `\\`
 *    and a newline `\n`. The optional `target` line (second line, ABI
 *    version still 1) says where the entry point computes: `nvptx` models
 *    take host buffers like any other but run kernels on an NVIDIA GPU
 *    through the mgpu* functions of nd4j_gpu_abi.h; runtimes check for a
 *    CUDA driver and device before calling them. The optional
 *    `cpu-features` record (after `target`) lists the x86 features, by
 *    LLVM's names (`avx2`, `fma`, `avx512f`, ...), that the library's code
 *    was compiled to use; runtimes refuse to run it on a CPU lacking one
 *    (ND4J_STATUS_UNSUPPORTED_CPU) instead of faulting inside a run.
 *
 *  - `int32_t nd4j_model_run(void *const *inputs, void *const *outputs,
 *                            nd4j_model_context *ctx)`:
 *    runs the model. `inputs[i]` and `outputs[i]` point to dense row-major
 *    buffers of the declared dtypes and shapes (outputs are written, and
 *    must not alias inputs). `bool` elements are one byte, 0 or 1.
 *    Returns 0 on success. `ctx` may be NULL.
 *  - `const char *nd4j_model_error(void)` (optional): after a non-zero
 *    status on this thread, why. A model whose static shapes depend on
 *    input values (a range's length, slice bounds, paddings, a fill's
 *    shape) checks that the values give them and fails the run (status 1)
 *    instead of writing out of bounds.
 *
 * ABI version 2 (`nd4j-model 2`) is for models whose shapes are not all
 * known when they are compiled. A dimension of the signature may be `?`
 * (known only at run time; runtimes report it as -1). Such a library
 * exports, instead of `nd4j_model_run`:
 *
 *  - `int32_t nd4j_model_run_v2(void *const *inputs,
 *                               const int64_t *const *input_shapes,
 *                               void **outputs, void **output_allocs,
 *                               int64_t *const *output_shapes,
 *                               nd4j_model_context *ctx)`:
 *    `inputs[i]` is a dense row-major buffer and `input_shapes[i]` its
 *    `rank` dimensions (every one, `?` or not; the caller has checked the
 *    rank and the static dimensions). The model allocates each output with
 *    libc `malloc`, computes its shape, and stores the first element's
 *    address in `outputs[i]`, the allocation in `output_allocs[i]` and the
 *    dimensions in `output_shapes[i][0..rank)` (arrays the caller provides).
 *    The caller owns the outputs from then on and releases each with
 *    `nd4j_model_free(output_allocs[i])` (or libc `free`). Every output has
 *    a buffer of its own. On a non-zero status no output was handed out.
 *  - `void nd4j_model_free(void *allocation)`: frees an output allocation.
 *  - `const char *nd4j_model_error(void)`: after a non-zero status of
 *    nd4j_model_run_v2 on this thread, why; NULL otherwise. The model
 *    checks the run-time sizes it relies on being equal (two `?` that meet
 *    in one op) and fails the run ("node 'add' (libnd4j op 'add'): sizes
 *    known only at run time disagree") instead of reading out of bounds.
 *
 *===----------------------------------------------------------------------===*/

#ifndef ND4J_MLIR_RUNTIME_ND4J_MODEL_ABI_H
#define ND4J_MLIR_RUNTIME_ND4J_MODEL_ABI_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The newest ABI version this header describes; runtimes read 1 and 2. */
#define ND4J_MODEL_ABI_VERSION 2
#define ND4J_MODEL_SIGNATURE_SYMBOL "nd4j_model_signature"
#define ND4J_MODEL_RUN_SYMBOL "nd4j_model_run"
#define ND4J_MODEL_RUN_V2_SYMBOL "nd4j_model_run_v2"
#define ND4J_MODEL_FREE_SYMBOL "nd4j_model_free"
#define ND4J_MODEL_ERROR_SYMBOL "nd4j_model_error"

/* What the runtime lends generated code: a parallel-for over [0, n) on its
 * thread pool. Generated code that runs serially ignores it. */
typedef struct nd4j_model_context {
  uint32_t abi_version; /* ND4J_MODEL_ABI_VERSION */
  void *pool;
  void (*parallel_for)(void *pool, int64_t n,
                       void (*body)(void *data, int64_t begin, int64_t end),
                       void *data);
} nd4j_model_context;

typedef int32_t (*nd4j_model_run_fn)(void *const *inputs, void *const *outputs,
                                     nd4j_model_context *ctx);
typedef int32_t (*nd4j_model_run_v2_fn)(void *const *inputs,
                                        const int64_t *const *input_shapes,
                                        void **outputs, void **output_allocs,
                                        int64_t *const *output_shapes,
                                        nd4j_model_context *ctx);
typedef void (*nd4j_model_free_fn)(void *allocation);

#ifdef __cplusplus
}
#endif

#endif /* ND4J_MLIR_RUNTIME_ND4J_MODEL_ABI_H */
