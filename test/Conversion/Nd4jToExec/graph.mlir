// RUN: nd4j-opt %s --convert-nd4j-to-exec | FileCheck %s

// Graph structure: placeholders, named and unnamed constants (weights stay
// dense_resource blobs), node names from locations, graph outputs naming the
// producing node's output, and IR outside nd4j graphs left alone.

// CHECK-LABEL: nd4j_exec.graph @structure
nd4j.graph @structure {
  // CHECK: %[[X:.*]] = nd4j_exec.placeholder "input" : tensor<?x4xf32>
  %x = nd4j.placeholder "input" : tensor<?x4xf32>
  // CHECK: %[[W:.*]] = nd4j_exec.constant "fc.weight" dense_resource<fc_weight> : tensor<4x2xf32>
  %w = nd4j.constant dense_resource<fc_weight> : tensor<4x2xf32> {name = "fc.weight"}
  // CHECK: %[[C0:.*]] = nd4j_exec.constant "constant_0" dense<2.000000e+00> : tensor<2xf32>
  %c0 = nd4j.constant dense<2.0> : tensor<2xf32>
  // CHECK: %[[C1:.*]] = nd4j_exec.constant "constant_1" dense<3.000000e+00> : tensor<2xf32>
  %c1 = nd4j.constant dense<3.0> : tensor<2xf32>
  // A fused location still carries the node name.
  // CHECK: %[[MM:.*]] = nd4j_exec.node "matmul" <custom>(%[[X]], %[[W]]) {{.*}} {name = "fc/MatMul"}
  %mm = nd4j.matmul %x, %w {transX = 0, transY = 0, transZ = 0, alpha = 1.0 : f64, beta = 0.0 : f64}
        : (tensor<?x4xf32>, tensor<4x2xf32>) -> tensor<?x2xf32> loc(fused["model.onnx":3:1, "fc/MatMul"])
  // Without a location name the node stays unnamed (the exporter names it).
  // CHECK: %[[ADD:.*]] = nd4j_exec.node "add" <custom>(%[[MM]], %[[C0]]) : (tensor<?x2xf32>, tensor<2xf32>) -> tensor<?x2xf32>
  %a = nd4j.add %mm, %c0 : (tensor<?x2xf32>, tensor<2xf32>) -> tensor<?x2xf32>
  // CHECK: %[[MUL:.*]] = nd4j_exec.node "multiply" <custom>(%[[ADD]], %[[C1]]) {output_names = ["scaled"]}
  %m = nd4j.multiply %a, %c1 : (tensor<?x2xf32>, tensor<2xf32>) -> tensor<?x2xf32>
  // A placeholder output, and a value listed under a second name, get an
  // identity node that carries the output name (and is named for it).
  // CHECK: %[[ECHO:.*]] = nd4j_exec.node "identity" <custom>(%[[X]]) {name = "echo", output_names = ["echo"]} : (tensor<?x4xf32>) -> tensor<?x4xf32>
  // CHECK: %[[AGAIN:.*]] = nd4j_exec.node "identity" <custom>(%[[MUL]]) {name = "again", output_names = ["again"]} : (tensor<?x2xf32>) -> tensor<?x2xf32>
  // CHECK: nd4j_exec.return %[[MUL]], %[[ECHO]], %[[AGAIN]] : tensor<?x2xf32>, tensor<?x4xf32>, tensor<?x2xf32>
  nd4j.output "scaled" = %m, "echo" = %x, "again" = %m : tensor<?x2xf32>, tensor<?x4xf32>, tensor<?x2xf32>
}

// One framework node expanded into several ops (Gemm: matmul + add) keeps
// FlatNode names unique.
// CHECK-LABEL: nd4j_exec.graph @expanded
// CHECK: nd4j_exec.node "matmul" {{.*}} {name = "gemm"}
// CHECK: nd4j_exec.node "add" {{.*}} {name = "gemm_1"}
// CHECK: nd4j_exec.node "add" {{.*}} {name = "gemm_2", output_names = ["y"]}
nd4j.graph @expanded {
  %x = nd4j.placeholder "x" : tensor<2x2xf32>
  %m = nd4j.matmul %x, %x {transX = 0, transY = 0, transZ = 0, alpha = 1.0 : f64, beta = 0.0 : f64}
       : (tensor<2x2xf32>, tensor<2x2xf32>) -> tensor<2x2xf32> loc("gemm")
  %a = nd4j.add %m, %x : (tensor<2x2xf32>, tensor<2x2xf32>) -> tensor<2x2xf32> loc("gemm")
  %b = nd4j.add %a, %x : (tensor<2x2xf32>, tensor<2x2xf32>) -> tensor<2x2xf32> loc("gemm")
  nd4j.output "y" = %b : tensor<2x2xf32>
}

// CHECK-LABEL: func.func @untouched
// CHECK-NEXT: arith.constant
func.func @untouched() -> i32 {
  %c = arith.constant 1 : i32
  return %c : i32
}

{-#
  dialect_resources: {
    builtin: {
      fc_weight: "0x040000000000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F"
    }
  }
#-}

// Variable names are unique: a constant named like a graph output, or like
// an earlier constant (a rule may build several for one node), gets a
// suffix; an output of a constant gets its identity node.
// CHECK-LABEL: nd4j_exec.graph @constant_names
nd4j.graph @constant_names {
  // CHECK: %[[X:.*]] = nd4j_exec.placeholder "x"
  %x = nd4j.placeholder "x" : tensor<2xf32>
  // CHECK: %[[A:.*]] = nd4j_exec.constant "sum_1" dense<1.000000e+00>
  %a = nd4j.constant dense<1.0> : tensor<2xf32> {name = "sum"}
  // CHECK: %[[B:.*]] = nd4j_exec.constant "k" dense<2.000000e+00>
  %b = nd4j.constant dense<2.0> : tensor<2xf32> {name = "k"}
  // CHECK: %[[C:.*]] = nd4j_exec.constant "k_1" dense<3.000000e+00>
  %c = nd4j.constant dense<3.0> : tensor<2xf32> {name = "k"}
  // CHECK: nd4j_exec.node "add" <custom>(%[[X]], %[[A]]) {output_names = ["sum"]}
  %s = nd4j.add %x, %a : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  // CHECK: nd4j_exec.node "identity" <custom>(%[[C]]) {name = "third", output_names = ["third"]}
  nd4j.output "sum" = %s, "second" = %b, "third" = %c : tensor<2xf32>, tensor<2xf32>, tensor<2xf32>
}
