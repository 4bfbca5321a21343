"""Benchmark: TensorFlow GraphDef import of a ~50 MB frozen graph.

Usage: /usr/bin/python3 bench/tf_import.py [BUILD_DIR] [--runs N]

Writes the graph into BUILD_DIR/bench/ (a placeholder followed by 48 blocks
of MatMul -> BiasAdd -> Relu -> Identity over 512x512 float weights packed in
tensor_content, 50.4 MB in all), built with protobuf classes protoc generates
from lib/Frontend/TF/graph.proto, then times `nd4j-translate --import-tf`
(parse, import, all import rules; output discarded) and prints the median
and minimum wall time. The issue asks for under 1 s.
"""
import os
import statistics
import subprocess
import sys
import time

import numpy as np

build = sys.argv[1] if len(sys.argv) > 1 and not sys.argv[1].startswith("--") else "build"
runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 5
out_dir = os.path.join(build, "bench")
os.makedirs(out_dir, exist_ok=True)
src = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib", "Frontend", "TF")
subprocess.run(["protoc", f"--python_out={out_dir}", f"-I{src}", os.path.join(src, "graph.proto")],
               check=True)
sys.path.insert(0, out_dir)
import graph_pb2 as tf  # noqa: E402

blocks, width = 48, 512
rng = np.random.default_rng(0)
graph = tf.GraphDef()


def node(name, op, inputs=(), **attrs):
    n = graph.node.add(name=name, op=op)
    n.input.extend(inputs)
    for key, value in attrs.items():
        n.attr[key].CopyFrom(value)
    return n


def const(name, array):
    value = tf.AttrValue()
    value.tensor.dtype = tf.DT_FLOAT
    value.tensor.tensor_shape.dim.extend(tf.TensorShapeProto.Dim(size=d) for d in array.shape)
    value.tensor.tensor_content = array.astype("<f4").tobytes()
    node(name, "Const", dtype=tf.AttrValue(type=tf.DT_FLOAT), value=value)


f32 = tf.AttrValue(type=tf.DT_FLOAT)
shape = tf.AttrValue()
shape.shape.dim.extend([tf.TensorShapeProto.Dim(size=1), tf.TensorShapeProto.Dim(size=width)])
node("x", "Placeholder", dtype=f32, shape=shape)
prev = "x"
for i in range(blocks):
    const(f"w{i}", rng.standard_normal((width, width)))
    const(f"b{i}", rng.standard_normal((width,)))
    node(f"mm{i}", "MatMul", [prev, f"w{i}"], T=f32)
    node(f"bias{i}", "BiasAdd", [f"mm{i}", f"b{i}"], T=f32)
    node(f"relu{i}", "Relu", [f"bias{i}"], T=f32)
    node(f"id{i}", "Identity", [f"relu{i}"], T=f32)
    prev = f"id{i}"
model_path = os.path.join(out_dir, "chain50mb.pb")
with open(model_path, "wb") as f:
    f.write(graph.SerializeToString())
size = os.path.getsize(model_path)

tool = os.path.join(build, "bin", "nd4j-translate")
times = []
for _ in range(runs):
    start = time.perf_counter()
    subprocess.run([tool, "--import-tf", model_path, "-o", os.devnull], check=True)
    times.append(time.perf_counter() - start)
print(f"tf import: {len(graph.node)} nodes, {size / 1e6:.1f} MB: "
      f"median {statistics.median(times) * 1000:.0f} ms, min {min(times) * 1000:.0f} ms "
      f"over {runs} runs")
