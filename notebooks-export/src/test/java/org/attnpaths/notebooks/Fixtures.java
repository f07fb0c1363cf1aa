package org.attnpaths.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Test data: {@code theory-markov-small.json} is a real {@code attnpaths theory --train-size 20
 * --test-size 40 --widths 10,100} result (4-path Markov task, P = 20, Q = 40, two widths, GP
 * subsets).
 */
final class Fixtures {

  static final String THEORY = "theory-markov-small.json";
  /** A real {@code attnpaths simulate --train-size 20 --test-size 40 --widths 10,100 --samples
   * 200 --burn-in 100 --chains 3} result (same task and seed as {@link #THEORY}). */
  static final String SIMULATE = "simulate-markov-small.json";
  /** A hand-written {@code prune.json} following the {@code attnpaths.prune/1} contract
   * (Markov task, heads (1)1 (1)2 (2)1 (2)2, widths 10 and 100, with sampled-network fields). */
  static final String PRUNE = "prune-markov.json";

  private Fixtures() {}

  /** Copies the fixture into {@code dir} as {@code theory.json} and returns its path. */
  static Path theoryFile(Path dir) {
    try (InputStream in = Fixtures.class.getResourceAsStream(THEORY)) {
      Path p = dir.resolve("theory.json");
      Files.copy(in, p, StandardCopyOption.REPLACE_EXISTING);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies fixture {@code name} into {@code dir} as {@code as} and returns its path. */
  static Path file(Path dir, String name, String as) {
    try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
      Path p = dir.resolve(as);
      Files.copy(in, p, StandardCopyOption.REPLACE_EXISTING);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static org.attnpaths.notebooks.results.SimulationResult simulation(Path dir) {
    return org.attnpaths.notebooks.results.SimulationResult.of(
        org.attnpaths.notebooks.results.ResultFile.read(file(dir, SIMULATE, "simulate.json")));
  }

  static org.attnpaths.notebooks.results.PruneResult prune(Path dir) {
    return org.attnpaths.notebooks.results.PruneResult.of(
        org.attnpaths.notebooks.results.ResultFile.read(file(dir, PRUNE, "prune.json")));
  }

  /** The fixture as a plain JSON tree, for checks independent of {@link TheoryResult}. */
  static JsonNode theoryJson() {
    return json(THEORY);
  }

  /** Fixture {@code name} as a plain JSON tree. */
  static JsonNode json(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An exporter provenance with fixed values, so that the notebook is reproducible. */
  static ObjectNode exporter() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("version", "0.0.0-test").put("gitCommit", "0000000").put("started",
        "2026-01-01T00:00:00Z").put("javaVersion", "17").put("osArch", "test");
    o.putArray("commandLine").add("attnpaths").add("export-notebook").add("theory.json");
    return o;
  }
}
