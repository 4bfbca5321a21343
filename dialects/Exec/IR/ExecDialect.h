//===- ExecDialect.h - nd4j_exec dialect ---------------------------*- C++
//-*-===//
//
// The ordered-argument execution dialect (libnd4j's calling convention).
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_DIALECTS_EXEC_IR_EXECDIALECT_H
#define ND4J_DIALECTS_EXEC_IR_EXECDIALECT_H

#include "mlir/IR/Dialect.h"

#include "dialects/Exec/IR/ExecDialect.h.inc"

#endif // ND4J_DIALECTS_EXEC_IR_EXECDIALECT_H
