package org.attnpaths.simulation.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HamiltonianMonteCarloTest {

  // Tolerances: every mean and covariance entry within 5 MCSE, the MCSE from the ESS of that very
  // functional over 4 chains (≥ 400 effective draws each, so the MCSE is itself accurate to
  // ≈ 5 %); 5σ keeps the ~65 simultaneous checks of the 10-D case free of false alarms
  // (P ≈ 65 · 6e-7), while a sampler bias larger than a few % of a standard deviation fails.

  @Test
  void recoversCorrelated2dGaussian() {
    GaussianPotential target = Targets.correlated2d();
    ChainSamples s = ChainRunner.run(HamiltonianMonteCarlo.defaults(), c -> Targets.correlated2d(),
        InitialState.uniform(2, 2.0), c -> new GaussianMoments(target.mean),
        RunSettings.of(4, 500, 1000, 21));
    GaussianMoments.assertRecovered(s, target.mean, target.covariance, 5.0, 400, null);
    assertEquals(0, s.divergences());
  }

  @Test
  void recoversBadlyScaled10dGaussianWithAdaptedMassAndAcceptanceNearTarget() {
    // cond(Σ) ≈ 10³: without the diagonal mass adaptation ε is set by the 0.17 scale and the
    // 5.2 scale would need ~30× longer trajectories.
    GaussianPotential target = Targets.badlyScaled10d();
    ChainSamples s = ChainRunner.run(HamiltonianMonteCarlo.defaults(),
        c -> Targets.badlyScaled10d(), InitialState.uniform(10, 2.0),
        c -> new GaussianMoments(target.mean), RunSettings.of(4, 1000, 1000, 22));
    GaussianMoments.assertRecovered(s, target.mean, target.covariance, 5.0, 400, null);
    // Dual averaging makes the mean acceptance of the fluctuating ε_t equal δ = 0.8 during the
    // warm-up; the kept ε̄ is their geometric mean, and α(ε) is concave there, so by Jensen the
    // post-warm-up acceptance lies above δ (observed 0.88–0.94 here, as Stan users see with
    // adapt_delta = 0.8). Bounds: at least δ − 0.05, at most 0.97 (an ε̄ far too small).
    for (ChainStatistics c : s.statistics()) {
      assertTrue(c.meanAcceptance() > 0.75 && c.meanAcceptance() < 0.97, c.toString());
      assertEquals(0, c.divergences(), c.toString());
      assertEquals(1000, c.warmUpTransitions());
      assertEquals(1000, c.transitions());
    }
  }

  @Test
  void fixedStepsWithoutAdaptationStillSampleTheTarget() {
    // Identity mass, fixed ε = 0.3, L = 5 on the 2-D target: exact Metropolis correction means no
    // bias whatever the (stable) tuning.
    GaussianPotential target = Targets.correlated2d();
    HamiltonianMonteCarlo hmc = HamiltonianMonteCarlo.defaults().withAdaptation(false, false)
        .withInitialStepSize(0.3).withLeapfrogSteps(5);
    ChainSamples s = ChainRunner.run(hmc, c -> Targets.correlated2d(),
        InitialState.fixed(target.mean), c -> new GaussianMoments(target.mean),
        RunSettings.of(4, 200, 2000, 23));
    GaussianMoments.assertRecovered(s, target.mean, target.covariance, 5.0, 400, null);
    assertEquals(0.3, s.statistics().get(0).stepSize(), 0.0);
  }

  @Test
  void unstableLeapfrogIsCountedAsDivergenceAndRejected() {
    // Φ = θ²/(2·0.01): leapfrog is unstable for ε > 2σ = 0.2; with ε = 3, L = 10 the energy error
    // grows like (ε/σ)^{2L} ≫ 1000, so every transition diverges and θ stays at θ₀.
    Potential stiff = new GaussianPotential(new double[] {0.0}, new double[][] {{0.01}});
    HamiltonianMonteCarlo hmc = HamiltonianMonteCarlo.defaults().withAdaptation(false, false)
        .withInitialStepSize(3.0).withLeapfrogSteps(10);
    MarkovChain chain = hmc.start(stiff, new double[] {0.05}, new SplittableRandom(24), 0);
    for (int i = 0; i < 20; i++) chain.step();
    ChainStatistics st = chain.statistics();
    assertEquals(20, st.divergences());
    assertEquals(0.0, st.meanAcceptance(), 0.0);
    assertEquals(0.05, chain.position()[0], 0.0);
  }

  @Test
  void searchedStepSizeIsOfTheOrderOfTheScale() {
    // Algorithm 4 on a 1-D N(0, 0.01²) started at θ = 0: one leapfrog step accepts with
    // probability ½ at ε of order σ = 0.01 (here between σ/8 and 8σ).
    Potential narrow = new GaussianPotential(new double[] {0.0}, new double[][] {{1e-4}});
    HamiltonianMonteCarlo hmc = HamiltonianMonteCarlo.defaults().withAdaptation(false, false);
    MarkovChain chain = hmc.start(narrow, new double[] {0.0}, new SplittableRandom(25), 0);
    double eps = chain.statistics().stepSize();
    assertTrue(eps > 0.01 / 8 && eps < 0.01 * 8, "ε = " + eps);
  }

  @Test
  void rejectsBadSettings() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> HamiltonianMonteCarlo.defaults().withTargetAcceptance(1.0));
    assertTrue(e.getMessage().startsWith("targetAcceptance"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> HamiltonianMonteCarlo.defaults().withInitialStepSize(-1.0));
    assertThrows(IllegalArgumentException.class, () -> HamiltonianMonteCarlo.defaults()
        .start(Targets.correlated2d(), new double[3], new SplittableRandom(1), 10));
  }
}
