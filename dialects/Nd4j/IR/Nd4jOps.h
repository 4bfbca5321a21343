//===- Nd4jOps.h - nd4j operations ---------------------------------*- C++
//-*-===//
//
// Graph structure, generic framework node and typed nd4j ops.
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_DIALECTS_ND4J_IR_ND4JOPS_H
#define ND4J_DIALECTS_ND4J_IR_ND4JOPS_H

#include "dialects/Nd4j/IR/Nd4jDialect.h"
#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

namespace mlir {
namespace nd4j {
/// The framework node name a frontend recorded as an op's location
/// (`NameLoc`, possibly inside a `FusedLoc`), or null.
StringAttr getNodeName(Location loc);

/// A `dense_resource` of `type` holding a copy of `bytes` (its elements in
/// host order, 64-byte aligned), keyed by `name` with the characters a
/// resource key cannot hold replaced by '_' ("tensor" when empty). The
/// importers keep weights this way: printed and parsed as one blob.
ElementsAttr createResourceElements(ShapedType type, StringRef name,
                                    ArrayRef<char> bytes);

/// Declared result types are compatible with inferred ones when element types
/// match and shapes agree wherever both are known.
bool areCompatibleResultTypes(TypeRange inferred, TypeRange declared);
/// Result type of an element-wise unary op: the input's shape, with
/// `element` (null: the input's element type).
LogicalResult inferUnaryResult(Value input, Type element,
                               SmallVectorImpl<Type> &out);
/// Result type of an op along one dimension (softmax): the input's, once
/// `axis` is checked against its rank.
LogicalResult inferUnaryWithAxis(std::optional<Location> loc, Value input,
                                 int64_t axis, SmallVectorImpl<Type> &out);
/// Result type of a reduction of `input` along `dims` (all when empty).
LogicalResult inferReduceResult(std::optional<Location> loc, Value input,
                                ArrayRef<int64_t> dims, bool keepDims,
                                Type element, SmallVectorImpl<Type> &out);
/// The same along dimensions given at run time by the 1-D `axes` operand.
LogicalResult inferReduceAxesResult(std::optional<Location> loc, Value input,
                                    Value axes, ArrayRef<int64_t> dims,
                                    bool keepDims, Type element,
                                    SmallVectorImpl<Type> &out);
/// Result type of a broadcasting binary op: checks that the operands share
/// an element type and broadcast; `element` as above.
LogicalResult inferBroadcastResult(std::optional<Location> loc, Value a,
                                   Value b, Type element,
                                   SmallVectorImpl<Type> &out);
/// libnd4j's DataType number of a tensor element type (BOOL 1, HALF 3,
/// FLOAT 5, DOUBLE 6, INT8..INT64 7-10, UINT8..UINT64 11-14, BFLOAT16 17), or
/// 0 when libnd4j has no such type.
int64_t getLibnd4jDataTypeCode(Type element);
} // namespace nd4j
} // namespace mlir

#define GET_OP_CLASSES
#include "dialects/Nd4j/IR/Nd4jOps.h.inc"

#endif // ND4J_DIALECTS_ND4J_IR_ND4JOPS_H
