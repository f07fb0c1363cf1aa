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
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.attnpaths.notebooks.results.PruneResult;
import org.attnpaths.notebooks.results.SimulationResult;

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
  static byte[] accuracy(TheoryResult r, SimulationResult sim) {
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
    if (sim != null) {
      YIntervalSeries points = new YIntervalSeries("sampled network (± s.e.)");
      for (SimulationResult.Width w : sim.widths()) {
        double se = Double.isFinite(w.accuracyStandardError()) ? w.accuracyStandardError() : 0;
        points.add(w.width(), w.accuracy(), w.accuracy() - se, w.accuracy() + se);
        lo = Math.min(lo, w.accuracy() - se);
        hi = Math.max(hi, w.accuracy() + se);
      }
      XYErrorRenderer er = new XYErrorRenderer();
      er.setDrawXError(false);
      er.setDefaultLinesVisible(false);
      er.setSeriesPaint(0, Color.BLACK);
      er.setErrorPaint(Color.BLACK);
      YIntervalSeriesCollection sampled = new YIntervalSeriesCollection();
      sampled.addSeries(points);
      plot.setDataset(1, sampled);
      plot.setRenderer(1, er);
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
    return png(heatMapChart(r, p.u1(), "U_1 at N = " + p.width(), maxAbs(p.u1())), 520, HEIGHT);
  }

  /** Theory U_1 (left) and the sampled network's (right), one colour scale. */
  static byte[] compare(TheoryResult r, TheoryResult.Point p, SimulationResult.Width s) {
    double max = Math.max(maxAbs(p.u1()), maxAbs(s.u1()));
    JFreeChart left = heatMapChart(r, p.u1(), "theory U_1, N = " + p.width(), max);
    JFreeChart right = heatMapChart(r, s.u1(), "sampled U_1, N = " + s.width(), max);
    java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(1040, HEIGHT,
        java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = img.createGraphics();
    left.setBackgroundPaint(Color.WHITE);
    right.setBackgroundPaint(Color.WHITE);
    left.draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, 520, HEIGHT));
    right.draw(g, new java.awt.geom.Rectangle2D.Double(520, 0, 520, HEIGHT));
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      javax.imageio.ImageIO.write(img, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static double maxAbs(double[][] u) {
    double m = 0;
    for (double[] row : u) for (double v : row) if (Double.isFinite(v)) m = Math.max(m, Math.abs(v));
    return m;
  }

  private static JFreeChart heatMapChart(TheoryResult r, double[][] u, String title, double max) {
    int[] order = r.displayOrder();
    int n = order.length;
    double[] xs = new double[n * n];
    double[] ys = new double[n * n];
    double[] zs = new double[n * n];
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        int k = a * n + b;
        xs[k] = b;
        ys[k] = n - 1 - a;
        zs[k] = u[order[a]][order[b]];
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
    JFreeChart chart = new JFreeChart(title, plot);
    chart.removeLegend();
    NumberAxis barAxis = new NumberAxis("U_1");
    barAxis.setRange(-max, max);
    PaintScaleLegend bar = new PaintScaleLegend(scale, barAxis);
    bar.setPosition(RectangleEdge.RIGHT);
    bar.setMargin(4, 4, 40, 4);
    chart.addSubtitle(bar);
    return chart;
  }

  /** Head score against accuracy drop, one series per method, sampled ± s.e. */
  static byte[] pruneScore(PruneResult.Width w) {
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    Color[] colours = {new Color(0x6b, 0xae, 0xd6), THEORY, Color.BLACK};
    XYErrorRenderer renderer = new XYErrorRenderer();
    renderer.setDrawXError(false);
    renderer.setDefaultLinesVisible(false);
    renderer.setErrorPaint(Color.BLACK);
    int series = 0;
    for (int m = 0; m < PruneResult.METHODS.size(); m++) {
      String method = PruneResult.METHODS.get(m);
      YIntervalSeries s = new YIntervalSeries(method, false, true);
      for (PruneResult.Head h : w.heads()) {
        double d = h.drop().getOrDefault(method, Double.NaN);
        if (!Double.isFinite(d)) continue;
        double se = method.equals("simulated") && Double.isFinite(h.simulatedDropStandardError())
            ? h.simulatedDropStandardError() : 0;
        s.add(h.score(), d, d - se, d + se);
      }
      if (s.getItemCount() == 0) continue;
      data.addSeries(s);
      renderer.setSeriesPaint(series++, colours[m]);
    }
    NumberAxis x = new NumberAxis("head score");
    NumberAxis y = new NumberAxis("accuracy drop");
    XYPlot plot = new XYPlot(data, x, y, renderer);
    for (PruneResult.Head h : w.heads()) {
      double top = Double.NEGATIVE_INFINITY;
      for (double d : h.drop().values()) if (Double.isFinite(d)) top = Math.max(top, d);
      if (Double.isFinite(top)) {
        plot.addAnnotation(new org.jfree.chart.annotations.XYTextAnnotation(h.label(),
            h.score(), top));
      }
    }
    return png(new JFreeChart("Head score vs accuracy drop, N = " + w.width(), plot));
  }

  /** Accuracy against heads removed: score, reverse, random mean; base accuracy dotted. */
  static byte[] pruneCurve(PruneResult.Width w) {
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    Color[] colours = {THEORY, new Color(0x6a, 0x3d, 0x9a), Color.GRAY};
    int series = 0;
    for (int o = 0; o < PruneResult.ORDERS.size(); o++) {
      double[] c = w.cumulative().get(PruneResult.ORDERS.get(o));
      if (c == null) continue;
      XYSeries s = new XYSeries(PruneResult.ORDERS.get(o) + " order");
      for (int k = 0; k < c.length; k++) if (Double.isFinite(c[k])) s.add(k, c[k]);
      data.addSeries(s);
      renderer.setSeriesPaint(series++, colours[o]);
    }
    NumberAxis x = new NumberAxis("heads removed");
    x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    NumberAxis y = new NumberAxis("test accuracy");
    y.setAutoRangeIncludesZero(false);
    XYPlot plot = new XYPlot(data, x, y, renderer);
    dashed(plot, "full network", w.baseAccuracy(), THEORY);
    return png(new JFreeChart("Accuracy vs heads removed, N = " + w.width(), plot));
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

  /**
   * Preview of the kernel heat-map cell: the pre-kernel and each renormalised kernel side by
   * side, examples ordered by class (a line at the class boundary), each panel on its own colour
   * scale from its minimum (dark blue) to its maximum (yellow), as matplotlib's viridis roughly.
   */
  static byte[] kernels(TrainingKernels k) {
    int panels = 1 + k.widths().size();
    int side = 260;
    int pad = 20;
    int top = 30;
    java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(
        panels * (side + pad) + pad, side + top + pad, java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, img.getWidth(), img.getHeight());
    g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING,
        java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    int p = k.gp().length;
    int[] o = k.classOrder();
    for (int panel = 0; panel < panels; panel++) {
      double[][] m = panel == 0 ? k.gp() : k.renormalised().get(panel - 1);
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (double[] row : m) {
        for (double v : row) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
      double range = hi > lo ? hi - lo : 1.0;
      int x0 = pad + panel * (side + pad);
      for (int py = 0; py < side; py++) {
        int i = o[(int) ((long) py * p / side)];
        for (int px = 0; px < side; px++) {
          int j = o[(int) ((long) px * p / side)];
          img.setRGB(x0 + px, top + py, viridis((m[i][j] - lo) / range));
        }
      }
      int b = (int) Math.round((double) k.positives() * side / p);
      g.setColor(Color.WHITE);
      g.drawLine(x0, top + b, x0 + side - 1, top + b);
      g.drawLine(x0 + b, top, x0 + b, top + side - 1);
      g.setColor(Color.BLACK);
      g.drawString(panel == 0 ? "pre-kernel (GP)"
          : "renormalised, N = " + k.widths().get(panel - 1), x0, top - 10);
    }
    g.dispose();
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      javax.imageio.ImageIO.write(img, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Dark blue → teal → yellow for t in [0, 1] (three viridis anchors, linear between). */
  private static int viridis(double t) {
    double[][] c = {{68, 1, 84}, {33, 145, 140}, {253, 231, 37}};
    double s = Math.max(0, Math.min(1, t)) * 2;
    int a = Math.min(1, (int) s);
    double f = s - a;
    int rgb = 0;
    for (int ch = 0; ch < 3; ch++) {
      rgb = (rgb << 8) | (int) Math.round(c[a][ch] + f * (c[a + 1][ch] - c[a][ch]));
    }
    return rgb;
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
