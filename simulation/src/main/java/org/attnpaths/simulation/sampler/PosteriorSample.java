package org.attnpaths.simulation.sampler;

import org.attnpaths.theory.action.OrderParameters;

/**
 * One retained posterior sample: the network's outputs on the test inputs and the sampled order
 * parameters of its weights (spec §5.1, §8).
 *
 * @param sweep 0-based index of the sweep (or step) after burn-in that produced it
 * @param testOutputs f(x*) for every test input, length Q; copied in and out
 * @param orderParameters U_a, U_L … U_1 of the weights
 */
public record PosteriorSample(int sweep, double[] testOutputs, OrderParameters orderParameters) {

  public PosteriorSample {
    testOutputs = testOutputs.clone();
  }

  @Override
  public double[] testOutputs() {
    return testOutputs.clone();
  }

  /** Test output q without a copy. */
  public double testOutput(int q) {
    return testOutputs[q];
  }
}
