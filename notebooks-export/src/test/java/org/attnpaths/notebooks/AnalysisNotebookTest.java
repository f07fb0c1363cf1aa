package org.attnpaths.notebooks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notebook's JSON against golden data. The golden file
 * ({@code analysis-golden.ipynb}) is the notebook of the fixture with every PNG payload replaced by
 * {@code "<png>"} (the pixels depend on the platform's fonts); regenerate it after an intended change
 * with {@code mvn -pl notebooks-export test -Dgolden.update=true} and review the diff.
 */
class AnalysisNotebookTest {

  private static final String GOLDEN = "analysis-golden.ipynb";
  /** The notebook of theory + simulate + prune fixtures, PNGs masked likewise. */
  private static final String GOLDEN_ALL = "analysis-all-golden.ipynb";
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  @TempDir
  Path dir;

  private JsonNode notebook() throws IOException {
    TheoryResult r = TheoryResult.read(Fixtures.theoryFile(dir));
    byte[] bytes = AnalysisNotebook.build(r, "analysis_data.npz", Fixtures.exporter());
    return new ObjectMapper().readTree(bytes);
  }

  @Test
  void structureIsNbformat45() throws IOException {
    JsonNode nb = notebook();
    assertEquals(4, nb.get("nbformat").asInt());
    assertEquals(5, nb.get("nbformat_minor").asInt());
    assertEquals("python3", nb.at("/metadata/kernelspec/name").asText());
    assertEquals("analysis_data.npz", nb.at("/metadata/attnpaths/data").asText());
    assertEquals(TheoryResult.SCHEMA, nb.at("/metadata/attnpaths/sources/0/schema").asText());
    Set<String> ids = new HashSet<>();
    List<String> order = new ArrayList<>();
    for (JsonNode c : nb.get("cells")) {
      String id = c.get("id").asText();
      assertTrue(id.matches("[A-Za-z0-9_-]{1,64}"), id);
      assertTrue(ids.add(id), "duplicate cell id " + id);
      order.add(id);
      assertTrue(c.get("metadata").isObject(), id);
      assertTrue(c.get("source").isArray(), id);
      if (c.get("cell_type").asText().equals("code")) {
        assertTrue(c.has("execution_count"), id);
        assertTrue(c.get("outputs").isArray(), id);
      }
    }
    assertEquals(List.of("header", "setup", "accuracy-md", "accuracy", "u1-md", "u1-n10-0",
        "u1-n100-1", "alignment-md", "alignment", "numbers-md", "numbers"), order);
    String setup = String.join("", textOf(nb, "setup"));
    assertTrue(setup.contains("np.load(\"analysis_data.npz\")"), setup);
    String header = String.join("", textOf(nb, "header"));
    assertTrue(header.contains("markov-4path") && header.contains("0.1.0-SNAPSHOT"), header);
  }

  @Test
  void previewsArePngs() throws IOException {
    int images = 0;
    for (JsonNode c : notebook().get("cells")) {
      for (JsonNode o : c.path("outputs")) {
        JsonNode png = o.path("data").get("image/png");
        if (png == null) continue;
        byte[] bytes = Base64.getDecoder().decode(png.asText());
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(bytes, 8), c.get("id").asText());
        assertTrue(bytes.length > 2000, "a blank PNG is smaller than that");
        images++;
      }
    }
    assertEquals(4, images, "accuracy, two heat maps, alignment");
  }

  @Test
  void matchesGoldenFile() throws IOException {
    JsonNode actual = stripPngs(notebook());
    if (Boolean.getBoolean("golden.update")) {
      Path golden = Path.of("src/test/resources/org/attnpaths/notebooks", GOLDEN);
      Files.write(golden, new ObjectMapper().writerWithDefaultPrettyPrinter()
          .writeValueAsBytes(actual));
    }
    JsonNode expected;
    try (InputStream in = getClass().getResourceAsStream(GOLDEN)) {
      expected = new ObjectMapper().readTree(in);
    }
    // metadata.attnpaths.sources[0].file is the fixture's name in both
    assertEquals(expected, actual);
  }

  @Test
  void previewNumbersAreTheJsonValues() throws IOException {
    String printed = String.join("", textOf(notebook(), "numbers-output"));
    KeyNumbers.assertMatchJson(Fixtures.theoryJson(), printed);
  }

  private JsonNode notebookWithAll() throws IOException {
    TheoryResult r = TheoryResult.read(Fixtures.theoryFile(dir));
    byte[] bytes = AnalysisNotebook.build(r, Fixtures.simulation(dir), Fixtures.prune(dir),
        "analysis_data.npz", Fixtures.exporter());
    return new ObjectMapper().readTree(bytes);
  }

  @Test
  void simulationAndPruningAddTheirCellsSourcesAndPreviews() throws IOException {
    JsonNode nb = notebookWithAll();
    List<String> order = new ArrayList<>();
    for (JsonNode c : nb.get("cells")) order.add(c.get("id").asText());
    assertEquals(List.of("header", "setup", "accuracy-md", "accuracy", "u1-md", "u1-n10-0",
        "u1-n100-1", "u1-compare-md", "u1-compare-n10-0-0", "u1-compare-n100-1-1",
        "alignment-md", "alignment", "prune-md", "prune-score-n10-0", "prune-curve-n10-0",
        "prune-score-n100-1", "prune-curve-n100-1", "numbers-md", "numbers"), order);
    assertEquals("attnpaths.simulate/1", nb.at("/metadata/attnpaths/sources/1/schema").asText());
    assertEquals("attnpaths.prune/1", nb.at("/metadata/attnpaths/sources/2/schema").asText());
    assertEquals(64, nb.at("/metadata/attnpaths/sources/2/sha256").asText().length());
    String accuracy = String.join("", textOf(nb, "accuracy"));
    assertTrue(accuracy.contains("ax.errorbar(data[\"sim_width\"]"), accuracy);
    String setup = String.join("", textOf(nb, "setup"));
    assertTrue(setup.contains("prune_heads = [\"(1)1\", \"(1)2\", \"(2)1\", \"(2)2\"]"), setup);
    assertTrue(setup.contains("prune_removed = {\"score\": [[\"(2)2\", \"(1)2\"], "), setup);
    int images = 0;
    for (JsonNode c : nb.get("cells")) {
      for (JsonNode o : c.path("outputs")) if (o.path("data").has("image/png")) images++;
    }
    assertEquals(10, images, "accuracy, 2 heat maps, 2 comparisons, alignment, 2×2 pruning");
    KeyNumbers.assertMatchJson(Fixtures.theoryJson(), Fixtures.json(Fixtures.SIMULATE),
        Fixtures.json(Fixtures.PRUNE), String.join("", textOf(nb, "numbers-output")));
  }

  @Test
  void withAllInputsMatchesGoldenFile() throws IOException {
    JsonNode actual = stripPngs(notebookWithAll());
    if (Boolean.getBoolean("golden.update")) {
      Path golden = Path.of("src/test/resources/org/attnpaths/notebooks", GOLDEN_ALL);
      Files.write(golden, new ObjectMapper().writerWithDefaultPrettyPrinter()
          .writeValueAsBytes(actual));
    }
    JsonNode expected;
    try (InputStream in = getClass().getResourceAsStream(GOLDEN_ALL)) {
      expected = new ObjectMapper().readTree(in);
    }
    assertEquals(expected, actual);
  }

  @Test
  void dataFileSitsNextToTheNotebook() {
    assertEquals("analysis_data.npz", AnalysisNotebook.dataFileName(Path.of("x/analysis.ipynb")));
    assertEquals("run 2_data.npz", AnalysisNotebook.dataFileName(Path.of("run 2.ipynb")));
  }

  @Test
  void heatMapsAtSmallestMiddleAndLargestWidth() {
    assertEquals(List.of(0), AnalysisNotebook.heatMapWidths(1));
    assertEquals(List.of(0, 1), AnalysisNotebook.heatMapWidths(2));
    assertEquals(List.of(0, 2, 4), AnalysisNotebook.heatMapWidths(5));
  }

  /** Source lines of cell {@code id}, or with suffix {@code -output} its first output's text. */
  static List<String> textOf(JsonNode nb, String id) {
    boolean output = id.endsWith("-output");
    String cellId = output ? id.substring(0, id.length() - 7) : id;
    for (JsonNode c : nb.get("cells")) {
      if (c.get("id").asText().equals(cellId)) {
        JsonNode t = output ? c.get("outputs").get(0).get("text") : c.get("source");
        List<String> lines = new ArrayList<>();
        t.forEach(l -> lines.add(l.asText()));
        return lines;
      }
    }
    throw new AssertionError("no cell " + cellId);
  }

  private static JsonNode stripPngs(JsonNode nb) {
    for (JsonNode c : nb.get("cells")) {
      for (JsonNode o : c.path("outputs")) {
        if (o.path("data").has("image/png")) ((ObjectNode) o.get("data")).put("image/png", "<png>");
      }
    }
    return nb;
  }

}
