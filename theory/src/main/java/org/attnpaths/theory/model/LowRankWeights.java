package org.attnpaths.theory.model;

/**
 * An exact low-rank form W = A·Bᵀ of a W-style score matrix (spec §2.2), A and B N0 × r, so that
 * S_st = x_sᵀ W x_t = (Aᵀx_s)·(Bᵀx_t): projecting every token costs 2·N0·r instead of N0²
 * (spec §12, attention is the dominant cost). The designed Markov heads (spec §9.1) have small
 * rank: {@code same_token} and {@code different_token} r = 1 + (T_tok − 1) (q qᵀ plus the shift
 * and BOS rows of W_pos), {@code uniform} r = 1, an unperturbed {@code blank} r = 0; a perturbed
 * {@code blank} (G1, G2, G3 dense normal) has full rank and keeps the dense product.
 *
 * <p>Found by Gaussian elimination with complete pivoting on a copy of W (each step removes the
 * rank-one term through the largest remaining entry), stopped when every remaining entry is at
 * most {@link #TOLERANCE}·N0·max|W| (the rounding level of the dense product x_s·(W x_t)
 * itself), then certified: max |W − A·Bᵀ| must be within that bound, else there is no low-rank
 * form. Elimination gives up after {@code maxRank} steps (full-rank heads cost maxRank·2·N0²).
 *
 * @param tokenDim N0
 * @param rank r ≥ 1 (a zero W is stored as one zero column)
 * @param a N0 × r row-major
 * @param b N0 × r row-major
 */
public record LowRankWeights(int tokenDim, int rank, double[] a, double[] b) {

  public LowRankWeights {
    if (tokenDim < 1 || rank < 1 || a.length != tokenDim * rank || b.length != tokenDim * rank) {
      throw new IllegalArgumentException("low-rank W: expected A and B of [" + tokenDim + ", "
          + rank + "], got " + a.length + " and " + b.length + " entries");
    }
  }

  /** Relative rounding bound per summand (a few ulps): remaining entries below it·N0·max|W| are dropped. */
  public static final double TOLERANCE = 4.0 * Math.ulp(1.0);

  /**
   * The low-rank form of W if its rank is at most maxRank, else null.
   *
   * @param w N0 × N0 row-major, not modified
   */
  public static LowRankWeights find(double[] w, int n, int maxRank) {
    double scale = 0.0;
    for (double v : w) scale = Math.max(scale, Math.abs(v));
    double tol = TOLERANCE * n * scale;
    if (scale == 0.0) return new LowRankWeights(n, 1, new double[n], new double[n]);
    // Quick rejection: a rank-r matrix has no (r+1)×(r+1) submatrix of rank r+1, so if evenly
    // spaced rows and columns already give one, W is not low-rank (dense heads stop here).
    int m = maxRank + 1;
    if (m <= n) {
      double[] sub = new double[m * m];
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < m; j++) sub[i * m + j] = w[(int) ((long) i * n / m) * n + (int) ((long) j * n / m)];
      }
      if (eliminate(sub, m, tol, m, null, null) > maxRank) return null;
    }
    double[] cols = new double[n * maxRank];   // a_k = R[:, q] (column k)
    double[] rows = new double[n * maxRank];   // b_k = R[p, :] / R_pq
    int rank = eliminate(w.clone(), n, tol, maxRank, cols, rows);
    if (rank > maxRank) return null;
    if (rank == 0) return new LowRankWeights(n, 1, new double[n], new double[n]);
    double[] a = new double[n * rank];
    double[] b = new double[n * rank];
    for (int k = 0; k < rank; k++) {
      for (int i = 0; i < n; i++) {
        a[i * rank + k] = cols[k * n + i];
        b[i * rank + k] = rows[k * n + i];
      }
    }
    LowRankWeights out = new LowRankWeights(n, rank, a, b);
    return out.maxError(w) <= tol ? out : null;
  }

  /**
   * Complete-pivoting elimination of the n×n matrix r in place until every entry is at most tol,
   * recording a_k, b_k when cols and rows are given.
   *
   * @return the number of steps, or maxRank + 1 if more were needed
   */
  private static int eliminate(double[] r, int n, double tol, int maxRank, double[] cols,
      double[] rows) {
    // Row maxima: a step changes only the rows where a_k is non-zero (few, for designed heads).
    double[] rowMax = new double[n];
    for (int i = 0; i < n; i++) rowMax[i] = rowMaxAbs(r, n, i);
    double[] a = new double[n];
    double[] b = new double[n];
    for (int k = 0; ; k++) {
      int p = 0;
      for (int i = 1; i < n; i++) if (rowMax[i] > rowMax[p]) p = i;
      if (rowMax[p] <= tol) return k;
      if (k == maxRank) return maxRank + 1;
      int q = 0;
      for (int j = 1; j < n; j++) if (Math.abs(r[p * n + j]) > Math.abs(r[p * n + q])) q = j;
      double inv = 1.0 / r[p * n + q];
      for (int i = 0; i < n; i++) {
        a[i] = r[i * n + q];
        b[i] = r[p * n + i] * inv;
      }
      if (cols != null) {
        System.arraycopy(a, 0, cols, k * n, n);
        System.arraycopy(b, 0, rows, k * n, n);
      }
      for (int i = 0; i < n; i++) {                     // R −= a_k b_kᵀ
        double ai = a[i];
        if (ai == 0.0) continue;
        int row = i * n;
        for (int j = 0; j < n; j++) r[row + j] -= ai * b[j];
        rowMax[i] = rowMaxAbs(r, n, i);
      }
    }
  }

  private static double rowMaxAbs(double[] r, int n, int i) {
    double max = 0.0;
    for (int j = i * n; j < (i + 1) * n; j++) max = Math.max(max, Math.abs(r[j]));
    return max;
  }

  /** max |W − A·Bᵀ|. */
  public double maxError(double[] w) {
    int n = tokenDim;
    double[] ab = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < rank; k++) {
        double aik = a[i * rank + k];
        if (aik == 0.0) continue;                       // designed heads: sparse factors
        for (int j = 0; j < n; j++) ab[i * n + j] += aik * b[j * rank + k];
      }
    }
    double max = 0.0;
    for (int i = 0; i < n * n; i++) max = Math.max(max, Math.abs(w[i] - ab[i]));
    return max;
  }

}
