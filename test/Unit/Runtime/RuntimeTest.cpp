//===- RuntimeTest.cpp - the runtime's C API ------------------------------===//
//
// Loads the fake model libraries of FakeModel.c through the C API: every
// way opening a library can fail, signature queries, tensors, and every
// check nd4j_run makes before calling an entry point. Error paths check the
// status and that the message names the file or tensor and the reason.
//
//===----------------------------------------------------------------------===//

#include "nd4j-mlir/Runtime/nd4j_gpu_abi.h"
#include "nd4j-mlir/Runtime/nd4j_runtime.h"

#include "gtest/gtest.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

std::string fakeModel(const std::string &variant) {
  return std::string(ND4J_FAKE_MODEL_DIR) + "/" + variant + ".so";
}

/// Opening `variant` fails with `status` and a message containing each of
/// `parts`.
void expectOpenFails(const std::string &path, nd4j_status status,
                     const std::vector<std::string> &parts) {
  nd4j_model *model = reinterpret_cast<nd4j_model *>(0x1);
  EXPECT_EQ(nd4j_model_open(path.c_str(), &model), status) << path;
  EXPECT_EQ(model, nullptr);
  std::string error = nd4j_last_error();
  for (const std::string &part : parts)
    EXPECT_NE(error.find(part), std::string::npos)
        << "'" << part << "' not in: " << error;
}

void expectFakeFails(const std::string &variant, nd4j_status status,
                     const std::vector<std::string> &parts) {
  std::vector<std::string> all = {fakeModel(variant) + ": "};
  all.insert(all.end(), parts.begin(), parts.end());
  expectOpenFails(fakeModel(variant), status, all);
}

struct ModelDeleter {
  void operator()(nd4j_model *model) const { nd4j_model_close(model); }
};
struct TensorDeleter {
  void operator()(nd4j_tensor *tensor) const { nd4j_tensor_destroy(tensor); }
};
using ModelPtr = std::unique_ptr<nd4j_model, ModelDeleter>;
using TensorPtr = std::unique_ptr<nd4j_tensor, TensorDeleter>;

ModelPtr openFake(const std::string &variant) {
  nd4j_model *model = nullptr;
  EXPECT_EQ(nd4j_model_open(fakeModel(variant).c_str(), &model), ND4J_STATUS_OK)
      << nd4j_last_error();
  return ModelPtr(model);
}

/// Whether the runtime's last error (`error`) contains `part`.
bool lastErrorHas(const char *error, const std::string &part) {
  return std::string(error).find(part) != std::string::npos;
}

TensorPtr makeTensor(nd4j_dtype dtype, std::vector<int64_t> shape) {
  nd4j_tensor *tensor = nullptr;
  EXPECT_EQ(nd4j_tensor_create(dtype, static_cast<int32_t>(shape.size()),
                               shape.data(), &tensor),
            ND4J_STATUS_OK)
      << nd4j_last_error();
  return TensorPtr(tensor);
}

TensorPtr makeF32(std::vector<int64_t> shape, std::vector<float> values) {
  TensorPtr tensor = makeTensor(ND4J_DTYPE_F32, shape);
  EXPECT_EQ(nd4j_tensor_byte_size(tensor.get()), values.size() * 4);
  std::memcpy(nd4j_tensor_data(tensor.get()), values.data(), values.size() * 4);
  return tensor;
}

std::vector<float> valuesOf(const nd4j_tensor *tensor) {
  const float *data = static_cast<const float *>(nd4j_tensor_data(tensor));
  return std::vector<float>(data, data + nd4j_tensor_num_elements(tensor));
}

//===----------------------------------------------------------------------===//
// dtypes and tensors
//===----------------------------------------------------------------------===//

TEST(RuntimeDType, NamesAndSizes) {
  const struct {
    nd4j_dtype dtype;
    const char *name;
    size_t size;
  } expected[] = {{ND4J_DTYPE_F16, "f16", 2},  {ND4J_DTYPE_BF16, "bf16", 2},
                  {ND4J_DTYPE_F32, "f32", 4},  {ND4J_DTYPE_F64, "f64", 8},
                  {ND4J_DTYPE_I8, "i8", 1},    {ND4J_DTYPE_I16, "i16", 2},
                  {ND4J_DTYPE_I32, "i32", 4},  {ND4J_DTYPE_I64, "i64", 8},
                  {ND4J_DTYPE_U8, "u8", 1},    {ND4J_DTYPE_U16, "u16", 2},
                  {ND4J_DTYPE_U32, "u32", 4},  {ND4J_DTYPE_U64, "u64", 8},
                  {ND4J_DTYPE_BOOL, "bool", 1}};
  for (const auto &entry : expected) {
    EXPECT_STREQ(nd4j_dtype_name(entry.dtype), entry.name);
    EXPECT_EQ(nd4j_dtype_size(entry.dtype), entry.size);
    EXPECT_EQ(nd4j_dtype_from_name(entry.name), entry.dtype);
  }
  EXPECT_EQ(nd4j_dtype_from_name("float32"), ND4J_DTYPE_INVALID);
  EXPECT_EQ(nd4j_dtype_from_name(nullptr), ND4J_DTYPE_INVALID);
  EXPECT_EQ(nd4j_dtype_size(ND4J_DTYPE_INVALID), 0u);
  EXPECT_EQ(nd4j_dtype_size(static_cast<nd4j_dtype>(77)), 0u);
  EXPECT_STREQ(nd4j_dtype_name(static_cast<nd4j_dtype>(77)), "invalid");
  EXPECT_STREQ(nd4j_status_string(ND4J_STATUS_MISMATCH), "tensor mismatch");
  EXPECT_STREQ(nd4j_status_string(static_cast<nd4j_status>(99)),
               "unknown status");
}

TEST(RuntimeTensor, CreateIsAlignedAndZeroed) {
  for (int64_t n : {1, 3, 17, 64, 1000}) {
    TensorPtr tensor = makeTensor(ND4J_DTYPE_F64, {n, 2});
    ASSERT_TRUE(tensor);
    EXPECT_EQ(reinterpret_cast<uintptr_t>(nd4j_tensor_data(tensor.get())) % 64,
              0u);
    EXPECT_EQ(nd4j_tensor_byte_size(tensor.get()),
              static_cast<size_t>(n * 2 * 8));
    EXPECT_EQ(nd4j_tensor_num_elements(tensor.get()), n * 2);
    EXPECT_EQ(nd4j_tensor_dtype(tensor.get()), ND4J_DTYPE_F64);
    ASSERT_EQ(nd4j_tensor_rank(tensor.get()), 2);
    EXPECT_EQ(nd4j_tensor_shape(tensor.get())[0], n);
    EXPECT_EQ(nd4j_tensor_shape(tensor.get())[1], 2);
    const unsigned char *bytes =
        static_cast<const unsigned char *>(nd4j_tensor_data(tensor.get()));
    for (size_t i = 0; i < nd4j_tensor_byte_size(tensor.get()); ++i)
      ASSERT_EQ(bytes[i], 0) << i;
  }
}

TEST(RuntimeTensor, ScalarAndEmpty) {
  nd4j_tensor *scalar = nullptr;
  ASSERT_EQ(nd4j_tensor_create(ND4J_DTYPE_BOOL, 0, nullptr, &scalar),
            ND4J_STATUS_OK);
  EXPECT_EQ(nd4j_tensor_num_elements(scalar), 1);
  EXPECT_EQ(nd4j_tensor_byte_size(scalar), 1u);
  EXPECT_EQ(nd4j_tensor_rank(scalar), 0);
  nd4j_tensor_destroy(scalar);

  // A zero dimension empties the tensor, however large the others are.
  TensorPtr empty = makeTensor(ND4J_DTYPE_I32, {INT64_MAX, 0});
  ASSERT_TRUE(empty);
  EXPECT_EQ(nd4j_tensor_num_elements(empty.get()), 0);
  EXPECT_EQ(nd4j_tensor_byte_size(empty.get()), 0u);
  EXPECT_NE(nd4j_tensor_data(empty.get()), nullptr);
  nd4j_tensor_destroy(nullptr);
}

TEST(RuntimeTensor, CreateErrors) {
  nd4j_tensor *tensor = nullptr;
  int64_t shape[40] = {2, -1};
  EXPECT_EQ(nd4j_tensor_create(ND4J_DTYPE_F32, 2, shape, &tensor),
            ND4J_STATUS_INVALID_ARGUMENT);
  EXPECT_EQ(tensor, nullptr);
  EXPECT_NE(std::string(nd4j_last_error()).find("negative dimension"),
            std::string::npos)
      << nd4j_last_error();

  EXPECT_EQ(nd4j_tensor_create(ND4J_DTYPE_INVALID, 0, nullptr, &tensor),
            ND4J_STATUS_INVALID_ARGUMENT);
  EXPECT_NE(std::string(nd4j_last_error()).find("invalid dtype"),
            std::string::npos);

  for (int64_t &dim : shape)
    dim = 1;
  EXPECT_EQ(nd4j_tensor_create(ND4J_DTYPE_F32, 33, shape, &tensor),
            ND4J_STATUS_INVALID_ARGUMENT);
  EXPECT_NE(std::string(nd4j_last_error()).find("rank 33 is outside [0, 32]"),
            std::string::npos)
      << nd4j_last_error();
  EXPECT_EQ(nd4j_tensor_create(ND4J_DTYPE_F32, -1, shape, &tensor),
            ND4J_STATUS_INVALID_ARGUMENT);
  EXPECT_EQ(nd4j_tensor_create(ND4J_DTYPE_F32, 2, nullptr, &tensor),
            ND4J_STATUS_INVALID_ARGUMENT);
  EXPECT_EQ(nd4j_tensor_create(ND4J_DTYPE_F32, 0, nullptr, nullptr),
            ND4J_STATUS_INVALID_ARGUMENT);

  // Overflowing element counts and byte sizes are errors, not wraparound.
  int64_t huge[] = {INT64_MAX / 2, 4};
  EXPECT_EQ(nd4j_tensor_create(ND4J_DTYPE_U8, 2, huge, &tensor),
            ND4J_STATUS_INVALID_ARGUMENT);
  EXPECT_NE(std::string(nd4j_last_error()).find("too large"),
            std::string::npos);
  int64_t bytesOverflow[] = {INT64_MAX / 4};
  EXPECT_EQ(nd4j_tensor_create(ND4J_DTYPE_F64, 1, bytesOverflow, &tensor),
            ND4J_STATUS_INVALID_ARGUMENT);
  EXPECT_EQ(tensor, nullptr);
}

TEST(RuntimeTensor, WrapDoesNotCopy) {
  float data[6] = {1, 2, 3, 4, 5, 6};
  int64_t shape[] = {2, 3};
  nd4j_tensor *tensor = nullptr;
  ASSERT_EQ(nd4j_tensor_wrap(ND4J_DTYPE_F32, 2, shape, data, &tensor),
            ND4J_STATUS_OK);
  EXPECT_EQ(nd4j_tensor_data(tensor), data);
  EXPECT_EQ(nd4j_tensor_byte_size(tensor), sizeof(data));
  data[4] = 50;
  EXPECT_EQ(static_cast<float *>(nd4j_tensor_data(tensor))[4], 50);
  nd4j_tensor_destroy(tensor); // must not free `data`
  EXPECT_EQ(data[4], 50);

  EXPECT_EQ(nd4j_tensor_wrap(ND4J_DTYPE_F32, 2, shape, nullptr, &tensor),
            ND4J_STATUS_INVALID_ARGUMENT);
  EXPECT_NE(std::string(nd4j_last_error()).find("NULL data"),
            std::string::npos);
  int64_t empty[] = {0};
  ASSERT_EQ(nd4j_tensor_wrap(ND4J_DTYPE_F32, 1, empty, nullptr, &tensor),
            ND4J_STATUS_OK);
  nd4j_tensor_destroy(tensor);
}

TEST(RuntimeError, LastErrorIsThreadLocal) {
  nd4j_tensor *tensor = nullptr;
  ASSERT_NE(nd4j_tensor_create(ND4J_DTYPE_INVALID, 0, nullptr, &tensor),
            ND4J_STATUS_OK);
  std::string here = nd4j_last_error();
  EXPECT_FALSE(here.empty());
  std::string there = "unset";
  std::thread([&] { there = nd4j_last_error(); }).join();
  EXPECT_EQ(there, "");
  EXPECT_EQ(std::string(nd4j_last_error()), here);
}

//===----------------------------------------------------------------------===//
// Opening models
//===----------------------------------------------------------------------===//

TEST(RuntimeOpen, NonexistentFile) {
  std::string path = fakeModel("does-not-exist");
  expectOpenFails(path, ND4J_STATUS_LOAD_FAILED,
                  {path + ": cannot open: No such file or directory"});
  expectOpenFails("", ND4J_STATUS_INVALID_ARGUMENT, {"no path given"});
  EXPECT_EQ(nd4j_model_open(fakeModel("add").c_str(), nullptr),
            ND4J_STATUS_INVALID_ARGUMENT);
}

TEST(RuntimeOpen, Directory) {
  expectOpenFails(ND4J_FAKE_MODEL_DIR, ND4J_STATUS_LOAD_FAILED,
                  {"is a directory"});
}

TEST(RuntimeOpen, NotASharedLibrary) {
  std::string path = ::testing::TempDir() + "nd4j-runtime-test-not-a-lib.so";
  FILE *file = std::fopen(path.c_str(), "w");
  ASSERT_TRUE(file);
  std::fputs("this is text, not ELF\n", file);
  std::fclose(file);
  expectOpenFails(path, ND4J_STATUS_LOAD_FAILED,
                  {path + ": not a loadable shared library: "});
  std::remove(path.c_str());
}

TEST(RuntimeOpen, UnresolvedSymbolFailsAtOpen) {
  // RTLD_NOW: an undefined symbol is an error at open, not a crash at run.
  expectFakeFails(
      "unresolved", ND4J_STATUS_LOAD_FAILED,
      {"not a loadable shared library", "nd4j_fake_symbol_nobody_defines"});
}

TEST(RuntimeOpen, MissingSymbols) {
  expectFakeFails("no_signature", ND4J_STATUS_MISSING_SYMBOL,
                  {"missing symbol 'nd4j_model_signature'"});
  expectFakeFails("no_run", ND4J_STATUS_MISSING_SYMBOL,
                  {"missing symbol 'nd4j_model_run'"});
}

TEST(RuntimeOpen, MalformedSignatures) {
  expectFakeFails("bad_header", ND4J_STATUS_BAD_SIGNATURE,
                  {"signature line 1: expected 'nd4j-model <abi-version>', "
                   "got 'onnx-model 1'"});
  expectFakeFails("bad_version", ND4J_STATUS_BAD_SIGNATURE,
                  {"signature line 1:", "'nd4j-model one'"});
  expectFakeFails("bad_dtype", ND4J_STATUS_BAD_SIGNATURE,
                  {"signature line 2: unknown dtype 'f33'"});
  expectFakeFails("bad_rank", ND4J_STATUS_BAD_SIGNATURE,
                  {"signature line 2: bad rank 'two'"});
  expectFakeFails("big_rank", ND4J_STATUS_BAD_SIGNATURE,
                  {"signature line 2: rank 33 exceeds the maximum rank 32"});
  expectFakeFails("bad_dim", ND4J_STATUS_BAD_SIGNATURE,
                  {"signature line 2: bad dimension '-3'"});
  expectFakeFails("huge_shape", ND4J_STATUS_BAD_SIGNATURE,
                  {"signature line 2: input 'x': shape "
                   "[4611686018427387904,4] of f32 is too large"});
  expectFakeFails("truncated", ND4J_STATUS_BAD_SIGNATURE,
                  {"signature line 3: truncated output record 'output f32 "
                   "2 2'"});
  expectFakeFails("bad_escape", ND4J_STATUS_BAD_SIGNATURE,
                  {"signature line 2: bad escape '\\q' in name 'a\\qb'"});
  expectFakeFails("bad_record", ND4J_STATUS_BAD_SIGNATURE,
                  {"signature line 2: expected 'input' or 'output', got "
                   "'param f32 0 w'"});
  expectFakeFails("no_outputs", ND4J_STATUS_BAD_SIGNATURE,
                  {"the signature declares no outputs"});
  expectFakeFails("empty", ND4J_STATUS_BAD_SIGNATURE,
                  {"the signature is empty"});
  expectFakeFails("bad_target", ND4J_STATUS_BAD_SIGNATURE,
                  {"signature line 2: unknown target 'tpu' (this runtime "
                   "runs cpu and nvptx)"});
}

TEST(RuntimeOpen, UnsupportedAbiVersion) {
  expectFakeFails("abi_v3", ND4J_STATUS_UNSUPPORTED_ABI,
                  {"model ABI version 3 is not supported (this runtime reads "
                   "versions 1 to 2)"});
}

TEST(RuntimeOpen, PathWithoutSlashIsNotSearched) {
  // "add.so" must mean ./add.so, never a library found on the search path.
  char cwd[4096];
  ASSERT_TRUE(getcwd(cwd, sizeof(cwd)));
  ASSERT_EQ(chdir(ND4J_FAKE_MODEL_DIR), 0);
  nd4j_model *model = nullptr;
  EXPECT_EQ(nd4j_model_open("add.so", &model), ND4J_STATUS_OK)
      << nd4j_last_error();
  EXPECT_STREQ(nd4j_model_path(model), "add.so");
  nd4j_model_close(model);
  ASSERT_EQ(chdir("/"), 0);
  expectOpenFails("add.so", ND4J_STATUS_LOAD_FAILED, {"add.so: cannot open"});
  ASSERT_EQ(chdir(cwd), 0);
}

TEST(RuntimeDynamic, ModelAllocatesOutputs) {
  ModelPtr model = openFake("dynamic");
  ASSERT_TRUE(model);
  nd4j_model *m = model.get();
  EXPECT_EQ(nd4j_model_abi_version(m), 2);
  EXPECT_EQ(nd4j_model_input_shape(m, 0)[0], -1);
  EXPECT_EQ(nd4j_model_input_shape(m, 0)[1], 3);
  for (int64_t rows : {0, 1, 5}) {
    TensorPtr x = makeTensor(ND4J_DTYPE_F32, {rows, 3});
    auto *xs = static_cast<float *>(nd4j_tensor_data(x.get()));
    for (int64_t i = 0; i < rows * 3; ++i)
      xs[i] = static_cast<float>(i);
    nd4j_tensor *in[] = {x.get()};
    nd4j_tensor *out[] = {nullptr, nullptr};
    ASSERT_EQ(nd4j_run(m, in, 1, out, 2), ND4J_STATUS_OK) << nd4j_last_error();
    TensorPtr y(out[0]), n(out[1]);
    ASSERT_EQ(nd4j_tensor_rank(y.get()), 2);
    EXPECT_EQ(nd4j_tensor_shape(y.get())[0], rows);
    EXPECT_EQ(nd4j_tensor_shape(y.get())[1], 3);
    EXPECT_EQ(nd4j_tensor_byte_size(y.get()),
              static_cast<size_t>(rows * 3 * 4));
    auto *ys = static_cast<float *>(nd4j_tensor_data(y.get()));
    for (int64_t i = 0; i < rows * 3; ++i)
      EXPECT_EQ(ys[i], 2.0f * i);
    EXPECT_EQ(*static_cast<int64_t *>(nd4j_tensor_data(n.get())), rows);
  }
}

TEST(RuntimeDynamic, CallerOutputsAreFilledWhenTheShapesAgree) {
  ModelPtr model = openFake("dynamic");
  ASSERT_TRUE(model);
  TensorPtr x = makeTensor(ND4J_DTYPE_F32, {2, 3});
  static_cast<float *>(nd4j_tensor_data(x.get()))[5] = 4.0f;
  TensorPtr y = makeTensor(ND4J_DTYPE_F32, {2, 3});
  nd4j_tensor *in[] = {x.get()};
  nd4j_tensor *out[] = {y.get(), nullptr};
  ASSERT_EQ(nd4j_run(model.get(), in, 1, out, 2), ND4J_STATUS_OK)
      << nd4j_last_error();
  EXPECT_EQ(out[0], y.get());
  EXPECT_EQ(static_cast<float *>(nd4j_tensor_data(y.get()))[5], 8.0f);
  TensorPtr n(out[1]);

  // A tensor of another size than the run computes: refused, and no slot
  // changes.
  TensorPtr small = makeTensor(ND4J_DTYPE_F32, {1, 3});
  nd4j_tensor *out2[] = {small.get(), nullptr};
  EXPECT_EQ(nd4j_run(model.get(), in, 1, out2, 2), ND4J_STATUS_MISMATCH);
  EXPECT_PRED2(lastErrorHas, nd4j_last_error(),
               std::string("output 'y' (#0): the run computed shape [2,3], the "
                           "tensor given has [1,3]"));
  EXPECT_EQ(out2[0], small.get());
  EXPECT_EQ(out2[1], nullptr);
}

TEST(RuntimeDynamic, ChecksRankAndStaticDimensions) {
  ModelPtr model = openFake("dynamic");
  ASSERT_TRUE(model);
  for (std::vector<int64_t> shape :
       {std::vector<int64_t>{4, 2}, std::vector<int64_t>{4}}) {
    TensorPtr x = makeTensor(ND4J_DTYPE_F32, shape);
    nd4j_tensor *in[] = {x.get()};
    nd4j_tensor *out[] = {nullptr, nullptr};
    EXPECT_EQ(nd4j_run(model.get(), in, 1, out, 2), ND4J_STATUS_MISMATCH);
    EXPECT_PRED2(lastErrorHas, nd4j_last_error(),
                 std::string("input 'x' (#0): expected shape [?,3] f32"));
  }
}

TEST(RuntimeDynamic, FailedRunLeavesNoOutputs) {
  ModelPtr model = openFake("dynamic");
  ASSERT_TRUE(model);
  TensorPtr x = makeTensor(ND4J_DTYPE_F32, {13, 3});
  nd4j_tensor *in[] = {x.get()};
  nd4j_tensor *out[] = {nullptr, nullptr};
  EXPECT_EQ(nd4j_run(model.get(), in, 1, out, 2), ND4J_STATUS_RUN_FAILED);
  EXPECT_PRED2(lastErrorHas, nd4j_last_error(),
               std::string("the model's nd4j_model_run_v2 returned 3"));
  EXPECT_EQ(out[0], nullptr);
  EXPECT_EQ(out[1], nullptr);
}

TEST(RuntimeSignature, Queries) {
  ModelPtr model = openFake("mixed");
  ASSERT_TRUE(model);
  nd4j_model *m = model.get();
  EXPECT_EQ(nd4j_model_abi_version(m), 1);
  ASSERT_EQ(nd4j_model_num_inputs(m), 2);
  ASSERT_EQ(nd4j_model_num_outputs(m), 2);
  EXPECT_STREQ(nd4j_model_input_name(m, 0), "ids:0");
  EXPECT_EQ(nd4j_model_input_dtype(m, 0), ND4J_DTYPE_I64);
  EXPECT_EQ(nd4j_model_input_rank(m, 0), 1);
  EXPECT_EQ(nd4j_model_input_shape(m, 0)[0], 4);
  EXPECT_STREQ(nd4j_model_input_name(m, 1), "mask");
  EXPECT_EQ(nd4j_model_input_dtype(m, 1), ND4J_DTYPE_BOOL);
  EXPECT_STREQ(nd4j_model_output_name(m, 0), "masked/ids:0");
  EXPECT_EQ(nd4j_model_output_dtype(m, 1), ND4J_DTYPE_I32);
  EXPECT_EQ(nd4j_model_output_rank(m, 1), 0);
  EXPECT_EQ(nd4j_model_find_input(m, "mask"), 1);
  EXPECT_EQ(nd4j_model_find_input(m, "count"), -1);
  EXPECT_EQ(nd4j_model_find_output(m, "count"), 1);
  EXPECT_EQ(nd4j_model_find_output(m, nullptr), -1);

  EXPECT_EQ(nd4j_model_input_name(m, 2), nullptr);
  EXPECT_NE(std::string(nd4j_last_error())
                .find("mixed.so: input index 2 is out of range (the model "
                      "has 2)"),
            std::string::npos)
      << nd4j_last_error();
  EXPECT_EQ(nd4j_model_output_dtype(m, -1), ND4J_DTYPE_INVALID);
  EXPECT_EQ(nd4j_model_output_rank(m, 5), -1);
  EXPECT_EQ(nd4j_model_output_shape(m, 5), nullptr);
  EXPECT_EQ(nd4j_model_num_inputs(nullptr), 0);
  EXPECT_EQ(nd4j_model_input_name(nullptr, 0), nullptr);
  nd4j_model_close(nullptr);
}

TEST(RuntimeSignature, EscapedNames) {
  ModelPtr model = openFake("escaped");
  ASSERT_TRUE(model);
  EXPECT_STREQ(nd4j_model_input_name(model.get(), 0), "back\\slash");
  EXPECT_STREQ(nd4j_model_output_name(model.get(), 0), "two\nlines and space");
  EXPECT_EQ(nd4j_model_input_shape(model.get(), 0)[0], 0);
  EXPECT_EQ(nd4j_model_output_rank(model.get(), 0), 0);
}

//===----------------------------------------------------------------------===//
// Running models
//===----------------------------------------------------------------------===//

TEST(RuntimeRun, AddAllocatesOutputs) {
  ModelPtr model = openFake("add");
  ASSERT_TRUE(model);
  TensorPtr x = makeF32({2, 3}, {1, 2, 3, 4, 5, 6});
  TensorPtr y = makeF32({2, 3}, {10, 20, 30, 40, 50, 60});
  nd4j_tensor *inputs[] = {x.get(), y.get()};
  nd4j_tensor *outputs[] = {nullptr};
  ASSERT_EQ(nd4j_run(model.get(), inputs, 2, outputs, 1), ND4J_STATUS_OK)
      << nd4j_last_error();
  TensorPtr sum(outputs[0]);
  ASSERT_TRUE(sum);
  EXPECT_EQ(nd4j_tensor_dtype(sum.get()), ND4J_DTYPE_F32);
  ASSERT_EQ(nd4j_tensor_rank(sum.get()), 2);
  EXPECT_EQ(valuesOf(sum.get()), (std::vector<float>{11, 22, 33, 44, 55, 66}));
}

TEST(RuntimeRun, CallerProvidedOutputs) {
  ModelPtr model = openFake("add");
  TensorPtr x = makeF32({2, 3}, {1, 1, 1, 1, 1, 1});
  TensorPtr y = makeF32({2, 3}, {0, 1, 2, 3, 4, 5});
  float storage[6] = {};
  int64_t shape[] = {2, 3};
  nd4j_tensor *wrapped = nullptr;
  ASSERT_EQ(nd4j_tensor_wrap(ND4J_DTYPE_F32, 2, shape, storage, &wrapped),
            ND4J_STATUS_OK);
  TensorPtr out(wrapped);
  nd4j_tensor *inputs[] = {x.get(), y.get()};
  nd4j_tensor *outputs[] = {wrapped};
  ASSERT_EQ(nd4j_run(model.get(), inputs, 2, outputs, 1), ND4J_STATUS_OK)
      << nd4j_last_error();
  EXPECT_EQ(outputs[0], wrapped);
  EXPECT_EQ(std::vector<float>(storage, storage + 6),
            (std::vector<float>{1, 2, 3, 4, 5, 6}));
}

TEST(RuntimeRun, MixedTypesAndScalar) {
  ModelPtr model = openFake("mixed");
  int64_t ids[] = {7, -8, 9, 1LL << 40};
  unsigned char mask[] = {1, 0, 1, 1};
  int64_t shape[] = {4};
  nd4j_tensor *idsTensor = nullptr, *maskTensor = nullptr;
  ASSERT_EQ(nd4j_tensor_wrap(ND4J_DTYPE_I64, 1, shape, ids, &idsTensor), 0);
  ASSERT_EQ(nd4j_tensor_wrap(ND4J_DTYPE_BOOL, 1, shape, mask, &maskTensor), 0);
  TensorPtr a(idsTensor), b(maskTensor);
  nd4j_tensor *inputs[] = {idsTensor, maskTensor};
  nd4j_tensor *outputs[] = {nullptr, nullptr};
  ASSERT_EQ(nd4j_run(model.get(), inputs, 2, outputs, 2), ND4J_STATUS_OK)
      << nd4j_last_error();
  TensorPtr masked(outputs[0]), count(outputs[1]);
  const int64_t *values = static_cast<int64_t *>(nd4j_tensor_data(outputs[0]));
  EXPECT_EQ(std::vector<int64_t>(values, values + 4),
            (std::vector<int64_t>{7, 0, 9, 1LL << 40}));
  EXPECT_EQ(nd4j_tensor_rank(outputs[1]), 0);
  EXPECT_EQ(*static_cast<int32_t *>(nd4j_tensor_data(outputs[1])), 3);
}

TEST(RuntimeRun, WrongInputCount) {
  ModelPtr model = openFake("add");
  TensorPtr x = makeF32({2, 3}, {1, 2, 3, 4, 5, 6});
  nd4j_tensor *inputs[] = {x.get()};
  nd4j_tensor *outputs[] = {nullptr};
  EXPECT_EQ(nd4j_run(model.get(), inputs, 1, outputs, 1), ND4J_STATUS_MISMATCH);
  EXPECT_EQ(std::string(nd4j_last_error()),
            fakeModel("add") + ": expected 2 inputs, got 1");
  nd4j_tensor *two[] = {x.get(), x.get()};
  nd4j_tensor *noOutputs[] = {nullptr, nullptr};
  EXPECT_EQ(nd4j_run(model.get(), two, 2, noOutputs, 2), ND4J_STATUS_MISMATCH);
  EXPECT_EQ(std::string(nd4j_last_error()),
            fakeModel("add") + ": expected 1 output, got 2");
  EXPECT_EQ(nd4j_run(nullptr, two, 2, outputs, 1),
            ND4J_STATUS_INVALID_ARGUMENT);
  EXPECT_EQ(nd4j_run(model.get(), nullptr, 2, outputs, 1),
            ND4J_STATUS_INVALID_ARGUMENT);
  EXPECT_EQ(outputs[0], nullptr);
}

TEST(RuntimeRun, WrongInputShape) {
  ModelPtr model = openFake("add");
  TensorPtr x = makeF32({2, 3}, {1, 2, 3, 4, 5, 6});
  TensorPtr y = makeF32({3, 2}, {1, 2, 3, 4, 5, 6});
  nd4j_tensor *inputs[] = {x.get(), y.get()};
  nd4j_tensor *outputs[] = {nullptr};
  EXPECT_EQ(nd4j_run(model.get(), inputs, 2, outputs, 1), ND4J_STATUS_MISMATCH);
  EXPECT_EQ(std::string(nd4j_last_error()),
            fakeModel("add") +
                ": input 'y' (#1): expected shape [2,3] f32, got [3,2] f32");
  EXPECT_EQ(outputs[0], nullptr);

  TensorPtr rank1 = makeF32({6}, {1, 2, 3, 4, 5, 6});
  inputs[0] = rank1.get();
  inputs[1] = x.get();
  EXPECT_EQ(nd4j_run(model.get(), inputs, 2, outputs, 1), ND4J_STATUS_MISMATCH);
  EXPECT_EQ(std::string(nd4j_last_error()),
            fakeModel("add") +
                ": input 'x' (#0): expected shape [2,3] f32, got [6] f32");
}

TEST(RuntimeRun, WrongInputDType) {
  ModelPtr model = openFake("add");
  TensorPtr x = makeF32({2, 3}, {1, 2, 3, 4, 5, 6});
  TensorPtr y = makeTensor(ND4J_DTYPE_F64, {2, 3});
  nd4j_tensor *inputs[] = {x.get(), y.get()};
  nd4j_tensor *outputs[] = {nullptr};
  EXPECT_EQ(nd4j_run(model.get(), inputs, 2, outputs, 1), ND4J_STATUS_MISMATCH);
  EXPECT_EQ(std::string(nd4j_last_error()),
            fakeModel("add") +
                ": input 'y' (#1): expected shape [2,3] f32, got [2,3] f64");

  inputs[1] = nullptr;
  EXPECT_EQ(nd4j_run(model.get(), inputs, 2, outputs, 1),
            ND4J_STATUS_INVALID_ARGUMENT);
  EXPECT_EQ(std::string(nd4j_last_error()),
            fakeModel("add") + ": input 'y' (#1): no tensor (NULL)");
}

TEST(RuntimeRun, WrongOutputTensors) {
  ModelPtr model = openFake("add");
  TensorPtr x = makeF32({2, 3}, {1, 2, 3, 4, 5, 6});
  TensorPtr y = makeF32({2, 3}, {1, 2, 3, 4, 5, 6});
  TensorPtr badOut = makeTensor(ND4J_DTYPE_F32, {2, 4});
  nd4j_tensor *inputs[] = {x.get(), y.get()};
  nd4j_tensor *outputs[] = {badOut.get()};
  EXPECT_EQ(nd4j_run(model.get(), inputs, 2, outputs, 1), ND4J_STATUS_MISMATCH);
  EXPECT_EQ(std::string(nd4j_last_error()),
            fakeModel("add") +
                ": output 'sum' (#0): expected shape [2,3] f32, got [2,4] f32");

  // An output over an input's memory would be read and written at once.
  outputs[0] = y.get();
  EXPECT_EQ(nd4j_run(model.get(), inputs, 2, outputs, 1),
            ND4J_STATUS_INVALID_ARGUMENT);
  EXPECT_EQ(std::string(nd4j_last_error()),
            fakeModel("add") + ": output 'sum' (#0) overlaps input 'y' (#1)");
  EXPECT_EQ(outputs[0], y.get());
}

TEST(RuntimeRun, CheckInputAndOutput) {
  ModelPtr model = openFake("add");
  TensorPtr good = makeF32({2, 3}, {1, 2, 3, 4, 5, 6});
  TensorPtr bad = makeTensor(ND4J_DTYPE_I32, {2, 3});
  EXPECT_EQ(nd4j_model_check_input(model.get(), 1, good.get()), ND4J_STATUS_OK);
  EXPECT_EQ(nd4j_model_check_input(model.get(), 0, bad.get()),
            ND4J_STATUS_MISMATCH);
  EXPECT_STREQ(nd4j_last_error(),
               "input 'x' (#0): expected shape [2,3] f32, got [2,3] i32");
  EXPECT_EQ(nd4j_model_check_output(model.get(), 0, bad.get()),
            ND4J_STATUS_MISMATCH);
  EXPECT_STREQ(nd4j_last_error(),
               "output 'sum' (#0): expected shape [2,3] f32, got [2,3] i32");
  EXPECT_EQ(nd4j_model_check_input(model.get(), 2, good.get()),
            ND4J_STATUS_INVALID_ARGUMENT);
}

TEST(RuntimeRun, EntryPointFailure) {
  ModelPtr model = openFake("fail");
  TensorPtr x = makeF32({1}, {-1});
  nd4j_tensor *inputs[] = {x.get()};
  nd4j_tensor *outputs[] = {nullptr};
  EXPECT_EQ(nd4j_run(model.get(), inputs, 1, outputs, 1),
            ND4J_STATUS_RUN_FAILED);
  EXPECT_EQ(std::string(nd4j_last_error()),
            fakeModel("fail") + ": the model's nd4j_model_run returned 3");
  // No slot is filled (and the allocated output is not leaked).
  EXPECT_EQ(outputs[0], nullptr);

  TensorPtr ok = makeF32({1}, {2.5f});
  inputs[0] = ok.get();
  ASSERT_EQ(nd4j_run(model.get(), inputs, 1, outputs, 1), ND4J_STATUS_OK);
  TensorPtr y(outputs[0]);
  EXPECT_EQ(valuesOf(y.get()), std::vector<float>{2.5f});
}

TEST(RuntimeRun, ConcurrentRunsOfOneModel) {
  ModelPtr model = openFake("add");
  std::vector<std::thread> threads;
  std::vector<int> failures(4, 0);
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int iteration = 0; iteration < 50; ++iteration) {
        float base = static_cast<float>(t * 100 + iteration);
        TensorPtr x = makeF32({2, 3}, {base, base, base, base, base, base});
        TensorPtr y = makeF32({2, 3}, {0, 1, 2, 3, 4, 5});
        nd4j_tensor *inputs[] = {x.get(), y.get()};
        nd4j_tensor *outputs[] = {nullptr};
        if (nd4j_run(model.get(), inputs, 2, outputs, 1) != ND4J_STATUS_OK) {
          ++failures[t];
          continue;
        }
        TensorPtr sum(outputs[0]);
        std::vector<float> values = valuesOf(sum.get());
        for (int i = 0; i < 6; ++i)
          failures[t] += values[i] != base + i;
      }
    });
  for (std::thread &thread : threads)
    thread.join();
  EXPECT_EQ(failures, std::vector<int>(4, 0));
}

TEST(RuntimeRun, DefaultContext) {
  nd4j_model_context context = nd4j_default_context();
  EXPECT_EQ(context.abi_version, static_cast<uint32_t>(ND4J_MODEL_ABI_VERSION));
  ASSERT_NE(context.parallel_for, nullptr);
  std::vector<int> seen(100, 0);
  context.parallel_for(
      context.pool, 100,
      [](void *data, int64_t begin, int64_t end) {
        for (int64_t i = begin; i < end; ++i)
          ++static_cast<int *>(data)[i];
      },
      seen.data());
  EXPECT_EQ(seen, std::vector<int>(100, 1));
}

// The CUDA path without a driver: the driver is opened once per process,
// so this is the only test that touches it, and it names a library that
// does not exist to be deterministic on machines with a GPU too.
TEST(RuntimeGpu, NoDriver) {
  ASSERT_EQ(setenv("ND4J_CUDA_DRIVER", "libnd4j-no-such-cuda.so.1", 1), 0);
  // The mgpu* functions record the failure and do nothing.
  EXPECT_EQ(mgpuStreamCreate(), nullptr);
  EXPECT_EQ(mgpuMemAlloc(64, nullptr, false), nullptr);
  EXPECT_EQ(mgpuModuleLoad(nullptr, 0), nullptr);
  EXPECT_EQ(mgpuModuleGetFunction(nullptr, "kernel"), nullptr);
  mgpuLaunchKernel(nullptr, 1, 1, 1, 1, 1, 1, 0, nullptr, nullptr, nullptr, 0);
  float host = 1.0f;
  mgpuMemcpy(&host, &host, sizeof(host), nullptr);
  mgpuMemFree(&host, nullptr);
  mgpuStreamSynchronize(nullptr);
  EXPECT_EQ(host, 1.0f);

  // The runtime refuses to call an NVPTX model's entry point.
  ModelPtr model = openFake("nvptx");
  ASSERT_TRUE(model);
  TensorPtr x = makeF32({1}, {1.0f});
  nd4j_tensor *inputs[] = {x.get()};
  nd4j_tensor *outputs[] = {nullptr};
  EXPECT_EQ(nd4j_run(model.get(), inputs, 1, outputs, 1),
            ND4J_STATUS_RUN_FAILED);
  EXPECT_EQ(std::string(nd4j_last_error()),
            fakeModel("nvptx") + ": cannot run an NVPTX model: CUDA driver "
                                 "libnd4j-no-such-cuda.so.1 not found");
  EXPECT_EQ(outputs[0], nullptr);
}

} // namespace
