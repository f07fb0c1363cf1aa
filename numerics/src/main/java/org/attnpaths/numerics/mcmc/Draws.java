package org.attnpaths.numerics.mcmc;

/**
 * Shape checks and the chain splitting shared by the diagnostics. Draws are always
 * {@code double[chain][sample]}: m chains of n draws each, of one scalar quantity.
 */
final class Draws {
  private Draws() {}

  /**
   * Checks that {@code draws} is a non-empty rectangular [m][n] array with n ≥ {@code minDraws}
   * and finite entries.
   *
   * @param draws not modified
   * @return n, the number of draws per chain
   */
  static int check(double[][] draws, int minDraws) {
    if (draws == null || draws.length == 0) {
      throw new IllegalArgumentException("draws: expected [m >= 1][n] chains, got none");
    }
    int n = draws[0] == null ? -1 : draws[0].length;
    for (int j = 0; j < draws.length; j++) {
      if (draws[j] == null || draws[j].length != n) {
        throw new IllegalArgumentException("draws: expected [" + draws.length + "][" + n
            + "] (equal chain lengths), chain " + j + " has "
            + (draws[j] == null ? "null" : draws[j].length + " draws"));
      }
      for (int i = 0; i < n; i++) {
        if (!Double.isFinite(draws[j][i])) {
          throw new IllegalArgumentException("draws[" + j + "][" + i + "]: expected finite, got "
              + draws[j][i]);
        }
      }
    }
    if (n < minDraws) {
      throw new IllegalArgumentException("draws: expected >= " + minDraws
          + " draws per chain, got " + n);
    }
    return n;
  }

  /**
   * Splits each chain into its first and second half (BDA3 §11.4), dropping the middle draw
   * when n is odd, as the R package {@code posterior} does.
   *
   * @param draws [m][n], not modified
   * @return a new [2m][⌊n/2⌋] array: chain j's halves are rows 2j and 2j+1
   */
  static double[][] split(double[][] draws) {
    int m = draws.length;
    int n = draws[0].length;
    int half = n / 2;
    double[][] out = new double[2 * m][half];
    for (int j = 0; j < m; j++) {
      System.arraycopy(draws[j], 0, out[2 * j], 0, half);
      System.arraycopy(draws[j], n - half, out[2 * j + 1], 0, half);
    }
    return out;
  }

  /** Mean of one chain. @param x not modified */
  static double mean(double[] x) {
    double s = 0.0;
    for (double v : x) s += v;
    return s / x.length;
  }

  /** Sample variance of one chain, denominator n − 1. @param x not modified */
  static double variance(double[] x, double mean) {
    double s = 0.0;
    for (double v : x) s += (v - mean) * (v - mean);
    return s / (x.length - 1);
  }
}
