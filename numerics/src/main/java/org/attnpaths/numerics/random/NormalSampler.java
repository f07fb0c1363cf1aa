package org.attnpaths.numerics.random;

import java.util.SplittableRandom;

/**
 * Standard normal draws N(0, 1) from a {@link SplittableRandom}, by the ziggurat method with 128
 * layers in J. A. Doornik's ZIGNOR form ("An improved ziggurat method to generate normal random
 * samples", 2005; after G. Marsaglia and W. W. Tsang, J. Stat. Softw. 5(8), 2000).
 *
 * <p>Method: one 64-bit draw gives an independent layer index i (its low 7 bits) and a uniform u
 * on [−1, 1) (its high 53 bits). If |u| &lt; x_{i+1}/x_i, u·x_i is returned (about 99 % of draws:
 * one draw and a multiply). Otherwise the wedge of layer i is tested with one more uniform, or for
 * i = 0 the tail beyond R = 3.4426… is sampled by Marsaglia's exponential rejection. Generating a
 * Markov task needs millions of normals; the polar method (a logarithm and 2.5 uniforms per pair)
 * took about 50 ns a draw, the ziggurat a fraction of that.
 *
 * <p>Reproducibility: the uniforms come from {@code SplittableRandom} (SplitMix64, the same
 * algorithm since JDK 8), and the tables, wedges and tail use {@link StrictMath} ({@link Math}'s
 * exp and log may differ by an ulp across platforms), so a given seed gives bit-identical draws on
 * every JVM. Not thread-safe: one sampler per stream.
 */
public final class NormalSampler {
  private static final int LAYERS = 128;
  private static final double R = 3.442619855899;
  private static final double V = 9.91256303526217e-3;
  /** Layer edges x_0 = V/f(R) &gt; x_1 = R &gt; … &gt; x_128 = 0, f(x) = exp(−x²/2). */
  private static final double[] EDGE = new double[LAYERS + 1];
  /** x_{i+1}/x_i: the fraction of layer i inside the next layer's rectangle. */
  private static final double[] INNER = new double[LAYERS];

  static {
    double f = StrictMath.exp(-0.5 * R * R);
    EDGE[0] = V / f;
    EDGE[1] = R;
    EDGE[LAYERS] = 0.0;
    for (int i = 2; i < LAYERS; i++) {
      EDGE[i] = StrictMath.sqrt(-2.0 * StrictMath.log(V / EDGE[i - 1] + f));
      f = StrictMath.exp(-0.5 * EDGE[i] * EDGE[i]);
    }
    for (int i = 0; i < LAYERS; i++) INNER[i] = EDGE[i + 1] / EDGE[i];
  }

  private final SplittableRandom rng;

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
    while (true) {
      long bits = rng.nextLong();
      int i = (int) (bits & (LAYERS - 1));
      double u = 2.0 * ((bits >>> 11) * 0x1.0p-53) - 1.0;
      if (Math.abs(u) < INNER[i]) return u * EDGE[i];
      double z = outside(i, u);
      if (z == z) return z;
    }
  }

  /**
   * The rare part of one attempt, for layer i and a uniform u outside the inner rectangle: the
   * tail for i = 0, else the wedge test with one more uniform.
   *
   * @return the draw, or NaN if the attempt is rejected (the caller starts a new one)
   */
  private double outside(int i, double u) {
    if (i == 0) return tail(u < 0.0);
    double x = u * EDGE[i];
    double f0 = StrictMath.exp(-0.5 * (EDGE[i] * EDGE[i] - x * x));
    double f1 = StrictMath.exp(-0.5 * (EDGE[i + 1] * EDGE[i + 1] - x * x));
    return f1 + rng.nextDouble() * (f0 - f1) < 1.0 ? x : Double.NaN;
  }

  /** A draw from the tail |z| &gt; R (Marsaglia 1964), with the given sign. */
  private double tail(boolean negative) {
    double x;
    double y;
    do {
      x = StrictMath.log(1.0 - rng.nextDouble()) / R;   // 1 − u ∈ (0, 1]: no log(0)
      y = StrictMath.log(1.0 - rng.nextDouble());
    } while (-2.0 * y < x * x);
    return negative ? x - R : R - x;
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
    // The first attempt of next() written out in the loop (the same draws in the same order):
    // under C1 alone, which does not inline next(), this halves the cost per value.
    SplittableRandom g = rng;
    double[] inner = INNER;
    double[] edge = EDGE;
    for (int k = from; k < to; k++) {
      long bits = g.nextLong();
      int i = (int) (bits & (LAYERS - 1));
      double u = 2.0 * ((bits >>> 11) * 0x1.0p-53) - 1.0;
      if (Math.abs(u) < inner[i]) {
        out[k] = u * edge[i];
      } else {
        double z = outside(i, u);
        out[k] = z == z ? z : next();
      }
    }
  }

  /** A new array of {@code n} N(0, 1) values. */
  public double[] next(int n) {
    if (n < 0) throw new IllegalArgumentException("n: expected >= 0, got " + n);
    double[] out = new double[n];
    fill(out, 0, n);
    return out;
  }

  /** The next uniform value on [0, 1) from the underlying stream. */
  public double nextUniform() {
    return rng.nextDouble();
  }
}
