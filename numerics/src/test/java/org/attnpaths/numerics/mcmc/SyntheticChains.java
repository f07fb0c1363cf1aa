package org.attnpaths.numerics.mcmc;

import java.util.SplittableRandom;
import org.attnpaths.numerics.random.NormalSampler;

/** Chains with known properties for the diagnostics tests. */
final class SyntheticChains {
  private SyntheticChains() {}

  /**
   * m stationary AR(1) chains x_{t+1} = ρ x_t + √(1−ρ²) z_t, x_0 ~ N(0, 1): unit variance and
   * integrated autocorrelation time τ = (1+ρ)/(1−ρ), so ESS = m·n·(1−ρ)/(1+ρ).
   */
  static double[][] ar1(int m, int n, double rho, long seed) {
    NormalSampler z = new NormalSampler(new SplittableRandom(seed));
    double innovation = Math.sqrt(1.0 - rho * rho);
    double[][] x = new double[m][n];
    for (int j = 0; j < m; j++) {
      x[j][0] = z.next();
      for (int i = 1; i < n; i++) x[j][i] = rho * x[j][i - 1] + innovation * z.next();
    }
    return x;
  }

  /** m chains of n iid N(0, 1) draws. */
  static double[][] iid(int m, int n, long seed) {
    return ar1(m, n, 0.0, seed);
  }
}
