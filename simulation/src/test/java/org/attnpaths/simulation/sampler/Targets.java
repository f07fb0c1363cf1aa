package org.attnpaths.simulation.sampler;

/** The Gaussian targets shared by the sampler tests. */
final class Targets {
  private Targets() {}

  /** 2-D: μ = (1, −2), sd (1, 2), correlation 0.9. */
  static GaussianPotential correlated2d() {
    return GaussianPotential.ar1(new double[] {1.0, -2.0}, new double[] {1.0, 2.0}, 0.9);
  }

  /**
   * 10-D, badly scaled: sd D_i = 0.3·10^{i/9} (0.3 … 3) and AR(1) correlation 0.5 (correlation
   * eigenvalues 1/3 … 3): condition number of Σ ≈ 10³. μ_i = i − 4.5.
   */
  static GaussianPotential badlyScaled10d() {
    double[] scales = new double[10];
    double[] mean = new double[10];
    for (int i = 0; i < 10; i++) {
      scales[i] = 0.3 * Math.pow(10.0, i / 9.0);
      mean[i] = i - 4.5;
    }
    return GaussianPotential.ar1(mean, scales, 0.5);
  }

  /** 10-D, unit scales and AR(1) correlation 0.5 (eigenvalues of Σ in 1/3 … 3), μ_i = 0.1 i. */
  static GaussianPotential correlated10d() {
    double[] scales = new double[10];
    double[] mean = new double[10];
    for (int i = 0; i < 10; i++) {
      scales[i] = 1.0;
      mean[i] = 0.1 * i;
    }
    return GaussianPotential.ar1(mean, scales, 0.5);
  }

  /**
   * 10-D, very anisotropic: sd D_i = 10^{−3i/9} (1 … 0.001) and AR(1) correlation 0.5, so
   * cond(Σ) ≈ 10⁷; μ_i = D_i·(i − 4.5). {@link Potential#priorVariance} returns D_i², the way the
   * network's potential returns each block's prior variance: after whitening by it the target is
   * the well-conditioned AR(1) correlation matrix (eigenvalues 1/3 … 3).
   */
  static GaussianPotential anisotropic10d() {
    double[] scales = new double[10];
    double[] mean = new double[10];
    double[] variance = new double[10];
    for (int i = 0; i < 10; i++) {
      scales[i] = Math.pow(10.0, -3.0 * i / 9.0);
      mean[i] = scales[i] * (i - 4.5);
      variance[i] = scales[i] * scales[i];
    }
    return GaussianPotential.ar1(mean, scales, 0.5).withPriorVariance(variance);
  }
}
