#!/usr/bin/env bash
#===- scripts/setup.sh - install, configure, build, run the example -------===#
#
# The one set-up command of the README, for a fresh Debian 12 machine:
# installs the Debian packages the project needs (idempotent), configures
# and builds with CMake + Ninja, then runs the main job on the example model
# shipped in examples/ and says what it did.
#
# Environment: BUILD_DIR (default: build), SKIP_APT=1 to skip apt-get.
#
#===------------------------------------------------------------------------===#
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}

PACKAGES=(
  # Toolchain and build.
  cmake ninja-build ccache clang-22 python3
  # LLVM/MLIR 22: libraries, tablegen, lit, FileCheck.
  llvm-22-dev llvm-22-tools libmlir-22-dev mlir-22-tools
  # LLVM's exported static libraries (used by our nd4j-tblgen) name these.
  libzstd-dev zlib1g-dev
  # ONNX frontend: protobuf, ONNX's C++ library; the ONNX backend test models
  # and python3-onnx for test inputs.
  libprotobuf-dev protobuf-compiler libonnx-dev libonnx-testdata
  python3-onnx python3-numpy
  # SameDiff FlatBuffers target: flatc and the FlatBuffers headers.
  libflatbuffers-dev flatbuffers-compiler
  # Unit tests.
  libgtest-dev
)

if [ "${SKIP_APT:-0}" != 1 ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; fi
  echo "== Installing Debian packages: ${PACKAGES[*]}"
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null
fi

echo "== Configuring in ${BUILD_DIR}/"
cmake -G Ninja -S . -B "${BUILD_DIR}" \
  -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_C_COMPILER=clang-22 -DCMAKE_CXX_COMPILER=clang++-22 \
  -DMLIR_DIR=/usr/lib/llvm-22/lib/cmake/mlir >/dev/null

echo "== Building"
start=$(date +%s)
cmake --build "${BUILD_DIR}"
echo "== Built in $(( $(date +%s) - start )) s: $(ls "${BUILD_DIR}/bin" | tr '\n' ' ')"

model=examples/small_cnn.onnxtxt
out="${BUILD_DIR}/small_cnn.exec.mlir"
echo "== Main job: ${model} (ONNX) -> import rules -> libnd4j's ordered-argument form"
"${BUILD_DIR}/bin/nd4j-opt" "${model}" --convert-nd4j-to-exec -o "${out}"
echo "   wrote ${out}:"
grep -E 'nd4j_exec\.(placeholder|node)' "${out}" |
  sed -E 's/^ *//; s/ : \(.*//; s/ : tensor.*//' | sed 's/^/     /'
lib="${BUILD_DIR}/small_cnn.so"
echo "== ... -> nd4j-compile -> native library ${lib} (+ C header)"
"${BUILD_DIR}/bin/nd4j-compile" "${model}" -o "${lib}"
"${BUILD_DIR}/bin/nd4j-compile" "${model}" --emit=header -o "${BUILD_DIR}/small_cnn.h"
echo "== nd4j-run on a random image (examples/image.npy):"
"${BUILD_DIR}/bin/nd4j-run" "${lib}" --input image=examples/image.npy --print --benchmark 100 |
  sed 's/^/     /'
echo "== Done. Run the tests with: ctest --test-dir ${BUILD_DIR} --output-on-failure"
