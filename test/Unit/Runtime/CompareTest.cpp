//===- CompareTest.cpp - nd4j-run's output comparison ---------------------===//
//
// The tolerance rule |a - b| <= atol + rtol * |b| and its special cases:
// NaN and infinities, exact integers and booleans, 16-bit floats, and
// tensors whose dtype or shape differ.
//
//===----------------------------------------------------------------------===//

#include "lib/Runner/Compare.h"
#include "lib/Runner/TensorIO.h"

#include "gtest/gtest.h"

#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

using namespace nd4j;

namespace {

template <typename T>
TensorPtr tensorOf(nd4j_dtype dtype, std::vector<int64_t> shape,
                   std::vector<T> values) {
  nd4j_tensor *tensor = nullptr;
  EXPECT_EQ(nd4j_tensor_create(dtype, static_cast<int32_t>(shape.size()),
                               shape.data(), &tensor),
            ND4J_STATUS_OK);
  EXPECT_EQ(nd4j_tensor_byte_size(tensor), values.size() * sizeof(T));
  std::memcpy(nd4j_tensor_data(tensor), values.data(),
              values.size() * sizeof(T));
  return TensorPtr(tensor);
}

TensorPtr f32(std::vector<float> values) {
  return tensorOf<float>(ND4J_DTYPE_F32, {static_cast<int64_t>(values.size())},
                         values);
}

CompareResult compare(const TensorPtr &a, const TensorPtr &b,
                      double rtol = 1e-3, double atol = 1e-7) {
  return compareTensors(a.get(), b.get(), rtol, atol);
}

TEST(Compare, Tolerance) {
  CompareResult same = compare(f32({1, 2, 3}), f32({1, 2, 3}));
  EXPECT_TRUE(same.matches());
  EXPECT_EQ(same.maxAbsError, 0);
  EXPECT_EQ(same.maxRelError, 0);

  // Within rtol: 0.9 <= 1e-7 + 1e-3 * 1000.
  EXPECT_TRUE(compare(f32({1000.9f}), f32({1000})).matches());
  // The tolerance scales with the expected value only: 0.5 <= 0.3 * 2, but
  // not <= 0.3 * 1.5.
  EXPECT_TRUE(compare(f32({1.5f}), f32({2}), 0.3, 0).matches());
  EXPECT_FALSE(compare(f32({2}), f32({1.5f}), 0.3, 0).matches());

  CompareResult within = compare(f32({100.05f}), f32({100}));
  EXPECT_TRUE(within.matches());
  EXPECT_NEAR(within.maxAbsError, 0.05, 1e-5);
  EXPECT_NEAR(within.maxRelError, 0.0005, 1e-7);

  CompareResult outside = compare(f32({1, 2.5f, 3, 5}), f32({1, 2, 3, 4}));
  EXPECT_FALSE(outside.matches());
  EXPECT_TRUE(outside.comparable);
  EXPECT_EQ(outside.numMismatches, 2);
  EXPECT_EQ(outside.firstMismatch, 1);
  EXPECT_EQ(outside.firstActual, "2.5");
  EXPECT_EQ(outside.firstExpected, "2");
  EXPECT_DOUBLE_EQ(outside.maxAbsError, 1);
  EXPECT_DOUBLE_EQ(outside.maxRelError, 0.25);

  // atol covers values near zero, where rtol cannot; zero expected values
  // do not enter the relative error.
  EXPECT_TRUE(compare(f32({1e-8f, 0}), f32({0, 0})).matches());
  CompareResult nearZero = compare(f32({1e-6f}), f32({0}));
  EXPECT_FALSE(nearZero.matches());
  EXPECT_EQ(nearZero.maxRelError, 0);
  EXPECT_TRUE(compare(f32({1e-6f}), f32({0}), 0, 1e-5).matches());
  EXPECT_FALSE(compare(f32({100.05f}), f32({100}), 0, 0).matches());
}

TEST(Compare, NaNAndInfinity) {
  const float nan = std::numeric_limits<float>::quiet_NaN();
  const float inf = std::numeric_limits<float>::infinity();
  EXPECT_TRUE(compare(f32({nan, inf, -inf}), f32({nan, inf, -inf})).matches());
  CompareResult nanVsNumber = compare(f32({nan}), f32({1}));
  EXPECT_FALSE(nanVsNumber.matches());
  EXPECT_TRUE(std::isinf(nanVsNumber.maxAbsError));
  EXPECT_EQ(nanVsNumber.firstActual, "nan");
  EXPECT_FALSE(compare(f32({1}), f32({nan})).matches());
  EXPECT_FALSE(compare(f32({inf}), f32({-inf})).matches());
  EXPECT_FALSE(compare(f32({1e30f}), f32({inf}), 1, 1).matches());
}

TEST(Compare, IntegersAndBoolsAreExact) {
  auto i64 = [](std::vector<int64_t> values) {
    return tensorOf<int64_t>(ND4J_DTYPE_I64,
                             {static_cast<int64_t>(values.size())}, values);
  };
  // 2^53 and 2^53 + 1 are the same double; they must still differ.
  const int64_t big = int64_t(1) << 53;
  CompareResult result = compare(i64({big + 1}), i64({big}), 1, 1);
  EXPECT_FALSE(result.matches());
  EXPECT_EQ(result.firstActual, "9007199254740993");
  EXPECT_TRUE(compare(i64({-3, big}), i64({-3, big})).matches());
  EXPECT_FALSE(compare(i64({1}), i64({2}), 1, 1).matches());

  TensorPtr u64a = tensorOf<uint64_t>(ND4J_DTYPE_U64, {1}, {UINT64_MAX});
  TensorPtr u64b = tensorOf<uint64_t>(ND4J_DTYPE_U64, {1}, {UINT64_MAX - 1});
  EXPECT_FALSE(compare(u64a, u64b, 1, 1).matches());

  TensorPtr boolA = tensorOf<uint8_t>(ND4J_DTYPE_BOOL, {3}, {1, 0, 1});
  TensorPtr boolB = tensorOf<uint8_t>(ND4J_DTYPE_BOOL, {3}, {1, 0, 0});
  CompareResult bools = compare(boolA, boolB, 1, 1);
  EXPECT_EQ(bools.numMismatches, 1);
  EXPECT_EQ(bools.firstActual, "true");
  EXPECT_EQ(bools.firstExpected, "false");
  EXPECT_TRUE(compare(boolA, boolA).matches());
}

TEST(Compare, HalfPrecision) {
  EXPECT_EQ(halfToFloat(0x3c00), 1.0f);
  EXPECT_EQ(halfToFloat(0xc000), -2.0f);
  EXPECT_EQ(halfToFloat(0x7bff), 65504.0f);
  EXPECT_EQ(halfToFloat(0x0001), std::ldexp(1.0f, -24)); // smallest subnormal
  EXPECT_TRUE(std::isinf(halfToFloat(0x7c00)));
  EXPECT_TRUE(std::isnan(halfToFloat(0x7e00)));
  EXPECT_TRUE(std::signbit(halfToFloat(0x8000)));
  EXPECT_EQ(bfloat16ToFloat(0x3f80), 1.0f);
  EXPECT_EQ(bfloat16ToFloat(0xc040), -3.0f);

  TensorPtr a = tensorOf<uint16_t>(ND4J_DTYPE_F16, {2}, {0x3c00, 0x4000});
  TensorPtr b = tensorOf<uint16_t>(ND4J_DTYPE_F16, {2}, {0x3c02, 0x4000});
  CompareResult result = compare(a, b); // 1 vs 1.00195: outside rtol 1e-3
  EXPECT_FALSE(result.matches());
  EXPECT_EQ(result.firstExpected, "1.0019531");
  EXPECT_TRUE(compare(a, b, 1e-2).matches());
}

TEST(Compare, ShapeAndDTypeMismatch) {
  TensorPtr a = tensorOf<float>(ND4J_DTYPE_F32, {2, 3}, std::vector<float>(6));
  TensorPtr b = tensorOf<float>(ND4J_DTYPE_F32, {3, 2}, std::vector<float>(6));
  CompareResult shape = compare(a, b);
  EXPECT_FALSE(shape.comparable);
  EXPECT_FALSE(shape.matches());
  EXPECT_EQ(shape.problem, "got f32 [2,3], expected f32 [3,2]");
  TensorPtr c =
      tensorOf<int32_t>(ND4J_DTYPE_I32, {2, 3}, std::vector<int32_t>(6));
  EXPECT_EQ(compare(a, c).problem, "got f32 [2,3], expected i32 [2,3]");
  TensorPtr d = tensorOf<float>(ND4J_DTYPE_F32, {6}, std::vector<float>(6));
  EXPECT_EQ(compare(a, d).problem, "got f32 [2,3], expected f32 [6]");
}

TEST(Compare, Formatting) {
  TensorPtr t = tensorOf<float>(ND4J_DTYPE_F32, {2, 3}, {0, 1, 2, 3, 4, 5});
  EXPECT_EQ(formatIndex(t.get(), 4), "[1,1]");
  EXPECT_EQ(formatIndex(t.get(), 2), "[0,2]");
  EXPECT_EQ(formatType(t.get()), "f32 [2,3]");
  EXPECT_EQ(formatValues(t.get(), 4), "[0, 1, 2, 3, ... (2 more)]");
  TensorPtr s = tensorOf<double>(ND4J_DTYPE_F64, {}, {0.1});
  EXPECT_EQ(formatIndex(s.get(), 0), "[]");
  EXPECT_EQ(formatValues(s.get(), 4), "[0.1]");
}

} // namespace
