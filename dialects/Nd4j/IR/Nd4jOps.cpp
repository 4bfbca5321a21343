//===- Nd4jOps.cpp - nd4j operations
//----------------------------------------===//
//
// Graph structure, the generic framework node and folders of the nd4j ops.
// Shape inference and the typed ops' checks are in Nd4jShapeInference.cpp.
//
//===----------------------------------------------------------------------===//

#include "dialects/Nd4j/IR/Nd4jOps.h"
#include "dialects/Common/ControlFlow.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/OpImplementation.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"

using namespace mlir;
using namespace mlir::nd4j;

StringAttr mlir::nd4j::getNodeName(Location loc) {
  if (auto name = dyn_cast<NameLoc>(loc))
    return name.getName();
  if (auto fused = dyn_cast<FusedLoc>(loc))
    for (Location inner : fused.getLocations())
      if (StringAttr name = getNodeName(inner))
        return name;
  return {};
}

ElementsAttr mlir::nd4j::createResourceElements(ShapedType type, StringRef name,
                                                ArrayRef<char> bytes) {
  AsmResourceBlob blob =
      HeapAsmResourceBlob::allocateAndCopyWithAlign(bytes, /*align=*/64);
  std::string key = name.str();
  for (char &c : key)
    if (!llvm::isAlnum(c) && c != '_' && c != '.')
      c = '_';
  return DenseResourceElementsAttr::get(type, key.empty() ? "tensor" : key,
                                        std::move(blob));
}

//===----------------------------------------------------------------------===//
// GraphOp
//===----------------------------------------------------------------------===//

void GraphOp::build(OpBuilder &builder, OperationState &state, StringRef name) {
  state.addAttribute(getSymNameAttrName(state.name),
                     builder.getStringAttr(name));
  Region *body = state.addRegion();
  ensureTerminator(*body, builder, state.location);
}

LogicalResult GraphOp::verifyRegions() {
  llvm::StringSet<> placeholders;
  for (auto p : getBody().front().getOps<PlaceholderOp>()) {
    if (p.getName().empty())
      return p.emitOpError("has an empty name");
    if (!placeholders.insert(p.getName()).second)
      return p.emitOpError("name '")
             << p.getName() << "' is not unique in the graph";
  }
  return success();
}

//===----------------------------------------------------------------------===//
// OutputOp: `nd4j.output "a" = %x, "b" = %y : type, type`
//===----------------------------------------------------------------------===//

ParseResult OutputOp::parse(OpAsmParser &parser, OperationState &result) {
  SmallVector<OpAsmParser::UnresolvedOperand> operands;
  SmallVector<Attribute> names;
  SmallVector<Type> types;
  std::string name;
  if (succeeded(parser.parseOptionalString(&name))) {
    do {
      if (!names.empty() && parser.parseString(&name))
        return failure();
      names.push_back(parser.getBuilder().getStringAttr(name));
      if (parser.parseEqual() || parser.parseOperand(operands.emplace_back()))
        return failure();
    } while (succeeded(parser.parseOptionalComma()));
  }
  if (parser.parseOptionalAttrDict(result.attributes))
    return failure();
  if (!operands.empty() && (parser.parseColon() || parser.parseTypeList(types)))
    return failure();
  result.addAttribute(getNamesAttrName(result.name),
                      parser.getBuilder().getArrayAttr(names));
  return parser.resolveOperands(operands, types, parser.getNameLoc(),
                                result.operands);
}

void OutputOp::print(OpAsmPrinter &p) {
  if (!getOutputs().empty())
    p << ' ';
  llvm::interleaveComma(llvm::zip(getNames(), getOutputs()), p, [&](auto it) {
    p << std::get<0>(it) << " = " << std::get<1>(it);
  });
  p.printOptionalAttrDict((*this)->getAttrs(), {getNamesAttrName()});
  if (!getOutputs().empty())
    p << " : " << getOutputs().getTypes();
}

LogicalResult OutputOp::verify() {
  if (getNames().size() != getOutputs().size())
    return emitOpError("has ") << getOutputs().size() << " outputs but "
                               << getNames().size() << " names";
  llvm::StringSet<> seen;
  for (StringRef name : getNames().getAsValueRange<StringAttr>()) {
    if (name.empty())
      return emitOpError("has an empty output name");
    if (!seen.insert(name).second)
      return emitOpError("output name '") << name << "' is not unique";
  }
  return success();
}

//===----------------------------------------------------------------------===//
// PlaceholderOp, ConstantOp, IdentityOp
//===----------------------------------------------------------------------===//

void PlaceholderOp::getAsmResultNames(OpAsmSetValueNameFn setNameFn) {
  setNameFn(getResult(), getName());
}

void ConstantOp::getAsmResultNames(OpAsmSetValueNameFn setNameFn) {
  if (std::optional<StringRef> name = getName())
    setNameFn(getResult(), *name);
}

OpFoldResult ConstantOp::fold(FoldAdaptor) { return getValue(); }

OpFoldResult IdentityOp::fold(FoldAdaptor) {
  if (getInput().getType() == getType())
    return getInput();
  return {};
}

//===----------------------------------------------------------------------===//
// NodeOp: `nd4j.node "onnx.Conv"(%x, %w) {attrs} {opset = 13} : ...`
//===----------------------------------------------------------------------===//

static ParseResult parseNodeType(OpAsmParser &parser, StringAttr &framework,
                                 StringAttr &opType) {
  std::string full;
  SMLoc loc = parser.getCurrentLocation();
  if (parser.parseString(&full))
    return failure();
  auto [fw, type] = StringRef(full).split('.');
  if (fw.empty() || type.empty())
    return parser.emitError(loc, "expected \"<framework>.<op type>\", got \"")
           << full << "\"";
  framework = parser.getBuilder().getStringAttr(fw);
  opType = parser.getBuilder().getStringAttr(type);
  return success();
}

static void printNodeType(OpAsmPrinter &p, Operation *, StringAttr framework,
                          StringAttr opType) {
  p.printString((framework.getValue() + "." + opType.getValue()).str());
}

LogicalResult NodeOp::verify() {
  if (getFramework().empty() || getFramework().contains('.'))
    return emitOpError("framework must be a non-empty name without '.', got '")
           << getFramework() << "'";
  if (getOpType().empty())
    return emitOpError("needs an op type");
  return success();
}

#define GET_OP_CLASSES
#include "dialects/Nd4j/IR/Nd4jOps.cpp.inc"

//===----------------------------------------------------------------------===//
// Control flow
//===----------------------------------------------------------------------===//

LogicalResult IfOp::verify() {
  return verifyIfOp<YieldOp>(*this, getCond().getType(), getThenRegion(),
                             getElseRegion());
}

LogicalResult WhileOp::verify() {
  return verifyWhileOp<ConditionOp, YieldOp>(*this, getBefore(), getAfter());
}
