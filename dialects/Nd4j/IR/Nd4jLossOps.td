//===- Nd4jLossOps.td - nd4j loss ops --------------------------------*- tablegen -*-===//
//
// Typed nd4j ops: loss functions and the ops they are composed from. Included by Nd4jOps.td; their result types are
// inferred in Nd4jLossOps.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_ND4J_ND4JLOSSOPS_TD
#define ND4J_ND4J_ND4JLOSSOPS_TD

#endif // ND4J_ND4J_ND4JLOSSOPS_TD
