//===- TfImporter.h - TensorFlow GraphDef → nd4j dialect -----------*- C++
//-*-===//
//
// Reads a frozen TensorFlow GraphDef (binary `.pb` or text `.pbtxt`) into an
// `nd4j.graph` of generic `nd4j.node` ops (framework "tf"): one per node, in
// a topological order of data and control edges, with its attributes and
// the node name as location. `Const` nodes become constants (large ones as
// `dense_resource` blobs), `Placeholder`s graph inputs. Import rules run
// afterwards (passes/Import).
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_LIB_FRONTEND_TF_TFIMPORTER_H
#define ND4J_LIB_FRONTEND_TF_TFIMPORTER_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/MemoryBufferRef.h"
#include <string>
#include <vector>

namespace mlir {
namespace nd4j {

struct TfImportOptions {
  /// The graph outputs as `name` or `name:port`; when empty, every node no
  /// other node consumes (NoOp/Assert-style sinks aside) is an output. With
  /// explicit outputs only the nodes they depend on are imported.
  std::vector<std::string> outputs;
  /// Placeholder shapes overriding the graph's (`ShapedType::kDynamic` for
  /// an unknown dimension).
  llvm::StringMap<SmallVector<int64_t>> inputShapes;
  /// Tensors with at most this many elements become inline `dense`
  /// attributes; larger ones are `dense_resource` blobs.
  int64_t inlineElementLimit = 16;
};

/// Parses `--tf-input-shapes` syntax, `name:1x224x224x3[,name2:?x10]` (`?`
/// or -1 for an unknown dimension, nothing after the colon for a scalar),
/// into `shapes`; returns an error message, empty on success.
std::string parseTfInputShapes(llvm::StringRef spec,
                               llvm::StringMap<SmallVector<int64_t>> &shapes);

/// True when `buffer` holds a text GraphDef: by the `.pbtxt`/`.pbtext`
/// extension, else by content (a text GraphDef starts with a field name).
bool isTfTextGraph(llvm::MemoryBufferRef buffer);

/// Imports the GraphDef in `buffer`, whose identifier is its path. Emits
/// diagnostics and returns null on failure.
OwningOpRef<ModuleOp> importTfGraph(llvm::MemoryBufferRef buffer,
                                    MLIRContext *context,
                                    const TfImportOptions &options = {});

} // namespace nd4j
} // namespace mlir

#endif // ND4J_LIB_FRONTEND_TF_TFIMPORTER_H
