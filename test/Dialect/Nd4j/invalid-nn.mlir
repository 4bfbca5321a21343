// RUN: nd4j-opt %s -split-input-file -verify-diagnostics

// The nn ops' shape and attribute checks.

nd4j.graph @deconv_rank {
  %x = nd4j.placeholder "x" : tensor<3x4x5xf32>
  %w = nd4j.placeholder "w" : tensor<3x3x2x3xf32>
  // expected-error @+2 {{input must be rank 4, got [3, 4, 5]}}
  // expected-error @+1 {{failed to infer returned types}}
  %y = nd4j.deconv2d %x, %w {kH = 3, kW = 3, sH = 1, sW = 1, pH = 0, pW = 0, dH = 1, dW = 1, isSameMode = 0, isNCHW = 0} : (tensor<3x4x5xf32>, tensor<3x3x2x3xf32>) -> tensor<?x?x?x?xf32>
  nd4j.output
}

// -----

nd4j.graph @deconv_weights_rank {
  %x = nd4j.placeholder "x" : tensor<1x3x4x5xf32>
  %w = nd4j.placeholder "w" : tensor<3x3x2xf32>
  // expected-error @+2 {{weights must be rank 4, got [3, 3, 2]}}
  // expected-error @+1 {{failed to infer returned types}}
  %y = nd4j.deconv2d %x, %w {kH = 3, kW = 3, sH = 1, sW = 1, pH = 0, pW = 0, dH = 1, dW = 1, isSameMode = 0, isNCHW = 0} : (tensor<1x3x4x5xf32>, tensor<3x3x2xf32>) -> tensor<?x?x?x?xf32>
  nd4j.output
}

// -----

nd4j.graph @deconv_element_types {
  %x = nd4j.placeholder "x" : tensor<1x3x4x5xf32>
  %w = nd4j.placeholder "w" : tensor<3x3x2x3xf64>
  // expected-error @+2 {{operand element types differ: 'f32' vs 'f64'}}
  // expected-error @+1 {{failed to infer returned types}}
  %y = nd4j.deconv2d %x, %w {kH = 3, kW = 3, sH = 1, sW = 1, pH = 0, pW = 0, dH = 1, dW = 1, isSameMode = 0, isNCHW = 0} : (tensor<1x3x4x5xf32>, tensor<3x3x2x3xf64>) -> tensor<?x?x?x?xf32>
  nd4j.output
}

// -----

nd4j.graph @deconv_stride {
  %x = nd4j.placeholder "x" : tensor<1x3x4x5xf32>
  %w = nd4j.placeholder "w" : tensor<3x3x2x3xf32>
  // expected-error @+2 {{'sH' must be at least 1, got 0}}
  // expected-error @+1 {{failed to infer returned types}}
  %y = nd4j.deconv2d %x, %w {kH = 3, kW = 3, sH = 0, sW = 1, pH = 0, pW = 0, dH = 1, dW = 1, isSameMode = 0, isNCHW = 0} : (tensor<1x3x4x5xf32>, tensor<3x3x2x3xf32>) -> tensor<?x?x?x?xf32>
  nd4j.output
}

// -----

nd4j.graph @deconv_flag {
  %x = nd4j.placeholder "x" : tensor<1x3x4x5xf32>
  %w = nd4j.placeholder "w" : tensor<3x3x2x3xf32>
  // expected-error @+2 {{'isNCHW' must be 0 or 1, got 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %y = nd4j.deconv2d %x, %w {kH = 3, kW = 3, sH = 1, sW = 1, pH = 0, pW = 0, dH = 1, dW = 1, isSameMode = 0, isNCHW = 2} : (tensor<1x3x4x5xf32>, tensor<3x3x2x3xf32>) -> tensor<?x?x?x?xf32>
  nd4j.output
}

// -----

nd4j.graph @deconv_kernel {
  %x = nd4j.placeholder "x" : tensor<1x3x4x5xf32>
  %w = nd4j.placeholder "w" : tensor<3x3x2x3xf32>
  // expected-error @+2 {{weights [3, 3, 2, 3] ([kH, kW, oC, iC]) do not hold a 2x3 kernel}}
  // expected-error @+1 {{failed to infer returned types}}
  %y = nd4j.deconv2d %x, %w {kH = 2, kW = 3, sH = 1, sW = 1, pH = 0, pW = 0, dH = 1, dW = 1, isSameMode = 0, isNCHW = 0} : (tensor<1x3x4x5xf32>, tensor<3x3x2x3xf32>) -> tensor<?x?x?x?xf32>
  nd4j.output
}

// -----

nd4j.graph @deconv_channels {
  %x = nd4j.placeholder "x" : tensor<1x4x4x5xf32>
  %w = nd4j.placeholder "w" : tensor<3x3x2x3xf32>
  // expected-error @+2 {{weights [3, 3, 2, 3] ([kH, kW, oC, iC]) expect 3 input channels, input [1, 4, 4, 5] has 4}}
  // expected-error @+1 {{failed to infer returned types}}
  %y = nd4j.deconv2d %x, %w {kH = 3, kW = 3, sH = 1, sW = 1, pH = 0, pW = 0, dH = 1, dW = 1, isSameMode = 0, isNCHW = 0} : (tensor<1x4x4x5xf32>, tensor<3x3x2x3xf32>) -> tensor<?x?x?x?xf32>
  nd4j.output
}

// -----

nd4j.graph @deconv_bias {
  %x = nd4j.placeholder "x" : tensor<1x3x4x5xf32>
  %w = nd4j.placeholder "w" : tensor<3x3x2x3xf32>
  %b = nd4j.placeholder "b" : tensor<3xf32>
  // expected-error @+2 {{bias must be [2], got [3]}}
  // expected-error @+1 {{failed to infer returned types}}
  %y = nd4j.deconv2d %x, %w, %b {kH = 3, kW = 3, sH = 1, sW = 1, pH = 0, pW = 0, dH = 1, dW = 1, isSameMode = 0, isNCHW = 0} : (tensor<1x3x4x5xf32>, tensor<3x3x2x3xf32>, tensor<3xf32>) -> tensor<?x?x?x?xf32>
  nd4j.output
}

// -----

nd4j.graph @deconv_bias_type {
  %x = nd4j.placeholder "x" : tensor<1x3x4x5xf32>
  %w = nd4j.placeholder "w" : tensor<3x3x2x3xf32>
  %b = nd4j.placeholder "b" : tensor<2xf64>
  // expected-error @+2 {{operand element types differ: 'f32' vs 'f64'}}
  // expected-error @+1 {{failed to infer returned types}}
  %y = nd4j.deconv2d %x, %w, %b {kH = 3, kW = 3, sH = 1, sW = 1, pH = 0, pW = 0, dH = 1, dW = 1, isSameMode = 0, isNCHW = 0} : (tensor<1x3x4x5xf32>, tensor<3x3x2x3xf32>, tensor<2xf64>) -> tensor<?x?x?x?xf32>
  nd4j.output
}

// -----

nd4j.graph @deconv_pads {
  %x = nd4j.placeholder "x" : tensor<1x3x1x1xf32>
  %w = nd4j.placeholder "w" : tensor<3x3x2x3xf32>
  // expected-error @+2 {{padding 2 crops the whole output height}}
  // expected-error @+1 {{failed to infer returned types}}
  %y = nd4j.deconv2d %x, %w {kH = 3, kW = 3, sH = 1, sW = 1, pH = 2, pW = 0, dH = 1, dW = 1, isSameMode = 0, isNCHW = 0} : (tensor<1x3x1x1xf32>, tensor<3x3x2x3xf32>) -> tensor<?x?x?x?xf32>
  nd4j.output
}

// -----

nd4j.graph @lrn_rank {
  %x = nd4j.placeholder "x" : tensor<4x5xf32>
  // expected-error @+2 {{input must be rank 4, got [4, 5]}}
  // expected-error @+1 {{failed to infer returned types}}
  %y = nd4j.lrn %x {depth = 1, bias = 1.0, alpha = 1.0, beta = 0.5} : (tensor<4x5xf32>) -> tensor<4x5xf32>
  nd4j.output
}

// -----

nd4j.graph @lrn_type {
  %x = nd4j.placeholder "x" : tensor<1x2x2x4xi32>
  // expected-error @+2 {{input must be floating-point, got 'i32'}}
  // expected-error @+1 {{failed to infer returned types}}
  %y = nd4j.lrn %x {depth = 1, bias = 1.0, alpha = 1.0, beta = 0.5} : (tensor<1x2x2x4xi32>) -> tensor<1x2x2x4xi32>
  nd4j.output
}

// -----

nd4j.graph @lrn_depth {
  %x = nd4j.placeholder "x" : tensor<1x2x2x4xf32>
  // expected-error @+2 {{'depth' must be at least 0, got -1}}
  // expected-error @+1 {{failed to infer returned types}}
  %y = nd4j.lrn %x {depth = -1, bias = 1.0, alpha = 1.0, beta = 0.5} : (tensor<1x2x2x4xf32>) -> tensor<1x2x2x4xf32>
  nd4j.output
}

// -----

nd4j.graph @deconv3d_rank {
  %x = nd4j.placeholder "x" : tensor<1x3x4x5xf32>
  %w = nd4j.placeholder "w" : tensor<3x3x3x2x3xf32>
  // expected-error @+2 {{input must be rank 5, got [1, 3, 4, 5]}}
  // expected-error @+1 {{failed to infer returned types}}
  %y = nd4j.deconv3d %x, %w {kD = 3, kH = 3, kW = 3, sD = 1, sH = 1, sW = 1, pD = 0, pH = 0, pW = 0, dD = 1, dH = 1, dW = 1, isSameMode = 0, isNCDHW = 0} : (tensor<1x3x4x5xf32>, tensor<3x3x3x2x3xf32>) -> tensor<?x?x?x?x?xf32>
  nd4j.output
}

// -----

nd4j.graph @deconv3d_flag {
  %x = nd4j.placeholder "x" : tensor<1x3x3x4x5xf32>
  %w = nd4j.placeholder "w" : tensor<3x3x3x2x3xf32>
  // expected-error @+2 {{'isNCDHW' must be 0 or 1, got 3}}
  // expected-error @+1 {{failed to infer returned types}}
  %y = nd4j.deconv3d %x, %w {kD = 3, kH = 3, kW = 3, sD = 1, sH = 1, sW = 1, pD = 0, pH = 0, pW = 0, dD = 1, dH = 1, dW = 1, isSameMode = 0, isNCDHW = 3} : (tensor<1x3x3x4x5xf32>, tensor<3x3x3x2x3xf32>) -> tensor<?x?x?x?x?xf32>
  nd4j.output
}

// -----

nd4j.graph @image_resize_image_rank {
  %x = nd4j.placeholder "x" : tensor<2x2x3xf32>
  %s = nd4j.placeholder "s" : tensor<2xi64>
  // expected-error @+2 {{image must be rank 4 ([N, H, W, C]), got [2, 2, 3]}}
  // expected-error @+1 {{failed to infer returned types}}
  %y = nd4j.image_resize %x, %s {method = 1, coorMode = 1, nearestMode = 1, bicubicCoefficient = -0.75, preserveAspectRatio = false, antialias = false, exclude_outside = false} : (tensor<2x2x3xf32>, tensor<2xi64>) -> tensor<?x?x?x?xf32>
  nd4j.output
}

// -----

nd4j.graph @image_resize_size_type {
  %x = nd4j.placeholder "x" : tensor<1x2x2x3xf32>
  %s = nd4j.placeholder "s" : tensor<2xf32>
  // expected-error @+2 {{newImageSize must be 2 integers, got 'tensor<2xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %y = nd4j.image_resize %x, %s {method = 1, coorMode = 1, nearestMode = 1, bicubicCoefficient = -0.75, preserveAspectRatio = false, antialias = false, exclude_outside = false} : (tensor<1x2x2x3xf32>, tensor<2xf32>) -> tensor<?x?x?x?xf32>
  nd4j.output
}

// -----

nd4j.graph @image_resize_method {
  %x = nd4j.placeholder "x" : tensor<1x2x2x3xf32>
  %s = nd4j.placeholder "s" : tensor<2xi64>
  // expected-error @+2 {{'method' must be 0 to 7, got 8}}
  // expected-error @+1 {{failed to infer returned types}}
  %y = nd4j.image_resize %x, %s {method = 8, coorMode = 1, nearestMode = 1, bicubicCoefficient = -0.75, preserveAspectRatio = false, antialias = false, exclude_outside = false} : (tensor<1x2x2x3xf32>, tensor<2xi64>) -> tensor<?x?x?x?xf32>
  nd4j.output
}

// -----

nd4j.graph @image_resize_coor {
  %x = nd4j.placeholder "x" : tensor<1x2x2x3xf32>
  %s = nd4j.placeholder "s" : tensor<2xi64>
  // expected-error @+2 {{'coorMode' must be 0, 1 or 2, got 3}}
  // expected-error @+1 {{failed to infer returned types}}
  %y = nd4j.image_resize %x, %s {method = 1, coorMode = 3, nearestMode = 1, bicubicCoefficient = -0.75, preserveAspectRatio = false, antialias = false, exclude_outside = false} : (tensor<1x2x2x3xf32>, tensor<2xi64>) -> tensor<?x?x?x?xf32>
  nd4j.output
}

// -----

nd4j.graph @image_resize_nearest {
  %x = nd4j.placeholder "x" : tensor<1x2x2x3xf32>
  %s = nd4j.placeholder "s" : tensor<2xi64>
  // expected-error @+2 {{'nearestMode' must be 0 to 3, got 4}}
  // expected-error @+1 {{failed to infer returned types}}
  %y = nd4j.image_resize %x, %s {method = 1, coorMode = 1, nearestMode = 4, bicubicCoefficient = -0.75, preserveAspectRatio = false, antialias = false, exclude_outside = false} : (tensor<1x2x2x3xf32>, tensor<2xi64>) -> tensor<?x?x?x?xf32>
  nd4j.output
}

// -----

nd4j.graph @image_resize_size {
  %x = nd4j.placeholder "x" : tensor<1x2x2x3xf32>
  %s = nd4j.constant dense<[0, 4]> : tensor<2xi64>
  // expected-error @+2 {{newImageSize must be positive, got [0, 4]}}
  // expected-error @+1 {{failed to infer returned types}}
  %y = nd4j.image_resize %x, %s {method = 1, coorMode = 1, nearestMode = 1, bicubicCoefficient = -0.75, preserveAspectRatio = false, antialias = false, exclude_outside = false} : (tensor<1x2x2x3xf32>, tensor<2xi64>) -> tensor<?x?x?x?xf32>
  nd4j.output
}
