package org.attnpaths.cli.command;

import java.util.ArrayList;
import java.util.List;
import org.attnpaths.cli.output.SampledWidth;
import org.attnpaths.cli.output.WidthComparison;
import org.attnpaths.theory.analysis.GpBaseline;
import org.attnpaths.theory.analysis.TheorySweep;
import org.attnpaths.theory.analysis.WidthResult;

/**
 * Theory and simulation of the same task at the same widths (issue 3 §3): the saddle point of
 * every width, then the sampled network of every width from the very same path features.
 *
 * @param gp GP limit of the full network
 * @param theory one theory result per width
 * @param sampled one sampled result per width
 * @param comparisons one comparison per width
 */
record SideBySide(GpBaseline gp, List<WidthResult> theory, List<SampledWidth> sampled,
    List<WidthComparison> comparisons) {

  /** Solves and samples every width; each comparison goes to {@code onEach} as it is done. */
  static SideBySide run(TheorySweep sweep, Simulation simulation, List<Integer> widths,
      Progress progress, java.util.function.Consumer<WidthComparison> onEach) {
    progress.stage("GP limit and saddle points at " + widths.size() + " widths");
    // The saddle points first: they overlap with the test-set features (TheorySweep).
    List<WidthResult> theory = sweep.run(widths, null);
    GpBaseline gp = sweep.gp();
    List<SampledWidth> sampled = new ArrayList<>();
    List<WidthComparison> comparisons = new ArrayList<>();
    simulation.countSteps(widths.size());
    for (int i = 0; i < widths.size(); i++) {
      simulation.stage(widths.get(i), i, widths.size());
      SampledWidth s = simulation.run(widths.get(i));
      sampled.add(s);
      WidthComparison c = WidthComparison.of(theory.get(i), s, gp.test().accuracy());
      comparisons.add(c);
      if (onEach != null) onEach.accept(c);
    }
    return new SideBySide(gp, theory, sampled, comparisons);
  }
}
