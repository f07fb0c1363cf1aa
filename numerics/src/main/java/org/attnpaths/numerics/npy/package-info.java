/**
 * NumPy {@code .npy} and {@code .npz} files, read and written from scratch (format spec:
 * numpy.lib.format, versions 1.0–3.0).
 *
 * <p>{@link org.attnpaths.numerics.npy.NpyReader} and {@link org.attnpaths.numerics.npy.NpzReader}
 * convert every supported dtype (float64/float32 in either byte order; integer and bool types) to a
 * float64, C-order {@link org.attnpaths.numerics.npy.NpyArray}; Fortran-order data is transposed.
 * {@link org.attnpaths.numerics.npy.NpyWriter} and {@link org.attnpaths.numerics.npy.NpzWriter}
 * write little-endian float64, C order, with 64-byte aligned version 1.0 headers as numpy does, and
 * replace the target file atomically. Anything unreadable raises
 * {@link org.attnpaths.numerics.npy.NpyFormatException} (an {@code IOException}) whose message
 * names the file and entry. No physics here.
 */
package org.attnpaths.numerics.npy;
