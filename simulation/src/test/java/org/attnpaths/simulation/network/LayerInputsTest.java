package org.attnpaths.simulation.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.attnpaths.numerics.linalg.EjmlBackend;
import org.attnpaths.numerics.random.NormalSampler;
import org.attnpaths.simulation.fixtures.SmallNetworks;
import org.attnpaths.simulation.fixtures.SmallNetworks.Problem;
import org.attnpaths.theory.model.Readout;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class LayerInputsTest {

  /** Two layers of 2 and 3 heads (Π = 6), distinct widths, so every index order is exercised. */
  private static Problem problem() {
    return SmallNetworks.problem(7, List.of(2, 3), List.of(3, 2, 4),
        List.of(0.8, 1.2, 0.6, 1.5), 0.2, Readout.LAST, 3, 4, 5, 2);
  }

  @Test
  void topInputsTimesTheReadoutAreTheNetworkOutput() {
    // f = c0 Y_{L+1} a, against the path-form forward pass of FiniteNetwork.
    Problem pr = problem();
    FiniteNetwork net = new FiniteNetwork(pr.arch(), pr.trainFeatures(), EjmlBackend.INSTANCE);
    NetworkWeights w = NetworkWeights.sampleFromPrior(pr.arch(), 3, NormalSampler.seeded(8));
    LayerInputs inputs = new LayerInputs(pr.arch(), pr.trainFeatures(), EjmlBackend.INSTANCE);
    inputs.forward(w);
    double[] f = net.forward(w);
    DMatrixRMaj top = inputs.top();
    assertEquals(5, top.numRows);
    assertEquals(4, top.numCols);
    for (int mu = 0; mu < 5; mu++) {
      double s = 0.0;
      for (int i = 0; i < 4; i++) s += top.get(mu, i) * w.readout().get(0, i);
      assertEquals(f[mu], net.outputScale() * s, 1e-12, "example " + mu);
    }
  }

  @Test
  void backwardIsTheTransposeOfTheForwardDerivative() {
    // Ψ = Σ G ∘ Y_{L+1} for a fixed random G: backward(G) must equal the gradient of Ψ, which is
    // checked against central differences of the forward pass in every weight below a.
    Problem pr = problem();
    NetworkWeights w = NetworkWeights.sampleFromPrior(pr.arch(), 3, NormalSampler.seeded(9));
    LayerInputs inputs = new LayerInputs(pr.arch(), pr.trainFeatures(), EjmlBackend.INSTANCE);
    DMatrixRMaj g = new DMatrixRMaj(5, 4);
    NormalSampler.seeded(10).fill(g.data, 0, 20);
    inputs.forward(w);
    NetworkWeights grad = NetworkWeights.zeros(pr.arch(), 3);
    inputs.backward(w, g, grad);
    int d = w.dimension();
    int below = d - 4;
    double[] theta = new double[d];
    w.copyTo(theta);
    double[] analytic = new double[d];
    grad.copyTo(analytic);
    NetworkWeights probe = NetworkWeights.zeros(pr.arch(), 3);
    for (int k = 0; k < below; k++) {
      double[] t = theta.clone();
      t[k] += 1e-6;
      probe.copyFrom(t);
      double up = psi(inputs, probe, g);
      t[k] -= 2e-6;
      probe.copyFrom(t);
      double down = psi(inputs, probe, g);
      assertEquals((up - down) / 2e-6, analytic[k], 1e-7 * (1 + Math.abs(analytic[k])),
          "weight " + k);
    }
  }

  private static double psi(LayerInputs inputs, NetworkWeights w, DMatrixRMaj g) {
    inputs.forward(w);
    double s = 0.0;
    for (int i = 0; i < g.getNumElements(); i++) s += g.data[i] * inputs.top().data[i];
    return s;
  }
}
