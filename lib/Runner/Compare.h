//===- Compare.h - comparing and printing tensors --------------*- C++ -*-===//
//
// The elementwise check of nd4j-run --compare, with the tolerance rule of
// ONNX's backend tests (numpy.testing.assert_allclose): a matches b when
// |a - b| <= atol + rtol * |b|. NaN matches NaN, infinities match
// themselves, and integers and booleans must be equal.
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_LIB_RUNNER_COMPARE_H
#define ND4J_LIB_RUNNER_COMPARE_H

#include "nd4j-mlir/Runtime/nd4j_runtime.h"

#include <cstdint>
#include <string>

namespace nd4j {

struct CompareResult {
  /// False when dtype or shape differ; `problem` says how.
  bool comparable = true;
  std::string problem;
  int64_t numElements = 0;
  int64_t numMismatches = 0;
  /// Over every element; infinite where exactly one side is NaN or
  /// infinite.
  double maxAbsError = 0;
  /// |a - b| / |b| over the elements whose expected value is non-zero and
  /// finite.
  double maxRelError = 0;
  /// The first mismatching element (valid when numMismatches > 0).
  int64_t firstMismatch = -1;
  std::string firstActual, firstExpected;

  bool matches() const { return comparable && numMismatches == 0; }
};

CompareResult compareTensors(const nd4j_tensor *actual,
                             const nd4j_tensor *expected, double rtol,
                             double atol);

/// Element `index` of `tensor` as text ("1.5", "-3", "true").
std::string formatElement(const nd4j_tensor *tensor, int64_t index);
/// The multi-index of flat `index` in `tensor` ("[0,2]").
std::string formatIndex(const nd4j_tensor *tensor, int64_t index);
/// Up to `limit` elements as a flat list ("[1, 2, 3, ... (97 more)]").
std::string formatValues(const nd4j_tensor *tensor, int64_t limit);
/// "f32 [2,3]".
std::string formatType(const nd4j_tensor *tensor);

/// IEEE binary16 and bfloat16 bits as a float.
float halfToFloat(uint16_t bits);
float bfloat16ToFloat(uint16_t bits);

} // namespace nd4j

#endif // ND4J_LIB_RUNNER_COMPARE_H
