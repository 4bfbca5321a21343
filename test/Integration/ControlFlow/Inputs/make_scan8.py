"""Writes Scan models of opset 8 (batch axis 0, scan axis 1), whose first
input, sequence_lens, is usually absent: an empty name, which the ONNX text
format cannot write first in a list.

scan8.onnx: y, z = Scan(, s0, xs), directions [1], body summing rows.
scan8-bad.onnx: three malformed nodes (sequence_lens given, a batch known
only at run time, a direction of 2).
"""
import sys

import onnx
from onnx import TensorProto, helper


def body(name):
    return helper.make_graph(
        [helper.make_node("Add", ["acc", "row"], ["next"]),
         helper.make_node("Identity", ["next"], ["out"])], name,
        [helper.make_tensor_value_info("acc", TensorProto.FLOAT, [2]),
         helper.make_tensor_value_info("row", TensorProto.FLOAT, [2])],
        [helper.make_tensor_value_info("next", TensorProto.FLOAT, [2]),
         helper.make_tensor_value_info("out", TensorProto.FLOAT, [2])])


def scan(inputs, outputs, name, **attrs):
    return helper.make_node("Scan", inputs, outputs, name=name,
                            num_scan_inputs=1, body=body(name + "_body"),
                            **attrs)


def model(nodes, inputs, outputs):
    f = TensorProto.FLOAT
    graph = helper.make_graph(
        nodes, "scan8", [helper.make_tensor_value_info(n, t, s)
                         for n, t, s in inputs],
        [helper.make_tensor_value_info(n, f, s) for n, s in outputs])
    m = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 8)])
    m.ir_version = 3
    return m


out = sys.argv[1]
f = TensorProto.FLOAT
onnx.save(model([scan(["", "s0", "xs"], ["y", "z"], "scan", directions=[1])],
                [("s0", f, [2, 2]), ("xs", f, [2, 3, 2])],
                [("y", [2, 2]), ("z", [2, 3, 2])]), out + "/scan8.onnx")
onnx.save(model([scan(["lens", "s0", "xs"], ["a", "a_z"], "a"),
                 scan(["", "d0", "dxs"], ["b", "b_z"], "b"),
                 scan(["", "s0", "xs"], ["c", "c_z"], "c", directions=[2])],
                [("lens", TensorProto.INT32, [2]), ("s0", f, [2, 2]),
                 ("xs", f, [2, 3, 2]), ("d0", f, ["N", 2]),
                 ("dxs", f, ["N", 3, 2])],
                [("a", [2, 2]), ("a_z", [2, 3, 2]), ("b", ["N", 2]),
                 ("b_z", ["N", 3, 2]), ("c", [2, 2]), ("c_z", [2, 3, 2])]),
          out + "/scan8-bad.onnx")
