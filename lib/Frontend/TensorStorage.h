//===- TensorStorage.h - element storage of the frontends -----*- C++ -*-===//
//
// ONNX raw_data/external data and TF tensor_content store tensors the same
// way: little-endian elements, bools one byte each, complex numbers as two
// parts. Internal to the frontends.
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_LIB_FRONTEND_TENSORSTORAGE_H
#define ND4J_LIB_FRONTEND_TENSORSTORAGE_H

#include "mlir/IR/BuiltinTypes.h"

namespace mlir {
namespace nd4j {

/// Bytes per element in the frameworks' packed tensor layout.
inline unsigned storageBytes(Type elementType) {
  if (auto c = dyn_cast<ComplexType>(elementType))
    return 2 * storageBytes(c.getElementType());
  if (elementType.isInteger(1))
    return 1;
  return elementType.getIntOrFloatBitWidth() / 8;
}

} // namespace nd4j
} // namespace mlir

#endif // ND4J_LIB_FRONTEND_TENSORSTORAGE_H
