//===- nd4j-run.cpp - run a compiled model on tensor files ----------------===//
//
// Loads a model library written by nd4j-compile and runs it on .npy or ONNX
// TensorProto files, comparing, saving or timing the outputs.
//
//===----------------------------------------------------------------------===//

#include "nd4j-mlir/RunMain.h"

int main(int argc, char **argv) { return nd4j::runMain(argc, argv); }
