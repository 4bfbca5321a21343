//===- Translations.cpp - nd4j-translate's importers and exporters
//----------===//
//
// `--import-onnx` / `--import-tf`: ONNX model or TensorFlow GraphDef → nd4j
// dialect, with the import rules applied (built-in, C++ user rules, and
// `--import-rules` files) unless `--keep-generic` asks for the framework
// nodes as imported. `--export-flatbuffers` / `--import-flatbuffers` /
// `--flatbuffers-to-json`: nd4j_exec ↔ SameDiff FlatBuffers, and a JSON view
// of such a file.
//
//===----------------------------------------------------------------------===//

#include "nd4j-mlir/InitAll.h"

#include "dialects/Exec/IR/ExecOps.h"
#include "dialects/Nd4j/IR/Nd4jDialect.h"
#include "lib/Frontend/ONNX/OnnxImporter.h"
#include "lib/Frontend/TF/TfImporter.h"
#include "lib/Registration/ModelImport.h"
#include "lib/Registration/ToolOptions.h"
#include "lib/Target/FlatBuffers/FlatBuffers.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/InitAllTranslations.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Tools/mlir-translate/Translation.h"
#include "passes/Conversion/Passes.h"
#include "passes/Import/ImportRules.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/SourceMgr.h"

using namespace mlir;
using namespace mlir::nd4j;

namespace {
llvm::cl::OptionCategory &category = getImportOptionCategory();

llvm::cl::opt<bool> keepGeneric(
    "keep-generic",
    llvm::cl::desc("Stop after import: keep every framework node as a generic "
                   "nd4j.node (no import rules)"),
    llvm::cl::cat(category));

llvm::cl::list<std::string> importRuleFiles(
    "import-rules",
    llvm::cl::desc("PDL (.mlir) or PDLL (.pdll) import-rule file, applied "
                   "before the built-in rules (repeatable)"),
    llvm::cl::value_desc("file"), llvm::cl::cat(category));

llvm::cl::list<std::string> disabledRules(
    "disable-import-rules",
    llvm::cl::desc("Built-in import rules to turn off, by name (e.g. "
                   "tf-strip-dropout; see docs/ImportRules.md)"),
    llvm::cl::CommaSeparated, llvm::cl::value_desc("name,..."),
    llvm::cl::cat(category));

llvm::cl::opt<bool> allowUnhandled(
    "allow-unhandled",
    llvm::cl::desc("Leave nodes no rule handles generic instead of failing"),
    llvm::cl::cat(category));

llvm::cl::opt<int64_t> onnxOpset(
    "onnx-opset",
    llvm::cl::desc("Convert ONNX models to this opset before importing"),
    llvm::cl::init(0), llvm::cl::cat(category));

llvm::cl::opt<bool>
    onnxNoCheck("onnx-no-check",
                llvm::cl::desc("Skip onnx::checker on ONNX models"),
                llvm::cl::cat(category));

llvm::cl::list<std::string> tfOutputs(
    "tf-outputs",
    llvm::cl::desc("TF graph outputs, as node or node:port (default: the "
                   "nodes nothing consumes)"),
    llvm::cl::CommaSeparated, llvm::cl::value_desc("name[:port],..."),
    llvm::cl::cat(category));

llvm::cl::opt<std::string> tfInputShapes(
    "tf-input-shapes",
    llvm::cl::desc("TF placeholder shapes overriding the graph's, e.g. "
                   "input:1x224x224x3,mask:?x10"),
    llvm::cl::value_desc("name:dims,..."), llvm::cl::cat(category));

llvm::cl::list<std::string> inputShapes(
    "input-shape",
    llvm::cl::desc("Compile for this input shape: NAME=d0,d1,... (or #N for "
                   "the N-th input; ? keeps a dimension dynamic). Every "
                   "shape computed from it folds (repeatable)"),
    llvm::cl::value_desc("name=d0,d1,..."), llvm::cl::cat(category));

llvm::cl::list<std::string> dimValues(
    "dim",
    llvm::cl::desc("Give a named symbolic dimension (ONNX dim_param) a size "
                   "everywhere it appears: NAME=V (repeatable)"),
    llvm::cl::value_desc("name=value"), llvm::cl::cat(category));

/// Parses --input-shape values into (name, dims) with -1 for a dynamic
/// dimension; emits an error and fails on a malformed one.
LogicalResult parseInputShapes(
    MLIRContext *ctx,
    std::vector<std::pair<std::string, std::vector<int64_t>>> &out) {
  for (StringRef spec : inputShapes) {
    auto [name, dims] = spec.rsplit('=');
    if (name.empty() || name == spec)
      return emitError(UnknownLoc::get(ctx))
             << "--input-shape: '" << spec << "' is not NAME=d0,d1,...";
    std::vector<int64_t> shape;
    SmallVector<StringRef> parts;
    if (!dims.trim().empty())
      dims.split(parts, ',');
    for (StringRef p : parts) {
      p = p.trim();
      int64_t d;
      if (p == "?" || p == "-1")
        shape.push_back(-1);
      else if (!p.getAsInteger(10, d) && d >= 0)
        shape.push_back(d);
      else
        return emitError(UnknownLoc::get(ctx))
               << "--input-shape: bad dimension '" << p << "' in '" << spec
               << "'";
    }
    out.emplace_back(name.str(), std::move(shape));
  }
  return success();
}

LogicalResult
parseDimValues(MLIRContext *ctx,
               std::vector<std::pair<std::string, int64_t>> &out) {
  for (StringRef spec : dimValues) {
    auto [name, value] = spec.rsplit('=');
    int64_t v;
    if (name.empty() || name == spec || value.getAsInteger(10, v) || v < 0)
      return emitError(UnknownLoc::get(ctx))
             << "--dim: '" << spec << "' is not NAME=V with V >= 0";
    out.emplace_back(name.str(), v);
  }
  return success();
}

LogicalResult applyRules(ModuleOp module) {
  if (keepGeneric)
    return success();
  for (const std::string &id : disabledRules)
    if (!getImportRuleRegistry().disable(id))
      return emitError(module.getLoc())
             << "--disable-import-rules: no import rule is named '" << id
             << "'";
  return applyImportRules(module, importRuleFiles, allowUnhandled);
}

OwningOpRef<ModuleOp> importTf(llvm::SourceMgr &sourceMgr, MLIRContext *ctx) {
  const llvm::MemoryBuffer *buffer =
      sourceMgr.getMemoryBuffer(sourceMgr.getMainFileID());
  TfImportOptions options;
  options.outputs.assign(tfOutputs.begin(), tfOutputs.end());
  std::string err = parseTfInputShapes(tfInputShapes, options.inputShapes);
  if (!err.empty()) {
    emitError(UnknownLoc::get(ctx)) << "--tf-input-shapes: " << err;
    return nullptr;
  }
  std::vector<std::pair<std::string, std::vector<int64_t>>> shapes;
  if (failed(parseInputShapes(ctx, shapes)))
    return nullptr;
  for (auto &[name, dims] : shapes) {
    SmallVector<int64_t> shape;
    for (int64_t d : dims)
      shape.push_back(d < 0 ? ShapedType::kDynamic : d);
    options.inputShapes[name] = shape;
  }
  if (!dimValues.empty()) {
    emitError(UnknownLoc::get(ctx))
        << "--dim: TensorFlow graphs have no named dimensions; use "
           "--input-shape";
    return nullptr;
  }
  OwningOpRef<ModuleOp> module =
      importTfGraph(buffer->getMemBufferRef(), ctx, options);
  if (!module || failed(applyRules(*module)))
    return nullptr;
  return module;
}

OwningOpRef<ModuleOp> importOnnx(llvm::SourceMgr &sourceMgr, MLIRContext *ctx) {
  const llvm::MemoryBuffer *buffer =
      sourceMgr.getMemoryBuffer(sourceMgr.getMainFileID());
  OnnxImportOptions options;
  options.runChecker = !onnxNoCheck;
  if (onnxOpset > 0)
    options.targetOpset = onnxOpset;
  if (failed(parseInputShapes(ctx, options.inputShapes)) ||
      failed(parseDimValues(ctx, options.dimValues)))
    return nullptr;
  OwningOpRef<ModuleOp> module =
      importOnnxModel(buffer->getMemBufferRef(), ctx, options);
  if (!module)
    return nullptr;
  if (failed(applyRules(*module)))
    return nullptr;
  return module;
}
llvm::cl::list<std::string> graphOutputs(
    "outputs",
    llvm::cl::desc("SameDiff FlatBuffers graphs: the variables to compute "
                   "(default: the graph's outputs, often only its loss); "
                   "nodes nothing else needs are dropped"),
    llvm::cl::CommaSeparated, llvm::cl::value_desc("name,..."),
    llvm::cl::cat(category));

/// The value of `graph` named `name`: a placeholder, constant or variable,
/// or a node output (by its output name, or the node's name for its first
/// result).
Value findExecValue(exec::GraphOp graph, StringRef name) {
  for (Operation &op : graph.getBody().front()) {
    if (auto p = dyn_cast<exec::PlaceholderOp>(op); p && p.getName() == name)
      return p;
    if (auto c = dyn_cast<exec::ConstantOp>(op); c && c.getName() == name)
      return c;
    if (auto v = dyn_cast<exec::VariableOp>(op); v && v.getName() == name)
      return v;
    auto node = dyn_cast<exec::NodeOp>(op);
    if (!node)
      continue;
    if (ArrayAttr names = node.getOutputNamesAttr())
      for (auto [i, n] : llvm::enumerate(names.getAsRange<StringAttr>()))
        if (n.getValue() == name && i < node.getNumResults())
          return node.getResult(i);
    if (node.getNameAttr() && node.getNameAttr().getValue() == name &&
        node.getNumResults() > 0)
      return node.getResult(0);
  }
  return Value();
}

/// --input-shape on the placeholders and --outputs on the return of each
/// imported FlatBuffers graph.
LogicalResult specializeFlatGraph(ModuleOp module, MLIRContext *ctx) {
  std::vector<std::pair<std::string, std::vector<int64_t>>> shapes;
  if (failed(parseInputShapes(ctx, shapes)))
    return failure();
  if (!dimValues.empty())
    return emitError(module.getLoc())
           << "--dim: SameDiff graphs have no named dimensions; use "
              "--input-shape";
  for (auto graph : module.getOps<exec::GraphOp>()) {
    SmallVector<exec::PlaceholderOp> placeholders(
        graph.getBody().front().getOps<exec::PlaceholderOp>());
    for (auto &[key, dims] : shapes) {
      exec::PlaceholderOp target;
      for (exec::PlaceholderOp p : placeholders)
        if (p.getName() == key)
          target = p;
      unsigned index;
      if (!target && key.size() > 1 && key[0] == '#' &&
          !StringRef(key).drop_front().getAsInteger(10, index) &&
          index < placeholders.size())
        target = placeholders[index];
      if (!target) {
        std::string names;
        for (exec::PlaceholderOp p : placeholders)
          names += (names.empty() ? "'" : ", '") + p.getName().str() + "'";
        return emitError(module.getLoc())
               << "--input-shape: the graph has no placeholder '" << key
               << "' (its placeholders: " << (names.empty() ? "none" : names)
               << ")";
      }
      auto type = cast<TensorType>(target.getType());
      SmallVector<int64_t> shape;
      for (auto [d, v] : llvm::enumerate(dims)) {
        int64_t declared = type.hasRank() && d < (size_t)type.getRank()
                               ? type.getDimSize(d)
                               : ShapedType::kDynamic;
        if (v >= 0 && !ShapedType::isDynamic(declared) && declared != v)
          return emitError(target.getLoc())
                 << "--input-shape " << key << ": placeholder '"
                 << target.getName() << "': dimension " << d << " is "
                 << declared << " in the graph, not " << v;
        shape.push_back(v < 0 ? declared : v);
      }
      if (type.hasRank() && type.getRank() != (int64_t)dims.size())
        return emitError(target.getLoc())
               << "--input-shape " << key << ": placeholder '"
               << target.getName() << "' has rank " << type.getRank()
               << ", the shape given has rank " << dims.size();
      target.getResult().setType(
          RankedTensorType::get(shape, type.getElementType()));
    }
    if (graphOutputs.empty())
      continue;
    SmallVector<Value> outputs;
    for (const std::string &name : graphOutputs) {
      Value v = findExecValue(graph, name);
      if (!v)
        return emitError(graph.getLoc())
               << "--outputs: the graph has no variable or node output named '"
               << name << "'";
      outputs.push_back(v);
    }
    Block &body = graph.getBody().front();
    auto ret = cast<exec::ReturnOp>(body.getTerminator());
    ret->setOperands(outputs);
    // Drop what no output needs, last first (placeholders too: a graph
    // cut down to its predictions needs no labels).
    SmallVector<Operation *> ops;
    for (Operation &op : body.without_terminator())
      ops.push_back(&op);
    for (Operation *op : llvm::reverse(ops))
      if (op->use_empty())
        op->erase();
  }
  return success();
}

OwningOpRef<ModuleOp> importFlatGraph(llvm::SourceMgr &sourceMgr,
                                      MLIRContext *ctx) {
  const llvm::MemoryBuffer *buffer =
      sourceMgr.getMemoryBuffer(sourceMgr.getMainFileID());
  OwningOpRef<ModuleOp> module = importFlatBuffers(
      buffer->getBuffer(), buffer->getBufferIdentifier(), ctx);
  if (module && failed(specializeFlatGraph(*module, ctx)))
    return nullptr;
  return module;
}

/// Reads the MLIR in `sourceMgr` (text or bytecode) and writes it, converted
/// to nd4j_exec first when it holds typed nd4j ops, as a SameDiff FlatGraph.
/// This parses the input itself, through the shared SourceMgr, so that the
/// weights in bytecode are referenced in place: translateMain hands over the
/// file as opened (mapped, 64-byte aligned), and the exporter reads them from
/// there while it writes the file. Only an input that is not aligned (stdin)
/// is copied.
LogicalResult exportFlatGraph(const std::shared_ptr<llvm::SourceMgr> &sourceMgr,
                              llvm::raw_ostream &os, MLIRContext *ctx) {
  DialectRegistry registry;
  registerAllDialects(registry);
  ctx->appendDialectRegistry(registry);
  ctx->loadAllAvailableDialects();

  const llvm::MemoryBuffer *buffer =
      sourceMgr->getMemoryBuffer(sourceMgr->getMainFileID());
  std::shared_ptr<llvm::SourceMgr> source = sourceMgr;
  if (!llvm::isAddrAligned(llvm::Align(64), buffer->getBufferStart())) {
    // Same name and contents: diagnostics read the same.
    auto copy = llvm::WritableMemoryBuffer::getNewUninitMemBuffer(
        buffer->getBufferSize(), buffer->getBufferIdentifier(),
        llvm::Align(64));
    llvm::copy(buffer->getBuffer(), copy->getBufferStart());
    source = std::make_shared<llvm::SourceMgr>();
    source->AddNewSourceBuffer(std::move(copy), llvm::SMLoc());
  }
  OwningOpRef<ModuleOp> module =
      parseSourceFile<ModuleOp>(source, ParserConfig(ctx));
  if (!module)
    return failure();

  bool hasNd4j = false;
  module->walk([&](Operation *inner) {
    if (inner->getDialect() && isa<Nd4jDialect>(inner->getDialect())) {
      hasNd4j = true;
      return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  if (hasNd4j) {
    PassManager pm(ctx);
    pm.addPass(createConvertNd4jToExecPass());
    if (failed(pm.run(*module)))
      return failure();
  }
  return exportFlatBuffers(*module, os);
}

LogicalResult dumpFlatGraph(const std::shared_ptr<llvm::SourceMgr> &sourceMgr,
                            llvm::raw_ostream &os, MLIRContext *) {
  const llvm::MemoryBuffer *buffer =
      sourceMgr->getMemoryBuffer(sourceMgr->getMainFileID());
  return dumpFlatBuffersAsJson(buffer->getBuffer(),
                               buffer->getBufferIdentifier(), os, llvm::errs());
}
} // namespace

namespace {
/// The field numbers at the top level of a protobuf message filling all of
/// `data`, as (field number, wire type); none when `data` is not one (a bad
/// varint, a group or unknown wire type, a length past the end). Payloads
/// are skipped, so this reads a few bytes per top-level field.
std::optional<SmallVector<std::pair<uint64_t, unsigned>>>
scanProtobufFields(StringRef data) {
  SmallVector<std::pair<uint64_t, unsigned>> fields;
  size_t pos = 0;
  auto varint = [&](uint64_t &v) {
    v = 0;
    for (unsigned shift = 0; shift < 64; shift += 7) {
      if (pos >= data.size())
        return false;
      uint8_t byte = data[pos++];
      v |= uint64_t(byte & 0x7f) << shift;
      if (!(byte & 0x80))
        return true;
    }
    return false;
  };
  while (pos < data.size()) {
    uint64_t tag, value;
    if (!varint(tag) || (tag >> 3) == 0)
      return std::nullopt;
    unsigned wire = tag & 7;
    if (wire == 0) {
      if (!varint(value))
        return std::nullopt;
    } else if (wire == 1 || wire == 5) {
      pos += wire == 1 ? 8 : 4;
    } else if (wire == 2) {
      if (!varint(value) || value > data.size() - pos)
        return std::nullopt;
      pos += value;
    } else {
      return std::nullopt;
    }
    if (pos > data.size())
      return std::nullopt;
    fields.push_back({tag >> 3, wire});
  }
  return fields;
}

/// A binary ONNX ModelProto: a protobuf with a graph (field 7) and only
/// ModelProto's top-level fields, each with its wire type.
bool looksLikeOnnxModel(StringRef data) {
  auto fields = scanProtobufFields(data);
  if (!fields)
    return false;
  bool hasGraph = false;
  for (auto [field, wire] : *fields) {
    switch (field) {
    case 1: // ir_version
    case 5: // model_version
      if (wire != 0)
        return false;
      break;
    case 2:
    case 3:
    case 4:
    case 6: // producer_*, domain, doc_string
    case 8:
    case 14:
    case 20:
    case 25: // opset_import, metadata, training, functions
      if (wire != 2)
        return false;
      break;
    case 7:
      if (wire != 2)
        return false;
      hasGraph = true;
      break;
    default:
      return false;
    }
  }
  return hasGraph;
}

/// A binary TF GraphDef: a protobuf of GraphDef's top-level fields only
/// (node, library, version, versions), with at least one node.
bool looksLikeTfGraph(StringRef data) {
  auto fields = scanProtobufFields(data);
  if (!fields)
    return false;
  bool hasNode = false;
  for (auto [field, wire] : *fields) {
    switch (field) {
    case 1: // node
      if (wire != 2)
        return false;
      hasNode = true;
      break;
    case 2:
    case 4: // library, versions
      if (wire != 2)
        return false;
      break;
    case 3: // version
      if (wire != 0)
        return false;
      break;
    default:
      return false;
    }
  }
  return hasNode;
}

bool isTfPath(StringRef path) {
  return path.ends_with(".pb") || path.ends_with(".pbtxt") ||
         path.ends_with(".pbtext");
}

bool isOnnxPath(StringRef path) {
  return path.ends_with(".onnx") || path.ends_with(".onnxtxt");
}
} // namespace

bool mlir::nd4j::isModelFile(StringRef path, StringRef contents) {
  if (isOnnxPath(path) || isTfPath(path) || path.ends_with(".fb"))
    return true;
  if (path.ends_with(".mlir") || path.ends_with(".mlirbc"))
    return false;
  return looksLikeOnnxModel(contents) || looksLikeTfGraph(contents) ||
         looksLikeFlatGraph(contents);
}

OwningOpRef<ModuleOp> mlir::nd4j::importModelFile(llvm::SourceMgr &sourceMgr,
                                                  MLIRContext *ctx) {
  const llvm::MemoryBuffer *buffer =
      sourceMgr.getMemoryBuffer(sourceMgr.getMainFileID());
  StringRef path = buffer->getBufferIdentifier();
  StringRef contents = buffer->getBuffer();
  if (path.ends_with(".fb"))
    return importFlatGraph(sourceMgr, ctx);
  if (isTfPath(path) || isOnnxPath(path))
    return isTfPath(path) ? importTf(sourceMgr, ctx)
                          : importOnnx(sourceMgr, ctx);
  if (looksLikeOnnxModel(contents))
    return importOnnx(sourceMgr, ctx);
  if (looksLikeTfGraph(contents))
    return importTf(sourceMgr, ctx);
  if (looksLikeFlatGraph(contents))
    return importFlatGraph(sourceMgr, ctx);
  return importOnnx(sourceMgr, ctx);
}

LogicalResult mlir::nd4j::specializeParsedModule(ModuleOp module) {
  if (inputShapes.empty() && dimValues.empty() && graphOutputs.empty())
    return success();
  if (module.getOps<exec::GraphOp>().empty())
    return emitError(module.getLoc())
           << "--input-shape, --dim and --outputs apply to model files and "
              "nd4j_exec graphs; this module has no nd4j_exec.graph";
  return specializeFlatGraph(module, module.getContext());
}

void mlir::nd4j::registerAllTranslations() {
  TranslateToMLIRRegistration importOnnxRegistration(
      "import-onnx", "Import an ONNX model (.onnx, or .onnxtxt text syntax)",
      importOnnx,
      [](DialectRegistry &registry) { registerAllDialects(registry); });
  TranslateToMLIRRegistration importTfRegistration(
      "import-tf",
      "Import a TensorFlow GraphDef (frozen .pb, or .pbtxt text format)",
      importTf,
      [](DialectRegistry &registry) { registerAllDialects(registry); });
  TranslateToMLIRRegistration importFlatBuffersRegistration(
      "import-flatbuffers",
      "Import a SameDiff FlatBuffers graph (.fb) into nd4j_exec",
      importFlatGraph,
      [](DialectRegistry &registry) { registerAllDialects(registry); });
  TranslateRegistration exportFlatBuffersRegistration(
      "export-flatbuffers",
      "Export an nd4j_exec (or typed nd4j) module as a SameDiff FlatBuffers "
      "graph",
      exportFlatGraph);
  TranslateRegistration flatBuffersToJsonRegistration(
      "flatbuffers-to-json",
      "Print a SameDiff FlatBuffers graph as JSON (every stored field)",
      dumpFlatGraph);
  // The last step of the CPU and GPU paths: LLVM dialect → LLVM IR.
  registerToLLVMIRTranslation();
}
