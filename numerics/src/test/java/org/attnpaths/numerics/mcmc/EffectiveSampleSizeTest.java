package org.attnpaths.numerics.mcmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class EffectiveSampleSizeTest {

  @Test
  void iidChainsHaveEssNearTheirLength() {
    // 4 × 2000 iid N(0,1): ESS = 8000; the estimator's relative sd is a few %, tolerance 10 %.
    double[][] draws = SyntheticChains.iid(4, 2000, 11);
    assertEquals(8000.0, EffectiveSampleSize.of(draws), 800.0);
  }

  @ParameterizedTest(name = "rho = {0}")
  @CsvSource({"0.5", "0.8", "-0.5"})
  void ar1ChainsMatchTheClosedForm(double rho) {
    // 4 × 10 000 AR(1) draws: ESS = S (1−ρ)/(1+ρ) (6667, 2222, 120 000 for ρ = .5, .8, −.5).
    // Relative sd of τ̂ ≈ √(2(2M+1)/n) with M the truncation lag: < 5 %; tolerance 15 %.
    // ρ < 0 is antithetic: ESS exceeds S, which Geyer's estimator with Stan's bound allows.
    double[][] draws = SyntheticChains.ar1(4, 10_000, rho, 12);
    double expected = 40_000 * (1 - rho) / (1 + rho);
    double ess = EffectiveSampleSize.of(draws);
    assertEquals(expected, ess, 0.15 * expected, "ESS " + ess);
  }

  @Test
  void disagreeingChainsHaveSmallEss() {
    // One of 4 iid chains shifted by 2 sd: the between-chain variance enters ρ̂_t at every lag.
    double[][] draws = SyntheticChains.iid(4, 2000, 13);
    for (int i = 0; i < 2000; i++) draws[3][i] += 2.0;
    assertTrue(EffectiveSampleSize.of(draws) < 1000, "ESS " + EffectiveSampleSize.of(draws));
  }

  @Test
  void mcseOfIidDrawsIsOneOverRootS() {
    // 4 × 2000 iid N(0,1): MCSE = 1/√8000; ESS within 10 % gives MCSE within ≈ 5 %, tolerance 8 %.
    double[][] draws = SyntheticChains.iid(4, 2000, 14);
    double expected = 1 / Math.sqrt(8000);
    assertEquals(expected, MonteCarloStandardError.ofMean(draws), 0.08 * expected);
  }

  @Test
  void summaryCollectsTheDiagnostics() {
    double[][] draws = SyntheticChains.ar1(4, 2000, 0.5, 15);
    DrawSummary s = DrawSummary.of(draws);
    assertEquals(EffectiveSampleSize.of(draws), s.ess(), 0.0);
    assertEquals(Rhat.split(draws), s.rhat(), 0.0);
    assertEquals(s.sd() / Math.sqrt(s.ess()), s.mcse(), 1e-15);
    assertEquals(4, s.chains());
    assertEquals(2000, s.drawsPerChain());
    assertTrue(s.converged(400), s.toString());
    assertTrue(Math.abs(s.mean()) < 4 * s.mcse(), s.toString());
  }
}
