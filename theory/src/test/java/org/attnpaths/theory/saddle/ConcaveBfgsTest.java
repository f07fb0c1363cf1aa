package org.attnpaths.theory.saddle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.attnpaths.theory.fixtures.RandomNetworks;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * {@link ConcaveBfgs} on f(θ) = −½ θᵀTθ with a known positive-definite T, so y = −Δ∇f = T s
 * exactly: from M = 0, n T-conjugate steps reproduce T; generic steps keep M symmetric positive
 * semidefinite with the secant condition M s = y; pairs without positive curvature are skipped.
 */
class ConcaveBfgsTest {
  private static final int N = 7;

  private static double[] times(DMatrixRMaj m, double[] s) {
    double[] out = new double[s.length];
    for (int i = 0; i < s.length; i++) {
      for (int j = 0; j < s.length; j++) out[i] += m.get(i, j) * s[j];
    }
    return out;
  }

  private static double dot(double[] a, double[] b) {
    double v = 0.0;
    for (int i = 0; i < a.length; i++) v += a[i] * b[i];
    return v;
  }

  @Test
  void conjugateStepsFromZeroReproduceTheHessian() {
    SplittableRandom rng = new SplittableRandom(17);
    DMatrixRMaj t = RandomNetworks.spd(rng, N, 2.0, 5.0);
    double[][] steps = new double[N][];
    DMatrixRMaj m = new DMatrixRMaj(N, N);
    for (int k = 0; k < N; k++) {
      double[] s = new double[N];
      for (int i = 0; i < N; i++) s[i] = RandomNetworks.gaussian(rng);
      for (int j = 0; j < k; j++) {                 // T-orthogonalise against earlier steps
        double c = dot(s, times(t, steps[j])) / dot(steps[j], times(t, steps[j]));
        for (int i = 0; i < N; i++) s[i] -= c * steps[j][i];
      }
      steps[k] = s;
      assertTrue(ConcaveBfgs.update(m, s, times(t, s)));
      for (int j = 0; j <= k; j++) {               // hereditary: every earlier secant holds
        assertArrayEquals(times(t, steps[j]), times(m, steps[j]), 1e-9 * normOf(t),
            "secant of step " + j + " after update " + k);
      }
    }
    for (int i = 0; i < N; i++) {
      for (int j = 0; j < N; j++) assertEquals(t.get(i, j), m.get(i, j), 1e-9 * normOf(t));
    }
  }

  @Test
  void genericStepsKeepTheModelPositiveSemidefiniteWithTheSecantCondition() {
    SplittableRandom rng = new SplittableRandom(18);
    DMatrixRMaj t = RandomNetworks.spd(rng, N, 1.0, 10.0);
    DMatrixRMaj m = new DMatrixRMaj(N, N);
    for (int k = 0; k < 3 * N; k++) {
      double[] s = new double[N];
      for (int i = 0; i < N; i++) s[i] = RandomNetworks.gaussian(rng);
      double[] y = times(t, s);
      assertTrue(ConcaveBfgs.update(m, s, y));
      assertArrayEquals(y, times(m, s), 1e-9 * normOf(t) * Math.sqrt(dot(s, s)), "update " + k);
      for (int i = 0; i < N; i++) {
        for (int j = 0; j < N; j++) assertEquals(m.get(i, j), m.get(j, i), 1e-12 * normOf(t));
      }
      double min = HessianCheck.smallestEigenvalue(m);
      // From M = 0 and generic steps M keeps rank one (see ConcaveBfgs): its zero eigenvalues
      // come out at round-off.
      assertTrue(min >= -1e-8 * normOf(t), "smallest eigenvalue " + min + " after update " + k);
    }
  }

  @Test
  void pairsWithoutPositiveCurvatureAreSkipped() {
    DMatrixRMaj m = CommonOps_DDRM.identity(N);
    DMatrixRMaj before = m.copy();
    double[] s = new double[N];
    double[] y = new double[N];
    s[0] = 1.0;
    y[1] = 1.0;                                     // sᵀy = 0
    assertFalse(ConcaveBfgs.update(m, s, y));
    y[0] = -0.5;                                    // sᵀy < 0
    assertFalse(ConcaveBfgs.update(m, s, y));
    assertArrayEquals(before.data, m.data, 0.0);
  }

  private static double normOf(DMatrixRMaj t) {
    return CommonOps_DDRM.elementMaxAbs(t);
  }
}
