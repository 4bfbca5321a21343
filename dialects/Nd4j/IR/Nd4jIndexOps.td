//===- Nd4jIndexOps.td - nd4j index ops ------------------------------*- tablegen -*-===//
//
// Typed nd4j ops: gathering, scattering, selection, recurrent, random and quantization ops. Included by Nd4jOps.td; their result types are
// inferred in Nd4jIndexOps.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_ND4J_ND4JINDEXOPS_TD
#define ND4J_ND4J_ND4JINDEXOPS_TD

#endif // ND4J_ND4J_ND4JINDEXOPS_TD
