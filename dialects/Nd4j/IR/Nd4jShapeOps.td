//===- Nd4jShapeOps.td - nd4j shape ops ------------------------*- tablegen -*-===//
//
// Typed nd4j ops: ops whose shapes, axes or bounds may be computed at run
// time, and shape-producing ops. Included by Nd4jOps.td; their result types
// are inferred in Nd4jShapeOps.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_ND4J_ND4JSHAPEOPS_TD
#define ND4J_ND4J_ND4JSHAPEOPS_TD

def Nd4j_FillOp : Nd4j_TypedOp<"fill"> {
  let summary = "a tensor of a run-time shape filled with one value";
  let description = [{
    `shape` is a 1-D integer tensor; the result has that shape (dimensions
    unknown unless `shape` is a constant), element type `dtype` and every
    element `value`.

    ```mlir
    %y = nd4j.fill %s {dtype = f32, value = 1.0 : f64} : (tensor<2xi64>) -> tensor<?x?xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$shape, F64Attr:$value, TypeAttr:$dtype);
  let results = (outs Nd4j_Tensor:$outputs);
  let tArgs = ["value"];
  let dArgs = ["dtype"];
}

def Nd4j_ReverseOp : Nd4j_TypedOp<"reverse"> {
  let summary = "reverses the order of elements along dimensions";
  let description = [{
    ```mlir
    %y = nd4j.reverse %x {dimensions = array<i64: 1>} : (tensor<2x3xf32>) -> tensor<2x3xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input, DenseI64ArrayAttr:$dimensions);
  let results = (outs Nd4j_Tensor:$outputs);
  let iArgs = ["dimensions"];
}

def Nd4j_RangeOp : Nd4j_TypedOp<"range"> {
  let summary = "the sequence from, from + step, ... below to";
  let description = [{
    `from`, `to` and `step` are scalars of one numeric type, given at run
    time; the result is 1-D of element type `dtype` with
    `max(ceil((to - from) / step), 0)` elements (unknown here).

    ```mlir
    %y = nd4j.range %a, %b, %c {dtype = f32} : (tensor<f32>, tensor<f32>, tensor<f32>) -> tensor<?xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$from, Nd4j_Tensor:$to, Nd4j_Tensor:$step,
                       TypeAttr:$dtype);
  let results = (outs Nd4j_Tensor:$outputs);
  let dArgs = ["dtype"];
}

def Nd4j_CumSumOp : Nd4j_TypedOp<"cumsum"> {
  let summary = "cumulative sum along a run-time dimension";
  let description = [{
    `dimensions` is an integer scalar or 1-element tensor naming the axis
    (negative counts from the end). `exclusive` 1 leaves out the element
    itself, `reverse` 1 sums from the end.

    ```mlir
    %y = nd4j.cumsum %x, %axis {exclusive = 0 : i64, reverse = 1 : i64} : (tensor<5xf64>, tensor<i32>) -> tensor<5xf64>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input, Nd4j_Tensor:$dimensions,
                       Nd4j_I64Attr:$exclusive, Nd4j_I64Attr:$reverse);
  let results = (outs Nd4j_Tensor:$outputs);
  let iArgs = ["exclusive", "reverse"];
}

def Nd4j_ShiftBitsOp : Nd4j_BroadcastBinaryOp<"shift_bits",
    "element-wise left shift of `input` by `y` bits">;
def Nd4j_RShiftBitsOp : Nd4j_BroadcastBinaryOp<"rshift_bits",
    "element-wise logical right shift of `input` by `y` bits">;

def Nd4j_BooleanNotOp : Nd4j_TransformOp<"boolean_not", "element-wise logical not",
                                         Libnd4j_Custom, 0,
                                         "::mlir::IntegerType::get(ctx, 1)">;

def Nd4j_TopKOp : Nd4j_TypedOp<"top_k"> {
  let summary = "the k largest elements along the last dimension";
  let description = [{
    `values` holds the `k` largest elements of each row of the last
    dimension (in descending order with `needSort`), `indices` their
    positions.

    ```mlir
    %v, %i = nd4j.top_k %x {k = 3 : i64, needSort = true} : (tensor<3x4xf32>) -> (tensor<3x3xf32>, tensor<3x3xi64>)
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input, Nd4j_I64Attr:$k, BoolAttr:$needSort);
  let results = (outs Nd4j_Tensor:$values, Nd4j_Tensor:$indices);
  let iArgs = ["k"];
  let bArgs = ["needSort"];
}

#endif // ND4J_ND4J_ND4JSHAPEOPS_TD
