package org.attnpaths.numerics.mcmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RhatTest {

  @Test
  void handComputedSplitRhat() {
    // halves [1,2] [3,4] [5,6] [7,8]: W = 1/2, var of means (1.5, 3.5, 5.5, 7.5) = 20/3,
    // var+ = (1/2)(1/2) + 20/3, R = √(var+/W) = √(83/6).
    double[][] draws = {{1, 2, 3, 4}, {5, 6, 7, 8}};
    assertEquals(Math.sqrt(83.0 / 6.0), Rhat.split(draws), 1e-12);
  }

  @Test
  void oddLengthDropsTheMiddleDraw() {
    double[][] odd = {{1, 2, 100, 3, 4}, {5, 6, -100, 7, 8}};
    assertEquals(Math.sqrt(83.0 / 6.0), Rhat.split(odd), 1e-12);
  }

  @Test
  void iidChainsGiveRhatNearOne() {
    // 4 chains × 2000 iid N(0,1): R̂ − 1 is O(1/n) ≈ 1e-3, so 1.01 is a wide bound.
    double[][] draws = SyntheticChains.iid(4, 2000, 345);
    assertTrue(Rhat.split(draws) < 1.01, "split R-hat " + Rhat.split(draws));
    assertTrue(Rhat.rankNormalized(draws) < 1.01, "rank R-hat " + Rhat.rankNormalized(draws));
  }

  @Test
  void shiftedChainIsDetected() {
    // One of 4 chains shifted by 2 sd: expected var+/W ≈ 1 + 6/7, R̂ ≈ 1.36.
    double[][] draws = SyntheticChains.iid(4, 1000, 346);
    for (int i = 0; i < 1000; i++) draws[3][i] += 2.0;
    assertTrue(Rhat.split(draws) > 1.1, "split R-hat " + Rhat.split(draws));
    assertTrue(Rhat.rankNormalized(draws) > 1.1, "rank R-hat " + Rhat.rankNormalized(draws));
  }

  @Test
  void driftWithinOneChainIsDetectedBySplitting() {
    // One chain drifting linearly from −2 to +2 on top of N(0, 1) noise: its halves disagree.
    double[][] draws = SyntheticChains.iid(1, 2000, 347);
    for (int i = 0; i < 2000; i++) draws[0][i] += -2.0 + 4.0 * i / 1999.0;
    assertTrue(Rhat.split(draws) > 1.1, "split R-hat " + Rhat.split(draws));
  }

  @Test
  void scaleDifferenceIsDetectedOnlyByTheFoldedRankRhat() {
    // Equal means, chain 4 has sd 3: classic R̂ ≈ 1, the folded (tail) rank R̂ is well above 1.
    double[][] draws = SyntheticChains.iid(4, 2000, 348);
    for (int i = 0; i < 2000; i++) draws[3][i] *= 3.0;
    assertTrue(Rhat.split(draws) < 1.02, "split R-hat " + Rhat.split(draws));
    assertTrue(Rhat.rankNormalized(draws) > 1.1, "rank R-hat " + Rhat.rankNormalized(draws));
  }

  @Test
  void heavyTailsDoNotFoolTheRankRhat() {
    // 4 × 2000 iid standard Cauchy draws: mixed, so the rank-normalised R̂ is < 1.01.
    SplittableRandom rng = new SplittableRandom(349);
    double[][] draws = new double[4][2000];
    for (double[] chain : draws) {
      for (int i = 0; i < chain.length; i++) {
        chain[i] = Math.tan(Math.PI * (rng.nextDouble() - 0.5));
      }
    }
    assertTrue(Rhat.rankNormalized(draws) < 1.01, "rank R-hat " + Rhat.rankNormalized(draws));
  }

  @Test
  void inverseNormalCdfMatchesReferenceQuantiles() {
    assertEquals(0.0, Rhat.inverseNormalCdf(0.5), 1e-15);
    assertEquals(1.959963984540054, Rhat.inverseNormalCdf(0.975), 1e-13);
    assertEquals(-1.959963984540054, Rhat.inverseNormalCdf(0.025), 1e-13);
    // Hipparchus's erfcInv is accurate to ≈ 2e-9 relative this far out; ranks need far less.
    assertEquals(-6.361340902404056, Rhat.inverseNormalCdf(1e-10), 1e-7);
  }

  @Test
  void tiesGetTheirAverageRank() {
    // pooled draws 1, 2, 2, 3 (S = 4): ranks 1, 2.5, 2.5, 4 → z = Φ⁻¹((r − 3/8)/(4 + 1/4))
    double[][] z = Rhat.rankNormalScores(new double[][] {{2, 1}, {3, 2}});
    assertEquals(Rhat.inverseNormalCdf((2.5 - 0.375) / 4.25), z[0][0], 1e-15);
    assertEquals(z[0][0], z[1][1], 0.0);
    assertEquals(Rhat.inverseNormalCdf((1 - 0.375) / 4.25), z[0][1], 1e-15);
    assertEquals(-z[0][1], z[1][0], 1e-12);
  }

  @Test
  void constantDrawsGiveNaN() {
    assertTrue(Double.isNaN(Rhat.split(new double[][] {{1, 1, 1, 1}, {1, 1, 1, 1}})));
  }

  @Test
  void rejectsRaggedAndShortAndNonFinite() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Rhat.split(new double[][] {{1, 2, 3, 4}, {1, 2, 3}}));
    assertTrue(e.getMessage().contains("chain 1 has 3 draws"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Rhat.split(new double[][] {{1, 2, 3}}));
    assertThrows(IllegalArgumentException.class, () -> Rhat.split(new double[0][]));
    assertThrows(IllegalArgumentException.class,
        () -> Rhat.split(new double[][] {{1, 2, Double.NaN, 4}}));
  }
}
