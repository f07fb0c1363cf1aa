package org.attnpaths.simulation.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.attnpaths.numerics.linalg.EjmlBackend;
import org.attnpaths.numerics.random.NormalSampler;
import org.attnpaths.simulation.fixtures.SmallNetworks;
import org.attnpaths.simulation.fixtures.SmallNetworks.Problem;
import org.attnpaths.simulation.network.FiniteNetwork;
import org.attnpaths.simulation.network.NetworkWeights;
import org.attnpaths.theory.model.Readout;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exact conditional of every Gibbs block against the brute-force Gaussian posterior with Φ
 * materialised column by column from the path-form forward pass (f is linear in one block, so
 * column k of Φ is f with the block set to the unit vector e_k). The draw is an affine map of
 * (w0, ε), so its mean and covariance are read off exactly from unit inputs: no Monte Carlo.
 */
class GibbsConditionalTest {

  static Stream<Arguments> networks() {
    return Stream.of(
        // The tiny case of issue 3 §5: L=1, H=2, N0=3, N_1=2, N_a=2, P=4.
        Arguments.of(List.of(2), List.of(2, 2), List.of(1.0, 1.0, 1.0), 0.1, 4),
        Arguments.of(List.of(2, 2), List.of(2, 3, 2), List.of(0.7, 1.3, 0.5, 2.0), 0.05, 5),
        Arguments.of(List.of(1, 2, 2), List.of(3, 2, 2, 3), List.of(1.2, 0.8, 1.1, 0.9, 1.4), 0.2,
            3));
  }

  @ParameterizedTest
  @MethodSource("networks")
  void blockConditionalEqualsBruteForcePosterior(List<Integer> heads, List<Integer> widths,
      List<Double> variances, double temperature, int p) {
    Problem pr = SmallNetworks.problem(345, heads, widths, variances, temperature, Readout.LAST, 3,
        4, p, 2);
    FiniteNetwork net = new FiniteNetwork(pr.arch(), pr.trainFeatures(), EjmlBackend.INSTANCE);
    BlockedGibbsSampler gibbs = new BlockedGibbsSampler(net, pr.yTrain(), pr.testFeatures());
    NetworkWeights w = NetworkWeights.sampleFromPrior(pr.arch(), pr.tokenDim(),
        NormalSampler.seeded(17));
    double[] y = pr.yTrain();
    for (int b = 0; b < w.blockCount(); b++) {
      double sigma2 = pr.arch().variance(b);
      DMatrixRMaj[] block = w.block(b);
      int n = 0;
      for (DMatrixRMaj m : block) n += m.getNumElements();

      // Brute force: Φ (P×n), Λ = I/σ² + ΦᵀΦ/T, mean = Λ⁻¹Φᵀy/T, covariance = Λ⁻¹.
      NetworkWeights probe = w.copy();
      DMatrixRMaj phi = new DMatrixRMaj(p, n);
      for (int k = 0; k < n; k++) {
        setBlock(probe.block(b), unit(n, k));
        double[] f = net.forward(probe);
        for (int mu = 0; mu < p; mu++) phi.set(mu, k, f[mu]);
      }
      DMatrixRMaj lambda = new DMatrixRMaj(n, n);
      CommonOps_DDRM.multTransA(1.0 / temperature, phi, phi, lambda);
      for (int i = 0; i < n; i++) lambda.add(i, i, 1.0 / sigma2);
      DMatrixRMaj cov = new DMatrixRMaj(n, n);
      CommonOps_DDRM.invert(lambda, cov);
      DMatrixRMaj rhs = new DMatrixRMaj(n, 1);
      CommonOps_DDRM.multTransA(1.0 / temperature, phi, DMatrixRMaj.wrap(p, 1, y), rhs);
      DMatrixRMaj mean = new DMatrixRMaj(n, 1);
      CommonOps_DDRM.mult(cov, rhs, mean);

      // The factored block: mean from (w0, ε) = 0; Jacobians from unit w0 and unit ε.
      LinearBlock lb = gibbs.conditional(w, b);
      double[] m0 = draw(lb, y, temperature, sigma2, new double[n], new double[p], block);
      double[][] jw = new double[n][];
      for (int k = 0; k < n; k++) {
        double[] d = draw(lb, y, temperature, sigma2, unit(n, k), new double[p], block);
        for (int i = 0; i < n; i++) d[i] -= m0[i];
        jw[k] = d;
      }
      double[][] je = new double[p][];
      for (int mu = 0; mu < p; mu++) {
        double[] d = draw(lb, y, temperature, sigma2, new double[n], unit(p, mu), block);
        for (int i = 0; i < n; i++) d[i] -= m0[i];
        je[mu] = d;
      }
      double scale = 0.0;
      for (int i = 0; i < n; i++) scale = Math.max(scale, cov.get(i, i));
      for (int i = 0; i < n; i++) {
        assertEquals(mean.get(i), m0[i], 1e-9 * (1 + Math.abs(mean.get(i))),
            "block " + b + " mean " + i);
        for (int j = 0; j < n; j++) {
          // Cov(w) = σ² J_w J_wᵀ + T J_ε J_εᵀ for w0 ~ N(0, σ²I), ε ~ N(0, T·I).
          double c = 0.0;
          for (int k = 0; k < n; k++) c += sigma2 * jw[k][i] * jw[k][j];
          for (int mu = 0; mu < p; mu++) c += temperature * je[mu][i] * je[mu][j];
          assertEquals(cov.get(i, j), c, 1e-9 * scale, "block " + b + " covariance " + i + "," + j);
        }
      }
    }
  }

  private static double[] draw(LinearBlock lb, double[] y, double t, double sigma2, double[] w0,
      double[] eps, DMatrixRMaj[] shape) {
    DMatrixRMaj[] w = new DMatrixRMaj[shape.length];
    for (int h = 0; h < shape.length; h++) {
      w[h] = new DMatrixRMaj(shape[h].numRows, shape[h].numCols);
    }
    setBlock(w, w0);
    lb.correct(y, t, sigma2, eps, w);
    double[] out = new double[w0.length];
    int o = 0;
    for (DMatrixRMaj m : w) {
      System.arraycopy(m.data, 0, out, o, m.getNumElements());
      o += m.getNumElements();
    }
    return out;
  }

  private static void setBlock(DMatrixRMaj[] block, double[] flat) {
    int o = 0;
    for (DMatrixRMaj m : block) {
      System.arraycopy(flat, o, m.data, 0, m.getNumElements());
      o += m.getNumElements();
    }
  }

  private static double[] unit(int n, int k) {
    double[] e = new double[n];
    e[k] = 1.0;
    return e;
  }
}
