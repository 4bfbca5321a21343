// RUN: nd4j-opt %s -split-input-file -verify-diagnostics --convert-exec-to-linalg

nd4j_exec.graph @reshape_count {
  %x = nd4j_exec.placeholder "x" : tensor<2x3xf32>
  // expected-error @+1 {{cannot lower libnd4j op 'reshape' (node 'r'): input and result element counts differ}}
  %0 = nd4j_exec.node "reshape" <custom>(%x) i_args [4, 2] {name = "r"} : (tensor<2x3xf32>) -> tensor<4x2xf32>
  nd4j_exec.return %0 : tensor<4x2xf32>
}

// -----

nd4j_exec.graph @permute_not_permutation {
  %x = nd4j_exec.placeholder "x" : tensor<2x3xf32>
  // expected-error @+1 {{cannot lower libnd4j op 'permute' (node 'p'): the dimensions are not a permutation}}
  %0 = nd4j_exec.node "permute" <custom>(%x) i_args [0, 0] {name = "p"} : (tensor<2x3xf32>) -> tensor<2x2xf32>
  nd4j_exec.return %0 : tensor<2x2xf32>
}

// -----

nd4j_exec.graph @pad_paddings_shape {
  %x = nd4j_exec.placeholder "x" : tensor<2x3xf32>
  %p = nd4j_exec.placeholder "p" : tensor<3x2xi64>
  // expected-error @+1 {{cannot lower libnd4j op 'pad' (node 'q'): expected [rank, 2] paddings}}
  %0 = nd4j_exec.node "pad" <custom>(%x, %p) t_args [0.0] i_args [0] {name = "q"} : (tensor<2x3xf32>, tensor<3x2xi64>) -> tensor<?x?xf32>
  nd4j_exec.return %0 : tensor<?x?xf32>
}

// -----

nd4j_exec.graph @pad_reflect_too_far {
  %x = nd4j_exec.placeholder "x" : tensor<2x3xf32>
  %p = nd4j_exec.constant "p" dense<[[2, 0], [0, 0]]> : tensor<2x2xi64>
  // expected-error @+1 {{cannot lower libnd4j op 'pad' (node 'q'): paddings exceed what REFLECT mode can mirror}}
  %0 = nd4j_exec.node "pad" <custom>(%x, %p) t_args [0.0] i_args [1] {name = "q"} : (tensor<2x3xf32>, tensor<2x2xi64>) -> tensor<4x3xf32>
  nd4j_exec.return %0 : tensor<4x3xf32>
}

// -----

nd4j_exec.graph @pad_mode {
  %x = nd4j_exec.placeholder "x" : tensor<2x3xf32>
  %p = nd4j_exec.constant "p" dense<[[1, 0], [0, 0]]> : tensor<2x2xi64>
  // expected-error @+1 {{cannot lower libnd4j op 'pad' (node 'q'): unknown pad mode 7}}
  %0 = nd4j_exec.node "pad" <custom>(%x, %p) t_args [0.0] i_args [7] {name = "q"} : (tensor<2x3xf32>, tensor<2x2xi64>) -> tensor<3x3xf32>
  nd4j_exec.return %0 : tensor<3x3xf32>
}

// -----

nd4j_exec.graph @strided_slice_count {
  %x = nd4j_exec.placeholder "x" : tensor<6xf32>
  // expected-error @+1 {{cannot lower libnd4j op 'strided_slice' (node 's'): the slice has 2 elements where the result has 3}}
  %0 = nd4j_exec.node "strided_slice" <custom>(%x) i_args [0, 0, 0, 0, 0, 0, 4, 2] {name = "s"} : (tensor<6xf32>) -> tensor<3xf32>
  nd4j_exec.return %0 : tensor<3xf32>
}

// -----

nd4j_exec.graph @strided_slice_zero_stride {
  %x = nd4j_exec.placeholder "x" : tensor<6xf32>
  // expected-error @+1 {{cannot lower libnd4j op 'strided_slice' (node 's'): stride 0}}
  %0 = nd4j_exec.node "strided_slice" <custom>(%x) i_args [0, 0, 0, 0, 0, 0, 4, 0] {name = "s"} : (tensor<6xf32>) -> tensor<3xf32>
  nd4j_exec.return %0 : tensor<3xf32>
}

// -----

nd4j_exec.graph @gather_axis {
  %x = nd4j_exec.placeholder "x" : tensor<2x3xf32>
  %i = nd4j_exec.placeholder "i" : tensor<2xi64>
  // expected-error @+1 {{cannot lower libnd4j op 'gather' (node 'g'): axis 2 is out of range}}
  %0 = nd4j_exec.node "gather" <custom>(%x, %i) i_args [2] {name = "g"} : (tensor<2x3xf32>, tensor<2xi64>) -> tensor<2x3xf32>
  nd4j_exec.return %0 : tensor<2x3xf32>
}

// -----

nd4j_exec.graph @concat_mismatch {
  %a = nd4j_exec.placeholder "a" : tensor<2x3xf32>
  %b = nd4j_exec.placeholder "b" : tensor<3x3xf32>
  // expected-error @+1 {{cannot lower libnd4j op 'concat' (node 'c'): input 1 differs from the result outside the axis}}
  %0 = nd4j_exec.node "concat" <custom>(%a, %b) i_args [1] {name = "c"} : (tensor<2x3xf32>, tensor<3x3xf32>) -> tensor<2x6xf32>
  nd4j_exec.return %0 : tensor<2x6xf32>
}

// -----

nd4j_exec.graph @tile_partial {
  %x = nd4j_exec.placeholder "x" : tensor<2x3xf32>
  // expected-error @+1 {{cannot lower libnd4j op 'tile' (node 't'): the result is not a whole repetition of the input}}
  %0 = nd4j_exec.node "tile" <custom>(%x) i_args [1, 1] {name = "t"} : (tensor<2x3xf32>) -> tensor<3x3xf32>
  nd4j_exec.return %0 : tensor<3x3xf32>
}

// -----

nd4j_exec.graph @depth_to_space_block {
  %x = nd4j_exec.placeholder "x" : tensor<1x6x2x2xf32>
  // expected-error @+1 {{cannot lower libnd4j op 'depth_to_space' (node 'd'): the depth is not a multiple of block size squared}}
  %0 = nd4j_exec.node "depth_to_space" <custom>(%x) i_args [2, 0] {name = "d"} : (tensor<1x6x2x2xf32>) -> tensor<1x1x4x4xf32>
  nd4j_exec.return %0 : tensor<1x1x4x4xf32>
}

// -----

nd4j_exec.graph @resize_area {
  %x = nd4j_exec.placeholder "x" : tensor<1x4x4x1xf32>
  %s = nd4j_exec.constant "s" dense<[2, 2]> : tensor<2xi64>
  // expected-error @+1 {{cannot lower libnd4j op 'image_resize' (node 'y'): resize method 3 is not supported (0 bilinear, 1 nearest, 2 bicubic)}}
  %y = nd4j_exec.node "image_resize" <custom>(%x, %s) t_args [-7.500000e-01] i_args [3, 0, 0] b_args [false, false, false] {name = "y"} : (tensor<1x4x4x1xf32>, tensor<2xi64>) -> tensor<1x2x2x1xf32>
  nd4j_exec.return %y : tensor<1x2x2x1xf32>
}

// -----

nd4j_exec.graph @resize_antialias {
  %x = nd4j_exec.placeholder "x" : tensor<1x4x4x1xf32>
  %s = nd4j_exec.constant "s" dense<[2, 2]> : tensor<2xi64>
  // expected-error @+1 {{cannot lower libnd4j op 'image_resize' (node 'y'): preserveAspectRatio and antialias are not supported}}
  %y = nd4j_exec.node "image_resize" <custom>(%x, %s) t_args [-7.500000e-01] i_args [0, 0, 0] b_args [false, true, false] {name = "y"} : (tensor<1x4x4x1xf32>, tensor<2xi64>) -> tensor<1x2x2x1xf32>
  nd4j_exec.return %y : tensor<1x2x2x1xf32>
}

// -----

nd4j_exec.graph @scatter_bad_updates {
  %x = nd4j_exec.placeholder "x" : tensor<4x3xf32>
  %i = nd4j_exec.placeholder "i" : tensor<2x1xi64>
  %u = nd4j_exec.placeholder "u" : tensor<2x4xf32>
  // expected-error @+1 {{cannot lower libnd4j op 'scatter_nd_add' (node 'y'): updates have shape 'tensor<2x4xf32>', expected the indices' leading dimensions and the input's trailing ones}}
  %y = nd4j_exec.node "scatter_nd_add" <custom>(%x, %i, %u) {name = "y"} : (tensor<4x3xf32>, tensor<2x1xi64>, tensor<2x4xf32>) -> tensor<4x3xf32>
  nd4j_exec.return %y : tensor<4x3xf32>
}

// -----

nd4j_exec.graph @roll_runtime_shift {
  %x = nd4j_exec.placeholder "x" : tensor<5x4xf32>
  %s = nd4j_exec.placeholder "s" : tensor<1xi32>
  %a = nd4j_exec.constant "a" dense<[0]> : tensor<1xi32>
  // expected-error @+1 {{cannot lower libnd4j op 'roll' (node 'y'): the shifts and dimensions must be constants}}
  %y = nd4j_exec.node "roll" <custom>(%x, %s, %a) {name = "y"} : (tensor<5x4xf32>, tensor<1xi32>, tensor<1xi32>) -> tensor<5x4xf32>
  nd4j_exec.return %y : tensor<5x4xf32>
}
