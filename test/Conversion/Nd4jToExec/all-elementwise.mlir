// RUN: nd4j-opt %s --convert-nd4j-to-exec | FileCheck %s

// Every element-wise and reduction op: its libnd4j name, FlatBuffers op type
// and legacy op number (legacy-op-numbers.txt) or CUSTOM, and its slots.

// CHECK-LABEL: nd4j_exec.graph @all_elementwise
nd4j.graph @all_elementwise {
  %x = nd4j.placeholder "x" : tensor<2x3xf32>
  %b = nd4j.placeholder "b" : tensor<2x3xi1>
  %i = nd4j.placeholder "i" : tensor<2x3xi32>
  // CHECK: nd4j_exec.node "abs" <transform_same>(%x) {op_num = 0 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %u0 = nd4j.abs %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "sign" <transform_same>(%x) {op_num = 1 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %u1 = nd4j.sign %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "neg" <transform_same>(%x) {op_num = 3 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %u2 = nd4j.neg %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "Reciprocal" <transform_same>(%x) {op_num = 11 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %u3 = nd4j.reciprocal %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "ceil" <transform_same>(%x) {op_num = 17 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %u4 = nd4j.ceil %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "floor" <transform_same>(%x) {op_num = 18 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %u5 = nd4j.floor %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "cos" <transform_strict>(%x) {op_num = 22 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %u6 = nd4j.cos %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "exp" <transform_strict>(%x) {op_num = 23 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %u7 = nd4j.exp %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "log" <transform_strict>(%x) {op_num = 24 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %u8 = nd4j.log %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "sin" <transform_strict>(%x) {op_num = 27 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %u9 = nd4j.sin %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "acos" <transform_strict>(%x) {op_num = 30 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %u10 = nd4j.acos %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "asin" <transform_strict>(%x) {op_num = 31 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %u11 = nd4j.asin %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "atan" <transform_strict>(%x) {op_num = 32 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %u12 = nd4j.atan %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "hard_sigmoid" <transform_strict>(%x) {op_num = 36 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %u13 = nd4j.hard_sigmoid %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "sinh" <transform_strict>(%x) {op_num = 39 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %u14 = nd4j.sinh %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "cosh" <transform_strict>(%x) {op_num = 40 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %u15 = nd4j.cosh %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "tan" <transform_strict>(%x) {op_num = 41 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %u16 = nd4j.tan %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "erf" <transform_strict>(%x) {op_num = 45 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %u17 = nd4j.erf %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "acosh" <transform_strict>(%x) {op_num = 46 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %u18 = nd4j.acosh %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "asinh" <transform_strict>(%x) {op_num = 47 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %u19 = nd4j.asinh %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "atanh" <transform_strict>(%x) {op_num = 52 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %u20 = nd4j.atanh %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "sqrt" <transform_float>(%x) {op_num = 1 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %u21 = nd4j.sqrt %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "isinf" <transform_bool>(%x) {op_num = 1 : i64} : (tensor<2x3xf32>) -> tensor<2x3xi1>
  %u22 = nd4j.isinf %x : (tensor<2x3xf32>) -> tensor<2x3xi1>
  // CHECK: nd4j_exec.node "isnan" <transform_bool>(%x) {op_num = 2 : i64} : (tensor<2x3xf32>) -> tensor<2x3xi1>
  %u23 = nd4j.isnan %x : (tensor<2x3xf32>) -> tensor<2x3xi1>
  // CHECK: nd4j_exec.node "rint" <custom>(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %u24 = nd4j.rint %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "softplus" <custom>(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %u25 = nd4j.softplus %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "softsign" <custom>(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %u26 = nd4j.softsign %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "selu" <custom>(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %u27 = nd4j.selu %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "sigmoid" <custom>(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %u28 = nd4j.sigmoid %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "tanh" <custom>(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %u29 = nd4j.tanh %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "identity" <custom>(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %u30 = nd4j.identity %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "add" <custom>(%x, %x) : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %b31 = nd4j.add %x, %x : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "subtract" <custom>(%x, %x) : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %b32 = nd4j.subtract %x, %x : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "multiply" <custom>(%x, %x) : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %b33 = nd4j.multiply %x, %x : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "divide" <custom>(%x, %x) : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %b34 = nd4j.divide %x, %x : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "minimum" <custom>(%x, %x) : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %b35 = nd4j.minimum %x, %x : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "maximum" <custom>(%x, %x) : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %b36 = nd4j.maximum %x, %x : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "Pow" <custom>(%x, %x) : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %b37 = nd4j.pow %x, %x : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "equals" <custom>(%x, %x) : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xi1>
  %b38 = nd4j.equals %x, %x : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xi1>
  // CHECK: nd4j_exec.node "not_equals" <custom>(%x, %x) : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xi1>
  %b39 = nd4j.not_equals %x, %x : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xi1>
  // CHECK: nd4j_exec.node "greater" <custom>(%x, %x) : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xi1>
  %b40 = nd4j.greater %x, %x : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xi1>
  // CHECK: nd4j_exec.node "greater_equal" <custom>(%x, %x) : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xi1>
  %b41 = nd4j.greater_equal %x, %x : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xi1>
  // CHECK: nd4j_exec.node "less" <custom>(%x, %x) : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xi1>
  %b42 = nd4j.less %x, %x : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xi1>
  // CHECK: nd4j_exec.node "less_equal" <custom>(%x, %x) : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xi1>
  %b43 = nd4j.less_equal %x, %x : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xi1>
  // CHECK: nd4j_exec.node "boolean_and" <custom>(%b, %b) : (tensor<2x3xi1>, tensor<2x3xi1>) -> tensor<2x3xi1>
  %l44 = nd4j.boolean_and %b, %b : (tensor<2x3xi1>, tensor<2x3xi1>) -> tensor<2x3xi1>
  // CHECK: nd4j_exec.node "boolean_or" <custom>(%b, %b) : (tensor<2x3xi1>, tensor<2x3xi1>) -> tensor<2x3xi1>
  %l45 = nd4j.boolean_or %b, %b : (tensor<2x3xi1>, tensor<2x3xi1>) -> tensor<2x3xi1>
  // CHECK: nd4j_exec.node "boolean_xor" <custom>(%b, %b) : (tensor<2x3xi1>, tensor<2x3xi1>) -> tensor<2x3xi1>
  %l46 = nd4j.boolean_xor %b, %b : (tensor<2x3xi1>, tensor<2x3xi1>) -> tensor<2x3xi1>
  // CHECK: nd4j_exec.node "floormod" <custom>(%i, %i) : (tensor<2x3xi32>, tensor<2x3xi32>) -> tensor<2x3xi32>
  %fm = nd4j.floormod %i, %i : (tensor<2x3xi32>, tensor<2x3xi32>) -> tensor<2x3xi32>
  // CHECK: nd4j_exec.node "elu" <custom>(%x) t_args [1.000000e+00] :
  %p47 = nd4j.elu %x {alpha = 1.0 : f64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "leakyrelu" <scalar>(%x) t_args [2.500000e-01] {op_num = 35 : i64} :
  %p48 = nd4j.leakyrelu %x {alpha = 0.25 : f64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "thresholdedrelu" <custom>(%x) t_args [2.000000e+00] :
  %p49 = nd4j.thresholdedrelu %x {cutoff = 2.0 : f64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: nd4j_exec.node "reduce_sum" <custom>(%x) i_args [1] b_args [false] : (tensor<2x3xf32>) -> tensor<2xf32>
  %r50 = nd4j.reduce_sum %x {dimensions = array<i64: 1>, keepDims = false} : (tensor<2x3xf32>) -> tensor<2xf32>
  // CHECK: nd4j_exec.node "reduce_mean" <custom>(%x) i_args [1] b_args [false] : (tensor<2x3xf32>) -> tensor<2xf32>
  %r51 = nd4j.reduce_mean %x {dimensions = array<i64: 1>, keepDims = false} : (tensor<2x3xf32>) -> tensor<2xf32>
  // CHECK: nd4j_exec.node "reduce_max" <custom>(%x) i_args [1] b_args [false] : (tensor<2x3xf32>) -> tensor<2xf32>
  %r52 = nd4j.reduce_max %x {dimensions = array<i64: 1>, keepDims = false} : (tensor<2x3xf32>) -> tensor<2xf32>
  // CHECK: nd4j_exec.node "reduce_min" <custom>(%x) i_args [1] b_args [false] : (tensor<2x3xf32>) -> tensor<2xf32>
  %r53 = nd4j.reduce_min %x {dimensions = array<i64: 1>, keepDims = false} : (tensor<2x3xf32>) -> tensor<2xf32>
  // CHECK: nd4j_exec.node "reduce_prod" <custom>(%x) i_args [1] b_args [false] : (tensor<2x3xf32>) -> tensor<2xf32>
  %r54 = nd4j.reduce_prod %x {dimensions = array<i64: 1>, keepDims = false} : (tensor<2x3xf32>) -> tensor<2xf32>
  // CHECK: nd4j_exec.node "reduce_norm1" <custom>(%x) i_args [1] b_args [false] : (tensor<2x3xf32>) -> tensor<2xf32>
  %r55 = nd4j.reduce_norm1 %x {dimensions = array<i64: 1>, keepDims = false} : (tensor<2x3xf32>) -> tensor<2xf32>
  // CHECK: nd4j_exec.node "reduce_norm2" <custom>(%x) i_args [1] b_args [false] : (tensor<2x3xf32>) -> tensor<2xf32>
  %r56 = nd4j.reduce_norm2 %x {dimensions = array<i64: 1>, keepDims = false} : (tensor<2x3xf32>) -> tensor<2xf32>
  // CHECK: nd4j_exec.node "argmax" <custom>(%x) i_args [0] b_args [true] : (tensor<2x3xf32>) -> tensor<1x3xi64>
  %r57 = nd4j.argmax %x {dimensions = array<i64: 0>, keepDims = true} : (tensor<2x3xf32>) -> tensor<1x3xi64>
  // CHECK: nd4j_exec.node "argmin" <custom>(%x) i_args [0] b_args [true] : (tensor<2x3xf32>) -> tensor<1x3xi64>
  %r58 = nd4j.argmin %x {dimensions = array<i64: 0>, keepDims = true} : (tensor<2x3xf32>) -> tensor<1x3xi64>
  // CHECK: nd4j_exec.node "triu" <custom>(%x) i_args [-1] : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %tu = nd4j.triu %x {diag = -1} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  nd4j.output
}
