package org.attnpaths.cli.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.attnpaths.cli.CliRun;
import org.attnpaths.cli.ExitCodes;
import org.attnpaths.numerics.npy.NpyArray;
import org.attnpaths.numerics.npy.NpzReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export-notebook} and {@code export-npz} end to end on a real small theory result
 * ({@code theory --train-size 20 --test-size 40 --widths 10,100}): the files, and exit code 2 with
 * nothing written on bad input.
 */
class ExportCommandsTest {

  @TempDir
  Path dir;

  private Path theory;

  @BeforeEach
  void copyFixture() throws IOException {
    theory = dir.resolve("theory.json");
    try (InputStream in = getClass().getResourceAsStream("theory-markov-small.json")) {
      Files.copy(in, theory);
    }
  }

  @Test
  void notebookAndSidecar() throws IOException {
    Path out = dir.resolve("sub/analysis.ipynb");
    CliRun run = CliRun.of("export-notebook", theory.toString(), "--out", out.toString());
    assertEquals(ExitCodes.OK, run.exitCode(), run::toString);
    Path data = dir.resolve("sub/analysis_data.npz");
    assertTrue(Files.isRegularFile(data), run::toString);
    JsonNode nb = new ObjectMapper().readTree(out.toFile());
    assertEquals(4, nb.get("nbformat").asInt());
    assertEquals("analysis_data.npz", nb.at("/metadata/attnpaths/data").asText());
    assertEquals("export-notebook", nb.at("/metadata/attnpaths/exporter/commandLine/1").asText());
    assertTrue(NpzReader.read(data).containsKey("U_1"));
    try (var files = Files.list(out.getParent())) {
      assertEquals(2, files.count(), "no temporary files left");
    }
  }

  @Test
  void notebookCarriesTheKernelHeatMapsOfExportNpzsKernels() throws IOException {
    Path out = dir.resolve("analysis.ipynb");
    assertEquals(ExitCodes.OK, CliRun.of("export-notebook", theory.toString(), "--out",
        out.toString()).exitCode());
    Path npz = dir.resolve("result.npz");
    assertEquals(ExitCodes.OK, CliRun.of("export-npz", theory.toString(), "--out",
        npz.toString()).exitCode());
    Map<String, NpyArray> nb = NpzReader.read(dir.resolve("analysis_data.npz"));
    Map<String, NpyArray> all = NpzReader.read(npz);
    JsonNode json = new ObjectMapper().readTree(theory.toFile());
    int widths = json.get("results").size();
    List<Integer> shown = org.attnpaths.notebooks.AnalysisNotebook.heatMapWidths(widths);
    int p = all.get("gp_kernel").shape()[0];
    assertArrayEquals(all.get("gp_kernel").data(), nb.get("gp_kernel").data());
    assertArrayEquals(all.get("class_order").data(), nb.get("class_order").data());
    assertArrayEquals(new int[] {shown.size(), p, p}, nb.get("kernel").shape());
    for (int k = 0; k < shown.size(); k++) {
      int i = shown.get(k);
      assertEquals(json.at("/results/" + i + "/width").asDouble(), nb.get("kernel_width").data()[k]);
      double[] want = java.util.Arrays.copyOfRange(all.get("kernel").data(), i * p * p,
          (i + 1) * p * p);
      double[] got = java.util.Arrays.copyOfRange(nb.get("kernel").data(), k * p * p,
          (k + 1) * p * p);
      assertArrayEquals(want, got, "kernel at width index " + i);
    }
    JsonNode cells = new ObjectMapper().readTree(out.toFile()).get("cells");
    JsonNode kernelCell = null;
    for (JsonNode c : cells) if (c.path("id").asText().equals("kernels")) kernelCell = c;
    assertNotNull(kernelCell, "kernel heat-map cell");
    assertEquals("image/png", kernelCell.at("/outputs/0/data").fieldNames().next());

    Path bare = dir.resolve("bare.ipynb");
    assertEquals(ExitCodes.OK, CliRun.of("export-notebook", theory.toString(), "--no-kernels",
        "--out", bare.toString()).exitCode());
    assertFalse(NpzReader.read(dir.resolve("bare_data.npz")).containsKey("gp_kernel"));
    assertFalse(Files.readString(bare).contains("\"id\" : \"kernels\""));
  }

  @Test
  void notebookWithSimulationAndPruningAndItsErrors() throws IOException {
    Path sim = dir.resolve("simulate.json");
    Path prune = dir.resolve("prune.json");
    try (InputStream a = getClass().getResourceAsStream("simulate-markov-small.json");
        InputStream b = getClass().getResourceAsStream("/org/attnpaths/cli/report/prune-markov.json")) {
      Files.copy(a, sim);
      Files.copy(b, prune);
    }
    Path out = dir.resolve("all/analysis.ipynb");
    CliRun run = CliRun.of("export-notebook", prune.toString(), theory.toString(), sim.toString(),
        "--out", out.toString(), "-q");
    assertEquals(ExitCodes.OK, run.exitCode(), run::toString);
    Map<String, NpyArray> a = NpzReader.read(dir.resolve("all/analysis_data.npz"));
    assertTrue(a.containsKey("sim_U_1") && a.containsKey("prune_cumulative_random"), a::toString);
    JsonNode nb = new ObjectMapper().readTree(out.toFile());
    assertEquals("prune.json", nb.at("/metadata/attnpaths/sources/2/file").asText());

    CliRun two = CliRun.of("export-notebook", theory.toString(), theory.toString(), "--out",
        dir.resolve("bad/a.ipynb").toString());
    assertEquals(ExitCodes.BAD_INPUT, two.exitCode(), two::toString);
    assertTrue(two.err().contains("expected one theory.json"), two::toString);
    CliRun none = CliRun.of("export-notebook", prune.toString(), "--out",
        dir.resolve("bad/b.ipynb").toString());
    assertEquals(ExitCodes.BAD_INPUT, none.exitCode(), none::toString);
    assertTrue(none.err().contains("expected one theory.json (attnpaths.theory/1) among"),
        none::toString);
    assertFalse(Files.exists(dir.resolve("bad")), "nothing written");
  }

  @Test
  void npzAndMeta() throws IOException {
    Path out = dir.resolve("result.npz");
    CliRun run = CliRun.of("export-npz", theory.toString(), "--out", out.toString());
    assertEquals(ExitCodes.OK, run.exitCode(), run::toString);
    Map<String, NpyArray> a = NpzReader.read(out);
    JsonNode json = new ObjectMapper().readTree(theory.toFile());
    assertEquals(json.at("/results/1/test/accuracy").asDouble(), a.get("accuracy").data()[1]);
    JsonNode meta = new ObjectMapper().readTree(dir.resolve("result_meta.json").toFile());
    assertEquals("attnpaths.npz-meta/1", meta.get("schema").asText());
    assertEquals(a.size(), meta.get("arrays").size());
  }

  @Test
  void quietExportsPrintNothing() throws IOException {
    CliRun nb = CliRun.of("export-notebook", theory.toString(), "--out",
        dir.resolve("q/analysis.ipynb").toString(), "--quiet");
    assertEquals(0, nb.exitCode(), nb::toString);
    assertEquals("", nb.out());
    CliRun npz = CliRun.of("export-npz", theory.toString(), "--out",
        dir.resolve("q/result.npz").toString(), "-q");
    assertEquals(0, npz.exitCode(), npz::toString);
    assertEquals("", npz.out());
  }

  @Test
  void missingResultIsBadInput() {
    assertBadInput("no such file", "export-notebook", dir.resolve("nope.json").toString(),
        "--out", dir.resolve("a.ipynb").toString());
    assertBadInput("no such file", "export-npz", dir.resolve("nope.json").toString(),
        "--out", dir.resolve("a.npz").toString());
  }

  @Test
  void wrongSchemaIsBadInput() throws IOException {
    Files.writeString(theory, "{\"schema\": \"attnpaths.other/1\"}");
    assertBadInput("unknown schema 'attnpaths.other/1'", "export-notebook", theory.toString(),
        "--out", dir.resolve("a.ipynb").toString());
    assertBadInput("schema: expected", "export-npz", theory.toString(),
        "--out", dir.resolve("a.npz").toString());
  }

  @Test
  void notJsonIsBadInput() throws IOException {
    Files.writeString(theory, "not json");
    assertBadInput("not valid JSON", "export-npz", theory.toString(),
        "--out", dir.resolve("a.npz").toString());
  }

  @Test
  void wrongOutputNameIsBadInput() {
    assertBadInput("--out: expected a file name ending in .ipynb", "export-notebook",
        theory.toString(), "--out", dir.resolve("a.json").toString());
    assertBadInput("--out: expected a file name ending in .npz", "export-npz",
        theory.toString(), "--out", dir.resolve("a.json").toString());
  }

  @Test
  void noResultIsBadInput() {
    CliRun run = CliRun.of("export-notebook", "--out", dir.resolve("a.ipynb").toString());
    assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run::toString);
  }

  private void assertBadInput(String message, String... args) {
    CliRun run = CliRun.of(args);
    assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run::toString);
    assertTrue(run.err().contains(message), run::toString);
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "only theory.json: nothing written");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
