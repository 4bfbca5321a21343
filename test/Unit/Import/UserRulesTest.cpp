//===- UserRulesTest.cpp - C++ user import rules
//----------------------------===//
//
// The C++ registration API of docs/ImportRules.md: a user rule replaces
// nodes matched by name, a user rule adjusts a node and lets the built-in
// rule continue, and user rules precede built-in ones.
//
//===----------------------------------------------------------------------===//

#include "lib/Frontend/ONNX/OnnxImporter.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "nd4j-mlir/InitAll.h"
#include "passes/Import/ImportRules.h"
#include "llvm/Support/MemoryBuffer.h"
#include "gtest/gtest.h"

using namespace mlir;
using namespace mlir::nd4j;

namespace {

const char *kModel = R"(<
  ir_version: 8,
  opset_import: ["" : 16]
>
g (float[2, 3] X) => (float[2, 3] a, float[2, 3] special_b, float[2, 3] s)
{
  a = Relu(X)
  special_b = Relu(X)
  s = Softmax <axis = 0> (X)
}
)";

class UserRulesTest : public ::testing::Test {
protected:
  UserRulesTest() : ctx(makeRegistry()) { ctx.loadAllAvailableDialects(); }
  static DialectRegistry makeRegistry() {
    DialectRegistry registry;
    registerAllDialects(registry);
    return registry;
  }
  OwningOpRef<ModuleOp> import() {
    auto buffer = llvm::MemoryBuffer::getMemBuffer(kModel, "model.onnxtxt");
    return importOnnxModel(buffer->getMemBufferRef(), &ctx);
  }
  MLIRContext ctx;
};

TEST_F(UserRulesTest, ReplaceByNodeNameAndContinue) {
  ImportRuleRegistry registry;
  registerOnnxImportRules(registry);
  // Replace: Relu nodes whose name starts with "special" get cutoff 2.
  registry.addUser(ImportRule("onnx", "Relu",
                              [](ImportNode &node, PatternRewriter &rewriter) {
                                Value y = ReluOp::create(
                                    rewriter, node.loc, node.input(0),
                                    rewriter.getF64FloatAttr(2.0));
                                return node.replaceWith(rewriter, y);
                              })
                       .forNodesMatching("special.*"));
  // Adjust and continue: softmax along the last axis instead; the built-in
  // Softmax rule then builds the op from the adjusted attributes.
  registry.addUser(ImportRule(
      "onnx", "Softmax", [](ImportNode &node, PatternRewriter &rewriter) {
        node.attrs.set("axis", rewriter.getI64IntegerAttr(-1));
        return RuleResult::Continue;
      }));

  OwningOpRef<ModuleOp> module = import();
  ASSERT_TRUE(module);
  ASSERT_TRUE(succeeded(applyImportRules(*module, registry)));

  SmallVector<double> cutoffs;
  module->walk(
      [&](ReluOp op) { cutoffs.push_back(op.getCutoff().convertToDouble()); });
  EXPECT_EQ(cutoffs, (SmallVector<double>{0.0, 2.0}));
  int64_t axis = 0;
  module->walk([&](SoftmaxOp op) { axis = op.getDimension(); });
  EXPECT_EQ(axis, -1);
}

TEST_F(UserRulesTest, UserRulesPrecedeBuiltinOnes) {
  ImportRuleRegistry registry;
  registerOnnxImportRules(registry);
  registry.addUser(
      ImportRule("onnx", "Relu", [](ImportNode &, PatternRewriter &) {
        return RuleResult::NotApplicable;
      }));
  registry.addUser(
      ImportRule("onnx", "Relu", [](ImportNode &, PatternRewriter &) {
        return RuleResult::NotApplicable;
      }).forNodeNamed("a"));
  SmallVector<const ImportRule *> rules =
      registry.lookup("onnx", "Relu", 16, "a");
  ASSERT_EQ(rules.size(), 3u);
  EXPECT_EQ(rules[0]->nodeName, "a"); // user rule naming the node
  EXPECT_TRUE(rules[1]->isUser);      // other user rule
  EXPECT_FALSE(rules[2]->isUser);     // built-in
  EXPECT_EQ(registry.lookup("onnx", "Relu", 16, "b").size(), 2u);
}

TEST_F(UserRulesTest, OpsetRangesAndBadRegexes) {
  ImportRuleRegistry registry;
  auto none = [](ImportNode &, PatternRewriter &) {
    return RuleResult::NotApplicable;
  };
  registry.addUser(ImportRule("onnx", "Foo", none).opsets(7, 12));
  EXPECT_EQ(registry.lookup("onnx", "Foo", 6, "n").size(), 0u);
  EXPECT_EQ(registry.lookup("onnx", "Foo", 12, "n").size(), 1u);
  EXPECT_EQ(registry.lookup("onnx", "Foo", 13, "n").size(), 0u);
  registry.addUser(ImportRule("onnx", "Foo", none).forNodesMatching("("));
  EXPECT_NE(registry.takeError().find("invalid node-name regex"),
            std::string::npos);
}

TEST_F(UserRulesTest, EveryOpTypeRulesStripAndNamedRulesDisable) {
  ImportRuleRegistry registry;
  registerOnnxImportRules(registry);
  // A rule for every op type drops the nodes named special...: the output
  // they computed goes with them.
  registry.addUser(ImportRule("onnx", "*",
                              [](ImportNode &node, PatternRewriter &rewriter) {
                                return node.strip(rewriter);
                              })
                       .forNodesMatching("special.*")
                       .named("drop-special"));
  EXPECT_EQ(registry.lookup("onnx", "Softmax", 16, "special_s").size(), 2u);
  EXPECT_EQ(registry.lookup("onnx", "Softmax", 16, "s").size(), 1u);
  OwningOpRef<ModuleOp> module = import();
  ASSERT_TRUE(module);
  ASSERT_TRUE(succeeded(applyImportRules(*module, registry)));
  SmallVector<StringRef> names;
  module->walk([&](OutputOp out) {
    for (Attribute n : out.getNames())
      names.push_back(cast<StringAttr>(n).getValue());
  });
  EXPECT_EQ(names, (SmallVector<StringRef>{"a", "s"}));

  // Disabled by name, the rule no longer applies.
  EXPECT_FALSE(registry.disable("no-such-rule"));
  EXPECT_TRUE(registry.disable("drop-special"));
  EXPECT_EQ(registry.lookup("onnx", "Relu", 16, "special_b").size(), 1u);
  module = import();
  ASSERT_TRUE(succeeded(applyImportRules(*module, registry)));
  names.clear();
  module->walk([&](OutputOp out) {
    for (Attribute n : out.getNames())
      names.push_back(cast<StringAttr>(n).getValue());
  });
  EXPECT_EQ(names, (SmallVector<StringRef>{"a", "special_b", "s"}));
}

} // namespace
