"""Checks exported SameDiff FlatBuffers against nd4j's op descriptors.

Usage: flatbuffers_cross_check.py ND4J_TRANSLATE OUT_DIR MODEL...

Converts each model (ONNX, TF, MLIR or .fb) to nd4j_exec and exports it into
OUT_DIR; a model that does not import (test inputs for import errors) is
counted and named, not exported. Then runs the GoogleTest
FlatBuffersCrossCheck.Directory over OUT_DIR: every node's op name must
exist in ../shared/ref/nd4j-op-def.pbtxt ($ND4J_SHARED_DIR) and its input
and argument vectors fit the slots declared there (see
test/Unit/Target/FlatGraphCrossCheck.h). Prints the counts, the nodes that
legitimately differ with their reason, and every failure; exits non-zero
on a failure. The conformance suites run the same check with --cross-check.
"""
import concurrent.futures
import os
import subprocess
import sys
import tempfile


def unit_tests_binary(tool):
    """The GoogleTest binary of the build that holds `tool` (BUILD/bin)."""
    build = os.path.dirname(os.path.dirname(os.path.realpath(tool)))
    return os.path.join(build, "test", "Unit", "Nd4jUnitTests")


def cross_check(tool, fb_dir):
    """Runs the cross-check over the .fb files of `fb_dir`; prints its
    report and returns the number of failures (1 when it did not run)."""
    env = dict(os.environ, ND4J_FB_CROSS_CHECK_DIR=fb_dir)
    proc = subprocess.run([unit_tests_binary(tool), "--gtest_filter=FlatBuffersCrossCheck.Directory"],
                          capture_output=True, text=True, env=env)
    report = [l for l in proc.stdout.splitlines()
              if l.startswith(("FlatBuffers cross-check:", "ops:", "differs", "FAIL"))]
    print("\n".join(report))
    if proc.returncode != 0 and not any(l.startswith("FAIL") for l in report):
        print(proc.stdout[-2000:] + proc.stderr[-2000:])
    return sum(l.startswith("FAIL") for l in report) or (proc.returncode != 0)


def export(tool, model, fb):
    """Converts `model` to nd4j_exec and writes it as `fb`; True when it
    imports and exports."""
    opt = os.path.join(os.path.dirname(tool), "nd4j-opt")
    with tempfile.TemporaryDirectory() as tmp:
        exec_file = os.path.join(tmp, "a.mlirbc")
        for step in ([opt, model, "--convert-nd4j-to-exec", "--emit-bytecode", "-o", exec_file],
                     [tool, "--export-flatbuffers", exec_file, "-o", fb]):
            if subprocess.run(step, capture_output=True, timeout=60).returncode != 0:
                return False
    return True


def main():
    tool, out_dir, models = sys.argv[1], sys.argv[2], sys.argv[3:]
    os.makedirs(out_dir, exist_ok=True)

    def one(model):
        # Named by its last folders: Import/ONNX/conv-pool.onnxtxt.
        name = os.path.join(*os.path.abspath(model).split(os.sep)[-3:])
        fb = os.path.join(out_dir, name.replace(os.sep, "_") + ".fb")
        return name, export(tool, model, fb)
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        results = list(pool.map(one, models))
    skipped = [n for n, ok in results if not ok]
    print(f"exported {len(results) - len(skipped)} of {len(results)} models; "
          f"{len(skipped)} do not import: {' '.join(skipped)}")
    return 1 if cross_check(tool, out_dir) else 0


if __name__ == "__main__":
    sys.exit(main())
