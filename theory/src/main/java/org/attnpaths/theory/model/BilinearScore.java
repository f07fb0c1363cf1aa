package org.attnpaths.theory.model;

import org.attnpaths.numerics.linalg.LinearAlgebraBackend;
import org.attnpaths.numerics.linalg.MatrixBatch;
import org.ejml.data.DMatrixRMaj;

/**
 * W-style score S_st = x_sᵀ W x_t (spec §2.2; the inverse temperature β is already in W).
 * When W has small rank (the designed Markov heads, spec §9.1) the batched key/query maps use
 * its exact low-rank form W = A·Bᵀ ({@link LowRankWeights}): keys x_sᵀA and queries x_tᵀB of r
 * columns instead of keys x_s and queries W x_t of N0.
 */
public final class BilinearScore implements AttentionScore {
  private final int tokenDim;
  private final double[] w;
  private final LowRankWeights lowRank;
  /** The factors A and B split for sparse products, or null (dense factor or no low-rank form). */
  private final SparseFactor sparseA;
  private final SparseFactor sparseB;

  /**
   * @param tokenDim N0
   * @param w N0 × N0 row-major (copied)
   */
  public BilinearScore(int tokenDim, double[] w) {
    this(tokenDim, w, Form.SEARCH, null);
  }

  /**
   * A head whose low-rank form is known from its construction (the designed Markov heads, spec
   * §9.1), so none is searched for: the search costs tens of milliseconds in a cold JVM.
   *
   * @param lowRank W = A·Bᵀ, taken as given (the caller's tests must show that it reproduces W)
   */
  public static BilinearScore withLowRank(int tokenDim, double[] w, LowRankWeights lowRank) {
    if (lowRank == null || lowRank.tokenDim() != tokenDim) {
      throw new IllegalArgumentException("W: expected a low-rank form of dimension " + tokenDim);
    }
    return new BilinearScore(tokenDim, w, Form.GIVEN, lowRank);
  }

  /** A head known to have full rank (e.g. a perturbed {@code blank} head): no low-rank search. */
  public static BilinearScore dense(int tokenDim, double[] w) {
    return new BilinearScore(tokenDim, w, Form.DENSE, null);
  }

  private enum Form { SEARCH, GIVEN, DENSE }

  private BilinearScore(int tokenDim, double[] w, Form form, LowRankWeights given) {
    if (tokenDim < 1) throw new IllegalArgumentException("W: expected N0 >= 1, got " + tokenDim);
    if (w.length != tokenDim * tokenDim) {
      throw new IllegalArgumentException("W: expected [" + tokenDim + ", " + tokenDim + "] = "
          + tokenDim * tokenDim + " entries, got " + w.length);
    }
    w = w.clone();
    for (double v : w) {
      if (!Double.isFinite(v)) throw new IllegalArgumentException("W: expected finite entries, got " + v);
    }
    this.tokenDim = tokenDim;
    this.w = w;
    // Worth it while 2r < N0 with a margin (projections 2·N0·r against N0² per token).
    this.lowRank = switch (form) {
      case SEARCH -> LowRankWeights.find(w, tokenDim, Math.max(1, tokenDim / 4));
      case GIVEN -> given;
      case DENSE -> null;
    };
    this.sparseA = lowRank == null ? null : SparseFactor.of(lowRank.a(), tokenDim, lowRank.rank());
    this.sparseB = lowRank == null ? null : SparseFactor.of(lowRank.b(), tokenDim, lowRank.rank());
  }

  /** N0. */
  @Override
  public int tokenDim() {
    return tokenDim;
  }

  /** W, N0 × N0 row-major, key rows (shared: do not modify). */
  public double[] w() {
    return w;
  }

  /** The exact low-rank form used by {@link #keys} and {@link #queries}, or null (dense). */
  public LowRankWeights lowRank() {
    return lowRank;
  }

  @Override
  public void scores(double[] x, int offset, int tokens, double[] out) {
    int n0 = tokenDim;
    double[] wx = new double[n0];
    // S_{st} = x_s · (W x_t): one N0×N0 product per query token, then T dot products.
    for (int t = 0; t < tokens; t++) {
      int xt = offset + t * n0;
      for (int i = 0; i < n0; i++) {
        double acc = 0.0;
        int wi = i * n0;
        for (int j = 0; j < n0; j++) acc += w[wi + j] * x[xt + j];
        wx[i] = acc;
      }
      for (int s = 0; s < tokens; s++) {
        int xs = offset + s * n0;
        double acc = 0.0;
        for (int i = 0; i < n0; i++) acc += x[xs + i] * wx[i];
        out[s * tokens + t] = acc;
      }
    }
  }

  /** Keys x_s (the identity map), or rows x_sᵀA with the low-rank form. */
  @Override
  public DMatrixRMaj keys(DMatrixRMaj x, LinearAlgebraBackend backend) {
    if (lowRank == null) return x;
    DMatrixRMaj out = new DMatrixRMaj(x.numRows, lowRank.rank());
    project(x.data, 0, x.numRows, sparseA, lowRank.a(), backend, out.data);
    return out;
  }

  /** Rows W x_t, i.e. x Wᵀ, or rows x_tᵀB with the low-rank form. */
  @Override
  public DMatrixRMaj queries(DMatrixRMaj x, LinearAlgebraBackend backend) {
    DMatrixRMaj out = new DMatrixRMaj(x.numRows, featureDim());
    queries(x.data, 0, x.numRows, backend, out.data);
    return out;
  }

  @Override
  public void queries(double[] x, int offset, int rows, LinearAlgebraBackend backend,
      double[] out) {
    if (lowRank == null) {
      backend.gemmBatch(1.0, new MatrixBatch(x, offset, 0, rows, tokenDim), false,
          new MatrixBatch(w, 0, 0, tokenDim, tokenDim), true, 0.0,
          new MatrixBatch(out, 0, 0, rows, tokenDim), 0, 1);
    } else {
      project(x, offset, rows, sparseB, lowRank.b(), backend, out);
    }
  }

  /** Keys x_sᵀA in place; for a dense W (no low-rank form) the keys are the tokens: a copy. */
  @Override
  public void keys(double[] x, int offset, int rows, LinearAlgebraBackend backend, double[] out) {
    if (lowRank == null) {
      System.arraycopy(x, offset, out, 0, rows * tokenDim);
    } else {
      project(x, offset, rows, sparseA, lowRank.a(), backend, out);
    }
  }

  @Override
  public boolean keysAreTokens() {
    return lowRank == null;
  }

  /** N0 (dense), or the rank r of the low-rank form. */
  @Override
  public int featureDim() {
    return lowRank == null ? tokenDim : lowRank.rank();
  }

  /**
   * x·F for a factor F (N0 × r) on rows × N0 tokens at x[offset]: through the backend, or — when
   * F is mostly sparse, as the designed heads' factors are — split into dense and sparse columns
   * ({@link SparseFactor}).
   */
  private void project(double[] x, int offset, int rows, SparseFactor sparse, double[] factor,
      LinearAlgebraBackend backend, double[] out) {
    if (sparse != null) {
      sparse.multiply(x, offset, rows, out);
      return;
    }
    int rank = lowRank.rank();
    backend.gemmBatch(1.0, new MatrixBatch(x, offset, 0, rows, tokenDim), false,
        new MatrixBatch(factor, 0, 0, tokenDim, rank), false, 0.0,
        new MatrixBatch(out, 0, 0, rows, rank), 0, 1);
  }

  @Override
  public double scale() {
    return 1.0;
  }
}
