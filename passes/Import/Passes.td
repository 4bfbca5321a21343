//===- Passes.td - import-rule passes -------------------------*- tablegen -*-===//
//
// The pass that applies import rules to generic framework nodes.
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_PASSES_IMPORT_PASSES_TD
#define ND4J_PASSES_IMPORT_PASSES_TD

include "mlir/Pass/PassBase.td"

def Nd4jImportRulesPass : Pass<"nd4j-import-rules", "::mlir::ModuleOp"> {
  let summary = "Turn generic framework nodes into typed nd4j ops";
  let description = [{
    Applies the import rules ("prehook rules") to every `nd4j.node`, in
    program order: first the patterns of the user rule files given with
    `rule-files` (PDL `.mlir` files, or `.pdll` files lowered by running
    `mlir-pdll`), then the C++ rules of the registry, user rules before
    built-in ones. A rule replaces a node, or adjusts it and lets the next
    rule continue. Unless `allow-unhandled` is set, every node still generic
    afterwards is reported, with its op type and name, and the pass fails.

    ```mlir
    %y = nd4j.node "onnx.Relu"(%x) {} {opset = 14 : i64} : (tensor<4xf32>) -> tensor<4xf32>
    // becomes
    %y = nd4j.relu %x {cutoff = 0.000000e+00 : f64} : (tensor<4xf32>) -> tensor<4xf32>
    ```
  }];
  let options = [
    ListOption<"ruleFiles", "rule-files", "std::string",
               "PDL (.mlir) or PDLL (.pdll) rule files applied before the built-in rules">,
    Option<"allowUnhandled", "allow-unhandled", "bool", /*default=*/"false",
           "Leave nodes no rule handles generic instead of failing">,
  ];
  let dependentDialects = ["::mlir::nd4j::Nd4jDialect",
                           "::mlir::pdl::PDLDialect",
                           "::mlir::pdl_interp::PDLInterpDialect"];
}

#endif // ND4J_PASSES_IMPORT_PASSES_TD
