//===- OpDescriptor.cpp - libnd4j op descriptor table
//-----------------------===//
//
// The descriptor table generated from ODS, its lookups, and libnd4j's op-name
// hash.
//
//===----------------------------------------------------------------------===//

#include "dialects/Common/OpDescriptor.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSwitch.h"
#include <array>

using namespace mlir;
using namespace mlir::nd4j;

#include "dialects/Exec/IR/ExecEnums.cpp.inc"

#include "dialects/Common/Nd4jDescriptors.inc"

ArrayRef<OpDescriptor> mlir::nd4j::getOpDescriptors() { return kOpDescriptors; }

namespace {
struct Index {
  llvm::StringMap<const OpDescriptor *> byOpName;
  llvm::StringMap<llvm::SmallVector<const OpDescriptor *, 1>> byLibnd4jName;
  Index() {
    for (const OpDescriptor &d : kOpDescriptors) {
      byOpName[d.opName] = &d;
      byLibnd4jName[d.libnd4jName].push_back(&d);
    }
  }
};
const Index &getIndex() {
  static const Index index; // Thread-safe one-time initialization.
  return index;
}
} // namespace

const OpDescriptor *mlir::nd4j::lookupDescriptorByOpName(StringRef opName) {
  return getIndex().byOpName.lookup(opName);
}

const OpDescriptor *
mlir::nd4j::lookupDescriptorByLibnd4jName(StringRef name, exec::OpType type) {
  auto it = getIndex().byLibnd4jName.find(name);
  if (it == getIndex().byLibnd4jName.end())
    return nullptr;
  for (const OpDescriptor *d : it->second)
    if (d->opType == type)
      return d;
  return nullptr;
}

StringRef mlir::nd4j::getArgKindName(ArgKind k) {
  static const char *const names[] = {"t_args", "i_args", "b_args", "d_args",
                                      "s_args"};
  return names[static_cast<unsigned>(k)];
}

unsigned OpDescriptor::getMinSlots(ArgKind k) const {
  unsigned n = 0;
  for (const ArgSpec &a : getArgs(k))
    n += a.arity == ArgSpec::Scalar;
  return n;
}

std::optional<unsigned> OpDescriptor::getMaxSlots(ArgKind k) const {
  unsigned n = 0;
  for (const ArgSpec &a : getArgs(k)) {
    if (a.arity == ArgSpec::Array)
      return std::nullopt;
    ++n;
  }
  return n;
}

unsigned OpDescriptor::getMinInputs() const {
  unsigned n = 0;
  for (const OperandSpec &o : inputs)
    n += o.arity == OperandSpec::Single;
  return n;
}

std::optional<unsigned> OpDescriptor::getMaxInputs() const {
  unsigned n = 0;
  for (const OperandSpec &o : inputs) {
    if (o.arity == OperandSpec::Variadic)
      return std::nullopt;
    ++n;
  }
  return n;
}

//===----------------------------------------------------------------------===//
// libnd4j HashHelper::getLongHash (samediff-flatbuffers.md §12)
//===----------------------------------------------------------------------===//

namespace {
constexpr uint64_t kHashMultiplier = 7664345821815920749ULL;

std::array<uint64_t, 256> makeHashTable() {
  std::array<uint64_t, 256> table;
  uint64_t h = 0x544B2FBACAAF1684ULL;
  for (uint64_t &entry : table) {
    for (int i = 0; i < 31; ++i) {
      h ^= h >> 7;
      h ^= h << 11;
      h ^= h >> 10;
    }
    entry = h;
  }
  return table;
}
} // namespace

int64_t mlir::nd4j::getLibnd4jOpHash(StringRef name) {
  static const std::array<uint64_t, 256> table = makeHashTable();
  uint64_t h = 0xBB40E64DA205B064ULL;
  // libnd4j hashes 16-bit chars as (low byte, high byte); for the ASCII op
  // names the high byte is always 0.
  for (unsigned char c : name) {
    h = (h * kHashMultiplier) ^ table[c];
    h = (h * kHashMultiplier) ^ table[0];
  }
  return static_cast<int64_t>(h);
}
