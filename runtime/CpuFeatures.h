//===- CpuFeatures.h - the host CPU's instruction-set features -*- C++ -*-===//
//
// A model library records the x86 features its code uses (the signature's
// `cpu-features` record); the runtime refuses to run it on a CPU that lacks
// one, naming them, instead of dying with SIGILL inside a run. Features are
// read with cpuid, and AVX/AVX-512/AMX state also needs the operating
// system's support (xgetbv).
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_RUNTIME_CPUFEATURES_H
#define ND4J_RUNTIME_CPUFEATURES_H

#include <string>
#include <vector>

namespace nd4j {
namespace runtime {

/// Whether `feature` (LLVM's x86 feature name, e.g. "avx2", "avx512f") is
/// one the runtime knows how to check.
bool isKnownCpuFeature(const std::string &feature);

/// The features of `required` this CPU lacks. Features named in the
/// environment variable ND4J_CPU_FEATURES_DISABLE (comma-separated) count as
/// lacking: a test hook to see a library refused on any host. Unknown
/// feature names count as lacking too (a newer compiler's feature cannot be
/// vouched for).
std::vector<std::string>
missingCpuFeatures(const std::vector<std::string> &required);

} // namespace runtime
} // namespace nd4j

#endif // ND4J_RUNTIME_CPUFEATURES_H
