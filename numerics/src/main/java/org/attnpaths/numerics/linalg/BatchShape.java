package org.attnpaths.numerics.linalg;

/**
 * Shape check shared by the backends' {@code gemmBatch}: op(A_i) is m × k, op(B_i) k × n, C_i m × n.
 */
record BatchShape(int m, int n, int k) {

  static BatchShape of(MatrixBatch a, boolean transA, MatrixBatch b, boolean transB,
      MatrixBatch c, int from, int to) {
    int m = transA ? a.cols() : a.rows();
    int k = transA ? a.rows() : a.cols();
    int kb = transB ? b.cols() : b.rows();
    int n = transB ? b.rows() : b.cols();
    if (k != kb || c.rows() != m || c.cols() != n) {
      throw new IllegalArgumentException("gemmBatch: expected op(a) m×k, op(b) k×n, c m×n, got "
          + "op(a) " + m + "×" + k + ", op(b) " + kb + "×" + n + ", c " + c.rows() + "×" + c.cols());
    }
    if (c.data() == a.data() || c.data() == b.data()) {
      throw new IllegalArgumentException("gemmBatch: c must not share its array with a or b");
    }
    if (c.stride() < m * n && to - from > 1) {
      throw new IllegalArgumentException("gemmBatch: c's matrices overlap (stride " + c.stride()
          + " < " + m + "×" + n + ")");
    }
    if (from < 0 || to < from) {
      throw new IllegalArgumentException("gemmBatch: expected 0 <= from <= to, got [" + from + ", "
          + to + ")");
    }
    a.checkRange("a", from, to);
    b.checkRange("b", from, to);
    c.checkRange("c", from, to);
    return new BatchShape(m, n, k);
  }
}
