//===- InitAll.cpp - register everything nd4j-mlir provides
//-----------------===//
//
// Implements include/nd4j-mlir/InitAll.h.
//
//===----------------------------------------------------------------------===//

#include "nd4j-mlir/InitAll.h"

#include "dialects/Exec/IR/ExecDialect.h"
#include "dialects/Nd4j/IR/Nd4jDialect.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/PDL/IR/PDL.h"
#include "mlir/Dialect/PDLInterp/IR/PDLInterp.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Transforms/Passes.h"
#include "passes/Conversion/Passes.h"
#include "passes/Import/Passes.h"
#include "passes/Pipelines/Pipelines.h"

void mlir::nd4j::registerAllDialects(DialectRegistry &registry) {
  registry.insert<Nd4jDialect, exec::ExecDialect, arith::ArithDialect,
                  func::FuncDialect, linalg::LinalgDialect, math::MathDialect,
                  tensor::TensorDialect, pdl::PDLDialect,
                  pdl_interp::PDLInterpDialect>();
  registerPipelineDialects(registry);
}

void mlir::nd4j::registerAllPasses() {
  registerConversionPasses();
  registerImportPasses();
  registerPipelines();
  // The generic cleanups users combine with ours.
  registerCanonicalizerPass();
  registerInlinerPass();
  registerCSEPass();
  registerSymbolDCEPass();
}
