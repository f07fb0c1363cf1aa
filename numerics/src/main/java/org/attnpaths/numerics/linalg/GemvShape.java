package org.attnpaths.numerics.linalg;

/** Shape check shared by the backends' {@code gemv}: op(a) is rows × cols. */
final class GemvShape {
  private GemvShape() {}

  static void check(int m, int n, boolean transA, double[] x, double[] y) {
    int cols = transA ? m : n;
    int rows = transA ? n : m;
    if (x.length < cols || y.length < rows) {
      throw new IllegalArgumentException("gemv: expected op(a) " + rows + "×" + cols + " with x of "
          + "length " + cols + " and y of length " + rows + ", got x " + x.length + ", y "
          + y.length);
    }
  }
}
