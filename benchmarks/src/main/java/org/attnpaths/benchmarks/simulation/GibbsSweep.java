package org.attnpaths.benchmarks.simulation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.attnpaths.numerics.linalg.LinearAlgebraBackend;
import org.attnpaths.numerics.random.NormalSampler;
import org.attnpaths.simulation.network.FiniteNetwork;
import org.attnpaths.simulation.network.NetworkWeights;
import org.attnpaths.simulation.sampler.BlockedGibbsSampler;
import org.attnpaths.simulation.sampler.GibbsWorkspace;
import org.attnpaths.theory.model.Architecture;
import org.attnpaths.theory.model.Readout;
import org.attnpaths.theory.path.PathFeatures;
import org.attnpaths.theory.task.Task;

/**
 * Issue 3 §6: wall time of one exact blocked-Gibbs sweep on the built-in Markov task (4 paths,
 * N0 = 231, P = 100, T = 0.01, last-token readout) at widths N = 100 and 1000 (≈ 4.2 M weights;
 * target ≤ 0.5 s with the native backend). Two warm-up sweeps, then the median and minimum of
 * the timed sweeps, next to the time of the {@code dimension} normal draws a sweep needs and the
 * bytes the sweeps allocated (HotSpot's per-thread counter; STYLE.md: hot loops allocate nothing).
 *
 * <pre>  java -cp benchmarks/target/benchmarks.jar \
 *     org.attnpaths.benchmarks.simulation.GibbsSweep native [sweeps] [widths…]</pre>
 */
public final class GibbsSweep {
  private GibbsSweep() {}

  public static void main(String[] args) {
    MarkovPathData data = MarkovPathData.load(args.length > 0 ? args[0] : null);
    LinearAlgebraBackend backend = data.backend();
    int sweeps = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int[] widths = MarkovPathData.widths(args);
    Task task = data.task();
    PathFeatures train = data.train();
    PathFeatures test = data.test();
    System.out.printf(Locale.ROOT, "backend=%s  P=%d  N0=%d  paths=%d%n", backend.name(),
        train.examples(), train.tokenDim(), train.paths());
    for (int n : widths) {
      Architecture arch = Architecture.uniform(List.of(2, 2), n, 1.0, 0.01, Readout.LAST);
      FiniteNetwork net = new FiniteNetwork(arch, train, backend);
      BlockedGibbsSampler gibbs = new BlockedGibbsSampler(net, task.yTrain(), test);
      NormalSampler normals = NormalSampler.seeded(1);
      NetworkWeights w = NetworkWeights.sampleFromPrior(arch, train.tokenDim(), normals);
      GibbsWorkspace ws = gibbs.workspace();                 // once per chain, as in run()
      for (int s = 0; s < 2; s++) gibbs.sweep(w, normals, ws);
      double[] times = new double[sweeps];
      long bytes0 = allocatedBytes();
      for (int s = 0; s < sweeps; s++) {
        long t0 = System.nanoTime();
        gibbs.sweep(w, normals, ws);
        times[s] = (System.nanoTime() - t0) * 1e-9;
      }
      double perSweep = (allocatedBytes() - bytes0) / (double) sweeps;
      Arrays.sort(times);
      long t0 = System.nanoTime();
      normals.next(w.dimension());
      double draw = (System.nanoTime() - t0) * 1e-9;
      System.out.printf(Locale.ROOT,
          "N=%5d  weights=%9d  sweep median %.3f s  min %.3f s  (%d sweeps;"
              + " normals alone %.3f s; allocated %.1f kB per sweep)%n",
          n, w.dimension(), times[sweeps / 2], times[0], sweeps, draw, perSweep / 1e3);
    }
  }

  /** Bytes allocated so far by this thread (HotSpot's ThreadMXBean), or 0 if unsupported. */
  static long allocatedBytes() {
    java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
    if (bean instanceof com.sun.management.ThreadMXBean hotspot) {
      return hotspot.getThreadAllocatedBytes(Thread.currentThread().getId());
    }
    return 0L;
  }
}
