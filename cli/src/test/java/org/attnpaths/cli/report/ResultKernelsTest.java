package org.attnpaths.cli.report;

import org.attnpaths.notebooks.results.Json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.attnpaths.cli.CliRun;
import org.attnpaths.cli.ExitCodes;
import org.attnpaths.numerics.linalg.EjmlBackend;
import org.attnpaths.numerics.npy.NpyArray;
import org.attnpaths.numerics.npy.NpzReader;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kernels rebuilt from a real theory result ({@code theory --train-size 20 --test-size 40
 * --widths 10,100}): their spectra equal the spectra the solver recorded at each width (computed
 * there through a different route, Ξ(U⊗I)Ξᵀ in {@code KernelAlignments}), and a result whose task
 * cannot be rebuilt faithfully is rejected with a message naming the cause.
 */
class ResultKernelsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private Path theory;
  private JsonNode root;

  @BeforeEach
  void copyFixture() throws IOException {
    theory = dir.resolve("theory.json");
    try (InputStream in = getClass().getResourceAsStream(
        "/org/attnpaths/cli/command/theory-markov-small.json")) {
      Files.copy(in, theory);
    }
    root = JSON.readTree(theory.toFile());
  }

  @Test
  void rebuiltKernelsHaveTheRecordedSpectrumAtEveryWidth() {
    ResultKernels k = ResultKernels.rebuild(theory, root);
    assertEquals(20, k.examples());
    assertEquals(4, k.paths());
    JsonNode results = root.get("results");
    for (int w = 0; w < results.size(); w++) {
      double[][] u1 = Json.u1(theory, results.get(w), "r", 4);
      double[][] kernel = k.kernel(u1);
      for (int i = 0; i < 20; i++) {
        for (int j = 0; j < 20; j++) assertEquals(kernel[i][j], kernel[j][i], 1e-12);
      }
      double[] eig = descendingEigenvalues(kernel);
      JsonNode recorded = results.get(w).at("/alignment/eigenvalues");
      for (int c = 0; c < recorded.size(); c++) {
        assertEquals(recorded.get(c).asDouble(), eig[c], 1e-9 * Math.abs(eig[0]),
            "width " + results.get(w).get("width") + ", eigenvalue " + c);
      }
    }
  }

  @Test
  void kernelIsLinearInTheOrderParameter() {
    ResultKernels k = ResultKernels.rebuild(theory, root);
    double[][] a = Json.u1(theory, root.at("/results/0"), "r", 4);
    double[][] b = Json.u1(theory, root.at("/results/1"), "r", 4);
    double[][] mix = new double[4][4];
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) mix[i][j] = 2 * a[i][j] - 0.5 * b[i][j];
    }
    double[][] ka = k.kernel(a);
    double[][] kb = k.kernel(b);
    double[][] km = k.kernel(mix);
    for (int i = 0; i < 20; i++) {
      for (int j = 0; j < 20; j++) {
        assertEquals(2 * ka[i][j] - 0.5 * kb[i][j], km[i][j], 1e-12 * (1 + Math.abs(km[i][j])));
      }
    }
  }

  @Test
  void classOrderPutsPositiveLabelsFirst() {
    ResultKernels k = ResultKernels.rebuild(theory, root);
    double[] y = k.yTrain();
    int[] order = k.classOrder();
    assertEquals(10, k.positives());
    for (int i = 0; i < 20; i++) assertEquals(i < 10, y[order[i]] > 0, "position " + i);
    assertArrayEquals(java.util.stream.IntStream.range(0, 20).toArray(), order,
        "the Markov training set is already ordered by class");
  }

  @Test
  void anotherSeedIsRejectedByTheSpectrumGuard() {
    ((ObjectNode) root.at("/config/task/source")).put("seed", 12345);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ResultKernels.rebuild(theory, root));
    assertTrue(e.getMessage().contains("does not reproduce the recorded kernel"), e.getMessage());
  }

  @Test
  void missingSourceAndUnknownKindAreNamed() {
    ((ObjectNode) root.at("/config/task/source")).put("kind", "image");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ResultKernels.rebuild(theory, root));
    assertTrue(e.getMessage().contains("config.task.source.kind"), e.getMessage());
    ((ObjectNode) root.at("/config/task")).remove("source");
    assertFalse(ResultKernels.recorded(root));
  }

  @Test
  void exportNpzWritesTheKernelsAndNoKernelsLeavesThemOut() throws IOException {
    Path out = dir.resolve("result.npz");
    CliRun run = CliRun.of("export-npz", theory.toString(), "--out", out.toString(), "-q");
    assertEquals(ExitCodes.OK, run.exitCode(), run::toString);
    Map<String, NpyArray> a = NpzReader.read(out);
    assertArrayEquals(new int[] {2, 20, 20}, a.get("kernel").shape());
    assertArrayEquals(new int[] {20, 20}, a.get("gp_kernel").shape());
    assertArrayEquals(new int[] {20}, a.get("y_train").shape());
    ResultKernels k = ResultKernels.rebuild(theory, root);
    double[][] k1 = k.kernel(Json.u1(theory, root.at("/results/1"), "r", 4));
    assertEquals(k1[3][7], a.get("kernel").data()[20 * 20 + 3 * 20 + 7]);
    double[][] gp = k.kernel(Json.u1(theory, root.get("gp"), "gp", 4));
    assertEquals(gp[5][2], a.get("gp_kernel").data()[5 * 20 + 2]);
    JsonNode meta = JSON.readTree(dir.resolve("result_meta.json").toFile());
    assertEquals(20, meta.at("/arrays/kernel/2").asInt());

    Path bare = dir.resolve("bare.npz");
    run = CliRun.of("export-npz", theory.toString(), "--out", bare.toString(), "--no-kernels",
        "-q");
    assertEquals(ExitCodes.OK, run.exitCode(), run::toString);
    assertFalse(NpzReader.read(bare).containsKey("kernel"));
  }

  /**
   * A result computed from a task bundle: the report draws its kernels while the bundle is
   * unchanged, and refuses (exit 2, nothing written) once it is changed or gone, unless
   * {@code --no-kernels}.
   */
  @Test
  void taskBundleMustBeUnchanged() throws IOException {
    Path bundle = dir.resolve("task.npz");
    CliRun export = CliRun.of("theory", "--train-size", "12", "--test-size", "12",
        "--export-task", bundle.toString(), "--export-only", "-q");
    assertEquals(ExitCodes.OK, export.exitCode(), export::toString);
    Path out = dir.resolve("run");
    CliRun solve = CliRun.of("theory", "--task", bundle.toString(), "--widths", "10", "--out",
        out.toString(), "-q");
    assertEquals(ExitCodes.OK, solve.exitCode(), solve::toString);
    Path json = out.resolve("theory.json");

    CliRun ok = CliRun.of("report", json.toString(), "--out", dir.resolve("r1").toString(), "-q");
    assertEquals(ExitCodes.OK, ok.exitCode(), ok::toString);
    assertTrue(Files.exists(dir.resolve("r1/figures/kernel-n10.svg")));

    byte[] bytes = Files.readAllBytes(bundle);
    bytes[bytes.length / 2] ^= 1;
    Files.write(bundle, bytes);
    CliRun changed = CliRun.of("report", json.toString(), "--out", dir.resolve("r2").toString());
    assertEquals(ExitCodes.BAD_INPUT, changed.exitCode(), changed::toString);
    assertTrue(changed.err().contains("has changed since the result was computed"),
        changed::toString);
    assertFalse(Files.exists(dir.resolve("r2")), "nothing written");

    Files.delete(bundle);
    CliRun gone = CliRun.of("report", json.toString(), "--out", dir.resolve("r3").toString());
    assertEquals(ExitCodes.BAD_INPUT, gone.exitCode(), gone::toString);
    assertTrue(gone.err().contains("is gone"), gone::toString);
    CliRun skip = CliRun.of("report", json.toString(), "--out", dir.resolve("r4").toString(),
        "--no-kernels", "-q");
    assertEquals(ExitCodes.OK, skip.exitCode(), skip::toString);
    assertFalse(Files.exists(dir.resolve("r4/figures/kernel-n10.svg")));
  }

  @Test
  void heatMapImageHasTheScaleColourOfEachEntryRowsFromTheTop() {
    double[][] k = {{2, -1, 0}, {-1, 1, 0.5}, {0, 0.5, 0.25}};
    DivergingPaintScale scale = DivergingPaintScale.covering(k);
    BufferedImage img = KernelHeatMap.image(k, scale);
    int f = img.getWidth() / 3;
    assertEquals(KernelHeatMap.MAX_PIXELS / 3, f);
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        int rgb = ((Color) scale.getPaint(k[i][j])).getRGB();
        assertEquals(rgb, img.getRGB(j * f, i * f), "entry " + i + "," + j);
        assertEquals(rgb, img.getRGB(j * f + f - 1, i * f + f - 1), "entry " + i + "," + j);
      }
    }
  }

  @Test
  void largeKernelsAreAveragedInBlocks() {
    int p = 2 * KernelHeatMap.MAX_PIXELS + 1; // blocks of 3, the last one a single entry
    double[][] k = new double[p][p];
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) k[i][j] = Math.sin(0.01 * i * j) + (i == j ? 2 : 0);
    }
    DivergingPaintScale scale = DivergingPaintScale.covering(k);
    BufferedImage img = KernelHeatMap.image(k, scale);
    int cells = (p + 2) / 3;
    assertEquals(cells, img.getWidth(), "one pixel per 3×3 block");
    for (int[] c : new int[][] {{0, 0}, {5, 9}, {cells - 1, 2}, {cells - 1, cells - 1}}) {
      double sum = 0;
      int n = 0;
      for (int a = 3 * c[0]; a < Math.min(p, 3 * c[0] + 3); a++) {
        for (int b = 3 * c[1]; b < Math.min(p, 3 * c[1] + 3); b++) {
          sum += k[a][b];
          n++;
        }
      }
      assertEquals(((Color) scale.getPaint(sum / n)).getRGB(), img.getRGB(c[1], c[0]),
          "block " + c[0] + "," + c[1]);
    }
  }

  @Test
  void kernelFigureSvgHasBothPanelsAndASymmetricColourBar() throws Exception {
    double[][] a = {{1, 0.5}, {0.5, 1}};
    double[][] b = {{3, -0.5}, {-0.5, 2}};
    Figure f = KernelHeatMap.of("kernel-n10", "Training kernel",
        List.of(new KernelHeatMap.Panel("pre-kernel K_{GP}", a),
            new KernelHeatMap.Panel("renormalised K_{U}, N = 10", b)), new int[] {1, 0}, 1);
    String svg = f.svg();
    assertEquals(2, svg.split("<image").length - 1, "one image per panel");
    var combined = (org.jfree.chart.plot.CombinedRangeXYPlot) f.chart().getPlot();
    for (Object sub : combined.getSubplots()) {
      var annotations = ((org.jfree.chart.plot.XYPlot) sub).getAnnotations();
      assertEquals(3, annotations.size(), "image, then the two class-boundary lines over it");
      var line = (org.jfree.chart.annotations.XYLineAnnotation) annotations.get(1);
      assertEquals(0.5, line.getX1(), "boundary after the single y = +1 example");
    }
    assertTrue(svg.contains("example μ (y = +1: 1–1, y = −1: 2–2)"), "row axis label");
    List<String> text = SvgText.texts(SvgText.parse(f.svgDocument()));
    assertTrue(text.contains("3.0") || text.contains("3"), "colour bar reaches max |K| = 3: "
        + text);
    assertTrue(text.contains("-3.0") || text.contains("-3"), "and -3: " + text);
  }

  private static double[] descendingEigenvalues(double[][] k) {
    int p = k.length;
    DMatrixRMaj m = new DMatrixRMaj(k);
    double[] asc = EjmlBackend.INSTANCE.eigen(m, false).values();
    double[] desc = new double[p];
    for (int i = 0; i < p; i++) desc[i] = asc[p - 1 - i];
    return desc;
  }
}
