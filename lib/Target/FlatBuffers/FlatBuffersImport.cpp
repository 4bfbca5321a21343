//===- FlatBuffersImport.cpp - SameDiff FlatGraph → nd4j_exec -------------===//
//
// Reads a FlatGraph (ours or SameDiff's, samediff-flatbuffers.md §6) into an
// nd4j_exec graph. The FlatBuffers verifier runs first, so every offset and
// length read afterwards is in bounds; what the verifier cannot know (ids
// that resolve, shapeInfo that matches its buffer, enum values) is checked
// here and reported with the file, variable or node, and reason.
//
// What nd4j_exec does not model is left out: op properties (SameDiff
// rebuilds them from the arguments), control dependencies, updater state,
// the execution configuration.
//
//===----------------------------------------------------------------------===//

#include "lib/Target/FlatBuffers/FlatBuffers.h"

#include "SameDiff_generated.h"
#include "dialects/Common/OpDescriptor.h"
#include "dialects/Exec/IR/ExecOps.h"
#include "dialects/Nd4j/IR/Nd4jOps.h"
#include "lib/Target/FlatBuffers/FlatArray.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Verifier.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/bit.h"
#include "llvm/Support/Path.h"
#include <cstring>

using namespace mlir;
using namespace mlir::nd4j;
namespace sd = ::nd4j::samediff;

namespace {

/// Arrays up to this many elements stay inline (`dense<...>`), larger ones
/// become resource blobs: the frontends' convention, so that a model read
/// back prints as it was written.
constexpr int64_t kInlineElementLimit = 16;
/// nd4j arrays have at most 32 dimensions.
constexpr int64_t kMaxRank = 32;

using IdKey = std::pair<int, int>;

/// Whether the writer could have derived `name` for an unnamed output whose
/// default name is `base`: `base` itself, or `base` made unique as "base_N".
bool isDerivedName(StringRef name, StringRef base) {
  if (name == base)
    return true;
  if (!name.consume_front(base) || !name.consume_front("_") || name.empty())
    return false;
  return llvm::all_of(name, llvm::isDigit);
}

/// Why `data` is not a FlatGraph we can read, or empty.
std::string checkContainer(StringRef data) {
  if (data.empty())
    return "the file is empty";
  if (data.starts_with("SDNB"))
    return "it is an SDNB container (nd4j snapshot builds of 2025), not a "
           "plain FlatGraph";
  if (data.starts_with("PK\x03\x04") || data.starts_with("PK\x05\x06"))
    return "it is a ZIP archive (.sdz), not a plain FlatGraph";
  if (data.size() < 8)
    return "it is too small to hold a FlatGraph (" +
           std::to_string(data.size()) + " bytes)";
  if (data.size() >= FLATBUFFERS_MAX_BUFFER_SIZE)
    return "it is larger than the 2 GiB a FlatBuffer can address";
  return "";
}

/// Runs the FlatBuffers verifier over the whole buffer.
bool verifyFlatGraph(StringRef data) {
  flatbuffers::Verifier::Options options;
  options.max_depth = 64;
  // Every table takes at least 4 bytes.
  options.max_tables = data.size() / 4 + 16;
  flatbuffers::Verifier verifier(reinterpret_cast<const uint8_t *>(data.data()),
                                 data.size(), options);
  return sd::VerifyFlatGraphBuffer(verifier);
}

class Importer {
public:
  Importer(StringRef data, StringRef path, MLIRContext *ctx)
      : data(data), path(path), ctx(ctx), builder(ctx) {}
  OwningOpRef<ModuleOp> run();

private:
  InFlightDiagnostic error() { return emitError(fileLoc()); }
  Location fileLoc() {
    return FileLineColLoc::get(builder.getStringAttr(path), 0, 0);
  }
  Location nameLoc(StringRef name) {
    return NameLoc::get(builder.getStringAttr(name), fileLoc());
  }
  FailureOr<Type> elementType(int8_t dtype, StringRef what);
  /// `what` describes the array in diagnostics; `blobName` names its
  /// resource blob when it is large.
  FailureOr<ElementsAttr> readArray(const sd::FlatArray *array, StringRef what,
                                    StringRef blobName);
  FailureOr<Type> variableType(const sd::FlatVariable *var, StringRef name);
  LogicalResult scanVariables();
  LogicalResult readVariable(unsigned i);
  LogicalResult readNode(unsigned i);
  LogicalResult readGraph();

  StringRef data, path;
  MLIRContext *ctx;
  OpBuilder builder;
  llvm::DenseMap<IdKey, Value> values;
  /// ARRAY variables (op outputs) by name: their declared type.
  llvm::StringMap<Type> arrayTypes;
  const flatbuffers::Vector<flatbuffers::Offset<sd::FlatVariable>> *vars =
      nullptr;
  const flatbuffers::Vector<flatbuffers::Offset<sd::FlatNode>> *nodes = nullptr;
  std::vector<bool> variableDone;
  /// The graph outputs, as ids: those the file records, else (SameDiff's own
  /// files) the node outputs no node consumes.
  SmallVector<IdKey> outputIds;
  llvm::DenseSet<IdKey> outputIdSet;
  bool deriveOutputs = false;
  llvm::DenseSet<IdKey> consumed;
};

} // namespace

FailureOr<Type> Importer::elementType(int8_t dtype, StringRef what) {
  if (Type t = getElementTypeOfDType(dtype, ctx))
    return t;
  return error() << what << " has data type " << getDTypeName(dtype)
                 << ", which nd4j_exec does not support";
}

FailureOr<ElementsAttr> Importer::readArray(const sd::FlatArray *array,
                                            StringRef what,
                                            StringRef blobName) {
  auto fail = [&]() { return error() << "the array of " << what << " "; };
  const auto *info = array->shape();
  if (!info || info->size() < 1)
    return fail() << "has no shapeInfo";
  int64_t rank = info->Get(0);
  if (rank < 0 || rank > kMaxRank)
    return fail() << "has rank " << rank;
  if (static_cast<int64_t>(info->size()) < 2 * rank + 4)
    return fail() << "has a shapeInfo of " << info->size() << " words, rank "
                  << rank << " needs " << 2 * rank + 4;
  int8_t dtype = static_cast<int8_t>(array->dtype());
  FailureOr<Type> element = elementType(dtype, what);
  if (failed(element))
    return failure();
  unsigned w = getDTypeSize(dtype);
  SmallVector<int64_t> shape, strides;
  int64_t count = 1;
  for (int64_t d = 0; d < rank; ++d) {
    int64_t extent = info->Get(1 + d);
    if (extent < 0)
      return fail() << "has negative extent " << extent;
    shape.push_back(extent);
    if (extent && count > (int64_t(1) << 40) / extent)
      return fail() << "has more elements than a file can hold";
    count *= extent;
    strides.push_back(info->Get(1 + rank + d));
  }
  auto type = RankedTensorType::get(shape, *element);
  if (isa<StringType>(*element)) {
    const auto *buffer = array->buffer();
    if (count == 0)
      return ElementsAttr(DenseElementsAttr::get(type, ArrayRef<StringRef>()));
    if (!buffer)
      return fail() << "has no buffer";
    std::string why;
    FailureOr<SmallVector<StringRef>> strings = decodeUtf8Buffer(
        ArrayRef(reinterpret_cast<const char *>(buffer->data()),
                 buffer->size()),
        count, why);
    if (failed(strings))
      return fail() << why;
    return ElementsAttr(DenseElementsAttr::get(type, *strings));
  }
  if (count == 0)
    return ElementsAttr(DenseElementsAttr::getFromRawBuffer(type, {}));
  if (info->Get(1 + 2 * rank) & kShapeInfoEmptyFlag)
    return fail() << "is marked empty but has " << count << " elements";
  const auto *buffer = array->buffer();
  if (!buffer)
    return fail() << "has no buffer";

  // Element k (row-major) sits at the buffer offset its strides give; a
  // C-order array (the usual case) is one contiguous run.
  bool rowMajor = shape.empty() || ArrayRef<int64_t>(strides) ==
                                       ArrayRef(getRowMajorStrides(shape));
  uint64_t last = 0;
  for (int64_t d = 0; d < rank; ++d) {
    if (strides[d] < 0)
      return fail() << "has negative stride " << strides[d];
    last += static_cast<uint64_t>(strides[d]) * (shape[d] - 1);
  }
  if ((last + 1) * w > buffer->size())
    return fail() << "has " << buffer->size() << " bytes of data, its shape "
                  << "and strides need " << (last + 1) * w;
  const char *src = reinterpret_cast<const char *>(buffer->data());
  std::vector<char> raw(static_cast<size_t>(count) * w);
  if (rowMajor) {
    std::memcpy(raw.data(), src, raw.size());
  } else {
    SmallVector<int64_t> index(rank, 0);
    for (int64_t k = 0; k < count; ++k) {
      uint64_t offset = 0;
      for (int64_t d = 0; d < rank; ++d)
        offset += index[d] * strides[d];
      std::memcpy(raw.data() + k * w, src + offset * w, w);
      for (int64_t d = rank - 1; d >= 0; --d) {
        if (++index[d] < shape[d])
          break;
        index[d] = 0;
      }
    }
  }
  bool bigEndian = array->byteOrder() == sd::ByteOrder::BE;
  if (w > 1 && bigEndian != llvm::sys::IsBigEndianHost)
    for (size_t k = 0; k < raw.size(); k += w)
      std::reverse(raw.begin() + k, raw.begin() + k + w);

  if (element->isInteger(1)) {
    if (count <= kInlineElementLimit) {
      SmallVector<bool> bits;
      for (char c : raw)
        bits.push_back(c != 0);
      return ElementsAttr(DenseElementsAttr::get(type, bits));
    }
    for (char &c : raw)
      c = c != 0;
  } else if (count <= kInlineElementLimit) {
    return ElementsAttr(
        DenseElementsAttr::getFromRawBuffer(type, ArrayRef<char>(raw)));
  }
  return createResourceElements(type, blobName, ArrayRef<char>(raw));
}

/// The declared type of a variable: its dtype, and its `shape` when present
/// (unranked without one; −1 is an unknown extent).
FailureOr<Type> Importer::variableType(const sd::FlatVariable *var,
                                       StringRef name) {
  FailureOr<Type> element = elementType(static_cast<int8_t>(var->dtype()),
                                        "variable '" + name.str() + "'");
  if (failed(element))
    return failure();
  const auto *shape = var->shape();
  if (!shape)
    return Type(UnrankedTensorType::get(*element));
  if (shape->size() > kMaxRank)
    return error() << "variable '" << name << "' has rank " << shape->size();
  SmallVector<int64_t> dims;
  for (int64_t d : *shape) {
    if (d < -1)
      return error() << "variable '" << name << "' has extent " << d;
    dims.push_back(d == -1 ? ShapedType::kDynamic : d);
  }
  return Type(RankedTensorType::get(dims, *element));
}

/// Checks every variable's name and id and notes the types of the ARRAY
/// ones (op outputs), which their nodes need.
LogicalResult Importer::scanVariables() {
  for (auto [i, var] : llvm::enumerate(*vars)) {
    if (!var->name() || var->name()->size() == 0)
      return error() << "variable #" << i << " has no name";
    StringRef name = var->name()->string_view();
    if (!var->id())
      return error() << "variable '" << name << "' has no id";
    if (var->variabletype() != sd::VarType::ARRAY)
      continue;
    FailureOr<Type> type = variableType(var, name);
    if (failed(type))
      return failure();
    arrayTypes[name] = *type;
  }
  return success();
}

LogicalResult Importer::readVariable(unsigned i) {
  const sd::FlatVariable *var = vars->Get(i);
  variableDone[i] = true;
  {
    StringRef name = var->name()->string_view();
    IdKey id{var->id()->first(), var->id()->second()};
    if (var->variabletype() == sd::VarType::ARRAY)
      return success();
    FailureOr<Type> type = variableType(var, name);
    if (failed(type))
      return failure();
    Location loc = nameLoc(name);
    Value value;
    std::string what = "variable '" + name.str() + "'";
    switch (var->variabletype()) {
    case sd::VarType::PLACEHOLDER:
      value = exec::PlaceholderOp::create(builder, loc, *type,
                                          builder.getStringAttr(name));
      break;
    case sd::VarType::CONSTANT:
    case sd::VarType::VARIABLE: {
      if (!var->ndarray())
        return error() << what << " has no array";
      FailureOr<ElementsAttr> array = readArray(var->ndarray(), what, name);
      if (failed(array))
        return failure();
      if (var->variabletype() == sd::VarType::CONSTANT)
        value = exec::ConstantOp::create(builder, loc, array->getType(),
                                         builder.getStringAttr(name), *array);
      else
        value = exec::VariableOp::create(builder, loc, array->getType(),
                                         builder.getStringAttr(name), *array);
      break;
    }
    default:
      return error() << what << " is of variable type "
                     << static_cast<int>(var->variabletype())
                     << ", which nd4j_exec does not support";
    }
    if (!values.try_emplace(id, value).second)
      return error() << what << " reuses id (" << id.first << ", " << id.second
                     << ")";
  }
  return success();
}

LogicalResult Importer::readNode(unsigned i) {
  const sd::FlatNode *node = nodes->Get(i);
  {
    if (!node->name() || node->name()->size() == 0)
      return error() << "node #" << i << " has no name";
    StringRef name = node->name()->string_view();
    auto fail = [&]() { return error() << "node '" << name << "' "; };
    if (!node->opName() || node->opName()->size() == 0)
      return fail() << "has no op name";
    StringRef opName = node->opName()->string_view();
    auto opTypeByte = static_cast<uint8_t>(node->opType());
    std::optional<exec::OpType> opType = exec::symbolizeOpType(opTypeByte);
    if (!opType)
      return fail() << "(" << opName << ") has op type "
                    << static_cast<int>(opTypeByte)
                    << ", which SameDiff does not execute";
    if (!node->inputPaired() && node->input() && node->input()->size())
      return fail() << "lists its inputs in the old `input` field only";

    SmallVector<Value> inputs;
    if (const auto *paired = node->inputPaired())
      for (auto [k, in] : llvm::enumerate(*paired)) {
        IdKey id{in->first(), in->second()};
        Value v = values.lookup(id);
        // An input declared later in the file: define the remaining
        // variables (not op outputs) now.
        if (!v && vars) {
          for (unsigned j = 0; j < vars->size(); ++j)
            if (!variableDone[j] && failed(readVariable(j)))
              return failure();
          v = values.lookup(id);
        }
        if (!v)
          return fail() << "input #" << k << " refers to (" << id.first << ", "
                        << id.second
                        << "), which no earlier variable or node defines";
        inputs.push_back(v);
      }

    const auto *outNames = node->outputNames();
    if (!outNames || outNames->size() == 0)
      return fail() << "has no output names";
    SmallVector<Type> resultTypes;
    SmallVector<StringRef> resultNames;
    for (auto [k, s] : llvm::enumerate(*outNames)) {
      StringRef outName = s->string_view();
      Type type = arrayTypes.lookup(outName);
      if (!type && node->outputTypes() && k < node->outputTypes()->size()) {
        FailureOr<Type> element = elementType(
            static_cast<int8_t>(node->outputTypes()->Get(k)),
            "output '" + outName.str() + "' of node '" + name.str() + "'");
        if (failed(element))
          return failure();
        type = UnrankedTensorType::get(*element);
      }
      if (!type)
        return fail() << "output '" << outName
                      << "' has neither a variable nor an output type";
      resultTypes.push_back(type);
      resultNames.push_back(outName);
    }

    // Output names are recorded only where they are not those the writer
    // derives (node name, then "name:k", made unique with "_N"), or name
    // graph outputs.
    SmallVector<Attribute> names;
    bool anyExplicit = false;
    for (auto [k, outName] : llvm::enumerate(resultNames)) {
      std::string derived = k == 0 ? name.str() : (name + ":" + Twine(k)).str();
      IdKey id{node->id(), static_cast<int>(k)};
      bool isOutput =
          deriveOutputs ? !consumed.contains(id) : outputIdSet.contains(id);
      bool keep = !isDerivedName(outName, derived) || isOutput;
      anyExplicit |= keep;
      names.push_back(builder.getStringAttr(keep ? outName : ""));
    }

    auto attr = [&](auto *vec, auto make) -> decltype(make(vec)) {
      if (!vec || vec->size() == 0)
        return nullptr;
      return make(vec);
    };
    auto tArgs = attr(node->extraParams(), [&](auto *v) {
      return builder.getDenseF64ArrayAttr(
          SmallVector<double>(v->begin(), v->end()));
    });
    auto iArgs = attr(node->extraInteger(), [&](auto *v) {
      return builder.getDenseI64ArrayAttr(
          SmallVector<int64_t>(v->begin(), v->end()));
    });
    auto bArgs = attr(node->extraBools(), [&](auto *v) {
      SmallVector<bool> b;
      for (uint8_t x : *v)
        b.push_back(x != 0);
      return builder.getDenseBoolArrayAttr(b);
    });
    auto axis = attr(node->dimensions(), [&](auto *v) {
      return builder.getDenseI64ArrayAttr(
          SmallVector<int64_t>(v->begin(), v->end()));
    });
    ArrayAttr sArgs;
    if (const auto *v = node->extraStrings(); v && v->size()) {
      SmallVector<Attribute> s;
      for (const flatbuffers::String *x : *v)
        s.push_back(builder.getStringAttr(x->string_view()));
      sArgs = builder.getArrayAttr(s);
    }
    ArrayAttr dArgs;
    if (const auto *v = node->extraTypes(); v && v->size()) {
      SmallVector<Attribute> d;
      for (sd::DType x : *v) {
        FailureOr<Type> t = elementType(static_cast<int8_t>(x),
                                        "a d_arg of node '" + name.str() + "'");
        if (failed(t))
          return failure();
        d.push_back(TypeAttr::get(*t));
      }
      dArgs = builder.getArrayAttr(d);
    }
    ElementsAttr scalar;
    if (node->scalar()) {
      FailureOr<ElementsAttr> s =
          readArray(node->scalar(), "the scalar of node '" + name.str() + "'",
                    name.str() + "_scalar");
      if (failed(s))
        return failure();
      scalar = *s;
    }
    // CUSTOM nodes store libnd4j's hash of the op name; a different number
    // (e.g. SameDiff's Java name "mmul" with the hash of "matmul") is kept.
    int64_t opNum = node->opNum();
    IntegerAttr opNumAttr;
    if (*opType != exec::OpType::CUSTOM ||
        (opNum != 0 && opNum != getLibnd4jOpHash(opName)))
      opNumAttr = builder.getI64IntegerAttr(opNum);

    auto op = exec::NodeOp::create(
        builder, nameLoc(name), resultTypes, builder.getStringAttr(opName),
        exec::OpTypeAttr::get(ctx, *opType), inputs, tArgs, iArgs, bArgs, dArgs,
        sArgs, axis, scalar, opNumAttr, builder.getStringAttr(name),
        anyExplicit ? builder.getArrayAttr(names) : nullptr);
    for (auto [k, result] : llvm::enumerate(op.getResults())) {
      IdKey id{node->id(), static_cast<int>(k)};
      if (!values.try_emplace(id, result).second)
        return fail() << "output #" << k << " reuses id (" << id.first << ", "
                      << id.second << ")";
      if (deriveOutputs && !consumed.contains(id))
        outputIds.push_back(id);
    }
  }
  return success();
}

/// Variables and nodes in the file's order: SameDiff lists a node's output
/// variables where the node was created, so each node goes where its first
/// output is listed (and any left over after the variables).
LogicalResult Importer::readGraph() {
  deriveOutputs = outputIds.empty();
  if (deriveOutputs && nodes)
    for (const sd::FlatNode *node : *nodes)
      if (node->inputPaired())
        for (const sd::IntPair *in : *node->inputPaired())
          consumed.insert({in->first(), in->second()});
  unsigned numNodes = nodes ? nodes->size() : 0;
  llvm::DenseMap<int, unsigned> nodeIndex;
  for (unsigned n = 0; n < numNodes; ++n)
    nodeIndex.try_emplace(nodes->Get(n)->id(), n);
  unsigned nextNode = 0;
  if (vars) {
    variableDone.assign(vars->size(), false);
    if (failed(scanVariables()))
      return failure();
    for (unsigned i = 0; i < vars->size(); ++i) {
      const sd::FlatVariable *var = vars->Get(i);
      if (var->variabletype() == sd::VarType::ARRAY) {
        auto it = nodeIndex.find(var->id()->first());
        if (it != nodeIndex.end())
          for (; nextNode <= it->second; ++nextNode)
            if (failed(readNode(nextNode)))
              return failure();
        continue;
      }
      if (!variableDone[i] && failed(readVariable(i)))
        return failure();
    }
  }
  for (; nextNode < numNodes; ++nextNode)
    if (failed(readNode(nextNode)))
      return failure();
  return success();
}

OwningOpRef<ModuleOp> Importer::run() {
  if (std::string why = getFlatGraphProblem(data); !why.empty()) {
    error() << "not a SameDiff FlatBuffers graph: " << why;
    return nullptr;
  }
  const sd::FlatGraph *graph = sd::GetFlatGraph(data.data());

  OwningOpRef<ModuleOp> module = ModuleOp::create(fileLoc());
  builder.setInsertionPointToEnd(module->getBody());
  std::string name = graph->graphName() ? graph->graphName()->str() : "";
  if (name.empty()) {
    name = llvm::sys::path::stem(path).str();
    for (char &c : name)
      if (!llvm::isAlnum(c) && c != '_')
        c = '_';
    if (name.empty() || name == "_stdin_" || name == "-")
      name = "main";
  }
  auto graphOp = exec::GraphOp::create(builder, fileLoc(), name);
  if (const auto *loss = graph->lossVariables(); loss && loss->size()) {
    SmallVector<StringRef> names;
    for (const flatbuffers::String *s : *loss)
      names.push_back(s->string_view());
    graphOp.setLossVariablesAttr(builder.getStrArrayAttr(names));
  }
  if (graph->trainingConfig())
    graphOp.setTrainingConfigAttr(
        builder.getStringAttr(graph->trainingConfig()->string_view()));
  if (const auto *outs = graph->outputs())
    for (const sd::IntPair *p : *outs) {
      outputIds.push_back({p->first(), p->second()});
      outputIdSet.insert(outputIds.back());
    }

  Block &body = graphOp.getBody().front();
  builder.setInsertionPoint(body.getTerminator());
  vars = graph->variables();
  nodes = graph->nodes();
  if (failed(readGraph()))
    return nullptr;
  SmallVector<Value> results;
  for (IdKey id : outputIds) {
    Value v = values.lookup(id);
    if (!v) {
      error() << "graph output (" << id.first << ", " << id.second
              << ") is no variable or node output";
      return nullptr;
    }
    results.push_back(v);
  }
  Operation *terminator = body.getTerminator();
  builder.setInsertionPoint(terminator);
  exec::ReturnOp::create(builder, fileLoc(), results);
  terminator->erase();
  if (failed(verify(*module)))
    return nullptr;
  return module;
}

OwningOpRef<ModuleOp> mlir::nd4j::importFlatBuffers(StringRef data,
                                                    StringRef path,
                                                    MLIRContext *ctx) {
  ctx->loadDialect<exec::ExecDialect, Nd4jDialect>();
  return Importer(data, path, ctx).run();
}

std::string mlir::nd4j::getFlatGraphProblem(StringRef data) {
  if (std::string why = checkContainer(data); !why.empty())
    return why;
  if (!verifyFlatGraph(data))
    return "the FlatBuffers verifier rejects it (truncated or corrupt data, "
           "or not a FlatGraph)";
  const sd::FlatGraph *graph = sd::GetFlatGraph(data.data());
  if ((!graph->variables() || graph->variables()->size() == 0) &&
      (!graph->nodes() || graph->nodes()->size() == 0))
    return "it has no variables and no nodes";
  return "";
}

bool mlir::nd4j::looksLikeFlatGraph(StringRef data) {
  return getFlatGraphProblem(data).empty();
}
