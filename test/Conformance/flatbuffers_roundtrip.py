"""The FlatBuffers round trip the conformance suites run with --flatbuffers.

A model that imports is converted to nd4j_exec (nd4j-opt), written as
SameDiff FlatBuffers, read back and written again: it round-trips when the
read-back IR prints as before, and is lossless when the second file has the
same bytes as the first (constants over 16 elements that import-time folding
left inline read back as resource blobs: lossless, but printed differently).
With cross_check, the files written are then checked against nd4j's op
descriptors (flatbuffers_cross_check.py).
"""
import concurrent.futures
import os
import shutil
import subprocess
import tempfile

from flatbuffers_cross_check import cross_check as cross_check_folder


def round_trip(tool, model, args, tmp, keep=None):
    """'identical', 'lossless' or the reason the FlatBuffers round trip of
    `model` (imported with the extra nd4j-opt `args`) fails. The first file
    written is copied to `keep` when given."""
    opt = os.path.join(os.path.dirname(tool), "nd4j-opt")
    a, fb, b, fb2 = (os.path.join(tmp, n) for n in ("a.mlirbc", "a.fb", "b.mlir", "b.fb"))
    steps = [[opt, model, *args, "--convert-nd4j-to-exec", "--emit-bytecode", "-o", a],
             [tool, "--export-flatbuffers", a, "-o", fb],
             [tool, "--import-flatbuffers", fb, "-o", b],
             [tool, "--export-flatbuffers", b, "-o", fb2]]
    for step in steps:
        proc = subprocess.run(step, capture_output=True, text=True, timeout=60)
        if proc.returncode != 0:
            lines = [l for l in proc.stderr.splitlines() if "error:" in l]
            return f"{os.path.basename(step[0])} {step[1]}: " + (lines[0] if lines else "failed")
        if keep and step[1] == "--export-flatbuffers" and step[-1] == fb:
            shutil.copyfile(fb, keep)
    if open(fb, "rb").read() != open(fb2, "rb").read():
        return "not lossless: the read-back graph writes different bytes"
    printed = [subprocess.run([opt, f], capture_output=True).stdout for f in (a, b)]
    return "identical" if printed[0] == printed[1] else "lossless"


def check_flatbuffers(tool, models, cross_check=False):
    """Round-trips each (name, model, nd4j-opt args); prints the counts and
    every failure, and returns the number of failures. With `cross_check`,
    also checks the files written against nd4j's op descriptors and counts
    its failures."""
    written = tempfile.TemporaryDirectory() if cross_check else None

    def one(nm):
        keep = os.path.join(written.name, nm[0].replace("/", "_") + ".fb") if written else None
        with tempfile.TemporaryDirectory() as tmp:
            try:
                return nm[0], round_trip(tool, nm[1], nm[2], tmp, keep)
            except subprocess.TimeoutExpired:
                return nm[0], "timed out"
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        results = list(pool.map(one, models))
    identical = sum(r == "identical" for _, r in results)
    lossless = sum(r == "lossless" for _, r in results)
    for name, r in results:
        if r not in ("identical", "lossless"):
            print("FLATBUFFERS FAIL", f"{name}: {r}")
    print(f"FlatBuffers round trip: {identical + lossless} of {len(results)} imported models "
          f"are lossless, {identical} print identically")
    failures = len(results) - identical - lossless
    if written:
        with written:
            failures += cross_check_folder(tool, written.name)
    return failures
