package org.attnpaths.simulation.sampler;

import java.util.SplittableRandom;

/**
 * Hamiltonian Monte Carlo with a diagonal mass matrix (R. M. Neal, "MCMC using Hamiltonian
 * dynamics", Handbook of MCMC, 2011, ch. 5): momentum p ~ N(0, M), H(θ, p) = Φ(θ) + ½ pᵀM⁻¹p,
 * L leapfrog steps of size ε, then an exact Metropolis test min(1, e^{−ΔH}).
 *
 * <p>Trajectory: either a fixed number of steps ({@code leapfrogSteps > 0}) or, with
 * {@code leapfrogSteps == 0}, a length λ with jitter: each transition draws
 * λ_i = λ·(1 − j·u), u ~ U(0, 1), and makes L = ⌈λ_i/ε⌉ steps (at most {@code maxLeapfrogSteps}).
 * The jitter breaks the periodicity of a fixed length on near-Gaussian targets. The default
 * λ = π with j = ½ gives λ_i ∈ [π/2, π]: a quarter to a half period of a unit-variance coordinate
 * after mass adaptation, where successive draws are uncorrelated to antithetic.
 *
 * <p>Warm-up (as numpyro's and Stan's defaults for NUTS, spec §8): the step size is adapted by
 * dual averaging (Hoffman and Gelman 2014, {@link DualAveraging}) towards the mean acceptance
 * probability {@code targetAcceptance} (default 0.8), starting from Hoffman and Gelman's
 * Algorithm 4 heuristic when {@code initialStepSize} is NaN. The diagonal M is chosen by {@code
 * massMatrix} ({@link MassMatrix}): with {@code ADAPTED} (the default) M⁻¹ starts at the prior
 * variances (the whitened parameterisation) and is set to the regularised variance of the draws in
 * Stan's doubling windows ({@link WarmUpSchedule}; {@code POOLED} averages them over exchangeable
 * weights), and the step size search restarts after each window. After warm-up ε is the step
 * calibrated on the final fast window ({@link StepSizeCalibration}; dual averaging's ε̄ when that
 * window does not determine it) and both are fixed.
 *
 * <p>Divergence: a transition whose energy error ΔH exceeds {@code maxEnergyError} (1000, as
 * numpyro and Stan) or whose potential becomes non-finite is rejected and counted.
 *
 * @param initialStepSize ε₀ &gt; 0, or NaN to search for one (Hoffman and Gelman, Algorithm 4)
 * @param leapfrogSteps fixed L ≥ 1, or 0 to use {@code trajectoryLength}
 * @param trajectoryLength λ &gt; 0 (used when {@code leapfrogSteps == 0})
 * @param jitter j ∈ [0, 1]: relative jitter of λ
 * @param maxLeapfrogSteps upper bound on L when it is derived from λ (default 1024 = 2¹⁰, as
 *     NUTS's maximum tree depth 10)
 * @param targetAcceptance δ ∈ (0, 1)
 * @param adaptStepSize whether to adapt ε during warm-up
 * @param massMatrix the diagonal mass matrix: unit, prior variances, or adapted during warm-up
 * @param maxEnergyError divergence threshold on ΔH, &gt; 0
 */
public record HamiltonianMonteCarlo(double initialStepSize, int leapfrogSteps,
    double trajectoryLength, double jitter, int maxLeapfrogSteps, double targetAcceptance,
    boolean adaptStepSize, MassMatrix massMatrix, double maxEnergyError) implements Sampler {

  public HamiltonianMonteCarlo {
    if (!(Double.isNaN(initialStepSize) || initialStepSize > 0.0 && initialStepSize < 1e300)) {
      throw new IllegalArgumentException(
          "initialStepSize: expected > 0 or NaN (search), got " + initialStepSize);
    }
    if (leapfrogSteps < 0) {
      throw new IllegalArgumentException("leapfrogSteps: expected >= 0, got " + leapfrogSteps);
    }
    if (!(trajectoryLength > 0.0 && trajectoryLength < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(
          "trajectoryLength: expected finite > 0, got " + trajectoryLength);
    }
    if (!(jitter >= 0.0 && jitter <= 1.0)) {
      throw new IllegalArgumentException("jitter: expected in [0, 1], got " + jitter);
    }
    if (maxLeapfrogSteps < 1) {
      throw new IllegalArgumentException(
          "maxLeapfrogSteps: expected >= 1, got " + maxLeapfrogSteps);
    }
    if (!(targetAcceptance > 0.0 && targetAcceptance < 1.0)) {
      throw new IllegalArgumentException(
          "targetAcceptance: expected in (0, 1), got " + targetAcceptance);
    }
    if (massMatrix == null) {
      throw new IllegalArgumentException("massMatrix: expected unit, prior or adapted, got null");
    }
    if (!(maxEnergyError > 0.0)) {
      throw new IllegalArgumentException("maxEnergyError: expected > 0, got " + maxEnergyError);
    }
  }

  /**
   * Defaults: ε₀ searched, λ = π with jitter ½, at most 1024 steps, δ = 0.8, step size and
   * diagonal mass adapted (from the prior variances), divergence at ΔH &gt; 1000.
   */
  public static HamiltonianMonteCarlo defaults() {
    return new HamiltonianMonteCarlo(Double.NaN, 0, Math.PI, 0.5, 1024, 0.8, true,
        MassMatrix.ADAPTED, 1000.0);
  }

  /** A copy with ε₀ (NaN: search). */
  public HamiltonianMonteCarlo withInitialStepSize(double stepSize) {
    return new HamiltonianMonteCarlo(stepSize, leapfrogSteps, trajectoryLength, jitter,
        maxLeapfrogSteps, targetAcceptance, adaptStepSize, massMatrix, maxEnergyError);
  }

  /** A copy with a fixed number of leapfrog steps (0: use the trajectory length). */
  public HamiltonianMonteCarlo withLeapfrogSteps(int steps) {
    return new HamiltonianMonteCarlo(initialStepSize, steps, trajectoryLength, jitter,
        maxLeapfrogSteps, targetAcceptance, adaptStepSize, massMatrix, maxEnergyError);
  }

  /** A copy with trajectory length λ and jitter j, and L derived from them. */
  public HamiltonianMonteCarlo withTrajectoryLength(double length, double lengthJitter) {
    return new HamiltonianMonteCarlo(initialStepSize, 0, length, lengthJitter,
        maxLeapfrogSteps, targetAcceptance, adaptStepSize, massMatrix, maxEnergyError);
  }

  /** A copy with target acceptance δ. */
  public HamiltonianMonteCarlo withTargetAcceptance(double target) {
    return new HamiltonianMonteCarlo(initialStepSize, leapfrogSteps, trajectoryLength, jitter,
        maxLeapfrogSteps, target, adaptStepSize, massMatrix, maxEnergyError);
  }

  /** A copy with step-size and mass adaptation switched on or off (off: M = I). */
  public HamiltonianMonteCarlo withAdaptation(boolean stepSize, boolean mass) {
    return new HamiltonianMonteCarlo(initialStepSize, leapfrogSteps, trajectoryLength, jitter,
        maxLeapfrogSteps, targetAcceptance, stepSize, mass ? MassMatrix.ADAPTED : MassMatrix.UNIT,
        maxEnergyError);
  }

  /** A copy with the given mass matrix. */
  public HamiltonianMonteCarlo withMassMatrix(MassMatrix mass) {
    return new HamiltonianMonteCarlo(initialStepSize, leapfrogSteps, trajectoryLength, jitter,
        maxLeapfrogSteps, targetAcceptance, adaptStepSize, mass, maxEnergyError);
  }

  /** A copy with at most {@code steps} leapfrog steps per transition. */
  public HamiltonianMonteCarlo withMaxLeapfrogSteps(int steps) {
    return new HamiltonianMonteCarlo(initialStepSize, leapfrogSteps, trajectoryLength, jitter,
        steps, targetAcceptance, adaptStepSize, massMatrix, maxEnergyError);
  }

  @Override
  public MarkovChain start(Potential potential, double[] initial, SplittableRandom rng,
      int warmUp) {
    return new HmcChain(this, potential, initial, rng, warmUp);
  }
}
