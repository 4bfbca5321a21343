//===- ReduceLowering.cpp - reduce libnd4j ops -------------------*- C++
//-*-===//
//
// reductions, arg-reductions, softmax/log_softmax, normalizations, cumulative
// ops.
//
//===----------------------------------------------------------------------===//

#include "passes/Conversion/ExecToLinalg/ExecLowering.h"

using namespace mlir;
using namespace mlir::nd4j;

void mlir::nd4j::populateExecToLinalgReduce(ExecLoweringTable &table) {}
