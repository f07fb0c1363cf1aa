package org.attnpaths.benchmarks.theory;

import java.util.List;
import org.attnpaths.numerics.linalg.BackendChoice;
import org.attnpaths.numerics.linalg.LinearAlgebraBackend;
import org.attnpaths.numerics.linalg.LinearAlgebraBackends;
import org.attnpaths.theory.model.AttentionHead;
import org.attnpaths.theory.model.Readout;
import org.attnpaths.theory.model.Sequences;
import org.attnpaths.theory.path.AttentionMaps;
import org.attnpaths.theory.path.PathFeatures;
import org.attnpaths.theory.task.Task;
import org.attnpaths.theory.task.markov.MarkovTask;
import org.attnpaths.theory.task.markov.MarkovTaskConfig;
import org.ejml.data.DMatrixRMaj;

/**
 * Issue 2 §9, the default Fig. 2c sweep: the compute phases before the saddle points (task
 * generation, attention maps, path features), timed one by one and repeated in one JVM (round 1
 * is the cold figure the command pays). Run it with the launcher's JIT flags:
 *
 * <pre>  java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp benchmarks/target/benchmarks.jar \
 *     org.attnpaths.benchmarks.theory.SweepPhases [rounds]</pre>
 */
public final class SweepPhases {
  private SweepPhases() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    LinearAlgebraBackend backend = LinearAlgebraBackends.select(BackendChoice.parse("native"));
    MarkovTaskConfig config = MarkovTaskConfig.fourPath();
    for (int r = 1; r <= rounds; r++) {
      StringBuilder line = new StringBuilder("round " + r + ":");
      long t0 = System.nanoTime();
      cpuMark = OS.getProcessCpuTime();
      Task task = MarkovTask.generate(config, 1);
      line.append(lap(" task", t0));
      for (Sequences x : List.of(task.xTrain(), task.xTest())) {
        String set = x == task.xTrain() ? " train" : " test";
        DMatrixRMaj all = DMatrixRMaj.wrap(x.count() * x.tokens(), x.dim(), x.data());
        for (AttentionHead head : task.attention().layer(1)) {
          long h0 = System.nanoTime();
          head.score().keys(all, backend);
          head.score().queries(all, backend);
          line.append(lap(set + "/" + head.name() + "/projections", h0));
        }
        long a0 = System.nanoTime();
        AttentionMaps maps = AttentionMaps.of(task.attention(), Readout.LAST, x, backend);
        line.append(lap(set + "/maps", a0));
        long f0 = System.nanoTime();
        PathFeatures.of(maps, 1.0);
        line.append(lap(set + "/features", f0));
      }
      System.out.println(line);
    }
  }

  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
          .getOperatingSystemMXBean();
  private static long cpuMark = OS.getProcessCpuTime();

  /** Wall time since {@code from} and the process CPU time (all threads, OpenBLAS's too) since the last lap. */
  private static String lap(String name, long from) {
    long cpu = OS.getProcessCpuTime();
    String out = String.format(java.util.Locale.ROOT, "%s %.1f ms (cpu %.0f)", name,
        (System.nanoTime() - from) * 1e-6, (cpu - cpuMark) * 1e-6);
    cpuMark = cpu;
    return out;
  }
}
