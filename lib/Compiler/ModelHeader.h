//===- ModelHeader.h - the C header of a compiled model --------*- C++ -*-===//
//
// `nd4j-compile --emit=header`: a C header describing a compiled model's
// entry point (input/output names, dtypes, shapes), like tfcompile's.
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_LIB_COMPILER_MODELHEADER_H
#define ND4J_LIB_COMPILER_MODELHEADER_H

#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace mlir {
namespace nd4j {

/// The header for the signature text of nd4j_model_abi.h; `prefix` names
/// the macros (an identifier). None when the text is malformed.
std::optional<std::string> generateModelHeader(llvm::StringRef signature,
                                               llvm::StringRef prefix,
                                               llvm::StringRef source);

} // namespace nd4j
} // namespace mlir

#endif // ND4J_LIB_COMPILER_MODELHEADER_H
