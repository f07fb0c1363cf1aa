package org.attnpaths.cli.report;

import org.attnpaths.notebooks.results.SimulationResult;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Test accuracy of the mean predictor against width N on a log axis, with α = P/N on the top axis
 * (paper Fig. 2c, spec §7): theory as a line with markers, sampled networks as points with error
 * bars (± one standard error over chains), the GP limit and the GP limits of path subsets as
 * labelled dashed horizontal lines.
 */
public final class AccuracyChart {

  private AccuracyChart() {}

  /**
   * @param theory the theory sweep, or null (then {@code trainSize} must be given by a simulation)
   * @param simulations sampled networks (may be empty)
   * @param trainSize P, for the α axis
   */
  public static Figure of(String name, TheoryResult theory, List<SimulationResult> simulations,
      int trainSize) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    XYSeriesCollection lines = new XYSeriesCollection();
    if (theory != null) {
      XYSeries s = new XYSeries("theory (saddle point)");
      for (TheoryResult.Width w : theory.widths()) {
        if (Double.isFinite(w.accuracy())) s.add(w.width(), w.accuracy());
        lo = Math.min(lo, w.width());
        hi = Math.max(hi, w.width());
      }
      lines.addSeries(s);
    }
    YIntervalSeriesCollection points = new YIntervalSeriesCollection();
    for (SimulationResult sim : simulations) {
      String label = "sampled network (" + sim.sampler() + ", mean ± s.e. over chains)";
      YIntervalSeries s = new YIntervalSeries(simulations.size() == 1 ? label
          : label + " " + sim.file().path().getFileName());
      for (SimulationResult.Width w : sim.widths()) {
        double se = Double.isFinite(w.accuracyStandardError()) ? w.accuracyStandardError() : 0;
        s.add(w.width(), w.accuracy(), w.accuracy() - se, w.accuracy() + se);
        lo = Math.min(lo, w.width());
        hi = Math.max(hi, w.width());
      }
      points.addSeries(s);
    }
    if (!(hi > 0)) {
      lo = 1;
      hi = 10;
    }
    // Half a decade of margin each side so end markers and error bars are not clipped.
    double xLo = lo / Math.sqrt(Math.sqrt(10));
    double xHi = hi * Math.sqrt(Math.sqrt(10));

    XYSeriesCollection gpLines = new XYSeriesCollection();
    if (theory != null) {
      gpLines.addSeries(horizontal("GP limit, all paths (N → ∞)", theory.gpAccuracy(), xLo, xHi));
      for (TheoryResult.Subset sub : theory.subsets()) {
        gpLines.addSeries(horizontal("GP limit, " + sub.name() + " paths only", sub.accuracy(), xLo, xHi));
      }
    }

    LogAxis n = new LogAxis("width N");
    n.setBase(10);
    n.setSmallestValue(1e-3);
    n.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    n.setNumberFormatOverride(new java.text.DecimalFormat("0"));
    n.setRange(xLo, xHi);
    // One labelled tick per decade; half-decades too when the sweep spans less than two
    // decades (otherwise a short sweep shows a single label). Unlabelled minor ticks in between.
    double decade = Math.log10(xHi / xLo) < 2 ? 0.5 : 1;
    n.setTickUnit(new NumberTickUnit(decade));
    n.setMinorTickCount(decade < 1 ? 5 : 9);
    n.setMinorTickMarksVisible(true);
    NumberAxis acc = new NumberAxis("test accuracy of the mean predictor");
    acc.setAutoRangeIncludesZero(false);
    acc.setAutoRangeStickyZero(false);

    XYPlot plot = new XYPlot();
    plot.setDomainAxis(0, n);
    plot.setRangeAxis(acc);

    XYLineAndShapeRenderer theoryRenderer = new XYLineAndShapeRenderer(true, true);
    theoryRenderer.setSeriesPaint(0, FigureStyle.THEORY);
    theoryRenderer.setSeriesStroke(0, FigureStyle.solid());
    theoryRenderer.setSeriesShape(0, cross());
    plot.setDataset(0, lines);
    plot.setRenderer(0, theoryRenderer);

    XYErrorRenderer simRenderer = new XYErrorRenderer();
    simRenderer.setDrawXError(false);
    simRenderer.setDefaultLinesVisible(false);
    simRenderer.setDefaultShapesVisible(true);
    simRenderer.setErrorPaint(FigureStyle.SIMULATION);
    simRenderer.setCapLength(6);
    for (int i = 0; i < points.getSeriesCount(); i++) {
      simRenderer.setSeriesPaint(i, FigureStyle.SIMULATION);
      simRenderer.setSeriesShape(i, new Ellipse2D.Double(-4, -4, 8, 8));
    }
    plot.setDataset(1, points);
    plot.setRenderer(1, simRenderer);

    XYLineAndShapeRenderer gpRenderer = new XYLineAndShapeRenderer(true, false);
    for (int i = 0; i < gpLines.getSeriesCount(); i++) {
      gpRenderer.setSeriesPaint(i, i == 0 ? FigureStyle.GP : FigureStyle.gpSubset(i - 1));
      gpRenderer.setSeriesStroke(i, FigureStyle.dashed(i));
    }
    plot.setDataset(2, gpLines);
    plot.setRenderer(2, gpRenderer);

    // α = P/N on the top: log(P/N) = log P − log N, so an inverted log axis over [P/xHi, P/xLo]
    // lines up exactly with the N axis below.
    if (trainSize > 0) {
      LogAxis alpha = new LogAxis("load α = P/N  (P = " + trainSize + ")");
      alpha.setBase(10);
      alpha.setSmallestValue(1e-6);
      alpha.setInverted(true);
      alpha.setRange(trainSize / xHi, trainSize / xLo);
      alpha.setNumberFormatOverride(new java.text.DecimalFormat("0.##"));
      alpha.setTickUnit(new NumberTickUnit(decade));
      alpha.setMinorTickCount(decade < 1 ? 5 : 9);
      alpha.setMinorTickMarksVisible(true);
      plot.setDomainAxis(1, alpha);
      plot.setDomainAxisLocation(1, org.jfree.chart.axis.AxisLocation.TOP_OR_LEFT);
    }

    String title = theory == null ? "Accuracy vs width" : String.format(Locale.ROOT,
        "Accuracy vs width: %s, P = %d, T = %s", theory.taskName(), trainSize,
        Report.number(theory.temperature()));
    JFreeChart chart = new JFreeChart(title, FigureStyle.TITLE, plot, true);
    FigureStyle.apply(chart);
    return new Figure(name, "Test accuracy of the mean predictor against the width N (bottom) and "
        + "the load α = P/N (top); dashed lines: GP (infinite-width) limits.", chart, 760, 520);
  }

  private static XYSeries horizontal(String key, double y, double x0, double x1) {
    XYSeries s = new XYSeries(key, false, true);
    if (Double.isFinite(y)) {
      s.add(x0, y);
      s.add(x1, y);
    }
    return s;
  }

  private static java.awt.Shape cross() {
    java.awt.geom.Path2D.Double p = new java.awt.geom.Path2D.Double();
    p.append(new Rectangle2D.Double(-5, -1, 10, 2), false);
    p.append(new Rectangle2D.Double(-1, -5, 2, 10), false);
    return p;
  }
}
