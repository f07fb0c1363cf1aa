package org.attnpaths.cli.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The order in which U_1's paths are drawn and their labels. The Markov task's paths are stored
 * as g, a1, d, a2 (code order) and drawn as g, d, a1, a2, as in the paper (spec §7); any other
 * task keeps code order. Paths without a task name get "(h1,h2,…)" with 1-based heads.
 *
 * @param order display position → path index
 * @param labels label at each display position
 */
public record PathOrder(int[] order, List<String> labels) {

  private static final List<String> MARKOV_CODE_ORDER = List.of("g", "a1", "d", "a2");
  private static final List<String> MARKOV_PAPER_ORDER = List.of("g", "d", "a1", "a2");

  public PathOrder {
    order = order.clone();
    labels = List.copyOf(labels);
  }

  @Override
  public int[] order() {
    return order.clone();
  }

  /**
   * @param pathNames names in path order ({@code pathNames} of a result file)
   * @param heads H_1 … H_L, for "(h1,h2)" labels when the names are just indices; may be empty
   */
  public static PathOrder of(List<String> pathNames, List<Integer> heads) {
    int n = pathNames.size();
    int[] order = new int[n];
    for (int i = 0; i < n; i++) order[i] = i;
    if (pathNames.equals(MARKOV_CODE_ORDER)) {
      for (int i = 0; i < n; i++) order[i] = MARKOV_CODE_ORDER.indexOf(MARKOV_PAPER_ORDER.get(i));
    }
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String name = pathNames.get(order[i]);
      labels.add(name.equals(Integer.toString(order[i])) ? headLabel(order[i], heads, name) : name);
    }
    return new PathOrder(order, labels);
  }

  /** {@code m} with rows and columns in display order (not modified). */
  public double[][] permute(double[][] m) {
    int n = order.length;
    double[][] out = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) out[i][j] = m[order[i]][order[j]];
    }
    return out;
  }

  // Path index → (h_1, …, h_L), row-major with h_1 slowest (theory-json.md), 1-based.
  private static String headLabel(int index, List<Integer> heads, String fallback) {
    if (heads.isEmpty()) return fallback;
    int[] h = new int[heads.size()];
    int rest = index;
    for (int l = heads.size() - 1; l >= 0; l--) {
      h[l] = rest % heads.get(l) + 1;
      rest /= heads.get(l);
    }
    StringBuilder b = new StringBuilder("(");
    for (int l = 0; l < h.length; l++) b.append(l == 0 ? "" : ",").append(h[l]);
    return b.append(')').toString();
  }
}
