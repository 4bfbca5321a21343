# Prints the dtype, shape and values of each .npy file given, as NumPy
# reads them: proof that nd4j-run --output-dir writes valid files.
import sys

import numpy as np

for name in sys.argv[1:]:
    array = np.load(name, allow_pickle=False)
    print("%s: %s %s %s" % (name.split("/")[-1], array.dtype,
                            list(array.shape), array.flatten().tolist()))
