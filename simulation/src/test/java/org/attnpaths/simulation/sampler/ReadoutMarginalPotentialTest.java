package org.attnpaths.simulation.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.attnpaths.numerics.linalg.EjmlBackend;
import org.attnpaths.numerics.random.NormalSampler;
import org.attnpaths.simulation.fixtures.SmallNetworks;
import org.attnpaths.simulation.fixtures.SmallNetworks.Problem;
import org.attnpaths.simulation.network.FiniteNetwork;
import org.attnpaths.simulation.network.NetworkWeights;
import org.attnpaths.theory.model.Readout;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class ReadoutMarginalPotentialTest {

  private static Problem problem() {
    return SmallNetworks.problem(11, List.of(2, 3), List.of(3, 2, 4),
        List.of(0.8, 1.2, 0.6, 1.5), 0.2, Readout.LAST, 3, 4, 5, 2);
  }

  @Test
  void valueIsTheJointPotentialIntegratedOverTheReadoutExactly() {
    // The joint is quadratic in a: −ln ∫ e^{−Φ(θ,a)} da = Φ(θ, a*) + ½ ln det Λ − (N_a/2) ln 2π,
    // Λ = I/σa² + FᵀF/T, a* = Λ⁻¹Fᵀy/T (dense brute force). The marginal potential must equal
    // that plus (P/2) ln T + (N_a/2) ln(2π σa²), at any θ.
    Problem pr = problem();
    FiniteNetwork net = new FiniteNetwork(pr.arch(), pr.trainFeatures(), EjmlBackend.INSTANCE);
    ReadoutMarginalPotential marginal = new ReadoutMarginalPotential(net, pr.yTrain());
    int na = 4;
    int p = 5;
    double t = 0.2;
    double sa2 = 1.5;
    for (long seed = 1; seed <= 3; seed++) {
      NetworkWeights w = NetworkWeights.sampleFromPrior(pr.arch(), 3, NormalSampler.seeded(seed));
      double[] theta = new double[w.dimension()];
      w.copyTo(theta);
      double[] rest = java.util.Arrays.copyOf(theta, theta.length - na);
      double value = marginal.valueAndGradient(rest, new double[rest.length]);
      // F from the outputs at the unit readouts a = e_i
      DMatrixRMaj f = new DMatrixRMaj(p, na);
      for (int i = 0; i < na; i++) {
        java.util.Arrays.fill(w.readout().data, 0.0);
        w.readout().data[i] = 1.0;
        double[] out = net.forward(w);
        for (int mu = 0; mu < p; mu++) f.set(mu, i, out[mu]);
      }
      DMatrixRMaj lambda = new DMatrixRMaj(na, na);
      CommonOps_DDRM.multTransA(f, f, lambda);
      CommonOps_DDRM.scale(1.0 / t, lambda);
      for (int i = 0; i < na; i++) lambda.add(i, i, 1.0 / sa2);
      DMatrixRMaj rhs = new DMatrixRMaj(na, 1);
      CommonOps_DDRM.multTransA(f, new DMatrixRMaj(p, 1, true, pr.yTrain()), rhs);
      CommonOps_DDRM.scale(1.0 / t, rhs);
      DMatrixRMaj aStar = new DMatrixRMaj(na, 1);
      CommonOps_DDRM.solve(lambda, rhs, aStar);
      System.arraycopy(aStar.data, 0, w.readout().data, 0, na);
      double joint = net.potential(w, pr.yTrain(), null);
      double expected = joint + 0.5 * Math.log(CommonOps_DDRM.det(lambda))
          - 0.5 * na * Math.log(2 * Math.PI) + 0.5 * p * Math.log(t)
          + 0.5 * na * Math.log(2 * Math.PI * sa2);
      assertEquals(expected, value, 1e-10 * Math.abs(expected), "seed " + seed);
    }
  }

  @Test
  void gradientMatchesFiniteDifferences() {
    Problem pr = problem();
    FiniteNetwork net = new FiniteNetwork(pr.arch(), pr.trainFeatures(), EjmlBackend.INSTANCE);
    ReadoutMarginalPotential marginal = new ReadoutMarginalPotential(net, pr.yTrain());
    NetworkWeights w = NetworkWeights.sampleFromPrior(pr.arch(), 3, NormalSampler.seeded(12));
    double[] theta = new double[w.dimension()];
    w.copyTo(theta);
    int d = marginal.dimension();
    assertEquals(theta.length - 4, d);
    double[] rest = java.util.Arrays.copyOf(theta, d);
    double[] grad = new double[d];
    marginal.valueAndGradient(rest, grad);
    double[] scratch = new double[d];
    for (int k = 0; k < d; k++) {
      double[] x = rest.clone();
      x[k] += 1e-6;
      double up = marginal.valueAndGradient(x, scratch);
      x[k] -= 2e-6;
      double down = marginal.valueAndGradient(x, scratch);
      assertEquals((up - down) / 2e-6, grad[k], 1e-6 * (1 + Math.abs(grad[k])), "weight " + k);
    }
  }

  @Test
  void readoutDrawsHaveTheExactConditionalMeanAndVariance() {
    // a | θ ~ N(Λ⁻¹Fᵀy/T, Λ⁻¹): 20 000 draws; each mean within 5 standard errors (draws are
    // independent), each variance within 5 standard errors of a variance, √(2/n)·var.
    Problem pr = problem();
    FiniteNetwork net = new FiniteNetwork(pr.arch(), pr.trainFeatures(), EjmlBackend.INSTANCE);
    ReadoutMarginalPotential marginal = new ReadoutMarginalPotential(net, pr.yTrain());
    int na = 4;
    NetworkWeights w = NetworkWeights.sampleFromPrior(pr.arch(), 3, NormalSampler.seeded(13));
    double[] theta = new double[w.dimension()];
    w.copyTo(theta);
    double[] rest = java.util.Arrays.copyOf(theta, theta.length - na);
    DMatrixRMaj f = new DMatrixRMaj(5, na);
    for (int i = 0; i < na; i++) {
      java.util.Arrays.fill(w.readout().data, 0.0);
      w.readout().data[i] = 1.0;
      double[] out = net.forward(w);
      for (int mu = 0; mu < 5; mu++) f.set(mu, i, out[mu]);
    }
    DMatrixRMaj lambda = new DMatrixRMaj(na, na);
    CommonOps_DDRM.multTransA(f, f, lambda);
    CommonOps_DDRM.scale(1.0 / 0.2, lambda);
    for (int i = 0; i < na; i++) lambda.add(i, i, 1.0 / 1.5);
    DMatrixRMaj cov = lambda.copy();
    CommonOps_DDRM.invert(cov);
    DMatrixRMaj rhs = new DMatrixRMaj(na, 1);
    CommonOps_DDRM.multTransA(f, new DMatrixRMaj(5, 1, true, pr.yTrain()), rhs);
    CommonOps_DDRM.scale(1.0 / 0.2, rhs);
    DMatrixRMaj mean = new DMatrixRMaj(na, 1);
    CommonOps_DDRM.mult(cov, rhs, mean);

    int n = 20_000;
    NormalSampler normals = NormalSampler.seeded(14);
    double[] a = new double[na];
    double[] sum = new double[na];
    double[] sq = new double[na];
    for (int s = 0; s < n; s++) {
      marginal.drawReadout(rest, normals, a);
      for (int i = 0; i < na; i++) {
        sum[i] += a[i];
        sq[i] += a[i] * a[i];
      }
    }
    for (int i = 0; i < na; i++) {
      double m = sum[i] / n;
      double v = sq[i] / n - m * m;
      double var = cov.get(i, i);
      assertEquals(mean.get(i), m, 5 * Math.sqrt(var / n), "mean " + i);
      assertEquals(var, v, 5 * Math.sqrt(2.0 / n) * var, "variance " + i);
    }
    assertTrue(marginal.readoutDimension() == na);
  }
}
