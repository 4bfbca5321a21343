//===- ModelImport.h - model files as tool input -------------------*- C++
//-*-===//
//
// Recognizes model files by extension and imports them into the nd4j
// dialect with the import rules applied (as `nd4j-translate --import-*`
// does), so that nd4j-opt and nd4j-compile accept models directly.
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_LIB_REGISTRATION_MODELIMPORT_H
#define ND4J_LIB_REGISTRATION_MODELIMPORT_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/ADT/StringRef.h"

namespace llvm {
class SourceMgr;
} // namespace llvm

namespace mlir {
namespace nd4j {

/// True when `path` names a model file we import (.onnx, .onnxtxt).
bool isModelFile(llvm::StringRef path);

/// Imports the model in `sourceMgr`'s main buffer and applies the import
/// rules, honouring --keep-generic, --import-rules and --allow-unhandled.
OwningOpRef<ModuleOp> importModelFile(llvm::SourceMgr &sourceMgr,
                                      MLIRContext *ctx);

} // namespace nd4j
} // namespace mlir

#endif // ND4J_LIB_REGISTRATION_MODELIMPORT_H
