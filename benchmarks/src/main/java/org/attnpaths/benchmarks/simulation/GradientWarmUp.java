package org.attnpaths.benchmarks.simulation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.attnpaths.numerics.linalg.BackendChoice;
import org.attnpaths.numerics.linalg.LinearAlgebraBackend;
import org.attnpaths.numerics.linalg.LinearAlgebraBackends;
import org.attnpaths.numerics.random.NormalSampler;
import org.attnpaths.simulation.network.FiniteNetwork;
import org.attnpaths.simulation.network.NetworkWeights;
import org.attnpaths.simulation.sampler.ChainStatistics;
import org.attnpaths.simulation.sampler.HamiltonianMonteCarlo;
import org.attnpaths.simulation.sampler.LangevinDynamics;
import org.attnpaths.simulation.sampler.MarkovChain;
import org.attnpaths.simulation.sampler.MassMatrix;
import org.attnpaths.simulation.sampler.ReadoutMarginalPotential;
import org.attnpaths.simulation.sampler.Sampler;
import org.attnpaths.theory.model.Architecture;
import org.attnpaths.theory.model.Readout;
import org.attnpaths.theory.path.AttentionMaps;
import org.attnpaths.theory.path.PathFeatures;
import org.attnpaths.theory.task.Task;
import org.attnpaths.theory.task.markov.MarkovTask;
import org.attnpaths.theory.task.markov.MarkovTaskConfig;

/**
 * Issue 3: the per-transition trace of one HMC or MALA chain on the readout-marginal potential of
 * the built-in Markov task (P = 100, T = 0.01, prior-drawn start as {@code simulate}): step size,
 * acceptance probability, Φ and gradient evaluations of every warm-up and sampling transition, to
 * see how the step-size adaptation behaves at a width (N = 1000: ≈ 4.2 M weights).
 *
 * <pre>  OPENBLAS_NUM_THREADS=1 java -cp benchmarks/target/benchmarks.jar \
 *     org.attnpaths.benchmarks.simulation.GradientWarmUp native hmc|mala N warmUp samples \
 *     [trajectoryLength] [seed] [unit|prior|adapted|pooled] [initial MALA step]</pre>
 */
public final class GradientWarmUp {
  private GradientWarmUp() {}

  public static void main(String[] args) {
    LinearAlgebraBackend backend = LinearAlgebraBackends.select(BackendChoice.parse(args[0]));
    String kind = args[1];
    int n = Integer.parseInt(args[2]);
    int warmUp = Integer.parseInt(args[3]);
    int samples = Integer.parseInt(args[4]);
    double length = args.length > 5 ? Double.parseDouble(args[5]) : Math.PI;
    long seed = args.length > 6 ? Long.parseLong(args[6]) : 1L;
    MassMatrix mass = args.length > 7
        ? MassMatrix.valueOf(args[7].toUpperCase(Locale.ROOT)) : MassMatrix.ADAPTED;
    double eta0 = args.length > 8 ? Double.parseDouble(args[8]) : 1e-3;
    Task task = MarkovTask.generate(MarkovTaskConfig.fourPath(), 1);
    PathFeatures train = PathFeatures.of(AttentionMaps.of(task.attention(), Readout.LAST,
        task.xTrain(), backend), 1.0);
    Architecture arch = Architecture.uniform(List.of(2, 2), n, 1.0, 0.01, Readout.LAST);
    FiniteNetwork net = new FiniteNetwork(arch, train, backend);
    ReadoutMarginalPotential potential = new ReadoutMarginalPotential(net, task.yTrain());
    SplittableRandom rng = new SplittableRandom(seed);
    NetworkWeights w0 = NetworkWeights.sampleFromPrior(arch, train.tokenDim(),
        new NormalSampler(rng));
    double[] all = new double[w0.dimension()];
    w0.copyTo(all);
    double[] theta = Arrays.copyOf(all, potential.dimension());
    Sampler sampler = kind.equals("hmc")
        ? HamiltonianMonteCarlo.defaults().withTrajectoryLength(length, 0.5).withMassMatrix(mass)
        : LangevinDynamics.metropolisAdjusted(eta0).withMassMatrix(mass);
    long t0 = System.nanoTime();
    MarkovChain chain = sampler.start(potential, theta, rng, warmUp);
    System.out.printf(Locale.ROOT, "%s N=%d d=%d warm-up=%d λ=%.3f start Φ=%.1f (%.1f s)%n",
        kind, n, potential.dimension(), warmUp, length, chain.potential(),
        (System.nanoTime() - t0) * 1e-9);
    System.out.println("i  eps  acceptance  Phi  gradients  seconds");
    for (int i = 0; i < warmUp + samples; i++) {
      chain.step();
      ChainStatistics st = chain.statistics();
      System.out.printf(Locale.ROOT, "%d %.5g %.4f %.2f %d %.1f%s%n", i, chain.lastStepSize(),
          chain.lastAcceptance(), chain.potential(), st.gradientEvaluations(),
          (System.nanoTime() - t0) * 1e-9, i == warmUp - 1 ? "  <- end of warm-up, eps now "
              + st.stepSize() : "");
    }
    ChainStatistics st = chain.statistics();
    System.out.printf(Locale.ROOT, "after warm-up: eps %.5g (dual averaging %.5g, calibrated"
        + " %.5g; final-window acceptance %.3f), mean acceptance %.3f (target %.3f)%n",
        st.stepSize(), st.averagedStepSize(), st.calibratedStepSize(), st.finalWindowAcceptance(),
        st.meanAcceptance(), st.targetAcceptance());
  }
}
