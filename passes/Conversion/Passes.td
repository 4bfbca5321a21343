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

def ConvertExecToLinalgPass : Pass<"convert-exec-to-linalg", "::mlir::ModuleOp"> {
  let summary = "Lower nd4j_exec graphs to func + linalg/tensor/arith/math";
  let description = [{
    Turns every `nd4j_exec.graph` into a `func.func` of the same name: its
    placeholders become the arguments (in order, named by an `nd4j.name`
    argument attribute), its outputs the results (named the same way),
    constants and variables `arith.constant`s that keep their
    `dense_resource` blobs, and each `nd4j_exec.node` the linalg, tensor,
    arith and math ops that compute it. Each node is lowered by the function
    registered for its libnd4j op name, which reads the ordered arguments by
    slot as libnd4j's kernels do (`INT_ARG(i)`, `T_ARG(i)`, ...).

    Shapes must be static. A node whose op has no lowering, or whose
    arguments the lowering does not support, is an error naming the node
    and the op; all nodes without a lowering are listed. So is a value
    whose size in bytes passes `max-tensor-bytes` (or overflows 64 bits):
    a model declaring absurd sizes fails here with the value and the limit
    named, instead of exhausting memory while compiling or running.

    ```mlir
    // nd4j_exec.node "add" <custom> (%x, %y) : (...) -> tensor<2x3xf32>
    // becomes a linalg.generic with arith.addf in its body.
    ```
  }];
  let options = [
    Option<"maxTensorBytes", "max-tensor-bytes", "int64_t",
           /*default=*/"17179869184",
           "Largest size in bytes of any value of the graph (default 16 GiB)">
  ];
  let dependentDialects = ["::mlir::func::FuncDialect",
                           "::mlir::linalg::LinalgDialect",
                           "::mlir::tensor::TensorDialect",
                           "::mlir::arith::ArithDialect",
                           "::mlir::math::MathDialect",
                           "::mlir::scf::SCFDialect",
                           "::mlir::bufferization::BufferizationDialect",
                           "::mlir::cf::ControlFlowDialect"];
}

#endif // ND4J_PASSES_CONVERSION_PASSES_TD
