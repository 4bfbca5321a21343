//===- OpDescriptor.h - libnd4j op descriptors --------------------*- C++
//-*-===//
//
// The in-memory form of the libnd4j descriptors that typed nd4j ops declare
// in ODS (Libnd4jDescriptor.td). nd4j-tblgen generates the table; the
// nd4j-to-exec legalization, the nd4j_exec verifier, the FlatBuffers writer
// and the docs read it. Adding an op means editing its ODS definition only.
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_DIALECTS_COMMON_OPDESCRIPTOR_H
#define ND4J_DIALECTS_COMMON_OPDESCRIPTOR_H

#include "dialects/Exec/IR/ExecEnums.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <optional>

namespace mlir {
namespace nd4j {

/// The ordered argument lists of libnd4j's calling convention.
enum class ArgKind : uint8_t { T, I, B, D, S };
constexpr unsigned kNumArgKinds = 5;

/// One operand of the typed op, in libnd4j input order.
struct OperandSpec {
  enum Arity : uint8_t { Single, Optional, Variadic };
  llvm::StringRef name;
  Arity arity;
};

/// One entry of an ordered argument list: the attribute that fills it.
struct ArgSpec {
  enum Arity : uint8_t {
    Scalar,   ///< required attribute, one slot
    Optional, ///< optional attribute, one slot when present
    Array,    ///< array attribute, one slot per element
  };
  llvm::StringRef attrName;
  Arity arity;
};

struct OpDescriptor {
  /// The typed nd4j op, e.g. "nd4j.conv2d".
  llvm::StringRef opName;
  /// The libnd4j op name, e.g. "conv2d".
  llvm::StringRef libnd4jName;
  exec::OpType opType;
  /// Legacy op number for non-CUSTOM op types.
  int64_t legacyOpNum;
  llvm::ArrayRef<OperandSpec> inputs;
  unsigned numResults;
  llvm::ArrayRef<ArgSpec> args[kNumArgKinds];
  /// Attribute that fills the legacy `dimensions` list; empty when none.
  llvm::StringRef axisArg;
  /// "<kind>:<name>" entries libnd4j reads although the reference
  /// descriptor (nd4j-op-def.pbtxt) does not list them.
  llvm::ArrayRef<llvm::StringRef> undeclaredInReference;

  llvm::ArrayRef<ArgSpec> getArgs(ArgKind k) const {
    return args[static_cast<unsigned>(k)];
  }
  /// Bounds on the number of slots of kind `k` (max: nullopt = unbounded).
  unsigned getMinSlots(ArgKind k) const;
  std::optional<unsigned> getMaxSlots(ArgKind k) const;
  unsigned getMinInputs() const;
  std::optional<unsigned> getMaxInputs() const;
};

/// Every declared descriptor, sorted by ODS definition name.
llvm::ArrayRef<OpDescriptor> getOpDescriptors();
/// The descriptor of typed op `opName` ("nd4j.conv2d"), or null.
const OpDescriptor *lookupDescriptorByOpName(llvm::StringRef opName);
/// The descriptor executing as libnd4j op `name` of type `type`, or null.
const OpDescriptor *lookupDescriptorByLibnd4jName(llvm::StringRef name,
                                                  exec::OpType type);

/// The slot-list name used in IR and docs: "t_args", "i_args", ...
llvm::StringRef getArgKindName(ArgKind k);

/// libnd4j's 64-bit op-name hash (HashHelper::getLongHash), stored as
/// FlatNode.opNum of CUSTOM ops.
int64_t getLibnd4jOpHash(llvm::StringRef name);

} // namespace nd4j
} // namespace mlir

#endif // ND4J_DIALECTS_COMMON_OPDESCRIPTOR_H
