nd4j.graph @g {
  %x = nd4j.placeholder "x" : tensor<2xf32>
  %y = nd4j.relu %x {cutoff = 0.0 : f64} : (tensor<2xf32>) -> tensor<2xf32>
