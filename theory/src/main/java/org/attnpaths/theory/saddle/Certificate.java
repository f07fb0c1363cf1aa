package org.attnpaths.theory.saddle;

/**
 * What a solve proves about its answer (issue 2 §4).
 *
 * @param solver solver name ({@code newton} or {@code adam})
 * @param iterations optimiser iterations taken
 * @param evaluations action/gradient evaluations
 * @param maxGradient final max |∂(S/N_max)/∂U| over all entries of all U_ℓ (spec §6)
 * @param tolerance the requested bound on {@code maxGradient}
 * @param converged whether maxGradient &lt; tolerance
 * @param minHessianEigenvalue smallest eigenvalue of the Hessian of S/N_max w.r.t. the packed
 *     upper-triangular entries of U_L … U_1; &gt; 0 means a minimum (NaN if not computed)
 * @param wallSeconds wall time of the solve, seconds
 * @param message empty, or why the solve stopped without converging
 */
public record Certificate(String solver, int iterations, int evaluations, double maxGradient,
    double tolerance, boolean converged, double minHessianEigenvalue, double wallSeconds,
    String message) {

  /** True when converged and the Hessian is positive definite (a certified local minimum). */
  public boolean isMinimum() {
    return converged && minHessianEigenvalue > 0.0;
  }
}
