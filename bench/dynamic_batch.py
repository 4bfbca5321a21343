"""A library compiled with the batch left dynamic against one specialized
for the batch: same results per sample, latency at the specialized shape.

Usage: /usr/bin/python3 bench/dynamic_batch.py BUILD_DIR [--models DIR]
           [--only a,b] [--rounds N] [--repeat N] [--threads N] [--batch B]

For every model (the synthetic mlp and convnet of cpu_models.py, plus the
real models of DIR when ../shared/models/fetch.sh fetched them there), the
first dimension of every input becomes the dim_param `batch` (recipe of
test/Conformance/real_models.py). The model is compiled twice: dynamic, and
specialized at batch 1 with --input-shape. The bench checks that the dynamic
library run at batch 1 and at batch B (default 8; real models: 2, they are
large) gives, per sample, what the specialized library gives for that
sample alone (a model whose graph fixes its batch refuses batch B: the
reason is printed), then times both with `nd4j-run --benchmark`, interleaved over
N rounds (the machine is shared: compare ratios from one run), and prints
the median latency of each and the ratio dynamic/specialized.
"""
import json
import os
import subprocess
import sys
import tempfile

import numpy as np
import onnx
from onnx import helper

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "test", "Conformance"))
import cpu_models  # noqa: E402
import real_models  # noqa: E402


def option(name, default):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def synthetic(work):
    """(name, static model path, [(input name, sample at batch 1)])."""
    rng = np.random.default_rng(7)
    out = []
    for name, make in (("mlp", cpu_models.mlp), ("convnet", cpu_models.convnet)):
        graph, _ = make()
        for value in list(graph.input) + list(graph.output):
            value.type.tensor_type.shape.dim[0].dim_value = 1
        model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
        path = os.path.join(work, name + ".onnx")
        onnx.save(model, path)
        shape = [d.dim_value for d in graph.input[0].type.tensor_type.shape.dim]
        out.append((name, path, [(graph.input[0].name,
                                  rng.standard_normal(shape).astype(np.float32))]))
    return out


def real(data):
    out = []
    for name in sorted(os.listdir(os.path.join(data, "ref"))):
        manifest = real_models.load_manifest(data, name)
        if any(i["shape"][0] != 1 for i in manifest["inputs"]):
            continue
        inputs, _ = real_models.reference(data, name, manifest)
        out.append((name, os.path.join(data, manifest["file"]),
                    [(n, np.load(p)) for n, p in inputs]))
    return out


def compile_lib(build, model, lib, args=()):
    proc = subprocess.run([os.path.join(build, "bin", "nd4j-compile"), model,
                           "-O2", "-o", lib, "--quiet"] + list(args),
                          capture_output=True, text=True)
    if proc.returncode:
        lines = proc.stderr.strip().splitlines()
        return lines[0] if lines else f"exit {proc.returncode}"
    return None


def run(build, lib, feeds, work, tag, extra=()):
    """Runs `lib` on `feeds` ((name, array)); returns {output: array}."""
    outdir = os.path.join(work, tag)
    os.makedirs(outdir, exist_ok=True)
    args = [os.path.join(build, "bin", "nd4j-run"), lib, "--output-dir", outdir]
    for i, (name, x) in enumerate(feeds):
        path = os.path.join(work, f"{tag}.in{i}.npy")
        np.save(path, x)
        args += ["--input", f"{name}={path}"]
    proc = subprocess.run(args + list(extra), capture_output=True, text=True)
    if proc.returncode:
        raise RuntimeError(f"nd4j-run {os.path.basename(lib)}: "
                           + (proc.stderr or proc.stdout).strip().splitlines()[-1])
    if extra:
        return proc.stdout
    return {f[:-4]: np.load(os.path.join(outdir, f))
            for f in os.listdir(outdir) if f.endswith(".npy")}


def per_sample_check(build, spec, dyn, samples, batch, work, name):
    """Max abs difference, over every output, between the dynamic library at
    `batch` and the specialized one per sample."""
    feeds = [(n, np.concatenate([x * np.float32(1 - 0.05 * b) if x.dtype.kind == "f"
                                 else x for b in range(batch)], axis=0))
             for n, x in samples]
    got = run(build, dyn, feeds, work, f"{name}.dyn.b{batch}")
    worst = 0.0
    for b in range(batch):
        one = [(n, x[b:b + 1]) for n, x in feeds]
        want = run(build, spec, one, work, f"{name}.spec.s{b}")
        for out, w in want.items():
            g = got[out][b:b + 1]
            if g.shape != w.shape:
                raise RuntimeError(f"output {out}: shape {g.shape} != {w.shape}")
            diff = np.abs(g.astype(np.float64) - w.astype(np.float64))
            worst = max(worst, float(np.nanmax(diff)) if diff.size else 0.0)
    return worst


def median_ms(text):
    for line in text.splitlines():
        if "median" in line:
            return float(line.split("median")[1].split("ms")[0])
    raise RuntimeError("no benchmark line in: " + text)


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    build = sys.argv[1]
    data = option("--models", None)
    only = option("--only", None)
    rounds = int(option("--rounds", "5"))
    repeat = option("--repeat", "20")
    threads = option("--threads", None)
    batch = int(option("--batch", "8"))
    work = tempfile.mkdtemp(prefix="nd4j-dynbench-")
    models = [(m, batch) for m in synthetic(work)]
    if data and os.path.isdir(os.path.join(data, "ref")):
        models += [(m, 2) for m in real(data)]
    bench_args = ["--benchmark", repeat] + (["--threads", threads] if threads else [])
    print(f"{'model':24} {'spec ms':>9} {'dyn ms':>9} {'dyn/spec':>8}  per-sample max |diff|")
    for (name, path, samples), b in models:
        if only and name not in only.split(","):
            continue
        dyn_model = os.path.join(work, name + ".dyn.onnx")
        real_models.make_dynamic_model(path, dyn_model)
        spec, dyn = (os.path.join(work, name + s) for s in (".spec.so", ".dyn.so"))
        shapes = [f"--input-shape={n}=" + ",".join(map(str, x.shape)) for n, x in samples]
        failed = compile_lib(build, dyn_model, spec, shapes) or \
            compile_lib(build, dyn_model, dyn)
        if failed:
            print(f"{name:24} compile failed: {failed}")
            continue
        try:
            checks = [f"b1 {per_sample_check(build, spec, dyn, samples, 1, work, name):.2g}"]
            try:
                checks.append(f"b{b} {per_sample_check(build, spec, dyn, samples, b, work, name):.2g}")
            except RuntimeError as e:
                # Graphs that fix their batch (a constant of batch 1 in a
                # concat, a reshape to [1, ...]) refuse other batches.
                checks.append(f"b{b} refused: {str(e).split('returned 1: ')[-1][:60]}")
            times = {spec: [], dyn: []}
            for _ in range(rounds):
                for lib in (spec, dyn):
                    times[lib].append(median_ms(run(build, lib, samples, work,
                                                    name + ".bench", bench_args)))
        except RuntimeError as e:
            print(f"{name:24} {e}")
            continue
        s, d = (float(np.median(times[lib])) for lib in (spec, dyn))
        print(f"{name:24} {s:9.3f} {d:9.3f} {d / s:8.2f}  {', '.join(checks)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
