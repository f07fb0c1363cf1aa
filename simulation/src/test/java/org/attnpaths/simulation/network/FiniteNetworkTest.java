package org.attnpaths.simulation.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.attnpaths.numerics.linalg.EjmlBackend;
import org.attnpaths.numerics.random.NormalSampler;
import org.attnpaths.simulation.fixtures.SmallNetworks;
import org.attnpaths.simulation.fixtures.TokenLevelForward;
import org.attnpaths.simulation.fixtures.SmallNetworks.Problem;
import org.attnpaths.theory.action.OrderParameters;
import org.attnpaths.theory.model.Architecture;
import org.attnpaths.theory.model.Readout;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FiniteNetworkTest {

  static Stream<Arguments> networks() {
    return Stream.of(
        Arguments.of(List.of(2), List.of(2, 3), List.of(1.0, 1.0, 1.0), Readout.LAST),
        Arguments.of(List.of(2, 2), List.of(3, 4, 2), List.of(0.7, 1.3, 0.5, 2.0), Readout.LAST),
        Arguments.of(List.of(2, 1, 3), List.of(2, 3, 4, 3), List.of(1.0, 0.8, 1.2, 0.9, 1.1),
            Readout.FIRST),
        Arguments.of(List.of(3, 2), List.of(4, 2, 3), List.of(1.5, 1.0, 0.6, 1.0),
            Readout.AVERAGE));
  }

  private static Problem problem(List<Integer> heads, List<Integer> widths, List<Double> variances,
      Readout readout) {
    return SmallNetworks.problem(345, heads, widths, variances, 0.3, readout, 3, 4, 5, 3);
  }


  @ParameterizedTest
  @MethodSource("networks")
  void pathFormEqualsTokenLevelForward(List<Integer> heads, List<Integer> widths,
      List<Double> variances, Readout readout) {
    Problem pr = problem(heads, widths, variances, readout);
    FiniteNetwork net = new FiniteNetwork(pr.arch(), pr.trainFeatures(), EjmlBackend.INSTANCE);
    NetworkWeights w = NetworkWeights.sampleFromPrior(pr.arch(), pr.tokenDim(),
        NormalSampler.seeded(7));
    double[] f = net.forward(w);
    double[] fTest = net.forward(w, pr.testFeatures());
    for (int mu = 0; mu < f.length; mu++) {
      double expected = TokenLevelForward.of(pr, w, pr.xTrain(), mu);
      assertEquals(expected, f[mu], 1e-12 * (1 + Math.abs(expected)), "train example " + mu);
    }
    for (int q = 0; q < fTest.length; q++) {
      double expected = TokenLevelForward.of(pr, w, pr.xTest(), q);
      assertEquals(expected, fTest[q], 1e-12 * (1 + Math.abs(expected)), "test example " + q);
    }
  }

  @ParameterizedTest
  @MethodSource("networks")
  void potentialGradientMatchesFiniteDifferences(List<Integer> heads, List<Integer> widths,
      List<Double> variances, Readout readout) {
    Problem pr = problem(heads, widths, variances, readout);
    FiniteNetwork net = new FiniteNetwork(pr.arch(), pr.trainFeatures(), EjmlBackend.INSTANCE);
    NetworkWeights w = NetworkWeights.sampleFromPrior(pr.arch(), pr.tokenDim(),
        NormalSampler.seeded(11));
    NetworkWeights grad = NetworkWeights.zeros(pr.arch(), pr.tokenDim());
    net.potential(w, pr.yTrain(), grad);
    double[] theta = new double[w.dimension()];
    double[] g = new double[w.dimension()];
    w.copyTo(theta);
    grad.copyTo(g);
    NetworkWeights probe = w.copy();
    double step = 1e-5;
    for (int k = 0; k < theta.length; k++) {
      double[] plus = theta.clone();
      double[] minus = theta.clone();
      plus[k] += step;
      minus[k] -= step;
      probe.copyFrom(plus);
      double up = net.potential(probe, pr.yTrain(), null);
      probe.copyFrom(minus);
      double down = net.potential(probe, pr.yTrain(), null);
      double fd = (up - down) / (2 * step);
      // Central differences: error O(step²·Φ''') ≈ 1e-9 here; 1e-6 relative leaves margin.
      assertEquals(fd, g[k], 1e-6 * (1 + Math.abs(fd)), "weight " + k);
    }
  }

  @ParameterizedTest
  @MethodSource("networks")
  void orderParametersAreGramMatricesOfPathWeights(List<Integer> heads, List<Integer> widths,
      List<Double> variances, Readout readout) {
    Problem pr = problem(heads, widths, variances, readout);
    FiniteNetwork net = new FiniteNetwork(pr.arch(), pr.trainFeatures(), EjmlBackend.INSTANCE);
    NetworkWeights w = NetworkWeights.sampleFromPrior(pr.arch(), pr.tokenDim(),
        NormalSampler.seeded(13));
    OrderParameters u = net.orderParameters(w);
    Architecture arch = pr.arch();
    double ua = 0.0;
    for (double v : w.readout().data) ua += v * v;
    assertEquals(ua / arch.width(arch.layers() + 1), u.scalar(), 1e-12);
    // m_ℓ^{(h,κ)} by the definition of spec §5.1, one vector at a time, top down.
    List<DMatrixRMaj> m = net.pathWeights(w);
    for (int l = arch.layers(); l >= 1; l--) {
      DMatrixRMaj up = m.get(l);
      int d = up.numRows;
      for (int h = 0; h < arch.heads(l); h++) {
        for (int kappa = 0; kappa < d; kappa++) {
          for (int i = 0; i < arch.width(l); i++) {
            double acc = 0.0;
            for (int o = 0; o < arch.width(l + 1); o++) {
              acc += w.layer(l, h).get(o, i) * up.get(kappa, o);
            }
            assertEquals(acc / Math.sqrt(arch.width(l + 1)), m.get(l - 1).get(h * d + kappa, i),
                1e-12);
          }
        }
      }
      DMatrixRMaj ml = m.get(l - 1);
      DMatrixRMaj ul = u.u(l);
      for (int a = 0; a < ml.numRows; a++) {
        for (int b = 0; b < ml.numRows; b++) {
          double dot = 0.0;
          for (int i = 0; i < ml.numCols; i++) dot += ml.get(a, i) * ml.get(b, i);
          assertEquals(dot / arch.width(l), ul.get(a, b), 1e-12,
              "U_" + l + "[" + a + "," + b + "]");
        }
      }
    }
  }
}
