//===- Nd4jIndexOps.td - nd4j index ops ------------------------------*- tablegen -*-===//
//
// Typed nd4j ops: gathering, scattering, selection, recurrent, random and quantization ops. Included by Nd4jOps.td; their result types are
// inferred in Nd4jIndexOps.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_ND4J_ND4JINDEXOPS_TD
#define ND4J_ND4J_ND4JINDEXOPS_TD

def Nd4j_GatherNdOp : Nd4j_TypedOp<"gather_nd"> {
  let summary = "gathers slices addressed by coordinate tuples";
  let description = [{
    The last dimension of `indices` (`K`, static) holds coordinates into the
    first `K` dimensions of `input`; the result's shape is
    `indices.shape[:-1] + input.shape[K:]`. Coordinates are not wrapped:
    negative ones are out of range.

    ```mlir
    %y = nd4j.gather_nd %x, %i : (tensor<4x5x6xf32>, tensor<3x2xi64>) -> tensor<3x6xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input, Nd4j_Tensor:$indices);
  let results = (outs Nd4j_Tensor:$outputs);
}

// scatter_nd_update and scatter_nd_add: libnd4j's OP_IMPL scatter ops on a
// copy of `input`.
class Nd4j_ScatterNdOp<string mnemonic, string summaryText, string combine>
    : Nd4j_TypedOp<mnemonic> {
  let summary = summaryText;
  let description = [{
    The last dimension of `indices` (`K`, static) addresses slices of the
    first `K` dimensions of `input`; `updates` has the shape
    `indices.shape[:-1] + input.shape[K:]`. The result is `input` with each
    addressed slice }] # combine # [{. The result has `input`'s type.
    Coordinates wrap when negative and are clamped into the input, unless
    `checkIndices` (b_arg 1, after libnd4j's `lock`) is set: then a
    coordinate outside the input fails the run, as libnd4j's check does.

    ```mlir
    %y = nd4j.}] # mnemonic # [{ %x, %i, %u : (tensor<4x4xf32>, tensor<2x1xi64>, tensor<2x4xf32>) -> tensor<4x4xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input, Nd4j_Tensor:$indices,
                       Nd4j_Tensor:$updates, OptionalAttr<BoolAttr>:$lock,
                       OptionalAttr<BoolAttr>:$checkIndices);
  let results = (outs Nd4j_Tensor:$outputs);
  let bArgs = ["lock", "checkIndices"];
}

def Nd4j_ScatterNdUpdateOp : Nd4j_ScatterNdOp<"scatter_nd_update",
    "replaces slices addressed by coordinate tuples",
    "replaced by its update (for repeated coordinates one of them wins)">;
def Nd4j_ScatterNdAddOp : Nd4j_ScatterNdOp<"scatter_nd_add",
    "adds to slices addressed by coordinate tuples",
    "incremented by its updates (repeated coordinates accumulate)">;

def Nd4j_WhereIndicesOp : Nd4j_TypedOp<"where_indices"> {
  let summary = "coordinates of the non-zero elements";
  let description = [{
    libnd4j `Where` with only its condition: one row of `rank` i64
    coordinates per non-zero (true) element of `condition`, in row-major
    order. The number of rows is known only at run time.

    ```mlir
    %y = nd4j.where_indices %c : (tensor<2x3xi1>) -> tensor<?x2xi64>
    ```
  }];
  let libnd4jName = "Where";
  let arguments = (ins Nd4j_Tensor:$condition);
  let results = (outs Nd4j_Tensor:$outputs);
}

def Nd4j_ReverseSequenceOp : Nd4j_TypedOp<"reverse_sequence"> {
  let summary = "reverses the leading part of each sequence";
  let description = [{
    For each index `b` along `batchDim`, the first `seqLengths[b]` elements
    along `seqDim` are reversed; the rest are copied. The result has the
    input's type.

    ```mlir
    %y = nd4j.reverse_sequence %x, %l {seqDim = 0 : i64, batchDim = 1 : i64}
           : (tensor<4x3xf32>, tensor<3xi64>) -> tensor<4x3xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input, Nd4j_Tensor:$seqLengths,
                       Nd4j_I64Attr:$seqDim, Nd4j_I64Attr:$batchDim);
  let results = (outs Nd4j_Tensor:$outputs);
  let iArgs = ["seqDim", "batchDim"];
}

// Not Pure, unlike Nd4j_TypedOp: two draws of one shape are different
// values, so CSE must not merge them.
def Nd4j_RandomUniformOp : Nd4j_Op<"randomuniform",
    [InferTypeOpAdaptorWithIsCompatible]>, Libnd4jDescriptor {
  let summary = "uniformly distributed random values in [min, max)";
  let description = [{
    The result's shape is the 1-D integer `shape` operand (static where it
    is a constant) and its element type `dataType` (d_arg 0), a
    floating-point or integer type (integers are drawn in `[min, max)`);
    `dtype` (i_arg 0) is the same type as libnd4j's DataType number (HALF 3,
    FLOAT 5, DOUBLE 6, INT32 9, INT64 10, BFLOAT16 17, ...), which libnd4j
    reads before the d_arg. With `seed` the generator is reseeded with it;
    without, the graph's random generator continues.

    ```mlir
    %s = nd4j.constant dense<[2, 3]> : tensor<2xi64>
    %y = nd4j.randomuniform %s {dataType = f32, dtype = 5 : i64, max = 1.0 : f64, min = 0.0 : f64, seed = 7 : i64}
           : (tensor<2xi64>) -> tensor<2x3xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$shape, F64Attr:$min, F64Attr:$max,
                       Nd4j_I64Attr:$dtype, OptionalAttr<Nd4j_I64Attr>:$seed,
                       TypeAttr:$dataType);
  let results = (outs Nd4j_Tensor:$outputs);
  let iArgs = ["dtype", "seed"];
  let tArgs = ["min", "max"];
  let dArgs = ["dataType"];
  let assemblyFormat = "operands attr-dict `:` functional-type(operands, results)";
  let extraClassDefinition = [{
    bool $cppClass::isCompatibleReturnTypes(::mlir::TypeRange l,
                                            ::mlir::TypeRange r) {
      return ::mlir::nd4j::areCompatibleResultTypes(l, r);
    }
  }];
}

// scatter_mul, scatter_max, scatter_min: libnd4j's OP_IMPL scatter ops along
// the first dimension, on a copy of `input`.
class Nd4j_ScatterOp<string mnemonic, string combine>
    : Nd4j_TypedOp<mnemonic> {
  let summary = "combines slices along the first dimension with updates";
  let description = [{
    Each element of `indices` names a slice of `input` along its first
    dimension; `updates` has the shape `indices.shape + input.shape[1:]`.
    The result is `input` with each named slice }] # combine # [{ (repeated
    indices combine all their updates). The result has `input`'s type.

    ```mlir
    %y = nd4j.}] # mnemonic # [{ %x, %i, %u : (tensor<4x3xf32>, tensor<2xi64>, tensor<2x3xf32>) -> tensor<4x3xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input, Nd4j_Tensor:$indices,
                       Nd4j_Tensor:$updates);
  let results = (outs Nd4j_Tensor:$outputs);
}

def Nd4j_ScatterMulOp : Nd4j_ScatterOp<"scatter_mul", "multiplied by its updates">;
def Nd4j_ScatterMaxOp : Nd4j_ScatterOp<"scatter_max", "the maximum of itself and its updates">;
def Nd4j_ScatterMinOp : Nd4j_ScatterOp<"scatter_min", "the minimum of itself and its updates">;

#endif // ND4J_ND4J_ND4JINDEXOPS_TD
