// RUN: nd4j-opt %s | nd4j-opt | FileCheck %s
// RUN: nd4j-opt %s --mlir-print-op-generic | nd4j-opt | FileCheck %s

// The random-family ops parse, verify, print and parse again; constant
// shapes and sample counts make their results static.

// CHECK-LABEL: nd4j.graph @random
nd4j.graph @random {
  %x = nd4j.placeholder "x" : tensor<2x3xf32>
  %d = nd4j.placeholder "d" : tensor<2xi32>
  %alpha = nd4j.placeholder "alpha" : tensor<4xf32>
  %n = nd4j.placeholder "n" : tensor<i32>
  %s = nd4j.constant dense<[2, 3]> : tensor<2xi64>
  %five = nd4j.constant dense<5> : tensor<i32>
  // CHECK: nd4j.randomuniform %{{.*}} {dataType = i32, dtype = 9 : i64, max = 1.000000e+01 : f64, min = 1.000000e+00 : f64} : (tensor<2xi64>) -> tensor<2x3xi32>
  %0 = nd4j.randomuniform %s {dataType = i32, dtype = 9 : i64, max = 10.0 : f64, min = 1.0 : f64} : (tensor<2xi64>) -> tensor<2x3xi32>
  // CHECK: nd4j.random_normal %{{.*}} {dtype = f16, mean = 0.000000e+00 : f64, stdev = 1.000000e+00 : f64} : (tensor<2xi64>) -> tensor<2x3xf16>
  %1 = nd4j.random_normal %s {dtype = f16, mean = 0.0 : f64, stdev = 1.0 : f64} : (tensor<2xi64>) -> tensor<2x3xf16>
  // CHECK: nd4j.random_normal %{{.*}} {dtype = f32, mean = 2.000000e+00 : f64, stdev = 5.000000e-01 : f64} : (tensor<2xi32>) -> tensor<?x?xf32>
  %2 = nd4j.random_normal %d {dtype = f32, mean = 2.0 : f64, stdev = 0.5 : f64} : (tensor<2xi32>) -> tensor<?x?xf32>
  // CHECK: nd4j.random_gamma %{{.*}}, %{{.*}} {seed = 7 : i64} : (tensor<2xi64>, tensor<4xf32>) -> tensor<2x3x4xf32>
  %3 = nd4j.random_gamma %s, %alpha {seed = 7 : i64} : (tensor<2xi64>, tensor<4xf32>) -> tensor<2x3x4xf32>
  // CHECK: nd4j.random_poisson %{{.*}}, %{{.*}} {dtype = f64} : (tensor<2xi64>, tensor<4xf32>) -> tensor<2x3x4xf64>
  %4 = nd4j.random_poisson %s, %alpha {dtype = f64} : (tensor<2xi64>, tensor<4xf32>) -> tensor<2x3x4xf64>
  // CHECK: nd4j.random_shuffle %{{.*}} {seeds = 3 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %5 = nd4j.random_shuffle %x {seeds = 3 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j.random_multinomial %{{.*}}, %{{.*}} {dimC = 0 : i64, dtype = i64} : (tensor<2x3xf32>, tensor<i32>) -> tensor<2x5xi64>
  %6 = nd4j.random_multinomial %x, %five {dimC = 0 : i64, dtype = i64} : (tensor<2x3xf32>, tensor<i32>) -> tensor<2x5xi64>
  // CHECK: nd4j.random_multinomial %{{.*}}, %{{.*}} {dimC = -1 : i64, dtype = i32} : (tensor<2x3xf32>, tensor<i32>) -> tensor<?x3xi32>
  %7 = nd4j.random_multinomial %x, %n {dimC = -1 : i64, dtype = i32} : (tensor<2x3xf32>, tensor<i32>) -> tensor<?x3xi32>
  nd4j.output "a" = %0, "b" = %1, "c" = %2, "e" = %3, "f" = %4, "g" = %5, "h" = %6, "i" = %7 : tensor<2x3xi32>, tensor<2x3xf16>, tensor<?x?xf32>, tensor<2x3x4xf32>, tensor<2x3x4xf64>, tensor<2x3xf32>, tensor<2x5xi64>, tensor<?x3xi32>
}

// CHECK-LABEL: nd4j.graph @quant_nms
nd4j.graph @quant_nms {
  %x = nd4j.placeholder "x" : tensor<2x3xf32>
  %lo = nd4j.placeholder "lo" : tensor<f32>
  %hi = nd4j.placeholder "hi" : tensor<f32>
  %clo = nd4j.placeholder "clo" : tensor<3xf32>
  %chi = nd4j.placeholder "chi" : tensor<3xf32>
  %b = nd4j.placeholder "b" : tensor<6x4xf16>
  %sc = nd4j.placeholder "sc" : tensor<6xf16>
  %k = nd4j.placeholder "k" : tensor<i32>
  %t = nd4j.placeholder "t" : tensor<f32>
  // CHECK: nd4j.fake_quant_with_min_max_args %{{.*}} {max = 6.000000e+00 : f64, min = -6.000000e+00 : f64, narrowRange = false, numBits = 8 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %0 = nd4j.fake_quant_with_min_max_args %x {max = 6.0 : f64, min = -6.0 : f64, narrowRange = false, numBits = 8 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j.fake_quant_with_min_max_vars %{{.*}}, %{{.*}}, %{{.*}} {narrowed = true, numBits = 4 : i64} : (tensor<2x3xf32>, tensor<f32>, tensor<f32>) -> tensor<2x3xf32>
  %1 = nd4j.fake_quant_with_min_max_vars %x, %lo, %hi {narrowed = true, numBits = 4 : i64} : (tensor<2x3xf32>, tensor<f32>, tensor<f32>) -> tensor<2x3xf32>
  // CHECK: nd4j.fake_quant_with_min_max_vars_per_channel %{{.*}}, %{{.*}}, %{{.*}} {narrowed = false, num_bits = 16 : i64} : (tensor<2x3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %2 = nd4j.fake_quant_with_min_max_vars_per_channel %x, %clo, %chi {narrowed = false, num_bits = 16 : i64} : (tensor<2x3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j.non_max_suppression_v3 %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}} : (tensor<6x4xf16>, tensor<6xf16>, tensor<i32>, tensor<f32>, tensor<f32>) -> tensor<?xi32>
  %3 = nd4j.non_max_suppression_v3 %b, %sc, %k, %t, %t : (tensor<6x4xf16>, tensor<6xf16>, tensor<i32>, tensor<f32>, tensor<f32>) -> tensor<?xi32>
  nd4j.output "a" = %0, "b" = %1, "c" = %2, "d" = %3 : tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<?xi32>
}
