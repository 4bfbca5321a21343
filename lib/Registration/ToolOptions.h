//===- ToolOptions.h - what the tools' --help and --version show -*- C++
//-*-===//
//
// The tools link all of LLVM and MLIR, which register hundreds of command-line
// options (every back end's). `--help` shows ours, grouped by category, and a
// few MLIR debugging options; the rest stay reachable with `--help-hidden`.
// `--version` prints our version and the LLVM/MLIR release.
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_LIB_REGISTRATION_TOOLOPTIONS_H
#define ND4J_LIB_REGISTRATION_TOOLOPTIONS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/CommandLine.h"

namespace mlir {
namespace nd4j {

/// The import options' category (--import-rules, --input-shape, ...).
llvm::cl::OptionCategory &getImportOptionCategory();

/// Call after every option is registered, before parsing: hides the options
/// outside `shown` (and the import options and a few MLIR ones), and sets
/// the --version printer for `tool`. `showPasses` keeps the pass flags of
/// an opt-like tool visible.
void prepareToolOptions(llvm::StringRef tool,
                        llvm::ArrayRef<llvm::cl::OptionCategory *> shown,
                        bool showPasses = false);

} // namespace nd4j
} // namespace mlir

#endif // ND4J_LIB_REGISTRATION_TOOLOPTIONS_H
