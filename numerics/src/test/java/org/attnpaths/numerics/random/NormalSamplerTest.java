package org.attnpaths.numerics.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NormalSamplerTest {

  // n = 200 000 draws; every tolerance below is 4 standard errors of its estimator.
  private static final int N = 200_000;

  @Test
  void momentsMatchTheStandardNormal() {
    double[] z = NormalSampler.seeded(345).next(N);
    double m1 = 0, m2 = 0, m4 = 0;
    int within1 = 0;
    for (double v : z) {
      m1 += v;
      m2 += v * v;
      m4 += v * v * v * v;
      if (Math.abs(v) < 1.0) within1++;
    }
    m1 /= N;
    m2 /= N;
    m4 /= N;
    assertEquals(0.0, m1, 4 * Math.sqrt(1.0 / N));            // sd(mean) = 1/√n
    assertEquals(1.0, m2, 4 * Math.sqrt(2.0 / N));            // sd(mean z²) = √(2/n)
    assertEquals(3.0, m4, 4 * Math.sqrt(96.0 / N));           // var z⁴ = 105 − 9 = 96
    double p1 = 0.6826894921370859;                            // P(|z| < 1)
    assertEquals(p1, within1 / (double) N, 4 * Math.sqrt(p1 * (1 - p1) / N));
  }

  @Test
  void pairsAreUncorrelated() {
    // The polar method returns (u·m, v·m) as consecutive values: they must be independent.
    double[] z = NormalSampler.seeded(346).next(N);
    double c = 0;
    for (int i = 0; i + 1 < N; i += 2) c += z[i] * z[i + 1];
    c /= N / 2.0;
    assertEquals(0.0, c, 4 * Math.sqrt(2.0 / N));
  }

  @Test
  void sameSeedSameDrawsDifferentSeedDifferentDraws() {
    double[] a = NormalSampler.seeded(7).next(1001);
    double[] b = new NormalSampler(new SplittableRandom(7)).next(1001);
    assertArrayEquals(a, b);
    assertFalse(Arrays.equals(a, NormalSampler.seeded(8).next(1001)));
  }

  @Test
  void fillEqualsSequentialNext() {
    NormalSampler s1 = NormalSampler.seeded(9);
    NormalSampler s2 = NormalSampler.seeded(9);
    double[] out = new double[7];
    s1.fill(out, 2, 7);
    assertEquals(0.0, out[0]);
    assertEquals(0.0, out[1]);
    for (int i = 2; i < 7; i++) assertEquals(s2.next(), out[i]);
  }

  @Test
  void rejectsBadArguments() {
    NormalSampler s = NormalSampler.seeded(1);
    assertThrows(IllegalArgumentException.class, () -> new NormalSampler(null));
    assertThrows(IllegalArgumentException.class, () -> s.fill(new double[3], 2, 4));
    assertThrows(IllegalArgumentException.class, () -> s.next(-1));
  }

  /**
   * Kolmogorov–Smirnov distance to Φ over 400 000 draws: the 0.1 % critical value is
   * 1.95/√n ≈ 0.0031 (a wrong layer table or wedge test shows up far above it).
   */
  @org.junit.jupiter.api.Test
  void distributionFunctionMatchesTheStandardNormal() {
    int n = 400_000;
    double[] z = NormalSampler.seeded(11).next(n);
    java.util.Arrays.sort(z);
    org.hipparchus.distribution.continuous.NormalDistribution phi =
        new org.hipparchus.distribution.continuous.NormalDistribution(0, 1);
    double d = 0.0;
    for (int i = 0; i < n; i++) {
      double f = phi.cumulativeProbability(z[i]);
      d = Math.max(d, Math.max(Math.abs(f - i / (double) n), Math.abs(f - (i + 1) / (double) n)));
    }
    assertTrue(d < 1.95 / Math.sqrt(n), "KS distance " + d);
  }

  /** The tail branch: P(|z| > 3.4426) = 5.76e-4; over 2 000 000 draws 1152 ± 4σ (σ ≈ 34). */
  @org.junit.jupiter.api.Test
  void tailBeyondTheBaseLayerHasTheNormalFrequency() {
    NormalSampler s = NormalSampler.seeded(12);
    int n = 2_000_000;
    int beyond = 0;
    int beyond4 = 0;
    for (int i = 0; i < n; i++) {
      double v = Math.abs(s.next());
      if (v > 3.442619855899) beyond++;
      if (v > 4.0) beyond4++;
    }
    double p = 2 * (1 - new org.hipparchus.distribution.continuous.NormalDistribution(0, 1)
        .cumulativeProbability(3.442619855899));
    assertEquals(p * n, beyond, 4 * Math.sqrt(p * n));
    double p4 = 6.334e-5;                                          // 2(1 − Φ(4))
    assertEquals(p4 * n, beyond4, 4 * Math.sqrt(p4 * n));
  }
}
