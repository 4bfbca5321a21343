// RUN: nd4j-opt %s | nd4j-opt | FileCheck %s
// RUN: nd4j-opt %s --mlir-print-op-generic | nd4j-opt | FileCheck %s

// The math-family ops parse, verify, print and parse again; constant block
// shapes, paddings and segment ids make their results static.

// CHECK-LABEL: nd4j.graph @math
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
  %nhwc = nd4j.placeholder "nhwc" : tensor<1x4x4x3xf32>
  %cids = nd4j.constant dense<[0, 2]> : tensor<2xi32>
  %blk = nd4j.constant dense<2> : tensor<1xi32>
  %pad = nd4j.constant dense<[[1, 1]]> : tensor<1x2xi32>
  %sh = nd4j.constant dense<[1, -2]> : tensor<2xi64>
  %ax = nd4j.constant dense<[0, 1]> : tensor<2xi64>
  // CHECK: nd4j.log1p %{{.*}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %0 = nd4j.log1p %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j.isfinite %{{.*}} : (tensor<2x3xf32>) -> tensor<2x3xi1>
  %1 = nd4j.isfinite %x : (tensor<2x3xf32>) -> tensor<2x3xi1>
  // CHECK: nd4j.lgamma %{{.*}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %2 = nd4j.lgamma %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j.toggle_bits %{{.*}} : (tensor<2x3xi32>) -> tensor<2x3xi32>
  %3 = nd4j.toggle_bits %i : (tensor<2x3xi32>) -> tensor<2x3xi32>
  // CHECK: nd4j.bitwise_and %{{.*}}, %{{.*}} : (tensor<2x3xi32>, tensor<2x3xi32>) -> tensor<2x3xi32>
  %4 = nd4j.bitwise_and %i, %i : (tensor<2x3xi32>, tensor<2x3xi32>) -> tensor<2x3xi32>
  // CHECK: nd4j.bitwise_or %{{.*}}, %{{.*}} : (tensor<2x3xi32>, tensor<2x3xi32>) -> tensor<2x3xi32>
  %5 = nd4j.bitwise_or %i, %i : (tensor<2x3xi32>, tensor<2x3xi32>) -> tensor<2x3xi32>
  // CHECK: nd4j.bitwise_xor %{{.*}}, %{{.*}} : (tensor<2x3xi32>, tensor<2x3xi32>) -> tensor<2x3xi32>
  %6 = nd4j.bitwise_xor %i, %i : (tensor<2x3xi32>, tensor<2x3xi32>) -> tensor<2x3xi32>
  // CHECK: nd4j.floordiv %{{.*}}, %{{.*}} : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
  %7 = nd4j.floordiv %x, %f : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
  // CHECK: nd4j.igamma %{{.*}}, %{{.*}} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %8 = nd4j.igamma %x, %x : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j.igammac %{{.*}}, %{{.*}} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %9 = nd4j.igammac %x, %x : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j.betainc %{{.*}}, %{{.*}}, %{{.*}} : (tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %10 = nd4j.betainc %x, %x, %x : (tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j.bitcast %{{.*}} {dtype = i16, newType = 8 : i64} : (tensor<2x3xf32>) -> tensor<2x3x2xi16>
  %11 = nd4j.bitcast %x {dtype = i16, newType = 8 : i64} : (tensor<2x3xf32>) -> tensor<2x3x2xi16>
  // CHECK: nd4j.bitcast %{{.*}} {dtype = ui32, newType = 13 : i64} : (tensor<2x3x2xi16>) -> tensor<2x3xui32>
  %12 = nd4j.bitcast %11 {dtype = ui32, newType = 13 : i64} : (tensor<2x3x2xi16>) -> tensor<2x3xui32>
  // CHECK: nd4j.all %{{.*}} {dimensions = array<i64: 1>, keepDims = false} : (tensor<2x3xi1>) -> tensor<2xi1>
  %13 = nd4j.all %b {dimensions = array<i64: 1>, keepDims = false} : (tensor<2x3xi1>) -> tensor<2xi1>
  // CHECK: nd4j.any %{{.*}} {dimensions = array<i64>, keepDims = true} : (tensor<2x3xi1>) -> tensor<1x1xi1>
  %14 = nd4j.any %b {dimensions = array<i64>, keepDims = true} : (tensor<2x3xi1>) -> tensor<1x1xi1>
  // CHECK: nd4j.cumprod %{{.*}}, %{{.*}} {exclusive = 0 : i64, reverse = 1 : i64} : (tensor<2x3xf32>, tensor<i32>) -> tensor<2x3xf32>
  %15 = nd4j.cumprod %x, %k {exclusive = 0 : i64, reverse = 1 : i64} : (tensor<2x3xf32>, tensor<i32>) -> tensor<2x3xf32>
  // CHECK: nd4j.nth_element %{{.*}}, %{{.*}} {reverse = 0 : i64} : (tensor<2x3xf32>, tensor<i32>) -> tensor<2xf32>
  %16 = nd4j.nth_element %x, %k {reverse = 0 : i64} : (tensor<2x3xf32>, tensor<i32>) -> tensor<2xf32>
  // CHECK: nd4j.compare_and_bitpack %{{.*}}, %{{.*}} : (tensor<2x16xf32>, tensor<f32>) -> tensor<2x2xui8>
  %17 = nd4j.compare_and_bitpack %p16, %f : (tensor<2x16xf32>, tensor<f32>) -> tensor<2x2xui8>
  // CHECK: nd4j.l2_loss %{{.*}} : (tensor<2x3xf32>) -> tensor<f32>
  %18 = nd4j.l2_loss %x : (tensor<2x3xf32>) -> tensor<f32>
  // CHECK: nd4j.adjust_contrast_v2 %{{.*}}, %{{.*}} : (tensor<4x4x3xf32>, tensor<f32>) -> tensor<4x4x3xf32>
  %19 = nd4j.adjust_contrast_v2 %img, %f : (tensor<4x4x3xf32>, tensor<f32>) -> tensor<4x4x3xf32>
  // CHECK: nd4j.matrix_diag %{{.*}} : (tensor<2x3xf32>) -> tensor<2x3x3xf32>
  %20 = nd4j.matrix_diag %x : (tensor<2x3xf32>) -> tensor<2x3x3xf32>
  // CHECK: nd4j.matrix_set_diag %{{.*}}, %{{.*}} : (tensor<2x3x3xf32>, tensor<2x3xf32>) -> tensor<2x3x3xf32>
  %21 = nd4j.matrix_set_diag %m, %x : (tensor<2x3x3xf32>, tensor<2x3xf32>) -> tensor<2x3x3xf32>
  // CHECK: nd4j.matrix_band_part %{{.*}} {maxUpper = -1 : i64, minLower = 0 : i64} : (tensor<2x3x3xf32>) -> tensor<2x3x3xf32>
  %22 = nd4j.matrix_band_part %m {maxUpper = -1 : i64, minLower = 0 : i64} : (tensor<2x3x3xf32>) -> tensor<2x3x3xf32>
  // CHECK: nd4j.matrix_inverse %{{.*}} : (tensor<2x3x3xf32>) -> tensor<2x3x3xf32>
  %23 = nd4j.matrix_inverse %m : (tensor<2x3x3xf32>) -> tensor<2x3x3xf32>
  // CHECK: nd4j.space_to_batch_nd %{{.*}}, %{{.*}}, %{{.*}} : (tensor<4x4x3xf32>, tensor<1xi32>, tensor<1x2xi32>) -> tensor<8x3x3xf32>
  %24 = nd4j.space_to_batch_nd %img, %blk, %pad : (tensor<4x4x3xf32>, tensor<1xi32>, tensor<1x2xi32>) -> tensor<8x3x3xf32>
  // CHECK: nd4j.batch_to_space_nd %{{.*}}, %{{.*}}, %{{.*}} : (tensor<8x3x3xf32>, tensor<1xi32>, tensor<1x2xi32>) -> tensor<4x4x3xf32>
  %25 = nd4j.batch_to_space_nd %24, %blk, %pad : (tensor<8x3x3xf32>, tensor<1xi32>, tensor<1x2xi32>) -> tensor<4x4x3xf32>
  // CHECK: nd4j.roll %{{.*}}, %{{.*}}, %{{.*}} : (tensor<2x3xf32>, tensor<2xi64>, tensor<2xi64>) -> tensor<2x3xf32>
  %26 = nd4j.roll %x, %sh, %ax : (tensor<2x3xf32>, tensor<2xi64>, tensor<2xi64>) -> tensor<2x3xf32>
  // CHECK: nd4j.segment_sum %{{.*}}, %{{.*}} : (tensor<2x3xf32>, tensor<2xi32>) -> tensor<?x3xf32>
  %27 = nd4j.segment_sum %x, %ids : (tensor<2x3xf32>, tensor<2xi32>) -> tensor<?x3xf32>
  // CHECK: nd4j.segment_max %{{.*}}, %{{.*}} : (tensor<2x3xf32>, tensor<2xi32>) -> tensor<3x3xf32>
  %28 = nd4j.segment_max %x, %cids : (tensor<2x3xf32>, tensor<2xi32>) -> tensor<3x3xf32>
  // CHECK: nd4j.segment_prod %{{.*}}, %{{.*}} : (tensor<2x3xf32>, tensor<2xi32>) -> tensor<?x3xf32>
  %29 = nd4j.segment_prod %x, %ids : (tensor<2x3xf32>, tensor<2xi32>) -> tensor<?x3xf32>
  // CHECK: nd4j.segment_min %{{.*}}, %{{.*}} : (tensor<2x3xf32>, tensor<2xi32>) -> tensor<?x3xf32>
  %30 = nd4j.segment_min %x, %ids : (tensor<2x3xf32>, tensor<2xi32>) -> tensor<?x3xf32>
  // CHECK: nd4j.segment_mean %{{.*}}, %{{.*}} : (tensor<2x3xf32>, tensor<2xi32>) -> tensor<?x3xf32>
  %31 = nd4j.segment_mean %x, %ids : (tensor<2x3xf32>, tensor<2xi32>) -> tensor<?x3xf32>
  // CHECK: nd4j.unsorted_segment_sum %{{.*}}, %{{.*}} {numSegments = 4 : i64} : (tensor<2x3xf32>, tensor<2xi32>) -> tensor<4x3xf32>
  %32 = nd4j.unsorted_segment_sum %x, %ids {numSegments = 4 : i64} : (tensor<2x3xf32>, tensor<2xi32>) -> tensor<4x3xf32>
  // CHECK: nd4j.unsorted_segment_prod %{{.*}}, %{{.*}} {numSegments = 4 : i64} : (tensor<2x3xf32>, tensor<2xi32>) -> tensor<4x3xf32>
  %33 = nd4j.unsorted_segment_prod %x, %ids {numSegments = 4 : i64} : (tensor<2x3xf32>, tensor<2xi32>) -> tensor<4x3xf32>
  // CHECK: nd4j.unsorted_segment_min %{{.*}}, %{{.*}} {numSegments = 4 : i64} : (tensor<2x3xf32>, tensor<2xi32>) -> tensor<4x3xf32>
  %34 = nd4j.unsorted_segment_min %x, %ids {numSegments = 4 : i64} : (tensor<2x3xf32>, tensor<2xi32>) -> tensor<4x3xf32>
  // CHECK: nd4j.unsorted_segment_max %{{.*}}, %{{.*}} {numOfClasses = 4 : i64} : (tensor<2x3xf32>, tensor<2xi32>) -> tensor<4x3xf32>
  %35 = nd4j.unsorted_segment_max %x, %ids {numOfClasses = 4 : i64} : (tensor<2x3xf32>, tensor<2xi32>) -> tensor<4x3xf32>
  // CHECK: nd4j.rgb_to_hsv %{{.*}} {dimC = 2 : i64} : (tensor<4x4x3xf32>) -> tensor<4x4x3xf32>
  %36 = nd4j.rgb_to_hsv %img {dimC = 2 : i64} : (tensor<4x4x3xf32>) -> tensor<4x4x3xf32>
  // CHECK: nd4j.hsv_to_rgb %{{.*}} {dimC = -1 : i64} : (tensor<4x4x3xf32>) -> tensor<4x4x3xf32>
  %37 = nd4j.hsv_to_rgb %img {dimC = -1 : i64} : (tensor<4x4x3xf32>) -> tensor<4x4x3xf32>
  // CHECK: nd4j.svd %{{.*}} {calcUV = 0 : i64, fullUV = 1 : i64, switchNum = 16 : i64} : (tensor<2x3x3xf32>) -> tensor<2x3xf32>
  %38 = nd4j.svd %m {calcUV = 0 : i64, fullUV = 1 : i64, switchNum = 16 : i64} : (tensor<2x3x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j.extract_image_patches %{{.*}} {isSameMode = 1 : i64, krateCols = 1 : i64, krateRows = 2 : i64, ksizeCols = 2 : i64, ksizeRows = 2 : i64, kstrideCols = 1 : i64, kstrideRows = 2 : i64} : (tensor<1x4x4x3xf32>) -> tensor<1x2x4x12xf32>
  %39 = nd4j.extract_image_patches %nhwc {isSameMode = 1 : i64, krateCols = 1 : i64, krateRows = 2 : i64, ksizeCols = 2 : i64, ksizeRows = 2 : i64, kstrideCols = 1 : i64, kstrideRows = 2 : i64} : (tensor<1x4x4x3xf32>) -> tensor<1x2x4x12xf32>
  // CHECK: nd4j.extract_image_patches %{{.*}} {isSameMode = 0 : i64{{.*}}} : (tensor<1x4x4x3xf32>) -> tensor<1x3x3x12xf32>
  %40 = nd4j.extract_image_patches %nhwc {isSameMode = 0 : i64, krateCols = 1 : i64, krateRows = 1 : i64, ksizeCols = 2 : i64, ksizeRows = 2 : i64, kstrideCols = 1 : i64, kstrideRows = 1 : i64} : (tensor<1x4x4x3xf32>) -> tensor<1x3x3x12xf32>
  nd4j.output "a" = %0, "b" = %1, "c" = %2, "d" = %3, "e" = %4, "f" = %5, "g" = %6, "h" = %7, "i" = %8, "j" = %9, "k" = %10, "l" = %12, "m" = %13, "n" = %14, "o" = %15, "p" = %16, "q" = %17, "r" = %18, "s" = %19, "t" = %20, "u" = %21, "v" = %22, "w" = %23, "y" = %25, "z" = %26, "aa" = %27, "ab" = %28, "ac" = %29, "ad" = %30, "ae" = %31, "af" = %32, "ag" = %33, "ah" = %34, "ai" = %35, "aj" = %36, "ak" = %37, "al" = %38, "am" = %39, "an" = %40 : tensor<2x3xf32>, tensor<2x3xi1>, tensor<2x3xf32>, tensor<2x3xi32>, tensor<2x3xi32>, tensor<2x3xi32>, tensor<2x3xi32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xui32>, tensor<2xi1>, tensor<1x1xi1>, tensor<2x3xf32>, tensor<2xf32>, tensor<2x2xui8>, tensor<f32>, tensor<4x4x3xf32>, tensor<2x3x3xf32>, tensor<2x3x3xf32>, tensor<2x3x3xf32>, tensor<2x3x3xf32>, tensor<4x4x3xf32>, tensor<2x3xf32>, tensor<?x3xf32>, tensor<3x3xf32>, tensor<?x3xf32>, tensor<?x3xf32>, tensor<?x3xf32>, tensor<4x3xf32>, tensor<4x3xf32>, tensor<4x3xf32>, tensor<4x3xf32>, tensor<4x4x3xf32>, tensor<4x4x3xf32>, tensor<2x3xf32>, tensor<1x2x4x12xf32>, tensor<1x3x3x12xf32>
}
