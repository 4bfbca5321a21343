//===- nd4j-tblgen.cpp - TableGen backends for nd4j-mlir
//--------------------===//
//
// Reads the libnd4j descriptors that typed nd4j ops declare in ODS
// (Libnd4jDescriptor.td) and emits the C++ descriptor table and the
// descriptor reference page. Checks every slot against the op's ODS
// arguments, so a misspelt attribute fails the build, not a model.
//
//===----------------------------------------------------------------------===//

#include "mlir/TableGen/Argument.h"
#include "mlir/TableGen/Attribute.h"
#include "mlir/TableGen/GenInfo.h"
#include "mlir/TableGen/Operator.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/TableGen/Error.h"
#include "llvm/TableGen/Main.h"
#include "llvm/TableGen/Record.h"
#include "llvm/TableGen/TableGenBackend.h"

using namespace llvm;
using mlir::tblgen::Operator;

namespace {

enum ActionType { GenDescriptors, GenDocs };

cl::opt<ActionType> action(
    cl::desc("Action to perform:"),
    cl::values(clEnumValN(GenDescriptors, "gen-nd4j-descriptors",
                          "Generate the libnd4j descriptor table"),
               clEnumValN(GenDocs, "gen-nd4j-descriptor-docs",
                          "Generate the descriptor reference (Markdown)")));

const char *const kKindFields[] = {"tArgs", "iArgs", "bArgs", "dArgs", "sArgs"};
const char *const kKindNames[] = {"t_args", "i_args", "b_args", "d_args",
                                  "s_args"};

enum class Arity { Scalar, Optional, Array };

struct Slot {
  StringRef attr;
  Arity arity;
};

/// A typed op's descriptor, validated against its ODS arguments.
struct Descriptor {
  const Record *def;
  std::string opName, cppName, libnd4jName, opType;
  int64_t opNum;
  SmallVector<std::pair<StringRef, char>> inputs; // name, 'S'/'O'/'V'
  unsigned numResults;
  SmallVector<Slot> slots[5];
  StringRef axisArg;
  std::vector<StringRef> undeclared;
};

bool isArrayStorage(StringRef storage) {
  return storage.contains("ArrayAttr"); // Dense*ArrayAttr, ArrayAttr
}

Descriptor readDescriptor(const Record *def) {
  Operator op(def);
  Descriptor d;
  d.def = def;
  d.opName = op.getOperationName();
  d.cppName = op.getCppClassName().str();
  d.libnd4jName = def->getValueAsString("libnd4jName").str();
  if (d.libnd4jName.empty())
    d.libnd4jName =
        op.getOperationName().substr(op.getDialectName().size() + 1);
  d.opType =
      def->getValueAsDef("libnd4jOpType")->getValueAsString("name").str();
  d.opNum = def->getValueAsInt("libnd4jOpNum");
  for (int i = 0, e = op.getNumOperands(); i < e; ++i) {
    const auto &operand = op.getOperand(i);
    char arity = operand.isVariadic() ? 'V' : operand.isOptional() ? 'O' : 'S';
    d.inputs.push_back({operand.name, arity});
  }
  d.numResults = op.getNumResults();
  if (op.getNumVariableLengthResults())
    PrintFatalError(def->getLoc(),
                    "typed nd4j ops need a fixed number of results");

  StringSet<> used;
  auto findAttr = [&](StringRef name) -> const mlir::tblgen::NamedAttribute * {
    for (const auto &attr : op.getAttributes())
      if (attr.name == name)
        return &attr;
    PrintFatalError(def->getLoc(), "descriptor slot '" + name +
                                       "' names no attribute of " + d.opName);
  };
  for (unsigned k = 0; k < 5; ++k) {
    bool sawVariable = false;
    for (StringRef name : def->getValueAsListOfStrings(kKindFields[k])) {
      const auto *attr = findAttr(name);
      if (!used.insert(name).second)
        PrintFatalError(def->getLoc(),
                        "attribute '" + name + "' fills more than one slot");
      Arity arity = isArrayStorage(attr->attr.getStorageType()) ? Arity::Array
                    : attr->attr.isOptional() ? Arity::Optional
                                              : Arity::Scalar;
      // Slots after an optional or array entry would move with its size
      // only at the end of a list is the layout unambiguous.
      if (sawVariable && arity == Arity::Scalar)
        PrintFatalError(def->getLoc(),
                        "'" + name + "' in " + kKindFields[k] +
                            " follows an optional or array slot");
      sawVariable |= arity != Arity::Scalar;
      d.slots[k].push_back({name, arity});
    }
  }
  d.axisArg = def->getValueAsString("axisArg");
  if (!d.axisArg.empty())
    findAttr(d.axisArg);
  for (StringRef u : def->getValueAsListOfStrings("undeclaredInReference"))
    d.undeclared.push_back(u);
  return d;
}

std::vector<Descriptor> readDescriptors(const RecordKeeper &records) {
  std::vector<Descriptor> result;
  std::map<std::pair<std::string, std::string>, std::string> seen;
  for (const Record *def :
       records.getAllDerivedDefinitionsIfDefined("Libnd4jDescriptor")) {
    if (!def->isSubClassOf("Op"))
      continue;
    result.push_back(readDescriptor(def));
    const Descriptor &d = result.back();
    auto [it, inserted] = seen.insert({{d.libnd4jName, d.opType}, d.opName});
    if (!inserted)
      PrintFatalError(def->getLoc(), d.opName + " and " + it->second +
                                         " both execute as " + d.libnd4jName);
  }
  return result;
}

const char *arityName(Arity a) {
  switch (a) {
  case Arity::Scalar:
    return "Scalar";
  case Arity::Optional:
    return "Optional";
  case Arity::Array:
    return "Array";
  }
  llvm_unreachable("arity");
}

bool emitDescriptors(raw_ostream &os, const RecordKeeper &records) {
  emitSourceFileHeader("libnd4j op descriptors", os, records);
  std::vector<Descriptor> descs = readDescriptors(records);
  os << "namespace {\nusing ::mlir::nd4j::ArgSpec;\n"
        "using ::mlir::nd4j::OperandSpec;\n";
  for (const Descriptor &d : descs) {
    os << formatv("const OperandSpec k{0}_inputs[] = {{", d.cppName);
    for (auto [name, arity] : d.inputs)
      os << formatv("{{\"{0}\", OperandSpec::{1}}, ", name,
                    arity == 'S'   ? "Single"
                    : arity == 'O' ? "Optional"
                                   : "Variadic");
    os << "};\n";
    for (unsigned k = 0; k < 5; ++k) {
      if (d.slots[k].empty())
        continue;
      os << formatv("const ArgSpec k{0}_{1}[] = {{", d.cppName, kKindFields[k]);
      for (const Slot &s : d.slots[k])
        os << formatv("{{\"{0}\", ArgSpec::{1}}, ", s.attr, arityName(s.arity));
      os << "};\n";
    }
    if (!d.undeclared.empty()) {
      os << formatv("const ::llvm::StringRef k{0}_undeclared[] = {{",
                    d.cppName);
      for (StringRef u : d.undeclared)
        os << '"' << u << "\", ";
      os << "};\n";
    }
  }
  os << "} // namespace\n\n";
  os << "static const ::mlir::nd4j::OpDescriptor kOpDescriptors[] = {\n";
  for (const Descriptor &d : descs) {
    os << formatv("  {{\"{0}\", \"{1}\", ::mlir::nd4j::exec::OpType::{2}, {3}, "
                  "k{4}_inputs, {5}, {{",
                  d.opName, d.libnd4jName, d.opType, d.opNum, d.cppName,
                  d.numResults);
    for (unsigned k = 0; k < 5; ++k) {
      if (d.slots[k].empty())
        os << "{}, ";
      else
        os << formatv("k{0}_{1}, ", d.cppName, kKindFields[k]);
    }
    os << formatv("}, \"{0}\", ", d.axisArg);
    if (d.undeclared.empty())
      os << "{}";
    else
      os << formatv("k{0}_undeclared", d.cppName);
    os << "},\n";
  }
  os << "};\n";
  return false;
}

bool emitDocs(raw_ostream &os, const RecordKeeper &records) {
  std::vector<Descriptor> descs = readDescriptors(records);
  os << "<!-- Generated by nd4j-tblgen -gen-nd4j-descriptor-docs from the ODS "
        "definitions; do not edit. -->\n\n";
  os << "# libnd4j descriptors of the typed nd4j ops\n\n"
        "Each typed `nd4j` op declares, next to its ODS definition, how it "
        "executes in libnd4j. `convert-nd4j-to-exec` fills the ordered "
        "argument lists of `nd4j_exec.node` from these attributes, in this "
        "order; array attributes fill one slot per element, optional ones "
        "only when present.\n\n"
        "| nd4j op | libnd4j op | op type | inputs | t_args | i_args | "
        "b_args | d_args | s_args | not in nd4j-op-def.pbtxt |\n"
        "|---|---|---|---|---|---|---|---|---|---|\n";
  for (const Descriptor &d : descs) {
    os << formatv("| `{0}` | `{1}` | {2}", d.opName, d.libnd4jName, d.opType);
    if (d.opType != "CUSTOM")
      os << " #" << d.opNum;
    os << " | ";
    ListSeparator sep(", ");
    unsigned idx = 0;
    for (auto [name, arity] : d.inputs)
      os << sep << idx++ << ":" << name
         << (arity == 'O'   ? "?"
             : arity == 'V' ? "..."
                            : "");
    for (unsigned k = 0; k < 5; ++k) {
      os << " | ";
      ListSeparator s2(", ");
      unsigned i = 0;
      for (const Slot &s : d.slots[k])
        os << s2 << i++ << ":" << s.attr
           << (s.arity == Arity::Array      ? "[]"
               : s.arity == Arity::Optional ? "?"
                                            : "");
    }
    os << " | ";
    ListSeparator s3(", ");
    for (StringRef u : d.undeclared)
      os << s3 << u;
    os << " |\n";
  }
  os << "\n`?` optional, `[]` one slot per array element, `...` variadic.\n";
  return false;
}

bool nd4jTableGenMain(raw_ostream &os, const RecordKeeper &records) {
  switch (action) {
  case GenDescriptors:
    return emitDescriptors(os, records);
  case GenDocs:
    return emitDocs(os, records);
  }
  return true;
}

} // namespace

int main(int argc, char **argv) {
  InitLLVM y(argc, argv);
  cl::ParseCommandLineOptions(argc, argv);
  return TableGenMain(argv[0], &nd4jTableGenMain);
}
