// Dense linear algebra on a batch of two 3x3 matrices: the second needs a
// row exchange (its first column's largest entry is in the last row).
nd4j_exec.graph @linalg {
  %a = nd4j_exec.constant "a" dense<[[[4.0, 3.0, 0.0], [3.0, 4.0, -1.0], [0.0, -1.0, 4.0]], [[1.0, 2.0, 3.0], [0.0, 1.0, 4.0], [5.0, 6.0, 0.0]]]> : tensor<2x3x3xf64>
  %b = nd4j_exec.constant "b" dense<[[[7.0], [6.0], [3.0]], [[14.0], [14.0], [17.0]]]> : tensor<2x3x1xf64>
  %det = nd4j_exec.node "matrix_determinant" <custom>(%a) {name = "det"} : (tensor<2x3x3xf64>) -> tensor<2xf64>
  %lu, %p = nd4j_exec.node "lu" <custom>(%a) d_args [i32] {name = "lu", output_names = ["lu", "p"]} : (tensor<2x3x3xf64>) -> (tensor<2x3x3xf64>, tensor<2x3xi32>)
  %x = nd4j_exec.node "solve" <custom>(%a, %b) b_args [false] {name = "x"} : (tensor<2x3x3xf64>, tensor<2x3x1xf64>) -> tensor<2x3x1xf64>
  %xt = nd4j_exec.node "solve" <custom>(%a, %b) b_args [true] {name = "xt"} : (tensor<2x3x3xf64>, tensor<2x3x1xf64>) -> tensor<2x3x1xf64>
  %inv = nd4j_exec.node "matrix_inverse" <custom>(%a) {name = "inv"} : (tensor<2x3x3xf64>) -> tensor<2x3x3xf64>
  %tri = nd4j_exec.node "triangular_solve" <custom>(%a, %b) b_args [true, false] {name = "tri"} : (tensor<2x3x3xf64>, tensor<2x3x1xf64>) -> tensor<2x3x1xf64>
  %tru = nd4j_exec.node "triangular_solve" <custom>(%a, %b) b_args [false, true] {name = "tru"} : (tensor<2x3x3xf64>, tensor<2x3x1xf64>) -> tensor<2x3x1xf64>
  %ch = nd4j_exec.node "cholesky" <custom>(%a) {name = "ch"} : (tensor<2x3x3xf64>) -> tensor<2x3x3xf64>
  %s = nd4j_exec.node "svd" <custom>(%a) i_args [0, 0, 16] {name = "s"} : (tensor<2x3x3xf64>) -> tensor<2x3xf64>
  %w = nd4j_exec.constant "w" dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf64>
  %sw = nd4j_exec.node "svd" <custom>(%w) i_args [0, 0, 16] {name = "sw"} : (tensor<2x3xf64>) -> tensor<2xf64>
  %ld = nd4j_exec.node "log_matrix_determinant" <custom>(%a) {name = "logdet"} : (tensor<2x3x3xf64>) -> tensor<2xf64>
  nd4j_exec.return %det, %lu, %p, %x, %xt, %inv, %tri, %tru, %ch, %s, %sw, %ld : tensor<2xf64>, tensor<2x3x3xf64>, tensor<2x3xi32>, tensor<2x3x1xf64>, tensor<2x3x1xf64>, tensor<2x3x3xf64>, tensor<2x3x1xf64>, tensor<2x3x1xf64>, tensor<2x3x3xf64>, tensor<2x3xf64>, tensor<2xf64>, tensor<2xf64>
}
