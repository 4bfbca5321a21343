//===- FlatGraphCrossCheck.h - FlatBuffers nodes vs nd4j's descriptors
//-----===//
//
// Checks every node of a SameDiff FlatGraph against nd4j's own op
// descriptors (nd4j-op-def.pbtxt): the op name exists, and the input and
// argument vectors have no more slots than the reference declares for their
// types (plus the slots libnd4j reads that the reference omits, as our
// descriptors document them; unbounded for lists our descriptors declare
// variable-length), and no fewer inputs than our descriptor requires.
// Names that legitimately differ are counted with their reason.
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_TEST_UNIT_TARGET_FLATGRAPHCROSSCHECK_H
#define ND4J_TEST_UNIT_TARGET_FLATGRAPHCROSSCHECK_H

#include "test/Unit/Support/ReferenceOpDefs.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"
#include <map>
#include <string>
#include <vector>

namespace mlir {
namespace nd4j {

struct CrossCheckReport {
  unsigned files = 0;
  unsigned nodes = 0;
  /// Nodes whose slot counts were bounded by one of our descriptors too
  /// (minimum, variable-length lists, documented extra slots).
  unsigned withDescriptor = 0;
  /// Nodes checked against the reference's upper bounds only.
  unsigned referenceOnly = 0;
  /// Nodes per op name.
  std::map<std::string, unsigned> ops;
  /// "name: reason" of nodes that legitimately differ, with their count.
  std::map<std::string, unsigned> differences;
  /// "file: node 'n' (op): problem".
  std::vector<std::string> errors;

  void print(llvm::raw_ostream &os) const;
};

/// Checks the FlatGraph in `data` (named `file` in errors) against `ref`.
void crossCheckFlatGraph(llvm::StringRef data, llvm::StringRef file,
                         const RefOpMap &ref, CrossCheckReport &report);

} // namespace nd4j
} // namespace mlir

#endif // ND4J_TEST_UNIT_TARGET_FLATGRAPHCROSSCHECK_H
