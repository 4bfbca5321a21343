//===- TfCondConversion.h - TF v1 conditionals to selects ------*- C++ -*-===//
//
// TF's control-flow v1 conditionals (tf.cond, tf.case: Switch nodes route
// a value into a true and a false branch, Merge nodes join them) become
// data flow: each Switch forwards its value to both branches and each
// Merge becomes SelectV2(predicate, true value, false value). Both branches
// are computed and one result is kept, which is exact for the side-effect-
// free branches of inference graphs. Internal to the TF frontend.
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_LIB_FRONTEND_TF_TFCONDCONVERSION_H
#define ND4J_LIB_FRONTEND_TF_TFCONDCONVERSION_H

#include <string>

namespace nd4j {
namespace tf {
class GraphDef;
} // namespace tf
} // namespace nd4j

namespace mlir {
namespace nd4j {

/// Why a conditional could not be converted, at the node that shows it.
struct TfCondError {
  std::string node, op, reason;
};

/// Rewrites the Switch/Merge conditionals of `graph` in place. Graphs with
/// loops (Enter, NextIteration, ...) are left as they are. False, with
/// `error` set, when a Merge does not join the two branches of one Switch.
bool convertTfConditionals(::nd4j::tf::GraphDef &graph, TfCondError &error);

} // namespace nd4j
} // namespace mlir

#endif // ND4J_LIB_FRONTEND_TF_TFCONDCONVERSION_H
