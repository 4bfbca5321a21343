# -*- Python -*-
# lit configuration of the nd4j-mlir FileCheck tests.

import os

import lit.formats
from lit.llvm import llvm_config
from lit.llvm.subst import ToolSubst

config.name = "nd4j-mlir"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir", ".test", ".onnxtxt", ".pbtxt"]
config.excludes = ["Unit", "CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py", "Inputs", "onnx_e2e.py", "onnx-e2e-threshold.txt", "onnx-e2e-excluded.txt",
                   "check_generated_docs.py", "onnx_backend.py", "make_models.py",
                   "onnx-backend-excluded.txt", "onnx-backend-threshold.txt",
                   "tf_corpus.py", "onnx_ptx.py", "tf-corpus-threshold.txt", "tf-corpus-failures.txt",
                   "e2e_common.py", "tf_e2e.py", "tf-e2e-threshold.txt", "real_models.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.nd4j_obj_root, "test")

config.substitutions.append(("%PATH%", config.environment["PATH"]))
config.substitutions.append(("%nd4j_src_root", config.nd4j_src_root))
config.environment["FILECHECK_OPTS"] = "-enable-var-scope --allow-unused-prefixes=false"

llvm_config.use_default_substitutions()
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)
llvm_config.with_environment("PATH", config.nd4j_tools_dir, append_path=True)
llvm_config.add_tool_substitutions(
    [ToolSubst("nd4j-opt", unresolved="fatal"),
     ToolSubst("nd4j-translate", unresolved="fatal"),
     ToolSubst("nd4j-compile", unresolved="fatal"),
     ToolSubst("nd4j-run", unresolved="fatal")],
    [config.nd4j_tools_dir])

# The hand-written model libraries of test/Unit/Runtime/FakeModel.c
# (add.so, mixed.so, fail.so, ...) that nd4j-run's tests load.
config.substitutions.append(("%fake_models", config.nd4j_fake_model_dir))
# The build tree (`cmake --install` of the runtime) and the C compiler that
# builds a program against the installed runtime.
config.substitutions.append(("%nd4j_obj_root", config.nd4j_obj_root))
config.substitutions.append(("%cc", config.nd4j_c_compiler))

# The reference data beside the project (../shared) is optional: tests that
# read it say `REQUIRES: shared-ref` and are skipped without it.
shared_ref = os.path.join(config.nd4j_shared_dir, "ref")
if os.path.isfile(os.path.join(shared_ref, "nd4j-op-def.pbtxt")):
    config.available_features.add("shared-ref")
    config.substitutions.append(("%shared_ref", shared_ref))
    config.environment["ND4J_SHARED_DIR"] = config.nd4j_shared_dir

# The TensorFlow op corpus beside the project (../shared/corpus/tf-ops).
tf_corpus = os.path.join(config.nd4j_shared_dir, "corpus", "tf-ops")
if os.path.isfile(os.path.join(tf_corpus, "README.md")):
    config.available_features.add("tf-corpus")
    config.substitutions.append(("%tf_corpus", tf_corpus))

# The real models of ../shared/models, fetched by its fetch.sh into a folder
# named by ND4J_MODELS_DIR (never by the tests themselves).
models_dir = os.environ.get("ND4J_MODELS_DIR", "")
if models_dir and os.path.isdir(os.path.join(models_dir, "ref")):
    config.available_features.add("real-models")
    config.substitutions.append(("%models_dir", models_dir))

config.substitutions.append(("%doc_pairs", config.nd4j_doc_pairs))

# flatc (a build dependency) turns JSON into FlatGraph files for the reader's
# error tests; %samediff_schema is our schema.
if config.nd4j_flatc and os.path.isfile(config.nd4j_flatc):
    config.available_features.add("flatc")
    config.substitutions.append(("%flatc", config.nd4j_flatc))
    config.substitutions.append(("%samediff_schema", config.nd4j_samediff_schema))

# Integration tests build C programs against compiled models.
import shutil
cc = shutil.which("cc") or shutil.which("clang-22") or shutil.which("gcc")
if cc:
    config.available_features.add("cc")
    config.substitutions.append(("%cc", cc))

# ThreadSanitizer through gcc's own libtsan (Debian's gcc ships it).
import subprocess
if shutil.which("g++") and shutil.which("gcc"):
    try:
        libtsan = subprocess.run(["g++", "-print-file-name=libtsan.so"],
                                 capture_output=True, text=True).stdout.strip()
        if os.path.isabs(libtsan) and os.path.exists(libtsan):
            config.available_features.add("tsan")
    except OSError:
        pass

# Style checks need clang-format and a git checkout of the sources.
import shutil
if shutil.which("clang-format"):
    config.available_features.add("clang-format")
if os.path.isdir(os.path.join(config.nd4j_src_root, ".git")) or \
        os.path.isfile(os.path.join(config.nd4j_src_root, ".git")):
    config.available_features.add("git-checkout")

# Python with the onnx package (Debian's python3-onnx) writes binary test
# models; the pyenv python3 on PATH may lack it.
import subprocess
for candidate in ["/usr/bin/python3", "python3"]:
    try:
        if subprocess.run([candidate, "-c", "import onnx, numpy"],
                          capture_output=True).returncode == 0:
            config.available_features.add("python-onnx")
            config.substitutions.append(("%onnx_python", candidate))
            break
    except OSError:
        pass

# Debian's libonnx-testdata: the ONNX backend test models.
onnx_testdata = "/usr/share/libonnx-testdata/data"
if os.path.isdir(os.path.join(onnx_testdata, "node")):
    config.available_features.add("onnx-testdata")
    config.substitutions.append(("%onnx_testdata", onnx_testdata))

# NVPTX: `nvptx` when LLVM has the NVPTX target (Debian's does), `ptxas`
# when the CUDA toolkit's assembler is there, `cuda` only when a driver
# reports a device (never on the CI machines: nothing claims GPU results).
llvm_config_tool = os.path.join(config.llvm_tools_dir, "llvm-config")
try:
    targets = subprocess.run([llvm_config_tool, "--targets-built"],
                             capture_output=True, text=True).stdout.split()
except OSError:
    targets = []
if "NVPTX" in targets:
    config.available_features.add("nvptx")
cuda_toolkit = os.environ.get("ND4J_CUDA_TOOLKIT", "/usr/local/cuda")
ptxas = os.path.join(cuda_toolkit, "bin", "ptxas")
if os.access(ptxas, os.X_OK):
    config.available_features.add("ptxas")
    config.substitutions.append(("%ptxas", ptxas))
config.substitutions.append(("%cuda_toolkit", cuda_toolkit))
try:
    import ctypes
    cuda = ctypes.CDLL("libcuda.so.1")
    count = ctypes.c_int(0)
    if cuda.cuInit(0) == 0 and cuda.cuDeviceGetCount(ctypes.byref(count)) == 0 \
            and count.value > 0:
        config.available_features.add("cuda")
except OSError:
    pass
