//===- OnnxImporter.h - ONNX model → nd4j dialect -------------------*- C++
//-*-===//
//
// Reads an ONNX model (binary ModelProto or ONNX's text syntax) into an
// `nd4j.graph` of generic `nd4j.node` ops: one per ONNX node, with its
// attributes, the node name as location, initializers as constants (weights
// as DenseResourceElementsAttr blobs), graph inputs as placeholders, and
// subgraphs as regions. Import rules run afterwards (passes/Import).
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_LIB_FRONTEND_ONNX_ONNXIMPORTER_H
#define ND4J_LIB_FRONTEND_ONNX_ONNXIMPORTER_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/Support/MemoryBufferRef.h"
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace mlir {
namespace nd4j {

struct OnnxImportOptions {
  /// Run onnx::checker on the model first (rejects malformed models with its
  /// message).
  bool runChecker = true;
  /// Run ONNX shape inference so that results get static types.
  bool inferShapes = true;
  /// Convert the model to this opset of the default domain first.
  std::optional<int64_t> targetOpset;
  /// Tensors with at most this many elements become inline `dense`
  /// attributes; larger ones are `dense_resource` blobs.
  int64_t inlineElementLimit = 16;
  /// Shapes to compile for (`--input-shape`): a graph input, by name or by
  /// position (`#N`), gets these dimensions (-1 keeps a dimension dynamic)
  /// before ONNX's shape inference runs, so every shape computed from it
  /// folds.
  std::vector<std::pair<std::string, std::vector<int64_t>>> inputShapes;
  /// Values of symbolic dimensions (`--dim`): every input dimension whose
  /// dim_param is the name gets the value.
  std::vector<std::pair<std::string, int64_t>> dimValues;
};

/// True when `buffer` holds ONNX's text syntax rather than a binary model
/// (decided by the `.onnxtxt` extension or a leading '<').
bool isOnnxTextModel(llvm::MemoryBufferRef buffer);

/// Imports the model in `buffer`; `buffer`'s identifier is the model's path,
/// used for diagnostics and to resolve external data. Emits diagnostics and
/// returns null on failure.
OwningOpRef<ModuleOp> importOnnxModel(llvm::MemoryBufferRef buffer,
                                      MLIRContext *context,
                                      const OnnxImportOptions &options = {});

} // namespace nd4j
} // namespace mlir

#endif // ND4J_LIB_FRONTEND_ONNX_ONNXIMPORTER_H
