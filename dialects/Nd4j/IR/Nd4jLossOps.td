//===- Nd4jLossOps.td - nd4j loss ops --------------------------------*- tablegen -*-===//
//
// Typed nd4j ops: loss functions and the ops they are composed from. Included by Nd4jOps.td; their result types are
// inferred in Nd4jLossOps.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_ND4J_ND4JLOSSOPS_TD
#define ND4J_ND4J_ND4JLOSSOPS_TD

def Nd4j_OneHotOp : Nd4j_TypedOp<"onehot"> {
  let summary = "one-hot encoding of indices along a new dimension";
  let description = [{
    The result has the input's shape with a dimension of extent `depth`
    inserted at `dimensions` (negative counts from the end of the result's
    dimensions): `on` where that dimension's index equals the input element,
    `off` elsewhere, including for indices outside `[0, depth)`. `depth`,
    `on` and `off` are tensors whose first element libnd4j reads (so they
    may be computed at run time; the new dimension is `?` unless `depth` is a
    constant). The result's element type is `dtype`.

    ```mlir
    %y = nd4j.onehot %i, %depth, %on, %off {dimensions = -1 : i64, dtype = f32}
           : (tensor<3xi64>, tensor<i64>, tensor<f32>, tensor<f32>) -> tensor<3x?xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input, Nd4j_Tensor:$depth,
                       Nd4j_Tensor:$on, Nd4j_Tensor:$off,
                       Nd4j_I64Attr:$dimensions, TypeAttr:$dtype);
  let results = (outs Nd4j_Tensor:$outputs);
  let iArgs = ["dimensions"];
  let dArgs = ["dtype"];
}

def Nd4j_MatrixDeterminantOp : Nd4j_TypedOp<"matrix_determinant"> {
  let summary = "determinants of the innermost square matrices";
  let description = [{
    The input is `[..., M, M]`; the result `[...]` holds the determinant of
    each `M x M` matrix.

    ```mlir
    %d = nd4j.matrix_determinant %x : (tensor<3x2x2xf32>) -> tensor<3xf32>
    ```
  }];
  let arguments = (ins Nd4j_FloatTensor:$input);
  let results = (outs Nd4j_Tensor:$outputs);
}

def Nd4j_MatrixDiagPartOp : Nd4j_TypedOp<"matrix_diag_part"> {
  let summary = "main diagonals of the innermost matrices";
  let description = [{
    The input is `[..., M, N]`; the result `[..., min(M, N)]` holds element
    `[..., i, i]` of each matrix.

    ```mlir
    %d = nd4j.matrix_diag_part %x : (tensor<3x4x4xf32>) -> tensor<3x4xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input);
  let results = (outs Nd4j_Tensor:$outputs);
}

#endif // ND4J_ND4J_ND4JLOSSOPS_TD
