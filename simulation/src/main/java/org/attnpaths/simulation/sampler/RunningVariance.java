package org.attnpaths.simulation.sampler;

import java.util.Arrays;

/**
 * Per-coordinate running mean and variance of vectors (B. P. Welford, Technometrics 4, 1962),
 * and the regularised variance Stan and numpyro use as the inverse mass:
 * (n/(n+5))·var + 10⁻³·5/(n+5). Mutable, not thread-safe.
 */
final class RunningVariance {
  private final double[] mean;
  private final double[] m2;
  private long n;

  RunningVariance(int dimension) {
    mean = new double[dimension];
    m2 = new double[dimension];
  }

  /** @param x length d; not modified */
  void add(double[] x) {
    n++;
    for (int i = 0; i < mean.length; i++) {
      double delta = x[i] - mean[i];
      mean[i] += delta / n;
      m2[i] += delta * (x[i] - mean[i]);
    }
  }

  long count() {
    return n;
  }

  /**
   * Writes the regularised sample variance (denominator n − 1) shrunk towards 10⁻³.
   *
   * @param out length d; overwritten
   */
  void regularizedVariance(double[] out) {
    double shrink = n / (n + 5.0);
    for (int i = 0; i < out.length; i++) {
      out[i] = shrink * (m2[i] / (n - 1)) + 1e-3 * (5.0 / (n + 5.0));
    }
  }

  void reset() {
    Arrays.fill(mean, 0.0);
    Arrays.fill(m2, 0.0);
    n = 0;
  }
}
