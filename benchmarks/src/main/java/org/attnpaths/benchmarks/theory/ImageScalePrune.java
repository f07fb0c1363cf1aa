package org.attnpaths.benchmarks.theory;

import java.io.IOException;
import java.util.List;
import org.attnpaths.numerics.linalg.BackendChoice;
import org.attnpaths.numerics.linalg.LinearAlgebraBackend;
import org.attnpaths.numerics.linalg.LinearAlgebraBackends;
import org.attnpaths.theory.analysis.TheorySweep;
import org.attnpaths.theory.analysis.WidthResult;
import org.attnpaths.theory.kernel.PathKernels;
import org.attnpaths.theory.model.Architecture;
import org.attnpaths.theory.model.Readout;
import org.attnpaths.theory.pruning.HeadPruning;
import org.attnpaths.theory.pruning.PruningOptions;
import org.attnpaths.theory.pruning.SingleRemoval;
import org.attnpaths.theory.pruning.WidthPruning;
import org.attnpaths.theory.saddle.Certificate;
import org.attnpaths.theory.saddle.SolverOptions;
import org.attnpaths.theory.task.Task;
import org.attnpaths.theory.task.synthetic.SyntheticTask;
import org.attnpaths.theory.task.synthetic.SyntheticTaskConfig;

/**
 * Issue 5 §5: every single-head removal with re-solving on the image-scale network (P = 600,
 * 1000 test examples, 2 layers × 4 heads = 16 paths, N0 = 192, 48 tokens, random QK attention,
 * average readout, N = 100, T = 0.1, Newton to 1e-9). The full network is solved first (from the
 * GP value); then {@link HeadPruning} removes each of the 8 heads once: frozen predictor, and the
 * 12-path network's saddle point warm-started from the full solution restricted to its paths,
 * with kernels that are a view of the full network's blocks, plus its predictor on the test set.
 * "prune" is that whole second phase (all 8 removals). Repeats the pruning {@code reps} times in
 * one JVM (the first run includes JIT warm-up):
 *
 * <pre>  java -Xmx16g -cp benchmarks/target/benchmarks.jar \
 *     org.attnpaths.benchmarks.theory.ImageScalePrune native [reps] [auto|precomputed|factorised]</pre>
 */
public final class ImageScalePrune {
  private ImageScalePrune() {}

  public static void main(String[] args) throws IOException {
    LinearAlgebraBackend backend = LinearAlgebraBackends.select(BackendChoice.parse(args[0]));
    int reps = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    PathKernels.Representation rep = args.length > 2
        ? PathKernels.Representation.parse(args[2]) : PathKernels.Representation.AUTO;
    Task task = SyntheticTask.generate(SyntheticTaskConfig.imageScale(), 1);
    Architecture arch = Architecture.uniform(List.of(4, 4), 100, 1.0, 0.1, Readout.AVERAGE);

    long t0 = System.nanoTime();
    TheorySweep sweep = new TheorySweep(task, arch, backend, SolverOptions.newton(), rep);
    long t1 = System.nanoTime();
    WidthResult full = sweep.solve(100, null);
    long t2 = System.nanoTime();
    System.out.printf("backend=%s kernels=%s features(train+test)=%.2fs fullSolve+predictor=%.2fs "
            + "(solve %.2fs, %d iterations) accuracy=%.4f%n", backend.name(),
        sweep.kernelRepresentation(), (t1 - t0) * 1e-9, (t2 - t1) * 1e-9,
        full.saddlePoint().certificate().wallSeconds(),
        full.saddlePoint().certificate().iterations(), full.test().accuracy());
    PruningOptions singlesOnly = new PruningOptions(List.of(), 0, PruningOptions.Method.RESOLVED,
        10_000, 1);
    for (int r = 0; r < reps; r++) {
      long p0 = System.nanoTime();
      WidthPruning w = new HeadPruning(sweep, singlesOnly).run(full, null);
      double seconds = (System.nanoTime() - p0) * 1e-9;
      double solve = 0;
      StringBuilder per = new StringBuilder();
      for (SingleRemoval s : w.singles()) {
        Certificate c = s.resolved().saddlePoint().certificate();
        solve += c.wallSeconds();
        per.append(String.format(" %s:%d/%d/%.2fs%s", s.head().label(), c.iterations(),
            c.evaluations(), c.wallSeconds(), c.isMinimum() ? "" : "(NOT certified)"));
      }
      System.out.printf("run %d: prune(8 removals)=%.2fs of which re-solves %.2fs; "
              + "head:iterations/evaluations/solve%s; spearman(resolved) rho=%.3f%n", r + 1,
          seconds, solve, per, w.resolvedSpearman().rho());
    }
    System.out.printf("peakRSS=%dMiB%n", ImageScaleSolve.peakResidentMiB());
  }
}
