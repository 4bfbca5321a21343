//===- RunMain.cpp - the nd4j-run driver ----------------------------------===//
//
// Loads a model library, reads its inputs from files, runs it once and then
// prints, saves, compares and times the outputs. Exit codes distinguish a
// wrong answer (1) from everything that kept the comparison from happening
// (2: usage, files, the model), so scripts running conformance suites can
// tell a numerical failure from a broken setup.
//
//===----------------------------------------------------------------------===//

#include "nd4j-mlir/RunMain.h"
#include "lib/Runner/Compare.h"
#include "lib/Runner/TensorIO.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

using namespace nd4j;
namespace fs = std::filesystem;

#ifndef ND4J_MLIR_VERSION
#define ND4J_MLIR_VERSION "unknown"
#endif

namespace {

const char kUsage[] =
    R"(usage: nd4j-run MODEL.so [options]

Runs a model library written by nd4j-compile on tensors read from files.

  --inputs DIR       input files: input_<N>.pb (ONNX TensorProto, by index
                     N), else *.npy (by name when every file stem is an
                     input name, else by position in natural order)
  --input NAME=FILE  the file of one input (NAME or its index); repeatable,
                     overrides --inputs
  --compare DIR      expected outputs (output_<N>.pb or *.npy, matched like
                     the inputs); every output must match elementwise:
                     |actual - expected| <= atol + rtol * |expected|
  --rtol R           relative tolerance (default 1e-3)
  --atol A           absolute tolerance (default 1e-7)
  --fill NAME=KIND   generate an input instead of reading it: random,
                     zeros or ones (NAME 'all' for every input without a
                     file); random draws are seeded by --seed N (default 0)
  --shape NAME=D0,D1,...
                     the shape of a filled input whose signature has
                     dimensions known only at run time (`?`, ABI 2)
  --output-dir DIR   write each output as DIR/<name>.npy
  --print            print the output values (up to 1000 per output)
  --benchmark N      after the first run, run N more times and print the
                     median and minimum latency
  --threads N        threads of the runtime's pool (default: all cores, or
                     $ND4J_NUM_THREADS)
  --help             show this text
  --version          show the version and the model ABI it runs

Exit status: 0 on success, 1 when an output differs from its expected
value, 2 for usage, file and model errors.
)";

constexpr int64_t kPrintLimit = 1000;

struct Options {
  std::string model;
  std::string inputsDir;
  std::vector<std::pair<std::string, std::string>> inputFiles;
  /// --fill NAME=random|zeros|ones ("all" for every input without a file).
  std::vector<std::pair<std::string, std::string>> fills;
  /// --shape NAME=D0,D1,...: shapes of filled inputs.
  std::vector<std::pair<std::string, std::vector<int64_t>>> shapes;
  uint64_t seed = 0;
  std::string compareDir;
  std::string outputDir;
  double rtol = 1e-3;
  double atol = 1e-7;
  int64_t benchmark = 0;
  int64_t threads = -1; // -1: the runtime's default
  bool print = false;
  bool help = false;
  bool version = false;
};

int fail(const std::string &message) {
  std::fflush(stdout);
  std::fprintf(stderr, "nd4j-run: error: %s\n", message.c_str());
  return RunError;
}

int usageError(const std::string &message) {
  std::fflush(stdout);
  std::fprintf(stderr,
               "nd4j-run: error: %s\n(run 'nd4j-run --help' for usage)\n",
               message.c_str());
  return RunError;
}

bool parseNumber(const std::string &option, const std::string &text,
                 double &value, std::string &error) {
  char *end = nullptr;
  value = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0' || !std::isfinite(value) || value < 0) {
    error = option + " needs a non-negative number, got '" + text + "'";
    return false;
  }
  return true;
}

bool parseCount(const std::string &option, const std::string &text, int64_t min,
                int64_t &value, std::string &error) {
  char *end = nullptr;
  long long parsed = std::strtoll(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0' || parsed < min || parsed > 1000000000) {
    error = option + " needs an integer >= " + std::to_string(min) + ", got '" +
            text + "'";
    return false;
  }
  value = parsed;
  return true;
}

bool parseArgs(int argc, char **argv, Options &options, std::string &error) {
  bool positionalOnly = false;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (positionalOnly || arg.size() < 2 || arg[0] != '-') {
      if (!options.model.empty()) {
        error = "more than one model given ('" + options.model + "', '" + arg +
                "')";
        return false;
      }
      options.model = arg;
      continue;
    }
    if (arg == "--") {
      positionalOnly = true;
      continue;
    }
    std::string name = arg, value;
    size_t equals = arg.find('=');
    bool hasValue = equals != std::string::npos;
    if (hasValue) {
      name = arg.substr(0, equals);
      value = arg.substr(equals + 1);
    }
    if (name == "--help" || name == "-h" || name == "--print" ||
        name == "--version") {
      if (hasValue) {
        error = "option " + name + " takes no value";
        return false;
      }
      (name == "--print"     ? options.print
       : name == "--version" ? options.version
                             : options.help) = true;
      continue;
    }
    static const char *const valued[] = {
        "--inputs", "--input", "--compare",   "--output-dir",
        "--rtol",   "--atol",  "--benchmark", "--threads",
        "--fill",   "--seed",  "--shape"};
    if (std::find_if(std::begin(valued), std::end(valued),
                     [&](const char *known) { return name == known; }) ==
        std::end(valued)) {
      error = "unknown option '" + name + "'";
      return false;
    }
    if (!hasValue) {
      if (i + 1 >= argc) {
        error = "option " + name + " needs a value";
        return false;
      }
      value = argv[++i];
    }
    if (name == "--inputs") {
      options.inputsDir = value;
    } else if (name == "--input") {
      size_t split = value.find('=');
      if (split == std::string::npos || split == 0 ||
          split + 1 == value.size()) {
        error = "--input needs NAME=FILE, got '" + value + "'";
        return false;
      }
      options.inputFiles.emplace_back(value.substr(0, split),
                                      value.substr(split + 1));
    } else if (name == "--fill") {
      size_t split = value.rfind('=');
      std::string kind =
          split == std::string::npos ? "" : value.substr(split + 1);
      if (split == std::string::npos || split == 0 ||
          (kind != "random" && kind != "zeros" && kind != "ones")) {
        error = "--fill needs NAME=random|zeros|ones (NAME may be 'all'), "
                "got '" +
                value + "'";
        return false;
      }
      options.fills.emplace_back(value.substr(0, split), kind);
    } else if (name == "--shape") {
      size_t split = value.rfind('=');
      std::vector<int64_t> dims;
      bool ok = split != std::string::npos && split > 0;
      for (size_t at = split + 1; ok && at <= value.size();) {
        size_t comma = value.find(',', at);
        std::string item = value.substr(
            at, comma == std::string::npos ? std::string::npos : comma - at);
        char *end = nullptr;
        errno = 0;
        long long d = std::strtoll(item.c_str(), &end, 10);
        ok = !item.empty() && *end == '\0' && errno == 0 && d >= 0;
        dims.push_back(d);
        if (comma == std::string::npos)
          break;
        at = comma + 1;
      }
      if (!ok) {
        error = "--shape needs NAME=D0,D1,... (non-negative sizes), got '" +
                value + "'";
        return false;
      }
      options.shapes.emplace_back(value.substr(0, split), std::move(dims));
    } else if (name == "--seed") {
      int64_t seed;
      if (!parseCount(name, value, 0, seed, error))
        return false;
      options.seed = static_cast<uint64_t>(seed);
    } else if (name == "--compare") {
      options.compareDir = value;
    } else if (name == "--output-dir") {
      options.outputDir = value;
    } else if (name == "--rtol" || name == "--atol") {
      if (!parseNumber(name, value,
                       name == "--rtol" ? options.rtol : options.atol, error))
        return false;
    } else if (name == "--benchmark") {
      if (!parseCount(name, value, 1, options.benchmark, error))
        return false;
    } else if (!parseCount(name, value, 0, options.threads, error)) {
      return false;
    }
  }
  if (!options.help && !options.version && options.model.empty()) {
    error = "no model library given";
    return false;
  }
  return true;
}

/// Order with digit runs compared by value: input_2 before input_10.
bool naturalLess(const std::string &a, const std::string &b) {
  size_t i = 0, j = 0;
  auto isDigit = [](char c) { return c >= '0' && c <= '9'; };
  while (i < a.size() && j < b.size()) {
    if (isDigit(a[i]) && isDigit(b[j])) {
      size_t i0 = i, j0 = j;
      while (i < a.size() && isDigit(a[i]))
        ++i;
      while (j < b.size() && isDigit(b[j]))
        ++j;
      std::string x = a.substr(i0, i - i0), y = b.substr(j0, j - j0);
      x.erase(0, std::min(x.find_first_not_of('0'), x.size()));
      y.erase(0, std::min(y.find_first_not_of('0'), y.size()));
      if (x.size() != y.size())
        return x.size() < y.size();
      if (x != y)
        return x < y;
      continue;
    }
    if (a[i] != b[j])
      return a[i] < b[j];
    ++i, ++j;
  }
  return a.size() - i < b.size() - j;
}

/// A file name for a tensor name: characters other than letters, digits,
/// '.', '-' and '_' become '_', so names like "conv/out:0" cannot leave
/// the directory.
std::string sanitize(const std::string &name) {
  std::string out = name;
  for (char &c : out)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
          (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_'))
      c = '_';
  if (out.empty() || out == "." || out == "..")
    out = "_" + out;
  return out;
}

/// "input 'x' (#0)".
/// ONNX's backend test data (and numpy, which has no bfloat16) store
/// BFLOAT16 tensors as UINT16 holding the 16 bits: a UINT16 tensor read
/// where bf16 is wanted is taken bit for bit as bf16.
void retypeBf16Bits(TensorPtr &tensor, nd4j_dtype wanted) {
  if (wanted != ND4J_DTYPE_BF16 ||
      nd4j_tensor_dtype(tensor.get()) != ND4J_DTYPE_U16)
    return;
  nd4j_tensor *retyped = nullptr;
  if (nd4j_tensor_create(ND4J_DTYPE_BF16, nd4j_tensor_rank(tensor.get()),
                         nd4j_tensor_shape(tensor.get()),
                         &retyped) != ND4J_STATUS_OK)
    return;
  std::memcpy(nd4j_tensor_data(retyped), nd4j_tensor_data(tensor.get()),
              nd4j_tensor_byte_size(tensor.get()));
  tensor = TensorPtr(retyped);
}

std::string describe(const char *kind, const std::string &name, size_t index) {
  return std::string(kind) + " '" + name + "' (#" + std::to_string(index) + ")";
}

/// Assigns the tensor files of `dir` to the model's inputs or outputs
/// (`kind`): `<kind>_<N>.pb` by N when there are any, else `.npy` files by
/// stem (the name or its sanitized form) when the stems name every needed
/// entry, else by position in natural order. Entries not `needed` (given by
/// --input) need no file.
bool matchDirectory(const std::string &dir, const char *kind,
                    const std::vector<std::string> &names,
                    const std::vector<bool> &needed,
                    std::vector<std::string> &files, std::string &error) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    error = dir + ": cannot read the directory: " + ec.message();
    return false;
  }
  std::string prefix = std::string(kind) + "_";
  std::map<uint64_t, std::string> pbFiles;
  std::vector<std::string> npyFiles;
  for (const fs::directory_entry &entry : it) {
    if (!entry.is_regular_file(ec))
      continue;
    std::string file = entry.path().filename().string();
    if (file.size() > 4 && file.compare(file.size() - 4, 4, ".npy") == 0) {
      npyFiles.push_back(file);
      continue;
    }
    if (file.size() <= prefix.size() + 3 ||
        file.compare(0, prefix.size(), prefix) != 0 ||
        file.compare(file.size() - 3, 3, ".pb") != 0)
      continue;
    std::string digits =
        file.substr(prefix.size(), file.size() - prefix.size() - 3);
    if (digits.size() > 9 ||
        digits.find_first_not_of("0123456789") != std::string::npos)
      continue;
    uint64_t index = std::stoull(digits);
    if (!pbFiles.emplace(index, file).second) {
      error = dir + ": both " + pbFiles[index] + " and " + file +
              " claim index " + digits;
      return false;
    }
  }
  files.assign(names.size(), "");
  auto count = [&](size_t n) {
    return std::to_string(n) + " " + kind + (n == 1 ? "" : "s");
  };

  if (!pbFiles.empty()) {
    for (size_t i = 0; i < pbFiles.size(); ++i)
      if (!pbFiles.count(i)) {
        error = dir + ": " + prefix + std::to_string(i) + ".pb is missing (" +
                std::to_string(pbFiles.size()) + " " + prefix +
                "*.pb files, numbered from 0)";
        return false;
      }
    if (pbFiles.size() != names.size()) {
      error = dir + ": " + std::to_string(pbFiles.size()) + " " + prefix +
              "*.pb files for a model with " + count(names.size());
      return false;
    }
    for (size_t i = 0; i < names.size(); ++i)
      files[i] = (fs::path(dir) / pbFiles[i]).string();
    return true;
  }

  if (npyFiles.empty()) {
    error = dir + ": no " + prefix + "*.pb or .npy files";
    return false;
  }
  std::sort(npyFiles.begin(), npyFiles.end(), naturalLess);
  auto stemIndex = [&](size_t i) -> int {
    for (size_t f = 0; f < npyFiles.size(); ++f) {
      std::string stem = npyFiles[f].substr(0, npyFiles[f].size() - 4);
      if (stem == names[i] || stem == sanitize(names[i]))
        return static_cast<int>(f);
    }
    return -1;
  };
  bool anyByName = false, allByName = true;
  for (size_t i = 0; i < names.size(); ++i) {
    bool found = stemIndex(i) >= 0;
    anyByName |= found;
    allByName &= found || !needed[i];
  }
  if (anyByName && !allByName) {
    for (size_t i = 0; i < names.size(); ++i)
      if (needed[i] && stemIndex(i) < 0) {
        error = dir + ": some .npy files are named after " + kind +
                "s, but none after " + describe(kind, names[i], i) +
                " (expected " + sanitize(names[i]) + ".npy)";
        return false;
      }
  }
  if (anyByName) {
    for (size_t i = 0; i < names.size(); ++i)
      if (needed[i])
        files[i] = (fs::path(dir) / npyFiles[stemIndex(i)]).string();
    return true;
  }
  if (npyFiles.size() != names.size()) {
    error = dir + ": " + std::to_string(npyFiles.size()) +
            " .npy files for a model with " + count(names.size()) +
            ", and no file is named after one";
    return false;
  }
  for (size_t i = 0; i < names.size(); ++i)
    files[i] = (fs::path(dir) / npyFiles[i]).string();
  return true;
}

struct ModelCloser {
  void operator()(nd4j_model *model) const { nd4j_model_close(model); }
};

class Driver {
public:
  explicit Driver(const Options &options) : options(options) {}
  int run();

private:
  int readInputs(std::vector<TensorPtr> &inputs);
  TensorPtr makeFilled(int64_t i, const std::string &kind, std::string &error);
  int writeOutputs(std::vector<std::string> &paths);
  int compare(std::vector<std::string> &verdicts, size_t &failures);
  int benchmark(const std::vector<TensorPtr> &inputs);

  const Options &options;
  std::unique_ptr<nd4j_model, ModelCloser> model;
  std::vector<std::string> inputNames, outputNames;
  std::vector<TensorPtr> outputs;
};

/// A tensor of input `i`'s dtype and shape: zeros, ones, or values drawn
/// from a generator seeded with --seed and the input's index (floats
/// uniform in [-1, 1), integers in [0, 10), booleans 0 or 1).
TensorPtr Driver::makeFilled(int64_t i, const std::string &kind,
                             std::string &error) {
  nd4j_dtype dtype = nd4j_model_input_dtype(model.get(), i);
  int32_t rank = nd4j_model_input_rank(model.get(), i);
  const int64_t *declared = nd4j_model_input_shape(model.get(), i);
  std::vector<int64_t> shape(declared, declared + rank);
  const char *name = nd4j_model_input_name(model.get(), i);
  bool given = false;
  for (const auto &[n, dims] : options.shapes)
    if (n == name) {
      shape = dims;
      given = true;
    }
  if (!given && std::count(shape.begin(), shape.end(), -1) > 0) {
    error = describe("input", name, i) +
            " has dimensions known only at run time; give its shape with "
            "--shape " +
            name + "=D0,D1,... or its values with --input";
    return nullptr;
  }
  nd4j_tensor *raw = nullptr;
  if (nd4j_tensor_create(dtype, static_cast<int32_t>(shape.size()),
                         shape.data(), &raw) != ND4J_STATUS_OK) {
    error = nd4j_last_error();
    return nullptr;
  }
  TensorPtr tensor(raw);
  uint64_t state = (options.seed + 1) * 0x9E3779B97F4A7C15ull + i;
  auto next = [&]() {
    // splitmix64
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  };
  int64_t count = nd4j_tensor_num_elements(raw);
  char *data = static_cast<char *>(nd4j_tensor_data(raw));
  size_t width = nd4j_dtype_size(dtype);
  for (int64_t k = 0; k < count; ++k) {
    double v = kind == "zeros" ? 0.0 : 1.0;
    bool isFloat = dtype == ND4J_DTYPE_F16 || dtype == ND4J_DTYPE_BF16 ||
                   dtype == ND4J_DTYPE_F32 || dtype == ND4J_DTYPE_F64;
    if (kind == "random")
      v = dtype == ND4J_DTYPE_BOOL ? static_cast<double>(next() & 1)
          : isFloat ? static_cast<double>(next() >> 11) * 0x1.0p-52 - 1.0
                    : static_cast<double>(next() % 10);
    char *at = data + k * width;
    switch (dtype) {
    case ND4J_DTYPE_F64: {
      double d = v;
      std::memcpy(at, &d, 8);
      break;
    }
    case ND4J_DTYPE_F32: {
      float f = static_cast<float>(v);
      std::memcpy(at, &f, 4);
      break;
    }
    case ND4J_DTYPE_BF16: {
      float f = static_cast<float>(v);
      uint32_t bits;
      std::memcpy(&bits, &f, 4);
      uint16_t h = static_cast<uint16_t>(bits >> 16); // values are exact
      std::memcpy(at, &h, 2);
      break;
    }
    case ND4J_DTYPE_F16: {
      // Values in [-1, 1) on a grid of 2^-10: exact in f16.
      double q = std::floor(v * 1024.0) / 1024.0;
      uint16_t h = 0;
      if (q != 0.0) {
        int e;
        double m = std::frexp(std::fabs(q), &e); // q = m * 2^e, m in [0.5, 1)
        int exponent = e - 1 + 15;
        uint16_t mant =
            static_cast<uint16_t>(std::lround((m * 2.0 - 1.0) * 1024.0));
        h = static_cast<uint16_t>((q < 0 ? 0x8000 : 0) | (exponent << 10) |
                                  (mant & 0x3ff));
      }
      std::memcpy(at, &h, 2);
      break;
    }
    default: {
      int64_t n = static_cast<int64_t>(v);
      std::memcpy(at, &n, width); // little-endian: the low bytes
      break;
    }
    }
  }
  return tensor;
}

int Driver::readInputs(std::vector<TensorPtr> &inputs) {
  size_t numInputs = inputNames.size();
  std::vector<std::string> files(numInputs);
  std::vector<bool> needed(numInputs, true);
  for (const auto &[name, file] : options.inputFiles) {
    int64_t index = nd4j_model_find_input(model.get(), name.c_str());
    if (index < 0 &&
        name.find_first_not_of("0123456789") == std::string::npos &&
        name.size() < 10 && std::stoull(name) < numInputs)
      index = static_cast<int64_t>(std::stoull(name));
    if (index < 0) {
      std::string known;
      for (const std::string &inputName : inputNames)
        known += (known.empty() ? "'" : ", '") + inputName + "'";
      return usageError(
          "--input " + name + "=" + file + ": the model has no input '" + name +
          "' (its inputs: " + (known.empty() ? "none" : known) + ")");
    }
    files[index] = file;
    needed[index] = false;
  }
  if (!options.inputsDir.empty() && numInputs > 0) {
    std::vector<std::string> fromDir;
    std::string error;
    if (!matchDirectory(options.inputsDir, "input", inputNames, needed, fromDir,
                        error))
      return fail(error);
    for (size_t i = 0; i < numInputs; ++i)
      if (needed[i])
        files[i] = fromDir[i];
  }
  // --fill: generated values for inputs given no file.
  std::vector<std::string> fillKinds(numInputs);
  for (const auto &[name, kind] : options.fills) {
    if (name == "all") {
      for (size_t i = 0; i < numInputs; ++i)
        if (fillKinds[i].empty())
          fillKinds[i] = kind;
      continue;
    }
    int64_t index = nd4j_model_find_input(model.get(), name.c_str());
    if (index < 0)
      return usageError("--fill " + name + "=" + kind +
                        ": the model has no input '" + name + "'");
    fillKinds[index] = kind;
  }
  for (size_t i = 0; i < numInputs; ++i) {
    if (files[i].empty() && !fillKinds[i].empty()) {
      std::string error;
      TensorPtr tensor =
          makeFilled(static_cast<int64_t>(i), fillKinds[i], error);
      if (!tensor)
        return fail("--fill: " + error);
      inputs.push_back(std::move(tensor));
      continue;
    }
    if (files[i].empty())
      return usageError(describe("input", inputNames[i], i) +
                        ": no file given (use --inputs DIR, --input " +
                        inputNames[i] + "=FILE or --fill " + inputNames[i] +
                        "=random)");
    std::string error;
    TensorPtr tensor = readTensorFile(files[i], error);
    if (!tensor)
      return fail(error);
    retypeBf16Bits(
        tensor, nd4j_model_input_dtype(model.get(), static_cast<int64_t>(i)));
    if (nd4j_model_check_input(model.get(), static_cast<int64_t>(i),
                               tensor.get()) != ND4J_STATUS_OK)
      return fail(files[i] + ": " + nd4j_last_error());
    inputs.push_back(std::move(tensor));
  }
  return RunSuccess;
}

int Driver::writeOutputs(std::vector<std::string> &paths) {
  paths.assign(outputs.size(), "");
  if (options.outputDir.empty())
    return RunSuccess;
  std::error_code ec;
  fs::create_directories(options.outputDir, ec);
  if (ec)
    return fail(options.outputDir +
                ": cannot create the directory: " + ec.message());
  std::vector<std::string> used;
  for (size_t i = 0; i < outputs.size(); ++i) {
    std::string stem = sanitize(outputNames[i]);
    // Two names may sanitize alike ("a:0", "a/0"); the later one gets its
    // index appended.
    if (std::find(used.begin(), used.end(), stem) != used.end())
      stem += "_" + std::to_string(i);
    used.push_back(stem);
    paths[i] = (fs::path(options.outputDir) / (stem + ".npy")).string();
    std::string error;
    if (!writeNpyFile(paths[i], outputs[i].get(), error))
      return fail(error);
  }
  return RunSuccess;
}

int Driver::compare(std::vector<std::string> &verdicts, size_t &failures) {
  std::vector<std::string> files;
  std::string error;
  if (!matchDirectory(options.compareDir, "output", outputNames,
                      std::vector<bool>(outputNames.size(), true), files,
                      error))
    return fail(error);
  // Every expected file is read before anything is printed: an unreadable
  // one is an error (exit 2), not a half-printed comparison.
  std::vector<TensorPtr> expected;
  for (const std::string &file : files) {
    TensorPtr tensor = readTensorFile(file, error);
    if (!tensor)
      return fail(error);
    retypeBf16Bits(tensor, nd4j_tensor_dtype(outputs[expected.size()].get()));
    expected.push_back(std::move(tensor));
  }
  failures = 0;
  verdicts.assign(outputs.size(), "");
  for (size_t i = 0; i < outputs.size(); ++i) {
    CompareResult result = compareTensors(outputs[i].get(), expected[i].get(),
                                          options.rtol, options.atol);
    std::string &verdict = verdicts[i];
    if (!result.comparable) {
      verdict = "FAIL (" + result.problem + " in " + files[i] + ")";
    } else {
      char stats[96];
      std::snprintf(stats, sizeof(stats),
                    "max abs error %.3g, max rel error %.3g",
                    result.maxAbsError, result.maxRelError);
      verdict = std::string(result.matches() ? "PASS (" : "FAIL (") + stats;
      if (!result.matches())
        verdict +=
            "; " + std::to_string(result.numMismatches) + " of " +
            std::to_string(result.numElements) + " elements differ, first at " +
            formatIndex(outputs[i].get(), result.firstMismatch) + ": got " +
            result.firstActual + ", expected " + result.firstExpected;
      verdict += ")";
    }
    failures += !result.matches();
  }
  return RunSuccess;
}

int Driver::benchmark(const std::vector<TensorPtr> &inputs) {
  std::vector<nd4j_tensor *> in, out;
  for (const TensorPtr &tensor : inputs)
    in.push_back(tensor.get());
  for (const TensorPtr &tensor : outputs)
    out.push_back(tensor.get());
  std::vector<double> times;
  for (int64_t i = 0; i < options.benchmark; ++i) {
    auto start = std::chrono::steady_clock::now();
    if (nd4j_run(model.get(), in.data(), static_cast<int64_t>(in.size()),
                 out.data(),
                 static_cast<int64_t>(out.size())) != ND4J_STATUS_OK)
      return fail(nd4j_last_error());
    std::chrono::duration<double, std::milli> elapsed =
        std::chrono::steady_clock::now() - start;
    times.push_back(elapsed.count());
  }
  std::sort(times.begin(), times.end());
  size_t n = times.size();
  double median = n % 2 ? times[n / 2] : (times[n / 2 - 1] + times[n / 2]) / 2;
  std::printf("benchmark: %zu runs after 1 warm-up, %d threads: median %.4f "
              "ms, min %.4f ms\n",
              n, static_cast<int>(nd4j_get_num_threads()), median, times[0]);
  return RunSuccess;
}

int Driver::run() {
  if (options.threads >= 0 && nd4j_set_num_threads(static_cast<int32_t>(
                                  options.threads)) != ND4J_STATUS_OK)
    return fail(nd4j_last_error());
  nd4j_model *opened = nullptr;
  if (nd4j_model_open(options.model.c_str(), &opened) != ND4J_STATUS_OK)
    return fail(nd4j_last_error());
  model.reset(opened);
  for (int64_t i = 0; i < nd4j_model_num_inputs(opened); ++i)
    inputNames.push_back(nd4j_model_input_name(opened, i));
  for (int64_t i = 0; i < nd4j_model_num_outputs(opened); ++i)
    outputNames.push_back(nd4j_model_output_name(opened, i));

  std::vector<TensorPtr> inputs;
  if (int code = readInputs(inputs))
    return code;
  std::vector<nd4j_tensor *> in, out(outputNames.size(), nullptr);
  for (const TensorPtr &tensor : inputs)
    in.push_back(tensor.get());
  if (nd4j_run(opened, in.data(), static_cast<int64_t>(in.size()), out.data(),
               static_cast<int64_t>(out.size())) != ND4J_STATUS_OK)
    return fail(nd4j_last_error());
  for (nd4j_tensor *tensor : out)
    outputs.emplace_back(tensor);

  std::vector<std::string> paths;
  if (int code = writeOutputs(paths))
    return code;
  std::vector<std::string> verdicts(outputs.size());
  size_t failures = 0;
  if (!options.compareDir.empty())
    if (int code = compare(verdicts, failures))
      return code;

  // One line per output: its type, where it was written, how it compares.
  for (size_t i = 0; i < outputs.size(); ++i) {
    std::string line = describe("output", outputNames[i], i) + ": " +
                       formatType(outputs[i].get());
    if (!paths[i].empty())
      line += " -> " + paths[i];
    if (!verdicts[i].empty())
      line += ": " + verdicts[i];
    std::printf("%s\n", line.c_str());
    if (options.print)
      std::printf("  %s\n",
                  formatValues(outputs[i].get(), kPrintLimit).c_str());
  }
  if (options.benchmark > 0)
    if (int code = benchmark(inputs))
      return code;
  std::fflush(stdout);
  if (failures) {
    std::fprintf(stderr,
                 "nd4j-run: error: %zu of %zu outputs differ from the "
                 "expected values in %s (rtol %g, atol %g)\n",
                 failures, outputs.size(), options.compareDir.c_str(),
                 options.rtol, options.atol);
    return RunMismatch;
  }
  return RunSuccess;
}

} // namespace

int nd4j::runMain(int argc, char **argv) {
  Options options;
  std::string error;
  if (!parseArgs(argc, argv, options, error))
    return usageError(error);
  if (options.help) {
    std::fputs(kUsage, stdout);
    return RunSuccess;
  }
  if (options.version) {
    std::printf("nd4j-run (nd4j-mlir) %s\n  model ABI versions 1 to %d\n",
                ND4J_MLIR_VERSION, ND4J_MODEL_ABI_VERSION);
    return RunSuccess;
  }
  return Driver(options).run();
}
