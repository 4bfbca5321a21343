//===- NativeTarget.cpp - LLVM IR, objects and shared libraries -*- C++ -*-===//
//
// Implements NativeTarget.h with LLVM's TargetMachine in-process; only the
// final link runs a subprocess.
//
//===----------------------------------------------------------------------===//

#include "lib/Target/LLVM/NativeTarget.h"

#include "mlir/ExecutionEngine/OptUtils.h"
#include "mlir/Target/LLVMIR/Export.h"
#include "llvm/Bitcode/BitcodeReader.h"
#include "llvm/Bitcode/BitcodeWriter.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Module.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Target/TargetMachine.h"
#include "llvm/Target/TargetOptions.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/TargetParser/SubtargetFeature.h"
#include "llvm/TargetParser/Triple.h"
#include "llvm/Transforms/Utils/SplitModule.h"
#include <mutex>
#include <thread>

using namespace mlir;
using namespace mlir::nd4j;

std::unique_ptr<llvm::TargetMachine>
mlir::nd4j::createTargetMachine(const NativeTargetOptions &options,
                                std::string &error) {
  // Target registration is not thread-safe; the parallel code generation
  // creates machines on several threads.
  static std::once_flag registered;
  std::call_once(registered, [] {
    llvm::InitializeAllTargetInfos();
    llvm::InitializeAllTargets();
    llvm::InitializeAllTargetMCs();
    llvm::InitializeAllAsmPrinters();
  });

  llvm::Triple triple(options.triple.empty() ? llvm::sys::getProcessTriple()
                                             : options.triple);
  const llvm::Target *target =
      llvm::TargetRegistry::lookupTarget(triple, error);
  if (!target)
    return nullptr;
  std::string cpu = options.cpu;
  std::string features = options.features;
  bool host = options.triple.empty() && (cpu.empty() || cpu == "native");
  if (host) {
    cpu = llvm::sys::getHostCPUName().str();
    if (features.empty()) {
      llvm::SubtargetFeatures f;
      for (const auto &feature : llvm::sys::getHostCPUFeatures())
        f.AddFeature(feature.first(), feature.second);
      features = f.getString();
    }
  } else if (cpu == "native") {
    cpu = llvm::sys::getHostCPUName().str();
  }
  if (cpu.empty())
    cpu = "generic";
  llvm::TargetOptions targetOptions;
  std::optional<llvm::CodeGenOptLevel> level =
      llvm::CodeGenOpt::getLevel(std::min(options.optLevel, 3u));
  std::unique_ptr<llvm::TargetMachine> machine(target->createTargetMachine(
      triple, cpu, features, targetOptions, llvm::Reloc::PIC_, std::nullopt,
      level.value_or(llvm::CodeGenOptLevel::Default)));
  if (!machine)
    error =
        "cannot create a target machine for " + triple.str() + " (" + cpu + ")";
  return machine;
}

/// The x86 features the runtime reads with cpuid (runtime/CpuFeatures.cpp
/// has the same names with their cpuid bits).
static const char *const kCheckedX86Features[] = {
    "sse",         "sse2",       "sse3",         "ssse3",
    "sse4.1",      "sse4.2",     "sse4a",        "popcnt",
    "lzcnt",       "movbe",      "bmi",          "bmi2",
    "adx",         "cx16",       "xsave",        "pclmul",
    "aes",         "sha",        "rdrnd",        "prfchw",
    "avx",         "avx2",       "fma",          "fma4",
    "f16c",        "gfni",       "vaes",         "vpclmulqdq",
    "avxvnni",     "avx512f",    "avx512dq",     "avx512cd",
    "avx512bw",    "avx512vl",   "avx512ifma",   "avx512vbmi",
    "avx512vbmi2", "avx512vnni", "avx512bitalg", "avx512vpopcntdq",
    "avx512bf16",  "avx512fp16", "amx-tile",     "amx-int8",
    "amx-bf16"};

void mlir::nd4j::recordCpuFeatures(llvm::Module &module,
                                   const llvm::TargetMachine &machine) {
  if (!machine.getTargetTriple().isX86())
    return;
  llvm::GlobalVariable *old = module.getNamedGlobal("nd4j_model_signature");
  if (!old || !old->hasInitializer())
    return;
  auto *data = dyn_cast<llvm::ConstantDataArray>(old->getInitializer());
  if (!data || !data->isString())
    return;
  std::string text = data->getAsString().str();
  if (!text.empty() && text.back() == '\0')
    text.pop_back();
  const llvm::MCSubtargetInfo *sti = machine.getMCSubtargetInfo();
  std::string record = "cpu-features";
  for (const char *feature : kCheckedX86Features)
    if (sti->checkFeatures(std::string("+") + feature))
      record += std::string(" ") + feature;
  record += "\n";
  // After the `nd4j-model` header and the optional `target` line.
  size_t pos = text.find('\n');
  pos = pos == std::string::npos ? text.size() : pos + 1;
  if (text.compare(pos, 7, "target ") == 0) {
    size_t eol = text.find('\n', pos);
    pos = eol == std::string::npos ? text.size() : eol + 1;
  }
  text.insert(pos, record);
  llvm::Constant *init = llvm::ConstantDataArray::getString(
      module.getContext(), text, /*AddNull=*/true);
  auto *global = new llvm::GlobalVariable(
      module, init->getType(), /*isConstant=*/true, old->getLinkage(), init);
  global->copyAttributesFrom(old);
  global->takeName(old);
  old->replaceAllUsesWith(global);
  old->eraseFromParent();
}

std::unique_ptr<llvm::Module>
mlir::nd4j::translateToLLVMIR(ModuleOp module, llvm::LLVMContext &ctx) {
  return translateModuleToLLVMIR(module, ctx, "nd4j-model");
}

LogicalResult mlir::nd4j::emitObjectsInParallel(
    llvm::Module &module, const NativeTargetOptions &options,
    unsigned partitions, StringRef stem, SmallVectorImpl<std::string> &objects,
    std::string &error) {
  // Parts travel as bitcode: an LLVMContext is not shared across threads.
  std::vector<SmallString<0>> parts;
  llvm::SplitModule(
      module, std::max(1u, partitions),
      [&](std::unique_ptr<llvm::Module> part) {
        SmallString<0> buffer;
        llvm::raw_svector_ostream os(buffer);
        llvm::WriteBitcodeToFile(*part, os);
        parts.push_back(std::move(buffer));
      },
      /*PreserveLocals=*/false, /*RoundRobin=*/true);

  std::vector<std::string> errors(parts.size());
  for (size_t i = 0; i < parts.size(); ++i)
    objects.push_back((stem + "." + Twine(i) + ".o").str());
  auto work = [&](size_t i) {
    llvm::LLVMContext ctx;
    auto part = llvm::parseBitcodeFile(
        llvm::MemoryBufferRef(parts[i].str(), "part"), ctx);
    if (!part) {
      errors[i] = llvm::toString(part.takeError());
      return;
    }
    std::unique_ptr<llvm::TargetMachine> machine =
        createTargetMachine(options, errors[i]);
    if (!machine)
      return;
    (*part)->setTargetTriple(machine->getTargetTriple());
    (*part)->setDataLayout(machine->createDataLayout());
    auto transformer = makeOptimizingTransformer(
        std::min(options.optLevel, 3u), /*sizeLevel=*/0, machine.get());
    if (llvm::Error err = transformer(part->get())) {
      errors[i] = llvm::toString(std::move(err));
      return;
    }
    std::error_code ec;
    llvm::raw_fd_ostream os(objects[i], ec, llvm::sys::fs::OF_None);
    if (ec) {
      errors[i] = objects[i] + ": " + ec.message();
      return;
    }
    if (failed(emitObject(**part, *machine, os, errors[i])))
      return;
  };
  std::vector<std::thread> threads;
  for (size_t i = 1; i < parts.size(); ++i)
    threads.emplace_back(work, i);
  if (!parts.empty())
    work(0);
  for (std::thread &t : threads)
    t.join();
  for (const std::string &e : errors)
    if (!e.empty()) {
      error = e;
      return failure();
    }
  return success();
}

std::unique_ptr<llvm::Module>
mlir::nd4j::translateAndOptimize(ModuleOp module, llvm::LLVMContext &ctx,
                                 llvm::TargetMachine &machine,
                                 unsigned optLevel) {
  std::unique_ptr<llvm::Module> llvmModule =
      translateModuleToLLVMIR(module, ctx, "nd4j-model");
  if (!llvmModule)
    return nullptr;
  llvmModule->setTargetTriple(machine.getTargetTriple());
  llvmModule->setDataLayout(machine.createDataLayout());
  auto transformer = makeOptimizingTransformer(std::min(optLevel, 3u),
                                               /*sizeLevel=*/0, &machine);
  if (llvm::Error err = transformer(llvmModule.get())) {
    module.emitError("LLVM optimization failed: ")
        << llvm::toString(std::move(err));
    return nullptr;
  }
  return llvmModule;
}

LogicalResult mlir::nd4j::emitObject(llvm::Module &module,
                                     llvm::TargetMachine &machine,
                                     llvm::raw_pwrite_stream &os,
                                     std::string &error) {
  llvm::legacy::PassManager pm;
  if (machine.addPassesToEmitFile(pm, os, nullptr,
                                  llvm::CodeGenFileType::ObjectFile)) {
    error = "the target cannot emit object files";
    return failure();
  }
  pm.run(module);
  return success();
}

LogicalResult mlir::nd4j::linkSharedLibrary(ArrayRef<std::string> objectPaths,
                                            StringRef outputPath,
                                            std::string &error,
                                            ArrayRef<std::string> extraArgs) {
  std::string driver;
  SmallVector<std::string> candidates;
  if (const char *cc = std::getenv("CC"); cc && *cc)
    candidates.push_back(cc);
  candidates.append({"cc", "clang-22", "clang", "gcc"});
  for (const std::string &name : candidates)
    if (auto path = llvm::sys::findProgramByName(name)) {
      driver = *path;
      break;
    }
  if (driver.empty()) {
    error = "no C compiler driver (cc, clang-22, gcc) found on PATH to link "
            "the shared library";
    return failure();
  }
  SmallString<128> errorFile;
  if (llvm::sys::fs::createTemporaryFile("nd4j-link", "txt", errorFile)) {
    error = "cannot create a temporary file";
    return failure();
  }
  std::string out = outputPath.str();
  SmallVector<StringRef> args{driver, "-shared", "-o", out};
  for (const std::string &obj : objectPaths)
    args.push_back(obj);
  args.append({"-lm", "-Wl,--no-undefined"});
  for (const std::string &arg : extraArgs)
    args.push_back(arg);
  std::optional<StringRef> redirects[] = {std::nullopt, errorFile.str(),
                                          errorFile.str()};
  int rc = llvm::sys::ExecuteAndWait(driver, args, std::nullopt, redirects,
                                     /*SecondsToWait=*/300, 0, &error);
  if (rc != 0) {
    auto log = llvm::MemoryBuffer::getFile(errorFile);
    error = "linking with " + driver + " failed" +
            (log ? ": " + (*log)->getBuffer().trim().str() : "") +
            (error.empty() ? "" : " (" + error + ")");
  }
  llvm::sys::fs::remove(errorFile);
  return success(rc == 0);
}
