# Writes a model casting bf16 to f32 and back, with its tensors stored as
# ONNX's backend test data stores bfloat16: UINT16 TensorProtos holding the
# 16 bits (numpy has no bfloat16). Into the folder argv[1].
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

root = sys.argv[1]
os.makedirs(os.path.join(root, "data"), exist_ok=True)

graph = helper.make_graph(
    [helper.make_node("Cast", ["x"], ["f"], to=TensorProto.FLOAT),
     helper.make_node("Mul", ["f", "two"], ["g"]),
     helper.make_node("Cast", ["g"], ["y"], to=TensorProto.BFLOAT16)],
    "bf16", [helper.make_tensor_value_info("x", TensorProto.BFLOAT16, [4])],
    [helper.make_tensor_value_info("f", TensorProto.FLOAT, [4]),
     helper.make_tensor_value_info("y", TensorProto.BFLOAT16, [4])],
    [numpy_helper.from_array(np.array([2], dtype=np.float32), "two")])
model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
onnx.save(model, os.path.join(root, "bf16.onnx"))

f = np.array([1.0, -2.5, 0.15625, 3.0], dtype=np.float32)
bits = lambda a: (a.view(np.uint32) >> 16).astype(np.uint16)


def pb(name, array, tensor_name):
    with open(os.path.join(root, "data", name), "wb") as out:
        out.write(numpy_helper.from_array(array, tensor_name).SerializeToString())


pb("input_0.pb", bits(f), "x")
pb("output_0.pb", f, "f")
pb("output_1.pb", bits(f * 2), "y")
