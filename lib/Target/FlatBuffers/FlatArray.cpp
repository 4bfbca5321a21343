//===- FlatArray.cpp - SameDiff array and data-type encoding -------------===//
//
// DType bytes and shapeInfo words as nd4j's FlatBuffersMapper and
// ArrayOptionsHelper define them (samediff-flatbuffers.md §3.1, §5.1).
//
//===----------------------------------------------------------------------===//

#include "lib/Target/FlatBuffers/FlatArray.h"

#include "SameDiff_generated.h"
#include "dialects/Nd4j/IR/Nd4jDialect.h"
#include "llvm/Support/Endian.h"

#include <cstring>

using namespace mlir;
using namespace mlir::nd4j;
namespace sd = ::nd4j::samediff;

namespace {
// Data-type flags of the shapeInfo extras word (ArrayOptionsHelper).
constexpr int64_t kBFloat16 = 2048, kHalf = 4096, kFloat = 8192,
                  kDouble = 16384, kByte = 32768, kShort = 65536, kInt = 131072,
                  kLong = 262144, kBool = 524288, kUtf8 = 1048576,
                  kUnsigned = 8388608;

int64_t getExtrasTypeFlags(int8_t dtype) {
  switch (static_cast<sd::DType>(dtype)) {
  case sd::DType::BOOL:
    return kBool;
  case sd::DType::HALF:
    return kHalf;
  case sd::DType::BFLOAT16:
    return kBFloat16;
  case sd::DType::FLOAT:
    return kFloat;
  case sd::DType::DOUBLE:
    return kDouble;
  case sd::DType::INT8:
    return kByte;
  case sd::DType::INT16:
    return kShort;
  case sd::DType::INT32:
    return kInt;
  case sd::DType::INT64:
    return kLong;
  case sd::DType::UINT8:
    return kByte | kUnsigned;
  case sd::DType::UINT16:
    return kShort | kUnsigned;
  case sd::DType::UINT32:
    return kInt | kUnsigned;
  case sd::DType::UINT64:
    return kLong | kUnsigned;
  case sd::DType::UTF8:
    return kUtf8;
  default:
    return 0;
  }
}
} // namespace

std::optional<int8_t> mlir::nd4j::getSameDiffDType(Type type) {
  auto dt = [](sd::DType d) { return static_cast<int8_t>(d); };
  if (isa<StringType>(type))
    return dt(sd::DType::UTF8);
  if (type.isInteger(1))
    return dt(sd::DType::BOOL);
  if (type.isF16())
    return dt(sd::DType::HALF);
  if (type.isBF16())
    return dt(sd::DType::BFLOAT16);
  if (type.isF32())
    return dt(sd::DType::FLOAT);
  if (type.isF64())
    return dt(sd::DType::DOUBLE);
  if (auto it = dyn_cast<IntegerType>(type)) {
    bool u = it.isUnsigned();
    switch (it.getWidth()) {
    case 8:
      return dt(u ? sd::DType::UINT8 : sd::DType::INT8);
    case 16:
      return dt(u ? sd::DType::UINT16 : sd::DType::INT16);
    case 32:
      return dt(u ? sd::DType::UINT32 : sd::DType::INT32);
    case 64:
      return dt(u ? sd::DType::UINT64 : sd::DType::INT64);
    default:
      break;
    }
  }
  return std::nullopt;
}

Type mlir::nd4j::getElementTypeOfDType(int8_t dtype, MLIRContext *ctx) {
  auto i = [&](unsigned w) { return IntegerType::get(ctx, w); };
  auto u = [&](unsigned w) {
    return IntegerType::get(ctx, w, IntegerType::Unsigned);
  };
  switch (static_cast<sd::DType>(dtype)) {
  case sd::DType::BOOL:
    return i(1);
  case sd::DType::HALF:
    return Float16Type::get(ctx);
  case sd::DType::BFLOAT16:
    return BFloat16Type::get(ctx);
  case sd::DType::FLOAT:
    return Float32Type::get(ctx);
  case sd::DType::DOUBLE:
    return Float64Type::get(ctx);
  case sd::DType::INT8:
    return i(8);
  case sd::DType::INT16:
    return i(16);
  case sd::DType::INT32:
    return i(32);
  case sd::DType::INT64:
    return i(64);
  case sd::DType::UINT8:
    return u(8);
  case sd::DType::UINT16:
    return u(16);
  case sd::DType::UINT32:
    return u(32);
  case sd::DType::UINT64:
    return u(64);
  case sd::DType::UTF8:
    return StringType::get(ctx);
  default:
    return nullptr;
  }
}

std::string mlir::nd4j::getDTypeName(int8_t dtype) {
  const char *name = sd::EnumNameDType(static_cast<sd::DType>(dtype));
  if (name && *name)
    return name;
  return std::to_string(dtype);
}

unsigned mlir::nd4j::getDTypeSize(int8_t dtype) {
  switch (static_cast<sd::DType>(dtype)) {
  case sd::DType::BOOL:
  case sd::DType::INT8:
  case sd::DType::UINT8:
    return 1;
  case sd::DType::HALF:
  case sd::DType::BFLOAT16:
  case sd::DType::INT16:
  case sd::DType::UINT16:
    return 2;
  case sd::DType::FLOAT:
  case sd::DType::INT32:
  case sd::DType::UINT32:
    return 4;
  case sd::DType::DOUBLE:
  case sd::DType::INT64:
  case sd::DType::UINT64:
    return 8;
  default:
    return 0;
  }
}

SmallVector<int64_t> mlir::nd4j::getRowMajorStrides(ArrayRef<int64_t> shape) {
  SmallVector<int64_t> strides(shape.size(), 1);
  for (int64_t d = static_cast<int64_t>(shape.size()) - 2; d >= 0; --d)
    strides[d] = strides[d + 1] * shape[d + 1];
  return strides;
}

SmallVector<int64_t> mlir::nd4j::makeShapeInfo(ArrayRef<int64_t> shape,
                                               int8_t dtype) {
  SmallVector<int64_t> info;
  info.push_back(static_cast<int64_t>(shape.size()));
  llvm::append_range(info, shape);
  llvm::append_range(info, getRowMajorStrides(shape));
  bool empty = llvm::is_contained(shape, 0);
  info.push_back(getExtrasTypeFlags(dtype) | (empty ? kShapeInfoEmptyFlag : 0));
  info.push_back(1);
  info.push_back(kOrderC);
  return info;
}

std::vector<char> mlir::nd4j::encodeUtf8Buffer(ArrayRef<StringRef> strings) {
  size_t header = (strings.size() + 1) * sizeof(int64_t), total = 0;
  for (StringRef str : strings)
    total += str.size();
  std::vector<char> out(header + total);
  int64_t offset = 0;
  for (size_t i = 0; i <= strings.size(); ++i) {
    // Native (little-endian) offsets, whatever the array's byteOrder says.
    llvm::support::endian::write64le(out.data() + i * sizeof(int64_t), offset);
    if (i < strings.size()) {
      std::memcpy(out.data() + header + offset, strings[i].data(),
                  strings[i].size());
      offset += strings[i].size();
    }
  }
  return out;
}

FailureOr<SmallVector<StringRef>>
mlir::nd4j::decodeUtf8Buffer(ArrayRef<char> buffer, int64_t count,
                             std::string &error) {
  uint64_t header = (static_cast<uint64_t>(count) + 1) * sizeof(int64_t);
  if (count < 0 || header > buffer.size()) {
    error = "holds " + std::to_string(buffer.size()) +
            " bytes, too few for the offsets of " + std::to_string(count) +
            " strings";
    return failure();
  }
  uint64_t data = buffer.size() - header;
  SmallVector<StringRef> strings;
  int64_t previous = 0;
  for (int64_t i = 0; i <= count; ++i) {
    int64_t offset = static_cast<int64_t>(
        llvm::support::endian::read64le(buffer.data() + i * sizeof(int64_t)));
    if (offset < previous || static_cast<uint64_t>(offset) > data ||
        (i == 0 && offset != 0)) {
      error = "has string offset " + std::to_string(offset) + " at " +
              std::to_string(i) + ", outside its " + std::to_string(data) +
              " bytes of text or out of order";
      return failure();
    }
    if (i > 0)
      strings.push_back(
          StringRef(buffer.data() + header + previous, offset - previous));
    previous = offset;
  }
  return strings;
}
