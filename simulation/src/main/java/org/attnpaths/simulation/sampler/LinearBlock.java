package org.attnpaths.simulation.sampler;

import org.attnpaths.numerics.linalg.LinearAlgebraBackend;
import org.ejml.data.DMatrixRMaj;

/**
 * One Gibbs block in factored form (issue 3 §2, spec §8). Given every other block, the training
 * outputs are linear in the block's weights W = (W_0 … W_{H−1}), W_h ∈ R^{n_out×n_in}:
 *
 * <pre>
 *   f_μ = Σ_{h,i,j} Φ_{μ,(h,i,j)} W_{h,ij},   Φ_{μ,(h,i,j)} = c Σ_κ M_{κ i} Y_{μ,(h,κ),j}
 * </pre>
 *
 * with M (D×n_out) the effective weights above the block and Y (P × H·D·n_in, column blocks
 * (h, κ) of n_in, h slowest) the block's inputs summed over path prefixes below it. Φ (P × H·n_out
 * ·n_in, millions of columns at N = 1000) is never formed; the three products the exact draw needs
 * are
 *
 * <pre>
 *   Φ W    = c · Y vec(A),        A_h = M W_h                    (D×n_in per head)
 *   Φᵀ v   = (c Mᵀ G_h)_h,        G = Yᵀ v reshaped H·D×n_in
 *   Φ Φᵀ   = c² Y (I_H ⊗ M Mᵀ ⊗ I_{n_in}) Yᵀ
 * </pre>
 *
 * The last is a path kernel with order parameter MMᵀ (spec §3.4): for V^0 it is K_{U_1}/σ0².
 * Not thread-safe (workspaces); cheap to build (references M and Y).
 */
final class LinearBlock {
  private final LinearAlgebraBackend backend;
  private final double c;
  private final int heads;
  private final DMatrixRMaj m;
  private final DMatrixRMaj y;
  private final int d;
  private final int nIn;
  private final int nOut;
  private final int p;

  /**
   * @param m D×n_out, referenced, not modified
   * @param y P × (heads·D·nIn), referenced, not modified
   */
  LinearBlock(LinearAlgebraBackend backend, double c, int heads, DMatrixRMaj m, DMatrixRMaj y,
      int nIn) {
    if ((long) heads * m.numRows * nIn != y.numCols) {
      throw new IllegalArgumentException("block inputs: expected " + heads + "·" + m.numRows + "·"
          + nIn + " = " + (long) heads * m.numRows * nIn + " columns, got " + y.numCols);
    }
    this.backend = backend;
    this.c = c;
    this.heads = heads;
    this.m = m;
    this.y = y;
    this.d = m.numRows;
    this.nIn = nIn;
    this.nOut = m.numCols;
    this.p = y.numRows;
  }

  int examples() {
    return p;
  }

  /** Number of weights H·n_out·n_in. */
  long dimension() {
    return (long) heads * nOut * nIn;
  }

  /**
   * ΦΦᵀ = c² Y (I_H ⊗ MMᵀ ⊗ I) Yᵀ.
   *
   * @param k P×P, overwritten
   */
  void gram(DMatrixRMaj k) {
    DMatrixRMaj g = new DMatrixRMaj(d, d);
    backend.syrk(1.0, m, false, 0.0, g);                         // G = M Mᵀ
    DMatrixRMaj r = new DMatrixRMaj(p, y.numCols);
    int stride = y.numCols;
    for (int mu = 0; mu < p; mu++) {                             // R = Y (I ⊗ G ⊗ I)
      for (int h = 0; h < heads; h++) {
        int base = mu * stride + h * d * nIn;
        for (int a = 0; a < d; a++) {
          int out = base + a * nIn;
          for (int b = 0; b < d; b++) {
            double gab = g.data[a * d + b];
            if (gab == 0.0) continue;
            int in = base + b * nIn;
            for (int j = 0; j < nIn; j++) r.data[out + j] += gab * y.data[in + j];
          }
        }
      }
    }
    backend.gemm(c * c, r, false, y, true, 0.0, k);              // K = c² R Yᵀ
  }

  /**
   * f = Φ W.
   *
   * @param w H matrices n_out×n_in, not modified
   * @param f length P, overwritten
   */
  void apply(DMatrixRMaj[] w, double[] f) {
    DMatrixRMaj a = new DMatrixRMaj(heads * d, nIn);
    DMatrixRMaj part = new DMatrixRMaj(d, nIn);
    for (int h = 0; h < heads; h++) {
      backend.gemm(1.0, m, false, w[h], false, 0.0, part);       // A_h = M W_h
      System.arraycopy(part.data, 0, a.data, h * d * nIn, d * nIn);
    }
    DMatrixRMaj out = DMatrixRMaj.wrap(p, 1, f);
    backend.gemm(c, y, false, DMatrixRMaj.wrap(a.getNumElements(), 1, a.data), false, 0.0, out);
  }

  /**
   * W += alpha · Φᵀ v.
   *
   * @param v length P, not modified
   * @param w H matrices n_out×n_in, modified
   */
  void addTranspose(double alpha, double[] v, DMatrixRMaj[] w) {
    DMatrixRMaj g = new DMatrixRMaj(y.numCols, 1);
    backend.gemm(1.0, y, true, DMatrixRMaj.wrap(p, 1, v), false, 0.0, g);   // G = Yᵀ v
    DMatrixRMaj gh = new DMatrixRMaj(d, nIn);
    for (int h = 0; h < heads; h++) {
      System.arraycopy(g.data, h * d * nIn, gh.data, 0, d * nIn);
      backend.gemm(alpha * c, m, true, gh, false, 1.0, w[h]);               // W_h += α c Mᵀ G_h
    }
  }

  /**
   * Exact draw from the block's conditional N(Λ⁻¹Φᵀt/T, Λ⁻¹), Λ = I/σ² + ΦᵀΦ/T, by "perturb
   * then correct" (issue 3 §2): with w0 ~ N(0, σ²I) and ε ~ N(0, T·I),
   *
   * <pre>  w = w0 + σ² Φᵀ (σ² ΦΦᵀ + T·I)⁻¹ (t − Φ w0 − ε)</pre>
   *
   * is distributed exactly as the conditional (one P×P Cholesky). The map (w0, ε) → w is affine;
   * with w0 = 0 and ε = 0 it returns the conditional mean.
   *
   * @param target t, length P, not modified
   * @param eps ε, length P, not modified
   * @param w on entry w0, on exit the draw; modified
   */
  void correct(double[] target, double temperature, double sigma2, double[] eps,
      DMatrixRMaj[] w) {
    double[] r = new double[p];
    apply(w, r);
    for (int mu = 0; mu < p; mu++) r[mu] = target[mu] - r[mu] - eps[mu];   // t − Φw0 − ε
    DMatrixRMaj s = new DMatrixRMaj(p, p);
    gram(s);
    for (int i = 0; i < p * p; i++) s.data[i] *= sigma2;
    for (int i = 0; i < p; i++) s.data[i * p + i] += temperature;         // σ²ΦΦᵀ + T·I
    if (!backend.cholesky(s)) {
      throw new IllegalStateException("Gibbs block: sigma^2 Phi Phi^T + T I is not positive"
          + " definite (T=" + temperature + ", sigma^2=" + sigma2 + ")");
    }
    DMatrixRMaj u = DMatrixRMaj.wrap(p, 1, r);
    backend.choleskySolve(s, u);
    addTranspose(sigma2, r, w);
  }

  /**
   * The inputs of the next block up, Y'_{μ,κ} = s Σ_h W_h Y_{μ,(h,κ)}: P × (D·n_out), the D index
   * κ = (h', κ') of this block becoming the next block's (head, rest) index.
   *
   * @param w H matrices n_out×n_in, not modified
   */
  DMatrixRMaj propagate(DMatrixRMaj[] w, double s) {
    DMatrixRMaj out = new DMatrixRMaj(p * d, nOut);
    DMatrixRMaj x = heads == 1 ? DMatrixRMaj.wrap(p * d, nIn, y.data) : new DMatrixRMaj(p * d, nIn);
    int chunk = d * nIn;
    for (int h = 0; h < heads; h++) {
      if (heads > 1) {
        for (int mu = 0; mu < p; mu++) {
          System.arraycopy(y.data, mu * y.numCols + h * chunk, x.data, mu * chunk, chunk);
        }
      }
      backend.gemm(s, x, false, w[h], true, h == 0 ? 0.0 : 1.0, out);      // Σ_h X_h W_hᵀ
    }
    return DMatrixRMaj.wrap(p, d * nOut, out.data);
  }
}
