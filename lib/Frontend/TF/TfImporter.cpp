//===- TfImporter.cpp - TensorFlow GraphDef → nd4j dialect ----------------===//
//
// GraphDef node order is arbitrary and edges are names (`node`, `node:port`,
// `^node` for a control edge), so the importer first resolves every edge,
// then orders the nodes topologically and builds the ops. A GraphDef does
// not declare how many outputs a node has or (usually) their shapes: results
// are as many as the highest consumed port needs (or `_output_shapes` lists),
// and unranked tensors of the element type the node's attributes say.
//
//===----------------------------------------------------------------------===//

#include "lib/Frontend/TF/TfImporter.h"
#include "lib/Frontend/TF/TfCondConversion.h"
#include "lib/Frontend/TensorStorage.h"

#include "dialects/Common/ControlFlow.h"
#include "dialects/Nd4j/IR/Nd4jOps.h"
#include "graph.pb.h"
#include "lib/Frontend/TF/TfProtoIO.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include <functional>
#include <map>
#include <queue>

using namespace mlir;
using namespace mlir::nd4j;
namespace tfpb = ::nd4j::tf;

std::string
mlir::nd4j::parseTfInputShapes(StringRef spec,
                               llvm::StringMap<SmallVector<int64_t>> &shapes) {
  SmallVector<StringRef> entries;
  spec.split(entries, ',', -1, /*KeepEmpty=*/false);
  for (StringRef entry : entries) {
    auto [name, dims] = entry.rsplit(':');
    if (name.empty() || name == entry)
      return ("'" + entry + "' is not name:shape").str();
    SmallVector<int64_t> shape;
    if (!dims.empty()) {
      SmallVector<StringRef> parts;
      dims.split(parts, 'x');
      for (StringRef p : parts) {
        int64_t d;
        if (p == "?" || p == "-1")
          shape.push_back(ShapedType::kDynamic);
        else if (!p.getAsInteger(10, d) && d >= 0)
          shape.push_back(d);
        else
          return ("bad dimension '" + p + "' in '" + entry + "'").str();
      }
    }
    shapes[name] = shape;
  }
  return "";
}

bool mlir::nd4j::isTfTextGraph(llvm::MemoryBufferRef buffer) {
  StringRef id = buffer.getBufferIdentifier();
  if (id.ends_with(".pbtxt") || id.ends_with(".pbtext"))
    return true;
  if (id.ends_with(".pb"))
    return false;
  // A binary GraphDef starts with byte 0x0a ('\n'), so skip whitespace and
  // look for a field name of GraphDef or a comment.
  StringRef text = buffer.getBuffer().ltrim();
  if (text.starts_with("#"))
    return true;
  for (StringRef field : {"node", "versions", "version", "library"})
    if (text.starts_with(field)) {
      StringRef rest = text.drop_front(field.size()).ltrim();
      if (rest.starts_with("{") || rest.starts_with(":"))
        return true;
    }
  return false;
}

namespace {

/// Element type of a TF DataType (reference types as their value type), or
/// null when we have no equivalent (quantized, resource, variant, float8,
/// int4).
Type convertDataType(MLIRContext *ctx, int dtype) {
  Builder b(ctx);
  if (dtype > 100)
    dtype -= 100;
  switch (dtype) {
  case tfpb::DT_FLOAT:
    return b.getF32Type();
  case tfpb::DT_DOUBLE:
    return b.getF64Type();
  case tfpb::DT_INT32:
    return b.getI32Type();
  case tfpb::DT_UINT8:
    return IntegerType::get(ctx, 8, IntegerType::Unsigned);
  case tfpb::DT_INT16:
    return b.getIntegerType(16);
  case tfpb::DT_INT8:
    return b.getIntegerType(8);
  case tfpb::DT_STRING:
    return StringType::get(ctx);
  case tfpb::DT_COMPLEX64:
    return ComplexType::get(b.getF32Type());
  case tfpb::DT_INT64:
    return b.getI64Type();
  case tfpb::DT_BOOL:
    return b.getI1Type();
  case tfpb::DT_BFLOAT16:
    return b.getBF16Type();
  case tfpb::DT_UINT16:
    return IntegerType::get(ctx, 16, IntegerType::Unsigned);
  case tfpb::DT_COMPLEX128:
    return ComplexType::get(b.getF64Type());
  case tfpb::DT_HALF:
    return b.getF16Type();
  case tfpb::DT_UINT32:
    return IntegerType::get(ctx, 32, IntegerType::Unsigned);
  case tfpb::DT_UINT64:
    return IntegerType::get(ctx, 64, IntegerType::Unsigned);
  default:
    return nullptr;
  }
}

std::string dataTypeName(int dtype) {
  if (tfpb::DataType_IsValid(dtype))
    return tfpb::DataType_Name(static_cast<tfpb::DataType>(dtype));
  return "data type " + std::to_string(dtype);
}

/// Ops that exist for their effect and produce nothing an inference graph
/// consumes: never inferred outputs.
bool isSinkOp(StringRef op) {
  return llvm::is_contained({"NoOp", "Assert", "SaveV2", "Save", "SaveSlices",
                             "MergeV2Checkpoints", "Print", "PrintV2",
                             "AssignVariableOp"},
                            op);
}

/// Ops that return booleans whatever their `T`.
bool isPredicateOp(StringRef op) {
  return llvm::is_contained(
      {"Equal", "NotEqual", "Less", "LessEqual", "Greater", "GreaterEqual",
       "LogicalAnd", "LogicalOr", "LogicalNot", "IsNan", "IsInf", "IsFinite",
       "ApproximateEqual", "InTopK", "InTopKV2", "All", "Any",
       "IsVariableInitialized", "LoopCond"},
      op);
}

struct Edge {
  unsigned node;
  unsigned port;
  bool control;
};

class TfImporter {
public:
  TfImporter(MLIRContext *ctx, StringRef path, const TfImportOptions &options)
      : ctx(ctx), builder(ctx), path(path), options(options) {}

  OwningOpRef<ModuleOp> import(const tfpb::GraphDef &graph);

private:
  Location fileLoc() {
    return FileLineColLoc::get(builder.getStringAttr(path), 0, 0);
  }
  Location nodeLoc(StringRef name) {
    return NameLoc::get(builder.getStringAttr(name), fileLoc());
  }
  InFlightDiagnostic nodeError(const tfpb::NodeDef &node) {
    return emitError(nodeLoc(node.name()))
           << "node '" << node.name() << "' (" << node.op() << "): ";
  }

  FailureOr<ElementsAttr> convertTensor(const tfpb::TensorProto &tensor,
                                        const tfpb::NodeDef &node);
  FailureOr<Attribute> convertAttr(const tfpb::AttrValue &value,
                                   const tfpb::NodeDef &node);
  Attribute convertShape(const tfpb::TensorShapeProto &shape);
  Attribute convertType(int dtype);
  FailureOr<Type> resultType(const tfpb::NodeDef &node, unsigned port,
                             ArrayRef<Value> inputs);
  LogicalResult resolveEdges(const tfpb::GraphDef &graph);
  FailureOr<SmallVector<unsigned>> order(const tfpb::GraphDef &graph);

  // Control-flow v1 loops (frames). Each Enter opens a frame named by its
  // `frame_name` inside the frame of its input, each Exit leaves one; a
  // frame becomes an nd4j.while.
  struct LoopVar {
    unsigned enter, merge, next;
    int sw = -1, exit = -1;
  };
  struct Frame {
    std::string name;
    int parent = -1; ///< -1: the graph itself
    SmallVector<unsigned> enters;
    SmallVector<LoopVar> vars;
    int loopCond = -1;
  };
  /// Assigns every node its frame and checks each frame's structure.
  LogicalResult analyzeFrames(const tfpb::GraphDef &graph);
  /// Imports the nodes of frame `frame` (-1: the graph) into the current
  /// block, each inner frame as a loop where its inputs are ready.
  LogicalResult importFrameBody(const tfpb::GraphDef &graph, int frame);
  LogicalResult importLoop(const tfpb::GraphDef &graph, int frame);
  /// Whether `node` is a frame's own bookkeeping (Enter, Merge, Switch,
  /// LoopCond, NextIteration), which importLoop handles.
  bool isFrameStructure(unsigned node) const;
  InFlightDiagnostic frameError(const Frame &f) {
    return emitError(fileLoc()) << "loop frame '" << f.name << "': ";
  }
  /// The frame directly inside `outer` that contains `frame`, or -2 when
  /// `frame` is not inside `outer`.
  int childWithin(int frame, int outer) const {
    while (frame != -1) {
      int parent = frames[frame].parent;
      if (parent == outer)
        return frame;
      frame = parent;
    }
    return -2;
  }
  std::vector<int> frameOf;
  std::vector<Frame> frames;
  std::vector<bool> wanted;
  const tfpb::GraphDef *graphDef = nullptr;
  LogicalResult importNode(const tfpb::NodeDef &node, unsigned index);

  MLIRContext *ctx;
  OpBuilder builder;
  std::string path;
  const TfImportOptions &options;

  llvm::StringMap<unsigned> nodeIndex;
  std::vector<SmallVector<Edge>> inputs;
  /// Results per node: enough for every consumed port.
  std::vector<unsigned> numResults;
  std::vector<bool> consumed;
  /// Requested outputs as (node, port).
  SmallVector<std::pair<unsigned, unsigned>> outputs;
  std::vector<SmallVector<Value>> results;
};

Attribute TfImporter::convertType(int dtype) {
  if (Type t = convertDataType(ctx, dtype))
    return TypeAttr::get(t);
  // Kept by name so that import succeeds; a rule that needs it will say so.
  return builder.getStringAttr(dataTypeName(dtype));
}

/// Known dimensions as sizes, unknown ones as -1 (TF's convention); an
/// unknown rank as the string "unknown_rank".
Attribute TfImporter::convertShape(const tfpb::TensorShapeProto &shape) {
  if (shape.unknown_rank())
    return builder.getStringAttr("unknown_rank");
  SmallVector<int64_t> dims;
  for (const auto &d : shape.dim())
    dims.push_back(d.size() < 0 ? -1 : d.size());
  return builder.getDenseI64ArrayAttr(dims);
}

FailureOr<ElementsAttr>
TfImporter::convertTensor(const tfpb::TensorProto &tensor,
                          const tfpb::NodeDef &node) {
  Type element = convertDataType(ctx, tensor.dtype());
  if (!element)
    return nodeError(node) << "unsupported dtype "
                           << dataTypeName(tensor.dtype()) << " in a tensor";
  if (tensor.tensor_shape().unknown_rank())
    return nodeError(node) << "tensor has an unknown rank";
  SmallVector<int64_t> shape;
  int64_t count = 1;
  for (const auto &d : tensor.tensor_shape().dim()) {
    if (d.size() < 0)
      return nodeError(node) << "tensor has an unknown dimension";
    shape.push_back(d.size());
    count *= d.size();
  }
  auto type = RankedTensorType::get(shape, element);

  if (isa<StringType>(element)) {
    int64_t n = tensor.string_val_size();
    if (n > count || (n == 0 && count > 0))
      return nodeError(node) << "string_val holds " << n << " values but shape "
                             << type << " needs " << count;
    // Fewer values than elements: the last one repeats (TF's splat form).
    SmallVector<StringRef> strings;
    for (int64_t i = 0; i < count; ++i)
      strings.push_back(tensor.string_val(std::min(i, n - 1)));
    return ElementsAttr(DenseElementsAttr::get(type, strings));
  }

  unsigned elemBytes = storageBytes(element);
  uint64_t bytes = static_cast<uint64_t>(count) * elemBytes;
  // The payload in TF's layout: tensor_content as parsed (weights are
  // copied once more, into their blob, and no further), or the typed
  // values expanded.
  std::string expanded;
  StringRef raw;
  if (!tensor.tensor_content().empty()) {
    raw = tensor.tensor_content();
    if (raw.size() != bytes)
      return nodeError(node)
             << "tensor_content holds " << raw.size() << " bytes but shape "
             << type << " needs " << bytes;
  } else {
    // The typed repeated field, one entry per element (complex: two).
    int64_t perElement = isa<ComplexType>(element) ? 2 : 1;
    SmallVector<char> values;
    int64_t n = 0;
    StringRef field;
    auto take = [&](const auto &repeated, auto convert, StringRef name) {
      field = name;
      n = repeated.size();
      for (auto v : repeated) {
        auto c = convert(v);
        values.append(reinterpret_cast<const char *>(&c),
                      reinterpret_cast<const char *>(&c) + sizeof(c));
      }
    };
    int dtype = tensor.dtype() > 100 ? tensor.dtype() - 100 : tensor.dtype();
    switch (dtype) {
    case tfpb::DT_FLOAT:
      take(
          tensor.float_val(), [](float v) { return v; }, "float_val");
      break;
    case tfpb::DT_DOUBLE:
      take(
          tensor.double_val(), [](double v) { return v; }, "double_val");
      break;
    case tfpb::DT_INT32:
      take(
          tensor.int_val(), [](int32_t v) { return v; }, "int_val");
      break;
    case tfpb::DT_INT16:
    case tfpb::DT_UINT16:
      take(
          tensor.int_val(), [](int32_t v) { return int16_t(v); }, "int_val");
      break;
    case tfpb::DT_INT8:
    case tfpb::DT_UINT8:
      take(
          tensor.int_val(), [](int32_t v) { return int8_t(v); }, "int_val");
      break;
    case tfpb::DT_INT64:
      take(
          tensor.int64_val(), [](int64_t v) { return v; }, "int64_val");
      break;
    case tfpb::DT_BOOL:
      take(
          tensor.bool_val(), [](bool v) { return uint8_t(v); }, "bool_val");
      break;
    case tfpb::DT_HALF:
    case tfpb::DT_BFLOAT16:
      // 16-bit patterns, one per int32 entry.
      take(
          tensor.half_val(), [](int32_t v) { return uint16_t(v); }, "half_val");
      break;
    case tfpb::DT_UINT32:
      take(
          tensor.uint32_val(), [](uint32_t v) { return v; }, "uint32_val");
      break;
    case tfpb::DT_UINT64:
      take(
          tensor.uint64_val(), [](uint64_t v) { return v; }, "uint64_val");
      break;
    case tfpb::DT_COMPLEX64:
      take(
          tensor.scomplex_val(), [](float v) { return v; }, "scomplex_val");
      break;
    case tfpb::DT_COMPLEX128:
      take(
          tensor.dcomplex_val(), [](double v) { return v; }, "dcomplex_val");
      break;
    }
    if (n % perElement != 0 || n / perElement > count)
      return nodeError(node) << field << " holds " << n << " values but shape "
                             << type << " needs " << count * perElement;
    int64_t given = n / perElement;
    if (given == 0) // TF reads no values as zeros.
      values.assign(elemBytes, 0);
    if (given <= 1 && count > 1) {
      // A splat stays one element, whatever its size.
      if (element.isInteger(1))
        return ElementsAttr(DenseElementsAttr::get(type, values[0] != 0));
      return ElementsAttr(DenseElementsAttr::getFromRawBuffer(
          type, ArrayRef<char>(values.data(), elemBytes)));
    }
    expanded.reserve(bytes);
    expanded.append(values.data(), values.size());
    // The last value repeats up to the element count.
    for (int64_t i = given; i < count; ++i)
      expanded.append(values.end() - elemBytes, values.end());
    raw = expanded;
  }

  if (count <= options.inlineElementLimit) {
    if (element.isInteger(1)) {
      SmallVector<bool> bits;
      for (char c : raw)
        bits.push_back(c != 0);
      return ElementsAttr(DenseElementsAttr::get(type, bits));
    }
    return ElementsAttr(DenseElementsAttr::getFromRawBuffer(
        type, ArrayRef<char>(raw.data(), raw.size())));
  }
  return createResourceElements(type, node.name(),
                                ArrayRef<char>(raw.data(), raw.size()));
}

FailureOr<Attribute> TfImporter::convertAttr(const tfpb::AttrValue &value,
                                             const tfpb::NodeDef &node) {
  switch (value.value_case()) {
  case tfpb::AttrValue::kS:
    return Attribute(builder.getStringAttr(value.s()));
  case tfpb::AttrValue::kI:
    return Attribute(builder.getI64IntegerAttr(value.i()));
  case tfpb::AttrValue::kF:
    return Attribute(builder.getF32FloatAttr(value.f()));
  case tfpb::AttrValue::kB:
    return Attribute(builder.getBoolAttr(value.b()));
  case tfpb::AttrValue::kType:
    return convertType(value.type());
  case tfpb::AttrValue::kShape:
    return convertShape(value.shape());
  case tfpb::AttrValue::kTensor: {
    FailureOr<ElementsAttr> t = convertTensor(value.tensor(), node);
    if (failed(t))
      return failure();
    return Attribute(*t);
  }
  case tfpb::AttrValue::kFunc:
    return Attribute(FlatSymbolRefAttr::get(ctx, value.func().name()));
  case tfpb::AttrValue::kPlaceholder:
    return Attribute(builder.getStringAttr(value.placeholder()));
  case tfpb::AttrValue::kList: {
    const auto &list = value.list();
    if (list.i_size())
      return Attribute(builder.getDenseI64ArrayAttr(
          SmallVector<int64_t>(list.i().begin(), list.i().end())));
    if (list.f_size())
      return Attribute(builder.getDenseF32ArrayAttr(
          SmallVector<float>(list.f().begin(), list.f().end())));
    if (list.b_size())
      return Attribute(builder.getDenseBoolArrayAttr(
          SmallVector<bool>(list.b().begin(), list.b().end())));
    SmallVector<Attribute> items;
    for (const auto &s : list.s())
      items.push_back(builder.getStringAttr(s));
    for (int t : list.type())
      items.push_back(convertType(t));
    for (const auto &s : list.shape())
      items.push_back(convertShape(s));
    for (const auto &t : list.tensor()) {
      FailureOr<ElementsAttr> converted = convertTensor(t, node);
      if (failed(converted))
        return failure();
      items.push_back(*converted);
    }
    for (const auto &f : list.func())
      items.push_back(FlatSymbolRefAttr::get(ctx, f.name()));
    return Attribute(builder.getArrayAttr(items));
  }
  case tfpb::AttrValue::VALUE_NOT_SET:
    break;
  }
  // An empty AttrValue (TF writes these for empty lists).
  return Attribute(builder.getArrayAttr({}));
}

FailureOr<Type> TfImporter::resultType(const tfpb::NodeDef &node, unsigned port,
                                       ArrayRef<Value> ins) {
  const auto &attrs = node.attr();
  StringRef op = node.op();
  auto typeAttr = [&](StringRef name, int dflt) -> int {
    auto it = attrs.find(std::string(name));
    if (it == attrs.end())
      return dflt;
    if (it->second.has_list())
      return port < unsigned(it->second.list().type_size())
                 ? it->second.list().type(port)
                 : dflt;
    return it->second.value_case() == tfpb::AttrValue::kType ? it->second.type()
                                                             : dflt;
  };
  // A TensorArray's handle (a resource) and flow (a float scalar that
  // orders its reads after its writes) carry no data of their own.
  if (op == "TensorArrayV3" || op == "TensorArrayWriteV3" ||
      op == "TensorArrayScatterV3" || op == "TensorArraySplitV3")
    return Type(RankedTensorType::get({}, builder.getF32Type()));
  int dtype = tfpb::DT_INVALID;
  if (op == "TensorArraySizeV3")
    dtype = tfpb::DT_INT32;
  else if (port == 1 && op == "TensorArrayConcatV3")
    dtype = tfpb::DT_INT64;
  else if (isPredicateOp(op))
    dtype = tfpb::DT_BOOL;
  else if (op == "Shape" || op == "ShapeN" || op == "Size")
    dtype = typeAttr("out_type", tfpb::DT_INT32);
  else if (op == "Rank")
    dtype = tfpb::DT_INT32;
  else if (op == "ArgMax" || op == "ArgMin")
    dtype = typeAttr("output_type", tfpb::DT_INT64);
  else if (op == "Where")
    dtype = tfpb::DT_INT64;
  else if (port == 1 && (op == "TopKV2" || op == "TopK" || op == "Merge"))
    dtype = tfpb::DT_INT32;
  else if (port == 1 && op == "Lu")
    dtype = typeAttr("output_idx_type", tfpb::DT_INT32);
  else if (port >= 1 && op.starts_with("Unique"))
    dtype = typeAttr("out_idx", tfpb::DT_INT32);
  else if (port >= 1 && op.starts_with("FusedBatchNorm"))
    dtype = typeAttr("U", typeAttr("T", tfpb::DT_INVALID));
  else if (op == "Bitcast")
    dtype = typeAttr("type", tfpb::DT_INVALID);
  else if (op == "CompareAndBitpack")
    dtype = tfpb::DT_UINT8;
  else if (op.starts_with("NonMaxSuppression"))
    // Indices and counts; V5's second output is the selected scores.
    dtype = op == "NonMaxSuppressionV5" && port == 1
                ? typeAttr("T", tfpb::DT_FLOAT)
                : tfpb::DT_INT32;
  else if (op == "ResizeBilinear" || op == "ResizeBicubic" ||
           op == "ResizeArea")
    dtype = tfpb::DT_FLOAT; // resized in float, whatever the input
  else if (op == "Multinomial")
    dtype = typeAttr("output_dtype", tfpb::DT_INT64);
  else if (op == "MaxPoolWithArgmax" && port == 1)
    dtype = typeAttr("Targmax", tfpb::DT_INT64);
  else
    for (StringRef name : {"Tout", "output_types", "out_types", "dtypes",
                           "dtype", "out_type", "DstT", "output_type", "T"}) {
      dtype = typeAttr(name, tfpb::DT_INVALID);
      if (dtype != tfpb::DT_INVALID)
        break;
    }

  Type element;
  if (dtype != tfpb::DT_INVALID) {
    element = convertDataType(ctx, dtype);
    if (!element)
      return nodeError(node) << "unsupported dtype " << dataTypeName(dtype)
                             << " for output " << port;
  } else {
    // No attribute says: the first data input's element type.
    for (Value in : ins)
      if (auto t = dyn_cast<TensorType>(in.getType())) {
        element = t.getElementType();
        break;
      }
    if (!element)
      element = builder.getF32Type();
  }

  auto shapes = attrs.find("_output_shapes");
  if (shapes != attrs.end() &&
      port < unsigned(shapes->second.list().shape_size())) {
    const auto &shape = shapes->second.list().shape(port);
    if (!shape.unknown_rank()) {
      SmallVector<int64_t> dims;
      for (const auto &d : shape.dim())
        dims.push_back(d.size() < 0 ? ShapedType::kDynamic : d.size());
      return Type(RankedTensorType::get(dims, element));
    }
  }
  return Type(UnrankedTensorType::get(element));
}

LogicalResult TfImporter::resolveEdges(const tfpb::GraphDef &graph) {
  unsigned n = graph.node_size();
  for (unsigned i = 0; i < n; ++i) {
    const auto &node = graph.node(i);
    if (node.name().empty())
      return emitError(fileLoc())
             << "node " << i << " (" << node.op() << ") has no name";
    if (!nodeIndex.try_emplace(node.name(), i).second)
      return nodeError(node) << "a second node has this name";
  }
  inputs.assign(n, {});
  numResults.assign(n, 0);
  consumed.assign(n, false);
  for (unsigned i = 0; i < n; ++i) {
    const auto &node = graph.node(i);
    auto shapes = node.attr().find("_output_shapes");
    if (shapes != node.attr().end())
      numResults[i] = shapes->second.list().shape_size();
    for (StringRef input : node.input()) {
      bool control = input.consume_front("^");
      unsigned port = 0;
      StringRef name = input;
      auto [head, tail] = input.rsplit(':');
      if (!control && head != input && !tail.getAsInteger(10, port))
        name = head;
      auto it = nodeIndex.find(name);
      if (it == nodeIndex.end())
        return nodeError(node)
               << "input '" << name << "' is not a node of the graph";
      inputs[i].push_back({it->second, port, control});
      consumed[it->second] = true;
      if (!control)
        numResults[it->second] = std::max(numResults[it->second], port + 1);
    }
  }
  return success();
}

FailureOr<SmallVector<unsigned>>
TfImporter::order(const tfpb::GraphDef &graph) {
  unsigned n = graph.node_size();
  // With explicit outputs only what they depend on is imported.
  wanted.assign(n, outputs.empty());
  if (!outputs.empty()) {
    SmallVector<unsigned> stack;
    for (auto [node, port] : outputs)
      stack.push_back(node);
    while (!stack.empty()) {
      unsigned v = stack.pop_back_val();
      if (wanted[v])
        continue;
      wanted[v] = true;
      for (const Edge &e : inputs[v])
        stack.push_back(e.node);
    }
  }
  // Control-flow v1 loops close their cycle through NextIteration → Merge:
  // frames are imported level by level instead (importFrameBody).
  if (!frames.empty())
    return SmallVector<unsigned>();
  for (unsigned i = 0; i < n; ++i)
    if (wanted[i] && graph.node(i).op() == "Merge")
      for (const Edge &e : inputs[i])
        if (graph.node(e.node).op() == "NextIteration")
          return nodeError(graph.node(i))
                 << "takes the loop back edge from NextIteration '"
                 << graph.node(e.node).name()
                 << "' outside any loop frame (no Enter leads to it)";

  // Kahn's algorithm, taking ready nodes in file order so that the output
  // follows the GraphDef where it can.
  std::vector<unsigned> pending(n, 0);
  std::vector<SmallVector<unsigned>> users(n);
  for (unsigned i = 0; i < n; ++i)
    if (wanted[i])
      for (const Edge &e : inputs[i]) {
        ++pending[i];
        users[e.node].push_back(i);
      }
  std::priority_queue<unsigned, std::vector<unsigned>, std::greater<unsigned>>
      ready;
  unsigned total = 0;
  for (unsigned i = 0; i < n; ++i)
    if (wanted[i]) {
      ++total;
      if (!pending[i])
        ready.push(i);
    }
  SmallVector<unsigned> sorted;
  while (!ready.empty()) {
    unsigned v = ready.top();
    ready.pop();
    sorted.push_back(v);
    for (unsigned u : users[v])
      if (--pending[u] == 0)
        ready.push(u);
  }
  if (sorted.size() == total)
    return sorted;

  // Walk back along unsorted inputs until a node repeats: that is a cycle.
  unsigned start = 0;
  while (!wanted[start] || !pending[start])
    ++start;
  SmallVector<unsigned> path;
  std::vector<int> seenAt(n, -1);
  unsigned v = start;
  while (seenAt[v] < 0) {
    seenAt[v] = path.size();
    path.push_back(v);
    for (const Edge &e : inputs[v])
      if (pending[e.node]) {
        v = e.node;
        break;
      }
  }
  SmallVector<std::string> cycle;
  for (unsigned i = path.size(); i-- > unsigned(seenAt[v]);)
    cycle.push_back("'" + graph.node(path[i]).name() + "'");
  return emitError(nodeLoc(graph.node(v).name()))
         << "the graph has a cycle not through NextIteration: "
         << llvm::join(cycle, " -> ") << " -> " << cycle.front();
}

bool TfImporter::isFrameStructure(unsigned node) const {
  StringRef op = graphDef->node(node).op();
  // An Exit lives in the enclosing frame; its value is the loop's result.
  if (op == "Exit")
    return true;
  return frameOf[node] != -1 &&
         llvm::is_contained({"Enter", "RefEnter", "Merge", "Switch", "LoopCond",
                             "NextIteration"},
                            op);
}

LogicalResult TfImporter::analyzeFrames(const tfpb::GraphDef &graph) {
  unsigned n = graph.node_size();
  frameOf.assign(n, -1);
  frames.clear();
  bool any = false;
  for (const auto &node : graph.node())
    any |=
        node.op() == "Enter" || node.op() == "RefEnter" || node.op() == "Exit";
  if (!any)
    return success();

  // Frames in topological order without the NextIteration → Merge edges.
  auto backEdge = [&](unsigned to, const Edge &e) {
    return graph.node(to).op() == "Merge" &&
           graph.node(e.node).op() == "NextIteration";
  };
  std::vector<unsigned> pending(n, 0);
  std::vector<SmallVector<unsigned>> users(n);
  for (unsigned i = 0; i < n; ++i)
    for (const Edge &e : inputs[i])
      if (!backEdge(i, e)) {
        ++pending[i];
        users[e.node].push_back(i);
      }
  std::queue<unsigned> ready;
  for (unsigned i = 0; i < n; ++i)
    if (!pending[i])
      ready.push(i);
  std::map<std::pair<int, std::string>, int> byName;
  std::vector<bool> done(n, false);
  while (!ready.empty()) {
    unsigned v = ready.front();
    ready.pop();
    done[v] = true;
    const auto &node = graph.node(v);
    StringRef op = node.op();
    const Edge *first = nullptr;
    for (const Edge &e : inputs[v])
      if (!backEdge(v, e)) {
        first = &e;
        break;
      }
    int frame = first ? frameOf[first->node] : -1;
    if (op == "Enter" || op == "RefEnter") {
      auto it = node.attr().find("frame_name");
      if (it == node.attr().end() || it->second.s().empty())
        return nodeError(node) << "has no frame_name";
      auto [entry, inserted] =
          byName.try_emplace({frame, it->second.s()}, frames.size());
      if (inserted) {
        Frame f;
        f.name = it->second.s();
        f.parent = frame;
        frames.push_back(f);
      }
      frame = entry->second;
      frames[frame].enters.push_back(v);
    } else if (op == "Exit") {
      if (frame == -1)
        return nodeError(node) << "leaves no loop frame (no Enter leads to it)";
      frame = frames[frame].parent;
    } else {
      // Every data input comes from this frame or an enclosing one.
      for (const Edge &e : inputs[v]) {
        if (e.control || backEdge(v, e))
          continue;
        int from = frameOf[e.node];
        if (from != frame && childWithin(frame, from) == -2 &&
            childWithin(from, frame) != -2)
          return nodeError(node) << "reads '" << graph.node(e.node).name()
                                 << "' inside loop frame '" << frames[from].name
                                 << "' without an Exit";
        if (childWithin(from, frame) != -2 || from == frame)
          continue;
        // From an enclosing frame: a captured value (TF would Enter it).
      }
    }
    frameOf[v] = frame;
    for (unsigned u : users[v])
      if (--pending[u] == 0)
        ready.push(u);
  }
  for (unsigned i = 0; i < n; ++i)
    if (!done[i])
      return nodeError(graph.node(i))
             << "is on a cycle that does not close through a loop's "
                "NextIteration and Merge";

  // Each frame's loop variables: Merge(Enter, NextIteration) → Switch on
  // the LoopCond → (body, Exit).
  for (unsigned i = 0; i < n; ++i) {
    int frame = frameOf[i];
    const auto &node = graph.node(i);
    if (frame == -1)
      continue;
    Frame &f = frames[frame];
    if (node.op() == "LoopCond") {
      if (f.loopCond != -1)
        return frameError(f)
               << "has two LoopCond nodes ('" << graph.node(f.loopCond).name()
               << "' and '" << node.name() << "')";
      f.loopCond = i;
    } else if (node.op() == "Merge") {
      SmallVector<Edge> data;
      for (const Edge &e : inputs[i])
        if (!e.control)
          data.push_back(e);
      int enter = -1, next = -1;
      for (const Edge &e : data) {
        StringRef op = graph.node(e.node).op();
        if (op == "Enter" || op == "RefEnter")
          enter = e.node;
        else if (op == "NextIteration")
          next = e.node;
      }
      if (data.size() != 2 || enter == -1 || next == -1)
        return frameError(f)
               << "Merge '" << node.name()
               << "' does not join an Enter and a NextIteration (a "
                  "conditional inside a loop is not supported yet)";
      f.vars.push_back({unsigned(enter), i, unsigned(next)});
    }
  }
  for (Frame &f : frames) {
    if (f.loopCond == -1)
      return frameError(f) << "has no LoopCond";
    for (LoopVar &var : f.vars)
      for (unsigned i = 0; i < n; ++i) {
        const auto &node = graph.node(i);
        if (node.op() == "Switch" && !inputs[i].empty() &&
            inputs[i][0].node == var.merge) {
          if (inputs[i].size() < 2 || inputs[i][1].node != unsigned(f.loopCond))
            return frameError(f) << "Switch '" << node.name()
                                 << "' of a loop variable is not on the "
                                    "frame's LoopCond";
          var.sw = i;
        }
      }
    for (unsigned i = 0; i < n; ++i) {
      const auto &node = graph.node(i);
      if (node.op() != "Exit" || inputs[i].empty())
        continue;
      unsigned from = inputs[i][0].node;
      for (LoopVar &var : f.vars)
        if (int(from) == var.sw) {
          if (inputs[i][0].port != 0)
            return frameError(f) << "Exit '" << node.name()
                                 << "' takes the Switch's true (body) "
                                    "output";
          var.exit = i;
        }
    }
    // Switches of this frame that no loop variable owns, and NextIteration
    // nodes feeding no Merge, are malformed.
    for (unsigned i = 0; i < n; ++i) {
      if (frameOf[i] == -1 || &frames[frameOf[i]] != &f)
        continue;
      StringRef op = graph.node(i).op();
      if (op == "Switch" && llvm::none_of(f.vars, [&](const LoopVar &v) {
            return v.sw == int(i);
          }))
        return frameError(f) << "Switch '" << graph.node(i).name()
                             << "' is not on a loop variable (a "
                                "conditional inside a loop is not "
                                "supported yet)";
      if (op == "NextIteration" &&
          llvm::none_of(f.vars, [&](const LoopVar &v) { return v.next == i; }))
        return frameError(f) << "NextIteration '" << graph.node(i).name()
                             << "' feeds no Merge of the frame";
    }
  }
  return success();
}

LogicalResult TfImporter::importFrameBody(const tfpb::GraphDef &graph,
                                          int frame) {
  unsigned n = graph.node_size();
  // Units: this frame's nodes (not its bookkeeping) and the frames directly
  // inside it (numbered n + frame index).
  auto unitOf = [&](unsigned node) -> int {
    int f = frameOf[node];
    // An Exit stands for the loop it leaves.
    if (graph.node(node).op() == "Exit" && !inputs[node].empty())
      f = frameOf[inputs[node][0].node];
    if (f == frame)
      return isFrameStructure(node) ? -1 : int(node);
    int child = childWithin(f, frame);
    return child >= 0 ? int(n) + child : -1; // enclosing: already there
  };
  std::map<int, SmallVector<int>> deps;
  SmallVector<int> units;
  for (unsigned i = 0; i < n; ++i)
    if (wanted[i] && frameOf[i] == frame && !isFrameStructure(i))
      units.push_back(i);
  for (auto [k, f] : llvm::enumerate(frames))
    if (f.parent == frame)
      units.push_back(int(n) + int(k));
  for (int u : units) {
    SmallVector<int> &d = deps[u];
    if (u < int(n)) {
      for (const Edge &e : inputs[u])
        if (int from = unitOf(e.node); from >= 0 && from != u)
          d.push_back(from);
      continue;
    }
    // A loop needs what its Enters read (from this frame).
    std::function<void(int)> collect = [&](int f) {
      for (unsigned enter : frames[f].enters)
        for (const Edge &e : inputs[enter])
          if (int from = unitOf(e.node); from >= 0 && from != u)
            d.push_back(from);
      for (auto [k, inner] : llvm::enumerate(frames))
        if (inner.parent == f)
          collect(k);
    };
    collect(u - int(n));
  }
  // Kahn's algorithm, file order among ready units (frames after nodes).
  std::map<int, unsigned> pending;
  std::map<int, SmallVector<int>> users;
  for (int u : units) {
    pending[u] = 0;
    for (int d : deps[u])
      if (llvm::is_contained(units, d)) {
        ++pending[u];
        users[d].push_back(u);
      }
  }
  std::priority_queue<int, std::vector<int>, std::greater<int>> ready;
  for (int u : units)
    if (!pending[u])
      ready.push(u);
  unsigned count = 0;
  while (!ready.empty()) {
    int u = ready.top();
    ready.pop();
    ++count;
    if (u < int(n)) {
      if (failed(importNode(graph.node(u), u)))
        return failure();
    } else if (failed(importLoop(graph, u - int(n)))) {
      return failure();
    }
    for (int v : users[u])
      if (--pending[v] == 0)
        ready.push(v);
  }
  if (count != units.size()) {
    for (int u : units)
      if (pending[u] && u < int(n))
        return nodeError(graph.node(u))
               << "is on a cycle that does not close through a loop's "
                  "NextIteration and Merge";
    return emitError(fileLoc()) << "loop frames depend on each other in a "
                                   "cycle";
  }
  return success();
}

LogicalResult TfImporter::importLoop(const tfpb::GraphDef &graph, int frame) {
  const Frame &f = frames[frame];
  Location loc = nodeLoc(graph.node(f.loopCond).name());
  // The value of `node`'s first data input (control edges only order).
  auto firstInput = [&](unsigned node) -> Value {
    for (const Edge &e : inputs[node])
      if (!e.control)
        return e.port < results[e.node].size() ? results[e.node][e.port]
                                               : Value();
    return Value();
  };
  // Enters forward outer values; a loop variable's Enter is its start.
  for (unsigned enter : f.enters) {
    Value v = firstInput(enter);
    if (!v)
      return nodeError(graph.node(enter)) << "has no input value";
    results[enter] = {v};
  }
  SmallVector<Value> inits;
  SmallVector<Type> types;
  for (const LoopVar &var : f.vars) {
    Value init = results[var.enter][0];
    Type type = init.getType();
    // The Merge's recorded shape, where it says more (or less: a value
    // whose size changes between iterations is `?` there).
    FailureOr<Type> recorded =
        resultType(graph.node(var.merge), 0, ArrayRef<Value>(init));
    if (succeeded(recorded) && isa<RankedTensorType>(*recorded) &&
        isCompatibleCarriedType(init.getType(), *recorded))
      type = *recorded;
    // Unranked (no recorded shape, an untyped generic node): the import
    // rules give it its start's type before they rewrite the body.
    inits.push_back(init);
    types.push_back(type);
  }
  auto loop = WhileOp::create(builder, loc, types, inits);
  SmallVector<Location> locs(types.size(), loc);

  // The condition region: what the LoopCond's predicate needs.
  Block *before = builder.createBlock(&loop.getBefore(), {}, types, locs);
  for (auto [k, var] : llvm::enumerate(f.vars))
    results[var.merge] = {before->getArgument(k)};
  {
    unsigned n = graph.node_size();
    std::vector<bool> cone(n, false);
    SmallVector<unsigned> stack;
    for (const Edge &e : inputs[f.loopCond])
      stack.push_back(e.node);
    while (!stack.empty()) {
      unsigned v = stack.pop_back_val();
      if (cone[v] || frameOf[v] != frame || isFrameStructure(v))
        continue;
      cone[v] = true;
      for (const Edge &e : inputs[v])
        stack.push_back(e.node);
    }
    for (auto [k, inner] : llvm::enumerate(frames))
      if (inner.parent == frame)
        for (unsigned i = 0; i < n; ++i)
          if (cone[i] && childWithin(frameOf[i], frame) == int(k))
            return frameError(f)
                   << "computes its loop condition with an inner loop";
    // File order is topological here only by luck: sort the cone.
    SmallVector<unsigned> order;
    std::vector<bool> placed(n, false);
    std::function<void(unsigned)> place = [&](unsigned v) {
      if (placed[v] || !cone[v])
        return;
      placed[v] = true;
      for (const Edge &e : inputs[v])
        place(e.node);
      order.push_back(v);
    };
    for (unsigned i = 0; i < n; ++i)
      place(i);
    for (unsigned v : order)
      if (failed(importNode(graph.node(v), v)))
        return failure();
    Value cond = firstInput(f.loopCond);
    if (!cond)
      return nodeError(graph.node(f.loopCond)) << "has no predicate";
    ConditionOp::create(builder, loc, cond, before->getArguments());
  }

  // The body: the frame's other nodes, inner loops included.
  Block *after = builder.createBlock(&loop.getAfter(), {}, types, locs);
  for (auto [k, var] : llvm::enumerate(f.vars)) {
    results[var.merge] = {after->getArgument(k)};
    if (var.sw >= 0)
      results[var.sw] = {after->getArgument(k), after->getArgument(k)};
  }
  if (failed(importFrameBody(graph, frame)))
    return failure();
  SmallVector<Value> next;
  for (const LoopVar &var : f.vars) {
    Value v = firstInput(var.next);
    if (!v)
      return nodeError(graph.node(var.next)) << "has no input value";
    next.push_back(v);
  }
  YieldOp::create(builder, loc, next);
  builder.setInsertionPointAfter(loop);
  for (auto [k, var] : llvm::enumerate(f.vars))
    if (var.exit >= 0)
      results[var.exit] = {loop.getResult(k)};
  return success();
}

LogicalResult TfImporter::importNode(const tfpb::NodeDef &node,
                                     unsigned index) {
  Location loc = nodeLoc(node.name());
  SmallVector<Value> ins;
  for (const Edge &e : inputs[index]) {
    if (e.control)
      continue; // Ordering is all a control edge means here.
    if (e.port >= results[e.node].size())
      return nodeError(node)
             << "an input names port " << e.port << " of a node with "
             << results[e.node].size() << " output(s)";
    ins.push_back(results[e.node][e.port]);
  }
  StringRef op = node.op();
  const auto &attrs = node.attr();

  if (op == "Const") {
    auto value = attrs.find("value");
    if (value == attrs.end() || !value->second.has_tensor())
      return nodeError(node) << "has no tensor 'value' attribute";
    FailureOr<ElementsAttr> tensor =
        convertTensor(value->second.tensor(), node);
    if (failed(tensor))
      return failure();
    auto c = ConstantOp::create(builder, loc, tensor->getType(), *tensor,
                                builder.getStringAttr(node.name()));
    results[index].push_back(c);
    return success();
  }

  if (op == "Placeholder" || op == "PlaceholderWithDefault") {
    auto dtype = attrs.find("dtype");
    Type element = dtype == attrs.end()
                       ? Type()
                       : convertDataType(ctx, dtype->second.type());
    if (!element)
      return nodeError(node)
             << "unsupported dtype "
             << dataTypeName(dtype == attrs.end() ? 0 : dtype->second.type());
    Type type = UnrankedTensorType::get(element);
    auto override = options.inputShapes.find(node.name());
    auto shape = attrs.find("shape");
    if (override != options.inputShapes.end()) {
      type = RankedTensorType::get(override->second, element);
    } else if (shape != attrs.end() && shape->second.has_shape() &&
               !shape->second.shape().unknown_rank()) {
      SmallVector<int64_t> dims;
      for (const auto &d : shape->second.shape().dim())
        dims.push_back(d.size() < 0 ? ShapedType::kDynamic : d.size());
      type = RankedTensorType::get(dims, element);
    }
    results[index].push_back(
        PlaceholderOp::create(builder, loc, type, node.name()));
    return success();
  }

  unsigned count = numResults[index];
  if (count == 0 && !isSinkOp(op))
    count = 1;
  SmallVector<Type> types;
  for (unsigned port = 0; port < count; ++port) {
    FailureOr<Type> t = resultType(node, port, ins);
    if (failed(t))
      return failure();
    types.push_back(*t);
  }
  SmallVector<NamedAttribute> converted;
  for (const auto &[name, value] : attrs) {
    FailureOr<Attribute> a = convertAttr(value, node);
    if (failed(a))
      return failure();
    converted.push_back(builder.getNamedAttr(name, *a));
  }
  auto nodeOp = NodeOp::create(builder, loc, types, builder.getStringAttr("tf"),
                               builder.getStringAttr(op), ins,
                               builder.getDictionaryAttr(converted),
                               IntegerAttr(), /*subgraphs=*/0);
  results[index].append(nodeOp->result_begin(), nodeOp->result_end());
  return success();
}

OwningOpRef<ModuleOp> TfImporter::import(const tfpb::GraphDef &graph) {
  graphDef = &graph;
  if (failed(resolveEdges(graph)))
    return nullptr;
  for (const std::string &spec : options.outputs) {
    StringRef name = spec;
    unsigned port = 0;
    auto [head, tail] = name.rsplit(':');
    if (head != name && !tail.getAsInteger(10, port))
      name = head;
    auto it = nodeIndex.find(name);
    if (it == nodeIndex.end()) {
      emitError(fileLoc()) << "output '" << spec
                           << "' is not a node of the graph";
      return nullptr;
    }
    outputs.push_back({it->second, port});
    numResults[it->second] = std::max(numResults[it->second], port + 1);
  }
  for (const auto &[name, shape] : options.inputShapes) {
    auto it = nodeIndex.find(name);
    if (it == nodeIndex.end() ||
        !StringRef(graph.node(it->second).op()).starts_with("Placeholder")) {
      emitError(fileLoc()) << "input shape given for '" << name
                           << "', which is not a Placeholder of the graph";
      return nullptr;
    }
  }
  if (outputs.empty())
    for (unsigned i = 0, e = graph.node_size(); i < e; ++i)
      if (!consumed[i] && !isSinkOp(graph.node(i).op()))
        for (unsigned port = 0; port < std::max(numResults[i], 1u); ++port)
          outputs.push_back({i, port});

  if (failed(analyzeFrames(graph)))
    return nullptr;
  // Outputs live in the graph, not inside a loop.
  if (!frames.empty())
    llvm::erase_if(outputs, [&](std::pair<unsigned, unsigned> o) {
      return frameOf[o.first] != -1;
    });
  FailureOr<SmallVector<unsigned>> sorted = order(graph);
  if (failed(sorted))
    return nullptr;

  OwningOpRef<ModuleOp> module = ModuleOp::create(fileLoc());
  builder.setInsertionPointToEnd(module->getBody());
  auto graphOp =
      GraphOp::create(builder, fileLoc(), builder.getStringAttr("main"),
                      builder.getStringAttr("tf"));
  builder.setInsertionPointToEnd(&graphOp.getBody().emplaceBlock());
  results.assign(graph.node_size(), {});
  if (!frames.empty()) {
    if (failed(importFrameBody(graph, -1)))
      return nullptr;
  } else {
    for (unsigned i : *sorted)
      if (failed(importNode(graph.node(i), i)))
        return nullptr;
  }

  SmallVector<Value> values;
  SmallVector<std::string> names;
  for (auto [node, port] : outputs) {
    const std::string &name = graph.node(node).name();
    if (port >= results[node].size()) {
      emitError(nodeLoc(name))
          << "output '" << name << ":" << port << "' does not exist";
      return nullptr;
    }
    values.push_back(results[node][port]);
    names.push_back(port ? name + ":" + std::to_string(port) : name);
  }
  SmallVector<StringRef> nameRefs(names.begin(), names.end());
  OutputOp::create(builder, fileLoc(), values,
                   builder.getStrArrayAttr(nameRefs));
  return module;
}

} // namespace

OwningOpRef<ModuleOp>
mlir::nd4j::importTfGraph(llvm::MemoryBufferRef buffer, MLIRContext *context,
                          const TfImportOptions &options) {
  context->loadDialect<Nd4jDialect>();
  StringRef path = buffer.getBufferIdentifier();
  tfpb::GraphDef graph;
  bool text = isTfTextGraph(buffer);
  std::string err =
      text ? tfpb::tf_io::parseTextGraph(buffer.getBufferStart(),
                                         buffer.getBufferSize(), graph)
           : tfpb::tf_io::parseBinaryGraph(buffer.getBufferStart(),
                                           buffer.getBufferSize(), graph);
  if (!err.empty()) {
    emitError(FileLineColLoc::get(context, path, 0, 0))
        << "invalid TensorFlow GraphDef (" << (text ? "text" : "binary")
        << "): " << err;
    return nullptr;
  }
  TfCondError condError;
  if (!convertTfConditionals(graph, condError)) {
    emitError(NameLoc::get(StringAttr::get(context, condError.node),
                           FileLineColLoc::get(context, path, 0, 0)))
        << "node '" << condError.node << "' (" << condError.op
        << "): " << condError.reason;
    return nullptr;
  }
  TfImporter importer(context, path, options);
  return importer.import(graph);
}
