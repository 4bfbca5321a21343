//===- Nd4jDialect.h - nd4j dialect ---------------------------------*- C++
//-*-===//
//
// The attribute-based import dialect and its types.
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_DIALECTS_ND4J_IR_ND4JDIALECT_H
#define ND4J_DIALECTS_ND4J_IR_ND4JDIALECT_H

#include "mlir/IR/Dialect.h"

#include "dialects/Nd4j/IR/Nd4jDialect.h.inc"

#define GET_TYPEDEF_CLASSES
#include "dialects/Nd4j/IR/Nd4jTypes.h.inc"

#endif // ND4J_DIALECTS_ND4J_IR_ND4JDIALECT_H
