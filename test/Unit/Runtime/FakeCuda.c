/*===- FakeCuda.c - a CUDA driver stand-in for tests without a GPU --------===*
 *
 * The driver API functions runtime/Cuda.cpp binds, on host memory: device
 * memory is malloc'ed, copies are memcpy, modules and functions are dummy
 * handles, and launches run nothing. It lets tests run an NVPTX model's
 * host code through the runtime (ND4J_CUDA_DRIVER=fake_cuda.so) and check
 * what it asks of the driver; results are not computed.
 *
 * At exit (or when the runtime unloads it) it prints its counters to stderr
 * as one line:
 *   fake-cuda: launches L allocs A frees F live-bytes B copies C
 *   default-stream-copies D streams S/T modules M/U stream-ordered P/Q
 * (A/F: all allocations and frees; D: copies on the legacy default stream,
 * which only the runtime's constant uploads use; S/T: streams
 * created/destroyed, M/U: modules loaded/unloaded; P/Q: allocations and
 * frees through the stream-ordered allocator, cuMemAllocAsync and
 * cuMemFreeAsync). FAKE_CUDA_FAIL=NAME makes cuMemAlloc or cuMemAllocAsync
 * fail.
 *
 *===----------------------------------------------------------------------===*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef int CUresult;
typedef unsigned long long CUdeviceptr;

static long launches, allocs, frees, copies, defaultStreamCopies;
static long streamsCreated, streamsDestroyed, modulesLoaded, modulesUnloaded;
static long orderedAllocs, orderedFrees;
static long long liveBytes;

/* Allocations carry their size in a header, to count live bytes. */
static void *allocate(size_t bytes) {
  size_t *block = malloc(bytes + 16);
  if (!block)
    return NULL;
  block[0] = bytes;
  liveBytes += (long long)bytes;
  ++allocs;
  return (char *)block + 16;
}

static int failing(const char *name) {
  const char *fail = getenv("FAKE_CUDA_FAIL");
  return fail && strcmp(fail, name) == 0;
}

__attribute__((destructor)) static void report(void) {
  fprintf(stderr,
          "fake-cuda: launches %ld allocs %ld frees %ld live-bytes %lld "
          "copies %ld default-stream-copies %ld streams %ld/%ld modules "
          "%ld/%ld stream-ordered %ld/%ld\n",
          launches, allocs, frees, liveBytes, copies, defaultStreamCopies,
          streamsCreated, streamsDestroyed, modulesLoaded, modulesUnloaded,
          orderedAllocs, orderedFrees);
}

/* For tests that load this library themselves: the counters, in the order
 * of the report. */
__attribute__((visibility("default"))) void fake_cuda_counters(long out[12]) {
  long values[12] = {launches,        allocs,           frees,
                     (long)liveBytes, copies,           defaultStreamCopies,
                     streamsCreated,  streamsDestroyed, modulesLoaded,
                     modulesUnloaded, orderedAllocs,    orderedFrees};
  memcpy(out, values, sizeof(values));
}

CUresult cuInit(unsigned flags) { return 0; }
CUresult cuDeviceGetCount(int *count) {
  *count = 1;
  return 0;
}
CUresult cuDeviceGet(int *device, int ordinal) {
  *device = ordinal;
  return 0;
}
CUresult cuDevicePrimaryCtxRetain(void **context, int device) {
  *context = (void *)0x10;
  return 0;
}
CUresult cuCtxSetCurrent(void *context) { return 0; }
CUresult cuGetErrorString(CUresult rc, const char **text) {
  *text = "fake CUDA failure";
  return 0;
}
CUresult cuModuleLoadData(void **module, const void *image) {
  ++modulesLoaded;
  *module = (void *)0x20;
  return 0;
}
CUresult cuModuleLoadDataEx(void **module, const void *image, unsigned n,
                            int *options, void **values) {
  return cuModuleLoadData(module, image);
}
CUresult cuModuleUnload(void *module) {
  ++modulesUnloaded;
  return 0;
}
CUresult cuModuleGetFunction(void **function, void *module, const char *name) {
  *function = (void *)0x30;
  return 0;
}
CUresult cuLaunchKernel(void *f, unsigned gx, unsigned gy, unsigned gz,
                        unsigned bx, unsigned by, unsigned bz, unsigned smem,
                        void *stream, void **params, void **extra) {
  ++launches;
  return 0;
}
CUresult cuStreamCreate(void **stream, unsigned flags) {
  ++streamsCreated;
  *stream = (void *)0x40;
  return 0;
}
CUresult cuStreamDestroy_v2(void *stream) {
  ++streamsDestroyed;
  return 0;
}
CUresult cuStreamSynchronize(void *stream) { return 0; }
CUresult cuStreamWaitEvent(void *stream, void *event, unsigned flags) {
  return 0;
}
CUresult cuEventCreate(void **event, unsigned flags) {
  *event = (void *)0x50;
  return 0;
}
CUresult cuEventDestroy_v2(void *event) { return 0; }
CUresult cuEventSynchronize(void *event) { return 0; }
CUresult cuEventRecord(void *event, void *stream) { return 0; }
CUresult cuMemAlloc_v2(CUdeviceptr *ptr, size_t bytes) {
  if (failing("cuMemAlloc"))
    return 2; /* CUDA_ERROR_OUT_OF_MEMORY */
  void *p = allocate(bytes);
  *ptr = (CUdeviceptr)p;
  return p ? 0 : 2;
}
CUresult cuMemAllocManaged(CUdeviceptr *ptr, size_t bytes, unsigned flags) {
  return cuMemAlloc_v2(ptr, bytes);
}
CUresult cuMemFree_v2(CUdeviceptr ptr) {
  size_t *block = (size_t *)((char *)ptr - 16);
  liveBytes -= (long long)block[0];
  ++frees;
  free(block);
  return 0;
}
CUresult cuMemcpyAsync(CUdeviceptr dst, CUdeviceptr src, size_t bytes,
                       void *stream) {
  ++copies;
  if (!stream)
    ++defaultStreamCopies;
  memmove((void *)dst, (const void *)src, bytes);
  return 0;
}
CUresult cuMemsetD32Async(CUdeviceptr dst, unsigned value, size_t n,
                          void *stream) {
  for (size_t i = 0; i < n; ++i)
    ((unsigned *)dst)[i] = value;
  return 0;
}
CUresult cuMemsetD16Async(CUdeviceptr dst, unsigned short value, size_t n,
                          void *stream) {
  for (size_t i = 0; i < n; ++i)
    ((unsigned short *)dst)[i] = value;
  return 0;
}
CUresult cuMemAllocAsync(CUdeviceptr *ptr, size_t bytes, void *stream) {
  if (failing("cuMemAllocAsync"))
    return 2;
  CUresult rc = cuMemAlloc_v2(ptr, bytes);
  if (rc == 0)
    ++orderedAllocs;
  return rc;
}
CUresult cuMemFreeAsync(CUdeviceptr ptr, void *stream) {
  ++orderedFrees;
  return cuMemFree_v2(ptr);
}
CUresult cuDeviceGetDefaultMemPool(void **pool, int device) {
  *pool = (void *)0x60;
  return 0;
}
CUresult cuMemPoolSetAttribute(void *pool, int attribute, void *value) {
  return 0;
}
