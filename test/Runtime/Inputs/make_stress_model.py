# Writes stress.onnx: a model large enough that its ops run in chunks on the
# runtime's pool (a 3x3 convolution over 32x32x16, a 256-wide MLP, softmax),
# with two inputs and two outputs. Into the folder argv[1].
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

rng = np.random.default_rng(7)
w = lambda name, *shape: numpy_helper.from_array(
    (rng.standard_normal(shape) * 0.1).astype(np.float32), name)
nodes = [
    helper.make_node("Conv", ["img", "k"], ["c"], pads=[1, 1, 1, 1]),
    helper.make_node("Relu", ["c"], ["cr"]),
    helper.make_node("MatMul", ["x", "w1"], ["h"]),
    helper.make_node("Tanh", ["h"], ["ht"]),
    helper.make_node("MatMul", ["ht", "w2"], ["o"]),
    helper.make_node("Softmax", ["o"], ["y"], axis=-1),
]
graph = helper.make_graph(
    nodes, "stress",
    [helper.make_tensor_value_info("img", TensorProto.FLOAT, [2, 16, 32, 32]),
     helper.make_tensor_value_info("x", TensorProto.FLOAT, [64, 256])],
    [helper.make_tensor_value_info("cr", TensorProto.FLOAT, [2, 16, 32, 32]),
     helper.make_tensor_value_info("y", TensorProto.FLOAT, [64, 256])],
    [w("k", 16, 16, 3, 3), w("w1", 256, 256), w("w2", 256, 256)])
model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
os.makedirs(sys.argv[1], exist_ok=True)
onnx.save(model, os.path.join(sys.argv[1], "stress.onnx"))
