"""Compiles the ONNX backend test models to native libraries and runs them.

Usage: onnx_e2e.py ND4J_COMPILE ND4J_RUN DATA_DIR THRESHOLD_FILE EXCLUDED_FILE
                   [--report FILE] [--jobs N] [--filter REGEX] [--runner ctypes]
                   [--work DIR] [--target cpu|nvptx|gpu-emulation]
                   [--fake-cuda LIB]

For each model of Debian's libonnx-testdata (node, pytorch-converted,
pytorch-operator, simple) that has `test_data_set_*` folders, runs
`nd4j-compile model.onnx -o model.so`, then for every data set
`nd4j-run model.so --inputs SET --compare SET` (ONNX's tolerances, rtol 1e-3
and atol 1e-7). A model passes when it compiles and every data set matches.

Prints, for the node tests and for the other three suites together, the
passed/failed/excluded counts and the pass rate over the applicable (not
excluded) models, then exits non-zero when a count falls below the one
recorded in THRESHOLD_FILE (lines `node N` and `models N`), or when a
compile or a run crashes. Models listed in EXCLUDED_FILE (with a reason)
are not counted. --report writes every failure with its first error line.

--target compiles with `nd4j-compile --target=...`: nvptx runs the models on
a GPU (test/Integration/CUDA), gpu-emulation runs the NVPTX pipeline's
kernels as CPU loops (checks the GPU transformations without a GPU).

--fake-cuda LIB (with --target nvptx) runs each model's host code against
the CUDA driver stand-in LIB (test/Unit/Runtime/FakeCuda.c) instead of a
GPU: outputs are not computed, so a model passes when nd4j-run succeeds on
every data set and the stand-in reports every allocation freed, every
stream destroyed and every module unloaded.

--runner ctypes runs the libraries through Python's ctypes instead of
nd4j-run (a cross-check of nd4j-run, and a fallback while developing).
"""
import glob
import os
import re
import sys
import tempfile

from e2e_common import (compile_model, finish, option, read_thresholds, run_checks,
                        run_fake_cuda, run_model, target_label)
from onnx_backend import SUITES, read_list


def run_ctypes(lib, data_set):
    """Runs `lib` on an ONNX data set with ctypes; returns (ok, message)."""
    import ctypes
    import numpy as np
    import onnx
    from onnx import numpy_helper
    handle = ctypes.CDLL(lib)
    load = lambda pattern: [numpy_helper.to_array(onnx.load_tensor(f)) for f in
                            sorted(glob.glob(os.path.join(data_set, pattern)),
                                   key=lambda p: int(re.findall(r"\d+", os.path.basename(p))[0]))]
    inputs = [np.ascontiguousarray(a) for a in load("input_*.pb")]
    expected = load("output_*.pb")
    outputs = [np.zeros_like(e) for e in expected]
    ins = (ctypes.c_void_p * max(1, len(inputs)))(*[a.ctypes.data for a in inputs])
    outs = (ctypes.c_void_p * max(1, len(outputs)))(*[a.ctypes.data for a in outputs])
    if handle.nd4j_model_run(ins, outs, None) != 0:
        return False, "entry point failed"
    for i, (got, want) in enumerate(zip(outputs, expected)):
        if got.dtype.kind in "fc":
            ok = np.allclose(got, want, rtol=1e-3, atol=1e-7, equal_nan=True)
        else:
            ok = np.array_equal(got, want)
        if not ok:
            return False, f"output {i} differs (max abs error {np.max(np.abs(got.astype(np.float64) - want.astype(np.float64)))})"
    return True, ""


def check_model(args):
    compile_tool, run_tool, model_dir, work, runner, target, fake_cuda = args
    name = model_dir.replace(os.sep, "_")
    lib = os.path.join(work, name + ".so")
    failed = compile_model(compile_tool, os.path.join(model_dir, "model.onnx"), lib, target)
    if failed:
        return failed
    try:
        for data_set in sorted(glob.glob(os.path.join(model_dir, "test_data_set_*"))):
            if runner == "ctypes":
                ok, message = run_ctypes(lib, data_set)
                crashed = False
            elif fake_cuda:
                ok, message, crashed = run_fake_cuda(run_tool, lib, data_set, fake_cuda)
            else:
                ok, message, crashed = run_model(run_tool, lib, data_set, data_set)
            if not ok:
                if not crashed:
                    message = f"{os.path.basename(data_set)}: {message}"
                return "fail", message, crashed
    finally:
        if os.path.exists(lib):
            os.remove(lib)
    return "pass", "", False


def main():
    compile_tool, run_tool, data, threshold_file, excluded_file = sys.argv[1:6]
    opt = option
    report = opt("--report")
    jobs = int(opt("--jobs", os.cpu_count() or 2))
    pattern = re.compile(opt("--filter", ".*"))
    runner = opt("--runner", "nd4j-run")
    target = opt("--target", "cpu")
    fake_cuda = opt("--fake-cuda")
    thresholds = read_thresholds(threshold_file)
    excluded = read_list(excluded_file)

    models = []
    for suite in SUITES:
        for model in sorted(glob.glob(os.path.join(data, suite, "*", "model.onnx"))):
            model_dir = os.path.dirname(model)
            key = f"{suite}/{os.path.basename(model_dir)}"
            if glob.glob(os.path.join(model_dir, "test_data_set_*")) and pattern.search(key):
                models.append((key, model_dir))

    work = opt("--work") or tempfile.mkdtemp(prefix="nd4j-e2e-")
    os.makedirs(work, exist_ok=True)
    counted = [(k, d) for k, d in models if k not in excluded]
    results = run_checks(check_model, [(compile_tool, run_tool, d, work, runner, target, fake_cuda)
                                       for _, d in counted], jobs)
    groups = {"node": [0, 0], "models": [0, 0]}
    failures, crashes = [], []
    for (key, _), (status, message, crashed) in zip(counted, results):
        group = groups["node" if key.startswith("node/") else "models"]
        group[0 if status == "pass" else 1] += 1
        if status != "pass":
            failures.append(f"{key}: {message}")
        if crashed:
            crashes.append(f"{key}: {message}")
    n_excluded = {"node": 0, "models": 0}
    for key, _ in models:
        if key in excluded:
            n_excluded["node" if key.startswith("node/") else "models"] += 1

    status = 0
    for name, title in (("node", "node tests"),
                        ("models", "pytorch-converted + pytorch-operator + simple")):
        passed, failed = groups[name]
        applicable = passed + failed
        rate = 100.0 * passed / applicable if applicable else 0.0
        on = target_label(target, fake_cuda)
        print(f"ONNX backend end to end{on}, {title}: {passed} of {applicable} applicable "
              f"pass ({rate:.1f}%); {failed} failed, {n_excluded[name]} excluded")
        # `node.cpu 767` overrides `node 757` for --target=cpu.
        key = f"{name}.{target}" if f"{name}.{target}" in thresholds else name
        if key in thresholds and passed < thresholds[key] and pattern.pattern == ".*":
            print(f"FAIL: {name}: {passed} passed, below the threshold {thresholds[key]}")
            status = 1
    return finish(report, failures, crashes) or status


if __name__ == "__main__":
    sys.exit(main())
