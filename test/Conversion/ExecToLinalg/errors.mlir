// RUN: nd4j-opt %s -split-input-file --convert-exec-to-linalg -verify-diagnostics

// Every node without a lowering is listed.
nd4j_exec.graph @unknown {
  %x = nd4j_exec.placeholder "x" : tensor<2xf32>
  // expected-error @+1 {{no lowering for libnd4j op 'no_such_op' (node 'n1')}}
  %a = nd4j_exec.node "no_such_op" <custom>(%x) {name = "n1"} : (tensor<2xf32>) -> tensor<2xf32>
  // expected-error @+1 {{no lowering for libnd4j op 'another_op' (node 'n2')}}
  %b = nd4j_exec.node "another_op" <custom>(%a) {name = "n2"} : (tensor<2xf32>) -> tensor<2xf32>
  nd4j_exec.return %b : tensor<2xf32>
}

// -----

// Shapes must be ranked.
nd4j_exec.graph @unranked {
  // expected-error @+1 {{cannot compile a value of type 'tensor<*xf32>': shapes must be ranked}}
  %x = nd4j_exec.placeholder "x" : tensor<*xf32>
  nd4j_exec.return %x : tensor<*xf32>
}

// -----

// Only the ops whose lowering handles them take run-time dimensions.
nd4j_exec.graph @dynamic_unsupported {
  %x = nd4j_exec.placeholder "x" : tensor<?x3xf32>
  // expected-error @+1 {{libnd4j op 'reverse' (node 'r') cannot be compiled yet with dimensions known only at run time ('tensor<?x3xf32>' -> 'tensor<?x3xf32>'); give the shapes with --input-shape or --dim}}
  %r = nd4j_exec.node "reverse" <custom>(%x) i_args [0] {name = "r"} : (tensor<?x3xf32>) -> tensor<?x3xf32>
  nd4j_exec.return %r : tensor<?x3xf32>
}

// -----

// Each run-time size of a result is read from an input.
nd4j_exec.graph @dynamic_unresolved {
  %x = nd4j_exec.placeholder "x" : tensor<3xf32>
  // expected-error @+1 {{cannot lower libnd4j op 'add' (node 's'): with dimensions known only at run time: dimension 0 of a result is not the extent of an input dimension}}
  %s = nd4j_exec.node "add" <custom>(%x, %x) {name = "s"} : (tensor<3xf32>, tensor<3xf32>) -> tensor<?x3xf32>
  nd4j_exec.return %s : tensor<?x3xf32>
}

// -----

nd4j_exec.graph @mismatch {
  %a = nd4j_exec.placeholder "a" : tensor<2x3xf32>
  %b = nd4j_exec.placeholder "b" : tensor<4x5xf32>
  // expected-error @+1 {{cannot lower libnd4j op 'matmul' (node 'c'): contraction sizes differ: 3 vs 4}}
  %c = nd4j_exec.node "matmul" <custom>(%a, %b) t_args [1.000000e+00, 0.000000e+00] i_args [0, 0, 0] {name = "c"} : (tensor<2x3xf32>, tensor<4x5xf32>) -> tensor<2x5xf32>
  nd4j_exec.return %c : tensor<2x5xf32>
}

// -----

nd4j_exec.graph @biasadd_size {
  %x = nd4j_exec.placeholder "x" : tensor<2x3x5x5xf32>
  %b = nd4j_exec.placeholder "b" : tensor<4xf32>
  // expected-error @+1 {{cannot lower libnd4j op 'biasadd' (node 'y'): the bias has 4 values for 3 channels}}
  %0 = nd4j_exec.node "biasadd" <custom>(%x, %b) b_args [true] {name = "y", output_names = ["y"]} : (tensor<2x3x5x5xf32>, tensor<4xf32>) -> tensor<2x3x5x5xf32>
  nd4j_exec.return %0 : tensor<2x3x5x5xf32>
}

// -----

// A sorted segment op whose ids arrive at run time has a result size known
// only then.
nd4j_exec.graph @segment_runtime_ids {
  %x = nd4j_exec.placeholder "x" : tensor<4xf32>
  %i = nd4j_exec.placeholder "i" : tensor<4xi32>
  // expected-error @+1 {{cannot lower libnd4j op 'segment_sum' (node 's'): the number of segments is known only at run time (the segment ids are not constants)}}
  %s = nd4j_exec.node "segment_sum" <custom>(%x, %i) {name = "s"} : (tensor<4xf32>, tensor<4xi32>) -> tensor<?xf32>
  nd4j_exec.return %s : tensor<?xf32>
}
