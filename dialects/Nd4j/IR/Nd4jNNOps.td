//===- Nd4jNNOps.td - nd4j nn ops ------------------------------------*- tablegen -*-===//
//
// Typed nd4j ops: neural-network ops: transposed convolution, resizing, sampling, pooling variants, activations. Included by Nd4jOps.td; their result types are
// inferred in Nd4jNNOps.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_ND4J_ND4JNNOPS_TD
#define ND4J_ND4J_ND4JNNOPS_TD

#endif // ND4J_ND4J_ND4JNNOPS_TD
