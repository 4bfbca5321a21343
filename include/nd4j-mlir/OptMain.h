//===- OptMain.h - the nd4j-opt driver ----------------------------*- C++
//-*-===//
//
// mlir-opt's driver with our dialects and passes, which also accepts model
// files (.onnx, .onnxtxt) as input: they are imported with the import rules
// applied, then the requested passes run as on any .mlir input.
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_MLIR_OPTMAIN_H
#define ND4J_MLIR_OPTMAIN_H

namespace mlir {
namespace nd4j {

/// Runs nd4j-opt; returns the process exit code.
int optMain(int argc, char **argv);

} // namespace nd4j
} // namespace mlir

#endif // ND4J_MLIR_OPTMAIN_H
