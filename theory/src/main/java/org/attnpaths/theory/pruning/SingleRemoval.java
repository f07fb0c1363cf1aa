package org.attnpaths.theory.pruning;

import org.attnpaths.theory.predictor.PredictorStatistics;

/**
 * One head removed from the full network (issue 5 §2).
 *
 * @param head the removed head
 * @param frozen predictor with the head's paths silenced in U_1, or null when not allowed
 * @param resolved the smaller network's saddle point and predictor, or null when not allowed
 * @param note empty, or why the removal was not computed (the only head of its layer)
 */
public record SingleRemoval(Head head, PredictorStatistics frozen, PrunedSolution resolved,
    String note) {

  /** Whether the removal was computed. */
  public boolean computed() {
    return frozen != null;
  }
}
