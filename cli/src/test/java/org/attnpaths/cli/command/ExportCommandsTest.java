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
    assertBadInput("schema: expected", "export-notebook", theory.toString(),
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
