package org.attnpaths.theory.analysis;

import java.util.List;
import java.util.function.Consumer;
import org.attnpaths.numerics.linalg.LinearAlgebraBackend;
import org.attnpaths.theory.model.Architecture;
import org.attnpaths.theory.saddle.SolverOptions;
import org.attnpaths.theory.task.Task;

/**
 * The theory of one task over a sweep of widths (API draft; bodies being written).
 */
public final class TheorySweep {

  public TheorySweep(Task task, Architecture base, LinearAlgebraBackend backend,
      SolverOptions options) {
    throw new UnsupportedOperationException("TheorySweep: in progress");
  }

  /** GP limit of the full network. */
  public GpBaseline gp() {
    throw new UnsupportedOperationException("in progress");
  }

  /** GP limit of the sub-network keeping the listed 0-based heads per layer. */
  public GpBaseline gpSubset(String name, List<List<Integer>> keepHeads) {
    throw new UnsupportedOperationException("in progress");
  }

  /** Solves every width in order, warm-starting each from the previous solution. */
  public List<WidthResult> run(List<Integer> widths, Consumer<WidthResult> onEach) {
    throw new UnsupportedOperationException("in progress");
  }
}
