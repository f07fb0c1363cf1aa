package org.attnpaths.numerics.mcmc;

/**
 * The Monte-Carlo standard error of a posterior mean estimated from m chains,
 * {@code double[m][n]}: MCSE = sd / √ESS, with sd the standard deviation of all m·n draws
 * (denominator S − 1) and ESS from {@link EffectiveSampleSize} (Stan Reference Manual,
 * "Estimation of MCMC standard error"). An estimate of the mean of a well-mixed chain is within
 * about ±2 MCSE of the true value 95 % of the time.
 */
public final class MonteCarloStandardError {
  private MonteCarloStandardError() {}

  /**
   * MCSE of the mean.
   *
   * @param draws [m ≥ 1][n ≥ 8] finite draws; not modified
   * @return sd/√ESS, or NaN when all draws are equal
   */
  public static double ofMean(double[][] draws) {
    double ess = EffectiveSampleSize.of(draws);
    return standardDeviation(draws) / Math.sqrt(ess);
  }

  /** Standard deviation of all draws pooled, denominator S − 1. @param draws not modified */
  static double standardDeviation(double[][] draws) {
    double sum = 0.0;
    long count = 0;
    for (double[] chain : draws) {
      for (double v : chain) sum += v;
      count += chain.length;
    }
    double mean = sum / count;
    double ss = 0.0;
    for (double[] chain : draws) for (double v : chain) ss += (v - mean) * (v - mean);
    return Math.sqrt(ss / (count - 1));
  }
}
