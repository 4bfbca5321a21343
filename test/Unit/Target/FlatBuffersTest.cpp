//===- FlatBuffersTest.cpp - the SameDiff FlatGraph writer and reader ----===//
//
// Reads files the writer produced through the flatc-generated accessors, as
// nd4j's own reader would: node order and ids, inputPaired, the opNum hash,
// argument vectors, shapeInfo and big-endian payload bytes. Then feeds the
// reader every truncation and many corruptions of such a file: each must be
// read or rejected, never crash.
//
//===----------------------------------------------------------------------===//

#include "lib/Target/FlatBuffers/FlatBuffers.h"
#include "SameDiff_generated.h"
#include "dialects/Common/OpDescriptor.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "nd4j-mlir/InitAll.h"
#include "gtest/gtest.h"

using namespace mlir;
using namespace mlir::nd4j;
namespace sd = ::nd4j::samediff;

namespace {

constexpr const char *kGraph = R"mlir(
nd4j_exec.graph @g {
  %x = nd4j_exec.placeholder "x" : tensor<?x3xf32>
  %w = nd4j_exec.constant "w" dense<[[1.0, 2.0], [3.0, 4.0], [5.0, -0.5]]> : tensor<3x2xf32>
  %k = nd4j_exec.constant "k" dense<[258, -1]> : tensor<2xi16>
  %mm = nd4j_exec.node "matmul" <custom>(%x, %w) t_args [1.0, 0.0] i_args [0, 0, 0] {name = "mm"} : (tensor<?x3xf32>, tensor<3x2xf32>) -> tensor<?x2xf32>
  %s:2 = nd4j_exec.node "split" <custom>(%mm) i_args [2, 1] {name = "sp"} : (tensor<?x2xf32>) -> (tensor<?x1xf32>, tensor<?x1xf32>)
  %r = nd4j_exec.node "reduce_sum" <reduce_same>(%s#1) b_args [true, true] axis [1] {name = "sum", op_num = 0} : (tensor<?x1xf32>) -> tensor<?x1xf32>
  %o = nd4j_exec.node "tile_like" <custom>(%r, %k) d_args [f32] s_args ["s"] {name = "out", output_names = ["y"]} : (tensor<?x1xf32>, tensor<2xi16>) -> tensor<?x1xf32>
  nd4j_exec.return %o : tensor<?x1xf32>
}
)mlir";

class FlatBuffersTest : public ::testing::Test {
protected:
  FlatBuffersTest() : ctx(makeRegistry()) { ctx.loadAllAvailableDialects(); }
  static DialectRegistry makeRegistry() {
    DialectRegistry registry;
    registerAllDialects(registry);
    return registry;
  }
  std::string exportGraph() {
    OwningOpRef<ModuleOp> module = parseSourceString<ModuleOp>(kGraph, &ctx);
    EXPECT_TRUE(module);
    std::string bytes;
    llvm::raw_string_ostream os(bytes);
    EXPECT_TRUE(succeeded(exportFlatBuffers(*module, os)));
    return bytes;
  }
  MLIRContext ctx;
};

std::vector<int64_t> toVector(const flatbuffers::Vector<int64_t> *v) {
  return v ? std::vector<int64_t>(v->begin(), v->end())
           : std::vector<int64_t>();
}

TEST_F(FlatBuffersTest, WritesWhatSameDiffReads) {
  std::string bytes = exportGraph();
  flatbuffers::Verifier verifier(
      reinterpret_cast<const uint8_t *>(bytes.data()), bytes.size());
  ASSERT_TRUE(sd::VerifyFlatGraphBuffer(verifier));
  const sd::FlatGraph *g = sd::GetFlatGraph(bytes.data());

  // Variables: x, w, k, then each node's outputs (ARRAY) right after it.
  const auto *vars = g->variables();
  ASSERT_EQ(vars->size(), 8u);
  std::vector<std::string> names;
  for (const sd::FlatVariable *v : *vars)
    names.push_back(v->name()->str());
  EXPECT_EQ(names, (std::vector<std::string>{"x", "w", "k", "mm", "sp", "sp:1",
                                             "sum", "y"}));
  EXPECT_EQ(vars->Get(0)->variabletype(), sd::VarType::PLACEHOLDER);
  EXPECT_EQ(toVector(vars->Get(0)->shape()), (std::vector<int64_t>{-1, 3}));
  EXPECT_EQ(vars->Get(5)->id()->first(), 5);
  EXPECT_EQ(vars->Get(5)->id()->second(), 1);

  // w: shapeInfo and big-endian floats.
  const sd::FlatArray *w = vars->Get(1)->ndarray();
  ASSERT_TRUE(w);
  EXPECT_EQ(vars->Get(1)->variabletype(), sd::VarType::CONSTANT);
  EXPECT_EQ(toVector(w->shape()),
            (std::vector<int64_t>{2, 3, 2, 2, 1, 8192, 1, 99}));
  EXPECT_EQ(w->byteOrder(), sd::ByteOrder::BE);
  ASSERT_EQ(w->buffer()->size(), 24u);
  const uint8_t *p = reinterpret_cast<const uint8_t *>(w->buffer()->data());
  EXPECT_EQ(std::vector<uint8_t>(p, p + 8),
            (std::vector<uint8_t>{0x3F, 0x80, 0, 0, 0x40, 0, 0, 0}));
  EXPECT_EQ(std::vector<uint8_t>(p + 20, p + 24),
            (std::vector<uint8_t>{0xBF, 0, 0, 0}));
  // k: int16 258, -1 → 01 02, FF FF; SHORT flag.
  const sd::FlatArray *k = vars->Get(2)->ndarray();
  EXPECT_EQ(toVector(k->shape()),
            (std::vector<int64_t>{1, 2, 1, 65536, 1, 99}));
  const uint8_t *q = reinterpret_cast<const uint8_t *>(k->buffer()->data());
  EXPECT_EQ(std::vector<uint8_t>(q, q + 4),
            (std::vector<uint8_t>{0x01, 0x02, 0xFF, 0xFF}));

  // Nodes in graph order; ids shared with the variables.
  const auto *nodes = g->nodes();
  ASSERT_EQ(nodes->size(), 4u);
  const sd::FlatNode *mm = nodes->Get(0), *sp = nodes->Get(1),
                     *sum = nodes->Get(2), *out = nodes->Get(3);
  EXPECT_EQ(mm->id(), 4);
  EXPECT_EQ(sp->id(), 5);
  EXPECT_EQ(sum->id(), 6);
  EXPECT_EQ(out->id(), 7);
  EXPECT_EQ(mm->opType(), sd::OpType::CUSTOM);
  EXPECT_EQ(mm->opNum(), getLibnd4jOpHash("matmul"));
  EXPECT_EQ(mm->opNum(), -273014250715117663LL);
  EXPECT_EQ(mm->opName()->str(), "matmul");
  ASSERT_EQ(mm->inputPaired()->size(), 2u);
  EXPECT_EQ(mm->inputPaired()->Get(0)->first(), 1);
  EXPECT_EQ(mm->inputPaired()->Get(1)->first(), 2);
  EXPECT_EQ(
      std::vector<double>(mm->extraParams()->begin(), mm->extraParams()->end()),
      (std::vector<double>{1.0, 0.0}));
  EXPECT_EQ(toVector(mm->extraInteger()), (std::vector<int64_t>{0, 0, 0}));
  EXPECT_EQ(mm->input()->size(), 0u);
  EXPECT_EQ(mm->output()->Get(0), 3);
  // sum reads split's second output: (5, 1).
  EXPECT_EQ(sum->inputPaired()->Get(0)->first(), 5);
  EXPECT_EQ(sum->inputPaired()->Get(0)->second(), 1);
  EXPECT_EQ(sum->opType(), sd::OpType::REDUCE_SAME);
  EXPECT_EQ(sum->opNum(), 0);
  EXPECT_EQ(sum->dimensions()->size(), 1u);
  EXPECT_EQ(sum->dimensions()->Get(0), 1);
  EXPECT_EQ(sum->extraBools()->size(), 2u);
  EXPECT_EQ(sp->outputNames()->Get(1)->str(), "sp:1");
  EXPECT_EQ(out->outputNames()->Get(0)->str(), "y");
  EXPECT_EQ(out->extraTypes()->Get(0), sd::DType::FLOAT);
  EXPECT_EQ(out->extraStrings()->Get(0)->str(), "s");
  EXPECT_EQ(out->inputPaired()->Get(1)->first(), 3);
  ASSERT_EQ(g->outputs()->size(), 1u);
  EXPECT_EQ(g->outputs()->Get(0)->first(), 7);
  EXPECT_EQ(g->placeholders()->Get(0)->str(), "x");
}

TEST_F(FlatBuffersTest, IsDeterministicAndReadsBack) {
  std::string first = exportGraph();
  EXPECT_EQ(first, exportGraph());
  OwningOpRef<ModuleOp> back = importFlatBuffers(first, "g.fb", &ctx);
  ASSERT_TRUE(back);
  std::string again;
  llvm::raw_string_ostream os(again);
  ASSERT_TRUE(succeeded(exportFlatBuffers(*back, os)));
  EXPECT_EQ(first, again);
}

TEST_F(FlatBuffersTest, CorruptFilesNeverCrash) {
  std::string good = exportGraph();
  ScopedDiagnosticHandler quiet(&ctx, [](Diagnostic &) { return success(); });
  unsigned rejected = 0;
  for (size_t n = 0; n < good.size(); ++n)
    rejected += !importFlatBuffers(StringRef(good).take_front(n), "t", &ctx);
  EXPECT_EQ(rejected, good.size());
  // Every byte inverted, and every bit of the first 256 bytes flipped: read
  // or rejected, never a crash (under ASan: never an out-of-bounds read).
  for (size_t i = 0; i < good.size(); ++i) {
    std::string bad = good;
    bad[i] = ~bad[i];
    (void)importFlatBuffers(bad, "t", &ctx);
  }
  for (size_t i = 0; i < std::min<size_t>(good.size(), 256) * 8; ++i) {
    std::string bad = good;
    bad[i / 8] ^= 1 << (i % 8);
    (void)importFlatBuffers(bad, "t", &ctx);
  }
}

} // namespace
