//===- Signature.h - the model signature text -----------------*- C++ -*-===//
//
// Parses and validates the `nd4j_model_signature` text of nd4j_model_abi.h
// into the inputs and outputs the runtime checks tensors against.
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_RUNTIME_SIGNATURE_H
#define ND4J_RUNTIME_SIGNATURE_H

#include "nd4j-mlir/Runtime/nd4j_runtime.h"

#include <cstdint>
#include <string>
#include <vector>

namespace nd4j {
namespace runtime {

struct SignatureEntry {
  std::string name;
  nd4j_dtype dtype = ND4J_DTYPE_INVALID;
  std::vector<int64_t> shape;
};

struct Signature {
  int32_t abiVersion = 0;
  /// The optional `target` record: "cpu" (also when absent) or "nvptx".
  std::string target = "cpu";
  /// The optional `cpu-features` record: the x86 features (LLVM's names)
  /// the library's code uses.
  std::vector<std::string> cpuFeatures;
  std::vector<SignatureEntry> inputs;
  std::vector<SignatureEntry> outputs;
};

/// Parses `text`. On failure returns ND4J_STATUS_BAD_SIGNATURE or
/// ND4J_STATUS_UNSUPPORTED_ABI and sets `error` to the reason, with the line
/// number ("signature line 3: unknown dtype 'f33'"). Accepts one optional
/// `target <cpu|nvptx>` line and then one optional `cpu-features f1 f2 ...`
/// line before the first input or output.
nd4j_status parseSignature(const char *text, Signature &signature,
                           std::string &error);

} // namespace runtime
} // namespace nd4j

#endif // ND4J_RUNTIME_SIGNATURE_H
