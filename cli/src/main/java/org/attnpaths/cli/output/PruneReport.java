package org.attnpaths.cli.output;

import java.util.List;
import org.attnpaths.theory.pruning.WidthPruning;

/**
 * Everything a pruning run produced, as written to {@code prune.json} and {@code prune.csv}.
 *
 * @param config task, architecture, solver and kernels, as in {@code theory.json}
 * @param settings the pruning settings ({@code config.prune})
 * @param provenance where and how
 * @param headNames attention head names per layer (task order)
 * @param results one per width, in {@code --widths} order
 */
public record PruneReport(RunConfig config, Settings settings, Provenance provenance,
    List<List<String>> headNames, List<Width> results) {

  public PruneReport {
    headNames = List.copyOf(headNames);
    results = List.copyOf(results);
  }

  /**
   * {@code config.prune}.
   *
   * @param orders cumulative orders, as given
   * @param randomOrders K
   * @param cumulativeMethod {@code resolved} or {@code frozen}
   * @param permutations Monte-Carlo permutations of the Spearman test (more than 8 heads)
   * @param simulate sampler settings, or null without {@code --simulate}
   */
  public record Settings(List<String> orders, int randomOrders, String cumulativeMethod,
      int permutations, SimulateReport.Sampler simulate) {
    public Settings {
      orders = List.copyOf(orders);
    }
  }

  /**
   * One width.
   *
   * @param theory the theory's pruning analysis
   * @param simulated the finite networks' side, or null without {@code --simulate}
   */
  public record Width(WidthPruning theory, SimulatedPruning simulated) {}
}
