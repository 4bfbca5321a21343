"""Builds, compiles and times the CPU benchmark models.

Usage: /usr/bin/python3 bench/cpu_models.py BUILD_DIR [--repeat N] [--only mlp|convnet|convnet700]

Generates with onnx.helper (random weights, fixed seed):
  mlp        batch 64, 784 -> 1024 -> 1024 -> 10 (MatMul+Add+Relu), ~1.8 GFLOP/batch
  convnet    1x3x64x64 image: 4 x (Conv3x3+Relu), MaxPool, Conv, GlobalAveragePool, Gemm
  convnet700 the compile-time case: a 700-node conv net (Conv+Add+Relu blocks)
compiles each with `nd4j-compile -O2` (timed), and runs it with
`nd4j-run --benchmark N` when nd4j-run exists (else through ctypes), printing
the compile time and median/min latency. Numbers go into docs/Performance.md.
"""
import ctypes
import os
import subprocess
import sys
import tempfile
import time

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

rng = np.random.default_rng(1234)


def weight(name, shape, scale=0.05):
    return numpy_helper.from_array((rng.standard_normal(shape) * scale).astype(np.float32), name)


def mlp():
    dims = [784, 1024, 1024, 10]
    nodes, inits, prev = [], [], "x"
    for i in range(3):
        inits += [weight(f"w{i}", (dims[i], dims[i + 1])), weight(f"b{i}", (dims[i + 1],))]
        nodes += [helper.make_node("MatMul", [prev, f"w{i}"], [f"m{i}"]),
                  helper.make_node("Add", [f"m{i}", f"b{i}"], [f"a{i}"])]
        prev = f"a{i}"
        if i < 2:
            nodes.append(helper.make_node("Relu", [prev], [f"r{i}"]))
            prev = f"r{i}"
    nodes.append(helper.make_node("Identity", [prev], ["y"]))
    flops = 2 * 64 * sum(dims[i] * dims[i + 1] for i in range(3))
    return helper.make_graph(nodes, "mlp",
                             [helper.make_tensor_value_info("x", TensorProto.FLOAT, [64, 784])],
                             [helper.make_tensor_value_info("y", TensorProto.FLOAT, [64, 10])],
                             inits), flops


def conv_block(nodes, inits, prev, cin, cout, name, pool=False):
    inits += [weight(f"{name}_w", (cout, cin, 3, 3)), weight(f"{name}_b", (cout,))]
    nodes += [helper.make_node("Conv", [prev, f"{name}_w", f"{name}_b"], [f"{name}_c"],
                               kernel_shape=[3, 3], pads=[1, 1, 1, 1]),
              helper.make_node("Relu", [f"{name}_c"], [f"{name}_r"])]
    return f"{name}_r"


def convnet(blocks=4, size=64, width=32):
    nodes, inits = [], []
    prev, cin = "x", 3
    for i in range(blocks):
        prev = conv_block(nodes, inits, prev, cin, width, f"c{i}")
        cin = width
    nodes.append(helper.make_node("MaxPool", [prev], ["p"], kernel_shape=[2, 2], strides=[2, 2]))
    prev = conv_block(nodes, inits, "p", cin, 2 * width, "cl")
    nodes.append(helper.make_node("GlobalAveragePool", [prev], ["g"]))
    nodes.append(helper.make_node("Flatten", ["g"], ["f"], axis=1))
    inits += [weight("fc_w", (10, 2 * width)), weight("fc_b", (10,))]
    nodes.append(helper.make_node("Gemm", ["f", "fc_w", "fc_b"], ["y"], transB=1))
    flops = 2 * size * size * 9 * (3 * width + (blocks - 1) * width * width) + \
        2 * (size // 2) ** 2 * 9 * width * 2 * width
    return helper.make_graph(nodes, "convnet",
                             [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 3, size, size])],
                             [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 10])],
                             inits), flops


def convnet700():
    """~700 nodes: 175 blocks of Conv + Add(residual) + Relu + Identity on 8x16x16."""
    nodes, inits = [], []
    prev = "x"
    for i in range(175):
        inits += [weight(f"w{i}", (8, 8, 3, 3)), weight(f"b{i}", (8,))]
        nodes += [helper.make_node("Conv", [prev, f"w{i}", f"b{i}"], [f"c{i}"],
                                   kernel_shape=[3, 3], pads=[1, 1, 1, 1]),
                  helper.make_node("Add", [f"c{i}", prev], [f"a{i}"]),
                  helper.make_node("Relu", [f"a{i}"], [f"r{i}"]),
                  helper.make_node("Identity", [f"r{i}"], [f"i{i}"])]
        prev = f"i{i}"
    nodes.append(helper.make_node("Identity", [prev], ["y"]))
    return helper.make_graph(nodes, "convnet700",
                             [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 8, 16, 16])],
                             [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 8, 16, 16])],
                             inits), 0


def run_ctypes(lib, shape, repeat):
    handle = ctypes.CDLL(lib)
    x = rng.standard_normal(shape).astype(np.float32)
    sig = ctypes.c_char_p.in_dll(handle, "nd4j_model_signature") if False else None
    outs = []
    times = []
    out = np.zeros(1 << 20, dtype=np.float32)  # large enough for every output here
    ins = (ctypes.c_void_p * 1)(x.ctypes.data)
    outp = (ctypes.c_void_p * 1)(out.ctypes.data)
    handle.nd4j_model_run(ins, outp, None)
    for _ in range(repeat):
        t = time.perf_counter()
        handle.nd4j_model_run(ins, outp, None)
        times.append(time.perf_counter() - t)
    times.sort()
    return times[len(times) // 2] * 1e3, times[0] * 1e3


def main():
    build = sys.argv[1]
    repeat = int(sys.argv[sys.argv.index("--repeat") + 1]) if "--repeat" in sys.argv else 20
    only = sys.argv[sys.argv.index("--only") + 1] if "--only" in sys.argv else None
    compiler = os.path.join(build, "bin", "nd4j-compile")
    runner = os.path.join(build, "bin", "nd4j-run")
    work = tempfile.mkdtemp(prefix="nd4j-bench-")
    models = {"mlp": (mlp, [64, 784]), "convnet": (convnet, [1, 3, 64, 64]),
              "convnet700": (convnet700, [1, 8, 16, 16])}
    for name, (make, shape) in models.items():
        if only and name != only:
            continue
        graph, flops = make()
        model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
        path = os.path.join(work, name + ".onnx")
        onnx.save(model, path)
        lib = os.path.join(work, name + ".so")
        t = time.perf_counter()
        proc = subprocess.run([compiler, path, "-O2", "-o", lib, "--quiet"],
                              capture_output=True, text=True)
        compile_s = time.perf_counter() - t
        if proc.returncode:
            print(f"{name}: compile failed: {proc.stderr.strip().splitlines()[0]}")
            continue
        n = len(graph.node)
        if os.path.exists(runner):
            x = rng.standard_normal(shape).astype(np.float32)
            np.save(os.path.join(work, "x.npy"), x)
            out = subprocess.run([runner, lib, "--input", f"x={work}/x.npy",
                                  "--benchmark", str(repeat)],
                                 capture_output=True, text=True).stdout
            line = [l for l in out.splitlines() if "median" in l]
            perf = line[0].strip() if line else out.strip()
        else:
            med, best = run_ctypes(lib, shape, repeat)
            perf = f"median {med:.3f} ms, min {best:.3f} ms (ctypes)"
            if flops:
                perf += f", {flops / (best * 1e-3) / 1e9:.1f} GFLOP/s at min"
        print(f"{name}: {n} nodes, compile {compile_s:.2f} s at -O2; {perf}")


if __name__ == "__main__":
    main()
