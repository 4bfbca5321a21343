//===- RunMain.h - the nd4j-run driver -------------------------*- C++ -*-===//
//
// nd4j-run loads a model library written by nd4j-compile, feeds it tensors
// from .npy or ONNX TensorProto files, and compares, prints, saves or times
// its outputs (docs/Tools/nd4j-run.md). The driver is a library so that the
// tool's main stays a single call and tests can reach the same code.
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_MLIR_RUNMAIN_H
#define ND4J_MLIR_RUNMAIN_H

namespace nd4j {

/// Exit codes of runMain.
enum RunExitCode : int {
  RunSuccess = 0,
  RunMismatch = 1, ///< an output differs from its expected file
  RunError = 2     ///< usage, file or model error
};

/// Runs nd4j-run with the given command line; returns the exit code.
int runMain(int argc, char **argv);

} // namespace nd4j

#endif // ND4J_MLIR_RUNMAIN_H
