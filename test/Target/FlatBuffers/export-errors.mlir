// RUN: nd4j-translate --export-flatbuffers %s -split-input-file -verify-diagnostics -o /dev/null

// Element types SameDiff cannot store are errors naming the variable.
nd4j_exec.graph @complex {
  // expected-error @below {{variable 'c' has element type 'complex<f32>', which SameDiff FlatBuffers cannot store}}
  %c = nd4j_exec.constant "c" dense<(1.0, 2.0)> : tensor<complex<f32>>
  nd4j_exec.return %c : tensor<complex<f32>>
}

// -----

nd4j_exec.graph @f8 {
  %x = nd4j_exec.placeholder "x" : tensor<2xf32>
  // expected-error @below {{variable 'y' has element type 'f8E4M3FN', which SameDiff FlatBuffers cannot store}}
  %y = nd4j_exec.node "to_f8" <custom>(%x) {name = "c", output_names = ["y"]} : (tensor<2xf32>) -> tensor<2xf8E4M3FN>
  nd4j_exec.return %y : tensor<2xf8E4M3FN>
}

// -----

// A graph over the 2 GiB a FlatBuffer can address (the splat costs nothing
// in memory; the check runs before anything is written).
// expected-error @below {{bytes (2400000032 of array data), more than the 2 GiB (2147483647 bytes) a SameDiff FlatBuffers file can hold}}
nd4j_exec.graph @huge {
  %w = nd4j_exec.constant "w" dense<1.0> : tensor<600000000xf32>
  nd4j_exec.return %w : tensor<600000000xf32>
}

// -----

// A FlatGraph holds one graph.
// expected-error @below {{a SameDiff FlatGraph holds one graph; the module has 2 nd4j_exec.graph ops}}
module {
  nd4j_exec.graph @a {
    nd4j_exec.return
  }
  nd4j_exec.graph @b {
    nd4j_exec.return
  }
}
