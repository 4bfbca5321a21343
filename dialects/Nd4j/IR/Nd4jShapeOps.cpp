//===- Nd4jShapeOps.cpp - result types of the nd4j shape ops ------------===//
//
// Inference (and with it, checking) of the ops declared in Nd4jShapeOps.td.
//
//===----------------------------------------------------------------------===//

#include "dialects/Nd4j/IR/Nd4jShapeInference.h"

using namespace mlir;
using namespace mlir::nd4j;
using namespace mlir::nd4j::infer_detail;
