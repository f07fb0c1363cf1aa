package org.attnpaths.numerics.linalg;

import org.ejml.data.DMatrixRMaj;

/**
 * The checked shape of a {@link LinearAlgebraBackend#syrk} call: c (n×n) = op(a) op(a)ᵀ with
 * op(a) of size n×k.
 */
record SyrkShape(int n, int k) {

  /** @throws IllegalArgumentException if c is not n×n or aliases a */
  static SyrkShape of(DMatrixRMaj a, boolean transA, DMatrixRMaj c) {
    int n = transA ? a.numCols : a.numRows;
    int k = transA ? a.numRows : a.numCols;
    if (c.numRows != n || c.numCols != n) {
      throw new IllegalArgumentException("syrk: expected c " + n + "×" + n + ", got " + c.numRows
          + "×" + c.numCols);
    }
    if (c.data == a.data) throw new IllegalArgumentException("syrk: c must not alias a");
    return new SyrkShape(n, k);
  }
}
