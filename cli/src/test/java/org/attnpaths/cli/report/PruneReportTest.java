package org.attnpaths.cli.report;

import org.attnpaths.notebooks.results.ResultFile;
import org.attnpaths.notebooks.results.PruneResult;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.attnpaths.cli.CliRun;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * The head-pruning part of the report, from a hand-written {@code prune.json} that follows the
 * {@code attnpaths.prune/1} contract (Markov task, heads (1)1 (1)2 (2)1 (2)2, widths 10 and 100,
 * with {@code --simulate} fields): every point is where the file puts it and carries its head's
 * label, the curves and band hold the file's numbers, and the tables reach the page and CSV.
 */
class PruneReportTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private Path prune;
  private JsonNode root;

  @BeforeEach
  void copyFixture() throws IOException {
    prune = dir.resolve("prune.json");
    try (InputStream in = getClass().getResourceAsStream("prune-markov.json")) {
      Files.copy(in, prune);
    }
    root = JSON.readTree(prune.toFile());
  }

  @Test
  void scatterPointsSitAtScoreAndDropWithTheirHeadLabel() {
    PruneResult r = PruneResult.of(ResultFile.read(prune));
    for (int wi = 0; wi < 2; wi++) {
      Figure f = HeadScoreChart.of("prune-score", r, r.widths().get(wi));
      XYPlot plot = (XYPlot) f.chart().getPlot();
      IntervalXYDataset d = (IntervalXYDataset) plot.getDataset();
      assertEquals(3, d.getSeriesCount(), "frozen, resolved, simulated");
      List<String> methods = List.of("frozen", "resolved", "simulated");
      JsonNode heads = root.at("/results/" + wi + "/heads");
      for (int s = 0; s < 3; s++) {
        assertEquals(4, d.getItemCount(s));
        for (int i = 0; i < 4; i++) {
          String label = plot.getRenderer().getItemLabelGenerator(s, i).generateLabel(d, s, i);
          if (s == 2) {
            assertEquals(null, label, "sampled points are labelled by their theory column");
            label = plot.getRenderer().getItemLabelGenerator(1, i).generateLabel(d, 1, i);
            assertEquals(d.getXValue(1, i), d.getXValue(2, i), "same head order in every series");
          }
          if (label == null) {
            // A re-solved drop within half a point of the frozen one shares the frozen label.
            assertTrue(Math.abs(d.getYValue(0, i) - d.getYValue(1, i)) < 0.005, "coincident");
            label = plot.getRenderer().getItemLabelGenerator(0, i).generateLabel(d, 0, i);
          }
          JsonNode h = find(heads, label);
          assertEquals(h.get("score").asDouble(), d.getXValue(s, i), label);
          double drop = h.at("/accuracyDrop/" + methods.get(s)).asDouble();
          assertEquals(drop, d.getYValue(s, i), label + " " + methods.get(s));
          double se = s == 2 ? h.get("simulatedDropStandardError").asDouble() : 0;
          assertEquals(drop - se, d.getStartYValue(s, i), 1e-15, label);
          assertEquals(drop + se, d.getEndYValue(s, i), 1e-15, label);
        }
      }
    }
  }

  @Test
  void headWithoutADropIsLeftOutOfTheScatterAndKeepsItsNote() throws Exception {
    ObjectNode h = (ObjectNode) root.at("/results/0/heads/0");
    ((ObjectNode) h.get("accuracy")).putNull("frozen");
    ((ObjectNode) h.get("accuracyDrop")).putNull("frozen");
    h.put("note", "only head of its layer");
    JSON.writeValue(prune.toFile(), root);
    PruneResult r = PruneResult.of(ResultFile.read(prune));
    XYPlot plot = (XYPlot) HeadScoreChart.of("s", r, r.widths().get(0)).chart().getPlot();
    assertEquals(3, plot.getDataset().getItemCount(0), "frozen: one head without a drop");
    assertEquals(4, plot.getDataset().getItemCount(1));
    Table t = ReportTables.pruneHeads("prune-heads", r);
    assertEquals("only head of its layer", t.rows().get(0).get(t.header().indexOf("note")));
    assertEquals("", t.rows().get(0).get(t.header().indexOf("drop_frozen")));
  }

  @Test
  void curvesAndRandomBandHoldTheFileNumbers() throws Exception {
    PruneResult r = PruneResult.of(ResultFile.read(prune));
    Figure f = PruningCurveChart.of("prune-curve", r, r.widths().get(1));
    XYPlot plot = (XYPlot) f.chart().getPlot();
    JsonNode w = root.at("/results/1");
    XYDataset lines = plot.getDataset(0);
    assertEquals(3, lines.getSeriesCount(), "score, reverse, base");
    for (int k = 0; k < 3; k++) {
      assertEquals(w.at("/cumulative/score/" + k).asDouble(), lines.getYValue(0, k));
      assertEquals(w.at("/cumulative/reverse/" + k).asDouble(), lines.getYValue(1, k));
      assertEquals(k, lines.getXValue(0, k));
    }
    assertEquals(w.get("baseAccuracy").asDouble(), lines.getYValue(2, 0));
    IntervalXYDataset band = (IntervalXYDataset) plot.getDataset(2);
    for (int k = 0; k < 3; k++) {
      double mean = w.at("/cumulative/random/" + k).asDouble();
      double sd = w.at("/cumulativeDetail/random/std/" + k).asDouble();
      assertEquals(mean, band.getYValue(0, k));
      assertEquals(Math.max(0, mean - sd), band.getStartYValue(0, k), 1e-15);
      assertEquals(Math.min(1, mean + sd), band.getEndYValue(0, k), 1e-15);
    }
    XYDataset sim = plot.getDataset(1);
    assertEquals(2, sim.getSeriesCount(), "sampled score and reverse orders");
    assertEquals(w.at("/cumulativeDetail/simulated/score/1").asDouble(), sim.getYValue(0, 1));
    List<String> text = SvgText.texts(SvgText.parse(f.svgDocument()));
    for (String s : List.of("heads removed", "test accuracy of the mean predictor",
        "theory, score order (lowest score first)",
        "theory, reverse order (highest score first)",
        "theory, random orders (mean ± std, within [0, 1])", "full network (theory)", "−(1)1", "−(2)2")) {
      assertTrue(text.contains(s), () -> s + " not in " + text);
    }
  }

  @Test
  void pageAndCsvHaveThePruningSectionAndTables() throws Exception {
    Path out = dir.resolve("report");
    CliRun run = CliRun.of("report", prune.toString(), "--out", out.toString(), "--dpi", "96");
    assertEquals(0, run.exitCode(), run::toString);
    String html = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
    Document page = SvgText.parse(html);
    for (String id : List.of("prune-pruning", "fig-prune-score-n10", "fig-prune-curve-n10",
        "fig-prune-score-n100", "fig-prune-curve-n100", "table-prune-heads",
        "table-prune-cumulative", "table-prune-spearman", "table-prune-paths")) {
      assertNotNull(ReportCommandTest.byId(page, id), () -> "no element with id " + id);
    }
    List<String> heads = Files.readAllLines(out.resolve("prune-heads.csv"));
    assertTrue(heads.get(0).startsWith("# source: " + prune + " (attnpaths.prune/1"), heads::toString);
    assertEquals("width,head,name,score,raw_score,diagonal_score,accuracy_frozen,"
        + "accuracy_resolved,accuracy_simulated,drop_frozen,drop_resolved,drop_simulated,"
        + "simulated_drop_standard_error,resolved_converged,note", heads.get(1));
    assertEquals("10,(1)1,same_token,1.0,23.1,17.0,0.62,0.64,0.63,0.337,0.317,0.32,0.006,true,",
        heads.get(2));
    List<String> cum = Files.readAllLines(out.resolve("prune-cumulative.csv"));
    assertEquals("10,1,0.952,0.71,0.775,0.12695143428361358,0.64,0.945,0.95,0.7,(2)2,(1)1",
        cum.get(3));
    List<String> sp = Files.readAllLines(out.resolve("prune-spearman.csv"));
    assertEquals("10,resolved,1.0,0.0417,exact,24", sp.get(3));
    for (String fig : List.of("prune-score-n10", "prune-curve-n100")) {
      assertTrue(Files.size(out.resolve("figures/" + fig + ".png")) > 1000, fig);
    }
  }

  @Test
  void badPruneFilesAreBadInputAndWriteNothing() throws Exception {
    ((ObjectNode) root.at("/results/1")).remove("cumulative");
    JSON.writeValue(prune.toFile(), root);
    assertBadInput("results[1].cumulative");
    ((ObjectNode) root).put("schema", "attnpaths.prune/2");
    JSON.writeValue(prune.toFile(), root);
    assertBadInput("schema version attnpaths.prune/2 is not supported");
  }

  private void assertBadInput(String message) {
    Path out = dir.resolve("out");
    CliRun run = CliRun.of("report", prune.toString(), "--out", out.toString());
    assertEquals(2, run.exitCode(), run::toString);
    assertTrue(run.err().contains(message), run::toString);
    assertFalse(Files.exists(out), "nothing written");
  }

  private static JsonNode find(JsonNode heads, String label) {
    for (JsonNode h : heads) if (h.get("label").asText().equals(label)) return h;
    throw new AssertionError("no head labelled " + label);
  }
}
