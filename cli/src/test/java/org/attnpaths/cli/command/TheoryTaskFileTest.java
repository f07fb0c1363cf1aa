package org.attnpaths.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.attnpaths.cli.CliRun;
import org.attnpaths.cli.ExitCodes;
import org.attnpaths.cli.output.TheoryJsonContract;
import org.attnpaths.theory.model.Attention;
import org.attnpaths.theory.model.AttentionHead;
import org.attnpaths.theory.model.BilinearScore;
import org.attnpaths.theory.model.Sequences;
import org.attnpaths.theory.task.NpzTaskBundle;
import org.attnpaths.theory.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code theory --task FILE.npz} on small hand-made bundles (one layer, random W heads). */
class TheoryTaskFileTest {

  @TempDir
  Path tmp;

  /**
   * One attention layer with {@code heads} random W heads; P training and 6 test sequences of 3
   * tokens of dimension 4, labels +1 then −1.
   */
  private Path bundle(int heads, int p) throws IOException {
    SplittableRandom rng = new SplittableRandom(7);
    int tokens = 3;
    int dim = 4;
    double[] xTrain = new double[p * tokens * dim];
    for (int i = 0; i < xTrain.length; i++) {
      xTrain[i] = rng.nextGaussian();
    }
    double[] xTest = new double[6 * tokens * dim];
    for (int i = 0; i < xTest.length; i++) xTest[i] = rng.nextGaussian();
    List<AttentionHead> layer = new java.util.ArrayList<>();
    for (int h = 0; h < heads; h++) {
      double[] w = new double[dim * dim];
      for (int i = 0; i < w.length; i++) w[i] = rng.nextGaussian();
      layer.add(AttentionHead.softmax("w" + h, new BilinearScore(dim, w)));
    }
    Task task = new Task("tiny", new Sequences(p, tokens, dim, xTrain), labels(p),
        new Sequences(6, tokens, dim, xTest), labels(6), new Attention(List.of(layer)), List.of(),
        Map.of());
    Path file = tmp.resolve("tiny.npz");
    NpzTaskBundle.write(task, file);
    return file;
  }

  private static double[] labels(int n) {
    double[] y = new double[n];
    for (int i = 0; i < n; i++) y[i] = i < n / 2 ? 1 : -1;
    return y;
  }

  @Test
  void oneLayerTaskWithAverageReadoutAndPerLayerVariances() throws IOException {
    Path out = tmp.resolve("out");
    CliRun r = CliRun.of("theory", "--task", bundle(2, 8).toString(), "--widths", "5,50",
        "--readout", "average", "--variances", "1,0.5,2", "--temperature", "0.1", "--backend",
        "ejml", "--out", out.toString());
    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.out().contains("U1[0]") && r.out().contains("U1[1]"), r::toString);
    JsonNode root = new ObjectMapper().readTree(out.resolve("theory.json").toFile());
    TheoryJsonContract.assertComplete(root, 2, 2, 6);
    assertEquals("average", root.at("/config/architecture/readout").asText());
    assertEquals(0.5, root.at("/config/architecture/variances/1").asDouble());
    assertEquals("npz", root.at("/config/task/source/kind").asText());
    assertEquals(0, root.at("/gpSubsets").size(), "no subsets for a task file");
    assertEquals(1, root.at("/results/0/orderParameters").size(), "L = 1: only U_1");
  }

  @Test
  void variancesCountFollowsTheTaskLayers() throws IOException {
    // L = 1 here, so 4 values (right for the 2-layer Markov task) are wrong.
    CliRun r = CliRun.of("theory", "--task", bundle(1, 8).toString(), "--variances",
        "1,1,1,1", "--out", tmp.resolve("out").toString());
    assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r::toString);
    assertTrue(r.err().contains("L+2 = 3"), r::toString);
    assertTrue(Files.notExists(tmp.resolve("out")));
  }
}
