package org.attnpaths.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
