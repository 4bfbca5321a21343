// RUN: nd4j-opt %s -split-input-file -verify-diagnostics --convert-exec-to-linalg | FileCheck %s

// To a narrower type: each f32 splits into two i16 along a new last
// dimension, least significant half first.
// CHECK-LABEL: func.func @narrow(
// CHECK: linalg.generic {{.*}} outs(%{{.*}} : tensor<3x2xi16>)
// CHECK: %[[V:.*]] = tensor.extract %arg0[%{{.*}}] : tensor<3xf32>
// CHECK: %[[B:.*]] = arith.bitcast %[[V]] : f32 to i32
// CHECK: arith.shrui %[[B]]
// CHECK: arith.trunci {{.*}} : i32 to i16
nd4j_exec.graph @narrow {
  %x = nd4j_exec.placeholder "x" : tensor<3xf32>
  %y = nd4j_exec.node "bitcast" <custom>(%x) i_args [8] d_args [i16] {name = "y"} : (tensor<3xf32>) -> tensor<3x2xi16>
  nd4j_exec.return %y : tensor<3x2xi16>
}

// -----

// To a wider type: four u8 join into one f32.
// CHECK-LABEL: func.func @widen(
// CHECK: linalg.generic {{.*}} outs(%{{.*}} : tensor<2xf32>)
// CHECK-COUNT-4: arith.extui
// CHECK: arith.bitcast {{.*}} : i32 to f32
nd4j_exec.graph @widen {
  %x = nd4j_exec.placeholder "x" : tensor<2x4xui8>
  %y = nd4j_exec.node "bitcast" <custom>(%x) i_args [5] d_args [f32] {name = "y"} : (tensor<2x4xui8>) -> tensor<2xf32>
  nd4j_exec.return %y : tensor<2xf32>
}

// -----

nd4j_exec.graph @bad_shape {
  %x = nd4j_exec.placeholder "x" : tensor<2x3xi8>
  // expected-error @+1 {{cannot lower libnd4j op 'bitcast' (node 'y'): bitcast from 'tensor<2x3xi8>' cannot give 'tensor<2xf32>'}}
  %y = nd4j_exec.node "bitcast" <custom>(%x) i_args [5] d_args [f32] {name = "y"} : (tensor<2x3xi8>) -> tensor<2xf32>
  nd4j_exec.return %y : tensor<2xf32>
}
