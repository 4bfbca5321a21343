//===- Nd4jNNOps.td - nd4j nn ops ------------------------------------*- tablegen -*-===//
//
// Typed nd4j ops: neural-network ops: transposed convolution, resizing, sampling, pooling variants, activations. Included by Nd4jOps.td; their result types are
// inferred in Nd4jNNOps.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_ND4J_ND4JNNOPS_TD
#define ND4J_ND4J_ND4JNNOPS_TD

def Nd4j_Deconv2DOp : Nd4j_TypedOp<"deconv2d"> {
  let summary = "2-D transposed convolution";
  let description = [{
    libnd4j `deconv2d`: kernel `kH x kW` (taken from the weights when not
    positive), strides `sH, sW`, paddings `pH, pW` cropped from both ends of
    each spatial dimension, dilations `dH, dW`; `isSameMode` 1 gives an output
    of `s * in`. The weights are always `[kH, kW, oC, iC]`, `bias` is `[oC]`.
    Unlike its name says, libnd4j reads slot `isNCHW` as "is NHWC": 0 for
    `[N, C, H, W]` input, 1 for `[N, H, W, C]`. Without SAME mode the output
    extent is `s * (in - 1) + d * (k - 1) + 1 - 2 * p`.

    ```mlir
    %y = nd4j.deconv2d %x, %w {kH = 3 : i64, kW = 3 : i64, sH = 2 : i64, sW = 2 : i64,
                               pH = 0 : i64, pW = 0 : i64, dH = 1 : i64, dW = 1 : i64,
                               isSameMode = 0 : i64, isNCHW = 0 : i64}
           : (tensor<1x1x3x3xf32>, tensor<3x3x2x1xf32>) -> tensor<1x2x7x7xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input, Nd4j_Tensor:$weights,
                       Optional<Nd4j_Tensor>:$bias,
                       Nd4j_I64Attr:$kH, Nd4j_I64Attr:$kW, Nd4j_I64Attr:$sH, Nd4j_I64Attr:$sW,
                       Nd4j_I64Attr:$pH, Nd4j_I64Attr:$pW, Nd4j_I64Attr:$dH, Nd4j_I64Attr:$dW,
                       Nd4j_I64Attr:$isSameMode, Nd4j_I64Attr:$isNCHW);
  let results = (outs Nd4j_Tensor:$outputs);
  let iArgs = ["kH", "kW", "sH", "sW", "pH", "pW", "dH", "dW", "isSameMode",
               "isNCHW"];
}

def Nd4j_Deconv3DOp : Nd4j_TypedOp<"deconv3d"> {
  let summary = "3-D transposed convolution";
  let description = [{
    libnd4j `deconv3d`, `deconv2d` with a depth dimension: weights
    `[kD, kH, kW, oC, iC]`, `bias` `[oC]`; `isNCDHW` is read as "is NDHWC":
    0 for `[N, C, D, H, W]` input.

    ```mlir
    %y = nd4j.deconv3d %x, %w {kD = 3 : i64, kH = 3 : i64, kW = 3 : i64, sD = 1 : i64,
                               sH = 1 : i64, sW = 1 : i64, pD = 0 : i64, pH = 0 : i64,
                               pW = 0 : i64, dD = 1 : i64, dH = 1 : i64, dW = 1 : i64,
                               isSameMode = 0 : i64, isNCDHW = 0 : i64}
           : (tensor<1x1x3x4x5xf32>, tensor<3x3x3x2x1xf32>) -> tensor<1x2x5x6x7xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input, Nd4j_Tensor:$weights,
                       Optional<Nd4j_Tensor>:$bias,
                       Nd4j_I64Attr:$kD, Nd4j_I64Attr:$kH, Nd4j_I64Attr:$kW,
                       Nd4j_I64Attr:$sD, Nd4j_I64Attr:$sH, Nd4j_I64Attr:$sW,
                       Nd4j_I64Attr:$pD, Nd4j_I64Attr:$pH, Nd4j_I64Attr:$pW,
                       Nd4j_I64Attr:$dD, Nd4j_I64Attr:$dH, Nd4j_I64Attr:$dW,
                       Nd4j_I64Attr:$isSameMode, Nd4j_I64Attr:$isNCDHW);
  let results = (outs Nd4j_Tensor:$outputs);
  let iArgs = ["kD", "kH", "kW", "sD", "sH", "sW", "pD", "pH", "pW", "dD",
               "dH", "dW", "isSameMode", "isNCDHW"];
}

def Nd4j_ImageResizeOp : Nd4j_TypedOp<"image_resize"> {
  let summary = "resizes NHWC images to a size given at run time";
  let description = [{
    libnd4j `image_resize` of `[N, H, W, C]` images to `newImageSize`
    (`[height, width]`, often computed at run time). `method`: 0 bilinear,
    1 nearest, 2 bicubic (3-7: area, gaussian, lanczos3, lanczos5,
    mitchellcubic); `coorMode`, the source coordinate of output pixel `x`
    with `scale = in / out`: 0 asymmetric `x * scale`, 1 half-pixel
    `(x + 0.5) * scale - 0.5`, 2 `(x + 0.5) * scale`; `nearestMode`: 0 floor,
    1 round half down, 2 round half up, 3 ceil; `bicubicCoefficient` is the
    cubic kernel's `a`; `exclude_outside` drops (and renormalizes) taps
    outside the image. Methods other than nearest produce f32.

    ```mlir
    %y = nd4j.image_resize %x, %size {method = 1 : i64, coorMode = 1 : i64, nearestMode = 1 : i64,
                                      bicubicCoefficient = -7.5e-01 : f64, preserveAspectRatio = false,
                                      antialias = false, exclude_outside = false}
           : (tensor<1x2x2x3xf32>, tensor<2xi64>) -> tensor<1x?x?x3xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$image, Nd4j_Tensor:$newImageSize,
                       Nd4j_I64Attr:$method, Nd4j_I64Attr:$coorMode,
                       Nd4j_I64Attr:$nearestMode, F64Attr:$bicubicCoefficient,
                       BoolAttr:$preserveAspectRatio, BoolAttr:$antialias,
                       BoolAttr:$exclude_outside);
  let results = (outs Nd4j_Tensor:$outputs);
  let iArgs = ["method", "coorMode", "nearestMode"];
  let tArgs = ["bicubicCoefficient"];
  let bArgs = ["preserveAspectRatio", "antialias", "exclude_outside"];
}

def Nd4j_LrnOp : Nd4j_TypedOp<"lrn"> {
  let summary = "local response normalization along the last dimension";
  let description = [{
    libnd4j `lrn` over a rank-4 tensor, channels last:
    `x / (bias + alpha * sum(x[c - depth .. c + depth]^2))^beta`, the window
    clipped at the ends. `alpha` multiplies the sum as it is (ONNX's LRN
    divides its alpha by the window size first).

    ```mlir
    %y = nd4j.lrn %x {depth = 1 : i64, bias = 2.0 : f64, alpha = 1.0e-4 : f64, beta = 0.5 : f64}
           : (tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input, Nd4j_I64Attr:$depth, F64Attr:$bias,
                       F64Attr:$alpha, F64Attr:$beta);
  let results = (outs Nd4j_Tensor:$outputs);
  let iArgs = ["depth"];
  let tArgs = ["bias", "alpha", "beta"];
  let libnd4jOpType = Libnd4j_Custom;
}

#endif // ND4J_ND4J_ND4JNNOPS_TD
