//===- TensorIO.cpp - reading and writing tensor files --------------------===//
//
// File access for the parsers of NpyIO.cpp and OnnxTensorIO.cpp: whole
// files are read into memory (test tensors are small, and the parsers then
// bounds-check against one buffer) and errors gain the file name.
//
//===----------------------------------------------------------------------===//

#include "lib/Runner/TensorIO.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

using namespace nd4j;

static bool readFile(const std::string &path, std::vector<char> &bytes,
                     std::string &error) {
  FILE *file = std::fopen(path.c_str(), "rb");
  if (!file) {
    error = path + ": cannot open: " + std::strerror(errno);
    return false;
  }
  bytes.clear();
  char buffer[1 << 16];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof(buffer), file)) > 0)
    bytes.insert(bytes.end(), buffer, buffer + n);
  bool failed = std::ferror(file);
  int savedErrno = errno;
  std::fclose(file);
  if (failed) {
    error = path + ": cannot read: " + std::strerror(savedErrno);
    return false;
  }
  return true;
}

TensorPtr nd4j::readTensorFile(const std::string &path, std::string &error,
                               std::string *name) {
  std::vector<char> bytes;
  if (!readFile(path, bytes, error))
    return nullptr;
  if (bytes.empty()) {
    error = path + ": empty file";
    return nullptr;
  }
  // The extension decides when there is one, so that a damaged .npy file is
  // reported as such; otherwise the magic does (a TensorProto cannot start
  // with 0x93, which would be field 18 with the unused wire type 3).
  auto endsWith = [&](const char *suffix) {
    size_t n = std::strlen(suffix);
    return path.size() >= n && path.compare(path.size() - n, n, suffix) == 0;
  };
  bool npy =
      endsWith(".npy") || (!endsWith(".pb") && bytes.size() >= 6 &&
                           std::memcmp(bytes.data(), "\x93NUMPY", 6) == 0);
  TensorPtr tensor =
      npy ? parseNpy(bytes.data(), bytes.size(), error)
          : parseOnnxTensor(bytes.data(), bytes.size(), name, error);
  if (!tensor)
    error = path + ": " + error;
  return tensor;
}

bool nd4j::writeNpyFile(const std::string &path, const nd4j_tensor *tensor,
                        std::string &error) {
  std::string bytes = encodeNpy(tensor);
  FILE *file = std::fopen(path.c_str(), "wb");
  if (!file) {
    error = path + ": cannot write: " + std::strerror(errno);
    return false;
  }
  bool ok = std::fwrite(bytes.data(), 1, bytes.size(), file) == bytes.size();
  int savedErrno = errno;
  ok = std::fclose(file) == 0 && ok;
  if (!ok)
    error = path + ": cannot write: " + std::strerror(savedErrno);
  return ok;
}
