//===- ExecOps.td - nd4j_exec operations ---------------------*- tablegen -*-===//
//
// The graph container and its contents: placeholders, constants, trainable
// variables, libnd4j op calls (`nd4j_exec.node`) and the graph outputs. Each
// maps onto one FlatGraph entity: FlatVariable (PLACEHOLDER, CONSTANT,
// VARIABLE), FlatNode, and the graph's output list.
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_EXEC_EXECOPS_TD
#define ND4J_EXEC_EXECOPS_TD

include "dialects/Exec/IR/ExecBase.td"
include "mlir/IR/SymbolInterfaces.td"
include "mlir/IR/OpAsmInterface.td"
include "mlir/IR/BuiltinAttributeInterfaces.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

class Exec_Op<string mnemonic, list<Trait> traits = []>
    : Op<Exec_Dialect, mnemonic, traits>;

def Exec_GraphOp : Exec_Op<"graph", [
    Symbol, IsolatedFromAbove, SingleBlockImplicitTerminator<"ReturnOp">]> {
  let summary = "a SameDiff graph (FlatGraph)";
  let description = [{
    Holds one executable graph. Its single block lists the variables
    (`placeholder`, `constant`, `variable`) and the nodes in topological
    order, and ends with `nd4j_exec.return` naming the graph outputs.
    Variable and node names are unique within a graph (they become
    FlatVariable and FlatNode names). `loss_variables` and
    `training_config` carry the FlatGraph fields of the same meaning.

    ```mlir
    nd4j_exec.graph @mlp {
      %in = nd4j_exec.placeholder "in" : tensor<?x4xf32>
      %w = nd4j_exec.constant "w" dense<1.0> : tensor<4x3xf32>
      %y = nd4j_exec.node "matmul" <custom> (%in, %w) i_args [0, 0, 0]
             {name = "mm"} : (tensor<?x4xf32>, tensor<4x3xf32>) -> tensor<?x3xf32>
      nd4j_exec.return %y : tensor<?x3xf32>
    }
    ```
  }];
  let arguments = (ins SymbolNameAttr:$sym_name,
                       OptionalAttr<StrArrayAttr>:$loss_variables,
                       OptionalAttr<StrAttr>:$training_config);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = "$sym_name attr-dict-with-keyword $body";
  let hasRegionVerifier = 1;
  let builders = [OpBuilder<(ins "::llvm::StringRef":$name)>];
}

def Exec_ReturnOp : Exec_Op<"return", [Terminator, HasParent<"GraphOp">, Pure]> {
  let summary = "the graph outputs";
  let description = [{
    Lists the values the graph computes for its callers. Their names are
    those of the producing variable or node output.

    ```mlir
    nd4j_exec.return %y, %z : tensor<1x10xf32>, tensor<1xi64>
    ```
  }];
  let arguments = (ins Variadic<AnyTensor>:$outputs);
  let assemblyFormat = "attr-dict ($outputs^ `:` type($outputs))?";
  let builders = [OpBuilder<(ins), [{ build($_builder, $_state, {}); }]>];
}

def Exec_IfOp : Exec_Op<"if", [RecursiveMemoryEffects, NoRegionArguments,
    ParentOneOf<["GraphOp", "IfOp", "WhileOp"]>]> {
  let summary = "a conditional (nd4j.if after legalization)";
  let description = [{
    As `nd4j.if`: `cond` is a one-element bool tensor, each region ends in
    `nd4j_exec.yield`. SameDiff writes conditionals as Switch/Merge LOGIC
    nodes; the FlatBuffers writer does not write them yet.

    ```mlir
    %r = nd4j_exec.if %c : tensor<i1> -> tensor<2xf32> {
      nd4j_exec.yield %a : tensor<2xf32>
    } else {
      nd4j_exec.yield %b : tensor<2xf32>
    }
    ```
  }];
  let arguments = (ins AnyTensor:$cond);
  let results = (outs Variadic<AnyTensor>:$results);
  let regions = (region SizedRegion<1>:$then_region,
                        SizedRegion<1>:$else_region);
  let assemblyFormat = [{
    $cond `:` type($cond) (`->` type($results)^)? $then_region `else`
    $else_region attr-dict
  }];
  let hasVerifier = 1;
}

def Exec_WhileOp : Exec_Op<"while", [RecursiveMemoryEffects,
    ParentOneOf<["GraphOp", "IfOp", "WhileOp"]>]> {
  let summary = "a loop over carried values (nd4j.while after legalization)";
  let description = [{
    As `nd4j.while`: the `before` region ends in `nd4j_exec.condition`, the
    `after` region (the body) in `nd4j_exec.yield`. SameDiff writes loops as
    frames of Enter/Merge/Switch/NextIteration/Exit LOGIC nodes; the
    FlatBuffers writer does not write them yet.

    ```mlir
    %r = nd4j_exec.while (%x) : (tensor<f32>) -> tensor<f32> {
    ^bb0(%a: tensor<f32>):
      nd4j_exec.condition (%c : tensor<i1>) %a : tensor<f32>
    } do {
    ^bb0(%a: tensor<f32>):
      nd4j_exec.yield %a : tensor<f32>
    }
    ```
  }];
  let arguments = (ins Variadic<AnyTensor>:$inits);
  let results = (outs Variadic<AnyTensor>:$results);
  let regions = (region SizedRegion<1>:$before, SizedRegion<1>:$after);
  let assemblyFormat = [{
    `(` $inits `)` `:` functional-type($inits, $results) $before `do` $after
    attr-dict
  }];
  let hasVerifier = 1;
}

def Exec_ConditionOp : Exec_Op<"condition", [Terminator, Pure,
    HasParent<"WhileOp">]> {
  let summary = "ends a while loop's condition region";
  let arguments = (ins AnyTensor:$cond, Variadic<AnyTensor>:$args);
  let assemblyFormat = [{
    `(` $cond `:` type($cond) `)` attr-dict ($args^ `:` type($args))?
  }];
}

def Exec_YieldOp : Exec_Op<"yield", [Terminator, Pure,
    ParentOneOf<["IfOp", "WhileOp"]>]> {
  let summary = "ends a branch of nd4j_exec.if or the body of nd4j_exec.while";
  let arguments = (ins Variadic<AnyTensor>:$values);
  let assemblyFormat = "attr-dict ($values^ `:` type($values))?";
  let builders = [OpBuilder<(ins), [{ build($_builder, $_state, {}); }]>];
}

class Exec_VariableLikeOp<string mnemonic, list<Trait> traits = []>
    : Exec_Op<mnemonic, traits # [HasParent<"GraphOp">,
        DeclareOpInterfaceMethods<OpAsmOpInterface, ["getAsmResultNames"]>]>;

def Exec_PlaceholderOp : Exec_VariableLikeOp<"placeholder", [Pure]> {
  let summary = "a graph input (FlatVariable of type PLACEHOLDER)";
  let description = [{
    A value fed by the caller. `?` dimensions are unknown (−1 in the
    FlatVariable shape); an unranked type has no recorded shape.

    ```mlir
    %x = nd4j_exec.placeholder "input" : tensor<?x3x224x224xf32>
    ```
  }];
  let arguments = (ins StrAttr:$name);
  let results = (outs AnyTensor:$result);
  let assemblyFormat = "$name attr-dict `:` type($result)";
}

def Exec_ConstantOp : Exec_VariableLikeOp<"constant", [Pure, ConstantLike,
    AllTypesMatch<["value", "result"]>]> {
  let summary = "a constant array (FlatVariable of type CONSTANT)";
  let description = [{
    A named constant. Large weights are `dense_resource` blobs, so they are
    neither printed nor parsed element by element.

    ```mlir
    %w = nd4j_exec.constant "conv1.weight" dense_resource<w0> : tensor<64x3x7x7xf32>
    ```
  }];
  let arguments = (ins StrAttr:$name, ElementsAttr:$value);
  let results = (outs AnyStaticShapeTensor:$result);
  let assemblyFormat = "$name $value attr-dict";
  let hasFolder = 1;
}

def Exec_VariableOp : Exec_VariableLikeOp<"variable", [
    AllTypesMatch<["value", "result"]>]> {
  let summary = "a trainable variable (FlatVariable of type VARIABLE)";
  let description = [{
    A named array that SameDiff treats as trainable. For inference it reads
    like a constant; it is kept distinct so that a SameDiff file reads back
    and writes out unchanged.

    ```mlir
    %b = nd4j_exec.variable "b0" dense<0.0> : tensor<10xf32>
    ```
  }];
  let arguments = (ins StrAttr:$name, ElementsAttr:$value);
  let results = (outs AnyStaticShapeTensor:$result);
  let assemblyFormat = "$name $value attr-dict";
}

def Exec_NodeOp : Exec_Op<"node", [
    ParentOneOf<["GraphOp", "IfOp", "WhileOp"]>, Pure]> {
  let summary = "one libnd4j op call (FlatNode)";
  let description = [{
    Calls libnd4j op `op_name` of FlatBuffers op type `op_type` in its
    ordered-argument convention: the inputs, then `t_args` (f64), `i_args`
    (i64), `b_args` (bool), `d_args` (data types), `s_args` (strings) and,
    for legacy reductions, `axis` (FlatNode `dimensions`). An absent list is
    empty. Legacy scalar ops (op type `scalar`, e.g. relu read from a
    SameDiff file) carry their scalar operand in `scalar` (FlatNode
    `scalar`). `op_num` is the legacy op number of non-CUSTOM ops; for CUSTOM ops
    the FlatBuffers writer stores libnd4j's hash of `op_name`. `name` and
    `output_names` are the FlatNode name and output variable names; when
    absent they are derived from the op's location.

    When a descriptor is declared for `op_name` and `op_type` (by the typed
    `nd4j` op that legalizes to it), the verifier checks the number of
    inputs, of results and of each argument kind against it.

    ```mlir
    %y = nd4j_exec.node "conv2d" <custom> (%x, %w, %b)
           i_args [3, 3, 1, 1, 0, 0, 1, 1, 0, 1, 1]
           : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<1x4x6x6xf32>
    ```
  }];
  let arguments = (ins
    StrAttr:$op_name,
    Exec_OpTypeAttr:$op_type,
    Variadic<AnyTensor>:$inputs,
    OptionalAttr<DenseF64ArrayAttr>:$t_args,
    OptionalAttr<DenseI64ArrayAttr>:$i_args,
    OptionalAttr<DenseBoolArrayAttr>:$b_args,
    OptionalAttr<TypeArrayAttr>:$d_args,
    OptionalAttr<StrArrayAttr>:$s_args,
    OptionalAttr<DenseI64ArrayAttr>:$axis,
    OptionalAttr<ElementsAttr>:$scalar,
    OptionalAttr<I64Attr>:$op_num,
    OptionalAttr<StrAttr>:$name,
    OptionalAttr<StrArrayAttr>:$output_names);
  let results = (outs Variadic<AnyTensor>:$outputs);
  let assemblyFormat = [{
    $op_name $op_type `(` $inputs `)`
    `` custom<TArgs>($t_args) (`i_args` $i_args^)? (`b_args` $b_args^)?
    (`d_args` $d_args^)? (`s_args` $s_args^)? (`axis` $axis^)?
    attr-dict `:` functional-type($inputs, results)
  }];
  let hasVerifier = 1;
}

#endif // ND4J_EXEC_EXECOPS_TD
