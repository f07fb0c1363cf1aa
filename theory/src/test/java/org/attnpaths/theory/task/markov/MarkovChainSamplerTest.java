package org.attnpaths.theory.task.markov;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Statistics of the generated chains and noise (spec §9.1); every bound is ±4 standard errors. */
class MarkovChainSamplerTest {

  @Test
  void stayProbabilitiesAndUniformStartMatchTheConfig() {
    // 4000 chains of 30 states (2000 per class) with N_f = 2 and no noise, so each clean feature is
    // exactly v_σ. Stay indicators are iid Bernoulli(p_stay) because p_stay is the same in both
    // states: n = 2000·29 = 58 000 transitions per class, sd = √(p(1−p)/n) ≈ 0.0019, 4 sd ≈ 0.0076.
    MarkovTaskConfig c = MarkovTaskConfig.fourPath().withFeatureDim(2).withNoise(0, 0, 0);
    int count = 4000;
    MarkovChainSampler sampler = new MarkovChainSampler(c);
    MarkovChainSampler.Sample s = sampler.sample(count, new SplittableRandom(11));
    int chain = c.states();
    long[] stays = new long[2];
    long[] transitions = new long[2];
    int startPlus = 0;
    double[] vPlus = sampler.vPlus();
    double[] vMinus = sampler.vMinus();
    for (int mu = 0; mu < count; mu++) {
      int cls = s.y()[mu] > 0 ? 0 : 1;
      assertEquals(mu < count / 2 ? 1.0 : -1.0, s.y()[mu]);
      if (s.states()[mu * chain] > 0) startPlus++;
      for (int t = 0; t < chain; t++) {
        byte sigma = s.states()[mu * chain + t];
        double[] v = sigma > 0 ? vPlus : vMinus;
        int row = s.x().offset(mu) + (t + 1) * c.tokenDim();
        assertEquals(v[0], s.x().data()[row], 0.0);              // clean feature f_t = v_σ
        assertEquals(v[1], s.x().data()[row + 1], 0.0);
        if (t > 0) {
          transitions[cls]++;
          if (sigma == s.states()[mu * chain + t - 1]) stays[cls]++;
        }
      }
    }
    double[] p = {c.pStayPlus(), c.pStayMinus()};
    for (int k = 0; k < 2; k++) {
      double sd = Math.sqrt(p[k] * (1 - p[k]) / transitions[k]);
      assertEquals(p[k], stays[k] / (double) transitions[k], 4 * sd, "class " + k);
    }
    // σ_1 uniform: sd = √(1/4 / 4000) ≈ 0.0079.
    assertEquals(0.5, startPlus / (double) count, 4 * Math.sqrt(0.25 / count));
  }

  /** Noise vectors n = f_t − v_{σ_t} of all chain tokens, [count·states][N_f]. */
  private static double[][] noise(MarkovTaskConfig c, int count, long seed) {
    MarkovChainSampler sampler = new MarkovChainSampler(c);
    MarkovChainSampler.Sample s = sampler.sample(count, new SplittableRandom(seed));
    double[] vPlus = sampler.vPlus();
    double[] vMinus = sampler.vMinus();
    int nf = c.featureDim();
    double[][] out = new double[count * c.states()][nf];
    for (int mu = 0; mu < count; mu++) {
      for (int t = 0; t < c.states(); t++) {
        double[] v = s.states()[mu * c.states() + t] > 0 ? vPlus : vMinus;
        int row = s.x().offset(mu) + (t + 1) * c.tokenDim();
        for (int i = 0; i < nf; i++) out[mu * c.states() + t][i] = s.x().data()[row + i] - v[i];
      }
    }
    return out;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) s += a[i] * b[i];
    return s;
  }

  /** Mean of (n·u)² over all noise vectors: the variance along the unit vector u (mean is 0). */
  private static double varianceAlong(double[][] n, double[] u) {
    double s = 0;
    for (double[] v : n) s += dot(v, u) * dot(v, u);
    return s / n.length;
  }

  /** Unit vector with the given entries ±1 at the given indices, normalised. */
  private static double[] direction(int nf, int[] idx, double[] val) {
    double[] u = new double[nf];
    for (int k = 0; k < idx.length; k++) u[idx[k]] = val[k];
    double norm = Math.sqrt(dot(u, u));
    for (int i = 0; i < nf; i++) u[i] /= norm;
    return u;
  }

  @Test
  void noiseDecomposesIntoThreeIndependentStrengths() {
    // 400 sequences × 30 tokens = 12 000 noise vectors. The mean of n² for n ~ N(0, s²) has
    // relative sd √(2/n) ≈ 0.013 (4 sd ≈ 5.2 %). Out-of-plane pooled over N_f − 2 = 198 dimensions:
    // relative sd √(2/(12 000·198)) ≈ 0.0009.
    double sPerp = 0.5;
    double sPar = 2.0;
    double sOop = 3.0;
    MarkovTaskConfig c = MarkovTaskConfig.fourPath().withNoise(sPerp, sPar, sOop);
    double[][] n = noise(c, 400, 21);
    int m = n.length;
    MarkovChainSampler sampler = new MarkovChainSampler(c);
    double[] ePerp = sampler.ePerp();
    double[] ePar = sampler.ePar();
    double rel = 4 * Math.sqrt(2.0 / m);
    assertEquals(sPerp * sPerp, varianceAlong(n, ePerp), rel * sPerp * sPerp);
    assertEquals(sPar * sPar, varianceAlong(n, ePar), rel * sPar * sPar);
    // Out-of-plane unit vectors: orthogonal to e_⊥ ∝ (1..1, −1..−1) and e_∥ ∝ (1..1).
    int nf = c.featureDim();
    double[] u1 = direction(nf, new int[] {0, 1}, new double[] {1, -1});
    double[] u2 = direction(nf, new int[] {0, 1, 100, 101}, new double[] {1, -1, 1, -1});
    double[] u3 = direction(nf, new int[] {150, 199}, new double[] {1, -1});
    for (double[] u : new double[][] {u1, u2, u3}) {
      assertEquals(0.0, dot(u, ePerp), 1e-15);
      assertEquals(0.0, dot(u, ePar), 1e-15);
      assertEquals(sOop * sOop, varianceAlong(n, u), rel * sOop * sOop);
    }
    double pooled = 0;
    double cross = 0;
    for (double[] v : n) {
      double a = dot(v, ePerp);
      double b = dot(v, ePar);
      pooled += dot(v, v) - a * a - b * b;
      cross += a * b;
    }
    pooled /= (double) m * (nf - 2);
    assertEquals(sOop * sOop, pooled, 4 * Math.sqrt(2.0 / ((double) m * (nf - 2))) * sOop * sOop);
    // The in-plane components are uncorrelated: sd of the mean of a·b is s_perp·s_par/√m.
    assertEquals(0.0, cross / m, 4 * sPerp * sPar / Math.sqrt(m));
  }

  @Test
  void zeroOutOfPlaneStrengthLeavesNoiseInThePlane() {
    MarkovTaskConfig c = MarkovTaskConfig.fourPath().withNoise(1.0, 1.0, 0.0);
    MarkovChainSampler sampler = new MarkovChainSampler(c);
    double[] ePerp = sampler.ePerp();
    double[] ePar = sampler.ePar();
    for (double[] v : noise(c, 5, 22)) {
      double a = dot(v, ePerp);
      double b = dot(v, ePar);
      for (int i = 0; i < v.length; i++) assertEquals(a * ePerp[i] + b * ePar[i], v[i], 1e-12);
    }
  }

  @Test
  void unitStrengthsGiveIsotropicNoise() {
    // 200 sequences × 30 tokens = 6000 vectors. Per-coordinate variance: rel sd √(2/6000) ≈ 0.018,
    // checked at 5 sd because the maximum over 200 coordinates is taken (family-wise p ≈ 1e−4).
    // The pooled variance over all 200 coordinates has rel sd √(2/1.2e6) ≈ 0.0013 (4 sd bound).
    MarkovTaskConfig c = MarkovTaskConfig.fourPath();
    double[][] n = noise(c, 200, 23);
    int m = n.length;
    int nf = c.featureDim();
    double pooled = 0;
    for (int i = 0; i < nf; i++) {
      double s = 0;
      for (double[] v : n) s += v[i] * v[i];
      assertEquals(1.0, s / m, 5 * Math.sqrt(2.0 / m), "coordinate " + i);
      pooled += s;
    }
    assertEquals(1.0, pooled / ((double) m * nf), 4 * Math.sqrt(2.0 / ((double) m * nf)));
    MarkovChainSampler sampler = new MarkovChainSampler(c);
    double rel = 4 * Math.sqrt(2.0 / m);
    assertEquals(1.0, varianceAlong(n, sampler.ePerp()), rel);
    assertEquals(1.0, varianceAlong(n, sampler.ePar()), rel);
    // Off-diagonal covariance, e.g. coordinates 0 (first half) and 199 (second half): sd 1/√m.
    double cov = 0;
    for (double[] v : n) cov += v[0] * v[199];
    assertEquals(0.0, cov / m, 4 / Math.sqrt(m));
  }
}
