# Writes the tensor files of nd4j-run's tests into the folder argv[1], for
# the fake models add.so (sum = x + y over f32[2,3]) and mixed.so
# (masked = mask ? ids : 0 over i64[4], count = number of true mask values,
# an i32 scalar); see test/Unit/Runtime/FakeModel.c.
import os
import sys

import numpy as np
from onnx import numpy_helper

root = sys.argv[1]


def path(*parts):
    full = os.path.join(root, *parts)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    return full


def npy(rel, array):
    np.save(path(rel), array, allow_pickle=False)


def pb(rel, array, name):
    with open(path(rel), "wb") as f:
        f.write(numpy_helper.from_array(array, name).SerializeToString())


x = np.arange(6, dtype=np.float32).reshape(2, 3)
y = (np.arange(6, dtype=np.float32) * 10 + 0.5).reshape(2, 3)
s = x + y

# add.so, .npy files named after the tensors.
npy("npy/x.npy", x)
npy("npy/y.npy", y)
npy("expected/sum.npy", s)
npy("close/sum.npy", s * np.float32(1 + 5e-4))  # inside rtol 1e-3 only
wrong = s.copy()
wrong[1, 2] += 1
npy("wrong/sum.npy", wrong)
npy("wrong-shape/sum.npy", s.reshape(3, 2))
npy("wrong-dtype/sum.npy", s.astype(np.float64))
# Not named after the inputs: matched by position in natural order
# (in_2 before in_10).
npy("position/in_10.npy", y)
npy("position/in_2.npy", x)
# Named after one input only.
npy("partial/x.npy", x)
npy("partial/other.npy", y)
# Inputs the model must reject, and files the reader must reject.
npy("bad-shape/x.npy", x.reshape(3, 2))
npy("bad-shape/y.npy", y)
npy("bad-dtype/x.npy", x)
npy("bad-dtype/y.npy", y.astype(np.float64))
npy("fortran/x.npy", np.asfortranarray(x))
npy("fortran/y.npy", y)
npy("big-endian/x.npy", x.astype(">f4"))
npy("big-endian/y.npy", y)
npy("truncated-npy/y.npy", y)
npy("truncated-npy/x.npy", x)
data = open(path("truncated-npy/x.npy"), "rb").read()
open(path("truncated-npy/x.npy"), "wb").write(data[:-5])

# add.so, an ONNX backend test folder.
onnx_set = "onnx/test_data_set_0/"
pb(onnx_set + "input_0.pb", x, "x")
pb(onnx_set + "input_1.pb", y, "y")
pb(onnx_set + "output_0.pb", s, "sum")
pb("onnx-wrong/output_0.pb", wrong, "sum")
pb("onnx-truncated/input_0.pb", x, "x")
pb("onnx-truncated/input_1.pb", y, "y")
data = open(path("onnx-truncated/input_0.pb"), "rb").read()
open(path("onnx-truncated/input_0.pb"), "wb").write(data[: len(data) - 7])
pb("onnx-gap/input_0.pb", x, "x")
pb("onnx-gap/input_2.pb", y, "y")
pb("onnx-three/input_0.pb", x, "x")
pb("onnx-three/input_1.pb", y, "y")
pb("onnx-three/input_2.pb", y, "z")

# mixed.so: integer, bool and scalar tensors; names with ':' and '/'.
ids = np.array([7, -8, 9, 1 << 40], dtype=np.int64)
mask = np.array([True, False, True, True])
masked = np.where(mask, ids, 0).astype(np.int64)
count = np.array(3, dtype=np.int32)
npy("mixed/ids_0.npy", ids)
npy("mixed/mask.npy", mask)
npy("mixed-expected/masked_ids_0.npy", masked)
npy("mixed-expected/count.npy", count)
npy("mixed-wrong/masked_ids_0.npy", masked + np.array([0, 0, 0, 1]))
npy("mixed-wrong/count.npy", count)
mixed_set = "mixed-onnx/test_data_set_0/"
pb(mixed_set + "input_0.pb", ids, "ids:0")
pb(mixed_set + "input_1.pb", mask, "mask")
pb(mixed_set + "output_0.pb", masked, "masked/ids:0")
pb(mixed_set + "output_1.pb", count, "count")

# fail.so: its entry point fails for a negative x.
npy("negative/x.npy", np.array([-1], dtype=np.float32))
