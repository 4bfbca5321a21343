//===- FlatArray.h - SameDiff arrays and data types -------------*- C++ -*-===//
//
// What the writer and the reader share: the mapping between MLIR element
// types and SameDiff DType bytes, and nd4j's shapeInfo layout
// [rank, dims..., strides..., extras, ews, order] stored in FlatArray.shape.
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_LIB_TARGET_FLATBUFFERS_FLATARRAY_H
#define ND4J_LIB_TARGET_FLATBUFFERS_FLATARRAY_H

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/Support/LogicalResult.h"
#include "llvm/ADT/SmallVector.h"
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mlir {
namespace nd4j {

/// The DType byte SameDiff stores for element type `type`, if it has one
/// that nd4j reads back (§3.1 of the format notes): bool, f16, bf16, f32,
/// f64 and 8- to 64-bit signed and unsigned integers.
std::optional<int8_t> getSameDiffDType(Type type);

/// The element type of DType byte `dtype`, or null for bytes nd4j does not
/// read (INHERIT, FLOAT8, HALF2, QINT*, UTF*) or that are no DType at all.
Type getElementTypeOfDType(int8_t dtype, MLIRContext *ctx);

/// "FLOAT", "UTF8", ... or the number for bytes that are no DType.
std::string getDTypeName(int8_t dtype);

/// Bytes per element of `dtype` (0 when it has no fixed size).
unsigned getDTypeSize(int8_t dtype);

/// nd4j's shapeInfo of a C-order array of `shape` and `dtype`: dims,
/// row-major strides, the extras word (data-type flags, EMPTY when an
/// extent is 0), element-wise stride 1 and order 'c'.
llvm::SmallVector<int64_t> makeShapeInfo(llvm::ArrayRef<int64_t> shape,
                                         int8_t dtype);

/// Row-major strides of `shape`.
llvm::SmallVector<int64_t> getRowMajorStrides(llvm::ArrayRef<int64_t> shape);

/// The EMPTY bit of the shapeInfo extras word.
constexpr int64_t kShapeInfoEmptyFlag = 8;
/// shapeInfo order values.
constexpr int64_t kOrderC = 99, kOrderF = 102;

/// SameDiff's UTF8 array buffer (samediff-flatbuffers.md §5): `n + 1`
/// little-endian int64 offsets relative to the end of that header, then the
/// strings' bytes.
std::vector<char> encodeUtf8Buffer(ArrayRef<StringRef> strings);
/// The `count` strings of such a buffer (views into it); failure with
/// `error` set when its offsets do not fit it.
FailureOr<SmallVector<StringRef>>
decodeUtf8Buffer(ArrayRef<char> buffer, int64_t count, std::string &error);

} // namespace nd4j
} // namespace mlir

#endif // ND4J_LIB_TARGET_FLATBUFFERS_FLATARRAY_H
