package org.attnpaths.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.attnpaths.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page renders in a real browser: Debian's chromium (installed by {@code .ci/run}) takes a
 * headless screenshot; the PNG must have the window's size and more than a handful of colours.
 * Skipped where {@code /usr/bin/chromium} is absent.
 */
class ReportBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @TempDir
  Path dir;

  @Test
  void chromiumRendersANonBlankPage() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "no /usr/bin/chromium");
    Path theory = ReportFixtures.write(ReportFixtures.theory(), dir.resolve("theory.json"));
    Path sim = ReportFixtures.write(ReportFixtures.simulation(), dir.resolve("simulate.json"));
    Path out = dir.resolve("report");
    CliRun run = CliRun.of("report", theory.toString(), sim.toString(), "--out", out.toString(),
        "--formats", "svg");
    assertEquals(0, run.exitCode(), run::toString);

    Path shot = dir.resolve("shot.png");
    Process p = new ProcessBuilder(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--user-data-dir=" + dir.resolve("profile"),
        "--screenshot=" + shot, "--window-size=1280,2000",
        out.resolve("index.html").toUri().toString()))
        .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium did not finish in 120 s");
    assertTrue(Files.size(shot) > 10_000, () -> "screenshot too small: " + shot);

    BufferedImage img = ImageIO.read(shot.toFile());
    assertEquals(1280, img.getWidth());
    assertEquals(2000, img.getHeight());
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < img.getHeight(); y += 4) {
      for (int x = 0; x < img.getWidth(); x += 4) colours.add(img.getRGB(x, y));
    }
    // Text, heat-map cells and chart lines: far more than a blank or error page's few colours.
    assertTrue(colours.size() > 50, () -> "page looks blank: " + colours.size() + " colours");
  }
}
