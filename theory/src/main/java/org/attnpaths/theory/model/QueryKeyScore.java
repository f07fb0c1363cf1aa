package org.attnpaths.theory.model;

import org.attnpaths.numerics.linalg.LinearAlgebraBackend;
import org.attnpaths.numerics.linalg.MatrixBatch;
import org.ejml.data.DMatrixRMaj;

/**
 * QK-style score S_st = (K x_s)·(Q x_t) / √G (spec §2.2).
 *
 * @param tokenDim N0
 * @param g G, the query/key dimension
 * @param q G × N0 row-major
 * @param k G × N0 row-major
 */
public record QueryKeyScore(int tokenDim, int g, double[] q, double[] k) implements AttentionScore {

  public QueryKeyScore {
    if (tokenDim < 1 || g < 1) {
      throw new IllegalArgumentException("Q/K: expected N0 >= 1 and G >= 1, got N0=" + tokenDim
          + ", G=" + g);
    }
    if (q.length != g * tokenDim || k.length != g * tokenDim) {
      throw new IllegalArgumentException("Q/K: expected [" + g + ", " + tokenDim + "] each, got "
          + q.length + " and " + k.length + " entries");
    }
    q = q.clone();
    k = k.clone();
    for (int i = 0; i < q.length; i++) {
      if (!Double.isFinite(q[i]) || !Double.isFinite(k[i])) {
        throw new IllegalArgumentException("Q/K: expected finite entries, got a non-finite value at "
            + i);
      }
    }
  }

  @Override
  public void scores(double[] x, int offset, int tokens, double[] out) {
    int n0 = tokenDim;
    double[] qx = new double[tokens * g];
    double[] kx = new double[tokens * g];
    for (int t = 0; t < tokens; t++) {
      int xt = offset + t * n0;
      for (int a = 0; a < g; a++) {
        double accQ = 0.0;
        double accK = 0.0;
        int ra = a * n0;
        for (int j = 0; j < n0; j++) {
          accQ += q[ra + j] * x[xt + j];
          accK += k[ra + j] * x[xt + j];
        }
        qx[t * g + a] = accQ;
        kx[t * g + a] = accK;
      }
    }
    double scale = 1.0 / Math.sqrt(g);
    for (int s = 0; s < tokens; s++) {
      for (int t = 0; t < tokens; t++) {
        double acc = 0.0;
        for (int a = 0; a < g; a++) acc += kx[s * g + a] * qx[t * g + a];
        out[s * tokens + t] = acc * scale;
      }
    }
  }

  /** Rows K x_s, i.e. x Kᵀ. */
  @Override
  public DMatrixRMaj keys(DMatrixRMaj x, LinearAlgebraBackend backend) {
    DMatrixRMaj out = new DMatrixRMaj(x.numRows, g);
    backend.gemm(1.0, x, false, DMatrixRMaj.wrap(g, tokenDim, k), true, 0.0, out);
    return out;
  }

  /** Rows Q x_t, i.e. x Qᵀ. */
  @Override
  public DMatrixRMaj queries(DMatrixRMaj x, LinearAlgebraBackend backend) {
    DMatrixRMaj out = new DMatrixRMaj(x.numRows, g);
    backend.gemm(1.0, x, false, DMatrixRMaj.wrap(g, tokenDim, q), true, 0.0, out);
    return out;
  }

  @Override
  public void queries(double[] x, int offset, int rows, LinearAlgebraBackend backend,
      double[] out) {
    backend.gemmBatch(1.0, new MatrixBatch(x, offset, 0, rows, tokenDim), false,
        new MatrixBatch(q, 0, 0, g, tokenDim), true, 0.0, new MatrixBatch(out, 0, 0, rows, g), 0, 1);
  }

  @Override
  public void keys(double[] x, int offset, int rows, LinearAlgebraBackend backend,
      double[] out) {
    backend.gemmBatch(1.0, new MatrixBatch(x, offset, 0, rows, tokenDim), false,
        new MatrixBatch(k, 0, 0, g, tokenDim), true, 0.0, new MatrixBatch(out, 0, 0, rows, g), 0, 1);
  }

  @Override
  public boolean keysAreTokens() {
    return false;
  }

  @Override
  public int featureDim() {
    return g;
  }

  @Override
  public double scale() {
    return 1.0 / Math.sqrt(g);
  }
}
