//===- DescriptorCrossCheckTest.cpp - descriptors vs nd4j-op-def.pbtxt
//------===//
//
// Optional: when the reference data beside the project exists
// ($ND4J_SHARED_DIR/ref/nd4j-op-def.pbtxt), checks every declared descriptor
// against nd4j's own op descriptors: the libnd4j op exists, and every input
// and argument slot we fill has the reference's name at the same index, in
// the list of the same type. Slots the reference omits must be listed in the
// op's `undeclaredInReference`. Skips when the file is absent.
//
//===----------------------------------------------------------------------===//

#include "dialects/Common/OpDescriptor.h"
#include "test/Unit/Support/ReferenceOpDefs.h"
#include "gtest/gtest.h"

using namespace mlir;
using namespace mlir::nd4j;

namespace {

TEST(DescriptorCrossCheck, AgreesWithNd4jOpDefs) {
  std::string error;
  std::optional<RefOpMap> loaded = loadReferenceOpDefs(error);
  if (!loaded)
    GTEST_SKIP() << getReferenceOpDefsPath()
                 << " not found: reference data is optional";
  ASSERT_TRUE(error.empty()) << error;
  const RefOpMap &ref = *loaded;
  ASSERT_GT(ref.size(), 700u) << "nd4j-op-def.pbtxt lists 713 ops";

  unsigned checked = 0;
  for (const OpDescriptor &d : getOpDescriptors()) {
    SCOPED_TRACE(d.opName.str());
    auto it = ref.find(d.libnd4jName);
    ASSERT_NE(it, ref.end())
        << "no libnd4j op '" << d.libnd4jName.str() << "' in the reference";
    const RefOp &r = it->second;
    auto undeclared = [&](std::string entry) {
      return llvm::is_contained(d.undeclaredInReference, entry);
    };
    // "<kind>:<ours>=<reference's name>" entries.
    auto referenceName = [&](const std::string &entry, StringRef ours) {
      for (StringRef u : d.undeclaredInReference)
        if (u.starts_with(entry + "="))
          return u.drop_front(entry.size() + 1);
      return ours;
    };
    auto check = [&](StringRef type, int64_t index, StringRef name,
                     std::string undeclaredEntry) {
      auto list = r.args.find(type.str());
      const std::string *refName = nullptr;
      if (list != r.args.end()) {
        auto at = list->second.find(index);
        if (at != list->second.end())
          refName = &at->second;
      }
      if (undeclared(undeclaredEntry)) {
        EXPECT_EQ(refName, nullptr)
            << name.str() << " is marked undeclared but the reference has "
            << type.str() << " " << index;
        return;
      }
      ASSERT_NE(refName, nullptr)
          << "the reference has no " << type.str() << " " << index
          << " (ours: " << name.str() << ")";
      EXPECT_EQ(*refName, referenceName(undeclaredEntry, name).str())
          << type.str() << " " << index;
    };
    for (auto [i, in] : llvm::enumerate(d.inputs)) {
      check("INPUT_TENSOR", i, in.name, "input:" + in.name.str());
      if (in.arity == OperandSpec::Variadic)
        EXPECT_EQ(i + 1, d.inputs.size()) << "variadic input must be last";
    }
    for (unsigned k = 0; k < kNumArgKinds; ++k) {
      ArgKind kind = static_cast<ArgKind>(k);
      for (auto [i, a] : llvm::enumerate(d.getArgs(kind)))
        check(getReferenceArgType(kind), i, a.attrName,
              getUndeclaredPrefix(kind).str() + a.attrName.str());
    }
    ++checked;
  }
  EXPECT_EQ(checked, getOpDescriptors().size());
}

} // namespace
