# Writes a model casting f64 to bf16 and inputs that catch double rounding
# (f64 -> f32 -> bf16 with round-to-nearest twice): 1 + 2^-8 + 2^-30 lies
# just above the tie between bf16's 1 and 1 + 2^-7 and must round up, but
# its f32 rounding is the tie itself, which then rounds to even (down).
# Into the folder argv[1]; bf16 stored as UINT16 bits as in make_bf16.py.
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

root = sys.argv[1]
os.makedirs(os.path.join(root, "data64"), exist_ok=True)
graph = helper.make_graph(
    [helper.make_node("Cast", ["x"], ["y"], to=TensorProto.BFLOAT16)],
    "f64_bf16", [helper.make_tensor_value_info("x", TensorProto.DOUBLE, [6])],
    [helper.make_tensor_value_info("y", TensorProto.BFLOAT16, [6])])
model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
onnx.save(model, os.path.join(root, "f64_bf16.onnx"))

x = np.array([1 + 2**-8 + 2**-30, 1 + 2**-8, -(1 + 2**-8 + 2**-30),
              3.0, 1 + 3 * 2**-8, 1e300], dtype=np.float64)
# Exact results: 1+2^-7, tie to even 1, -(1+2^-7), 3, tie to even 1+2^-6,
# overflow to inf.
want = np.array([1 + 2**-7, 1.0, -(1 + 2**-7), 3.0, 1 + 2**-6, np.inf],
                dtype=np.float32)
bits = (want.view(np.uint32) >> 16).astype(np.uint16)
for name, array, tensor in [("input_0.pb", x, "x"), ("output_0.pb", bits, "y")]:
    with open(os.path.join(root, "data64", name), "wb") as out:
        out.write(numpy_helper.from_array(array, tensor).SerializeToString())
