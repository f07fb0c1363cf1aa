package org.attnpaths.simulation.sampler;

import java.util.SplittableRandom;
import org.attnpaths.numerics.random.NormalSampler;

/**
 * The state of one {@link LangevinDynamics} chain. Transitions allocate nothing. Not thread-safe.
 */
final class LangevinChain implements MarkovChain {
  private final LangevinDynamics settings;
  private final Potential potential;
  private final SplittableRandom rng;
  private final NormalSampler normals;
  private final int warmUp;
  private final int d;

  private double[] theta;                       // θ, d
  private double[] grad;                        // ∇Φ(θ), d
  private double phi;
  private double[] proposal;                    // θ', d
  private double[] proposalGrad;                // ∇Φ(θ'), d

  private double stepSize;
  private final DualAveraging dualAveraging;
  private long iteration;
  private long warmUpDivergences;
  private long divergences;
  private double acceptanceSum;
  private long gradientEvaluations;

  LangevinChain(LangevinDynamics settings, Potential potential, double[] initial,
      SplittableRandom rng, int warmUp) {
    if (potential.dimension() != initial.length) {
      throw new IllegalArgumentException("initial: expected length " + potential.dimension()
          + " (potential dimension), got " + initial.length);
    }
    if (warmUp < 0) throw new IllegalArgumentException("warmUp: expected >= 0, got " + warmUp);
    this.settings = settings;
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
    stepSize = settings.stepSize();
    dualAveraging = new DualAveraging(settings.targetAcceptance(), stepSize);
  }

  @Override
  public void step() {
    boolean warming = iteration < warmUp;
    double eta = stepSize;
    // θ' = θ − η∇Φ(θ) + √(2η) ξ; the forward proposal term |θ' − θ + η∇Φ(θ)|² = 2η|ξ|²
    double noise = Math.sqrt(2.0 * eta);
    double forward = 0.0;
    for (int i = 0; i < d; i++) {
      double xi = normals.next();
      forward += xi * xi;
      proposal[i] = theta[i] - eta * grad[i] + noise * xi;
    }
    double phiNew = evaluate(proposal, proposalGrad);
    double acceptance;
    if (!Double.isFinite(phiNew)) {
      if (!settings.metropolis()) {
        throw new IllegalStateException("unadjusted Langevin diverged at transition " + iteration
            + ": Φ = " + phiNew + " with η = " + eta
            + " (stable only for η < 2/λ_max of the Hessian of Φ)");
      }
      if (warming) warmUpDivergences++; else divergences++;
      acceptance = 0.0;
    } else if (!settings.metropolis()) {
      acceptance = 1.0;
      accept(phiNew);
    } else {
      // log q(θ|θ') − log q(θ'|θ) = −|θ − θ' + η∇Φ(θ')|²/(4η) + 2η|ξ|²/(4η)
      double backward = 0.0;
      for (int i = 0; i < d; i++) {
        double r = theta[i] - proposal[i] + eta * proposalGrad[i];
        backward += r * r;
      }
      double logRatio = phi - phiNew - backward / (4.0 * eta) + 0.5 * forward;
      acceptance = logRatio >= 0.0 ? 1.0 : Math.exp(logRatio);    // NaN → 0 below
      if (!(acceptance >= 0.0)) acceptance = 0.0;
      if (rng.nextDouble() < acceptance) accept(phiNew);
    }
    if (warming) {
      if (settings.adaptStepSize()) {
        stepSize = dualAveraging.update(acceptance);
        if (iteration == warmUp - 1) stepSize = dualAveraging.averagedStepSize();
      }
    } else {
      acceptanceSum += acceptance;
    }
    iteration++;
  }

  private void accept(double phiNew) {
    double[] t = theta;
    theta = proposal;
    proposal = t;
    t = grad;
    grad = proposalGrad;
    proposalGrad = t;
    phi = phiNew;
  }

  private double evaluate(double[] x, double[] g) {
    gradientEvaluations++;
    return potential.valueAndGradient(x, g);
  }

  @Override
  public double[] position() {
    return theta;
  }

  @Override
  public double potential() {
    return phi;
  }

  @Override
  public ChainStatistics statistics() {
    long warm = Math.min(iteration, warmUp);
    long after = iteration - warm;
    return new ChainStatistics(warm, after, after == 0 ? Double.NaN : acceptanceSum / after,
        stepSize, warmUpDivergences, divergences, gradientEvaluations);
  }
}
