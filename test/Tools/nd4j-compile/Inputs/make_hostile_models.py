# Writes models that declare absurd sizes, into the folder argv[1]:
#   constant_of_shape.onnx  a ConstantOfShape of 10^12 floats (4 TB)
#   overflow.onnx           an input of 2^32 x 2^32 x 16 elements (past int64)
#   external.onnx           an initializer whose external data claims 2^40
#                           bytes of a 64-byte file
#   expand.onnx             an Expand of one float to 10^11 elements
# and big.npy, a .npy header claiming 2^40 x 2^40 floats.
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

root = sys.argv[1]
os.makedirs(root, exist_ok=True)


def save(name, nodes, inputs, outputs, inits=()):
    graph = helper.make_graph(nodes, name, inputs, outputs, list(inits))
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    onnx.save(model, os.path.join(root, name + ".onnx"))


f32 = TensorProto.FLOAT
save("constant_of_shape",
     [helper.make_node("ConstantOfShape", ["s"], ["y"],
                       value=numpy_helper.from_array(np.array([1.0], np.float32)))],
     [], [helper.make_tensor_value_info("y", f32, ["a", "b"])],
     [numpy_helper.from_array(np.array([10**6, 10**6], np.int64), "s")])
save("overflow", [helper.make_node("Relu", ["x"], ["y"])],
     [helper.make_tensor_value_info("x", f32, [2**32, 2**32, 16])],
     [helper.make_tensor_value_info("y", f32, [2**32, 2**32, 16])])
w = TensorProto()
w.name, w.data_type = "w", f32
w.dims.extend([2**38])
w.data_location = TensorProto.EXTERNAL
for key, value in [("location", "w.bin"), ("offset", "0"), ("length", str(2**40))]:
    entry = w.external_data.add()
    entry.key, entry.value = key, value
with open(os.path.join(root, "w.bin"), "wb") as f:
    f.write(b"\0" * 64)
save("external", [helper.make_node("Relu", ["w"], ["y"])], [],
     [helper.make_tensor_value_info("y", f32, [2**38])], [w])
save("expand", [helper.make_node("Expand", ["x", "s"], ["y"])],
     [helper.make_tensor_value_info("x", f32, [1])],
     [helper.make_tensor_value_info("y", f32, ["a", "b"])],
     [numpy_helper.from_array(np.array([10**5, 10**6], np.int64), "s")])
header = "{'descr': '<f4', 'fortran_order': False, 'shape': (1099511627776, 1099511627776), }"
header += " " * ((64 - (10 + len(header) + 1) % 64) % 64) + "\n"
with open(os.path.join(root, "big.npy"), "wb") as f:
    f.write(b"\x93NUMPY\x01\x00" + len(header).to_bytes(2, "little") +
            header.encode() + b"\0" * 16)
