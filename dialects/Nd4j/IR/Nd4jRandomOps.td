//===- Nd4jRandomOps.td - nd4j random, quantization and NMS ops -*- tablegen -*-===//
//
// Typed nd4j ops: random draws (normal, gamma, Poisson, multinomial,
// shuffles), fake quantization and non-maximum suppression. Included by
// Nd4jOps.td; result types are inferred in Nd4jRandomOps.cpp.
//
// The random ops are not Pure: two draws of one shape are different values,
// so CSE must not merge them. They draw from libnd4j's generator, so their
// values never reproduce another framework's; importers map the
// distribution, its parameters and the seed, as nd4j's own importers do.
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_ND4J_ND4JRANDOMOPS_TD
#define ND4J_ND4J_ND4JRANDOMOPS_TD

//===----------------------------------------------------------------------===//
// Random draws
//===----------------------------------------------------------------------===//

// A random op: inferred result types (static shapes where the shape operand
// is a constant), not Pure.
class Nd4j_RandomOp<string mnemonic>
    : Nd4j_Op<mnemonic, [InferTypeOpAdaptorWithIsCompatible]>,
      Libnd4jDescriptor {
  let assemblyFormat = "operands attr-dict `:` functional-type(operands, results)";
  let extraClassDefinition = [{
    bool $cppClass::isCompatibleReturnTypes(::mlir::TypeRange l,
                                            ::mlir::TypeRange r) {
      return ::mlir::nd4j::areCompatibleResultTypes(l, r);
    }
  }];
}

def Nd4j_RandomNormalOp : Nd4j_RandomOp<"random_normal"> {
  let summary = "normally distributed random values";
  let description = [{
    Values of mean `mean` and standard deviation `stdev` (t_args 0, 1; TF's
    RandomStandardNormal is 0 and 1). The result's shape is the 1-D integer
    `input` operand (static where it is a constant) and its element type
    `dtype` (d_arg 0), a floating-point type. libnd4j's `random_normal`
    takes no seed: the graph's random generator continues (a TF seed is
    dropped, as in nd4j's own TF import).

    nd4j-op-def.pbtxt lists no t_args for `random_normal`, but libnd4j
    requires and reads two (its synonym `randomnormal` names them `mean`
    and `stdev`).

    ```mlir
    %s = nd4j.constant dense<[2, 3]> : tensor<2xi64>
    %y = nd4j.random_normal %s {dtype = f32, mean = 0.0 : f64, stdev = 1.0 : f64} : (tensor<2xi64>) -> tensor<2x3xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input, F64Attr:$mean, F64Attr:$stdev,
                       TypeAttr:$dtype);
  let results = (outs Nd4j_Tensor:$outputs);
  let tArgs = ["mean", "stdev"];
  let dArgs = ["dtype"];
  let undeclaredInReference = ["t:mean", "t:stdev"];
}

def Nd4j_RandomGammaOp : Nd4j_RandomOp<"random_gamma"> {
  let summary = "gamma-distributed random values";
  let description = [{
    For each element of `alpha` (the shape parameter, floating-point) one
    draw of the unit-scale gamma distribution per position of `shape` (a 1-D
    integer tensor): the result is `shape ++ alpha.shape` with `alpha`'s
    element type. libnd4j seeds its generator with `seed` (i_arg 0), 0 when
    absent.

    ```mlir
    %s = nd4j.constant dense<[4]> : tensor<1xi32>
    %y = nd4j.random_gamma %s, %alpha {seed = 7 : i64} : (tensor<1xi32>, tensor<3xf32>) -> tensor<4x3xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$shape, Nd4j_Tensor:$alpha,
                       OptionalAttr<Nd4j_I64Attr>:$seed);
  let results = (outs Nd4j_Tensor:$outputs);
  let iArgs = ["seed"];
}

def Nd4j_RandomPoissonOp : Nd4j_RandomOp<"random_poisson"> {
  let summary = "Poisson-distributed random values";
  let description = [{
    For each element of `lambda` (the rate) one draw per position of `shape`
    (a 1-D integer tensor): the result is `shape ++ lambda.shape` with the
    floating-point element type `dtype` (d_arg 0). libnd4j seeds its
    generator with `seed` (i_arg 0), 0 when absent.

    ```mlir
    %s = nd4j.constant dense<[4]> : tensor<1xi32>
    %y = nd4j.random_poisson %s, %rate {dtype = f32, seed = 7 : i64} : (tensor<1xi32>, tensor<3xf32>) -> tensor<4x3xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$shape, Nd4j_Tensor:$lambda,
                       OptionalAttr<Nd4j_I64Attr>:$seed, TypeAttr:$dtype);
  let results = (outs Nd4j_Tensor:$outputs);
  let iArgs = ["seed"];
  let dArgs = ["dtype"];
}

def Nd4j_RandomShuffleOp : Nd4j_RandomOp<"random_shuffle"> {
  let summary = "randomly permutes the slices along the first dimension";
  let description = [{
    The result has the input's type: its slices along dimension 0 in a
    random order, drawn from the graph's random generator. `seeds` (i_arg 0)
    carries the framework's seed, as nd4j's own TF import passes it.

    ```mlir
    %y = nd4j.random_shuffle %x {seeds = 7 : i64} : (tensor<4x3xf32>) -> tensor<4x3xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input, OptionalAttr<Nd4j_I64Attr>:$seeds);
  let results = (outs Nd4j_Tensor:$outputs);
  let iArgs = ["seeds"];
}

def Nd4j_RandomMultinomialOp : Nd4j_RandomOp<"random_multinomial"> {
  let summary = "class indices drawn from categorical distributions";
  let description = [{
    `input` is a matrix of unnormalized log-probabilities (logits), one
    distribution per index of dimension `dimC` (i_arg 0, negative counts
    from the end: libnd4j's "dimension with batch_size"), the classes along
    the other; `inputSamples` is an integer scalar, the number of draws per
    distribution. The result replaces the classes dimension by
    `inputSamples` (static where the count is a constant) and holds class
    indices of the integer type `dtype` (d_arg 0). TF's `[batch, classes]`
    logits thus need `dimC` 0 (nd4j's own TF mapping passes -1, which draws
    `[samples, classes]`). libnd4j's `random_multinomial` takes no seed: the
    graph's random generator continues.

    ```mlir
    %n = nd4j.constant dense<5> : tensor<i32>
    %y = nd4j.random_multinomial %logits, %n {dimC = 0 : i64, dtype = i64} : (tensor<2x3xf32>, tensor<i32>) -> tensor<2x5xi64>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input, Nd4j_Tensor:$inputSamples,
                       Nd4j_I64Attr:$dimC, TypeAttr:$dtype);
  let results = (outs Nd4j_Tensor:$outputs);
  let iArgs = ["dimC"];
  let dArgs = ["dtype"];
}

//===----------------------------------------------------------------------===//
// Fake quantization
//===----------------------------------------------------------------------===//

def Nd4j_FakeQuantWithMinMaxArgsOp : Nd4j_TypedOp<"fake_quant_with_min_max_args"> {
  let summary = "quantizes and dequantizes floats to a range given as attributes";
  let description = [{
    The range `[min, max]` (t_args 0, 1) is nudged so that 0 is exactly
    representable on the grid of `2^numBits` levels (`2^numBits - 1` when
    `narrowRange`, b_arg 0, leaves out the lowest); each element is clamped
    to the nudged range and rounded to the nearest level. `numBits` (i_arg 0)
    is 2 to 16. The result has the input's floating-point type.

    ```mlir
    %y = nd4j.fake_quant_with_min_max_args %x {max = 6.0 : f64, min = -6.0 : f64, narrowRange = false, numBits = 8 : i64}
           : (tensor<2x3xf32>) -> tensor<2x3xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input, Nd4j_I64Attr:$numBits,
                       F64Attr:$min, F64Attr:$max, BoolAttr:$narrowRange);
  let results = (outs Nd4j_Tensor:$outputs);
  let iArgs = ["numBits"];
  let tArgs = ["min", "max"];
  let bArgs = ["narrowRange"];
}

def Nd4j_FakeQuantWithMinMaxVarsOp : Nd4j_TypedOp<"fake_quant_with_min_max_vars"> {
  let summary = "quantizes and dequantizes floats to a range given as tensors";
  let description = [{
    As `fake_quant_with_min_max_args`, with the range in the scalar tensors
    `min` and `max` of the input's element type, `numBits` (i_arg 0) levels'
    bits and `narrowed` (b_arg 0) leaving out the lowest level. libnd4j reads
    its t_args only when the range tensors are absent.

    ```mlir
    %y = nd4j.fake_quant_with_min_max_vars %x, %lo, %hi {narrowed = false, numBits = 8 : i64}
           : (tensor<2x3xf32>, tensor<f32>, tensor<f32>) -> tensor<2x3xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input, Nd4j_Tensor:$min, Nd4j_Tensor:$max,
                       Nd4j_I64Attr:$numBits, BoolAttr:$narrowed);
  let results = (outs Nd4j_Tensor:$outputs);
  let iArgs = ["numBits"];
  let bArgs = ["narrowed"];
}

def Nd4j_FakeQuantWithMinMaxVarsPerChannelOp
    : Nd4j_TypedOp<"fake_quant_with_min_max_vars_per_channel"> {
  let summary = "fake quantization with one range per channel";
  let description = [{
    As `fake_quant_with_min_max_vars`, with `min` and `max` 1-D tensors of
    one range per element of the input's last dimension (the channels).
    The attribute names are libnd4j's (`num_bits`, `narrowed`).

    ```mlir
    %y = nd4j.fake_quant_with_min_max_vars_per_channel %x, %lo, %hi {narrowed = false, num_bits = 8 : i64}
           : (tensor<2x3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input, Nd4j_Tensor:$min, Nd4j_Tensor:$max,
                       Nd4j_I64Attr:$num_bits, BoolAttr:$narrowed);
  let results = (outs Nd4j_Tensor:$outputs);
  let iArgs = ["num_bits"];
  let bArgs = ["narrowed"];
}

//===----------------------------------------------------------------------===//
// Non-maximum suppression
//===----------------------------------------------------------------------===//

def Nd4j_NonMaxSuppressionV3Op : Nd4j_TypedOp<"non_max_suppression_v3"> {
  let summary = "greedy selection of boxes by score, pruning overlaps";
  let description = [{
    `boxes` `[n, 4]` holds corners `(y1, x1, y2, x2)` (either diagonal),
    `scales` `[n]` their scores, of the boxes' floating-point type. Boxes
    scoring above the scalar `scoreThreshold` are visited by descending
    score (ties: lower index first); a box is selected unless its
    intersection over union with an already selected box reaches the scalar
    `iouThreshold`, until the integer scalar `maxOutSize` boxes are
    selected. The result `[?]` lists the selected indices, `i32`, in order
    of selection; its length is known only at run time.

    libnd4j suppresses at an overlap equal to the threshold, TensorFlow
    and ONNX only above it: importers pass the next value above theirs (in
    the boxes' type). The lowering runs the greedy loop as libnd4j does:
    ranks by score (O(n^2)), then each candidate against the boxes selected
    so far.

    ```mlir
    %y = nd4j.non_max_suppression_v3 %b, %s, %k, %iou, %st
           : (tensor<6x4xf32>, tensor<6xf32>, tensor<i32>, tensor<f32>, tensor<f32>) -> tensor<?xi32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$boxes, Nd4j_Tensor:$scales,
                       Nd4j_Tensor:$maxOutSize, Nd4j_Tensor:$iouThreshold,
                       Nd4j_Tensor:$scoreThreshold);
  let results = (outs Nd4j_Tensor:$outputs);
}

#endif // ND4J_ND4J_ND4JRANDOMOPS_TD
