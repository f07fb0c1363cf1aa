package org.attnpaths.numerics.linalg;

import org.ejml.data.DMatrixRMaj;

/** Shape and aliasing check shared by the backends' {@code gemv}: op(a) is rows × cols. */
final class GemvShape {
  private GemvShape() {}

  static void check(DMatrixRMaj a, boolean transA, double[] x, double[] y) {
    int m = a.numRows;
    int n = a.numCols;
    if (y == x || y == a.data) throw new IllegalArgumentException("gemv: y must not alias x or a");
    int cols = transA ? m : n;
    int rows = transA ? n : m;
    if (x.length < cols || y.length < rows) {
      throw new IllegalArgumentException("gemv: expected op(a) " + rows + "×" + cols + " with x of "
          + "length " + cols + " and y of length " + rows + ", got x " + x.length + ", y "
          + y.length);
    }
  }
}
