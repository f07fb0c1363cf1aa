package org.attnpaths.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.attnpaths.numerics.npy.NpzWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Validates the notebook with Debian's {@code python3-nbformat} and executes it with
 * {@code jupyter nbconvert --execute} (Debian {@code jupyter-nbconvert}, {@code python3-ipykernel},
 * {@code python3-matplotlib}, {@code python3-numpy}; {@code .ci/run} installs them); then the
 * numbers the executed notebook printed must equal the JSON's, bit for bit. Skipped when
 * {@code /usr/bin/jupyter} is missing. Uses {@code /usr/bin/python3}: the {@code python3} on PATH
 * may be another interpreter without these packages.
 */
class NotebookExecutionTest {

  private static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final Path JUPYTER = Path.of("/usr/bin/jupyter");

  @TempDir
  Path dir;

  @Test
  void validatesExecutesAndReproducesTheNumbers() throws Exception {
    assumeTrue(Files.isExecutable(JUPYTER) && Files.isExecutable(PYTHON),
        "needs Debian's jupyter-nbconvert and python3");
    TheoryResult r = TheoryResult.read(Fixtures.theoryFile(dir));
    Path notebook = dir.resolve("analysis.ipynb");
    String dataName = AnalysisNotebook.dataFileName(notebook);
    NpzWriter.write(dir.resolve(dataName), ResultArrays.of(r));
    Files.write(notebook, AnalysisNotebook.build(r, dataName, Fixtures.exporter()));

    run(List.of(PYTHON.toString(), "-c", "import nbformat, sys; "
        + "nbformat.validate(nbformat.read(sys.argv[1], as_version=4))", notebook.toString()));
    // Run from another directory: the notebook must find its .npz relative to itself.
    run(List.of(JUPYTER.toString(), "nbconvert", "--to", "notebook", "--execute",
        "--ExecutePreprocessor.timeout=300", "--output", "executed.ipynb", notebook.toString()));

    JsonNode executed = new ObjectMapper().readTree(dir.resolve("executed.ipynb").toFile());
    String printed = String.join("", AnalysisNotebookTest.textOf(executed, "numbers-output"));
    KeyNumbers.assertMatchJson(Fixtures.theoryJson(), printed);
    int images = 0;
    for (JsonNode c : executed.get("cells")) {
      for (JsonNode o : c.path("outputs")) {
        assertEquals(false, o.path("output_type").asText().equals("error"), c.toString());
        if (o.path("data").has("image/png")) images++;
      }
    }
    assertEquals(4, images, "matplotlib drew accuracy, two heat maps and alignment");
  }

  @Test
  void withSimulationAndPruningExecutesAndReproducesTheirNumbers() throws Exception {
    assumeTrue(Files.isExecutable(JUPYTER) && Files.isExecutable(PYTHON),
        "needs Debian's jupyter-nbconvert and python3");
    TheoryResult r = TheoryResult.read(Fixtures.theoryFile(dir));
    var sim = Fixtures.simulation(dir);
    var prune = Fixtures.prune(dir);
    Path notebook = dir.resolve("all.ipynb");
    String dataName = AnalysisNotebook.dataFileName(notebook);
    NpzWriter.write(dir.resolve(dataName), ResultArrays.of(r, sim, prune));
    Files.write(notebook, AnalysisNotebook.build(r, sim, prune, dataName, Fixtures.exporter()));
    run(List.of(PYTHON.toString(), "-c", "import nbformat, sys; "
        + "nbformat.validate(nbformat.read(sys.argv[1], as_version=4))", notebook.toString()));
    run(List.of(JUPYTER.toString(), "nbconvert", "--to", "notebook", "--execute",
        "--ExecutePreprocessor.timeout=300", "--output", "all-executed.ipynb",
        notebook.toString()));
    JsonNode executed = new ObjectMapper().readTree(dir.resolve("all-executed.ipynb").toFile());
    KeyNumbers.assertMatchJson(Fixtures.theoryJson(), Fixtures.json(Fixtures.SIMULATE),
        Fixtures.json(Fixtures.PRUNE),
        String.join("", AnalysisNotebookTest.textOf(executed, "numbers-output")));
    int images = 0;
    for (JsonNode c : executed.get("cells")) {
      for (JsonNode o : c.path("outputs")) {
        assertEquals(false, o.path("output_type").asText().equals("error"), c.toString());
        if (o.path("data").has("image/png")) images++;
      }
    }
    assertEquals(10, images, "accuracy, 2 heat maps, 2 comparisons, alignment, 2×2 pruning");
    // keep the executed notebook's figures for a look (target/, not a test input)
    Path keep = Path.of("target/executed-notebook");
    Files.createDirectories(keep);
    Files.copy(dir.resolve("all-executed.ipynb"), keep.resolve("all-executed.ipynb"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  private void run(List<String> command) throws IOException, InterruptedException {
    Path log = dir.resolve("process.log");
    Process p = new ProcessBuilder(command).directory(Files.createDirectories(dir.resolve("cwd"))
        .toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(600, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + command);
    }
    assertEquals(0, p.exitValue(), () -> command + "\n" + read(log));
  }

  private static String read(Path log) {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }
}
