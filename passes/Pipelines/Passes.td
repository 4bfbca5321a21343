//===- Passes.td - nd4j-mlir pipeline passes ------------------*- tablegen -*-===//
//
// Passes that only the compilation pipelines use.
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_PASSES_PIPELINES_PASSES_TD
#define ND4J_PASSES_PIPELINES_PASSES_TD

include "mlir/Pass/PassBase.td"

def Nd4jEmitEntryPointPass : Pass<"nd4j-emit-entry-point", "::mlir::ModuleOp"> {
  let summary = "Add the compiled-model ABI's exported symbols to an LLVM-dialect module";
  let description = [{
    Runs after the lowering to the LLVM dialect (with the bare-pointer
    calling convention for memrefs). For the single entry point recorded by
    `convert-exec-to-linalg` in the module's `nd4j.entry_points` attribute it
    adds what `include/nd4j-mlir/Runtime/nd4j_model_abi.h` specifies:

    - the constant string `nd4j_model_signature` (the signature text);
    - `i32 nd4j_model_run(ptr inputs, ptr outputs, ptr ctx)`, which loads the
      input and output buffer pointers from the two arrays and calls the
      lowered graph function.

    Every other definition becomes internal, so that the library exports
    exactly these two symbols and LLVM may inline and drop the rest.

    ```mlir
    // module attributes {nd4j.entry_points = {g = {inputs = 1, outputs = 1,
    //   signature = "nd4j-model 1\n..."}}} { llvm.func @g(!llvm.ptr, !llvm.ptr) }
    // gains llvm.mlir.global @nd4j_model_signature and llvm.func @nd4j_model_run.
    ```
  }];
  let dependentDialects = ["::mlir::LLVM::LLVMDialect"];
}

#endif // ND4J_PASSES_PIPELINES_PASSES_TD
