package org.attnpaths.theory.model;

import java.util.stream.IntStream;

/**
 * A mostly sparse N0 × r matrix F for the products x·F of the low-rank key/query maps ({@link
 * LowRankWeights}). The designed Markov heads' factors have one dense column (q, spec §9.1) and
 * columns with one or two entries (the shift and BOS rows of W_pos): dense columns are contiguous
 * dot products, sparse ones dot products over their non-zeros, so the work is
 * n·(N0·r_dense + nnz_sparse) instead of n·N0·r.
 */
final class SparseFactor {
  /** A column with more than this fraction of non-zeros counts as dense. */
  static final double DENSE_FILL = 1.0 / 8;
  /** Above this overall fill the plain dense product is used. */
  static final double MAX_FILL = 1.0 / 4;

  private final int tokenDim;
  private final int rank;
  /** Indices (in 0..r) of the dense columns, and those columns one after the other (N0 each). */
  private final int[] denseColumns;
  private final double[] denseValues;
  /** Sparse column k: its non-zeros are index/value[start[k] .. start[k+1]) (empty for dense k). */
  private final int[] start;
  private final int[] index;
  private final double[] value;

  private SparseFactor(int tokenDim, int rank, int[] denseColumns, double[] denseValues,
      int[] start, int[] index, double[] value) {
    this.tokenDim = tokenDim;
    this.rank = rank;
    this.denseColumns = denseColumns;
    this.denseValues = denseValues;
    this.start = start;
    this.index = index;
    this.value = value;
  }

  /**
   * The split form of F, or null if F is too full for it to pay.
   *
   * @param f N0 × r row-major, not modified
   */
  static SparseFactor of(double[] f, int tokenDim, int rank) {
    int[] nnz = new int[rank];
    int total = 0;
    for (int i = 0; i < tokenDim; i++) {
      for (int k = 0; k < rank; k++) if (f[i * rank + k] != 0.0) nnz[k]++;
    }
    int denseCount = 0;
    int sparseNnz = 0;
    for (int k = 0; k < rank; k++) {
      if (nnz[k] > DENSE_FILL * tokenDim) denseCount++;
      else sparseNnz += nnz[k];
    }
    total = denseCount * tokenDim + sparseNnz;
    if (total > MAX_FILL * tokenDim * rank) return null;
    int[] denseColumns = new int[denseCount];
    double[] dense = new double[denseCount * tokenDim];
    int[] start = new int[rank + 1];
    int[] index = new int[sparseNnz];
    double[] value = new double[sparseNnz];
    int d = 0;
    int n = 0;
    for (int k = 0; k < rank; k++) {
      start[k] = n;
      if (nnz[k] > DENSE_FILL * tokenDim) {
        for (int i = 0; i < tokenDim; i++) dense[d * tokenDim + i] = f[i * rank + k];
        denseColumns[d++] = k;
        continue;
      }
      for (int i = 0; i < tokenDim; i++) {
        double v = f[i * rank + k];
        if (v != 0.0) {
          index[n] = i;
          value[n++] = v;
        }
      }
    }
    start[rank] = n;
    return new SparseFactor(tokenDim, rank, denseColumns, dense, start, index, value);
  }

  /**
   * out = x·F for rows × N0 tokens at x[offset]: one pass over the tokens, each row's dense
   * columns as contiguous dot products and sparse columns over their non-zeros (a BLAS product
   * with one column would pack all of x first), rows split over the cores.
   *
   * @param out rows × r row-major from index 0, overwritten
   */
  void multiply(double[] x, int offset, int rows, double[] out) {
    int r = rank;
    int nd = denseColumns.length;
    int chunk = 256;                                   // rows per task: 4 tasks per 32-example chunk
    IntStream.range(0, (rows + chunk - 1) / chunk).parallel().forEach(c -> {
      // Locals: C1 reloads fields inside loops.
      int[] st = start;
      int[] idx = index;
      double[] val = value;
      int[] dc = denseColumns;
      double[] dense = denseValues;
      int n0 = tokenDim;
      int to = Math.min(rows, (c + 1) * chunk);
      for (int row = c * chunk; row < to; row++) {
        int xr = offset + row * n0;
        int or = row * r;
        for (int k = 0; k < r; k++) {
          double acc = 0.0;
          for (int e = st[k]; e < st[k + 1]; e++) acc += x[xr + idx[e]] * val[e];
          out[or + k] = acc;
        }
        for (int d = 0; d < nd; d++) {
          double acc = 0.0;
          int col = d * n0;
          for (int i = 0; i < n0; i++) acc += x[xr + i] * dense[col + i];
          out[or + dc[d]] = acc;
        }
      }
    });
  }
}
