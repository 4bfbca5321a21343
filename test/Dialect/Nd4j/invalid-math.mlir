// RUN: nd4j-opt %s -split-input-file -verify-diagnostics

// Diagnostics of the math-family ops.

nd4j.graph @bitcast_code {
  %x = nd4j.placeholder "x" : tensor<2xf32>
  // expected-error @+2 {{newType 9 is not libnd4j's number 8 of 'i16'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.bitcast %x {dtype = i16, newType = 9 : i64} : (tensor<2xf32>) -> tensor<2x2xi16>
  nd4j.output
}

// -----

nd4j.graph @bitcast_last_dim {
  %x = nd4j.placeholder "x" : tensor<3xi32>
  // expected-error @+2 {{bitcast from 'i32' to 'i64' needs a last dimension of 2, got [3]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.bitcast %x {dtype = i64, newType = 10 : i64} : (tensor<3xi32>) -> tensor<i64>
  nd4j.output
}

// -----

nd4j.graph @bitcast_type {
  %x = nd4j.placeholder "x" : tensor<2xf32>
  // expected-error @+2 {{bitcast between 'f32' and 'si8' is not supported}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.bitcast %x {dtype = si8, newType = 7 : i64} : (tensor<2xf32>) -> tensor<2x4xsi8>
  nd4j.output
}

// -----

nd4j.graph @all_axis {
  %x = nd4j.placeholder "x" : tensor<2x3xi1>
  // expected-error @+2 {{'dimensions' 2 is out of range for rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.all %x {dimensions = array<i64: 2>, keepDims = false} : (tensor<2x3xi1>) -> tensor<2xi1>
  nd4j.output
}

// -----

nd4j.graph @betainc_types {
  %x = nd4j.placeholder "x" : tensor<2xf32>
  %y = nd4j.placeholder "y" : tensor<3xf32>
  // expected-error @+2 {{a, b and input must have one type}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.betainc %x, %y, %x : (tensor<2xf32>, tensor<3xf32>, tensor<2xf32>) -> tensor<2xf32>
  nd4j.output
}

// -----

nd4j.graph @betainc_int {
  %x = nd4j.placeholder "x" : tensor<2xi32>
  // expected-error @+2 {{betainc needs floating-point operands}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.betainc %x, %x, %x : (tensor<2xi32>, tensor<2xi32>, tensor<2xi32>) -> tensor<2xi32>
  nd4j.output
}

// -----

nd4j.graph @cumprod_axis {
  %x = nd4j.placeholder "x" : tensor<2x3xf32>
  %y = nd4j.placeholder "y" : tensor<2xi32>
  // expected-error @+2 {{dimensions must be one integer}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.cumprod %x, %y {exclusive = 0 : i64, reverse = 0 : i64} : (tensor<2x3xf32>, tensor<2xi32>) -> tensor<2x3xf32>
  nd4j.output
}

// -----

nd4j.graph @cumprod_flag {
  %x = nd4j.placeholder "x" : tensor<2x3xf32>
  %y = nd4j.placeholder "y" : tensor<i32>
  // expected-error @+2 {{'exclusive' must be 0 or 1, got 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.cumprod %x, %y {exclusive = 2 : i64, reverse = 0 : i64} : (tensor<2x3xf32>, tensor<i32>) -> tensor<2x3xf32>
  nd4j.output
}

// -----

nd4j.graph @nth_element_rank {
  %x = nd4j.placeholder "x" : tensor<f32>
  %y = nd4j.placeholder "y" : tensor<i32>
  // expected-error @+2 {{nth_element needs an input of rank 1 or more}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.nth_element %x, %y {reverse = 0 : i64} : (tensor<f32>, tensor<i32>) -> tensor<f32>
  nd4j.output
}

// -----

nd4j.graph @nth_element_n_type {
  %x = nd4j.placeholder "x" : tensor<4xf32>
  %y = nd4j.placeholder "y" : tensor<f32>
  // expected-error @+2 {{n must be an integer tensor}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.nth_element %x, %y {reverse = 0 : i64} : (tensor<4xf32>, tensor<f32>) -> tensor<f32>
  nd4j.output
}

// -----

nd4j.graph @nth_element_n_scalar {
  %x = nd4j.placeholder "x" : tensor<4xf32>
  %y = nd4j.placeholder "y" : tensor<2xi32>
  // expected-error @+2 {{n must be a scalar}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.nth_element %x, %y {reverse = 0 : i64} : (tensor<4xf32>, tensor<2xi32>) -> tensor<f32>
  nd4j.output
}

// -----

nd4j.graph @nth_element_range {
  %x = nd4j.placeholder "x" : tensor<4xf32>
  %y = nd4j.constant dense<4> : tensor<i32>
  // expected-error @+2 {{n 4 is out of range for dimension 4}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.nth_element %x, %y {reverse = 0 : i64} : (tensor<4xf32>, tensor<i32>) -> tensor<f32>
  nd4j.output
}

// -----

nd4j.graph @bitpack_multiple {
  %x = nd4j.placeholder "x" : tensor<12xf32>
  %y = nd4j.placeholder "y" : tensor<f32>
  // expected-error @+2 {{last dimension 12 is not a multiple of 8}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.compare_and_bitpack %x, %y : (tensor<12xf32>, tensor<f32>) -> tensor<1xui8>
  nd4j.output
}

// -----

nd4j.graph @bitpack_rank {
  %x = nd4j.placeholder "x" : tensor<f32>
  %y = nd4j.placeholder "y" : tensor<f32>
  // expected-error @+2 {{compare_and_bitpack needs an input of rank 1 or more}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.compare_and_bitpack %x, %y : (tensor<f32>, tensor<f32>) -> tensor<ui8>
  nd4j.output
}

// -----

nd4j.graph @l2_loss_int {
  %x = nd4j.placeholder "x" : tensor<3xi32>
  // expected-error @+2 {{l2_loss needs a floating-point input}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.l2_loss %x : (tensor<3xi32>) -> tensor<i32>
  nd4j.output
}

// -----

nd4j.graph @contrast_rank {
  %x = nd4j.placeholder "x" : tensor<4x3xf32>
  %y = nd4j.placeholder "y" : tensor<f32>
  // expected-error @+2 {{images must be floating-point of rank 3 or more}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.adjust_contrast_v2 %x, %y : (tensor<4x3xf32>, tensor<f32>) -> tensor<4x3xf32>
  nd4j.output
}

// -----

nd4j.graph @contrast_factor {
  %x = nd4j.placeholder "x" : tensor<2x2x3xf32>
  %y = nd4j.placeholder "y" : tensor<2xf32>
  // expected-error @+2 {{factor must be a floating-point scalar}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.adjust_contrast_v2 %x, %y : (tensor<2x2x3xf32>, tensor<2xf32>) -> tensor<2x2x3xf32>
  nd4j.output
}

// -----

nd4j.graph @matrix_diag_rank {
  %x = nd4j.placeholder "x" : tensor<f32>
  // expected-error @+2 {{diagonal must have rank 1 or more}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.matrix_diag %x : (tensor<f32>) -> tensor<f32>
  nd4j.output
}

// -----

nd4j.graph @set_diag_shape {
  %x = nd4j.placeholder "x" : tensor<3x4xf32>
  %y = nd4j.placeholder "y" : tensor<4xf32>
  // expected-error @+2 {{diagonal [4] must have shape [3]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.matrix_set_diag %x, %y : (tensor<3x4xf32>, tensor<4xf32>) -> tensor<3x4xf32>
  nd4j.output
}

// -----

nd4j.graph @set_diag_rank {
  %x = nd4j.placeholder "x" : tensor<3xf32>
  %y = nd4j.placeholder "y" : tensor<3xf32>
  // expected-error @+2 {{input must have rank 2 or more}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.matrix_set_diag %x, %y : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  nd4j.output
}

// -----

nd4j.graph @band_rank {
  %x = nd4j.placeholder "x" : tensor<3xf32>
  // expected-error @+2 {{input must have rank 2 or more}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.matrix_band_part %x {maxUpper = 0 : i64, minLower = 0 : i64} : (tensor<3xf32>) -> tensor<3xf32>
  nd4j.output
}

// -----

nd4j.graph @inverse_square {
  %x = nd4j.placeholder "x" : tensor<3x4xf32>
  // expected-error @+2 {{input must be square matrices, got [3, 4]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.matrix_inverse %x : (tensor<3x4xf32>) -> tensor<3x4xf32>
  nd4j.output
}

// -----

nd4j.graph @inverse_int {
  %x = nd4j.placeholder "x" : tensor<3x3xi32>
  // expected-error @+2 {{matrix_inverse needs floating-point input}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.matrix_inverse %x : (tensor<3x3xi32>) -> tensor<3x3xi32>
  nd4j.output
}

// -----

nd4j.graph @s2b_block_rank {
  %x = nd4j.placeholder "x" : tensor<2x6x3xf32>
  %y = nd4j.placeholder "y" : tensor<1x2xi32>
  %b = nd4j.placeholder "b" : tensor<3xi32>
  // expected-error @+2 {{blockShape of 3 elements needs an input of rank at least 4, got [2, 6, 3]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.space_to_batch_nd %x, %b, %y : (tensor<2x6x3xf32>, tensor<3xi32>, tensor<1x2xi32>) -> tensor<?x?x?xf32>
  nd4j.output
}

// -----

nd4j.graph @s2b_padding {
  %x = nd4j.placeholder "x" : tensor<2x6x3xf32>
  %y = nd4j.placeholder "y" : tensor<2x2xi32>
  %b = nd4j.placeholder "b" : tensor<1xi32>
  // expected-error @+2 {{padding must be [1, 2]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.space_to_batch_nd %x, %b, %y : (tensor<2x6x3xf32>, tensor<1xi32>, tensor<2x2xi32>) -> tensor<?x?x3xf32>
  nd4j.output
}

// -----

nd4j.graph @s2b_divisible {
  %x = nd4j.placeholder "x" : tensor<2x5x3xf32>
  %y = nd4j.constant dense<[[0, 0]]> : tensor<1x2xi32>
  %b = nd4j.constant dense<2> : tensor<1xi32>
  // expected-error @+2 {{padded dimension 1 (5) is not a multiple of its block size 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.space_to_batch_nd %x, %b, %y : (tensor<2x5x3xf32>, tensor<1xi32>, tensor<1x2xi32>) -> tensor<?x?x3xf32>
  nd4j.output
}

// -----

nd4j.graph @s2b_block_positive {
  %x = nd4j.placeholder "x" : tensor<2x4x3xf32>
  %y = nd4j.placeholder "y" : tensor<1x2xi32>
  %b = nd4j.constant dense<0> : tensor<1xi32>
  // expected-error @+2 {{block sizes must be positive, got [0]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.space_to_batch_nd %x, %b, %y : (tensor<2x4x3xf32>, tensor<1xi32>, tensor<1x2xi32>) -> tensor<?x?x3xf32>
  nd4j.output
}

// -----

nd4j.graph @s2b_negative_pad {
  %x = nd4j.placeholder "x" : tensor<2x4x3xf32>
  %y = nd4j.constant dense<[[-1, 1]]> : tensor<1x2xi32>
  %b = nd4j.placeholder "b" : tensor<1xi32>
  // expected-error @+2 {{padding must not be negative}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.space_to_batch_nd %x, %b, %y : (tensor<2x4x3xf32>, tensor<1xi32>, tensor<1x2xi32>) -> tensor<?x?x3xf32>
  nd4j.output
}

// -----

nd4j.graph @s2b_int_block {
  %x = nd4j.placeholder "x" : tensor<2x4x3xf32>
  %y = nd4j.placeholder "y" : tensor<1x2xi32>
  %b = nd4j.placeholder "b" : tensor<1xf32>
  // expected-error @+2 {{blockShape must be an integer tensor}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.space_to_batch_nd %x, %b, %y : (tensor<2x4x3xf32>, tensor<1xf32>, tensor<1x2xi32>) -> tensor<?x?x3xf32>
  nd4j.output
}

// -----

nd4j.graph @s2b_block_static {
  %x = nd4j.placeholder "x" : tensor<2x4x3xf32>
  %y = nd4j.placeholder "y" : tensor<1x2xi32>
  %b = nd4j.placeholder "b" : tensor<?xi32>
  // expected-error @+2 {{blockShape must be 1-D of static length}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.space_to_batch_nd %x, %b, %y : (tensor<2x4x3xf32>, tensor<?xi32>, tensor<1x2xi32>) -> tensor<?x?x3xf32>
  nd4j.output
}

// -----

nd4j.graph @b2s_batch {
  %x = nd4j.placeholder "x" : tensor<3x4x3xf32>
  %y = nd4j.constant dense<[[0, 0]]> : tensor<1x2xi32>
  %b = nd4j.constant dense<2> : tensor<1xi32>
  // expected-error @+2 {{batch 3 is not a multiple of the block size 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.batch_to_space_nd %x, %b, %y : (tensor<3x4x3xf32>, tensor<1xi32>, tensor<1x2xi32>) -> tensor<?x?x3xf32>
  nd4j.output
}

// -----

nd4j.graph @b2s_crop {
  %x = nd4j.placeholder "x" : tensor<2x1x3xf32>
  %y = nd4j.constant dense<[[2, 1]]> : tensor<1x2xi32>
  %b = nd4j.constant dense<2> : tensor<1xi32>
  // expected-error @+2 {{crop exceeds dimension 1}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.batch_to_space_nd %x, %b, %y : (tensor<2x1x3xf32>, tensor<1xi32>, tensor<1x2xi32>) -> tensor<?x?x3xf32>
  nd4j.output
}

// -----

nd4j.graph @roll_lengths {
  %x = nd4j.placeholder "x" : tensor<2x3xf32>
  %y = nd4j.placeholder "y" : tensor<2xi64>
  %d = nd4j.placeholder "d" : tensor<1xi64>
  // expected-error @+2 {{shiftsI and dimensions must be 1-D of one length}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.roll %x, %y, %d : (tensor<2x3xf32>, tensor<2xi64>, tensor<1xi64>) -> tensor<2x3xf32>
  nd4j.output
}

// -----

nd4j.graph @roll_axis {
  %x = nd4j.placeholder "x" : tensor<2x3xf32>
  %y = nd4j.placeholder "y" : tensor<1xi64>
  %d = nd4j.constant dense<2> : tensor<1xi64>
  // expected-error @+2 {{'dimensions' 2 is out of range for rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.roll %x, %y, %d : (tensor<2x3xf32>, tensor<1xi64>, tensor<1xi64>) -> tensor<2x3xf32>
  nd4j.output
}

// -----

nd4j.graph @roll_int {
  %x = nd4j.placeholder "x" : tensor<2x3xf32>
  %y = nd4j.placeholder "y" : tensor<1xf32>
  %d = nd4j.placeholder "d" : tensor<1xi64>
  // expected-error @+2 {{shiftsI must be an integer tensor}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.roll %x, %y, %d : (tensor<2x3xf32>, tensor<1xf32>, tensor<1xi64>) -> tensor<2x3xf32>
  nd4j.output
}

// -----

nd4j.graph @segment_ids {
  %x = nd4j.placeholder "x" : tensor<4x3xf32>
  %y = nd4j.placeholder "y" : tensor<3xi32>
  // expected-error @+2 {{idxSegments [3] must hold one id per slice of [4, 3]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.segment_sum %x, %y : (tensor<4x3xf32>, tensor<3xi32>) -> tensor<?x3xf32>
  nd4j.output
}

// -----

nd4j.graph @segment_sorted {
  %x = nd4j.placeholder "x" : tensor<3x3xf32>
  %y = nd4j.constant dense<[1, 0, 2]> : tensor<3xi32>
  // expected-error @+2 {{segment ids must be non-negative and sorted}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.segment_max %x, %y : (tensor<3x3xf32>, tensor<3xi32>) -> tensor<?x3xf32>
  nd4j.output
}

// -----

nd4j.graph @unsorted_count {
  %x = nd4j.placeholder "x" : tensor<3x3xf32>
  %y = nd4j.placeholder "y" : tensor<3xi32>
  // expected-error @+2 {{the number of segments must not be negative, got -1}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.unsorted_segment_sum %x, %y {numSegments = -1 : i64} : (tensor<3x3xf32>, tensor<3xi32>) -> tensor<?x3xf32>
  nd4j.output
}

// -----

nd4j.graph @unsorted_ids_type {
  %x = nd4j.placeholder "x" : tensor<3x3xf32>
  %y = nd4j.placeholder "y" : tensor<3xf32>
  // expected-error @+2 {{idxSegments must be an integer tensor}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.unsorted_segment_max %x, %y {numOfClasses = 2 : i64} : (tensor<3x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  nd4j.output
}

// -----

nd4j.graph @hsv_channels {
  %x = nd4j.placeholder "x" : tensor<4x4x2xf32>
  // expected-error @+2 {{dimension 2 of [4, 4, 2] must hold 3 channels}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.rgb_to_hsv %x {dimC = -1 : i64} : (tensor<4x4x2xf32>) -> tensor<4x4x2xf32>
  nd4j.output
}

// -----

nd4j.graph @hsv_float {
  %x = nd4j.placeholder "x" : tensor<4x3xi32>
  // expected-error @+2 {{images must be floating-point}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.hsv_to_rgb %x {dimC = 1 : i64} : (tensor<4x3xi32>) -> tensor<4x3xi32>
  nd4j.output
}

// -----

nd4j.graph @hsv_dim {
  %x = nd4j.placeholder "x" : tensor<4x3xf32>
  // expected-error @+2 {{'dimC' 2 is out of range for rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.hsv_to_rgb %x {dimC = 2 : i64} : (tensor<4x3xf32>) -> tensor<4x3xf32>
  nd4j.output
}

// -----

nd4j.graph @svd_calc_uv {
  %x = nd4j.placeholder "x" : tensor<3x3xf32>
  // expected-error @+2 {{'calcUV' must be 0: this op yields the singular values only}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.svd %x {calcUV = 1 : i64, fullUV = 0 : i64, switchNum = 16 : i64} : (tensor<3x3xf32>) -> tensor<3xf32>
  nd4j.output
}

// -----

nd4j.graph @svd_rank {
  %x = nd4j.placeholder "x" : tensor<3xf32>
  // expected-error @+2 {{svd needs floating-point matrices}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.svd %x {calcUV = 0 : i64, fullUV = 0 : i64, switchNum = 16 : i64} : (tensor<3xf32>) -> tensor<3xf32>
  nd4j.output
}

// -----

nd4j.graph @svd_switch {
  %x = nd4j.placeholder "x" : tensor<3x3xf32>
  // expected-error @+2 {{'switchNum' must be at least 1, got 0}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.svd %x {calcUV = 0 : i64, fullUV = 0 : i64, switchNum = 0 : i64} : (tensor<3x3xf32>) -> tensor<3xf32>
  nd4j.output
}

// -----

nd4j.graph @patches_rank {
  %x = nd4j.placeholder "x" : tensor<4x4x3xf32>
  // expected-error @+2 {{images must be NHWC}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.extract_image_patches %x {isSameMode = 0 : i64, krateCols = 1 : i64, krateRows = 1 : i64, ksizeCols = 2 : i64, ksizeRows = 2 : i64, kstrideCols = 1 : i64, kstrideRows = 1 : i64} : (tensor<4x4x3xf32>) -> tensor<3x3x12xf32>
  nd4j.output
}

// -----

nd4j.graph @patches_size {
  %x = nd4j.placeholder "x" : tensor<1x4x4x3xf32>
  // expected-error @+2 {{'ksizeRows' must be at least 1, got 0}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.extract_image_patches %x {isSameMode = 0 : i64, krateCols = 1 : i64, krateRows = 1 : i64, ksizeCols = 2 : i64, ksizeRows = 0 : i64, kstrideCols = 1 : i64, kstrideRows = 1 : i64} : (tensor<1x4x4x3xf32>) -> tensor<1x3x3x12xf32>
  nd4j.output
}

// -----

nd4j.graph @patches_fit {
  %x = nd4j.placeholder "x" : tensor<1x2x4x3xf32>
  // expected-error @+2 {{window of extent 3 does not fit input height 2 with padding 0}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = nd4j.extract_image_patches %x {isSameMode = 0 : i64, krateCols = 1 : i64, krateRows = 2 : i64, ksizeCols = 2 : i64, ksizeRows = 2 : i64, kstrideCols = 1 : i64, kstrideRows = 1 : i64} : (tensor<1x2x4x3xf32>) -> tensor<1x1x3x12xf32>
  nd4j.output
}
