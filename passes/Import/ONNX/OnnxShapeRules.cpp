//===- OnnxShapeRules.cpp - built-in ONNX import rules: shape ops -------===//
//
// Rules for
// Reshape/Slice/Tile/Expand/ConstantOfShape/Range/Split/TopK/CumSum/... with
// run-time inputs.
//
//===----------------------------------------------------------------------===//

#include "passes/Import/ONNX/OnnxRuleUtils.h"

using namespace mlir;
using namespace mlir::nd4j;
using namespace mlir::nd4j::onnx_rules;

namespace {} // namespace

void mlir::nd4j::onnx_rules::registerOnnxShapeRules(const AddRuleFn &add) {
  (void)add;
}
