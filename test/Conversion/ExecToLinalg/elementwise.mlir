// RUN: nd4j-opt %s -split-input-file --convert-exec-to-linalg | FileCheck %s

// A graph becomes a function: placeholders are arguments, outputs results,
// both named; the signature text for the compiled-model ABI is recorded.

// CHECK-DAG: #[[$ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[$ROW:.*]] = affine_map<(d0, d1) -> (d1)>
// CHECK: module attributes {nd4j.entry_points = {add_bcast = {abi = 1 : i64, inputs = 2 : i64, outputs = 1 : i64, signature = "nd4j-model 1\0Ainput f32 2 2 3 x\0Ainput f32 1 3 y\0Aoutput f32 2 2 3 sum\0A"}}}
// CHECK-LABEL: func.func @add_bcast(
// CHECK-SAME: %[[$X:.*]]: tensor<2x3xf32> {nd4j.name = "x"}, %[[$Y:.*]]: tensor<3xf32> {nd4j.name = "y"}) -> (tensor<2x3xf32> {nd4j.name = "sum"})
// CHECK: %[[E:.*]] = tensor.empty() : tensor<2x3xf32>
// CHECK: %[[R:.*]] = linalg.generic {indexing_maps = [#[[$ID]], #[[$ROW]], #[[$ID]]], iterator_types = ["parallel", "parallel"]} ins(%[[$X]], %[[$Y]] : tensor<2x3xf32>, tensor<3xf32>) outs(%[[E]] : tensor<2x3xf32>)
// CHECK: arith.addf
// CHECK: return %[[R]]
nd4j_exec.graph @add_bcast {
  %x = nd4j_exec.placeholder "x" : tensor<2x3xf32>
  %y = nd4j_exec.placeholder "y" : tensor<3xf32>
  %s = nd4j_exec.node "add" <custom>(%x, %y) {name = "sum", output_names = ["sum"]} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  nd4j_exec.return %s : tensor<2x3xf32>
}

// -----

// Size-1 dimensions broadcast by reading index 0; the weight constant stays
// a dense_resource blob.
// CHECK-DAG: #[[$B:.*]] = affine_map<(d0, d1) -> (0, d1)>
// CHECK-LABEL: func.func @mul_const(
// CHECK: %[[W:.*]] = arith.constant dense_resource<w> : tensor<1x4xf32>
// CHECK: linalg.generic {indexing_maps = [#{{.*}}, #[[$B]], #{{.*}}]
// CHECK-SAME: ins(%{{.*}}, %[[W]] : tensor<3x4xf32>, tensor<1x4xf32>)
// CHECK: arith.mulf
nd4j_exec.graph @mul_const {
  %x = nd4j_exec.placeholder "x" : tensor<3x4xf32>
  %w = nd4j_exec.constant "w" dense_resource<w> : tensor<1x4xf32>
  %m = nd4j_exec.node "multiply" <custom>(%x, %w) {name = "m"} : (tensor<3x4xf32>, tensor<1x4xf32>) -> tensor<3x4xf32>
  nd4j_exec.return %m : tensor<3x4xf32>
}
{-#
  dialect_resources: {
    builtin: {
      w: "0x040000000000803F000000400000404000008040"
    }
  }
#-}

// -----

// relu reads its cutoff from T_ARG(0): x > cutoff ? x : 0, NaN kept.
// CHECK-LABEL: func.func @relu_cutoff(
// CHECK: linalg.generic
// CHECK: %[[C:.*]] = arith.constant 5.000000e-01 : f32
// CHECK: %[[GT:.*]] = arith.cmpf ogt, %{{.*}}, %[[C]] : f32
// CHECK: %[[NAN:.*]] = arith.cmpf uno
// CHECK: %[[KEEP:.*]] = arith.ori %[[GT]], %[[NAN]]
// CHECK: arith.select %[[KEEP]]
nd4j_exec.graph @relu_cutoff {
  %x = nd4j_exec.placeholder "x" : tensor<4xf32>
  %r = nd4j_exec.node "relu" <custom>(%x) t_args [5.000000e-01] {name = "r"} : (tensor<4xf32>) -> tensor<4xf32>
  nd4j_exec.return %r : tensor<4xf32>
}

// -----

// Comparisons produce bool; unsigned integers compare unsigned and are
// marked at the boundary.
// CHECK: signature = "nd4j-model 1\0Ainput u8 1 4 a\0Ainput u8 1 4 b\0Aoutput bool 1 4 lt\0A"
// CHECK-LABEL: func.func @less_u8(
// CHECK-SAME: tensor<4xi8> {nd4j.name = "a", nd4j.unsigned}
// CHECK: arith.cmpi ult
// CHECK: -> tensor<4xi1>
nd4j_exec.graph @less_u8 {
  %a = nd4j_exec.placeholder "a" : tensor<4xui8>
  %b = nd4j_exec.placeholder "b" : tensor<4xui8>
  %l = nd4j_exec.node "less" <custom>(%a, %b) {name = "lt", output_names = ["lt"]} : (tensor<4xui8>, tensor<4xui8>) -> tensor<4xi1>
  nd4j_exec.return %l : tensor<4xi1>
}

// -----

// cast converts in the body: float to signed int truncates (fptosi).
// CHECK-LABEL: func.func @cast_f_i(
// CHECK: linalg.generic
// CHECK: arith.fptosi %{{.*}} : f32 to i32
nd4j_exec.graph @cast_f_i {
  %x = nd4j_exec.placeholder "x" : tensor<4xf32>
  %c = nd4j_exec.node "cast" <custom>(%x) d_args [i32] {name = "c"} : (tensor<4xf32>) -> tensor<4xi32>
  nd4j_exec.return %c : tensor<4xi32>
}

// -----

// floormod takes the divisor's sign.
// CHECK-LABEL: func.func @floormod_i(
// CHECK: arith.remsi
// CHECK: arith.xori
// CHECK: arith.select
nd4j_exec.graph @floormod_i {
  %x = nd4j_exec.placeholder "x" : tensor<4xi64>
  %y = nd4j_exec.placeholder "y" : tensor<4xi64>
  %m = nd4j_exec.node "floormod" <custom>(%x, %y) {name = "m"} : (tensor<4xi64>, tensor<4xi64>) -> tensor<4xi64>
  nd4j_exec.return %m : tensor<4xi64>
}

// -----

// Integer clip bounds saturate to the type's range: ONNX's default bounds
// are -inf and +inf, which must not become 0 (signed i8: -128 and 127;
// unsigned ui8: 0 and 255).
// CHECK-LABEL: func.func @clip_int_default(
// CHECK-DAG: %[[LO:.*]] = arith.constant -128 : i8
// CHECK-DAG: %[[HI:.*]] = arith.constant 127 : i8
// CHECK: %[[M:.*]] = arith.maxsi %{{.*}}, %[[LO]] : i8
// CHECK: arith.minsi %[[M]], %[[HI]] : i8
// CHECK-LABEL: func.func @clip_uint_default(
// CHECK-DAG: %[[LO:.*]] = arith.constant 0 : i8
// CHECK-DAG: %[[HI:.*]] = arith.constant -1 : i8
// CHECK: %[[M:.*]] = arith.maxui %{{.*}}, %[[LO]] : i8
// CHECK: arith.minui %[[M]], %[[HI]] : i8
nd4j_exec.graph @clip_int_default {
  %x = nd4j_exec.placeholder "x" : tensor<3xi8>
  %0 = nd4j_exec.node "clipbyvalue" <custom>(%x) t_args [0xfff0000000000000, 0x7ff0000000000000] {name = "y", output_names = ["y"]} : (tensor<3xi8>) -> tensor<3xi8>
  nd4j_exec.return %0 : tensor<3xi8>
}
nd4j_exec.graph @clip_uint_default {
  %x = nd4j_exec.placeholder "x" : tensor<3xui8>
  %0 = nd4j_exec.node "clipbyvalue" <custom>(%x) t_args [0xfff0000000000000, 0x7ff0000000000000] {name = "y", output_names = ["y"]} : (tensor<3xui8>) -> tensor<3xui8>
  nd4j_exec.return %0 : tensor<3xui8>
}

// -----

// Zero-element tensors: the boundary passes them as tensor<0xT> (a memref
// such as memref<3x4x0xf32> has no bare-pointer form and the function never
// reached LLVM); the signature keeps the true shapes, and nodes whose
// results are all empty compute nothing.
// CHECK: signature = "nd4j-model 1\0Ainput f32 3 0 3 4 data\0Ainput f32 1 2 b\0Aoutput f32 3 3 4 0 r\0Aoutput f32 1 2 s\0A"
// CHECK-LABEL: func.func @zero_size(
// CHECK-SAME: %{{.*}}: tensor<0xf32> {nd4j.name = "data"}, %[[B:.*]]: tensor<2xf32> {nd4j.name = "b"}) -> (tensor<0xf32> {nd4j.name = "r"}, tensor<2xf32> {nd4j.name = "s"})
// CHECK-NOT: tensor.collapse_shape
// CHECK-DAG: %[[E:.*]] = bufferization.alloc_tensor() : tensor<0xf32>
// CHECK-DAG: %[[S:.*]] = linalg.generic
// CHECK: return %[[E]], %[[S]] : tensor<0xf32>, tensor<2xf32>
nd4j_exec.graph @zero_size {
  %data = nd4j_exec.placeholder "data" : tensor<0x3x4xf32>
  %b = nd4j_exec.placeholder "b" : tensor<2xf32>
  %0 = nd4j_exec.node "reshape" <custom>(%data) i_args [3, 4, 0] {name = "r", output_names = ["r"]} : (tensor<0x3x4xf32>) -> tensor<3x4x0xf32>
  %1 = nd4j_exec.node "add" <custom>(%b, %b) {name = "s", output_names = ["s"]} : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  nd4j_exec.return %0, %1 : tensor<3x4x0xf32>, tensor<2xf32>
}

// -----

// Integer abs is max(x, 0 - x) in plain arith (math.absi has no lowering
// for the n-D vectors the CPU pipeline makes); unsigned abs is the identity.
// CHECK-LABEL: func.func @abs_int(
// CHECK: linalg.generic
// CHECK: ^bb0(%[[X:.*]]: i32, %{{.*}}: i32):
// CHECK-NEXT: %[[ZERO:.*]] = arith.constant 0 : i32
// CHECK-NEXT: %[[NEG:.*]] = arith.subi %[[ZERO]], %[[X]] : i32
// CHECK-NEXT: %[[ABS:.*]] = arith.maxsi %[[X]], %[[NEG]] : i32
// CHECK-NEXT: linalg.yield %[[ABS]]
// CHECK-NOT: math.absi
nd4j_exec.graph @abs_int {
  %x = nd4j_exec.placeholder "x" : tensor<2x3xi32>
  %0 = nd4j_exec.node "abs" <custom>(%x) {name = "y", output_names = ["y"]} : (tensor<2x3xi32>) -> tensor<2x3xi32>
  nd4j_exec.return %0 : tensor<2x3xi32>
}

// -----

// biasadd: the bias along the channel axis, 1 with nchw (B_ARG 0) on rank
// > 2, else the last.
// CHECK-DAG: #[[$C1:.*]] = affine_map<(d0, d1, d2, d3) -> (d1)>
// CHECK-DAG: #[[$C3:.*]] = affine_map<(d0, d1, d2, d3) -> (d3)>
// CHECK-LABEL: func.func @biasadd(
// CHECK: linalg.generic {indexing_maps = [#{{.*}}, #[[$C1]], #{{.*}}]
// CHECK: arith.addf
// CHECK: linalg.generic {indexing_maps = [#{{.*}}, #[[$C3]], #{{.*}}]
// CHECK: arith.addf
nd4j_exec.graph @biasadd {
  %x = nd4j_exec.placeholder "x" : tensor<2x3x5x5xf32>
  %b = nd4j_exec.placeholder "b" : tensor<3xf32>
  %y = nd4j_exec.placeholder "y" : tensor<2x5x5x3xf32>
  %0 = nd4j_exec.node "biasadd" <custom>(%x, %b) b_args [true] {name = "nchw", output_names = ["nchw"]} : (tensor<2x3x5x5xf32>, tensor<3xf32>) -> tensor<2x3x5x5xf32>
  %1 = nd4j_exec.node "biasadd" <custom>(%y, %b) b_args [false] {name = "nhwc", output_names = ["nhwc"]} : (tensor<2x5x5x3xf32>, tensor<3xf32>) -> tensor<2x5x5x3xf32>
  nd4j_exec.return %0, %1 : tensor<2x3x5x5xf32>, tensor<2x5x5x3xf32>
}

// -----

// compare_and_bitpack: runs of 8 along the last dimension reduce into one
// u8, bit 7 - k set where element k exceeds the threshold.
// CHECK-LABEL: func.func @compare_and_bitpack(
// CHECK: tensor.expand_shape %{{.*}} {{\[\[}}0], [1, 2]] output_shape [2, 2, 8] : tensor<2x16xf32> into tensor<2x2x8xf32>
// CHECK: linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "reduction"]
// CHECK: arith.cmpf ogt
// CHECK: linalg.index 2
// CHECK: arith.shli
// CHECK: arith.ori
nd4j_exec.graph @compare_and_bitpack {
  %x = nd4j_exec.placeholder "x" : tensor<2x16xf32>
  %t = nd4j_exec.placeholder "t" : tensor<f32>
  %r = nd4j_exec.node "compare_and_bitpack" <custom>(%x, %t) : (tensor<2x16xf32>, tensor<f32>) -> tensor<2x2xui8>
  nd4j_exec.return %r : tensor<2x2xui8>
}

// -----

// fake_quant_with_min_max_args: TensorFlow's nudged range, in f32: a scale
// of (max - min) / 255, the zero point rounded, clamp, floor(x / s + 0.5).
// CHECK-LABEL: func.func @fake_quant_args(
// CHECK: linalg.generic
// CHECK: %[[S:.*]] = arith.divf %{{.*}}, %{{.*}} : f32
// CHECK: math.round
// CHECK: arith.minimumf
// CHECK: arith.maximumf
// CHECK: math.floor
nd4j_exec.graph @fake_quant_args {
  %x = nd4j_exec.placeholder "x" : tensor<10xf32>
  %r = nd4j_exec.node "fake_quant_with_min_max_args" <custom>(%x) t_args [-1.0, 1.0] i_args [8] b_args [false] : (tensor<10xf32>) -> tensor<10xf32>
  nd4j_exec.return %r : tensor<10xf32>
}

// -----

// l2_loss: half the sum of squares, accumulated in f32 for f16.
// CHECK-LABEL: func.func @l2_loss(
// CHECK: linalg.reduce ins(%{{.*}} : tensor<3x4xf16>) outs(%{{.*}} : tensor<f32>) dimensions = [0, 1]
// CHECK: arith.mulf
// CHECK: arith.constant 5.000000e-01 : f32
nd4j_exec.graph @l2_loss {
  %x = nd4j_exec.placeholder "x" : tensor<3x4xf16>
  %r = nd4j_exec.node "l2_loss" <custom>(%x) : (tensor<3x4xf16>) -> tensor<f16>
  nd4j_exec.return %r : tensor<f16>
}
