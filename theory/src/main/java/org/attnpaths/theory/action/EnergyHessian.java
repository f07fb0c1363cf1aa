package org.attnpaths.theory.action;

import org.attnpaths.numerics.linalg.LinearAlgebraBackend;
import org.attnpaths.theory.path.PathFeatures;
import org.ejml.data.DMatrixRMaj;

/**
 * Exact Hessian of the energy w.r.t. the packed upper-triangular entries θ_p of U_1, p = (a, b),
 * a ≤ b [derived from spec §5.2]: with E_p = ∂K/∂θ_p = C^{ab} (+ C^{ba} if a ≠ b),
 * A = (K+TI)⁻¹ and r = A Y,
 *
 * <pre>  ∂²E/∂θ_p∂θ_q = −Tr(A E_p A E_q) + 2 rᵀ E_p A E_q r.</pre>
 *
 * With Z = L⁻¹Ξ (L the Cholesky factor) Tr(A C^{ab} A C^{cd}) = Tr(Z_a Z_bᵀ Z_c Z_dᵀ), a
 * Frobenius product of N0×N0 blocks Q_{xy} = Z_xᵀZ_y (used when N0 ≤ P) or of P×P blocks
 * B_{xy} = Z_x Z_yᵀ (when P &lt; N0); and rᵀ C^{ab} A C^{cd} r = (Z_b g_a)·(Z_c g_d), g = Ξᵀr.
 */
public final class EnergyHessian {
  private final PathFeatures features;
  private final LinearAlgebraBackend backend;
  // Workspaces of the trace term, kept between calls (a solve takes two or more exact Hessians):
  // at the image scale they are ~165 MB, whose fresh allocation (zeroing, page faults) cost about
  // as much as the products. Not thread-safe: one instance per Action, like Energy's state.
  private final DMatrixRMaj z = new DMatrixRMaj(1, 1);
  private final DMatrixRMaj gramFactor = new DMatrixRMaj(1, 1);
  private final DMatrixRMaj blocks = new DMatrixRMaj(1, 1);
  /** Default values per chunk of the block Gram: 4 MB, one reused buffer. */
  static final int GRAM_CHUNK_VALUES = 1 << 19;
  private final int gramChunkValues;

  public EnergyHessian(PathFeatures features, LinearAlgebraBackend backend) {
    this(features, backend, GRAM_CHUNK_VALUES);
  }

  /** @param gramChunkValues values per chunk of the block Gram (tests force several chunks) */
  EnergyHessian(PathFeatures features, LinearAlgebraBackend backend, int gramChunkValues) {
    this.gramChunkValues = gramChunkValues;
    this.features = features;
    this.backend = backend;
  }

  /**
   * @param factor lower Cholesky factor of K + T·I, not modified
   * @param r (K + T·I)⁻¹ Y, not modified
   * @return the Π(Π+1)/2 square Hessian in packed order (row-major upper triangle)
   */
  public DMatrixRMaj evaluate(DMatrixRMaj factor, double[] r) {
    return evaluate(factor, r, true);
  }

  /**
   * @param withTrace false drops the −Tr(A E_p A E_q) term and keeps the positive-semidefinite
   *     2 rᵀE_pAE_q r part (the Hessian of the fit term): cheap (no Q = ZᵀZ, no block Gram),
   *     the exact part of the Newton solver's model at every iterate
   */
  public DMatrixRMaj evaluate(DMatrixRMaj factor, double[] r, boolean withTrace) {
    int paths = features.paths();
    int p = features.examples();
    int n0 = features.tokenDim();
    DMatrixRMaj xi = features.matrix();
    int pairs = paths * paths;
    // trace[(a,b),(c,d)] = Tr(A C^{ab} A C^{cd}), from Z = L⁻¹Ξ, P × (Π·N0): row μ holds
    // Z_0(μ) … Z_{Π−1}(μ).
    double[][] trace = null;
    if (withTrace) {
      z.reshape(p, paths * n0, false);
      System.arraycopy(xi.data, 0, z.data, 0, p * paths * n0);
      backend.lowerSolve(factor, z);
      trace = n0 <= p ? tracesInFeatureSpace(z, paths, n0)
          : tracesInSampleSpace(stackedByPath(z, paths, p, n0), paths, p);
    }
    // 2 rᵀE_pAE_q r = 2 e_p·e_q with e_p = L⁻¹E_p r = L⁻¹(Ξ_a g_b + Ξ_b g_a), g = Ξᵀr (one term
    // when a = b). Viewing Ξ as (P·Π) × N0 (row (μ,x)), all Ξ_x g_y are one product with the
    // N0 × Π matrix of the g_y (row μ of the result, viewed P × Π², holds Ξ_x(μ)·g_y at column
    // (x,y)); the Π(Π+1)/2 columns e_p then take L⁻¹ in one triangular solve and their Gram is one
    // rank update.
    double[] g = new double[paths * n0];               // g = Ξᵀ r
    backend.gemv(1.0, xi, true, r, 0.0, g);
    DMatrixRMaj gy = new DMatrixRMaj(n0, paths);
    for (int y = 0; y < paths; y++) {
      for (int i = 0; i < n0; i++) gy.data[i * paths + y] = g[y * n0 + i];
    }
    DMatrixRMaj w = new DMatrixRMaj(p * paths, paths);
    backend.gemm(1.0, DMatrixRMaj.wrap(p * paths, n0, xi.data), false, gy, false, 0.0, w);
    int n = paths * (paths + 1) / 2;
    DMatrixRMaj e = new DMatrixRMaj(p, n);
    for (int mu = 0; mu < p; mu++) {
      int row = mu * pairs;
      int out = mu * n;
      for (int a = 0; a < paths; a++) {
        for (int b = a; b < paths; b++) {
          double v = w.data[row + a * paths + b];
          e.data[out++] = a == b ? v : v + w.data[row + b * paths + a];
        }
      }
    }
    backend.lowerSolve(factor, e);
    DMatrixRMaj h = new DMatrixRMaj(n, n);
    backend.syrk(2.0, e, true, 0.0, h);
    if (trace == null) return h;

    int[] pa = new int[n];
    int[] pb = new int[n];
    for (int a = 0, k = 0; a < paths; a++) {
      for (int b = a; b < paths; b++, k++) {
        pa[k] = a;
        pb[k] = b;
      }
    }
    for (int pi = 0; pi < n; pi++) {
      for (int qi = pi; qi < n; qi++) {
        double tr = 0.0;
        for (int s1 = 0; s1 < (pa[pi] == pb[pi] ? 1 : 2); s1++) {
          int a = s1 == 0 ? pa[pi] : pb[pi];
          int b = s1 == 0 ? pb[pi] : pa[pi];
          for (int s2 = 0; s2 < (pa[qi] == pb[qi] ? 1 : 2); s2++) {
            int c = s2 == 0 ? pa[qi] : pb[qi];
            int d = s2 == 0 ? pb[qi] : pa[qi];
            tr += trace[a * paths + b][c * paths + d];
          }
        }
        double v = h.get(pi, qi) - tr;
        h.set(pi, qi, v);
        h.set(qi, pi, v);
      }
    }
    return h;
  }

  /** Z regrouped by path, (Π·P) × N0 with block x = Z_x (for the sample-space traces). */
  private static DMatrixRMaj stackedByPath(DMatrixRMaj z, int paths, int p, int n0) {
    DMatrixRMaj stacked = new DMatrixRMaj(paths * p, n0);
    for (int x = 0; x < paths; x++) {
      for (int mu = 0; mu < p; mu++) {
        System.arraycopy(z.data, mu * paths * n0 + x * n0, stacked.data, (x * p + mu) * n0, n0);
      }
    }
    return stacked;
  }

  /** Tr(A C^{ab} A C^{cd}) = ⟨Q_{da}, Q_{cb}⟩ with Q = Zᵀ Z ((Π·N0)²). */
  private double[][] tracesInFeatureSpace(DMatrixRMaj z, int paths, int n0) {
    DMatrixRMaj q = gramFactor;
    q.reshape(paths * n0, paths * n0, false);
    backend.syrk(1.0, z, true, 0.0, q);
    int pairs = paths * paths;
    // Gram of the blocks, ⟨Q_{xy}, Q_{x'y'}⟩, accumulated over chunks of block rows: chunk c
    // holds rows [i0, i0+k) of every Q_{xy} (row (x,y) of v), so the (Π²) × N0² matrix of all
    // vec Q_{xy} is never formed (75 MB of fresh memory at the image scale, spec §12).
    int rowsPerChunk = Math.max(1, Math.min(n0, gramChunkValues / (pairs * n0)));
    DMatrixRMaj v = blocks;
    DMatrixRMaj gram = new DMatrixRMaj(pairs, pairs);
    int stride = paths * n0;
    for (int i0 = 0; i0 < n0; i0 += rowsPerChunk) {
      int k = Math.min(rowsPerChunk, n0 - i0);
      v.reshape(pairs, k * n0, false);
      for (int x = 0; x < paths; x++) {
        for (int y = 0; y < paths; y++) {
          int row = (x * paths + y) * k * n0;
          for (int i = 0; i < k; i++) {
            System.arraycopy(q.data, (x * n0 + i0 + i) * stride + y * n0, v.data, row + i * n0,
                n0);
          }
        }
      }
      backend.syrk(1.0, v, false, i0 == 0 ? 0.0 : 1.0, gram);
    }
    double[][] t = new double[pairs][pairs];
    for (int a = 0; a < paths; a++) {
      for (int b = 0; b < paths; b++) {
        for (int c = 0; c < paths; c++) {
          for (int d = 0; d < paths; d++) {
            t[a * paths + b][c * paths + d] = gram.get(d * paths + a, c * paths + b);
          }
        }
      }
    }
    return t;
  }

  /** Tr(A C^{ab} A C^{cd}) = ⟨B_{ab}, B_{dc}⟩ with B_{xy} = Z_x Z_yᵀ (P×P). */
  private double[][] tracesInSampleSpace(DMatrixRMaj stacked, int paths, int p) {
    DMatrixRMaj b = gramFactor;
    b.reshape(paths * p, paths * p, false);
    backend.syrk(1.0, stacked, false, 0.0, b);
    int pairs = paths * paths;
    DMatrixRMaj v = blocks;
    v.reshape(pairs, p * p, false);
    int stride = paths * p;
    for (int x = 0; x < paths; x++) {
      for (int y = 0; y < paths; y++) {
        int row = (x * paths + y) * p * p;
        for (int i = 0; i < p; i++) {
          System.arraycopy(b.data, (x * p + i) * stride + y * p, v.data, row + i * p, p);
        }
      }
    }
    DMatrixRMaj gram = new DMatrixRMaj(pairs, pairs);
    backend.syrk(1.0, v, false, 0.0, gram);
    double[][] t = new double[pairs][pairs];
    for (int a = 0; a < paths; a++) {
      for (int bb = 0; bb < paths; bb++) {
        for (int c = 0; c < paths; c++) {
          for (int d = 0; d < paths; d++) {
            t[a * paths + bb][c * paths + d] = gram.get(a * paths + bb, d * paths + c);
          }
        }
      }
    }
    return t;
  }
}
