package org.attnpaths.simulation.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.attnpaths.numerics.mcmc.DrawSummary;
import org.junit.jupiter.api.Test;

class DoubleWellTest {

  /** Φ(θ) = 2(θ² − 1)²: modes at ±1, barrier 2 (density ratio e² ≈ 7). */
  private static final Potential WELL = new Potential() {
    @Override public int dimension() {
      return 1;
    }

    @Override public double valueAndGradient(double[] theta, double[] gradOut) {
      double u = theta[0] * theta[0] - 1.0;
      gradOut[0] = 8.0 * theta[0] * u;
      return 2.0 * u * u;
    }
  };

  /** E θ² under exp(−Φ) by Simpson's rule on [−4, 4] (Φ(4) = 450: the tails are negligible). */
  private static double exactSecondMoment() {
    int n = 20_000;
    double h = 8.0 / n;
    double z = 0.0;
    double m2 = 0.0;
    double[] g = new double[1];
    for (int i = 0; i <= n; i++) {
      double x = -4.0 + i * h;
      double w = (i == 0 || i == n) ? 1 : (i % 2 == 1 ? 4 : 2);
      double p = Math.exp(-WELL.valueAndGradient(new double[] {x}, g));
      z += w * p;
      m2 += w * p * x * x;
    }
    return m2 / z;
  }

  @Test
  void hmcAndMalaVisitBothWellsInTheRightProportion() {
    // Mean 0 by symmetry and E θ² by quadrature, each within 5 MCSE from 4 chains × 4000 draws
    // (ESS ≥ 400 required, so the chains must cross the barrier many times). MALA crosses it by
    // diffusion, far more slowly than HMC's trajectories (ESS of θ ≈ 300 from 16 000 unthinned
    // MALA draws), so it gets 4 transitions per kept draw.
    double m2 = exactSecondMoment();
    SampleFunctional moments = new SampleFunctional() {
      @Override public int size() {
        return 2;
      }

      @Override public void evaluate(double[] theta, double[] out) {
        out[0] = theta[0];
        out[1] = theta[0] * theta[0];
      }
    };
    for (Sampler sampler : List.of(HamiltonianMonteCarlo.defaults(),
        LangevinDynamics.metropolisAdjusted(0.1))) {
      int thin = sampler instanceof LangevinDynamics ? 4 : 1;
      ChainSamples s = ChainRunner.run(sampler, c -> WELL, InitialState.uniform(1, 2.0),
          c -> moments, new RunSettings(4, 1000, 4000, thin, 51, 0));
      DrawSummary mean = s.summary(0);
      DrawSummary second = s.summary(1);
      assertTrue(mean.ess() >= 400 && second.ess() >= 400, sampler + " " + mean + " " + second);
      assertEquals(0.0, mean.mean(), 5 * mean.mcse(), sampler + " " + mean);
      assertEquals(m2, second.mean(), 5 * second.mcse(), sampler + " " + second);
      assertTrue(mean.rhat() < 1.01, sampler + " " + mean);
    }
  }
}
