//===- OnnxIndexRules.cpp - built-in ONNX import rules: index ops -------===//
//
// Rules for GatherElements, Scatter*, GatherND, Compress, Unique, RNN/LSTM/GRU,
// QuantizeLinear, ....
//
//===----------------------------------------------------------------------===//

#include "passes/Import/ONNX/OnnxRuleUtils.h"

using namespace mlir;
using namespace mlir::nd4j;
using namespace mlir::nd4j::onnx_rules;

namespace {} // namespace

void mlir::nd4j::onnx_rules::registerOnnxIndexRules(const AddRuleFn &add) {
  (void)add;
}
