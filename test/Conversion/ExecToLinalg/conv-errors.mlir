// RUN: nd4j-opt %s -split-input-file --convert-exec-to-linalg -verify-diagnostics

// Causal padding (paddingMode 2) has no lowering.
nd4j_exec.graph @conv3d_causal {
  %x = nd4j_exec.placeholder "x" : tensor<1x2x4x4x4xf32>
  %w = nd4j_exec.placeholder "w" : tensor<2x2x2x2x3xf32>
  // expected-error @+1 {{cannot lower libnd4j op 'conv3dnew' (node 'y'): padding mode 2 (causal) is not supported}}
  %y = nd4j_exec.node "conv3dnew" <custom>(%x, %w) i_args [2, 2, 2, 1, 1, 1, 0, 0, 0, 1, 1, 1, 2, 0] {name = "y"} : (tensor<1x2x4x4x4xf32>, tensor<2x2x2x2x3xf32>) -> tensor<1x3x4x4x4xf32>
  nd4j_exec.return %y : tensor<1x3x4x4x4xf32>
}

// -----

nd4j_exec.graph @conv2d_bad_format {
  %x = nd4j_exec.placeholder "x" : tensor<1x2x5x5xf32>
  %w = nd4j_exec.placeholder "w" : tensor<4x2x3x3xf32>
  // expected-error @+1 {{unknown weights format 3}}
  %y = nd4j_exec.node "conv2d" <custom>(%x, %w) i_args [3, 3, 1, 1, 0, 0, 1, 1, 0, 0, 3] {name = "y"} : (tensor<1x2x5x5xf32>, tensor<4x2x3x3xf32>) -> tensor<1x4x3x3xf32>
  nd4j_exec.return %y : tensor<1x4x3x3xf32>
}

// -----

nd4j_exec.graph @conv2d_bad_weights {
  %x = nd4j_exec.placeholder "x" : tensor<1x2x5x5xf32>
  %w = nd4j_exec.placeholder "w" : tensor<4x3x3x3xf32>
  // expected-error @+1 {{do not match input}}
  %y = nd4j_exec.node "conv2d" <custom>(%x, %w) i_args [3, 3, 1, 1, 0, 0, 1, 1, 0, 0, 1] {name = "y"} : (tensor<1x2x5x5xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x3x3xf32>
  nd4j_exec.return %y : tensor<1x4x3x3xf32>
}

// -----

nd4j_exec.graph @conv2d_int {
  %x = nd4j_exec.placeholder "x" : tensor<1x2x5x5xi32>
  %w = nd4j_exec.placeholder "w" : tensor<4x2x3x3xi32>
  // expected-error @+1 {{only float element types are supported, got 'i32'}}
  %y = nd4j_exec.node "conv2d" <custom>(%x, %w) i_args [3, 3, 1, 1, 0, 0, 1, 1, 0, 0, 1] {name = "y"} : (tensor<1x2x5x5xi32>, tensor<4x2x3x3xi32>) -> tensor<1x4x3x3xi32>
  nd4j_exec.return %y : tensor<1x4x3x3xi32>
}

// -----

// Padding beyond the kernel extent would crop the input itself.
nd4j_exec.graph @deconv_overpad {
  %x = nd4j_exec.placeholder "x" : tensor<1x1x5x5xf32>
  %w = nd4j_exec.placeholder "w" : tensor<2x2x1x1xf32>
  // expected-error @+1 {{padding 3 crops more than the kernel extent 2}}
  %y = nd4j_exec.node "deconv2d" <custom>(%x, %w) i_args [2, 2, 1, 1, 3, 3, 1, 1, 0, 0] {name = "y"} : (tensor<1x1x5x5xf32>, tensor<2x2x1x1xf32>) -> tensor<1x1x1x1xf32>
  nd4j_exec.return %y : tensor<1x1x1x1xf32>
}

// -----

nd4j_exec.graph @avgpool_int {
  %x = nd4j_exec.placeholder "x" : tensor<1x1x4x4xi32>
  // expected-error @+1 {{only float element types are supported, got 'i32'}}
  %y = nd4j_exec.node "avgpool2d" <custom>(%x) i_args [2, 2, 2, 2, 0, 0, 1, 1, 0, 0, 0] {name = "y"} : (tensor<1x1x4x4xi32>) -> tensor<1x1x2x2xi32>
  nd4j_exec.return %y : tensor<1x1x2x2xi32>
}

// -----

nd4j_exec.graph @avgpool_extra {
  %x = nd4j_exec.placeholder "x" : tensor<1x1x4x4xf32>
  // expected-error @+1 {{extraParam0 must be 0 or 1, got 2}}
  %y = nd4j_exec.node "avgpool2d" <custom>(%x) i_args [2, 2, 2, 2, 0, 0, 1, 1, 0, 2, 0] {name = "y"} : (tensor<1x1x4x4xf32>) -> tensor<1x1x2x2xf32>
  nd4j_exec.return %y : tensor<1x1x2x2xf32>
}

// -----

nd4j_exec.graph @maxpool3d_unsigned {
  %x = nd4j_exec.placeholder "x" : tensor<1x1x4x4x4xui8>
  // expected-error @+1 {{unsigned 3-D max pooling is not supported}}
  %y = nd4j_exec.node "maxpool3dnew" <custom>(%x) i_args [2, 2, 2, 2, 2, 2, 0, 0, 0, 1, 1, 1, 0, 0, 0] {name = "y"} : (tensor<1x1x4x4x4xui8>) -> tensor<1x1x2x2x2xui8>
  nd4j_exec.return %y : tensor<1x1x2x2x2xui8>
}

// -----

nd4j_exec.graph @pool_bad_kernel {
  %x = nd4j_exec.placeholder "x" : tensor<1x1x4x4xf32>
  // expected-error @+1 {{kernel, stride and dilation must be positive and padding non-negative}}
  %y = nd4j_exec.node "maxpool2d" <custom>(%x) i_args [0, 2, 2, 2, 0, 0, 1, 1, 0, 0, 0] {name = "y"} : (tensor<1x1x4x4xf32>) -> tensor<1x1x2x2xf32>
  nd4j_exec.return %y : tensor<1x1x2x2xf32>
}
