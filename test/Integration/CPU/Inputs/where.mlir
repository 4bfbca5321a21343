// Where with only a condition: the coordinates of the non-zero elements,
// as many rows as the run finds. The mask is a bool resource blob (one byte
// per element), which compiles as a dense constant.
nd4j_exec.graph @where {
  %x = nd4j_exec.placeholder "x" : tensor<2x3xf32>
  %m = nd4j_exec.constant "m" dense_resource<mask> : tensor<4xi1>
  %w = nd4j_exec.node "Where" <custom>(%x) {name = "w"} : (tensor<2x3xf32>) -> tensor<?x2xi64>
  %v = nd4j_exec.node "Where" <custom>(%m) {name = "v"} : (tensor<4xi1>) -> tensor<?x1xi64>
  nd4j_exec.return %w, %v : tensor<?x2xi64>, tensor<?x1xi64>
}

{-#
  dialect_resources: {
    builtin: {
      mask: "0x0100000001000101"
    }
  }
#-}
