package org.attnpaths.simulation.sampler;

import java.util.SplittableRandom;

/** Where each chain starts: for the network, a draw from the prior. */
@FunctionalInterface
public interface InitialState {

  /**
   * @param chain the chain index, 0 ≤ chain &lt; K
   * @param rng the chain's own stream (the draw is the first use of it); advanced
   * @return θ₀, a new array of length d
   */
  double[] draw(int chain, SplittableRandom rng);

  /** Every chain starts at a copy of {@code theta}. @param theta copied, not modified */
  static InitialState fixed(double[] theta) {
    double[] copy = theta.clone();
    return (chain, rng) -> copy.clone();
  }

  /** θ₀ uniform in [−r, r]^d, as numpyro's default initialisation with r = 2. */
  static InitialState uniform(int dimension, double radius) {
    return (chain, rng) -> {
      double[] theta = new double[dimension];
      for (int i = 0; i < dimension; i++) theta[i] = radius * (2.0 * rng.nextDouble() - 1.0);
      return theta;
    };
  }
}
