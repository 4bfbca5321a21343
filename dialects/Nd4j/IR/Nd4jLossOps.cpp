//===- Nd4jLossOps.cpp - result types of the nd4j loss ops ------------===//
//
// Inference (and with it, checking) of the ops declared in Nd4jLossOps.td.
//
//===----------------------------------------------------------------------===//

#include "dialects/Nd4j/IR/Nd4jShapeInference.h"

using namespace mlir;
using namespace mlir::nd4j;
using namespace mlir::nd4j::infer_detail;
