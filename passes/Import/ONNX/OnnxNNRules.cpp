//===- OnnxNNRules.cpp - built-in ONNX import rules: nn ops -------===//
//
// Rules for ConvTranspose, Resize, GridSample, PRelu, LRN, NonMaxSuppression,
// ....
//
//===----------------------------------------------------------------------===//

#include "passes/Import/ONNX/OnnxRuleUtils.h"

using namespace mlir;
using namespace mlir::nd4j;
using namespace mlir::nd4j::onnx_rules;

namespace {} // namespace

void mlir::nd4j::onnx_rules::registerOnnxNNRules(const AddRuleFn &add) {
  (void)add;
}
