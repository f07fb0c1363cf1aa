package org.attnpaths.theory.kernel;

import org.attnpaths.numerics.linalg.LinearAlgebraBackend;
import org.attnpaths.theory.path.PathFeatures;
import org.ejml.data.DMatrixRMaj;

/**
 * Keeps only Ξ (P × Π·N0, memory linear in P; spec §6 option (b)). K_U = R Rᵀ with
 * R = Ξ (L⊗I_N0), U = L Lᵀ; the gradient uses Z = L_K⁻¹Ξ, for which Tr(A C^{ab}) = ⟨Z_a, Z_b⟩_F.
 * Per evaluation ≈ P²·Π·N0 multiply-adds, all in two backend calls (a rank update and a
 * triangular solve).
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
  private final DMatrixRMaj byPath;
  /** Ξ in path-major layout, Π × (P·N0): row a is Ξ_a (P × N0) row-major. */
  private final DMatrixRMaj byPathXi;
  private final DMatrixRMaj byPathR;
  private final DMatrixRMaj block;
  private final DMatrixRMaj traces;

  FactorisedPathKernels(PathFeatures features, LinearAlgebraBackend backend) {
    this.features = features;
    this.backend = backend;
    this.xi = features.matrix();
    this.paths = features.paths();
    this.p = features.examples();
    this.n0 = features.tokenDim();
    this.r = new DMatrixRMaj(p, paths * n0);
    this.z = new DMatrixRMaj(p, paths * n0);
    this.byPath = new DMatrixRMaj(paths, p * n0);
    this.byPathXi = new DMatrixRMaj(paths, p * n0);
    for (int mu = 0; mu < p; mu++) {
      for (int a = 0; a < paths; a++) {
        System.arraycopy(xi.data, (mu * paths + a) * n0, byPathXi.data, a * p * n0 + mu * n0, n0);
      }
    }
    this.byPathR = new DMatrixRMaj(paths, p * n0);
    this.block = new DMatrixRMaj(p, n0);
    this.traces = new DMatrixRMaj(paths, paths);
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
    // With U = L Lᵀ: K = Ξ (U⊗I) Ξᵀ = Σ_a R_a R_aᵀ, R_a = Σ_b L_ba Ξ_b (P × N0): in path-major
    // layout R' = Lᵀ Ξ' is one small product and K is Π accumulated rank updates (half the flops
    // of the general product).
    DMatrixRMaj upper = u1.copy();
    if (EjmlCholesky.upperFactor(upper)) {
      backend.gemm(1.0, upper, false, byPathXi, false, 0.0, byPathR);
      for (int a = 0; a < paths; a++) {
        System.arraycopy(byPathR.data, a * p * n0, block.data, 0, p * n0);
        backend.syrk(1.0, block, false, a == 0 ? 0.0 : 1.0, k);
      }
      return;
    }
    // U not positive definite (never on the solver's path, which rejects such points first).
    PathFeatures.applyOrderParameter(u1, xi, r);
    backend.gemm(1.0, r, false, xi, true, 0.0, k);
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
    // Regroup Z by path, Π × (P·N0), so that all ⟨Z_a, Z_b⟩ are one small rank update.
    for (int mu = 0; mu < p; mu++) {
      for (int a = 0; a < paths; a++) {
        System.arraycopy(z.data, (mu * paths + a) * n0, byPath.data, a * p * n0 + mu * n0, n0);
      }
    }
    backend.syrk(1.0, byPath, false, 0.0, traces);
    double[] proj = features.project(rv);
    for (int a = 0; a < paths; a++) {
      for (int b = a; b < paths; b++) {
        double rr = 0.0;
        for (int i = 0; i < n0; i++) rr += proj[a * n0 + i] * proj[b * n0 + i];
        double v = traces.get(a, b) - rr;
        g.set(a, b, v);
        g.set(b, a, v);
      }
    }
  }
}
