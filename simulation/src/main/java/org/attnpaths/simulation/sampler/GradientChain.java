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
  protected double lastAcceptance = Double.NaN;
  private final StepSizeCalibration calibration;
  private final int finalWindowStart;
  private final boolean keepCalibrated;
  private double averagedStepSize = Double.NaN;
  private double calibratedStepSize = Double.NaN;
  private double finalWindowAcceptance = Double.NaN;
  protected double lastStepSize = Double.NaN;
  private long gradientEvaluations;

  /**
   * @param initial θ₀, copied
   * @param calibrationExponent k of {@link StepSizeCalibration}: 4 for HMC, 3 for MALA
   * @param keepCalibrated whether the step kept after warm-up is the calibrated one (HMC) or
   *     dual averaging's ε̄ (MALA), see {@link #adaptStepSize}
   * @throws IllegalArgumentException if θ₀ has the wrong length, warmUp &lt; 0, or Φ(θ₀) is not finite
   */
  GradientChain(Potential potential, double[] initial, SplittableRandom rng, int warmUp,
      int calibrationExponent, boolean keepCalibrated) {
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
    WarmUpSchedule schedule = new WarmUpSchedule(warmUp);
    finalWindowStart = schedule.finalWindowStart();
    this.keepCalibrated = keepCalibrated;
    calibration = new StepSizeCalibration(warmUp - finalWindowStart, calibrationExponent);
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

  /**
   * The step-size part of the warm-up after transition i (0-based) that tried step ε and had
   * acceptance α: dual averaging throughout; the (ε, α) pairs of the final window ({@link
   * WarmUpSchedule#finalWindowStart}) are kept, and at the last warm-up transition the step kept
   * is the one they calibrate ({@link StepSizeCalibration}) for HMC, or dual averaging's ε̄ for
   * MALA and whenever the pairs do not determine it.
   *
   * <p>Why two rules (measured on a 100-D Gaussian of condition 10⁸ started 30 sd from its mode,
   * 3 seeds × 2 chains, warm-ups 100–1000): HMC after warm-up accepts 0.68–0.88 with the
   * calibrated step against δ = 0.8 (ε̄ is 25–45 % smaller, accepting more); MALA accepts
   * 0.45–0.68 with ε̄ against δ = 0.574 but only 0.16–0.56 with the calibrated step: MALA's
   * acceptance depends on the state (it sticks where it rejects), and the adaptive steps escape
   * those states, so the window's pairs overstate the fixed-step chain's acceptance.
   *
   * @return the step size for the next transition
   */
  protected final double adaptStepSize(DualAveraging dualAveraging, int i, double eps,
      double acceptance) {
    double next = dualAveraging.update(acceptance);
    if (i >= finalWindowStart) calibration.add(eps, acceptance);
    if (i == warmUp - 1) {
      averagedStepSize = dualAveraging.averagedStepSize();
      calibratedStepSize = calibration.calibrated(dualAveraging.target());
      finalWindowAcceptance = calibration.meanAcceptance();
      next = keepCalibrated && Double.isFinite(calibratedStepSize)
          ? calibratedStepSize : averagedStepSize;
    }
    return next;
  }

  /** Counts a divergence in warm-up or in sampling, by the current transition. */
  protected final void recordDivergence() {
    if (iteration < warmUp) warmUpDivergences++; else divergences++;
  }

  /** δ, the acceptance the step size is adapted towards (NaN when it is not adapted). */
  protected abstract double targetAcceptance();

  @Override
  public final double lastAcceptance() {
    return lastAcceptance;
  }

  @Override
  public final double lastStepSize() {
    return lastStepSize;
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
        stepSize, warmUpDivergences, divergences, gradientEvaluations, targetAcceptance(),
        averagedStepSize, calibratedStepSize, finalWindowAcceptance);
  }
}
