//===- ReferenceOpDefs.cpp - nd4j's op descriptors, for tests -------------===//
//
// A minimal reader for the protobuf text format of OpDescriptorList: just
// enough structure (nested messages, scalar fields) for nd4j-op-def.pbtxt.
//
//===----------------------------------------------------------------------===//

#include "test/Unit/Support/ReferenceOpDefs.h"

#include "llvm/Support/MemoryBuffer.h"
#include <cctype>
#include <cstdlib>

using namespace mlir;
using namespace mlir::nd4j;

namespace {
class PbtxtReader {
public:
  explicit PbtxtReader(llvm::StringRef text) : text(text) {}

  bool read(RefOpMap &ops) {
    while (skipSpace(), pos < text.size()) {
      std::string key = ident();
      if (key != "opList" || !expect('{'))
        return fail("expected 'opList {'");
      std::string name;
      RefOp op;
      // proto3 leaves the enum's zero value out of the text.
      op.declarationType = "CUSTOM_OP_IMPL";
      while (skipSpace(), peek() != '}') {
        if (pos >= text.size())
          return fail("unterminated opList");
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
          else if (field == "opDeclarationType")
            op.declarationType = v;
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
  llvm::StringRef text;
  size_t pos = 0;
  bool ok = true;
};
} // namespace

unsigned RefOp::getNumSlots(llvm::StringRef argType) const {
  auto it = args.find(argType.str());
  if (it == args.end() || it->second.empty())
    return 0;
  return static_cast<unsigned>(it->second.rbegin()->first + 1);
}

bool mlir::nd4j::parseReferenceOpDefs(llvm::StringRef text, RefOpMap &ops,
                                      std::string &error) {
  PbtxtReader reader(text);
  if (reader.read(ops))
    return true;
  error = reader.error;
  return false;
}

llvm::StringRef mlir::nd4j::getReferenceArgType(ArgKind kind) {
  static const char *const types[] = {"DOUBLE", "INT64", "BOOL", "DATA_TYPE",
                                      "STRING"};
  return types[static_cast<unsigned>(kind)];
}

llvm::StringRef mlir::nd4j::getUndeclaredPrefix(ArgKind kind) {
  static const char *const prefixes[] = {"t:", "i:", "b:", "d:", "s:"};
  return prefixes[static_cast<unsigned>(kind)];
}

std::string mlir::nd4j::getReferenceOpDefsPath() {
  const char *shared = std::getenv("ND4J_SHARED_DIR");
  return std::string(shared ? shared : "../shared") + "/ref/nd4j-op-def.pbtxt";
}

std::optional<RefOpMap> mlir::nd4j::loadReferenceOpDefs(std::string &error) {
  std::string path = getReferenceOpDefsPath();
  auto buffer = llvm::MemoryBuffer::getFile(path);
  if (!buffer)
    return std::nullopt;
  RefOpMap ops;
  if (!parseReferenceOpDefs((*buffer)->getBuffer(), ops, error))
    error = path + ": " + error;
  return ops;
}
