package org.attnpaths.theory.kernel;

import org.attnpaths.numerics.linalg.LinearAlgebraBackend;
import org.attnpaths.theory.path.PathFeatures;
import org.ejml.data.DMatrixRMaj;

/**
 * Keeps only Ξ (P × Π·N0, memory linear in P; spec §6 option (b)). K_U = R Ξᵀ with
 * R = Ξ (U⊗I_N0); the gradient uses Z = L⁻¹Ξ, for which Tr(A C^{ab}) = ⟨Z_a, Z_b⟩_F.
 */
public final class FactorisedPathKernels implements PathKernels {
  private final PathFeatures features;
  private final LinearAlgebraBackend backend;
  private final DMatrixRMaj xi;
  private final int paths;
  private final int p;
  private final int n0;
  private final DMatrixRMaj r;
  private final DMatrixRMaj z;

  FactorisedPathKernels(PathFeatures features, LinearAlgebraBackend backend) {
    this.features = features;
    this.backend = backend;
    this.xi = features.matrix();
    this.paths = features.paths();
    this.p = features.examples();
    this.n0 = features.tokenDim();
    this.r = new DMatrixRMaj(p, paths * n0);
    this.z = new DMatrixRMaj(p, paths * n0);
  }

  @Override
  public int paths() {
    return paths;
  }

  @Override
  public int examples() {
    return p;
  }

  @Override
  public PathFeatures features() {
    return features;
  }

  @Override
  public void assemble(DMatrixRMaj u1, DMatrixRMaj k) {
    PathFeatures.applyOrderParameter(u1, xi, r);
    backend.gemm(1.0, r, false, xi, true, 0.0, k);   // K = Ξ (U⊗I) Ξᵀ
    symmetrise(k);
  }

  static void symmetrise(DMatrixRMaj k) {
    int n = k.numRows;
    double[] d = k.data;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double v = 0.5 * (d[i * n + j] + d[j * n + i]);
        d[i * n + j] = v;
        d[j * n + i] = v;
      }
    }
  }

  @Override
  public void energyGradient(DMatrixRMaj factor, double[] rv, DMatrixRMaj g) {
    // Tr(A Ξ_a Ξ_bᵀ) = ⟨L⁻¹Ξ_a, L⁻¹Ξ_b⟩_F and rᵀ C^{ab} r = (Ξ_aᵀ r)·(Ξ_bᵀ r) (spec §5.3)
    System.arraycopy(xi.data, 0, z.data, 0, p * paths * n0);
    backend.lowerSolve(factor, z);
    double[] proj = features.project(rv);
    int stride = paths * n0;
    for (int a = 0; a < paths; a++) {
      for (int b = a; b < paths; b++) {
        double acc = 0.0;
        for (int mu = 0; mu < p; mu++) {
          int ra = mu * stride + a * n0;
          int rb = mu * stride + b * n0;
          for (int i = 0; i < n0; i++) acc += z.data[ra + i] * z.data[rb + i];
        }
        double rr = 0.0;
        for (int i = 0; i < n0; i++) rr += proj[a * n0 + i] * proj[b * n0 + i];
        g.set(a, b, acc - rr);
        g.set(b, a, acc - rr);
      }
    }
  }
}
