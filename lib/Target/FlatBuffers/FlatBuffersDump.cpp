//===- FlatBuffersDump.cpp - a FlatGraph as JSON --------------------------===//
//
// `nd4j-translate --flatbuffers-to-json`: every field present in the file,
// named as in SameDiff.fbs, enums by name, vectors on one line. Uses the
// mini-reflection tables flatc generates, so it follows the schema as it
// changes. Array payloads are shown as stored (signed bytes, big-endian).
//
//===----------------------------------------------------------------------===//

#include "lib/Target/FlatBuffers/FlatBuffers.h"

#include "SameDiff_generated.h"
#include "flatbuffers/minireflect.h"

using namespace mlir;
using namespace mlir::nd4j;
namespace sd = ::nd4j::samediff;

LogicalResult mlir::nd4j::dumpFlatBuffersAsJson(StringRef data, StringRef path,
                                                llvm::raw_ostream &os,
                                                llvm::raw_ostream &errs) {
  if (std::string why = getFlatGraphProblem(data); !why.empty()) {
    errs << path << ": error: not a SameDiff FlatBuffers graph: " << why
         << "\n";
    return failure();
  }
  flatbuffers::ToStringVisitor visitor("\n", /*quotes=*/true, "  ",
                                       /*vdelimited=*/false);
  flatbuffers::IterateFlatBuffer(reinterpret_cast<const uint8_t *>(data.data()),
                                 sd::FlatGraphTypeTable(), &visitor);
  os << visitor.s << "\n";
  return success();
}
