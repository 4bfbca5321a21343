//===- Nd4jLinalgOps.td - nd4j linear algebra ops -------------*- tablegen -*-===//
//
// Typed nd4j ops: linear systems and factorizations of batched matrices
// (solve, triangular_solve, cholesky, lu, log_matrix_determinant) and the
// special functions that go with them (digamma, zeta, polygamma, tf_atan2).
// Included by Nd4jOps.td; result types are inferred in Nd4jLinalgOps.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_ND4J_ND4JLINALGOPS_TD
#define ND4J_ND4J_ND4JLINALGOPS_TD

//===----------------------------------------------------------------------===//
// Special functions
//===----------------------------------------------------------------------===//

def Nd4j_DigammaOp : Nd4j_TransformOp<"digamma",
    "the digamma function, the derivative of lgamma">;

def Nd4j_ZetaOp : Nd4j_TypedOp<"zeta"> {
  let summary = "Hurwitz zeta function sum((k + q) ^ -input)";
  let description = [{
    Element-wise over two floating-point tensors of one shape (libnd4j's
    `zeta` does not broadcast): `sum over k >= 0 of (k + q) ^ -input`.

    ```mlir
    %y = nd4j.zeta %x, %q : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input, Nd4j_Tensor:$q);
  let results = (outs Nd4j_Tensor:$outputs);
}

def Nd4j_PolygammaOp : Nd4j_TypedOp<"polygamma"> {
  let summary = "the n-th derivative of the digamma function";
  let description = [{
    Element-wise over two floating-point tensors of one shape (libnd4j's
    `polygamma` does not broadcast): the `n`-th derivative of digamma at
    `input`, `n` holding non-negative integral values.

    ```mlir
    %y = nd4j.polygamma %n, %x : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$n, Nd4j_Tensor:$input);
  let results = (outs Nd4j_Tensor:$outputs);
}

// libnd4j's descriptor names the operands (y, input): the angle of the point
// (input, y), TF's Atan2(y, x) with its operands in their order.
def Nd4j_TfAtan2Op : Nd4j_TypedOp<"tf_atan2">, Nd4j_InferBroadcast {
  let summary = "element-wise atan2(y, input), the angle of the point (input, y)";
  let description = [{
    Broadcasting; the result is in `[-pi, pi]`. The operand order is
    libnd4j's: `y` first.

    ```mlir
    %a = nd4j.tf_atan2 %y, %x : (tensor<3x1xf32>, tensor<1x4xf32>) -> tensor<3x4xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$y, Nd4j_Tensor:$input);
  let results = (outs Nd4j_Tensor:$outputs);
}

//===----------------------------------------------------------------------===//
// Linear systems and factorizations
//===----------------------------------------------------------------------===//

def Nd4j_SolveOp : Nd4j_TypedOp<"solve"> {
  let summary = "solves batched square linear systems";
  let description = [{
    For `a` `[..., M, M]` and `b` `[..., M, K]` (one floating-point type,
    one batch shape), the result `[..., M, K]` is `x` with `a x = b`, or
    `a^T x = b` with `useAdjoint`.

    ```mlir
    %x = nd4j.solve %a, %b {useAdjoint = false} : (tensor<2x3x3xf32>, tensor<2x3x1xf32>) -> tensor<2x3x1xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$a, Nd4j_Tensor:$b, BoolAttr:$useAdjoint);
  let results = (outs Nd4j_Tensor:$outputs);
  let bArgs = ["useAdjoint"];
}

def Nd4j_TriangularSolveOp : Nd4j_TypedOp<"triangular_solve"> {
  let summary = "solves batched triangular linear systems";
  let description = [{
    As `solve`, with `a` triangular: only its lower (`isLower`) or upper
    triangle is read. `useAdjoint` solves with the transpose of that
    triangle.

    ```mlir
    %x = nd4j.triangular_solve %a, %b {isLower = true, useAdjoint = false} : (tensor<3x3xf32>, tensor<3x2xf32>) -> tensor<3x2xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$a, Nd4j_Tensor:$b, BoolAttr:$isLower,
                       BoolAttr:$useAdjoint);
  let results = (outs Nd4j_Tensor:$outputs);
  let bArgs = ["isLower", "useAdjoint"];
}

def Nd4j_CholeskyOp : Nd4j_TypedOp<"cholesky"> {
  let summary = "Cholesky factors of batched symmetric positive-definite matrices";
  let description = [{
    For symmetric positive-definite `input` `[..., M, M]`, the lower
    triangular `L` with `L L^T = input`, of the input's type.

    ```mlir
    %l = nd4j.cholesky %x : (tensor<2x3x3xf32>) -> tensor<2x3x3xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input);
  let results = (outs Nd4j_Tensor:$outputs);
}

def Nd4j_LuOp : Nd4j_TypedOp<"lu"> {
  let summary = "LU factorization of batched square matrices with row pivoting";
  let description = [{
    For `input` `[..., M, M]`, `outputs` packs the unit lower triangular `L`
    (below the diagonal) and `U` (on and above it) with `P input = L U`;
    `p` `[..., M]` of integer type `dtype` (`i32` or `i64`) lists the rows
    of `input` in their order in `P input`.

    ```mlir
    %lu, %p = nd4j.lu %x {dtype = i32} : (tensor<3x3xf32>) -> (tensor<3x3xf32>, tensor<3xi32>)
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input, TypeAttr:$dtype);
  let results = (outs Nd4j_Tensor:$outputs, Nd4j_Tensor:$p);
  let dArgs = ["dtype"];
}

def Nd4j_LogMatrixDeterminantOp : Nd4j_TypedOp<"log_matrix_determinant"> {
  let summary = "log of the absolute determinants of batched square matrices";
  let description = [{
    The input is `[..., M, M]`; the result `[...]` holds `log(|det|)` of
    each `M x M` matrix (`-inf` for a singular one).

    ```mlir
    %d = nd4j.log_matrix_determinant %x : (tensor<3x2x2xf32>) -> tensor<3xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input);
  let results = (outs Nd4j_Tensor:$outputs);
}

#endif // ND4J_ND4J_ND4JLINALGOPS_TD
