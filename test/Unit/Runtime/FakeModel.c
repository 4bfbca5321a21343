/*===- FakeModel.c - fake model libraries for runtime tests ------*- C -*-===//
 *
 * Stand-ins for the libraries nd4j-compile writes, one per FAKE_* macro
 * (test/Unit/Runtime/CMakeLists.txt builds each as <variant>.so). They
 * implement nd4j_model_abi.h by hand so that the runtime and nd4j-run are
 * tested without the compiler, including the broken libraries a compiler
 * should never write: missing symbols, malformed signatures, failing entry
 * points.
 *
 *===----------------------------------------------------------------------===*/

#include "nd4j-mlir/Runtime/nd4j_model_abi.h"

#include <stddef.h>

#define EXPORT __attribute__((visibility("default")))

/*===------------------------- working models ----------------------------===*/

#if defined(FAKE_ADD)
/* sum = x + y over f32[2,3], on the runtime's pool when it lends one. */
EXPORT const char nd4j_model_signature[] = "nd4j-model 1\n"
                                           "input f32 2 2 3 x\n"
                                           "input f32 2 2 3 y\n"
                                           "output f32 2 2 3 sum\n";

struct AddArgs {
  const float *x, *y;
  float *sum;
};

static void addBody(void *data, int64_t begin, int64_t end) {
  struct AddArgs *args = (struct AddArgs *)data;
  for (int64_t i = begin; i < end; ++i)
    args->sum[i] = args->x[i] + args->y[i];
}

EXPORT int32_t nd4j_model_run(void *const *inputs, void *const *outputs,
                              nd4j_model_context *ctx) {
  struct AddArgs args = {(const float *)inputs[0], (const float *)inputs[1],
                         (float *)outputs[0]};
  if (ctx && ctx->abi_version == ND4J_MODEL_ABI_VERSION && ctx->parallel_for)
    ctx->parallel_for(ctx->pool, 6, addBody, &args);
  else
    addBody(&args, 0, 6);
  return 0;
}

#elif defined(FAKE_DYNAMIC)
/* ABI 2: y = 2 x over f32[?, 3] (the model allocates y), and the row
 * count n as an i64 scalar. A row count of 13 fails the run (rc 3). */
#include <stdlib.h>
EXPORT const char nd4j_model_signature[] = "nd4j-model 2\n"
                                           "input f32 2 ? 3 x\n"
                                           "output f32 2 ? 3 y\n"
                                           "output i64 0 n\n";

EXPORT int32_t nd4j_model_run_v2(void *const *inputs,
                                 const int64_t *const *input_shapes,
                                 void **outputs, void **output_allocs,
                                 int64_t *const *output_shapes,
                                 nd4j_model_context *ctx) {
  int64_t rows = input_shapes[0][0];
  if (rows == 13)
    return 3;
  const float *x = (const float *)inputs[0];
  /* The data starts 16 bytes into the allocation, as a realigned
   * allocation's may. */
  char *block = (char *)malloc(16 + (size_t)rows * 3 * sizeof(float));
  int64_t *n = (int64_t *)malloc(sizeof(int64_t));
  float *y = (float *)(block + 16);
  for (int64_t i = 0; i < rows * 3; ++i)
    y[i] = 2 * x[i];
  *n = rows;
  outputs[0] = y;
  output_allocs[0] = block;
  output_shapes[0][0] = rows;
  output_shapes[0][1] = 3;
  outputs[1] = n;
  output_allocs[1] = n;
  return 0;
}

EXPORT void nd4j_model_free(void *allocation) { free(allocation); }

#elif defined(FAKE_MIXED)
/* Integer, bool and scalar tensors, and names that are not file names:
 * masked = mask ? ids : 0, count = number of true mask elements. */
EXPORT const char nd4j_model_signature[] = "nd4j-model 1\n"
                                           "input i64 1 4 ids:0\n"
                                           "input bool 1 4 mask\n"
                                           "output i64 1 4 masked/ids:0\n"
                                           "output i32 0 count\n";

EXPORT int32_t nd4j_model_run(void *const *inputs, void *const *outputs,
                              nd4j_model_context *ctx) {
  const int64_t *ids = (const int64_t *)inputs[0];
  const unsigned char *mask = (const unsigned char *)inputs[1];
  int64_t *masked = (int64_t *)outputs[0];
  int32_t *count = (int32_t *)outputs[1];
  *count = 0;
  for (int i = 0; i < 4; ++i) {
    masked[i] = mask[i] ? ids[i] : 0;
    *count += mask[i] != 0;
  }
  return 0;
}

#elif defined(FAKE_FAIL)
/* y = x, but the entry point fails (returns 3) when x[0] is negative. */
EXPORT const char nd4j_model_signature[] = "nd4j-model 1\n"
                                           "input f32 1 1 x\n"
                                           "output f32 1 1 y\n";

EXPORT int32_t nd4j_model_run(void *const *inputs, void *const *outputs,
                              nd4j_model_context *ctx) {
  float x = *(const float *)inputs[0];
  if (x < 0)
    return 3;
  *(float *)outputs[0] = x;
  return 0;
}

#elif defined(FAKE_ESCAPED)
/* Names with the ABI's two escapes and a space; a rank-0 output. */
EXPORT const char nd4j_model_signature[] = "nd4j-model 1\n"
                                           "input u8 1 0 back\\\\slash\n"
                                           "output f64 0 two\\nlines and space";

EXPORT int32_t nd4j_model_run(void *const *inputs, void *const *outputs,
                              nd4j_model_context *ctx) {
  *(double *)outputs[0] = 42.0;
  return 0;
}

#elif defined(FAKE_NVPTX)
/* Says `target nvptx`: the runtime must check for CUDA before calling the
 * entry point, which here fails with 7 to show that it was called. */
EXPORT const char nd4j_model_signature[] = "nd4j-model 1\n"
                                           "target nvptx\n"
                                           "input f32 1 1 x\n"
                                           "output f32 1 1 y\n";

EXPORT int32_t nd4j_model_run(void *const *inputs, void *const *outputs,
                              nd4j_model_context *ctx) {
  return 7;
}

/*===-------------------------- broken libraries -------------------------===*/

#elif defined(FAKE_NO_SIGNATURE)
EXPORT int32_t nd4j_model_run(void *const *inputs, void *const *outputs,
                              nd4j_model_context *ctx) {
  return 0;
}

#elif defined(FAKE_NO_RUN)
EXPORT const char nd4j_model_signature[] = "nd4j-model 1\n"
                                           "output f32 0 y\n";

#elif defined(FAKE_UNRESOLVED)
/* Links (a module may have undefined symbols) but cannot load with
 * RTLD_NOW. */
extern void nd4j_fake_symbol_nobody_defines(void);
EXPORT const char nd4j_model_signature[] = "nd4j-model 1\n"
                                           "output f32 0 y\n";
EXPORT int32_t nd4j_model_run(void *const *inputs, void *const *outputs,
                              nd4j_model_context *ctx) {
  nd4j_fake_symbol_nobody_defines();
  return 0;
}

#else
/* Malformed signatures; the entry point is never called. */
#if defined(FAKE_BAD_HEADER)
#define SIGNATURE "onnx-model 1\noutput f32 0 y\n"
#elif defined(FAKE_BAD_VERSION)
#define SIGNATURE "nd4j-model one\noutput f32 0 y\n"
#elif defined(FAKE_ABI_V3)
#define SIGNATURE "nd4j-model 3\noutput f32 0 y\n"
#elif defined(FAKE_BAD_DTYPE)
#define SIGNATURE "nd4j-model 1\ninput f33 1 4 x\noutput f32 0 y\n"
#elif defined(FAKE_BAD_RANK)
#define SIGNATURE "nd4j-model 1\ninput f32 two 2 3 x\noutput f32 0 y\n"
#elif defined(FAKE_BIG_RANK)
#define SIGNATURE "nd4j-model 1\ninput f32 33 x\noutput f32 0 y\n"
#elif defined(FAKE_BAD_DIM)
#define SIGNATURE "nd4j-model 1\ninput f32 2 2 -3 x\noutput f32 0 y\n"
#elif defined(FAKE_HUGE_SHAPE)
#define SIGNATURE                                                              \
  "nd4j-model 1\ninput f32 2 4611686018427387904 4 x\noutput f32 0 y\n"
#elif defined(FAKE_TRUNCATED)
#define SIGNATURE "nd4j-model 1\ninput f32 2 2 3 x\noutput f32 2 2\n"
#elif defined(FAKE_BAD_ESCAPE)
#define SIGNATURE "nd4j-model 1\ninput f32 0 a\\qb\noutput f32 0 y\n"
#elif defined(FAKE_BAD_RECORD)
#define SIGNATURE "nd4j-model 1\nparam f32 0 w\noutput f32 0 y\n"
#elif defined(FAKE_NO_OUTPUTS)
#define SIGNATURE "nd4j-model 1\ninput f32 0 x\n"
#elif defined(FAKE_EMPTY)
#define SIGNATURE ""
#elif defined(FAKE_BAD_TARGET)
#define SIGNATURE "nd4j-model 1\ntarget tpu\noutput f32 0 y\n"
#else
#error "define one FAKE_* variant"
#endif
EXPORT const char nd4j_model_signature[] = SIGNATURE;
EXPORT int32_t nd4j_model_run(void *const *inputs, void *const *outputs,
                              nd4j_model_context *ctx) {
  return 99;
}
#endif
