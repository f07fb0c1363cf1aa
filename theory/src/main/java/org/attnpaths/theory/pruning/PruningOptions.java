package org.attnpaths.theory.pruning;

import java.util.List;
import java.util.Locale;

/**
 * What a pruning analysis computes besides the single-head removals (issue 5 §3).
 *
 * @param orders cumulative orders to run, no repeats
 * @param randomOrders K, the number of random orders (≥ 1 when {@code RANDOM} is requested)
 * @param method how each cumulative step's accuracy is computed
 * @param permutations Monte-Carlo permutations of the Spearman test when there are more than 8
 *     heads
 * @param seed seeds the random orders and the Monte-Carlo permutations
 */
public record PruningOptions(List<Order> orders, int randomOrders, Method method, int permutations,
    long seed) {

  /** A cumulative removal order. */
  public enum Order {
    /** Increasing head score (spec §10). */
    SCORE,
    /** Decreasing head score. */
    REVERSE,
    /** Uniformly random permutations of the heads, K of them. */
    RANDOM;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the value and the accepted ones */
    public static Order parse(String text) {
      for (Order o : values()) if (o.label().equals(text.trim().toLowerCase(Locale.ROOT))) return o;
      throw new IllegalArgumentException("order: expected score, reverse or random, got '" + text
          + "'");
    }
  }

  /** How a pruned network's accuracy is computed. */
  public enum Method {
    /** U_1 of the full network with the removed paths' rows and columns zeroed (spec §10). */
    FROZEN,
    /** The smaller network's own saddle point. */
    RESOLVED;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the value and the accepted ones */
    public static Method parse(String text) {
      for (Method m : values()) if (m.label().equals(text.trim().toLowerCase(Locale.ROOT))) return m;
      throw new IllegalArgumentException("cumulative method: expected resolved or frozen, got '"
          + text + "'");
    }
  }

  public PruningOptions {
    orders = List.copyOf(orders);
    if (orders.stream().distinct().count() != orders.size()) {
      throw new IllegalArgumentException("orders: expected no repeats, got " + orders);
    }
    if (randomOrders < 0 || (orders.contains(Order.RANDOM) && randomOrders < 1)) {
      throw new IllegalArgumentException("random orders: expected K >= 1, got " + randomOrders);
    }
    if (permutations < 1) {
      throw new IllegalArgumentException("permutations: expected >= 1, got " + permutations);
    }
    if (method == null) throw new IllegalArgumentException("method: expected a value, got null");
  }

  /** All three orders, 10 random orders, re-solved, 10 000 permutations. */
  public static PruningOptions defaults(long seed) {
    return new PruningOptions(List.of(Order.SCORE, Order.REVERSE, Order.RANDOM), 10,
        Method.RESOLVED, 10_000, seed);
  }
}
