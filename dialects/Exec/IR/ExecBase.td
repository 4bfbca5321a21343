//===- ExecBase.td - nd4j_exec dialect definition -----------*- tablegen -*-===//
//
// The ordered-argument execution dialect: libnd4j's calling convention, one op
// per executed nd4j op, inside a graph container that maps one-to-one onto the
// SameDiff FlatGraph.
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_EXEC_EXECBASE_TD
#define ND4J_EXEC_EXECBASE_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/EnumAttr.td"

def Exec_Dialect : Dialect {
  let name = "nd4j_exec";
  let cppNamespace = "::mlir::nd4j::exec";
  let summary = "libnd4j's ordered-argument form of nd4j programs";
  let description = [{
    `nd4j_exec` is what nd4j itself executes. Each `nd4j_exec.node` is one
    libnd4j op call in its calling convention: the op name and FlatBuffers op
    type, the input tensors, then the ordered argument lists `t_args`
    (floating point), `i_args` (integer), `b_args` (bool), `d_args` (data
    types), `s_args` (strings) and, for legacy reductions, the `axis`
    (FlatNode `dimensions`). Graph inputs, weights and trainable variables are
    `nd4j_exec.placeholder`, `nd4j_exec.constant` and `nd4j_exec.variable`;
    all of them live in an `nd4j_exec.graph`, so a graph maps one-to-one onto
    a SameDiff `FlatGraph` (variables, nodes, placeholders, outputs).

    Ops whose libnd4j name has a declared descriptor (a typed `nd4j` op's
    ODS declaration) have their input and argument counts verified against
    it. Ops without one (e.g. read from a SameDiff file) are kept opaque.
  }];
  let useDefaultAttributePrinterParser = 1;
}

// FlatBuffers `OpType` (samediff-flatbuffers.md §3.4); the numeric values are
// the bytes stored in FlatNode.opType.
def Exec_OpType : I32EnumAttr<"OpType", "FlatBuffers op type", [
    I32EnumAttrCase<"TRANSFORM_FLOAT", 0, "transform_float">,
    I32EnumAttrCase<"TRANSFORM_SAME", 1, "transform_same">,
    I32EnumAttrCase<"TRANSFORM_BOOL", 2, "transform_bool">,
    I32EnumAttrCase<"TRANSFORM_STRICT", 3, "transform_strict">,
    I32EnumAttrCase<"TRANSFORM_ANY", 4, "transform_any">,
    I32EnumAttrCase<"REDUCE_FLOAT", 5, "reduce_float">,
    I32EnumAttrCase<"REDUCE_SAME", 6, "reduce_same">,
    I32EnumAttrCase<"REDUCE_LONG", 7, "reduce_long">,
    I32EnumAttrCase<"REDUCE_BOOL", 8, "reduce_bool">,
    I32EnumAttrCase<"INDEX_REDUCE", 9, "index_reduce">,
    I32EnumAttrCase<"SCALAR", 10, "scalar">,
    I32EnumAttrCase<"SCALAR_BOOL", 11, "scalar_bool">,
    I32EnumAttrCase<"BROADCAST", 12, "broadcast">,
    I32EnumAttrCase<"BROADCAST_BOOL", 13, "broadcast_bool">,
    I32EnumAttrCase<"PAIRWISE", 14, "pairwise">,
    I32EnumAttrCase<"PAIRWISE_BOOL", 15, "pairwise_bool">,
    I32EnumAttrCase<"REDUCE_3", 16, "reduce_3">,
    I32EnumAttrCase<"SUMMARYSTATS", 17, "summarystats">,
    I32EnumAttrCase<"RANDOM", 20, "random">,
    I32EnumAttrCase<"CUSTOM", 21, "custom">,
    I32EnumAttrCase<"LOGIC", 119, "logic">,
    I32EnumAttrCase<"UDF", 120, "udf">]> {
  let cppNamespace = "::mlir::nd4j::exec";
  let genSpecializedAttr = 0;
}

def Exec_OpTypeAttr : EnumAttr<Exec_Dialect, Exec_OpType, "op_type"> {
  let assemblyFormat = "`<` $value `>`";
}

#endif // ND4J_EXEC_EXECBASE_TD
