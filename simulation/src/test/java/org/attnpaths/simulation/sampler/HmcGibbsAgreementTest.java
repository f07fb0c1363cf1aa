package org.attnpaths.simulation.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.attnpaths.numerics.linalg.EjmlBackend;
import org.attnpaths.numerics.mcmc.DrawSummary;
import org.attnpaths.numerics.random.NormalSampler;
import org.attnpaths.simulation.fixtures.SmallNetworks;
import org.attnpaths.simulation.network.FiniteNetwork;
import org.attnpaths.simulation.network.NetworkWeights;
import org.attnpaths.theory.model.Readout;
import org.attnpaths.theory.path.PathFeatures;
import org.junit.jupiter.api.Test;

/**
 * Issue 3 §5: HMC and the exact blocked Gibbs sampler agree on a small network within their
 * Monte-Carlo error. Compared quantities are invariant under the sign symmetries of the weights
 * (a → −a with V → −V): the network output on test inputs and U_a = |a|²/N_a, so that modes a chain
 * does not visit cannot bias the comparison. Tolerance: 5 combined standard errors, each from the
 * sampler's own effective sample size over 4 chains; R-hat &lt; 1.05 is required of both.
 */
class HmcGibbsAgreementTest {

  @Test
  void hmcOnTheReadoutMarginalWithExactReadoutDrawsAgreesWithGibbs() {
    // The collapsed sampler: HMC (prior mass) on the weights below the readout with a integrated
    // out, then a drawn from its exact conditional for every record. Same problem, tolerance
    // and sample counts as the joint test below.
    SmallNetworks.Problem problem = SmallNetworks.problem(21, List.of(2), List.of(3, 3),
        List.of(1.0, 1.0, 1.0), 0.5, Readout.LAST, 4, 3, 6, 3);
    PathFeatures train = problem.trainFeatures();
    PathFeatures test = problem.testFeatures();
    FiniteNetwork network = new FiniteNetwork(problem.arch(), train, EjmlBackend.INSTANCE);
    int q = test.examples();
    int na = problem.arch().width(2);
    double[][][] gibbsDraws = gibbsDraws(network, problem, test, q);
    ChainSamples hmc = ChainRunner.run(HamiltonianMonteCarlo.defaults()
            .withMassMatrix(MassMatrix.PRIOR),
        c -> new ReadoutMarginalPotential(network, problem.yTrain()),
        (c, rng) -> {
          NetworkWeights w0 = NetworkWeights.sampleFromPrior(problem.arch(), problem.tokenDim(),
              new NormalSampler(rng));
          double[] theta = new double[w0.dimension()];
          w0.copyTo(theta);
          return java.util.Arrays.copyOf(theta, theta.length - na);
        },
        c -> marginalOutputs(problem, network, test, q, na, NormalSampler.seeded(100 + c)),
        RunSettings.of(4, 500, 1500, 10L));
    assertAgree(gibbsDraws, hmc, q);
  }

  @Test
  void posteriorMeansOfTestOutputsAndReadoutNormAgree() {
    SmallNetworks.Problem problem = SmallNetworks.problem(21, List.of(2), List.of(3, 3),
        List.of(1.0, 1.0, 1.0), 0.5, Readout.LAST, 4, 3, 6, 3);
    PathFeatures train = problem.trainFeatures();
    PathFeatures test = problem.testFeatures();
    FiniteNetwork network = new FiniteNetwork(problem.arch(), train, EjmlBackend.INSTANCE);
    int q = test.examples();

    double[][][] gibbsDraws = gibbsDraws(network, problem, test, q);

    // HMC: 4 chains × 1500 samples after 500 warm-up transitions, starting from prior draws.
    int na = problem.arch().width(2);
    ChainSamples hmc = ChainRunner.run(HamiltonianMonteCarlo.defaults(),
        c -> new PosteriorPotential(network, problem.yTrain()),
        (c, rng) -> {
          NetworkWeights w0 = NetworkWeights.sampleFromPrior(problem.arch(), problem.tokenDim(),
              new NormalSampler(rng));
          double[] theta = new double[w0.dimension()];
          w0.copyTo(theta);
          return theta;
        },
        c -> newOutputs(problem, network, test, q, na),
        RunSettings.of(4, 500, 1500, 9L));
    assertAgree(gibbsDraws, hmc, q);
  }

  /** Gibbs: 4 chains × 1500 sweeps after 200 of burn-in; [k][chain][sample], U_a last. */
  private static double[][][] gibbsDraws(FiniteNetwork network, SmallNetworks.Problem problem,
      PathFeatures test, int q) {
    SampledChains gibbs = new BlockedGibbsSampler(network, problem.yTrain(), test)
        .run(4, 200, 1500, 5L, 2);
    double[][][] gibbsDraws = new double[q + 1][4][];
    for (int c = 0; c < 4; c++) {
      List<PosteriorSample> chain = gibbs.chains().get(c);
      for (int k = 0; k <= q; k++) gibbsDraws[k][c] = new double[chain.size()];
      for (int s = 0; s < chain.size(); s++) {
        for (int k = 0; k < q; k++) gibbsDraws[k][c][s] = chain.get(s).testOutputs()[k];
        gibbsDraws[q][c][s] = chain.get(s).orderParameters().scalar();
      }
    }
    return gibbsDraws;
  }

  private static void assertAgree(double[][][] gibbsDraws, ChainSamples hmc, int q) {
    for (int k = 0; k <= q; k++) {
      DrawSummary g = DrawSummary.of(gibbsDraws[k]);
      DrawSummary h = hmc.summary(k);
      String what = k < q ? "f(x*_" + k + ")" : "U_a";
      assertTrue(g.rhat() < 1.05 && h.rhat() < 1.05, what + ": R-hat gibbs " + g.rhat() + ", hmc "
          + h.rhat());
      double tolerance = 5.0 * Math.hypot(g.mcse(), h.mcse());
      assertEquals(g.mean(), h.mean(), tolerance, what + ": gibbs " + g + " vs hmc " + h);
    }
  }

  /** As {@link #newOutputs} from θ without a, drawing a exactly first (own stream per chain). */
  private static SampleFunctional marginalOutputs(SmallNetworks.Problem problem,
      FiniteNetwork network, PathFeatures test, int q, int na, NormalSampler normals) {
    ReadoutMarginalPotential marginal = new ReadoutMarginalPotential(network, problem.yTrain());
    SampleFunctional joint = newOutputs(problem, network, test, q, na);
    double[] a = new double[na];
    return new SampleFunctional() {
      @Override
      public int size() {
        return q + 1;
      }

      @Override
      public void evaluate(double[] theta, double[] out) {
        marginal.drawReadout(theta, normals, a);
        double[] full = java.util.Arrays.copyOf(theta, theta.length + na);
        System.arraycopy(a, 0, full, theta.length, na);
        joint.evaluate(full, out);
      }
    };
  }

  /** One functional per chain (each keeps its own weights workspace). */
  private static SampleFunctional newOutputs(SmallNetworks.Problem problem, FiniteNetwork network,
      PathFeatures test, int q, int na) {
    return new SampleFunctional() {
      private final NetworkWeights w = NetworkWeights.zeros(problem.arch(), problem.tokenDim());

      @Override
      public int size() {
        return q + 1;
      }

      @Override
      public void evaluate(double[] theta, double[] out) {
        w.copyFrom(theta);
        System.arraycopy(network.forward(w, test), 0, out, 0, q);
        double norm = 0.0;
        for (double a : w.readout().data) norm += a * a;
        out[q] = norm / na;
      }
    };
  }
}
