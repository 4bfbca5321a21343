// lgamma, digamma, zeta and polygamma at points with known values, in f32
// and f64.
nd4j.graph @special {
  %x = nd4j.constant dense<[0.5, 3.0, -1.5, 10.0]> : tensor<4xf64> {name = "x"}
  %lg = nd4j.lgamma %x : (tensor<4xf64>) -> tensor<4xf64>
  %d = nd4j.constant dense<[1.0, 0.25, -0.5, 20.0]> : tensor<4xf32> {name = "d"}
  %dg = nd4j.digamma %d : (tensor<4xf32>) -> tensor<4xf32>
  %s = nd4j.constant dense<[2.0, 3.0, 1.0, 0.5]> : tensor<4xf64> {name = "s"}
  %q = nd4j.constant dense<[1.0, 2.0, 1.0, 1.0]> : tensor<4xf64> {name = "q"}
  %z = nd4j.zeta %s, %q : (tensor<4xf64>, tensor<4xf64>) -> tensor<4xf64>
  %n = nd4j.constant dense<[0.0, 1.0, 2.0, 1.5]> : tensor<4xf64> {name = "n"}
  %p = nd4j.polygamma %n, %q : (tensor<4xf64>, tensor<4xf64>) -> tensor<4xf64>
  nd4j.output "lgamma" = %lg, "digamma" = %dg, "zeta" = %z, "polygamma" = %p : tensor<4xf64>, tensor<4xf32>, tensor<4xf64>, tensor<4xf64>
}
