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
  ADAPTED,
  /**
   * As {@link #ADAPTED}, but each window's variances are averaged over groups of coordinates with
   * the same posterior marginal law ({@link Potential#exchangeableGroups}; for the network, the
   * exchangeable weights of one head matrix, of a, or of one input column of V^0). With few,
   * autocorrelated warm-up draws per weight (issue 3: 75 draws of 4.2 M weights at N = 1000) the
   * per-weight estimates scatter widely and a diagonal M built from them pushed the chain out of
   * its typical set; pooled, they are precise.
   */
  POOLED;

  /** Whether M⁻¹ is estimated from the warm-up draws. */
  public boolean adapted() {
    return this == ADAPTED || this == POOLED;
  }

  /** Lower-case name, as in the CLI option and the result files. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
