package org.attnpaths.simulation.sampler;

/**
 * A differentiable potential Φ(θ) on a flat parameter vector, the negative log-density (up to a
 * constant) that gradient-based samplers (HMC, Langevin) explore. For the Gibbs posterior of a
 * finite network see {@link PosteriorPotential}, whose θ layout is that of {@code
 * network.NetworkWeights}: V^0 (N_1×N0), then V^{(1,0)}, …, V^{(1,H_1−1)}, …, V^{(L,H_L−1)}
 * (each N_{ℓ+1}×N_ℓ), then a (N_a); every matrix row-major.
 *
 * <p>Implementations hold workspaces and are not thread-safe: one instance per chain.
 */
public interface Potential {

  /** Length of θ. */
  int dimension();

  /**
   * @param theta length {@link #dimension()}, not modified
   * @param gradOut length {@link #dimension()}, overwritten with ∂Φ/∂θ
   * @return Φ(θ)
   */
  double valueAndGradient(double[] theta, double[] gradOut);
}
