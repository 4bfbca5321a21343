//===- OpDescriptorTest.cpp - the generated descriptor table
//----------------===//
//
// Checks the descriptor table generated from ODS: lookups, slot bounds,
// agreement with the registered nd4j ops, and libnd4j's op-name hash.
//
//===----------------------------------------------------------------------===//

#include "dialects/Common/OpDescriptor.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/OperationSupport.h"
#include "nd4j-mlir/InitAll.h"
#include "gtest/gtest.h"

using namespace mlir;
using namespace mlir::nd4j;

namespace {

TEST(OpDescriptor, LooksUpByOpNameAndLibnd4jName) {
  const OpDescriptor *conv = lookupDescriptorByOpName("nd4j.conv2d");
  ASSERT_NE(conv, nullptr);
  EXPECT_EQ(conv->libnd4jName, "conv2d");
  EXPECT_EQ(conv->opType, exec::OpType::CUSTOM);
  EXPECT_EQ(lookupDescriptorByLibnd4jName("conv2d", exec::OpType::CUSTOM),
            conv);
  EXPECT_EQ(lookupDescriptorByLibnd4jName("conv2d", exec::OpType::SCALAR),
            nullptr);
  EXPECT_EQ(lookupDescriptorByOpName("nd4j.no_such_op"), nullptr);
  EXPECT_EQ(lookupDescriptorByLibnd4jName("no_such_op", exec::OpType::CUSTOM),
            nullptr);
}

TEST(OpDescriptor, Conv2DSlotsIncludeWFormat) {
  const OpDescriptor *conv = lookupDescriptorByOpName("nd4j.conv2d");
  ASSERT_NE(conv, nullptr);
  ArrayRef<ArgSpec> iArgs = conv->getArgs(ArgKind::I);
  ASSERT_EQ(iArgs.size(), 11u);
  const char *expected[] = {"kH", "kW", "sH",         "sW",     "pH",     "pW",
                            "dH", "dW", "isSameMode", "isNCHW", "wFormat"};
  for (unsigned i = 0; i < 11; ++i)
    EXPECT_EQ(iArgs[i].attrName, expected[i]) << "slot " << i;
  EXPECT_EQ(conv->getMinSlots(ArgKind::I), 11u);
  EXPECT_EQ(conv->getMaxSlots(ArgKind::I), 11u);
  EXPECT_EQ(conv->getMinInputs(), 2u); // bias is optional
  EXPECT_EQ(conv->getMaxInputs(), 3u);
  EXPECT_TRUE(conv->getArgs(ArgKind::T).empty());
}

TEST(OpDescriptor, ArrayAndVariadicBounds) {
  const OpDescriptor *reshape = lookupDescriptorByOpName("nd4j.reshape");
  ASSERT_NE(reshape, nullptr);
  EXPECT_EQ(reshape->getMinSlots(ArgKind::I), 0u);
  EXPECT_EQ(reshape->getMaxSlots(ArgKind::I), std::nullopt);
  const OpDescriptor *concat = lookupDescriptorByOpName("nd4j.concat");
  ASSERT_NE(concat, nullptr);
  EXPECT_EQ(concat->getMinInputs(), 0u);
  EXPECT_EQ(concat->getMaxInputs(), std::nullopt);
  const OpDescriptor *bn = lookupDescriptorByOpName("nd4j.batchnorm");
  ASSERT_NE(bn, nullptr);
  EXPECT_EQ(bn->getMinSlots(ArgKind::I), 2u); // applyScale, applyOffset
  EXPECT_EQ(bn->getMaxSlots(ArgKind::I), std::nullopt);
}

// Every descriptor belongs to a registered nd4j op that has every attribute
// the descriptor names, and every typed op of the first set has one.
TEST(OpDescriptor, MatchesTheRegisteredOps) {
  DialectRegistry registry;
  registerAllDialects(registry);
  MLIRContext ctx(registry);
  ctx.loadAllAvailableDialects();
  for (const OpDescriptor &d : getOpDescriptors()) {
    auto op = RegisteredOperationName::lookup(d.opName, &ctx);
    ASSERT_TRUE(op.has_value()) << d.opName.str();
    auto attrNames = op->getAttributeNames();
    auto has = [&](StringRef name) {
      return llvm::any_of(attrNames,
                          [&](StringAttr a) { return a.getValue() == name; });
    };
    for (unsigned k = 0; k < kNumArgKinds; ++k)
      for (const ArgSpec &a : d.getArgs(static_cast<ArgKind>(k)))
        EXPECT_TRUE(has(a.attrName))
            << d.opName.str() << " lacks " << a.attrName.str();
  }
  for (StringRef name :
       {"conv2d", "matmul", "add", "subtract", "multiply", "divide", "relu",
        "sigmoid", "tanh", "softmax", "reshape", "permute", "concat",
        "maxpool2d", "avgpool2d", "batchnorm", "biasadd", "identity"})
    EXPECT_NE(lookupDescriptorByOpName(("nd4j." + name).str()), nullptr)
        << name.str();
}

// Test vectors from libnd4j's HashUtilsTests and from real SameDiff files
// (samediff-flatbuffers.md §12).
TEST(OpDescriptor, Libnd4jOpHash) {
  EXPECT_EQ(getLibnd4jOpHash("Conv2D"), -1637140380760460323LL);
  EXPECT_EQ(getLibnd4jOpHash("switch"), -1988317239813741487LL);
  EXPECT_EQ(getLibnd4jOpHash("conv2d"), 7325441780195652299LL);
  EXPECT_EQ(getLibnd4jOpHash("matmul"), -273014250715117663LL);
  EXPECT_EQ(getLibnd4jOpHash("add"), -5176033361941572836LL);
  EXPECT_EQ(getLibnd4jOpHash("relu"), -8365266244962726854LL);
  EXPECT_EQ(getLibnd4jOpHash("softmax"), -7532944577593734819LL);
  EXPECT_EQ(getLibnd4jOpHash("reshape"), -299234276746112594LL);
  EXPECT_EQ(getLibnd4jOpHash("maxpool2d"), -5136117949937364487LL);
}

} // namespace
