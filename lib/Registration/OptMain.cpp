//===- OptMain.cpp - the nd4j-opt driver
//------------------------------------===//
//
// A model file given as input is imported first and handed to MlirOptMain as
// MLIR bytecode, so weights travel as raw blobs, never as text.
//
//===----------------------------------------------------------------------===//

#include "nd4j-mlir/OptMain.h"

#include "lib/Registration/ModelImport.h"
#include "lib/Registration/ToolOptions.h"
#include "mlir/Bytecode/BytecodeWriter.h"
#include "mlir/Debug/Counter.h"
#include "mlir/IR/AsmState.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/FileUtilities.h"
#include "mlir/Support/Timing.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "nd4j-mlir/InitAll.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/ToolOutputFile.h"

using namespace mlir;

int mlir::nd4j::optMain(int argc, char **argv) {
  DialectRegistry registry;
  registerAllDialects(registry);
  registerAllPasses();
  // registerAndParseCLIOptions, with the options shown by --help trimmed
  // between registering and parsing.
  static llvm::cl::opt<std::string> inputFilenameOpt(
      llvm::cl::Positional, llvm::cl::desc("<input file>"),
      llvm::cl::init("-"));
  static llvm::cl::opt<std::string> outputFilenameOpt(
      "o", llvm::cl::desc("Output filename"), llvm::cl::value_desc("filename"),
      llvm::cl::init("-"));
  MlirOptMainConfig::registerCLOptions(registry);
  registerAsmPrinterCLOptions();
  registerMLIRContextCLOptions();
  registerPassManagerCLOptions();
  registerDefaultTimingManagerCLOptions();
  tracing::DebugCounter::registerCLOptions();
  prepareToolOptions("nd4j-opt", {}, /*showPasses=*/true);
  llvm::cl::ParseCommandLineOptions(
      argc, argv,
      "nd4j-mlir optimizer driver (accepts .mlir and model files)\n");
  std::string inputFilename = inputFilenameOpt,
              outputFilename = outputFilenameOpt;
  MlirOptMainConfig config = MlirOptMainConfig::createFromCLOptions();

  std::string error;
  // Bytecode resource sections (weights) are read in place and must be
  // aligned: a small file read onto the heap otherwise is not.
  std::unique_ptr<llvm::MemoryBuffer> input =
      openInputFile(inputFilename, llvm::Align(64), &error);
  if (!input) {
    llvm::errs() << error << "\n";
    return 1;
  }
  if (isModelFile(inputFilename, input->getBuffer())) {
    MLIRContext ctx(registry);
    llvm::SourceMgr sourceMgr;
    sourceMgr.AddNewSourceBuffer(std::move(input), llvm::SMLoc());
    SourceMgrDiagnosticHandler handler(sourceMgr, &ctx);
    OwningOpRef<ModuleOp> module = importModelFile(sourceMgr, &ctx);
    if (!module)
      return 1;
    std::string bytecode;
    llvm::raw_string_ostream os(bytecode);
    if (failed(writeBytecodeToFile(*module, os)))
      return 1;
    // Resource sections in bytecode are read in place: keep them aligned.
    std::unique_ptr<llvm::WritableMemoryBuffer> aligned =
        llvm::WritableMemoryBuffer::getNewUninitMemBuffer(
            bytecode.size(), inputFilename, llvm::Align(64));
    llvm::copy(bytecode, aligned->getBufferStart());
    input = std::move(aligned);
  }
  std::unique_ptr<llvm::ToolOutputFile> output =
      openOutputFile(outputFilename, &error);
  if (!output) {
    llvm::errs() << error << "\n";
    return 1;
  }
  if (failed(MlirOptMain(output->os(), std::move(input), registry, config)))
    return 1;
  output->keep();
  return 0;
}
