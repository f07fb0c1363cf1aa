package org.attnpaths.simulation.sampler;

import java.util.SplittableRandom;

/**
 * The state of one {@link LangevinDynamics} chain. Transitions allocate nothing. Not thread-safe.
 */
final class LangevinChain extends GradientChain {
  private final LangevinDynamics settings;
  private final DualAveraging dualAveraging;

  LangevinChain(LangevinDynamics settings, Potential potential, double[] initial,
      SplittableRandom rng, int warmUp) {
    super(potential, initial, rng, warmUp);
    this.settings = settings;
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
      recordDivergence();
      acceptance = 0.0;
    } else if (!settings.metropolis()) {
      acceptance = 1.0;
      acceptProposal(phiNew);
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
      if (rng.nextDouble() < acceptance) acceptProposal(phiNew);
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
}
