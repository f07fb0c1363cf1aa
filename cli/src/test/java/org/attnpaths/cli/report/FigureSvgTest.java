package org.attnpaths.cli.report;

import org.attnpaths.notebooks.results.ResultFile;
import org.attnpaths.notebooks.results.SimulationResult;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.PaintScaleLegend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each figure's SVG parsed as XML: series, labels and axis ranges are what the data says. */
class FigureSvgTest {

  @TempDir
  Path dir;

  private TheoryResult theory() throws Exception {
    return TheoryResult.of(ResultFile.read(
        ReportFixtures.write(ReportFixtures.theory(), dir.resolve("theory.json"))));
  }

  private SimulationResult simulation() throws Exception {
    return SimulationResult.of(ResultFile.read(
        ReportFixtures.write(ReportFixtures.simulation(), dir.resolve("simulate.json"))));
  }

  @Test
  void accuracyChartHasEverySeriesLabelledAndBothWidthAxes() throws Exception {
    Figure f = AccuracyChart.of("accuracy", theory(), List.of(simulation()), 100);
    List<String> texts = SvgText.texts(SvgText.parse(f.svg()));
    for (String label : List.of("theory (saddle point)",
        "sampled network (gibbs, mean ± s.e. over chains)", "GP limit, all paths (N → ∞)",
        "GP limit, good paths only", "GP limit, good+denoising paths only", "width N",
        "load α = P/N  (P = 100)", "test accuracy of the mean predictor", "0.85", "0.97")) {
      assertTrue(texts.contains(label), () -> "missing '" + label + "' in " + texts);
    }
    XYPlot plot = f.chart().getXYPlot();
    ValueAxis n = plot.getDomainAxis(0);
    assertTrue(n.getLowerBound() < 10 && n.getUpperBound() > 1000, () -> "N axis " + n.getRange());
    // JFreeChart draws log-axis tick labels as attributed strings, which JFreeSVG writes as
    // glyph outlines, so the decades are checked on the axis: one tick per decade.
    assertEquals(1.0, ((org.jfree.chart.axis.LogAxis) n).getTickUnit().getSize(), 0);
    ValueAxis alpha = plot.getDomainAxis(1);
    // α = P/N: the top axis spans exactly P divided by the bottom axis's ends, inverted.
    assertEquals(100 / n.getUpperBound(), alpha.getLowerBound(), 1e-9);
    assertEquals(100 / n.getLowerBound(), alpha.getUpperBound(), 1e-9);
    assertTrue(alpha.isInverted());
    ValueAxis acc = plot.getRangeAxis();
    assertTrue(acc.getLowerBound() <= 0.85,
        () -> "accuracy axis " + acc.getRange());
    assertTrue(acc.getUpperBound() >= 0.967, () -> "accuracy axis " + acc.getRange());
    assertEquals(1, plot.getDataset(0).getSeriesCount(), "theory");
    assertEquals(1, plot.getDataset(1).getSeriesCount(), "simulation");
    assertEquals(3, plot.getDataset(2).getSeriesCount(), "GP all + 2 subsets");
    assertEquals(FigureStyle.THEORY, plot.getRenderer(0).getSeriesPaint(0));
    assertEquals(FigureStyle.SIMULATION, plot.getRenderer(1).getSeriesPaint(0));
    assertEquals(FigureStyle.GP, plot.getRenderer(2).getSeriesPaint(0));
  }

  @Test
  void heatMapUsesThePaperPathOrderAndASymmetricColourBar() throws Exception {
    TheoryResult t = theory();
    PathOrder order = PathOrder.of(t.pathNames(), t.heads());
    Figure f = OrderParameterHeatMap.of("u1", "Order parameter U₁ at N = 10",
        t.widths().get(0).u1(), order);
    List<String> texts = SvgText.texts(SvgText.parse(f.svg()));
    int g = texts.indexOf("g");
    int d = texts.indexOf("d");
    int a1 = texts.indexOf("a1");
    int a2 = texts.indexOf("a2");
    assertTrue(g >= 0 && g < d && d < a1 && a1 < a2, () -> "path labels not g, d, a1, a2: " + texts);
    assertTrue(texts.contains("path π") && texts.contains("path π′"), texts::toString);
    // Cells in display order: U[g][g] = 12, U[g][d] = −4 written into the cells.
    assertTrue(texts.contains("12") && texts.contains("-4"), texts::toString);
    PaintScaleLegend bar = (PaintScaleLegend) f.chart().getSubtitle(0);
    assertEquals(-12, bar.getScale().getLowerBound(), 1e-12);
    assertEquals(12, bar.getScale().getUpperBound(), 1e-12);
    assertEquals("Uππ′", bar.getAxis().getLabel());
  }

  @Test
  void comparisonSharesOneScaleOverTheoryAndSample() throws Exception {
    TheoryResult t = theory();
    SimulationResult s = simulation();
    Figure f = OrderParameterComparison.of("cmp", 10, "gibbs", t.widths().get(0).u1(),
        s.widths().get(0).u1(), PathOrder.of(t.pathNames(), t.heads()));
    List<String> texts = SvgText.texts(SvgText.parse(f.svg()));
    assertTrue(texts.contains("theory: path π′"), texts::toString);
    assertTrue(texts.contains("sampled (gibbs): path π′"), texts::toString);
    PaintScaleLegend bar = (PaintScaleLegend) f.chart().getSubtitle(0);
    assertEquals(12, bar.getScale().getUpperBound(), 1e-12);
  }

  @Test
  void alignmentBarsGpAgainstFiniteWidth() throws Exception {
    TheoryResult t = theory();
    Figure f = AlignmentChart.of("align", t, t.widths().get(0));
    List<String> texts = SvgText.texts(SvgText.parse(f.svg()));
    assertTrue(texts.contains("GP limit (kernel K_GP)"), texts::toString);
    assertTrue(texts.contains("N = 10 (renormalised kernel K_U)"), texts::toString);
    XYPlot plot = f.chart().getXYPlot();
    assertEquals(0, plot.getRangeAxis().getLowerBound(), 0);
    assertTrue(plot.getRangeAxis().getUpperBound() >= 0.3);
    assertEquals(FigureStyle.GP, plot.getRenderer().getSeriesPaint(0));
    assertEquals(FigureStyle.THEORY, plot.getRenderer().getSeriesPaint(1));
  }

  @Test
  void pngHonoursTheResolution() throws Exception {
    TheoryResult t = theory();
    Figure f = AlignmentChart.of("align", t, t.widths().get(0));
    java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(
        new java.io.ByteArrayInputStream(f.png(192)));
    assertEquals(2 * f.width(), img.getWidth());
    assertEquals(2 * f.height(), img.getHeight());
  }

  @Test
  void unnamedPathsAreLabelledByTheirHeads() {
    PathOrder o = PathOrder.of(List.of("0", "1", "2", "3", "4", "5"), List.of(3, 2));
    assertEquals(List.of("(1,1)", "(1,2)", "(2,1)", "(2,2)", "(3,1)", "(3,2)"), o.labels());
    PathOrder markov = PathOrder.of(List.of("g", "a1", "d", "a2"), List.of(2, 2));
    assertEquals(List.of("g", "d", "a1", "a2"), markov.labels());
    assertEquals(List.of(0, 2, 1, 3), java.util.Arrays.stream(markov.order()).boxed().toList());
  }
}
