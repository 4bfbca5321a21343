#!/usr/bin/env bash
#===- scripts/asan-check.sh - FlatBuffers corrupt-file tests under ASan -----===#
#
# Builds nd4j-mlir's own code with AddressSanitizer and UndefinedBehavior-
# Sanitizer (clang-22, -DND4J_SANITIZE=address,undefined) in a separate build
# folder, only the targets the FlatBuffers reader's corrupt-file tests run
# (nd4j-translate, nd4j-opt, the GoogleTest binary), and runs those tests:
# the lit tests of truncated, corrupt and rule-breaking files and export
# errors, and the FlatBuffers GoogleTests (every truncation and many
# corruptions of a file). Any ASan or UBSan report aborts the process, so
# the test fails; leaks are reported too.
#
# Needs, beyond scripts/setup.sh's packages, clang's sanitizer runtimes
# (libclang-rt-22-dev), which it installs unless SKIP_APT=1.
#
# Environment: BUILD_DIR (default: build-asan), JOBS (default: 2),
# SKIP_APT=1 to skip apt-get.
#
#===------------------------------------------------------------------------===#
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build-asan}
JOBS=${JOBS:-2}
LLVM_BIN=/usr/lib/llvm-22/bin
start=$(date +%s)

if [ "${SKIP_APT:-0}" != 1 ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; fi
  echo "== Installing libclang-rt-22-dev"
  $SUDO env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends libclang-rt-22-dev >/dev/null
fi

echo "== Configuring ${BUILD_DIR}/ with ASan + UBSan"
# -O1 keeps the build short and the reports readable; asserts stay on.
cmake -G Ninja -S . -B "${BUILD_DIR}" \
  -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE=-O1 \
  -DCMAKE_C_FLAGS_RELEASE=-O1 \
  -DCMAKE_C_COMPILER=clang-22 -DCMAKE_CXX_COMPILER=clang++-22 \
  -DMLIR_DIR=/usr/lib/llvm-22/lib/cmake/mlir \
  -DND4J_SANITIZE=address,undefined >/dev/null

echo "== Building nd4j-translate, nd4j-opt, Nd4jUnitTests (-j${JOBS})"
ninja -C "${BUILD_DIR}" -j"${JOBS}" nd4j-translate nd4j-opt Nd4jUnitTests
built=$(date +%s)

export ASAN_OPTIONS=abort_on_error=1:detect_leaks=1
export UBSAN_OPTIONS=print_stacktrace=1:abort_on_error=1:halt_on_error=1
export ASAN_SYMBOLIZER_PATH=${LLVM_BIN}/llvm-symbolizer
export ND4J_SHARED_DIR=${ND4J_SHARED_DIR:-$(cd .. && pwd)/shared}

echo "== lit: FlatBuffers corrupt-file and error tests"
T="${BUILD_DIR}/test/Target/FlatBuffers"
"${LLVM_BIN}/lit" -sv "${T}/errors.test" "${T}/errors-semantic.test" \
  "${T}/strings.test" "${T}/export-errors.mlir"

echo "== GoogleTest: FlatBuffers reader and writer"
"${BUILD_DIR}/test/Unit/Nd4jUnitTests" --gtest_filter='FlatBuffers*' \
  --gtest_brief=1

end=$(date +%s)
echo "== ASan/UBSan check passed: built in $((built - start)) s," \
  "tests in $((end - built)) s"
