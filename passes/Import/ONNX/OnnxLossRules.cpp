//===- OnnxLossRules.cpp - built-in ONNX import rules: loss ops -------===//
//
// Rules for NegativeLogLikelihoodLoss, SoftmaxCrossEntropyLoss, OneHot,
// Hardmax, EyeLike, Det, Einsum.
//
//===----------------------------------------------------------------------===//

#include "passes/Import/ONNX/OnnxRuleUtils.h"

using namespace mlir;
using namespace mlir::nd4j;
using namespace mlir::nd4j::onnx_rules;

namespace {} // namespace

void mlir::nd4j::onnx_rules::registerOnnxLossRules(const AddRuleFn &add) {
  (void)add;
}
