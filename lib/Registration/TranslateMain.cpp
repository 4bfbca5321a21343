//===- TranslateMain.cpp - the nd4j-translate driver ----------------------===//
//
// The options and behaviour of mlirTranslateMain, with one difference: the
// input reaches the translation as it was opened. mlirTranslateMain copies
// every input onto the heap (to null-terminate split chunks), which for a
// 100 MB model doubles the peak memory of an export before the translation
// has run. Here the file is opened once, null-terminated and 64-byte aligned
// (mapped when large), and only the chunks of -split-input-file are copied.
//
//===----------------------------------------------------------------------===//

#include "nd4j-mlir/TranslateMain.h"

#include "lib/Registration/ToolOptions.h"
#include "mlir/IR/AsmState.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Support/FileUtilities.h"
#include "mlir/Support/Timing.h"
#include "mlir/Support/ToolUtilities.h"
#include "mlir/Tools/mlir-translate/Translation.h"
#include "nd4j-mlir/InitAll.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/ToolOutputFile.h"

using namespace mlir;

namespace {
/// The alignment of MLIR bytecode resource blobs (our weights): inputs at
/// least this aligned let the bytecode reader reference them in place.
constexpr llvm::Align kInputAlign = llvm::Align::Constant<64>();

/// A null-terminated copy of `data` aligned to `align`.
std::unique_ptr<llvm::MemoryBuffer> copyBuffer(StringRef data, StringRef name,
                                               llvm::Align align) {
  std::unique_ptr<llvm::WritableMemoryBuffer> copy =
      llvm::WritableMemoryBuffer::getNewUninitMemBuffer(data.size(), name,
                                                        align);
  llvm::copy(data, copy->getBufferStart());
  return copy;
}
} // namespace

int mlir::nd4j::translateMain(int argc, char **argv) {
  static llvm::cl::opt<std::string> inputFilename(
      llvm::cl::Positional, llvm::cl::desc("<input file>"),
      llvm::cl::init("-"));
  static llvm::cl::opt<std::string> outputFilename(
      "o", llvm::cl::desc("Output filename"), llvm::cl::value_desc("filename"),
      llvm::cl::init("-"));
  static llvm::cl::opt<bool> allowUnregisteredDialects(
      "allow-unregistered-dialect",
      llvm::cl::desc("Allow operation with no registered dialects "
                     "(discouraged: testing only!)"));
  static llvm::cl::opt<std::string> inputSplitMarker{
      "split-input-file", llvm::cl::ValueOptional,
      llvm::cl::callback([](const std::string &str) {
        if (str.empty())
          inputSplitMarker.setValue(kDefaultSplitMarker);
      }),
      llvm::cl::desc("Split the input file into chunks using the given or "
                     "default marker and process each chunk independently"),
      llvm::cl::init("")};
  static llvm::cl::opt<SourceMgrDiagnosticVerifierHandler::Level>
      verifyDiagnostics{
          "verify-diagnostics", llvm::cl::ValueOptional,
          llvm::cl::desc("Check that emitted diagnostics match expected-* "
                         "lines on the corresponding line"),
          llvm::cl::values(
              clEnumValN(SourceMgrDiagnosticVerifierHandler::Level::All, "all",
                         "Check all diagnostics (expected, unexpected, "
                         "near-misses)"),
              clEnumValN(SourceMgrDiagnosticVerifierHandler::Level::All, "",
                         "Check all diagnostics (expected, unexpected, "
                         "near-misses)"),
              clEnumValN(
                  SourceMgrDiagnosticVerifierHandler::Level::OnlyExpected,
                  "only-expected", "Check only expected diagnostics"))};
  static llvm::cl::opt<bool> errorDiagnosticsOnly(
      "error-diagnostics-only",
      llvm::cl::desc("Filter all non-error diagnostics "
                     "(discouraged: testing only!)"));
  static llvm::cl::opt<std::string> outputSplitMarker(
      "output-split-marker",
      llvm::cl::desc("Split marker to use for merging the output"),
      llvm::cl::init(""));

  registerAllTranslations();
  llvm::cl::list<const Translation *, bool, TranslationParser>
      translationsRequested("", llvm::cl::desc("Translations to perform"),
                            llvm::cl::Required);
  registerAsmPrinterCLOptions();
  registerMLIRContextCLOptions();
  registerTranslationCLOptions();
  registerDefaultTimingManagerCLOptions();
  prepareToolOptions("nd4j-translate", {}, /*showPasses=*/true);
  llvm::cl::ParseCommandLineOptions(argc, argv, "nd4j-mlir translation driver");

  DefaultTimingManager tm;
  applyDefaultTimingManagerCLOptions(tm);
  TimingScope timing = tm.getRootScope();

  llvm::Align align = kInputAlign;
  if (auto requested = translationsRequested[0]->getInputAlignment())
    align = std::max(align, *requested);
  std::string errorMessage;
  std::unique_ptr<llvm::MemoryBuffer> input =
      openInputFile(inputFilename, align, &errorMessage);
  if (!input) {
    llvm::errs() << errorMessage << "\n";
    return 1;
  }
  std::unique_ptr<llvm::ToolOutputFile> output =
      openOutputFile(outputFilename, &errorMessage);
  if (!output) {
    llvm::errs() << errorMessage << "\n";
    return 1;
  }

  bool split = !inputSplitMarker.empty();
  auto processBuffer = [&](std::unique_ptr<llvm::MemoryBuffer> buffer,
                           raw_ostream &os) -> LogicalResult {
    // A chunk of -split-input-file points into the input: not terminated.
    if (split)
      buffer =
          copyBuffer(buffer->getBuffer(), buffer->getBufferIdentifier(), align);
    // Each translation of a chain reads the previous one's output.
    std::string dataOut;
    for (size_t i = 0, e = translationsRequested.size(); i < e; ++i) {
      const Translation *translation = translationsRequested[i];
      TimingScope translationTiming =
          timing.nest(translation->getDescription());
      llvm::raw_string_ostream dataStream(dataOut);
      raw_ostream &out = i + 1 == e ? os : dataStream;

      MLIRContext context;
      context.allowUnregisteredDialects(allowUnregisteredDialects);
      context.printOpOnDiagnostic(verifyDiagnostics.getNumOccurrences() == 0);
      auto sourceMgr = std::make_shared<llvm::SourceMgr>();
      sourceMgr->AddNewSourceBuffer(std::move(buffer), SMLoc());
      LogicalResult result = success();
      if (verifyDiagnostics.getNumOccurrences()) {
        // Whether the translation fails is what the expected-* lines say.
        SourceMgrDiagnosticVerifierHandler handler(*sourceMgr, &context,
                                                   verifyDiagnostics);
        (void)(*translation)(sourceMgr, os, &context);
        result = handler.verify();
      } else {
        SourceMgrDiagnosticHandler handler(*sourceMgr, &context);
        std::optional<ScopedDiagnosticHandler> errorsOnly;
        if (errorDiagnosticsOnly)
          errorsOnly.emplace(&context, [](Diagnostic &diag) {
            return success(diag.getSeverity() != DiagnosticSeverity::Error);
          });
        result = (*translation)(sourceMgr, out, &context);
      }
      if (failed(result))
        return failure();
      if (i + 1 < e) {
        buffer = copyBuffer(dataOut, translation->getDescription(), align);
        dataOut.clear();
      }
    }
    return success();
  };
  if (failed(splitAndProcessBuffer(std::move(input), processBuffer,
                                   output->os(), inputSplitMarker,
                                   outputSplitMarker)))
    return 1;
  output->keep();
  return 0;
}
