package org.attnpaths.simulation.sampler;

/**
 * The diagonal preconditioner of the gradient-based samplers: the mass matrix M of {@link
 * HamiltonianMonteCarlo} (p ~ N(0, M), velocity M⁻¹p) and the drift and noise covariance M⁻¹ of
 * {@link LangevinDynamics}. Both are exact for any fixed positive M (the Metropolis test or, for
 * unadjusted Langevin, the closed-form stationary law in its javadoc, taken in the coordinates
 * M^{1/2}θ).
 */
public enum MassMatrix {
  /** M = I: every coordinate on the same scale. */
  UNIT,
  /**
   * M⁻¹ = the prior variances ({@link Potential#priorVariance}), fixed: the non-centred
   * (whitened) parameterisation θ = σ_b·z, in which every weight of the network has prior scale 1
   * whatever its block's σ_b²/N_ℓ normalisation.
   */
  PRIOR,
  /**
   * Starts at {@link #PRIOR}; during warm-up M⁻¹ becomes the regularised per-coordinate variance
   * of the draws of each slow window of Stan's schedule ({@link WarmUpSchedule}); fixed after it.
   */
  ADAPTED;

  /** Lower-case name, as in the CLI option and the result files. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
