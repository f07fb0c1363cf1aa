package org.attnpaths.numerics.npy;

import java.util.Arrays;
import java.util.Objects;

/**
 * One n-dimensional array as float64 in C (row-major) order: element (i_0, …, i_{n−1}) sits at
 * flat index Σ_k i_k · ∏_{j>k} shape[j]. A rank-0 array (shape {@code []}, numpy {@code ()}) holds
 * one value.
 *
 * <p>{@code shape} is copied in and out; {@code data} is referenced, not copied (arrays such as
 * {@code x_test} reach 10⁷ values), so the caller must not modify it after construction.
 * {@link #equals} compares shapes and data by content and ignores {@code dtype}.
 *
 * @param name entry name without {@code .npy} (for an {@code .npz} member), or null
 * @param shape dimensions, each ≥ 0; copied
 * @param data ∏ shape values in C order; referenced
 * @param dtype the dtype the values were read from (e.g. {@code <f4}), for messages and
 *     provenance; {@code <f8} for arrays made in Java
 */
public record NpyArray(String name, int[] shape, double[] data, String dtype) {

  /** numpy's descr of little-endian float64, the only dtype this package writes. */
  public static final String FLOAT64 = "<f8";

  public NpyArray {
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(data, "data");
    shape = shape.clone();
    long size = 1;
    for (int d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException(label(name) + "shape: expected dimensions >= 0, got "
            + Arrays.toString(shape));
      }
      size *= d;
      if (size > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(label(name) + "shape: " + Arrays.toString(shape)
            + " holds more than 2^31-1 values");
      }
    }
    if (size != data.length) {
      throw new IllegalArgumentException(label(name) + "shape " + Arrays.toString(shape)
          + " needs " + size + " values, got " + data.length);
    }
    if (dtype == null) dtype = FLOAT64;
  }

  /** A float64 array; {@code data} is referenced, not copied. */
  public static NpyArray of(String name, int[] shape, double[] data) {
    return new NpyArray(name, shape, data, FLOAT64);
  }

  /** The same values under another entry name. */
  public NpyArray withName(String newName) {
    return new NpyArray(newName, shape, data, dtype);
  }

  /** A copy of the shape. */
  @Override
  public int[] shape() {
    return shape.clone();
  }

  /** The number of dimensions n (0 for a scalar). */
  public int rank() {
    return shape.length;
  }

  /** shape[k] without a copy. */
  public int dim(int k) {
    return shape[k];
  }

  /** The number of values, ∏ shape. */
  public int size() {
    return data.length;
  }

  /** The shape as {@code [2, 3]} (a scalar is {@code []}), for messages. */
  public String shapeString() {
    return Arrays.toString(shape);
  }

  /** The C-order multi-index of a flat index, as {@code [i_0, …]}, for messages. */
  public String indexString(int flat) {
    int[] idx = new int[shape.length];
    for (int k = shape.length - 1; k >= 0; k--) {
      if (shape[k] == 0) return "[]";
      idx[k] = flat % shape[k];
      flat /= shape[k];
    }
    return Arrays.toString(idx);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NpyArray a && Objects.equals(name, a.name)
        && Arrays.equals(shape, a.shape) && Arrays.equals(data, a.data);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, Arrays.hashCode(shape), Arrays.hashCode(data));
  }

  @Override
  public String toString() {
    return "NpyArray[name=" + name + ", shape=" + shapeString() + ", dtype=" + dtype + "]";
  }

  private static String label(String name) {
    return name == null ? "" : name + ": ";
  }
}
