/*===- nd4j-mlir/Runtime/nd4j_runtime.h - runtime C API ----------*- C -*-===//
 *
 * The C API of libnd4j_runtime.so: open a model library written by
 * nd4j-compile (nd4j_model_abi.h), inspect its signature, make tensors and
 * run the model on the runtime's thread pool. It is plain C so that C, C++
 * and foreign-function callers use the same entry points.
 *
 * Errors: every function that can fail returns an `nd4j_status` (or a
 * sentinel documented with it) and leaves a message naming the file, input
 * or output and the reason in `nd4j_last_error()`, which is thread-local.
 * Nothing aborts on bad input: a wrong tensor is an error, not a crash.
 *
 *===----------------------------------------------------------------------===*/

#ifndef ND4J_MLIR_RUNTIME_ND4J_RUNTIME_H
#define ND4J_MLIR_RUNTIME_ND4J_RUNTIME_H

#include "nd4j-mlir/Runtime/nd4j_model_abi.h"

#include <stddef.h>
#include <stdint.h>

#if defined(_WIN32)
#define ND4J_RUNTIME_API
#else
#define ND4J_RUNTIME_API __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#endif

/*===--------------------------- status, errors --------------------------===*/

typedef enum nd4j_status {
  ND4J_STATUS_OK = 0,
  ND4J_STATUS_INVALID_ARGUMENT = 1, /* NULL pointer, bad index, bad rank */
  ND4J_STATUS_LOAD_FAILED = 2,      /* no such file, not a shared library */
  ND4J_STATUS_MISSING_SYMBOL = 3,   /* nd4j_model_signature or _run absent */
  ND4J_STATUS_BAD_SIGNATURE = 4,    /* malformed signature text */
  ND4J_STATUS_UNSUPPORTED_ABI = 5,  /* signature of another ABI version */
  ND4J_STATUS_MISMATCH = 6,         /* wrong tensor count, dtype or shape */
  ND4J_STATUS_OUT_OF_MEMORY = 7,
  ND4J_STATUS_RUN_FAILED = 8, /* the model's entry point returned non-zero */
  ND4J_STATUS_UNSUPPORTED_CPU = 9 /* the library needs CPU features the host
                                     lacks (named in the error) */
} nd4j_status;

/* The message of the most recent failing call on this thread ("" if none).
 * Successful calls leave it unchanged. Valid until the next failing call on
 * this thread. */
ND4J_RUNTIME_API const char *nd4j_last_error(void);
/* "ok", "invalid argument", ...; "unknown status" for other values. */
ND4J_RUNTIME_API const char *nd4j_status_string(nd4j_status status);

/*===------------------------------ dtypes -------------------------------===*/

/* The element types of the signature text; the names are those of
 * nd4j_model_abi.h (`f32`, `bool`, ...). */
typedef enum nd4j_dtype {
  ND4J_DTYPE_INVALID = 0,
  ND4J_DTYPE_F16,
  ND4J_DTYPE_BF16,
  ND4J_DTYPE_F32,
  ND4J_DTYPE_F64,
  ND4J_DTYPE_I8,
  ND4J_DTYPE_I16,
  ND4J_DTYPE_I32,
  ND4J_DTYPE_I64,
  ND4J_DTYPE_U8,
  ND4J_DTYPE_U16,
  ND4J_DTYPE_U32,
  ND4J_DTYPE_U64,
  ND4J_DTYPE_BOOL /* one byte, 0 or 1 */
} nd4j_dtype;

/* The signature name ("f32"); "invalid" for values outside the enum. */
ND4J_RUNTIME_API const char *nd4j_dtype_name(nd4j_dtype dtype);
/* The dtype of a signature name; ND4J_DTYPE_INVALID if there is none. */
ND4J_RUNTIME_API nd4j_dtype nd4j_dtype_from_name(const char *name);
/* Bytes per element; 0 for ND4J_DTYPE_INVALID and values outside the enum. */
ND4J_RUNTIME_API size_t nd4j_dtype_size(nd4j_dtype dtype);

/* Tensors and signatures have at most this many dimensions (libnd4j's
 * MAX_RANK). */
#define ND4J_MAX_RANK 32

/*===------------------------------ tensors ------------------------------===*/

/* A dense row-major tensor: dtype, shape and a buffer that is either owned
 * (nd4j_tensor_create, 64-byte aligned) or borrowed (nd4j_tensor_wrap). */
typedef struct nd4j_tensor nd4j_tensor;

/* A zero-filled tensor. `shape` may be NULL when `rank` is 0 (a scalar). */
ND4J_RUNTIME_API nd4j_status nd4j_tensor_create(nd4j_dtype dtype, int32_t rank,
                                                const int64_t *shape,
                                                nd4j_tensor **out);
/* A tensor over the caller's `data` (not copied, not freed); the caller
 * keeps it alive and at least nd4j_tensor_byte_size() bytes long. */
ND4J_RUNTIME_API nd4j_status nd4j_tensor_wrap(nd4j_dtype dtype, int32_t rank,
                                              const int64_t *shape, void *data,
                                              nd4j_tensor **out);
/* Frees the tensor (and its buffer when owned). NULL is allowed. */
ND4J_RUNTIME_API void nd4j_tensor_destroy(nd4j_tensor *tensor);

ND4J_RUNTIME_API void *nd4j_tensor_data(const nd4j_tensor *tensor);
ND4J_RUNTIME_API size_t nd4j_tensor_byte_size(const nd4j_tensor *tensor);
ND4J_RUNTIME_API int64_t nd4j_tensor_num_elements(const nd4j_tensor *tensor);
ND4J_RUNTIME_API nd4j_dtype nd4j_tensor_dtype(const nd4j_tensor *tensor);
ND4J_RUNTIME_API int32_t nd4j_tensor_rank(const nd4j_tensor *tensor);
/* `rank` dimensions; valid as long as the tensor. */
ND4J_RUNTIME_API const int64_t *nd4j_tensor_shape(const nd4j_tensor *tensor);

/*===------------------------------ models -------------------------------===*/

/* A loaded model library and its parsed signature. */
typedef struct nd4j_model nd4j_model;

/* dlopen()s `path` (RTLD_LOCAL | RTLD_NOW; a path without a slash is taken
 * relative to the working directory, never searched for), finds the ABI's
 * two symbols and parses the signature. */
ND4J_RUNTIME_API nd4j_status nd4j_model_open(const char *path,
                                             nd4j_model **out);
/* Unloads the library. NULL is allowed. Tensors stay valid. */
ND4J_RUNTIME_API void nd4j_model_close(nd4j_model *model);
/* The path the model was opened with. */
ND4J_RUNTIME_API const char *nd4j_model_path(const nd4j_model *model);
/* The ABI version of the model's signature (ND4J_MODEL_ABI_VERSION). */
ND4J_RUNTIME_API int32_t nd4j_model_abi_version(const nd4j_model *model);

/* The signature, inputs and outputs in entry-point order. An out-of-range
 * index yields NULL / ND4J_DTYPE_INVALID / -1 and sets the error. */
ND4J_RUNTIME_API int64_t nd4j_model_num_inputs(const nd4j_model *model);
ND4J_RUNTIME_API int64_t nd4j_model_num_outputs(const nd4j_model *model);
ND4J_RUNTIME_API const char *nd4j_model_input_name(const nd4j_model *model,
                                                   int64_t index);
ND4J_RUNTIME_API nd4j_dtype nd4j_model_input_dtype(const nd4j_model *model,
                                                   int64_t index);
ND4J_RUNTIME_API int32_t nd4j_model_input_rank(const nd4j_model *model,
                                               int64_t index);
ND4J_RUNTIME_API const int64_t *nd4j_model_input_shape(const nd4j_model *model,
                                                       int64_t index);
ND4J_RUNTIME_API const char *nd4j_model_output_name(const nd4j_model *model,
                                                    int64_t index);
ND4J_RUNTIME_API nd4j_dtype nd4j_model_output_dtype(const nd4j_model *model,
                                                    int64_t index);
ND4J_RUNTIME_API int32_t nd4j_model_output_rank(const nd4j_model *model,
                                                int64_t index);
ND4J_RUNTIME_API const int64_t *nd4j_model_output_shape(const nd4j_model *model,
                                                        int64_t index);
/* The index of the first input/output called `name`, or -1 (no error set). */
ND4J_RUNTIME_API int64_t nd4j_model_find_input(const nd4j_model *model,
                                               const char *name);
ND4J_RUNTIME_API int64_t nd4j_model_find_output(const nd4j_model *model,
                                                const char *name);

/* Checks one tensor against the signature's input/output `index` the way
 * nd4j_run does (ND4J_STATUS_MISMATCH with e.g. "input 'x' (#0): expected
 * shape [1,3,4,4] f32, got [1,3,4] f32"), so callers can check a tensor as
 * soon as they have read it. */
ND4J_RUNTIME_API nd4j_status nd4j_model_check_input(const nd4j_model *model,
                                                    int64_t index,
                                                    const nd4j_tensor *tensor);
ND4J_RUNTIME_API nd4j_status nd4j_model_check_output(const nd4j_model *model,
                                                     int64_t index,
                                                     const nd4j_tensor *tensor);

/* Runs the model once. `inputs` holds `num_inputs` tensors in signature
 * order; each must match its input's dtype and shape. `outputs` holds
 * `num_outputs` slots: a NULL slot receives a new tensor (the caller destroys
 * it), a non-NULL one is checked like an input and written in place; it must
 * not overlap an input or another output. On failure no slot is changed and
 * nothing is leaked. Several threads may run the same model at once. */
ND4J_RUNTIME_API nd4j_status nd4j_run(nd4j_model *model,
                                      nd4j_tensor *const *inputs,
                                      int64_t num_inputs, nd4j_tensor **outputs,
                                      int64_t num_outputs);

/*===---------------------------- thread pool ----------------------------===*/

/* The number of threads parallel work uses, the calling thread included.
 * The default is $ND4J_NUM_THREADS when it is a positive integer, else the
 * hardware concurrency. `n` = 0 restores the default; negative `n` is an
 * error. Takes effect at the next parallel_for that is not nested in one. */
ND4J_RUNTIME_API nd4j_status nd4j_set_num_threads(int32_t n);
ND4J_RUNTIME_API int32_t nd4j_get_num_threads(void);

/* Calls body(data, begin, end) on disjoint chunks covering [0, n) on the
 * pool; the calling thread takes part and the call returns when every chunk
 * is done. n <= 0 calls nothing. A call from inside a body (or while the
 * pool is busy with another thread's work) runs inline on the caller. */
ND4J_RUNTIME_API void nd4j_parallel_for(int64_t n,
                                        void (*body)(void *data, int64_t begin,
                                                     int64_t end),
                                        void *data);

/* The context nd4j_run passes to a model's entry point, for callers that
 * call an entry point themselves; its parallel_for is nd4j_parallel_for. */
ND4J_RUNTIME_API nd4j_model_context nd4j_default_context(void);

#ifdef __cplusplus
}
#endif

#endif /* ND4J_MLIR_RUNTIME_ND4J_RUNTIME_H */
