package org.attnpaths.cli.report;

import java.awt.Color;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * Heat map of the order parameter U_1 (entries U^{ππ'}) at one width (paper Fig. 2c bottom, spec
 * §7): rows and columns are paths in display order ({@link PathOrder}), row 0 at the top, a
 * blue–white–red scale symmetric about 0 with a colour bar, and the value in each cell when
 * Π ≤ 8.
 */
public final class OrderParameterHeatMap {

  /** Largest Π for which cell values are written into the cells. */
  static final int MAX_ANNOTATED_PATHS = 8;

  private OrderParameterHeatMap() {}

  /**
   * @param u1 U_1 in path order (not modified)
   * @param order display order and labels
   */
  public static Figure of(String name, String title, double[][] u1, PathOrder order) {
    double[][] u = order.permute(u1);
    DivergingPaintScale scale = DivergingPaintScale.covering(u);
    XYPlot plot = plot(u, order.labels(), scale, "path π′");
    JFreeChart chart = new JFreeChart(title, FigureStyle.TITLE, plot, false);
    chart.addSubtitle(colourBar(scale));
    FigureStyle.apply(chart);
    int side = 120 + 70 * Math.min(u.length, 10);
    return new Figure(name, "Order parameter U₁ (entries U^ππ′ for paths π, π′) in the paper's path order; "
        + "colour scale symmetric about 0.", chart, side + 120, side + 40);
  }

  /** The heat-map plot (shared with {@link OrderParameterComparison}). */
  static XYPlot plot(double[][] u, List<String> labels, DivergingPaintScale scale,
      String columnAxisLabel) {
    int n = u.length;
    double[][] xyz = new double[3][n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        xyz[0][i * n + j] = j;
        xyz[1][i * n + j] = i;
        xyz[2][i * n + j] = u[i][j];
      }
    }
    DefaultXYZDataset data = new DefaultXYZDataset();
    data.addSeries("U1", xyz);
    String[] names = labels.toArray(new String[0]);
    SymbolAxis columns = new SymbolAxis(columnAxisLabel, names);
    SymbolAxis rows = new SymbolAxis("path π", names);
    for (SymbolAxis a : new SymbolAxis[] {columns, rows}) {
      a.setGridBandsVisible(false);
      a.setRange(-0.5, n - 0.5);
      a.setLowerMargin(0);
      a.setUpperMargin(0);
      FigureStyle.axisFonts(a);
    }
    rows.setInverted(true); // matrix convention: first path at the top
    XYBlockRenderer r = new XYBlockRenderer();
    r.setPaintScale(scale);
    XYPlot plot = new XYPlot(data, columns, rows, r);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(false);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    if (n <= MAX_ANNOTATED_PATHS) {
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          XYTextAnnotation t = new XYTextAnnotation(Report.number(u[i][j], 3), j, i);
          t.setFont(FigureStyle.CELL);
          t.setPaint(scale.dark(u[i][j]) ? Color.WHITE : Color.BLACK);
          plot.addAnnotation(t);
        }
      }
    }
    return plot;
  }

  /** Vertical colour bar on the right, labelled U^{ππ′}. */
  static PaintScaleLegend colourBar(DivergingPaintScale scale) {
    return colourBar(scale, "U^{ππ′}");
  }

  /** Vertical colour bar on the right with a {@link FigureStyle#markup} label. */
  static PaintScaleLegend colourBar(DivergingPaintScale scale, String label) {
    NumberAxis axis = new NumberAxis();
    axis.setRange(scale.getLowerBound(), scale.getUpperBound());
    FigureStyle.axisFonts(axis);
    FigureStyle.label(axis, label);
    PaintScaleLegend bar = new PaintScaleLegend(scale, axis);
    bar.setPosition(RectangleEdge.RIGHT);
    bar.setAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_RIGHT);
    bar.setStripWidth(14);
    bar.setSubdivisionCount(128);
    bar.setMargin(new RectangleInsets(10, 10, 10, 4));
    bar.setBackgroundPaint(Color.WHITE);
    return bar;
  }
}
