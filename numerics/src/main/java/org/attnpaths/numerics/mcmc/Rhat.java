package org.attnpaths.numerics.mcmc;

import java.util.Arrays;
import org.hipparchus.special.Erf;

/**
 * The potential scale reduction factor R-hat of m chains of one scalar, {@code double[m][n]}.
 *
 * <p>{@link #split}: the split R-hat of Gelman et al., <i>Bayesian Data Analysis</i>, 3rd ed.
 * (2013), §11.4: each chain is cut in half, and with W the mean within-half variance and B/n the
 * variance of the half means, R̂ = √(var⁺/W), var⁺ = (n−1)/n·W + B/n. It is ≈ 1 for mixed,
 * stationary chains and above 1 when chains disagree or drift.
 *
 * <p>{@link #rankNormalized}: the version of Vehtari, Gelman, Simpson, Carpenter and Bürkner,
 * "Rank-normalization, folding, and localization: an improved R̂ for assessing convergence of
 * MCMC", Bayesian Analysis 16(2), 2021, eq. 14: the larger of the split R-hat of the rank-normal
 * scores (bulk) and of the rank-normal scores of |x − median| (tail). It also works for
 * heavy-tailed draws and detects chains that differ in scale only. Vehtari et al. recommend
 * R̂ &lt; 1.01.
 *
 * <p>Both return NaN when the within-chain variance is zero (for example, constant draws).
 */
public final class Rhat {
  private Rhat() {}

  /**
   * Split R-hat (BDA3 §11.4).
   *
   * @param draws [m ≥ 1][n ≥ 4] finite draws; not modified
   */
  public static double split(double[][] draws) {
    Draws.check(draws, 4);
    return ofChains(Draws.split(draws));
  }

  /**
   * Rank-normalised split R-hat, max(bulk, tail) (Vehtari et al. 2021).
   *
   * @param draws [m ≥ 1][n ≥ 4] finite draws; not modified
   */
  public static double rankNormalized(double[][] draws) {
    Draws.check(draws, 4);
    double[][] halves = Draws.split(draws);
    double bulk = ofChains(rankNormalScores(halves));
    double median = median(halves);
    double[][] folded = new double[halves.length][];
    for (int j = 0; j < halves.length; j++) {
      folded[j] = new double[halves[j].length];
      for (int i = 0; i < folded[j].length; i++) folded[j][i] = Math.abs(halves[j][i] - median);
    }
    double tail = ofChains(rankNormalScores(folded));
    if (Double.isNaN(bulk) || Double.isNaN(tail)) return Double.NaN;
    return Math.max(bulk, tail);
  }

  /** R̂ = √(var⁺/W) of chains taken as they are (already split). @param chains not modified */
  static double ofChains(double[][] chains) {
    int m = chains.length;
    int n = chains[0].length;
    double[] means = new double[m];
    double w = 0.0;
    for (int j = 0; j < m; j++) {
      means[j] = Draws.mean(chains[j]);
      w += Draws.variance(chains[j], means[j]);
    }
    w /= m;
    // B/n = variance of the chain means (denominator m − 1)
    double bOverN = m > 1 ? Draws.variance(means, Draws.mean(means)) : 0.0;
    if (!(w > 0.0)) return Double.NaN;
    double varPlus = (n - 1.0) / n * w + bOverN;
    return Math.sqrt(varPlus / w);
  }

  /**
   * Rank-normal scores z = Φ⁻¹((r − 3/8)/(S + 1/4)) of the pooled draws, r the rank among all
   * S = m·n draws with ties given their average rank (Vehtari et al. 2021, eq. 13).
   *
   * @param chains [m][n], not modified
   * @return a new [m][n] array of scores
   */
  static double[][] rankNormalScores(double[][] chains) {
    int m = chains.length;
    int n = chains[0].length;
    int total = m * n;
    double[] sorted = new double[total];
    for (int j = 0; j < m; j++) System.arraycopy(chains[j], 0, sorted, j * n, n);
    Arrays.sort(sorted);
    double[][] out = new double[m][n];
    for (int j = 0; j < m; j++) {
      for (int i = 0; i < n; i++) {
        double v = chains[j][i];
        // ties v occupy sorted[lo..hi); their 1-based ranks lo+1..hi average to (lo+1+hi)/2
        int lo = firstIndexNotBelow(sorted, v);
        int hi = firstIndexAbove(sorted, v);
        double rank = 0.5 * (lo + 1 + hi);
        out[j][i] = inverseNormalCdf((rank - 0.375) / (total + 0.25));
      }
    }
    return out;
  }

  private static int firstIndexNotBelow(double[] sorted, double v) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < v) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  private static int firstIndexAbove(double[] sorted, double v) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= v) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  /**
   * Φ⁻¹(p) = −√2·erfc⁻¹(2p), by symmetry in the upper half so that both tails keep their relative
   * precision. Hipparchus's {@code Erf.erfcInv} is accurate to ≈ 2e-9 relative at p = 1e-10,
   * far more than ranks need.
   */
  static double inverseNormalCdf(double p) {
    double root2 = Math.sqrt(2.0);
    return p <= 0.5 ? -root2 * Erf.erfcInv(2.0 * p) : root2 * Erf.erfcInv(2.0 * (1.0 - p));
  }

  private static double median(double[][] chains) {
    double[] all = Arrays.stream(chains).flatMapToDouble(Arrays::stream).sorted().toArray();
    int s = all.length;
    return s % 2 == 1 ? all[s / 2] : 0.5 * (all[s / 2 - 1] + all[s / 2]);
  }
}
