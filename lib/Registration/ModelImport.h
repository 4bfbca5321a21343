//===- ModelImport.h - model files as tool input -------------------*- C++
//-*-===//
//
// Recognizes model files by extension and imports them into the nd4j
// dialect with the import rules applied (as `nd4j-translate --import-*`
// does), so that nd4j-opt and nd4j-compile accept models directly. SameDiff
// FlatBuffers graphs (.fb) are read into nd4j_exec.
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

/// True when `path` (with `contents`) is a model file we import: by its
/// extension (.onnx, .onnxtxt, .pb, .pbtxt, .fb), else, for names that are
/// not .mlir/.mlirbc, by its contents (a binary ONNX ModelProto's or TF
/// GraphDef's protobuf structure, or a FlatGraph the FlatBuffers verifier
/// accepts).
bool isModelFile(llvm::StringRef path, llvm::StringRef contents);

/// Imports the model in `sourceMgr`'s main buffer and applies the import
/// rules, honouring --keep-generic, --import-rules and --allow-unhandled.
OwningOpRef<ModuleOp> importModelFile(llvm::SourceMgr &sourceMgr,
                                      MLIRContext *ctx);

/// --input-shape and --outputs on the nd4j_exec graphs of a module parsed
/// from .mlir (the FlatBuffers import applies them itself); an error when
/// they are given for a module without such graphs, or --dim is.
LogicalResult specializeParsedModule(ModuleOp module);

} // namespace nd4j
} // namespace mlir

#endif // ND4J_LIB_REGISTRATION_MODELIMPORT_H
