//===- ShapeLowering.cpp - shape libnd4j ops -------------------*- C++ -*-===//
//
// reshape, permute, concat, slices, gathers, scatters, pad, tile, broadcast,
// range/fill, index-producing ops.
//
//===----------------------------------------------------------------------===//

#include "passes/Conversion/ExecToLinalg/ExecLowering.h"

using namespace mlir;
using namespace mlir::nd4j;

void mlir::nd4j::populateExecToLinalgShape(ExecLoweringTable &table) {}
