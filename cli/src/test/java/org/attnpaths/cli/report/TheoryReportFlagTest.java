package org.attnpaths.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.attnpaths.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code attnpaths theory --report} and {@code simulate --report}: the result file and its report
 * land in the same --out.
 */
class TheoryReportFlagTest {

  @TempDir
  Path dir;

  @Test
  void theoryWritesTheReportNextToItsResult() throws Exception {
    Path out = dir.resolve("run");
    CliRun run = CliRun.of("theory", "--train-size", "20", "--test-size", "40", "--widths",
        "10,100", "--backend", "ejml", "--report", "--formats", "svg", "--quiet",
        "--out", out.toString());
    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(Files.exists(out.resolve("theory.json")));
    assertTrue(Files.exists(out.resolve("figures/accuracy.svg")));
    assertTrue(Files.exists(out.resolve("figures/u1-n10.svg")));
    String html = Files.readString(out.resolve("index.html"));
    SvgText.parse(html);
    assertTrue(html.contains("id=\"table-certificates\""), "certificates table");
  }

  @Test
  void badReportOptionIsRejectedBeforeSolving() {
    Path out = dir.resolve("run");
    CliRun run = CliRun.of("theory", "--report", "--formats", "eps", "--out", out.toString());
    assertEquals(2, run.exitCode(), run::toString);
    assertTrue(run.err().contains("--formats"), run::toString);
    assertTrue(!Files.exists(out), "nothing written");
  }

  @Test
  void simulateWritesTheReportNextToItsResult() throws Exception {
    Path out = dir.resolve("sim");
    CliRun run = CliRun.of("simulate", "--train-size", "20", "--test-size", "40", "--widths",
        "10", "--samples", "20", "--burn-in", "5", "--chains", "2", "--backend", "ejml",
        "--report", "--formats", "svg", "--quiet", "--out", out.toString());
    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(Files.exists(out.resolve("simulate.json")));
    String html = Files.readString(out.resolve("index.html"));
    SvgText.parse(html);
    assertTrue(html.contains("simulate.json"), "the page names its input");
  }

  @Test
  void simulateRejectsABadReportOptionBeforeSampling() {
    Path out = dir.resolve("sim");
    CliRun run = CliRun.of("simulate", "--report", "--dpi", "0", "--out", out.toString());
    assertEquals(2, run.exitCode(), run::toString);
    assertTrue(!Files.exists(out), "nothing written");
  }
}
