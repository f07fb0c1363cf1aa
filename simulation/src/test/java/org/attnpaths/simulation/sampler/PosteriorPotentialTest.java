package org.attnpaths.simulation.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.attnpaths.numerics.linalg.EjmlBackend;
import org.attnpaths.numerics.random.NormalSampler;
import org.attnpaths.simulation.fixtures.SmallNetworks;
import org.attnpaths.simulation.fixtures.SmallNetworks.Problem;
import org.attnpaths.simulation.network.FiniteNetwork;
import org.attnpaths.simulation.network.NetworkWeights;
import org.attnpaths.theory.model.Readout;
import org.junit.jupiter.api.Test;

class PosteriorPotentialTest {

  @Test
  void flatLayoutFollowsTheDocumentedOrderAndGradientMatchesFiniteDifferences() {
    Problem pr = SmallNetworks.problem(5, List.of(2, 2), List.of(3, 2, 4),
        List.of(0.8, 1.2, 0.6, 1.5), 0.2, Readout.LAST, 3, 4, 5, 2);
    FiniteNetwork net = new FiniteNetwork(pr.arch(), pr.trainFeatures(), EjmlBackend.INSTANCE);
    PosteriorPotential potential = new PosteriorPotential(net, pr.yTrain());
    // N_1·N0 + H_1·N_2·N_1 + H_2·N_a·N_2 + N_a = 9 + 12 + 16 + 4.
    assertEquals(41, potential.dimension());
    NetworkWeights w = NetworkWeights.sampleFromPrior(pr.arch(), 3, NormalSampler.seeded(3));
    double[] theta = new double[41];
    w.copyTo(theta);
    assertEquals(w.v0().get(2, 1), theta[2 * 3 + 1]);
    assertEquals(w.layer(1, 1).get(1, 2), theta[9 + 6 + 1 * 3 + 2]);
    assertEquals(w.layer(2, 0).get(3, 1), theta[9 + 12 + 3 * 2 + 1]);
    assertEquals(w.readout().get(0, 2), theta[41 - 4 + 2]);
    assertEquals(41 - 4, w.offset(3));

    double[] grad = new double[41];
    double value = potential.valueAndGradient(theta, grad);
    NetworkWeights g = NetworkWeights.zeros(pr.arch(), 3);
    assertEquals(net.potential(w, pr.yTrain(), g), value, 0.0);
    double[] expected = new double[41];
    g.copyTo(expected);
    assertArrayEquals(expected, grad, 0.0);
    double[] scratch = new double[41];
    for (int k = 0; k < theta.length; k++) {
      double[] t = theta.clone();
      t[k] += 1e-5;
      double up = potential.valueAndGradient(t, scratch);
      t[k] -= 2e-5;
      double down = potential.valueAndGradient(t, scratch);
      assertEquals((up - down) / 2e-5, grad[k], 1e-6 * (1 + Math.abs(grad[k])), "theta " + k);
    }
  }

  @Test
  void priorVarianceIsEachBlocksSigmaSquaredInTheFlatLayout() {
    Problem pr = SmallNetworks.problem(5, List.of(2, 2), List.of(3, 2, 4),
        List.of(0.8, 1.2, 0.6, 1.5), 0.2, Readout.LAST, 3, 4, 5, 2);
    FiniteNetwork net = new FiniteNetwork(pr.arch(), pr.trainFeatures(), EjmlBackend.INSTANCE);
    double[] v = new double[41];
    new PosteriorPotential(net, pr.yTrain()).priorVariance(v);
    // blocks V^0 (9), layer 1 (12), layer 2 (16), a (4) with σ² = 0.8, 1.2, 0.6, 1.5
    double[] expected = new double[41];
    java.util.Arrays.fill(expected, 0, 9, 0.8);
    java.util.Arrays.fill(expected, 9, 21, 1.2);
    java.util.Arrays.fill(expected, 21, 37, 0.6);
    java.util.Arrays.fill(expected, 37, 41, 1.5);
    assertArrayEquals(expected, v, 0.0);
  }
}
