//===- Passes.td - nd4j-mlir conversion passes ----------------*- tablegen -*-===//
//
// Passes that move a program from one of our dialects to the next.
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_PASSES_CONVERSION_PASSES_TD
#define ND4J_PASSES_CONVERSION_PASSES_TD

include "mlir/Pass/PassBase.td"

def ConvertNd4jToExecPass : Pass<"convert-nd4j-to-exec", "::mlir::ModuleOp"> {
  let summary = "Legalize typed nd4j ops to libnd4j's ordered-argument form";
  let description = [{
    Turns every `nd4j.graph` into an `nd4j_exec.graph`: placeholders and
    constants become exec variables, and each typed nd4j op becomes one
    `nd4j_exec.node` whose `t_args`/`i_args`/`b_args`/`d_args`/`s_args`
    and `axis` are filled from the op's named attributes in the slot order
    its ODS definition declares. The rewrite is generic: it reads the
    descriptor table generated from ODS and has no per-op code.

    Nodes are named after their location (`NameLoc`); results that are graph
    outputs take the output's name. A framework node (`nd4j.node`) that no
    import rule turned into a typed op is an error; all such nodes are
    listed, each with its op type and node name.

    ```mlir
    // nd4j.relu %x {cutoff = 0.0 : f64}  becomes
    // nd4j_exec.node "relu" <custom> (%x) t_args [0.000000e+00]
    ```
  }];
  let dependentDialects = ["::mlir::nd4j::exec::ExecDialect"];
}

#endif // ND4J_PASSES_CONVERSION_PASSES_TD
