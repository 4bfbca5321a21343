"""Benchmark: ONNX import of a ~10 MB model with ~700 nodes.

Usage: /usr/bin/python3 bench/onnx_import.py [BUILD_DIR] [--runs N]

Writes the model into BUILD_DIR/bench/ (a chain of 175 blocks of
MatMul -> Add -> Relu -> Identity over 128x128 float weights, 10.4 MB in
all), then times `nd4j-translate --import-onnx` (ONNX checker, shape
inference, import, all import rules; output discarded) and prints the median
and minimum wall time.
"""
import os
import statistics
import subprocess
import sys
import time

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

build = sys.argv[1] if len(sys.argv) > 1 and not sys.argv[1].startswith("--") else "build"
runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 10
out_dir = os.path.join(build, "bench")
os.makedirs(out_dir, exist_ok=True)
model_path = os.path.join(out_dir, "chain700.onnx")

blocks, width = 175, 128
rng = np.random.default_rng(0)
nodes, inits = [], []
prev = "x"
for i in range(blocks):
    w = numpy_helper.from_array(rng.standard_normal((width, width)).astype(np.float32), f"w{i}")
    b = numpy_helper.from_array(rng.standard_normal((width,)).astype(np.float32), f"b{i}")
    inits += [w, b]
    nodes += [
        helper.make_node("MatMul", [prev, f"w{i}"], [f"mm{i}"], name=f"mm{i}"),
        helper.make_node("Add", [f"mm{i}", f"b{i}"], [f"add{i}"], name=f"add{i}"),
        helper.make_node("Relu", [f"add{i}"], [f"relu{i}"], name=f"relu{i}"),
        helper.make_node("Identity", [f"relu{i}"], [f"id{i}"], name=f"id{i}"),
    ]
    prev = f"id{i}"
graph = helper.make_graph(
    nodes, "chain700",
    [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, width])],
    [helper.make_tensor_value_info(prev, TensorProto.FLOAT, [1, width])], inits)
model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 16)])
onnx.save(model, model_path)
size = os.path.getsize(model_path)

tool = os.path.join(build, "bin", "nd4j-translate")
times = []
for _ in range(runs):
    start = time.perf_counter()
    subprocess.run([tool, "--import-onnx", model_path, "-o", os.devnull], check=True)
    times.append(time.perf_counter() - start)
print(f"onnx import: {len(nodes)} nodes, {size / 1e6:.1f} MB: "
      f"median {statistics.median(times) * 1000:.0f} ms, min {min(times) * 1000:.0f} ms "
      f"over {runs} runs")
