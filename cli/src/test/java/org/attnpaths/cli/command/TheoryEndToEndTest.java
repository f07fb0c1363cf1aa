package org.attnpaths.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.attnpaths.cli.CliRun;
import org.attnpaths.cli.output.TheoryJsonContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code attnpaths theory} end to end on a tiny built-in Markov task (P = 20, Q = 40, widths 10
 * and 100): exit 0, a complete theory.json, one CSV row per width, and the .npz export read back
 * with {@code --task} giving the same numbers.
 */
class TheoryEndToEndTest {

  private static final String[] TINY = {"--train-size", "20", "--test-size", "40",
      "--widths", "10,100", "--backend", "ejml"};

  @TempDir
  Path tmp;

  private CliRun theory(Path out, String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of("theory", "--out", out.toString()));
    args.addAll(List.of(TINY));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void writesCompleteJsonAndCsv() throws IOException {
    Path out = tmp.resolve("out");
    CliRun r = theory(out);
    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.out().contains("U1[g]"), r::toString);
    assertTrue(r.out().contains("good+denoising"), r::toString);

    JsonNode root = new ObjectMapper().readTree(out.resolve("theory.json").toFile());
    TheoryJsonContract.assertComplete(root, 2, 4, 40);
    assertEquals(List.of("g", "a1", "d", "a2"),
        List.of(root.at("/pathNames/0").asText(), root.at("/pathNames/1").asText(),
            root.at("/pathNames/2").asText(), root.at("/pathNames/3").asText()));
    assertEquals(10, root.at("/results/0/width").asInt());
    assertEquals(2.0, root.at("/results/0/alpha").asDouble());
    assertEquals(2, root.at("/gpSubsets").size());
    assertEquals(2, root.at("/results/0/orderParameters").size(), "U_2, U_1");

    assertEquals("attnpaths", root.at("/config/commandLine/0").asText());
    assertEquals("theory", root.at("/config/commandLine/1").asText());
    assertTrue(root.at("/results/0/certificate/converged").asBoolean(), r::toString);
    assertEquals("", r.err(), "no warnings when every width converged");

    List<String> rows = Files.readAllLines(out.resolve("theory.csv")).stream()
        .filter(l -> !l.startsWith("#")).toList();
    assertEquals(3, rows.size(), "header + one row per width");
    assertTrue(rows.get(1).startsWith("10,2.0,"), rows.get(1));
    assertTrue(rows.get(2).startsWith("100,0.2,"), rows.get(2));
    try (var files = Files.list(out)) {
      assertEquals(2, files.count(), "theory.json and theory.csv, no temporaries");
    }
  }

  @Test
  void chosenGpSubsetEqualsTheBuiltInGoodPathSubset() throws IOException {
    Path out = tmp.resolve("chosen");
    CliRun r = theory(out, "--gp-subset", "mine=1/1", "--widths", "10");
    assertEquals(0, r.exitCode(), r::toString);
    JsonNode root = new ObjectMapper().readTree(out.resolve("theory.json").toFile());
    assertEquals(3, root.at("/gpSubsets").size(), "good, good+denoising, mine");
    assertEquals("mine", root.at("/gpSubsets/2/name").asText());
    assertEquals(0, root.at("/gpSubsets/2/heads/0/0").asInt());
    assertEquals(root.at("/gpSubsets/0/test/accuracy").asDouble(),
        root.at("/gpSubsets/2/test/accuracy").asDouble(), "same heads as the built-in 'good'");
  }

  @Test
  void kernelRepresentationsGiveTheSameResultAndAreRecorded() throws IOException {
    double[][] acc = new double[2][];
    String[] modes = {"precomputed", "factorised"};
    for (int m = 0; m < 2; m++) {
      Path out = tmp.resolve(modes[m]);
      CliRun r = theory(out, "--kernels", modes[m], "--no-subsets");
      assertEquals(0, r.exitCode(), r::toString);
      JsonNode root = new ObjectMapper().readTree(out.resolve("theory.json").toFile());
      assertEquals(modes[m], root.at("/config/kernels/requested").asText());
      assertEquals(modes[m], root.at("/config/kernels/representation").asText());
      acc[m] = new double[] {root.at("/results/0/test/accuracy").asDouble(),
          root.at("/results/1/test/accuracy").asDouble(),
          root.at("/results/0/scalarOrderParameter").asDouble()};
    }
    assertEquals(acc[0][0], acc[1][0]);
    assertEquals(acc[0][1], acc[1][1]);
    assertEquals(acc[0][2], acc[1][2], 1e-7 * acc[0][2]);
  }

  @Test
  void nonConvergenceIsLoudButNotAnError() throws IOException {
    Path out = tmp.resolve("out");
    CliRun r = theory(out, "--solver", "adam", "--max-iterations", "3", "--no-subsets");
    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.out().contains("NO  <- NOT CONVERGED (max|grad| "), r::toString);
    assertTrue(r.err().contains("attnpaths: warning: N=10 did not converge"), r::toString);
    assertTrue(r.err().contains("2 of 2 widths are NOT certified minima"), r::toString);
    JsonNode root = new ObjectMapper().readTree(out.resolve("theory.json").toFile());
    assertEquals("adam", root.at("/results/0/certificate/solver").asText());
    assertEquals(3, root.at("/results/0/certificate/iterations").asInt());
    assertEquals(false, root.at("/results/0/certificate/converged").asBoolean(true));
    assertEquals(1e-5, root.at("/config/solver/tolerance").asDouble());
    assertEquals(0, root.at("/gpSubsets").size());
  }

  @Test
  void exportedTaskReadBackGivesTheSameGpAccuracy() throws IOException {
    Path bundle = tmp.resolve("task.npz");
    CliRun export = theory(tmp.resolve("unused"), "--export-task", bundle.toString(),
        "--export-only");
    assertEquals(0, export.exitCode(), export::toString);
    assertTrue(Files.isRegularFile(bundle));
    assertTrue(Files.notExists(tmp.resolve("unused")), "--export-only writes no result files");

    Path outBuiltIn = tmp.resolve("a");
    Path outFile = tmp.resolve("b");
    CliRun a = theory(outBuiltIn, "--widths", "10", "--quiet");
    CliRun b = CliRun.of("theory", "--task", bundle.toString(), "--widths", "10", "--backend",
        "ejml", "--out", outFile.toString(), "--quiet");
    assertEquals(0, a.exitCode(), a::toString);
    assertEquals(0, b.exitCode(), b::toString);
    assertEquals("", b.out(), "--quiet prints nothing");
    ObjectMapper json = new ObjectMapper();
    JsonNode ra = json.readTree(outBuiltIn.resolve("theory.json").toFile());
    JsonNode rb = json.readTree(outFile.resolve("theory.json").toFile());
    assertEquals(ra.at("/gp/test/accuracy").asDouble(), rb.at("/gp/test/accuracy").asDouble());
    assertEquals(ra.at("/results/0/test/accuracy").asDouble(),
        rb.at("/results/0/test/accuracy").asDouble());
    assertEquals(ra.at("/results/0/orderParameters/1/0/0").asDouble(),
        rb.at("/results/0/orderParameters/1/0/0").asDouble(), 1e-9);
  }
}
