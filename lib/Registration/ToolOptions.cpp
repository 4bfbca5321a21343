//===- ToolOptions.cpp - what the tools' --help and --version show --------===//

#include "lib/Registration/ToolOptions.h"

#include "llvm/Config/llvm-config.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
using namespace mlir::nd4j;

#ifndef ND4J_MLIR_VERSION
#define ND4J_MLIR_VERSION "unknown"
#endif

llvm::cl::OptionCategory &mlir::nd4j::getImportOptionCategory() {
  static llvm::cl::OptionCategory category("nd4j import options");
  return category;
}

static llvm::cl::OptionCategory &getMlirCategory() {
  static llvm::cl::OptionCategory category(
      "MLIR options", "The MLIR pass-manager options most useful for "
                      "debugging; --help-hidden lists all");
  return category;
}

void mlir::nd4j::prepareToolOptions(
    llvm::StringRef tool, llvm::ArrayRef<llvm::cl::OptionCategory *> shown,
    bool showPasses) {
  static std::string toolName;
  toolName = tool.str();
  llvm::cl::SetVersionPrinter([](llvm::raw_ostream &os) {
    os << toolName << " (nd4j-mlir) " << ND4J_MLIR_VERSION << "\n"
       << "  built with LLVM/MLIR " << LLVM_VERSION_STRING << "\n";
  });
  static const char *const kShownMlirOptions[] = {
      "mlir-timing", "mlir-print-ir-after-failure", "mlir-print-ir-after-all",
      "mlir-disable-threading"};
  // LLVM's own generic options (its GenericCategory is not exposed).
  static const char *const kGenericOptions[] = {
      "help",    "help-list",     "help-hidden",      "help-list-hidden",
      "version", "print-options", "print-all-options"};
  llvm::cl::OptionCategory *import = &getImportOptionCategory();
  for (auto &entry : llvm::cl::getRegisteredOptions()) {
    llvm::StringRef name = entry.first;
    llvm::cl::Option *option = entry.second;
    bool ours = llvm::is_contained(kGenericOptions, name);
    for (llvm::cl::OptionCategory *category : option->Categories)
      ours |= category == import || llvm::is_contained(shown, category);
    if (ours)
      continue;
    if (llvm::is_contained(kShownMlirOptions, name)) {
      option->Categories.assign(1, &getMlirCategory());
      continue;
    }
    // An opt tool's pass list (a translate tool's translations) is one
    // unnamed option whose values are the flags.
    // Its values are registered under their own names (--canonicalize,
    // --import-onnx), all pointing at the one unnamed option.
    if (showPasses && option->ArgStr.empty())
      continue;
    if (option->getOptionHiddenFlag() == llvm::cl::NotHidden)
      option->setHiddenFlag(llvm::cl::Hidden);
  }
}
