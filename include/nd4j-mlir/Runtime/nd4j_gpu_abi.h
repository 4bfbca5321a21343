/*===- nd4j-mlir/Runtime/nd4j_gpu_abi.h - GPU host ABI -----------*- C -*-===//
 *
 * The functions the host code of an NVPTX model library calls, as MLIR's
 * `gpu-to-llvm` and GPU offloading translation emit them (the names and
 * signatures of MLIR's CudaRuntimeWrappers.cpp). libnd4j_runtime.so
 * implements them on the CUDA driver API, which it opens with
 * dlopen("libcuda.so.1") on first use (the environment variable
 * ND4J_CUDA_DRIVER names another library): neither the runtime nor the
 * model library has a link-time CUDA dependency. A model library written by
 * `nd4j-compile --target=nvptx` links libnd4j_runtime.so (DT_NEEDED, with an
 * rpath to the directory it was found in) to resolve these symbols.
 *
 * Contract:
 *  - Every function makes the device's primary context current on the
 *    calling thread (device 0 unless mgpuSetDefaultDevice chose another).
 *  - They have no error return. A failure (no driver, no device, a failing
 *    driver call) is recorded in the runtime, the function returns NULL or
 *    does nothing, and every later call until the runtime clears the record
 *    is a no-op. nd4j_run() checks for a driver and a device before it
 *    calls a model whose signature says `target nvptx`, clears the record
 *    before the call and reports a recorded failure after it as
 *    ND4J_STATUS_RUN_FAILED with the driver's message (nd4j_last_error()).
 *  - mgpuModuleLoad may run from the model library's constructor, at
 *    dlopen time; without a driver it records the failure and returns NULL,
 *    and launches of its kernels are then no-ops.
 *  - mgpuLaunchKernel with a grid or block dimension of zero (the loops of
 *    a zero-size tensor) launches nothing and succeeds.
 *  - Pointers returned by mgpuMemAlloc are device pointers (CUdeviceptr);
 *    mgpuMemcpy copies in any direction (unified addressing).
 *  - With a stream, and a driver that has the stream-ordered allocator
 *    (cuMemAllocAsync, CUDA 11.2 and later), mgpuMemAlloc allocates from
 *    the device's default memory pool, set to keep freed memory for reuse,
 *    and mgpuMemFree returns such a buffer in stream order without waiting
 *    (on its stream argument, else the stream it was allocated on).
 *    Otherwise mgpuMemFree waits for the stream and calls cuMemFree. The
 *    environment variable ND4J_CUDA_STREAM_ORDERED=0 turns the pool off.
 *  - The record is process-wide: concurrent GPU models may see each
 *    other's failures.
 *
 *===----------------------------------------------------------------------===*/

#ifndef ND4J_MLIR_RUNTIME_ND4J_GPU_ABI_H
#define ND4J_MLIR_RUNTIME_ND4J_GPU_ABI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Modules: a cubin, fatbin or NUL-terminated PTX image (Load), or PTX to
 * compile with the driver's JIT at `optLevel` (LoadJIT). */
void *mgpuModuleLoad(void *data, size_t gpuBlobSize);
void *mgpuModuleLoadJIT(void *data, int optLevel);
void mgpuModuleUnload(void *module);
void *mgpuModuleGetFunction(void *module, const char *name);

void mgpuLaunchKernel(void *function, intptr_t gridX, intptr_t gridY,
                      intptr_t gridZ, intptr_t blockX, intptr_t blockY,
                      intptr_t blockZ, int32_t smem, void *stream,
                      void **params, void **extra, size_t paramsCount);

void *mgpuStreamCreate(void);
void mgpuStreamDestroy(void *stream);
void mgpuStreamSynchronize(void *stream);
void mgpuStreamWaitEvent(void *stream, void *event);

void *mgpuEventCreate(void);
void mgpuEventDestroy(void *event);
void mgpuEventSynchronize(void *event);
void mgpuEventRecord(void *event, void *stream);

/* `isHostShared` allocates managed memory. */
void *mgpuMemAlloc(uint64_t sizeBytes, void *stream, bool isHostShared);
void mgpuMemFree(void *ptr, void *stream);
void mgpuMemcpy(void *dst, void *src, size_t sizeBytes, void *stream);
void mgpuMemset32(void *dst, unsigned int value, size_t count, void *stream);
void mgpuMemset16(void *dst, unsigned short value, size_t count, void *stream);

void mgpuSetDefaultDevice(int32_t device);

/* nd4j's own: device copies of a model's constants (weights), uploaded once.
 * `slot` is a pointer-sized variable of the model library, NULL at first.
 * nd4jGpuConstant returns *slot when it is set; otherwise it allocates
 * `sizeBytes` of device memory, copies `host` into it and waits for the
 * copy, stores the device pointer into *slot and returns it (once per slot
 * even when threads race: the runtime serializes first uploads). On failure
 * it records it as above and returns NULL. nd4jGpuConstantRelease frees the
 * device copy and sets *slot to NULL; the library calls it for every slot
 * from its destructor, so constants live as long as the library is loaded.
 * Failures while releasing are ignored. */
void *nd4jGpuConstant(void **slot, const void *host, uint64_t sizeBytes);
void nd4jGpuConstantRelease(void **slot);

#ifdef __cplusplus
}
#endif

#endif /* ND4J_MLIR_RUNTIME_ND4J_GPU_ABI_H */
