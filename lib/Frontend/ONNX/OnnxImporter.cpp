//===- OnnxImporter.cpp - ONNX model → nd4j dialect
//-------------------------===//
//
// Builds one generic `nd4j.node` per ONNX node. Checks everything it reads:
// undefined inputs, tensor payloads that do not match their shape, external
// data that is missing, short, or outside the model's folder are errors that
// name the file, the node or tensor, and the reason.
//
//===----------------------------------------------------------------------===//

#include "lib/Frontend/ONNX/OnnxImporter.h"
#include "lib/Frontend/TensorStorage.h"

#include "dialects/Nd4j/IR/Nd4jOps.h"
#include "lib/Frontend/ONNX/OnnxProtoIO.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinDialect.h"
#include "mlir/IR/TypeUtilities.h"
#include "onnx/onnx_pb.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/ScopedHashTable.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <functional>
#include <queue>

using namespace mlir;
using namespace mlir::nd4j;

bool mlir::nd4j::isOnnxTextModel(llvm::MemoryBufferRef buffer) {
  if (buffer.getBufferIdentifier().ends_with(".onnxtxt"))
    return true;
  StringRef text = buffer.getBuffer().ltrim();
  return text.starts_with("<");
}

namespace {

/// Element type of an ONNX TensorProto.DataType, or null when unsupported.
Type convertElementType(MLIRContext *ctx, int32_t dataType) {
  Builder b(ctx);
  switch (dataType) {
  case onnx::TensorProto::FLOAT:
    return b.getF32Type();
  case onnx::TensorProto::UINT8:
    return IntegerType::get(ctx, 8, IntegerType::Unsigned);
  case onnx::TensorProto::INT8:
    return b.getIntegerType(8);
  case onnx::TensorProto::UINT16:
    return IntegerType::get(ctx, 16, IntegerType::Unsigned);
  case onnx::TensorProto::INT16:
    return b.getIntegerType(16);
  case onnx::TensorProto::INT32:
    return b.getI32Type();
  case onnx::TensorProto::INT64:
    return b.getI64Type();
  case onnx::TensorProto::BOOL:
    return b.getI1Type();
  case onnx::TensorProto::FLOAT16:
    return b.getF16Type();
  case onnx::TensorProto::DOUBLE:
    return b.getF64Type();
  case onnx::TensorProto::UINT32:
    return IntegerType::get(ctx, 32, IntegerType::Unsigned);
  case onnx::TensorProto::UINT64:
    return IntegerType::get(ctx, 64, IntegerType::Unsigned);
  case onnx::TensorProto::COMPLEX64:
    return ComplexType::get(b.getF32Type());
  case onnx::TensorProto::COMPLEX128:
    return ComplexType::get(b.getF64Type());
  case onnx::TensorProto::BFLOAT16:
    return b.getBF16Type();
  case onnx::TensorProto::STRING:
    return StringType::get(ctx);
  default:
    return nullptr; // UNDEFINED, and types newer than we know.
  }
}

std::string dataTypeName(int32_t dataType) {
  if (onnx::TensorProto::DataType_IsValid(dataType))
    return onnx::TensorProto::DataType_Name(
        static_cast<onnx::TensorProto::DataType>(dataType));
  return "data type " + std::to_string(dataType);
}

class OnnxImporter {
public:
  OnnxImporter(MLIRContext *ctx, StringRef path,
               const OnnxImportOptions &options)
      : ctx(ctx), builder(ctx), path(path), options(options) {
    modelDir = llvm::sys::path::parent_path(path).str();
    if (modelDir.empty())
      modelDir = ".";
  }

  OwningOpRef<ModuleOp> import(const onnx::ModelProto &model);

private:
  using ScopeTable = llvm::ScopedHashTable<StringRef, Value>;

  InFlightDiagnostic error(Location loc) { return emitError(loc); }
  Location fileLoc() {
    return FileLineColLoc::get(builder.getStringAttr(path), 0, 0);
  }
  Location nodeLoc(StringRef name) {
    return NameLoc::get(builder.getStringAttr(name), fileLoc());
  }

  FailureOr<Type> convertType(const onnx::TypeProto &type, StringRef what);
  /// `what` describes the tensor for diagnostics; `blobName` names its
  /// resource blob.
  FailureOr<ElementsAttr> convertTensor(const onnx::TensorProto &tensor,
                                        StringRef what, StringRef blobName);
  FailureOr<std::string> readExternalData(const onnx::TensorProto &tensor,
                                          StringRef what, uint64_t expected);
  /// `argHints`: for a subgraph, the types its inputs receive (a Loop's
  /// iteration count, condition and initial states; a Scan's states and
  /// slices), used where the subgraph leaves an input's shape out.
  LogicalResult importGraph(const onnx::GraphProto &graph, Block &block,
                            bool topLevel, ArrayRef<Type> argHints = {});
  LogicalResult importNode(const onnx::NodeProto &node, unsigned index);
  FailureOr<Attribute> convertAttribute(const onnx::AttributeProto &attr,
                                        StringRef nodeName);

  MLIRContext *ctx;
  OpBuilder builder;
  std::string path, modelDir;
  const OnnxImportOptions &options;
  ScopeTable values;
  llvm::StringMap<const onnx::TypeProto *> valueTypes;
  llvm::StringMap<int64_t> opsets;
  /// The `none` value of the block being filled.
  DenseMap<Block *, Value> noneValues;
};

FailureOr<Type> OnnxImporter::convertType(const onnx::TypeProto &type,
                                          StringRef what) {
  if (!type.has_tensor_type()) {
    const char *kind = type.has_sequence_type()   ? "sequence"
                       : type.has_optional_type() ? "optional"
                       : type.has_map_type()      ? "map"
                                                  : "non-tensor";
    return error(fileLoc())
           << what << " has a " << kind << " type; only tensors are supported";
  }
  const auto &tensor = type.tensor_type();
  Type element = convertElementType(ctx, tensor.elem_type());
  if (!element)
    return error(fileLoc()) << what << " has unsupported element type "
                            << dataTypeName(tensor.elem_type());
  if (!tensor.has_shape())
    return Type(UnrankedTensorType::get(element));
  SmallVector<int64_t> shape;
  // The element count must fit in int64 (MLIR's and the runtime's sizes):
  // a model declaring more is hostile or broken, not large.
  uint64_t count = 1;
  for (const auto &dim : tensor.shape().dim()) {
    shape.push_back(dim.has_dim_value() && dim.dim_value() >= 0
                        ? dim.dim_value()
                        : ShapedType::kDynamic);
    if (ShapedType::isDynamic(shape.back()))
      continue;
    if (__builtin_mul_overflow(count, static_cast<uint64_t>(shape.back()),
                               &count) ||
        count > static_cast<uint64_t>(INT64_MAX)) {
      std::string dims;
      for (const auto &d : tensor.shape().dim())
        dims += (dims.empty() ? "" : ", ") +
                (d.has_dim_value() ? std::to_string(d.dim_value())
                                   : std::string("?"));
      return error(fileLoc()) << what << " declares shape [" << dims
                              << "], more elements than 64 bits can count";
    }
  }
  return Type(RankedTensorType::get(shape, element));
}

FailureOr<std::string>
OnnxImporter::readExternalData(const onnx::TensorProto &tensor, StringRef what,
                               uint64_t expected) {
  std::string location;
  uint64_t offset = 0, length = expected;
  bool hasLength = false;
  for (const auto &entry : tensor.external_data()) {
    StringRef value = entry.value();
    if (entry.key() == "location")
      location = entry.value();
    else if (entry.key() == "offset" && value.getAsInteger(10, offset))
      return error(fileLoc()) << what << ": external data offset '" << value
                              << "' is not a number";
    else if (entry.key() == "length") {
      if (value.getAsInteger(10, length))
        return error(fileLoc()) << what << ": external data length '" << value
                                << "' is not a number";
      hasLength = true;
    }
  }
  if (location.empty())
    return error(fileLoc()) << what << ": external data has no location";
  if (hasLength && length != expected)
    return error(fileLoc())
           << what << ": external data length " << length
           << " does not match the " << expected << " bytes its shape needs";
  // The location is relative to the model's folder and must stay inside it.
  if (llvm::sys::path::is_absolute(location))
    return error(fileLoc()) << what << ": external data location '" << location
                            << "' is an absolute path";
  SmallString<256> full(modelDir);
  llvm::sys::path::append(full, location);
  SmallString<256> realDir, realFile;
  if (llvm::sys::fs::real_path(modelDir, realDir))
    return error(fileLoc())
           << "cannot resolve the model's folder '" << modelDir << "'";
  if (std::error_code ec = llvm::sys::fs::real_path(full, realFile))
    return error(fileLoc()) << what << ": external data file '" << location
                            << "' cannot be opened: " << ec.message();
  StringRef fileRef = realFile;
  if (!fileRef.starts_with(realDir) ||
      !llvm::sys::path::is_separator(fileRef[realDir.size()]))
    return error(fileLoc()) << what << ": external data location '" << location
                            << "' escapes the model's folder";
  auto buffer = llvm::MemoryBuffer::getFileSlice(realFile, expected, offset,
                                                 /*IsVolatile=*/false);
  uint64_t fileSize = 0;
  llvm::sys::fs::file_size(realFile, fileSize);
  if (!buffer || offset + expected > fileSize)
    return error(fileLoc())
           << what << ": external data file '" << location << "' holds "
           << fileSize << " bytes; " << expected << " bytes at offset "
           << offset << " are out of range";
  return (*buffer)->getBuffer().str();
}

FailureOr<ElementsAttr>
OnnxImporter::convertTensor(const onnx::TensorProto &tensor, StringRef what,
                            StringRef blobName) {
  Type element = convertElementType(ctx, tensor.data_type());
  if (!element)
    return error(fileLoc()) << what << " has unsupported element type "
                            << dataTypeName(tensor.data_type());
  SmallVector<int64_t> shape(tensor.dims().begin(), tensor.dims().end());
  int64_t count = 1;
  for (int64_t d : shape) {
    if (d < 0)
      return error(fileLoc()) << what << " has a negative dimension";
    count *= d;
  }
  auto type = RankedTensorType::get(shape, element);
  if (isa<StringType>(element)) {
    // Strings travel only in string_data (ONNX forbids raw and external
    // data for them); they are small, so they stay inline.
    if (tensor.data_location() == onnx::TensorProto::EXTERNAL ||
        tensor.has_raw_data())
      return error(fileLoc())
             << what << ": string tensors must use string_data";
    if (tensor.string_data_size() != count)
      return error(fileLoc())
             << what << ": string_data holds " << tensor.string_data_size()
             << " values but shape " << type << " needs " << count;
    SmallVector<StringRef> strings(tensor.string_data().begin(),
                                   tensor.string_data().end());
    return ElementsAttr(DenseElementsAttr::get(type, strings));
  }
  unsigned elemBytes = storageBytes(element);
  uint64_t bytes = static_cast<uint64_t>(count) * elemBytes;

  // Gather the payload as raw little-endian bytes in ONNX's layout.
  std::string raw;
  auto mismatch = [&](StringRef field, size_t have) {
    return error(fileLoc())
           << what << ": " << field << " holds " << have << " values but shape "
           << type << " needs " << count;
  };
  auto append = [&](const auto &field, auto convert) {
    for (auto v : field) {
      auto converted = convert(v);
      raw.append(reinterpret_cast<const char *>(&converted), sizeof(converted));
    }
  };
  if (tensor.data_location() == onnx::TensorProto::EXTERNAL) {
    FailureOr<std::string> data = readExternalData(tensor, what, bytes);
    if (failed(data))
      return failure();
    raw = std::move(*data);
  } else if (tensor.has_raw_data()) {
    raw = tensor.raw_data();
    if (raw.size() != bytes)
      return error(fileLoc())
             << what << ": raw_data holds " << raw.size() << " bytes but shape "
             << type << " needs " << bytes;
  } else {
    bool complex = isa<ComplexType>(element);
    int64_t values = complex ? 2 * count : count;
    switch (tensor.data_type()) {
    case onnx::TensorProto::FLOAT:
    case onnx::TensorProto::COMPLEX64:
      if (tensor.float_data_size() != values)
        return mismatch("float_data", tensor.float_data_size());
      append(tensor.float_data(), [](float v) { return v; });
      break;
    case onnx::TensorProto::DOUBLE:
    case onnx::TensorProto::COMPLEX128:
      if (tensor.double_data_size() != values)
        return mismatch("double_data", tensor.double_data_size());
      append(tensor.double_data(), [](double v) { return v; });
      break;
    case onnx::TensorProto::INT64:
      if (tensor.int64_data_size() != values)
        return mismatch("int64_data", tensor.int64_data_size());
      append(tensor.int64_data(), [](int64_t v) { return v; });
      break;
    case onnx::TensorProto::UINT32:
      if (tensor.uint64_data_size() != values)
        return mismatch("uint64_data", tensor.uint64_data_size());
      append(tensor.uint64_data(),
             [](uint64_t v) { return static_cast<uint32_t>(v); });
      break;
    case onnx::TensorProto::UINT64:
      if (tensor.uint64_data_size() != values)
        return mismatch("uint64_data", tensor.uint64_data_size());
      append(tensor.uint64_data(), [](uint64_t v) { return v; });
      break;
    case onnx::TensorProto::INT32:
      if (tensor.int32_data_size() != values)
        return mismatch("int32_data", tensor.int32_data_size());
      append(tensor.int32_data(), [](int32_t v) { return v; });
      break;
    default:
      // INT8/16, UINT8/16, BOOL, FLOAT16, BFLOAT16 travel in int32_data,
      // one element (or 16-bit pattern) per entry.
      if (tensor.int32_data_size() != values)
        return mismatch("int32_data", tensor.int32_data_size());
      for (int32_t v : tensor.int32_data())
        raw.append(reinterpret_cast<const char *>(&v), elemBytes);
      break;
    }
  }

  if (count <= options.inlineElementLimit) {
    if (element.isInteger(1)) {
      SmallVector<bool> bits;
      for (char c : raw)
        bits.push_back(c != 0);
      return ElementsAttr(DenseElementsAttr::get(type, bits));
    }
    return ElementsAttr(
        DenseElementsAttr::getFromRawBuffer(type, ArrayRef<char>(raw)));
  }
  return createResourceElements(type, blobName, ArrayRef<char>(raw));
}

FailureOr<Attribute>
OnnxImporter::convertAttribute(const onnx::AttributeProto &attr,
                               StringRef nodeName) {
  std::string what =
      "attribute '" + attr.name() + "' of node '" + nodeName.str() + "'";
  switch (attr.type()) {
  case onnx::AttributeProto::FLOAT:
    return Attribute(builder.getF32FloatAttr(attr.f()));
  case onnx::AttributeProto::INT:
    return Attribute(builder.getI64IntegerAttr(attr.i()));
  case onnx::AttributeProto::STRING:
    return Attribute(builder.getStringAttr(attr.s()));
  case onnx::AttributeProto::FLOATS:
    return Attribute(builder.getDenseF32ArrayAttr(
        SmallVector<float>(attr.floats().begin(), attr.floats().end())));
  case onnx::AttributeProto::INTS:
    return Attribute(builder.getDenseI64ArrayAttr(
        SmallVector<int64_t>(attr.ints().begin(), attr.ints().end())));
  case onnx::AttributeProto::STRINGS: {
    SmallVector<StringRef> strings(attr.strings().begin(),
                                   attr.strings().end());
    return Attribute(builder.getStrArrayAttr(strings));
  }
  case onnx::AttributeProto::TENSOR: {
    FailureOr<ElementsAttr> t = convertTensor(attr.t(), what, attr.name());
    if (failed(t))
      return failure();
    return Attribute(*t);
  }
  case onnx::AttributeProto::TENSORS: {
    SmallVector<Attribute> tensors;
    for (const auto &t : attr.tensors()) {
      FailureOr<ElementsAttr> converted = convertTensor(t, what, attr.name());
      if (failed(converted))
        return failure();
      tensors.push_back(*converted);
    }
    return Attribute(builder.getArrayAttr(tensors));
  }
  case onnx::AttributeProto::TYPE_PROTO: {
    FailureOr<Type> t = convertType(attr.tp(), what);
    if (failed(t))
      return failure();
    return Attribute(TypeAttr::get(*t));
  }
  default:
    return error(nodeLoc(nodeName))
           << what << " has unsupported type "
           << onnx::AttributeProto::AttributeType_Name(attr.type());
  }
}

LogicalResult OnnxImporter::importNode(const onnx::NodeProto &node,
                                       unsigned index) {
  StringRef name = node.name();
  std::string derived;
  if (name.empty()) {
    derived = node.output_size() && !node.output(0).empty()
                  ? node.output(0)
                  : node.op_type() + "_" + std::to_string(index);
    name = derived;
  }
  Location loc = nodeLoc(name);
  Block *block = builder.getInsertionBlock();

  SmallVector<Value> inputs;
  for (const std::string &input : node.input()) {
    if (input.empty()) {
      Value &none = noneValues[block];
      if (!none) {
        OpBuilder::InsertionGuard guard(builder);
        builder.setInsertionPointToStart(block);
        none = NoneOp::create(builder, fileLoc());
      }
      inputs.push_back(none);
      continue;
    }
    Value v = values.lookup(input);
    if (!v)
      return error(loc) << "node '" << name << "' (" << node.op_type()
                        << "): input '" << input
                        << "' is not produced by an earlier node, an "
                           "initializer or a graph input";
    inputs.push_back(v);
  }

  SmallVector<Type> resultTypes;
  for (const std::string &output : node.output()) {
    const onnx::TypeProto *type = valueTypes.lookup(output);
    if (!type) {
      // Without shape information the type is an unranked tensor of the first
      // input's element type (f32 when there is none).
      Type element = builder.getF32Type();
      for (Value in : inputs)
        if (auto t = dyn_cast<TensorType>(in.getType())) {
          element = t.getElementType();
          break;
        }
      resultTypes.push_back(UnrankedTensorType::get(element));
      continue;
    }
    std::string what = "output '" + output + "' of node '" + name.str() + "'";
    // Sequences between nodes: the import rules resolve them into the
    // tensors they hold (graph inputs and outputs stay tensors only).
    if (type->has_sequence_type() &&
        type->sequence_type().elem_type().has_tensor_type()) {
      FailureOr<Type> element =
          convertType(type->sequence_type().elem_type(), what);
      if (failed(element))
        return failure();
      resultTypes.push_back(SequenceType::get(ctx, *element));
      continue;
    }
    FailureOr<Type> t = convertType(*type, what);
    if (failed(t))
      return failure();
    resultTypes.push_back(*t);
  }

  // Graph-valued attributes become regions; the attribute records the
  // region's index.
  SmallVector<NamedAttribute> attrs;
  SmallVector<const onnx::GraphProto *> subgraphs;
  for (const auto &attr : node.attribute()) {
    if (attr.type() == onnx::AttributeProto::GRAPH) {
      attrs.push_back(builder.getNamedAttr(
          attr.name(), builder.getIndexAttr(subgraphs.size())));
      subgraphs.push_back(&attr.g());
      continue;
    }
    FailureOr<Attribute> converted = convertAttribute(attr, name);
    if (failed(converted))
      return failure();
    attrs.push_back(builder.getNamedAttr(attr.name(), *converted));
  }

  StringRef domain = node.domain();
  if (domain == "ai.onnx")
    domain = "";
  std::string opType =
      domain.empty() ? node.op_type() : (domain + "." + node.op_type()).str();
  IntegerAttr opset;
  if (auto it = opsets.find(domain); it != opsets.end())
    opset = builder.getI64IntegerAttr(it->second);
  auto op =
      NodeOp::create(builder, loc, resultTypes, builder.getStringAttr("onnx"),
                     builder.getStringAttr(opType), inputs,
                     builder.getDictionaryAttr(attrs), opset, subgraphs.size());
  // Loop and Scan bodies whose inputs lack shapes take those of the values
  // they receive.
  SmallVector<Type> argHints;
  if (opType == "Loop" && inputs.size() >= 2) {
    argHints = {RankedTensorType::get({}, builder.getI64Type()),
                RankedTensorType::get({}, builder.getI1Type())};
    for (Value in : llvm::drop_begin(inputs, 2))
      argHints.push_back(in.getType());
  } else if (opType == "Scan") {
    int64_t numScan = 0;
    for (const auto &attr : node.attribute())
      if (attr.name() == "num_scan_inputs")
        numScan = attr.i();
    int64_t numStates = static_cast<int64_t>(inputs.size()) - numScan;
    for (auto [i, in] : llvm::enumerate(inputs)) {
      auto t = dyn_cast<RankedTensorType>(in.getType());
      if (static_cast<int64_t>(i) < numStates || !t || t.getRank() == 0)
        argHints.push_back(static_cast<int64_t>(i) < numStates ? in.getType()
                                                               : Type());
      else
        argHints.push_back(RankedTensorType::get(t.getShape().drop_front(),
                                                 t.getElementType()));
    }
  }
  for (auto [region, graph] : llvm::zip(op->getRegions(), subgraphs)) {
    Block &body = region.emplaceBlock();
    OpBuilder::InsertionGuard guard(builder);
    ScopeTable::ScopeTy scope(values);
    if (failed(importGraph(*graph, body, /*topLevel=*/false, argHints)))
      return failure();
  }

  for (auto [output, result] : llvm::zip(node.output(), op->getResults()))
    if (!output.empty())
      values.insert(output, result);
  return success();
}

LogicalResult OnnxImporter::importGraph(const onnx::GraphProto &graph,
                                        Block &block, bool topLevel,
                                        ArrayRef<Type> argHints) {
  builder.setInsertionPointToEnd(&block);
  for (const auto &vi : graph.value_info())
    valueTypes[vi.name()] = &vi.type();
  for (const auto &vi : graph.output())
    valueTypes[vi.name()] = &vi.type();

  llvm::StringSet<> initialized;
  for (const auto &init : graph.initializer()) {
    std::string what = "initializer '" + init.name() + "'";
    FailureOr<ElementsAttr> value = convertTensor(init, what, init.name());
    if (failed(value))
      return failure();
    auto c = ConstantOp::create(builder, nodeLoc(init.name()), value->getType(),
                                *value, builder.getStringAttr(init.name()));
    values.insert(init.name(), c);
    initialized.insert(init.name());
  }
  for (const auto &input : graph.input()) {
    if (initialized.contains(input.name()))
      continue; // Older models list initializers among the inputs.
    FailureOr<Type> type =
        convertType(input.type(), "graph input '" + input.name() + "'");
    if (failed(type))
      return failure();
    Value v;
    if (topLevel) {
      auto placeholder = PlaceholderOp::create(builder, nodeLoc(input.name()),
                                               *type, input.name());
      // dim_param names, kept where a dimension is left to run time: equal
      // names mean equal sizes (checked when the library runs).
      if (input.type().has_tensor_type() &&
          input.type().tensor_type().has_shape()) {
        SmallVector<Attribute> dimNames;
        bool any = false;
        for (const auto &dim : input.type().tensor_type().shape().dim()) {
          bool named = dim.has_dim_param() && !dim.has_dim_value() &&
                       !dim.dim_param().empty();
          any |= named;
          dimNames.push_back(
              builder.getStringAttr(named ? dim.dim_param() : ""));
        }
        if (any)
          placeholder->setAttr("dim_names", builder.getArrayAttr(dimNames));
      }
      v = placeholder;
    } else {
      unsigned k = block.getNumArguments();
      if (!isa<RankedTensorType>(*type) && k < argHints.size() && argHints[k] &&
          getElementTypeOrSelf(argHints[k]) == getElementTypeOrSelf(*type))
        *type = argHints[k];
      v = block.addArgument(*type, nodeLoc(input.name()));
    }
    values.insert(input.name(), v);
  }
  for (auto [i, node] : llvm::enumerate(graph.node()))
    if (failed(importNode(node, i)))
      return failure();

  SmallVector<Value> outputs;
  SmallVector<StringRef> names;
  for (const auto &out : graph.output()) {
    Value v = values.lookup(out.name());
    if (!v)
      return error(fileLoc()) << "graph output '" << out.name()
                              << "' is not produced by any node, initializer "
                                 "or input";
    outputs.push_back(v);
    names.push_back(out.name());
  }
  OutputOp::create(builder, fileLoc(), outputs, builder.getStrArrayAttr(names));
  return success();
}

OwningOpRef<ModuleOp> OnnxImporter::import(const onnx::ModelProto &model) {
  for (const auto &opset : model.opset_import())
    opsets[opset.domain() == "ai.onnx" ? "" : opset.domain()] = opset.version();
  OwningOpRef<ModuleOp> module = ModuleOp::create(fileLoc());
  builder.setInsertionPointToEnd(module->getBody());
  StringRef graphName = model.graph().name();
  auto graph = GraphOp::create(
      builder, fileLoc(),
      builder.getStringAttr(graphName.empty() ? "main" : graphName),
      builder.getStringAttr("onnx"));
  Block &body = graph.getBody().emplaceBlock();
  ScopeTable::ScopeTy scope(values);
  if (failed(importGraph(model.graph(), body, /*topLevel=*/true)))
    return nullptr;
  return module;
}

/// Orders the nodes of `graph` (and of its subgraphs) so that every node
/// comes after the producers of its inputs. ONNX requires that order, but
/// exporters do not always keep it and ONNX Runtime accepts any order. A
/// stable Kahn's algorithm: nodes already in order keep it. Names not
/// produced in the graph (inputs, initializers, outer scopes) are ready from
/// the start. Returns the name of a node on a cycle, if any (the nodes then
/// keep their order for the checker to report).
std::string sortGraph(onnx::GraphProto &graph) {
  for (onnx::NodeProto &node : *graph.mutable_node())
    for (onnx::AttributeProto &attr : *node.mutable_attribute()) {
      if (attr.has_g())
        if (std::string cycle = sortGraph(*attr.mutable_g()); !cycle.empty())
          return cycle;
      for (onnx::GraphProto &g : *attr.mutable_graphs())
        if (std::string cycle = sortGraph(g); !cycle.empty())
          return cycle;
    }
  int n = graph.node_size();
  llvm::StringMap<int> producer;
  for (int i = 0; i < n; ++i)
    for (const std::string &out : graph.node(i).output())
      if (!out.empty())
        producer[out] = i;
  // The names a node reads, its subgraphs' outer-scope reads included.
  std::function<void(const onnx::NodeProto &, llvm::StringSet<> &)>
      collectReads =
          [&](const onnx::NodeProto &node, llvm::StringSet<> &reads) {
            for (const std::string &in : node.input())
              reads.insert(in);
            for (const onnx::AttributeProto &attr : node.attribute()) {
              if (attr.has_g())
                for (const onnx::NodeProto &inner : attr.g().node())
                  collectReads(inner, reads);
              for (const onnx::GraphProto &sub : attr.graphs())
                for (const onnx::NodeProto &inner : sub.node())
                  collectReads(inner, reads);
            }
          };
  std::vector<std::vector<int>> users(n);
  std::vector<int> pending(n, 0);
  bool sorted = true;
  for (int i = 0; i < n; ++i) {
    llvm::StringSet<> reads;
    collectReads(graph.node(i), reads);
    llvm::SmallDenseSet<int> deps;
    for (const auto &entry : reads) {
      auto it = producer.find(entry.getKey());
      if (it != producer.end() && it->second != i)
        deps.insert(it->second);
    }
    for (int d : deps) {
      users[d].push_back(i);
      ++pending[i];
      sorted &= d < i;
    }
  }
  if (sorted)
    return "";
  // Smallest ready index first keeps the given order where it is valid.
  std::priority_queue<int, std::vector<int>, std::greater<int>> ready;
  for (int i = 0; i < n; ++i)
    if (pending[i] == 0)
      ready.push(i);
  std::vector<int> order;
  while (!ready.empty()) {
    int i = ready.top();
    ready.pop();
    order.push_back(i);
    for (int u : users[i])
      if (--pending[u] == 0)
        ready.push(u);
  }
  if (static_cast<int>(order.size()) != n) {
    for (int i = 0; i < n; ++i)
      if (pending[i] > 0)
        return graph.node(i).name().empty() ? "#" + std::to_string(i) + " (" +
                                                  graph.node(i).op_type() + ")"
                                            : "'" + graph.node(i).name() + "'";
  }
  google::protobuf::RepeatedPtrField<onnx::NodeProto> nodes;
  nodes.Swap(graph.mutable_node());
  for (int i : order)
    *graph.add_node() = std::move(*nodes.Mutable(i));
  return "";
}

/// Applies --input-shape and --dim to the graph inputs of `model`. Returns
/// an error message, or "" on success.
std::string specializeInputs(onnx::ModelProto &model,
                             const OnnxImportOptions &options) {
  onnx::GraphProto &graph = *model.mutable_graph();
  llvm::StringSet<> initializers;
  for (const onnx::TensorProto &t : graph.initializer())
    initializers.insert(t.name());
  std::vector<onnx::ValueInfoProto *> inputs;
  for (onnx::ValueInfoProto &vi : *graph.mutable_input())
    if (!initializers.contains(vi.name()))
      inputs.push_back(&vi);
  auto inputList = [&] {
    std::string names;
    for (onnx::ValueInfoProto *vi : inputs)
      names += (names.empty() ? "'" : ", '") + vi->name() + "'";
    return names.empty() ? std::string("none") : names;
  };
  // Named dimensions fixed by --dim, or by --input-shape where the input's
  // dimension is symbolic.
  llvm::StringMap<int64_t> named;
  for (const auto &[name, value] : options.dimValues) {
    if (value < 0)
      return "--dim " + name + ": the size must not be negative";
    named[name] = value;
  }
  for (const auto &[key, dims] : options.inputShapes) {
    onnx::ValueInfoProto *input = nullptr;
    for (onnx::ValueInfoProto *vi : inputs)
      if (vi->name() == key)
        input = vi;
    if (!input && key.size() > 1 && key[0] == '#') {
      unsigned index;
      if (!StringRef(key).drop_front().getAsInteger(10, index) &&
          index < inputs.size())
        input = inputs[index];
    }
    if (!input)
      return "--input-shape: the model has no input '" + key +
             "' (its inputs: " + inputList() + ")";
    std::string what =
        "--input-shape " + key + ": input '" + input->name() + "'";
    if (!input->type().has_tensor_type())
      return what + " is not a tensor";
    onnx::TypeProto_Tensor &tensor =
        *input->mutable_type()->mutable_tensor_type();
    if (tensor.has_shape()) {
      const onnx::TensorShapeProto &shape = tensor.shape();
      if (shape.dim_size() != static_cast<int>(dims.size()))
        return what + " has rank " + std::to_string(shape.dim_size()) +
               ", the shape given has rank " + std::to_string(dims.size());
      for (int d = 0; d < shape.dim_size(); ++d) {
        const onnx::TensorShapeProto_Dimension &dim = shape.dim(d);
        if (dims[d] < 0)
          continue;
        if (dim.has_dim_value() && dim.dim_value() != dims[d])
          return what + ": dimension " + std::to_string(d) + " is " +
                 std::to_string(dim.dim_value()) + " in the model, not " +
                 std::to_string(dims[d]);
        if (dim.has_dim_param()) {
          auto [it, inserted] = named.try_emplace(dim.dim_param(), dims[d]);
          if (!inserted && it->second != dims[d])
            return what + ": dimension " + std::to_string(d) + " ('" +
                   dim.dim_param() + "') is " + std::to_string(it->second) +
                   " elsewhere, not " + std::to_string(dims[d]);
        }
      }
    }
    onnx::TensorShapeProto *shape = tensor.mutable_shape();
    while (shape->dim_size() < static_cast<int>(dims.size()))
      shape->add_dim();
    for (int d = 0; d < shape->dim_size(); ++d)
      if (dims[d] >= 0)
        shape->mutable_dim(d)->set_dim_value(dims[d]);
  }
  if (options.inputShapes.empty() && named.empty())
    return "";
  // Every input and output dimension with a fixed name takes its value.
  auto fixNamed = [&](onnx::ValueInfoProto &vi) {
    if (!vi.type().has_tensor_type() || !vi.type().tensor_type().has_shape())
      return;
    for (onnx::TensorShapeProto_Dimension &dim : *vi.mutable_type()
                                                      ->mutable_tensor_type()
                                                      ->mutable_shape()
                                                      ->mutable_dim())
      if (dim.has_dim_param())
        if (auto it = named.find(dim.dim_param()); it != named.end())
          dim.set_dim_value(it->second);
  };
  for (onnx::ValueInfoProto *vi : inputs)
    fixNamed(*vi);
  for (onnx::ValueInfoProto &vi : *graph.mutable_output())
    fixNamed(vi);
  // The recorded intermediate shapes were inferred for other inputs.
  graph.clear_value_info();
  return "";
}

} // namespace

OwningOpRef<ModuleOp>
mlir::nd4j::importOnnxModel(llvm::MemoryBufferRef buffer, MLIRContext *context,
                            const OnnxImportOptions &options) {
  context->loadDialect<Nd4jDialect>();
  StringRef path = buffer.getBufferIdentifier();
  Location fileLoc = FileLineColLoc::get(context, path, 0, 0);
  onnx::ModelProto model;
  std::string err =
      isOnnxTextModel(buffer)
          ? ::nd4j::onnx_io::parseTextModel(buffer.getBuffer().str(), model)
          : ::nd4j::onnx_io::parseBinaryModel(buffer.getBufferStart(),
                                              buffer.getBufferSize(), model);
  std::string modelDir = llvm::sys::path::parent_path(path).str();
  if (err.empty()) {
    if (std::string cycle = sortGraph(*model.mutable_graph()); !cycle.empty())
      err = "the graph has a cycle through node " + cycle;
  }
  if (err.empty())
    err = specializeInputs(model, options);
  if (err.empty() && options.runChecker) {
    // A model newer than Debian's ONNX library may still use nothing new:
    // check it as a model of the newest version the checker knows, and let
    // whatever is really unsupported fail where it is used.
    int64_t irVersion = model.ir_version();
    if (irVersion > onnx::IR_VERSION) {
      emitWarning(fileLoc) << "the model's ir_version " << irVersion
                           << " is newer than this ONNX library's ("
                           << static_cast<int>(onnx::IR_VERSION)
                           << "); checking it as version "
                           << static_cast<int>(onnx::IR_VERSION);
      model.set_ir_version(onnx::IR_VERSION);
    }
    err = ::nd4j::onnx_io::checkModel(model, modelDir.empty() ? "." : modelDir);
  }
  if (err.empty() && options.targetOpset)
    err = ::nd4j::onnx_io::convertVersion(model, *options.targetOpset);
  if (err.empty() && options.inferShapes)
    err = ::nd4j::onnx_io::inferShapes(model);
  if (!err.empty()) {
    emitError(fileLoc) << "invalid ONNX model: " << err;
    return nullptr;
  }
  OnnxImporter importer(context, path, options);
  return importer.import(model);
}
