"""Inputs (<name>.npy) and expected outputs (ref/0.npy, ref/1.npy) of
stft-runtime.onnxtxt: the STFT of 1..8 (step 2, length 4) as numpy's rfft
of its frames, and MelWeightMatrix as ONNX's reference implementation
computes it."""
import os
import sys

import numpy as np


def mel_weight_matrix(num_mel_bins, dft_length, sample_rate, lower, upper):
    bins = dft_length // 2 + 1
    points = np.arange(0, num_mel_bins + 2)
    low_mel = 2595 * np.log10(1 + lower / 700)
    high_mel = 2595 * np.log10(1 + upper / 700)
    step = (high_mel - low_mel) / points.shape[0]
    hz = 700 * (np.power(10, (points * step + low_mel) / 2595) - 1)
    b = (((dft_length + 1) * hz) // sample_rate).astype(int)
    out = np.zeros((bins, num_mel_bins))
    for i in range(num_mel_bins):
        left, center, right = b[i], b[i + 1], b[i + 2]
        if center == left:
            out[center, i] = 1
        else:
            for j in range(left, center + 1):
                out[j, i] = (j - left) / (center - left)
        if right > center:
            for j in range(center, right):
                out[j, i] = (right - j) / (right - center)
    return out.astype(np.float32)


out = sys.argv[1]
os.makedirs(os.path.join(out, "ref"), exist_ok=True)
args = dict(mels=6, dft=64, rate=8000, low=100.0, high=3000.0)
for name, v in args.items():
    np.save(os.path.join(out, name + ".npy"),
            np.array(v, np.float32 if isinstance(v, float) else np.int64))
np.save(os.path.join(out, "signal.npy"),
        np.arange(1, 9, dtype=np.float32).reshape(1, 8, 1))
np.save(os.path.join(out, "step.npy"), np.array(2, np.int64))
np.save(os.path.join(out, "length.npy"), np.array(4, np.int64))
# STFT: numpy's rfft of the frames 1..4, 3..6, 5..8.
frames = np.array([np.arange(1 + 2 * f, 5 + 2 * f) for f in range(3)], np.float64)
spectrum = np.fft.rfft(frames, axis=-1)
np.save(os.path.join(out, "ref", "0.npy"),
        np.stack([spectrum.real, spectrum.imag], -1)[None].astype(np.float32))
np.save(os.path.join(out, "ref", "1.npy"),
        mel_weight_matrix(6, 64, 8000, np.float32(100.0), np.float32(3000.0)))
