# Writes small ONNX models that together touch every element type the
# compiler supports and the math functions a compiled library may need:
# casts between all pairs of float types and to/from the integers, and
# elementwise math on f16, bf16, f32 and f64. Into the folder argv[1].
import os
import sys

import onnx
from onnx import TensorProto, helper

root = sys.argv[1]
os.makedirs(root, exist_ok=True)

FLOATS = [TensorProto.FLOAT16, TensorProto.BFLOAT16, TensorProto.FLOAT,
          TensorProto.DOUBLE]
INTS = [TensorProto.INT8, TensorProto.UINT8, TensorProto.INT16,
        TensorProto.UINT16, TensorProto.INT32, TensorProto.UINT32,
        TensorProto.INT64, TensorProto.UINT64, TensorProto.BOOL]
MATH = ["Exp", "Log", "Tanh", "Erf", "Sqrt", "Sin", "Cos", "Sigmoid",
        "Floor", "Ceil", "Round", "Abs", "Neg", "Reciprocal", "Softplus"]


def save(name, nodes, inputs, outputs):
    graph = helper.make_graph(nodes, name, inputs, outputs)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    onnx.save(model, os.path.join(root, name + ".onnx"))


for t in FLOATS:
    tname = TensorProto.DataType.Name(t).lower()
    nodes, outputs = [], []
    # Math on the type itself, then casts to every other float and integer
    # type and back.
    prev = "x"
    for i, op in enumerate(MATH):
        nodes.append(helper.make_node(op, [prev], [f"m{i}"]))
        prev = f"m{i}"
    nodes.append(helper.make_node("Pow", [prev, "x"], ["pw"]))
    nodes.append(helper.make_node("Div", ["pw", "x"], ["dv"]))
    nodes.append(helper.make_node("Max", ["dv", "x"], ["mx"]))
    outputs.append(helper.make_tensor_value_info("mx", t, [8, 64]))
    for j, u in enumerate(FLOATS + INTS):
        if u == t:
            continue
        nodes.append(helper.make_node("Cast", ["x"], [f"c{j}"], to=u))
        nodes.append(helper.make_node("Cast", [f"c{j}"], [f"r{j}"], to=t))
        outputs.append(helper.make_tensor_value_info(f"c{j}", u, [8, 64]))
        outputs.append(helper.make_tensor_value_info(f"r{j}", t, [8, 64]))
    save("math_" + tname, nodes,
         [helper.make_tensor_value_info("x", t, [8, 64])], outputs)

# Integer arithmetic, including the 64-bit division and remainder that
# 32-bit targets call helpers for.
for t in INTS[:-1]:
    tname = TensorProto.DataType.Name(t).lower()
    nodes = [helper.make_node("Div", ["a", "b"], ["q"]),
             helper.make_node("Mod", ["a", "b"], ["r"]),
             helper.make_node("Mul", ["q", "r"], ["m"]),
             helper.make_node("Cast", ["m"], ["f"], to=TensorProto.FLOAT),
             helper.make_node("Cast", ["f"], ["h"], to=TensorProto.FLOAT16),
             helper.make_node("Cast", ["f"], ["bh"], to=TensorProto.BFLOAT16)]
    save("int_" + tname, nodes,
         [helper.make_tensor_value_info("a", t, [8, 64]),
          helper.make_tensor_value_info("b", t, [8, 64])],
         [helper.make_tensor_value_info("m", t, [8, 64]),
          helper.make_tensor_value_info("h", TensorProto.FLOAT16, [8, 64]),
          helper.make_tensor_value_info("bh", TensorProto.BFLOAT16, [8, 64])])
