"""Compiles ONNX backend test models for NVIDIA GPUs and checks the PTX.

Usage: onnx_ptx.py ND4J_COMPILE PTXAS DATA_DIR [--archs sm_80,sm_90]
                   [--compile-per-arch] [--limit N] [--filter REGEX]
                   [--jobs N] [--report FILE] [--threshold N]

For each model of Debian's libonnx-testdata (node, pytorch-converted,
pytorch-operator, simple; sorted by suite and name, the first N with
--limit), runs `nd4j-compile --target=nvptx --gpu-arch=ARCH --emit=ptx
model.onnx` for the first architecture (for each one with
--compile-per-arch) and `ptxas -arch=ARCH` on the PTX for every
architecture. A model counts when it compiles and ptxas accepts its PTX for
every architecture. No GPU is involved: this checks code generation only,
not results.

Prints one line with the counts; exits non-zero when a compile or ptxas
run crashes (a signal), when ptxas rejects any PTX, or when fewer than N
models (--threshold) pass. --report writes each failure with its first
error line.
"""
import argparse
import concurrent.futures
import glob
import os
import re
import subprocess
import sys
import tempfile

from onnx_backend import SUITES


def first_error(text):
    lines = [l for l in text.splitlines() if "error" in l.lower()]
    if not lines:
        lines = text.strip().splitlines()[-1:] or [""]
    return re.sub(r"^\S+:\d+:\d+: ", "", lines[0])[:300]


def check(compiler, ptxas, model, archs, per_arch, work):
    """Returns (status, message): status is ok, compile, ptxas or crash."""
    def run_ptxas(arch, ptx):
        result = subprocess.run(
            [ptxas, "-arch=" + arch, ptx, "-o", os.devnull],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=600)
        if result.returncode < 0:
            return "crash", "ptxas signal %d" % -result.returncode
        if result.returncode != 0:
            return "ptxas", arch + ": " + first_error(
                result.stdout.decode("utf-8", "replace"))
        return None

    ptx = None
    for arch in archs:
        if not ptx or per_arch:
            ptx = os.path.join(work, arch + ".ptx")
            result = subprocess.run(
                [compiler, "--quiet", "--target=nvptx", "--gpu-arch=" + arch,
                 "--emit=ptx", model, "-o", ptx],
                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=600)
            if result.returncode < 0:
                return "crash", "nd4j-compile signal %d" % -result.returncode
            if result.returncode != 0:
                return "compile", first_error(result.stdout.decode("utf-8",
                                                                   "replace"))
        failure = run_ptxas(arch, ptx)
        if failure:
            return failure
    return "ok", ""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("compiler")
    parser.add_argument("ptxas")
    parser.add_argument("data_dir")
    parser.add_argument("--archs", default="sm_80,sm_90")
    parser.add_argument("--compile-per-arch", action="store_true")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--filter", default="")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--report")
    parser.add_argument("--threshold", type=int, default=0)
    args = parser.parse_args()
    archs = args.archs.split(",")

    models = []
    for suite in SUITES:
        for model in sorted(glob.glob(os.path.join(args.data_dir, suite, "*",
                                                   "model.onnx"))):
            name = suite + "/" + os.path.basename(os.path.dirname(model))
            if args.filter and not re.search(args.filter, name):
                continue
            models.append((name, model))
    if args.limit:
        models = models[:args.limit]

    def run(entry):
        name, model = entry
        with tempfile.TemporaryDirectory(prefix="nd4j-ptx-") as work:
            try:
                return name, check(args.compiler, args.ptxas, model, archs,
                                   args.compile_per_arch, work)
            except subprocess.TimeoutExpired:
                return name, ("compile", "timeout")
            except OSError as e:
                # E.g. the compiler being relinked while the check runs.
                return name, ("crash", str(e))

    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        results = sorted(pool.map(run, models))
    counts = {"ok": 0, "compile": 0, "ptxas": 0, "crash": 0}
    for _, (status, _) in results:
        counts[status] += 1
    print("ONNX PTX (%s): %d of %d models produce PTX accepted by ptxas; "
          "%d do not compile, %d rejected by ptxas, %d crashed" %
          (" and ".join(archs), counts["ok"], len(results), counts["compile"],
           counts["ptxas"], counts["crash"]))
    if args.report:
        with open(args.report, "w") as f:
            for name, (status, message) in results:
                if status != "ok":
                    f.write("%s: %s: %s\n" % (name, status, message))
    if counts["ok"] < args.threshold:
        print("FAIL: %d models pass, below the threshold %d" %
              (counts["ok"], args.threshold))
        return 1
    return 1 if counts["crash"] or counts["ptxas"] else 0


if __name__ == "__main__":
    sys.exit(main())
