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
 *        input <dtype> <rank> <d0> ... <d(rank-1)> <name>
 *        output <dtype> <rank> <d0> ... <d(rank-1)> <name>
 *
 *    in the order of the entry point's arguments. `dtype` is one of the
 *    names of `nd4j_dtype` below without prefix, lower case (`f32`, `i64`,
 *    `bool`, ...). Dimensions are non-negative (shapes are static). The name
 *    is the rest of the line after one space; a backslash in it is written
 *    `\\` and a newline `\n`.
 *
 *  - `int32_t nd4j_model_run(void *const *inputs, void *const *outputs,
 *                            nd4j_model_context *ctx)`:
 *    runs the model. `inputs[i]` and `outputs[i]` point to dense row-major
 *    buffers of the declared dtypes and shapes (outputs are written, and
 *    must not alias inputs). `bool` elements are one byte, 0 or 1.
 *    Returns 0 on success. `ctx` may be NULL.
 *
 *===----------------------------------------------------------------------===*/

#ifndef ND4J_MLIR_RUNTIME_ND4J_MODEL_ABI_H
#define ND4J_MLIR_RUNTIME_ND4J_MODEL_ABI_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define ND4J_MODEL_ABI_VERSION 1
#define ND4J_MODEL_SIGNATURE_SYMBOL "nd4j_model_signature"
#define ND4J_MODEL_RUN_SYMBOL "nd4j_model_run"

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

#ifdef __cplusplus
}
#endif

#endif /* ND4J_MLIR_RUNTIME_ND4J_MODEL_ABI_H */
