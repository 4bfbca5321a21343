//===- Cuda.cpp - the mgpu* functions on the CUDA driver API --------------===//
//
// Implements nd4j-mlir/Runtime/nd4j_gpu_abi.h. The driver is opened with
// dlopen on first use, so that the runtime loads, and CPU models run, on
// machines without one; a missing driver or device is a recorded failure
// that nd4j_run reports, never a crash.
//
//===----------------------------------------------------------------------===//

#include "nd4j-mlir/Runtime/nd4j_gpu_abi.h"
#include "runtime/Internal.h"

#include <cstdlib>
#include <dlfcn.h>
#include <mutex>
#include <unordered_map>

namespace {

// The few driver API types and entry points we use (cuda.h is not needed).
using CUresult = int;
using CUdevice = int;
using CUdeviceptr = unsigned long long;
using CUcontext = void *;
using CUmodule = void *;
using CUfunction = void *;
using CUstream = void *;
using CUevent = void *;
using CUmemoryPool = void *;
constexpr CUresult CUDA_SUCCESS = 0;
constexpr unsigned CU_MEM_ATTACH_GLOBAL = 1;
constexpr int CU_JIT_OPTIMIZATION_LEVEL = 7;
constexpr int CU_MEMPOOL_ATTR_RELEASE_THRESHOLD = 4;

struct Driver {
  void *handle = nullptr;
  CUresult (*cuInit)(unsigned);
  CUresult (*cuDeviceGetCount)(int *);
  CUresult (*cuDeviceGet)(CUdevice *, int);
  CUresult (*cuDevicePrimaryCtxRetain)(CUcontext *, CUdevice);
  CUresult (*cuCtxSetCurrent)(CUcontext);
  CUresult (*cuGetErrorString)(CUresult, const char **);
  CUresult (*cuModuleLoadData)(CUmodule *, const void *);
  CUresult (*cuModuleLoadDataEx)(CUmodule *, const void *, unsigned, int *,
                                 void **);
  CUresult (*cuModuleUnload)(CUmodule);
  CUresult (*cuModuleGetFunction)(CUfunction *, CUmodule, const char *);
  CUresult (*cuLaunchKernel)(CUfunction, unsigned, unsigned, unsigned, unsigned,
                             unsigned, unsigned, unsigned, CUstream, void **,
                             void **);
  CUresult (*cuStreamCreate)(CUstream *, unsigned);
  CUresult (*cuStreamDestroy)(CUstream);
  CUresult (*cuStreamSynchronize)(CUstream);
  CUresult (*cuStreamWaitEvent)(CUstream, CUevent, unsigned);
  CUresult (*cuEventCreate)(CUevent *, unsigned);
  CUresult (*cuEventDestroy)(CUevent);
  CUresult (*cuEventSynchronize)(CUevent);
  CUresult (*cuEventRecord)(CUevent, CUstream);
  CUresult (*cuMemAlloc)(CUdeviceptr *, size_t);
  CUresult (*cuMemAllocManaged)(CUdeviceptr *, size_t, unsigned);
  CUresult (*cuMemFree)(CUdeviceptr);
  CUresult (*cuMemcpyAsync)(CUdeviceptr, CUdeviceptr, size_t, CUstream);
  CUresult (*cuMemsetD32Async)(CUdeviceptr, unsigned, size_t, CUstream);
  CUresult (*cuMemsetD16Async)(CUdeviceptr, unsigned short, size_t, CUstream);
  // Stream-ordered allocation (CUDA 11.2 drivers and later), optional.
  CUresult (*cuMemAllocAsync)(CUdeviceptr *, size_t, CUstream) = nullptr;
  CUresult (*cuMemFreeAsync)(CUdeviceptr, CUstream) = nullptr;
  CUresult (*cuDeviceGetDefaultMemPool)(CUmemoryPool *, CUdevice) = nullptr;
  CUresult (*cuMemPoolSetAttribute)(CUmemoryPool, int, void *) = nullptr;
};

std::mutex mutex;
Driver driver;
bool tried = false;    // guarded by mutex
std::string initError; // why the driver or device is unusable
std::string failure;   // the recorded failure of an mgpu* call
int32_t defaultDevice = 0;
CUcontext context = nullptr;
/// Whether mgpuMemAlloc/mgpuMemFree on a stream use the driver's
/// stream-ordered allocator (no synchronization per free, freed memory
/// pooled for the next run) instead of cuMemAlloc/cuMemFree.
bool streamOrdered = false;
/// The buffers that came from the stream-ordered allocator, with the stream
/// each was allocated on (guarded by `mutex`): only these are freed with
/// cuMemFreeAsync.
std::unordered_map<void *, CUstream> poolBuffers;

template <typename Fn> bool bind(Fn &fn, const char *name) {
  fn = reinterpret_cast<Fn>(dlsym(driver.handle, name));
  return fn != nullptr;
}

std::string describe(CUresult rc) {
  const char *text = nullptr;
  if (driver.cuGetErrorString && driver.cuGetErrorString(rc, &text) == 0 &&
      text)
    return text;
  return "CUDA error " + std::to_string(rc);
}

/// Opens the driver and retains the device's primary context, once.
/// Requires `mutex`.
bool initLocked() {
  if (tried)
    return initError.empty();
  tried = true;
  const char *name = std::getenv("ND4J_CUDA_DRIVER");
  if (!name || !*name)
    name = "libcuda.so.1";
  driver.handle = dlopen(name, RTLD_NOW | RTLD_LOCAL);
  if (!driver.handle) {
    initError = std::string("CUDA driver ") + name + " not found";
    return false;
  }
  bool ok = bind(driver.cuInit, "cuInit") &&
            bind(driver.cuDeviceGetCount, "cuDeviceGetCount") &&
            bind(driver.cuDeviceGet, "cuDeviceGet") &&
            bind(driver.cuDevicePrimaryCtxRetain, "cuDevicePrimaryCtxRetain") &&
            bind(driver.cuCtxSetCurrent, "cuCtxSetCurrent") &&
            bind(driver.cuGetErrorString, "cuGetErrorString") &&
            bind(driver.cuModuleLoadData, "cuModuleLoadData") &&
            bind(driver.cuModuleLoadDataEx, "cuModuleLoadDataEx") &&
            bind(driver.cuModuleUnload, "cuModuleUnload") &&
            bind(driver.cuModuleGetFunction, "cuModuleGetFunction") &&
            bind(driver.cuLaunchKernel, "cuLaunchKernel") &&
            bind(driver.cuStreamCreate, "cuStreamCreate") &&
            bind(driver.cuStreamDestroy, "cuStreamDestroy_v2") &&
            bind(driver.cuStreamSynchronize, "cuStreamSynchronize") &&
            bind(driver.cuStreamWaitEvent, "cuStreamWaitEvent") &&
            bind(driver.cuEventCreate, "cuEventCreate") &&
            bind(driver.cuEventDestroy, "cuEventDestroy_v2") &&
            bind(driver.cuEventSynchronize, "cuEventSynchronize") &&
            bind(driver.cuEventRecord, "cuEventRecord") &&
            bind(driver.cuMemAlloc, "cuMemAlloc_v2") &&
            bind(driver.cuMemAllocManaged, "cuMemAllocManaged") &&
            bind(driver.cuMemFree, "cuMemFree_v2") &&
            bind(driver.cuMemcpyAsync, "cuMemcpyAsync") &&
            bind(driver.cuMemsetD32Async, "cuMemsetD32Async") &&
            bind(driver.cuMemsetD16Async, "cuMemsetD16Async");
  if (!ok) {
    initError = std::string("CUDA driver ") + name +
                " lacks a driver API function the runtime needs";
    return false;
  }
  int count = 0;
  CUresult rc = driver.cuInit(0);
  if (rc == CUDA_SUCCESS)
    rc = driver.cuDeviceGetCount(&count);
  if (rc != CUDA_SUCCESS || count == 0) {
    initError = "no CUDA device" +
                (rc != CUDA_SUCCESS ? " (" + describe(rc) + ")" : "");
    return false;
  }
  if (defaultDevice < 0 || defaultDevice >= count) {
    initError = "no CUDA device " + std::to_string(defaultDevice) + " (" +
                std::to_string(count) + " present)";
    return false;
  }
  CUdevice device;
  rc = driver.cuDeviceGet(&device, defaultDevice);
  if (rc == CUDA_SUCCESS)
    rc = driver.cuDevicePrimaryCtxRetain(&context, device);
  if (rc != CUDA_SUCCESS) {
    initError = "cannot create a CUDA context: " + describe(rc);
    return false;
  }
  // The stream-ordered allocator where the driver has it, its default pool
  // keeping freed memory (no release threshold) so that later runs reuse
  // it; ND4J_CUDA_STREAM_ORDERED=0 turns it off.
  const char *ordered = std::getenv("ND4J_CUDA_STREAM_ORDERED");
  CUmemoryPool pool = nullptr;
  uint64_t keepAll = UINT64_MAX;
  streamOrdered =
      !(ordered && std::string(ordered) == "0") &&
      bind(driver.cuMemAllocAsync, "cuMemAllocAsync") &&
      bind(driver.cuMemFreeAsync, "cuMemFreeAsync") &&
      bind(driver.cuDeviceGetDefaultMemPool, "cuDeviceGetDefaultMemPool") &&
      bind(driver.cuMemPoolSetAttribute, "cuMemPoolSetAttribute") &&
      driver.cuDeviceGetDefaultMemPool(&pool, device) == CUDA_SUCCESS &&
      driver.cuMemPoolSetAttribute(pool, CU_MEMPOOL_ATTR_RELEASE_THRESHOLD,
                                   &keepAll) == CUDA_SUCCESS;
  return true;
}

/// Ready to call the driver on this thread: initialized, context current,
/// no failure recorded.
bool ready() {
  std::lock_guard<std::mutex> lock(mutex);
  if (!initLocked()) {
    if (failure.empty())
      failure = initError;
    return false;
  }
  if (!failure.empty())
    return false;
  thread_local CUcontext current = nullptr;
  if (current != context) {
    CUresult rc = driver.cuCtxSetCurrent(context);
    if (rc != CUDA_SUCCESS) {
      failure = "cuCtxSetCurrent: " + describe(rc);
      return false;
    }
    current = context;
  }
  return true;
}

/// Records the first failing call; returns whether `rc` is success.
bool check(CUresult rc, const char *call) {
  if (rc == CUDA_SUCCESS)
    return true;
  std::lock_guard<std::mutex> lock(mutex);
  if (failure.empty())
    failure = std::string(call) + ": " + describe(rc);
  return false;
}

CUdeviceptr devicePtr(const void *p) {
  return static_cast<CUdeviceptr>(reinterpret_cast<uintptr_t>(p));
}

} // namespace

bool nd4j::runtime::cudaAvailable(std::string &error) {
  std::lock_guard<std::mutex> lock(mutex);
  if (initLocked())
    return true;
  error = initError;
  return false;
}

void nd4j::runtime::clearCudaFailure() {
  std::lock_guard<std::mutex> lock(mutex);
  failure.clear();
}

bool nd4j::runtime::takeCudaFailure(std::string &error) {
  std::lock_guard<std::mutex> lock(mutex);
  if (failure.empty())
    return false;
  error = failure;
  failure.clear();
  return true;
}

#define ND4J_GPU_API extern "C" __attribute__((visibility("default")))

ND4J_GPU_API void *mgpuModuleLoad(void *data, size_t gpuBlobSize) {
  CUmodule module = nullptr;
  if (ready())
    check(driver.cuModuleLoadData(&module, data), "cuModuleLoadData");
  return module;
}

ND4J_GPU_API void *mgpuModuleLoadJIT(void *data, int optLevel) {
  CUmodule module = nullptr;
  if (!ready())
    return nullptr;
  int options[] = {CU_JIT_OPTIMIZATION_LEVEL};
  void *values[] = {reinterpret_cast<void *>(static_cast<intptr_t>(optLevel))};
  check(driver.cuModuleLoadDataEx(&module, data, 1, options, values),
        "cuModuleLoadDataEx");
  return module;
}

ND4J_GPU_API void mgpuModuleUnload(void *module) {
  // Runs from the library's destructor; never touch a driver we lack.
  if (module && ready())
    check(driver.cuModuleUnload(module), "cuModuleUnload");
}

ND4J_GPU_API void *mgpuModuleGetFunction(void *module, const char *name) {
  CUfunction function = nullptr;
  if (!module || !ready())
    return nullptr;
  check(driver.cuModuleGetFunction(&function, module, name),
        "cuModuleGetFunction");
  return function;
}

ND4J_GPU_API void mgpuLaunchKernel(void *function, intptr_t gridX,
                                   intptr_t gridY, intptr_t gridZ,
                                   intptr_t blockX, intptr_t blockY,
                                   intptr_t blockZ, int32_t smem, void *stream,
                                   void **params, void **extra,
                                   size_t paramsCount) {
  // An empty grid or block (a zero-size tensor) has no work; the driver
  // would reject it.
  if (gridX <= 0 || gridY <= 0 || gridZ <= 0 || blockX <= 0 || blockY <= 0 ||
      blockZ <= 0)
    return;
  if (!ready())
    return;
  if (!function) {
    std::lock_guard<std::mutex> lock(mutex);
    if (failure.empty())
      failure = "mgpuLaunchKernel: no kernel (the GPU module did not load)";
    return;
  }
  check(driver.cuLaunchKernel(
            function, static_cast<unsigned>(gridX),
            static_cast<unsigned>(gridY), static_cast<unsigned>(gridZ),
            static_cast<unsigned>(blockX), static_cast<unsigned>(blockY),
            static_cast<unsigned>(blockZ), static_cast<unsigned>(smem), stream,
            params, extra),
        "cuLaunchKernel");
}

ND4J_GPU_API void *mgpuStreamCreate(void) {
  CUstream stream = nullptr;
  if (ready())
    check(driver.cuStreamCreate(&stream, /*CU_STREAM_NON_BLOCKING=*/1),
          "cuStreamCreate");
  return stream;
}

ND4J_GPU_API void mgpuStreamDestroy(void *stream) {
  if (stream && ready())
    check(driver.cuStreamDestroy(stream), "cuStreamDestroy");
}

ND4J_GPU_API void mgpuStreamSynchronize(void *stream) {
  if (ready())
    check(driver.cuStreamSynchronize(stream), "cuStreamSynchronize");
}

ND4J_GPU_API void mgpuStreamWaitEvent(void *stream, void *event) {
  if (event && ready())
    check(driver.cuStreamWaitEvent(stream, event, 0), "cuStreamWaitEvent");
}

ND4J_GPU_API void *mgpuEventCreate(void) {
  CUevent event = nullptr;
  if (ready())
    check(driver.cuEventCreate(&event, /*CU_EVENT_DISABLE_TIMING=*/2),
          "cuEventCreate");
  return event;
}

ND4J_GPU_API void mgpuEventDestroy(void *event) {
  if (event && ready())
    check(driver.cuEventDestroy(event), "cuEventDestroy");
}

ND4J_GPU_API void mgpuEventSynchronize(void *event) {
  if (event && ready())
    check(driver.cuEventSynchronize(event), "cuEventSynchronize");
}

ND4J_GPU_API void mgpuEventRecord(void *event, void *stream) {
  if (event && ready())
    check(driver.cuEventRecord(event, stream), "cuEventRecord");
}

ND4J_GPU_API void *mgpuMemAlloc(uint64_t sizeBytes, void *stream,
                                bool isHostShared) {
  CUdeviceptr ptr = 0;
  if (sizeBytes == 0 || !ready())
    return nullptr;
  if (isHostShared)
    check(driver.cuMemAllocManaged(&ptr, sizeBytes, CU_MEM_ATTACH_GLOBAL),
          "cuMemAllocManaged");
  else if (stream && streamOrdered) {
    if (check(driver.cuMemAllocAsync(&ptr, sizeBytes, stream),
              "cuMemAllocAsync")) {
      std::lock_guard<std::mutex> lock(mutex);
      poolBuffers[reinterpret_cast<void *>(static_cast<uintptr_t>(ptr))] =
          stream;
    }
  } else
    check(driver.cuMemAlloc(&ptr, sizeBytes), "cuMemAlloc");
  return reinterpret_cast<void *>(static_cast<uintptr_t>(ptr));
}

ND4J_GPU_API void mgpuMemFree(void *ptr, void *stream) {
  if (!ptr || !ready())
    return;
  // Stream-ordered: freed once the work queued on `stream` before it is
  // done, without waiting here.
  CUstream allocatedOn = nullptr;
  bool fromPool = false;
  {
    std::lock_guard<std::mutex> lock(mutex);
    auto it = poolBuffers.find(ptr);
    if (it != poolBuffers.end()) {
      fromPool = true;
      allocatedOn = it->second;
      poolBuffers.erase(it);
    }
  }
  if (fromPool) {
    // Generated code frees on the stream that used the buffer; without one,
    // the stream it was allocated on.
    check(driver.cuMemFreeAsync(devicePtr(ptr), stream ? stream : allocatedOn),
          "cuMemFreeAsync");
    return;
  }
  // Work queued on `stream` may still use the buffer.
  if (stream)
    check(driver.cuStreamSynchronize(stream), "cuStreamSynchronize");
  check(driver.cuMemFree(devicePtr(ptr)), "cuMemFree");
}

ND4J_GPU_API void mgpuMemcpy(void *dst, void *src, size_t sizeBytes,
                             void *stream) {
  if (sizeBytes && ready())
    check(
        driver.cuMemcpyAsync(devicePtr(dst), devicePtr(src), sizeBytes, stream),
        "cuMemcpyAsync");
}

ND4J_GPU_API void mgpuMemset32(void *dst, unsigned int value, size_t count,
                               void *stream) {
  if (count && ready())
    check(driver.cuMemsetD32Async(devicePtr(dst), value, count, stream),
          "cuMemsetD32Async");
}

ND4J_GPU_API void mgpuMemset16(void *dst, unsigned short value, size_t count,
                               void *stream) {
  if (count && ready())
    check(driver.cuMemsetD16Async(devicePtr(dst), value, count, stream),
          "cuMemsetD16Async");
}

ND4J_GPU_API void mgpuSetDefaultDevice(int32_t device) {
  std::lock_guard<std::mutex> lock(mutex);
  // Takes effect only before the driver is first used.
  if (!tried)
    defaultDevice = device;
}

ND4J_GPU_API void *nd4jGpuConstant(void **slot, const void *host,
                                   uint64_t sizeBytes) {
  if (void *device = __atomic_load_n(slot, __ATOMIC_ACQUIRE))
    return device;
  if (sizeBytes == 0 || !ready())
    return nullptr;
  static std::mutex uploads;
  std::lock_guard<std::mutex> lock(uploads);
  if (void *device = __atomic_load_n(slot, __ATOMIC_ACQUIRE))
    return device;
  CUdeviceptr device = 0;
  if (!check(driver.cuMemAlloc(&device, sizeBytes), "cuMemAlloc"))
    return nullptr;
  // On the legacy default stream, then waited for: the copy is complete
  // before any model stream (non-blocking) can use it.
  if (!check(driver.cuMemcpyAsync(device, devicePtr(host), sizeBytes, nullptr),
             "cuMemcpyAsync") ||
      !check(driver.cuStreamSynchronize(nullptr), "cuStreamSynchronize")) {
    driver.cuMemFree(device);
    return nullptr;
  }
  void *result = reinterpret_cast<void *>(static_cast<uintptr_t>(device));
  __atomic_store_n(slot, result, __ATOMIC_RELEASE);
  return result;
}

ND4J_GPU_API void nd4jGpuConstantRelease(void **slot) {
  void *device = __atomic_exchange_n(slot, nullptr, __ATOMIC_ACQ_REL);
  if (!device)
    return;
  {
    std::lock_guard<std::mutex> lock(mutex);
    if (!context)
      return;
  }
  // At process exit the driver may already be shut down: ignore failures.
  if (driver.cuCtxSetCurrent(context) == CUDA_SUCCESS)
    driver.cuMemFree(devicePtr(device));
}
