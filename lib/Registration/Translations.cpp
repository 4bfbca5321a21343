//===- Translations.cpp - nd4j-translate's importers and exporters
//----------===//
//
// `--import-onnx`: ONNX model → nd4j dialect, with the import rules applied
// (built-in, C++ user rules, and `--import-rules` files) unless
// `--keep-generic` asks for the framework nodes as imported.
//
//===----------------------------------------------------------------------===//

#include "nd4j-mlir/InitAll.h"

#include "lib/Frontend/ONNX/OnnxImporter.h"
#include "lib/Registration/ModelImport.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/InitAllTranslations.h"
#include "mlir/Tools/mlir-translate/Translation.h"
#include "passes/Import/ImportRules.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/SourceMgr.h"

using namespace mlir;
using namespace mlir::nd4j;

namespace {
llvm::cl::OptionCategory category("nd4j import options");

llvm::cl::opt<bool> keepGeneric(
    "keep-generic",
    llvm::cl::desc("Stop after import: keep every framework node as a generic "
                   "nd4j.node (no import rules)"),
    llvm::cl::cat(category));

llvm::cl::list<std::string> importRuleFiles(
    "import-rules",
    llvm::cl::desc("PDL (.mlir) or PDLL (.pdll) import-rule file, applied "
                   "before the built-in rules (repeatable)"),
    llvm::cl::value_desc("file"), llvm::cl::cat(category));

llvm::cl::opt<bool> allowUnhandled(
    "allow-unhandled",
    llvm::cl::desc("Leave nodes no rule handles generic instead of failing"),
    llvm::cl::cat(category));

llvm::cl::opt<int64_t> onnxOpset(
    "onnx-opset",
    llvm::cl::desc("Convert ONNX models to this opset before importing"),
    llvm::cl::init(0), llvm::cl::cat(category));

llvm::cl::opt<bool>
    onnxNoCheck("onnx-no-check",
                llvm::cl::desc("Skip onnx::checker on ONNX models"),
                llvm::cl::cat(category));

OwningOpRef<ModuleOp> importOnnx(llvm::SourceMgr &sourceMgr, MLIRContext *ctx) {
  const llvm::MemoryBuffer *buffer =
      sourceMgr.getMemoryBuffer(sourceMgr.getMainFileID());
  OnnxImportOptions options;
  options.runChecker = !onnxNoCheck;
  if (onnxOpset > 0)
    options.targetOpset = onnxOpset;
  OwningOpRef<ModuleOp> module =
      importOnnxModel(buffer->getMemBufferRef(), ctx, options);
  if (!module)
    return nullptr;
  if (!keepGeneric &&
      failed(applyImportRules(*module, importRuleFiles, allowUnhandled)))
    return nullptr;
  return module;
}
} // namespace

bool mlir::nd4j::isModelFile(StringRef path) {
  return path.ends_with(".onnx") || path.ends_with(".onnxtxt");
}

OwningOpRef<ModuleOp> mlir::nd4j::importModelFile(llvm::SourceMgr &sourceMgr,
                                                  MLIRContext *ctx) {
  return importOnnx(sourceMgr, ctx);
}

void mlir::nd4j::registerAllTranslations() {
  TranslateToMLIRRegistration importOnnxRegistration(
      "import-onnx", "Import an ONNX model (.onnx, or .onnxtxt text syntax)",
      importOnnx,
      [](DialectRegistry &registry) { registerAllDialects(registry); });
  // The last step of the CPU and GPU paths: LLVM dialect → LLVM IR.
  registerToLLVMIRTranslation();
}
