package org.attnpaths.theory.pruning;

import java.util.List;
import org.attnpaths.numerics.stats.SpearmanCorrelation;
import org.attnpaths.theory.analysis.WidthResult;

/**
 * The pruning analysis at one width (issue 5 §1–3).
 *
 * @param full the full network's solution and predictor
 * @param scores head scores from its U_1 (spec §10)
 * @param relevance per-path diag U_1 against the GP value, in path order
 * @param singles every head removed once, architecture order
 * @param method how the cumulative curves were computed
 * @param score cumulative curve in increasing score order, or null when not requested
 * @param reverse cumulative curve in decreasing score order, or null when not requested
 * @param random one cumulative curve per random order (empty when not requested)
 * @param frozenSpearman rank correlation of score and frozen accuracy drop over the computed heads
 * @param resolvedSpearman the same with the re-solved drop
 */
public record WidthPruning(WidthResult full, HeadScores scores, List<PathRelevance> relevance,
    List<SingleRemoval> singles, PruningOptions.Method method, CumulativeCurve score,
    CumulativeCurve reverse, List<CumulativeCurve> random,
    SpearmanCorrelation.Test frozenSpearman, SpearmanCorrelation.Test resolvedSpearman) {

  public WidthPruning {
    relevance = List.copyOf(relevance);
    singles = List.copyOf(singles);
    random = List.copyOf(random);
  }

  public int width() {
    return full.width();
  }

  /** Test accuracy of the full network's theory predictor. */
  public double baseAccuracy() {
    return full.test().accuracy();
  }
}
