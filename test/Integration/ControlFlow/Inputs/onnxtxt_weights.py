"""The float initializers of an ONNX text model (`float[d,...] name = {...}`)
as float64 arrays by name, for the NumPy reference scripts next to it."""
import re

import numpy as np


def read_weights(path):
    weights = {}
    pattern = r"float\[([\d,]+)\] (\w+) = \{([^}]*)\}"
    for m in re.finditer(pattern, open(path).read()):
        weights[m.group(2)] = np.array(
            [float(v) for v in m.group(3).split(",")], np.float64).reshape(
                [int(d) for d in m.group(1).split(",")])
    return weights
