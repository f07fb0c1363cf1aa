package org.attnpaths.theory.saddle;

import org.ejml.data.DMatrixRMaj;

/**
 * BFGS update of a positive-semidefinite model M of the negated Hessian of a concave function
 * (in {@link NewtonSolver}: T = Tr(A E_p A E_q), the negated Hessian of ln det(K+TI)), started
 * from M = 0:
 *
 * <pre>  M ← M − (M s sᵀ M)/(sᵀ M s) + (y yᵀ)/(yᵀ s),   s = Δθ, y = −Δ∇f.</pre>
 *
 * Concavity gives yᵀs ≥ 0 for every step; a pair with yᵀs ≤ 1e-12·|s||y| (no curvature
 * measured) is skipped. The removal term is dropped where M s = 0 (sᵀMs at round-off), as on the
 * first update from M = 0, which gives M = y yᵀ/(yᵀ s). M stays symmetric positive semidefinite
 * and satisfies the secant condition M s = y after each update; for a quadratic with Hessian −T
 * and T-conjugate steps, M = T after n updates. With generic steps from M = 0 the model keeps
 * rank one (the removal term cancels a rank-one M whole; the new pair adds one rank), so in
 * practice it carries the curvature y yᵀ/(yᵀs) of the latest step: on the image-scale problem
 * that is enough for 11 iterations against 10 with the exact T at every iterate.
 */
final class ConcaveBfgs {
  private ConcaveBfgs() {}

  /**
   * @param m n×n symmetric positive semidefinite, updated in place
   * @param s the step θ' − θ, not modified
   * @param y −(∇f(θ') − ∇f(θ)), not modified
   * @return whether the pair was used
   */
  static boolean update(DMatrixRMaj m, double[] s, double[] y) {
    int n = s.length;
    if (m.numRows != n || m.numCols != n || y.length != n) {
      throw new IllegalArgumentException("BFGS: expected an " + n + "×" + n + " model and a y of "
          + "length " + n + ", got " + m.numRows + "×" + m.numCols + " and " + y.length);
    }
    double sy = 0.0;
    double ss = 0.0;
    double yy = 0.0;
    for (int i = 0; i < n; i++) {
      sy += s[i] * y[i];
      ss += s[i] * s[i];
      yy += y[i] * y[i];
    }
    if (!(sy > 1e-12 * Math.sqrt(ss * yy))) return false;
    double[] ms = new double[n];
    double sms = 0.0;
    double diagonal = 0.0;
    for (int i = 0; i < n; i++) {
      double acc = 0.0;
      for (int j = 0; j < n; j++) acc += m.data[i * n + j] * s[j];
      ms[i] = acc;
      sms += s[i] * acc;
      diagonal = Math.max(diagonal, Math.abs(m.data[i * n + i]));
    }
    boolean remove = sms > 1e-12 * diagonal * ss;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        m.data[i * n + j] += (remove ? -ms[i] * ms[j] / sms : 0.0) + y[i] * y[j] / sy;
      }
    }
    return true;
  }
}
