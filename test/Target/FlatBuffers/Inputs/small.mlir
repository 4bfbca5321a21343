// A small nd4j_exec graph using every FlatNode argument list, for the
// FlatBuffers tests.
nd4j_exec.graph @small {
  %x = nd4j_exec.placeholder "x" : tensor<?x2xf32>
  %u = nd4j_exec.placeholder "u" : tensor<*xi64>
  %w = nd4j_exec.constant "w" dense<[1.0, -2.0]> : tensor<2xf32>
  %i = nd4j_exec.constant "i" dense<[1, 256]> : tensor<2xi64>
  %m = nd4j_exec.variable "m" dense<[true, false, true]> : tensor<3xi1>
  %e = nd4j_exec.constant "e" dense<> : tensor<0x2xf32>
  %s = nd4j_exec.constant "s" dense<7> : tensor<i32>
  %a = nd4j_exec.node "add" <custom>(%x, %w) {name = "a"} : (tensor<?x2xf32>, tensor<2xf32>) -> tensor<?x2xf32>
  %r = nd4j_exec.node "relu" <scalar>(%a) {name = "r", op_num = 39, scalar = dense<0.0> : tensor<f32>} : (tensor<?x2xf32>) -> tensor<?x2xf32>
  %mean = nd4j_exec.node "reduce_mean" <reduce_float>(%r) b_args [false, true] axis [1] {name = "mean", op_num = 0} : (tensor<?x2xf32>) -> tensor<?xf32>
  %c:2 = nd4j_exec.node "custom_thing" <custom>(%mean, %i, %m) t_args [0.5, 2.0] i_args [3, -1] b_args [true] d_args [f32, i64] s_args ["hello", "world"] {name = "c", output_names = ["out", "second"]} : (tensor<?xf32>, tensor<2xi64>, tensor<3xi1>) -> (tensor<?xf32>, tensor<*xf32>)
  nd4j_exec.return %c#0, %c#1, %s : tensor<?xf32>, tensor<*xf32>, tensor<i32>
}
