"""Compiles the graphs of the TensorFlow op corpus to native libraries and runs them.

Usage: tf_e2e.py ND4J_COMPILE ND4J_RUN CORPUS_DIR THRESHOLD_FILE
                 [--report FILE] [--jobs N] [--filter REGEX] [--work DIR]
                 [--target cpu|nvptx|gpu-emulation] [--fake-cuda LIB]

For each graph of ../shared/corpus/tf-ops (a folder with frozen_model.pb and
example.json), runs `nd4j-compile frozen_model.pb -o model.so
--tf-outputs=...` with the outputs example.json records (as tf_corpus.py
does), then `nd4j-run model.so [--inputs DIR] --compare DIR` on the graph's
fed inputs (inputs/*.npy, if any) and TensorFlow's recorded outputs. The
expected files are linked into a folder under the names nd4j-run looks for
(the output's name, e.g. "split:1", with characters other than letters,
digits, '.', '-' and '_' as '_'). A graph passes when it compiles and every
output matches.

Tolerances (|actual - expected| <= atol + rtol * |expected|), per dtype; a
graph with outputs of several float types is compared with the loosest:
    float16    rtol 1e-2  atol 1e-3
    bfloat16   rtol 2e-2  atol 1e-2   (8 bits of mantissa)
    float32    rtol 1e-3  atol 1e-5
    float64    rtol 1e-6  atol 1e-8
integers and booleans must match exactly (nd4j-run compares them as
integers whatever the tolerance). The corpus stores bfloat16 outputs as
float32 .npy files; they are rewritten as the 16-bit patterns nd4j-run
reads as bfloat16.

Graphs whose outputs cannot match TensorFlow's recording are skipped and
counted apart: those whose example.json notes mention random or
order-insensitive outputs, and those with a random op (RandomUniform, ...)
or an op the corpus README names order-insensitive (Unique, TopKV2), since
the corpus records no notes today.

Prints "TF corpus end to end: P of N graphs pass (X%); F failed, S skipped
(random or order-insensitive outputs)" and exits non-zero when P falls
below the count in THRESHOLD_FILE (line `cpu N`, or `<target> N`), or when
a compile or a run crashes. --report writes every failure with its first
error line, then every skipped graph with its reason. --target and
--fake-cuda are those of onnx_e2e.py.
"""
import ast
import json
import os
import re
import shutil
import struct
import sys
import tempfile

from e2e_common import (compile_model, finish, option, read_thresholds, run_checks,
                        run_fake_cuda, run_model, target_label)
from tf_corpus import find_graphs, output_names

TOLERANCES = {"float16": (1e-2, 1e-3), "bfloat16": (2e-2, 1e-2),
              "float32": (1e-3, 1e-5), "float64": (1e-6, 1e-8)}

RANDOM_OPS = {"Multinomial", "RandomGamma", "RandomPoisson", "RandomPoissonV2",
              "RandomShuffle", "RandomStandardNormal", "RandomUniform",
              "RandomUniformInt", "TruncatedNormal"}
ORDER_INSENSITIVE_OPS = {"Unique", "UniqueWithCounts", "TopKV2"}


def sanitize(name):
    """nd4j-run's file stem for a tensor name (lib/Runner/RunMain.cpp)."""
    stem = re.sub(r"[^A-Za-z0-9._-]", "_", name)
    return "_" + stem if stem in ("", ".", "..") else stem


def skip_reason(example):
    for note in example.get("notes", []):
        if re.search(r"random|order", str(note), re.IGNORECASE):
            return str(note)
    ops = set(example.get("ops", {}))
    if ops & RANDOM_OPS:
        return "random op " + ", ".join(sorted(ops & RANDOM_OPS))
    if ops & ORDER_INSENSITIVE_OPS:
        return "order-insensitive op " + ", ".join(sorted(ops & ORDER_INSENSITIVE_OPS))
    return None


def write_bf16_npy(src, dst):
    """Writes the float32 .npy `src` as a uint16 .npy of bfloat16 bits."""
    with open(src, "rb") as f:
        data = f.read()
    header_len = struct.unpack("<H", data[8:10])[0] if data[6] == 1 else \
        struct.unpack("<I", data[8:12])[0]
    start = (10 if data[6] == 1 else 12) + header_len
    header = ast.literal_eval(data[start - header_len:start].decode("latin1"))
    if header["descr"] != "<f4" or header["fortran_order"]:
        shutil.copyfile(src, dst)
        return
    words = struct.unpack(f"<{(len(data) - start) // 4}I", data[start:])
    # Round to nearest even: exact for values TensorFlow computed in bfloat16.
    bits = [((w + 0x7FFF + ((w >> 16) & 1)) >> 16) & 0xFFFF for w in words]
    text = repr({"descr": "<u2", "fortran_order": False, "shape": header["shape"]})
    text += " " * (63 - (10 + len(text)) % 64) + "\n"
    with open(dst, "wb") as f:
        f.write(b"\x93NUMPY\x01\x00" + struct.pack("<H", len(text)) + text.encode("latin1"))
        f.write(struct.pack(f"<{len(bits)}H", *bits))


def link_tensors(folder, entries, names, into):
    """Links (or, for bfloat16, rewrites) each entry's .npy as `into`/<stem>.npy."""
    os.makedirs(into)
    for key, name in names:
        entry = entries[key]
        src = os.path.join(folder, entry["npy"])
        dst = os.path.join(into, sanitize(name) + ".npy")
        if entry.get("dtype") == "bfloat16":
            write_bf16_npy(src, dst)
        else:
            os.symlink(os.path.abspath(src), dst)


def check_graph(args):
    compile_tool, run_tool, folder, work, target, fake_cuda = args
    with open(os.path.join(folder, "example.json")) as f:
        example = json.load(f)
    reason = skip_reason(example)
    if reason:
        return "skip", reason, False
    outputs = example.get("outputs", {})
    names = output_names(folder)
    if not names:
        return "fail", "example.json records no output", False
    tmp = tempfile.mkdtemp(dir=work)
    try:
        lib = os.path.join(tmp, "model.so")
        failed = compile_model(compile_tool, os.path.join(folder, "frozen_model.pb"), lib,
                               target, ["--tf-outputs=" + ",".join(n for _, n in names)])
        if failed:
            return failed
        inputs = None
        fed = example.get("inputs") or {}
        if fed and all(isinstance(e, dict) and "npy" in e for e in fed.values()):
            inputs = os.path.join(tmp, "inputs")
            link_tensors(folder, fed, [(k, k) for k in fed], inputs)
        elif os.path.isdir(os.path.join(folder, "inputs")):
            inputs = os.path.join(folder, "inputs")
        if fake_cuda:
            ok, message, crashed = run_fake_cuda(run_tool, lib, inputs, fake_cuda)
        else:
            expected = os.path.join(tmp, "expected")
            link_tensors(folder, outputs, names, expected)
            dtypes = {e.get("dtype") for e in outputs.values()} & set(TOLERANCES)
            rtol, atol = max((TOLERANCES[d] for d in dtypes), default=TOLERANCES["float32"])
            ok, message, crashed = run_model(run_tool, lib, inputs, expected,
                                             ["--rtol", str(rtol), "--atol", str(atol)])
        return ("pass" if ok else "fail"), ("" if ok else "run: " + message), crashed
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main():
    compile_tool, run_tool, corpus, threshold_file = sys.argv[1:5]
    report = option("--report")
    jobs = int(option("--jobs", os.cpu_count() or 2))
    pattern = re.compile(option("--filter", ".*"))
    target = option("--target", "cpu")
    fake_cuda = option("--fake-cuda")
    thresholds = read_thresholds(threshold_file)
    key = target + ("-fake-cuda" if fake_cuda else "")

    graphs = [(n, d) for n, d in find_graphs(corpus) if pattern.search(n)]
    work = option("--work") or tempfile.mkdtemp(prefix="nd4j-tf-e2e-")
    os.makedirs(work, exist_ok=True)
    results = run_checks(check_graph, [(compile_tool, run_tool, d, work, target, fake_cuda)
                                       for _, d in graphs], jobs)
    counts = {"pass": 0, "fail": 0, "skip": 0}
    failures, skipped, crashes = [], [], []
    for (name, _), (status, message, crashed) in zip(graphs, results):
        counts[status] += 1
        if status == "fail":
            failures.append(f"{name}: {message}")
        elif status == "skip":
            skipped.append(f"{name}: skipped: {message}")
        if crashed:
            crashes.append(f"{name}: {message}")
    applicable = counts["pass"] + counts["fail"]
    rate = 100.0 * counts["pass"] / applicable if applicable else 0.0
    print(f"TF corpus end to end{target_label(target, fake_cuda)}: {counts['pass']} of "
          f"{applicable} graphs pass ({rate:.1f}%); {counts['fail']} failed, "
          f"{counts['skip']} skipped (random or order-insensitive outputs)")
    status = 0
    if key in thresholds and counts["pass"] < thresholds[key] and pattern.pattern == ".*":
        print(f"FAIL: {counts['pass']} passed, below the threshold {thresholds[key]}")
        status = 1
    if not option("--work"):
        shutil.rmtree(work, ignore_errors=True)
    return finish(report, failures + skipped, crashes) or status


if __name__ == "__main__":
    sys.exit(main())
