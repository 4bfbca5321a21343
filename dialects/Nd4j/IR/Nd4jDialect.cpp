//===- Nd4jDialect.cpp - nd4j dialect registration
//--------------------------===//
//
// Registers the nd4j ops and types and materializes folded constants.
//
//===----------------------------------------------------------------------===//

#include "dialects/Nd4j/IR/Nd4jDialect.h"
#include "dialects/Nd4j/IR/Nd4jOps.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace mlir::nd4j;

#include "dialects/Nd4j/IR/Nd4jDialect.cpp.inc"

#define GET_TYPEDEF_CLASSES
#include "dialects/Nd4j/IR/Nd4jTypes.cpp.inc"

void Nd4jDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "dialects/Nd4j/IR/Nd4jOps.cpp.inc"
      >();
  addTypes<
#define GET_TYPEDEF_LIST
#include "dialects/Nd4j/IR/Nd4jTypes.cpp.inc"
      >();
}

Operation *Nd4jDialect::materializeConstant(OpBuilder &builder, Attribute value,
                                            Type type, Location loc) {
  auto elements = dyn_cast<ElementsAttr>(value);
  if (!elements || elements.getType() != type)
    return nullptr;
  return ConstantOp::create(builder, loc, type, elements, StringAttr());
}
