package org.attnpaths.cli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYDataImageAnnotation;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The pre-kernel K_GP = K(U_GP) next to the renormalised kernel K_U = K(U_1) at one width (spec
 * §3.4, paper Fig. 2d), both P×P on the training set without T·I, examples ordered by class
 * (y = +1 first; a grey line marks the class boundary), one colour scale symmetric about 0.
 * Each panel is one image (a pixel block per pair μν), so the SVG stays small for any P.
 */
public final class KernelHeatMap {

  /** Panel images have at most this many pixels per side before the integer upscale. */
  static final int MAX_PIXELS = 600;

  private KernelHeatMap() {}

  /** One panel: a P×P kernel in training-set order and its title. */
  public record Panel(String title, double[][] kernel) {}

  /**
   * @param order training-set indices in display order ({@link ResultKernels#classOrder()})
   * @param positives how many of them have y &gt; 0 (the class boundary)
   */
  public static Figure of(String name, String title, List<Panel> panels, int[] order,
      int positives) {
    double[][][] shown = new double[panels.size()][][];
    for (int i = 0; i < panels.size(); i++) shown[i] = permute(panels.get(i).kernel(), order);
    DivergingPaintScale scale = DivergingPaintScale.covering(shown);
    int p = order.length;
    NumberAxis rows = axis("example μ (y = +1: 1–" + positives + ", y = −1: "
        + (positives + 1) + "–" + p + ")", p);
    rows.setInverted(true); // matrix convention: first example at the top
    CombinedRangeXYPlot plot = new CombinedRangeXYPlot(rows);
    plot.setGap(28);
    for (int i = 0; i < panels.size(); i++) {
      plot.add(panel(panels.get(i).title(), shown[i], scale, positives));
    }
    JFreeChart chart = new JFreeChart(title, FigureStyle.TITLE, plot, false);
    chart.addSubtitle(OrderParameterHeatMap.colourBar(scale, "K_{μν}"));
    FigureStyle.apply(chart);
    int side = 300;
    return new Figure(name, "Training kernels without T·I, examples ordered by class "
        + "(y = +1 first, grey line at the class boundary); one colour scale symmetric about 0. "
        + "Pre-kernel: K at the GP point U_GP; renormalised: K at the saddle-point U₁.", chart,
        panels.size() * (side + 28) + 200, side + 150);
  }

  private static XYPlot panel(String title, double[][] k, DivergingPaintScale scale,
      int positives) {
    int p = k.length;
    NumberAxis columns = axis("", p);
    FigureStyle.label(columns, title);
    XYPlot plot = new XYPlot(new XYSeriesCollection(), columns, null,
        new XYLineAndShapeRenderer(false, false));
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(false);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    // The image spans the cells [-0.5, P - 0.5]², its first row at the top (row axis inverted).
    plot.addAnnotation(new XYDataImageAnnotation(image(k, scale), -0.5, -0.5, p, p, true));
    if (positives > 0 && positives < p) {
      // Annotations are drawn after markers, so the class boundary is an annotation added after
      // the image (annotations draw in the order added).
      BasicStroke thin = new BasicStroke(1.2f);
      Color line = new Color(0x55, 0x55, 0x55);
      double b = positives - 0.5;
      plot.addAnnotation(new XYLineAnnotation(b, -0.5, b, p - 0.5, thin, line));
      plot.addAnnotation(new XYLineAnnotation(-0.5, b, p - 0.5, b, thin, line));
    }
    return plot;
  }

  private static NumberAxis axis(String label, int p) {
    NumberAxis a = new NumberAxis(label);
    a.setRange(-0.5, p - 0.5);
    a.setAutoRange(false);
    a.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    a.setNumberFormatOverride(new OneBased());
    FigureStyle.axisFonts(a);
    return a;
  }

  /**
   * The kernel as an image: pixel block (i, j) is the colour of k[i][j] (row i from the top),
   * each entry {@code factor}×{@code factor} pixels so that browsers scaling the SVG image do not
   * blur single entries. Above {@link #MAX_PIXELS} examples, b×b blocks of entries (b = ⌈P /
   * MAX_PIXELS⌉, the last block smaller) are averaged into one pixel, which keeps the image (and
   * the page) small for any P and keeps the class blocks, since the examples are ordered by class.
   */
  static BufferedImage image(double[][] k, DivergingPaintScale scale) {
    int p = k.length;
    int block = Math.max(1, (p + MAX_PIXELS - 1) / MAX_PIXELS);
    int cells = (p + block - 1) / block;
    int factor = Math.max(1, MAX_PIXELS / Math.max(cells, 1));
    BufferedImage img = new BufferedImage(cells * factor, cells * factor,
        BufferedImage.TYPE_INT_RGB);
    for (int i = 0; i < cells; i++) {
      for (int j = 0; j < cells; j++) {
        double sum = 0;
        int n = 0;
        for (int a = i * block; a < Math.min(p, (i + 1) * block); a++) {
          for (int b = j * block; b < Math.min(p, (j + 1) * block); b++) {
            sum += k[a][b];
            n++;
          }
        }
        int rgb = ((Color) scale.getPaint(sum / n)).getRGB();
        for (int a = 0; a < factor; a++) {
          for (int b = 0; b < factor; b++) img.setRGB(j * factor + b, i * factor + a, rgb);
        }
      }
    }
    return img;
  }

  private static double[][] permute(double[][] k, int[] order) {
    int p = order.length;
    if (k.length != p) {
      throw new IllegalArgumentException("kernel: expected " + p + "x" + p + ", got " + k.length
          + " rows");
    }
    double[][] out = new double[p][p];
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) out[i][j] = k[order[i]][order[j]];
    }
    return out;
  }

  /** Tick labels 1-based (example μ = 1 … P), the data being 0-based indices. */
  private static final class OneBased extends java.text.NumberFormat {
    @Override
    public StringBuffer format(double number, StringBuffer to, java.text.FieldPosition pos) {
      return to.append(Math.round(number) + 1);
    }

    @Override
    public StringBuffer format(long number, StringBuffer to, java.text.FieldPosition pos) {
      return to.append(number + 1);
    }

    @Override
    public Number parse(String source, java.text.ParsePosition pos) {
      return null;
    }
  }
}
