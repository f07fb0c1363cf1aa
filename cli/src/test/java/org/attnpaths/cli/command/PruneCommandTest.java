package org.attnpaths.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.attnpaths.cli.CliRun;
import org.attnpaths.cli.ExitCodes;
import org.attnpaths.cli.output.PruneCsv;
import org.attnpaths.cli.output.PruneJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code attnpaths prune} end to end on a tiny built-in Markov task (P = 20, Q = 40, N = 10):
 * every field of the prune.json contract (schema attnpaths.prune/1), the CSV rows, the only head
 * of a layer reported as not removed; bad input gives exit 2, names the option and writes nothing.
 */
class PruneCommandTest {

  private static final String[] TINY = {"--train-size", "20", "--test-size", "40",
      "--backend", "ejml"};

  @TempDir
  Path tmp;

  private CliRun prune(String... extra) {
    List<String> args = new ArrayList<>(List.of("prune", "--out", tmp.resolve("out").toString()));
    args.addAll(List.of(TINY));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  private JsonNode json() throws IOException {
    return new ObjectMapper().readTree(tmp.resolve("out").resolve("prune.json").toFile());
  }

  @Test
  void writesTheContractWithSimulation() throws IOException {
    CliRun r = prune("--random-orders", "3", "--simulate", "--samples", "10", "--burn-in", "5",
        "--chains", "2");
    assertEquals(0, r.exitCode(), r::toString);
    JsonNode root = json();
    assertEquals(PruneJson.SCHEMA, root.at("/schema").asText());
    assertEquals(20, root.at("/config/task/trainSize").asInt());
    assertEquals("newton", root.at("/config/solver/method").asText());
    assertTrue(root.at("/config/kernels/representation").isTextual());
    assertEquals("prune", root.at("/config/commandLine/1").asText());
    JsonNode p = root.at("/config/prune");
    assertEquals(List.of("score", "reverse", "random"), strings(p.at("/orders")));
    assertEquals(3, p.at("/randomOrders").asInt());
    assertEquals("resolved", p.at("/cumulativeMethod").asText());
    assertEquals(10000, p.at("/permutations").asInt());
    assertEquals("gibbs", p.at("/simulate/method").asText());
    assertEquals(2, p.at("/simulate/chains").asInt());
    for (String f : List.of("version", "gitCommit", "started", "javaVersion", "osArch", "backend")) {
      assertTrue(root.at("/provenance/" + f).isTextual(), "provenance." + f);
    }
    assertEquals(1, root.at("/results").size());
    JsonNode w = root.at("/results/0");
    assertEquals(10, w.at("/width").asInt(), "prune's default width");
    double base = w.at("/baseAccuracy").asDouble();
    assertTrue(base >= 0 && base <= 1);
    assertTrue(w.at("/simulatedBaseAccuracy").isNumber());
    assertTrue(w.at("/simulatedBaseStandardError").isNumber());
    JsonNode heads = w.at("/heads");
    assertEquals(4, heads.size());
    String[] labels = {"(1)1", "(1)2", "(2)1", "(2)2"};
    String[] names = {"same_token", "blank", "uniform", "blank"};
    double maxScore = 0;
    for (int k = 0; k < 4; k++) {
      JsonNode h = heads.get(k);
      assertEquals(k / 2 + 1, h.at("/layer").asInt());
      assertEquals(k % 2 + 1, h.at("/head").asInt());
      assertEquals(labels[k], h.at("/label").asText());
      assertEquals(names[k], h.at("/name").asText());
      double score = h.at("/score").asDouble();
      assertTrue(score > 0 && score <= 1);
      maxScore = Math.max(maxScore, score);
      assertTrue(h.at("/rawScore").asDouble() >= h.at("/diagonalScore").asDouble());
      for (String m : List.of("frozen", "resolved", "simulated")) {
        double from = m.equals("simulated") ? w.at("/simulatedBaseAccuracy").asDouble() : base;
        assertEquals(from - h.at("/accuracy/" + m).asDouble(),
            h.at("/accuracyDrop/" + m).asDouble(), 1e-12, m);
      }
      assertTrue(h.at("/simulatedDropStandardError").isNumber());
      assertTrue(h.at("/resolved/certificate/converged").asBoolean());
      assertEquals(2, h.at("/resolved/orderParameters").size(), "U_2 then U_1");
      int layer2Heads = h.at("/layer").asInt() == 1 ? 2 : 1;
      assertEquals(layer2Heads, h.at("/resolved/orderParameters/0").size(), "U_2, pruned network");
      assertEquals(2, h.at("/resolved/orderParameters/1").size(), "U_1 over 2 remaining paths");
    }
    assertEquals(1.0, maxScore, 0.0);
    assertEquals(4, w.at("/pathRelevance").size());
    assertEquals("(1)1→(2)1", w.at("/pathRelevance/0/label").asText());
    assertEquals(w.at("/pathRelevance/3/diagonal").asDouble() / w.at("/pathRelevance/3/gp")
        .asDouble(), w.at("/pathRelevance/3/ratio").asDouble(), 1e-12);
    for (String o : List.of("score", "reverse", "random")) {
      assertEquals(3, w.at("/cumulative/" + o).size(), o + ": 1 + (2 − 1) + (2 − 1) points");
      assertEquals(base, w.at("/cumulative/" + o + "/0").asDouble(), 0.0);
    }
    JsonNode d = w.at("/cumulativeDetail");
    assertEquals("resolved", d.at("/method").asText());
    assertEquals(2, d.at("/score/removed").size());
    assertEquals(2, d.at("/reverse/removed").size());
    assertEquals(3, d.at("/random/orders").size());
    assertEquals(3, d.at("/random/accuracies").size());
    assertEquals(3, d.at("/random/std").size());
    assertEquals(0.0, d.at("/random/std/0").asDouble(), 0.0);
    assertEquals(3, d.at("/simulated/score").size());
    assertEquals(3, d.at("/simulated/reverse").size());
    for (String m : List.of("frozen", "resolved", "simulated")) {
      JsonNode s = w.at("/spearman/" + m);
      assertEquals("exact", s.at("/method").asText(), m);
      assertEquals(24, s.at("/permutations").asInt(), m);
      assertTrue(s.at("/rho").isNumber() || s.at("/rho").isNull(), m);
    }
    List<String> csv = Files.readAllLines(tmp.resolve("out").resolve("prune.csv"));
    assertTrue(csv.get(0).startsWith("# provenance: "));
    assertEquals(String.join(",", PruneCsv.HEADER), csv.get(2));
    assertEquals(3 + 4, csv.size(), "one row per width and head");
    assertTrue(r.out().contains("same_token"), r::toString);
  }

  @Test
  void onlyHeadOfALayerIsReportedAsNotRemoved() throws IOException {
    CliRun r = prune("--markov", "two-path", "--order", "score", "--cumulative-method", "frozen",
        "--widths", "10,30");
    assertEquals(0, r.exitCode(), r::toString);
    JsonNode root = json();
    assertEquals(List.of("score"), strings(root.at("/config/prune/orders")));
    assertEquals(2, root.at("/results").size());
    JsonNode w = root.at("/results/1");
    assertEquals(30, w.at("/width").asInt());
    JsonNode only = w.at("/heads/2");
    assertEquals("(2)1", only.at("/label").asText());
    for (String m : List.of("frozen", "resolved")) {
      assertTrue(only.at("/accuracy/" + m).isNull(), m);
      assertTrue(only.at("/accuracyDrop/" + m).isNull(), m);
    }
    assertTrue(only.at("/resolved").isNull());
    assertTrue(only.at("/note").asText().contains("only head of layer 2"));
    assertEquals(2, w.at("/cumulative/score").size(), "1 + (2 − 1) + (1 − 1) points");
    assertTrue(w.at("/cumulative/reverse").isMissingNode());
    assertEquals("frozen", w.at("/cumulativeDetail/method").asText());
    assertEquals(2, w.at("/spearman/frozen/heads").asInt());
    assertTrue(w.at("/simulatedBaseAccuracy").isMissingNode());
    assertTrue(root.at("/config/prune/simulate").isNull());
  }

  @Test
  void simulatesWithAGradientSamplerToo() throws IOException {
    // HMC/Langevin record f split by path through ChainRunner (the Gibbs path has its own hook).
    CliRun r = prune("--order", "score,reverse", "--simulate", "--sampler", "langevin",
        "--samples", "5", "--burn-in", "5", "--chains", "2");
    assertEquals(0, r.exitCode(), r::toString);
    JsonNode w = json().at("/results/0");
    assertEquals("langevin", json().at("/config/prune/simulate/method").asText());
    for (JsonNode h : w.at("/heads")) {
      double acc = h.at("/accuracy/simulated").asDouble(-1);
      assertTrue(acc >= 0 && acc <= 1, h.toString());
    }
    assertEquals(3, w.at("/cumulativeDetail/simulated/score").size());
    assertTrue(w.at("/cumulative/random").isMissingNode());
    assertTrue(w.at("/cumulativeDetail/random").isMissingNode());
  }

  @Test
  void theReportReadsWhatPruneWrites() throws IOException {
    // The report and notebook read prune.json with their own reader (notebooks-export): the
    // file written here, including a head that was not removed, must parse and round-trip.
    CliRun r = prune("--markov", "two-path", "--order", "score,random", "--random-orders", "2");
    assertEquals(0, r.exitCode(), r::toString);
    Path file = tmp.resolve("out").resolve("prune.json");
    org.attnpaths.notebooks.results.PruneResult read = org.attnpaths.notebooks.results.PruneResult
        .of(org.attnpaths.notebooks.results.ResultFile.read(file));
    JsonNode w = json().at("/results/0");
    org.attnpaths.notebooks.results.PruneResult.Width rw = read.widths().get(0);
    assertEquals(10, rw.width());
    assertEquals(w.at("/baseAccuracy").asDouble(), rw.baseAccuracy(), 0.0);
    assertEquals(3, rw.heads().size());
    assertEquals(w.at("/heads/0/accuracyDrop/resolved").asDouble(),
        rw.heads().get(0).drop().get("resolved"), 0.0);
    assertTrue(Double.isNaN(rw.heads().get(2).drop().get("frozen")), "not removed");
    assertFalse(rw.heads().get(2).note().isEmpty());
    assertEquals(2, rw.cumulative().get("score").length);
    assertEquals(2, rw.randomStd().length);
    assertEquals(2, rw.spearman().size());
  }

  private void assertBadInput(CliRun r, String mustMention) throws IOException {
    assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r::toString);
    assertTrue(r.err().startsWith("attnpaths: error: "), r::toString);
    assertTrue(r.err().contains(mustMention), () -> "expected '" + mustMention + "' in\n" + r);
    assertFalse(r.err().contains("\tat "), r::toString);
    try (Stream<Path> files = Files.walk(tmp)) {
      assertEquals(List.of(), files.filter(f -> !f.equals(tmp)).toList(), "nothing written");
    }
  }

  @Test
  void unknownOrderIsRejected() throws IOException {
    assertBadInput(prune("--order", "score,sideways"), "--order: expected score, reverse or "
        + "random (comma-separated), got 'sideways'");
  }

  @Test
  void repeatedOrderIsRejected() throws IOException {
    assertBadInput(prune("--order", "score,score"), "--order: 'score' given twice");
  }

  @Test
  void zeroRandomOrdersIsRejected() throws IOException {
    assertBadInput(prune("--random-orders", "0"), "--random-orders: expected an integer >= 1, got 0");
  }

  @Test
  void randomOrdersNeedTheRandomOrder() throws IOException {
    assertBadInput(prune("--order", "score", "--random-orders", "4"),
        "--random-orders: only with 'random' in --order");
  }

  @Test
  void unknownCumulativeMethodIsRejected() throws IOException {
    assertBadInput(prune("--cumulative-method", "thawed"),
        "--cumulative-method: expected resolved or frozen, got 'thawed'");
  }

  @Test
  void zeroPermutationsIsRejected() throws IOException {
    assertBadInput(prune("--permutations", "0"), "--permutations: expected an integer >= 1, got 0");
  }

  @Test
  void samplerOptionsNeedSimulate() throws IOException {
    assertBadInput(prune("--chains", "3"), "--chains: only with --simulate");
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : array) out.add(n.asText());
    return out;
  }
}
