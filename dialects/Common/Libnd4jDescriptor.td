//===- Libnd4jDescriptor.td - libnd4j op descriptors declared in ODS -------===//
//
// The single place where a typed nd4j op says how it executes in libnd4j:
// its libnd4j op name, its FlatBuffers op type (CUSTOM, or a legacy class
// with its legacy op number) and which named attribute fills which ordered
// argument slot (t_args, i_args, b_args, d_args, s_args) or the legacy
// `dimensions` list. `nd4j-tblgen -gen-nd4j-descriptors` turns these fields
// into the descriptor table read by `convert-nd4j-to-exec` and by the
// nd4j_exec verifier; `-gen-nd4j-descriptor-docs` into docs/.
//
// Slot-list entries name attributes of the op. An IntegerAttr/FloatAttr/
// BoolAttr/TypeAttr/StringAttr fills one slot; a dense array or ArrayAttr
// fills as many consecutive slots as it has elements (e.g. reshape's
// `shapeArr`). An absent optional attribute fills nothing, so optional
// attributes may only appear at the end of a list.
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_COMMON_LIBND4JDESCRIPTOR_TD
#define ND4J_COMMON_LIBND4JDESCRIPTOR_TD

// FlatBuffers OpType names (samediff-flatbuffers.md §3.4).
class Libnd4jOpType<string n> { string name = n; }
def Libnd4j_Custom          : Libnd4jOpType<"CUSTOM">;
def Libnd4j_TransformFloat  : Libnd4jOpType<"TRANSFORM_FLOAT">;
def Libnd4j_TransformSame   : Libnd4jOpType<"TRANSFORM_SAME">;
def Libnd4j_TransformBool   : Libnd4jOpType<"TRANSFORM_BOOL">;
def Libnd4j_TransformStrict : Libnd4jOpType<"TRANSFORM_STRICT">;
def Libnd4j_TransformAny    : Libnd4jOpType<"TRANSFORM_ANY">;
def Libnd4j_ReduceFloat     : Libnd4jOpType<"REDUCE_FLOAT">;
def Libnd4j_ReduceSame      : Libnd4jOpType<"REDUCE_SAME">;
def Libnd4j_ReduceLong      : Libnd4jOpType<"REDUCE_LONG">;
def Libnd4j_ReduceBool      : Libnd4jOpType<"REDUCE_BOOL">;
def Libnd4j_IndexReduce     : Libnd4jOpType<"INDEX_REDUCE">;
def Libnd4j_Scalar          : Libnd4jOpType<"SCALAR">;
def Libnd4j_ScalarBool      : Libnd4jOpType<"SCALAR_BOOL">;
def Libnd4j_Broadcast       : Libnd4jOpType<"BROADCAST">;
def Libnd4j_Pairwise        : Libnd4jOpType<"PAIRWISE">;
def Libnd4j_PairwiseBool    : Libnd4jOpType<"PAIRWISE_BOOL">;
def Libnd4j_Random          : Libnd4jOpType<"RANDOM">;
def Libnd4j_Logic           : Libnd4jOpType<"LOGIC">;

// Mixed into a typed op to declare how it executes in libnd4j.
class Libnd4jDescriptor {
  // libnd4j op name; empty means the op's mnemonic.
  string libnd4jName = "";
  Libnd4jOpType libnd4jOpType = Libnd4j_Custom;
  // Legacy op number (LegacyOpMapper) for non-CUSTOM op types.
  int libnd4jOpNum = 0;
  // Attribute names per argument kind, in libnd4j slot order.
  list<string> tArgs = [];
  list<string> iArgs = [];
  list<string> bArgs = [];
  list<string> dArgs = [];
  list<string> sArgs = [];
  // Attribute holding the legacy `dimensions` (axis) list, if any.
  string axisArg = "";
  // Slots that libnd4j reads although nd4j-op-def.pbtxt omits them (e.g.
  // conv2d's wFormat), as "<kind>:<name>"; the descriptor cross-check
  // accepts exactly these beyond the reference. "<kind>:<name>=<ref>" says
  // that the reference calls our slot <name> by the name <ref> (where its
  // generator garbled it, as strided_slice's "e").
  list<string> undeclaredInReference = [];
}

#endif // ND4J_COMMON_LIBND4JDESCRIPTOR_TD
