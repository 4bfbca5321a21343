//===- Compiler.cpp - the nd4j-compile driver ------------------*- C++ -*-===//
//
// Stages, each one an `--emit=` value: nd4j (after import and the import
// rules), exec (libnd4j's ordered-argument form), flatbuffers, linalg (fused
// linalg on tensors), llvm-mlir (LLVM dialect with the entry point),
// llvm-ir (optimized), asm, obj, lib (the shared library), header (the C
// header describing the entry point), ptx (--target=nvptx: the kernels).
// Input may be a model file or .mlir at the nd4j, nd4j_exec, linalg or
// LLVM-dialect level. --target=nvptx lowers with nd4j-nvptx-pipeline and
// links the library against libnd4j_runtime.so (docs/GPU.md);
// --target=gpu-emulation runs the same kernels as CPU loops in a CPU model.
//
//===----------------------------------------------------------------------===//

#include "nd4j-mlir/Compiler/Compiler.h"

#include "dialects/Exec/IR/ExecOps.h"
#include "dialects/Nd4j/IR/Nd4jDialect.h"
#include "lib/Compiler/ModelHeader.h"
#include "lib/Registration/ModelImport.h"
#include "lib/Registration/ToolOptions.h"
#include "lib/Target/FlatBuffers/FlatBuffers.h"
#include "lib/Target/LLVM/NativeTarget.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/AsmState.h"
#include "mlir/IR/BuiltinDialect.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/FileUtilities.h"
#include "mlir/Support/Timing.h"
#include "nd4j-mlir/InitAll.h"
#include "passes/Conversion/Passes.h"
#include "passes/Pipelines/Pipelines.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Target/TargetMachine.h"

using namespace mlir;
using namespace mlir::nd4j;
namespace cl = llvm::cl;

namespace {

enum class Emit {
  Nd4j,
  Exec,
  FlatBuffers,
  Linalg,
  LLVMMLIR,
  LLVMIR,
  Asm,
  Obj,
  Lib,
  Header,
  PTX
};

struct Options {
  cl::OptionCategory category{"nd4j-compile options"};
  cl::opt<std::string> input{cl::Positional, cl::desc("<model or .mlir>"),
                             cl::init("-"), cl::cat(category)};
  cl::opt<std::string> output{
      "o",
      cl::desc("Output file (default: the input's name with the "
               "stage's extension; text stages go to stdout)"),
      cl::value_desc("file"), cl::cat(category)};
  cl::opt<Emit> emit{
      "emit", cl::desc("What to produce"), cl::init(Emit::Lib),
      cl::values(
          clEnumValN(Emit::Nd4j, "nd4j", "nd4j dialect after import rules"),
          clEnumValN(Emit::Exec, "exec", "nd4j_exec (libnd4j op calls)"),
          clEnumValN(Emit::FlatBuffers, "flatbuffers",
                     "SameDiff FlatBuffers graph (.fb)"),
          clEnumValN(Emit::Linalg, "linalg", "fused linalg on tensors"),
          clEnumValN(Emit::LLVMMLIR, "llvm-mlir", "LLVM dialect"),
          clEnumValN(Emit::LLVMIR, "llvm-ir", "optimized LLVM IR (.ll)"),
          clEnumValN(Emit::Asm, "asm", "target assembly (.s)"),
          clEnumValN(Emit::Obj, "obj", "object file (.o)"),
          clEnumValN(Emit::Lib, "lib", "shared library (.so), the default"),
          clEnumValN(Emit::Header, "header", "C header of the entry point"),
          clEnumValN(Emit::PTX, "ptx", "PTX of the kernels (--target=nvptx)")),
      cl::cat(category)};
  cl::opt<unsigned> optLevel{"O", cl::Prefix,
                             cl::desc("Optimization level 0-3 (default 2)"),
                             cl::init(2), cl::cat(category)};
  cl::opt<std::string> target{
      "target",
      cl::desc("Target: cpu, nvptx, or gpu-emulation (the NVPTX pipeline's "
               "kernels run as CPU loops: a CPU model, to check the GPU "
               "transformations without a GPU)"),
      cl::init("cpu"), cl::cat(category)};
  cl::opt<std::string> gpuArch{
      "gpu-arch", cl::desc("NVIDIA GPU architecture (default sm_80)"),
      cl::init("sm_80"), cl::cat(category)};
  cl::opt<std::string> cudaToolkit{
      "cuda-toolkit",
      cl::desc("CUDA toolkit: libdevice, and ptxas/fatbinary for cubin "
               "(default /usr/local/cuda)"),
      cl::init("/usr/local/cuda"), cl::cat(category)};
  cl::opt<std::string> runtimeDir{
      "runtime-dir",
      cl::desc("Directory of libnd4j_runtime.so, which GPU model libraries "
               "link (default: ../lib next to nd4j-compile)"),
      cl::cat(category)};
  std::string argv0;
  cl::opt<std::string> targetTriple{
      "target-triple", cl::desc("LLVM target triple (default: the host's)"),
      cl::cat(category)};
  cl::opt<std::string> targetCpu{"target-cpu",
                                 cl::desc("Target CPU (default: the host's)"),
                                 cl::cat(category)};
  cl::opt<std::string> targetFeatures{
      "target-features",
      cl::desc("Target features, e.g. +avx2,-avx512f (default: the host "
               "CPU's)"),
      cl::cat(category)};
  cl::opt<bool> quiet{"quiet", cl::desc("No progress lines"),
                      cl::cat(category)};
  cl::opt<int64_t> maxTensorBytes{
      "max-tensor-bytes",
      cl::desc("Largest size in bytes of any value of the model; a model "
               "declaring larger ones is an error (default 16 GiB)"),
      cl::init(int64_t(1) << 34), cl::cat(category)};
  cl::opt<unsigned> jobs{
      "j",
      cl::desc("Threads (and object parts) for LLVM optimization and code "
               "generation of a library (default: the cores)"),
      cl::init(0), cl::cat(category)};
};

StringRef getDefaultExtension(Emit emit) {
  switch (emit) {
  case Emit::Lib:
    return ".so";
  case Emit::Obj:
    return ".o";
  case Emit::Header:
    return ".h";
  case Emit::FlatBuffers:
    return ".fb";
  case Emit::PTX:
    return ".ptx";
  default:
    return "";
  }
}

bool hasDialect(ModuleOp module, function_ref<bool(Dialect *)> pred) {
  bool found = false;
  module->walk([&](Operation *op) {
    if (op->getDialect() && pred(op->getDialect())) {
      found = true;
      return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  return found;
}

/// Prints one line for a stage that took a while, so a multi-second compile
/// shows where it is.
class Progress {
public:
  explicit Progress(bool quiet) : quiet(quiet) {}
  template <typename Fn> LogicalResult stage(StringRef name, Fn &&fn) {
    auto start = std::chrono::steady_clock::now();
    LogicalResult result = fn();
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count();
    if (!quiet && seconds >= 1.0)
      llvm::errs() << "nd4j-compile: " << name << ": "
                   << llvm::format("%.1f", seconds) << " s\n";
    return result;
  }

private:
  bool quiet;
};

/// A C identifier from the output file's stem, for the header's macros.
std::string getIdentifier(StringRef path) {
  std::string id;
  for (char c : llvm::sys::path::stem(path))
    id += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  if (id.empty() || std::isdigit(static_cast<unsigned char>(id[0])))
    id = "model_" + id;
  return id;
}

/// "x f32[1,3,224,224], y f32[1,1000]" for the `kind` records ("input" or
/// "output") of a signature text.
std::string describeSignature(StringRef signature, StringRef kind) {
  std::string out;
  SmallVector<StringRef> lines;
  signature.split(lines, '\n', -1, /*KeepEmpty=*/false);
  for (StringRef line : lines) {
    SmallVector<StringRef> words;
    line.split(words, ' ');
    unsigned rank;
    if (words.size() < 3 || words[0] != kind ||
        words[2].getAsInteger(10, rank) || words.size() < 3 + rank)
      continue;
    std::string dims;
    for (unsigned d = 0; d < rank; ++d)
      dims += (d ? "," : "") + words[3 + d].str();
    // The name is the rest of the line after the dimensions.
    size_t skip = 0;
    for (unsigned w = 0; w < 3 + rank; ++w)
      skip += words[w].size() + 1;
    out += (out.empty() ? "" : ", ") + line.drop_front(skip).str() + " " +
           words[1].str() + "[" + dims + "]";
  }
  return out.empty() ? "none" : out;
}

int compile(Options &opts) {
  auto started = std::chrono::steady_clock::now();
  DialectRegistry registry;
  registerAllDialects(registry);
  MLIRContext ctx(registry);
  ctx.loadAllAvailableDialects();

  bool nvptx = opts.target == "nvptx";
  bool gpuEmulation = opts.target == "gpu-emulation";
  if (opts.target != "cpu" && !nvptx && !gpuEmulation) {
    llvm::errs() << "nd4j-compile: error: unknown --target '" << opts.target
                 << "' (supported: cpu, nvptx, gpu-emulation)\n";
    return 1;
  }
  if (opts.emit == Emit::PTX && !nvptx) {
    llvm::errs() << "nd4j-compile: error: --emit=ptx needs --target=nvptx\n";
    return 1;
  }

  std::string error;
  std::unique_ptr<llvm::MemoryBuffer> buffer =
      openInputFile(opts.input, &error);
  if (!buffer) {
    llvm::errs() << "nd4j-compile: error: " << error << "\n";
    return 1;
  }
  bool isModel = isModelFile(opts.input, buffer->getBuffer());
  auto sourceMgr = std::make_shared<llvm::SourceMgr>();
  sourceMgr->AddNewSourceBuffer(std::move(buffer), llvm::SMLoc());
  SourceMgrDiagnosticHandler handler(*sourceMgr, &ctx);

  DefaultTimingManager timing;
  applyDefaultTimingManagerCLOptions(timing);
  TimingScope rootTiming = timing.getRootScope();
  Progress progress(opts.quiet);
  Emit emit = opts.emit;

  std::string outputPath = opts.output;
  StringRef ext = getDefaultExtension(emit);
  if (outputPath.empty()) {
    if (ext.empty()) {
      outputPath = "-";
    } else {
      SmallString<128> path(opts.input == "-" ? StringRef("model")
                                              : StringRef(opts.input));
      llvm::sys::path::replace_extension(path, ext);
      outputPath = llvm::sys::path::filename(path).str();
    }
  }

  auto writeText = [&](function_ref<void(raw_ostream &)> print) {
    auto file = openOutputFile(outputPath, &error);
    if (!file) {
      llvm::errs() << "nd4j-compile: error: " << error << "\n";
      return 1;
    }
    print(file->os());
    file->keep();
    return 0;
  };
  auto printModule = [&](ModuleOp module) {
    return writeText([&](raw_ostream &os) { module.print(os); });
  };

  OwningOpRef<ModuleOp> module;
  if (failed(progress.stage("import", [&] {
        TimingScope t = rootTiming.nest("import");
        module = isModel ? importModelFile(*sourceMgr, &ctx)
                         : parseSourceFile<ModuleOp>(sourceMgr, &ctx);
        if (module && !isModel && failed(specializeParsedModule(*module)))
          return failure();
        return success(static_cast<bool>(module));
      })))
    return 1;

  auto runPasses = [&](StringRef name,
                       function_ref<void(OpPassManager &)> build) {
    return progress.stage(name, [&] {
      PassManager pm(&ctx);
      if (failed(applyPassManagerCLOptions(pm)))
        return failure();
      TimingScope scope = rootTiming.nest(name);
      pm.enableTiming(scope);
      build(pm);
      return pm.run(*module);
    });
  };

  if (emit == Emit::Nd4j)
    return printModule(*module);
  if (hasDialect(*module, [](Dialect *d) { return isa<Nd4jDialect>(d); }) &&
      failed(runPasses("legalize to nd4j_exec", [](OpPassManager &pm) {
        pm.addPass(createConvertNd4jToExecPass());
      })))
    return 1;
  if (emit == Emit::Exec)
    return printModule(*module);
  if (emit == Emit::FlatBuffers) {
    auto file = openOutputFile(outputPath, &error);
    if (!file) {
      llvm::errs() << "nd4j-compile: error: " << error << "\n";
      return 1;
    }
    if (failed(exportFlatBuffers(*module, file->os())))
      return 1;
    file->keep();
    return 0;
  }

  CpuPipelineOptions pipelineOptions;
  pipelineOptions.maxTensorBytes = opts.maxTensorBytes;
  // The entry point's signature, for the summary line.
  auto signatureText = [&]() -> std::string {
    auto entries =
        (*module)->getAttrOfType<DictionaryAttr>("nd4j.entry_points");
    if (!entries || entries.empty())
      return "";
    auto info = dyn_cast<DictionaryAttr>(entries.begin()->getValue());
    auto text = info ? info.getAs<StringAttr>("signature") : StringAttr();
    return text ? text.getValue().str() : "";
  };
  std::string signature;
  bool hasExec =
      hasDialect(*module, [](Dialect *d) { return isa<exec::ExecDialect>(d); });
  if (hasExec && failed(runPasses("lower to linalg", [&](OpPassManager &pm) {
        buildCpuTensorStages(pm, pipelineOptions);
      })))
    return 1;
  signature = signatureText();
  if (nvptx || gpuEmulation) {
    bool controlFlow = false;
    module->walk([&](func::FuncOp fn) {
      controlFlow |= fn->hasAttr("nd4j.control_flow");
    });
    if (controlFlow) {
      llvm::errs() << "nd4j-compile: error: " << opts.input
                   << ": --target=" << opts.target
                   << " does not compile control flow (If, Loop, Scan, "
                      "while loops) yet; use --target=cpu\n";
      return 1;
    }
    // The GPU host code passes buffers of static shape to its kernels.
    bool dynamic = false;
    module->walk(
        [&](func::FuncOp fn) { dynamic |= fn->hasAttr("nd4j.dynamic_abi"); });
    if (dynamic) {
      // The signature's "input f32 2 ? 6 x" lines, as "x: f32[?, 6]".
      std::string inputs;
      SmallVector<StringRef> lines;
      StringRef(signature).split(lines, '\n');
      for (StringRef line : lines) {
        SmallVector<StringRef> words;
        line.split(words, ' ');
        if (words.size() < 4 || words[0] != "input" ||
            !llvm::is_contained(words, "?"))
          continue;
        unsigned rank = 0;
        if (words[2].getAsInteger(10, rank) || words.size() < 4 + rank)
          continue;
        inputs += (inputs.empty() ? "" : ", ") + words[3 + rank].str() + ": " +
                  words[1].str() + "[";
        for (unsigned d = 0; d < rank; ++d)
          inputs += (d ? ", " : "") + words[3 + d].str();
        inputs += "]";
      }
      llvm::errs() << "nd4j-compile: error: " << opts.input
                   << ": --target=" << opts.target
                   << " compiles static shapes only, and the model has "
                      "dimensions known only at run time ("
                   << inputs
                   << "); give their sizes with --input-shape or --dim\n";
      return 1;
    }
  }
  if (emit == Emit::Linalg)
    return printModule(*module);
  if (emit == Emit::Header) {
    auto entries =
        (*module)->getAttrOfType<DictionaryAttr>("nd4j.entry_points");
    if (!entries || entries.size() != 1) {
      module->emitError("a compiled model has exactly one graph");
      return 1;
    }
    auto info = cast<DictionaryAttr>(entries.begin()->getValue());
    std::optional<std::string> header = generateModelHeader(
        cast<StringAttr>(info.get("signature")).getValue(),
        getIdentifier(outputPath == "-" ? opts.input : outputPath),
        llvm::sys::path::filename(opts.input));
    if (!header) {
      module->emitError("malformed entry point signature");
      return 1;
    }
    return writeText([&](raw_ostream &os) { os << *header; });
  }
  bool isLLVM = !hasDialect(*module, [](Dialect *d) {
    return !isa<LLVM::LLVMDialect>(d) && !isa<BuiltinDialect>(d);
  });
  NvptxPipelineOptions nvptxOptions;
  nvptxOptions.chip = opts.gpuArch;
  nvptxOptions.cudaToolkit = opts.cudaToolkit;
  // With ptxas (and fatbinary) the library carries cubin and PTX; without,
  // PTX only, which the driver compiles when the model is loaded.
  SmallString<128> ptxas(opts.cudaToolkit.getValue());
  llvm::sys::path::append(ptxas, "bin", "ptxas");
  SmallString<128> fatbinary(opts.cudaToolkit.getValue());
  llvm::sys::path::append(fatbinary, "bin", "fatbinary");
  nvptxOptions.format = emit != Emit::PTX &&
                                llvm::sys::fs::can_execute(ptxas) &&
                                llvm::sys::fs::can_execute(fatbinary)
                            ? "fatbin"
                            : "isa";
  if (!isLLVM && failed(runPasses("lower to LLVM", [&](OpPassManager &pm) {
        if (nvptx)
          buildNvptxLoweringStages(pm, nvptxOptions);
        else if (gpuEmulation)
          buildGpuEmulationLoweringStages(pm, nvptxOptions);
        else
          buildCpuLoweringStages(pm, pipelineOptions);
      })))
    return 1;
  if (emit == Emit::PTX) {
    // A model whose work is all copies has no kernels: its PTX is an empty
    // module for the chip, from the same code generator.
    bool hasBinary = false;
    module->walk([&](gpu::BinaryOp) { hasBinary = true; });
    if (!hasBinary && !isLLVM) {
      OpBuilder b = OpBuilder::atBlockEnd(module->getBody());
      gpu::GPUModuleOp::create(b, module->getLoc(), "nd4j_kernels");
      if (failed(runPasses("PTX of no kernels", [&](OpPassManager &pm) {
            addStages(pm, llvm::formatv("nvvm-attach-target{{chip={0} O=3},"
                                        "gpu-module-to-binary{{format=isa}",
                                        nvptxOptions.chip.getValue())
                              .str());
          })))
        return 1;
    }
    std::string ptx;
    module->walk([&](gpu::BinaryOp binary) {
      for (Attribute object : binary.getObjects())
        if (auto o = dyn_cast<gpu::ObjectAttr>(object))
          ptx += o.getObject().getValue().rtrim('\0').str();
    });
    if (ptx.empty()) {
      module->emitError("no PTX: the LLVM-dialect input has no gpu.binary "
                        "of PTX");
      return 1;
    }
    return writeText([&](raw_ostream &os) { os << ptx; });
  }
  if (emit == Emit::LLVMMLIR)
    return printModule(*module);

  NativeTargetOptions targetOptions;
  targetOptions.triple = opts.targetTriple;
  targetOptions.cpu = opts.targetCpu;
  targetOptions.features = opts.targetFeatures;
  targetOptions.optLevel = opts.optLevel;
  std::unique_ptr<llvm::TargetMachine> machine =
      createTargetMachine(targetOptions, error);
  if (!machine) {
    llvm::errs() << "nd4j-compile: error: " << error << "\n";
    return 1;
  }
  llvm::LLVMContext llvmCtx;
  std::unique_ptr<llvm::Module> llvmModule;
  bool serial = emit == Emit::LLVMIR || emit == Emit::Asm || emit == Emit::Obj;
  if (failed(progress.stage("LLVM IR", [&] {
        TimingScope t = rootTiming.nest(
            serial ? "translate and optimize LLVM IR" : "translate to LLVM IR");
        llvmModule = serial ? translateAndOptimize(*module, llvmCtx, *machine,
                                                   opts.optLevel)
                            : translateToLLVMIR(*module, llvmCtx);
        return success(static_cast<bool>(llvmModule));
      })))
    return 1;
  recordCpuFeatures(*llvmModule, *machine);
  if (emit == Emit::LLVMIR)
    return writeText([&](raw_ostream &os) { llvmModule->print(os, nullptr); });
  if (emit == Emit::Asm || emit == Emit::Obj) {
    auto file = openOutputFile(outputPath, &error);
    if (!file) {
      llvm::errs() << "nd4j-compile: error: " << error << "\n";
      return 1;
    }
    if (emit == Emit::Obj) {
      if (failed(emitObject(*llvmModule, *machine, file->os(), error))) {
        llvm::errs() << "nd4j-compile: error: " << error << "\n";
        return 1;
      }
    } else {
      llvm::legacy::PassManager pm;
      if (machine->addPassesToEmitFile(pm, file->os(), nullptr,
                                       llvm::CodeGenFileType::AssemblyFile)) {
        llvm::errs()
            << "nd4j-compile: error: the target cannot emit assembly\n";
        return 1;
      }
      pm.run(*llvmModule);
    }
    file->keep();
    return 0;
  }

  // The library: parts optimized and compiled in parallel, then linked.
  // In the system's temporary directory (the working one may be read-only).
  SmallString<128> tmp, stem;
  llvm::sys::path::system_temp_directory(/*ErasedOnReboot=*/true, tmp);
  llvm::sys::path::append(tmp, "nd4j-compile");
  if (auto ec = llvm::sys::fs::createUniqueDirectory(tmp, stem)) {
    llvm::errs() << "nd4j-compile: error: cannot create a temporary "
                 << "directory: " << ec.message() << "\n";
    return 1;
  }
  SmallVector<std::string> objects;
  llvm::scope_exit cleanUp([&] {
    for (const std::string &obj : objects)
      llvm::sys::fs::remove(obj);
    llvm::sys::fs::remove(stem);
  });
  unsigned threads = opts.jobs
                         ? static_cast<unsigned>(opts.jobs)
                         : llvm::hardware_concurrency().compute_thread_count();
  if (failed(progress.stage("optimize and compile", [&] {
        TimingScope t = rootTiming.nest("optimize and emit object code");
        return emitObjectsInParallel(*llvmModule, targetOptions, threads,
                                     (stem + "/part").str(), objects, error);
      }))) {
    llvm::errs() << "nd4j-compile: error: " << error << "\n";
    return 1;
  }
  if (failed(progress.stage("link", [&] {
        TimingScope t = rootTiming.nest("link");
        SmallVector<std::string> extra;
        if (nvptx) {
          // The mgpu* functions the host code calls live in the runtime.
          std::string dir = opts.runtimeDir;
          if (dir.empty()) {
            SmallString<128> exe(llvm::sys::fs::getMainExecutable(
                opts.argv0.c_str(), reinterpret_cast<void *>(&compileMain)));
            llvm::sys::path::remove_filename(exe);
            llvm::sys::path::append(exe, "..", "lib");
            dir = exe.str().str();
          }
          SmallString<128> lib(dir);
          llvm::sys::path::append(lib, "libnd4j_runtime.so");
          if (!llvm::sys::fs::exists(lib)) {
            error = "GPU models link libnd4j_runtime.so, not found in " + dir +
                    " (use --runtime-dir)";
            return failure();
          }
          SmallString<128> real;
          if (!llvm::sys::fs::real_path(dir, real))
            dir = real.str().str();
          extra = {"-L" + dir, "-lnd4j_runtime", "-Wl,-rpath," + dir};
        }
        return linkSharedLibrary(objects, outputPath, error, extra);
      }))) {
    llvm::errs() << "nd4j-compile: error: " << error << "\n";
    return 1;
  }
  if (!opts.quiet) {
    uint64_t bytes = 0;
    llvm::sys::fs::file_size(outputPath, bytes);
    double seconds = std::chrono::duration<double>(
                         std::chrono::steady_clock::now() - started)
                         .count();
    bool mb = bytes >= 1048576;
    llvm::errs() << "nd4j-compile: wrote " << outputPath << " ("
                 << llvm::format("%.1f", bytes / (mb ? 1048576.0 : 1024.0))
                 << (mb ? " MB" : " KB") << ") in "
                 << llvm::format("%.1f", seconds) << " s; inputs "
                 << describeSignature(signature, "input") << "; outputs "
                 << describeSignature(signature, "output") << "\n";
  }
  return 0;
}

} // namespace

int mlir::nd4j::compileMain(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  registerAllPasses();
  registerAsmPrinterCLOptions();
  registerMLIRContextCLOptions();
  registerPassManagerCLOptions();
  registerDefaultTimingManagerCLOptions();
  Options opts;
  opts.argv0 = argv[0];
  prepareToolOptions("nd4j-compile", {&opts.category});
  cl::ParseCommandLineOptions(
      argc, argv,
      "nd4j-compile: compile a model (ONNX, TensorFlow, SameDiff FlatBuffers "
      "or .mlir) to a native shared library\n");
  return compile(opts);
}
