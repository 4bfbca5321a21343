//===- TensorIOTest.cpp - .npy and TensorProto readers --------------------===//
//
// The readers of nd4j-run's tensor files, from bytes built here: NumPy's
// format versions and dtypes, and the protobuf wire-format variants ONNX
// writers produce (packed and unpacked repeated fields, raw_data, each
// typed field). Every truncation of a valid file must be an error, and
// random bytes must never crash the readers.
//
//===----------------------------------------------------------------------===//

#include "lib/Runner/TensorIO.h"
#include "lib/Runner/Compare.h"

#include "gtest/gtest.h"

#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <vector>

using namespace nd4j;

namespace {

//===----------------------------------------------------------------------===//
// .npy
//===----------------------------------------------------------------------===//

/// A .npy file with `header` (padded as NumPy pads it) and `data`.
std::string npyBytes(const std::string &dict, const std::string &data,
                     int version = 1) {
  std::string header = dict;
  size_t prefix = version == 1 ? 10 : 12;
  while ((prefix + header.size() + 1) % 64)
    header += ' ';
  header += '\n';
  std::string out = "\x93NUMPY";
  out += static_cast<char>(version);
  out += '\0';
  for (size_t i = 0; i < (version == 1 ? 2u : 4u); ++i)
    out += static_cast<char>((header.size() >> (8 * i)) & 0xff);
  return out + header + data;
}

template <typename T> std::string rawBytes(std::vector<T> values) {
  return std::string(reinterpret_cast<const char *>(values.data()),
                     values.size() * sizeof(T));
}

TensorPtr parseNpyOk(const std::string &bytes) {
  std::string error;
  TensorPtr tensor = parseNpy(bytes.data(), bytes.size(), error);
  EXPECT_TRUE(tensor) << error;
  return tensor;
}

std::string parseNpyError(const std::string &bytes) {
  std::string error;
  TensorPtr tensor = parseNpy(bytes.data(), bytes.size(), error);
  EXPECT_FALSE(tensor);
  return error;
}

TEST(NpyIO, ReadsNumPyHeaders) {
  std::string data = rawBytes<float>({1, 2, 3, 4, 5, 6});
  for (int version : {1, 2, 3}) {
    TensorPtr tensor = parseNpyOk(
        npyBytes("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }",
                 data, version));
    ASSERT_TRUE(tensor);
    EXPECT_EQ(formatType(tensor.get()), "f32 [2,3]");
    EXPECT_EQ(formatValues(tensor.get(), 10), "[1, 2, 3, 4, 5, 6]");
  }
  // Other writers: other key order, double quotes, no trailing comma.
  TensorPtr tensor = parseNpyOk(npyBytes(
      "{\"shape\": (6,), \"fortran_order\": False, \"descr\": \"<f4\"}", data));
  ASSERT_TRUE(tensor);
  EXPECT_EQ(formatType(tensor.get()), "f32 [6]");
  tensor = parseNpyOk(
      npyBytes("{'descr': '<f8', 'fortran_order': False, 'shape': (), }",
               rawBytes<double>({2.5})));
  ASSERT_TRUE(tensor);
  EXPECT_EQ(formatType(tensor.get()), "f64 []");
  EXPECT_EQ(formatElement(tensor.get(), 0), "2.5");
  tensor = parseNpyOk(npyBytes(
      "{'descr': '<i8', 'fortran_order': False, 'shape': (0, 4), }", ""));
  ASSERT_TRUE(tensor);
  EXPECT_EQ(nd4j_tensor_num_elements(tensor.get()), 0);
}

TEST(NpyIO, Dtypes) {
  const struct {
    const char *descr;
    nd4j_dtype dtype;
  } cases[] = {
      {"<f2", ND4J_DTYPE_F16}, {"<f4", ND4J_DTYPE_F32}, {"<f8", ND4J_DTYPE_F64},
      {"|i1", ND4J_DTYPE_I8},  {"<i1", ND4J_DTYPE_I8},  {"<i2", ND4J_DTYPE_I16},
      {"<i4", ND4J_DTYPE_I32}, {"<i8", ND4J_DTYPE_I64}, {"|u1", ND4J_DTYPE_U8},
      {"<u2", ND4J_DTYPE_U16}, {"<u4", ND4J_DTYPE_U32}, {"<u8", ND4J_DTYPE_U64},
      {"|b1", ND4J_DTYPE_BOOL}};
  for (const auto &c : cases) {
    size_t size = nd4j_dtype_size(c.dtype);
    TensorPtr tensor =
        parseNpyOk(npyBytes(std::string("{'descr': '") + c.descr +
                                "', 'fortran_order': False, 'shape': (3,), }",
                            std::string(3 * size, '\x01')));
    ASSERT_TRUE(tensor) << c.descr;
    EXPECT_EQ(nd4j_tensor_dtype(tensor.get()), c.dtype) << c.descr;
  }
}

TEST(NpyIO, RoundTripsEveryDType) {
  for (nd4j_dtype dtype :
       {ND4J_DTYPE_F16, ND4J_DTYPE_F32, ND4J_DTYPE_F64, ND4J_DTYPE_I8,
        ND4J_DTYPE_I16, ND4J_DTYPE_I32, ND4J_DTYPE_I64, ND4J_DTYPE_U8,
        ND4J_DTYPE_U16, ND4J_DTYPE_U32, ND4J_DTYPE_U64, ND4J_DTYPE_BOOL}) {
    int64_t shape[] = {2, 1, 3};
    nd4j_tensor *raw = nullptr;
    ASSERT_EQ(nd4j_tensor_create(dtype, 3, shape, &raw), ND4J_STATUS_OK);
    TensorPtr tensor(raw);
    auto *bytes = static_cast<unsigned char *>(nd4j_tensor_data(raw));
    for (size_t i = 0; i < nd4j_tensor_byte_size(raw); ++i)
      bytes[i] = dtype == ND4J_DTYPE_BOOL
                     ? i % 2
                     : static_cast<unsigned char>(i * 7 + 1);
    std::string encoded = encodeNpy(raw);
    EXPECT_EQ(encoded.size() % 64, nd4j_tensor_byte_size(raw) % 64);
    TensorPtr back = parseNpyOk(encoded);
    ASSERT_TRUE(back) << nd4j_dtype_name(dtype);
    EXPECT_EQ(formatType(back.get()), formatType(raw));
    EXPECT_EQ(std::memcmp(nd4j_tensor_data(back.get()), bytes,
                          nd4j_tensor_byte_size(raw)),
              0)
        << nd4j_dtype_name(dtype);
  }
}

TEST(NpyIO, Bfloat16IsWrittenAsFloat32) {
  int64_t shape[] = {2};
  uint16_t bits[] = {0x3fc0, 0xc000}; // 1.5, -2
  nd4j_tensor *raw = nullptr;
  ASSERT_EQ(nd4j_tensor_wrap(ND4J_DTYPE_BF16, 1, shape, bits, &raw),
            ND4J_STATUS_OK);
  TensorPtr tensor(raw);
  TensorPtr back = parseNpyOk(encodeNpy(raw));
  ASSERT_TRUE(back);
  EXPECT_EQ(formatType(back.get()), "f32 [2]");
  EXPECT_EQ(formatValues(back.get(), 10), "[1.5, -2]");
}

TEST(NpyIO, Errors) {
  const std::string f4 = "{'descr': '<f4', 'fortran_order': False, "
                         "'shape': (2,), }";
  std::string good = npyBytes(f4, rawBytes<float>({1, 2}));
  EXPECT_EQ(parseNpyError("PK\x03\x04 a zip file"),
            "not a .npy file (no \\x93NUMPY magic)");
  EXPECT_EQ(parseNpyError(good.substr(0, 7)),
            "truncated: the file ends inside the preamble");
  EXPECT_NE(parseNpyError(good.substr(0, 30)).find("truncated: the header is"),
            std::string::npos);
  EXPECT_EQ(parseNpyError(good.substr(0, good.size() - 1)),
            "truncated: expected 8 bytes of f32 data for shape (2,), the "
            "file has 7");
  EXPECT_EQ(parseNpyError(good + "x"),
            "corrupt: expected 8 bytes of f32 data for shape (2,), the file "
            "has 9");
  // Every truncation is an error.
  for (size_t n = 0; n < good.size(); ++n)
    EXPECT_FALSE(parseNpyError(good.substr(0, n)).empty()) << n;

  std::string version4 = good;
  version4[6] = 4;
  EXPECT_EQ(parseNpyError(version4), "unsupported .npy format version 4.0");
  EXPECT_EQ(
      parseNpyError(npyBytes("{'descr': '<f4', 'fortran_order': True, "
                             "'shape': (2,), }",
                             rawBytes<float>({1, 2}))),
      "Fortran-order arrays are not supported (save a C-order array, e.g. "
      "numpy.ascontiguousarray)");
  EXPECT_EQ(parseNpyError(npyBytes("{'descr': '>f4', 'fortran_order': False, "
                                   "'shape': (2,), }",
                                   rawBytes<float>({1, 2}))),
            "big-endian data ('>f4') is not supported");
  EXPECT_NE(parseNpyError(npyBytes("{'descr': '<c8', 'fortran_order': False, "
                                   "'shape': (1,), }",
                                   std::string(8, '\0')))
                .find("unsupported dtype '<c8'"),
            std::string::npos);
  EXPECT_EQ(parseNpyError(npyBytes("{'descr': [('a', '<f4')], "
                                   "'fortran_order': False, 'shape': (1,), }",
                                   std::string(4, '\0'))),
            "structured dtypes are not supported");
  EXPECT_NE(parseNpyError(npyBytes("{'descr': '<f4', 'shape': (1,)}",
                                   std::string(4, '\0')))
                .find("needs 'descr', 'fortran_order' and 'shape'"),
            std::string::npos);
  EXPECT_NE(parseNpyError(npyBytes("{'descr': '<f4', 'fortran_order': False, "
                                   "'shape': (1, -2), }",
                                   ""))
                .find("malformed header"),
            std::string::npos);
  EXPECT_NE(parseNpyError(npyBytes("{'descr': '<f4'", "")).find("malformed"),
            std::string::npos);
}

TEST(NpyIO, FilesNameThePath) {
  std::string dir = ::testing::TempDir();
  std::string path = dir + "nd4j-tensorio-test.npy";
  int64_t shape[] = {3};
  int32_t values[] = {4, 5, 6};
  nd4j_tensor *raw = nullptr;
  ASSERT_EQ(nd4j_tensor_wrap(ND4J_DTYPE_I32, 1, shape, values, &raw), 0);
  TensorPtr tensor(raw);
  std::string error;
  ASSERT_TRUE(writeNpyFile(path, raw, error)) << error;
  TensorPtr back = readTensorFile(path, error);
  ASSERT_TRUE(back) << error;
  EXPECT_EQ(formatValues(back.get(), 10), "[4, 5, 6]");

  FILE *file = std::fopen(path.c_str(), "wb");
  std::fputs("\x93NUMPY\x01", file);
  std::fclose(file);
  EXPECT_FALSE(readTensorFile(path, error));
  EXPECT_EQ(error, path + ": truncated: the file ends inside the preamble");
  std::remove(path.c_str());
  EXPECT_FALSE(readTensorFile(path, error));
  EXPECT_EQ(error, path + ": cannot open: No such file or directory");
  EXPECT_FALSE(writeNpyFile(dir + "no/such/dir/x.npy", raw, error));
  EXPECT_NE(error.find("no/such/dir/x.npy: cannot write"), std::string::npos);
}

//===----------------------------------------------------------------------===//
// ONNX TensorProto
//===----------------------------------------------------------------------===//

/// Writes protobuf wire format.
class Proto {
public:
  Proto &varint(uint64_t field, uint64_t value) {
    key(field, 0);
    putVarint(value);
    return *this;
  }
  Proto &fixed32(uint64_t field, float value) {
    key(field, 5);
    out.append(reinterpret_cast<const char *>(&value), 4);
    return *this;
  }
  Proto &fixed64(uint64_t field, double value) {
    key(field, 1);
    out.append(reinterpret_cast<const char *>(&value), 8);
    return *this;
  }
  Proto &bytes(uint64_t field, const std::string &value) {
    key(field, 2);
    putVarint(value.size());
    out += value;
    return *this;
  }
  Proto &packedVarints(uint64_t field, const std::vector<int64_t> &values) {
    Proto inner;
    for (int64_t value : values)
      inner.putVarint(static_cast<uint64_t>(value));
    return bytes(field, inner.out);
  }
  Proto &dims(const std::vector<int64_t> &values) {
    return packedVarints(1, values);
  }
  const std::string &str() const { return out; }

private:
  void key(uint64_t field, unsigned wireType) {
    putVarint(field << 3 | wireType);
  }
  void putVarint(uint64_t value) {
    do {
      unsigned char byte = value & 0x7f;
      value >>= 7;
      out += static_cast<char>(byte | (value ? 0x80 : 0));
    } while (value);
  }
  std::string out;
};

TensorPtr parseProtoOk(const std::string &bytes, std::string *name = nullptr) {
  std::string error;
  TensorPtr tensor = parseOnnxTensor(bytes.data(), bytes.size(), name, error);
  EXPECT_TRUE(tensor) << error;
  return tensor;
}

std::string parseProtoError(const std::string &bytes) {
  std::string error;
  TensorPtr tensor =
      parseOnnxTensor(bytes.data(), bytes.size(), nullptr, error);
  EXPECT_FALSE(tensor);
  return error;
}

TEST(OnnxTensorIO, FloatDataPackedAndUnpacked) {
  std::string name;
  // Packed float_data (what protobuf writes for proto3 repeated scalars).
  TensorPtr packed = parseProtoOk(Proto()
                                      .dims({2, 2})
                                      .varint(2, 1)
                                      .bytes(4, rawBytes<float>({1, 2, 3, 4}))
                                      .bytes(8, "x")
                                      .str(),
                                  &name);
  ASSERT_TRUE(packed);
  EXPECT_EQ(name, "x");
  EXPECT_EQ(formatType(packed.get()), "f32 [2,2]");
  EXPECT_EQ(formatValues(packed.get(), 10), "[1, 2, 3, 4]");
  // One key per value, and dims unpacked too.
  TensorPtr unpacked = parseProtoOk(Proto()
                                        .varint(1, 3)
                                        .varint(2, 1)
                                        .fixed32(4, 1.5f)
                                        .fixed32(4, -2)
                                        .fixed32(4, 0.25f)
                                        .str());
  ASSERT_TRUE(unpacked);
  EXPECT_EQ(formatType(unpacked.get()), "f32 [3]");
  EXPECT_EQ(formatValues(unpacked.get(), 10), "[1.5, -2, 0.25]");
}

TEST(OnnxTensorIO, RawData) {
  TensorPtr tensor =
      parseProtoOk(Proto()
                       .dims({3})
                       .varint(2, 7)
                       .bytes(9, rawBytes<int64_t>({-1, 0, 1LL << 50}))
                       .str());
  ASSERT_TRUE(tensor);
  EXPECT_EQ(formatValues(tensor.get(), 10), "[-1, 0, 1125899906842624]");
  // A scalar: no dims.
  tensor = parseProtoOk(
      Proto().varint(2, 11).bytes(9, rawBytes<double>({0.5})).str());
  ASSERT_TRUE(tensor);
  EXPECT_EQ(formatType(tensor.get()), "f64 []");
  // bool raw_data is normalized to 0/1.
  tensor = parseProtoOk(Proto()
                            .dims({2})
                            .varint(2, 9)
                            .bytes(9, std::string("\x00\x05", 2))
                            .str());
  ASSERT_TRUE(tensor);
  EXPECT_EQ(formatValues(tensor.get(), 10), "[false, true]");
}

TEST(OnnxTensorIO, TypedFields) {
  // int32_data carries the narrow integer types, bool and 16-bit floats.
  const struct {
    uint64_t onnxType;
    std::vector<int64_t> values;
    const char *expected;
  } narrow[] = {{3, {-128, 127}, "i8 [2]: [-128, 127]"},
                {2, {0, 255}, "u8 [2]: [0, 255]"},
                {5, {-32768, 32767}, "i16 [2]: [-32768, 32767]"},
                {4, {0, 65535}, "u16 [2]: [0, 65535]"},
                {6, {-2147483648LL, 7}, "i32 [2]: [-2147483648, 7]"},
                {9, {1, 0}, "bool [2]: [true, false]"},
                {10, {0x3c00, 0xc000}, "f16 [2]: [1, -2]"},
                {16, {0x3f80, 0x4040}, "bf16 [2]: [1, 3]"}};
  for (const auto &c : narrow) {
    Proto proto;
    proto.dims({2}).varint(2, c.onnxType);
    // Negative int32 values are 10-byte sign-extended varints.
    for (int64_t value : c.values)
      proto.varint(5, static_cast<uint64_t>(value));
    TensorPtr tensor = parseProtoOk(proto.str());
    ASSERT_TRUE(tensor) << c.onnxType;
    EXPECT_EQ(formatType(tensor.get()) + ": " + formatValues(tensor.get(), 9),
              c.expected);
    // Packed int32_data reads the same.
    TensorPtr packed = parseProtoOk(Proto()
                                        .dims({2})
                                        .varint(2, c.onnxType)
                                        .packedVarints(5, c.values)
                                        .str());
    ASSERT_TRUE(packed);
    EXPECT_EQ(formatValues(packed.get(), 9), formatValues(tensor.get(), 9));
  }
  TensorPtr i64 = parseProtoOk(
      Proto().dims({2}).varint(2, 7).packedVarints(7, {-5, 1LL << 40}).str());
  ASSERT_TRUE(i64);
  EXPECT_EQ(formatValues(i64.get(), 9), "[-5, 1099511627776]");
  TensorPtr f64 = parseProtoOk(
      Proto().dims({2}).varint(2, 11).fixed64(10, 0.5).fixed64(10, -8).str());
  ASSERT_TRUE(f64);
  EXPECT_EQ(formatValues(f64.get(), 9), "[0.5, -8]");
  TensorPtr u32 = parseProtoOk(
      Proto().dims({1}).varint(2, 12).varint(11, 4000000000u).str());
  ASSERT_TRUE(u32);
  EXPECT_EQ(formatValues(u32.get(), 9), "[4000000000]");
  TensorPtr u64 = parseProtoOk(
      Proto().dims({1}).varint(2, 13).varint(11, UINT64_MAX).str());
  ASSERT_TRUE(u64);
  EXPECT_EQ(formatValues(u64.get(), 9), "[18446744073709551615]");
  // Fields nd4j-run ignores (doc_string, segment) are skipped.
  TensorPtr skipped = parseProtoOk(Proto()
                                       .bytes(12, "documentation")
                                       .bytes(3, Proto().varint(1, 0).str())
                                       .dims({1})
                                       .varint(2, 1)
                                       .fixed32(4, 3)
                                       .varint(99, 5)
                                       .str());
  ASSERT_TRUE(skipped);
  EXPECT_EQ(formatValues(skipped.get(), 9), "[3]");
}

TEST(OnnxTensorIO, Errors) {
  EXPECT_EQ(parseProtoError(Proto().dims({1}).bytes(9, "abcd").str()),
            "the TensorProto has no data_type (not a TensorProto?)");
  EXPECT_EQ(parseProtoError(Proto().dims({1}).varint(2, 8).bytes(6, "s").str()),
            "string tensors are not supported");
  EXPECT_EQ(parseProtoError(Proto().dims({1}).varint(2, 14).str()),
            "ONNX data type 14 (COMPLEX64) is not supported");
  EXPECT_EQ(parseProtoError(Proto().dims({1}).varint(2, 1).varint(14, 1).str()),
            "tensors with external data are not supported");
  EXPECT_EQ(
      parseProtoError(Proto().dims({2, 3}).varint(2, 1).bytes(9, "abcd").str()),
      "FLOAT tensor: raw_data has 4 bytes, its dims need 24");
  EXPECT_EQ(parseProtoError(Proto().dims({3}).varint(2, 1).fixed32(4, 1).str()),
            "FLOAT tensor: float_data has 1 values, its dims need 3");
  EXPECT_EQ(parseProtoError(Proto().dims({1}).varint(2, 1).varint(7, 1).str()),
            "FLOAT tensor stores its values in float_data, but the file has "
            "values in another field");
  EXPECT_EQ(parseProtoError(Proto()
                                .dims({1})
                                .varint(2, 1)
                                .fixed32(4, 1)
                                .bytes(9, rawBytes<float>({1}))
                                .str()),
            "FLOAT tensor has both raw_data and typed values");
  EXPECT_EQ(
      parseProtoError(Proto().dims({1}).varint(2, 2).varint(5, 256).str()),
      "int32_data[0] = 256 is out of range for UINT8");
  EXPECT_EQ(parseProtoError(Proto().dims({1}).varint(2, 9).varint(5, 2).str()),
            "int32_data[0] = 2 is out of range for BOOL");
  EXPECT_EQ(parseProtoError(
                Proto().dims({1}).varint(2, 12).varint(11, 1ULL << 33).str()),
            "uint64_data[0] = 8589934592 is out of range for UINT32");
  EXPECT_NE(parseProtoError(Proto().packedVarints(1, {-1}).varint(2, 1).str())
                .find("bad dims: "),
            std::string::npos);
  EXPECT_EQ(
      parseProtoError(std::string("\x0b", 1)),
      "corrupt TensorProto at byte 0: unsupported wire type 3 of field 1");
  EXPECT_EQ(parseProtoError(std::string("\x00\x01", 2)),
            "corrupt TensorProto at byte 0: invalid field number 0");
  EXPECT_EQ(parseProtoError(Proto().fixed32(2, 1).str()),
            "corrupt TensorProto at byte 0: field 2 has wire type 5, which "
            "TensorProto's field does not use");
  EXPECT_EQ(parseProtoError(Proto().bytes(4, "abc").varint(2, 1).str()),
            "corrupt TensorProto at byte 0: packed field 4 has 3 bytes, not a "
            "multiple of 4");
  EXPECT_EQ(parseProtoError(std::string("\x08\xff\xff", 3)),
            "corrupt TensorProto at byte 0: field 1 runs past the end of the "
            "file (truncated?)");
  EXPECT_EQ(parseProtoError(std::string(11, '\xff')),
            "corrupt TensorProto at byte 0: truncated or corrupt field key");
}

TEST(OnnxTensorIO, TruncationsAreErrors) {
  // data_type first and the payload last, as ONNX's writers order fields:
  // every cut leaves a length or the element count short.
  std::string good = Proto()
                         .varint(2, 1)
                         .dims({2, 3})
                         .bytes(9, rawBytes<float>({1, 2, 3, 4, 5, 6}))
                         .str();
  ASSERT_TRUE(parseProtoOk(good));
  for (size_t n = 0; n < good.size(); ++n)
    EXPECT_FALSE(parseProtoError(good.substr(0, n)).empty()) << n;
}

TEST(OnnxTensorIO, RandomBytesNeverCrash) {
  std::mt19937 random(1234);
  std::string seed = Proto()
                         .dims({2, 2})
                         .varint(2, 1)
                         .bytes(4, rawBytes<float>({1, 2, 3, 4}))
                         .bytes(8, "name")
                         .str();
  for (int iteration = 0; iteration < 20000; ++iteration) {
    std::string bytes = seed;
    int flips = 1 + random() % 4;
    for (int i = 0; i < flips; ++i)
      bytes[random() % bytes.size()] = static_cast<char>(random());
    if (random() % 4 == 0)
      bytes.resize(random() % bytes.size());
    std::string error;
    TensorPtr tensor =
        parseOnnxTensor(bytes.data(), bytes.size(), nullptr, error);
    EXPECT_TRUE(tensor || !error.empty());
    if (tensor)
      EXPECT_LE(nd4j_tensor_num_elements(tensor.get()), 1 << 20);
  }
}

TEST(OnnxTensorIO, ReadsFilesByMagicOrExtension) {
  std::string dir = ::testing::TempDir();
  std::string pb = dir + "nd4j-tensorio-test.pb";
  std::string bytes =
      Proto().dims({1}).varint(2, 6).varint(5, 42).bytes(8, "in").str();
  FILE *file = std::fopen(pb.c_str(), "wb");
  std::fwrite(bytes.data(), 1, bytes.size(), file);
  std::fclose(file);
  std::string error, name;
  TensorPtr tensor = readTensorFile(pb, error, &name);
  ASSERT_TRUE(tensor) << error;
  EXPECT_EQ(name, "in");
  EXPECT_EQ(formatValues(tensor.get(), 9), "[42]");

  // A damaged file is reported with its name: cut inside int32_data, or
  // after the dims and data_type (a valid TensorProto without values).
  file = std::fopen(pb.c_str(), "wb");
  std::fwrite(bytes.data(), 1, 6, file);
  std::fclose(file);
  EXPECT_FALSE(readTensorFile(pb, error));
  EXPECT_EQ(error, pb + ": corrupt TensorProto at byte 5: field 5 runs past "
                        "the end of the file (truncated?)");
  file = std::fopen(pb.c_str(), "wb");
  std::fwrite(bytes.data(), 1, 5, file);
  std::fclose(file);
  EXPECT_FALSE(readTensorFile(pb, error));
  EXPECT_EQ(error,
            pb + ": INT32 tensor: int32_data has 0 values, its dims need 1");
  file = std::fopen(pb.c_str(), "wb");
  std::fclose(file);
  EXPECT_FALSE(readTensorFile(pb, error));
  EXPECT_EQ(error, pb + ": empty file");
  std::remove(pb.c_str());
}

} // namespace
