package org.attnpaths.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.attnpaths.cli.CliRun;
import org.attnpaths.notebooks.results.ResultFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --formats pdf}: one-page vector PDFs of the page size, with the figure's text (Greek
 * letters included) as real text when DejaVu Sans is installed (Debian {@code fonts-dejavu-core}).
 */
class FigurePdfTest {

  @TempDir
  Path dir;

  @Test
  void accuracyFigurePdfHasOnePageOfTheFigureSizeAndItsGreekText() throws Exception {
    Path theory = ReportFixtures.write(ReportFixtures.theory(), dir.resolve("theory.json"));
    TheoryResult t = TheoryResult.of(ResultFile.read(theory));
    Figure f = AccuracyChart.of("accuracy", t, List.of(), 100);
    byte[] pdf = f.pdf();
    assertEquals("%PDF", new String(pdf, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertEquals(1, doc.getNumberOfPages());
      assertEquals(f.width() * 0.75f, doc.getPage(0).getMediaBox().getWidth(), 1e-3);
      assertEquals(f.height() * 0.75f, doc.getPage(0).getMediaBox().getHeight(), 1e-3);
      assumeTrue(Files.isRegularFile(Figure.DEJAVU.resolve("DejaVuSans.ttf")),
          "text as text needs DejaVu Sans; without it the text is drawn as outlines");
      String text = new PDFTextStripper().getText(doc);
      for (String s : List.of("load α = P/N", "width N", "GP limit, all paths (N → ∞)",
          "markov-4path")) {
        assertTrue(text.contains(s), () -> s + " not in PDF text: " + text);
      }
      // The vertical label is text too; the extractor breaks rotated text into pieces.
      assertTrue(text.replaceAll("\\s", "").contains("testaccuracyofthemeanpredictor"), text);
    }
  }

  @Test
  void reportWritesPdfFiguresWhenAskedFor() throws Exception {
    Path theory = ReportFixtures.write(ReportFixtures.theory(), dir.resolve("theory.json"));
    Path out = dir.resolve("report");
    CliRun run = CliRun.of("report", theory.toString(), "--out", out.toString(), "--formats",
        "pdf", "-q");
    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(Files.size(out.resolve("figures/u1-n10.pdf")) > 1000);
    assertTrue(Files.notExists(out.resolve("figures/u1-n10.png")), "only the formats asked for");
    CliRun bad = CliRun.of("report", theory.toString(), "--out", dir.resolve("x").toString(),
        "--formats", "eps");
    assertEquals(2, bad.exitCode(), bad::toString);
    assertTrue(bad.err().contains("expected png, svg and/or pdf, got 'eps'"), bad::toString);
  }
}
