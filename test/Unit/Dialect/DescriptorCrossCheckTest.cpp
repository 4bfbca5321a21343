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
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/MemoryBuffer.h"
#include "gtest/gtest.h"
#include <cctype>
#include <cstdlib>
#include <map>

using namespace mlir;
using namespace mlir::nd4j;

namespace {

/// Argument names of one reference op, per argType, by argIndex.
struct RefOp {
  std::map<std::string, std::map<int64_t, std::string>> args;
};

/// A minimal reader for the protobuf text format of OpDescriptorList: just
/// enough structure (nested messages, scalar fields) for these files.
class PbtxtReader {
public:
  explicit PbtxtReader(StringRef text) : text(text) {}

  bool read(llvm::StringMap<RefOp> &ops) {
    while (skipSpace(), pos < text.size()) {
      std::string key = ident();
      if (key != "opList" || !expect('{'))
        return fail("expected 'opList {'");
      std::string name;
      RefOp op;
      while (skipSpace(), peek() != '}') {
        std::string field = ident();
        if (field == "argDescriptor") {
          if (!expect('{'))
            return fail("expected '{'");
          std::string argName, argType = "FLOAT"; // proto3 defaults
          int64_t argIndex = 0;
          while (skipSpace(), peek() != '}') {
            std::string f = ident();
            std::string v;
            if (!expect(':') || !(v = value(), ok))
              return fail("bad argDescriptor field");
            if (f == "name")
              argName = v;
            else if (f == "argType")
              argType = v;
            else if (f == "argIndex")
              argIndex = std::strtoll(v.c_str(), nullptr, 10);
          }
          ++pos;
          op.args[argType][argIndex] = argName;
        } else {
          std::string v;
          if (!expect(':') || !(v = value(), ok))
            return fail("bad opList field '" + field + "'");
          if (field == "name")
            name = v;
        }
      }
      ++pos;
      ops[name] = std::move(op);
    }
    return true;
  }
  std::string error;

private:
  bool fail(std::string msg) {
    error = msg + " at offset " + std::to_string(pos);
    return false;
  }
  char peek() { return pos < text.size() ? text[pos] : '\0'; }
  void skipSpace() {
    while (pos < text.size() &&
           std::isspace(static_cast<unsigned char>(text[pos])))
      ++pos;
  }
  bool expect(char c) {
    skipSpace();
    if (peek() != c)
      return false;
    ++pos;
    return true;
  }
  std::string ident() {
    skipSpace();
    size_t start = pos;
    while (pos < text.size() &&
           (std::isalnum(static_cast<unsigned char>(text[pos])) ||
            text[pos] == '_'))
      ++pos;
    return text.substr(start, pos - start).str();
  }
  std::string value() {
    skipSpace();
    ok = true;
    if (peek() != '"') {
      size_t start = pos;
      while (pos < text.size() &&
             !std::isspace(static_cast<unsigned char>(text[pos])) &&
             text[pos] != '}')
        ++pos;
      ok = pos > start;
      return text.substr(start, pos - start).str();
    }
    std::string out;
    for (++pos; pos < text.size() && text[pos] != '"'; ++pos) {
      if (text[pos] == '\\' && pos + 1 < text.size())
        ++pos;
      out += text[pos];
    }
    ok = pos < text.size();
    ++pos;
    return out;
  }
  StringRef text;
  size_t pos = 0;
  bool ok = true;
};

const char *refArgType(ArgKind k) {
  switch (k) {
  case ArgKind::T:
    return "DOUBLE";
  case ArgKind::I:
    return "INT64";
  case ArgKind::B:
    return "BOOL";
  case ArgKind::D:
    return "DATA_TYPE";
  case ArgKind::S:
    return "STRING";
  }
  return "";
}

const char *undeclaredPrefix(ArgKind k) {
  static const char *const prefixes[] = {"t:", "i:", "b:", "d:", "s:"};
  return prefixes[static_cast<unsigned>(k)];
}

TEST(DescriptorCrossCheck, AgreesWithNd4jOpDefs) {
  const char *shared = std::getenv("ND4J_SHARED_DIR");
  std::string path =
      std::string(shared ? shared : "../shared") + "/ref/nd4j-op-def.pbtxt";
  auto buffer = llvm::MemoryBuffer::getFile(path);
  if (!buffer)
    GTEST_SKIP() << path << " not found: reference data is optional";

  llvm::StringMap<RefOp> ref;
  PbtxtReader reader((*buffer)->getBuffer());
  ASSERT_TRUE(reader.read(ref)) << path << ": " << reader.error;
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
    auto check = [&](const char *type, int64_t index, StringRef name,
                     std::string undeclaredEntry) {
      auto list = r.args.find(type);
      const std::string *refName = nullptr;
      if (list != r.args.end()) {
        auto at = list->second.find(index);
        if (at != list->second.end())
          refName = &at->second;
      }
      if (undeclared(undeclaredEntry)) {
        EXPECT_EQ(refName, nullptr)
            << name.str() << " is marked undeclared but the reference has "
            << type << " " << index;
        return;
      }
      ASSERT_NE(refName, nullptr) << "the reference has no " << type << " "
                                  << index << " (ours: " << name.str() << ")";
      EXPECT_EQ(*refName, referenceName(undeclaredEntry, name).str())
          << type << " " << index;
    };
    for (auto [i, in] : llvm::enumerate(d.inputs)) {
      check("INPUT_TENSOR", i, in.name, ("input:" + in.name).str());
      if (in.arity == OperandSpec::Variadic)
        EXPECT_EQ(i + 1, d.inputs.size()) << "variadic input must be last";
    }
    for (unsigned k = 0; k < kNumArgKinds; ++k) {
      ArgKind kind = static_cast<ArgKind>(k);
      for (auto [i, a] : llvm::enumerate(d.getArgs(kind)))
        check(refArgType(kind), i, a.attrName,
              undeclaredPrefix(kind) + a.attrName.str());
    }
    ++checked;
  }
  EXPECT_EQ(checked, getOpDescriptors().size());
}

} // namespace
