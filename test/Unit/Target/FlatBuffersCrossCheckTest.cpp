//===- FlatBuffersCrossCheckTest.cpp - FlatGraph nodes vs op descriptors --===//
//
// The cross-check of FlatGraph nodes against nd4j's op descriptors
// (FlatGraphCrossCheck.h): against a small made-up reference, and, when the
// reference data beside the project exists, against nd4j-op-def.pbtxt, it
// accepts well-formed nodes and rejects each deliberately wrong one.
// `Directory` checks every .fb file of $ND4J_FB_CROSS_CHECK_DIR (the lit
// test test/Target/FlatBuffers/cross-check.test and the conformance
// scripts' --cross-check set it) and skips without it.
//
//===----------------------------------------------------------------------===//

#include "test/Unit/Target/FlatGraphCrossCheck.h"

#include "SameDiff_generated.h"
#include "dialects/Common/OpDescriptor.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "gtest/gtest.h"
#include <cstdlib>
#include <iostream>

using namespace mlir;
using namespace mlir::nd4j;
namespace sd = ::nd4j::samediff;

namespace {

/// One FlatNode to write: CUSTOM nodes get their name's hash as opNum
/// unless `opNum` says otherwise.
struct NodeSpec {
  std::string opName;
  sd::OpType opType = sd::OpType::CUSTOM;
  unsigned inputs = 1;
  std::vector<double> tArgs = {};
  std::vector<int64_t> iArgs = {};
  std::vector<uint8_t> bArgs = {};
  std::vector<sd::DType> dArgs = {};
  std::optional<int64_t> opNum = std::nullopt;
};

/// A FlatGraph holding `nodes` (their inputs all read one placeholder).
std::string makeGraph(const std::vector<NodeSpec> &nodes) {
  flatbuffers::FlatBufferBuilder fbb;
  std::vector<flatbuffers::Offset<sd::FlatNode>> written;
  int id = 1;
  for (const NodeSpec &n : nodes) {
    std::vector<flatbuffers::Offset<sd::IntPair>> inputs;
    for (unsigned i = 0; i < n.inputs; ++i)
      inputs.push_back(sd::CreateIntPair(fbb, 1, 0));
    int64_t opNum = n.opNum ? *n.opNum
                    : n.opType == sd::OpType::CUSTOM
                        ? getLibnd4jOpHash(n.opName)
                        : 0;
    std::string name = "n" + std::to_string(++id);
    written.push_back(sd::CreateFlatNodeDirect(
        fbb, id, name.c_str(), n.opType, opNum, nullptr, nullptr, &inputs,
        nullptr, &n.tArgs, &n.iArgs, &n.bArgs, nullptr, -1, 0, nullptr, nullptr,
        n.opName.c_str(), nullptr, 0, nullptr, nullptr, nullptr, &n.dArgs));
  }
  auto nodesOffset = fbb.CreateVector(written);
  sd::FlatGraphBuilder graph(fbb);
  graph.add_nodes(nodesOffset);
  fbb.Finish(graph.Finish());
  return std::string(reinterpret_cast<const char *>(fbb.GetBufferPointer()),
                     fbb.GetSize());
}

/// The failures of checking one node.
std::vector<std::string> check(const NodeSpec &node, const RefOpMap &ref,
                               CrossCheckReport *out = nullptr) {
  CrossCheckReport report;
  crossCheckFlatGraph(makeGraph({node}), "t.fb", ref, report);
  if (out)
    *out = report;
  return report.errors;
}

/// A made-up reference: one custom op, one legacy op.
constexpr const char *kMadeUpReference = R"pb(
opList {
  name: "op_a"
  argDescriptor { name: "input" argType: INPUT_TENSOR }
  argDescriptor { name: "y" argType: INPUT_TENSOR argIndex: 1 }
  argDescriptor { name: "alpha" argType: DOUBLE }
  argDescriptor { name: "flag" argType: BOOL }
  argDescriptor { name: "dtype" argType: DATA_TYPE }
  opDeclarationType: CUSTOM_OP_IMPL
}
opList {
  name: "op_legacy"
  argDescriptor { name: "input" argType: INPUT_TENSOR }
  opDeclarationType: LEGACY_XYZ
}
)pb";

TEST(FlatBuffersCrossCheck, MadeUpReference) {
  RefOpMap ref;
  std::string error;
  ASSERT_TRUE(parseReferenceOpDefs(kMadeUpReference, ref, error)) << error;
  ASSERT_EQ(ref.size(), 2u);
  EXPECT_EQ(ref["op_a"].getNumSlots("INPUT_TENSOR"), 2u);

  // Well-formed: fewer slots than declared is allowed without a descriptor.
  EXPECT_TRUE(check({"op_a",
                     sd::OpType::CUSTOM,
                     2,
                     {0.5},
                     {},
                     {true},
                     {sd::DType::FLOAT}},
                    ref)
                  .empty());
  EXPECT_TRUE(check({"op_a"}, ref).empty());
  EXPECT_TRUE(check({"op_legacy", sd::OpType::TRANSFORM_SAME}, ref).empty());

  auto failsWith = [&](const NodeSpec &node, const std::string &what) {
    std::vector<std::string> errors = check(node, ref);
    ASSERT_EQ(errors.size(), 1u) << node.opName << ": " << what;
    EXPECT_NE(errors[0].find(what), std::string::npos) << errors[0];
    EXPECT_EQ(errors[0].rfind("t.fb: node 'n2' (", 0), 0u) << errors[0];
  };
  failsWith({"op_b"}, "no op of this name in the reference");
  failsWith({"op_a", sd::OpType::CUSTOM, 3}, "3 inputs; the reference "
                                             "declares 2 INPUT_TENSOR slots");
  failsWith({"op_a", sd::OpType::CUSTOM, 1, {0.5, 1.0}},
            "2 t_args; the reference declares 1 DOUBLE slots");
  // An argument of a type the op has no slot of.
  failsWith({"op_a", sd::OpType::CUSTOM, 1, {}, {7}},
            "1 i_args; the reference declares 0 INT64 slots");
  failsWith({"op_a", sd::OpType::CUSTOM, 1, {}, {}, {}, {sd::DType(99)}},
            "d_args value 99 is not a data type");
  failsWith({"op_a", sd::OpType::CUSTOM, 1, {}, {}, {}, {}, 12345},
            "opNum 12345 is not the hash of 'op_a'");
  failsWith({"op_legacy"}, "stored as a custom op, but the reference "
                           "declares a legacy op");
  failsWith({"mmul", sd::OpType::CUSTOM, 2},
            "a Java name for matmul, but its opNum is not matmul's hash");
}

TEST(FlatBuffersCrossCheck, AgainstNd4jOpDefs) {
  std::string error;
  std::optional<RefOpMap> ref = loadReferenceOpDefs(error);
  if (!ref)
    GTEST_SKIP() << getReferenceOpDefsPath()
                 << " not found: reference data is optional";
  ASSERT_TRUE(error.empty()) << error;

  std::vector<int64_t> conv(11, 1);
  // conv2d: i_arg 10 (wFormat) is read by libnd4j, not in the reference;
  // bias is optional.
  EXPECT_TRUE(check({"conv2d", sd::OpType::CUSTOM, 3, {}, conv}, *ref).empty());
  EXPECT_TRUE(check({"conv2d", sd::OpType::CUSTOM, 2, {}, conv}, *ref).empty());
  // reshape: the shape is a variable-length i_args list.
  EXPECT_TRUE(
      check({"reshape", sd::OpType::CUSTOM, 1, {}, {1, 2, 3, 4, 5, 6}}, *ref)
          .empty());
  CrossCheckReport report;
  EXPECT_TRUE(check({"mmul",
                     sd::OpType::CUSTOM,
                     2,
                     {},
                     {0, 0, 0},
                     {},
                     {},
                     getLibnd4jOpHash("matmul")},
                    *ref, &report)
                  .empty());
  ASSERT_EQ(report.differences.size(), 1u);
  EXPECT_EQ(report.differences.begin()->first.rfind("mmul: SameDiff's Java", 0),
            0u);

  std::vector<int64_t> conv12(12, 1);
  EXPECT_EQ(check({"conv2d", sd::OpType::CUSTOM, 3, {}, conv12}, *ref).size(),
            1u);
  EXPECT_EQ(check({"conv2d", sd::OpType::CUSTOM, 1, {}, conv}, *ref).size(),
            1u); // below its descriptor's two inputs
  EXPECT_EQ(check({"conv2d", sd::OpType::CUSTOM, 3, {1.0}, conv}, *ref).size(),
            1u); // no DOUBLE slot
  EXPECT_EQ(check({"matmul", sd::OpType::CUSTOM, 2, {1, 0, 0}}, *ref).size(),
            1u);
  EXPECT_EQ(check({"neg"}, *ref).size(), 1u);
  EXPECT_EQ(check({"batchnorm", sd::OpType::CUSTOM, 6, {1e-5}, {0, 0, 1}}, *ref)
                .size(),
            1u); // five inputs at most (beta is the undeclared fifth)
}

TEST(FlatBuffersCrossCheck, Directory) {
  const char *dir = std::getenv("ND4J_FB_CROSS_CHECK_DIR");
  if (!dir)
    GTEST_SKIP() << "set ND4J_FB_CROSS_CHECK_DIR to check a folder of .fb "
                    "files";
  std::string error;
  std::optional<RefOpMap> ref = loadReferenceOpDefs(error);
  ASSERT_TRUE(ref) << getReferenceOpDefsPath() << " not found";
  ASSERT_TRUE(error.empty()) << error;

  std::vector<std::string> files;
  std::error_code ec;
  for (llvm::sys::fs::directory_iterator it(dir, ec), end; it != end && !ec;
       it.increment(ec))
    if (llvm::sys::path::extension(it->path()) == ".fb")
      files.push_back(it->path());
  ASSERT_FALSE(ec) << dir << ": " << ec.message();
  llvm::sort(files);
  ASSERT_FALSE(files.empty()) << "no .fb files in " << dir;

  CrossCheckReport report;
  for (const std::string &file : files) {
    auto buffer = llvm::MemoryBuffer::getFile(file);
    ASSERT_TRUE(buffer) << file;
    crossCheckFlatGraph((*buffer)->getBuffer(), llvm::sys::path::filename(file),
                        *ref, report);
  }
  std::string text;
  llvm::raw_string_ostream os(text);
  report.print(os);
  std::cout << text;
  EXPECT_TRUE(report.errors.empty()) << report.errors.size() << " failures";
}

} // namespace
