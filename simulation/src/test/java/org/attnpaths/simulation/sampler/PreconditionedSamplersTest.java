package org.attnpaths.simulation.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.attnpaths.numerics.mcmc.DrawSummary;
import org.junit.jupiter.api.Test;

/**
 * The diagonal preconditioners ({@link MassMatrix}) of HMC and Langevin leave the target
 * invariant and make badly scaled targets cheap. Tolerances as in {@link
 * HamiltonianMonteCarloTest}: every mean and covariance entry within 5 MCSE, the MCSE from that
 * functional's own ESS over 4 chains, ESS ≥ 400.
 */
class PreconditionedSamplersTest {

  @Test
  void hmcWithThePriorMassRecoversAVeryAnisotropicGaussian() {
    // cond(Σ) ≈ 10⁷; whitened by the prior scales it is the AR(1) matrix with cond 9, so the
    // adapted ε is O(1) in the whitened units instead of O(10⁻³).
    GaussianPotential target = Targets.anisotropic10d();
    HamiltonianMonteCarlo hmc = HamiltonianMonteCarlo.defaults().withMassMatrix(MassMatrix.PRIOR);
    ChainSamples s = ChainRunner.run(hmc, c -> Targets.anisotropic10d(),
        InitialState.fixed(target.mean), c -> new GaussianMoments(target.mean),
        RunSettings.of(4, 300, 1000, 41));
    GaussianMoments.assertRecovered(s, target.mean, target.covariance, 5.0, 400, null);
    for (ChainStatistics c : s.statistics()) {
      assertTrue(c.stepSize() > 0.1, c.toString());
      assertEquals(0, c.divergences(), c.toString());
    }
  }

  @Test
  void malaWithThePriorPreconditionerRecoversAVeryAnisotropicGaussian() {
    // Unpreconditioned MALA would need η ≲ 10⁻⁶ here (the 10⁻³ scale) and ~10⁶ steps to cross
    // the unit scale; whitened, η is O(0.1–1) and 4 × 2000 draws thinned by 5 give ESS ≥ 400.
    GaussianPotential target = Targets.anisotropic10d();
    LangevinDynamics mala = LangevinDynamics.metropolisAdjusted(0.1)
        .withMassMatrix(MassMatrix.PRIOR);
    ChainSamples s = ChainRunner.run(mala, c -> Targets.anisotropic10d(),
        InitialState.fixed(target.mean), c -> new GaussianMoments(target.mean),
        new RunSettings(4, 1000, 2000, 5, 42, 0));
    GaussianMoments.assertRecovered(s, target.mean, target.covariance, 5.0, 400, null);
    for (ChainStatistics c : s.statistics()) assertTrue(c.stepSize() > 0.05, c.toString());
    assertEquals(LangevinDynamics.OPTIMAL_MALA_ACCEPTANCE, s.meanAcceptance(), 0.15);
  }

  @Test
  void malaWithTheAdaptedPreconditionerLearnsTheScalesAndRecoversTheTarget() {
    // No scale hint (priorVariance = 1): M⁻¹ is learnt from the warm-up windows on the 10-D
    // target with sd 0.3 … 3 (cond(Σ) ≈ 10³). Adapting M changes the kernel only during warm-up,
    // so the retained chain is exact.
    GaussianPotential target = Targets.badlyScaled10d();
    LangevinDynamics mala = LangevinDynamics.metropolisAdjusted(0.1)
        .withMassMatrix(MassMatrix.ADAPTED);
    ChainSamples s = ChainRunner.run(mala, c -> Targets.badlyScaled10d(),
        InitialState.uniform(10, 2.0), c -> new GaussianMoments(target.mean),
        new RunSettings(4, 1500, 2000, 5, 43, 0));
    GaussianMoments.assertRecovered(s, target.mean, target.covariance, 5.0, 400, null);
    // With M = I the step is set by the 0.3 scale (η ≈ 0.02 here); with the learnt M by the
    // whitened correlation matrix (η of order 0.1–1).
    ChainSamples unit = ChainRunner.run(LangevinDynamics.metropolisAdjusted(0.1),
        c -> Targets.badlyScaled10d(), InitialState.uniform(10, 2.0),
        c -> new GaussianMoments(target.mean), new RunSettings(1, 1500, 10, 1, 43, 0));
    double unitStep = unit.statistics().get(0).stepSize();
    for (ChainStatistics c : s.statistics()) {
      assertTrue(c.stepSize() > 3 * unitStep, c + " vs unit η = " + unitStep);
    }
  }

  @Test
  void preconditionedUnadjustedLangevinHasTheWhitenedClosedFormVariance() {
    // Φ = θ²/(2s²), s = 0.01, M⁻¹ = s²: in z = θ/s ULA is AR(1) with ρ = 1 − η = ½ at η = ½, and
    // var z = 1/(1 − η/2) = 4/3, so var θ = (4/3)s² (the unpreconditioned chain would diverge at
    // any η > 2s² = 2·10⁻⁴). 4 × 5000 draws: ESS ≈ 12 000, MCSE of E θ² ≈ 0.017 s².
    double s2 = 1e-4;
    Potential target = new GaussianPotential(new double[] {0.0}, new double[][] {{s2}})
        .withPriorVariance(new double[] {s2});
    SampleFunctional square = new SampleFunctional() {
      @Override public int size() {
        return 1;
      }

      @Override public void evaluate(double[] theta, double[] out) {
        out[0] = theta[0] * theta[0] / s2;
      }
    };
    LangevinDynamics ula = LangevinDynamics.unadjusted(0.5).withMassMatrix(MassMatrix.PRIOR);
    ChainSamples s = ChainRunner.run(ula, c -> target, InitialState.fixed(new double[] {0.0}),
        c -> square, RunSettings.of(4, 100, 5000, 44));
    DrawSummary v = s.summary(0);
    assertEquals(4.0 / 3.0, v.mean(), 5 * v.mcse(), v.toString());
    assertTrue(Math.abs(v.mean() - 1.0) > 10 * v.mcse(), v.toString());
  }

  @Test
  void preconditionedUnadjustedLangevinMatchesTheClosedFormCovariance10d() {
    // In z = M^{1/2}θ the target has precision A_z = M^{−1/2} A M^{−1/2} (the AR(1) correlation
    // inverse, eigenvalues 1/3 … 3); ULA's stationary covariance is M^{−1/2}(A_z − ηA_z²/2)⁻¹
    // M^{−1/2}, exactly. η = 0.05 as in the unpreconditioned 10-D test (same mixing there).
    GaussianPotential target = Targets.anisotropic10d();
    double eta = 0.05;
    int d = 10;
    double[] sd = new double[d];
    double[] variance = new double[d];
    target.priorVariance(variance);
    for (int i = 0; i < d; i++) sd[i] = Math.sqrt(variance[i]);
    double[][] az = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) az[i][j] = sd[i] * target.precision[i][j] * sd[j];
    }
    double[][] vz = LangevinDynamicsTest.ulaCovariance(az, eta);
    double[][] v = new double[d][d];
    for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) v[i][j] = sd[i] * vz[i][j] * sd[j];
    LangevinDynamics ula = LangevinDynamics.unadjusted(eta).withMassMatrix(MassMatrix.PRIOR);
    ChainSamples s = ChainRunner.run(ula, c -> Targets.anisotropic10d(),
        InitialState.fixed(target.mean), c -> new GaussianMoments(target.mean),
        new RunSettings(4, 1000, 2000, 10, 45, 0));
    GaussianMoments.assertRecovered(s, target.mean, v, 5.0, 400, null);
  }

  @Test
  void rejectsAnAdaptedPreconditionerForUnadjustedLangevinAndABadPriorVariance() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LangevinDynamics.unadjusted(0.1).withMassMatrix(MassMatrix.ADAPTED));
    assertTrue(e.getMessage().startsWith("massMatrix"), e.getMessage());
    Potential zero = new GaussianPotential(new double[] {0.0}, new double[][] {{1.0}})
        .withPriorVariance(new double[] {0.0});
    IllegalArgumentException z = assertThrows(IllegalArgumentException.class,
        () -> HamiltonianMonteCarlo.defaults().withMassMatrix(MassMatrix.PRIOR)
            .start(zero, new double[] {0.0}, new SplittableRandom(1), 10));
    assertTrue(z.getMessage().contains("prior variance"), z.getMessage());
  }
}
