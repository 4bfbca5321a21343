//===- nd4j-translate.cpp - nd4j-mlir import/export driver
//------------------===//
//
// mlir-translate with our translations (model importers and exporters).
//
//===----------------------------------------------------------------------===//

#include "nd4j-mlir/TranslateMain.h"

int main(int argc, char **argv) {
  return mlir::nd4j::translateMain(argc, argv);
}
