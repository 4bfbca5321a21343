// User import rules as PDL, loaded at run time.

// Replace: the custom com.example.MyRelu becomes nd4j.relu with cutoff 0.5.
pdl.pattern @my_relu : benefit(1) {
  %type = pdl.type
  %x = pdl.operand
  %fw = pdl.attribute = "onnx"
  %ot = pdl.attribute = "com.example.MyRelu"
  %root = pdl.operation "nd4j.node"(%x : !pdl.value) {"framework" = %fw, "op_type" = %ot} -> (%type : !pdl.type)
  pdl.rewrite %root {
    %cutoff = pdl.attribute = 5.000000e-01 : f64
    %new = pdl.operation "nd4j.relu"(%x : !pdl.value) {"cutoff" = %cutoff} -> (%type : !pdl.type)
    pdl.replace %root with %new
  }
}

// Node name: only the node named "d" gets cutoff 1.0 (precedes the built-in
// Relu rule; other Relu nodes keep the default).
pdl.pattern @relu_named_d : benefit(2) {
  %type = pdl.type
  %x = pdl.operand
  %ot = pdl.attribute = "Relu"
  %root = pdl.operation "nd4j.node"(%x : !pdl.value) {"op_type" = %ot} -> (%type : !pdl.type)
  %name = pdl.attribute = "d"
  pdl.apply_native_constraint "NodeNamed"(%root, %name : !pdl.operation, !pdl.attribute)
  pdl.rewrite %root {
    %cutoff = pdl.attribute = 1.000000e+00 : f64
    %new = pdl.operation "nd4j.relu"(%x : !pdl.value) {"cutoff" = %cutoff} -> (%type : !pdl.type)
    pdl.replace %root with %new
  }
}

// Adjust and continue: node "c" pads one row and column at the end, which
// its stride 2 never reaches; without them the built-in Conv
// rule imports it (nd4j pads symmetrically only).
pdl.pattern @fix_pads : benefit(1) {
  %operands = pdl.operands
  %types = pdl.types
  %root = pdl.operation "nd4j.node"(%operands : !pdl.range<value>) -> (%types : !pdl.range<type>)
  %name = pdl.attribute = "c"
  pdl.apply_native_constraint "NodeNamed"(%root, %name : !pdl.operation, !pdl.attribute)
  %key = pdl.attribute = "pads"
  %old = pdl.attribute = array<i64: 0, 0, 1, 1>
  pdl.apply_native_constraint "FrameworkAttrEquals"(%root, %key, %old : !pdl.operation, !pdl.attribute, !pdl.attribute)
  pdl.rewrite %root {
    %new = pdl.attribute = array<i64: 0, 0, 0, 0>
    pdl.apply_native_rewrite "SetFrameworkAttr"(%root, %key, %new : !pdl.operation, !pdl.attribute, !pdl.attribute)
  }
}
