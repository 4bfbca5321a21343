// RUN: nd4j-opt %s --convert-nd4j-to-exec | FileCheck %s

// matmul: i_args transX transY transZ, t_args alpha beta.
// batchnorm: i_args applyScale applyOffset dimensions..., t_args epsilon.
// biasadd: b_args nchw.

// CHECK-LABEL: nd4j_exec.graph @linear_norm
nd4j.graph @linear_norm {
  // CHECK: %[[X:.*]] = nd4j_exec.placeholder "x"
  %x = nd4j.placeholder "x" : tensor<2x3xf32>
  // CHECK: %[[W:.*]] = nd4j_exec.placeholder "w"
  %w = nd4j.placeholder "w" : tensor<4x3xf32>
  // CHECK: %[[V:.*]] = nd4j_exec.placeholder "v"
  %v = nd4j.placeholder "v" : tensor<4xf32>
  // CHECK: %[[MM:.*]] = nd4j_exec.node "matmul" <custom>(%[[X]], %[[W]]) t_args [1.500000e+00, 0.000000e+00] i_args [0, 1, 0] {name = "mm"} : (tensor<2x3xf32>, tensor<4x3xf32>) -> tensor<2x4xf32>
  %mm = nd4j.matmul %x, %w {transX = 0, transY = 1, transZ = 0, alpha = 1.5 : f64, beta = 0.0 : f64}
        : (tensor<2x3xf32>, tensor<4x3xf32>) -> tensor<2x4xf32> loc("mm")
  // CHECK: %[[BA:.*]] = nd4j_exec.node "biasadd" <custom>(%[[MM]], %[[V]]) b_args [false] {name = "ba"} :
  %ba = nd4j.biasadd %mm, %v {nchw = false} : (tensor<2x4xf32>, tensor<4xf32>) -> tensor<2x4xf32> loc("ba")
  // CHECK: %[[BN:.*]] = nd4j_exec.node "batchnorm" <custom>(%[[BA]], %[[V]], %[[V]], %[[V]], %[[V]]) t_args [1.000000e-03] i_args [1, 1, 1] {name = "bn"} :
  %bn = nd4j.batchnorm %ba, %v, %v, %v, %v {applyScale = 1, applyOffset = 1, dimensions = array<i64: 1>,
                       epsilon = 1.0e-3 : f64, operandSegmentSizes = array<i32: 1, 1, 1, 1, 1>}
        : (tensor<2x4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<2x4xf32> loc("bn")
  // CHECK: nd4j_exec.node "batchnorm" <custom>(%[[BN]], %[[V]], %[[V]]) t_args [1.000000e-05] i_args [0, 0, -1] {name = "bn_plain", output_names = ["y"]} :
  %bn2 = nd4j.batchnorm %bn, %v, %v {applyScale = 0, applyOffset = 0, dimensions = array<i64: -1>,
                        epsilon = 1.0e-5 : f64, operandSegmentSizes = array<i32: 1, 1, 1, 0, 0>}
        : (tensor<2x4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<2x4xf32> loc("bn_plain")
  // Channels first: biasadd along dimension 1.
  // CHECK: %[[X4:.*]] = nd4j_exec.placeholder "x4"
  %x4 = nd4j.placeholder "x4" : tensor<1x4x2x2xf32>
  // CHECK: nd4j_exec.node "biasadd" <custom>(%[[X4]], %[[V]]) b_args [true] {name = "ba_nchw", output_names = ["z"]} :
  %b4 = nd4j.biasadd %x4, %v {nchw = true} : (tensor<1x4x2x2xf32>, tensor<4xf32>) -> tensor<1x4x2x2xf32> loc("ba_nchw")
  nd4j.output "y" = %bn2, "z" = %b4 : tensor<2x4xf32>, tensor<1x4x2x2xf32>
}
