//===- nd4j-opt.cpp - nd4j-mlir optimizer driver
//----------------------------===//
//
// mlir-opt with our dialects and passes.
//
//===----------------------------------------------------------------------===//

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "nd4j-mlir/InitAll.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  mlir::nd4j::registerAllDialects(registry);
  mlir::nd4j::registerAllPasses();
  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "nd4j-mlir optimizer driver\n", registry));
}
