// Results whose sizes are the values of inputs (run-time lengths and
// shapes, slice bounds, paddings), and a run-time dimension broadcast against a fixed one.
nd4j_exec.graph @value_shapes {
  %n = nd4j_exec.placeholder "n" : tensor<i64>
  %shape = nd4j_exec.placeholder "shape" : tensor<2xi64>
  %x = nd4j_exec.placeholder "x" : tensor<?xf32>
  %zero = nd4j_exec.constant "zero" dense<0> : tensor<i64>
  %two = nd4j_exec.constant "two" dense<2> : tensor<i64>
  %m = nd4j_exec.placeholder "m" : tensor<4x5xf32>
  %bg = nd4j_exec.placeholder "bg" : tensor<2xi64>
  %en = nd4j_exec.placeholder "en" : tensor<2xi64>
  %st = nd4j_exec.placeholder "st" : tensor<2xi64>
  %pd = nd4j_exec.placeholder "pd" : tensor<2x2xi64>
  %row = nd4j_exec.constant "row" dense<[1.0, 2.0, 3.0]> : tensor<3xf32>
  %r = nd4j_exec.node "range" <custom>(%zero, %n, %two) d_args [i64] {name = "r"} : (tensor<i64>, tensor<i64>, tensor<i64>) -> tensor<?xi64>
  %f = nd4j_exec.node "fill" <custom>(%shape) t_args [1.5] d_args [f32] {name = "f"} : (tensor<2xi64>) -> tensor<?x?xf32>
  %b = nd4j_exec.node "add" <custom>(%x, %row) {name = "b"} : (tensor<?xf32>, tensor<3xf32>) -> tensor<3xf32>
  %sl = nd4j_exec.node "strided_slice" <custom>(%m, %bg, %en, %st) i_args [0, 0, 0, 0, 0] {name = "sl"} : (tensor<4x5xf32>, tensor<2xi64>, tensor<2xi64>, tensor<2xi64>) -> tensor<?x?xf32>
  %p = nd4j_exec.node "pad" <custom>(%m, %pd) t_args [0.0] i_args [1] {name = "p"} : (tensor<4x5xf32>, tensor<2x2xi64>) -> tensor<?x?xf32>
  nd4j_exec.return %r, %f, %b, %sl, %p : tensor<?xi64>, tensor<?x?xf32>, tensor<3xf32>, tensor<?x?xf32>, tensor<?x?xf32>
}
