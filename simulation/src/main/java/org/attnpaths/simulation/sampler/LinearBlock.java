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
 *
 * <p>M and Y are referenced, not copied: a block is built once per chain over the workspace
 * matrices that hold them, and reads whatever they contain when it is used. Every temporary is
 * allocated in the constructor (as in EJML's {@code KalmanFilterOperations}); {@link #correct}
 * and the products allocate nothing. Not thread-safe.
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
  private final DMatrixRMaj mmT;                // M Mᵀ, D×D
  private final DMatrixRMaj weighted;           // Y (I ⊗ MMᵀ ⊗ I), P × H·D·n_in
  private final DMatrixRMaj a;                  // (A_h)_h, H·D×n_in; as a vector in aVector
  private final DMatrixRMaj aVector;
  private final DMatrixRMaj part;               // A_h or G_h, D×n_in
  private final DMatrixRMaj projected;          // Yᵀv, H·D·n_in × 1
  private final DMatrixRMaj kernel;             // σ²ΦΦᵀ + T·I, then its Cholesky factor, P×P
  private final DMatrixRMaj residual;           // P×1

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
    mmT = new DMatrixRMaj(d, d);
    weighted = new DMatrixRMaj(p, y.numCols);
    a = new DMatrixRMaj(heads * d, nIn);
    aVector = DMatrixRMaj.wrap(heads * d * nIn, 1, a.data);
    part = new DMatrixRMaj(d, nIn);
    projected = new DMatrixRMaj(y.numCols, 1);
    kernel = new DMatrixRMaj(p, p);
    residual = new DMatrixRMaj(p, 1);
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
    backend.syrk(1.0, m, false, 0.0, mmT);                      // G = M Mᵀ
    double[] g = mmT.data;
    double[] r = weighted.data;
    double[] yd = y.data;
    java.util.Arrays.fill(r, 0.0);
    int stride = y.numCols;
    for (int mu = 0; mu < p; mu++) {                             // R = Y (I ⊗ G ⊗ I)
      for (int h = 0; h < heads; h++) {
        int base = mu * stride + h * d * nIn;
        for (int i = 0; i < d; i++) {
          int out = base + i * nIn;
          for (int j = 0; j < d; j++) {
            double gij = g[i * d + j];
            if (gij == 0.0) continue;
            int in = base + j * nIn;
            for (int t = 0; t < nIn; t++) r[out + t] += gij * yd[in + t];
          }
        }
      }
    }
    backend.gemm(c * c, weighted, false, y, true, 0.0, k);       // K = c² R Yᵀ
  }

  /**
   * f = Φ W.
   *
   * @param w H matrices n_out×n_in, not modified
   * @param f P×1, overwritten
   */
  void apply(DMatrixRMaj[] w, DMatrixRMaj f) {
    for (int h = 0; h < heads; h++) {
      backend.gemm(1.0, m, false, w[h], false, 0.0, part);       // A_h = M W_h
      System.arraycopy(part.data, 0, a.data, h * d * nIn, d * nIn);
    }
    backend.gemm(c, y, false, aVector, false, 0.0, f);
  }

  /**
   * W += alpha · Φᵀ v.
   *
   * @param v P×1, not modified
   * @param w H matrices n_out×n_in, modified
   */
  void addTranspose(double alpha, DMatrixRMaj v, DMatrixRMaj[] w) {
    backend.gemm(1.0, y, true, v, false, 0.0, projected);         // G = Yᵀ v
    for (int h = 0; h < heads; h++) {
      System.arraycopy(projected.data, h * d * nIn, part.data, 0, d * nIn);
      backend.gemm(alpha * c, m, true, part, false, 1.0, w[h]);   // W_h += α c Mᵀ G_h
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
    apply(w, residual);
    double[] r = residual.data;
    for (int mu = 0; mu < p; mu++) r[mu] = target[mu] - r[mu] - eps[mu];   // t − Φw0 − ε
    gram(kernel);
    double[] s = kernel.data;
    for (int i = 0; i < p * p; i++) s[i] *= sigma2;
    for (int i = 0; i < p; i++) s[i * p + i] += temperature;              // σ²ΦΦᵀ + T·I
    if (!backend.cholesky(kernel)) {
      throw new IllegalStateException("Gibbs block: sigma^2 Phi Phi^T + T I is not positive"
          + " definite (T=" + temperature + ", sigma^2=" + sigma2 + ")");
    }
    backend.choleskySolve(kernel, residual);
    addTranspose(sigma2, residual, w);
  }
}
