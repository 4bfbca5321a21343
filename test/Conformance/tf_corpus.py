"""Imports every graph of the TensorFlow op corpus with nd4j-translate.

Usage: tf_corpus.py ND4J_TRANSLATE CORPUS_DIR THRESHOLD_FILE [--report FILE]
                    [--flatbuffers] [--cross-check]

Each graph (a folder with frozen_model.pb and example.json) is imported with
`nd4j-translate --import-tf`, its outputs being those example.json records.
A graph is parsed when the generic import (--keep-generic) succeeds, and
passes when the import rules leave no generic node. Prints both counts, every
failure with the first line of its error, and exits non-zero when the pass
count falls below the threshold recorded in THRESHOLD_FILE or when a graph
crashes or hangs the importer. With --flatbuffers, every graph that imports
also makes the FlatBuffers round trip (flatbuffers_roundtrip.py) and the
counts are printed. --cross-check (implies --flatbuffers) also checks every
file written against nd4j's op descriptors (flatbuffers_cross_check.py).
"""
import concurrent.futures
import json
import os
import subprocess
import sys

from flatbuffers_roundtrip import check_flatbuffers


def first_error(proc):
    if proc.returncode < 0:
        return f"crashed (signal {-proc.returncode})"
    lines = [l for l in proc.stderr.splitlines() if "error:" in l]
    line = lines[0] if lines else proc.stderr.strip()[:200]
    # The path prefix says nothing the graph's name does not.
    return line.split("error: ", 1)[-1]


def output_names(folder):
    """(example.json key, --tf-outputs name) of every output example.json
    records, in its order."""
    try:
        with open(os.path.join(folder, "example.json")) as f:
            keys = list(json.load(f).get("outputs", {}))
    except (OSError, ValueError):
        keys = []
    # example.json writes port N of a node as "name.N" where no node has
    # that name.
    try:
        with open(os.path.join(folder, "frozen_graph.pbtxt")) as f:
            text = f.read()
    except OSError:
        text = ""
    names = []
    for key in keys:
        head, _, port = key.rpartition(".")
        if head and port.isdigit() and f'name: "{key}"' not in text:
            names.append((key, f"{head}:{port}"))
        else:
            names.append((key, key))
    return names


def output_args(folder):
    """--tf-outputs for the outputs example.json records, if any."""
    outputs = [name for _, name in output_names(folder)]
    return ["--tf-outputs=" + ",".join(outputs)] if outputs else []


def find_graphs(corpus):
    """(name relative to the corpus, folder) of every graph, sorted."""
    graphs = []
    for root, dirs, files in os.walk(corpus):
        dirs.sort()
        if "frozen_model.pb" in files:
            graphs.append((os.path.relpath(root, corpus), root))
    return sorted(graphs)


def run(tool, folder):
    model = os.path.join(folder, "frozen_model.pb")
    args = [tool, "--import-tf", model, "-o", os.devnull] + output_args(folder)
    try:
        proc = subprocess.run(args, capture_output=True, text=True, timeout=60)
        if proc.returncode == 0:
            return True, True, ""
        why = first_error(proc)
        # Rules name nodes as (tf.<Op>): such a graph was parsed and imported.
        if "(tf." in why:
            return True, False, why
        generic = subprocess.run(args + ["--keep-generic"], capture_output=True,
                                 text=True, timeout=60)
    except subprocess.TimeoutExpired:
        return False, False, "timed out after 60 s"
    if generic.returncode != 0:
        return False, False, first_error(generic)
    return True, False, why


def main():
    tool, corpus, threshold_file = sys.argv[1:4]
    report = sys.argv[sys.argv.index("--report") + 1] if "--report" in sys.argv else None
    threshold = int(open(threshold_file).read().split()[0])
    graphs = find_graphs(corpus)
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        results = list(pool.map(lambda g: (g[0],) + run(tool, g[1]), graphs))
    parsed = sum(1 for _, p, _, _ in results if p)
    passed = sum(1 for _, _, ok, _ in results if ok)
    failed = [(n, why) for n, _, ok, why in results if not ok]
    crashed = [(n, why) for n, why in failed if "crashed" in why or "timed out" in why]
    lines = [f"{n}: {why}" for n, why in failed]
    if report:
        with open(report, "w") as f:
            f.write("\n".join(lines) + "\n")
    for line in lines:
        print("FAIL", line)
    print(f"TF corpus import: {parsed} of {len(graphs)} graphs parsed, "
          f"{passed} import with no generic node; threshold {threshold}")
    print(f"{passed} passed, {len(failed)} failed")
    cross_check = "--cross-check" in sys.argv
    if "--flatbuffers" in sys.argv or cross_check:
        folders = dict(graphs)
        if check_flatbuffers(tool, [(n, os.path.join(folders[n], "frozen_model.pb"),
                                     output_args(folders[n]))
                                    for n, _, ok, _ in results if ok], cross_check):
            print("error: some graphs do not round-trip through FlatBuffers or fail the cross-check")
            return 1
    if crashed:
        print(f"error: {len(crashed)} graphs crashed or hung the importer")
        return 1
    if passed < threshold:
        print(f"error: {passed} is below the recorded threshold {threshold}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
