//===- RuleFiles.cpp - user import rules loaded at run time
//-----------------===//
//
// PDL files parse straight into a PDLPatternModule. PDLL has no in-process
// parser in the installed MLIR, so `.pdll` files are lowered by the
// `mlir-pdll` tool (`-x=mlir`) in a subprocess; a missing tool is a clear
// error.
//
//===----------------------------------------------------------------------===//

#include "passes/Import/RuleFiles.h"

#include "dialects/Nd4j/IR/Nd4jOps.h"
#include "mlir/Dialect/PDL/IR/PDL.h"
#include "mlir/Dialect/PDL/IR/PDLOps.h"
#include "mlir/Dialect/PDLInterp/IR/PDLInterp.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Parser/Parser.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/SourceMgr.h"

using namespace mlir;
using namespace mlir::nd4j;

namespace {

StringRef nodeNameOf(Operation *op) {
  StringAttr name = getNodeName(op->getLoc());
  return name ? name.getValue() : StringRef();
}

LogicalResult nodeNameMatches(PatternRewriter &, Operation *op,
                              Attribute regex) {
  auto pattern = dyn_cast<StringAttr>(regex);
  if (!pattern)
    return failure();
  llvm::Regex re(("^(" + pattern.getValue() + ")$").str());
  return success(re.isValid() && re.match(nodeNameOf(op)));
}

LogicalResult nodeNamed(PatternRewriter &, Operation *op, Attribute name) {
  auto s = dyn_cast<StringAttr>(name);
  return success(s && s.getValue() == nodeNameOf(op));
}

LogicalResult frameworkAttrEquals(PatternRewriter &, Operation *op,
                                  Attribute name, Attribute value) {
  auto node = dyn_cast<NodeOp>(op);
  auto key = dyn_cast<StringAttr>(name);
  return success(node && key && node.getAttrs().get(key) == value);
}

void setFrameworkAttr(PatternRewriter &rewriter, Operation *op, Attribute name,
                      Attribute value) {
  auto node = dyn_cast<NodeOp>(op);
  auto key = dyn_cast<StringAttr>(name);
  if (!node || !key)
    return;
  NamedAttrList attrs(node.getAttrs());
  attrs.set(key, value);
  rewriter.modifyOpInPlace(
      node, [&] { node.setAttrsAttr(attrs.getDictionary(op->getContext())); });
}

/// Finds mlir-pdll: on PATH, else next to the LLVM tools we were built with.
std::optional<std::string> findMlirPdll() {
  if (auto onPath = llvm::sys::findProgramByName("mlir-pdll"))
    return *onPath;
  if (auto inLlvm =
          llvm::sys::findProgramByName("mlir-pdll", {ND4J_LLVM_TOOLS_DIR}))
    return *inLlvm;
  return std::nullopt;
}

/// Lowers a .pdll file to PDL text by running mlir-pdll.
FailureOr<std::unique_ptr<llvm::MemoryBuffer>>
lowerPdll(MLIRContext *ctx, StringRef file, Location loc) {
  std::optional<std::string> tool = findMlirPdll();
  if (!tool)
    return emitError(loc) << "cannot load PDLL rule file '" << file
                          << "': the mlir-pdll tool is not installed "
                             "(Debian package mlir-22-tools)";
  SmallString<128> outPath, errPath;
  if (llvm::sys::fs::createTemporaryFile("nd4j-rules", "mlir", outPath) ||
      llvm::sys::fs::createTemporaryFile("nd4j-rules", "err", errPath))
    return emitError(loc) << "cannot create a temporary file for '" << file
                          << "'";
  llvm::FileRemover removeOut(outPath), removeErr(errPath);
  std::string fileArg = file.str();
  SmallVector<StringRef> args = {*tool, "-x=mlir", fileArg};
  std::optional<StringRef> redirects[] = {std::nullopt, StringRef(outPath),
                                          StringRef(errPath)};
  std::string execError;
  int rc = llvm::sys::ExecuteAndWait(*tool, args, std::nullopt, redirects,
                                     /*SecondsToWait=*/60, /*MemoryLimit=*/0,
                                     &execError);
  if (rc != 0) {
    auto err = llvm::MemoryBuffer::getFile(errPath);
    return emitError(loc) << "mlir-pdll rejected rule file '" << file << "'"
                          << (execError.empty() ? "" : ": ") << execError
                          << (err ? ":\n" + (*err)->getBuffer().str() : "");
  }
  auto out = llvm::MemoryBuffer::getFile(outPath);
  if (!out)
    return emitError(loc) << "cannot read mlir-pdll's output for '" << file
                          << "'";
  return std::move(*out);
}

} // namespace

void mlir::nd4j::registerImportRuleNatives(PDLPatternModule &module) {
  module.registerConstraintFunction("NodeNameMatches", nodeNameMatches);
  module.registerConstraintFunction("NodeNamed", nodeNamed);
  module.registerConstraintFunction("FrameworkAttrEquals", frameworkAttrEquals);
  module.registerRewriteFunction("SetFrameworkAttr", setFrameworkAttr);
}

FailureOr<FrozenRewritePatternSet>
mlir::nd4j::loadRuleFiles(MLIRContext *ctx, ArrayRef<std::string> files) {
  ctx->loadDialect<pdl::PDLDialect, pdl_interp::PDLInterpDialect>();
  RewritePatternSet patterns(ctx);
  for (const std::string &file : files) {
    Location loc = FileLineColLoc::get(ctx, file, 0, 0);
    std::unique_ptr<llvm::MemoryBuffer> buffer;
    if (StringRef(file).ends_with(".pdll")) {
      auto lowered = lowerPdll(ctx, file, loc);
      if (failed(lowered))
        return failure();
      buffer = std::move(*lowered);
    } else {
      auto read = llvm::MemoryBuffer::getFile(file);
      if (!read)
        return emitError(loc) << "cannot open rule file '" << file
                              << "': " << read.getError().message();
      buffer = std::move(*read);
    }
    llvm::SourceMgr sourceMgr;
    sourceMgr.AddNewSourceBuffer(std::move(buffer), SMLoc());
    OwningOpRef<ModuleOp> module =
        parseSourceFile<ModuleOp>(sourceMgr, ParserConfig(ctx));
    if (!module)
      return emitError(loc)
             << "rule file '" << file << "' is not a valid PDL module";
    if (module->getOps<pdl::PatternOp>().empty())
      return emitError(loc)
             << "rule file '" << file << "' holds no pdl.pattern";
    PDLPatternModule pdlModule(std::move(module));
    registerImportRuleNatives(pdlModule);
    patterns.add(std::move(pdlModule));
  }
  return FrozenRewritePatternSet(std::move(patterns));
}
