package org.attnpaths.numerics.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Spearman's rank correlation ρ: the Pearson correlation of the ranks, ties given their average
 * rank; and its one-sided permutation test against "no association", alternative "positive
 * association" (large x with large y).
 *
 * <p>p-value: the fraction of permutations π of y with ρ(x, y∘π) ≥ ρ(x, y) (observed one
 * included), by enumerating all n! permutations when n ≤ {@value #MAX_EXACT}, else
 * (1 + #{ρ_k ≥ ρ}) / (1 + M) over M uniform random permutations (the usual Monte-Carlo estimate
 * that counts the observed arrangement, so it is never 0). ρ of permuted data equal to the observed
 * one within 1e-12 counts as ≥ (ties in the permutation distribution).
 */
public final class SpearmanCorrelation {

  /** Largest n tested by full enumeration (8! = 40 320 permutations). */
  public static final int MAX_EXACT = 8;

  private static final double TIE = 1e-12;

  private SpearmanCorrelation() {}

  /**
   * A test result.
   *
   * @param rho Spearman's ρ, NaN when undefined (n &lt; 2 or all x or all y tied)
   * @param pValue one-sided permutation p-value, NaN when ρ is
   * @param method {@code exact} or {@code monte-carlo}
   * @param permutations permutations evaluated (n! or M); 0 when ρ is undefined
   * @param n number of observations
   */
  public record Test(double rho, double pValue, String method, long permutations, int n) {}

  /**
   * Ranks 1..n, tied values sharing the mean of the ranks they span.
   *
   * @param x not modified
   */
  public static double[] ranks(double[] x) {
    int n = x.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) order[i] = i;
    Arrays.sort(order, (a, b) -> Double.compare(x[a], x[b]));
    double[] r = new double[n];
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && x[order[j + 1]] == x[order[i]]) j++;
      double mean = (i + j) / 2.0 + 1.0;                  // ranks i+1 .. j+1
      for (int k = i; k <= j; k++) r[order[k]] = mean;
      i = j + 1;
    }
    return r;
  }

  /** ρ(x, y); NaN when n &lt; 2 or either variable is constant. */
  public static double rho(double[] x, double[] y) {
    checkLengths(x, y);
    if (x.length < 2) return Double.NaN;
    return pearson(ranks(x), ranks(y));
  }

  /**
   * ρ with its one-sided permutation p-value.
   *
   * @param monteCarloPermutations M, used when n &gt; {@value #MAX_EXACT} (≥ 1)
   * @param rng the Monte-Carlo stream (unused for exact tests); advanced
   */
  public static Test test(double[] x, double[] y, int monteCarloPermutations,
      SplittableRandom rng) {
    checkLengths(x, y);
    if (monteCarloPermutations < 1) {
      throw new IllegalArgumentException("permutations: expected >= 1, got "
          + monteCarloPermutations);
    }
    int n = x.length;
    boolean exact = n <= MAX_EXACT;
    String method = exact ? "exact" : "monte-carlo";
    if (n < 2) return new Test(Double.NaN, Double.NaN, method, 0, n);
    double[] rx = ranks(x);
    double[] ry = ranks(y);
    double observed = pearson(rx, ry);
    if (Double.isNaN(observed)) return new Test(Double.NaN, Double.NaN, method, 0, n);
    // With the ranks centred, ρ(π) ∝ Σ cx_i cy_π(i): compare those sums (same denominator).
    double[] cx = centred(rx);
    double[] cy = centred(ry);
    double threshold = dot(cx, cy) - TIE * norm(cx) * norm(cy);
    if (exact) {
      long[] counts = new long[2];                        // {at least as large, total}
      enumerate(cx, cy.clone(), 0, threshold, counts);
      return new Test(observed, (double) counts[0] / counts[1], method, counts[1], n);
    }
    double[] perm = cy.clone();
    long atLeast = 0;
    for (int k = 0; k < monteCarloPermutations; k++) {
      for (int i = n - 1; i > 0; i--) {                   // Fisher–Yates
        int j = rng.nextInt(i + 1);
        double t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
      }
      if (dot(cx, perm) >= threshold) atLeast++;
    }
    return new Test(observed, (1.0 + atLeast) / (1.0 + monteCarloPermutations), method,
        monteCarloPermutations, n);
  }

  /** Every permutation of a[k..] (swap recursion), counting those with x·a ≥ threshold. */
  private static void enumerate(double[] x, double[] a, int k, double threshold, long[] counts) {
    if (k == a.length - 1) {
      counts[1]++;
      if (dot(x, a) >= threshold) counts[0]++;
      return;
    }
    for (int i = k; i < a.length; i++) {
      swap(a, k, i);
      enumerate(x, a, k + 1, threshold, counts);
      swap(a, k, i);
    }
  }

  private static void swap(double[] a, int i, int j) {
    double t = a[i];
    a[i] = a[j];
    a[j] = t;
  }

  private static double pearson(double[] a, double[] b) {
    double[] ca = centred(a);
    double[] cb = centred(b);
    double na = norm(ca);
    double nb = norm(cb);
    if (na == 0.0 || nb == 0.0) return Double.NaN;
    return dot(ca, cb) / (na * nb);
  }

  private static double[] centred(double[] a) {
    double m = 0.0;
    for (double v : a) m += v;
    m /= a.length;
    double[] c = new double[a.length];
    for (int i = 0; i < a.length; i++) c[i] = a[i] - m;
    return c;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0.0;
    for (int i = 0; i < a.length; i++) s += a[i] * b[i];
    return s;
  }

  private static double norm(double[] a) {
    return Math.sqrt(dot(a, a));
  }

  private static void checkLengths(double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("spearman: expected x and y of equal length, got "
          + x.length + " and " + y.length);
    }
  }
}
