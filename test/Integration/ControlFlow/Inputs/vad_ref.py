"""NumPy reference of vad.onnxtxt: an If on the sample rate framing the
audio by 8 (16 kHz) or 4 samples, an ONNX LSTM (gates i, o, f, c) over the
frames from the given state, and a sigmoid of the last state. Writes the
inputs and expect/{0,1,2}.npy (prob, h, c) to DIR."""
import os
import sys

import numpy as np
from onnxtxt_weights import read_weights

model, sr, n, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
w = read_weights(model)
sig = lambda v: 1 / (1 + np.exp(-v))
rng = np.random.RandomState(n)
x = rng.uniform(-1, 1, (1, n)).astype(np.float32)
h = rng.uniform(-1, 1, (1, 1, 4)).astype(np.float32)
c = rng.uniform(-1, 1, (1, 1, 4)).astype(np.float32)
os.makedirs(os.path.join(out, "expect"), exist_ok=True)
for name, v in [("x", x), ("h0", h), ("c0", c)]:
    np.save(os.path.join(out, name + ".npy"), v)
np.save(os.path.join(out, "sr.npy"), np.array(sr, np.int64))

frames = x.astype(np.float64).reshape(-1, 8) @ w["W8"] if sr == 16000 else \
    x.astype(np.float64).reshape(-1, 4) @ w["W4"]
H = 4
Wi, Wo_, Wf, Wc = (w["W"][0][k * H:(k + 1) * H] for k in range(4))
Ri, Ro, Rf, Rc = (w["R"][0][k * H:(k + 1) * H] for k in range(4))
hs, cs = h.astype(np.float64).reshape(1, H), c.astype(np.float64).reshape(1, H)
for f in frames:
    f = f.reshape(1, -1)
    i = sig(f @ Wi.T + hs @ Ri.T)
    o = sig(f @ Wo_.T + hs @ Ro.T)
    fg = sig(f @ Wf.T + hs @ Rf.T)
    cc = np.tanh(f @ Wc.T + hs @ Rc.T)
    cs = fg * cs + i * cc
    hs = o * np.tanh(cs)
prob = sig(hs @ w["Wo"])
for k, v in enumerate([prob, hs.reshape(1, 1, H), cs.reshape(1, 1, H)]):
    np.save(os.path.join(out, "expect", "%d.npy" % k), v.astype(np.float32))
