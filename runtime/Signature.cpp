//===- Signature.cpp - the model signature text ---------------------------===//
//
// The signature is the runtime's only knowledge of what the compiled code
// reads and writes, so it is parsed strictly: one space between fields,
// decimal numbers without signs, known dtypes, ranks and shapes whose byte
// sizes fit in memory, and only the two escapes of the ABI in names. A
// mistake there is reported as a malformed signature rather than risking a
// buffer of the wrong size later.
//
//===----------------------------------------------------------------------===//

#include "runtime/Signature.h"
#include "runtime/Internal.h"

#include <algorithm>
#include <cstring>

using namespace nd4j::runtime;

namespace {

class LineParser {
public:
  LineParser(const std::string &line, int number)
      : line(line), number(number) {}

  /// A field up to the next space (or the end of the line); consumes the
  /// space. Fails when the line has already ended.
  bool field(std::string &out) {
    if (pos > line.size())
      return false;
    size_t end = line.find(' ', pos);
    if (end == std::string::npos)
      end = line.size();
    out = line.substr(pos, end - pos);
    pos = end + 1;
    return true;
  }
  /// Everything after the last consumed space; fails when the line ended
  /// without one.
  bool rest(std::string &out) {
    if (pos > line.size())
      return false;
    out = line.substr(pos);
    pos = line.size() + 1;
    return true;
  }
  std::string where() const {
    return "signature line " + std::to_string(number) + ": ";
  }

private:
  const std::string &line;
  int number;
  size_t pos = 0;
};

/// A decimal number without sign or leading '+', at most `max`.
bool parseUnsigned(const std::string &text, uint64_t max, uint64_t &value) {
  if (text.empty() || text.size() > 20)
    return false;
  value = 0;
  for (char c : text) {
    if (c < '0' || c > '9')
      return false;
    uint64_t digit = static_cast<uint64_t>(c - '0');
    if (value > (max - digit) / 10)
      return false;
    value = value * 10 + digit;
  }
  return true;
}

/// Lines quoted in messages are cut short: a corrupt signature may be long.
std::string quote(const std::string &text) {
  std::string shown;
  for (char c : text.substr(0, 60)) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x20 || u >= 0x7f) {
      static const char hex[] = "0123456789abcdef";
      shown += "\\x";
      shown += hex[u >> 4];
      shown += hex[u & 15];
    } else {
      shown += c;
    }
  }
  if (text.size() > 60)
    shown += "...";
  return "'" + shown + "'";
}

bool unescapeName(const std::string &raw, std::string &name, std::string &why) {
  name.clear();
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '\\') {
      name += raw[i];
      continue;
    }
    if (i + 1 == raw.size()) {
      why = "name " + quote(raw) + " ends in a lone backslash";
      return false;
    }
    char next = raw[++i];
    if (next == '\\') {
      name += '\\';
    } else if (next == 'n') {
      name += '\n';
    } else {
      why = std::string("bad escape '\\") + next + "' in name " + quote(raw);
      return false;
    }
  }
  return true;
}

nd4j_status parseRecord(const std::string &line, int number,
                        Signature &signature, std::string &error) {
  LineParser parser(line, number);
  auto fail = [&](const std::string &why) {
    error = parser.where() + why;
    return ND4J_STATUS_BAD_SIGNATURE;
  };
  std::string kind, dtypeName, rankText;
  parser.field(kind);
  if (kind != "input" && kind != "output")
    return fail("expected 'input' or 'output', got " + quote(line));
  const std::string truncated = "truncated " + kind + " record " + quote(line) +
                                " (expected '" + kind +
                                " <dtype> <rank> <dims>... <name>')";
  if (!parser.field(dtypeName))
    return fail(truncated);
  SignatureEntry entry;
  entry.dtype = nd4j_dtype_from_name(dtypeName.c_str());
  if (entry.dtype == ND4J_DTYPE_INVALID)
    return fail("unknown dtype " + quote(dtypeName));
  if (!parser.field(rankText))
    return fail(truncated);
  uint64_t rank;
  if (!parseUnsigned(rankText, UINT64_MAX, rank))
    return fail("bad rank " + quote(rankText));
  if (rank > ND4J_MAX_RANK)
    return fail("rank " + rankText + " exceeds the maximum rank " +
                std::to_string(ND4J_MAX_RANK));
  for (uint64_t i = 0; i < rank; ++i) {
    std::string dimText;
    if (!parser.field(dimText))
      return fail(truncated);
    // ABI 2: `?` is a dimension known only at run time.
    if (dimText == "?" && signature.abiVersion >= 2) {
      entry.shape.push_back(-1);
      continue;
    }
    uint64_t dim;
    if (!parseUnsigned(dimText, INT64_MAX, dim))
      return fail("bad dimension " + quote(dimText));
    entry.shape.push_back(static_cast<int64_t>(dim));
  }
  std::string rawName, why;
  if (!parser.rest(rawName))
    return fail(truncated);
  if (!unescapeName(rawName, entry.name, why))
    return fail(why);
  int64_t numElements;
  size_t byteSize;
  bool dynamic = std::count(entry.shape.begin(), entry.shape.end(), -1) > 0;
  if (!dynamic && !computeSize(entry.dtype, entry.shape.data(),
                               entry.shape.size(), numElements, byteSize, why))
    return fail(kind + " " + quote(entry.name) + ": " + why);
  (kind == "input" ? signature.inputs : signature.outputs)
      .push_back(std::move(entry));
  return ND4J_STATUS_OK;
}

} // namespace

nd4j_status nd4j::runtime::parseSignature(const char *text,
                                          Signature &signature,
                                          std::string &error) {
  signature = Signature();
  if (!text || !*text) {
    error = "the signature is empty";
    return ND4J_STATUS_BAD_SIGNATURE;
  }
  std::vector<std::string> lines;
  for (const char *p = text;;) {
    const char *end = std::strchr(p, '\n');
    if (!end) {
      // The text may end with or without a newline.
      if (*p)
        lines.emplace_back(p);
      break;
    }
    lines.emplace_back(p, end);
    p = end + 1;
  }

  const std::string &header = lines[0];
  const std::string magic = "nd4j-model ";
  uint64_t version;
  if (header.compare(0, magic.size(), magic) != 0 ||
      !parseUnsigned(header.substr(magic.size()), INT32_MAX, version)) {
    error = "signature line 1: expected 'nd4j-model <abi-version>', got " +
            quote(header);
    return ND4J_STATUS_BAD_SIGNATURE;
  }
  if (version != 1 && version != ND4J_MODEL_ABI_VERSION) {
    error = "model ABI version " + std::to_string(version) +
            " is not supported (this runtime reads versions 1 to " +
            std::to_string(ND4J_MODEL_ABI_VERSION) + ")";
    return ND4J_STATUS_UNSUPPORTED_ABI;
  }
  signature.abiVersion = static_cast<int32_t>(version);

  size_t first = 1;
  const std::string targetTag = "target ";
  if (lines.size() > 1 &&
      lines[1].compare(0, targetTag.size(), targetTag) == 0) {
    signature.target = lines[1].substr(targetTag.size());
    if (signature.target != "cpu" && signature.target != "nvptx") {
      error = "signature line 2: unknown target " + quote(signature.target) +
              " (this runtime runs cpu and nvptx)";
      return ND4J_STATUS_BAD_SIGNATURE;
    }
    first = 2;
  }
  const std::string featuresTag = "cpu-features";
  if (lines.size() > first &&
      lines[first].compare(0, featuresTag.size(), featuresTag) == 0 &&
      (lines[first].size() == featuresTag.size() ||
       lines[first][featuresTag.size()] == ' ')) {
    const std::string &line = lines[first];
    size_t pos = featuresTag.size();
    while (pos < line.size()) {
      size_t start = line.find_first_not_of(' ', pos);
      if (start == std::string::npos)
        break;
      size_t end = line.find(' ', start);
      if (end == std::string::npos)
        end = line.size();
      signature.cpuFeatures.push_back(line.substr(start, end - start));
      pos = end;
    }
    ++first;
  }
  for (size_t i = first; i < lines.size(); ++i)
    if (nd4j_status status =
            parseRecord(lines[i], static_cast<int>(i + 1), signature, error))
      return status;
  if (signature.outputs.empty()) {
    error = "the signature declares no outputs";
    return ND4J_STATUS_BAD_SIGNATURE;
  }
  return ND4J_STATUS_OK;
}
