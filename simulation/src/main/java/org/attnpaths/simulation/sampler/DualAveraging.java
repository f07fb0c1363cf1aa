package org.attnpaths.simulation.sampler;

/**
 * Dual-averaging step-size adaptation: M. D. Hoffman and A. Gelman, "The No-U-Turn Sampler",
 * JMLR 15 (2014), §3.2 and Algorithm 5, with their constants γ = 0.05, t₀ = 10, κ = 0.75 and
 * μ = log(10 ε₀) (as in Stan and numpyro). After t updates with acceptance statistics α_i:
 * <pre>
 *   H̄_t = (1 − 1/(t+t₀)) H̄_{t−1} + (δ − α_t)/(t+t₀)
 *   log ε_t = μ − √t/γ · H̄_t
 *   log ε̄_t = t^{−κ} log ε_t + (1 − t^{−κ}) log ε̄_{t−1}
 * </pre>
 * ε_t is used during warm-up; ε̄ (the averaged iterate) after it. Mutable, not thread-safe.
 */
final class DualAveraging {
  static final double GAMMA = 0.05;
  static final double T0 = 10.0;
  static final double KAPPA = 0.75;

  private final double target;
  private double mu;
  private double hBar;
  private double logStepBar;
  private long t;

  /** @param target δ, the acceptance statistic aimed at, in (0, 1) */
  DualAveraging(double target, double initialStepSize) {
    this.target = target;
    restart(initialStepSize);
  }

  /** δ. */
  double target() {
    return target;
  }

  /** Restarts at ε₀ (after a mass-matrix update, as Stan does): μ = log(10 ε₀). */
  void restart(double initialStepSize) {
    mu = Math.log(10.0 * initialStepSize);
    hBar = 0.0;
    logStepBar = 0.0;
    t = 0;
  }

  /** One update with acceptance statistic α ∈ [0, 1]. @return the new ε_t */
  double update(double acceptance) {
    t++;
    double w = 1.0 / (t + T0);
    hBar = (1.0 - w) * hBar + w * (target - acceptance);
    double logStep = mu - Math.sqrt(t) / GAMMA * hBar;
    double eta = Math.pow(t, -KAPPA);
    logStepBar = eta * logStep + (1.0 - eta) * logStepBar;
    return Math.exp(logStep);
  }

  /** ε̄, the step size to keep after warm-up; exp(0) = 1 before any update. */
  double averagedStepSize() {
    return Math.exp(logStepBar);
  }
}
