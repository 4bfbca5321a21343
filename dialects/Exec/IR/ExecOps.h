//===- ExecOps.h - nd4j_exec operations ----------------------------*- C++
//-*-===//
//
// Graph container, variables and libnd4j op calls of the nd4j_exec dialect.
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_DIALECTS_EXEC_IR_EXECOPS_H
#define ND4J_DIALECTS_EXEC_IR_EXECOPS_H

#include "dialects/Exec/IR/ExecDialect.h"
#include "dialects/Exec/IR/ExecEnums.h"
#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#define GET_ATTRDEF_CLASSES
#include "dialects/Exec/IR/ExecAttrs.h.inc"

#define GET_OP_CLASSES
#include "dialects/Exec/IR/ExecOps.h.inc"

namespace mlir {
namespace nd4j {
enum class ArgKind : uint8_t; // dialects/Common/OpDescriptor.h
namespace exec {
/// Number of slots `node` fills in its argument list of kind `k`.
size_t getNumSlots(NodeOp node, ArgKind k);
} // namespace exec
} // namespace nd4j
} // namespace mlir

#endif // ND4J_DIALECTS_EXEC_IR_EXECOPS_H
