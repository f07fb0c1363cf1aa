package org.attnpaths.simulation.sampler;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Test target: Φ(θ) = ½(θ−μ)ᵀA(θ−μ), A = Σ⁻¹, so exp(−Φ) ∝ N(μ, Σ). Not thread-safe (one
 * workspace): one instance per chain.
 */
final class GaussianPotential implements Potential {
  final double[] mean;                 // μ, d
  final double[][] covariance;         // Σ, d×d
  final double[][] precision;          // A, d×d
  private final double[] centred;
  private double[] priorVariance;      // the scale hint of MassMatrix.PRIOR, or null (all 1)
  private int[] groups;                // equal-variance groups for MassMatrix.POOLED, or null

  GaussianPotential(double[] mean, double[][] covariance) {
    int d = mean.length;
    this.mean = mean.clone();
    this.covariance = new double[d][];
    for (int i = 0; i < d; i++) this.covariance[i] = covariance[i].clone();
    DMatrixRMaj a = new DMatrixRMaj(covariance);
    if (!CommonOps_DDRM.invert(a)) throw new IllegalArgumentException("covariance not invertible");
    precision = new double[d][d];
    for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) precision[i][j] = a.get(i, j);
    centred = new double[d];
  }

  /** Σ_ij = D_i D_j ρ^|i−j|: AR(1) correlations ρ with scales D. */
  static GaussianPotential ar1(double[] mean, double[] scales, double rho) {
    int d = scales.length;
    double[][] cov = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        cov[i][j] = scales[i] * scales[j] * Math.pow(rho, Math.abs(i - j));
      }
    }
    return new GaussianPotential(mean, cov);
  }

  /** This target with {@link #priorVariance} returning {@code v} (copied); a new instance. */
  GaussianPotential withPriorVariance(double[] v) {
    GaussianPotential g = new GaussianPotential(mean, covariance);
    g.priorVariance = v.clone();
    return g;
  }

  /** This target with {@link #exchangeableGroups} returning {@code g} (copied); a new instance. */
  GaussianPotential withGroups(int[] g) {
    GaussianPotential p = new GaussianPotential(mean, covariance);
    p.priorVariance = priorVariance;
    p.groups = g.clone();
    return p;
  }

  @Override
  public int exchangeableGroups(int[] out) {
    if (groups == null) return Potential.super.exchangeableGroups(out);
    System.arraycopy(groups, 0, out, 0, out.length);
    int g = 0;
    for (int v : groups) g = Math.max(g, v + 1);
    return g;
  }

  @Override
  public void priorVariance(double[] out) {
    if (priorVariance == null) {
      Potential.super.priorVariance(out);
    } else {
      System.arraycopy(priorVariance, 0, out, 0, out.length);
    }
  }

  @Override
  public int dimension() {
    return mean.length;
  }

  @Override
  public double valueAndGradient(double[] theta, double[] gradOut) {
    int d = mean.length;
    for (int i = 0; i < d; i++) centred[i] = theta[i] - mean[i];
    double phi = 0.0;
    for (int i = 0; i < d; i++) {
      double g = 0.0;
      for (int j = 0; j < d; j++) g += precision[i][j] * centred[j];
      gradOut[i] = g;
      phi += 0.5 * centred[i] * g;
    }
    return phi;
  }
}
