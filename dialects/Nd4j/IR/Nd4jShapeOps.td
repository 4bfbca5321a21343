//===- Nd4jShapeOps.td - nd4j shape ops ------------------------------*- tablegen -*-===//
//
// Typed nd4j ops: ops whose shapes, axes or bounds may be computed at run time, and shape-producing ops. Included by Nd4jOps.td; their result types are
// inferred in Nd4jShapeOps.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_ND4J_ND4JSHAPEOPS_TD
#define ND4J_ND4J_ND4JSHAPEOPS_TD

#endif // ND4J_ND4J_ND4JSHAPEOPS_TD
