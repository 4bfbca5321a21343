//===- ConvLowering.cpp - conv libnd4j ops -------------------*- C++ -*-===//
//
// convolutions, transposed convolutions, pooling, resize.
//
//===----------------------------------------------------------------------===//

#include "passes/Conversion/ExecToLinalg/ExecLowering.h"

using namespace mlir;
using namespace mlir::nd4j;

void mlir::nd4j::populateExecToLinalgConv(ExecLoweringTable &table) {}
