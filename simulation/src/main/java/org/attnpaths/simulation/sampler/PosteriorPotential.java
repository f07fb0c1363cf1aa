package org.attnpaths.simulation.sampler;

import org.attnpaths.simulation.network.FiniteNetwork;
import org.attnpaths.simulation.network.NetworkWeights;
import org.attnpaths.simulation.network.PotentialWorkspace;

/**
 * Φ(θ) = (1/(2T)) Σ_μ (y_μ − f(X_μ; θ))² + Σ_blocks |w|²/(2σ²_block) (spec §8) for a {@link
 * FiniteNetwork}, with θ in the flat layout of {@link NetworkWeights}. The gradient is
 * analytic ({@link FiniteNetwork#potential}). Holds its workspaces (two weight sets and a {@link
 * PotentialWorkspace}), so evaluations allocate nothing: one instance per chain, not thread-safe.
 */
public final class PosteriorPotential implements Potential {
  private final FiniteNetwork network;
  private final double[] y;
  private final NetworkWeights weights;
  private final NetworkWeights gradient;
  private final PotentialWorkspace workspace;
  private final int dimension;

  /** @param y training targets, length P; copied */
  public PosteriorPotential(FiniteNetwork network, double[] y) {
    if (y.length != network.features().examples()) {
      throw new IllegalArgumentException("y: expected " + network.features().examples()
          + " targets, got " + y.length);
    }
    this.network = network;
    this.y = y.clone();
    this.weights = NetworkWeights.zeros(network.architecture(), network.tokenDim());
    this.gradient = NetworkWeights.zeros(network.architecture(), network.tokenDim());
    this.workspace = new PotentialWorkspace(network);
    this.dimension = weights.dimension();
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public double valueAndGradient(double[] theta, double[] gradOut) {
    if (gradOut.length != dimension) {
      throw new IllegalArgumentException("gradOut: expected " + dimension + " entries, got "
          + gradOut.length);
    }
    weights.copyFrom(theta);
    double value = network.potential(weights, y, gradient, workspace);
    gradient.copyTo(gradOut);
    return value;
  }

  /** σ_b² of each weight's block b (V^0, the layers, a; spec §2.4), in the flat layout. */
  @Override
  public void priorVariance(double[] out) {
    if (out.length != dimension) {
      throw new IllegalArgumentException("out: expected " + dimension + " entries, got "
          + out.length);
    }
    int o = 0;
    for (int b = 0; b < weights.blockCount(); b++) {
      double s2 = network.architecture().variance(b);
      for (var m : weights.block(b)) {
        int n = m.getNumElements();
        java.util.Arrays.fill(out, o, o + n, s2);
        o += n;
      }
    }
  }

  /** By the exchangeability of hidden units ({@link ExchangeableGroups}). */
  @Override
  public int exchangeableGroups(int[] out) {
    return ExchangeableGroups.of(weights, weights.blockCount(), out);
  }

  public FiniteNetwork network() {
    return network;
  }
}
