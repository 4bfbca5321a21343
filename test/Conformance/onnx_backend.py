"""Imports every model of Debian's ONNX backend test data with nd4j-translate.

Usage: onnx_backend.py ND4J_TRANSLATE DATA_DIR THRESHOLD_FILE EXCLUDED_FILE [--report FILE]
                        [--flatbuffers] [--cross-check]

A model passes when `nd4j-translate --import-onnx` imports it and the import
rules leave no generic node. Prints the pass count, every failure with the
first line of its error, and exits non-zero when the count falls below the
threshold recorded in THRESHOLD_FILE. Models listed in EXCLUDED_FILE (with a
reason) are not counted.

With --flatbuffers, every model that imports is also converted to nd4j_exec,
written as SameDiff FlatBuffers and read back: it round-trips when the
read-back IR prints as before, and is lossless when writing the read-back IR
again gives the same bytes (constants over 16 elements that folding left
inline read back as resource blobs: lossless, but printed differently).
Prints the counts and each model that fails to export or is not lossless.
--cross-check (implies --flatbuffers) also checks every file written against
nd4j's op descriptors (flatbuffers_cross_check.py): op names, and input and
argument counts per slot type.
"""
import concurrent.futures
import os
import subprocess
import sys

from flatbuffers_roundtrip import check_flatbuffers

SUITES = ["node", "pytorch-converted", "pytorch-operator", "simple"]


def read_list(path):
    entries = {}
    with open(path) as f:
        for line in f:
            line = line.split("#", 1)
            name = line[0].strip()
            if name:
                entries[name] = line[1].strip() if len(line) > 1 else ""
    return entries


def run(tool, model):
    try:
        proc = subprocess.run([tool, "--import-onnx", model, "-o", os.devnull],
                              capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        return False, "timed out after 60 s"
    if proc.returncode == 0:
        return True, ""
    if proc.returncode < 0:
        return False, f"crashed (signal {-proc.returncode})"
    lines = [l for l in proc.stderr.splitlines() if "error:" in l]
    return False, (lines[0] if lines else proc.stderr.strip()[:200])


def main():
    tool, data, threshold_file, excluded_file = sys.argv[1:5]
    report = sys.argv[sys.argv.index("--report") + 1] if "--report" in sys.argv else None
    threshold = int(open(threshold_file).read().split()[0])
    excluded = read_list(excluded_file)
    models = []
    for suite in SUITES:
        folder = os.path.join(data, suite)
        for name in sorted(os.listdir(folder)):
            model = os.path.join(folder, name, "model.onnx")
            if os.path.isfile(model):
                models.append((f"{suite}/{name}", model))
    counted = [(n, m) for n, m in models if n not in excluded]
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        results = list(pool.map(lambda nm: (nm[0],) + run(tool, nm[1]), counted))
    passed = [n for n, ok, _ in results if ok]
    failed = [(n, why) for n, ok, why in results if not ok]
    crashed = [(n, why) for n, why in failed if "crashed" in why or "timed out" in why]
    lines = [f"{n}: {why}" for n, why in failed]
    if report:
        with open(report, "w") as f:
            f.write("\n".join(lines) + "\n")
    for line in lines:
        print("FAIL", line)
    print(f"ONNX backend import: {len(passed)} of {len(counted)} models import "
          f"with no generic node ({len(models)} models, {len(models) - len(counted)} excluded); "
          f"threshold {threshold}")
    print(f"{len(passed)} passed, {len(failed)} failed")
    cross_check = "--cross-check" in sys.argv
    if "--flatbuffers" in sys.argv or cross_check:
        models_by_name = dict(counted)
        if check_flatbuffers(tool, [(n, models_by_name[n], []) for n in passed], cross_check):
            print("error: some models do not round-trip through FlatBuffers or fail the "
                  "cross-check")
            return 1
    if crashed:
        print(f"error: {len(crashed)} models crashed or hung the importer")
        return 1
    if len(passed) < threshold:
        print(f"error: {len(passed)} is below the recorded threshold {threshold}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
