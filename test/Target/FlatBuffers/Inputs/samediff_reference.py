# References for compiled SameDiff graphs, from the graph's own weights as
# `nd4j-opt FILE.fb` prints them (dense_resource blobs and inline dense).
#
#   samediff_reference.py mlp GRAPH.mlir DIR N
#       writes DIR/in.npy (N x 2, seeded) and DIR/out.npy, the MLP's
#       softmax(relu(in @ w0 + b0) @ w1 + b1) computed with numpy
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
elif sys.argv[1] == "rows":
    batch, single = np.load(sys.argv[2]), np.load(sys.argv[3])
    ok = np.allclose(batch[:1], single, rtol=1e-5, atol=1e-6) and \
        np.allclose(batch.sum(axis=-1), 1, atol=1e-5) and (batch >= 0).all()
    print(f"rows: {batch.shape[0]} x {batch.shape[1]}, "
          f"{'consistent' if ok else 'INCONSISTENT'}")
    sys.exit(0 if ok else 1)
