//===- Compiler.h - the nd4j-compile driver --------------------*- C++ -*-===//
//
// The ahead-of-time compiler behind nd4j-compile: a model file (or .mlir at
// any of our levels) goes through import, the import rules, legalization to
// nd4j_exec and the CPU pipeline to LLVM IR, an object file and a shared
// library implementing include/nd4j-mlir/Runtime/nd4j_model_abi.h.
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_MLIR_COMPILER_COMPILER_H
#define ND4J_MLIR_COMPILER_COMPILER_H

namespace mlir {
namespace nd4j {

/// Runs nd4j-compile; returns the process exit code.
int compileMain(int argc, char **argv);

} // namespace nd4j
} // namespace mlir

#endif // ND4J_MLIR_COMPILER_COMPILER_H
