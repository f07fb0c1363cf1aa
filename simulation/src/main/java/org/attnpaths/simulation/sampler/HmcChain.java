package org.attnpaths.simulation.sampler;

import java.util.SplittableRandom;

/**
 * The state of one {@link HamiltonianMonteCarlo} chain: position, cached gradient, diagonal
 * inverse mass, step size and adaptation. Transitions allocate nothing. Not thread-safe.
 */
final class HmcChain extends GradientChain {
  private final HamiltonianMonteCarlo settings;
  private final double[] momentum;              // p, d
  private final double[] inverseMass;           // diagonal of M⁻¹, d (the preconditioner's)
  private final DiagonalPreconditioner preconditioner;
  private final DualAveraging dualAveraging;

  HmcChain(HamiltonianMonteCarlo settings, Potential potential, double[] initial,
      SplittableRandom rng, int warmUp) {
    super(potential, initial, rng, warmUp, 4, true);
    this.settings = settings;
    momentum = new double[d];
    preconditioner = new DiagonalPreconditioner(settings.massMatrix(), potential, warmUp);
    inverseMass = preconditioner.inverseMass();
    stepSize = Double.isNaN(settings.initialStepSize())
        ? reasonableStepSize(1.0) : settings.initialStepSize();
    dualAveraging = new DualAveraging(settings.targetAcceptance(), stepSize);
  }

  @Override
  public void step() {
    boolean warming = iteration < warmUp;
    int steps = leapfrogSteps();
    double acceptance = transition(stepSize, steps);
    lastAcceptance = acceptance;
    lastStepSize = stepSize;
    if (warming) {
      adapt((int) iteration, acceptance);
    } else {
      acceptanceSum += acceptance;
    }
    iteration++;
  }

  /** One HMC transition; returns the acceptance probability, 0 for a divergence. */
  private double transition(double eps, int steps) {
    // p ~ N(0, M): p_i = z_i / √(M⁻¹)_ii
    for (int i = 0; i < d; i++) momentum[i] = normals.next() / Math.sqrt(inverseMass[i]);
    double h0 = phi + kinetic();
    double phiNew = leapfrog(eps, steps);
    double deltaH = phiNew + kinetic() - h0;
    // NaN ΔH fails this test too
    if (!(deltaH <= settings.maxEnergyError())) {
      recordDivergence();
      return 0.0;
    }
    double acceptance = deltaH <= 0.0 ? 1.0 : Math.exp(-deltaH);
    if (rng.nextDouble() < acceptance) acceptProposal(phiNew);
    return acceptance;
  }

  /**
   * L leapfrog steps from (θ, p) into (proposal, p); stops early at a non-finite potential.
   * @return Φ at the end point
   */
  private double leapfrog(double eps, int steps) {
    System.arraycopy(theta, 0, proposal, 0, d);
    System.arraycopy(grad, 0, proposalGrad, 0, d);
    double phiNew = phi;
    for (int s = 0; s < steps; s++) {
      // p ← p − ε/2 ∇Φ;  θ ← θ + ε M⁻¹ p;  p ← p − ε/2 ∇Φ(θ)
      for (int i = 0; i < d; i++) momentum[i] -= 0.5 * eps * proposalGrad[i];
      for (int i = 0; i < d; i++) proposal[i] += eps * inverseMass[i] * momentum[i];
      phiNew = evaluate(proposal, proposalGrad);
      if (!Double.isFinite(phiNew)) return phiNew;
      for (int i = 0; i < d; i++) momentum[i] -= 0.5 * eps * proposalGrad[i];
    }
    return phiNew;
  }

  private double kinetic() {
    double k = 0.0;
    for (int i = 0; i < d; i++) k += inverseMass[i] * momentum[i] * momentum[i];
    return 0.5 * k;
  }

  private int leapfrogSteps() {
    if (settings.leapfrogSteps() > 0) return settings.leapfrogSteps();
    double length = settings.trajectoryLength() * (1.0 - settings.jitter() * rng.nextDouble());
    double steps = Math.ceil(length / stepSize);
    return (int) Math.max(1.0, Math.min(settings.maxLeapfrogSteps(), steps));
  }

  /**
   * Warm-up adaptation after transition i (Stan's order: step size, then the mass window, after
   * which the step search and dual averaging restart); the final step is calibrated on the final
   * window ({@link GradientChain#adaptStepSize}).
   */
  private void adapt(int i, double acceptance) {
    if (settings.adaptStepSize()) stepSize = adaptStepSize(dualAveraging, i, stepSize, acceptance);
    if (preconditioner.observe(i, theta) && settings.adaptStepSize()) {
      stepSize = reasonableStepSize(stepSize);
      dualAveraging.restart(stepSize);
    }
  }

  @Override
  protected double targetAcceptance() {
    return settings.adaptStepSize() ? settings.targetAcceptance() : Double.NaN;
  }

  /**
   * Hoffman and Gelman (2014), Algorithm 4: from ε, double or halve until the acceptance
   * probability of one leapfrog step from θ crosses ½. Leaves θ unchanged.
   */
  private double reasonableStepSize(double start) {
    double eps = start;
    int direction = 0;
    for (int tries = 0; tries < 100; tries++) {
      for (int i = 0; i < d; i++) momentum[i] = normals.next() / Math.sqrt(inverseMass[i]);
      double h0 = phi + kinetic();
      double deltaH = leapfrog(eps, 1) + kinetic() - h0;
      boolean accept = deltaH < Math.log(2.0);             // e^{−ΔH} > ½; false for NaN
      if (direction == 0) direction = accept ? 1 : -1;
      if (direction == 1 && !accept) return 0.5 * eps;      // the last ε that still accepted
      if (direction == -1 && accept) return eps;
      eps = direction == 1 ? eps * 2.0 : eps * 0.5;
    }
    return eps;
  }
}
