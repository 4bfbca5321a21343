//===- Nd4jBase.td - nd4j dialect definition ------------------*- tablegen -*-===//
//
// The attribute-based import dialect: framework nodes as generic
// `nd4j.node` ops, and typed nd4j ops whose named attributes are nd4j's
// op-descriptor argument names.
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_ND4J_ND4JBASE_TD
#define ND4J_ND4J_ND4JBASE_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "dialects/Common/Libnd4jDescriptor.td"

def Nd4j_Dialect : Dialect {
  let name = "nd4j";
  let cppNamespace = "::mlir::nd4j";
  let summary = "attribute-based nd4j import IR";
  let description = [{
    Frontends turn every framework node into one generic `nd4j.node` op that
    keeps the framework, op type, opset/version and attributes, with the node
    name as the op's location. Import rules then rewrite generic nodes into
    typed nd4j ops (`nd4j.conv2d`, `nd4j.matmul`, …) whose named attributes
    are the argument names of nd4j's op descriptors. Each typed op declares,
    next to its definition, which attribute goes to which ordered libnd4j
    argument slot; `convert-nd4j-to-exec` reads that declaration.

    A model is an `nd4j.graph`: placeholders (graph inputs), constants and
    ops, ending in `nd4j.output`.
  }];
  let hasConstantMaterializer = 1;
  let useDefaultTypePrinterParser = 1;
}

//===----------------------------------------------------------------------===//
// Types
//===----------------------------------------------------------------------===//

def Nd4j_StringType : TypeDef<Nd4j_Dialect, "String"> {
  let mnemonic = "string";
  let summary = "a variable-length byte string (ONNX STRING, TF string, nd4j UTF8)";
  let description = [{
    The element type of string tensors: ONNX's `STRING`, TensorFlow's
    `DT_STRING`, nd4j's `UTF8`. String constants are dense string elements.

    ```mlir
    %s = nd4j.constant dense<["a", "bc"]> : tensor<2x!nd4j.string>
    ```
  }];
}

def Nd4j_SequenceType : TypeDef<Nd4j_Dialect, "Sequence"> {
  let mnemonic = "sequence";
  let summary = "an ONNX sequence of tensors, resolved at import";
  let description = [{
    The type of an ONNX sequence value (`SequenceConstruct`,
    `SequenceInsert`, `SplitToSequence`, ...) between the frontend and the
    import rules, with the type of its elements. The rules resolve each
    sequence whose elements and positions are known at import into the
    tensors it holds (`SequenceAt`, `SequenceLength`, `ConcatFromSequence`
    read them); no sequence value survives import.

    ```mlir
    %s = nd4j.node "onnx.SequenceConstruct"(%a, %b) {} : (tensor<2xf32>, tensor<2xf32>) -> !nd4j.sequence<tensor<2xf32>>
    ```
  }];
  let parameters = (ins "::mlir::Type":$elementType);
  let assemblyFormat = "`<` $elementType `>`";
}

//===----------------------------------------------------------------------===//
// Type constraints
//===----------------------------------------------------------------------===//

def Nd4j_Tensor : RankedTensorOf<[AnyType]>;
def Nd4j_FloatTensor : RankedTensorOf<[AnyFloat]>;
def Nd4j_AnyTensor : TensorOf<[AnyType]>;

// A signless i64 attribute read back as a signed value (axes may be negative);
// upstream I64Attr returns it zero-extended.
def Nd4j_I64Attr : TypedSignlessIntegerAttrBase<I64, "int64_t",
                                                "64-bit signless integer attribute"> {
  let convertFromStorage = "$_self.getValue().getSExtValue()";
}

//===----------------------------------------------------------------------===//
// Base classes
//===----------------------------------------------------------------------===//

class Nd4j_Op<string mnemonic, list<Trait> traits = []>
    : Op<Nd4j_Dialect, mnemonic, traits>;

// A typed nd4j op that executes as one libnd4j op. Result types are inferred
// (static shapes, `?` where unknown) and checked against the declared ones.
class Nd4j_TypedOp<string mnemonic, list<Trait> traits = []>
    : Nd4j_Op<mnemonic, traits # [Pure, InferTypeOpAdaptorWithIsCompatible]>,
      Libnd4jDescriptor {
  let assemblyFormat = "operands attr-dict `:` functional-type(operands, results)";
  // Families whose result type follows one rule (element-wise ops) define
  // `inferReturnTypes` here; other ops write it in Nd4jShapeInference.cpp.
  code inferDefinition = "";
  // Declared types may refine an inferred `?` dimension, never contradict it.
  let extraClassDefinition = [{
    bool $cppClass::isCompatibleReturnTypes(::mlir::TypeRange l,
                                            ::mlir::TypeRange r) {
      return ::mlir::nd4j::areCompatibleResultTypes(l, r);
    }
  }] # inferDefinition;
}

// Result: the input's shape; element type `resultElement` (C++ expression
// of a Type, or "nullptr" for the input's).
class Nd4j_InferUnary<string resultElement = "nullptr"> {
  code inferDefinition = [{
    ::llvm::LogicalResult $cppClass::inferReturnTypes(
        ::mlir::MLIRContext *ctx, std::optional<::mlir::Location> loc,
        Adaptor adaptor, ::llvm::SmallVectorImpl<::mlir::Type> &out) {
      return ::mlir::nd4j::inferUnaryResult(adaptor.getInput(), }] #
      resultElement # [{, out);
    }
  }];
}

// Result: the input's type, after checking `dimension` against its rank.
class Nd4j_InferUnaryWithAxis {
  code inferDefinition = [{
    ::llvm::LogicalResult $cppClass::inferReturnTypes(
        ::mlir::MLIRContext *ctx, std::optional<::mlir::Location> loc,
        Adaptor adaptor, ::llvm::SmallVectorImpl<::mlir::Type> &out) {
      return ::mlir::nd4j::inferUnaryWithAxis(loc, adaptor.getInput(),
                                              adaptor.getDimension(), out);
    }
  }];
}

// Result: numpy broadcast of `input` and `y`, which share an element type.
class Nd4j_InferBroadcast<string resultElement = "nullptr"> {
  code inferDefinition = [{
    ::llvm::LogicalResult $cppClass::inferReturnTypes(
        ::mlir::MLIRContext *ctx, std::optional<::mlir::Location> loc,
        Adaptor adaptor, ::llvm::SmallVectorImpl<::mlir::Type> &out) {
      return ::mlir::nd4j::inferBroadcastResult(loc, adaptor.getInput(),
          adaptor.getY(), }] # resultElement # [{, out);
    }
  }];
}

#endif // ND4J_ND4J_ND4JBASE_TD
