"""Checks that the first samples of a batched result equal a result of
fewer samples: compare_rows.py BIG.npy SMALL.npy AXIS (AXIS is the batch
dimension). Prints 'rows: N of M match' or the largest difference."""
import sys

import numpy as np

big, small = np.load(sys.argv[1]), np.load(sys.argv[2])
axis = int(sys.argv[3])
n = small.shape[axis]
head = np.take(big, range(n), axis=axis)
if head.shape != small.shape:
    sys.exit(f"shapes differ: {head.shape} vs {small.shape}")
diff = float(np.max(np.abs(head - small))) if small.size else 0.0
if diff > 1e-5:
    sys.exit(f"rows differ by up to {diff}")
print(f"rows: {n} of {big.shape[axis]} match")
