//===- FlatGraphCrossCheck.cpp - FlatBuffers nodes vs nd4j's descriptors --===//
//
// The reference declares each op's slots per type but not which are
// optional or variable-length; our descriptors, themselves checked against
// the reference (DescriptorCrossCheckTest), say that where we have one for
// the node's op and op type.
//
//===----------------------------------------------------------------------===//

#include "test/Unit/Target/FlatGraphCrossCheck.h"

#include "SameDiff_generated.h"
#include "dialects/Common/OpDescriptor.h"
#include "llvm/ADT/STLExtras.h"

using namespace mlir;
using namespace mlir::nd4j;
namespace sd = ::nd4j::samediff;

namespace {
/// Op names SameDiff writes that the reference does not declare: the name
/// libnd4j knows them by, and why they differ.
struct JavaName {
  const char *opName;
  const char *libnd4jName;
  const char *reason;
};
const JavaName kJavaNames[] = {
    {"mmul", "matmul",
     "SameDiff's Java name for matmul; libnd4j runs the node by its opNum, "
     "matmul's hash, so it is checked as matmul"},
};

/// The number of `prefix` entries of `d`'s undeclaredInReference that add
/// a slot ("i:wFormat"), not those that rename one ("i:begin=e").
unsigned countUndeclared(const OpDescriptor *d, StringRef prefix) {
  if (!d)
    return 0;
  return llvm::count_if(d->undeclaredInReference, [&](StringRef entry) {
    return entry.starts_with(prefix) && !entry.contains('=');
  });
}

template <typename T> unsigned size(const flatbuffers::Vector<T> *v) {
  return v ? v->size() : 0;
}
} // namespace

void mlir::nd4j::crossCheckFlatGraph(StringRef data, StringRef file,
                                     const RefOpMap &ref,
                                     CrossCheckReport &report) {
  ++report.files;
  flatbuffers::Verifier verifier(reinterpret_cast<const uint8_t *>(data.data()),
                                 data.size());
  if (!sd::VerifyFlatGraphBuffer(verifier)) {
    report.errors.push_back(file.str() + ": not a FlatGraph");
    return;
  }
  const sd::FlatGraph *graph = sd::GetFlatGraph(data.data());
  if (!graph->nodes())
    return;
  for (const sd::FlatNode *node : *graph->nodes()) {
    ++report.nodes;
    std::string opName = node->opName() ? node->opName()->str() : "";
    std::string nodeName = node->name() ? node->name()->str() : "";
    sd::OpType opType = node->opType();
    const char *opTypeName = sd::EnumNameOpType(opType);
    auto error = [&](const std::string &problem) {
      report.errors.push_back(file.str() + ": node '" + nodeName + "' (" +
                              opName + ", " + opTypeName + "): " + problem);
    };
    ++report.ops[opName];

    // The name libnd4j knows the op by.
    std::string refName = opName;
    const JavaName *javaName = llvm::find_if(
        kJavaNames, [&](const JavaName &j) { return opName == j.opName; });
    if (javaName == std::end(kJavaNames))
      javaName = nullptr;
    if (javaName) {
      refName = javaName->libnd4jName;
      if (opType != sd::OpType::CUSTOM ||
          node->opNum() != getLibnd4jOpHash(refName)) {
        error("a Java name for " + refName + ", but its opNum is not " +
              refName + "'s hash");
        continue;
      }
      ++report.differences[opName + ": " + javaName->reason];
    }
    auto it = ref.find(refName);
    if (it == ref.end()) {
      error("no op of this name in the reference");
      continue;
    }
    const RefOp &refOp = it->second;
    bool legacyInReference = refOp.declarationType == "LEGACY_XYZ";
    if (opType == sd::OpType::CUSTOM) {
      if (legacyInReference) {
        error("stored as a custom op, but the reference declares a legacy "
              "op of this name");
        continue;
      }
      if (!javaName && node->opNum() != getLibnd4jOpHash(opName))
        error("opNum " + std::to_string(node->opNum()) +
              " is not the hash of '" + opName + "'");
    }

    const OpDescriptor *d = lookupDescriptorByLibnd4jName(
        refName, static_cast<exec::OpType>(static_cast<int>(opType)));
    // A legacy node of an op the reference declares as a custom op follows
    // the legacy calling convention (scalar, dimensions, extraParams), which
    // the custom op's slots do not describe: only our descriptor can.
    if (opType != sd::OpType::CUSTOM && !legacyInReference) {
      ++report.differences[opName + " " + opTypeName +
                           ": the legacy op of a name the reference "
                           "declares as " +
                           refOp.declarationType + "; " +
                           (d ? "slots checked against our descriptor"
                              : "only the name is checked")];
      if (!d)
        continue;
    }
    ++(d ? report.withDescriptor : report.referenceOnly);

    auto check = [&](StringRef list, StringRef refType, unsigned count,
                     unsigned min, std::optional<unsigned> descriptorMax,
                     StringRef undeclaredPrefix) {
      unsigned refSlots = refOp.getNumSlots(refType);
      unsigned undeclared = countUndeclared(d, undeclaredPrefix);
      bool legacyOfCustom = opType != sd::OpType::CUSTOM && !legacyInReference;
      std::optional<unsigned> max = refSlots + undeclared;
      if (legacyOfCustom || (d && !descriptorMax))
        max = descriptorMax;
      if (max && count > *max) {
        std::string bound =
            legacyOfCustom
                ? "our descriptor allows " + std::to_string(*max)
                : "the reference declares " + std::to_string(refSlots) + " " +
                      refType.str() + " slots";
        if (!legacyOfCustom && undeclared)
          bound +=
              " (and libnd4j reads " + std::to_string(undeclared) + " more)";
        error(std::to_string(count) + " " + list.str() + "; " + bound);
      }
      if (count < min)
        error(std::to_string(count) + " " + list.str() + "; its descriptor (" +
              d->opName.str() + ") requires " + std::to_string(min));
    };
    // libnd4j requires the inputs our descriptor does not mark optional;
    // argument slots it defaults when absent (SameDiff's mmul writes no
    // t_args), so those have an upper bound only.
    check("inputs", "INPUT_TENSOR", size(node->inputPaired()),
          d ? d->getMinInputs() : 0,
          d ? d->getMaxInputs() : std::optional<unsigned>(), "input:");
    unsigned counts[] = {size(node->extraParams()), size(node->extraInteger()),
                         size(node->extraBools()), size(node->extraTypes()),
                         size(node->extraStrings())};
    for (unsigned k = 0; k < kNumArgKinds; ++k) {
      ArgKind kind = static_cast<ArgKind>(k);
      check(getArgKindName(kind), getReferenceArgType(kind), counts[k], 0,
            d ? d->getMaxSlots(kind) : std::optional<unsigned>(),
            getUndeclaredPrefix(kind));
    }
    if (const auto *types = node->extraTypes())
      for (sd::DType t : *types)
        if (!*sd::EnumNameDType(t))
          error("d_args value " + std::to_string(static_cast<int>(t)) +
                " is not a data type");
  }
}

void CrossCheckReport::print(llvm::raw_ostream &os) const {
  os << "FlatBuffers cross-check: " << files << " files, " << nodes
     << " nodes of " << ops.size() << " ops; " << withDescriptor
     << " bounded by our descriptors too, " << referenceOnly
     << " by the reference only; " << errors.size() << " failures\n";
  os << "ops:";
  for (const auto &[name, count] : ops)
    os << " " << name << " " << count;
  os << "\n";
  for (const auto &[what, count] : differences)
    os << "differs (" << count << " nodes): " << what << "\n";
  for (const std::string &e : errors)
    os << "FAIL " << e << "\n";
}
