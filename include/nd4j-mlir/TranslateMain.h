//===- TranslateMain.h - the nd4j-translate driver ----------------*- C++
//-*-===//
//
// mlir-translate's driver with our translations, which hands each
// translation its input without copying it: the file is mapped (or read)
// once, 64-byte aligned, so that weights in MLIR bytecode are referenced in
// place all the way to the exporter.
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_MLIR_TRANSLATEMAIN_H
#define ND4J_MLIR_TRANSLATEMAIN_H

namespace mlir {
namespace nd4j {

/// Runs nd4j-translate; returns the process exit code.
int translateMain(int argc, char **argv);

} // namespace nd4j
} // namespace mlir

#endif // ND4J_MLIR_TRANSLATEMAIN_H
