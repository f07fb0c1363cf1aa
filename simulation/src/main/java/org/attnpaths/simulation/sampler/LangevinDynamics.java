package org.attnpaths.simulation.sampler;

import java.util.SplittableRandom;

/**
 * Langevin dynamics for exp(−Φ): noisy gradient descent θ ← θ − η∇Φ(θ) + √(2η)·ξ, ξ ~ N(0, I),
 * the Euler–Maruyama discretisation of dθ = −∇Φ dt + √2 dW. The temperature is inside Φ (spec
 * §8), so for the network this is gradient descent on the loss/T with the prior as weight decay,
 * plus noise.
 *
 * <p><b>Unadjusted (ULA, {@code metropolis = false}).</b> Every step is accepted, so the chain's
 * stationary law is not exp(−Φ) but a perturbation of it, with an O(η) bias (G. O. Roberts and
 * R. L. Tweedie, "Exponential convergence of Langevin distributions and their discrete
 * approximations", Bernoulli 2, 1996). It is exact for a Gaussian: with Φ = ½(θ−μ)ᵀA(θ−μ),
 * θ' − μ = (I − ηA)(θ − μ) + √(2η)ξ, the stationary mean is μ and the stationary covariance V
 * solves V = (I − ηA)V(I − ηA) + 2ηI; V commutes with A, so each eigenvalue λ of A gives
 * v = 2η/(1 − (1−ηλ)²) = 1/(λ(1 − ηλ/2)), i.e.
 * <pre>
 *   V = (A − ηA²/2)⁻¹ = A⁻¹ (I − ηA/2)⁻¹ = A⁻¹ + (η/2)I + O(η²).
 * </pre>
 * In one dimension, Φ = θ²/(2s²): var = s²/(1 − η/(2s²)). The chain is stable only for
 * η &lt; 2/λ_max(A). Use a step size small against the smallest posterior scale, or MALA.
 *
 * <p><b>Metropolis-adjusted (MALA, {@code metropolis = true}).</b> The same move is a proposal
 * accepted with probability min(1, exp(−Φ(θ') + Φ(θ) − |θ − θ' + η∇Φ(θ')|²/(4η)
 * + |θ' − θ + η∇Φ(θ)|²/(4η))) (Roberts and Tweedie 1996), which removes the bias. With
 * {@code adaptStepSize}, η is tuned during warm-up by dual averaging ({@link DualAveraging})
 * towards {@code targetAcceptance}, by default 0.574, the optimal MALA acceptance of G. O. Roberts
 * and J. S. Rosenthal, "Optimal scaling of discrete approximations to Langevin diffusions",
 * JRSS B 60 (1998).
 *
 * <p><b>Preconditioning.</b> With a diagonal M ({@link MassMatrix}) the move is
 * θ' = θ − η M⁻¹∇Φ(θ) + √(2η) M^{−1/2} ξ, i.e. the plain move in the coordinates M^{1/2}θ (so the
 * ULA closed form above holds with A replaced by M^{−1/2} A M^{−1/2}), and the MALA proposal
 * densities use the norm |r|²_M = rᵀMr. {@code PRIOR} whitens every coordinate by its prior scale;
 * {@code ADAPTED} and {@code POOLED} (MALA only) set M⁻¹ from the warm-up draws in Stan's windows,
 * as HMC does, and restart the step-size adaptation after each window; after warm-up η is dual
 * averaging's ε̄.
 *
 * @param stepSize η &gt; 0 (the initial one when adapted)
 * @param metropolis whether to add the Metropolis test (MALA)
 * @param adaptStepSize whether to adapt η during warm-up (MALA only; ULA's bias depends on η)
 * @param targetAcceptance δ ∈ (0, 1) for the adaptation
 * @param massMatrix the diagonal preconditioner M (ADAPTED and POOLED only with MALA)
 */
public record LangevinDynamics(double stepSize, boolean metropolis, boolean adaptStepSize,
    double targetAcceptance, MassMatrix massMatrix) implements Sampler {

  /** Roberts and Rosenthal (1998): the optimal MALA acceptance rate. */
  public static final double OPTIMAL_MALA_ACCEPTANCE = 0.574;

  public LangevinDynamics {
    if (!(stepSize > 0.0 && stepSize < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("stepSize: expected finite > 0, got " + stepSize);
    }
    if (adaptStepSize && !metropolis) {
      throw new IllegalArgumentException(
          "adaptStepSize: expected false for unadjusted Langevin (its bias depends on η), "
              + "got true");
    }
    if (!(targetAcceptance > 0.0 && targetAcceptance < 1.0)) {
      throw new IllegalArgumentException(
          "targetAcceptance: expected in (0, 1), got " + targetAcceptance);
    }
    if (massMatrix == null) {
      throw new IllegalArgumentException("massMatrix: expected unit, prior or adapted, got null");
    }
    if (massMatrix.adapted() && !metropolis) {
      throw new IllegalArgumentException("massMatrix: expected unit or prior for unadjusted "
          + "Langevin (its bias depends on M), got " + massMatrix.label());
    }
  }

  /** Unadjusted Langevin with fixed step η and M = I. */
  public static LangevinDynamics unadjusted(double stepSize) {
    return new LangevinDynamics(stepSize, false, false, OPTIMAL_MALA_ACCEPTANCE, MassMatrix.UNIT);
  }

  /** MALA from initial step η, adapted during warm-up towards acceptance 0.574; M = I. */
  public static LangevinDynamics metropolisAdjusted(double stepSize) {
    return new LangevinDynamics(stepSize, true, true, OPTIMAL_MALA_ACCEPTANCE, MassMatrix.UNIT);
  }

  /** A copy with the given preconditioner. */
  public LangevinDynamics withMassMatrix(MassMatrix mass) {
    return new LangevinDynamics(stepSize, metropolis, adaptStepSize, targetAcceptance, mass);
  }

  @Override
  public MarkovChain start(Potential potential, double[] initial, SplittableRandom rng,
      int warmUp) {
    return new LangevinChain(this, potential, initial, rng, warmUp);
  }
}
