"""Helpers of the end-to-end conformance scripts (onnx_e2e.py, tf_e2e.py).

Compiling a model with nd4j-compile, running a compiled library with
nd4j-run (on the CPU, or against the fake CUDA driver), the first error line
of a failure, the command-line options the scripts share, and running the
checks on a thread pool. A check returns (status, message, crashed): status
is "pass" or "fail", crashed says that a tool died from a signal (the
scripts then fail whatever the counts).
"""
import concurrent.futures
import os
import re
import subprocess
import sys


def first_error(text):
    lines = [l for l in text.splitlines() if "error" in l.lower() or "FAIL" in l]
    if not lines:
        lines = text.strip().splitlines()[-1:] or [""]
    line = lines[0]
    # Drop the file prefix of MLIR diagnostics.
    return re.sub(r"^\S+:\d+:\d+: ", "", line)[:300]


def option(flag, default=None):
    """The value after `flag` on the command line, else `default`."""
    return sys.argv[sys.argv.index(flag) + 1] if flag in sys.argv else default


def read_thresholds(path):
    """`NAME COUNT` lines (comments after '#') as {NAME: COUNT}."""
    thresholds = {}
    for line in open(path):
        parts = line.split("#", 1)[0].split()
        if len(parts) == 2:
            thresholds[parts[0]] = int(parts[1])
    return thresholds


def compile_model(compile_tool, model, lib, target, extra_args=(), timeout=300):
    """Compiles `model` to `lib`; None on success, else a failed check."""
    try:
        proc = subprocess.run([compile_tool, model, "-o", lib, "--quiet",
                               "--target=" + target] + list(extra_args),
                              capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "fail", f"compile timed out after {timeout} s", False
    if proc.returncode < 0:
        return "fail", f"nd4j-compile crashed (signal {-proc.returncode})", True
    if proc.returncode != 0:
        return "fail", "compile: " + first_error(proc.stderr), False
    return None


def invoke_run(args, timeout=120, env=None):
    """Runs nd4j-run with `args`; (proc, None) on success, else
    (None, (False, message, crashed))."""
    try:
        proc = subprocess.run(args, capture_output=True, text=True,
                              timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        return None, (False, "run timed out", False)
    if proc.returncode < 0:
        return None, (False, f"nd4j-run crashed (signal {-proc.returncode})", True)
    if proc.returncode != 0:
        return None, (False, first_error(proc.stdout + "\n" + proc.stderr), False)
    return proc, None


def run_model(run_tool, lib, inputs, compare, extra_args=(), timeout=120):
    """Runs `lib` with nd4j-run: inputs from the folder `inputs` (or none),
    outputs compared with the folder `compare`; (ok, message, crashed)."""
    args = [run_tool, lib] + (["--inputs", inputs] if inputs else [])
    _, failure = invoke_run(args + ["--compare", compare] + list(extra_args),
                            timeout)
    return failure or (True, "", False)


FAKE_CUDA = re.compile(r"fake-cuda: launches (\d+) allocs (\d+) frees (\d+) "
                       r"live-bytes (-?\d+) copies \d+ default-stream-copies \d+ "
                       r"streams (\d+)/(\d+) modules (\d+)/(\d+)")


def run_fake_cuda(run_tool, lib, inputs, driver):
    """Runs `lib`'s host code against the CUDA stand-in; (ok, message, crashed)."""
    args = [run_tool, lib] + (["--inputs", inputs] if inputs else [])
    proc, failure = invoke_run(args, env=dict(os.environ, ND4J_CUDA_DRIVER=driver))
    if failure:
        return failure
    match = FAKE_CUDA.search(proc.stderr)
    if not match:
        return False, "no fake-cuda report", False
    _, allocs, frees, live, created, destroyed, loaded, unloaded = map(int, match.groups())
    if allocs != frees or live != 0 or created != destroyed or loaded != unloaded:
        return False, "unbalanced driver resources: " + match.group(0), False
    return True, "", False


def run_checks(check, items, jobs):
    """check(item) for every item on `jobs` threads, results in order."""
    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        return list(pool.map(check, items))


def target_label(target, fake_cuda):
    """" (--target=T)" after the suite's name, for targets other than cpu."""
    label = "" if target == "cpu" else f" (--target={target})"
    if fake_cuda:
        label += " (host code only, fake CUDA driver)"
    return label


def finish(report, lines, crashes):
    """Writes `lines` to the report file (if any) and prints every crash;
    1 when something crashed, else 0."""
    if report:
        with open(report, "w") as f:
            f.write("".join(line + "\n" for line in lines))
    for c in crashes:
        print(f"CRASH: {c}")
    return 1 if crashes else 0
