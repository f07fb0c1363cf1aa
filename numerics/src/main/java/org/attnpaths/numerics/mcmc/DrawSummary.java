package org.attnpaths.numerics.mcmc;

/**
 * Posterior summary of one scalar from m chains: what a report prints per quantity.
 *
 * @param mean mean of all draws
 * @param sd standard deviation of all draws (denominator S − 1)
 * @param mcse Monte-Carlo standard error of {@code mean}, sd/√ess
 * @param ess effective sample size ({@link EffectiveSampleSize})
 * @param rhat split R-hat ({@link Rhat#split})
 * @param rankRhat rank-normalised split R-hat ({@link Rhat#rankNormalized})
 * @param chains m
 * @param drawsPerChain n
 */
public record DrawSummary(double mean, double sd, double mcse, double ess, double rhat,
    double rankRhat, int chains, int drawsPerChain) {

  /** R-hat above which chains are taken as not converged (Vehtari et al. 2021). */
  public static final double RHAT_THRESHOLD = 1.01;

  /**
   * Summarises {@code draws}.
   *
   * @param draws [m ≥ 1][n ≥ 8] finite draws; not modified
   */
  public static DrawSummary of(double[][] draws) {
    int n = Draws.check(draws, 8);
    double sum = 0.0;
    for (double[] chain : draws) for (double v : chain) sum += v;
    double mean = sum / ((double) draws.length * n);
    double sd = MonteCarloStandardError.standardDeviation(draws);
    double ess = EffectiveSampleSize.of(draws);
    return new DrawSummary(mean, sd, sd / Math.sqrt(ess), ess, Rhat.split(draws),
        Rhat.rankNormalized(draws), draws.length, n);
  }

  /**
   * Whether these draws look converged: both R-hats below {@link #RHAT_THRESHOLD} and
   * {@code ess ≥ minEss} (Vehtari et al. 2021 suggest at least 100 per chain).
   */
  public boolean converged(double minEss) {
    return rhat < RHAT_THRESHOLD && rankRhat < RHAT_THRESHOLD && ess >= minEss;
  }
}
