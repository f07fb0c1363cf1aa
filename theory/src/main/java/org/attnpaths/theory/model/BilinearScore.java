package org.attnpaths.theory.model;

import org.attnpaths.numerics.linalg.LinearAlgebraBackend;
import org.ejml.data.DMatrixRMaj;

/**
 * W-style score S_st = x_sᵀ W x_t (spec §2.2; the inverse temperature β is already in W).
 *
 * @param tokenDim N0
 * @param w N0 × N0 row-major
 */
public record BilinearScore(int tokenDim, double[] w) implements AttentionScore {

  public BilinearScore {
    if (tokenDim < 1) throw new IllegalArgumentException("W: expected N0 >= 1, got " + tokenDim);
    if (w.length != tokenDim * tokenDim) {
      throw new IllegalArgumentException("W: expected [" + tokenDim + ", " + tokenDim + "] = "
          + tokenDim * tokenDim + " entries, got " + w.length);
    }
    w = w.clone();
    for (double v : w) {
      if (!Double.isFinite(v)) throw new IllegalArgumentException("W: expected finite entries, got " + v);
    }
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

  /** Keys are the tokens themselves: S_st = x_s · (W x_t). */
  @Override
  public DMatrixRMaj keys(DMatrixRMaj x, LinearAlgebraBackend backend) {
    return x;
  }

  /** Rows W x_t, i.e. x Wᵀ. */
  @Override
  public DMatrixRMaj queries(DMatrixRMaj x, LinearAlgebraBackend backend) {
    DMatrixRMaj out = new DMatrixRMaj(x.numRows, tokenDim);
    backend.gemm(1.0, x, false, DMatrixRMaj.wrap(tokenDim, tokenDim, w), true, 0.0, out);
    return out;
  }

  @Override
  public double scale() {
    return 1.0;
  }
}
