package org.attnpaths.theory.action;

import java.util.List;
import org.attnpaths.numerics.linalg.LinearAlgebraBackend;
import org.attnpaths.theory.kernel.PathKernels;
import org.attnpaths.theory.model.Architecture;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

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
  private final LinearAlgebraBackend backend;

  public Action(Architecture arch, PathKernels kernels, double[] yTrain,
      LinearAlgebraBackend backend) {
    if (kernels.paths() != arch.paths()) {
      throw new IllegalArgumentException("architecture: expected Π=" + kernels.paths()
          + " paths to match the kernels, got heads " + arch.heads());
    }
    this.arch = arch;
    this.backend = backend;
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

  /** The backend of the energy's kernel algebra (solvers use it for their dense systems too). */
  public LinearAlgebraBackend backend() {
    return backend;
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
   * ({@link EnergyHessian}) plus {@link #entropyHessian}.
   *
   * @return packing.length() square, symmetric
   * @throws IllegalStateException if u is outside the positive-definite cone
   */
  public DMatrixRMaj hessian(List<DMatrixRMaj> u) {
    DMatrixRMaj h = energyHessian(u, true);
    CommonOps_DDRM.addEquals(h, entropyHessian(u));
    return h;
  }

  /**
   * The energy part of the Hessian w.r.t. the packed parameters (non-zero only in the U_1 block),
   * exactly ({@code exact}) or its positive-semidefinite fit part alone ({@link EnergyHessian}).
   *
   * @throws IllegalStateException if K_U + T·I is not positive definite at u
   */
  public DMatrixRMaj energyHessian(List<DMatrixRMaj> u, boolean exact) {
    if (energy.evaluate(u.get(0), null) == Double.POSITIVE_INFINITY) {
      throw new IllegalStateException("Hessian requested outside the positive-definite cone");
    }
    int n = packing.length();
    DMatrixRMaj h = new DMatrixRMaj(n, n);
    DMatrixRMaj he = energyHessian.evaluate(energy.factor(), energy.r(), exact);
    int m = he.numRows; // U_1 block comes first in the packing
    for (int i = 0; i < m; i++) {
      System.arraycopy(he.data, i * m, h.data, i * n, m);
    }
    return h;
  }

  /**
   * The entropy part of the Hessian w.r.t. the packed parameters; symmetric. For L ≥ 2, U_1 enters
   * the entropy only through −N_1 ln det U_1 and the linear Tr(U_2⁻¹ Tr_h U_1) (spec §5.2), so the
   * U_1 block is N_1 Tr(U_1⁻¹ E_p U_1⁻¹ E_q) in closed form; the columns of U_2 … U_L (and, for
   * L = 1, all columns) come from central differences of the analytic gradient.
   *
   * @throws IllegalStateException if u or a difference step is outside the positive-definite cone
   */
  public DMatrixRMaj entropyHessian(List<DMatrixRMaj> u) {
    int n = packing.length();
    DMatrixRMaj h = new DMatrixRMaj(n, n);
    int firstDifference = 0;
    if (arch.layers() >= 2) {
      logDetHessian(u.get(0), arch.width(1), h);
      firstDifference = packing.offset(2);
    }
    double[] theta = new double[n];
    packing.pack(u, theta);
    double[] gp = new double[n];
    double[] gm = new double[n];
    List<DMatrixRMaj> grads = packing.zeros();
    for (int k = firstDifference; k < n; k++) {
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
      for (int i = 0; i < n; i++) h.data[i * n + k] = (gp[i] - gm[i]) / (2.0 * step);
    }
    // Mirror the differenced columns into the rows of the closed-form block; average elsewhere.
    for (int i = 0; i < n; i++) {
      for (int j = Math.max(i + 1, firstDifference); j < n; j++) {
        double v = i < firstDifference ? h.get(i, j) : 0.5 * (h.get(i, j) + h.get(j, i));
        h.set(i, j, v);
        h.set(j, i, v);
      }
    }
    return h;
  }

  /**
   * Adds the Hessian of −N ln det U w.r.t. U's packed entries to the leading block of h:
   * N Tr(W E_p W E_q), W = U⁻¹, E_p = e_a e_bᵀ (+ e_b e_aᵀ if a ≠ b); Tr(W e_a e_bᵀ W e_c e_dᵀ)
   * = W_da W_bc.
   */
  private static void logDetHessian(DMatrixRMaj u, double width, DMatrixRMaj h) {
    int d = u.numRows;
    LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.chol(d);
    if (!solver.setA(u.copy())) {
      throw new IllegalStateException("Hessian requested outside the positive-definite cone");
    }
    DMatrixRMaj w = new DMatrixRMaj(d, d);
    solver.invert(w);
    int m = d * (d + 1) / 2;
    int[] pa = new int[m];
    int[] pb = new int[m];
    for (int a = 0, k = 0; a < d; a++) {
      for (int b = a; b < d; b++, k++) {
        pa[k] = a;
        pb[k] = b;
      }
    }
    // Plain array indexing: this runs a few times per solve, mostly before the JIT compiles it.
    // W symmetric to the last bit, so that W_ea can be read as W[a][e].
    CommonOps_DDRM.symmLowerToFull(w);
    double[] wd = w.data;
    double[] hd = h.data;
    int n = h.numCols;
    for (int p = 0; p < m; p++) {
      int a = pa[p];
      int b = pb[p];
      int rowA = a * d;
      int rowB = b * d;
      for (int q = p; q < m; q++) {
        int c = pa[q];
        int e = pb[q];
        // Σ over both orderings of (a, b) and of (c, e) of W_{second,first} W_{second',first'}
        // (W is symmetric: W_ea = W[a][e])
        double v = wd[rowA + e] * wd[rowB + c];
        if (a != b) v += wd[rowB + e] * wd[rowA + c];
        if (c != e) v += wd[rowA + c] * wd[rowB + e];
        if (a != b && c != e) v += wd[rowB + c] * wd[rowA + e];
        hd[p * n + q] = width * v;
        hd[q * n + p] = width * v;
      }
    }
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
