// RUN: not nd4j-opt %s --convert-nd4j-to-exec -split-input-file 2>&1 | FileCheck %s

// A framework node that no import rule turned into a typed op is an error
// naming the node and its op type, and the tool exits non-zero; every such
// node is reported, not only the first.

// CHECK: error: loc("my_gelu"): no import rule handles onnx node 'my_gelu' of op type 'Gelu'
// CHECK: error: loc("lookup"): no import rule handles tf node 'lookup' of op type 'HashTableV2'
nd4j.graph @unhandled {
  %x = nd4j.placeholder "x" : tensor<2xf32>
  %g = nd4j.node "onnx.Gelu"(%x) {} {opset = 20 : i64} : (tensor<2xf32>) -> tensor<2xf32> loc("my_gelu")
  %r = nd4j.relu %g {cutoff = 0.0 : f64} : (tensor<2xf32>) -> tensor<2xf32>
  %h = nd4j.node "tf.HashTableV2"(%r) {} : (tensor<2xf32>) -> tensor<2xf32> loc("lookup")
  nd4j.output "y" = %h : tensor<2xf32>
}

// -----

// Without a name location the diagnostic points at the source line.
// CHECK: errors.mlir:[[# @LINE + 3]]:8: error: no import rule handles onnx node '<unnamed>' of op type 'Foo'
nd4j.graph @unnamed {
  %x = nd4j.placeholder "x" : tensor<2xf32>
  %g = nd4j.node "onnx.Foo"(%x) {} : (tensor<2xf32>) -> tensor<2xf32>
  nd4j.output "y" = %g : tensor<2xf32>
}
