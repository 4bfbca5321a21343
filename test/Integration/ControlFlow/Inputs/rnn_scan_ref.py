"""NumPy reference of rnn-scan.onnxtxt: h = tanh(x W + h R) over T steps.
Writes h0.npy, xs.npy and expect/{0,1}.npy (final h, all h) to DIR."""
import os
import sys

import numpy as np

T, out = int(sys.argv[1]), sys.argv[2]
W = np.array([0.5, -0.25, 0.75, 0.125, -0.5, 1.0], np.float32).reshape(3, 2)
R = np.array([0.25, -0.75, 0.5, 0.5], np.float32).reshape(2, 2)
rng = np.random.RandomState(T)
h = rng.uniform(-1, 1, (1, 2)).astype(np.float32)
xs = rng.uniform(-1, 1, (T, 1, 3)).astype(np.float32)
os.makedirs(os.path.join(out, "expect"), exist_ok=True)
np.save(os.path.join(out, "h0.npy"), h)
np.save(os.path.join(out, "xs.npy"), xs)
hs = []
for x in xs:
    h = np.tanh(x @ W + h @ R)
    hs.append(h)
np.save(os.path.join(out, "expect", "0.npy"), h)
np.save(os.path.join(out, "expect", "1.npy"), np.stack(hs))
