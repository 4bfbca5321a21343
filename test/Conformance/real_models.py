#!/usr/bin/env python3
"""Real public ONNX models (../shared/models, fetched by its fetch.sh into a
folder DIR) compiled with nd4j-compile, run with nd4j-run and compared with
ONNX Runtime's reference outputs.

    real_models.py DIR --tools BUILD/bin [--work W] [--only a,b] [--threshold N]
                       [--dynamic] [--report FILE]

For every model of DIR/ref/*/manifest.json: compile DIR/models/NAME.onnx (at
the shapes the references were made with), run it on the reference inputs,
and compare every saved output with a per-model tolerance (the IS-Net ones
are loose: see shared/models/README.md). Prints one line per model and
`N passed, N failed`; exits 1 when fewer than --threshold pass or a tool
crashed.

--dynamic also checks the dynamic-batch variant of each model (the first
dimension of every input turned into the dim_param `batch`, value_info
dropped): compiled once with the batch left dynamic and once specialized
with --input-shape, the dynamic library run at batch 1 and 3 against
references made by ONNX Runtime (DIR/ort, installed by fetch.sh; the dynamic
part is skipped without it) on the same inputs, stacked along the batch.
Where ONNX Runtime refuses batch 3 (the graph fixes its batch with constant
shapes), the library must refuse it too, with an error; the summary counts
those models apart.
"""
import json
import os
import subprocess
import sys
import tempfile

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import e2e_common  # noqa: E402

# (rtol, atol, fraction of elements allowed outside) per model. atol is
# relative to the output's largest magnitude: deep f32 nets summed in
# another order (blocking, FMA) differ by a few ulps of their largest
# values, which is large next to the outputs' small elements (M-LSD's
# offsets reach 580). The loose ones are quantized (a value can land on the
# next integer step) or computed in f16 where ORT computes in f32 between
# the graph's casts.
TOLERANCE = {
    # Measured: offsets differ by up to 0.02 of 580 at 512x512, scores by up
    # to 2.6e-4.
    "mlsd_large_320": (1e-3, 1e-3, 0.0),
    "mlsd_large_512": (1e-3, 1e-3, 0.0),
    "isnet_quint8_1024": (0.05, 0.05, 0.01),
    "isnet_fp16_1024": (0.05, 0.05, 0.01),
}
DEFAULT_TOLERANCE = (1e-3, 1e-4, 0.0)


def compare(name, got, want):
    """None when `got` matches `want`, else the reason."""
    if got.shape != want.shape:
        return f"shape {list(got.shape)} != {list(want.shape)}"
    rtol, atol, frac = TOLERANCE.get(name, DEFAULT_TOLERANCE)
    got64, want64 = got.astype(np.float64), want.astype(np.float64)
    scale = max(1.0, float(np.nanmax(np.abs(want64)))) if want64.size else 1.0
    bad = ~np.isclose(got64, want64, rtol=rtol, atol=atol * scale,
                      equal_nan=True)
    if bad.mean() > frac:
        err = np.abs(got64 - want64)
        return (f"{int(bad.sum())} of {bad.size} elements differ "
                f"(max abs error {np.nanmax(err):.3g})")
    return None


def run_and_compare(tools, name, lib, inputs, outputs, outdir):
    """Runs `lib` with the (name, .npy path) `inputs`; compares with the
    (name, array) `outputs`. (ok, message, crashed)."""
    os.makedirs(outdir, exist_ok=True)
    args = [os.path.join(tools, "nd4j-run"), lib, "--output-dir", outdir]
    for input_name, path in inputs:
        args += ["--input", f"{input_name}={path}"]
    proc, failure = e2e_common.invoke_run(args, timeout=600)
    if failure:
        return failure
    for out_name, want in outputs:
        path = os.path.join(outdir, sanitize(out_name) + ".npy")
        if not os.path.exists(path):
            return False, f"output '{out_name}' not written", False
        reason = compare(name, np.load(path), want)
        if reason:
            return False, f"output '{out_name}': {reason}", False
    return True, "", False


def sanitize(name):
    """nd4j-run's file name for an output."""
    return "".join(c if c.isalnum() or c in "._-" else "_" for c in name)


def load_manifest(data, name):
    with open(os.path.join(data, "ref", name, "manifest.json")) as f:
        return json.load(f)


def reference(data, name, manifest):
    inputs = [(i["name"], os.path.join(data, "ref", name, i["file"]))
              for i in manifest["inputs"]]
    outputs = [(o["name"], np.load(os.path.join(data, "ref", name, o["file"])))
               for o in manifest["outputs"] if o.get("saved", True)]
    return inputs, outputs


def check_static(tools, data, work, name):
    manifest = load_manifest(data, name)
    model = os.path.join(data, manifest["file"])
    lib = os.path.join(work, name + ".so")
    failed = e2e_common.compile_model(os.path.join(tools, "nd4j-compile"),
                                      model, lib, "cpu", timeout=900)
    if failed:
        return failed
    inputs, outputs = reference(data, name, manifest)
    ok, message, crashed = run_and_compare(tools, name, lib, inputs, outputs,
                                           os.path.join(work, name + ".out"))
    return ("pass" if ok else "fail"), message, crashed


# ---------------------------------------------------------------------------
# Dynamic-batch variants.

ORT_SCRIPT = r"""
const ort = require(process.argv[2]);
const fs = require('fs');
function readNpy(path) {
  const b = fs.readFileSync(path);
  const hlen = b.readUInt16LE(8);
  const header = b.slice(10, 10 + hlen).toString('latin1');
  const shape = JSON.parse('[' + header.match(/'shape': \(([^)]*)\)/)[1].replace(/,\s*$/, '') + ']');
  const data = new Float32Array(b.buffer.slice(b.byteOffset + 10 + hlen, b.byteOffset + b.length));
  return new ort.Tensor('float32', data, shape);
}
function writeNpy(path, t) {
  let header = "{'descr': '<f4', 'fortran_order': False, 'shape': (" +
      t.dims.join(', ') + (t.dims.length == 1 ? ',' : '') + "), }";
  while ((10 + header.length + 1) % 64) header += ' ';
  header += '\n';
  const h = Buffer.alloc(10);
  h.write('\x93NUMPY', 0, 'latin1'); h[6] = 1; h[7] = 0; h.writeUInt16LE(header.length, 8);
  fs.writeFileSync(path, Buffer.concat([h, Buffer.from(header, 'latin1'),
                                        Buffer.from(t.data.buffer, t.data.byteOffset, t.data.byteLength)]));
}
(async () => {
  const job = JSON.parse(fs.readFileSync(process.argv[3]));
  const s = await ort.InferenceSession.create(job.model, {intraOpNumThreads: 1, interOpNumThreads: 1,
                                                         executionMode: 'sequential'});
  const feeds = {};
  for (const [name, path] of job.inputs) feeds[name] = readNpy(path);
  const out = await s.run(feeds);
  for (const [name, path] of job.outputs) writeNpy(path, out[name]);
})().catch(e => { console.error(String(e)); process.exit(1); });
"""


def make_dynamic_model(model, path):
    """The model with the first dimension of every input as dim_param
    'batch' and no value_info."""
    import onnx
    m = onnx.load(model)
    for i in m.graph.input:
        dims = i.type.tensor_type.shape.dim
        if dims:
            dims[0].ClearField("dim_value")
            dims[0].dim_param = "batch"
    for o in m.graph.output:
        dims = o.type.tensor_type.shape.dim
        if dims:
            dims[0].ClearField("dim_value")
            dims[0].dim_param = "batch"
    del m.graph.value_info[:]
    onnx.save(m, path)


def ort_reference(data, model, inputs, output_names, outdir):
    """Runs ONNX Runtime (DIR/ort) on `inputs` ((name, path)); returns the
    outputs as (name, array), or None when the runtime is not there."""
    ort = os.path.join(data, "ort", "node_modules", "onnxruntime-node")
    if not os.path.isdir(ort):
        return None
    os.makedirs(outdir, exist_ok=True)
    job = {"model": model, "inputs": inputs,
           "outputs": [(n, os.path.join(outdir, sanitize(n) + ".npy"))
                       for n in output_names]}
    job_path = os.path.join(outdir, "job.json")
    script = os.path.join(outdir, "ort.js")
    with open(job_path, "w") as f:
        json.dump(job, f)
    with open(script, "w") as f:
        f.write(ORT_SCRIPT)
    proc = subprocess.run(["node", script, ort, job_path],
                          capture_output=True, text=True, timeout=900)
    if proc.returncode:
        lines = (proc.stderr or proc.stdout).strip().splitlines()
        raise OrtRefused(lines[0] if lines else f"exit {proc.returncode}")
    return [(n, np.load(p)) for n, p in job["outputs"]]


class OrtRefused(Exception):
    """ONNX Runtime could not run the model on the inputs given."""


# The note of a dynamic check whose model fixes its batch inside the graph
# (a constant shape of batch 1): ONNX Runtime refuses batch 3 too.
FIXED_BATCH = "the graph fixes the batch"


def check_dynamic(tools, data, work, name):
    manifest = load_manifest(data, name)
    model = os.path.join(work, name + ".dyn.onnx")
    make_dynamic_model(os.path.join(data, manifest["file"]), model)
    compile_tool = os.path.join(tools, "nd4j-compile")
    inputs, _ = reference(data, name, manifest)
    saved = [o["name"] for o in manifest["outputs"] if o.get("saved", True)]
    results, notes = [], []
    # Specialized at the reference shapes.
    lib = os.path.join(work, name + ".spec.so")
    shape_args = [f"--input-shape={i['name']}=" + ",".join(map(str, i["shape"]))
                  for i in manifest["inputs"]]
    failed = e2e_common.compile_model(compile_tool, model, lib, "cpu",
                                      shape_args, timeout=900)
    if failed:
        results.append(("specialized", failed))
    else:
        want = ort_reference(data, model, inputs, saved,
                             os.path.join(work, name + ".ref1"))
        if want is None:
            return "skip", "no ONNX Runtime in DIR/ort", False
        ok, message, crashed = run_and_compare(
            tools, name, lib, inputs, want, os.path.join(work, name + ".spec.out"))
        results.append(("specialized", ("pass" if ok else "fail", message, crashed)))
    # Dynamic, run at batch 1 and 3.
    lib = os.path.join(work, name + ".dyn.so")
    failed = e2e_common.compile_model(compile_tool, model, lib, "cpu", timeout=900)
    if failed:
        results.append(("dynamic", failed))
    else:
        for batch in (1, 3):
            batched = []
            for i, (input_name, path) in enumerate(inputs):
                x = np.load(path)
                # Sample b is the reference input scaled by (1 - 0.1 b): the
                # samples differ, and a mix-up across the batch shows.
                xs = np.concatenate([x * np.float32(1 - 0.1 * b)
                                     for b in range(batch)], axis=0)
                p = os.path.join(work, f"{name}.b{batch}.in{i}.npy")
                np.save(p, xs)
                batched.append((input_name, p))
            try:
                want = ort_reference(data, model, batched, saved,
                                     os.path.join(work, f"{name}.ref.b{batch}"))
            except OrtRefused as refused:
                # Then the library must refuse it too, with an error.
                proc, failure = e2e_common.invoke_run(
                    [os.path.join(tools, "nd4j-run"), lib, "--output-dir",
                     os.path.join(work, f"{name}.dyn.b{batch}.out")]
                    + [a for n, p in batched for a in ("--input", f"{n}={p}")],
                    timeout=600)
                if failure and not failure[2]:
                    notes.append(f"batch {batch}: {FIXED_BATCH}; ONNX Runtime "
                                 f"and the library refuse it ({failure[1]})")
                    results.append((f"dynamic batch {batch}", ("pass", "", False)))
                elif failure:
                    results.append((f"dynamic batch {batch}", failure))
                else:
                    results.append((f"dynamic batch {batch}", (
                        "fail", f"ran batch {batch}, which ONNX Runtime "
                        f"refuses ({refused})", False)))
                continue
            ok, message, crashed = run_and_compare(
                tools, name, lib, batched, want,
                os.path.join(work, f"{name}.dyn.b{batch}.out"))
            results.append((f"dynamic batch {batch}",
                            ("pass" if ok else "fail", message, crashed)))
    failures = [f"{what}: {r[1]}" for what, r in results if r[0] != "pass"]
    crashed = any(r[2] for _, r in results)
    return (("fail" if failures else "pass"), "; ".join(failures + notes),
            crashed)


def main():
    if len(sys.argv) < 2 or sys.argv[1].startswith("-"):
        print(__doc__)
        return 2
    data = sys.argv[1]
    tools = e2e_common.option("--tools")
    work = e2e_common.option("--work") or tempfile.mkdtemp(prefix="real-models-")
    only = e2e_common.option("--only")
    threshold = int(e2e_common.option("--threshold", "0"))
    dynamic = "--dynamic" in sys.argv
    report = e2e_common.option("--report")
    refs = os.path.join(data, "ref")
    if not os.path.isdir(refs):
        print(f"no references in {refs}: run shared/models/fetch.sh {data}")
        return 2
    names = sorted(n for n in os.listdir(refs)
                   if os.path.isfile(os.path.join(refs, n, "manifest.json")))
    if only:
        names = [n for n in names if n in only.split(",")]
    os.makedirs(work, exist_ok=True)
    check = check_dynamic if dynamic else check_static
    results = e2e_common.run_checks(
        lambda n: check(tools, data, work, n), names, 1)
    lines, crashes = [], []
    passed = sum(1 for r in results if r[0] == "pass")
    failed = sum(1 for r in results if r[0] == "fail")
    skipped = sum(1 for r in results if r[0] == "skip")
    for name, (status, message, crashed) in zip(names, results):
        line = f"{status.upper()}: {name}" + (f": {message}" if message else "")
        print(line)
        lines.append(line)
        if crashed:
            crashes.append(name)
    kind = "dynamic-batch variants" if dynamic else "real models"
    print(f"{kind}: {passed} of {len(names) - skipped} pass")
    if dynamic:
        fixed = sum(1 for r in results if r[0] == "pass" and FIXED_BATCH in r[1])
        print(f"{passed - fixed} of them run at batch 3; {fixed} fix the "
              "batch inside the graph (ONNX Runtime refuses batch 3 too)")
    print(f"{passed} passed, {failed} failed, {skipped} skipped")
    code = e2e_common.finish(report, lines, crashes)
    if passed < threshold:
        print(f"FAIL: {passed} pass, fewer than the threshold {threshold}")
        return 1
    return code


if __name__ == "__main__":
    sys.exit(main())
