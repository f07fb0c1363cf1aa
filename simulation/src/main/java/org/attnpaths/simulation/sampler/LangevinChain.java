package org.attnpaths.simulation.sampler;

import java.util.SplittableRandom;

/**
 * The state of one {@link LangevinDynamics} chain: position, gradient, step size and its
 * diagonal preconditioner M⁻¹ = A. Transitions allocate nothing. Not thread-safe.
 */
final class LangevinChain extends GradientChain {
  private final LangevinDynamics settings;
  private final DualAveraging dualAveraging;
  private final DiagonalPreconditioner preconditioner;
  private final double[] inverseMass;           // A = M⁻¹, d (the preconditioner's)

  LangevinChain(LangevinDynamics settings, Potential potential, double[] initial,
      SplittableRandom rng, int warmUp) {
    super(potential, initial, rng, warmUp, 3, false);
    this.settings = settings;
    stepSize = settings.stepSize();
    dualAveraging = new DualAveraging(settings.targetAcceptance(), stepSize);
    preconditioner = new DiagonalPreconditioner(settings.massMatrix(), potential, warmUp);
    inverseMass = preconditioner.inverseMass();
  }

  @Override
  protected double targetAcceptance() {
    return settings.adaptStepSize() ? settings.targetAcceptance() : Double.NaN;
  }

  @Override
  public void step() {
    boolean warming = iteration < warmUp;
    double eta = stepSize;
    // θ' = θ − ηA∇Φ(θ) + √(2η) A^{1/2} ξ; the forward proposal term
    // |θ' − θ + ηA∇Φ(θ)|²_{A⁻¹} = 2η|ξ|²
    double noise = Math.sqrt(2.0 * eta);
    double forward = 0.0;
    for (int i = 0; i < d; i++) {
      double xi = normals.next();
      forward += xi * xi;
      double a = inverseMass[i];
      proposal[i] = theta[i] - eta * a * grad[i] + noise * Math.sqrt(a) * xi;
    }
    double phiNew = evaluate(proposal, proposalGrad);
    double acceptance;
    if (!Double.isFinite(phiNew)) {
      if (!settings.metropolis()) {
        throw new IllegalStateException("unadjusted Langevin diverged at transition " + iteration
            + ": Φ = " + phiNew + " with η = " + eta
            + " (stable only for η < 2/λ_max of the preconditioned Hessian M^{-1/2} ∇²Φ "
            + "M^{-1/2})");
      }
      recordDivergence();
      acceptance = 0.0;
    } else if (!settings.metropolis()) {
      acceptance = 1.0;
      acceptProposal(phiNew);
    } else {
      // log q(θ|θ') − log q(θ'|θ) = −|θ − θ' + ηA∇Φ(θ')|²_{A⁻¹}/(4η) + 2η|ξ|²/(4η)
      double backward = 0.0;
      for (int i = 0; i < d; i++) {
        double r = theta[i] - proposal[i] + eta * inverseMass[i] * proposalGrad[i];
        backward += r * r / inverseMass[i];
      }
      double logRatio = phi - phiNew - backward / (4.0 * eta) + 0.5 * forward;
      acceptance = logRatio >= 0.0 ? 1.0 : Math.exp(logRatio);    // NaN → 0 below
      if (!(acceptance >= 0.0)) acceptance = 0.0;
      if (rng.nextDouble() < acceptance) acceptProposal(phiNew);
    }
    lastAcceptance = acceptance;
    lastStepSize = eta;
    if (warming) {
      int i = (int) iteration;
      if (settings.adaptStepSize()) stepSize = adaptStepSize(dualAveraging, i, eta, acceptance);
      // a new M⁻¹ changes the scale the step size is measured in: restart its adaptation
      if (preconditioner.observe(i, theta) && settings.adaptStepSize()) {
        dualAveraging.restart(stepSize);
      }
    } else {
      acceptanceSum += acceptance;
    }
    iteration++;
  }
}
