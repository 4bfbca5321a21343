//===- Model.cpp - loading and running compiled models --------------------===//
//
// A model is a dlopen()ed library with the two symbols of nd4j_model_abi.h.
// Everything the entry point will read or write is checked against the
// signature before it is called: generated code trusts its buffers, so a
// wrong shape must be an error here rather than an out-of-bounds access
// there.
//
//===----------------------------------------------------------------------===//

#include "runtime/CpuFeatures.h"
#include "runtime/Internal.h"
#include "runtime/Signature.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <memory>
#include <new>
#include <sys/stat.h>

using namespace nd4j::runtime;

struct nd4j_model {
  std::string path;
  void *handle = nullptr;
  nd4j_model_run_fn run = nullptr;
  nd4j_model_run_v2_fn runV2 = nullptr;
  /// The optional `nd4j_model_error`: why this thread's run failed.
  const char *(*runError)() = nullptr;
  Signature signature;

  ~nd4j_model() {
    if (handle)
      dlclose(handle);
  }
};

namespace {

/// dlerror() after a failed dl* call, or a fallback when it has none.
std::string dlReason() {
  const char *reason = dlerror();
  return reason ? reason : "unknown dynamic loader error";
}

/// The entry of input/output `index`, or null with the error set.
const SignatureEntry *entryAt(const nd4j_model *model, bool input,
                              int64_t index, const char *function) {
  if (!model) {
    setError(ND4J_STATUS_INVALID_ARGUMENT,
             std::string(function) + ": NULL model");
    return nullptr;
  }
  const auto &entries =
      input ? model->signature.inputs : model->signature.outputs;
  if (index < 0 || static_cast<uint64_t>(index) >= entries.size()) {
    setError(ND4J_STATUS_INVALID_ARGUMENT,
             model->path + ": " + (input ? "input" : "output") + " index " +
                 std::to_string(index) + " is out of range (the model has " +
                 std::to_string(entries.size()) + ")");
    return nullptr;
  }
  return &entries[static_cast<size_t>(index)];
}

/// "input 'x' (#0)".
std::string describe(bool input, const SignatureEntry &entry, size_t index) {
  return std::string(input ? "input" : "output") + " '" + entry.name + "' (#" +
         std::to_string(index) + ")";
}

nd4j_status checkTensor(bool input, const SignatureEntry &entry, size_t index,
                        const nd4j_tensor *tensor, std::string &error) {
  if (!tensor) {
    error = describe(input, entry, index) + ": no tensor (NULL)";
    return ND4J_STATUS_INVALID_ARGUMENT;
  }
  // A dimension known only at run time (-1, ABI 2) takes any size.
  bool shapeOk = tensor->shape.size() == entry.shape.size();
  for (size_t d = 0; shapeOk && d < entry.shape.size(); ++d)
    shapeOk = entry.shape[d] < 0 || entry.shape[d] == tensor->shape[d];
  if (tensor->dtype != entry.dtype || !shapeOk) {
    error = describe(input, entry, index) + ": expected shape " +
            formatShape(entry.shape) + " " + nd4j_dtype_name(entry.dtype) +
            ", got " + formatShape(tensor->shape) + " " +
            nd4j_dtype_name(tensor->dtype);
    return ND4J_STATUS_MISMATCH;
  }
  return ND4J_STATUS_OK;
}

nd4j_status checkAt(const nd4j_model *model, bool input, int64_t index,
                    const nd4j_tensor *tensor, const char *function) {
  const SignatureEntry *entry = entryAt(model, input, index, function);
  if (!entry)
    return ND4J_STATUS_INVALID_ARGUMENT;
  std::string error;
  if (nd4j_status status =
          checkTensor(input, *entry, static_cast<size_t>(index), tensor, error))
    return setError(status, error);
  return ND4J_STATUS_OK;
}

bool overlaps(const nd4j_tensor *a, const nd4j_tensor *b) {
  if (a->byteSize == 0 || b->byteSize == 0)
    return false;
  auto a0 = reinterpret_cast<uintptr_t>(a->data);
  auto b0 = reinterpret_cast<uintptr_t>(b->data);
  return a0 < b0 + b->byteSize && b0 < a0 + a->byteSize;
}

struct TensorDeleter {
  void operator()(nd4j_tensor *tensor) const { nd4j_tensor_destroy(tensor); }
};

} // namespace

nd4j_status nd4j_model_open(const char *path, nd4j_model **out) {
  if (!out)
    return setError(ND4J_STATUS_INVALID_ARGUMENT,
                    "nd4j_model_open: NULL result pointer");
  *out = nullptr;
  if (!path || !*path)
    return setError(ND4J_STATUS_INVALID_ARGUMENT,
                    "nd4j_model_open: no path given");
  std::string name = path;
  // dlopen's own messages for a missing file are about search paths; say
  // plainly what is wrong with the file first.
  struct stat info;
  if (stat(path, &info) != 0)
    return setError(ND4J_STATUS_LOAD_FAILED,
                    name + ": cannot open: " + std::strerror(errno));
  if (S_ISDIR(info.st_mode))
    return setError(ND4J_STATUS_LOAD_FAILED,
                    name + ": is a directory, not a model library");

  std::unique_ptr<nd4j_model> model(new (std::nothrow) nd4j_model);
  if (!model)
    return setError(ND4J_STATUS_OUT_OF_MEMORY, name + ": out of memory");
  model->path = name;
  // Without a slash dlopen would search the library path and could load a
  // different library of the same name.
  std::string loadPath =
      name.find('/') == std::string::npos ? "./" + name : name;
  dlerror();
  model->handle = dlopen(loadPath.c_str(), RTLD_LOCAL | RTLD_NOW);
  if (!model->handle)
    return setError(ND4J_STATUS_LOAD_FAILED,
                    name + ": not a loadable shared library: " + dlReason());

  dlerror();
  auto *signature = static_cast<const char *>(
      dlsym(model->handle, ND4J_MODEL_SIGNATURE_SYMBOL));
  if (!signature)
    return setError(ND4J_STATUS_MISSING_SYMBOL,
                    name + ": missing symbol '" ND4J_MODEL_SIGNATURE_SYMBOL
                           "' (not a model library written by nd4j-compile)");
  std::string error;
  if (nd4j_status status = parseSignature(signature, model->signature, error))
    return setError(status, name + ": " + error);
  // ABI 1 and 2 have entry points of their own names, so that a loader of
  // one cannot call the other's.
  const char *runSymbol = model->signature.abiVersion >= 2
                              ? ND4J_MODEL_RUN_V2_SYMBOL
                              : ND4J_MODEL_RUN_SYMBOL;
  dlerror();
  void *run = dlsym(model->handle, runSymbol);
  if (!run)
    return setError(ND4J_STATUS_MISSING_SYMBOL,
                    name + ": missing symbol '" + runSymbol +
                        "' (not a model library written by nd4j-compile)");
  if (model->signature.abiVersion >= 2)
    model->runV2 = reinterpret_cast<nd4j_model_run_v2_fn>(run);
  else
    model->run = reinterpret_cast<nd4j_model_run_fn>(run);
  model->runError = reinterpret_cast<const char *(*)()>(
      dlsym(model->handle, ND4J_MODEL_ERROR_SYMBOL));
  std::vector<std::string> missing =
      missingCpuFeatures(model->signature.cpuFeatures);
  if (!missing.empty()) {
    std::string list;
    for (const std::string &f : missing)
      list += (list.empty() ? "" : ", ") + f;
    return setError(ND4J_STATUS_UNSUPPORTED_CPU,
                    name +
                        ": compiled for CPU features this CPU lacks: " + list +
                        " (recompile it with --target-cpu for this machine, "
                        "or a portable level such as x86-64-v2)");
  }
  *out = model.release();
  return ND4J_STATUS_OK;
}

void nd4j_model_close(nd4j_model *model) { delete model; }

const char *nd4j_model_path(const nd4j_model *model) {
  return model ? model->path.c_str() : nullptr;
}

int32_t nd4j_model_abi_version(const nd4j_model *model) {
  return model ? model->signature.abiVersion : 0;
}

int64_t nd4j_model_num_inputs(const nd4j_model *model) {
  return model ? static_cast<int64_t>(model->signature.inputs.size()) : 0;
}

int64_t nd4j_model_num_outputs(const nd4j_model *model) {
  return model ? static_cast<int64_t>(model->signature.outputs.size()) : 0;
}

#define ND4J_ENTRY_GETTERS(KIND, IS_INPUT)                                     \
  const char *nd4j_model_##KIND##_name(const nd4j_model *model,                \
                                       int64_t index) {                        \
    const SignatureEntry *entry =                                              \
        entryAt(model, IS_INPUT, index, "nd4j_model_" #KIND "_name");          \
    return entry ? entry->name.c_str() : nullptr;                              \
  }                                                                            \
  nd4j_dtype nd4j_model_##KIND##_dtype(const nd4j_model *model,                \
                                       int64_t index) {                        \
    const SignatureEntry *entry =                                              \
        entryAt(model, IS_INPUT, index, "nd4j_model_" #KIND "_dtype");         \
    return entry ? entry->dtype : ND4J_DTYPE_INVALID;                          \
  }                                                                            \
  int32_t nd4j_model_##KIND##_rank(const nd4j_model *model, int64_t index) {   \
    const SignatureEntry *entry =                                              \
        entryAt(model, IS_INPUT, index, "nd4j_model_" #KIND "_rank");          \
    return entry ? static_cast<int32_t>(entry->shape.size()) : -1;             \
  }                                                                            \
  const int64_t *nd4j_model_##KIND##_shape(const nd4j_model *model,            \
                                           int64_t index) {                    \
    const SignatureEntry *entry =                                              \
        entryAt(model, IS_INPUT, index, "nd4j_model_" #KIND "_shape");         \
    return entry ? entry->shape.data() : nullptr;                              \
  }                                                                            \
  int64_t nd4j_model_find_##KIND(const nd4j_model *model, const char *name) {  \
    if (!model || !name)                                                       \
      return -1;                                                               \
    const auto &entries =                                                      \
        IS_INPUT ? model->signature.inputs : model->signature.outputs;         \
    for (size_t i = 0; i < entries.size(); ++i)                                \
      if (entries[i].name == name)                                             \
        return static_cast<int64_t>(i);                                        \
    return -1;                                                                 \
  }                                                                            \
  nd4j_status nd4j_model_check_##KIND(const nd4j_model *model, int64_t index,  \
                                      const nd4j_tensor *tensor) {             \
    return checkAt(model, IS_INPUT, index, tensor, "nd4j_model_check_" #KIND); \
  }

ND4J_ENTRY_GETTERS(input, true)
ND4J_ENTRY_GETTERS(output, false)
#undef ND4J_ENTRY_GETTERS

namespace {

/// ABI 2: the model allocates its outputs (libc malloc) and says their
/// shapes; they become new tensors, or are copied into the caller's when
/// the shapes agree.
nd4j_status runV2(nd4j_model *model, nd4j_tensor *const *inputs,
                  nd4j_tensor **outputs) {
  const Signature &signature = model->signature;
  const std::string &name = model->path;
  size_t numIn = signature.inputs.size(), numOut = signature.outputs.size();
  std::vector<void *> inputData(numIn);
  std::vector<const int64_t *> inputShapes(numIn);
  for (size_t i = 0; i < numIn; ++i) {
    inputData[i] = inputs[i]->data;
    inputShapes[i] = inputs[i]->shape.data();
  }
  std::vector<void *> outputData(numOut, nullptr), allocs(numOut, nullptr);
  std::vector<std::vector<int64_t>> shapes(numOut);
  std::vector<int64_t *> outputShapes(numOut);
  for (size_t i = 0; i < numOut; ++i) {
    shapes[i].assign(signature.outputs[i].shape.size(), 0);
    outputShapes[i] = shapes[i].data();
  }
  nd4j_model_context context = nd4j_default_context();
  int32_t rc =
      model->runV2(inputData.data(), inputShapes.data(), outputData.data(),
                   allocs.data(), outputShapes.data(), &context);
  // The model's buffers, freed on every path that does not hand them on.
  struct Allocations {
    std::vector<void *> &ptrs;
    ~Allocations() {
      for (void *p : ptrs)
        std::free(p);
    }
  } guard{allocs};
  if (rc != 0) {
    const char *why = model->runError ? model->runError() : nullptr;
    return setError(ND4J_STATUS_RUN_FAILED,
                    name +
                        ": the model's " ND4J_MODEL_RUN_V2_SYMBOL " returned " +
                        std::to_string(rc) +
                        (why ? std::string(": ") + why : std::string()));
  }
  std::vector<std::unique_ptr<nd4j_tensor, TensorDeleter>> results(numOut);
  std::string why;
  for (size_t i = 0; i < numOut; ++i) {
    const SignatureEntry &entry = signature.outputs[i];
    auto tensor = std::unique_ptr<nd4j_tensor, TensorDeleter>(new (std::nothrow)
                                                                  nd4j_tensor);
    if (!tensor)
      return setError(ND4J_STATUS_OUT_OF_MEMORY, name + ": out of memory");
    tensor->dtype = entry.dtype;
    tensor->shape = shapes[i];
    if (!computeSize(entry.dtype, shapes[i].data(), shapes[i].size(),
                     tensor->numElements, tensor->byteSize, why))
      return setError(ND4J_STATUS_RUN_FAILED,
                      name + ": " + describe(false, entry, i) +
                          ": the model returned shape " +
                          formatShape(shapes[i]) + ": " + why);
    std::string error;
    if (outputs[i] &&
        checkTensor(false, entry, i, outputs[i], error) == ND4J_STATUS_OK &&
        outputs[i]->shape != shapes[i])
      error = describe(false, entry, i) + ": the run computed shape " +
              formatShape(shapes[i]) + ", the tensor given has " +
              formatShape(outputs[i]->shape);
    if (!error.empty())
      return setError(ND4J_STATUS_MISMATCH, name + ": " + error);
    tensor->data = outputData[i];
    tensor->allocation = allocs[i];
    tensor->owned = true;
    allocs[i] = nullptr; // The tensor frees it from now on.
    results[i] = std::move(tensor);
  }
  for (size_t i = 0; i < numOut; ++i) {
    if (outputs[i]) {
      if (results[i]->byteSize)
        std::memcpy(outputs[i]->data, results[i]->data, results[i]->byteSize);
      continue; // results[i] frees the model's buffer.
    }
    outputs[i] = results[i].release();
  }
  return ND4J_STATUS_OK;
}

} // namespace

nd4j_status nd4j_run(nd4j_model *model, nd4j_tensor *const *inputs,
                     int64_t numInputs, nd4j_tensor **outputs,
                     int64_t numOutputs) {
  if (!model)
    return setError(ND4J_STATUS_INVALID_ARGUMENT, "nd4j_run: NULL model");
  const Signature &signature = model->signature;
  const std::string &name = model->path;
  auto count = [](size_t n, const char *what) {
    return std::to_string(n) + " " + what + (n == 1 ? "" : "s");
  };
  if (numInputs < 0 ||
      static_cast<uint64_t>(numInputs) != signature.inputs.size())
    return setError(ND4J_STATUS_MISMATCH,
                    name + ": expected " +
                        count(signature.inputs.size(), "input") + ", got " +
                        std::to_string(numInputs));
  if (numOutputs < 0 ||
      static_cast<uint64_t>(numOutputs) != signature.outputs.size())
    return setError(ND4J_STATUS_MISMATCH,
                    name + ": expected " +
                        count(signature.outputs.size(), "output") + ", got " +
                        std::to_string(numOutputs));
  if (numInputs > 0 && !inputs)
    return setError(ND4J_STATUS_INVALID_ARGUMENT, name + ": NULL input array");
  if (!outputs)
    return setError(ND4J_STATUS_INVALID_ARGUMENT, name + ": NULL output array");

  std::string error;
  for (size_t i = 0; i < signature.inputs.size(); ++i)
    if (nd4j_status status =
            checkTensor(true, signature.inputs[i], i, inputs[i], error))
      return setError(status, name + ": " + error);
  for (size_t i = 0; i < signature.outputs.size(); ++i) {
    if (!outputs[i])
      continue;
    if (nd4j_status status =
            checkTensor(false, signature.outputs[i], i, outputs[i], error))
      return setError(status, name + ": " + error);
    // The ABI forbids aliasing: generated code may write an output before
    // it has read all of an input.
    for (size_t j = 0; j < signature.inputs.size(); ++j)
      if (overlaps(outputs[i], inputs[j]))
        return setError(ND4J_STATUS_INVALID_ARGUMENT,
                        name + ": " + describe(false, signature.outputs[i], i) +
                            " overlaps " +
                            describe(true, signature.inputs[j], j));
    for (size_t j = 0; j < i; ++j)
      if (outputs[j] && overlaps(outputs[i], outputs[j]))
        return setError(ND4J_STATUS_INVALID_ARGUMENT,
                        name + ": " + describe(false, signature.outputs[i], i) +
                            " overlaps " +
                            describe(false, signature.outputs[j], j));
  }

  if (model->runV2)
    return runV2(model, inputs, outputs);

  std::vector<std::unique_ptr<nd4j_tensor, TensorDeleter>> created(
      signature.outputs.size());
  std::vector<void *> inputData(signature.inputs.size());
  std::vector<void *> outputData(signature.outputs.size());
  for (size_t i = 0; i < signature.inputs.size(); ++i)
    inputData[i] = inputs[i]->data;
  for (size_t i = 0; i < signature.outputs.size(); ++i) {
    nd4j_tensor *tensor = outputs[i];
    if (!tensor) {
      const SignatureEntry &entry = signature.outputs[i];
      if (nd4j_tensor_create(entry.dtype,
                             static_cast<int32_t>(entry.shape.size()),
                             entry.shape.data(), &tensor) != ND4J_STATUS_OK)
        return setError(ND4J_STATUS_OUT_OF_MEMORY,
                        name + ": " + describe(false, entry, i) + ": " +
                            nd4j_last_error());
      created[i].reset(tensor);
    }
    outputData[i] = tensor->data;
  }

  bool gpu = signature.target == "nvptx";
  if (gpu) {
    // The entry point's mgpu* calls cannot fail visibly; refuse early.
    if (!cudaAvailable(error))
      return setError(ND4J_STATUS_RUN_FAILED,
                      name + ": cannot run an NVPTX model: " + error);
    clearCudaFailure();
  }
  nd4j_model_context context = nd4j_default_context();
  int32_t rc = model->run(inputData.data(), outputData.data(), &context);
  if (gpu && takeCudaFailure(error))
    return setError(ND4J_STATUS_RUN_FAILED,
                    name + ": CUDA failure while running: " + error);
  if (rc != 0) {
    const char *why = model->runError ? model->runError() : nullptr;
    return setError(ND4J_STATUS_RUN_FAILED,
                    name + ": the model's " ND4J_MODEL_RUN_SYMBOL " returned " +
                        std::to_string(rc) +
                        (why ? std::string(": ") + why : std::string()));
  }
  for (size_t i = 0; i < created.size(); ++i)
    if (created[i])
      outputs[i] = created[i].release();
  return ND4J_STATUS_OK;
}
