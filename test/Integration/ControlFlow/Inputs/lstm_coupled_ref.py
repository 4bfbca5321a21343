"""NumPy reference of lstm-coupled.onnxtxt: an ONNX LSTM (gates i, o, f, c)
with input_forget = 1, whose forget gate is 1 - i (the input gate after its
sigmoid, as ONNX Runtime couples them), over 20 steps. Writes x.npy and
expect/{0,1,2}.npy (Y [T, 1, B, H], Y_h and Y_c [1, B, H])."""
import os
import sys

import numpy as np
from onnxtxt_weights import read_weights

model, out = sys.argv[1], sys.argv[2]
w = read_weights(model)
rng = np.random.RandomState(5)
x = rng.uniform(-1, 1, (20, 2, 3)).astype(np.float32)
os.makedirs(os.path.join(out, "expect"), exist_ok=True)
np.save(os.path.join(out, "x.npy"), x)
sig = lambda v: 1 / (1 + np.exp(-v))
W, R, B = w["W"][0], w["R"][0], w["B"][0]
h, c = np.zeros((2, 2)), np.zeros((2, 2))
Y = np.zeros((20, 1, 2, 2))
for t in range(20):
    g = x[t] @ W.T + h @ R.T + B[:8] + B[8:]
    i, o, _, cc = np.split(g, 4, axis=1)
    i = sig(i)
    c = (1 - i) * c + i * np.tanh(cc)
    h = sig(o) * np.tanh(c)
    Y[t, 0] = h
np.save(os.path.join(out, "expect", "0.npy"), Y.astype(np.float32))
np.save(os.path.join(out, "expect", "1.npy"), h[None].astype(np.float32))
np.save(os.path.join(out, "expect", "2.npy"), c[None].astype(np.float32))
