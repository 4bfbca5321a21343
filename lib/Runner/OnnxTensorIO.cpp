//===- OnnxTensorIO.cpp - ONNX TensorProto without protobuf ---------------===//
//
// nd4j-run reads the tensors of ONNX's backend tests (input_0.pb, ...)
// without linking protobuf, so the runner and the runtime stay free of the
// compiler's dependencies. TensorProto is simple enough to read straight
// from the wire format: a sequence of (field number, wire type) keys with
// varint, fixed 32/64-bit or length-delimited payloads. Repeated numeric
// fields may come packed (one length-delimited run) or one value per key;
// both are accepted, as protobuf requires of its parsers.
//
//===----------------------------------------------------------------------===//

#include "lib/Runner/TensorIO.h"

#include <cstring>
#include <vector>

using namespace nd4j;

namespace {

enum WireType : unsigned {
  Varint = 0,
  Fixed64 = 1,
  LengthDelimited = 2,
  StartGroup = 3,
  EndGroup = 4,
  Fixed32 = 5
};

/// TensorProto's field numbers (onnx.proto).
enum Field : uint64_t {
  Dims = 1,
  DataType = 2,
  Segment = 3,
  FloatData = 4,
  Int32Data = 5,
  StringData = 6,
  Int64Data = 7,
  Name = 8,
  RawData = 9,
  DoubleData = 10,
  Uint64Data = 11,
  DocString = 12,
  ExternalData = 13,
  DataLocation = 14
};

/// TensorProto.DataType.
enum OnnxType : uint64_t {
  Undefined = 0,
  Float = 1,
  Uint8 = 2,
  Int8 = 3,
  Uint16 = 4,
  Int16 = 5,
  Int32 = 6,
  Int64 = 7,
  String = 8,
  Bool = 9,
  Float16 = 10,
  Double = 11,
  Uint32 = 12,
  Uint64 = 13,
  Complex64 = 14,
  Complex128 = 15,
  Bfloat16 = 16
};

const char *onnxTypeName(uint64_t type) {
  static const char *const names[] = {
      "UNDEFINED",      "FLOAT",      "UINT8",
      "INT8",           "UINT16",     "INT16",
      "INT32",          "INT64",      "STRING",
      "BOOL",           "FLOAT16",    "DOUBLE",
      "UINT32",         "UINT64",     "COMPLEX64",
      "COMPLEX128",     "BFLOAT16",   "FLOAT8E4M3FN",
      "FLOAT8E4M3FNUZ", "FLOAT8E5M2", "FLOAT8E5M2FNUZ",
      "UINT4",          "INT4"};
  return type < sizeof(names) / sizeof(names[0]) ? names[type] : "unknown";
}

nd4j_dtype toDType(uint64_t type) {
  switch (type) {
  case Float:
    return ND4J_DTYPE_F32;
  case Uint8:
    return ND4J_DTYPE_U8;
  case Int8:
    return ND4J_DTYPE_I8;
  case Uint16:
    return ND4J_DTYPE_U16;
  case Int16:
    return ND4J_DTYPE_I16;
  case Int32:
    return ND4J_DTYPE_I32;
  case Int64:
    return ND4J_DTYPE_I64;
  case Bool:
    return ND4J_DTYPE_BOOL;
  case Float16:
    return ND4J_DTYPE_F16;
  case Double:
    return ND4J_DTYPE_F64;
  case Uint32:
    return ND4J_DTYPE_U32;
  case Uint64:
    return ND4J_DTYPE_U64;
  case Bfloat16:
    return ND4J_DTYPE_BF16;
  default:
    return ND4J_DTYPE_INVALID;
  }
}

/// A bounds-checked cursor over protobuf bytes. Every read fails instead of
/// stepping past the end.
class WireReader {
public:
  WireReader(const unsigned char *begin, const unsigned char *end)
      : begin(begin), cur(begin), end(end) {}

  bool atEnd() const { return cur == end; }
  size_t offset() const { return static_cast<size_t>(cur - begin); }

  bool varint(uint64_t &value) {
    value = 0;
    for (unsigned shift = 0; shift < 64; shift += 7) {
      if (cur == end)
        return false;
      unsigned char byte = *cur++;
      value |= static_cast<uint64_t>(byte & 0x7f) << shift;
      if (!(byte & 0x80))
        return true;
    }
    return false; // more than ten bytes: not a varint
  }
  bool fixed(void *out, size_t bytes) {
    if (static_cast<size_t>(end - cur) < bytes)
      return false;
    std::memcpy(out, cur, bytes);
    cur += bytes;
    return true;
  }
  bool lengthDelimited(const unsigned char *&data, size_t &size) {
    uint64_t length;
    if (!varint(length) || length > static_cast<uint64_t>(end - cur))
      return false;
    data = cur;
    size = static_cast<size_t>(length);
    cur += size;
    return true;
  }
  bool skip(unsigned wireType) {
    uint64_t ignored;
    const unsigned char *data;
    size_t size;
    switch (wireType) {
    case Varint:
      return varint(ignored);
    case Fixed64:
      return fixed(&ignored, 8);
    case Fixed32:
      return fixed(&ignored, 4);
    case LengthDelimited:
      return lengthDelimited(data, size);
    default:
      return false;
    }
  }

private:
  const unsigned char *begin, *cur, *end;
};

/// What a TensorProto holds, before it becomes a tensor.
struct RawTensor {
  std::vector<int64_t> dims;
  uint64_t dataType = Undefined;
  std::string name;
  std::vector<float> floats;
  std::vector<int64_t> int32s; // int32_data, kept wide for range checks
  std::vector<int64_t> int64s;
  std::vector<double> doubles;
  std::vector<uint64_t> uint64s;
  const unsigned char *rawData = nullptr;
  size_t rawSize = 0;
  bool hasRawData = false;
  size_t numStrings = 0;
  uint64_t dataLocation = 0;
};

class TensorProtoParser {
public:
  TensorProtoParser(const unsigned char *data, size_t size, std::string &error)
      : reader(data, data + size), error(error) {}

  bool parse(RawTensor &tensor) {
    while (!reader.atEnd()) {
      size_t start = reader.offset();
      uint64_t key;
      if (!reader.varint(key))
        return fail("truncated or corrupt field key", start);
      uint64_t field = key >> 3;
      unsigned wireType = key & 7;
      if (field == 0)
        return fail("invalid field number 0", start);
      if (wireType == StartGroup || wireType == EndGroup || wireType > 5)
        return fail("unsupported wire type " + std::to_string(wireType) +
                        " of field " + std::to_string(field),
                    start);
      if (!parseField(field, wireType, tensor, start))
        return false;
    }
    return true;
  }

private:
  bool fail(const std::string &why, size_t offset) {
    error =
        "corrupt TensorProto at byte " + std::to_string(offset) + ": " + why;
    return false;
  }
  bool truncated(uint64_t field, size_t offset) {
    return fail("field " + std::to_string(field) +
                    " runs past the end of "
                    "the file (truncated?)",
                offset);
  }
  bool wrongWireType(uint64_t field, unsigned wireType, size_t offset) {
    return fail("field " + std::to_string(field) + " has wire type " +
                    std::to_string(wireType) +
                    ", which TensorProto's "
                    "field does not use",
                offset);
  }

  /// A repeated varint field, packed or not; `store` converts each value.
  template <typename T, typename Convert>
  bool varints(uint64_t field, unsigned wireType, std::vector<T> &out,
               size_t offset, Convert convert) {
    uint64_t value;
    if (wireType == Varint) {
      if (!reader.varint(value))
        return truncated(field, offset);
      out.push_back(convert(value));
      return true;
    }
    if (wireType != LengthDelimited)
      return wrongWireType(field, wireType, offset);
    const unsigned char *data;
    size_t size;
    if (!reader.lengthDelimited(data, size))
      return truncated(field, offset);
    WireReader packed(data, data + size);
    while (!packed.atEnd()) {
      if (!packed.varint(value))
        return fail("packed field " + std::to_string(field) +
                        " ends inside a varint",
                    offset);
      out.push_back(convert(value));
    }
    return true;
  }

  /// A repeated fixed-width field (float, double), packed or not.
  template <typename T>
  bool fixeds(uint64_t field, unsigned wireType, unsigned scalarWireType,
              std::vector<T> &out, size_t offset) {
    T value;
    if (wireType == scalarWireType) {
      if (!reader.fixed(&value, sizeof(T)))
        return truncated(field, offset);
      out.push_back(value);
      return true;
    }
    if (wireType != LengthDelimited)
      return wrongWireType(field, wireType, offset);
    const unsigned char *data;
    size_t size;
    if (!reader.lengthDelimited(data, size))
      return truncated(field, offset);
    if (size % sizeof(T) != 0)
      return fail("packed field " + std::to_string(field) + " has " +
                      std::to_string(size) + " bytes, not a multiple of " +
                      std::to_string(sizeof(T)),
                  offset);
    size_t first = out.size();
    out.resize(first + size / sizeof(T));
    std::memcpy(out.data() + first, data, size);
    return true;
  }

  bool parseField(uint64_t field, unsigned wireType, RawTensor &tensor,
                  size_t offset) {
    auto asInt64 = [](uint64_t v) { return static_cast<int64_t>(v); };
    // int32 values are sign-extended to 64 bits on the wire.
    auto asInt32 = [](uint64_t v) {
      return static_cast<int64_t>(static_cast<int32_t>(v));
    };
    auto asUint64 = [](uint64_t v) { return v; };
    const unsigned char *data;
    size_t size;
    uint64_t value;
    switch (field) {
    case Dims:
      return varints(field, wireType, tensor.dims, offset, asInt64);
    case DataType:
    case DataLocation:
      if (wireType != Varint)
        return wrongWireType(field, wireType, offset);
      if (!reader.varint(value))
        return truncated(field, offset);
      (field == DataType ? tensor.dataType : tensor.dataLocation) = value;
      return true;
    case FloatData:
      return fixeds(field, wireType, Fixed32, tensor.floats, offset);
    case Int32Data:
      return varints(field, wireType, tensor.int32s, offset, asInt32);
    case Int64Data:
      return varints(field, wireType, tensor.int64s, offset, asInt64);
    case DoubleData:
      return fixeds(field, wireType, Fixed64, tensor.doubles, offset);
    case Uint64Data:
      return varints(field, wireType, tensor.uint64s, offset, asUint64);
    case StringData:
    case Name:
    case RawData:
      if (wireType != LengthDelimited)
        return wrongWireType(field, wireType, offset);
      if (!reader.lengthDelimited(data, size))
        return truncated(field, offset);
      if (field == StringData) {
        ++tensor.numStrings;
      } else if (field == Name) {
        tensor.name.assign(reinterpret_cast<const char *>(data), size);
      } else {
        tensor.rawData = data;
        tensor.rawSize = size;
        tensor.hasRawData = true;
      }
      return true;
    default:
      // segment, doc_string, external_data, metadata_props and fields of
      // later ONNX versions carry nothing nd4j-run uses.
      if (!reader.skip(wireType))
        return truncated(field, offset);
      return true;
    }
  }

  WireReader reader;
  std::string &error;
};

/// Copies the typed values into `out`, narrowing with a range check.
template <typename T>
bool narrow(const std::vector<int64_t> &values, int64_t min, int64_t max,
            void *out, const char *typeName, std::string &error) {
  T *dest = static_cast<T *>(out);
  for (size_t i = 0; i < values.size(); ++i) {
    if (values[i] < min || values[i] > max) {
      error = "int32_data[" + std::to_string(i) +
              "] = " + std::to_string(values[i]) + " is out of range for " +
              typeName;
      return false;
    }
    dest[i] = static_cast<T>(values[i]);
  }
  return true;
}

TensorPtr allocate(nd4j_dtype dtype, const std::vector<int64_t> &dims,
                   std::string &error) {
  nd4j_tensor *tensor = nullptr;
  if (nd4j_tensor_create(dtype, static_cast<int32_t>(dims.size()), dims.data(),
                         &tensor) != ND4J_STATUS_OK)
    error = nd4j_last_error();
  return TensorPtr(tensor);
}

} // namespace

TensorPtr nd4j::parseOnnxTensor(const void *data, size_t size,
                                std::string *name, std::string &error) {
  RawTensor raw;
  if (!TensorProtoParser(static_cast<const unsigned char *>(data), size, error)
           .parse(raw))
    return nullptr;
  if (name)
    *name = raw.name;

  if (raw.dataType == Undefined) {
    error = "the TensorProto has no data_type (not a TensorProto?)";
    return nullptr;
  }
  if (raw.dataType == String || raw.numStrings) {
    error = "string tensors are not supported";
    return nullptr;
  }
  nd4j_dtype dtype = toDType(raw.dataType);
  if (dtype == ND4J_DTYPE_INVALID) {
    error = "ONNX data type " + std::to_string(raw.dataType) + " (" +
            onnxTypeName(raw.dataType) + ") is not supported";
    return nullptr;
  }
  if (raw.dataLocation == 1) {
    error = "tensors with external data are not supported";
    return nullptr;
  }
  // Sizes are checked against the values present before anything is
  // allocated: corrupt dims must not turn into a huge allocation.
  nd4j_tensor *shapeOnly = nullptr;
  int32_t rank = static_cast<int32_t>(raw.dims.size());
  static char placeholder;
  if (nd4j_tensor_wrap(dtype, rank, raw.dims.data(), &placeholder,
                       &shapeOnly) != ND4J_STATUS_OK) {
    error = std::string("bad dims: ") + nd4j_last_error();
    return nullptr;
  }
  size_t count = static_cast<size_t>(nd4j_tensor_num_elements(shapeOnly));
  size_t byteSize = nd4j_tensor_byte_size(shapeOnly);
  nd4j_tensor_destroy(shapeOnly);

  // Which typed field ONNX stores each type in.
  const char *fieldName;
  size_t fieldCount;
  switch (raw.dataType) {
  case Float:
    fieldName = "float_data", fieldCount = raw.floats.size();
    break;
  case Int64:
    fieldName = "int64_data", fieldCount = raw.int64s.size();
    break;
  case Double:
    fieldName = "double_data", fieldCount = raw.doubles.size();
    break;
  case Uint32:
  case Uint64:
    fieldName = "uint64_data", fieldCount = raw.uint64s.size();
    break;
  default:
    fieldName = "int32_data", fieldCount = raw.int32s.size();
    break;
  }
  size_t typedValues = raw.floats.size() + raw.int32s.size() +
                       raw.int64s.size() + raw.doubles.size() +
                       raw.uint64s.size();
  std::string type = std::string(onnxTypeName(raw.dataType)) + " tensor";
  if (raw.hasRawData) {
    if (typedValues) {
      error = type + " has both raw_data and typed values";
      return nullptr;
    }
    if (raw.rawSize != byteSize) {
      error = type + ": raw_data has " + std::to_string(raw.rawSize) +
              " bytes, its dims need " + std::to_string(byteSize);
      return nullptr;
    }
    TensorPtr tensor = allocate(dtype, raw.dims, error);
    if (!tensor)
      return nullptr;
    void *out = nd4j_tensor_data(tensor.get());
    std::memcpy(out, raw.rawData, byteSize);
    if (dtype == ND4J_DTYPE_BOOL)
      for (size_t i = 0; i < byteSize; ++i)
        static_cast<unsigned char *>(out)[i] =
            static_cast<unsigned char *>(out)[i] != 0;
    return tensor;
  }
  if (fieldCount != typedValues) {
    error = type + " stores its values in " + fieldName +
            ", but the file has values in another field";
    return nullptr;
  }
  if (fieldCount != count) {
    error = type + ": " + fieldName + " has " + std::to_string(fieldCount) +
            " values, its dims need " + std::to_string(count);
    return nullptr;
  }
  TensorPtr tensor = allocate(dtype, raw.dims, error);
  if (!tensor)
    return nullptr;
  void *out = nd4j_tensor_data(tensor.get());
  bool ok = true;
  switch (raw.dataType) {
  case Float:
    std::memcpy(out, raw.floats.data(), byteSize);
    break;
  case Double:
    std::memcpy(out, raw.doubles.data(), byteSize);
    break;
  case Int64:
    std::memcpy(out, raw.int64s.data(), byteSize);
    break;
  case Uint64:
    std::memcpy(out, raw.uint64s.data(), byteSize);
    break;
  case Uint32:
    for (size_t i = 0; i < count && ok; ++i) {
      if (raw.uint64s[i] > UINT32_MAX) {
        error = "uint64_data[" + std::to_string(i) +
                "] = " + std::to_string(raw.uint64s[i]) +
                " is out of range for UINT32";
        ok = false;
      }
      static_cast<uint32_t *>(out)[i] = static_cast<uint32_t>(raw.uint64s[i]);
    }
    break;
  case Int32:
    ok = narrow<int32_t>(raw.int32s, INT32_MIN, INT32_MAX, out, "INT32", error);
    break;
  case Int16:
    ok = narrow<int16_t>(raw.int32s, INT16_MIN, INT16_MAX, out, "INT16", error);
    break;
  case Int8:
    ok = narrow<int8_t>(raw.int32s, INT8_MIN, INT8_MAX, out, "INT8", error);
    break;
  case Uint16:
    ok = narrow<uint16_t>(raw.int32s, 0, UINT16_MAX, out, "UINT16", error);
    break;
  case Uint8:
    ok = narrow<uint8_t>(raw.int32s, 0, UINT8_MAX, out, "UINT8", error);
    break;
  case Bool:
    ok = narrow<uint8_t>(raw.int32s, 0, 1, out, "BOOL", error);
    break;
  case Float16:
  case Bfloat16:
    // The 16 bits of each value, zero-extended.
    ok = narrow<uint16_t>(raw.int32s, 0, UINT16_MAX, out,
                          onnxTypeName(raw.dataType), error);
    break;
  default:
    break;
  }
  return ok ? std::move(tensor) : nullptr;
}
