//===- nd4j-translate.cpp - nd4j-mlir import/export driver
//------------------===//
//
// mlir-translate with our translations (model importers and exporters).
//
//===----------------------------------------------------------------------===//

#include "mlir/Tools/mlir-translate/MlirTranslateMain.h"
#include "nd4j-mlir/InitAll.h"

int main(int argc, char **argv) {
  mlir::nd4j::registerAllTranslations();
  return mlir::failed(
      mlir::mlirTranslateMain(argc, argv, "nd4j-mlir translation driver"));
}
