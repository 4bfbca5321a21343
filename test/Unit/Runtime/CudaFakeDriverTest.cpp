//===- CudaFakeDriverTest.cpp - the runtime's CUDA path, fake driver ------===//
//
// runtime/Cuda.cpp against the CUDA driver stand-in of FakeCuda.c (device
// memory is host memory, launches run nothing): the weights' upload-once
// slots under racing threads and their release, the stream-ordered
// allocator's bookkeeping, and how a failing driver call is recorded and
// cleared. Its own executable: the runtime opens the driver once per
// process, and RuntimeTest.cpp needs the no-driver case.
//
//===----------------------------------------------------------------------===//

#include "nd4j-mlir/Runtime/nd4j_gpu_abi.h"
#include "nd4j-mlir/Runtime/nd4j_runtime.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <string>
#include <thread>
#include <vector>

namespace {

const std::string kDriver = std::string(ND4J_FAKE_MODEL_DIR) + "/fake_cuda.so";

/// The fake driver's counters (FakeCuda.c: fake_cuda_counters).
struct Counters {
  long launches, allocs, frees, liveBytes, copies, defaultStreamCopies,
      streamsCreated, streamsDestroyed, modulesLoaded, modulesUnloaded,
      orderedAllocs, orderedFrees;
};

Counters counters() {
  // The runtime opened the same library: dlopen returns that handle.
  void *handle = dlopen(kDriver.c_str(), RTLD_NOW | RTLD_NOLOAD);
  EXPECT_NE(handle, nullptr) << "the runtime has not opened " << kDriver;
  Counters result{};
  if (!handle)
    return result;
  auto read =
      reinterpret_cast<void (*)(long *)>(dlsym(handle, "fake_cuda_counters"));
  EXPECT_NE(read, nullptr);
  long values[12] = {};
  if (read)
    read(values);
  std::memcpy(&result, values, sizeof(values));
  dlclose(handle);
  return result;
}

TEST(RuntimeCudaFake, ConstantUploadedOnceUnderRacingThreads) {
  std::vector<float> host(1024);
  for (size_t i = 0; i < host.size(); ++i)
    host[i] = 0.5f * static_cast<float>(i);
  void *slot = nullptr;
  // First use opens the driver.
  mgpuStreamDestroy(mgpuStreamCreate());
  Counters before = counters();
  std::vector<void *> got(16, nullptr);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < got.size(); ++i)
    threads.emplace_back([&, i] {
      got[i] = nd4jGpuConstant(&slot, host.data(), host.size() * 4);
    });
  for (std::thread &thread : threads)
    thread.join();
  Counters after = counters();
  ASSERT_NE(got[0], nullptr);
  for (void *device : got)
    EXPECT_EQ(device, got[0]);
  EXPECT_EQ(slot, got[0]);
  EXPECT_EQ(after.allocs - before.allocs, 1);
  EXPECT_EQ(after.defaultStreamCopies - before.defaultStreamCopies, 1);
  EXPECT_EQ(after.orderedAllocs, before.orderedAllocs); // Not from the pool.
  // The fake's device memory is host memory: the copy is there.
  EXPECT_EQ(std::memcmp(got[0], host.data(), host.size() * 4), 0);

  nd4jGpuConstantRelease(&slot);
  EXPECT_EQ(slot, nullptr);
  EXPECT_EQ(counters().frees - after.frees, 1);
  nd4jGpuConstantRelease(&slot); // Already released: nothing.
  EXPECT_EQ(counters().frees - after.frees, 1);
  EXPECT_EQ(counters().liveBytes, before.liveBytes);
}

TEST(RuntimeCudaFake, StreamOrderedBuffersAreTracked) {
  void *stream = mgpuStreamCreate();
  ASSERT_NE(stream, nullptr);
  Counters before = counters();
  // On a stream: from the pool; freed without a stream, on its own.
  void *pooled = mgpuMemAlloc(256, stream, false);
  ASSERT_NE(pooled, nullptr);
  mgpuMemFree(pooled, nullptr);
  Counters mid = counters();
  EXPECT_EQ(mid.orderedAllocs - before.orderedAllocs, 1);
  EXPECT_EQ(mid.orderedFrees - before.orderedFrees, 1);
  // Without a stream: cuMemAlloc, and cuMemFree even when freed on one.
  void *plain = mgpuMemAlloc(256, nullptr, false);
  ASSERT_NE(plain, nullptr);
  mgpuMemFree(plain, stream);
  Counters after = counters();
  EXPECT_EQ(after.orderedAllocs, mid.orderedAllocs);
  EXPECT_EQ(after.orderedFrees, mid.orderedFrees);
  EXPECT_EQ(after.allocs - mid.allocs, 1);
  EXPECT_EQ(after.frees - mid.frees, 1);
  EXPECT_EQ(after.liveBytes, before.liveBytes);
  // Copies go both ways through the (fake) device.
  float in[4] = {1, 2, 3, 4}, out[4] = {};
  void *device = mgpuMemAlloc(sizeof(in), stream, false);
  mgpuMemcpy(device, in, sizeof(in), stream);
  mgpuMemcpy(out, device, sizeof(out), stream);
  mgpuStreamSynchronize(stream);
  mgpuMemFree(device, stream);
  EXPECT_EQ(std::memcmp(in, out, sizeof(in)), 0);
  mgpuStreamDestroy(stream);
}

TEST(RuntimeCudaFake, EmptyLaunchRunsNothing) {
  Counters before = counters();
  // A zero-size tensor's kernel: no launch, and no recorded failure (the
  // next call still works).
  mgpuLaunchKernel(reinterpret_cast<void *>(0x30), 0, 1, 1, 256, 1, 1, 0,
                   nullptr, nullptr, nullptr, 0);
  mgpuLaunchKernel(reinterpret_cast<void *>(0x30), 4, 1, 1, 256, 0, 1, 0,
                   nullptr, nullptr, nullptr, 0);
  EXPECT_EQ(counters().launches, before.launches);
  mgpuLaunchKernel(reinterpret_cast<void *>(0x30), 4, 1, 1, 256, 1, 1, 0,
                   nullptr, nullptr, nullptr, 0);
  EXPECT_EQ(counters().launches - before.launches, 1);
}

// A failing call is recorded: it and every later call return nothing until
// nd4j_run clears the record before it calls an NVPTX model.
TEST(RuntimeCudaFake, FailureIsRecordedUntilARunClearsIt) {
  float value = 1.0f;
  void *slot = nullptr;
  ASSERT_EQ(setenv("FAKE_CUDA_FAIL", "cuMemAlloc", 1), 0);
  EXPECT_EQ(nd4jGpuConstant(&slot, &value, sizeof(value)), nullptr);
  EXPECT_EQ(slot, nullptr);
  ASSERT_EQ(unsetenv("FAKE_CUDA_FAIL"), 0);
  EXPECT_EQ(nd4jGpuConstant(&slot, &value, sizeof(value)), nullptr);

  // The fake NVPTX model's entry point returns 7; the stale cuMemAlloc
  // failure is not reported, as nd4j_run cleared it before the call.
  nd4j_model *model = nullptr;
  std::string path = std::string(ND4J_FAKE_MODEL_DIR) + "/nvptx.so";
  ASSERT_EQ(nd4j_model_open(path.c_str(), &model), ND4J_STATUS_OK)
      << nd4j_last_error();
  int64_t shape[] = {1};
  nd4j_tensor *x = nullptr;
  ASSERT_EQ(nd4j_tensor_create(ND4J_DTYPE_F32, 1, shape, &x), ND4J_STATUS_OK);
  nd4j_tensor *inputs[] = {x};
  nd4j_tensor *outputs[] = {nullptr};
  EXPECT_EQ(nd4j_run(model, inputs, 1, outputs, 1), ND4J_STATUS_RUN_FAILED);
  std::string error = nd4j_last_error();
  EXPECT_EQ(error.find("cuMemAlloc"), std::string::npos) << error;
  EXPECT_NE(error.find("7"), std::string::npos) << error;
  nd4j_tensor_destroy(x);
  nd4j_model_close(model);

  EXPECT_NE(nd4jGpuConstant(&slot, &value, sizeof(value)), nullptr);
  nd4jGpuConstantRelease(&slot);
}

} // namespace

int main(int argc, char **argv) {
  // Before anything opens the driver.
  setenv("ND4J_CUDA_DRIVER", kDriver.c_str(), 1);
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
