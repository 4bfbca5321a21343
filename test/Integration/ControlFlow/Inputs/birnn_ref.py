"""NumPy reference of birnn.onnxtxt: a bidirectional ONNX RNN (forward
Relu, reverse Tanh, gate inputs clipped to [-0.8, 0.8]) over 20 steps.
Writes x.npy and expect/{0,1}.npy (Y [T, 2, B, H], Y_h [2, B, H])."""
import os
import sys

import numpy as np
from onnxtxt_weights import read_weights

model, out = sys.argv[1], sys.argv[2]
w = read_weights(model)
rng = np.random.RandomState(4)
x = rng.uniform(-1, 1, (20, 2, 3)).astype(np.float32)
os.makedirs(os.path.join(out, "expect"), exist_ok=True)
np.save(os.path.join(out, "x.npy"), x)
acts = [lambda v: np.maximum(v, 0), np.tanh]
Y = np.zeros((20, 2, 2, 4))
YH = np.zeros((2, 2, 4))
for d in range(2):
    h = np.zeros((2, 4))
    steps = range(20) if d == 0 else range(19, -1, -1)
    for t in steps:
        h = acts[d](np.clip(x[t] @ w["W"][d].T + h @ w["R"][d].T, -0.8, 0.8))
        Y[t, d] = h
    YH[d] = h
np.save(os.path.join(out, "expect", "0.npy"), Y.astype(np.float32))
np.save(os.path.join(out, "expect", "1.npy"), YH.astype(np.float32))
