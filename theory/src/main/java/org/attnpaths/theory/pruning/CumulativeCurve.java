package org.attnpaths.theory.pruning;

import java.util.List;

/**
 * Accuracy while heads are removed one by one (issue 5 §3). A head that is the last one left in
 * its layer is skipped, so a complete curve has 1 + Σ_ℓ (H_ℓ − 1) points.
 *
 * @param removed the heads actually removed, in removal order
 * @param accuracies accuracy after removing 0, 1, 2, … of them (length removed + 1)
 */
public record CumulativeCurve(List<Head> removed, double[] accuracies) {

  public CumulativeCurve {
    removed = List.copyOf(removed);
    accuracies = accuracies.clone();
    if (accuracies.length != removed.size() + 1) {
      throw new IllegalArgumentException("cumulative curve: expected " + (removed.size() + 1)
          + " accuracies, got " + accuracies.length);
    }
  }

  @Override
  public double[] accuracies() {
    return accuracies.clone();
  }

  /**
   * The heads of {@code order} that can be removed in turn, skipping any head that is the last
   * one left in its layer.
   *
   * @param heads H_1..H_L
   */
  public static List<Head> feasible(List<Integer> heads, List<Head> order) {
    HeadRemoval r = HeadRemoval.none(heads);
    List<Head> out = new java.util.ArrayList<>();
    for (Head h : order) {
      HeadRemoval next = r.plus(h);
      if (next.removed().size() == r.removed().size() || !next.keepsEveryLayer()) continue;
      out.add(h);
      r = next;
    }
    return List.copyOf(out);
  }
}
