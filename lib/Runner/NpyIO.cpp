//===- NpyIO.cpp - NumPy .npy files ---------------------------------------===//
//
// The header of a .npy file is a Python dict literal; NumPy writes exactly
// three keys ('descr', 'fortran_order', 'shape'). This reads the subset of
// Python literal syntax those can use rather than pattern-matching the text,
// so files written by other tools (other key order, double quotes, no
// trailing comma) read as well.
//
//===----------------------------------------------------------------------===//

#include "lib/Runner/Compare.h"
#include "lib/Runner/TensorIO.h"

#include <cstring>
#include <vector>

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "the .npy and TensorProto readers assume a little-endian host"
#endif

using namespace nd4j;

namespace {

const char kMagic[] = "\x93NUMPY";
constexpr size_t kMagicSize = 6;

/// A value of the header dict: a string, a boolean, or a tuple of integers.
struct PyValue {
  enum Kind { String, Bool, Tuple, Other } kind = Other;
  std::string text;
  bool flag = false;
  std::vector<int64_t> items;
};

class HeaderParser {
public:
  explicit HeaderParser(const std::string &text) : text(text) {}

  bool parseDict(std::vector<std::pair<std::string, PyValue>> &entries,
                 std::string &error) {
    skipSpace();
    if (!consume('{'))
      return fail("expected '{'", error);
    for (;;) {
      skipSpace();
      if (consume('}'))
        break;
      PyValue key, value;
      if (!parseValue(key, error))
        return false;
      if (key.kind != PyValue::String)
        return fail("expected a string key", error);
      skipSpace();
      if (!consume(':'))
        return fail("expected ':'", error);
      skipSpace();
      if (!parseValue(value, error))
        return false;
      entries.emplace_back(key.text, value);
      skipSpace();
      if (consume('}'))
        break;
      if (!consume(','))
        return fail("expected ',' or '}'", error);
    }
    skipSpace();
    if (pos != text.size())
      return fail("unexpected text after the dict", error);
    return true;
  }

private:
  bool fail(const char *why, std::string &error) {
    error = std::string("malformed header: ") + why + " at offset " +
            std::to_string(pos);
    return false;
  }
  void skipSpace() {
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\n' ||
                                 text[pos] == '\t' || text[pos] == '\r'))
      ++pos;
  }
  bool consume(char c) {
    if (pos < text.size() && text[pos] == c) {
      ++pos;
      return true;
    }
    return false;
  }
  bool consumeWord(const char *word) {
    size_t n = std::strlen(word);
    if (text.compare(pos, n, word) != 0)
      return false;
    pos += n;
    return true;
  }
  bool parseInteger(int64_t &value, std::string &error) {
    size_t start = pos;
    value = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
      if (value > (INT64_MAX - 9) / 10)
        return fail("integer too large", error);
      value = value * 10 + (text[pos++] - '0');
    }
    // Python 2 era writers append 'L' to longs.
    if (pos > start && pos < text.size() && text[pos] == 'L')
      ++pos;
    return pos > start || fail("expected a non-negative integer", error);
  }
  bool parseValue(PyValue &value, std::string &error) {
    if (pos >= text.size())
      return fail("unexpected end", error);
    char c = text[pos];
    if (c == '\'' || c == '"') {
      ++pos;
      size_t end = text.find(c, pos);
      if (end == std::string::npos)
        return fail("unterminated string", error);
      value.kind = PyValue::String;
      value.text = text.substr(pos, end - pos);
      pos = end + 1;
      return true;
    }
    if (consumeWord("True") || consumeWord("False")) {
      value.kind = PyValue::Bool;
      value.flag = text.compare(pos - 4, 4, "True") == 0;
      return true;
    }
    if (consume('(')) {
      value.kind = PyValue::Tuple;
      for (;;) {
        skipSpace();
        if (consume(')'))
          return true;
        int64_t item;
        if (!parseInteger(item, error))
          return false;
        value.items.push_back(item);
        skipSpace();
        if (consume(')'))
          return true;
        if (!consume(','))
          return fail("expected ',' or ')' in the shape", error);
      }
    }
    if (c == '[') {
      // A structured dtype's descr is a list; skip to see the other keys
      // first and say what is unsupported afterwards.
      int depth = 0;
      for (; pos < text.size(); ++pos) {
        depth += text[pos] == '[' ? 1 : text[pos] == ']' ? -1 : 0;
        if (depth == 0) {
          ++pos;
          value.kind = PyValue::Other;
          return true;
        }
      }
      return fail("unterminated list", error);
    }
    return fail("unsupported value", error);
  }

  const std::string &text;
  size_t pos = 0;
};

bool parseDescr(const std::string &descr, nd4j_dtype &dtype,
                std::string &error) {
  if (descr.size() < 3) {
    error = "unsupported dtype '" + descr + "'";
    return false;
  }
  char order = descr[0];
  std::string kind = descr.substr(1);
  static const struct {
    const char *kind;
    nd4j_dtype dtype;
  } kinds[] = {
      {"f2", ND4J_DTYPE_F16}, {"f4", ND4J_DTYPE_F32}, {"f8", ND4J_DTYPE_F64},
      {"i1", ND4J_DTYPE_I8},  {"i2", ND4J_DTYPE_I16}, {"i4", ND4J_DTYPE_I32},
      {"i8", ND4J_DTYPE_I64}, {"u1", ND4J_DTYPE_U8},  {"u2", ND4J_DTYPE_U16},
      {"u4", ND4J_DTYPE_U32}, {"u8", ND4J_DTYPE_U64}, {"b1", ND4J_DTYPE_BOOL}};
  dtype = ND4J_DTYPE_INVALID;
  for (const auto &entry : kinds)
    if (kind == entry.kind)
      dtype = entry.dtype;
  if (dtype == ND4J_DTYPE_INVALID ||
      (order != '<' && order != '>' && order != '|' && order != '=')) {
    error = "unsupported dtype '" + descr +
            "' (supported: <f2 <f4 <f8 <i1..<i8 <u1..<u8 |b1)";
    return false;
  }
  bool oneByte = nd4j_dtype_size(dtype) == 1;
  if (order == '>' && !oneByte) {
    error = "big-endian data ('" + descr + "') is not supported";
    return false;
  }
  if (order == '|' && !oneByte) {
    error = "unsupported dtype '" + descr + "'";
    return false;
  }
  return true;
}

uint32_t readLE(const unsigned char *p, int bytes) {
  uint32_t value = 0;
  for (int i = bytes - 1; i >= 0; --i)
    value = value << 8 | p[i];
  return value;
}

std::string shapeTuple(const nd4j_tensor *tensor) {
  int32_t rank = nd4j_tensor_rank(tensor);
  const int64_t *shape = nd4j_tensor_shape(tensor);
  std::string text = "(";
  for (int32_t i = 0; i < rank; ++i)
    text += (i ? ", " : "") + std::to_string(shape[i]);
  return text + (rank == 1 ? ",)" : ")");
}

} // namespace

TensorPtr nd4j::parseNpy(const void *data, size_t size, std::string &error) {
  auto *bytes = static_cast<const unsigned char *>(data);
  if (size < kMagicSize || std::memcmp(bytes, kMagic, kMagicSize) != 0) {
    error = "not a .npy file (no \\x93NUMPY magic)";
    return nullptr;
  }
  if (size < kMagicSize + 2) {
    error = "truncated: the file ends inside the preamble";
    return nullptr;
  }
  unsigned major = bytes[6];
  size_t lengthBytes = major == 1 ? 2 : 4;
  if (major < 1 || major > 3) {
    error = "unsupported .npy format version " + std::to_string(major) + "." +
            std::to_string(bytes[7]);
    return nullptr;
  }
  size_t headerStart = kMagicSize + 2 + lengthBytes;
  if (size < headerStart) {
    error = "truncated: the file ends inside the preamble";
    return nullptr;
  }
  size_t headerLength = readLE(bytes + 8, static_cast<int>(lengthBytes));
  if (headerLength > size - headerStart) {
    error = "truncated: the header is " + std::to_string(headerLength) +
            " bytes, the file has " + std::to_string(size - headerStart) +
            " after the preamble";
    return nullptr;
  }
  std::string header(reinterpret_cast<const char *>(bytes + headerStart),
                     headerLength);
  std::vector<std::pair<std::string, PyValue>> entries;
  if (!HeaderParser(header).parseDict(entries, error))
    return nullptr;
  const PyValue *descr = nullptr, *fortran = nullptr, *shape = nullptr;
  for (const auto &entry : entries) {
    if (entry.first == "descr")
      descr = &entry.second;
    else if (entry.first == "fortran_order")
      fortran = &entry.second;
    else if (entry.first == "shape")
      shape = &entry.second;
  }
  if (!descr || !fortran || !shape) {
    error = "malformed header: it needs 'descr', 'fortran_order' and 'shape'";
    return nullptr;
  }
  if (descr->kind != PyValue::String) {
    error = "structured dtypes are not supported";
    return nullptr;
  }
  if (fortran->kind != PyValue::Bool || shape->kind != PyValue::Tuple) {
    error = "malformed header: 'fortran_order' must be a boolean and "
            "'shape' a tuple";
    return nullptr;
  }
  nd4j_dtype dtype;
  if (!parseDescr(descr->text, dtype, error))
    return nullptr;
  if (fortran->flag) {
    error = "Fortran-order arrays are not supported (save a C-order array, "
            "e.g. numpy.ascontiguousarray)";
    return nullptr;
  }
  // The shape is checked against the bytes present before anything is
  // allocated: a corrupt header must not turn into a huge allocation.
  nd4j_tensor *raw = nullptr;
  int32_t rank = static_cast<int32_t>(shape->items.size());
  static char placeholder;
  if (nd4j_tensor_wrap(dtype, rank, shape->items.data(), &placeholder, &raw) !=
      ND4J_STATUS_OK) {
    error = std::string("bad shape: ") + nd4j_last_error();
    return nullptr;
  }
  size_t expected = nd4j_tensor_byte_size(raw);
  std::string shapeText = shapeTuple(raw);
  nd4j_tensor_destroy(raw);
  size_t dataStart = headerStart + headerLength;
  size_t available = size - dataStart;
  if (available != expected) {
    error = (available < expected ? "truncated: " : "corrupt: ") +
            std::string("expected ") + std::to_string(expected) + " bytes of " +
            nd4j_dtype_name(dtype) + " data for shape " + shapeText +
            ", the file has " + std::to_string(available);
    return nullptr;
  }
  if (nd4j_tensor_create(dtype, rank, shape->items.data(), &raw) !=
      ND4J_STATUS_OK) {
    error = nd4j_last_error();
    return nullptr;
  }
  TensorPtr tensor(raw);
  std::memcpy(nd4j_tensor_data(raw), bytes + dataStart, expected);
  if (dtype == ND4J_DTYPE_BOOL) {
    auto *values = static_cast<unsigned char *>(nd4j_tensor_data(raw));
    for (size_t i = 0; i < expected; ++i)
      values[i] = values[i] != 0;
  }
  return tensor;
}

std::string nd4j::encodeNpy(const nd4j_tensor *tensor) {
  nd4j_dtype dtype = nd4j_tensor_dtype(tensor);
  const char *descr = "";
  switch (dtype) {
  case ND4J_DTYPE_F16:
    descr = "<f2";
    break;
  case ND4J_DTYPE_BF16:
  case ND4J_DTYPE_F32:
    descr = "<f4";
    break;
  case ND4J_DTYPE_F64:
    descr = "<f8";
    break;
  case ND4J_DTYPE_I8:
    descr = "|i1";
    break;
  case ND4J_DTYPE_I16:
    descr = "<i2";
    break;
  case ND4J_DTYPE_I32:
    descr = "<i4";
    break;
  case ND4J_DTYPE_I64:
    descr = "<i8";
    break;
  case ND4J_DTYPE_U8:
    descr = "|u1";
    break;
  case ND4J_DTYPE_U16:
    descr = "<u2";
    break;
  case ND4J_DTYPE_U32:
    descr = "<u4";
    break;
  case ND4J_DTYPE_U64:
    descr = "<u8";
    break;
  case ND4J_DTYPE_BOOL:
    descr = "|b1";
    break;
  case ND4J_DTYPE_INVALID:
    break;
  }
  std::string dict =
      std::string("{'descr': '") + descr +
      "', 'fortran_order': False, 'shape': " + shapeTuple(tensor) + ", }";
  // NumPy pads the header with spaces and a newline so the data starts on
  // a 64-byte boundary.
  size_t prefix = kMagicSize + 2 + 2;
  size_t total = (prefix + dict.size() + 1 + 63) / 64 * 64;
  bool version2 = total - prefix > 0xffff;
  if (version2) {
    prefix += 2;
    total = (prefix + dict.size() + 1 + 63) / 64 * 64;
  }
  dict.append(total - prefix - dict.size() - 1, ' ');
  dict += '\n';

  std::string out(kMagic, kMagicSize);
  out += static_cast<char>(version2 ? 2 : 1);
  out += '\0';
  size_t length = dict.size();
  for (size_t i = 0; i < (version2 ? 4u : 2u); ++i)
    out += static_cast<char>((length >> (8 * i)) & 0xff);
  out += dict;
  const char *values = static_cast<const char *>(nd4j_tensor_data(tensor));
  if (dtype == ND4J_DTYPE_BF16) {
    int64_t count = nd4j_tensor_num_elements(tensor);
    for (int64_t i = 0; i < count; ++i) {
      uint16_t bits;
      std::memcpy(&bits, values + 2 * i, 2);
      float value = bfloat16ToFloat(bits);
      out.append(reinterpret_cast<const char *>(&value), 4);
    }
  } else {
    out.append(values, nd4j_tensor_byte_size(tensor));
  }
  return out;
}
