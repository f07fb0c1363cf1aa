package org.attnpaths.simulation.sampler;

import java.util.SplittableRandom;
import org.attnpaths.numerics.random.NormalSampler;

/**
 * What every gradient-based chain keeps ({@link HmcChain}, {@link LangevinChain}): the position θ
 * with Φ(θ) and ∇Φ(θ), a proposal buffer swapped in on acceptance (transitions allocate nothing),
 * the step size, and the counters behind {@link ChainStatistics}. Not thread-safe.
 */
abstract class GradientChain implements MarkovChain {
  protected final Potential potential;
  protected final SplittableRandom rng;
  protected final NormalSampler normals;
  protected final int warmUp;
  protected final int d;

  protected double[] theta;                     // θ, d
  protected double[] grad;                      // ∇Φ(θ), d
  protected double phi;                         // Φ(θ)
  protected double[] proposal;                  // θ', d
  protected double[] proposalGrad;              // ∇Φ(θ'), d

  protected double stepSize;
  protected long iteration;
  protected long warmUpDivergences;
  protected long divergences;
  protected double acceptanceSum;
  private long gradientEvaluations;

  /**
   * @param initial θ₀, copied
   * @throws IllegalArgumentException if θ₀ has the wrong length, warmUp &lt; 0, or Φ(θ₀) is not finite
   */
  GradientChain(Potential potential, double[] initial, SplittableRandom rng, int warmUp) {
    if (potential.dimension() != initial.length) {
      throw new IllegalArgumentException("initial: expected length " + potential.dimension()
          + " (potential dimension), got " + initial.length);
    }
    if (warmUp < 0) throw new IllegalArgumentException("warmUp: expected >= 0, got " + warmUp);
    this.potential = potential;
    this.rng = rng;
    this.normals = new NormalSampler(rng);
    this.warmUp = warmUp;
    this.d = initial.length;
    theta = initial.clone();
    grad = new double[d];
    proposal = new double[d];
    proposalGrad = new double[d];
    phi = evaluate(theta, grad);
    if (!Double.isFinite(phi)) {
      throw new IllegalArgumentException("initial: expected a finite potential, got Φ = " + phi);
    }
  }

  /** Φ(x), with g ← ∇Φ(x); counted. */
  protected final double evaluate(double[] x, double[] g) {
    gradientEvaluations++;
    return potential.valueAndGradient(x, g);
  }

  /** The proposal (with its gradient and Φ = phiNew) becomes the current state. */
  protected final void acceptProposal(double phiNew) {
    double[] t = theta;
    theta = proposal;
    proposal = t;
    t = grad;
    grad = proposalGrad;
    proposalGrad = t;
    phi = phiNew;
  }

  /** Counts a divergence in warm-up or in sampling, by the current transition. */
  protected final void recordDivergence() {
    if (iteration < warmUp) warmUpDivergences++; else divergences++;
  }

  @Override
  public final double[] position() {
    return theta;
  }

  @Override
  public final double potential() {
    return phi;
  }

  @Override
  public final ChainStatistics statistics() {
    long warm = Math.min(iteration, warmUp);
    long after = iteration - warm;
    return new ChainStatistics(warm, after, after == 0 ? Double.NaN : acceptanceSum / after,
        stepSize, warmUpDivergences, divergences, gradientEvaluations);
  }
}
