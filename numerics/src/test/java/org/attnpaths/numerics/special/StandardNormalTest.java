package org.attnpaths.numerics.special;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.special.Erf;
import org.junit.jupiter.api.Test;

/** Cody's erfc against Hipparchus's independent implementation, and closed-form values. */
class StandardNormalTest {

  @Test
  void erfcMatchesHipparchusOverTheWholeRange() {
    for (int i = -2000; i <= 2000; i++) {
      double x = i * 0.004;                               // [−8, 8], all three Cody ranges
      double expected = Erf.erfc(x);
      double got = StandardNormal.erfc(x);
      assertEquals(expected, got, 2e-14 * Math.abs(expected) + 1e-300, "erfc(" + x + ")");
    }
    for (double x : new double[] {10.0, 15.0, 20.0, 26.0}) {
      assertEquals(Erf.erfc(x), StandardNormal.erfc(x), 1e-13 * Erf.erfc(x), "tail " + x);
    }
  }

  @Test
  void distributionFunctionAtKnownPoints() {
    assertEquals(0.5, StandardNormal.cdf(0.0), 0.0);
    assertEquals(0.8413447460685429, StandardNormal.cdf(1.0), 1e-15);
    assertEquals(0.9772498680518208, StandardNormal.cdf(2.0), 1e-15);
    assertEquals(1.0 - 0.9772498680518208, StandardNormal.cdf(-2.0), 1e-15);
    assertEquals(2.866515718791939e-7, StandardNormal.cdf(-5.0), 1e-21);
    assertEquals(0.0, StandardNormal.cdf(-40.0), 0.0);
    assertEquals(1.0, StandardNormal.cdf(40.0), 0.0);
    assertTrue(Double.isNaN(StandardNormal.cdf(Double.NaN)));
  }
}
