// RUN: nd4j-opt %s --convert-nd4j-to-exec | FileCheck %s

// The random-family ops through their declared descriptors: optional seeds
// as i_args (absent: none), result types as d_args, fake quantization's
// bits, range and narrowing as i_arg, t_args and b_arg, non-maximum
// suppression with all five inputs and no arguments.

// CHECK-LABEL: nd4j_exec.graph @random
nd4j.graph @random {
  %x = nd4j.placeholder "x" : tensor<2x3xf32>
  %alpha = nd4j.placeholder "alpha" : tensor<4xf32>
  %s = nd4j.constant dense<[2, 3]> : tensor<2xi64>
  %five = nd4j.constant dense<5> : tensor<i32>
  // CHECK: nd4j_exec.node "randomuniform" <custom>({{.*}}) t_args [1.000000e+00, 1.000000e+01] i_args [9, 4] d_args [i32] {name = "u", output_names = ["u"]} : (tensor<2xi64>) -> tensor<2x3xi32>
  %0 = nd4j.randomuniform %s {dataType = i32, dtype = 9 : i64, max = 10.0 : f64, min = 1.0 : f64, seed = 4 : i64} : (tensor<2xi64>) -> tensor<2x3xi32> loc("u")
  // CHECK: nd4j_exec.node "random_normal" <custom>({{.*}}) t_args [0.000000e+00, 1.000000e+00] d_args [f16] {name = "n", output_names = ["n"]}
  %1 = nd4j.random_normal %s {dtype = f16, mean = 0.0 : f64, stdev = 1.0 : f64} : (tensor<2xi64>) -> tensor<2x3xf16> loc("n")
  // CHECK: nd4j_exec.node "random_gamma" <custom>({{.*}}) i_args [7] {name = "g", output_names = ["g"]}
  %2 = nd4j.random_gamma %s, %alpha {seed = 7 : i64} : (tensor<2xi64>, tensor<4xf32>) -> tensor<2x3x4xf32> loc("g")
  // CHECK: nd4j_exec.node "random_poisson" <custom>({{.*}}) d_args [f64] {name = "p", output_names = ["p"]}
  %3 = nd4j.random_poisson %s, %alpha {dtype = f64} : (tensor<2xi64>, tensor<4xf32>) -> tensor<2x3x4xf64> loc("p")
  // CHECK: nd4j_exec.node "random_shuffle" <custom>({{.*}}) i_args [3] {name = "r", output_names = ["r"]}
  %4 = nd4j.random_shuffle %x {seeds = 3 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32> loc("r")
  // CHECK: nd4j_exec.node "random_multinomial" <custom>({{.*}}) i_args [0] d_args [i64] {name = "m", output_names = ["m"]}
  %5 = nd4j.random_multinomial %x, %five {dimC = 0 : i64, dtype = i64} : (tensor<2x3xf32>, tensor<i32>) -> tensor<2x5xi64> loc("m")
  nd4j.output "u" = %0, "n" = %1, "g" = %2, "p" = %3, "r" = %4, "m" = %5 : tensor<2x3xi32>, tensor<2x3xf16>, tensor<2x3x4xf32>, tensor<2x3x4xf64>, tensor<2x3xf32>, tensor<2x5xi64>
}

// CHECK-LABEL: nd4j_exec.graph @quant_nms
nd4j.graph @quant_nms {
  %x = nd4j.placeholder "x" : tensor<2x3xf32>
  %lo = nd4j.placeholder "lo" : tensor<f32>
  %hi = nd4j.placeholder "hi" : tensor<f32>
  %clo = nd4j.placeholder "clo" : tensor<3xf32>
  %chi = nd4j.placeholder "chi" : tensor<3xf32>
  %b = nd4j.placeholder "b" : tensor<6x4xf32>
  %sc = nd4j.placeholder "sc" : tensor<6xf32>
  %k = nd4j.placeholder "k" : tensor<i32>
  %t = nd4j.placeholder "t" : tensor<f32>
  // CHECK: nd4j_exec.node "fake_quant_with_min_max_args" <custom>({{.*}}) t_args [-1.000000e+00, 2.000000e+00] i_args [4] b_args [true] {name = "a", output_names = ["a"]}
  %0 = nd4j.fake_quant_with_min_max_args %x {max = 2.0 : f64, min = -1.0 : f64, narrowRange = true, numBits = 4 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32> loc("a")
  // CHECK: nd4j_exec.node "fake_quant_with_min_max_vars" <custom>(%{{.*}}, %{{.*}}, %{{.*}}) i_args [8] b_args [false] {name = "v", output_names = ["v"]}
  %1 = nd4j.fake_quant_with_min_max_vars %x, %lo, %hi {narrowed = false, numBits = 8 : i64} : (tensor<2x3xf32>, tensor<f32>, tensor<f32>) -> tensor<2x3xf32> loc("v")
  // CHECK: nd4j_exec.node "fake_quant_with_min_max_vars_per_channel" <custom>(%{{.*}}, %{{.*}}, %{{.*}}) i_args [6] b_args [true] {name = "c", output_names = ["c"]}
  %2 = nd4j.fake_quant_with_min_max_vars_per_channel %x, %clo, %chi {narrowed = true, num_bits = 6 : i64} : (tensor<2x3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<2x3xf32> loc("c")
  // CHECK: nd4j_exec.node "non_max_suppression_v3" <custom>(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) {name = "s", output_names = ["s"]} : (tensor<6x4xf32>, tensor<6xf32>, tensor<i32>, tensor<f32>, tensor<f32>) -> tensor<?xi32>
  %3 = nd4j.non_max_suppression_v3 %b, %sc, %k, %t, %t : (tensor<6x4xf32>, tensor<6xf32>, tensor<i32>, tensor<f32>, tensor<f32>) -> tensor<?xi32> loc("s")
  nd4j.output "a" = %0, "v" = %1, "c" = %2, "s" = %3 : tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<?xi32>
}
