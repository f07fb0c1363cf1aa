package org.attnpaths.numerics.random;

import java.util.SplittableRandom;

/**
 * Standard normal draws N(0, 1) from a {@link SplittableRandom}, by the Marsaglia polar method
 * (G. Marsaglia and T. A. Bray, "A convenient method for generating normal variables", SIAM Review
 * 6(3), 1964).
 *
 * <p>Method: draw u, v uniform on (−1, 1) from two {@link SplittableRandom#nextDouble()} calls,
 * s = u² + v², rejecting s ≥ 1 or s = 0; then u·m and v·m with m = √(−2 ln s / s) are two independent
 * N(0, 1) values. The first is returned, the second kept and returned by the next call.
 *
 * <p>Reproducibility: the uniforms come from {@code SplittableRandom} (SplitMix64, the same
 * algorithm since JDK 8) and the logarithm from {@link StrictMath} ({@link Math#log} may differ by an
 * ulp across platforms), so a given seed gives bit-identical draws on every JVM. Not thread-safe:
 * one sampler per stream.
 */
public final class NormalSampler {

  private final SplittableRandom rng;
  private double spare;
  private boolean hasSpare;

  /** @param rng the uniform source; referenced, advanced by every draw */
  public NormalSampler(SplittableRandom rng) {
    if (rng == null) throw new IllegalArgumentException("rng: expected a SplittableRandom, got null");
    this.rng = rng;
  }

  /** A sampler on {@code new SplittableRandom(seed)}. */
  public static NormalSampler seeded(long seed) {
    return new NormalSampler(new SplittableRandom(seed));
  }

  /** The next N(0, 1) value. */
  public double next() {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    double u;
    double v;
    double s;
    do {
      u = 2.0 * rng.nextDouble() - 1.0;
      v = 2.0 * rng.nextDouble() - 1.0;
      s = u * u + v * v;
    } while (s >= 1.0 || s == 0.0);
    double m = Math.sqrt(-2.0 * StrictMath.log(s) / s);   // sqrt is correctly rounded everywhere
    spare = v * m;
    hasSpare = true;
    return u * m;
  }

  /**
   * Fills {@code out[from..to)} with N(0, 1) values in index order.
   *
   * @param out modified in the range, untouched elsewhere
   */
  public void fill(double[] out, int from, int to) {
    if (from < 0 || to > out.length || from > to) {
      throw new IllegalArgumentException("range: expected 0 <= from <= to <= " + out.length
          + ", got [" + from + ", " + to + ")");
    }
    for (int i = from; i < to; i++) out[i] = next();
  }

  /** A new array of {@code n} N(0, 1) values. */
  public double[] next(int n) {
    if (n < 0) throw new IllegalArgumentException("n: expected >= 0, got " + n);
    double[] out = new double[n];
    fill(out, 0, n);
    return out;
  }

  /** The next uniform value on [0, 1) from the underlying stream (no effect on a kept spare). */
  public double nextUniform() {
    return rng.nextDouble();
  }
}
