package org.attnpaths.cli.report;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.ClusteredXYBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.XYBarDataset;

/**
 * Kernel-task alignment (paper Fig. 2d, spec §7): bars of |e_k·y|/√P for the leading principal
 * components k of the training kernel, GP limit (red) against the renormalised kernel at finite
 * N (blue).
 */
public final class AlignmentChart {

  private AlignmentChart() {}

  /** @param width the finite width whose {@code alignment.overlaps} are drawn */
  public static Figure of(String name, TheoryResult theory, TheoryResult.Width width) {
    XYSeriesCollection bars = new XYSeriesCollection();
    bars.addSeries(series("GP limit (kernel K_GP)", theory.gpOverlaps()));
    bars.addSeries(series("N = " + width.width() + " (renormalised kernel K_U)", width.overlaps()));
    NumberAxis k = new NumberAxis("principal component k (by decreasing eigenvalue)");
    k.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    int count = Math.max(theory.gpOverlaps().length, width.overlaps().length);
    k.setRange(0.4, count + 0.6);
    NumberAxis overlap = new NumberAxis();
    FigureStyle.label(overlap, "alignment |e_{k} · y| / √P");
    overlap.setLowerBound(0);
    overlap.setAutoRangeIncludesZero(true);
    ClusteredXYBarRenderer r = new ClusteredXYBarRenderer();
    r.setBarPainter(new StandardXYBarPainter());
    r.setShadowVisible(false);
    r.setSeriesPaint(0, FigureStyle.GP);
    r.setSeriesPaint(1, FigureStyle.THEORY);
    r.setDrawBarOutline(false);
    XYPlot plot = new XYPlot(new XYBarDataset(bars, 0.8), k, overlap, r);
    JFreeChart chart = new JFreeChart("Kernel–task alignment: GP limit vs N = " + width.width(),
        FigureStyle.TITLE, plot, true);
    FigureStyle.apply(chart);
    return new Figure(name, "Overlap of the training labels with the leading eigenvectors of the "
        + "training kernel (without T·I), GP limit against finite width.", chart, 760, 440);
  }

  private static XYSeries series(String key, double[] v) {
    XYSeries s = new XYSeries(key);
    for (int i = 0; i < v.length; i++) if (Double.isFinite(v[i])) s.add(i + 1, v[i]);
    return s;
  }

  static boolean available(TheoryResult t, List<TheoryResult.Width> widths) {
    return t.gpOverlaps().length > 0 && widths.stream().anyMatch(w -> w.overlaps().length > 0);
  }
}
