package org.attnpaths.cli.report;

import org.attnpaths.notebooks.results.PruneResult;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Head score against the accuracy drop when that head alone is removed (spec §10, paper Fig. 4):
 * one series per method, theory with the order parameters frozen (light blue squares), theory
 * re-solved for the smaller network (blue circles), sampled network (black, ± one standard
 * error); each head's column of points labelled with its head "(l)h". A head that is the only one of its layer
 * (no drop defined) is left out.
 */
public final class HeadScoreChart {

  private HeadScoreChart() {}

  public static Figure of(String name, PruneResult prune, PruneResult.Width w) {
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    List<List<String>> labels = new ArrayList<>();
    List<String> methods = new ArrayList<>();
    double maxScore = 0;
    for (String m : PruneResult.METHODS) {
      // Unsorted: item i must stay the i-th labelled head (the label generator indexes by item).
      YIntervalSeries s = new YIntervalSeries(legend(m), false, true);
      List<String> l = new ArrayList<>();
      for (PruneResult.Head h : w.heads()) {
        Double drop = h.drop().get(m);
        if (drop == null || !Double.isFinite(drop) || !Double.isFinite(h.score())) continue;
        double se = m.equals("simulated") && Double.isFinite(h.simulatedDropStandardError())
            ? h.simulatedDropStandardError() : 0;
        s.add(h.score(), drop, drop - se, drop + se);
        // All methods of one head share its score (one column of points): the theory points
        // carry the label (frozen left, re-solved right); the sampled point only when the head
        // has no re-solved point, so labels do not overprint the error bars.
        boolean resolved = Double.isFinite(h.drop().getOrDefault("resolved", Double.NaN));
        // Frozen and re-solved drops within half a point of each other: one label, not two
        // printed over each other.
        double frozen = h.drop().getOrDefault("frozen", Double.NaN);
        boolean coincident = m.equals("resolved") && Math.abs(frozen - drop) < 0.005;
        l.add((m.equals("simulated") && resolved) || coincident ? null : h.label());
        maxScore = Math.max(maxScore, h.score());
      }
      if (s.getItemCount() == 0) continue;
      data.addSeries(s);
      labels.add(l);
      methods.add(m);
    }
    NumberAxis x = new NumberAxis("head score (normalised to the largest)");
    x.setAutoRangeIncludesZero(true);
    x.setUpperMargin(0.08);
    NumberAxis y = new NumberAxis("accuracy drop when the head is removed");
    y.setAutoRangeIncludesZero(true);
    y.setUpperMargin(0.12);
    XYErrorRenderer r = new XYErrorRenderer();
    r.setDrawXError(false);
    r.setDefaultLinesVisible(false);
    r.setDefaultShapesVisible(true);
    r.setCapLength(6);
    r.setErrorPaint(FigureStyle.SIMULATION);
    for (int i = 0; i < methods.size(); i++) {
      String m = methods.get(i);
      r.setSeriesPaint(i, colour(m));
      r.setSeriesShape(i, shape(m));
      r.setSeriesItemLabelsVisible(i, true);
      r.setSeriesItemLabelPaint(i, colour(m).darker());
      r.setSeriesItemLabelFont(i, FigureStyle.CELL);
      // Labels beside the points, on different sides per method so they do not overprint.
      r.setSeriesPositiveItemLabelPosition(i, switch (m) {
        case "frozen" -> new ItemLabelPosition(ItemLabelAnchor.OUTSIDE9, TextAnchor.CENTER_RIGHT);
        case "resolved" -> new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT);
        default -> new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER);
      });
    }
    r.setDefaultItemLabelGenerator((dataset, series, item) -> labels.get(series).get(item));
    XYPlot plot = new XYPlot(data, x, y, r);
    plot.addRangeMarker(new ValueMarker(0, new Color(0x99, 0x99, 0x99), new java.awt.BasicStroke(1f)));
    JFreeChart chart = new JFreeChart("Head score vs accuracy drop at N = " + w.width()
        + " (" + prune.taskName() + ")", FigureStyle.TITLE, plot, true);
    FigureStyle.apply(chart);
    return new Figure(name, "Each head's score against the drop in test accuracy when that head "
        + "alone is removed, at N = " + w.width() + " (base accuracy "
        + Report.number(w.baseAccuracy()) + "); the points of one head share its score; labels "
        + "(l)h = head h of layer l.", chart, 760, 520);
  }

  static String legend(String method) {
    return switch (method) {
      case "frozen" -> "theory, order parameters frozen";
      case "resolved" -> "theory, saddle point re-solved";
      default -> "sampled network (mean ± s.e.)";
    };
  }

  static Color colour(String method) {
    return switch (method) {
      case "frozen" -> FigureStyle.THEORY_FROZEN;
      case "resolved" -> FigureStyle.THEORY;
      default -> FigureStyle.SIMULATION;
    };
  }

  private static Shape shape(String method) {
    return switch (method) {
      case "frozen" -> new Rectangle2D.Double(-4, -4, 8, 8);
      case "resolved" -> new Ellipse2D.Double(-4.5, -4.5, 9, 9);
      default -> new Ellipse2D.Double(-3, -3, 6, 6);
    };
  }
}
