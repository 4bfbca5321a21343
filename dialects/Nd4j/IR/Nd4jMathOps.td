//===- Nd4jMathOps.td - nd4j math ops --------------------------*- tablegen -*-===//
//
// Typed nd4j ops: element-wise special functions, bitwise ops, boolean
// reductions, matrix (diagonal, band, inverse), block/space rearrangement,
// segment reductions and colour-space conversions. Included by Nd4jOps.td;
// result types the shared classes do not infer are inferred in
// Nd4jMathOps.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_ND4J_ND4JMATHOPS_TD
#define ND4J_ND4J_ND4JMATHOPS_TD

//===----------------------------------------------------------------------===//
// Element-wise
//===----------------------------------------------------------------------===//

def Nd4j_Log1pOp : Nd4j_TransformOp<"log1p", "log(1 + x), accurate near 0",
                                    Libnd4j_TransformStrict, 44>;
def Nd4j_IsFiniteOp : Nd4j_TransformOp<"isfinite", "true where neither infinite nor NaN",
                                       Libnd4j_TransformBool, 3,
                                       "::mlir::IntegerType::get(ctx, 1)">;
def Nd4j_LgammaOp : Nd4j_TransformOp<"lgamma", "log of the absolute value of the gamma function">;
def Nd4j_ToggleBitsOp : Nd4j_TransformOp<"toggle_bits", "bitwise not of integers">;

def Nd4j_BitwiseAndOp : Nd4j_BroadcastBinaryOp<"bitwise_and", "element-wise bitwise and of integers">;
def Nd4j_BitwiseOrOp : Nd4j_BroadcastBinaryOp<"bitwise_or", "element-wise bitwise or of integers">;
def Nd4j_BitwiseXorOp : Nd4j_BroadcastBinaryOp<"bitwise_xor", "element-wise bitwise xor of integers">;
// libnd4j's floordiv divides in the element type and then floors: integer
// operands truncate, so importers use it for floating-point operands only.
def Nd4j_FloorDivOp : Nd4j_BroadcastBinaryOp<"floordiv", "floor(input / y)">;
def Nd4j_IgammaOp : Nd4j_BroadcastBinaryOp<"igamma",
    "regularized lower incomplete gamma function P(input, y)">;
def Nd4j_IgammacOp : Nd4j_BroadcastBinaryOp<"igammac",
    "regularized upper incomplete gamma function Q(input, y)">;

def Nd4j_BetaincOp : Nd4j_TypedOp<"betainc"> {
  let summary = "regularized incomplete beta function I_input(a, b)";
  let description = [{
    Element-wise over three tensors of one shape and floating-point type
    (libnd4j's `betainc` does not broadcast).

    ```mlir
    %y = nd4j.betainc %a, %b, %x : (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$a, Nd4j_Tensor:$b, Nd4j_Tensor:$input);
  let results = (outs Nd4j_Tensor:$outputs);
}

def Nd4j_BitcastOp : Nd4j_TypedOp<"bitcast"> {
  let summary = "reinterprets the bytes of a tensor as another element type";
  let description = [{
    The bytes are kept; the element type becomes `dtype` (d_arg 0), and
    `newType` (i_arg 0) is the same type as libnd4j's DataType number (BOOL 1,
    HALF 3, FLOAT 5, DOUBLE 6, INT8 7, INT16 8, INT32 9, INT64 10, UINT8 11,
    UINT16 12, UINT32 13, UINT64 14, BFLOAT16 17), which is what libnd4j
    reads. To a smaller element the result gains a last dimension of the size
    ratio; to a bigger element the input's last dimension must be the ratio
    and is dropped.

    ```mlir
    %y = nd4j.bitcast %x {dtype = i16, newType = 8 : i64} : (tensor<3xf32>) -> tensor<3x2xi16>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input, Nd4j_I64Attr:$newType,
                       TypeAttr:$dtype);
  let results = (outs Nd4j_Tensor:$outputs);
  let iArgs = ["newType"];
  let dArgs = ["dtype"];
}

//===----------------------------------------------------------------------===//
// Boolean reductions
//===----------------------------------------------------------------------===//

// libnd4j's `all` and `any` are legacy reduce-bool ops: the dimensions go to
// the node's axis list, keepDims to its first b_arg (SameDiff's FlatBuffers
// writer follows it with the "new format" flag).
class Nd4j_ReduceBoolOp<string mnemonic, string summaryText, int num>
    : Nd4j_TypedOp<mnemonic> {
  let summary = summaryText;
  let description = [{
    Reduces along `dimensions` (all of them when empty; negative counts from
    the end) to a bool; `keepDims` keeps the reduced dimensions with extent
    1. Executes as libnd4j's legacy REDUCE_BOOL op #}] # num # [{.

    ```mlir
    %y = nd4j.}] # mnemonic # [{ %x {dimensions = array<i64: 1>, keepDims = false} : (tensor<2x3xi1>) -> tensor<2xi1>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input, DenseI64ArrayAttr:$dimensions,
                       BoolAttr:$keepDims);
  let results = (outs Nd4j_Tensor:$outputs);
  let bArgs = ["keepDims"];
  let axisArg = "dimensions";
  let libnd4jOpType = Libnd4j_ReduceBool;
  let libnd4jOpNum = num;
  let inferDefinition = [{
    ::llvm::LogicalResult $cppClass::inferReturnTypes(
        ::mlir::MLIRContext *ctx, std::optional<::mlir::Location> loc,
        Adaptor adaptor, ::llvm::SmallVectorImpl<::mlir::Type> &out) {
      return ::mlir::nd4j::inferReduceResult(loc, adaptor.getInput(),
          adaptor.getDimensions(), adaptor.getKeepDims(),
          ::mlir::IntegerType::get(ctx, 1), out);
    }
  }];
}

def Nd4j_AllOp : Nd4j_ReduceBoolOp<"all", "true where every element is non-zero", 1>;
def Nd4j_AnyOp : Nd4j_ReduceBoolOp<"any", "true where some element is non-zero", 0>;

//===----------------------------------------------------------------------===//
// Scans, selection and losses
//===----------------------------------------------------------------------===//

def Nd4j_CumProdOp : Nd4j_TypedOp<"cumprod"> {
  let summary = "cumulative product along a run-time dimension";
  let description = [{
    `dimensions` is an integer scalar or 1-element tensor naming the axis
    (negative counts from the end). `exclusive` 1 leaves out the element
    itself (the first product is 1), `reverse` 1 multiplies from the end.

    ```mlir
    %y = nd4j.cumprod %x, %axis {exclusive = 0 : i64, reverse = 0 : i64} : (tensor<3x4xf32>, tensor<i32>) -> tensor<3x4xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input, Nd4j_Tensor:$dimensions,
                       Nd4j_I64Attr:$exclusive, Nd4j_I64Attr:$reverse);
  let results = (outs Nd4j_Tensor:$outputs);
  let iArgs = ["exclusive", "reverse"];
}

def Nd4j_NthElementOp : Nd4j_TypedOp<"nth_element"> {
  let summary = "the n-th smallest (or largest) element along the last dimension";
  let description = [{
    `n` is an integer scalar: the result holds, for each row of the last
    dimension, the element that would be at position `n` after sorting the
    row ascending (`reverse` 0) or descending (`reverse` 1). The result has
    the input's shape without its last dimension.

    ```mlir
    %y = nd4j.nth_element %x, %n {reverse = 0 : i64} : (tensor<3x5xf32>, tensor<i32>) -> tensor<3xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input, Nd4j_Tensor:$n,
                       Nd4j_I64Attr:$reverse);
  let results = (outs Nd4j_Tensor:$outputs);
  let iArgs = ["reverse"];
}

def Nd4j_AdjustHueOp : Nd4j_TypedOp<"adjust_hue"> {
  let summary = "shifts the hue of RGB images";
  let description = [{
    `delta` is a scalar in [-1, 1]; the channels are dimension `dimC`. As
    TensorFlow's AdjustHue: each pixel's hue (from the order of its
    channels and where the middle one lies between the smallest and the
    largest) turns by `delta` of a full turn; the smallest and largest
    channel values stay.

    ```mlir
    %y = nd4j.adjust_hue %x, %d {dimC = 2 : i64} : (tensor<8x8x3xf32>, tensor<f32>) -> tensor<8x8x3xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input, Nd4j_Tensor:$delta,
                       Nd4j_I64Attr:$dimC);
  let results = (outs Nd4j_Tensor:$outputs);
  let iArgs = ["dimC"];
}

def Nd4j_CompareAndBitpackOp : Nd4j_TypedOp<"compare_and_bitpack"> {
  let summary = "packs input > threshold into the bits of bytes";
  let description = [{
    `y` is a scalar threshold of the input's element type. Each group of 8
    elements along the last dimension becomes one `ui8`, the first element
    in the most significant bit; the last dimension must be a multiple of 8.

    ```mlir
    %y = nd4j.compare_and_bitpack %x, %t : (tensor<2x16xf32>, tensor<f32>) -> tensor<2x2xui8>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input, Nd4j_Tensor:$y);
  let results = (outs Nd4j_Tensor:$outputs);
}

def Nd4j_L2LossOp : Nd4j_TypedOp<"l2_loss"> {
  let summary = "half the sum of squares";
  let description = [{
    `sum(input ^ 2) / 2` over all elements, a scalar of the input's element
    type.

    ```mlir
    %y = nd4j.l2_loss %x : (tensor<2x3xf32>) -> tensor<f32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input);
  let results = (outs Nd4j_Tensor:$outputs);
}

def Nd4j_AdjustContrastV2Op : Nd4j_TypedOp<"adjust_contrast_v2"> {
  let summary = "scales each channel's distance from its mean";
  let description = [{
    For images `[..., H, W, C]` (rank 3 or more, floating-point), each
    channel of each image becomes `(x - mean) * factor + mean`, with the
    mean over `H` and `W`. `factor` is a scalar tensor.

    ```mlir
    %y = nd4j.adjust_contrast_v2 %x, %f : (tensor<4x4x3xf32>, tensor<f32>) -> tensor<4x4x3xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input, Nd4j_Tensor:$factor);
  let results = (outs Nd4j_Tensor:$outputs);
}

//===----------------------------------------------------------------------===//
// Matrices
//===----------------------------------------------------------------------===//

def Nd4j_MatrixDiagOp : Nd4j_TypedOp<"matrix_diag"> {
  let summary = "batched diagonal matrices from their diagonals";
  let description = [{
    `diagonal` `[..., n]` becomes `[..., n, n]`, zero off the diagonal.

    ```mlir
    %y = nd4j.matrix_diag %d : (tensor<2x3xf32>) -> tensor<2x3x3xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$diagonal);
  let results = (outs Nd4j_Tensor:$outputs);
}

def Nd4j_MatrixSetDiagOp : Nd4j_TypedOp<"matrix_set_diag"> {
  let summary = "replaces the main diagonal of batched matrices";
  let description = [{
    `input` `[..., m, n]` with its main diagonal replaced by `diagonal`
    `[..., min(m, n)]`.

    ```mlir
    %y = nd4j.matrix_set_diag %x, %d : (tensor<2x3x4xf32>, tensor<2x3xf32>) -> tensor<2x3x4xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input, Nd4j_Tensor:$diagonal);
  let results = (outs Nd4j_Tensor:$outputs);
}

def Nd4j_MatrixBandPartOp : Nd4j_TypedOp<"matrix_band_part"> {
  let summary = "keeps a band around the diagonal of batched matrices";
  let description = [{
    Keeps element `[..., i, j]` of `input` `[..., m, n]` where
    `(minLower < 0 || i - j <= minLower) && (maxUpper < 0 || j - i <=
    maxUpper)`, zeroes the others.

    ```mlir
    %y = nd4j.matrix_band_part %x {maxUpper = -1 : i64, minLower = 0 : i64} : (tensor<3x3xf32>) -> tensor<3x3xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input, Nd4j_I64Attr:$minLower,
                       Nd4j_I64Attr:$maxUpper);
  let results = (outs Nd4j_Tensor:$outputs);
  let iArgs = ["minLower", "maxUpper"];
}

def Nd4j_MatrixInverseOp : Nd4j_TypedOp<"matrix_inverse"> {
  let summary = "inverse of batched square matrices";
  let description = [{
    ```mlir
    %y = nd4j.matrix_inverse %x : (tensor<2x3x3xf32>) -> tensor<2x3x3xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input);
  let results = (outs Nd4j_Tensor:$outputs);
}

def Nd4j_SvdOp : Nd4j_TypedOp<"svd"> {
  let summary = "singular values of batched matrices";
  let description = [{
    The singular values of each matrix of `input` `[..., m, n]`, in
    descending order: `[..., min(m, n)]`. libnd4j's `svd` also computes the
    singular vectors when `calcUV` is 1, as further results; this op is its
    values-only form, so `calcUV` is 0. `fullUV` (full-sized vectors) is then
    immaterial; `switchNum` is the matrix size from which libnd4j switches
    from the one-sided Jacobi to the divide-and-conquer algorithm (nd4j's TF
    import uses 16).

    ```mlir
    %s = nd4j.svd %x {calcUV = 0 : i64, fullUV = 0 : i64, switchNum = 16 : i64} : (tensor<2x4x3xf32>) -> tensor<2x3xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input, Nd4j_I64Attr:$fullUV,
                       Nd4j_I64Attr:$calcUV, Nd4j_I64Attr:$switchNum);
  let results = (outs Nd4j_Tensor:$outputs);
  let iArgs = ["fullUV", "calcUV", "switchNum"];
}

//===----------------------------------------------------------------------===//
// Rearrangement
//===----------------------------------------------------------------------===//

def Nd4j_SpaceToBatchNdOp : Nd4j_TypedOp<"space_to_batch_nd"> {
  let summary = "moves blocks of spatial positions into the batch";
  let description = [{
    `input` is `[B, S_1, ..., S_M, rest...]`, `blockShape` a 1-D integer
    tensor of `M` block sizes and `padding` an integer `[M, 2]` tensor of
    (before, after) paddings. Each padded spatial dimension is split into
    blocks; the result is `[B * prod(blockShape), (S_i + pads_i) /
    blockShape_i..., rest...]` (static where both are constants).

    ```mlir
    %b = nd4j.constant dense<2> : tensor<1xi32>
    %p = nd4j.constant dense<[[1, 1]]> : tensor<1x2xi32>
    %y = nd4j.space_to_batch_nd %x, %b, %p : (tensor<2x6x3xf32>, tensor<1xi32>, tensor<1x2xi32>) -> tensor<4x4x3xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input, Nd4j_Tensor:$blockShape,
                       Nd4j_Tensor:$padding);
  let results = (outs Nd4j_Tensor:$outputs);
}

def Nd4j_BatchToSpaceNdOp : Nd4j_TypedOp<"batch_to_space_nd"> {
  let summary = "moves batch blocks back into spatial positions";
  let description = [{
    The inverse of `space_to_batch_nd`: `input` is `[B, S_1, ..., S_M,
    rest...]` with `B` a multiple of `prod(blockShape)`; the result is
    `[B / prod(blockShape), S_i * blockShape_i - crop_i_begin - crop_i_end...,
    rest...]`, `crop` an integer `[M, 2]` tensor.

    ```mlir
    %b = nd4j.constant dense<2> : tensor<1xi32>
    %c = nd4j.constant dense<[[1, 1]]> : tensor<1x2xi32>
    %y = nd4j.batch_to_space_nd %x, %b, %c : (tensor<4x4x3xf32>, tensor<1xi32>, tensor<1x2xi32>) -> tensor<2x6x3xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input, Nd4j_Tensor:$blockShape,
                       Nd4j_Tensor:$crop);
  let results = (outs Nd4j_Tensor:$outputs);
}

def Nd4j_RollOp : Nd4j_TypedOp<"roll"> {
  let summary = "rotates elements along dimensions";
  let description = [{
    `shiftsI` and `dimensions` are 1-D integer tensors of one length: the
    elements move `shiftsI[i]` places along dimension `dimensions[i]`,
    wrapping around (negative shifts move towards the start; shifts of one
    dimension add up).

    ```mlir
    %s = nd4j.constant dense<[1, -2]> : tensor<2xi64>
    %d = nd4j.constant dense<[0, 1]> : tensor<2xi64>
    %y = nd4j.roll %x, %s, %d : (tensor<3x4xf32>, tensor<2xi64>, tensor<2xi64>) -> tensor<3x4xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input, Nd4j_Tensor:$shiftsI,
                       Nd4j_Tensor:$dimensions);
  let results = (outs Nd4j_Tensor:$outputs);
}

def Nd4j_ExtractImagePatchesOp : Nd4j_TypedOp<"extract_image_patches"> {
  let summary = "gathers image patches into the channel dimension";
  let description = [{
    For NHWC images, each output position holds the `ksizeRows x ksizeCols`
    patch (strides `kstrideRows, kstrideCols`, dilation rates `krateRows,
    krateCols`) flattened row by row with the channels innermost:
    `[N, outH, outW, ksizeRows * ksizeCols * C]`. `isSameMode` 1 pads for
    SAME output size, 0 takes only whole patches (VALID).

    ```mlir
    %y = nd4j.extract_image_patches %x {isSameMode = 0 : i64, krateCols = 1 : i64, krateRows = 1 : i64,
                                        ksizeCols = 2 : i64, ksizeRows = 2 : i64, kstrideCols = 1 : i64,
                                        kstrideRows = 1 : i64}
           : (tensor<1x4x4x3xf32>) -> tensor<1x3x3x12xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input,
                       Nd4j_I64Attr:$ksizeRows, Nd4j_I64Attr:$ksizeCols,
                       Nd4j_I64Attr:$kstrideRows, Nd4j_I64Attr:$kstrideCols,
                       Nd4j_I64Attr:$krateRows, Nd4j_I64Attr:$krateCols,
                       Nd4j_I64Attr:$isSameMode);
  let results = (outs Nd4j_Tensor:$outputs);
  let iArgs = ["ksizeRows", "ksizeCols", "kstrideRows", "kstrideCols",
               "krateRows", "krateCols", "isSameMode"];
}

//===----------------------------------------------------------------------===//
// Segment reductions
//===----------------------------------------------------------------------===//

// Sorted segments: `idxSegments` holds one non-decreasing segment id per
// slice of `input` along its first dimension.
class Nd4j_SegmentOp<string mnemonic, string combine>
    : Nd4j_TypedOp<mnemonic> {
  let summary = "the " # combine # " of each segment of slices";
  let description = [{
    Row `k` of the result is the }] # combine # [{ of the slices `input[i]`
    with `idxSegments[i] == k` (1-D, non-decreasing, one per slice). The
    number of rows is the last id plus one: known here only when the ids are
    a constant.

    ```mlir
    %i = nd4j.constant dense<[0, 0, 1]> : tensor<3xi32>
    %y = nd4j.}] # mnemonic # [{ %x, %i : (tensor<3x4xf32>, tensor<3xi32>) -> tensor<2x4xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input, Nd4j_Tensor:$idxSegments);
  let results = (outs Nd4j_Tensor:$outputs);
}

def Nd4j_SegmentSumOp : Nd4j_SegmentOp<"segment_sum", "sum">;
def Nd4j_SegmentProdOp : Nd4j_SegmentOp<"segment_prod", "product">;
def Nd4j_SegmentMinOp : Nd4j_SegmentOp<"segment_min", "minimum">;
def Nd4j_SegmentMaxOp : Nd4j_SegmentOp<"segment_max", "maximum">;
def Nd4j_SegmentMeanOp : Nd4j_SegmentOp<"segment_mean", "mean">;

// Unsorted segments: ids in any order, a given number of segments. The
// descriptors name that count `numSegments` or `numOfClasses`, op by op.
class Nd4j_UnsortedSegmentOp<string mnemonic, string combine, string count>
    : Nd4j_TypedOp<mnemonic> {
  let summary = "the " # combine # " of each of a given number of segments";
  let description = [{
    Row `k` of the `[}] # count # [{, input.shape[1:]...]` result is the
    }] # combine # [{ of the slices `input[i]` with `idxSegments[i] == k`
    (1-D, one id per slice, any order, each in `[0, }] # count # [{)`).
    An empty segment holds the combination's identity (0 for the sum, 1 for
    the product, the type's largest value for the minimum, its negated
    largest value for the maximum).

    ```mlir
    %i = nd4j.constant dense<[1, 0, 1]> : tensor<3xi32>
    %y = nd4j.}] # mnemonic # [{ %x, %i {}] # count # [{ = 2 : i64} : (tensor<3x4xf32>, tensor<3xi32>) -> tensor<2x4xf32>
    ```
  }];
  let results = (outs Nd4j_Tensor:$outputs);
  let iArgs = [count];
}

def Nd4j_UnsortedSegmentSumOp
    : Nd4j_UnsortedSegmentOp<"unsorted_segment_sum", "sum", "numSegments"> {
  let arguments = (ins Nd4j_Tensor:$input, Nd4j_Tensor:$idxSegments,
                       Nd4j_I64Attr:$numSegments);
}
def Nd4j_UnsortedSegmentProdOp
    : Nd4j_UnsortedSegmentOp<"unsorted_segment_prod", "product", "numSegments"> {
  let arguments = (ins Nd4j_Tensor:$input, Nd4j_Tensor:$idxSegments,
                       Nd4j_I64Attr:$numSegments);
}
def Nd4j_UnsortedSegmentMinOp
    : Nd4j_UnsortedSegmentOp<"unsorted_segment_min", "minimum", "numSegments"> {
  let arguments = (ins Nd4j_Tensor:$input, Nd4j_Tensor:$idxSegments,
                       Nd4j_I64Attr:$numSegments);
}
def Nd4j_UnsortedSegmentMaxOp
    : Nd4j_UnsortedSegmentOp<"unsorted_segment_max", "maximum", "numOfClasses"> {
  let arguments = (ins Nd4j_Tensor:$input, Nd4j_Tensor:$idxSegments,
                       Nd4j_I64Attr:$numOfClasses);
}

//===----------------------------------------------------------------------===//
// Colour spaces
//===----------------------------------------------------------------------===//

class Nd4j_ColorSpaceOp<string mnemonic, string summaryText>
    : Nd4j_TypedOp<mnemonic> {
  let summary = summaryText;
  let description = [{
    Floating-point images whose dimension `dimC` (negative counts from the
    end) holds the 3 channels; the result has the input's type.

    ```mlir
    %y = nd4j.}] # mnemonic # [{ %x {dimC = 2 : i64} : (tensor<4x4x3xf32>) -> tensor<4x4x3xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input, Nd4j_I64Attr:$dimC);
  let results = (outs Nd4j_Tensor:$outputs);
  let iArgs = ["dimC"];
}

def Nd4j_RgbToHsvOp : Nd4j_ColorSpaceOp<"rgb_to_hsv", "RGB to HSV">;
def Nd4j_HsvToRgbOp : Nd4j_ColorSpaceOp<"hsv_to_rgb", "HSV to RGB">;

#endif // ND4J_ND4J_ND4JMATHOPS_TD
