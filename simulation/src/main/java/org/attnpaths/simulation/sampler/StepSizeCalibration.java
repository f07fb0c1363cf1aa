package org.attnpaths.simulation.sampler;

import org.attnpaths.numerics.special.StandardNormal;

/**
 * The final step size of the warm-up, read off the (ε_t, α_t) pairs of its last fast window
 * instead of the dual-averaging average alone. In high dimension the acceptance probability of a
 * gradient sampler at step ε follows one curve with a single unknown scale c (A. Beskos, N.
 * Pillai, G. Roberts, J. M. Sanz-Serna and A. Stuart, "Optimal tuning of the hybrid Monte Carlo
 * algorithm", Bernoulli 19 (2013), Thm 3.6 for HMC; G. O. Roberts and J. S. Rosenthal, JRSS B 60
 * (1998) for MALA): the energy error is ≈ N(μ, 2μ) with μ = c·ε^k, k = 4 for leapfrog HMC
 * (ε the leapfrog step) and k = 3 for MALA (ε the time step η), so
 * <pre>
 *   a(ε; c) = E min(1, e^{−ΔH}) = 2 Φ(−√(c ε^k / 2)).
 * </pre>
 * c is the root of the moment equation Σ_t a(ε_t; c) = Σ_t α_t (monotone in c: one root, found by
 * bisection in log c), and the calibrated step solves a(ε*; c) = δ:
 * ε* = (2 (Φ⁻¹(δ/2))² / c)^{1/k}. This uses every transition of the window whatever step it
 * tried, where dual averaging's ε̄ weighs the early, deliberately large steps of its restart
 * (μ = log 10ε₀) heavily when the window is short. Mutable, not thread-safe; allocates only when
 * constructed.
 */
final class StepSizeCalibration {
  private final double[] steps;
  private final double[] acceptances;
  private final int exponent;
  private int n;

  /**
   * @param capacity the most pairs kept (the window length); later pairs are ignored
   * @param exponent k: 4 for leapfrog HMC, 3 for MALA
   */
  StepSizeCalibration(int capacity, int exponent) {
    steps = new double[Math.max(0, capacity)];
    acceptances = new double[steps.length];
    this.exponent = exponent;
  }

  /** Forgets every pair (at the start of a new window). */
  void reset() {
    n = 0;
  }

  /** Records one transition: it tried step ε and had acceptance probability α ∈ [0, 1]. */
  void add(double stepSize, double acceptance) {
    if (n == steps.length || !(stepSize > 0.0) || Double.isNaN(acceptance)) return;
    steps[n] = stepSize;
    acceptances[n] = Math.min(1.0, Math.max(0.0, acceptance));
    n++;
  }

  /** Pairs recorded since the last reset. */
  int size() {
    return n;
  }

  /** Mean acceptance probability of the recorded transitions (NaN if none). */
  double meanAcceptance() {
    double s = 0.0;
    for (int i = 0; i < n; i++) s += acceptances[i];
    return n == 0 ? Double.NaN : s / n;
  }

  /**
   * The step whose model acceptance is δ, or NaN when the pairs do not determine it: fewer than
   * 5 pairs, or every transition accepted (mean α &gt; 0.999: only a lower bound) or none (mean
   * α &lt; 0.001).
   *
   * @param target δ ∈ (0, 1)
   */
  double calibrated(double target) {
    double mean = meanAcceptance();
    if (n < 5 || !(mean > 1e-3 && mean < 1.0 - 1e-3)) return Double.NaN;
    return solve(target, mean);
  }

  private double solve(double target, double mean) {
    // Σ a(ε_t; c) decreases from n (c → 0) to 0 (c → ∞): bisect in log c on [lo, hi]
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      double le = exponent * Math.log(steps[i]);
      lo = Math.min(lo, -le);
      hi = Math.max(hi, -le);
    }
    lo -= 40.0;                                   // c ε^k from e^{−40} (a ≈ 1) …
    hi += 40.0;                                   // … to e^{40} (a ≈ 0) for every pair
    double sum = mean * n;
    for (int it = 0; it < 200 && hi - lo > 1e-12; it++) {
      double mid = 0.5 * (lo + hi);
      if (modelSum(mid) > sum) lo = mid; else hi = mid;
    }
    double logC = 0.5 * (lo + hi);
    double z = inverseStandardNormal(0.5 * target);
    double mu = 2.0 * z * z;
    return Math.exp((Math.log(mu) - logC) / exponent);
  }

  private double modelSum(double logC) {
    double s = 0.0;
    for (int i = 0; i < n; i++) {
      double mu = Math.exp(logC + exponent * Math.log(steps[i]));
      s += 2.0 * standardNormal(-Math.sqrt(0.5 * mu));
    }
    return s;
  }

  /** Φ(x), the standard normal distribution function. */
  static double standardNormal(double x) {
    return StandardNormal.cdf(x);
  }

  /** Φ⁻¹(p) for p ∈ (0, 1), by bisection on Φ (called once per warm-up). */
  static double inverseStandardNormal(double p) {
    double lo = -40.0;
    double hi = 40.0;
    for (int it = 0; it < 200 && hi - lo > 1e-14; it++) {
      double mid = 0.5 * (lo + hi);
      if (StandardNormal.cdf(mid) < p) lo = mid; else hi = mid;
    }
    return 0.5 * (lo + hi);
  }
}
