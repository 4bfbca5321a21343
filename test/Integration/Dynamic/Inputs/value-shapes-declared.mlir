// A value-sized result whose type the graph declares static: the run
// checks that the values give that size.
nd4j_exec.graph @declared {
  %n = nd4j_exec.placeholder "n" : tensor<i64>
  %zero = nd4j_exec.constant "zero" dense<0> : tensor<i64>
  %one = nd4j_exec.constant "one" dense<1> : tensor<i64>
  %r = nd4j_exec.node "range" <custom>(%zero, %n, %one) d_args [i64] {name = "r4"} : (tensor<i64>, tensor<i64>, tensor<i64>) -> tensor<4xi64>
  nd4j_exec.return %r : tensor<4xi64>
}
