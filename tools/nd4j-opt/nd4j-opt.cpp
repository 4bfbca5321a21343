//===- nd4j-opt.cpp - nd4j-mlir optimizer driver
//----------------------------===//
//
// mlir-opt with our dialects and passes; also takes model files as input.
//
//===----------------------------------------------------------------------===//

#include "nd4j-mlir/OptMain.h"

int main(int argc, char **argv) { return mlir::nd4j::optMain(argc, argv); }
