package org.attnpaths.simulation.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.attnpaths.numerics.linalg.EjmlBackend;
import org.attnpaths.numerics.random.NormalSampler;
import org.attnpaths.simulation.fixtures.SmallNetworks;
import org.attnpaths.simulation.fixtures.SmallNetworks.Problem;
import org.attnpaths.simulation.network.FiniteNetwork;
import org.attnpaths.theory.model.Readout;
import org.junit.jupiter.api.Test;

class ExchangeableGroupsTest {

  // heads (2, 3), N0 = 3, N_1 = 3, N_2 = 2, N_a = 4: V^0 3×3, V^{(1,h)} 2×3 (h < 2),
  // V^{(2,h)} 4×2 (h < 3), a 4
  private static Problem problem() {
    return SmallNetworks.problem(11, List.of(2, 3), List.of(3, 2, 4),
        List.of(0.8, 1.2, 0.6, 1.5), 0.2, Readout.LAST, 3, 4, 5, 2);
  }

  @Test
  void groupsAreTheInputColumnsOfV0ThenOneGroupPerMatrix() {
    FiniteNetwork net = new FiniteNetwork(problem().arch(), problem().trainFeatures(),
        EjmlBackend.INSTANCE);
    ReadoutMarginalPotential marginal = new ReadoutMarginalPotential(net, problem().yTrain());
    int[] g = new int[marginal.dimension()];
    assertEquals(3 + 2 + 3, marginal.exchangeableGroups(g));
    int[] expected = new int[9 + 12 + 24];
    for (int i = 0; i < 9; i++) expected[i] = i % 3;                 // V^0 row-major: column j
    for (int i = 0; i < 12; i++) expected[9 + i] = 3 + i / 6;        // V^{(1,0)}, V^{(1,1)}
    for (int i = 0; i < 24; i++) expected[21 + i] = 5 + i / 8;       // V^{(2,0..2)}
    assertArrayEquals(expected, g);
    PosteriorPotential joint = new PosteriorPotential(net, problem().yTrain());
    int[] gj = new int[joint.dimension()];
    assertEquals(9, joint.exchangeableGroups(gj));                  // … and a
    for (int i = 0; i < 4; i++) assertEquals(8, gj[45 + i]);
  }

  @Test
  void permutingTheUnitsOfLayerOneLeavesThePotentialUnchanged() {
    // the invariance behind the groups: units of layer 1 = rows of V^0 = columns of V^{(1,h)}
    FiniteNetwork net = new FiniteNetwork(problem().arch(), problem().trainFeatures(),
        EjmlBackend.INSTANCE);
    ReadoutMarginalPotential marginal = new ReadoutMarginalPotential(net, problem().yTrain());
    double[] theta = new double[marginal.dimension()];
    NormalSampler.seeded(3).fill(theta, 0, theta.length);
    int[] perm = {2, 0, 1};
    double[] permuted = theta.clone();
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) permuted[perm[i] * 3 + j] = theta[i * 3 + j];
    }
    for (int h = 0; h < 2; h++) {
      for (int r = 0; r < 2; r++) {
        for (int c = 0; c < 3; c++) {
          permuted[9 + h * 6 + r * 3 + perm[c]] = theta[9 + h * 6 + r * 3 + c];
        }
      }
    }
    double[] grad = new double[theta.length];
    double a = marginal.valueAndGradient(theta, grad);
    double b = marginal.valueAndGradient(permuted, grad);
    assertEquals(a, b, 1e-12 * Math.abs(a));
    // and a permutation that is not one of units changes it (the test can fail)
    double[] swapped = theta.clone();
    swapped[0] = theta[1];
    swapped[1] = theta[0];
    assertEquals(false, Math.abs(marginal.valueAndGradient(swapped, grad) - a) < 1e-9);
  }
}
