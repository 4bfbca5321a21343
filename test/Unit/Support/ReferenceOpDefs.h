//===- ReferenceOpDefs.h - nd4j's op descriptors, for tests -------*- C++
//-*-===//
//
// Reads nd4j's own op descriptors (nd4j-op-def.pbtxt, the text format of
// OpDescriptorList) from the optional reference data beside the project,
// for the tests that check our descriptors and our FlatBuffers files
// against them.
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_TEST_UNIT_SUPPORT_REFERENCEOPDEFS_H
#define ND4J_TEST_UNIT_SUPPORT_REFERENCEOPDEFS_H

#include "dialects/Common/OpDescriptor.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace mlir {
namespace nd4j {

/// One reference op: its declaration type (CUSTOM_OP_IMPL, LEGACY_XYZ, ...)
/// and its argument names per argType (INPUT_TENSOR, DOUBLE, INT64, BOOL,
/// DATA_TYPE, STRING, ...), by argIndex.
struct RefOp {
  std::string declarationType;
  std::map<std::string, std::map<int64_t, std::string>> args;

  /// The number of slots of `argType`: one past the highest argIndex.
  unsigned getNumSlots(llvm::StringRef argType) const;
};

using RefOpMap = llvm::StringMap<RefOp>;

/// Parses the text of an OpDescriptorList into `ops`; false with `error` set
/// (and its offset) on text this minimal reader does not understand.
bool parseReferenceOpDefs(llvm::StringRef text, RefOpMap &ops,
                          std::string &error);

/// The reference argType of an argument list: DOUBLE, INT64, BOOL,
/// DATA_TYPE, STRING.
llvm::StringRef getReferenceArgType(ArgKind kind);
/// The prefix of OpDescriptor::undeclaredInReference entries of a list:
/// "t:", "i:", "b:", "d:", "s:".
llvm::StringRef getUndeclaredPrefix(ArgKind kind);

/// $ND4J_SHARED_DIR/ref/nd4j-op-def.pbtxt (default ../shared).
std::string getReferenceOpDefsPath();

/// The reference ops, or none when the file is absent; `error` is set when
/// it exists but does not parse.
std::optional<RefOpMap> loadReferenceOpDefs(std::string &error);

} // namespace nd4j
} // namespace mlir

#endif // ND4J_TEST_UNIT_SUPPORT_REFERENCEOPDEFS_H
