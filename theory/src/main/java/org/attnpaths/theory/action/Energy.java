package org.attnpaths.theory.action;

import org.attnpaths.numerics.linalg.LinearAlgebraBackend;
import org.attnpaths.theory.kernel.PathKernels;
import org.ejml.data.DMatrixRMaj;

/**
 * The energy E(U_1) = ln det(K_U + T·I) + Yᵀ(K_U + T·I)⁻¹Y (spec §5.2) and its gradient
 * G_E (spec §5.3), from one Cholesky factorisation. One instance per solve; not thread-safe.
 * After a finite {@link #evaluate} the factor and r = (K+TI)⁻¹Y of that point stay available for
 * the Hessian and the predictor.
 */
public final class Energy {
  private final PathKernels kernels;
  private final double[] y;
  private final double temperature;
  private final LinearAlgebraBackend backend;
  private final DMatrixRMaj factor;
  private final DMatrixRMaj rhs;
  private final int p;
  /** U_1 of the last finite evaluation (whose factor and r are held), or null. */
  private DMatrixRMaj lastU1;
  private double lastValue;

  public Energy(PathKernels kernels, double[] y, double temperature,
      LinearAlgebraBackend backend) {
    this.p = kernels.examples();
    if (y.length != p) {
      throw new IllegalArgumentException("y_train: expected " + p + " labels, got " + y.length);
    }
    this.kernels = kernels;
    this.y = y.clone();
    this.temperature = temperature;
    this.backend = backend;
    this.factor = new DMatrixRMaj(p, p);
    this.rhs = new DMatrixRMaj(p, 1);
  }

  /**
   * @param u1 symmetric Π×Π, not modified
   * @param grad if non-null, overwritten with G_E (Π×Π)
   * @return E, or +∞ when K_U + T·I is not positive definite
   */
  public double evaluate(DMatrixRMaj u1, DMatrixRMaj grad) {
    if (grad == null && lastU1 != null && java.util.Arrays.equals(lastU1.data, u1.data)) {
      return lastValue;                            // factor and r already belong to this U_1
    }
    lastU1 = null;
    kernels.assembleLower(u1, factor);          // K_U (spec §3.4); the Cholesky reads j ≤ i
    for (int i = 0; i < p; i++) factor.data[i * p + i] += temperature;
    if (!backend.cholesky(factor)) return Double.POSITIVE_INFINITY;
    double logDet = 0.0;
    for (int i = 0; i < p; i++) logDet += 2.0 * Math.log(factor.data[i * p + i]);
    System.arraycopy(y, 0, rhs.data, 0, p);
    backend.choleskySolve(factor, rhs);                             // r = (K+TI)⁻¹ Y
    double fit = 0.0;
    for (int i = 0; i < p; i++) fit += y[i] * rhs.data[i];
    if (grad != null) kernels.energyGradient(factor, rhs.data, grad);
    lastU1 = u1.copy();
    lastValue = logDet + fit;
    return lastValue;
  }

  /**
   * The gradient of the fit term Yᵀ(K+TI)⁻¹Y alone at the last finite evaluation, −rᵀC^{ab}r =
   * −g_a·g_b with g_x = Ξ_xᵀ r (spec §5.3): the part of G_E whose Hessian is the convex fit part
   * of {@link EnergyHessian}; G_E minus it is the gradient of the concave ln det(K+TI).
   *
   * @param out Π×Π, overwritten
   */
  public void fitGradient(DMatrixRMaj out) {
    int paths = kernels.paths();
    int n0 = kernels.features().tokenDim();
    double[] g = new double[paths * n0];                            // g = Ξᵀ r
    backend.gemv(1.0, kernels.features().matrix(), true, rhs.data, 0.0, g);
    out.reshape(paths, paths);
    for (int a = 0; a < paths; a++) {
      for (int b = a; b < paths; b++) {
        double v = 0.0;
        for (int i = 0; i < n0; i++) v += g[a * n0 + i] * g[b * n0 + i];
        out.set(a, b, -v);
        out.set(b, a, -v);
      }
    }
  }

  /** Lower Cholesky factor of K + T·I at the last finite evaluation; shared, do not modify. */
  public DMatrixRMaj factor() {
    return factor;
  }

  /** r = (K + T·I)⁻¹ Y at the last finite evaluation; shared, do not modify. */
  public double[] r() {
    return rhs.data;
  }

  public PathKernels kernels() {
    return kernels;
  }

  public double temperature() {
    return temperature;
  }
}
