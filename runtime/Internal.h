//===- Internal.h - the runtime's shared internals --------------*- C++ -*-===//
//
// The definitions behind the C API's opaque types and the helpers the
// runtime's files share: the thread-local error, shape formatting and the
// overflow-checked size of a dtype and shape. Not installed.
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_RUNTIME_INTERNAL_H
#define ND4J_RUNTIME_INTERNAL_H

#include "nd4j-mlir/Runtime/nd4j_runtime.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

struct nd4j_tensor {
  nd4j_dtype dtype = ND4J_DTYPE_INVALID;
  std::vector<int64_t> shape;
  int64_t numElements = 0;
  size_t byteSize = 0;
  void *data = nullptr;
  bool owned = false;
  /// What an owned tensor frees when it is not `data` itself: the
  /// allocation an ABI 2 model handed out (libc malloc) that `data` points
  /// into.
  void *allocation = nullptr;
};

namespace nd4j {
namespace runtime {

/// Records `message` as this thread's last error and returns `status`, so
/// failure paths read `return setError(ND4J_STATUS_..., "...")`.
nd4j_status setError(nd4j_status status, std::string message);

/// "[1,3,4,4]"; a negative dimension (a signature's `?`) is "?".
std::string formatShape(const int64_t *shape, size_t rank);
inline std::string formatShape(const std::vector<int64_t> &shape) {
  return formatShape(shape.data(), shape.size());
}

/// The element count and byte size of `dtype` x `shape`. Fails with the
/// reason (negative dimension, overflow) instead of wrapping around, so a
/// hostile shape cannot turn into a small allocation.
bool computeSize(nd4j_dtype dtype, const int64_t *shape, size_t rank,
                 int64_t &numElements, size_t &byteSize, std::string &why);

/// Whether the CUDA driver loads and has a device (Cuda.cpp); otherwise
/// `error` says why ("CUDA driver libcuda.so.1 not found", "no CUDA
/// device").
bool cudaAvailable(std::string &error);
/// Forgets the failure an mgpu* function recorded.
void clearCudaFailure();
/// The failure an mgpu* function recorded since the last clear, if any.
bool takeCudaFailure(std::string &error);

} // namespace runtime
} // namespace nd4j

#endif // ND4J_RUNTIME_INTERNAL_H
