"""Writes ONNX models whose batch is a symbolic dimension ('N') and
batched inputs for them.

usage: make_dynamic_models.py OUTDIR

cnn.onnx: pad, conv + bias, relu, max pooling, a channel slice, a channel
concat, a batch-keeping reshape ([0, -1]), matmul, add, softmax; outputs
the probabilities and the transposed logits ([10, N]).
mlp.onnx: matmul, add, tanh, softmax.
two.onnx: a + b with batches 'N' and 'M' that the model assumes equal.
In OUTDIR/inputs-B/x.npy: batch B of a fixed random x (B = 0, 1, 3, 8);
sample b is the same in every batch, so per-sample results can be
compared across batches.
"""
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper


def cnn():
    rng = np.random.default_rng(7)
    w1 = rng.standard_normal((4, 3, 3, 3)).astype(np.float32) * 0.3
    b1 = rng.standard_normal((4,)).astype(np.float32)
    w2 = rng.standard_normal((2, 3, 1, 1)).astype(np.float32)
    wd = rng.standard_normal((64, 10)).astype(np.float32) * 0.2
    bd = rng.standard_normal((10,)).astype(np.float32)
    inits = [numpy_helper.from_array(a, n) for a, n in
             [(w1, "w1"), (b1, "b1"), (w2, "w2"), (wd, "wd"), (bd, "bd"),
              (np.array([0, 0, 1, 1, 0, 0, 1, 1], np.int64), "pads"),
              (np.array([0], np.int64), "s0"),
              (np.array([2], np.int64), "s2"),
              (np.array([1], np.int64), "ax1"),
              (np.array([0, -1], np.int64), "flat")]]
    nodes = [
        helper.make_node("Pad", ["x", "pads"], ["xp"]),
        helper.make_node("Conv", ["xp", "w1", "b1"], ["c1"],
                         kernel_shape=[3, 3]),
        helper.make_node("Relu", ["c1"], ["r1"]),
        helper.make_node("MaxPool", ["r1"], ["p1"], kernel_shape=[2, 2],
                         strides=[2, 2]),
        helper.make_node("Slice", ["p1", "s0", "s2", "ax1"], ["sl"]),
        helper.make_node("Conv", ["x", "w2"], ["c2"], kernel_shape=[1, 1],
                         strides=[2, 2]),
        helper.make_node("Concat", ["sl", "c2"], ["cat"], axis=1),
        helper.make_node("Reshape", ["cat", "flat"], ["f"]),
        helper.make_node("MatMul", ["f", "wd"], ["m"]),
        helper.make_node("Add", ["m", "bd"], ["logits"]),
        helper.make_node("Softmax", ["logits"], ["prob"], axis=-1),
        helper.make_node("Transpose", ["logits"], ["logits_t"], perm=[1, 0]),
    ]
    graph = helper.make_graph(
        nodes, "cnn",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT,
                                       ["N", 3, 8, 8])],
        [helper.make_tensor_value_info("prob", TensorProto.FLOAT, ["N", 10]),
         helper.make_tensor_value_info("logits_t", TensorProto.FLOAT,
                                       [10, "N"])],
        inits)
    return graph, (3, 8, 8)


def mlp():
    rng = np.random.default_rng(8)
    w = rng.standard_normal((6, 5)).astype(np.float32)
    b = rng.standard_normal((5,)).astype(np.float32)
    nodes = [helper.make_node("MatMul", ["x", "w"], ["h"]),
             helper.make_node("Add", ["h", "b"], ["a"]),
             helper.make_node("Tanh", ["a"], ["t"]),
             helper.make_node("Softmax", ["t"], ["y"], axis=1)]
    graph = helper.make_graph(
        nodes, "mlp",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", 6])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["N", 5])],
        [numpy_helper.from_array(w, "w"), numpy_helper.from_array(b, "b")])
    return graph, (6,)


def two():
    nodes = [helper.make_node("Add", ["a", "b"], ["s"])]
    graph = helper.make_graph(
        nodes, "two",
        [helper.make_tensor_value_info("a", TensorProto.FLOAT, ["N", 4]),
         helper.make_tensor_value_info("b", TensorProto.FLOAT, ["M", 4])],
        [helper.make_tensor_value_info("s", TensorProto.FLOAT, [None, 4])])
    return graph


def main():
    out = sys.argv[1]
    model = helper.make_model(two(),
                              opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    onnx.save(model, os.path.join(out, "two.onnx"))
    for name, rows in (("a3", 3), ("b3", 3), ("b2", 2)):
        np.save(os.path.join(out, name + ".npy"),
                np.full((rows, 4), 1.5, np.float32))
    for name, make in (("cnn", cnn), ("mlp", mlp)):
        graph, sample = make()
        model = helper.make_model(graph,
                                  opset_imports=[helper.make_opsetid("", 17)])
        model.ir_version = 8
        onnx.checker.check_model(model)
        onnx.save(model, os.path.join(out, name + ".onnx"))
        x = np.random.default_rng(1).standard_normal(
            (8,) + sample).astype(np.float32)
        for batch in (0, 1, 3, 8):
            d = os.path.join(out, f"{name}-inputs-{batch}")
            os.makedirs(d, exist_ok=True)
            np.save(os.path.join(d, "x.npy"), x[:batch])


if __name__ == "__main__":
    main()
