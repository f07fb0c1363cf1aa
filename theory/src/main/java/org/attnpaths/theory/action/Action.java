package org.attnpaths.theory.action;

import java.util.List;
import org.attnpaths.numerics.linalg.LinearAlgebraBackend;
import org.attnpaths.theory.kernel.PathKernels;
import org.attnpaths.theory.model.Architecture;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The action S(U_a, U_L, …, U_1) = Σ_ℓ N_ℓ s_ℓ + E(U_1) (spec §5.2) with U_a in closed form, its
 * gradient (spec §5.3) and its Hessian w.r.t. the packed parameters. One instance per solve;
 * not thread-safe.
 */
public final class Action {
  private final Architecture arch;
  private final Entropy entropy;
  private final Energy energy;
  private final EnergyHessian energyHessian;
  private final PackedSymmetric packing;
  private final List<DMatrixRMaj> scratch;
  private final DMatrixRMaj energyGrad;

  public Action(Architecture arch, PathKernels kernels, double[] yTrain,
      LinearAlgebraBackend backend) {
    if (kernels.paths() != arch.paths()) {
      throw new IllegalArgumentException("architecture: expected Π=" + kernels.paths()
          + " paths to match the kernels, got heads " + arch.heads());
    }
    this.arch = arch;
    this.entropy = new Entropy(arch);
    this.energy = new Energy(kernels, yTrain, arch.temperature(), backend);
    this.energyHessian = new EnergyHessian(kernels.features(), backend);
    this.packing = new PackedSymmetric(arch);
    this.scratch = packing.zeros();
    this.energyGrad = new DMatrixRMaj(arch.paths(), arch.paths());
  }

  public Architecture architecture() {
    return arch;
  }

  public PackedSymmetric packing() {
    return packing;
  }

  public Energy energy() {
    return energy;
  }

  /** U_a for the given U_L (spec §5.3). */
  public double scalar(List<DMatrixRMaj> u) {
    return ScalarOrderParameter.solve(arch, CommonOps_DDRM.trace(u.get(arch.layers() - 1)));
  }

  /**
   * @param u U_1..U_L, symmetric, not modified
   * @param grads if non-null, overwritten with G_1..G_L (symmetric gradients of S)
   * @return S, or +∞ if some U_ℓ or K_U + T·I is not positive definite
   */
  public double evaluate(List<DMatrixRMaj> u, List<DMatrixRMaj> grads) {
    double s = entropy.evaluate(u, grads);
    if (s == Double.POSITIVE_INFINITY) return s;
    double e = energy.evaluate(u.get(0), grads == null ? null : energyGrad);
    if (e == Double.POSITIVE_INFINITY) return e;
    if (grads != null) CommonOps_DDRM.addEquals(grads.get(0), energyGrad);
    return s + e;
  }

  /** Entropy only (for tests and diagnostics). */
  public double entropy(List<DMatrixRMaj> u, List<DMatrixRMaj> grads) {
    return entropy.evaluate(u, grads);
  }

  /**
   * Hessian of S w.r.t. the packed parameters at u: the energy block exactly
   * ({@link EnergyHessian}), the entropy by central differences of its analytic gradient (the
   * entropy is cheap: matrices of size D_ℓ ≤ Π).
   *
   * @return packing.length() square, symmetric
   * @throws IllegalStateException if u is outside the positive-definite cone
   */
  public DMatrixRMaj hessian(List<DMatrixRMaj> u) {
    return hessian(u, true);
  }

  /**
   * A cheap positive-semidefinite stand-in for {@link #hessian}: the exact entropy part and the
   * fit part of the energy Hessian, without its trace term (see {@link EnergyHessian}). Used only
   * to start quasi-Newton iterations; never for the certificate.
   */
  public DMatrixRMaj startingHessian(List<DMatrixRMaj> u) {
    return hessian(u, false);
  }

  private DMatrixRMaj hessian(List<DMatrixRMaj> u, boolean exact) {
    if (energy.evaluate(u.get(0), null) == Double.POSITIVE_INFINITY) {
      throw new IllegalStateException("Hessian requested outside the positive-definite cone");
    }
    int n = packing.length();
    DMatrixRMaj h = new DMatrixRMaj(n, n);
    DMatrixRMaj he = energyHessian.evaluate(energy.factor(), energy.r(), exact);
    int m = he.numRows; // U_1 block comes first in the packing
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) h.set(i, j, he.get(i, j));
    }
    double[] theta = new double[n];
    packing.pack(u, theta);
    double[] gp = new double[n];
    double[] gm = new double[n];
    List<DMatrixRMaj> grads = packing.zeros();
    for (int k = 0; k < n; k++) {
      double step = 1e-5 * entryScale(u, k);
      double keep = theta[k];
      theta[k] = keep + step;
      packing.unpack(theta, scratch);
      if (entropy.evaluate(scratch, grads) == Double.POSITIVE_INFINITY) {
        throw new IllegalStateException("Hessian step left the positive-definite cone");
      }
      packing.packGradient(grads, gp);
      theta[k] = keep - step;
      packing.unpack(theta, scratch);
      if (entropy.evaluate(scratch, grads) == Double.POSITIVE_INFINITY) {
        throw new IllegalStateException("Hessian step left the positive-definite cone");
      }
      packing.packGradient(grads, gm);
      theta[k] = keep;
      for (int i = 0; i < n; i++) h.add(i, k, (gp[i] - gm[i]) / (2.0 * step));
    }
    // Symmetrise the finite-difference part.
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double v = 0.5 * (h.get(i, j) + h.get(j, i));
        h.set(i, j, v);
        h.set(j, i, v);
      }
    }
    return h;
  }

  /** √(U_ii U_jj) of the entry that packed index k addresses: a scale for difference steps. */
  private double entryScale(List<DMatrixRMaj> u, int k) {
    for (int l = arch.layers(); l >= 1; l--) {
      if (k >= packing.offset(l)) {
        int d = packing.size(l);
        int r = k - packing.offset(l);
        int i = 0;
        while (r >= d - i) {
          r -= d - i;
          i++;
        }
        int j = i + r;
        DMatrixRMaj m = u.get(l - 1);
        return Math.sqrt(Math.abs(m.get(i, i) * m.get(j, j)));
      }
    }
    throw new IllegalArgumentException("packed index " + k + " out of range");
  }
}
