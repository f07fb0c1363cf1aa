package org.attnpaths.cli.report;

import org.attnpaths.notebooks.results.PruneResult;
import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Test accuracy against the number of heads removed one after another (spec §10): in score order
 * (most important first, blue), in reverse order (purple), and the mean over random orders (grey)
 * with a ± one standard deviation band; the full network's accuracy as a dotted line; sampled
 * networks as black points when present. The score and reverse points carry the label of the head
 * just removed.
 */
public final class PruningCurveChart {

  private PruningCurveChart() {}

  public static Figure of(String name, PruneResult prune, PruneResult.Width w) {
    XYPlot plot = new XYPlot();
    NumberAxis x = new NumberAxis("heads removed");
    x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    NumberAxis y = new NumberAxis("test accuracy of the mean predictor");
    y.setAutoRangeIncludesZero(false);
    plot.setDomainAxis(x);
    plot.setRangeAxis(y);
    int steps = 0;
    for (double[] c : w.cumulative().values()) steps = Math.max(steps, c.length);
    x.setRange(-0.3, Math.max(1, steps - 1) + 0.6);

    // Dataset 0: lines for score and reverse order, and the base accuracy.
    XYSeriesCollection lines = new XYSeriesCollection();
    XYLineAndShapeRenderer lr = new XYLineAndShapeRenderer(true, true);
    int i = 0;
    for (String o : List.of("score", "reverse")) {
      double[] c = w.cumulative().get(o);
      if (c == null) continue;
      XYSeries s = new XYSeries(o.equals("score") ? "theory, score order (lowest score first)"
          : "theory, reverse order (highest score first)");
      for (int k = 0; k < c.length; k++) if (Double.isFinite(c[k])) s.add(k, c[k]);
      lines.addSeries(s);
      lr.setSeriesPaint(i, o.equals("score") ? FigureStyle.THEORY : FigureStyle.REVERSE_ORDER);
      lr.setSeriesStroke(i, FigureStyle.solid());
      lr.setSeriesShape(i, o.equals("score") ? new Ellipse2D.Double(-4, -4, 8, 8)
          : new Rectangle2D.Double(-4, -4, 8, 8));
      List<String> removed = w.removed().get(o);
      for (int k = 1; k < c.length && k - 1 < removed.size(); k++) {
        if (!Double.isFinite(c[k])) continue;
        XYTextAnnotation t = new XYTextAnnotation("−" + removed.get(k - 1), k + 0.08, c[k]);
        t.setFont(FigureStyle.CELL);
        t.setPaint(o.equals("score") ? FigureStyle.THEORY : FigureStyle.REVERSE_ORDER);
        t.setTextAnchor(o.equals("score") ? TextAnchor.TOP_LEFT : TextAnchor.BOTTOM_LEFT);
        plot.addAnnotation(t);
      }
      i++;
    }
    XYSeries base = new XYSeries("full network (theory)");
    base.add(-0.3, w.baseAccuracy());
    base.add(Math.max(1, steps - 1) + 0.6, w.baseAccuracy());
    lines.addSeries(base);
    lr.setSeriesPaint(i, FigureStyle.THEORY);
    lr.setSeriesStroke(i, new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
        new float[] {2f, 3f}, 0f));
    lr.setSeriesShapesVisible(i, false);
    plot.setDataset(0, lines);
    plot.setRenderer(0, lr);

    // Dataset 2: random-order mean with its ± std band.
    double[] random = w.cumulative().get("random");
    if (random != null) {
      YIntervalSeriesCollection band = new YIntervalSeriesCollection();
      YIntervalSeries s = new YIntervalSeries("theory, random orders (mean ± std, within [0, 1])");
      for (int k = 0; k < random.length; k++) {
        double sd = k < w.randomStd().length && Double.isFinite(w.randomStd()[k])
            ? w.randomStd()[k] : 0;
        // An accuracy lies in [0, 1]: the band is clipped there (the std of a few orders can
        // reach past 1 when most orders keep the accuracy high).
        if (Double.isFinite(random[k])) {
          s.add(k, random[k], Math.max(0, random[k] - sd), Math.min(1, random[k] + sd));
        }
      }
      band.addSeries(s);
      DeviationRenderer dr = new DeviationRenderer(true, true);
      dr.setSeriesPaint(0, FigureStyle.RANDOM_ORDER);
      dr.setSeriesFillPaint(0, FigureStyle.RANDOM_BAND);
      dr.setAlpha(0.5f);
      dr.setSeriesStroke(0, FigureStyle.dashed(0));
      dr.setSeriesShape(0, new Ellipse2D.Double(-3, -3, 6, 6));
      plot.setDataset(2, band);
      plot.setRenderer(2, dr);
    }

    // Dataset 1: sampled networks along the score and reverse orders.
    if (!w.simulatedCumulative().isEmpty()) {
      XYSeriesCollection sim = new XYSeriesCollection();
      XYLineAndShapeRenderer sr = new XYLineAndShapeRenderer(false, true);
      int j = 0;
      for (var e : w.simulatedCumulative().entrySet()) {
        XYSeries s = new XYSeries("sampled network, " + e.getKey() + " order");
        double[] c = e.getValue();
        for (int k = 0; k < c.length; k++) if (Double.isFinite(c[k])) s.add(k, c[k]);
        sim.addSeries(s);
        sr.setSeriesPaint(j, FigureStyle.SIMULATION);
        sr.setSeriesShape(j, e.getKey().equals("reverse") ? new Rectangle2D.Double(-2.5, -2.5, 5, 5)
            : new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        j++;
      }
      plot.setDataset(1, sim);
      plot.setRenderer(1, sr);
    }
    // REVERSE: the band (2) first, then the sampled points (1) and the lines (0) over it.
    plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.REVERSE);
    JFreeChart chart = new JFreeChart("Accuracy vs heads removed at N = " + w.width() + " ("
        + prune.taskName() + ", " + prune.cumulativeMethod() + ")", FigureStyle.TITLE, plot, true);
    FigureStyle.apply(chart);
    return new Figure(name, "Test accuracy after removing heads one after another (a layer always "
        + "keeps one head), at N = " + w.width() + "; accuracies from the "
        + prune.cumulativeMethod() + " theory; labels −(l)h: the head just removed.", chart, 760,
        540);
  }
}
