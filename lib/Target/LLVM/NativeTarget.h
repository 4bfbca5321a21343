//===- NativeTarget.h - LLVM IR, objects and shared libraries --*- C++ -*-===//
//
// The back end of nd4j-compile's CPU path: an LLVM-dialect module becomes
// optimized LLVM IR for a target machine (the host by default), an object
// file emitted in-process, and a shared library linked by the system's C
// compiler driver.
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_LIB_TARGET_LLVM_NATIVETARGET_H
#define ND4J_LIB_TARGET_LLVM_NATIVETARGET_H

#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/raw_ostream.h"
#include <memory>
#include <string>

namespace llvm {
class LLVMContext;
class Module;
class TargetMachine;
} // namespace llvm

namespace mlir {
namespace nd4j {

struct NativeTargetOptions {
  /// Empty: the host's triple, CPU and CPU features.
  std::string triple, cpu, features;
  unsigned optLevel = 2;
};

/// A target machine for `options`; null with `error` set when the triple or
/// CPU is unknown.
std::unique_ptr<llvm::TargetMachine>
createTargetMachine(const NativeTargetOptions &options, std::string &error);

/// Translates an LLVM-dialect module to LLVM IR for `machine` and runs
/// LLVM's optimization pipeline at `optLevel`. Null after a diagnostic.
std::unique_ptr<llvm::Module> translateAndOptimize(ModuleOp module,
                                                   llvm::LLVMContext &ctx,
                                                   llvm::TargetMachine &machine,
                                                   unsigned optLevel);

/// Translates an LLVM-dialect module to LLVM IR (not optimized). Null after
/// a diagnostic.
std::unique_ptr<llvm::Module> translateToLLVMIR(ModuleOp module,
                                                llvm::LLVMContext &ctx);

/// Splits `module` into up to `partitions` parts and optimizes and compiles
/// them on as many threads, each in its own LLVMContext, writing one object
/// file per part to `objectPaths` (which it fills). LLVM's optimizations and
/// code generation are per function, so this scales with the cores; the
/// parts link like one object.
LogicalResult
emitObjectsInParallel(llvm::Module &module, const NativeTargetOptions &options,
                      unsigned partitions, llvm::StringRef stem,
                      llvm::SmallVectorImpl<std::string> &objectPaths,
                      std::string &error);

/// Adds the `cpu-features` record to the model signature in `module`: the
/// x86 features `machine` generates code for that the runtime checks for at
/// load time (nd4j_model_abi.h). Nothing for other architectures or a
/// module without a signature.
void recordCpuFeatures(llvm::Module &module,
                       const llvm::TargetMachine &machine);

/// Writes `module` as an object file.
LogicalResult emitObject(llvm::Module &module, llvm::TargetMachine &machine,
                         llvm::raw_pwrite_stream &os, std::string &error);

/// Links `objectPaths` into the shared library `outputPath` with the system
/// C compiler driver (`$CC`, else cc, clang-22, gcc), against libm and the
/// `extraArgs` (e.g. the runtime library of a GPU model).
LogicalResult linkSharedLibrary(llvm::ArrayRef<std::string> objectPaths,
                                llvm::StringRef outputPath, std::string &error,
                                llvm::ArrayRef<std::string> extraArgs = {});

} // namespace nd4j
} // namespace mlir

#endif // ND4J_LIB_TARGET_LLVM_NATIVETARGET_H
