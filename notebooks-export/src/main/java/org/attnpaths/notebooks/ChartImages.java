package org.attnpaths.notebooks;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * PNG previews of the notebook's figures, drawn with JFreeChart so that the notebook reads without
 * being run. They are placeholders: executing the notebook replaces them with matplotlib's
 * figures. Each method returns the PNG bytes.
 */
final class ChartImages {

  static final int WIDTH = 640;
  static final int HEIGHT = 420;
  /** Theory: the same colour in every figure (matplotlib's C0). */
  static final Color THEORY = new Color(0x1f, 0x77, 0xb4);
  /** GP limit (matplotlib's C1). */
  static final Color GP = new Color(0xff, 0x7f, 0x0e);

  private ChartImages() {}

  /** Test accuracy of the mean predictor against N (log axis), GP limits as dashed lines. */
  static byte[] accuracy(TheoryResult r) {
    XYSeries theory = new XYSeries("theory");
    for (TheoryResult.Point p : r.widths()) theory.add(p.width(), p.accuracy());
    XYSeriesCollection data = new XYSeriesCollection(theory);
    LogAxis x = new LogAxis("N");
    x.setSmallestValue(1);
    x.setNumberFormatOverride(new java.text.DecimalFormat("0.#"));
    NumberAxis y = new NumberAxis("test accuracy");
    y.setAutoRangeIncludesZero(false);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    renderer.setSeriesPaint(0, THEORY);
    XYPlot plot = new XYPlot(data, x, y, renderer);
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (TheoryResult.Point p : r.widths()) {
      lo = Math.min(lo, p.accuracy());
      hi = Math.max(hi, p.accuracy());
    }
    dashed(plot, "GP", r.gp().accuracy(), GP);
    lo = Math.min(lo, r.gp().accuracy());
    hi = Math.max(hi, r.gp().accuracy());
    Color[] others = {new Color(0x2c, 0xa0, 0x2c), new Color(0xd6, 0x27, 0x28),
        new Color(0x94, 0x67, 0xbd)}; // matplotlib's C2, C3, C4, as in the notebook's cell
    List<TheoryResult.Subset> subsets = r.gpSubsets();
    for (int i = 0; i < subsets.size(); i++) {
      TheoryResult.Subset s = subsets.get(i);
      dashed(plot, "GP " + s.name(), s.accuracy(), others[i % others.length]);
      lo = Math.min(lo, s.accuracy());
      hi = Math.max(hi, s.accuracy());
    }
    if (Double.isFinite(lo) && Double.isFinite(hi)) {
      y.setRange(Math.max(0, lo - 0.05), Math.min(1.02, hi + 0.05));
    }
    return png(new JFreeChart("Test accuracy against width", plot));
  }

  private static void dashed(XYPlot plot, String label, double value, Color colour) {
    if (!Double.isFinite(value)) return;
    ValueMarker m = new ValueMarker(value, colour, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
        BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f}, 0f));
    m.setLabel(label);
    m.setLabelPaint(colour);
    m.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_LEFT);
    m.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_LEFT);
    plot.addRangeMarker(m);
  }

  /**
   * U_1 as a heat map in display order (row 0 at the top), diverging blue–white–red scale
   * symmetric about 0, with a colour bar.
   */
  static byte[] heatMap(TheoryResult r, TheoryResult.Point p) {
    int[] order = r.displayOrder();
    int n = order.length;
    double[][] u = p.u1();
    double[] xs = new double[n * n];
    double[] ys = new double[n * n];
    double[] zs = new double[n * n];
    double max = 0;
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        int k = a * n + b;
        xs[k] = b;
        ys[k] = n - 1 - a;
        zs[k] = u[order[a]][order[b]];
        if (Double.isFinite(zs[k])) max = Math.max(max, Math.abs(zs[k]));
      }
    }
    if (max == 0) max = 1;
    DefaultXYZDataset data = new DefaultXYZDataset();
    data.addSeries("U_1", new double[][] {xs, ys, zs});
    String[] labels = new String[n];
    String[] reversed = new String[n];
    for (int a = 0; a < n; a++) {
      labels[a] = r.pathNames().get(order[a]);
      reversed[n - 1 - a] = labels[a];
    }
    SymbolAxis x = new SymbolAxis("path", labels);
    SymbolAxis y = new SymbolAxis("path", reversed);
    XYBlockRenderer renderer = new XYBlockRenderer();
    Diverging scale = new Diverging(max);
    renderer.setPaintScale(scale);
    XYPlot plot = new XYPlot(data, x, y, renderer);
    plot.setBackgroundPaint(Color.LIGHT_GRAY);
    JFreeChart chart = new JFreeChart("U_1 at N = " + p.width(), plot);
    chart.removeLegend();
    NumberAxis barAxis = new NumberAxis("U_1");
    barAxis.setRange(-max, max);
    PaintScaleLegend bar = new PaintScaleLegend(scale, barAxis);
    bar.setPosition(RectangleEdge.RIGHT);
    bar.setMargin(4, 4, 40, 4);
    chart.addSubtitle(bar);
    return png(chart, 520, HEIGHT);
  }

  /** Kernel-task alignment |e_k·Y|/√P of the leading components: GP against each width. */
  static byte[] alignment(TheoryResult r, int components) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    int k = Math.min(components, r.gp().overlaps().length);
    for (int c = 0; c < k; c++) data.addValue(r.gp().overlaps()[c], "GP", "" + (c + 1));
    for (TheoryResult.Point p : r.widths()) {
      for (int c = 0; c < k; c++) data.addValue(p.overlaps()[c], "N = " + p.width(), "" + (c + 1));
    }
    CategoryAxis x = new CategoryAxis("principal component k");
    x.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
    NumberAxis y = new NumberAxis("|e_k . y| / sqrt(P)");
    BarRenderer renderer = new BarRenderer();
    renderer.setSeriesPaint(0, GP);
    renderer.setShadowVisible(false);
    renderer.setDrawBarOutline(false);
    renderer.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
    CategoryPlot plot = new CategoryPlot(data, x, y, renderer);
    plot.setOrientation(PlotOrientation.VERTICAL);
    return png(new JFreeChart("Kernel-task alignment", plot));
  }

  private static byte[] png(JFreeChart chart) {
    return png(chart, WIDTH, HEIGHT);
  }

  private static byte[] png(JFreeChart chart, int width, int height) {
    chart.setBackgroundPaint(Color.WHITE);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ChartUtils.writeChartAsPNG(out, chart, width, height);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    return out.toByteArray();
  }

  /** Blue (−max) – white (0) – red (+max), like matplotlib's RdBu_r. */
  private record Diverging(double max) implements PaintScale {
    private static final Color BLUE = new Color(0x21, 0x66, 0xac);
    private static final Color RED = new Color(0xb2, 0x18, 0x2b);

    @Override
    public double getLowerBound() {
      return -max;
    }

    @Override
    public double getUpperBound() {
      return max;
    }

    @Override
    public Paint getPaint(double value) {
      if (!Double.isFinite(value)) return Color.GRAY;
      double t = Math.max(-1, Math.min(1, value / max));
      Color end = t < 0 ? BLUE : RED;
      double s = Math.abs(t);
      return new Color(mix(255, end.getRed(), s), mix(255, end.getGreen(), s),
          mix(255, end.getBlue(), s));
    }

    private static int mix(int from, int to, double s) {
      return (int) Math.round(from + (to - from) * s);
    }
  }
}
