//===- TensorIO.h - .npy and ONNX TensorProto files ------------*- C++ -*-===//
//
// Reads and writes the tensor files nd4j-run exchanges with users: NumPy's
// `.npy` and ONNX's binary TensorProto (`input_0.pb` of the ONNX backend
// tests), as runtime tensors. Plain C++17: no protobuf, no LLVM.
//
// Every reader checks every length against the bytes it has, so a truncated
// or corrupt file is an error with a reason, never a crash. Messages of the
// `parse*` functions give the reason only; the `read*` functions prefix the
// file name ("in/x.npy: truncated: ...").
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_LIB_RUNNER_TENSORIO_H
#define ND4J_LIB_RUNNER_TENSORIO_H

#include "nd4j-mlir/Runtime/nd4j_runtime.h"

#include <cstddef>
#include <memory>
#include <string>

namespace nd4j {

struct TensorDeleter {
  void operator()(nd4j_tensor *tensor) const { nd4j_tensor_destroy(tensor); }
};
using TensorPtr = std::unique_ptr<nd4j_tensor, TensorDeleter>;

/// A `.npy` file (format versions 1 to 3): little-endian, C order, dtypes
/// <f2 <f4 <f8 <i1..<i8 <u1..<u8 |b1 (`|` and `<` alike for one byte).
TensorPtr parseNpy(const void *data, size_t size, std::string &error);
/// The `.npy` encoding of `tensor` (version 1, or 2 for huge headers).
/// bf16, which NumPy lacks, is written as <f4 (exactly).
std::string encodeNpy(const nd4j_tensor *tensor);

/// A binary ONNX TensorProto. `name` (optional) receives its name field.
TensorPtr parseOnnxTensor(const void *data, size_t size, std::string *name,
                          std::string &error);

/// Reads `path`: `.npy` or TensorProto by its extension (`.npy`, `.pb`),
/// else by its first bytes (NumPy's magic string or not). `name` (optional)
/// receives a TensorProto's name.
TensorPtr readTensorFile(const std::string &path, std::string &error,
                         std::string *name = nullptr);
bool writeNpyFile(const std::string &path, const nd4j_tensor *tensor,
                  std::string &error);

} // namespace nd4j

#endif // ND4J_LIB_RUNNER_TENSORIO_H
