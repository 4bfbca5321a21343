// A float range whose length is computed from f64 values (no widening).
nd4j_exec.graph @r {
  %n = nd4j_exec.placeholder "n" : tensor<f64>
  %z = nd4j_exec.constant "z" dense<0.0> : tensor<f64>
  %h = nd4j_exec.constant "h" dense<0.5> : tensor<f64>
  %r = nd4j_exec.node "range" <custom>(%z, %n, %h) d_args [f64] {name = "r"} : (tensor<f64>, tensor<f64>, tensor<f64>) -> tensor<?xf64>
  nd4j_exec.return %r : tensor<?xf64>
}
