//===- ExecInferShapes.cpp - result types of nd4j_exec nodes ---*- C++ -*-===//
//
// nd4j-exec-infer-shapes: each node's ordered arguments are read back into
// the named attributes of the typed op it executes (the inverse of
// convert-nd4j-to-exec's slot filling, driven by the same descriptor table),
// and the typed op's shape inference gives the node's result types.
//
//===----------------------------------------------------------------------===//

#include "passes/Pipelines/Pipelines.h"

#include "dialects/Common/OpDescriptor.h"
#include "dialects/Exec/IR/ExecOps.h"
#include "dialects/Nd4j/IR/Nd4jDialect.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "llvm/ADT/StringSwitch.h"

namespace mlir {
namespace nd4j {
#define GEN_PASS_DEF_ND4JEXECINFERSHAPESPASS
#include "passes/Pipelines/Passes.h.inc"
} // namespace nd4j
} // namespace mlir

using namespace mlir;
using namespace mlir::nd4j;

namespace {

/// The slots of one node, consumed kind by kind as the descriptor lists
/// its attributes.
struct SlotReader {
  mutable exec::NodeOp node;
  size_t next[kNumArgKinds] = {0, 0, 0, 0, 0};

  size_t remaining(ArgKind k) const {
    return exec::getNumSlots(node, k) - next[static_cast<unsigned>(k)];
  }

  /// The attribute for `count` slots of kind `k` from the next one: a
  /// scalar attribute for one slot unless `array`.
  Attribute take(Builder &b, ArgKind k, size_t count, bool array) {
    size_t &at = next[static_cast<unsigned>(k)];
    size_t from = at;
    at += count;
    switch (k) {
    case ArgKind::T: {
      ArrayRef<double> v = *node.getTArgs();
      if (array)
        return b.getDenseF64ArrayAttr(v.slice(from, count));
      return b.getF64FloatAttr(v[from]);
    }
    case ArgKind::I: {
      ArrayRef<int64_t> v = *node.getIArgs();
      if (array)
        return b.getDenseI64ArrayAttr(v.slice(from, count));
      return b.getI64IntegerAttr(v[from]);
    }
    case ArgKind::B: {
      ArrayRef<bool> v = *node.getBArgs();
      if (array)
        return b.getDenseBoolArrayAttr(v.slice(from, count));
      return b.getBoolAttr(v[from]);
    }
    case ArgKind::D: {
      ArrayRef<Attribute> v = node.getDArgs()->getValue();
      if (array)
        return b.getArrayAttr(v.slice(from, count));
      return v[from];
    }
    case ArgKind::S: {
      ArrayRef<Attribute> v = node.getSArgs()->getValue();
      if (array)
        return b.getArrayAttr(v.slice(from, count));
      return v[from];
    }
    }
    return Attribute();
  }
};

/// The typed op's attributes for `node`, or failure with `why` set.
FailureOr<NamedAttrList> readAttributes(exec::NodeOp node,
                                        const OpDescriptor &desc, Builder &b,
                                        std::string &why) {
  SlotReader slots{node};
  NamedAttrList attrs;
  for (unsigned k = 0; k < kNumArgKinds; ++k) {
    ArgKind kind = static_cast<ArgKind>(k);
    // A legacy scalar op keeps its scalar operand in `scalar`, where the
    // typed op has its first T slot.
    bool scalarFirst = kind == ArgKind::T && node.getScalarAttr() &&
                       exec::getNumSlots(node, ArgKind::T) == 0;
    ArrayRef<ArgSpec> specs = desc.getArgs(kind);
    for (auto [index, spec] : llvm::enumerate(specs)) {
      if (scalarFirst && index == 0) {
        auto scalar = dyn_cast<DenseElementsAttr>(node.getScalarAttr());
        if (!scalar || scalar.getNumElements() != 1 ||
            !isa<FloatType>(scalar.getElementType())) {
          why = "its scalar operand is not one float";
          return failure();
        }
        attrs.set(
            spec.attrName,
            b.getF64FloatAttr(
                (*scalar.getValues<APFloat>().begin()).convertToDouble()));
        continue;
      }
      switch (spec.arity) {
      case ArgSpec::Scalar:
        if (slots.remaining(kind) == 0) {
          // Files of older nd4j versions leave trailing arguments out;
          // libnd4j reads them with defaults (0, false; matmul's alpha 1).
          Attribute dflt;
          if (kind == ArgKind::I)
            dflt = b.getI64IntegerAttr(0);
          else if (kind == ArgKind::T)
            dflt = b.getF64FloatAttr(spec.attrName == "alpha" ? 1.0 : 0.0);
          else if (kind == ArgKind::B)
            dflt = b.getBoolAttr(false);
          if (!dflt) {
            why = ("its " + getArgKindName(kind) + " have no slot for '" +
                   spec.attrName + "'")
                      .str();
            return failure();
          }
          attrs.set(spec.attrName, dflt);
          break;
        }
        attrs.set(spec.attrName, slots.take(b, kind, 1, false));
        break;
      case ArgSpec::Optional:
        if (slots.remaining(kind) > 0)
          attrs.set(spec.attrName, slots.take(b, kind, 1, false));
        break;
      case ArgSpec::Array: {
        // An array takes what the later specs of its kind leave.
        size_t later = 0;
        for (const ArgSpec &s : specs.drop_front(index + 1))
          later += s.arity == ArgSpec::Scalar;
        size_t count =
            slots.remaining(kind) > later ? slots.remaining(kind) - later : 0;
        attrs.set(spec.attrName, slots.take(b, kind, count, true));
        break;
      }
      }
    }
  }
  if (!desc.axisArg.empty() && node.getAxis())
    attrs.set(desc.axisArg, b.getDenseI64ArrayAttr(*node.getAxis()));
  return attrs;
}

/// Operand segment sizes of the typed op for `numInputs` inputs, when it
/// has optional or variadic operands.
std::optional<SmallVector<int32_t>>
getSegments(const OpDescriptor &desc, unsigned numInputs, bool &needed) {
  needed = false;
  unsigned required = 0, variadic = 0;
  for (const OperandSpec &spec : desc.inputs) {
    needed |= spec.arity != OperandSpec::Single;
    required += spec.arity == OperandSpec::Single;
    variadic += spec.arity == OperandSpec::Variadic;
  }
  if (numInputs < required)
    return std::nullopt;
  SmallVector<int32_t> sizes;
  unsigned spare = numInputs - required;
  for (const OperandSpec &spec : desc.inputs) {
    switch (spec.arity) {
    case OperandSpec::Single:
      sizes.push_back(1);
      break;
    case OperandSpec::Optional: {
      int32_t n = spare > 0 && variadic == 0 ? 1 : 0;
      spare -= n;
      sizes.push_back(n);
      break;
    }
    case OperandSpec::Variadic:
      sizes.push_back(spare);
      spare = 0;
      break;
    }
  }
  if (spare != 0)
    return std::nullopt;
  return sizes;
}

std::string typeString(Type type) {
  std::string s;
  llvm::raw_string_ostream os(s);
  os << type;
  return s;
}

/// Whether `refined` says at least as much as `declared` and agrees with it.
bool refines(Type refined, Type declared) {
  auto r = dyn_cast<RankedTensorType>(refined);
  auto d = dyn_cast<TensorType>(declared);
  if (!r || !d || r.getElementType() != d.getElementType())
    return false;
  if (!d.hasRank())
    return true;
  if (d.getRank() != r.getRank())
    return false;
  for (auto [a, b] : llvm::zip(r.getShape(), d.getShape()))
    if (!ShapedType::isDynamic(b) && a != b)
      return false;
  return true;
}

/// Gives the results of a node without a typed op (lstmLayer, log_loss)
/// the types its inference computed, which must refine the declared ones.
LogicalResult setInferredTypes(exec::NodeOp node, TypeRange types) {
  for (auto [result, type] : llvm::zip(node.getResults(), types)) {
    if (!refines(type, result.getType()))
      return node.emitError(node.getOpName())
             << ": inferred " << type << " contradicts the declared "
             << result.getType();
    result.setType(type);
  }
  return success();
}

/// libnd4j lstmLayer, which has no typed op (SameDiff files call it
/// directly): its results, in order, are the output sequence (the input's
/// layout with nOut features), the last output and the last cell state
/// ([bS, nOut]), each where its b_arg (retFullSeq, retLastH, retLastC)
/// asks for it. nOut is Wx's last dimension / 4.
LogicalResult inferLstmLayer(exec::NodeOp node) {
  auto inputs = node.getInputs();
  if (inputs.size() < 2)
    return success();
  auto x = dyn_cast<RankedTensorType>(inputs[0].getType());
  auto wx = dyn_cast<RankedTensorType>(inputs[1].getType());
  ArrayRef<int64_t> iArgs =
      node.getIArgs() ? *node.getIArgs() : ArrayRef<int64_t>();
  SmallVector<bool> bArgs;
  if (node.getBArgs())
    bArgs.assign(node.getBArgs()->begin(), node.getBArgs()->end());
  auto flag = [&](unsigned i, bool dflt) {
    return i < bArgs.size() ? bArgs[i] : dflt;
  };
  int64_t dataFormat = iArgs.empty() ? 0 : iArgs[0];
  int64_t direction = iArgs.size() > 1 ? iArgs[1] : 0;
  // Bidirectional modes (2 sum, 3 concat, 4 an extra dimension) take
  // weights [2, nIn, 4 nOut] and give last states [2, bS, nOut].
  bool bidirectional = direction >= 2;
  if (!x || !wx || x.getRank() != 3 ||
      wx.getRank() != (bidirectional ? 3 : 2) ||
      wx.isDynamicDim(wx.getRank() - 1) || direction > 4 || dataFormat < 0 ||
      dataFormat > 3)
    return success();
  int64_t nOut = wx.getDimSize(wx.getRank() - 1) / 4;
  int64_t feature = dataFormat == 2 ? 1 : 2;
  int64_t batch = dataFormat == 0 || dataFormat == 3 ? 1 : 0;
  SmallVector<int64_t> seq(x.getShape());
  seq[feature] = direction == 3 ? 2 * nOut : nOut;
  if (direction == 4) // [sL, 2, bS, nOut]
    seq = {x.getDimSize(0), 2, x.getDimSize(1), nOut};
  SmallVector<int64_t> last{x.getDimSize(batch), nOut};
  if (bidirectional)
    last.insert(last.begin(), 2);
  SmallVector<Type> types;
  if (flag(5, true))
    types.push_back(RankedTensorType::get(seq, x.getElementType()));
  for (unsigned i : {6u, 7u})
    if (flag(i, false))
      types.push_back(RankedTensorType::get(last, x.getElementType()));
  if (types.size() != node.getNumResults())
    return success();
  return setInferredTypes(node, types);
}

/// libnd4j log_loss (predictions, weights, labels; i_arg 0 the reduction
/// mode), which has no typed op (SameDiff files end in it): the
/// predictions' shape for mode 0, else a scalar, of their float type.
LogicalResult inferLogLoss(exec::NodeOp node) {
  auto inputs = node.getInputs();
  if (inputs.size() != 3 || node.getNumResults() != 1)
    return success();
  auto p = dyn_cast<RankedTensorType>(inputs[0].getType());
  if (!p || !isa<FloatType>(p.getElementType()))
    return success();
  ArrayRef<int64_t> iArgs =
      node.getIArgs() ? *node.getIArgs() : ArrayRef<int64_t>();
  int64_t mode = iArgs.empty() ? 0 : iArgs[0];
  Type type =
      mode == 0 ? Type(p) : RankedTensorType::get({}, p.getElementType());
  return setInferredTypes(node, type);
}

struct Nd4jExecInferShapesPass
    : public nd4j::impl::Nd4jExecInferShapesPassBase<Nd4jExecInferShapesPass> {
  void runOnOperation() override {
    bool failed = false;
    getOperation().walk([&](exec::NodeOp node) {
      if (llvm::all_of(node.getResultTypes(), [](Type t) {
            auto ranked = dyn_cast<RankedTensorType>(t);
            return ranked && ranked.hasStaticShape();
          }))
        return;
      if (!llvm::all_of(node.getInputs().getTypes(),
                        [](Type t) { return isa<RankedTensorType>(t); }))
        return;
      // With a dynamic input the typed op's inference may know less than
      // the node; what it cannot infer stays as declared (the lowering
      // names what it cannot compile).
      bool dynamic = !llvm::all_of(node.getInputs().getTypes(), [](Type t) {
        return cast<RankedTensorType>(t).hasStaticShape();
      });
      if (::mlir::failed(inferNode(node, dynamic)))
        failed = true;
    });
    if (failed)
      signalPassFailure();
  }

  LogicalResult inferNode(exec::NodeOp node, bool dynamic) {
    // SameDiff's own names for libnd4j ops our typed ops call otherwise.
    StringRef libnd4jName = StringSwitch<StringRef>(node.getOpName())
                                .Case("mmul", "matmul")
                                .Default(node.getOpName());
    const OpDescriptor *desc =
        lookupDescriptorByLibnd4jName(libnd4jName, node.getOpType());
    // A legacy op (relu as a SCALAR op, its scalar the cutoff) computes what
    // the custom op of its name does.
    if (!desc && node.getOpType() != exec::OpType::CUSTOM)
      desc = lookupDescriptorByLibnd4jName(libnd4jName, exec::OpType::CUSTOM);
    if (!desc && node.getOpName() == "lstmLayer")
      return inferLstmLayer(node);
    if (!desc && node.getOpName() == "log_loss")
      return inferLogLoss(node);
    if (!desc)
      return success(); // No typed op: the node keeps its types.
    auto fail = [&](const Twine &why) -> LogicalResult {
      if (dynamic)
        return success();
      StringAttr name = node.getNameAttr();
      return node.emitError("cannot infer the result types of libnd4j op '")
             << node.getOpName() << "' (node '"
             << (name ? name.getValue() : StringRef("<unnamed>"))
             << "'): " << why;
    };
    MLIRContext *ctx = &getContext();
    Builder b(ctx);
    std::string why;
    FailureOr<NamedAttrList> attrs = readAttributes(node, *desc, b, why);
    if (::mlir::failed(attrs))
      return fail(why);
    // A legacy reduction (REDUCE_FLOAT reduce_mean of a SameDiff file)
    // keeps its dimensions in `axis`, where the custom op reads i_args.
    if (desc->opType == exec::OpType::CUSTOM &&
        node.getOpType() != exec::OpType::CUSTOM && node.getAxis() &&
        desc->axisArg.empty()) {
      auto dims = dyn_cast_or_null<DenseI64ArrayAttr>(attrs->get("dimensions"));
      if (dims && dims.empty())
        attrs->set("dimensions", b.getDenseI64ArrayAttr(*node.getAxis()));
    }
    bool segmented;
    std::optional<SmallVector<int32_t>> segments =
        getSegments(*desc, node.getInputs().size(), segmented);
    if (!segments)
      return fail("it has " + Twine(node.getInputs().size()) +
                  " inputs, which the typed op cannot take");
    if (segmented)
      attrs->set("operandSegmentSizes", b.getDenseI32ArrayAttr(*segments));

    std::optional<RegisteredOperationName> opName =
        RegisteredOperationName::lookup(desc->opName, ctx);
    if (!opName || !opName->hasInterface<InferTypeOpInterface>())
      return success();
    OperationState state(node.getLoc(), *opName);
    state.addOperands(node.getInputs());
    state.addAttributes(*attrs);
    for (Type t : node.getResultTypes())
      state.addTypes(t);
    // A scratch op: created, asked, erased. Diagnostics of its inference
    // become the reason of one error at the node.
    Operation *typed = Operation::create(state);
    SmallVector<Type> inferred;
    std::string reason;
    {
      ScopedDiagnosticHandler handler(ctx, [&](Diagnostic &diag) {
        if (reason.empty())
          reason = diag.str();
        return success();
      });
      auto iface = cast<InferTypeOpInterface>(typed);
      if (::mlir::failed(iface.inferReturnTypes(
              ctx, node.getLoc(), typed->getOperands(),
              typed->getRawDictionaryAttrs(), typed->getPropertiesStorage(),
              typed->getRegions(), inferred)))
        inferred.clear();
    }
    typed->destroy();
    if (inferred.size() != node.getNumResults())
      return fail(reason.empty() ? std::string("the typed op's inference fails")
                                 : reason);
    for (auto [result, type] : llvm::zip(node.getResults(), inferred)) {
      if (!refines(type, result.getType()))
        return fail("inferred " + typeString(type) +
                    " contradicts the declared " +
                    typeString(result.getType()));
      result.setType(type);
    }
    return success();
  }
};

} // namespace
