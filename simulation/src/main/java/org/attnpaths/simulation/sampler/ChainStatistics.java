package org.attnpaths.simulation.sampler;

/**
 * What one chain did. Acceptance and divergences are counted separately for the warm-up and for
 * the transitions after it, the ones that produce samples.
 *
 * @param warmUpTransitions transitions made during warm-up
 * @param transitions transitions made after warm-up
 * @param meanAcceptance mean Metropolis acceptance probability min(1, e^{−ΔH}) after warm-up (1
 *     for unadjusted Langevin; NaN before any such transition)
 * @param stepSize the step size in use (after warm-up: the adapted one)
 * @param warmUpDivergences divergent transitions during warm-up
 * @param divergences divergent transitions after warm-up (energy error above the threshold or a
 *     non-finite potential); each was rejected
 * @param gradientEvaluations calls of {@link Potential#valueAndGradient} so far
 * @param targetAcceptance δ, the acceptance the step size was adapted towards (NaN when it was
 *     not adapted)
 * @param averagedStepSize dual averaging's ε̄ at the end of warm-up (NaN when not adapted); the
 *     step kept by MALA
 * @param calibratedStepSize the step read off the final warm-up window ({@link
 *     StepSizeCalibration}); the step kept by HMC when finite; NaN when the window did not
 *     determine it or when not adapted
 * @param finalWindowAcceptance mean acceptance probability of the final warm-up window's
 *     transitions, under dual averaging (NaN when not adapted)
 */
public record ChainStatistics(long warmUpTransitions, long transitions, double meanAcceptance,
    double stepSize, long warmUpDivergences, long divergences, long gradientEvaluations,
    double targetAcceptance, double averagedStepSize, double calibratedStepSize,
    double finalWindowAcceptance) {

  /** |mean acceptance after warm-up − δ| above this is reported as a failed adaptation. */
  public static final double ACCEPTANCE_TOLERANCE = 0.15;

  /**
   * Whether the step size was adapted and the acceptance after warm-up is within {@link
   * #ACCEPTANCE_TOLERANCE} of its target (true when nothing was adapted or measured).
   */
  public boolean adaptationReachedTarget() {
    if (Double.isNaN(targetAcceptance) || Double.isNaN(meanAcceptance)) return true;
    return Math.abs(meanAcceptance - targetAcceptance) <= ACCEPTANCE_TOLERANCE;
  }
}
