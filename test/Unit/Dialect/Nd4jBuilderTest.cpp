//===- Nd4jBuilderTest.cpp - building nd4j IR from C++
//----------------------===//
//
// What a frontend or import rule does: builds typed nd4j ops through the C++
// API with inferred result types, then legalizes them with the generic
// descriptor-driven patterns.
//
//===----------------------------------------------------------------------===//

#include "dialects/Exec/IR/ExecOps.h"
#include "dialects/Nd4j/IR/Nd4jOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Pass/PassManager.h"
#include "nd4j-mlir/InitAll.h"
#include "passes/Conversion/Passes.h"
#include "gtest/gtest.h"

using namespace mlir;
using namespace mlir::nd4j;

namespace {

class Nd4jBuilderTest : public ::testing::Test {
protected:
  Nd4jBuilderTest() : ctx(makeRegistry()) { ctx.loadAllAvailableDialects(); }
  static DialectRegistry makeRegistry() {
    DialectRegistry registry;
    registerAllDialects(registry);
    return registry;
  }
  MLIRContext ctx;
};

TEST_F(Nd4jBuilderTest, InfersConvResultAndLegalizes) {
  OpBuilder b(&ctx);
  Location loc = b.getUnknownLoc();
  OwningOpRef<ModuleOp> module = ModuleOp::create(loc);
  b.setInsertionPointToEnd(module->getBody());
  auto graph = GraphOp::create(b, loc, "g");
  b.setInsertionPointToStart(&graph.getBody().front());

  Type f32 = b.getF32Type();
  auto x = PlaceholderOp::create(b, loc,
                                 RankedTensorType::get({1, 8, 8, 3}, f32), "x");
  auto wType = RankedTensorType::get({3, 3, 3, 16}, f32);
  auto w = ConstantOp::create(
      b, loc, wType, DenseElementsAttr::get(wType, 0.5f), b.getStringAttr("w"));
  // NHWC input (libnd4j reads isNCHW as "is NHWC"), [kH, kW, iC, oC]
  // weights, SAME padding, stride 2.
  auto conv = Conv2DOp::create(
      b, NameLoc::get(b.getStringAttr("conv")), x, w, Value(),
      /*kH=*/3, /*kW=*/3, /*sH=*/2, /*sW=*/2, /*pH=*/0, /*pW=*/0, /*dH=*/1,
      /*dW=*/1, /*isSameMode=*/1, /*isNCHW=*/1, /*wFormat=*/0);
  EXPECT_EQ(conv.getType(), RankedTensorType::get({1, 4, 4, 16}, f32));
  graph.getBody().front().getTerminator()->erase();
  b.setInsertionPointToEnd(&graph.getBody().front());
  OutputOp::create(b, loc, ValueRange{conv}, b.getStrArrayAttr({"y"}));
  ASSERT_TRUE(succeeded(verify(*module)));

  PassManager pm(&ctx);
  pm.addPass(createConvertNd4jToExecPass());
  ASSERT_TRUE(succeeded(pm.run(*module)));

  exec::NodeOp node;
  module->walk([&](exec::NodeOp n) { node = n; });
  ASSERT_TRUE(node);
  EXPECT_EQ(node.getOpName(), "conv2d");
  EXPECT_EQ(node.getOpType(), exec::OpType::CUSTOM);
  ASSERT_TRUE(node.getIArgs().has_value());
  EXPECT_EQ(SmallVector<int64_t>(*node.getIArgs()),
            (SmallVector<int64_t>{3, 3, 2, 2, 0, 0, 1, 1, 1, 1, 0}));
  EXPECT_EQ(node.getName(), "conv");
  ASSERT_TRUE(node.getOutputNames().has_value());
  EXPECT_EQ(cast<StringAttr>((*node.getOutputNames())[0]).getValue(), "y");
}

TEST_F(Nd4jBuilderTest, InferenceReportsBadShapes) {
  OpBuilder b(&ctx);
  Type f32 = b.getF32Type();
  OwningOpRef<ModuleOp> module = ModuleOp::create(b.getUnknownLoc());
  b.setInsertionPointToEnd(module->getBody());
  auto x = PlaceholderOp::create(b, b.getUnknownLoc(),
                                 RankedTensorType::get({2, 3}, f32), "x");
  auto y = PlaceholderOp::create(b, b.getUnknownLoc(),
                                 RankedTensorType::get({4, 5}, f32), "y");
  std::string message;
  ScopedDiagnosticHandler handler(&ctx, [&](Diagnostic &d) {
    message += d.str() + "\n";
    return success();
  });
  // Built with an explicit result type, so inference runs in the verifier.
  auto mm = MatmulOp::create(
      b, b.getUnknownLoc(), RankedTensorType::get({2, 5}, f32), x, y,
      b.getI64IntegerAttr(0), b.getI64IntegerAttr(0), b.getI64IntegerAttr(0),
      b.getF64FloatAttr(1.0), b.getF64FloatAttr(0.0));
  EXPECT_TRUE(failed(verify(mm)));
  EXPECT_NE(message.find("contracting dimensions differ"), std::string::npos)
      << message;
}

} // namespace
