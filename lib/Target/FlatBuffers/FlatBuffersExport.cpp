//===- FlatBuffersExport.cpp - nd4j_exec → SameDiff FlatGraph ------------===//
//
// Writes an nd4j_exec graph as SameDiff writes its own (SameDiff.asFlatBuffers,
// samediff-flatbuffers.md §4): one id counter shared by variables and nodes,
// variables in graph order with each node's outputs after it, nodes in graph
// (topological) order with inputs as (id, output index) pairs, every vector
// present even when empty, array payloads big-endian.
//
// Weights are never copied into the builder: their space is reserved
// (untouched, so it costs no memory) and filled while the finished buffer is
// streamed out, straight from the attribute's storage, byte-swapped on the
// way. The builder is sized up front so that it never reallocates.
//
//===----------------------------------------------------------------------===//

#include "lib/Target/FlatBuffers/FlatBuffers.h"

#include "SameDiff_generated.h"
#include "dialects/Common/OpDescriptor.h"
#include "dialects/Exec/IR/ExecOps.h"
#include "dialects/Nd4j/IR/Nd4jDialect.h"
#include "lib/Target/FlatBuffers/FlatArray.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/bit.h"
#include "llvm/Support/SwapByteOrder.h"
#include <cstring>
#include <deque>

using namespace mlir;
using namespace mlir::nd4j;
namespace sd = ::nd4j::samediff;
using flatbuffers::Offset;
using flatbuffers::String;
using flatbuffers::Vector;

namespace {

/// FlatBuffers offsets are 32-bit: a file stays under 2 GiB.
constexpr uint64_t kMaxFileBytes = FLATBUFFERS_MAX_BUFFER_SIZE;

/// An array payload whose space is reserved in the builder and whose bytes
/// are produced while the buffer is written out.
struct Payload {
  /// Distance of the payload's first byte from the end of the buffer; stays
  /// valid as the builder grows downwards.
  size_t distanceFromEnd;
  /// Source elements in host order: `count` of them, or one when `splat`.
  ArrayRef<char> source;
  int64_t count;
  unsigned elementBytes;
  bool splat;
  bool isBool;
};

/// Where an array's elements live.
struct ArrayData {
  ArrayRef<char> bytes;
  bool splat = false;
  bool isBool = false;
};

class Exporter {
public:
  explicit Exporter(exec::GraphOp graph) : graph(graph) {}
  LogicalResult run(llvm::raw_ostream &os);

private:
  LogicalResult plan();
  FailureOr<ArrayData> getArrayData(ElementsAttr value, Operation *op,
                                    StringRef name);
  FailureOr<Offset<sd::FlatArray>> writeArray(ElementsAttr value, Operation *op,
                                              StringRef name);
  FailureOr<int8_t> getDType(Type type, Operation *op, StringRef name);
  Offset<sd::IntPair> pair(std::pair<int, int> id) {
    return sd::CreateIntPair(*builder, id.first, id.second);
  }
  LogicalResult writeVariableOp(Operation *op);
  LogicalResult writeNode(exec::NodeOp node);
  void stream(llvm::raw_ostream &os);

  exec::GraphOp graph;
  /// Created by run() once plan() knows how large the file will be.
  std::unique_ptr<flatbuffers::FlatBufferBuilder> builder;

  std::vector<Payload> payloads;
  /// Element storage made here (bit-packed booleans unpacked to bytes).
  std::deque<std::vector<char>> owned;
  llvm::DenseMap<Value, std::pair<int, int>> ids;
  int nextId = 0;
  std::vector<Offset<sd::FlatVariable>> variables;
  std::vector<Offset<sd::FlatNode>> nodes;
  std::vector<Offset<String>> placeholders;
  /// Names of nodes and of output variables, explicit or derived.
  llvm::DenseMap<Operation *, std::string> nodeNames;
  llvm::DenseMap<Operation *, SmallVector<std::string>> outputNames;
  uint64_t reserveBytes = 0;
};

} // namespace

// Shorthand for the builder in the member functions below.
#define FBB (*builder)

/// The node name a location carries (NameLoc, possibly fused), or null.
static StringAttr getLocationName(Location loc) {
  if (auto name = dyn_cast<NameLoc>(loc))
    return name.getName();
  if (auto fused = dyn_cast<FusedLoc>(loc))
    for (Location inner : fused.getLocations())
      if (StringAttr name = getLocationName(inner))
        return name;
  return {};
}

/// A string stored in the file.
static Offset<String> str(flatbuffers::FlatBufferBuilder &fbb, StringRef s) {
  return fbb.CreateString(s.data(), s.size());
}

/// A vector of scalars stored in the file.
template <typename T>
static Offset<Vector<T>> vec(flatbuffers::FlatBufferBuilder &fbb,
                             ArrayRef<T> v) {
  return fbb.CreateVector(v.data(), v.size());
}

FailureOr<int8_t> Exporter::getDType(Type type, Operation *op, StringRef name) {
  Type element = type;
  if (auto shaped = dyn_cast<ShapedType>(type))
    element = shaped.getElementType();
  if (std::optional<int8_t> dtype = getSameDiffDType(element))
    return *dtype;
  return op->emitError("variable '")
         << name << "' has element type " << element
         << ", which SameDiff FlatBuffers cannot store (supported: i1, "
            "i8-i64, ui8-ui64, f16, bf16, f32, f64, !nd4j.string)";
}

/// Unique names for the nodes and their output variables, chosen before
/// anything is written: explicit names first, then derived ones that avoid
/// them. A node without `name` is named for its location, else for its op;
/// output k of node N without an explicit name is "N" (k = 0) or "N:k".
LogicalResult Exporter::plan() {
  llvm::StringSet<> nodeSeen, varSeen;
  Block &body = graph.getBody().front();
  for (Operation &op : body) {
    if (auto p = dyn_cast<exec::PlaceholderOp>(op))
      varSeen.insert(p.getName());
    else if (auto c = dyn_cast<exec::ConstantOp>(op))
      varSeen.insert(c.getName());
    else if (auto v = dyn_cast<exec::VariableOp>(op))
      varSeen.insert(v.getName());
    else if (auto n = dyn_cast<exec::NodeOp>(op)) {
      if (n.getName())
        nodeSeen.insert(*n.getName());
      if (auto outs = n.getOutputNames())
        for (StringRef s : outs->getAsValueRange<StringAttr>())
          if (!s.empty())
            varSeen.insert(s);
    }
  }
  auto freshName = [](llvm::StringSet<> &seen, StringRef base) {
    std::string name = base.str();
    for (unsigned i = 1; !seen.insert(name).second; ++i)
      name = (base + "_" + Twine(i)).str();
    return name;
  };
  for (Operation &op : body) {
    auto n = dyn_cast<exec::NodeOp>(op);
    if (!n)
      continue;
    std::string name;
    if (n.getName()) {
      name = n.getName()->str();
    } else {
      StringAttr locName = getLocationName(n.getLoc());
      name = freshName(nodeSeen, locName ? locName.getValue() : n.getOpName());
    }
    SmallVector<std::string> outs;
    for (unsigned k = 0; k < n.getNumResults(); ++k) {
      StringRef explicitName;
      if (auto names = n.getOutputNames())
        explicitName = cast<StringAttr>((*names)[k]).getValue();
      if (!explicitName.empty()) {
        outs.push_back(explicitName.str());
        continue;
      }
      std::string base = k == 0 ? name : name + ":" + std::to_string(k);
      outs.push_back(freshName(varSeen, base));
    }
    nodeNames[&op] = std::move(name);
    outputNames[&op] = std::move(outs);
  }

  // Size the builder for everything it will hold, and refuse graphs that do
  // not fit a FlatBuffer before writing anything.
  uint64_t payloadBytes = 0, metaBytes = 4096;
  auto addArray = [&](ShapedType type) {
    uint64_t count = type.getNumElements();
    unsigned bytes = std::max<unsigned>(
        1, getSameDiffDType(type.getElementType())
               ? getDTypeSize(*getSameDiffDType(type.getElementType()))
               : 8);
    payloadBytes += count * bytes + 32;
    metaBytes += 96 + 24 * type.getRank();
  };
  auto addStrings = [&](std::optional<ArrayAttr> a) {
    if (a)
      for (Attribute s : *a)
        metaBytes += 16 + cast<StringAttr>(s).size();
  };
  for (Operation &op : body) {
    metaBytes += 256;
    if (auto c = dyn_cast<exec::ConstantOp>(op)) {
      addArray(c.getType());
      metaBytes += c.getName().size();
    } else if (auto v = dyn_cast<exec::VariableOp>(op)) {
      addArray(v.getType());
      metaBytes += v.getName().size();
    } else if (auto p = dyn_cast<exec::PlaceholderOp>(op)) {
      metaBytes += 64 + p.getName().size() + 8 * 8;
      if (auto r = dyn_cast<RankedTensorType>(p.getType()))
        metaBytes += 8 * r.getRank();
    } else if (auto n = dyn_cast<exec::NodeOp>(op)) {
      metaBytes += 256 + 2 * nodeNames[&op].size() + n.getOpName().size();
      metaBytes += 32 * n.getNumOperands();
      for (auto [k, result] : llvm::enumerate(n.getResults())) {
        metaBytes += 160 + 2 * outputNames[&op][k].size();
        if (auto r = dyn_cast<RankedTensorType>(result.getType()))
          metaBytes += 8 * r.getRank();
      }
      if (auto a = n.getTArgs())
        metaBytes += 8 * a->size() + 8;
      if (auto a = n.getIArgs())
        metaBytes += 8 * a->size() + 8;
      if (auto a = n.getAxis())
        metaBytes += 4 * a->size() + 8;
      if (auto a = n.getBArgs())
        metaBytes += a->size() + 8;
      if (auto a = n.getDArgs())
        metaBytes += a->size() + 8;
      addStrings(n.getSArgs());
      if (auto s = n.getScalar())
        addArray(cast<ShapedType>(s->getType()));
    }
  }
  addStrings(graph.getLossVariables());
  if (auto tc = graph.getTrainingConfig())
    metaBytes += tc->size() + 8;
  reserveBytes = payloadBytes + metaBytes;
  if (reserveBytes > kMaxFileBytes)
    return graph.emitError("graph '")
           << graph.getSymName() << "' needs about " << reserveBytes
           << " bytes (" << payloadBytes
           << " of array data), more than the 2 GiB (2147483647 bytes) a "
              "SameDiff FlatBuffers file can hold";
  return success();
}

FailureOr<ArrayData> Exporter::getArrayData(ElementsAttr value, Operation *op,
                                            StringRef name) {
  auto type = cast<ShapedType>(value.getType());
  Type element = type.getElementType();
  int64_t count = type.getNumElements();
  ArrayData data;
  data.isBool = element.isInteger(1);
  if (auto resource = dyn_cast<DenseResourceElementsAttr>(value)) {
    AsmResourceBlob *blob = resource.getRawHandle().getBlob();
    if (!blob)
      return op->emitError("constant '")
             << name << "' refers to resource '"
             << resource.getRawHandle().getKey() << "', which holds no data";
    data.bytes = blob->getData();
    uint64_t expected =
        static_cast<uint64_t>(count) * getDTypeSize(*getSameDiffDType(element));
    if (data.bytes.size() != expected)
      return op->emitError("constant '")
             << name << "' has " << data.bytes.size()
             << " bytes of resource data, its type needs " << expected;
    return data;
  }
  if (auto dense = dyn_cast<DenseElementsAttr>(value)) {
    data.splat = dense.isSplat();
    if (data.isBool) {
      // DenseElementsAttr packs i1 values into bits; SameDiff wants bytes.
      std::vector<char> &bytes = owned.emplace_back();
      if (data.splat)
        bytes.push_back(dense.getSplatValue<bool>());
      else
        for (bool b : dense.getValues<bool>())
          bytes.push_back(b);
      data.bytes = bytes;
      return data;
    }
    data.bytes = dense.getRawData();
    return data;
  }
  return op->emitError("constant '")
         << name << "' stores its value as " << value
         << "; the FlatBuffers writer reads dense and dense_resource "
            "elements only";
}

FailureOr<Offset<sd::FlatArray>>
Exporter::writeArray(ElementsAttr value, Operation *op, StringRef name) {
  auto type = cast<ShapedType>(value.getType());
  FailureOr<int8_t> dtype = getDType(type, op, name);
  if (failed(dtype))
    return failure();
  FailureOr<ArrayData> data = getArrayData(value, op, name);
  if (failed(data))
    return failure();
  int64_t count = type.getNumElements();
  unsigned elementBytes = getDTypeSize(*dtype);
  SmallVector<int64_t> info = makeShapeInfo(type.getShape(), *dtype);
  auto shapeInfo = vec<int64_t>(FBB, info);
  Offset<Vector<int8_t>> buffer = 0;
  if (isa<StringType>(type.getElementType())) {
    // Strings are few and small: their UTF8 buffer is built here.
    auto dense = dyn_cast<DenseElementsAttr>(value);
    if (!dense)
      return op->emitError("constant '")
             << name << "' stores its strings as " << value
             << "; the FlatBuffers writer reads dense strings only";
    SmallVector<StringRef> strings(dense.getValues<StringRef>());
    std::vector<char> bytes = encodeUtf8Buffer(strings);
    buffer = FBB.CreateVector(reinterpret_cast<const int8_t *>(bytes.data()),
                              bytes.size());
    return sd::CreateFlatArray(FBB, shapeInfo, buffer,
                               static_cast<sd::DType>(*dtype),
                               sd::ByteOrder::BE);
  }
  if (count > 0) {
    size_t bytes = static_cast<size_t>(count) * elementBytes;
    FBB.ForceVectorAlignment(bytes, 1, 16);
    uint8_t *start;
    buffer = FBB.CreateUninitializedVector(bytes, 1, &start);
    size_t distance = FBB.GetCurrentBufferPointer() + FBB.GetSize() - start;
    payloads.push_back({distance, data->bytes, count, elementBytes, data->splat,
                        data->isBool});
  }
  return sd::CreateFlatArray(FBB, shapeInfo, buffer,
                             static_cast<sd::DType>(*dtype), sd::ByteOrder::BE);
}

LogicalResult Exporter::writeVariableOp(Operation *op) {
  StringRef name;
  ElementsAttr value;
  sd::VarType kind;
  if (auto p = dyn_cast<exec::PlaceholderOp>(op))
    name = p.getName(), kind = sd::VarType::PLACEHOLDER;
  else if (auto c = dyn_cast<exec::ConstantOp>(op))
    name = c.getName(), value = c.getValue(), kind = sd::VarType::CONSTANT;
  else if (auto v = dyn_cast<exec::VariableOp>(op))
    name = v.getName(), value = v.getValue(), kind = sd::VarType::VARIABLE;
  else
    return success();
  Value result = op->getResult(0);
  FailureOr<int8_t> dtype = getDType(result.getType(), op, name);
  if (failed(dtype))
    return failure();
  Offset<sd::FlatArray> array = 0;
  if (value) {
    auto written = writeArray(value, op, name);
    if (failed(written))
      return failure();
    array = *written;
  }
  // SameDiff records a shape for placeholders only (−1 = unknown).
  Offset<Vector<int64_t>> shape = 0;
  if (kind == sd::VarType::PLACEHOLDER) {
    if (auto ranked = dyn_cast<RankedTensorType>(result.getType())) {
      SmallVector<int64_t> dims;
      for (int64_t d : ranked.getShape())
        dims.push_back(ShapedType::isDynamic(d) ? -1 : d);
      shape = vec<int64_t>(FBB, dims);
    }
    placeholders.push_back(str(FBB, name));
  }
  std::pair<int, int> id{++nextId, 0};
  ids[result] = id;
  auto nameOffset = str(FBB, name);
  auto idOffset = pair(id);
  variables.push_back(sd::CreateFlatVariable(
      FBB, idOffset, nameOffset, static_cast<sd::DType>(*dtype), shape, array,
      /*device=*/-1, kind));
  return success();
}

LogicalResult Exporter::writeNode(exec::NodeOp node) {
  Operation *op = node.getOperation();
  const std::string &name = nodeNames[op];
  int id = ++nextId;

  // The output variables (ARRAY): dtype, and the shape when known, which
  // nd4j_exec needs to read the graph back (SameDiff ignores it).
  std::vector<int32_t> outputIndices;
  std::vector<sd::DType> outputTypes;
  for (auto [k, result] : llvm::enumerate(node.getResults())) {
    const std::string &outName = outputNames[op][k];
    FailureOr<int8_t> dtype = getDType(result.getType(), op, outName);
    if (failed(dtype))
      return failure();
    outputTypes.push_back(static_cast<sd::DType>(*dtype));
    Offset<Vector<int64_t>> shape = 0;
    if (auto ranked = dyn_cast<RankedTensorType>(result.getType())) {
      SmallVector<int64_t> dims;
      for (int64_t d : ranked.getShape())
        dims.push_back(ShapedType::isDynamic(d) ? -1 : d);
      shape = vec<int64_t>(FBB, dims);
    }
    std::pair<int, int> varId{id, static_cast<int>(k)};
    ids[result] = varId;
    auto nameOffset = str(FBB, outName);
    auto idOffset = pair(varId);
    outputIndices.push_back(static_cast<int32_t>(variables.size()));
    variables.push_back(sd::CreateFlatVariable(
        FBB, idOffset, nameOffset, static_cast<sd::DType>(*dtype), shape, 0,
        /*device=*/-1, sd::VarType::ARRAY));
  }

  std::vector<Offset<sd::IntPair>> inputs;
  for (Value input : node.getInputs())
    inputs.push_back(pair(ids.lookup(input)));

  std::vector<double> tArgs;
  std::vector<int64_t> iArgs;
  std::vector<uint8_t> bArgs;
  std::vector<int32_t> dims;
  std::vector<sd::DType> dArgs;
  std::vector<Offset<String>> sArgs;
  if (auto a = node.getTArgs())
    tArgs.assign(a->begin(), a->end());
  if (auto a = node.getIArgs())
    iArgs.assign(a->begin(), a->end());
  if (auto a = node.getBArgs())
    for (bool b : *a)
      bArgs.push_back(b);
  if (auto a = node.getAxis())
    for (int64_t d : *a) {
      if (d < INT32_MIN || d > INT32_MAX)
        return node.emitError("axis ") << d << " does not fit FlatNode's "
                                       << "32-bit dimensions";
      dims.push_back(static_cast<int32_t>(d));
    }
  if (auto a = node.getDArgs())
    for (Attribute t : *a) {
      std::optional<int8_t> dtype =
          getSameDiffDType(cast<TypeAttr>(t).getValue());
      if (!dtype)
        return node.emitError("d_args type ")
               << t << " has no SameDiff data type";
      dArgs.push_back(static_cast<sd::DType>(*dtype));
    }
  if (auto a = node.getSArgs())
    for (StringRef s : a->getAsValueRange<StringAttr>())
      sArgs.push_back(str(FBB, s));
  Offset<sd::FlatArray> scalar = 0;
  if (auto s = node.getScalar()) {
    auto written = writeArray(*s, op, name + " (scalar)");
    if (failed(written))
      return failure();
    scalar = *written;
  }

  std::vector<Offset<String>> outNames;
  for (const std::string &s : outputNames[op])
    outNames.push_back(str(FBB, s));

  exec::OpType opType = node.getOpType();
  int64_t opNum = node.getOpNum() ? static_cast<int64_t>(*node.getOpNum())
                  : opType == exec::OpType::CUSTOM
                      ? getLibnd4jOpHash(node.getOpName())
                      : 0;
  std::vector<Offset<sd::FlatProperties>> noProperties;
  std::vector<int32_t> noInputs;
  auto nameOffset = str(FBB, name);
  auto propertiesOffset = FBB.CreateVector(noProperties);
  auto inputOffset = FBB.CreateVector(noInputs);
  auto pairedOffset = FBB.CreateVector(inputs);
  auto outputOffset = FBB.CreateVector(outputIndices);
  auto tOffset = FBB.CreateVector(tArgs);
  auto iOffset = FBB.CreateVector(iArgs);
  auto bOffset = FBB.CreateVector(bArgs);
  auto dimsOffset = FBB.CreateVector(dims);
  auto scopeOffset = FBB.CreateString("");
  auto outNamesOffset = FBB.CreateVector(outNames);
  auto opNameOffset = str(FBB, node.getOpName());
  auto outTypesOffset = FBB.CreateVector(outputTypes);
  auto dOffset = FBB.CreateVector(dArgs);
  // Absent when empty, as SameDiff writes it (readers older than 2021-08
  // do not know the field).
  auto sOffset = sArgs.empty() ? 0 : FBB.CreateVector(sArgs);
  nodes.push_back(sd::CreateFlatNode(
      FBB, id, nameOffset, static_cast<sd::OpType>(opType), opNum,
      propertiesOffset, inputOffset, pairedOffset, outputOffset, tOffset,
      iOffset, bOffset, dimsOffset, /*device=*/-1, /*scope_id=*/0, scopeOffset,
      outNamesOffset, opNameOffset, outTypesOffset, scalar,
      /*controlDeps=*/0, /*varControlDeps=*/0, /*controlDepFor=*/0, dOffset,
      sOffset));
  return success();
}

LogicalResult Exporter::run(llvm::raw_ostream &os) {
  if (failed(plan()))
    return failure();
  builder = std::make_unique<flatbuffers::FlatBufferBuilder>(
      static_cast<size_t>(reserveBytes));
  Block &body = graph.getBody().front();
  SmallVector<Value> returned;
  for (Operation &op : body) {
    if (auto node = dyn_cast<exec::NodeOp>(op)) {
      if (failed(writeNode(node)))
        return failure();
    } else if (auto ret = dyn_cast<exec::ReturnOp>(op)) {
      llvm::append_range(returned, ret.getOutputs());
    } else if (failed(writeVariableOp(&op))) {
      return failure();
    } else if (!isa<exec::PlaceholderOp, exec::ConstantOp, exec::VariableOp>(
                   op)) {
      return op.emitError("cannot be written to a SameDiff FlatGraph");
    }
  }

  std::vector<Offset<sd::IntPair>> outputs;
  for (Value v : returned)
    outputs.push_back(pair(ids.lookup(v)));
  std::vector<Offset<String>> loss;
  if (auto l = graph.getLossVariables())
    for (StringRef s : l->getAsValueRange<StringAttr>())
      loss.push_back(str(FBB, s));
  Offset<String> trainingConfig = 0;
  if (auto tc = graph.getTrainingConfig())
    trainingConfig = str(FBB, *tc);
  auto variablesOffset = FBB.CreateVector(variables);
  auto nodesOffset = FBB.CreateVector(nodes);
  auto outputsOffset = FBB.CreateVector(outputs);
  // SameDiff's default execution configuration.
  auto config = sd::CreateFlatConfiguration(
      FBB, /*id=*/-1, sd::ExecutionMode::SEQUENTIAL, sd::ProfilingMode::NONE,
      sd::OutputMode::VARIABLE_SPACE, /*timestats=*/true);
  auto placeholdersOffset = FBB.CreateVector(placeholders);
  auto lossOffset = FBB.CreateVector(loss);
  auto graphName = str(FBB, graph.getSymName());
  auto root = sd::CreateFlatGraph(
      FBB, /*id=*/0, variablesOffset, nodesOffset, outputsOffset, config,
      placeholdersOffset, lossOffset, trainingConfig, /*updaterState=*/0,
      /*sequenceItems=*/0, graphName);
  sd::FinishFlatGraphBuffer(FBB, root);
  stream(os);
  return success();
}

/// Reverses the bytes of each of the `n` elements of `w` bytes at `data`.
static void swapToBigEndian(char *data, size_t n, unsigned w) {
  auto swapAll = [&](auto zero) {
    using T = decltype(zero);
    for (size_t e = 0; e < n; ++e) {
      T v;
      std::memcpy(&v, data + e * sizeof(T), sizeof(T));
      v = llvm::byteswap(v);
      std::memcpy(data + e * sizeof(T), &v, sizeof(T));
    }
  };
  if (w == 2)
    swapAll(uint16_t());
  else if (w == 4)
    swapAll(uint32_t());
  else if (w == 8)
    swapAll(uint64_t());
}

/// Writes the finished buffer, producing each payload from its source:
/// splats repeated, booleans as 0/1, multi-byte elements big-endian.
void Exporter::stream(llvm::raw_ostream &os) {
  const char *base = reinterpret_cast<const char *>(FBB.GetBufferPointer());
  size_t size = FBB.GetSize();
  llvm::sort(payloads, [](const Payload &a, const Payload &b) {
    return a.distanceFromEnd > b.distanceFromEnd;
  });
  constexpr size_t kChunk = 1 << 16;
  std::vector<char> chunk(kChunk);
  size_t pos = 0;
  for (const Payload &p : payloads) {
    size_t start = size - p.distanceFromEnd;
    os.write(base + pos, start - pos);
    unsigned w = p.elementBytes;
    size_t perChunk = kChunk / w;
    for (int64_t done = 0; done < p.count;) {
      size_t n = std::min<int64_t>(perChunk, p.count - done);
      const char *in = p.source.data() + (p.splat ? 0 : done * w);
      char *out = chunk.data();
      if (p.isBool) {
        for (size_t e = 0; e < n; ++e)
          out[e] = in[p.splat ? 0 : e] != 0;
      } else if (p.splat) {
        for (size_t e = 0; e < n; ++e)
          std::memcpy(out + e * w, in, w);
        if (!llvm::sys::IsBigEndianHost)
          swapToBigEndian(out, n, w);
      } else {
        std::memcpy(out, in, n * w);
        if (!llvm::sys::IsBigEndianHost)
          swapToBigEndian(out, n, w);
      }
      os.write(chunk.data(), n * w);
      done += n;
    }
    pos = start + static_cast<size_t>(p.count) * w;
  }
  os.write(base + pos, size - pos);
}

#undef FBB

LogicalResult mlir::nd4j::exportFlatBuffers(ModuleOp module,
                                            llvm::raw_ostream &os) {
  SmallVector<exec::GraphOp> graphs(module.getOps<exec::GraphOp>());
  if (graphs.size() != 1)
    return module.emitError("a SameDiff FlatGraph holds one graph; the module "
                            "has ")
           << graphs.size() << " nd4j_exec.graph ops";
  return Exporter(graphs.front()).run(os);
}
