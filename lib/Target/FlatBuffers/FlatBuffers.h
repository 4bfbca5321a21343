//===- FlatBuffers.h - nd4j_exec <-> SameDiff FlatBuffers -------*- C++ -*-===//
//
// The SameDiff FlatBuffers target: writes an nd4j_exec graph as the FlatGraph
// file nd4j's SameDiff loads, reads such files (ours or SameDiff's) back into
// nd4j_exec, and dumps one as JSON. The format mapping is in
// docs/FlatBuffers.md.
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_LIB_TARGET_FLATBUFFERS_FLATBUFFERS_H
#define ND4J_LIB_TARGET_FLATBUFFERS_FLATBUFFERS_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"
#include <string>

namespace mlir {
namespace nd4j {

/// Writes the single nd4j_exec.graph of `module` as a SameDiff FlatGraph to
/// `os`. Errors (no or several graphs, a data type SameDiff cannot store, a
/// graph over the 2 GiB FlatBuffers limit) are emitted on the offending op.
/// The output is deterministic. Weights are streamed from their attributes'
/// storage, converted to big-endian on the way.
LogicalResult exportFlatBuffers(ModuleOp module, llvm::raw_ostream &os);

/// Reads the FlatGraph in `data` into an nd4j_exec module. `path` names the
/// file in diagnostics and, without a recorded graph name, names the graph.
/// The buffer is checked with the FlatBuffers verifier first; a corrupt or
/// hostile file is an error, never an out-of-bounds read.
OwningOpRef<ModuleOp> importFlatBuffers(llvm::StringRef data,
                                        llvm::StringRef path, MLIRContext *ctx);

/// Writes the FlatGraph in `data` as JSON (every field present in the file,
/// enums by name); fails with a message on `errs` when it does not verify.
LogicalResult dumpFlatBuffersAsJson(llvm::StringRef data, llvm::StringRef path,
                                    llvm::raw_ostream &os,
                                    llvm::raw_ostream &errs);

/// Why `data` is not a FlatGraph nd4j-mlir can read (an SDNB or ZIP
/// container, too small, rejected by the FlatBuffers verifier, no variables
/// and no nodes), or empty when it is one.
std::string getFlatGraphProblem(llvm::StringRef data);

/// True when `data` is a well-formed FlatGraph with at least one variable or
/// node: used to recognize SameDiff files by content.
bool looksLikeFlatGraph(llvm::StringRef data);

} // namespace nd4j
} // namespace mlir

#endif // ND4J_LIB_TARGET_FLATBUFFERS_FLATBUFFERS_H
