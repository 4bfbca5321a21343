//===- Compare.cpp - comparing and printing tensors -----------------------===//
//
// Floating-point elements are compared as doubles (f16 and bf16 widened
// exactly); integers as 64-bit integers, so that large i64/u64 values are
// not rounded before the comparison.
//
//===----------------------------------------------------------------------===//

#include "lib/Runner/Compare.h"

#include <algorithm>
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <vector>

using namespace nd4j;

float nd4j::halfToFloat(uint16_t bits) {
  uint32_t sign = static_cast<uint32_t>(bits & 0x8000) << 16;
  uint32_t exponent = (bits >> 10) & 0x1f;
  uint32_t mantissa = bits & 0x3ff;
  uint32_t out;
  if (exponent == 0x1f) {
    out = sign | 0x7f800000 | (mantissa << 13); // inf, NaN
  } else if (exponent != 0) {
    out = sign | ((exponent + 112) << 23) | (mantissa << 13);
  } else if (mantissa == 0) {
    out = sign; // +-0
  } else {
    // Subnormal: value = mantissa * 2^-24, exact in a float.
    float value = std::ldexp(static_cast<float>(mantissa), -24);
    return sign ? -value : value;
  }
  float value;
  std::memcpy(&value, &out, 4);
  return value;
}

float nd4j::bfloat16ToFloat(uint16_t bits) {
  uint32_t out = static_cast<uint32_t>(bits) << 16;
  float value;
  std::memcpy(&value, &out, 4);
  return value;
}

namespace {

enum class Kind { Float, Signed, Unsigned, Bool };

Kind kindOf(nd4j_dtype dtype) {
  switch (dtype) {
  case ND4J_DTYPE_I8:
  case ND4J_DTYPE_I16:
  case ND4J_DTYPE_I32:
  case ND4J_DTYPE_I64:
    return Kind::Signed;
  case ND4J_DTYPE_U8:
  case ND4J_DTYPE_U16:
  case ND4J_DTYPE_U32:
  case ND4J_DTYPE_U64:
    return Kind::Unsigned;
  case ND4J_DTYPE_BOOL:
    return Kind::Bool;
  default:
    return Kind::Float;
  }
}

template <typename T> T load(const nd4j_tensor *tensor, int64_t index) {
  T value;
  std::memcpy(&value,
              static_cast<const char *>(nd4j_tensor_data(tensor)) +
                  index * static_cast<int64_t>(sizeof(T)),
              sizeof(T));
  return value;
}

double loadFloat(const nd4j_tensor *tensor, int64_t index) {
  switch (nd4j_tensor_dtype(tensor)) {
  case ND4J_DTYPE_F16:
    return halfToFloat(load<uint16_t>(tensor, index));
  case ND4J_DTYPE_BF16:
    return bfloat16ToFloat(load<uint16_t>(tensor, index));
  case ND4J_DTYPE_F32:
    return load<float>(tensor, index);
  default:
    return load<double>(tensor, index);
  }
}

int64_t loadSigned(const nd4j_tensor *tensor, int64_t index) {
  switch (nd4j_tensor_dtype(tensor)) {
  case ND4J_DTYPE_I8:
    return load<int8_t>(tensor, index);
  case ND4J_DTYPE_I16:
    return load<int16_t>(tensor, index);
  case ND4J_DTYPE_I32:
    return load<int32_t>(tensor, index);
  default:
    return load<int64_t>(tensor, index);
  }
}

uint64_t loadUnsigned(const nd4j_tensor *tensor, int64_t index) {
  switch (nd4j_tensor_dtype(tensor)) {
  case ND4J_DTYPE_U8:
  case ND4J_DTYPE_BOOL:
    return load<uint8_t>(tensor, index);
  case ND4J_DTYPE_U16:
    return load<uint16_t>(tensor, index);
  case ND4J_DTYPE_U32:
    return load<uint32_t>(tensor, index);
  default:
    return load<uint64_t>(tensor, index);
  }
}

/// The shortest text that reads back as the same value: a float32 as
/// NumPy prints it (0.50025, not 0.50024998).
std::string formatFloat(double value, bool single) {
  if (std::isnan(value))
    return "nan";
  if (std::isinf(value))
    return value < 0 ? "-inf" : "inf";
  char buffer[40];
  for (int precision = single ? 6 : 15; precision <= 17; ++precision) {
    std::snprintf(buffer, sizeof(buffer), "%.*g", precision, value);
    double back = std::strtod(buffer, nullptr);
    if (single ? static_cast<float>(back) == static_cast<float>(value)
               : back == value)
      break;
  }
  return buffer;
}

} // namespace

std::string nd4j::formatElement(const nd4j_tensor *tensor, int64_t index) {
  switch (kindOf(nd4j_tensor_dtype(tensor))) {
  case Kind::Float:
    return formatFloat(loadFloat(tensor, index),
                       nd4j_tensor_dtype(tensor) != ND4J_DTYPE_F64);
  case Kind::Signed:
    return std::to_string(loadSigned(tensor, index));
  case Kind::Unsigned:
    return std::to_string(loadUnsigned(tensor, index));
  case Kind::Bool:
    return loadUnsigned(tensor, index) ? "true" : "false";
  }
  return "?";
}

std::string nd4j::formatIndex(const nd4j_tensor *tensor, int64_t index) {
  int32_t rank = nd4j_tensor_rank(tensor);
  const int64_t *shape = nd4j_tensor_shape(tensor);
  std::vector<int64_t> position(static_cast<size_t>(rank));
  for (int32_t i = rank - 1; i >= 0; --i) {
    position[i] = shape[i] ? index % shape[i] : 0;
    index = shape[i] ? index / shape[i] : 0;
  }
  std::string text = "[";
  for (int32_t i = 0; i < rank; ++i)
    text += (i ? "," : "") + std::to_string(position[i]);
  return text + "]";
}

std::string nd4j::formatValues(const nd4j_tensor *tensor, int64_t limit) {
  int64_t count = nd4j_tensor_num_elements(tensor);
  std::string text = "[";
  for (int64_t i = 0; i < count && i < limit; ++i)
    text += (i ? ", " : "") + formatElement(tensor, i);
  if (count > limit)
    text += ", ... (" + std::to_string(count - limit) + " more)";
  return text + "]";
}

std::string nd4j::formatType(const nd4j_tensor *tensor) {
  std::string text =
      std::string(nd4j_dtype_name(nd4j_tensor_dtype(tensor))) + " [";
  int32_t rank = nd4j_tensor_rank(tensor);
  const int64_t *shape = nd4j_tensor_shape(tensor);
  for (int32_t i = 0; i < rank; ++i)
    text += (i ? "," : "") + std::to_string(shape[i]);
  return text + "]";
}

CompareResult nd4j::compareTensors(const nd4j_tensor *actual,
                                   const nd4j_tensor *expected, double rtol,
                                   double atol) {
  CompareResult result;
  int32_t rank = nd4j_tensor_rank(actual);
  if (nd4j_tensor_dtype(actual) != nd4j_tensor_dtype(expected) ||
      rank != nd4j_tensor_rank(expected) ||
      !std::equal(nd4j_tensor_shape(actual), nd4j_tensor_shape(actual) + rank,
                  nd4j_tensor_shape(expected))) {
    result.comparable = false;
    result.problem =
        "got " + formatType(actual) + ", expected " + formatType(expected);
    return result;
  }
  result.numElements = nd4j_tensor_num_elements(actual);
  Kind kind = kindOf(nd4j_tensor_dtype(actual));
  const double inf = std::numeric_limits<double>::infinity();
  for (int64_t i = 0; i < result.numElements; ++i) {
    bool match;
    double absError, reference;
    if (kind == Kind::Float) {
      double a = loadFloat(actual, i), b = loadFloat(expected, i);
      reference = b;
      if (a == b || (std::isnan(a) && std::isnan(b))) {
        match = true;
        absError = 0;
      } else {
        absError = std::fabs(a - b);
        // Unequal values of which one is NaN or infinite: no tolerance
        // covers the difference (and rtol * inf would cover everything).
        match = std::isfinite(absError) && std::isfinite(b) &&
                absError <= atol + rtol * std::fabs(b);
        if (!std::isfinite(absError))
          absError = inf;
      }
    } else if (kind == Kind::Signed) {
      int64_t a = loadSigned(actual, i), b = loadSigned(expected, i);
      match = a == b;
      reference = static_cast<double>(b);
      absError = std::fabs(static_cast<double>(a) - reference);
    } else {
      uint64_t a = loadUnsigned(actual, i), b = loadUnsigned(expected, i);
      if (kind == Kind::Bool)
        a = a != 0, b = b != 0;
      match = a == b;
      reference = static_cast<double>(b);
      absError = std::fabs(static_cast<double>(a) - reference);
    }
    result.maxAbsError = std::max(result.maxAbsError, absError);
    if (reference != 0 && std::isfinite(reference))
      result.maxRelError =
          std::max(result.maxRelError, absError / std::fabs(reference));
    if (!match) {
      if (result.numMismatches++ == 0) {
        result.firstMismatch = i;
        result.firstActual = formatElement(actual, i);
        result.firstExpected = formatElement(expected, i);
      }
    }
  }
  return result;
}
