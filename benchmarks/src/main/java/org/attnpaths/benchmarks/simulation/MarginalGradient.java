package org.attnpaths.benchmarks.simulation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.attnpaths.numerics.linalg.LinearAlgebraBackend;
import org.attnpaths.numerics.random.NormalSampler;
import org.attnpaths.simulation.network.FiniteNetwork;
import org.attnpaths.simulation.network.LayerInputs;
import org.attnpaths.simulation.network.NetworkWeights;
import org.attnpaths.simulation.sampler.BlockedGibbsSampler;
import org.attnpaths.simulation.sampler.GibbsWorkspace;
import org.attnpaths.simulation.sampler.ReadoutMarginalPotential;
import org.attnpaths.theory.model.Architecture;
import org.attnpaths.theory.model.Readout;
import org.attnpaths.theory.path.PathFeatures;
import org.attnpaths.theory.task.Task;
import org.ejml.data.DMatrixRMaj;

/**
 * Issue 3: wall time of one evaluation of the readout-marginal potential and its gradient
 * ({@link ReadoutMarginalPotential}, what one HMC leapfrog step or one MALA transition costs) on
 * the built-in Markov task (4 paths, N0 = 231, P = 100, T = 0.01), next to its parts (the layer
 * propagation {@link LayerInputs#forward} and back-propagation {@link LayerInputs#backward}) and
 * one blocked-Gibbs sweep on the same weights. Median and minimum of the timed repetitions after
 * two untimed ones, the bytes allocated per evaluation, and the flops of the matrix products
 * (forward ≈ P·Π·N0·N_1 + Σ_ℓ P·D_ℓ·N_ℓ·N_{ℓ+1} multiply-adds, backward twice that less the
 * bottom data gradient) to read the times as a BLAS rate.
 *
 * <pre>  OPENBLAS_NUM_THREADS=1 java -cp benchmarks/target/benchmarks.jar \
 *     org.attnpaths.benchmarks.simulation.MarginalGradient native [repetitions] [widths…]</pre>
 */
public final class MarginalGradient {
  private MarginalGradient() {}

  public static void main(String[] args) {
    MarkovPathData data = MarkovPathData.load(args.length > 0 ? args[0] : null);
    LinearAlgebraBackend backend = data.backend();
    int reps = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    int[] widths = MarkovPathData.widths(args);
    Task task = data.task();
    PathFeatures train = data.train();
    PathFeatures test = data.test();
    System.out.printf(Locale.ROOT, "backend=%s  P=%d  N0=%d  paths=%d  OPENBLAS_NUM_THREADS=%s%n",
        backend.name(), train.examples(), train.tokenDim(), train.paths(),
        System.getenv("OPENBLAS_NUM_THREADS"));
    for (int n : widths) {
      Architecture arch = Architecture.uniform(List.of(2, 2), n, 1.0, 0.01, Readout.LAST);
      FiniteNetwork net = new FiniteNetwork(arch, train, backend);
      NormalSampler normals = NormalSampler.seeded(1);
      NetworkWeights w = NetworkWeights.sampleFromPrior(arch, train.tokenDim(), normals);
      ReadoutMarginalPotential potential = new ReadoutMarginalPotential(net, task.yTrain());
      double[] all = new double[w.dimension()];
      w.copyTo(all);
      double[] theta = Arrays.copyOf(all, potential.dimension());
      double[] grad = new double[potential.dimension()];
      LayerInputs inputs = new LayerInputs(arch, train, backend);
      NetworkWeights g = NetworkWeights.zeros(arch, train.tokenDim());
      DMatrixRMaj top = new DMatrixRMaj(train.examples(), n);
      normals.fill(top.data, 0, top.data.length);
      BlockedGibbsSampler gibbs = new BlockedGibbsSampler(net, task.yTrain(), test);
      GibbsWorkspace ws = gibbs.workspace();
      NetworkWeights wg = w.copy();
      double fwd = flops(arch, train, n);
      String[] names = {"forward", "backward", "value+gradient", "gibbs sweep"};
      Runnable[] parts = {
          () -> inputs.forward(w),
          () -> inputs.backward(w, top, g),
          () -> potential.valueAndGradient(theta, grad),
          () -> gibbs.sweep(wg, normals, ws)};
      for (int k = 0; k < parts.length; k++) {
        for (int r = 0; r < 2; r++) parts[k].run();
        double[] t = new double[reps];
        long bytes0 = GibbsSweep.allocatedBytes();
        for (int r = 0; r < reps; r++) {
          long t0 = System.nanoTime();
          parts[k].run();
          t[r] = (System.nanoTime() - t0) * 1e-9;
        }
        double bytes = (GibbsSweep.allocatedBytes() - bytes0) / (double) reps;
        Arrays.sort(t);
        double f = k == 0 ? fwd : k == 1 ? 2 * fwd : k == 2 ? 3 * fwd : Double.NaN;
        System.out.printf(Locale.ROOT,
            "N=%5d  %-15s median %.4f s  min %.4f s  (%.1f GFlop, %.1f GFlop/s at the min;"
                + " %.1f kB allocated)%n",
            n, names[k], t[reps / 2], t[0], f * 1e-9, f * 1e-9 / t[0], bytes / 1e3);
      }
    }
  }

  /** 2 × multiply-adds of the forward propagation's matrix products. */
  private static double flops(Architecture arch, PathFeatures train, int n) {
    double p = train.examples();
    double f = p * train.paths() * train.tokenDim() * arch.width(1);
    for (int l = 1; l <= arch.layers(); l++) {
      f += p * arch.orderParameterSize(l) * arch.width(l) * arch.width(l + 1);
    }
    return 2.0 * f;
  }
}
