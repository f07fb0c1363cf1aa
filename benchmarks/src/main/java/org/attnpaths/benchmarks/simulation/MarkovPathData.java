package org.attnpaths.benchmarks.simulation;

import java.util.Arrays;
import org.attnpaths.numerics.linalg.BackendChoice;
import org.attnpaths.numerics.linalg.LinearAlgebraBackend;
import org.attnpaths.numerics.linalg.LinearAlgebraBackends;
import org.attnpaths.theory.model.Readout;
import org.attnpaths.theory.path.AttentionMaps;
import org.attnpaths.theory.path.PathFeatures;
import org.attnpaths.theory.task.Task;
import org.attnpaths.theory.task.markov.MarkovTask;
import org.attnpaths.theory.task.markov.MarkovTaskConfig;

/**
 * The simulation benchmarks' inputs: the built-in 4-path Markov task (seed 1) and its path
 * features (last-token readout, σ_0² = 1) on the training and test sets.
 *
 * @param backend the backend the features were computed with and the benchmark runs on
 */
record MarkovPathData(LinearAlgebraBackend backend, Task task, PathFeatures train,
    PathFeatures test) {

  /** @param backendArg {@code auto | ejml | native}, or null for auto */
  static MarkovPathData load(String backendArg) {
    LinearAlgebraBackend backend = LinearAlgebraBackends.select(
        BackendChoice.parse(backendArg != null ? backendArg : "auto"));
    Task task = MarkovTask.generate(MarkovTaskConfig.fourPath(), 1);
    PathFeatures train = PathFeatures.of(AttentionMaps.of(task.attention(), Readout.LAST,
        task.xTrain(), backend), 1.0);
    PathFeatures test = PathFeatures.of(AttentionMaps.of(task.attention(), Readout.LAST,
        task.xTest(), backend), 1.0);
    return new MarkovPathData(backend, task, train, test);
  }

  /** The widths from the third command-line argument on; 100 and 1000 when there are none. */
  static int[] widths(String[] args) {
    return args.length > 2
        ? Arrays.stream(args, 2, args.length).mapToInt(Integer::parseInt).toArray()
        : new int[] {100, 1000};
  }
}
