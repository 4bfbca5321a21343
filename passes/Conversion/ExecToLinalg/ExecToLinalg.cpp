//===- ExecToLinalg.cpp - nd4j_exec graphs to func + linalg ---*- C++ -*-===//
//
// The pass driver: one walk per graph builds a func.func, maps placeholders
// to arguments and constants to arith.constant (blobs stay blobs), and
// dispatches every node to the lowering registered for its libnd4j op name.
//
//===----------------------------------------------------------------------===//

#include "passes/Conversion/ExecToLinalg/ExecLowering.h"
#include "passes/Conversion/Passes.h"

#include "dialects/Nd4j/IR/Nd4jOps.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlow.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/IRMapping.h"
#include "llvm/Support/MathExtras.h"

namespace mlir {
namespace nd4j {
#define GEN_PASS_DEF_CONVERTEXECTOLINALGPASS
#include "passes/Conversion/Passes.h.inc"
} // namespace nd4j
} // namespace mlir

using namespace mlir;
using namespace mlir::nd4j;

RankedTensorType ExecLowering::resultType(unsigned i) const {
  return cast<RankedTensorType>(getSignlessType(node.getResult(i).getType()));
}

ArrayRef<int64_t> ExecLowering::iArgs() const {
  auto a = node.getIArgsAttr();
  return a ? a.asArrayRef() : ArrayRef<int64_t>();
}
ArrayRef<double> ExecLowering::tArgs() const {
  auto a = node.getTArgsAttr();
  return a ? a.asArrayRef() : ArrayRef<double>();
}
ArrayRef<bool> ExecLowering::bArgs() const {
  auto a = node.getBArgsAttr();
  return a ? a.asArrayRef() : ArrayRef<bool>();
}
ArrayRef<int64_t> ExecLowering::axisArgs() const {
  auto a = node.getAxisAttr();
  return a ? a.asArrayRef() : ArrayRef<int64_t>();
}
Type ExecLowering::dArg(unsigned i) const {
  auto a = node.getDArgsAttr();
  if (!a || i >= a.size())
    return Type();
  return cast<TypeAttr>(a[i]).getValue();
}

InFlightDiagnostic ExecLowering::emitError(const Twine &reason) const {
  StringAttr name = node.getNameAttr();
  if (!name)
    name = getNodeName(node.getLoc());
  return node.emitError("cannot lower libnd4j op '")
         << node.getOpName() << "' (node '"
         << (name ? name.getValue() : StringRef("<unnamed>"))
         << "'): " << reason;
}

std::string ExecLowering::runTimeMessage(const Twine &what) const {
  StringAttr name = node.getNameAttr();
  if (!name)
    name = getNodeName(node.getLoc());
  return ("node '" + (name ? name.getValue() : StringRef("<unnamed>")) +
          "' (libnd4j op '" + node.getOpName() + "'): " + what)
      .str();
}

void ExecLowering::checkAtRunTime(Value condition, const Twine &what) const {
  cf::AssertOp::create(b, loc, condition, runTimeMessage(what));
}

std::optional<SmallVector<int64_t>>
ExecLowering::constantInts(unsigned i) const {
  if (i >= inputs.size())
    return std::nullopt;
  auto cst = inputs[i].getDefiningOp<arith::ConstantOp>();
  if (!cst)
    return std::nullopt;
  SmallVector<int64_t> values;
  // Weights-sized integer constants arrive as resource blobs (little-endian
  // elements, as the importers write them).
  if (auto blob = dyn_cast<DenseResourceElementsAttr>(cst.getValue())) {
    auto type = dyn_cast<IntegerType>(blob.getType().getElementType());
    AsmResourceBlob *data = blob.getRawHandle().getBlob();
    if (!type || !data || type.getWidth() % 8 != 0 || type.getWidth() > 64)
      return std::nullopt;
    ArrayRef<char> bytes = data->getData();
    size_t width = type.getWidth() / 8;
    int64_t n = blob.getType().getNumElements();
    if (bytes.size() != static_cast<size_t>(n) * width)
      return std::nullopt;
    for (int64_t e = 0; e < n; ++e) {
      uint64_t v = 0;
      for (size_t k = 0; k < width; ++k)
        v |= static_cast<uint64_t>(static_cast<uint8_t>(bytes[e * width + k]))
             << (8 * k);
      values.push_back(
          type.isUnsigned()
              ? static_cast<int64_t>(v)
              : llvm::SignExtend64(v, static_cast<unsigned>(8 * width)));
    }
    return values;
  }
  auto elements = dyn_cast<DenseElementsAttr>(cst.getValue());
  if (!elements)
    return std::nullopt;
  Type elemType = elements.getElementType();
  if (isa<IntegerType>(elemType)) {
    for (const APInt &v : elements.getValues<APInt>())
      values.push_back(elemType.isInteger(1) ? v.getZExtValue()
                                             : v.getSExtValue());
  } else if (isa<FloatType>(elemType)) {
    for (const APFloat &v : elements.getValues<APFloat>())
      values.push_back(static_cast<int64_t>(v.convertToDouble()));
  } else {
    return std::nullopt;
  }
  return values;
}

std::vector<std::string> ExecLoweringTable::names() const {
  std::vector<std::string> out;
  for (const auto &entry : fns)
    out.push_back(entry.getKey().str());
  llvm::sort(out);
  return out;
}

const ExecLoweringTable &mlir::nd4j::getExecLoweringTable() {
  static const ExecLoweringTable table = [] {
    ExecLoweringTable t;
    populateExecToLinalgElementwise(t);
    populateExecToLinalgMatmul(t);
    populateExecToLinalgShape(t);
    populateExecToLinalgReduce(t);
    populateExecToLinalgConv(t);
    populateExecToLinalgResize(t);
    populateExecToLinalgScatter(t);
    populateExecToLinalgSelect(t);
    populateExecToLinalgLinalg(t);
    populateExecToLinalgRecurrent(t);
    return t;
  }();
  return table;
}

namespace {

/// The name a graph value goes by: its variable's name or its node output's.
StringAttr getValueName(Value value, Builder &b) {
  Operation *def = value.getDefiningOp();
  if (auto p = dyn_cast_or_null<exec::PlaceholderOp>(def))
    return p.getNameAttr();
  if (auto c = dyn_cast_or_null<exec::ConstantOp>(def))
    return c.getNameAttr();
  if (auto v = dyn_cast_or_null<exec::VariableOp>(def))
    return v.getNameAttr();
  if (auto n = dyn_cast_or_null<exec::NodeOp>(def)) {
    unsigned i = cast<OpResult>(value).getResultNumber();
    if (auto names = n.getOutputNamesAttr();
        names && i < names.size() &&
        !cast<StringAttr>(names[i]).getValue().empty())
      return cast<StringAttr>(names[i]);
    StringAttr base = n.getNameAttr();
    if (!base)
      base = getNodeName(n.getLoc());
    std::string name = base ? base.getValue().str() : "output";
    if (i > 0)
      name += ":" + std::to_string(i);
    return b.getStringAttr(name);
  }
  return b.getStringAttr("output");
}

/// A constant's value with signless element type (same bits).
FailureOr<TypedAttr> getSignlessElements(ElementsAttr value) {
  auto type = cast<RankedTensorType>(value.getType());
  auto signless = cast<RankedTensorType>(getSignlessType(type));
  // Bool blobs (one byte per element, as the importers write them) become
  // dense: the LLVM lowering of globals takes no resource of i1.
  if (auto blob = dyn_cast<DenseResourceElementsAttr>(value);
      blob && type.getElementType().isInteger(1)) {
    AsmResourceBlob *data = blob.getRawHandle().getBlob();
    if (!data ||
        static_cast<int64_t>(data->getData().size()) != type.getNumElements())
      return failure();
    SmallVector<bool> bits;
    for (char c : data->getData())
      bits.push_back(c != 0);
    return cast<TypedAttr>(DenseElementsAttr::get(type, ArrayRef<bool>(bits)));
  }
  if (signless == type)
    return cast<TypedAttr>(value);
  if (auto dense = dyn_cast<DenseElementsAttr>(value))
    return cast<TypedAttr>(dense.bitcast(signless.getElementType()));
  if (auto blob = dyn_cast<DenseResourceElementsAttr>(value))
    return cast<TypedAttr>(
        DenseResourceElementsAttr::get(signless, blob.getRawHandle()));
  return failure();
}

/// The ABI's dtype name (nd4j-mlir/Runtime/nd4j_model_abi.h).
std::string getDtypeName(Type type, bool isUnsigned) {
  if (type.isF16())
    return "f16";
  if (type.isBF16())
    return "bf16";
  if (type.isF32())
    return "f32";
  if (type.isF64())
    return "f64";
  if (type.isInteger(1))
    return "bool";
  if (auto i = dyn_cast<IntegerType>(type))
    return (isUnsigned ? "u" : "i") + std::to_string(i.getWidth());
  return "";
}

/// Records the entry point's signature text (nd4j_model_abi.h) in the
/// module's `nd4j.entry_points` dictionary: graph name → {signature,
/// inputs, outputs}. The entry-point pass that runs after the lowering to
/// LLVM writes it into the library.
void recordSignature(func::FuncOp func, ArrayRef<Type> argTypes,
                     ArrayRef<Attribute> argAttrs, ArrayRef<Type> resultTypes,
                     ArrayRef<Attribute> resultAttrs) {
  // Dimensions known only at run time need ABI 2 (run-time shapes in,
  // model-allocated outputs out).
  bool dynamic =
      llvm::any_of(
          argTypes,
          [](Type t) { return !cast<RankedTensorType>(t).hasStaticShape(); }) ||
      llvm::any_of(resultTypes, [](Type t) {
        return !cast<RankedTensorType>(t).hasStaticShape();
      });
  std::string text;
  llvm::raw_string_ostream os(text);
  os << "nd4j-model " << (dynamic ? 2 : 1) << "\n";
  auto record = [&](StringRef kind, Type type, Attribute attrs) {
    auto dict = cast<DictionaryAttr>(attrs);
    auto tensor = cast<RankedTensorType>(type);
    os << kind << " "
       << getDtypeName(tensor.getElementType(),
                       static_cast<bool>(dict.get("nd4j.unsigned")))
       << " " << tensor.getRank();
    for (int64_t d : tensor.getShape()) {
      if (ShapedType::isDynamic(d))
        os << " ?";
      else
        os << " " << d;
    }
    os << " ";
    for (char c : cast<StringAttr>(dict.get("nd4j.name")).getValue()) {
      if (c == '\\')
        os << "\\\\";
      else if (c == '\n')
        os << "\\n";
      else
        os << c;
    }
    os << "\n";
  };
  for (auto [type, attrs] : llvm::zip(argTypes, argAttrs))
    record("input", type, attrs);
  for (auto [type, attrs] : llvm::zip(resultTypes, resultAttrs))
    record("output", type, attrs);

  Builder b(func.getContext());
  auto module = func->getParentOfType<ModuleOp>();
  NamedAttrList entries;
  if (auto existing =
          module->getAttrOfType<DictionaryAttr>("nd4j.entry_points"))
    entries.append(existing.getValue());
  entries.set(
      func.getSymNameAttr(),
      b.getDictionaryAttr(
          {b.getNamedAttr("signature", b.getStringAttr(text)),
           b.getNamedAttr("inputs",
                          b.getI64IntegerAttr(func.getNumArguments())),
           b.getNamedAttr("outputs", b.getI64IntegerAttr(func.getNumResults())),
           b.getNamedAttr("abi", b.getI64IntegerAttr(dynamic ? 2 : 1))}));
  module->setAttr("nd4j.entry_points",
                  entries.getDictionary(func.getContext()));
}

bool isStaticTensor(Type type) {
  auto ranked = dyn_cast<RankedTensorType>(type);
  return ranked && ranked.hasStaticShape();
}

/// Whether a (static) tensor has no elements.
bool isEmptyTensor(Type type) {
  auto ranked = dyn_cast<RankedTensorType>(type);
  return ranked && ranked.hasStaticShape() && ranked.getNumElements() == 0;
}

/// The function's type for a boundary value: a zero-element tensor is
/// passed as a 1-D `tensor<0xT>`. A memref such as `memref<3x4x0xf32>` has
/// no strided layout MLIR accepts for the bare-pointer calling convention,
/// and the function would stay unconverted; the true shape lives on in the
/// signature text.
Type getBoundaryType(Type type) {
  if (!isEmptyTensor(type))
    return type;
  auto ranked = cast<RankedTensorType>(type);
  return RankedTensorType::get({0}, ranked.getElementType());
}

/// A zero-element value carries no data: any tensor of its type stands in.
Value createEmptyLike(OpBuilder &b, Location loc, Type type) {
  return tensor::EmptyOp::create(b, loc,
                                 cast<RankedTensorType>(type).getShape(),
                                 cast<RankedTensorType>(type).getElementType());
}

/// The byte size of a static tensor type, or none when it overflows 64 bits.
std::optional<uint64_t> getByteSize(RankedTensorType type) {
  Type elem = type.getElementType();
  uint64_t bytes = elem.isIntOrFloat()
                       ? std::max<uint64_t>(1, elem.getIntOrFloatBitWidth() / 8)
                       : 8;
  for (int64_t d : type.getShape()) {
    uint64_t next;
    if (__builtin_mul_overflow(bytes, static_cast<uint64_t>(d), &next))
      return std::nullopt;
    bytes = next;
  }
  return bytes;
}

/// Inputs whose dimensions share an ONNX dim_param name (the placeholder's
/// `dim_names`) must agree at run time where they are `?`: each is checked
/// against the first of its name (`cf.assert`, an error naming both inputs
/// from the library).
static void checkNamedDims(OpBuilder &b, Block &body, Block *entry) {
  llvm::StringMap<std::pair<Value, std::string>> first;
  unsigned argNo = 0;
  for (auto p : body.getOps<exec::PlaceholderOp>()) {
    Value arg = entry->getArgument(argNo++);
    auto names = p->getAttrOfType<ArrayAttr>("dim_names");
    auto type = dyn_cast<RankedTensorType>(arg.getType());
    if (!names || !type || static_cast<int64_t>(names.size()) != type.getRank())
      continue;
    for (auto [d, attr] : llvm::enumerate(names)) {
      auto name = dyn_cast<StringAttr>(attr);
      if (!name || name.getValue().empty() || !type.isDynamicDim(d))
        continue;
      Location loc = p.getLoc();
      Value size = tensor::DimOp::create(b, loc, arg, d);
      std::string where =
          ("input '" + p.getName() + "' dimension " + Twine(d)).str();
      auto [it, inserted] =
          first.try_emplace(name.getValue(), std::make_pair(size, where));
      if (inserted)
        continue;
      cf::AssertOp::create(b, loc,
                           arith::CmpIOp::create(b, loc,
                                                 arith::CmpIPredicate::eq, size,
                                                 it->second.first),
                           (where + " and " + it->second.second +
                            " are both '" + name.getValue() + "' but differ")
                               .str());
    }
  }
}

/// `v` as type `type` (a compatible ranked tensor type): a tensor.cast
/// where they differ. A size known only at run time that the type fixes
/// (a loop-carried value the model declares to keep its size) is checked.
static Value castTo(OpBuilder &b, Location loc, Value v, Type type) {
  auto to = dyn_cast<RankedTensorType>(type);
  auto from = dyn_cast<RankedTensorType>(v.getType());
  if (v.getType() == type || !to || !from)
    return v;
  for (int64_t d = 0; d < to.getRank(); ++d) {
    if (!from.isDynamicDim(d) || to.isDynamicDim(d))
      continue;
    Value size = tensor::DimOp::create(b, loc, v, d);
    Value want = arith::ConstantIndexOp::create(b, loc, to.getDimSize(d));
    cf::AssertOp::create(
        b, loc,
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, size, want),
        ("a value computed in a branch or loop has a size in dimension " +
         Twine(d) + " other than the " + Twine(to.getDimSize(d)) +
         " the model declares")
            .str());
  }
  return tensor::CastOp::create(b, loc, type, v);
}

struct ConvertExecToLinalgPass
    : public nd4j::impl::ConvertExecToLinalgPassBase<ConvertExecToLinalgPass> {
  using Base::Base;
  void runOnOperation() override {
    SmallVector<exec::GraphOp> graphs;
    getOperation().walk([&](exec::GraphOp g) { graphs.push_back(g); });
    for (exec::GraphOp graph : graphs)
      if (failed(lowerGraph(graph)))
        return signalPassFailure();
  }

  /// Lowers one op of a graph or control-flow block (not a placeholder or
  /// the graph's return) at the end of `b`'s block. `nested`: inside a
  /// control-flow region, where sizes may change between iterations.
  LogicalResult lowerOp(Operation &op, OpBuilder &b, IRMapping &map,
                        bool dynamicAbi, bool nested) {
    const ExecLoweringTable &table = getExecLoweringTable();
    Block *block = b.getInsertionBlock();
    // Zero-element values need no computation (and the lowerings need
    // not handle them).
    if (op.getNumResults() > 0 &&
        llvm::all_of(op.getResultTypes(), isEmptyTensor)) {
      for (Value v : op.getResults())
        map.map(v,
                createEmptyLike(b, op.getLoc(), getSignlessType(v.getType())));
      return success();
    }
    if (isa<exec::ConstantOp, exec::VariableOp>(op)) {
      auto value = cast<ElementsAttr>(op.getAttr("value"));
      FailureOr<TypedAttr> signless = getSignlessElements(value);
      if (failed(signless))
        return op.emitError("cannot compile a constant of type ")
               << value.getType();
      map.map(op.getResult(0),
              arith::ConstantOp::create(b, op.getLoc(), *signless));
      return success();
    }
    if (auto ifOp = dyn_cast<exec::IfOp>(op))
      return lowerIf(ifOp, b, map, dynamicAbi);
    if (auto whileOp = dyn_cast<exec::WhileOp>(op))
      return lowerWhile(whileOp, b, map, dynamicAbi);
    auto node = dyn_cast<exec::NodeOp>(op);
    if (!node)
      return op.emitError("cannot lower ") << op.getName();
    SmallVector<Value> inputs;
    for (Value v : node.getInputs())
      inputs.push_back(map.lookup(v));
    ExecLowering lowering(node, inputs, b);
    SmallVector<Value> results;
    Operation *before = block->empty() ? nullptr : &block->back();
    if (failed((*table.lookup(node.getOpName()))(lowering, results)))
      return failure();
    // Run-time sizes of the new ops' dynamic results.
    SmallVector<Operation *> created;
    for (Operation &o : llvm::make_range(
             before ? std::next(before->getIterator()) : block->begin(),
             block->end()))
      created.push_back(&o);
    for (Operation *o : created) {
      std::string why;
      if (failed(resolvePendingDims(o, why)))
        return lowering.emitError("with dimensions known only at run "
                                  "time: ")
               << why;
    }
    if (dynamicAbi || nested) {
      // Resolving erased the placeholders: the node's ops afresh.
      created.clear();
      for (Operation &o : llvm::make_range(
               before ? std::next(before->getIterator()) : block->begin(),
               block->end()))
        created.push_back(&o);
      StringAttr name = node.getNameAttr();
      std::string message =
          ("node '" + (name ? name.getValue() : StringRef("<unnamed>")) +
           "' (libnd4j op '" + node.getOpName() +
           "'): sizes known only at run time disagree")
              .str();
      for (Operation *o : created)
        emitShapeChecks(o, message);
    }
    if (results.size() != node.getNumResults())
      return lowering.emitError("lowering produced ")
             << results.size() << " results for " << node.getNumResults();
    for (auto [from, to] : llvm::zip(node.getResults(), results)) {
      if (getSignlessType(from.getType()) != to.getType())
        return lowering.emitError("lowering produced type ")
               << to.getType() << " where the node has " << from.getType();
      map.map(from, to);
    }
    return success();
  }

  /// Lowers the ops of `src` (a control-flow region's block, its
  /// terminator excepted) at the end of `b`'s block.
  LogicalResult lowerRegionBody(Block &src, OpBuilder &b, IRMapping &map,
                                bool dynamicAbi) {
    for (Operation &op : src.without_terminator())
      if (failed(lowerOp(op, b, map, dynamicAbi, /*nested=*/true)))
        return failure();
    return success();
  }

  /// The lowered values of `values`, each cast to the lowered type of the
  /// matching entry of `types` (a branch or iteration may know more).
  SmallVector<Value> handOn(OpBuilder &b, Location loc, ValueRange values,
                            TypeRange types, IRMapping &map) {
    SmallVector<Value> out;
    for (auto [v, t] : llvm::zip(values, types))
      out.push_back(castTo(b, loc, map.lookup(v), getSignlessType(t)));
    return out;
  }

  /// A one-element bool tensor's element.
  static Value readCondition(OpBuilder &b, Location loc, Value cond) {
    auto type = cast<RankedTensorType>(cond.getType());
    Value zero = arith::ConstantIndexOp::create(b, loc, 0);
    SmallVector<Value> indices(type.getRank(), zero);
    return tensor::ExtractOp::create(b, loc, cond, indices);
  }

  LogicalResult lowerIf(exec::IfOp op, OpBuilder &b, IRMapping &map,
                        bool dynamicAbi) {
    Location loc = op.getLoc();
    SmallVector<Type> types;
    for (Type t : op.getResultTypes())
      types.push_back(getSignlessType(t));
    Value cond = readCondition(b, loc, map.lookup(op.getCond()));
    auto ifOp = scf::IfOp::create(b, loc, types, cond, /*withElse=*/true);
    for (auto [src, dst] : {std::pair<Region *, Region *>{
                                &op.getThenRegion(), &ifOp.getThenRegion()},
                            {&op.getElseRegion(), &ifOp.getElseRegion()}}) {
      Block &block = dst->front();
      if (!block.empty())
        block.getTerminator()->erase();
      OpBuilder::InsertionGuard guard(b);
      b.setInsertionPointToEnd(&block);
      if (failed(lowerRegionBody(src->front(), b, map, dynamicAbi)))
        return failure();
      auto yield = cast<exec::YieldOp>(src->front().getTerminator());
      scf::YieldOp::create(b, yield.getLoc(),
                           handOn(b, yield.getLoc(), yield.getValues(),
                                  op.getResultTypes(), map));
    }
    for (auto [from, to] : llvm::zip(op.getResults(), ifOp.getResults()))
      map.map(from, to);
    return success();
  }

  LogicalResult lowerWhile(exec::WhileOp op, OpBuilder &b, IRMapping &map,
                           bool dynamicAbi) {
    Location loc = op.getLoc();
    SmallVector<Type> types;
    for (Type t : op.getResultTypes()) {
      auto ranked = dyn_cast<RankedTensorType>(getSignlessType(t));
      if (!ranked)
        return op.emitError("cannot compile a loop-carried value of type ")
               << t;
      types.push_back(ranked);
    }
    SmallVector<Value> inits =
        handOn(b, loc, op.getInits(), op.getResultTypes(), map);
    auto loop = scf::WhileOp::create(b, loc, types, inits);
    SmallVector<Location> locs(types.size(), loc);
    {
      OpBuilder::InsertionGuard guard(b);
      Block *before = b.createBlock(&loop.getBefore(), {}, types, locs);
      for (auto [from, to] : llvm::zip(op.getBefore().front().getArguments(),
                                       before->getArguments()))
        map.map(from, castTo(b, loc, to, getSignlessType(from.getType())));
      if (failed(lowerRegionBody(op.getBefore().front(), b, map, dynamicAbi)))
        return failure();
      auto condition =
          cast<exec::ConditionOp>(op.getBefore().front().getTerminator());
      Value go =
          readCondition(b, condition.getLoc(), map.lookup(condition.getCond()));
      scf::ConditionOp::create(b, condition.getLoc(), go,
                               handOn(b, condition.getLoc(),
                                      condition.getArgs(), op.getResultTypes(),
                                      map));
      Block *after = b.createBlock(&loop.getAfter(), {}, types, locs);
      for (auto [from, to] : llvm::zip(op.getAfter().front().getArguments(),
                                       after->getArguments()))
        map.map(from, castTo(b, loc, to, getSignlessType(from.getType())));
      if (failed(lowerRegionBody(op.getAfter().front(), b, map, dynamicAbi)))
        return failure();
      auto yield = cast<exec::YieldOp>(op.getAfter().front().getTerminator());
      scf::YieldOp::create(b, yield.getLoc(),
                           handOn(b, yield.getLoc(), yield.getValues(),
                                  op.getResultTypes(), map));
    }
    for (auto [from, to] : llvm::zip(op.getResults(), loop.getResults()))
      map.map(from, to);
    return success();
  }

  LogicalResult lowerGraph(exec::GraphOp graph) {
    const ExecLoweringTable &table = getExecLoweringTable();
    Block &body = graph.getBody().front();

    // Every node without a lowering, and every dynamic shape, up front.
    bool failedCheck = false;
    body.walk([&](Operation *nested) {
      Operation &op = *nested;
      bool dynamic = false;
      for (Type t : op.getResultTypes()) {
        if (!isa<RankedTensorType>(t) ||
            getDtypeName(getElementTypeOrSelf(t), false).empty()) {
          op.emitError("cannot compile a value of type ")
              << t
              << ": shapes must be ranked, of a numeric or bool "
                 "element type";
          failedCheck = true;
          continue;
        }
        dynamic |= !isStaticTensor(t);
      }
      for (Type t : op.getOperandTypes())
        dynamic |= isa<RankedTensorType>(t) && !isStaticTensor(t);
      if (dynamic && isa<exec::ConstantOp, exec::VariableOp>(op)) {
        op.emitError("a constant must have a static shape");
        failedCheck = true;
      }
      auto node = dyn_cast<exec::NodeOp>(op);
      ExecLoweringTable::Dynamic kind = node
                                            ? table.getDynamic(node.getOpName())
                                            : ExecLoweringTable::Dynamic::None;
      if (dynamic && kind == ExecLoweringTable::Dynamic::LeadingOnly) {
        auto onlyLeading = [](Type t) {
          auto r = dyn_cast<RankedTensorType>(t);
          return !r || r.getRank() == 0 ||
                 llvm::all_of(r.getShape().drop_front(), [](int64_t d) {
                   return !ShapedType::isDynamic(d);
                 });
        };
        if (!llvm::all_of(op.getOperandTypes(), onlyLeading) ||
            !llvm::all_of(op.getResultTypes(), onlyLeading)) {
          StringAttr name = node.getNameAttr();
          auto diag = node.emitError("libnd4j op '")
                      << node.getOpName() << "' (node '"
                      << (name ? name.getValue() : StringRef("<unnamed>"))
                      << "') takes a size known only at run time in "
                         "dimension 0 (the batch) alone (";
          llvm::interleaveComma(node->getOperandTypes(), diag);
          diag << " -> ";
          llvm::interleaveComma(node->getResultTypes(), diag);
          diag << "); give the shapes with --input-shape or --dim";
          failedCheck = true;
        }
      }
      if (dynamic && node && table.lookup(node.getOpName()) &&
          kind == ExecLoweringTable::Dynamic::None) {
        StringAttr name = node.getNameAttr();
        auto diag = node.emitError("libnd4j op '")
                    << node.getOpName() << "' (node '"
                    << (name ? name.getValue() : StringRef("<unnamed>"))
                    << "') cannot be compiled yet with dimensions known only "
                       "at run time (";
        llvm::interleaveComma(node->getOperandTypes(), diag);
        diag << " -> ";
        llvm::interleaveComma(node->getResultTypes(), diag);
        diag << "); give the shapes with --input-shape or --dim";
        failedCheck = true;
      }
      for (Type t : op.getResultTypes()) {
        if (!isStaticTensor(t))
          continue;
        std::optional<uint64_t> bytes = getByteSize(cast<RankedTensorType>(t));
        if (!bytes ||
            *bytes > static_cast<uint64_t>(maxTensorBytes.getValue())) {
          StringAttr name = op.getAttrOfType<StringAttr>("name");
          auto diag = op.emitError();
          if (name)
            diag << "'" << name.getValue() << "': ";
          diag << "value of type " << t << " needs ";
          if (bytes)
            diag << *bytes << " bytes";
          else
            diag << "more bytes than 64 bits can count";
          diag << ", more than the limit of " << maxTensorBytes.getValue()
               << " bytes (--max-tensor-bytes)";
          failedCheck = true;
        }
      }
      if (auto node = dyn_cast<exec::NodeOp>(op);
          node && !table.lookup(node.getOpName())) {
        StringAttr name = node.getNameAttr();
        node.emitError("no lowering for libnd4j op '")
            << node.getOpName() << "' (node '"
            << (name ? name.getValue() : StringRef("<unnamed>")) << "')";
        failedCheck = true;
      }
    });
    if (failedCheck)
      return failure();

    OpBuilder b(graph);
    auto ret = cast<exec::ReturnOp>(body.getTerminator());
    SmallVector<Type> argTypes, resultTypes;
    SmallVector<Attribute> argAttrs, resultAttrs;
    // Unsigned integers are marked, since the types become signless.
    auto boundaryAttrs = [&](StringAttr name, Type type) {
      SmallVector<NamedAttribute> attrs{b.getNamedAttr("nd4j.name", name)};
      if (isUnsignedElement(type))
        attrs.push_back(b.getNamedAttr("nd4j.unsigned", b.getUnitAttr()));
      return b.getDictionaryAttr(attrs);
    };
    for (auto p : body.getOps<exec::PlaceholderOp>()) {
      argTypes.push_back(getSignlessType(p.getType()));
      argAttrs.push_back(boundaryAttrs(p.getNameAttr(), p.getType()));
    }
    for (Value v : ret.getOutputs()) {
      resultTypes.push_back(getSignlessType(v.getType()));
      resultAttrs.push_back(boundaryAttrs(getValueName(v, b), v.getType()));
    }
    SmallVector<Type> funcArgTypes, funcResultTypes;
    for (Type t : argTypes)
      funcArgTypes.push_back(getBoundaryType(t));
    for (Type t : resultTypes)
      funcResultTypes.push_back(getBoundaryType(t));
    auto func =
        func::FuncOp::create(b, graph.getLoc(), graph.getSymName(),
                             b.getFunctionType(funcArgTypes, funcResultTypes));
    recordSignature(func, argTypes, argAttrs, resultTypes, resultAttrs);
    bool dynamicAbi = llvm::any_of(llvm::concat<Type>(argTypes, resultTypes),
                                   [](Type t) { return !isStaticTensor(t); });
    if (dynamicAbi)
      func->setAttr("nd4j.dynamic_abi", b.getUnitAttr());
    func.setAllArgAttrs(argAttrs);
    func.setAllResultAttrs(resultAttrs);
    Block *entry = func.addEntryBlock();
    b.setInsertionPointToStart(entry);

    checkNamedDims(b, body, entry);
    IRMapping map;
    unsigned argNo = 0;
    for (Operation &op : body) {
      if (auto p = dyn_cast<exec::PlaceholderOp>(op)) {
        Value arg = entry->getArgument(argNo++);
        if (isEmptyTensor(p.getType()))
          arg = createEmptyLike(b, p.getLoc(), getSignlessType(p.getType()));
        map.map(p.getResult(), arg);
        continue;
      }
      if (auto r = dyn_cast<exec::ReturnOp>(op)) {
        SmallVector<Value> outs;
        for (Value v : r.getOutputs()) {
          if (!isEmptyTensor(v.getType())) {
            Value lowered = map.lookup(v);
            // ABI 2 hands each output's buffer to the caller: a value
            // returned twice gets a copy of its own.
            if (dynamicAbi && llvm::is_contained(outs, lowered))
              lowered = bufferization::AllocTensorOp::create(
                  b, r.getLoc(), cast<RankedTensorType>(lowered.getType()),
                  ValueRange{}, lowered);
            // A control-flow result may be less precise than the output.
            lowered =
                castTo(b, r.getLoc(), lowered, getSignlessType(v.getType()));
            outs.push_back(lowered);
            continue;
          }
          // One allocation per empty output: CSE would merge tensor.empty
          // ops, and buffer-results-to-out-params cannot give one buffer
          // to two results.
          auto type = cast<RankedTensorType>(
              getBoundaryType(getSignlessType(v.getType())));
          outs.push_back(bufferization::AllocTensorOp::create(
              b, r.getLoc(), type, ValueRange{}));
        }
        func::ReturnOp::create(b, r.getLoc(), outs);
        continue;
      }
      if (failed(lowerOp(op, b, map, dynamicAbi, /*nested=*/false)))
        return failure();
    }
    // GPU targets do not compile control flow yet; the driver names it.
    if (body.walk([](Operation *op) {
              return isa<exec::IfOp, exec::WhileOp>(op)
                         ? WalkResult::interrupt()
                         : WalkResult::advance();
            })
            .wasInterrupted())
      func->setAttr("nd4j.control_flow", b.getUnitAttr());
    graph.erase();
    return success();
  }
};

} // namespace
