"""Writes x.npy and the MLP's expected y.npy (computed with numpy from the
model's own initializers) into the folder given as argv[2], for the model
argv[1] (test/Integration/CPU/mlp.onnxtxt)."""
import os
import sys

import numpy as np
from onnx import numpy_helper, parser

model = parser.parse_model(open(sys.argv[1]).read())
w = {t.name: numpy_helper.to_array(t) for t in model.graph.initializer}
x = np.random.default_rng(3).standard_normal((2, 3)).astype(np.float32)
h = np.maximum(x @ w["w1"] + w["b1"], 0)
y = 1 / (1 + np.exp(-(h @ w["w2"] + w["b2"])))
np.save(os.path.join(sys.argv[2], "x.npy"), x)
np.save(os.path.join(sys.argv[2], "y.npy"), y.astype(np.float32))
