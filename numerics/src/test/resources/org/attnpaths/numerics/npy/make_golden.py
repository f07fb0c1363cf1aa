# Regenerates the golden files next to this script (numpy 1.24.2, Debian python3-numpy).
# Tests never run this; they only read its output. Values are small dyadic rationals, exact in
# float32 and float64, so tests can compare exactly.
import numpy as np

def arrays():
    a = np.arange(6, dtype='<f8').reshape(2, 3) / 4          # C order float64
    return {
        'a': a,
        'f4_fortran': np.asfortranarray((np.arange(24, dtype='<f4') / 8).reshape(2, 3, 4)),
        'be': (np.arange(4.).reshape(2, 2) - 1.5).astype('>f8'),  # big-endian
        'labels': np.array([1, -1, 1], dtype='<i8'),
        'small': np.array([-3, 7], dtype='<i2'),
        'bytes': np.array([0, 255], dtype='|u1'),
        'flags': np.array([True, False]),
        'scalar': np.float64(2.5),
        'empty': np.zeros((0, 3)),
    }

np.savez('golden-savez.npz', **arrays())
np.savez_compressed('golden-savez-compressed.npz', **arrays())
np.save('f8-2x3.npy', np.arange(6, dtype='<f8').reshape(2, 3) / 4)
np.save('f8-5.npy', np.arange(5, dtype='<f8'))
np.save('f8-scalar.npy', np.float64(2.5))
np.save('f8-0x3.npy', np.zeros((0, 3)))
