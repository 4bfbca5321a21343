// RUN: nd4j-opt %s -split-input-file -verify-diagnostics | FileCheck %s

// nd4j.if / nd4j.while: valid forms print and parse; every structural
// diagnostic of the shared verifier.

// CHECK-LABEL: nd4j.graph @valid
nd4j.graph @valid {
  %c = nd4j.placeholder "c" : tensor<i1>
  %a = nd4j.placeholder "a" : tensor<2xf32>
  %b = nd4j.placeholder "b" : tensor<3xf32>
  // CHECK: nd4j.if %{{.*}} : tensor<i1> -> tensor<?xf32> {
  // CHECK-NEXT: nd4j.yield %{{.*}} : tensor<2xf32>
  // CHECK-NEXT: } else {
  %r = nd4j.if %c : tensor<i1> -> tensor<?xf32> {
    nd4j.yield %a : tensor<2xf32>
  } else {
    nd4j.yield %b : tensor<3xf32>
  }
  // CHECK: nd4j.while(%{{.*}}) : (tensor<2xf32>) -> tensor<?xf32> {
  // CHECK: nd4j.condition(%{{.*}} : tensor<1xi1>) %{{.*}} : tensor<?xf32>
  // CHECK: } do {
  %w = nd4j.while (%a) : (tensor<2xf32>) -> tensor<?xf32> {
  ^bb0(%x: tensor<?xf32>):
    %one = nd4j.constant dense<true> : tensor<1xi1>
    nd4j.condition (%one : tensor<1xi1>) %x : tensor<?xf32>
  } do {
  ^bb0(%x: tensor<?xf32>):
    nd4j.yield %x : tensor<?xf32>
  }
  nd4j.output "r" = %r, "w" = %w : tensor<?xf32>, tensor<?xf32>
}

// -----

nd4j.graph @cond_type {
  %c = nd4j.placeholder "c" : tensor<2xi1>
  // expected-error @+1 {{condition must have one element, got 'tensor<2xi1>'}}
  nd4j.if %c : tensor<2xi1> {
    nd4j.yield
  } else {
    nd4j.yield
  }
  nd4j.output
}

// -----

nd4j.graph @cond_element {
  %c = nd4j.placeholder "c" : tensor<f32>
  // expected-error @+1 {{condition must be a bool tensor, got 'tensor<f32>'}}
  nd4j.if %c : tensor<f32> {
    nd4j.yield
  } else {
    nd4j.yield
  }
  nd4j.output
}

// -----

nd4j.graph @branch_type {
  %c = nd4j.placeholder "c" : tensor<i1>
  %a = nd4j.placeholder "a" : tensor<2xf32>
  // expected-error @+1 {{else branch value 0 has type 'tensor<2xf32>', incompatible with 'tensor<3xf32>'}}
  %r = nd4j.if %c : tensor<i1> -> tensor<3xf32> {
    %b = nd4j.constant dense<0.0> : tensor<3xf32>
    nd4j.yield %b : tensor<3xf32>
  } else {
    nd4j.yield %a : tensor<2xf32>
  }
  nd4j.output "r" = %r : tensor<3xf32>
}

// -----

nd4j.graph @branch_count {
  %c = nd4j.placeholder "c" : tensor<i1>
  %a = nd4j.placeholder "a" : tensor<2xf32>
  // expected-error @+1 {{then branch hands on 0 values for 1}}
  %r = nd4j.if %c : tensor<i1> -> tensor<2xf32> {
    nd4j.yield
  } else {
    nd4j.yield %a : tensor<2xf32>
  }
  nd4j.output "r" = %r : tensor<2xf32>
}

// -----

nd4j.graph @while_init {
  %a = nd4j.placeholder "a" : tensor<2xf32>
  // expected-error @+1 {{init value 0 has type 'tensor<2xf32>', incompatible with 'tensor<2xi32>'}}
  %w = nd4j.while (%a) : (tensor<2xf32>) -> tensor<2xi32> {
  ^bb0(%x: tensor<2xi32>):
    %t = nd4j.constant dense<true> : tensor<i1>
    nd4j.condition (%t : tensor<i1>) %x : tensor<2xi32>
  } do {
  ^bb0(%x: tensor<2xi32>):
    nd4j.yield %x : tensor<2xi32>
  }
  nd4j.output "w" = %w : tensor<2xi32>
}

// -----

nd4j.graph @while_body {
  %a = nd4j.placeholder "a" : tensor<2xf32>
  // expected-error @+1 {{body value 0 has type 'tensor<3xf32>', incompatible with 'tensor<2xf32>'}}
  %w = nd4j.while (%a) : (tensor<2xf32>) -> tensor<2xf32> {
  ^bb0(%x: tensor<2xf32>):
    %t = nd4j.constant dense<true> : tensor<i1>
    nd4j.condition (%t : tensor<i1>) %x : tensor<2xf32>
  } do {
  ^bb0(%x: tensor<2xf32>):
    %y = nd4j.constant dense<0.0> : tensor<3xf32>
    nd4j.yield %y : tensor<3xf32>
  }
  nd4j.output "w" = %w : tensor<2xf32>
}

// -----

nd4j.graph @while_condition {
  %a = nd4j.placeholder "a" : tensor<2xf32>
  // expected-error @+1 {{condition hands on 0 values for 1}}
  %w = nd4j.while (%a) : (tensor<2xf32>) -> tensor<2xf32> {
  ^bb0(%x: tensor<2xf32>):
    %t = nd4j.constant dense<true> : tensor<i1>
    nd4j.condition (%t : tensor<i1>)
  } do {
  ^bb0(%x: tensor<2xf32>):
    nd4j.yield %x : tensor<2xf32>
  }
  nd4j.output "w" = %w : tensor<2xf32>
}

// -----

nd4j.graph @while_args {
  %a = nd4j.placeholder "a" : tensor<2xf32>
  // expected-error @+1 {{body takes 0 arguments for 1 carried values}}
  %w = nd4j.while (%a) : (tensor<2xf32>) -> tensor<2xf32> {
  ^bb0(%x: tensor<2xf32>):
    %t = nd4j.constant dense<true> : tensor<i1>
    nd4j.condition (%t : tensor<i1>) %x : tensor<2xf32>
  } do {
    %y = nd4j.constant dense<0.0> : tensor<2xf32>
    nd4j.yield %y : tensor<2xf32>
  }
  nd4j.output "w" = %w : tensor<2xf32>
}
