// RUN: nd4j-opt %s --convert-nd4j-to-exec | FileCheck %s

// The math-family ops through their declared descriptors: bitcast's type as
// i_arg and d_arg, all/any as legacy reduce-bool ops with the dimensions in
// the axis list and keepDims as b_arg, the others as custom ops whose run-time
// operands stay inputs.

// CHECK-LABEL: nd4j_exec.graph @math
nd4j.graph @math {
  %x = nd4j.placeholder "x" : tensor<2x3xf32>
  %m = nd4j.placeholder "m" : tensor<2x3x3xf32>
  %img = nd4j.placeholder "img" : tensor<4x4x3xf32>
  %f = nd4j.placeholder "f" : tensor<f32>
  %i = nd4j.placeholder "i" : tensor<2x3xi32>
  %b = nd4j.placeholder "b" : tensor<2x3xi1>
  %k = nd4j.placeholder "k" : tensor<i32>
  %p16 = nd4j.placeholder "p16" : tensor<2x16xf32>
  %ids = nd4j.placeholder "ids" : tensor<2xi32>
  %img4 = nd4j.placeholder "img4" : tensor<1x4x4x3xf32>
  %cids = nd4j.constant dense<[0, 2]> : tensor<2xi32>
  %blk = nd4j.constant dense<2> : tensor<1xi32>
  %pad = nd4j.constant dense<[[1, 1]]> : tensor<1x2xi32>
  %sh = nd4j.constant dense<[1, -2]> : tensor<2xi64>
  %ax = nd4j.constant dense<[0, 1]> : tensor<2xi64>
  // CHECK: nd4j_exec.node "log1p" <transform_strict>({{.*}}) {op_num = 44 : i64
  %0 = nd4j.log1p %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "isfinite" <transform_bool>({{.*}}) {op_num = 3 : i64
  %1 = nd4j.isfinite %x : (tensor<2x3xf32>) -> tensor<2x3xi1>
  // CHECK: nd4j_exec.node "lgamma" <custom>({{.*}}) {{.*}} :
  %2 = nd4j.lgamma %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "toggle_bits" <custom>({{.*}}) {{.*}} :
  %3 = nd4j.toggle_bits %i : (tensor<2x3xi32>) -> tensor<2x3xi32>
  // CHECK: nd4j_exec.node "bitwise_and" <custom>({{.*}}) {{.*}} :
  %4 = nd4j.bitwise_and %i, %i : (tensor<2x3xi32>, tensor<2x3xi32>) -> tensor<2x3xi32>
  // CHECK: nd4j_exec.node "bitwise_or" <custom>({{.*}}) {{.*}} :
  %5 = nd4j.bitwise_or %i, %i : (tensor<2x3xi32>, tensor<2x3xi32>) -> tensor<2x3xi32>
  // CHECK: nd4j_exec.node "bitwise_xor" <custom>({{.*}}) {{.*}} :
  %6 = nd4j.bitwise_xor %i, %i : (tensor<2x3xi32>, tensor<2x3xi32>) -> tensor<2x3xi32>
  // CHECK: nd4j_exec.node "floordiv" <custom>({{.*}}) {{.*}} :
  %7 = nd4j.floordiv %x, %f : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "igamma" <custom>({{.*}}) {{.*}} :
  %8 = nd4j.igamma %x, %x : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "igammac" <custom>({{.*}}) {{.*}} :
  %9 = nd4j.igammac %x, %x : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "betainc" <custom>({{.*}}) {{.*}} :
  %10 = nd4j.betainc %x, %x, %x : (tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "bitcast" <custom>({{.*}}) i_args [8] d_args [i16] :
  %11 = nd4j.bitcast %x {dtype = i16, newType = 8 : i64} : (tensor<2x3xf32>) -> tensor<2x3x2xi16>
  // CHECK: nd4j_exec.node "bitcast" <custom>({{.*}}) i_args [13] d_args [ui32] {{.*}} :
  %12 = nd4j.bitcast %11 {dtype = ui32, newType = 13 : i64} : (tensor<2x3x2xi16>) -> tensor<2x3xui32>
  // CHECK: nd4j_exec.node "all" <reduce_bool>({{.*}}) b_args [false] axis [1] {op_num = 1 : i64
  %13 = nd4j.all %b {dimensions = array<i64: 1>, keepDims = false} : (tensor<2x3xi1>) -> tensor<2xi1>
  // CHECK: nd4j_exec.node "any" <reduce_bool>({{.*}}) b_args [true] {op_num = 0 : i64
  %14 = nd4j.any %b {dimensions = array<i64>, keepDims = true} : (tensor<2x3xi1>) -> tensor<1x1xi1>
  // CHECK: nd4j_exec.node "cumprod" <custom>({{.*}}) i_args [0, 1] {{.*}} :
  %15 = nd4j.cumprod %x, %k {exclusive = 0 : i64, reverse = 1 : i64} : (tensor<2x3xf32>, tensor<i32>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "nth_element" <custom>({{.*}}) i_args [0] {{.*}} :
  %16 = nd4j.nth_element %x, %k {reverse = 0 : i64} : (tensor<2x3xf32>, tensor<i32>) -> tensor<2xf32>
  // CHECK: nd4j_exec.node "compare_and_bitpack" <custom>({{.*}}) {{.*}} :
  %17 = nd4j.compare_and_bitpack %p16, %f : (tensor<2x16xf32>, tensor<f32>) -> tensor<2x2xui8>
  // CHECK: nd4j_exec.node "l2_loss" <custom>({{.*}}) {{.*}} :
  %18 = nd4j.l2_loss %x : (tensor<2x3xf32>) -> tensor<f32>
  // CHECK: nd4j_exec.node "adjust_contrast_v2" <custom>({{.*}}) {{.*}} :
  %19 = nd4j.adjust_contrast_v2 %img, %f : (tensor<4x4x3xf32>, tensor<f32>) -> tensor<4x4x3xf32>
  // CHECK: nd4j_exec.node "matrix_diag" <custom>({{.*}}) {{.*}} :
  %20 = nd4j.matrix_diag %x : (tensor<2x3xf32>) -> tensor<2x3x3xf32>
  // CHECK: nd4j_exec.node "matrix_set_diag" <custom>({{.*}}) {{.*}} :
  %21 = nd4j.matrix_set_diag %m, %x : (tensor<2x3x3xf32>, tensor<2x3xf32>) -> tensor<2x3x3xf32>
  // CHECK: nd4j_exec.node "matrix_band_part" <custom>({{.*}}) i_args [0, -1] {{.*}} :
  %22 = nd4j.matrix_band_part %m {maxUpper = -1 : i64, minLower = 0 : i64} : (tensor<2x3x3xf32>) -> tensor<2x3x3xf32>
  // CHECK: nd4j_exec.node "matrix_inverse" <custom>({{.*}}) {{.*}} :
  %23 = nd4j.matrix_inverse %m : (tensor<2x3x3xf32>) -> tensor<2x3x3xf32>
  // CHECK: nd4j_exec.node "space_to_batch_nd" <custom>({{.*}}) :
  %24 = nd4j.space_to_batch_nd %img, %blk, %pad : (tensor<4x4x3xf32>, tensor<1xi32>, tensor<1x2xi32>) -> tensor<8x3x3xf32>
  // CHECK: nd4j_exec.node "batch_to_space_nd" <custom>({{.*}}) {{.*}} :
  %25 = nd4j.batch_to_space_nd %24, %blk, %pad : (tensor<8x3x3xf32>, tensor<1xi32>, tensor<1x2xi32>) -> tensor<4x4x3xf32>
  // CHECK: nd4j_exec.node "roll" <custom>({{.*}}) {{.*}} :
  %26 = nd4j.roll %x, %sh, %ax : (tensor<2x3xf32>, tensor<2xi64>, tensor<2xi64>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "segment_sum" <custom>({{.*}}) {{.*}} :
  %27 = nd4j.segment_sum %x, %ids : (tensor<2x3xf32>, tensor<2xi32>) -> tensor<?x3xf32>
  // CHECK: nd4j_exec.node "segment_max" <custom>({{.*}}) {{.*}} :
  %28 = nd4j.segment_max %x, %cids : (tensor<2x3xf32>, tensor<2xi32>) -> tensor<3x3xf32>
  // CHECK: nd4j_exec.node "segment_prod" <custom>({{.*}}) {{.*}} :
  %29 = nd4j.segment_prod %x, %ids : (tensor<2x3xf32>, tensor<2xi32>) -> tensor<?x3xf32>
  // CHECK: nd4j_exec.node "segment_min" <custom>({{.*}}) {{.*}} :
  %30 = nd4j.segment_min %x, %ids : (tensor<2x3xf32>, tensor<2xi32>) -> tensor<?x3xf32>
  // CHECK: nd4j_exec.node "segment_mean" <custom>({{.*}}) {{.*}} :
  %31 = nd4j.segment_mean %x, %ids : (tensor<2x3xf32>, tensor<2xi32>) -> tensor<?x3xf32>
  // CHECK: nd4j_exec.node "unsorted_segment_sum" <custom>({{.*}}) i_args [4] {{.*}} :
  %32 = nd4j.unsorted_segment_sum %x, %ids {numSegments = 4 : i64} : (tensor<2x3xf32>, tensor<2xi32>) -> tensor<4x3xf32>
  // CHECK: nd4j_exec.node "unsorted_segment_prod" <custom>({{.*}}) i_args [4] {{.*}} :
  %33 = nd4j.unsorted_segment_prod %x, %ids {numSegments = 4 : i64} : (tensor<2x3xf32>, tensor<2xi32>) -> tensor<4x3xf32>
  // CHECK: nd4j_exec.node "unsorted_segment_min" <custom>({{.*}}) i_args [4] {{.*}} :
  %34 = nd4j.unsorted_segment_min %x, %ids {numSegments = 4 : i64} : (tensor<2x3xf32>, tensor<2xi32>) -> tensor<4x3xf32>
  // CHECK: nd4j_exec.node "unsorted_segment_max" <custom>({{.*}}) i_args [4] {{.*}} :
  %35 = nd4j.unsorted_segment_max %x, %ids {numOfClasses = 4 : i64} : (tensor<2x3xf32>, tensor<2xi32>) -> tensor<4x3xf32>
  // CHECK: nd4j_exec.node "rgb_to_hsv" <custom>({{.*}}) i_args [2] {{.*}} :
  %36 = nd4j.rgb_to_hsv %img {dimC = 2 : i64} : (tensor<4x4x3xf32>) -> tensor<4x4x3xf32>
  // CHECK: nd4j_exec.node "hsv_to_rgb" <custom>({{.*}}) i_args [-1] {{.*}} :
  %37 = nd4j.hsv_to_rgb %img {dimC = -1 : i64} : (tensor<4x4x3xf32>) -> tensor<4x4x3xf32>
  // CHECK: nd4j_exec.node "svd" <custom>({{.*}}) i_args [1, 0, 16] {{.*}} :
  %38 = nd4j.svd %m {calcUV = 0 : i64, fullUV = 1 : i64, switchNum = 16 : i64} : (tensor<2x3x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "extract_image_patches" <custom>({{.*}}) i_args [2, 2, 2, 1, 2, 1, 1] {{.*}} :
  %39 = nd4j.extract_image_patches %img4 {isSameMode = 1 : i64, krateCols = 1 : i64, krateRows = 2 : i64, ksizeCols = 2 : i64, ksizeRows = 2 : i64, kstrideCols = 1 : i64, kstrideRows = 2 : i64} : (tensor<1x4x4x3xf32>) -> tensor<1x2x4x12xf32>
  nd4j.output "o0" = %0, "o1" = %1, "c" = %2, "d" = %3, "e" = %4, "o5" = %5, "g" = %6, "h" = %7, "o8" = %8, "j" = %9, "o10" = %10, "l" = %12, "o13" = %13, "n" = %14, "o" = %15, "p" = %16, "q" = %17, "r" = %18, "s" = %19, "t" = %20, "u" = %21, "v" = %22, "w" = %23, "y" = %25, "z" = %26, "aa" = %27, "ab" = %28, "ac" = %29, "ad" = %30, "ae" = %31, "af" = %32, "ag" = %33, "ah" = %34, "ai" = %35, "aj" = %36, "ak" = %37, "al" = %38, "am" = %39 : tensor<2x3xf32>, tensor<2x3xi1>, tensor<2x3xf32>, tensor<2x3xi32>, tensor<2x3xi32>, tensor<2x3xi32>, tensor<2x3xi32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xui32>, tensor<2xi1>, tensor<1x1xi1>, tensor<2x3xf32>, tensor<2xf32>, tensor<2x2xui8>, tensor<f32>, tensor<4x4x3xf32>, tensor<2x3x3xf32>, tensor<2x3x3xf32>, tensor<2x3x3xf32>, tensor<2x3x3xf32>, tensor<4x4x3xf32>, tensor<2x3xf32>, tensor<?x3xf32>, tensor<3x3xf32>, tensor<?x3xf32>, tensor<?x3xf32>, tensor<?x3xf32>, tensor<4x3xf32>, tensor<4x3xf32>, tensor<4x3xf32>, tensor<4x3xf32>, tensor<4x4x3xf32>, tensor<4x4x3xf32>, tensor<2x3xf32>, tensor<1x2x4x12xf32>
}
