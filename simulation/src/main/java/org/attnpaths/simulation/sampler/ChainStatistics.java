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
 */
public record ChainStatistics(long warmUpTransitions, long transitions, double meanAcceptance,
    double stepSize, long warmUpDivergences, long divergences, long gradientEvaluations) {}
