package org.attnpaths.cli.output;

import java.util.List;
import org.attnpaths.theory.analysis.GpBaseline;
import org.attnpaths.theory.analysis.WidthResult;

/**
 * Everything a theory run produced, as written to {@code theory.json} and {@code theory.csv}.
 *
 * @param config what was run
 * @param provenance where and how
 * @param pathNames display names of the paths in index order, or empty
 * @param gp GP limit of the full network
 * @param gpSubsets GP limits of path subsets (empty when not computed)
 * @param results one per width, in sweep order
 */
public record TheoryReport(RunConfig config, Provenance provenance, List<String> pathNames,
    GpBaseline gp, List<GpBaseline> gpSubsets, List<WidthResult> results) {

  public TheoryReport {
    pathNames = List.copyOf(pathNames);
    gpSubsets = List.copyOf(gpSubsets);
    results = List.copyOf(results);
  }

  /** α = P/N for a width. */
  public double alpha(int width) {
    return (double) config.trainSize() / width;
  }

  /** Labels of the U_1 diagonal entries: the path names, or {@code 0..Π-1}. */
  public List<String> pathLabels() {
    return pathLabels(pathNames, gp.orderParameters().pathDiagonal().length);
  }

  /** Path names, or indices {@code 0..paths-1} when the task gives no names. */
  public static List<String> pathLabels(List<String> names, int paths) {
    if (!names.isEmpty()) return names;
    String[] labels = new String[paths];
    for (int i = 0; i < paths; i++) labels[i] = Integer.toString(i);
    return List.of(labels);
  }
}
