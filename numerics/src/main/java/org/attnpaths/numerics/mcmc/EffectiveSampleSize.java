package org.attnpaths.numerics.mcmc;

/**
 * The effective sample size of m chains of one scalar, {@code double[m][n]}: the number of
 * independent draws that would estimate the mean as precisely, S/τ̂ with S = m·n.
 *
 * <p>Method, as Stan's {@code compute_effective_sample_size} (Stan Reference Manual, "Effective
 * sample size"; BDA3 §11.5) and the R package {@code posterior}'s {@code ess_basic}: chains are
 * split in half (so that a drift lowers the estimate); the combined autocorrelation at lag t is
 * ρ̂_t = 1 − (W − mean_j γ̂_{j,t}) / var⁺, with γ̂_{j,t} the (1/n-normalised) autocovariance of
 * half-chain j, W the mean within-half variance and var⁺ as in {@link Rhat}; so disagreement
 * between chains shortens the ESS. The sum τ̂ = −1 + 2 Σ_t ρ̂_t is truncated by Geyer's initial
 * positive sequence (C. J. Geyer, "Practical Markov chain Monte Carlo", Statistical Science 7,
 * 1992): pairs P_k = ρ̂_{2k} + ρ̂_{2k+1} are summed while positive and made monotone
 * non-increasing. τ̂ is bounded below by 1/log₁₀(S), as in Stan, so antithetic chains can give an
 * ESS above S.
 *
 * <p>Autocovariances are computed directly, lag by lag, only up to the truncation point: cost
 * O(S·τ̂). Returns NaN when the within-chain variance is zero.
 */
public final class EffectiveSampleSize {
  private EffectiveSampleSize() {}

  /**
   * ESS of the mean (Stan / BDA3, split chains, Geyer's initial monotone sequence).
   *
   * @param draws [m ≥ 1][n ≥ 8] finite draws; not modified
   */
  public static double of(double[][] draws) {
    Draws.check(draws, 8);
    return ofChains(Draws.split(draws));
  }

  /** ESS of chains taken as they are (already split). @param chains [m][n ≥ 4], not modified */
  static double ofChains(double[][] chains) {
    int m = chains.length;
    int n = chains[0].length;
    double[] means = new double[m];
    for (int j = 0; j < m; j++) means[j] = Draws.mean(chains[j]);
    double w = 0.0;                                   // mean within-chain variance, n − 1
    for (int j = 0; j < m; j++) w += Draws.variance(chains[j], means[j]);
    w /= m;
    if (!(w > 0.0)) return Double.NaN;
    double varPlus = w * (n - 1.0) / n;
    if (m > 1) varPlus += Draws.variance(means, Draws.mean(means));

    // Stan's loop, with rho[t] filled on demand; entries past the truncation stay 0.
    double[] rho = new double[n + 1];
    rho[0] = 1.0;
    double rhoEven = 1.0;
    double rhoOdd = 1.0 - (w - meanAutocovariance(chains, means, 1)) / varPlus;
    rho[1] = rhoOdd;
    int t = 1;
    while (t < n - 4 && rhoEven + rhoOdd > 0.0) {
      rhoEven = 1.0 - (w - meanAutocovariance(chains, means, t + 1)) / varPlus;
      rhoOdd = 1.0 - (w - meanAutocovariance(chains, means, t + 2)) / varPlus;
      if (rhoEven + rhoOdd >= 0.0) {
        rho[t + 1] = rhoEven;
        rho[t + 2] = rhoOdd;
      }
      t += 2;
    }
    int maxT = t;
    if (rhoEven > 0.0) rho[maxT + 1] = rhoEven;       // Stan's improved tail term

    // Geyer's initial monotone sequence: each pair is at most the previous one.
    for (int s = 1; s <= maxT - 3; s += 2) {
      if (rho[s + 1] + rho[s + 2] > rho[s - 1] + rho[s]) {
        rho[s + 1] = 0.5 * (rho[s - 1] + rho[s]);
        rho[s + 2] = rho[s + 1];
      }
    }
    double total = (double) m * n;
    double sum = 0.0;
    for (int s = 0; s <= maxT; s++) sum += rho[s];
    double tau = -1.0 + 2.0 * sum + rho[maxT + 1];
    tau = Math.max(tau, 1.0 / Math.log10(total));
    return total / tau;
  }

  /** mean_j (1/n) Σ_i (x_{j,i} − x̄_j)(x_{j,i+t} − x̄_j); 0 for t ≥ n. */
  private static double meanAutocovariance(double[][] chains, double[] means, int t) {
    int n = chains[0].length;
    if (t >= n) return 0.0;
    double s = 0.0;
    for (int j = 0; j < chains.length; j++) {
      double[] x = chains[j];
      double mu = means[j];
      double c = 0.0;
      for (int i = 0; i + t < n; i++) c += (x[i] - mu) * (x[i + t] - mu);
      s += c / n;
    }
    return s / chains.length;
  }
}
