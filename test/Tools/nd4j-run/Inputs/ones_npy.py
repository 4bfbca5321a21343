# Writes an f32 .npy file of ones: ones_npy.py FILE D0 [D1 ...]. Plain
# Python (no numpy), for tests whose python3 lacks it.
import struct
import sys

path, shape = sys.argv[1], [int(d) for d in sys.argv[2:]]
count = 1
for d in shape:
    count *= d
dims = ", ".join(str(d) for d in shape) + ("," if len(shape) == 1 else "")
header = "{'descr': '<f4', 'fortran_order': False, 'shape': (%s), }" % dims
header += " " * (63 - (len(header) + 10) % 64) + "\n"
with open(path, "wb") as f:
    f.write(b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)))
    f.write(header.encode() + struct.pack("<%df" % count, *([1.0] * count)))
