# References for compiled SameDiff graphs, from the graph's own weights as
# `nd4j-opt FILE.fb` prints them (dense_resource blobs and inline dense).
#
#   samediff_reference.py mlp GRAPH.mlir DIR N
#       writes DIR/in.npy (N x 2, seeded) and DIR/out.npy, the MLP's
#       softmax(relu(in @ w0 + b0) @ w1 + b1) computed with numpy
#   samediff_reference.py rnn GRAPH.mlir DIR N
#       the same for the LSTM classifier (N x 3 x 60 inputs; its graph fixes
#       the batch at 10)
#   samediff_reference.py loss DIR OUT
#       writes OUT/label.npy (one-hot rows) and OUT/loss.npy, the log_loss
#       of DIR/out.npy against them
#   samediff_reference.py rows OUT_N.npy OUT_1.npy
#       checks that the first row of a batch-N output equals the batch-1
#       output for the same first sample, and that every row is a
#       probability distribution; exits 1 otherwise
import os
import re
import sys

import numpy as np


def weights(text):
    blobs = dict(re.findall(r'^\s*(\w+): "0x([0-9A-F]+)"', text, re.M))
    out = {}
    pattern = (r'nd4j_exec\.(?:variable|constant) "(\w+)" '
               r'(dense_resource<(\w+)>|dense<([^>]*)>) : tensor<([0-9x]*)xf32>')
    for name, _, key, inline, shape in re.findall(pattern, text):
        dims = [int(d) for d in shape.split("x") if d]
        if key:
            # The blob's first 4 bytes are its alignment.
            data = np.frombuffer(bytes.fromhex(blobs[key])[4:], "<f4")
        else:
            data = np.array(eval(inline.replace("[", "(").replace("]", ",)")
                                 if "[" in inline else inline), np.float32)
        out[name] = np.broadcast_to(data, dims) if data.size == 1 else data.reshape(dims)
    return out


def softmax(z):
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


if sys.argv[1] == "mlp":
    w = weights(open(sys.argv[2]).read())
    n = int(sys.argv[4])
    x = np.random.default_rng(5).standard_normal((n, 2)).astype(np.float32)
    h = np.maximum(x @ w["w0"] + w["b0"], 0)
    y = softmax(h @ w["w1"] + w["b1"])
    os.makedirs(sys.argv[3], exist_ok=True)
    np.save(os.path.join(sys.argv[3], "in.npy"), x)
    np.save(os.path.join(sys.argv[3], "out.npy"), y.astype(np.float32))
elif sys.argv[1] == "rnn":
    # lstmLayer (data format [bS, sL, nIn], forward, biases, initial states
    # cLast/yLast, peepholes; gates i, f, g, o as libnd4j's lstmLayerCell),
    # the mean over time, a dense layer and softmax.
    w = weights(open(sys.argv[2]).read())
    n = int(sys.argv[4])
    x = np.random.default_rng(6).standard_normal((n, 3, 60)).astype(np.float32)
    wx, wr, b, wp = w["weights"], w["rWeights"], w["bias"], \
        w["inputPeepholeWeights"]
    k = wx.shape[1] // 4
    sig = lambda v: 1 / (1 + np.exp(-v))
    h = np.broadcast_to(w["cLast"][:1], (n, k)).astype(np.float64)
    c = np.broadcast_to(w["yLast"][:1], (n, k)).astype(np.float64)
    hs = []
    for t in range(x.shape[1]):
        z = x[:, t] @ wx + h @ wr + b
        i = sig(z[:, :k] + c * wp[:k])
        f = sig(z[:, k:2 * k] + c * wp[k:2 * k])
        g = np.tanh(z[:, 2 * k:3 * k])
        c = f * c + i * g
        o = sig(z[:, 3 * k:] + c * wp[2 * k:])
        h = o * np.tanh(c)
        hs.append(h)
    y = softmax(np.mean(hs, axis=0) @ w["w1"] + w["b1"])
    os.makedirs(sys.argv[3], exist_ok=True)
    np.save(os.path.join(sys.argv[3], "in.npy"), x)
    np.save(os.path.join(sys.argv[3], "out.npy"), y.astype(np.float32))
elif sys.argv[1] == "loss":
    # libnd4j log_loss (epsilon 0, weight 1, mode 3: the mean over the
    # elements) of DIR/out.npy against one-hot labels written to
    # DIR/label.npy, printed.
    p = np.load(os.path.join(sys.argv[2], "out.npy")).astype(np.float64)
    labels = np.eye(p.shape[1])[np.arange(p.shape[0]) % p.shape[1]]
    e = -(labels * np.log(p) + (1 - labels) * np.log(1 - p))
    os.makedirs(sys.argv[3], exist_ok=True)
    np.save(os.path.join(sys.argv[3], "label.npy"), labels.astype(np.float32))
    np.save(os.path.join(sys.argv[3], "loss.npy"),
            np.array(e.sum() / e.size, np.float32))
elif sys.argv[1] == "rows":
    batch, single = np.load(sys.argv[2]), np.load(sys.argv[3])
    ok = np.allclose(batch[:1], single, rtol=1e-5, atol=1e-6) and \
        np.allclose(batch.sum(axis=-1), 1, atol=1e-5) and (batch >= 0).all()
    print(f"rows: {batch.shape[0]} x {batch.shape[1]}, "
          f"{'consistent' if ok else 'INCONSISTENT'}")
    sys.exit(0 if ok else 1)
