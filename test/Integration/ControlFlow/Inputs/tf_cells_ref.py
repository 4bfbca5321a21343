"""NumPy reference of tf-cells.pbtxt: TF's LSTMBlockCell, GRUBlockCell and
BlockLSTM kernels (gate order i, ci, f, o; r, u), written from their
definitions. Writes the inputs to DIR and the expected outputs, in the
order of --tf-outputs=cell:1,cell:6,gru:3,seq:6,seq:1, to DIR/expect."""
import os
import re
import sys

import numpy as np

pbtxt, out = sys.argv[1], sys.argv[2]
consts = {}
for m in re.finditer(r'name: "(\w+)" op: "Const".*?tensor_shape \{([^}]*(?:\}[^}]*)*?)\} ((?:float_val: \S+ ?)+)', open(pbtxt).read(), re.S):
    dims = [int(d) for d in re.findall(r"size: (\d+)", m.group(2))]
    vals = [float(v) for v in re.findall(r"float_val: (\S+)", m.group(3))]
    consts[m.group(1)] = np.array(vals, np.float64).reshape(dims)
sig = lambda v: 1 / (1 + np.exp(-v))

def lstm(x, cs, h, clip, peephole):
    H = h.shape[1]
    icfo = np.concatenate([x, h], 1) @ consts["w"] + consts["b"]
    i, ci, f, o = (icfo[:, k * H:(k + 1) * H] for k in range(4))
    if peephole:
        i = i + cs * consts["wci"]
        f = f + cs * consts["wcf"]
    i, f, ci = sig(i), sig(f + 1.0), np.tanh(ci)
    cs = ci * i + cs * f
    if clip > 0:
        cs = np.clip(cs, -clip, clip)
    co = np.tanh(cs)
    if peephole:
        o = o + cs * consts["wco"]
    return cs, co * sig(o)

rng = np.random.RandomState(5)
x = rng.uniform(-1, 1, (3, 1, 3))
xc = rng.uniform(-1, 1, (1, 3))
cs = rng.uniform(-1, 1, (1, 2))
h = rng.uniform(-1, 1, (1, 2))
length = 2
os.makedirs(os.path.join(out, "expect"), exist_ok=True)
for name, v in [("x", x), ("xc", xc), ("cs", cs), ("h", h)]:
    np.save(os.path.join(out, name + ".npy"), v.astype(np.float32))
np.save(os.path.join(out, "len.npy"), np.array(length, np.int64))

cell_cs, cell_h = lstm(xc, cs, h, 0.5, True)
H = 2
ru = sig(np.concatenate([xc, h], 1) @ consts["wru"] + consts["bru"])
r, u = ru[:, :H], ru[:, H:]
c = np.tanh(np.concatenate([xc, h * r], 1) @ consts["wc"] + consts["bc"])
gru_h = u * h + (1 - u) * c
seq_h, seq_cs = np.zeros((3, 1, 2)), np.zeros((3, 1, 2))
s_cs, s_h = cs, h
for t in range(length):
    s_cs, s_h = lstm(x[t], s_cs, s_h, -1, False)
    seq_cs[t], seq_h[t] = s_cs, s_h
for k, v in enumerate([cell_cs, cell_h, gru_h, seq_h, seq_cs]):
    np.save(os.path.join(out, "expect", "%d.npy" % k), v.astype(np.float32))
