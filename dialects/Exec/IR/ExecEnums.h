//===- ExecEnums.h - nd4j_exec enums -------------------------------*- C++
//-*-===//
//
// The FlatBuffers op type enum, generated from ExecBase.td. Kept apart from
// the dialect so that descriptor tables can use it without the IR.
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_DIALECTS_EXEC_IR_EXECENUMS_H
#define ND4J_DIALECTS_EXEC_IR_EXECENUMS_H

#include "mlir/Support/LLVM.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdint>
#include <optional>

#include "dialects/Exec/IR/ExecEnums.h.inc"

#endif // ND4J_DIALECTS_EXEC_IR_EXECENUMS_H
