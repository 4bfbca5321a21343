// RUN: nd4j-opt %s -split-input-file -verify-diagnostics

// Every diagnostic of the nd4j_exec dialect: graph structure, and calls
// checked against the descriptors declared for their libnd4j ops.

nd4j_exec.graph @empty_name {
  // expected-error @+1 {{has an empty name}}
  %x = nd4j_exec.placeholder "" : tensor<2xf32>
}

// -----

nd4j_exec.graph @duplicate_variable {
  %x = nd4j_exec.placeholder "x" : tensor<2xf32>
  // expected-error @+1 {{constant name 'x' is not unique in the graph}}
  %c = nd4j_exec.constant "x" dense<1.0> : tensor<2xf32>
}

// -----

nd4j_exec.graph @duplicate_node {
  %x = nd4j_exec.placeholder "x" : tensor<2xf32>
  %a = nd4j_exec.node "sigmoid" <custom>(%x) {name = "n"} : (tensor<2xf32>) -> tensor<2xf32>
  // expected-error @+1 {{node name 'n' is not unique in the graph}}
  %b = nd4j_exec.node "sigmoid" <custom>(%x) {name = "n"} : (tensor<2xf32>) -> tensor<2xf32>
}

// -----

nd4j_exec.graph @output_name_clash {
  %x = nd4j_exec.placeholder "x" : tensor<2xf32>
  // expected-error @+1 {{output name 'x' is already a variable of the graph}}
  %a = nd4j_exec.node "sigmoid" <custom>(%x) {output_names = ["x"]} : (tensor<2xf32>) -> tensor<2xf32>
}

// -----

nd4j_exec.graph @output_names_count {
  %x = nd4j_exec.placeholder "x" : tensor<2xf32>
  // expected-error @+1 {{has 1 results but 2 output names}}
  %a = nd4j_exec.node "sigmoid" <custom>(%x) {output_names = ["a", "b"]} : (tensor<2xf32>) -> tensor<2xf32>
}

// -----

nd4j_exec.graph @empty_op_name {
  %x = nd4j_exec.placeholder "x" : tensor<2xf32>
  // expected-error @+1 {{needs a libnd4j op name}}
  %a = nd4j_exec.node "" <custom>(%x) : (tensor<2xf32>) -> tensor<2xf32>
}

// -----

nd4j_exec.graph @d_args_type {
  %x = nd4j_exec.placeholder "x" : tensor<2xf32>
  // expected-error @+1 {{d_args holds 'index', which is not a tensor element type}}
  %a = nd4j_exec.node "cast" <custom>(%x) d_args [index] : (tensor<2xf32>) -> tensor<2xf32>
}

// -----

nd4j_exec.graph @too_few_inputs {
  %x = nd4j_exec.placeholder "x" : tensor<1x3x8x8xf32>
  // expected-error @+1 {{'conv2d' takes between 2 and 3 inputs, got 1}}
  %a = nd4j_exec.node "conv2d" <custom>(%x) i_args [3, 3, 1, 1, 0, 0, 1, 1, 0, 1, 1]
       : (tensor<1x3x8x8xf32>) -> tensor<1x4x6x6xf32>
}

// -----

nd4j_exec.graph @too_many_inputs {
  %x = nd4j_exec.placeholder "x" : tensor<2xf32>
  // expected-error @+1 {{'add' takes 2 inputs, got 3}}
  %a = nd4j_exec.node "add" <custom>(%x, %x, %x) : (tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
}

// -----

nd4j_exec.graph @i_args_count {
  %x = nd4j_exec.placeholder "x" : tensor<1x3x8x8xf32>
  %w = nd4j_exec.placeholder "w" : tensor<4x3x3x3xf32>
  // expected-error @+1 {{'conv2d' takes 11 i_args, got 10}}
  %a = nd4j_exec.node "conv2d" <custom>(%x, %w) i_args [3, 3, 1, 1, 0, 0, 1, 1, 0, 1]
       : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
}

// -----

nd4j_exec.graph @t_args_count {
  %x = nd4j_exec.placeholder "x" : tensor<2xf32>
  // expected-error @+1 {{'relu' takes 1 t_args, got 0}}
  %a = nd4j_exec.node "relu" <custom>(%x) : (tensor<2xf32>) -> tensor<2xf32>
}

// -----

nd4j_exec.graph @b_args_count {
  %x = nd4j_exec.placeholder "x" : tensor<2x4xf32>
  %b = nd4j_exec.placeholder "b" : tensor<4xf32>
  // expected-error @+1 {{'biasadd' takes 1 b_args, got 2}}
  %a = nd4j_exec.node "biasadd" <custom>(%x, %b) b_args [true, false] : (tensor<2x4xf32>, tensor<4xf32>) -> tensor<2x4xf32>
}

// -----

nd4j_exec.graph @unbounded_i_args {
  %x = nd4j_exec.placeholder "x" : tensor<1x4x8x8xf32>
  %v = nd4j_exec.placeholder "v" : tensor<4xf32>
  // expected-error @+1 {{'batchnorm' takes at least 2 i_args, got 1}}
  %a = nd4j_exec.node "batchnorm" <custom>(%x, %v, %v) t_args [1.0e-5] i_args [0]
       : (tensor<1x4x8x8xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<1x4x8x8xf32>
}

// -----

nd4j_exec.graph @s_args_count {
  %x = nd4j_exec.placeholder "x" : tensor<2xf32>
  // expected-error @+1 {{'sigmoid' takes 0 s_args, got 1}}
  %a = nd4j_exec.node "sigmoid" <custom>(%x) s_args ["x"] : (tensor<2xf32>) -> tensor<2xf32>
}

// -----

nd4j_exec.graph @d_args_count {
  %x = nd4j_exec.placeholder "x" : tensor<2xf32>
  // expected-error @+1 {{'tanh' takes 0 d_args, got 1}}
  %a = nd4j_exec.node "tanh" <custom>(%x) d_args [f32] : (tensor<2xf32>) -> tensor<2xf32>
}

// -----

nd4j_exec.graph @result_count {
  %x = nd4j_exec.placeholder "x" : tensor<2xf32>
  // expected-error @+1 {{'identity' has 1 results, got 2}}
  %a:2 = nd4j_exec.node "identity" <custom>(%x) : (tensor<2xf32>) -> (tensor<2xf32>, tensor<2xf32>)
}

// -----

nd4j_exec.graph @axis {
  %x = nd4j_exec.placeholder "x" : tensor<2xf32>
  // expected-error @+1 {{'softmax' takes no axis}}
  %a = nd4j_exec.node "softmax" <custom>(%x) i_args [0] axis [0] : (tensor<2xf32>) -> tensor<2xf32>
}

// -----

// expected-error @+1 {{'nd4j_exec.placeholder' op expects parent op 'nd4j_exec.graph'}}
%x = nd4j_exec.placeholder "x" : tensor<2xf32>

// -----

nd4j_exec.graph @constant_type {
  // expected-error @+1 {{failed to verify that all of {value, result} have same type}}
  %c = "nd4j_exec.constant"() <{name = "c", value = dense<1.0> : tensor<2xf32>}> : () -> tensor<3xf32>
}

// -----

nd4j_exec.graph @op_type {
  %x = nd4j_exec.placeholder "x" : tensor<2xf32>
  // expected-error @+2 {{expected ::mlir::nd4j::exec::OpType to be one of: transform_float, transform_same}}
  // expected-error @+1 {{failed to parse Exec_OpTypeAttr parameter 'value'}}
  %a = nd4j_exec.node "sigmoid" <transform_nothing>(%x) : (tensor<2xf32>) -> tensor<2xf32>
}

// -----

nd4j_exec.graph @nested_duplicate_node {
  %c = nd4j_exec.placeholder "c" : tensor<i1>
  %x = nd4j_exec.placeholder "x" : tensor<3xf32>
  %n = nd4j_exec.node "neg" <custom>(%x) {name = "n"} : (tensor<3xf32>) -> tensor<3xf32>
  %r = nd4j_exec.if %c : tensor<i1> -> tensor<3xf32> {
    // expected-error @+1 {{node name 'n' is not unique in the graph}}
    %m = nd4j_exec.node "neg" <custom>(%x) {name = "n"} : (tensor<3xf32>) -> tensor<3xf32>
    nd4j_exec.yield %m : tensor<3xf32>
  } else {
    nd4j_exec.yield %x : tensor<3xf32>
  }
  nd4j_exec.return %r : tensor<3xf32>
}

// -----

nd4j_exec.graph @exec_cond {
  %c = nd4j_exec.placeholder "c" : tensor<3xi1>
  %x = nd4j_exec.placeholder "x" : tensor<3xf32>
  // expected-error @+1 {{condition must have one element, got 'tensor<3xi1>'}}
  %w = nd4j_exec.while (%x) : (tensor<3xf32>) -> tensor<3xf32> {
  ^bb0(%a: tensor<3xf32>):
    nd4j_exec.condition (%c : tensor<3xi1>) %a : tensor<3xf32>
  } do {
  ^bb0(%a: tensor<3xf32>):
    nd4j_exec.yield %a : tensor<3xf32>
  }
  nd4j_exec.return %w : tensor<3xf32>
}
