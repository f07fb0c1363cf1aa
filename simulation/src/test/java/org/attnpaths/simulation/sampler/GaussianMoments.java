package org.attnpaths.simulation.sampler;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.attnpaths.numerics.mcmc.DrawSummary;

/**
 * Records θ_i and the centred products (θ_i − μ_i)(θ_j − μ_j), i ≤ j, about the known mean μ, so
 * the sample means estimate μ and Σ directly, each with its own ESS-based Monte-Carlo error.
 */
final class GaussianMoments implements SampleFunctional {
  private final double[] mu;

  GaussianMoments(double[] mu) {
    this.mu = mu.clone();
  }

  @Override
  public int size() {
    int d = mu.length;
    return d + d * (d + 1) / 2;
  }

  @Override
  public void evaluate(double[] theta, double[] out) {
    int d = mu.length;
    System.arraycopy(theta, 0, out, 0, d);
    int k = d;
    for (int i = 0; i < d; i++) {
      for (int j = i; j < d; j++) out[k++] = (theta[i] - mu[i]) * (theta[j] - mu[j]);
    }
  }

  /**
   * Asserts every mean and covariance entry within {@code sigmas}·MCSE (+ {@code bias}, a known
   * deterministic offset bound) of {@code expectedCov}/μ, that each has ESS ≥ {@code minEss}
   * (so the MCSE itself is credible) and split R-hat &lt; 1.01.
   */
  static void assertRecovered(ChainSamples samples, double[] mu, double[][] expectedCov,
      double sigmas, double minEss, double[][] bias) {
    int d = mu.length;
    for (int i = 0; i < d; i++) check(samples.summary(i), mu[i], sigmas, minEss, 0.0, "mean " + i);
    int k = d;
    for (int i = 0; i < d; i++) {
      for (int j = i; j < d; j++) {
        double b = bias == null ? 0.0 : bias[i][j];
        check(samples.summary(k++), expectedCov[i][j], sigmas, minEss, b, "cov " + i + "," + j);
      }
    }
  }

  private static void check(DrawSummary s, double expected, double sigmas, double minEss,
      double bias, String what) {
    assertTrue(s.ess() >= minEss, what + ": ESS " + s.ess() + " < " + minEss);
    assertTrue(s.rhat() < 1.01, what + ": R-hat " + s.rhat());
    assertTrue(Math.abs(s.mean() - expected) <= sigmas * s.mcse() + bias,
        what + ": expected " + expected + ", got " + s.mean() + " ± " + s.mcse()
            + " (tolerance " + sigmas + " MCSE + " + bias + ")");
  }
}
