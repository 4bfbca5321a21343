//===- nd4j-compile.cpp - the nd4j-mlir ahead-of-time compiler ------------===//
//
// Model file → shared library (or any intermediate stage); see
// docs/Tools/nd4j-compile.md.
//
//===----------------------------------------------------------------------===//

#include "nd4j-mlir/Compiler/Compiler.h"

int main(int argc, char **argv) { return mlir::nd4j::compileMain(argc, argv); }
