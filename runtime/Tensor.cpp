//===- Tensor.cpp - dtypes and dense tensors ------------------------------===//
//
// Owned tensors are 64-byte aligned (a cache line, and enough for any vector
// load generated code may use) and zero-filled, so an output the model
// leaves partly unwritten never exposes stale heap memory.
//
//===----------------------------------------------------------------------===//

#include "runtime/Internal.h"

#include <cstdlib>
#include <cstring>
#include <limits>
#include <new>

using namespace nd4j::runtime;

namespace {
struct DTypeInfo {
  nd4j_dtype dtype;
  const char *name;
  size_t size;
};
const DTypeInfo dtypeInfos[] = {
    {ND4J_DTYPE_F16, "f16", 2},  {ND4J_DTYPE_BF16, "bf16", 2},
    {ND4J_DTYPE_F32, "f32", 4},  {ND4J_DTYPE_F64, "f64", 8},
    {ND4J_DTYPE_I8, "i8", 1},    {ND4J_DTYPE_I16, "i16", 2},
    {ND4J_DTYPE_I32, "i32", 4},  {ND4J_DTYPE_I64, "i64", 8},
    {ND4J_DTYPE_U8, "u8", 1},    {ND4J_DTYPE_U16, "u16", 2},
    {ND4J_DTYPE_U32, "u32", 4},  {ND4J_DTYPE_U64, "u64", 8},
    {ND4J_DTYPE_BOOL, "bool", 1}};

const DTypeInfo *lookup(nd4j_dtype dtype) {
  for (const DTypeInfo &info : dtypeInfos)
    if (info.dtype == dtype)
      return &info;
  return nullptr;
}

constexpr size_t kAlignment = 64;
} // namespace

const char *nd4j_dtype_name(nd4j_dtype dtype) {
  const DTypeInfo *info = lookup(dtype);
  return info ? info->name : "invalid";
}

nd4j_dtype nd4j_dtype_from_name(const char *name) {
  if (!name)
    return ND4J_DTYPE_INVALID;
  for (const DTypeInfo &info : dtypeInfos)
    if (std::strcmp(info.name, name) == 0)
      return info.dtype;
  return ND4J_DTYPE_INVALID;
}

size_t nd4j_dtype_size(nd4j_dtype dtype) {
  const DTypeInfo *info = lookup(dtype);
  return info ? info->size : 0;
}

std::string nd4j::runtime::formatShape(const int64_t *shape, size_t rank) {
  std::string text = "[";
  for (size_t i = 0; i < rank; ++i) {
    if (i)
      text += ',';
    // A signature's dimension known only at run time (ABI 2) is -1.
    text += shape[i] < 0 ? std::string("?") : std::to_string(shape[i]);
  }
  return text + "]";
}

bool nd4j::runtime::computeSize(nd4j_dtype dtype, const int64_t *shape,
                                size_t rank, int64_t &numElements,
                                size_t &byteSize, std::string &why) {
  size_t elementSize = nd4j_dtype_size(dtype);
  if (elementSize == 0) {
    why = "invalid dtype " + std::to_string(static_cast<int>(dtype));
    return false;
  }
  // Bounded by PTRDIFF_MAX rather than SIZE_MAX: no allocation or pointer
  // difference can exceed it.
  const uint64_t limit = std::numeric_limits<ptrdiff_t>::max();
  bool empty = false;
  for (size_t i = 0; i < rank; ++i) {
    if (shape[i] < 0) {
      why = "negative dimension in shape " + formatShape(shape, rank);
      return false;
    }
    empty |= shape[i] == 0;
  }
  // A zero dimension makes the tensor empty however large the others are.
  uint64_t count = empty ? 0 : 1;
  bool overflow = false;
  for (size_t i = 0; i < rank && !empty && !overflow; ++i) {
    uint64_t dim = static_cast<uint64_t>(shape[i]);
    overflow = count > limit / dim;
    count *= dim;
  }
  if (overflow || count > limit / elementSize) {
    why = "shape " + formatShape(shape, rank) + " of " +
          nd4j_dtype_name(dtype) + " is too large";
    return false;
  }
  numElements = static_cast<int64_t>(count);
  byteSize = static_cast<size_t>(count * elementSize);
  return true;
}

/// The checks create and wrap share; fills everything but the buffer.
static nd4j_status makeTensor(const char *what, nd4j_dtype dtype, int32_t rank,
                              const int64_t *shape, nd4j_tensor *&tensor) {
  if (nd4j_dtype_size(dtype) == 0)
    return setError(ND4J_STATUS_INVALID_ARGUMENT,
                    std::string(what) + ": invalid dtype " +
                        std::to_string(static_cast<int>(dtype)));
  if (rank < 0 || rank > ND4J_MAX_RANK)
    return setError(ND4J_STATUS_INVALID_ARGUMENT,
                    std::string(what) + ": rank " + std::to_string(rank) +
                        " is outside [0, " + std::to_string(ND4J_MAX_RANK) +
                        "]");
  if (rank > 0 && !shape)
    return setError(ND4J_STATUS_INVALID_ARGUMENT, std::string(what) +
                                                      ": NULL shape for rank " +
                                                      std::to_string(rank));
  int64_t numElements;
  size_t byteSize;
  std::string why;
  if (!nd4j::runtime::computeSize(dtype, shape, rank, numElements, byteSize,
                                  why))
    return setError(ND4J_STATUS_INVALID_ARGUMENT,
                    std::string(what) + ": " + why);
  tensor = new (std::nothrow) nd4j_tensor;
  if (!tensor)
    return setError(ND4J_STATUS_OUT_OF_MEMORY,
                    std::string(what) + ": out of memory");
  tensor->dtype = dtype;
  tensor->shape.assign(shape, shape + rank);
  tensor->numElements = numElements;
  tensor->byteSize = byteSize;
  return ND4J_STATUS_OK;
}

nd4j_status nd4j_tensor_create(nd4j_dtype dtype, int32_t rank,
                               const int64_t *shape, nd4j_tensor **out) {
  if (!out)
    return setError(ND4J_STATUS_INVALID_ARGUMENT,
                    "nd4j_tensor_create: NULL result pointer");
  *out = nullptr;
  nd4j_tensor *tensor = nullptr;
  if (nd4j_status status =
          makeTensor("nd4j_tensor_create", dtype, rank, shape, tensor))
    return status;
  // Rounded up to the alignment (and never 0), so every tensor, even an
  // empty one, has a distinct non-NULL buffer.
  size_t allocSize =
      (tensor->byteSize + kAlignment - 1) / kAlignment * kAlignment;
  if (allocSize == 0)
    allocSize = kAlignment;
  void *data = nullptr;
  if (posix_memalign(&data, kAlignment, allocSize) != 0) {
    std::string shapeText = formatShape(tensor->shape);
    delete tensor;
    return setError(ND4J_STATUS_OUT_OF_MEMORY,
                    "nd4j_tensor_create: cannot allocate " +
                        std::to_string(allocSize) + " bytes for " +
                        nd4j_dtype_name(dtype) + " " + shapeText);
  }
  std::memset(data, 0, allocSize);
  tensor->data = data;
  tensor->owned = true;
  *out = tensor;
  return ND4J_STATUS_OK;
}

nd4j_status nd4j_tensor_wrap(nd4j_dtype dtype, int32_t rank,
                             const int64_t *shape, void *data,
                             nd4j_tensor **out) {
  if (!out)
    return setError(ND4J_STATUS_INVALID_ARGUMENT,
                    "nd4j_tensor_wrap: NULL result pointer");
  *out = nullptr;
  nd4j_tensor *tensor = nullptr;
  if (nd4j_status status =
          makeTensor("nd4j_tensor_wrap", dtype, rank, shape, tensor))
    return status;
  if (!data && tensor->byteSize != 0) {
    delete tensor;
    return setError(ND4J_STATUS_INVALID_ARGUMENT,
                    "nd4j_tensor_wrap: NULL data for a non-empty tensor");
  }
  tensor->data = data;
  *out = tensor;
  return ND4J_STATUS_OK;
}

void nd4j_tensor_destroy(nd4j_tensor *tensor) {
  if (!tensor)
    return;
  if (tensor->owned)
    std::free(tensor->allocation ? tensor->allocation : tensor->data);
  delete tensor;
}

void *nd4j_tensor_data(const nd4j_tensor *tensor) {
  return tensor ? tensor->data : nullptr;
}
size_t nd4j_tensor_byte_size(const nd4j_tensor *tensor) {
  return tensor ? tensor->byteSize : 0;
}
int64_t nd4j_tensor_num_elements(const nd4j_tensor *tensor) {
  return tensor ? tensor->numElements : 0;
}
nd4j_dtype nd4j_tensor_dtype(const nd4j_tensor *tensor) {
  return tensor ? tensor->dtype : ND4J_DTYPE_INVALID;
}
int32_t nd4j_tensor_rank(const nd4j_tensor *tensor) {
  return tensor ? static_cast<int32_t>(tensor->shape.size()) : 0;
}
const int64_t *nd4j_tensor_shape(const nd4j_tensor *tensor) {
  return tensor ? tensor->shape.data() : nullptr;
}
