//===- Nd4jOps.td - nd4j operations ---------------------------*- tablegen -*-===//
//
// The graph structure ops (graph, placeholder, constant, output), the generic
// framework node, and the typed nd4j ops. Each typed op's names and slots
// follow nd4j's op descriptors (nd4j-op-def.pbtxt, 1.0.0-M2.1); deviations
// where libnd4j reads more than the descriptor lists are noted at the op.
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_ND4J_ND4JOPS_TD
#define ND4J_ND4J_ND4JOPS_TD

include "dialects/Nd4j/IR/Nd4jBase.td"
include "mlir/IR/SymbolInterfaces.td"
include "mlir/IR/OpAsmInterface.td"
include "mlir/IR/BuiltinAttributeInterfaces.td"

//===----------------------------------------------------------------------===//
// Graph structure
//===----------------------------------------------------------------------===//

def Nd4j_GraphOp : Nd4j_Op<"graph", [
    Symbol, IsolatedFromAbove, SingleBlockImplicitTerminator<"OutputOp">]> {
  let summary = "an imported model graph";
  let description = [{
    The container a frontend fills: placeholders for the graph inputs,
    constants for weights, nodes in topological order, and a final
    `nd4j.output` naming the graph outputs. `framework` records where the
    graph came from (`onnx`, `tf`, ...). Placeholder and output names are
    unique.

    ```mlir
    nd4j.graph @model {
      %x = nd4j.placeholder "x" : tensor<1x4xf32>
      %r = nd4j.relu %x {cutoff = 0.0 : f64} : (tensor<1x4xf32>) -> tensor<1x4xf32>
      nd4j.output "y" = %r : tensor<1x4xf32>
    }
    ```
  }];
  let arguments = (ins SymbolNameAttr:$sym_name,
                       OptionalAttr<StrAttr>:$framework);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = "$sym_name attr-dict-with-keyword $body";
  let hasRegionVerifier = 1;
  let builders = [OpBuilder<(ins "::llvm::StringRef":$name)>];
}

def Nd4j_OutputOp : Nd4j_Op<"output", [Terminator,
    ParentOneOf<["GraphOp", "NodeOp"]>, Pure]> {
  let summary = "the named outputs of a graph or of a node's subgraph";
  let description = [{
    Ends an `nd4j.graph` and each subgraph region of an `nd4j.node` (the
    bodies of ONNX `If`/`Loop`/`Scan`, TF functional control flow).

    ```mlir
    nd4j.output "logits" = %a, "probs" = %b : tensor<1x10xf32>, tensor<1x10xf32>
    ```
  }];
  let arguments = (ins Variadic<Nd4j_AnyTensor>:$outputs, StrArrayAttr:$names);
  let hasCustomAssemblyFormat = 1;
  let hasVerifier = 1;
  let builders = [OpBuilder<(ins), [{
    build($_builder, $_state, ::mlir::ValueRange{}, $_builder.getStrArrayAttr({}));
  }]>];
}

def Nd4j_PlaceholderOp : Nd4j_Op<"placeholder", [Pure, HasParent<"GraphOp">,
    DeclareOpInterfaceMethods<OpAsmOpInterface, ["getAsmResultNames"]>]> {
  let summary = "a graph input";
  let description = [{
    A value the caller feeds, named as in the source model. `?` dimensions
    are unknown.

    ```mlir
    %x = nd4j.placeholder "input" : tensor<?x3x224x224xf32>
    ```
  }];
  let arguments = (ins StrAttr:$name);
  let results = (outs Nd4j_AnyTensor:$result);
  let assemblyFormat = "$name attr-dict `:` type($result)";
}

def Nd4j_ConstantOp : Nd4j_Op<"constant", [Pure, ConstantLike,
    AllTypesMatch<["value", "result"]>,
    DeclareOpInterfaceMethods<OpAsmOpInterface, ["getAsmResultNames"]>]> {
  let summary = "a constant tensor (weights)";
  let description = [{
    Weights are `dense_resource` blobs (`DenseResourceElementsAttr`), kept out
    of line so large models are never printed or parsed element by element;
    small constants may be `dense`. `name` is the source model's name for the
    tensor, when it has one.

    ```mlir
    %w = nd4j.constant dense_resource<conv1_w> : tensor<64x3x7x7xf32>
    %s = nd4j.constant dense<[1, -1]> {name = "shape"} : tensor<2xi64>
    ```
  }];
  let arguments = (ins ElementsAttr:$value, OptionalAttr<StrAttr>:$name);
  let results = (outs AnyStaticShapeTensor:$result);
  let assemblyFormat = "$value attr-dict";
  let hasFolder = 1;
}

def Nd4j_NodeOp : Nd4j_Op<"node"> {
  let summary = "a framework node not yet turned into a typed nd4j op";
  let description = [{
    Frontends emit one `nd4j.node` per framework node: `framework` (`onnx`,
    `tf`, ...), the framework's `op_type`, its opset or version when the
    framework has one, and the framework attributes as the `attrs`
    dictionary. The node name is the op's location. An absent optional input
    is the `none` value of `nd4j.none`. Subgraphs (If/Loop/Scan bodies) are
    regions ending in `nd4j.output`, in the order of the graph-valued
    attributes, each of which `attrs` records as its region index
    (`then_branch = 0 : index`). Import rules rewrite these into typed ops;
    any left after the rules is an error.

    ```mlir
    %y = nd4j.node "onnx.Conv"(%x, %w) {kernel_shape = [3, 3], pads = [1, 1, 1, 1]}
           {opset = 13 : i64} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x8x8xf32>
    ```
  }];
  let arguments = (ins StrAttr:$framework, StrAttr:$op_type,
                       Variadic<AnyTypeOf<[Nd4j_AnyTensor, NoneType,
                                           Nd4j_SequenceType]>>:$inputs,
                       DictionaryAttr:$attrs,
                       OptionalAttr<Nd4j_I64Attr>:$opset);
  let results = (outs Variadic<AnyTypeOf<[Nd4j_AnyTensor,
                                          Nd4j_SequenceType]>>:$outputs);
  let regions = (region VariadicRegion<AnyRegion>:$subgraphs);
  let assemblyFormat = [{
    custom<NodeType>($framework, $op_type) `(` $inputs `)` $attrs attr-dict
    `:` functional-type($inputs, results) ($subgraphs^)?
  }];
  let hasVerifier = 1;
}

def Nd4j_NoneOp : Nd4j_Op<"none", [Pure]> {
  let summary = "the absent value of an optional framework input";
  let description = [{
    ```mlir
    %none = nd4j.none
    %y = nd4j.node "onnx.Clip"(%x, %none, %max) {} : (tensor<4xf32>, none, tensor<f32>) -> tensor<4xf32>
    ```
  }];
  let results = (outs NoneType:$result);
  let assemblyFormat = "attr-dict";
}

//===----------------------------------------------------------------------===//
// Structured control flow
//===----------------------------------------------------------------------===//

def Nd4j_IfOp : Nd4j_Op<"if", [RecursiveMemoryEffects, NoRegionArguments]> {
  let summary = "a conditional: one of two regions computes the results";
  let description = [{
    `cond` is a one-element bool tensor (`tensor<i1>` or `tensor<1xi1>`).
    Each region ends in `nd4j.yield` with one value per result. A branch
    may yield a more precise type than the result's (a result is `?` where
    the branches' static sizes differ). Regions read values of the
    enclosing graph directly (ONNX `If`, TF `If`/`StatelessIf`).

    ```mlir
    %r = nd4j.if %c : tensor<i1> -> tensor<?xf32> {
      nd4j.yield %a : tensor<2xf32>
    } else {
      nd4j.yield %b : tensor<3xf32>
    }
    ```
  }];
  let arguments = (ins Nd4j_AnyTensor:$cond);
  let results = (outs Variadic<Nd4j_AnyTensor>:$results);
  let regions = (region SizedRegion<1>:$then_region,
                        SizedRegion<1>:$else_region);
  let assemblyFormat = [{
    $cond `:` type($cond) (`->` type($results)^)? $then_region `else`
    $else_region attr-dict
  }];
  let hasVerifier = 1;
}

def Nd4j_WhileOp : Nd4j_Op<"while", [RecursiveMemoryEffects]> {
  let summary = "a loop over carried values (condition region, body region)";
  let description = [{
    The carried values start as `inits`. Each iteration runs the `before`
    region on them; it ends in `nd4j.condition`, whose one-element bool
    decides whether the loop goes on and whose values are handed on: to
    the `after` region (the body) when it goes on, as the results when it
    stops. The body ends in `nd4j.yield` with the next carried values.
    Carried types may be `?` where iterations change sizes; `inits`,
    the condition's values and the yielded values must be compatible with
    them. Regions read values of the enclosing graph directly (ONNX `Loop`,
    TF while loops).

    ```mlir
    %r = nd4j.while (%x) : (tensor<f32>) -> tensor<f32> {
    ^bb0(%a: tensor<f32>):
      %c = nd4j.less %a, %limit : (tensor<f32>, tensor<f32>) -> tensor<i1>
      nd4j.condition (%c : tensor<i1>) %a : tensor<f32>
    } do {
    ^bb0(%a: tensor<f32>):
      %n = nd4j.add %a, %one : (tensor<f32>, tensor<f32>) -> tensor<f32>
      nd4j.yield %n : tensor<f32>
    }
    ```
  }];
  let arguments = (ins Variadic<Nd4j_AnyTensor>:$inits);
  let results = (outs Variadic<Nd4j_AnyTensor>:$results);
  let regions = (region SizedRegion<1>:$before, SizedRegion<1>:$after);
  let assemblyFormat = [{
    `(` $inits `)` `:` functional-type($inits, $results) $before `do` $after
    attr-dict
  }];
  let hasVerifier = 1;
}

def Nd4j_ConditionOp : Nd4j_Op<"condition", [Terminator, Pure,
    HasParent<"WhileOp">]> {
  let summary = "ends a while loop's condition region";
  let arguments = (ins Nd4j_AnyTensor:$cond, Variadic<Nd4j_AnyTensor>:$args);
  let assemblyFormat = [{
    `(` $cond `:` type($cond) `)` attr-dict ($args^ `:` type($args))?
  }];
}

def Nd4j_YieldOp : Nd4j_Op<"yield", [Terminator, Pure,
    ParentOneOf<["IfOp", "WhileOp"]>]> {
  let summary = "ends a branch of nd4j.if or the body of nd4j.while";
  let arguments = (ins Variadic<Nd4j_AnyTensor>:$values);
  let assemblyFormat = "attr-dict ($values^ `:` type($values))?";
  let builders = [OpBuilder<(ins), [{ build($_builder, $_state, {}); }]>];
}

//===----------------------------------------------------------------------===//
// Typed ops: element-wise and broadcasting
//===----------------------------------------------------------------------===//

// Broadcasting binary ops (numpy rules). libnd4j's BROADCASTABLE_OP_IMPL ops
// take no arguments beyond the two inputs (`inPlace` and `dataType` are
// optional and not set by importers).
class Nd4j_BroadcastBinaryOp<string mnemonic, string summaryText>
    : Nd4j_TypedOp<mnemonic>, Nd4j_InferBroadcast {
  let summary = summaryText;
  let description = [{
    Element-wise with numpy-style broadcasting of `input` and `y`.

    ```mlir
    %z = nd4j.}] # mnemonic # [{ %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input, Nd4j_Tensor:$y);
  let results = (outs Nd4j_Tensor:$outputs);
}

def Nd4j_AddOp : Nd4j_BroadcastBinaryOp<"add", "element-wise addition">;
def Nd4j_SubtractOp : Nd4j_BroadcastBinaryOp<"subtract", "element-wise subtraction">;
def Nd4j_MultiplyOp : Nd4j_BroadcastBinaryOp<"multiply", "element-wise multiplication">;
def Nd4j_DivideOp : Nd4j_BroadcastBinaryOp<"divide", "element-wise division">;

class Nd4j_UnaryOp<string mnemonic, string summaryText>
    : Nd4j_TypedOp<mnemonic>, Nd4j_InferUnary {
  let summary = summaryText;
  let arguments = (ins Nd4j_Tensor:$input);
  let results = (outs Nd4j_Tensor:$outputs);
}

def Nd4j_ReluOp : Nd4j_UnaryOp<"relu", "rectified linear unit with cutoff"> {
  let description = [{
    `max(input, cutoff)` element-wise where the input exceeds `cutoff`, else
    0; `cutoff` is 0 for the usual ReLU.

    ```mlir
    %y = nd4j.relu %x {cutoff = 0.0 : f64} : (tensor<4xf32>) -> tensor<4xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input, F64Attr:$cutoff);
  let tArgs = ["cutoff"];
}

def Nd4j_SigmoidOp : Nd4j_UnaryOp<"sigmoid", "logistic sigmoid"> {
  let description = [{
    ```mlir
    %y = nd4j.sigmoid %x : (tensor<4xf32>) -> tensor<4xf32>
    ```
  }];
}

def Nd4j_TanhOp : Nd4j_UnaryOp<"tanh", "hyperbolic tangent"> {
  let description = [{
    ```mlir
    %y = nd4j.tanh %x : (tensor<4xf32>) -> tensor<4xf32>
    ```
  }];
}

def Nd4j_IdentityOp : Nd4j_UnaryOp<"identity", "the input unchanged"> {
  let description = [{
    ```mlir
    %y = nd4j.identity %x : (tensor<4xf32>) -> tensor<4xf32>
    ```
  }];
  let hasFolder = 1;
}

def Nd4j_SoftmaxOp : Nd4j_UnaryOp<"softmax", "softmax along one dimension">,
                     Nd4j_InferUnaryWithAxis {
  let description = [{
    `exp(x) / sum(exp(x))` along `dimension` (negative counts from the end).

    ```mlir
    %y = nd4j.softmax %x {dimension = -1 : i64} : (tensor<2x10xf32>) -> tensor<2x10xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input, Nd4j_I64Attr:$dimension);
  let iArgs = ["dimension"];
}

// Element-wise unary math. Most execute as libnd4j legacy transform ops
// (opdefs: LEGACY_XYZ), identified by op type and legacy number
// (legacy-op-numbers.txt); the others are custom ops.
class Nd4j_TransformOp<string mnemonic, string summaryText,
                       Libnd4jOpType type = Libnd4j_Custom, int num = 0,
                       string element = "nullptr">
    : Nd4j_TypedOp<mnemonic>, Nd4j_InferUnary<element> {
  let summary = summaryText;
  let description = [{
    Element-wise; the result has the input's shape. Executes as libnd4j
    `}] # !if(!empty(libnd4jName), mnemonic, libnd4jName) # [{` (}] #
    type.name # !if(!eq(type.name, "CUSTOM"), "", " #" # num) # [{).

    ```mlir
    %y = nd4j.}] # mnemonic # [{ %x : (tensor<4xf32>) -> tensor<4x}] #
    !if(!eq(element, "nullptr"), "f32", "i1") # [{>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input);
  let results = (outs Nd4j_Tensor:$outputs);
  let libnd4jOpType = type;
  let libnd4jOpNum = num;
}

def Nd4j_AbsOp : Nd4j_TransformOp<"abs", "absolute value", Libnd4j_TransformSame, 0>;
def Nd4j_SignOp : Nd4j_TransformOp<"sign", "sign (-1, 0, 1)", Libnd4j_TransformSame, 1>;
def Nd4j_NegOp : Nd4j_TransformOp<"neg", "negation", Libnd4j_TransformSame, 3>;
def Nd4j_ReciprocalOp : Nd4j_TransformOp<"reciprocal", "1 / x", Libnd4j_TransformSame, 11> {
  let libnd4jName = "Reciprocal";
}
def Nd4j_CeilOp : Nd4j_TransformOp<"ceil", "round up", Libnd4j_TransformSame, 17>;
def Nd4j_FloorOp : Nd4j_TransformOp<"floor", "round down", Libnd4j_TransformSame, 18>;
def Nd4j_CosOp : Nd4j_TransformOp<"cos", "cosine", Libnd4j_TransformStrict, 22>;
def Nd4j_ExpOp : Nd4j_TransformOp<"exp", "natural exponential", Libnd4j_TransformStrict, 23>;
def Nd4j_LogOp : Nd4j_TransformOp<"log", "natural logarithm", Libnd4j_TransformStrict, 24>;
def Nd4j_SinOp : Nd4j_TransformOp<"sin", "sine", Libnd4j_TransformStrict, 27>;
def Nd4j_AcosOp : Nd4j_TransformOp<"acos", "arc cosine", Libnd4j_TransformStrict, 30>;
def Nd4j_AsinOp : Nd4j_TransformOp<"asin", "arc sine", Libnd4j_TransformStrict, 31>;
def Nd4j_AtanOp : Nd4j_TransformOp<"atan", "arc tangent", Libnd4j_TransformStrict, 32>;
def Nd4j_SinhOp : Nd4j_TransformOp<"sinh", "hyperbolic sine", Libnd4j_TransformStrict, 39>;
def Nd4j_CoshOp : Nd4j_TransformOp<"cosh", "hyperbolic cosine", Libnd4j_TransformStrict, 40>;
def Nd4j_TanOp : Nd4j_TransformOp<"tan", "tangent", Libnd4j_TransformStrict, 41>;
def Nd4j_ErfOp : Nd4j_TransformOp<"erf", "error function", Libnd4j_TransformStrict, 45>;
def Nd4j_AcoshOp : Nd4j_TransformOp<"acosh", "inverse hyperbolic cosine", Libnd4j_TransformStrict, 46>;
def Nd4j_AsinhOp : Nd4j_TransformOp<"asinh", "inverse hyperbolic sine", Libnd4j_TransformStrict, 47>;
def Nd4j_AtanhOp : Nd4j_TransformOp<"atanh", "inverse hyperbolic tangent", Libnd4j_TransformStrict, 52>;
def Nd4j_HardSigmoidOp : Nd4j_TransformOp<"hard_sigmoid", "max(0, min(1, 0.2 x + 0.5))", Libnd4j_TransformStrict, 36>;
def Nd4j_SqrtOp : Nd4j_TransformOp<"sqrt", "square root", Libnd4j_TransformFloat, 1>;
def Nd4j_IsInfOp : Nd4j_TransformOp<"isinf", "true where infinite", Libnd4j_TransformBool, 1,
                                    "::mlir::IntegerType::get(ctx, 1)">;
def Nd4j_IsNanOp : Nd4j_TransformOp<"isnan", "true where NaN", Libnd4j_TransformBool, 2,
                                    "::mlir::IntegerType::get(ctx, 1)">;
def Nd4j_RintOp : Nd4j_TransformOp<"rint", "round half to even">;
def Nd4j_SoftplusOp : Nd4j_TransformOp<"softplus", "log(1 + exp(x))">;
def Nd4j_SoftsignOp : Nd4j_TransformOp<"softsign", "x / (1 + |x|)">;
def Nd4j_SeluOp : Nd4j_TransformOp<"selu", "scaled ELU with the standard constants">;

// Activations with one floating-point parameter (a t_arg).
class Nd4j_ParamActivationOp<string mnemonic, string summaryText, string param,
                             Libnd4jOpType type = Libnd4j_Custom, int num = 0>
    : Nd4j_TypedOp<mnemonic>, Nd4j_InferUnary {
  let summary = summaryText;
  let description = [{
    Element-wise, with parameter `}] # param # [{` (t_arg 0).

    ```mlir
    %y = nd4j.}] # mnemonic # [{ %x {}] # param # [{ = 0.5 : f64} : (tensor<4xf32>) -> tensor<4xf32>
    ```
  }];
  let results = (outs Nd4j_Tensor:$outputs);
  let tArgs = [param];
  let libnd4jOpType = type;
  let libnd4jOpNum = num;
}

def Nd4j_EluOp : Nd4j_ParamActivationOp<"elu", "exponential linear unit", "alpha"> {
  let arguments = (ins Nd4j_Tensor:$input, F64Attr:$alpha);
}
// libnd4j's leakyrelu is the legacy scalar op LeakyReLU (#35).
def Nd4j_LeakyReluOp : Nd4j_ParamActivationOp<"leakyrelu", "leaky ReLU", "alpha",
                                              Libnd4j_Scalar, 35> {
  let arguments = (ins Nd4j_Tensor:$input, F64Attr:$alpha);
}
def Nd4j_ThresholdedReluOp : Nd4j_ParamActivationOp<"thresholdedrelu",
                                                    "x where x > cutoff, else 0", "cutoff"> {
  let arguments = (ins Nd4j_Tensor:$input, F64Attr:$cutoff);
}

def Nd4j_ClipByValueOp : Nd4j_TypedOp<"clipbyvalue"> {
  let summary = "clamps to [left, right]";
  let description = [{
    ```mlir
    %y = nd4j.clipbyvalue %x {left = -1.0 : f64, right = 1.0 : f64} : (tensor<4xf32>) -> tensor<4xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input, F64Attr:$left, F64Attr:$right);
  let results = (outs Nd4j_Tensor:$outputs);
  let tArgs = ["left", "right"];
}

def Nd4j_LogSoftmaxOp : Nd4j_UnaryOp<"log_softmax", "log of softmax along one dimension">,
                        Nd4j_InferUnaryWithAxis {
  let description = [{
    ```mlir
    %y = nd4j.log_softmax %x {dimension = -1 : i64} : (tensor<2x10xf32>) -> tensor<2x10xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input, Nd4j_I64Attr:$dimension);
  let iArgs = ["dimension"];
}

def Nd4j_CastOp : Nd4j_TypedOp<"cast"> {
  let summary = "converts the element type";
  let description = [{
    The result has the input's shape and element type `dtype` (d_arg 0).

    ```mlir
    %y = nd4j.cast %x {dtype = i32} : (tensor<4xf32>) -> tensor<4xi32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input, TypeAttr:$dtype);
  let results = (outs Nd4j_Tensor:$outputs);
  let dArgs = ["dtype"];
}

// Broadcasting binary ops beyond arithmetic: min/max, floor modulo, the
// comparisons (bool result) and the logical ops.
def Nd4j_MinimumOp : Nd4j_BroadcastBinaryOp<"minimum", "element-wise minimum">;
def Nd4j_MaximumOp : Nd4j_BroadcastBinaryOp<"maximum", "element-wise maximum">;
def Nd4j_ModOp : Nd4j_BroadcastBinaryOp<"mod",
    "remainder with the dividend's sign (C fmod, truncating division)">;
def Nd4j_FloorModOp : Nd4j_BroadcastBinaryOp<"floormod",
    "remainder with the sign of the divisor (Python's %)">;
def Nd4j_BooleanAndOp : Nd4j_BroadcastBinaryOp<"boolean_and", "element-wise logical and">;
def Nd4j_BooleanOrOp : Nd4j_BroadcastBinaryOp<"boolean_or", "element-wise logical or">;
def Nd4j_BooleanXorOp : Nd4j_BroadcastBinaryOp<"boolean_xor", "element-wise logical xor">;

class Nd4j_CompareOp<string mnemonic, string summaryText>
    : Nd4j_BroadcastBinaryOp<mnemonic, summaryText> {
  let inferDefinition = Nd4j_InferBroadcast<"::mlir::IntegerType::get(ctx, 1)">.inferDefinition;
}
def Nd4j_EqualsOp : Nd4j_CompareOp<"equals", "element-wise ==">;
def Nd4j_NotEqualsOp : Nd4j_CompareOp<"not_equals", "element-wise !=">;
def Nd4j_GreaterOp : Nd4j_CompareOp<"greater", "element-wise >">;
def Nd4j_GreaterEqualOp : Nd4j_CompareOp<"greater_equal", "element-wise >=">;
def Nd4j_LessOp : Nd4j_CompareOp<"less", "element-wise <">;
def Nd4j_LessEqualOp : Nd4j_CompareOp<"less_equal", "element-wise <=">;

// libnd4j's broadcasting power op is the custom op "Pow".
def Nd4j_PowOp : Nd4j_BroadcastBinaryOp<"pow", "element-wise power"> {
  let libnd4jName = "Pow";
}

def Nd4j_SelectOp : Nd4j_TypedOp<"select"> {
  let summary = "element-wise choice between two tensors of one shape";
  let description = [{
    `cond ? input : y`, element by element; all three have the same shape
    (libnd4j's `select` does not broadcast — ONNX `Where` and other numpy-style
    selections broadcast their operands with `broadcast_to` first). libnd4j's
    `where_np` is not this op: it replaces the `true` elements by `y`'s.

    ```mlir
    %r = nd4j.select %c, %a, %b : (tensor<2x3xi1>, tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$cond, Nd4j_Tensor:$input, Nd4j_Tensor:$y);
  let results = (outs Nd4j_Tensor:$outputs);
}

def Nd4j_BroadcastToOp : Nd4j_TypedOp<"broadcast_to"> {
  let summary = "broadcasts a tensor to a shape (numpy rules)";
  let description = [{
    `shape` is a 1-D integer tensor; the input broadcasts to it by numpy's
    rules (dimensions aligned at the end, extents 1 stretched). With a
    constant `shape` the result is static.

    ```mlir
    %s = nd4j.constant dense<[2, 3]> : tensor<2xi64>
    %y = nd4j.broadcast_to %x, %s : (tensor<3xf32>, tensor<2xi64>) -> tensor<2x3xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input, Nd4j_Tensor:$shape);
  let results = (outs Nd4j_Tensor:$outputs);
}

//===----------------------------------------------------------------------===//
// Typed ops: reductions
//===----------------------------------------------------------------------===//

// Reductions along `dimensions` (all of them when empty); `keepDims` keeps
// the reduced dimensions with extent 1.
class Nd4j_ReduceOp<string mnemonic, string summaryText, string element = "">
    : Nd4j_TypedOp<mnemonic> {
  let summary = summaryText;
  let description = [{
    ```mlir
    %y = nd4j.}] # mnemonic # [{ %x {dimensions = array<i64: 1>, keepDims = false}
           : (tensor<2x3xf32>) -> tensor<2x}] # !if(!empty(element), "f32", element) # [{>
    ```
  }];
  // `axes`, when given, holds the dimensions at run time (libnd4j's input
  // `dimensions`); `dimensions` is then empty and the reduced extents `?`.
  let arguments = (ins Nd4j_Tensor:$input, Optional<Nd4j_Tensor>:$axes,
                       DenseI64ArrayAttr:$dimensions, BoolAttr:$keepDims);
  let results = (outs Nd4j_Tensor:$outputs);
  let builders = [
    OpBuilder<(ins "::mlir::Type":$outputs, "::mlir::Value":$input,
                   "::mlir::DenseI64ArrayAttr":$dimensions,
                   "::mlir::BoolAttr":$keepDims), [{
      build($_builder, $_state, outputs, input, ::mlir::Value(), dimensions,
            keepDims);
    }]>];
  let iArgs = ["dimensions"];
  let bArgs = ["keepDims"];
  let undeclaredInReference = ["input:axes=dimensions"];
  let inferDefinition = [{
    ::llvm::LogicalResult $cppClass::inferReturnTypes(
        ::mlir::MLIRContext *ctx, std::optional<::mlir::Location> loc,
        Adaptor adaptor, ::llvm::SmallVectorImpl<::mlir::Type> &out) {
      if (adaptor.getAxes())
        return ::mlir::nd4j::inferReduceAxesResult(loc, adaptor.getInput(),
            adaptor.getAxes(), adaptor.getDimensions(), adaptor.getKeepDims(), }] #
          !if(!empty(element), "nullptr", "::mlir::IntegerType::get(ctx, 64)") # [{, out);
      return ::mlir::nd4j::inferReduceResult(loc, adaptor.getInput(),
          adaptor.getDimensions(), adaptor.getKeepDims(), }] #
          !if(!empty(element), "nullptr", "::mlir::IntegerType::get(ctx, 64)") # [{, out);
    }
  }];
}

def Nd4j_ReduceSumOp : Nd4j_ReduceOp<"reduce_sum", "sum">;
def Nd4j_ReduceMeanOp : Nd4j_ReduceOp<"reduce_mean", "mean">;
def Nd4j_ReduceMaxOp : Nd4j_ReduceOp<"reduce_max", "maximum">;
def Nd4j_ReduceMinOp : Nd4j_ReduceOp<"reduce_min", "minimum">;
def Nd4j_ReduceProdOp : Nd4j_ReduceOp<"reduce_prod", "product">;
def Nd4j_ReduceNorm1Op : Nd4j_ReduceOp<"reduce_norm1", "sum of absolute values">;
def Nd4j_ReduceNorm2Op : Nd4j_ReduceOp<"reduce_norm2", "Euclidean norm">;
def Nd4j_ArgMaxOp : Nd4j_ReduceOp<"argmax", "index of the maximum", "i64">;
def Nd4j_ArgMinOp : Nd4j_ReduceOp<"argmin", "index of the minimum", "i64">;

//===----------------------------------------------------------------------===//
// Typed ops: linear algebra and convolution
//===----------------------------------------------------------------------===//

def Nd4j_MatmulOp : Nd4j_TypedOp<"matmul"> {
  let summary = "(batched) matrix product with optional transposes and scaling";
  let description = [{
    `alpha * op(input) x op(y) + beta * 0`, with `op` transposing the last
    two dimensions when `transX`/`transY` is 1; `transZ` transposes the
    result. Leading dimensions broadcast. Slots follow libnd4j's `matmul`:
    i_args `[transX, transY, transZ]`, t_args `[alpha, beta]`.

    ```mlir
    %z = nd4j.matmul %a, %b {transX = 0 : i64, transY = 0 : i64, transZ = 0 : i64,
                             alpha = 1.0 : f64, beta = 0.0 : f64}
           : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input, Nd4j_Tensor:$y,
                       Nd4j_I64Attr:$transX, Nd4j_I64Attr:$transY, Nd4j_I64Attr:$transZ,
                       F64Attr:$alpha, F64Attr:$beta);
  let results = (outs Nd4j_Tensor:$outputs);
  let iArgs = ["transX", "transY", "transZ"];
  let tArgs = ["alpha", "beta"];
}

def Nd4j_Conv2DOp : Nd4j_TypedOp<"conv2d"> {
  let summary = "2-D convolution";
  let description = [{
    libnd4j `conv2d`: kernel `kH x kW`, strides `sH, sW`, paddings `pH, pW`,
    dilations `dH, dW`; `isSameMode` 1 pads for SAME output size (then `pH,
    pW` are ignored); `isNCHW` 0 for `[N, C, H, W]` input, 1 for NHWC (libnd4j reads
    the slot as "is NHWC", whatever its descriptor name says);
    `wFormat` gives the weight layout: 0 `[kH, kW, iC, oC]`, 1 `[oC, iC, kH,
    kW]`, 2 `[oC, kH, kW, iC]`. `bias` is `[oC]`.

    The nd4j descriptor lists i_args 0-9 only; libnd4j also reads i_arg 10
    (`wFormat`), and nd4j's own ONNX/TF importers set it, so it is declared
    here (see ../shared/ref/README.md).

    ```mlir
    %y = nd4j.conv2d %x, %w, %b {kH = 3 : i64, kW = 3 : i64, sH = 1 : i64, sW = 1 : i64,
                                 pH = 0 : i64, pW = 0 : i64, dH = 1 : i64, dW = 1 : i64,
                                 isSameMode = 0 : i64, isNCHW = 0 : i64, wFormat = 1 : i64}
           : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<1x4x6x6xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input, Nd4j_Tensor:$weights,
                       Optional<Nd4j_Tensor>:$bias,
                       Nd4j_I64Attr:$kH, Nd4j_I64Attr:$kW, Nd4j_I64Attr:$sH, Nd4j_I64Attr:$sW,
                       Nd4j_I64Attr:$pH, Nd4j_I64Attr:$pW, Nd4j_I64Attr:$dH, Nd4j_I64Attr:$dW,
                       Nd4j_I64Attr:$isSameMode, Nd4j_I64Attr:$isNCHW, Nd4j_I64Attr:$wFormat);
  let results = (outs Nd4j_Tensor:$outputs);
  let iArgs = ["kH", "kW", "sH", "sW", "pH", "pW", "dH", "dW", "isSameMode",
               "isNCHW", "wFormat"];
  let undeclaredInReference = ["i:wFormat"];
}

def Nd4j_DepthwiseConv2DOp : Nd4j_TypedOp<"depthwise_conv2d"> {
  let summary = "2-D depthwise convolution";
  let description = [{
    Each input channel `c` is convolved with its own `mC` filters; output
    channel `c * mC + j` is filter `j` of channel `c`. The weights are
    `[kH, kW, iC, mC]`, `bias` is `[iC * mC]`; the window slots are those of
    `conv2d`.

    ```mlir
    %y = nd4j.depthwise_conv2d %x, %w {kH = 3 : i64, kW = 3 : i64, sH = 1 : i64, sW = 1 : i64,
                                       pH = 1 : i64, pW = 1 : i64, dH = 1 : i64, dW = 1 : i64,
                                       isSameMode = 0 : i64, isNCHW = 0 : i64}
           : (tensor<1x4x8x8xf32>, tensor<3x3x4x2xf32>) -> tensor<1x8x8x8xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input, Nd4j_Tensor:$weights,
                       Optional<Nd4j_Tensor>:$bias,
                       Nd4j_I64Attr:$kH, Nd4j_I64Attr:$kW, Nd4j_I64Attr:$sH,
                       Nd4j_I64Attr:$sW, Nd4j_I64Attr:$pH, Nd4j_I64Attr:$pW,
                       Nd4j_I64Attr:$dH, Nd4j_I64Attr:$dW,
                       Nd4j_I64Attr:$isSameMode, Nd4j_I64Attr:$isNCHW);
  let results = (outs Nd4j_Tensor:$outputs);
  let iArgs = ["kH", "kW", "sH", "sW", "pH", "pW", "dH", "dW", "isSameMode",
               "isNCHW"];
}

// maxpool2d and avgpool2d share libnd4j's 11 integer slots.
class Nd4j_Pool2DOp<string mnemonic, string summaryText, string extraDoc>
    : Nd4j_TypedOp<mnemonic> {
  let summary = summaryText;
  let description = [{
    Kernel `kH x kW`, strides `sH, sW`, paddings `pH, pW`, dilations `dH,
    dW`, `isSameMode` 1 for SAME padding, `isNCHW` 0 for `[N, C, H, W]`
    input, 1 for NHWC (libnd4j reads the slot as "is NHWC"). }] # extraDoc # [{

    ```mlir
    %y = nd4j.}] # mnemonic # [{ %x {kH = 2 : i64, kW = 2 : i64, sH = 2 : i64, sW = 2 : i64,
                               pH = 0 : i64, pW = 0 : i64, dH = 1 : i64, dW = 1 : i64,
                               isSameMode = 0 : i64, extraParam0 = 0 : i64, isNCHW = 0 : i64}
           : (tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input,
                       Nd4j_I64Attr:$kH, Nd4j_I64Attr:$kW, Nd4j_I64Attr:$sH, Nd4j_I64Attr:$sW,
                       Nd4j_I64Attr:$pH, Nd4j_I64Attr:$pW, Nd4j_I64Attr:$dH, Nd4j_I64Attr:$dW,
                       Nd4j_I64Attr:$isSameMode, Nd4j_I64Attr:$extraParam0,
                       Nd4j_I64Attr:$isNCHW);
  let results = (outs Nd4j_Tensor:$outputs);
  let iArgs = ["kH", "kW", "sH", "sW", "pH", "pW", "dH", "dW", "isSameMode",
               "extraParam0", "isNCHW"];
}

def Nd4j_MaxPool2DOp : Nd4j_Pool2DOp<"maxpool2d", "2-D max pooling",
    "`extraParam0` is unused by max pooling (0).">;
def Nd4j_AvgPool2DOp : Nd4j_Pool2DOp<"avgpool2d", "2-D average pooling",
    "`extraParam0` is the divisor mode: 0 excludes padding from the count, 1 includes it.">;

def Nd4j_Conv3DOp : Nd4j_TypedOp<"conv3dnew"> {
  let summary = "3-D convolution";
  let description = [{
    libnd4j `conv3dnew`: kernel `kD x kH x kW`, strides, paddings and
    dilations per dimension; `paddingMode` 0 VALID (explicit paddings), 1
    SAME; `isNCDHW` 0 for `[N, C, D, H, W]` input, 1 for NDHWC (libnd4j
    reads the slot as "is NDHWC"). The weights
    are `[kD, kH, kW, iC, oC]`, `bias` is `[oC]`.

    ```mlir
    %y = nd4j.conv3dnew %x, %w {kD = 2 : i64, kH = 2 : i64, kW = 2 : i64, sD = 1 : i64, sH = 1 : i64,
                                sW = 1 : i64, pD = 0 : i64, pH = 0 : i64, pW = 0 : i64, dD = 1 : i64,
                                dH = 1 : i64, dW = 1 : i64, paddingMode = 0 : i64, isNCDHW = 0 : i64}
           : (tensor<1x3x4x4x4xf32>, tensor<2x2x2x3x8xf32>) -> tensor<1x8x3x3x3xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input, Nd4j_Tensor:$weights,
                       Optional<Nd4j_Tensor>:$bias,
                       Nd4j_I64Attr:$kD, Nd4j_I64Attr:$kH, Nd4j_I64Attr:$kW,
                       Nd4j_I64Attr:$sD, Nd4j_I64Attr:$sH, Nd4j_I64Attr:$sW,
                       Nd4j_I64Attr:$pD, Nd4j_I64Attr:$pH, Nd4j_I64Attr:$pW,
                       Nd4j_I64Attr:$dD, Nd4j_I64Attr:$dH, Nd4j_I64Attr:$dW,
                       Nd4j_I64Attr:$paddingMode, Nd4j_I64Attr:$isNCDHW);
  let results = (outs Nd4j_Tensor:$outputs);
  let iArgs = ["kD", "kH", "kW", "sD", "sH", "sW", "pD", "pH", "pW", "dD",
               "dH", "dW", "paddingMode", "isNCDHW"];
}

// maxpool3dnew and avgpool3dnew share libnd4j's 15 integer slots.
class Nd4j_Pool3DOp<string mnemonic, string summaryText, string extraDoc>
    : Nd4j_TypedOp<mnemonic> {
  let summary = summaryText;
  let description = [{
    Kernel `kD x kH x kW`, strides, paddings and dilations per dimension,
    `isSameMode` 1 for SAME padding, `isNCDHW` 0 for `[N, C, D, H, W]`
    input, 1 for NDHWC (libnd4j reads the slot as "is NDHWC"). }] # extraDoc # [{

    ```mlir
    %y = nd4j.}] # mnemonic # [{ %x {kD = 2 : i64, kH = 2 : i64, kW = 2 : i64, sD = 2 : i64, sH = 2 : i64,
                               sW = 2 : i64, pD = 0 : i64, pH = 0 : i64, pW = 0 : i64, dD = 1 : i64,
                               dH = 1 : i64, dW = 1 : i64, isSameMode = 0 : i64, extraParam0 = 0 : i64,
                               isNCDHW = 0 : i64}
           : (tensor<1x3x4x4x4xf32>) -> tensor<1x3x2x2x2xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input,
                       Nd4j_I64Attr:$kD, Nd4j_I64Attr:$kH, Nd4j_I64Attr:$kW,
                       Nd4j_I64Attr:$sD, Nd4j_I64Attr:$sH, Nd4j_I64Attr:$sW,
                       Nd4j_I64Attr:$pD, Nd4j_I64Attr:$pH, Nd4j_I64Attr:$pW,
                       Nd4j_I64Attr:$dD, Nd4j_I64Attr:$dH, Nd4j_I64Attr:$dW,
                       Nd4j_I64Attr:$isSameMode, Nd4j_I64Attr:$extraParam0,
                       Nd4j_I64Attr:$isNCDHW);
  let results = (outs Nd4j_Tensor:$outputs);
  let iArgs = ["kD", "kH", "kW", "sD", "sH", "sW", "pD", "pH", "pW", "dD",
               "dH", "dW", "isSameMode", "extraParam0", "isNCDHW"];
}

def Nd4j_MaxPool3DOp : Nd4j_Pool3DOp<"maxpool3dnew", "3-D max pooling",
    "`extraParam0` is unused by max pooling (0).">;
def Nd4j_AvgPool3DOp : Nd4j_Pool3DOp<"avgpool3dnew", "3-D average pooling",
    "`extraParam0`: 0 excludes padding from the count, 1 includes it.">;

def Nd4j_BatchNormOp : Nd4j_TypedOp<"batchnorm", [AttrSizedOperandSegments]> {
  let summary = "batch normalization (inference)";
  let description = [{
    `(input - mean) / sqrt(variance + epsilon) * gamma + beta`, where `mean`,
    `variance`, `gamma` and `beta` run along `dimensions` of `input`.
    `applyScale` 1 takes the `gamma` input, `applyOffset` 1 the `beta` input.
    The descriptor omits the optional `beta` input that libnd4j reads after
    `gamma` (see ../shared/ref/README.md).

    ```mlir
    %y = nd4j.batchnorm %x, %m, %v, %g, %b {applyScale = 1 : i64, applyOffset = 1 : i64,
           dimensions = array<i64: 1>, epsilon = 1.0e-05 : f64, operandSegmentSizes = array<i32: 1, 1, 1, 1, 1>}
           : (tensor<1x4x8x8xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<1x4x8x8xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input, Nd4j_Tensor:$mean,
                       Nd4j_Tensor:$variance, Optional<Nd4j_Tensor>:$gamma,
                       Optional<Nd4j_Tensor>:$beta,
                       Nd4j_I64Attr:$applyScale, Nd4j_I64Attr:$applyOffset,
                       DenseI64ArrayAttr:$dimensions, F64Attr:$epsilon);
  let results = (outs Nd4j_Tensor:$outputs);
  let iArgs = ["applyScale", "applyOffset", "dimensions"];
  let tArgs = ["epsilon"];
  let undeclaredInReference = ["input:beta"];
}

def Nd4j_BiasAddOp : Nd4j_TypedOp<"biasadd"> {
  let summary = "adds a bias vector along the channel dimension";
  let description = [{
    Adds `bias` (`[C]`) along dimension 1 when `nchw` is true, else along the
    last dimension.

    ```mlir
    %y = nd4j.biasadd %x, %b {nchw = false} : (tensor<1x8x8x4xf32>, tensor<4xf32>) -> tensor<1x8x8x4xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input, Nd4j_Tensor:$bias, BoolAttr:$nchw);
  let results = (outs Nd4j_Tensor:$outputs);
  let bArgs = ["nchw"];
}

//===----------------------------------------------------------------------===//
// Typed ops: shape manipulation
//===----------------------------------------------------------------------===//

def Nd4j_ShapeOfOp : Nd4j_TypedOp<"shape_of"> {
  let summary = "the dimensions of a tensor, as a vector";
  let description = [{
    libnd4j `shape_of`: a rank-1 tensor of the input's dimensions in
    `dtype` (d_arg 0, an integer type). Import rules fold it to a constant
    where the shape is static; it stays in the program where dimensions are
    known only at run time (a loop's trip count from a sequence length, a
    TensorArray sized by its input).

    ```mlir
    %s = nd4j.shape_of %x {dtype = i64} : (tensor<?x3xf32>) -> tensor<2xi64>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input, TypeAttr:$dtype);
  let results = (outs Nd4j_Tensor:$outputs);
  let dArgs = ["dtype"];
}

def Nd4j_ReshapeOp : Nd4j_TypedOp<"reshape"> {
  let summary = "reshape to a static target shape";
  let description = [{
    `shapeArr` is the target shape in C order; one entry may be −1 and is
    then inferred from the element count. It fills libnd4j's i_args.

    ```mlir
    %y = nd4j.reshape %x {shapeArr = array<i64: 2, -1>} : (tensor<2x3x4xf32>) -> tensor<2x12xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input, DenseI64ArrayAttr:$shapeArr);
  let results = (outs Nd4j_Tensor:$outputs);
  let iArgs = ["shapeArr"];
}

def Nd4j_PermuteOp : Nd4j_TypedOp<"permute"> {
  let summary = "permutes the dimensions";
  let description = [{
    Output dimension `i` is input dimension `reverseDims[i]`. (The
    descriptor's name for the permutation is `reverseDims`.)

    ```mlir
    %y = nd4j.permute %x {reverseDims = array<i64: 0, 2, 3, 1>} : (tensor<1x3x8x8xf32>) -> tensor<1x8x8x3xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input, DenseI64ArrayAttr:$reverseDims);
  let results = (outs Nd4j_Tensor:$outputs);
  let iArgs = ["reverseDims"];
}

def Nd4j_ConcatOp : Nd4j_TypedOp<"concat"> {
  let summary = "concatenates tensors along one dimension";
  let description = [{
    All inputs have the same rank and agree on every dimension but
    `concatDimension` (negative counts from the end).

    ```mlir
    %y = nd4j.concat %a, %b {concatDimension = 1 : i64} : (tensor<2x3xf32>, tensor<2x5xf32>) -> tensor<2x8xf32>
    ```
  }];
  let arguments = (ins Variadic<Nd4j_Tensor>:$input, Nd4j_I64Attr:$concatDimension);
  let results = (outs Nd4j_Tensor:$outputs);
  let iArgs = ["concatDimension"];
}

def Nd4j_StridedSliceOp : Nd4j_TypedOp<"strided_slice", [AttrSizedOperandSegments]> {
  let summary = "strided slice with begin/end masks";
  let description = [{
    TF/libnd4j `strided_slice` with one `begin`, `end` and `strides` entry
    per dimension (they follow the five masks in libnd4j's i_args; the
    descriptor calls that tail "e"). Bit `i` of `begin_mask` / `end_mask`
    ignores `begin[i]` / `end[i]` and slices from the start / to the end in
    the direction of the stride. Negative indices count from the end;
    indices are clamped to the dimension. The ellipsis, new-axis and
    shrink-axis masks are accepted only as 0 here.

    Bounds known only at run time come as the integer vectors `v_begin`,
    `v_end` and (optionally) `v_stride`, libnd4j's inputs 1 to 3, with the
    `begin`/`end`/`strides` attributes empty: the result's extents are
    then `?` except where both masks take a dimension whole with stride 1.

    ```mlir
    %y = nd4j.strided_slice %x {begin_mask = 0 : i64, ellipsis_mask = 0 : i64, end_mask = 2 : i64,
                                new_axis_mask = 0 : i64, shrink_axis_mask = 0 : i64,
                                begin = array<i64: 1, 0>, end = array<i64: 3, 0>, strides = array<i64: 1, 2>,
                                operandSegmentSizes = array<i32: 1, 0, 0, 0>}
           : (tensor<4x5xf32>) -> tensor<2x3xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input, Optional<Nd4j_Tensor>:$v_begin,
                       Optional<Nd4j_Tensor>:$v_end,
                       Optional<Nd4j_Tensor>:$v_stride,
                       Nd4j_I64Attr:$begin_mask, Nd4j_I64Attr:$ellipsis_mask,
                       Nd4j_I64Attr:$end_mask, Nd4j_I64Attr:$new_axis_mask,
                       Nd4j_I64Attr:$shrink_axis_mask,
                       DenseI64ArrayAttr:$begin, DenseI64ArrayAttr:$end,
                       DenseI64ArrayAttr:$strides);
  let results = (outs Nd4j_Tensor:$outputs);
  let iArgs = ["begin_mask", "ellipsis_mask", "end_mask", "new_axis_mask",
               "shrink_axis_mask", "begin", "end", "strides"];
  let undeclaredInReference = ["i:begin=e", "i:end", "i:strides"];
  // Constant bounds, as the rules build them (no run-time inputs).
  let builders = [
    OpBuilder<(ins "Type":$outputs, "Value":$input,
                   "IntegerAttr":$begin_mask, "IntegerAttr":$ellipsis_mask,
                   "IntegerAttr":$end_mask, "IntegerAttr":$new_axis_mask,
                   "IntegerAttr":$shrink_axis_mask,
                   "DenseI64ArrayAttr":$begin, "DenseI64ArrayAttr":$end,
                   "DenseI64ArrayAttr":$strides), [{
      build($_builder, $_state, outputs, input, Value(), Value(), Value(),
            begin_mask, ellipsis_mask, end_mask, new_axis_mask,
            shrink_axis_mask, begin, end, strides);
    }]>
  ];
}

def Nd4j_PadOp : Nd4j_TypedOp<"pad"> {
  let summary = "pads each dimension";
  let description = [{
    `paddings` is an integer `[rank, 2]` tensor of (before, after) amounts
    per dimension; when it is a constant the result shape is static. `mode`
    0 pads with `padValue`, 1 reflects (without repeating the edge), 2
    mirrors symmetrically (repeating the edge).

    ```mlir
    %p = nd4j.constant dense<[[0, 0], [1, 2]]> : tensor<2x2xi64>
    %y = nd4j.pad %x, %p {mode = 0 : i64, padValue = 0.0 : f64} : (tensor<2x3xf32>, tensor<2x2xi64>) -> tensor<2x6xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input, Nd4j_Tensor:$paddings,
                       Nd4j_I64Attr:$mode, F64Attr:$padValue);
  let results = (outs Nd4j_Tensor:$outputs);
  let iArgs = ["mode"];
  let tArgs = ["padValue"];
}

def Nd4j_TileOp : Nd4j_TypedOp<"tile"> {
  let summary = "repeats the input along each dimension";
  let description = [{
    Dimension `i` of the result is `dimensions[i]` times the input's (the
    descriptor names the repetition counts `dimensions`).

    ```mlir
    %y = nd4j.tile %x {dimensions = array<i64: 2, 1>} : (tensor<2x3xf32>) -> tensor<4x3xf32>
    ```
  }];
  // `reps_vector`, when given, holds the counts at run time; `dimensions`
  // is then empty and the result's extents `?`.
  let arguments = (ins Nd4j_Tensor:$input, Optional<Nd4j_Tensor>:$reps_vector,
                       DenseI64ArrayAttr:$dimensions);
  let results = (outs Nd4j_Tensor:$outputs);
  let builders = [
    OpBuilder<(ins "::mlir::Type":$outputs, "::mlir::Value":$input,
                   "::mlir::DenseI64ArrayAttr":$dimensions), [{
      build($_builder, $_state, outputs, input, ::mlir::Value(), dimensions);
    }]>];
  let iArgs = ["dimensions"];
}

def Nd4j_TriuOp : Nd4j_TypedOp<"triu">, Nd4j_InferUnary {
  let summary = "upper triangle of the last two dimensions";
  let description = [{
    Keeps element `[..., i, j]` where `j - i >= diag`, zeroes the others
    (numpy's `triu`).

    ```mlir
    %y = nd4j.triu %x {diag = 1 : i64} : (tensor<3x4xf32>) -> tensor<3x4xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input, Nd4j_I64Attr:$diag);
  let results = (outs Nd4j_Tensor:$outputs);
  let iArgs = ["diag"];
}

def Nd4j_GatherOp : Nd4j_TypedOp<"gather"> {
  let summary = "gathers slices along one dimension";
  let description = [{
    Takes the slices at `indices` along dimension `dimensions` (negative
    counts from the end); the result's shape is `input.shape[:d] +
    indices.shape + input.shape[d+1:]`.

    ```mlir
    %y = nd4j.gather %x, %i {dimensions = 0 : i64} : (tensor<5x3xf32>, tensor<2xi64>) -> tensor<2x3xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input, Nd4j_Tensor:$indices,
                       Nd4j_I64Attr:$dimensions);
  let results = (outs Nd4j_Tensor:$outputs);
  let iArgs = ["dimensions"];
}

def Nd4j_DepthToSpaceOp : Nd4j_TypedOp<"depth_to_space"> {
  let summary = "moves channel blocks into spatial blocks";
  let description = [{
    Channels are split into `block_size x block_size` blocks in depth-column-
    row order (TF's and ONNX's DCR mode). `isNHWC` 0 for `[N, C, H, W]`.

    ```mlir
    %y = nd4j.depth_to_space %x {block_size = 2 : i64, isNHWC = 0 : i64}
           : (tensor<1x8x2x3xf32>) -> tensor<1x2x4x6xf32>
    ```
  }];
  let arguments = (ins Nd4j_Tensor:$input, Nd4j_I64Attr:$block_size,
                       Nd4j_I64Attr:$isNHWC);
  let results = (outs Nd4j_Tensor:$outputs);
  let iArgs = ["block_size", "isNHWC"];
}

//===----------------------------------------------------------------------===//
// Typed ops by family, one file each
//===----------------------------------------------------------------------===//

include "dialects/Nd4j/IR/Nd4jLossOps.td"
include "dialects/Nd4j/IR/Nd4jShapeOps.td"
include "dialects/Nd4j/IR/Nd4jNNOps.td"
include "dialects/Nd4j/IR/Nd4jIndexOps.td"
include "dialects/Nd4j/IR/Nd4jMathOps.td"
include "dialects/Nd4j/IR/Nd4jLinalgOps.td"
include "dialects/Nd4j/IR/Nd4jRandomOps.td"

#endif // ND4J_ND4J_ND4JOPS_TD
