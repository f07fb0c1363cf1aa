package org.attnpaths.cli.report;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.XYPlot;

/**
 * Theory U_1 next to the sampled network's posterior-mean U_1 at the same width (paper Fig. 3c),
 * on one shared colour scale so equal colours mean equal values.
 */
public final class OrderParameterComparison {

  private OrderParameterComparison() {}

  /**
   * @param theory theory U_1, path order (not modified)
   * @param sampled sampled U_1, path order (not modified)
   */
  public static Figure of(String name, int width, String sampler, double[][] theory,
      double[][] sampled, PathOrder order) {
    double[][] t = order.permute(theory);
    double[][] s = order.permute(sampled);
    DivergingPaintScale scale = DivergingPaintScale.covering(t, s);
    XYPlot left = OrderParameterHeatMap.plot(t, order.labels(), scale, "theory: path π′");
    XYPlot right = OrderParameterHeatMap.plot(s, order.labels(), scale,
        "sampled (" + sampler + "): path π′");
    CombinedRangeXYPlot plot = new CombinedRangeXYPlot(left.getRangeAxis());
    plot.setGap(24);
    plot.add(left);
    plot.add(right);
    JFreeChart chart = new JFreeChart("Order parameter U₁ at N = " + width + ": theory and sampled network",
        FigureStyle.TITLE, plot, false);
    chart.addSubtitle(OrderParameterHeatMap.colourBar(scale));
    FigureStyle.apply(chart);
    int cell = 70 * Math.min(t.length, 8);
    return new Figure(name, "Theory U₁ (left) and the sampled network's posterior mean of U₁ "
        + "(right) at N = " + width + ", one colour scale.", chart, 2 * cell + 300, cell + 160);
  }
}
