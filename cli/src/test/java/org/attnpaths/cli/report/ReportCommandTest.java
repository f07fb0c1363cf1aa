package org.attnpaths.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.attnpaths.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** {@code attnpaths report}: the page, the CSV tables and the exit codes on bad input. */
class ReportCommandTest {

  @TempDir
  Path dir;

  @Test
  void writesASelfContainedPageWithEverySection() throws Exception {
    Path theory = ReportFixtures.write(ReportFixtures.theory(), dir.resolve("theory.json"));
    Path sim = ReportFixtures.write(ReportFixtures.simulation(), dir.resolve("simulate.json"));
    Path out = dir.resolve("report");
    CliRun run = CliRun.of("report", theory.toString(), sim.toString(), "--out", out.toString(),
        "--dpi", "96");
    assertEquals(0, run.exitCode(), run::toString);

    String html = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
    Document page = SvgText.parse(html); // well-formed XHTML
    for (String id : List.of("theory", "sim-simulation", "provenance", "table-results",
        "table-gp", "table-certificates", "table-sim-simulation", "table-provenance",
        "fig-accuracy", "fig-u1-n10", "fig-u1-n100", "fig-u1-n1000", "fig-u1-compare-n10",
        "fig-u1-compare-n100", "fig-alignment-n10")) {
      assertNotNull(byId(page, id), () -> "no element with id " + id);
    }
    // accuracy, U_1 at 3 widths, theory vs sampled at 2 widths, alignment
    assertEquals(7, page.getElementsByTagNameNS("*", "svg").getLength(), "inline figures");
    assertFalse(html.contains("src=\"http") || html.contains("href=\"http")
        || html.contains("<script"), "external resources or scripts in index.html");
    assertTrue(html.contains("abc1234"), "provenance (git commit) of the inputs");

    for (String csv : List.of("results", "gp", "certificates", "sim-simulation", "provenance")) {
      List<String> lines = Files.readAllLines(out.resolve(csv + ".csv"));
      assertTrue(lines.get(0).startsWith("# source: " + theory), lines::toString);
    }
    List<String> results = Files.readAllLines(out.resolve("results.csv"));
    assertEquals("width,alpha,accuracy,gibbs_accuracy,gp_accuracy,U_a,U1_g,U1_d,U1_a1,U1_a2,"
        + "converged,minimum", results.get(2));
    assertEquals("10,10.0,0.96,0.91,0.85,1.0,12.0,0.5,1.0,0.25,true,true", results.get(3));
    for (String fig : List.of("accuracy", "u1-n10", "u1-compare-n10", "alignment-n10")) {
      assertTrue(Files.size(out.resolve("figures/" + fig + ".png")) > 1000, fig);
      SvgText.parse(Files.readString(out.resolve("figures/" + fig + ".svg")));
    }
  }

  @Test
  void missingFileIsBadInputAndWritesNothing() {
    assertBadInput("no such file", dir.resolve("nope.json").toString());
  }

  @Test
  void wrongSchemaIsBadInput() throws Exception {
    ObjectNode t = ReportFixtures.theory();
    t.put("schema", "something.else/1");
    assertBadInput("unknown schema 'something.else/1'",
        ReportFixtures.write(t, dir.resolve("t.json")).toString());
  }

  @Test
  void unknownSchemaVersionIsBadInput() throws Exception {
    ObjectNode t = ReportFixtures.theory();
    t.put("schema", "attnpaths.theory/2");
    assertBadInput("schema version attnpaths.theory/2 is not supported",
        ReportFixtures.write(t, dir.resolve("t.json")).toString());
  }

  @Test
  void notJsonIsBadInput() throws Exception {
    Path p = dir.resolve("t.json");
    Files.writeString(p, "width,alpha\n10,1\n");
    assertBadInput("not a JSON result file", p.toString());
  }

  @Test
  void missingFieldIsBadInput() throws Exception {
    ObjectNode t = ReportFixtures.theory();
    t.remove("results");
    assertBadInput("missing field 'results'",
        ReportFixtures.write(t, dir.resolve("t.json")).toString());
  }

  @Test
  void heatmapWidthNotInTheFileIsBadInput() throws Exception {
    Path p = ReportFixtures.write(ReportFixtures.theory(), dir.resolve("t.json"));
    assertBadInput("width 42 is not in", p.toString(), "--heatmap-widths", "42");
  }

  private void assertBadInput(String message, String... args) {
    Path out = dir.resolve("out");
    String[] all = new String[args.length + 3];
    all[0] = "report";
    System.arraycopy(args, 0, all, 1, args.length);
    all[args.length + 1] = "--out";
    all[args.length + 2] = out.toString();
    CliRun run = CliRun.of(all);
    assertEquals(2, run.exitCode(), run::toString);
    assertTrue(run.err().contains(message), run::toString);
    assertEquals(1, run.err().strip().lines().count(), () -> "one line: " + run);
    assertFalse(Files.exists(out), "nothing written");
  }

  static Element byId(Document d, String id) {
    org.w3c.dom.NodeList all = d.getElementsByTagNameNS("*", "*");
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      if (id.equals(e.getAttribute("id"))) return e;
    }
    return null;
  }
}
