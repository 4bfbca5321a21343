"""Writes the binary ONNX models of malformed.test into the folder argv[1].

valid.onnx keeps its weights in external data (weights.bin); every other
model is broken in one way.
"""
import os
import random
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

out = sys.argv[1]
os.makedirs(os.path.join(out, "models"), exist_ok=True)


def model_with_weight(weight, name="W"):
    x = helper.make_tensor_value_info("X", TensorProto.FLOAT, [1, 32])
    y = helper.make_tensor_value_info("Y", TensorProto.FLOAT, [1, 32])
    node = helper.make_node("Add", ["X", name], ["Y"], name="add_w")
    graph = helper.make_graph([node], "g", [x], [y], [weight])
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 16)])


def external(location, offset=0, length=None):
    weight = numpy_helper.from_array(np.arange(32, dtype=np.float32).reshape(1, 32), "W")
    weight.ClearField("raw_data")
    weight.data_location = TensorProto.EXTERNAL
    entries = [("location", location), ("offset", str(offset))]
    if length is not None:
        entries.append(("length", str(length)))
    for k, v in entries:
        e = weight.external_data.add()
        e.key, e.value = k, v
    return model_with_weight(weight)


def save(model, name):
    with open(os.path.join(out, "models", name), "wb") as f:
        f.write(model.SerializeToString())


payload = np.arange(32, dtype=np.float32).tobytes()
with open(os.path.join(out, "models", "weights.bin"), "wb") as f:
    f.write(b"\0" * 16 + payload)
with open(os.path.join(out, "secret.bin"), "wb") as f:
    f.write(payload)
with open(os.path.join(out, "models", "short.bin"), "wb") as f:
    f.write(payload[:64])

save(external("weights.bin", offset=16, length=128), "valid.onnx")
save(external("missing.bin"), "missing_external.onnx")
save(external("../secret.bin"), "escaping_external.onnx")
save(external(os.path.join(out, "secret.bin")), "absolute_external.onnx")
save(external("short.bin"), "short_external.onnx")
save(external("weights.bin", length=64), "wrong_length.onnx")

bad_raw = numpy_helper.from_array(np.zeros((1, 32), dtype=np.float32), "W")
bad_raw.raw_data = bad_raw.raw_data[:100]
save(model_with_weight(bad_raw), "bad_raw_data.onnx")

undefined = model_with_weight(numpy_helper.from_array(np.zeros((1, 32), dtype=np.float32), "W"))
undefined.graph.node[0].input[1] = "nowhere"
save(undefined, "undefined_input.onnx")

data = open(os.path.join(out, "models", "valid.onnx"), "rb").read()
with open(os.path.join(out, "models", "truncated.onnx"), "wb") as f:
    f.write(data[: len(data) // 2])
rng = random.Random(1234)
with open(os.path.join(out, "models", "random.onnx"), "wb") as f:
    f.write(bytes(rng.randrange(256) for _ in range(4096)))
with open(os.path.join(out, "models", "empty.onnx"), "wb") as f:
    pass
