// A small CNN in the nd4j dialect: conv → batchnorm → relu → maxpool →
// reshape → matmul → biasadd → softmax (the ONNX example small_cnn.onnxtxt
// written by hand in the typed ops).
nd4j.graph @small_cnn {
  %x = nd4j.placeholder "image" : tensor<1x3x8x8xf32>
  %w = nd4j.constant dense<0.1> : tensor<4x3x3x3xf32> {name = "conv1.weight"}
  %b = nd4j.constant dense<0.0> : tensor<4xf32> {name = "conv1.bias"}
  %mean = nd4j.constant dense<0.0> : tensor<4xf32> {name = "bn1.mean"}
  %var = nd4j.constant dense<1.0> : tensor<4xf32> {name = "bn1.var"}
  %gamma = nd4j.constant dense<1.0> : tensor<4xf32> {name = "bn1.gamma"}
  %beta = nd4j.constant dense<0.0> : tensor<4xf32> {name = "bn1.beta"}
  %fcw = nd4j.constant dense<0.01> : tensor<36x10xf32> {name = "fc.weight"}
  %fcb = nd4j.constant dense<0.0> : tensor<10xf32> {name = "fc.bias"}
  %c = nd4j.conv2d %x, %w, %b {kH = 3, kW = 3, sH = 1, sW = 1, pH = 0, pW = 0,
                               dH = 1, dW = 1, isSameMode = 0, isNCHW = 0, wFormat = 1}
       : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<1x4x6x6xf32> loc("conv1")
  %n = nd4j.batchnorm %c, %mean, %var, %gamma, %beta {applyScale = 1, applyOffset = 1,
                      dimensions = array<i64: 1>, epsilon = 1.0e-5 : f64,
                      operandSegmentSizes = array<i32: 1, 1, 1, 1, 1>}
       : (tensor<1x4x6x6xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<1x4x6x6xf32> loc("bn1")
  %r = nd4j.relu %n {cutoff = 0.0 : f64} : (tensor<1x4x6x6xf32>) -> tensor<1x4x6x6xf32> loc("relu1")
  %p = nd4j.maxpool2d %r {kH = 2, kW = 2, sH = 2, sW = 2, pH = 0, pW = 0, dH = 1, dW = 1,
                          isSameMode = 0, extraParam0 = 0, isNCHW = 0}
       : (tensor<1x4x6x6xf32>) -> tensor<1x4x3x3xf32> loc("pool1")
  %f = nd4j.reshape %p {shapeArr = array<i64: 1, -1>} : (tensor<1x4x3x3xf32>) -> tensor<1x36xf32> loc("flatten")
  %m = nd4j.matmul %f, %fcw {transX = 0, transY = 0, transZ = 0, alpha = 1.0 : f64, beta = 0.0 : f64}
       : (tensor<1x36xf32>, tensor<36x10xf32>) -> tensor<1x10xf32> loc("fc")
  %l = nd4j.biasadd %m, %fcb {nchw = false} : (tensor<1x10xf32>, tensor<10xf32>) -> tensor<1x10xf32> loc("fc.bias_add")
  %s = nd4j.softmax %l {dimension = -1} : (tensor<1x10xf32>) -> tensor<1x10xf32> loc("probs")
  nd4j.output "probs" = %s : tensor<1x10xf32>
}
