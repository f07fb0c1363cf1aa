package org.attnpaths.theory.task;

import org.attnpaths.numerics.npy.NpyArray;

/**
 * Content checks on the arrays of one task bundle. Every failure is an
 * {@link IllegalArgumentException} whose message reads {@code file: field: expected …, got …}.
 */
final class BundleCheck {

  private final String where;

  /** @param where the file name that starts every message */
  BundleCheck(String where) {
    this.where = where;
  }

  IllegalArgumentException error(String field, String what) {
    return new IllegalArgumentException(where + ": " + field + ": " + what);
  }

  /**
   * A float array of rank 3 with no empty dimension ({@code x_train} or {@code x_test}).
   *
   * @param symbolic the expected shape in symbols, e.g. {@code [P, T, N0]}
   */
  NpyArray sequences(NpyArray a, String symbolic) {
    floatType(a);
    if (a.rank() != 3) {
      throw error(a.name(), "expected 3 dimensions " + symbolic + ", got " + a.shapeString());
    }
    return nonEmpty(a);
  }

  /** Labels of rank 1 matching the number of sequences; float or integer dtype. */
  NpyArray labels(NpyArray y, NpyArray x) {
    char kind = kind(y);
    if (kind != 'f' && kind != 'i' && kind != 'u') {
      throw error(y.name(), "expected float or integer labels, got '" + y.dtype() + "'");
    }
    if (y.rank() != 1 || y.dim(0) != x.dim(0)) {
      throw error(y.name(), "expected [" + x.dim(0) + "] to match " + x.name() + " "
          + x.shapeString() + ", got " + y.shapeString());
    }
    return y;
  }

  /**
   * Attention weights [H, N0, N0] ({@code square}) or [H, G, N0], H ≥ 1, G ≥ 1.
   *
   * @param n0 the token dimension of {@code x_train}
   */
  NpyArray attention(NpyArray a, int n0, boolean square) {
    floatType(a);
    boolean ok = a.rank() == 3 && a.dim(2) == n0 && (!square || a.dim(1) == n0);
    if (!ok) {
      throw error(a.name(), "expected " + (square ? "[H, " + n0 + ", " : "[H, G, ") + n0
          + "] (N0 = " + n0 + " from x_train), got " + a.shapeString());
    }
    return nonEmpty(a);
  }

  /** Rejects NaN and ±∞, naming the flat and the multi-index of the first one. */
  void finite(NpyArray a) {
    double[] d = a.data();
    for (int i = 0; i < d.length; i++) {
      if (!Double.isFinite(d[i])) {
        throw error(a.name(), "expected finite values, got " + d[i] + " at flat index " + i + " "
            + a.indexString(i));
      }
    }
  }

  private NpyArray nonEmpty(NpyArray a) {
    if (a.size() == 0) {
      throw error(a.name(), "expected a non-empty array, got shape " + a.shapeString());
    }
    return a;
  }

  private void floatType(NpyArray a) {
    if (kind(a) != 'f') {
      throw error(a.name(), "expected dtype float64 or float32 (<f8, <f4), got '" + a.dtype() + "'");
    }
  }

  /** numpy's kind character of the dtype the array was read from ({@code '<f4'} → {@code 'f'}). */
  private static char kind(NpyArray a) {
    String d = a.dtype();
    return d.length() >= 2 ? d.charAt(d.length() - 2) : '?';
  }
}
