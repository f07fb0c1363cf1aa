package org.attnpaths.numerics.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SpearmanCorrelationTest {

  @Test
  void tiesGetAverageRanks() {
    assertArrayEquals(new double[] {2, 3.5, 3.5, 1}, SpearmanCorrelation.ranks(
        new double[] {10, 20, 20, 5}), 0.0);
    assertArrayEquals(new double[] {2, 2, 2}, SpearmanCorrelation.ranks(new double[] {7, 7, 7}),
        0.0);
  }

  @Test
  void oneAdjacentSwapOfFourGivesPointEightWithExactPValueOneSixth() {
    // Σd² = 2, ρ = 1 − 6·2/(4·15) = 0.8; permutations with Σd² ≤ 2: the identity and the three
    // adjacent swaps, so p = 4/24.
    SpearmanCorrelation.Test t = SpearmanCorrelation.test(new double[] {1, 2, 3, 4},
        new double[] {10, 30, 20, 40}, 100, new SplittableRandom(1));
    assertEquals(0.8, t.rho(), 1e-15);
    assertEquals(4.0 / 24.0, t.pValue(), 1e-15);
    assertEquals("exact", t.method());
    assertEquals(24, t.permutations());
  }

  @Test
  void tiedObservationsByHand() {
    // y ranks (1.5, 1.5, 3, 4): centred x (−1.5, −0.5, 0.5, 1.5), centred y (−1, −1, 0.5, 1.5),
    // ρ = 4.5/√(5·4.5) = √0.9. Only the sorted arrangement (twice: the equal values swapped)
    // reaches it: p = 2/24.
    SpearmanCorrelation.Test t = SpearmanCorrelation.test(new double[] {1, 2, 3, 4},
        new double[] {1, 1, 2, 3}, 100, new SplittableRandom(1));
    assertEquals(Math.sqrt(0.9), t.rho(), 1e-15);
    assertEquals(2.0 / 24.0, t.pValue(), 1e-15);
  }

  @Test
  void monotoneAndReversed() {
    double[] x = {0.3, 0.1, 0.7, 0.5, 0.9};
    double[] up = {3, 1, 7, 5, 9};
    double[] down = {-3, -1, -7, -5, -9};
    assertEquals(1.0, SpearmanCorrelation.rho(x, up), 1e-15);
    assertEquals(-1.0, SpearmanCorrelation.rho(x, down), 1e-15);
    // ρ = 1 is reached by 1 of 5! permutations; ρ = −1 by all of them.
    SpearmanCorrelation.Test t = SpearmanCorrelation.test(x, up, 1, new SplittableRandom(1));
    assertEquals(1.0 / 120.0, t.pValue(), 1e-15);
    assertEquals(1.0, SpearmanCorrelation.test(x, down, 1, new SplittableRandom(1)).pValue(),
        1e-15);
  }

  @Test
  void undefinedForConstantOrTooFewObservations() {
    assertTrue(Double.isNaN(SpearmanCorrelation.rho(new double[] {1, 2, 3},
        new double[] {4, 4, 4})));
    SpearmanCorrelation.Test one = SpearmanCorrelation.test(new double[] {1}, new double[] {2}, 10,
        new SplittableRandom(1));
    assertTrue(Double.isNaN(one.rho()) && Double.isNaN(one.pValue()));
    assertThrows(IllegalArgumentException.class,
        () -> SpearmanCorrelation.rho(new double[] {1, 2}, new double[] {1}));
  }

  @Test
  void monteCarloAboveEightAgreesWithFullEnumeration() {
    // n = 9 is tested by Monte Carlo; enumerate its 9! permutations here as the oracle.
    SplittableRandom data = new SplittableRandom(5);
    double[] x = new double[9];
    double[] y = new double[9];
    for (int i = 0; i < 9; i++) {
      x[i] = data.nextDouble();
      y[i] = x[i] + 0.4 * data.nextDouble();
    }
    int m = 20_000;
    SpearmanCorrelation.Test t = SpearmanCorrelation.test(x, y, m, new SplittableRandom(11));
    assertEquals("monte-carlo", t.method());
    assertEquals(m, t.permutations());
    double exact = bruteForcePValue(x, y);
    // Binomial sd of the estimate: √(p(1−p)/M); allow 4 sd (+ the 1/(1+M) offset).
    double sd = Math.sqrt(exact * (1 - exact) / m);
    assertEquals(exact, t.pValue(), 4 * sd + 1.0 / m, "exact " + exact);
    // Same seed, same answer.
    assertEquals(t.pValue(), SpearmanCorrelation.test(x, y, m, new SplittableRandom(11)).pValue());
  }

  /** Fraction of all permutations of y with ρ ≥ observed, by Heap's algorithm on y itself. */
  private static double bruteForcePValue(double[] x, double[] y) {
    double observed = SpearmanCorrelation.rho(x, y);
    double[] a = y.clone();
    int n = a.length;
    int[] c = new int[n];
    long total = 1;
    long atLeast = SpearmanCorrelation.rho(x, a) >= observed - 1e-12 ? 1 : 0;
    int i = 0;
    while (i < n) {
      if (c[i] < i) {
        int j = i % 2 == 0 ? 0 : c[i];
        double t = a[j];
        a[j] = a[i];
        a[i] = t;
        total++;
        if (SpearmanCorrelation.rho(x, a) >= observed - 1e-12) atLeast++;
        c[i]++;
        i = 0;
      } else {
        c[i] = 0;
        i++;
      }
    }
    assertEquals(362_880, total);
    return (double) atLeast / total;
  }
}
