package org.attnpaths.cli.report;

import java.awt.Color;
import java.awt.Paint;
import java.io.Serializable;
import org.jfree.chart.renderer.PaintScale;

/**
 * Blue–white–red colour scale symmetric about 0 on [−m, m] (spec §7: ±max|U|): negative entries
 * blue, zero white, positive red; values outside are clamped.
 */
final class DivergingPaintScale implements PaintScale, Serializable {

  private static final Color NEGATIVE = new Color(0x21, 0x66, 0xac);
  private static final Color POSITIVE = new Color(0xb2, 0x18, 0x2b);
  private final double bound;

  /** @param bound m > 0 */
  DivergingPaintScale(double bound) {
    if (!(bound > 0) || Double.isInfinite(bound)) {
      throw new IllegalArgumentException("bound: expected a finite m > 0, got " + bound);
    }
    this.bound = bound;
  }

  /** The scale for the largest |entry| of the matrices (1 if all are 0 or not finite). */
  static DivergingPaintScale covering(double[][]... matrices) {
    double m = 0;
    for (double[][] u : matrices) {
      for (double[] row : u) {
        for (double v : row) if (Double.isFinite(v)) m = Math.max(m, Math.abs(v));
      }
    }
    return new DivergingPaintScale(m > 0 ? m : 1);
  }

  @Override
  public double getLowerBound() {
    return -bound;
  }

  @Override
  public double getUpperBound() {
    return bound;
  }

  @Override
  public Paint getPaint(double value) {
    if (Double.isNaN(value)) return Color.LIGHT_GRAY;
    double t = Math.max(-1, Math.min(1, value / bound));
    Color end = t < 0 ? NEGATIVE : POSITIVE;
    double a = Math.abs(t);
    return new Color(mix(255, end.getRed(), a), mix(255, end.getGreen(), a),
        mix(255, end.getBlue(), a));
  }

  /** Whether text on a cell of this value should be white (dark background). */
  boolean dark(double value) {
    return Math.abs(value) > 0.6 * bound;
  }

  private static int mix(int from, int to, double a) {
    return (int) Math.round(from + (to - from) * a);
  }
}
