package org.attnpaths.simulation.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.attnpaths.numerics.linalg.EjmlBackend;
import org.attnpaths.simulation.fixtures.SmallNetworks;
import org.attnpaths.simulation.fixtures.SmallNetworks.Problem;
import org.attnpaths.simulation.network.FiniteNetwork;
import org.attnpaths.theory.action.GpLimit;
import org.attnpaths.theory.action.OrderParameters;
import org.attnpaths.theory.model.Readout;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class BlockedGibbsSamplerTest {

  private static BlockedGibbsSampler sampler(double temperature) {
    Problem pr = SmallNetworks.problem(99, List.of(2, 2), List.of(3, 4, 5),
        List.of(1.0, 0.5, 2.0, 1.5), temperature, Readout.LAST, 3, 4, 6, 3);
    FiniteNetwork net = new FiniteNetwork(pr.arch(), pr.trainFeatures(), EjmlBackend.INSTANCE);
    return new BlockedGibbsSampler(net, pr.yTrain(), pr.testFeatures());
  }

  /**
   * Spec §11.3: with no data the sampled U averages to the GP value (spec §5.5), exactly at any
   * width, since E[m_ℓ m_ℓ'ᵀ]/N_ℓ = σ_ℓ² E[U_{ℓ+1}] ⊗ I layer by layer. At T = 1e10 the likelihood
   * is negligible (Φw0/T ~ 1e-10), every block's conditional is its prior whatever the other
   * blocks, so each sweep is an independent prior draw: 4 chains × 250 sweeps = 1000 iid samples.
   * Each entry's mean must lie within 5 standard errors (estimated from the same samples) of the GP
   * value: for 21 entries a false failure has probability ≈ 21·6e-7, and the seed is fixed.
   */
  @Test
  void withoutDataSampledOrderParametersAverageToTheGpValue() {
    BlockedGibbsSampler gibbs = sampler(1e10);
    SampledChains run = gibbs.run(4, 0, 250, 2024, 2);
    List<PosteriorSample> all = run.all();
    int n = all.size();
    assertEquals(1000, n);
    OrderParameters gp = GpLimit.orderParameters(gibbs.network().architecture());
    OrderParameters mean = run.meanOrderParameters();
    double varA = 0.0;
    for (PosteriorSample s : all) {
      double d = s.orderParameters().scalar() - mean.scalar();
      varA += d * d / (n - 1);
    }
    assertEquals(gp.scalar(), mean.scalar(), 5 * Math.sqrt(varA / n), "U_a");
    for (int l = 1; l <= gp.layerCount(); l++) {
      DMatrixRMaj g = gp.u(l);
      DMatrixRMaj m = mean.u(l);
      for (int i = 0; i < g.getNumElements(); i++) {
        double var = 0.0;
        for (PosteriorSample s : all) {
          double d = s.orderParameters().u(l).data[i] - m.data[i];
          var += d * d / (n - 1);
        }
        double se = Math.sqrt(var / n);
        assertTrue(se > 0 && se < 0.2 * GpLimit.scale(gibbs.network().architecture(), l),
            "U_" + l + " standard error " + se);
        assertEquals(g.data[i], m.data[i], 5 * se, "U_" + l + " entry " + i);
      }
    }
  }

  @Test
  void sameSeedGivesSameSamplesWhateverTheThreadCount() {
    BlockedGibbsSampler gibbs = sampler(0.1);
    SampledChains one = gibbs.run(3, 2, 3, 7, 1);
    SampledChains three = gibbs.run(3, 2, 3, 7, 3);
    SampledChains other = gibbs.run(3, 2, 3, 8, 3);
    for (int c = 0; c < 3; c++) {
      for (int s = 0; s < 3; s++) {
        PosteriorSample a = one.chains().get(c).get(s);
        PosteriorSample b = three.chains().get(c).get(s);
        assertArrayEquals(a.testOutputs(), b.testOutputs(), 0.0);
        assertArrayEquals(a.orderParameters().u(1).data, b.orderParameters().u(1).data, 0.0);
        assertEquals(a.orderParameters().scalar(), b.orderParameters().scalar(), 0.0);
      }
    }
    assertTrue(one.chains().get(0).get(0).testOutput(0)
        != other.chains().get(0).get(0).testOutput(0), "another seed gives other samples");
    assertTrue(one.chains().get(0).get(0).testOutput(0)
        != one.chains().get(1).get(0).testOutput(0), "chains have independent streams");
  }

  @Test
  void everySweepIsCountedAndCountingChangesNoSample() {
    BlockedGibbsSampler gibbs = sampler(0.1);
    java.util.concurrent.atomic.AtomicLong count = new java.util.concurrent.atomic.AtomicLong();
    SampledChains counted = gibbs.run(3, 2, 4, 7, 2, count::incrementAndGet);
    assertEquals(3 * (2 + 4), count.get());
    SampledChains plain = gibbs.run(3, 2, 4, 7, 1);
    for (int c = 0; c < 3; c++) {
      for (int s = 0; s < 4; s++) {
        assertArrayEquals(plain.chains().get(c).get(s).testOutputs(),
            counted.chains().get(c).get(s).testOutputs(), 0.0);
      }
    }
  }

  @Test
  void aReusedWorkspaceGivesTheSweepsOfFreshOnes() {
    // Every temporary of a sweep lives in the workspace: reusing it must not leak state between
    // sweeps (same stream, same start → bitwise the same weights).
    BlockedGibbsSampler gibbs = sampler(0.1);
    var arch = gibbs.network().architecture();
    int n0 = gibbs.network().tokenDim();
    var a = org.attnpaths.simulation.network.NetworkWeights.sampleFromPrior(arch, n0,
        org.attnpaths.numerics.random.NormalSampler.seeded(5));
    var b = a.copy();
    var na = org.attnpaths.numerics.random.NormalSampler.seeded(6);
    var nb = org.attnpaths.numerics.random.NormalSampler.seeded(6);
    GibbsWorkspace ws = gibbs.workspace();
    for (int s = 0; s < 4; s++) {
      gibbs.sweep(a, na, ws);
      gibbs.sweep(b, nb, gibbs.workspace());
    }
    double[] ta = new double[a.dimension()];
    double[] tb = new double[b.dimension()];
    a.copyTo(ta);
    b.copyTo(tb);
    assertArrayEquals(tb, ta, 0.0);
  }
}
