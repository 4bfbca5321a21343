// top_k and nth_element over rows with ties: ties keep the lower index
// first, as TensorFlow and ONNX do.
nd4j_exec.graph @select {
  %x = nd4j_exec.placeholder "x" : tensor<2x5xf32>
  %n = nd4j_exec.placeholder "n" : tensor<i32>
  %v, %i = nd4j_exec.node "top_k" <custom>(%x) i_args [3] b_args [true] {name = "top", output_names = ["values", "indices"]} : (tensor<2x5xf32>) -> (tensor<2x3xf32>, tensor<2x3xi32>)
  %s = nd4j_exec.node "nth_element" <custom>(%x, %n) i_args [0] {name = "nth"} : (tensor<2x5xf32>, tensor<i32>) -> tensor<2xf32>
  %r = nd4j_exec.node "nth_element" <custom>(%x, %n) i_args [1] {name = "nth_rev"} : (tensor<2x5xf32>, tensor<i32>) -> tensor<2xf32>
  nd4j_exec.return %v, %i, %s, %r : tensor<2x3xf32>, tensor<2x3xi32>, tensor<2xf32>, tensor<2xf32>
}
