package org.attnpaths.simulation.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StepSizeCalibrationTest {

  /** The high-dimensional acceptance curve a(ε; c) = 2Φ(−√(c ε^k / 2)). */
  private static double curve(double c, double eps, int k) {
    return 2.0 * StepSizeCalibration.standardNormal(-Math.sqrt(0.5 * c * Math.pow(eps, k)));
  }

  @Test
  void recoversTheStepOfTheTargetAcceptanceFromPairsOnTheCurve() {
    // exact oracle: α_t on the model curve with c = 3.7 at scattered steps, k = 4 (HMC) and
    // k = 3 (MALA); the moment equation then holds at c = 3.7 exactly, and a(ε*) = δ
    for (int k : new int[] {3, 4}) {
      double c = 3.7;
      StepSizeCalibration cal = new StepSizeCalibration(50, k);
      SplittableRandom rng = new SplittableRandom(5);
      for (int t = 0; t < 30; t++) {
        double eps = Math.exp(-2.0 + 2.5 * rng.nextDouble());
        cal.add(eps, curve(c, eps, k));
      }
      for (double delta : new double[] {0.574, 0.8, 0.95}) {
        double eps = cal.calibrated(delta);
        assertEquals(delta, curve(c, eps, k), 1e-9, "k=" + k + " δ=" + delta);
      }
    }
  }

  @Test
  void inverseNormalInvertsTheDistributionFunction() {
    for (double p : new double[] {1e-6, 0.1, 0.4, 0.5, 0.9}) {
      assertEquals(p, StepSizeCalibration.standardNormal(
          StepSizeCalibration.inverseStandardNormal(p)), 1e-12 * Math.max(1.0, p / 1e-6));
    }
  }

  @Test
  void undeterminedWithTooFewPairsOrAllAcceptedOrAllRejected() {
    StepSizeCalibration cal = new StepSizeCalibration(10, 4);
    for (int t = 0; t < 4; t++) cal.add(0.1, 0.5);
    assertTrue(Double.isNaN(cal.calibrated(0.8)), "4 pairs");
    cal.reset();
    for (int t = 0; t < 10; t++) cal.add(0.1 * (t + 1), 1.0);
    assertTrue(Double.isNaN(cal.calibrated(0.8)), "all accepted");
    cal.reset();
    for (int t = 0; t < 10; t++) cal.add(0.1 * (t + 1), 0.0);
    assertTrue(Double.isNaN(cal.calibrated(0.8)), "all rejected");
    assertEquals(0.0, cal.meanAcceptance());
    // capacity: the 11th pair is ignored
    cal.add(0.1, 1.0);
    assertEquals(10, cal.size());
  }
}
