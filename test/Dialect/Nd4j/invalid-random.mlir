// RUN: nd4j-opt %s -split-input-file -verify-diagnostics

// Diagnostics of the random-family ops.
nd4j.graph @normal_dtype {
  %s = nd4j.placeholder "s" : tensor<2xi64>
  // expected-error @+2 {{dtype must be floating-point, got 'i32'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.random_normal %s {dtype = i32, mean = 0.0 : f64, stdev = 1.0 : f64} : (tensor<2xi64>) -> tensor<?x?xi32>
  nd4j.output
}

// -----

nd4j.graph @normal_shape {
  %s = nd4j.placeholder "s" : tensor<2x2xi64>
  // expected-error @+2 {{shape must be a 1-D integer tensor of static size, got 'tensor<2x2xi64>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.random_normal %s {dtype = f32, mean = 0.0 : f64, stdev = 1.0 : f64} : (tensor<2x2xi64>) -> tensor<?x?xf32>
  nd4j.output
}

// -----

nd4j.graph @normal_negative {
  %s = nd4j.constant dense<[2, -3]> : tensor<2xi64>
  // expected-error @+2 {{shape [2, -3] has a negative extent}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.random_normal %s {dtype = f32, mean = 0.0 : f64, stdev = 1.0 : f64} : (tensor<2xi64>) -> tensor<?x?xf32>
  nd4j.output
}

// -----

nd4j.graph @normal_stdev {
  %s = nd4j.placeholder "s" : tensor<2xi64>
  // expected-error @+2 {{stdev must not be negative, got -1.000000e+00}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.random_normal %s {dtype = f32, mean = 0.0 : f64, stdev = -1.0 : f64} : (tensor<2xi64>) -> tensor<?x?xf32>
  nd4j.output
}

// -----

nd4j.graph @gamma_alpha {
  %s = nd4j.placeholder "s" : tensor<1xi64>
  %a = nd4j.placeholder "a" : tensor<3xi32>
  // expected-error @+2 {{alpha must be floating-point, got 'i32'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.random_gamma %s, %a : (tensor<1xi64>, tensor<3xi32>) -> tensor<?x3xi32>
  nd4j.output
}

// -----

nd4j.graph @poisson_lambda {
  %s = nd4j.placeholder "s" : tensor<1xi64>
  %a = nd4j.placeholder "a" : tensor<3xi32>
  // expected-error @+2 {{lambda must be floating-point, got 'i32'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.random_poisson %s, %a {dtype = f32} : (tensor<1xi64>, tensor<3xi32>) -> tensor<?x3xf32>
  nd4j.output
}

// -----

nd4j.graph @shuffle_scalar {
  %x = nd4j.placeholder "x" : tensor<f32>
  // expected-error @+2 {{random_shuffle needs an input of rank 1 or more}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.random_shuffle %x : (tensor<f32>) -> tensor<f32>
  nd4j.output
}

// -----

nd4j.graph @multinomial_dtype {
  %x = nd4j.placeholder "x" : tensor<2x3xf32>
  %n = nd4j.placeholder "n" : tensor<i32>
  // expected-error @+2 {{dtype must be i32 or i64, got 'f32'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.random_multinomial %x, %n {dimC = 0 : i64, dtype = f32} : (tensor<2x3xf32>, tensor<i32>) -> tensor<2x?xf32>
  nd4j.output
}

// -----

nd4j.graph @multinomial_rank {
  %x = nd4j.placeholder "x" : tensor<3xf32>
  %n = nd4j.placeholder "n" : tensor<i32>
  // expected-error @+2 {{random_multinomial needs [batch, classes] logits, got 'tensor<3xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.random_multinomial %x, %n {dimC = 0 : i64, dtype = i64} : (tensor<3xf32>, tensor<i32>) -> tensor<?xi64>
  nd4j.output
}

// -----

nd4j.graph @multinomial_logits {
  %x = nd4j.placeholder "x" : tensor<2x3xi32>
  %n = nd4j.placeholder "n" : tensor<i32>
  // expected-error @+2 {{input must be floating-point, got 'i32'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.random_multinomial %x, %n {dimC = 0 : i64, dtype = i64} : (tensor<2x3xi32>, tensor<i32>) -> tensor<2x?xi64>
  nd4j.output
}

// -----

nd4j.graph @multinomial_dimc_range {
  %x = nd4j.placeholder "x" : tensor<2x3xf32>
  %n = nd4j.placeholder "n" : tensor<i32>
  // expected-error @+2 {{'dimC' 2 is out of range for rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.random_multinomial %x, %n {dimC = 2 : i64, dtype = i64} : (tensor<2x3xf32>, tensor<i32>) -> tensor<2x?xi64>
  nd4j.output
}

// -----

nd4j.graph @multinomial_samples {
  %x = nd4j.placeholder "x" : tensor<2x3xf32>
  %n = nd4j.placeholder "n" : tensor<2xi32>
  // expected-error @+2 {{inputSamples must be an integer scalar, got 'tensor<2xi32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.random_multinomial %x, %n {dimC = 0 : i64, dtype = i64} : (tensor<2x3xf32>, tensor<2xi32>) -> tensor<2x?xi64>
  nd4j.output
}

// -----

nd4j.graph @multinomial_negative {
  %x = nd4j.placeholder "x" : tensor<2x3xf32>
  %n = nd4j.constant dense<-1> : tensor<i32>
  // expected-error @+2 {{number of samples -1 is negative}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.random_multinomial %x, %n {dimC = 0 : i64, dtype = i64} : (tensor<2x3xf32>, tensor<i32>) -> tensor<2x?xi64>
  nd4j.output
}

// -----

nd4j.graph @fq_args_input {
  %x = nd4j.placeholder "x" : tensor<3xi32>
  // expected-error @+2 {{input must be floating-point, got 'i32'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.fake_quant_with_min_max_args %x {max = 1.0 : f64, min = 0.0 : f64, narrowRange = false, numBits = 8 : i64} : (tensor<3xi32>) -> tensor<3xi32>
  nd4j.output
}

// -----

nd4j.graph @fq_args_bits {
  %x = nd4j.placeholder "x" : tensor<3xf32>
  // expected-error @+2 {{number of bits must be 2 to 16, got 1}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.fake_quant_with_min_max_args %x {max = 1.0 : f64, min = 0.0 : f64, narrowRange = false, numBits = 1 : i64} : (tensor<3xf32>) -> tensor<3xf32>
  nd4j.output
}

// -----

nd4j.graph @fq_args_range {
  %x = nd4j.placeholder "x" : tensor<3xf32>
  // expected-error @+2 {{min 1.000000e+00 must be below max 1.000000e+00}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.fake_quant_with_min_max_args %x {max = 1.0 : f64, min = 1.0 : f64, narrowRange = false, numBits = 8 : i64} : (tensor<3xf32>) -> tensor<3xf32>
  nd4j.output
}

// -----

nd4j.graph @fq_vars_type {
  %x = nd4j.placeholder "x" : tensor<3xf32>
  %lo = nd4j.placeholder "lo" : tensor<f64>
  %hi = nd4j.placeholder "hi" : tensor<f32>
  // expected-error @+2 {{operand element types differ: 'f32' vs 'f64'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.fake_quant_with_min_max_vars %x, %lo, %hi {narrowed = false, numBits = 8 : i64} : (tensor<3xf32>, tensor<f64>, tensor<f32>) -> tensor<3xf32>
  nd4j.output
}

// -----

nd4j.graph @fq_vars_scalar {
  %x = nd4j.placeholder "x" : tensor<3xf32>
  %lo = nd4j.placeholder "lo" : tensor<2xf32>
  %hi = nd4j.placeholder "hi" : tensor<f32>
  // expected-error @+2 {{min must be a scalar, got 'tensor<2xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.fake_quant_with_min_max_vars %x, %lo, %hi {narrowed = false, numBits = 8 : i64} : (tensor<3xf32>, tensor<2xf32>, tensor<f32>) -> tensor<3xf32>
  nd4j.output
}

// -----

nd4j.graph @fq_channel_rank {
  %x = nd4j.placeholder "x" : tensor<f32>
  %lo = nd4j.placeholder "lo" : tensor<1xf32>
  %hi = nd4j.placeholder "hi" : tensor<1xf32>
  // expected-error @+2 {{per-channel fake quantization needs rank 1 or more}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.fake_quant_with_min_max_vars_per_channel %x, %lo, %hi {narrowed = false, num_bits = 8 : i64} : (tensor<f32>, tensor<1xf32>, tensor<1xf32>) -> tensor<f32>
  nd4j.output
}

// -----

nd4j.graph @fq_channel_ranges {
  %x = nd4j.placeholder "x" : tensor<2x3xf32>
  %lo = nd4j.placeholder "lo" : tensor<2xf32>
  %hi = nd4j.placeholder "hi" : tensor<2xf32>
  // expected-error @+2 {{min and max must be [3], one range per channel, got 'tensor<2xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.fake_quant_with_min_max_vars_per_channel %x, %lo, %hi {narrowed = false, num_bits = 8 : i64} : (tensor<2x3xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<2x3xf32>
  nd4j.output
}

// -----

nd4j.graph @nms_int_boxes {
  %b = nd4j.placeholder "b" : tensor<6x4xi32>
  %s = nd4j.placeholder "s" : tensor<6xi32>
  %k = nd4j.placeholder "k" : tensor<i32>
  %t = nd4j.placeholder "t" : tensor<f32>
  // expected-error @+2 {{boxes must be floating-point, got 'i32'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.non_max_suppression_v3 %b, %s, %k, %t, %t : (tensor<6x4xi32>, tensor<6xi32>, tensor<i32>, tensor<f32>, tensor<f32>) -> tensor<?xi32>
  nd4j.output
}

// -----

nd4j.graph @nms_score_type {
  %b = nd4j.placeholder "b" : tensor<6x4xf32>
  %s = nd4j.placeholder "s" : tensor<6xf16>
  %k = nd4j.placeholder "k" : tensor<i32>
  %t = nd4j.placeholder "t" : tensor<f32>
  // expected-error @+2 {{operand element types differ: 'f32' vs 'f16'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.non_max_suppression_v3 %b, %s, %k, %t, %t : (tensor<6x4xf32>, tensor<6xf16>, tensor<i32>, tensor<f32>, tensor<f32>) -> tensor<?xi32>
  nd4j.output
}

// -----

nd4j.graph @nms_boxes_shape {
  %b = nd4j.placeholder "b" : tensor<6x3xf32>
  %s = nd4j.placeholder "s" : tensor<6xf32>
  %k = nd4j.placeholder "k" : tensor<i32>
  %t = nd4j.placeholder "t" : tensor<f32>
  // expected-error @+2 {{boxes must be [n, 4], got 'tensor<6x3xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.non_max_suppression_v3 %b, %s, %k, %t, %t : (tensor<6x3xf32>, tensor<6xf32>, tensor<i32>, tensor<f32>, tensor<f32>) -> tensor<?xi32>
  nd4j.output
}

// -----

nd4j.graph @nms_scores_shape {
  %b = nd4j.placeholder "b" : tensor<6x4xf32>
  %s = nd4j.placeholder "s" : tensor<5xf32>
  %k = nd4j.placeholder "k" : tensor<i32>
  %t = nd4j.placeholder "t" : tensor<f32>
  // expected-error @+2 {{scales must be [6], one score per box, got 'tensor<5xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.non_max_suppression_v3 %b, %s, %k, %t, %t : (tensor<6x4xf32>, tensor<5xf32>, tensor<i32>, tensor<f32>, tensor<f32>) -> tensor<?xi32>
  nd4j.output
}

// -----

nd4j.graph @nms_max_out {
  %b = nd4j.placeholder "b" : tensor<6x4xf32>
  %s = nd4j.placeholder "s" : tensor<6xf32>
  %k = nd4j.placeholder "k" : tensor<f32>
  %t = nd4j.placeholder "t" : tensor<f32>
  // expected-error @+2 {{maxOutSize must be an integer scalar, got 'tensor<f32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.non_max_suppression_v3 %b, %s, %k, %t, %t : (tensor<6x4xf32>, tensor<6xf32>, tensor<f32>, tensor<f32>, tensor<f32>) -> tensor<?xi32>
  nd4j.output
}

// -----

nd4j.graph @nms_threshold_scalar {
  %b = nd4j.placeholder "b" : tensor<6x4xf32>
  %s = nd4j.placeholder "s" : tensor<6xf32>
  %k = nd4j.placeholder "k" : tensor<i32>
  %t = nd4j.placeholder "t" : tensor<f32>
  %t2 = nd4j.placeholder "t2" : tensor<2xf32>
  // expected-error @+2 {{iouThreshold must be a scalar, got 'tensor<2xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.non_max_suppression_v3 %b, %s, %k, %t2, %t : (tensor<6x4xf32>, tensor<6xf32>, tensor<i32>, tensor<2xf32>, tensor<f32>) -> tensor<?xi32>
  nd4j.output
}
