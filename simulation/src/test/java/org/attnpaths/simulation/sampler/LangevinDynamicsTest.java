package org.attnpaths.simulation.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.attnpaths.numerics.mcmc.DrawSummary;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class LangevinDynamicsTest {

  // Tolerances as in HamiltonianMonteCarloTest: 5 MCSE per functional, MCSE from its own ESS
  // over 4 chains, ESS ≥ 400.

  @Test
  void unadjustedStationaryVarianceMatchesTheClosedForm1d() {
    // Φ = θ²/(2s²), s = 1, η = 0.5: ULA is AR(1) with ρ = 1 − η/s² = ½ and stationary
    // var = s²/(1 − η/(2s²)) = 4/3, not s² = 1. θ² has ESS ≈ S(1−ρ²)/(1+ρ²) = 0.6·S; with
    // S = 4 × 5000 the MCSE of E θ² is ≈ 0.017: the bias 1/3 is ≈ 20 MCSE.
    Potential target = new GaussianPotential(new double[] {0.0}, new double[][] {{1.0}});
    SampleFunctional square = new SampleFunctional() {
      @Override public int size() {
        return 1;
      }

      @Override public void evaluate(double[] theta, double[] out) {
        out[0] = theta[0] * theta[0];
      }
    };
    ChainSamples s = ChainRunner.run(LangevinDynamics.unadjusted(0.5), c -> target,
        InitialState.fixed(new double[] {0.0}), c -> square, RunSettings.of(4, 100, 5000, 31));
    DrawSummary v = s.summary(0);
    assertEquals(4.0 / 3.0, v.mean(), 5 * v.mcse(), v.toString());
    assertTrue(Math.abs(v.mean() - 1.0) > 10 * v.mcse(), v.toString());
    assertEquals(1.0, s.meanAcceptance(), 0.0);
  }

  @Test
  void unadjustedStationaryCovarianceMatchesTheClosedForm10d() {
    // Φ = ½(θ−μ)ᵀA(θ−μ): ULA's stationary covariance is V = (A − ηA²/2)⁻¹ exactly and its mean is
    // μ. With η = 0.05 and λ(A) ∈ [1/3, 3], V − Σ ≈ (η/2) I = 0.025 on the diagonal; the slowest
    // mode has ρ = 1 − η/3, τ ≈ 120, so 4 × 20 000 transitions (thinned by 10) give ESS ≈ 600.
    GaussianPotential target = Targets.correlated10d();
    double eta = 0.05;
    double[][] v = ulaCovariance(target.precision, eta);
    ChainSamples s = ChainRunner.run(LangevinDynamics.unadjusted(eta), c -> Targets.correlated10d(),
        InitialState.fixed(target.mean), c -> new GaussianMoments(target.mean),
        new RunSettings(4, 1000, 2000, 10, 32, 0));
    GaussianMoments.assertRecovered(s, target.mean, v, 5.0, 400, null);
  }

  @Test
  void smallStepUnadjustedRecoversTheTargetWithinItsBias() {
    // 2-D target, η = 0.02: the exact ULA bias |V − Σ| (≈ η/2 = 0.01 on the diagonal, against
    // variances 1 and 4) is added to the 5-MCSE tolerance. The slowest mode (λ_min(A) ≈ 0.2) has
    // τ ≈ 2/(ηλ) ≈ 500 transitions: 4 × 100 000 transitions, thinned by 50, give ESS ≈ 800.
    GaussianPotential target = Targets.correlated2d();
    double eta = 0.02;
    double[][] v = ulaCovariance(target.precision, eta);
    double[][] bias = new double[2][2];
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 2; j++) bias[i][j] = Math.abs(v[i][j] - target.covariance[i][j]);
    }
    assertTrue(bias[0][0] < 0.02 && bias[1][1] < 0.02);
    ChainSamples s = ChainRunner.run(LangevinDynamics.unadjusted(eta), c -> Targets.correlated2d(),
        InitialState.fixed(target.mean), c -> new GaussianMoments(target.mean),
        new RunSettings(4, 2000, 2000, 50, 33, 0));
    GaussianMoments.assertRecovered(s, target.mean, target.covariance, 5.0, 400, bias);
  }

  @Test
  void malaRecoversCorrelated2dGaussian() {
    GaussianPotential target = Targets.correlated2d();
    ChainSamples s = ChainRunner.run(LangevinDynamics.metropolisAdjusted(0.1),
        c -> Targets.correlated2d(), InitialState.uniform(2, 2.0),
        c -> new GaussianMoments(target.mean), new RunSettings(4, 1000, 2000, 5, 34, 0));
    GaussianMoments.assertRecovered(s, target.mean, target.covariance, 5.0, 400, null);
    assertEquals(LangevinDynamics.OPTIMAL_MALA_ACCEPTANCE, s.meanAcceptance(), 0.15);
  }

  @Test
  void malaRecoversCorrelated10dGaussianWithoutTheUlaBias() {
    GaussianPotential target = Targets.correlated10d();
    ChainSamples s = ChainRunner.run(LangevinDynamics.metropolisAdjusted(0.1),
        c -> Targets.correlated10d(), InitialState.uniform(10, 2.0),
        c -> new GaussianMoments(target.mean), new RunSettings(4, 1000, 2000, 5, 35, 0));
    GaussianMoments.assertRecovered(s, target.mean, target.covariance, 5.0, 400, null);
  }

  @Test
  void unstableUnadjustedStepFailsWithItsState() {
    // η = 3 on Φ = θ²/2 (stable only for η < 2): |θ| grows like 2^t until Φ overflows.
    Potential target = new GaussianPotential(new double[] {0.0}, new double[][] {{1.0}});
    MarkovChain chain = LangevinDynamics.unadjusted(3.0)
        .start(target, new double[] {1.0}, new SplittableRandom(36), 0);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> {
      for (int i = 0; i < 10_000; i++) chain.step();
    });
    assertTrue(e.getMessage().contains("η = 3.0"), e.getMessage());
  }

  @Test
  void rejectsAdaptingUnadjustedSteps() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new LangevinDynamics(0.1, false, true, 0.5, MassMatrix.UNIT));
    assertTrue(e.getMessage().startsWith("adaptStepSize"), e.getMessage());
  }

  /** V = (A − ηA²/2)⁻¹. */
  static double[][] ulaCovariance(double[][] precision, double eta) {
    int d = precision.length;
    DMatrixRMaj a = new DMatrixRMaj(precision);
    DMatrixRMaj a2 = new DMatrixRMaj(d, d);
    CommonOps_DDRM.mult(a, a, a2);
    DMatrixRMaj m = new DMatrixRMaj(d, d);
    CommonOps_DDRM.add(a, -0.5 * eta, a2, m);
    CommonOps_DDRM.invert(m);
    double[][] v = new double[d][d];
    for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) v[i][j] = m.get(i, j);
    return v;
  }
}
