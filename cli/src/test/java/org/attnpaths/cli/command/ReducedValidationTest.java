package org.attnpaths.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.attnpaths.cli.CliRun;
import org.attnpaths.cli.output.WidthComparison;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reduced version of {@code attnpaths validate} (issue 3 §5) that runs in {@code mvn test}:
 * the built-in four-path Markov task (P = 100, T = 0.01) with Q = 200 test inputs, width 100
 * only, 4 chains x (50 burn-in + 100 retained) Gibbs sweeps.
 *
 * <p>Bounds are the (3 accuracy points, 15 % relative Frobenius distance of U_1), not
 * widened. Margin, from the Monte-Carlo error measured at these settings: the slowest-mixing
 * U_1 entry has ESS ≈ 200 of 400 draws and posterior sd ≈ 0.3, so its MCSE is ≈ 0.02, i.e. a
 * Monte-Carlo contribution of ≈ 1 % to the Frobenius distance (‖U_1‖_F ≈ 4.1). This very
 * configuration measured accuracy 92.0 % (theory) vs 91.5 ± 0.7 % (sampled, SE over chains) and
 * distance 0.024 (BENCHMARKS.md); one test input is 0.5 points at Q = 200.
 */
class ReducedValidationTest {

  @TempDir
  Path tmp;

  @Test
  void sampledNetworkMatchesTheTheoryAtWidth100() throws IOException {
    CliRun r = CliRun.of("compare", "--out", tmp.toString(), "--test-size", "200",
        "--widths", "100", "--samples", "100", "--burn-in", "50", "--chains", "4",
        "--quiet");
    assertEquals(0, r.exitCode(), r::toString);
    ObjectMapper json = new ObjectMapper();
    JsonNode theory = json.readTree(tmp.resolve("theory.json").toFile()).at("/results/0");
    JsonNode sim = json.readTree(tmp.resolve("simulate.json").toFile()).at("/results/0");
    double accTheory = theory.at("/test/accuracy").asDouble();
    double accSampled = sim.at("/test/accuracy").asDouble();
    assertEquals(accTheory, accSampled, ValidateCommand.ACCURACY_POINTS / 100,
        "accuracy: theory " + accTheory + ", sampled " + accSampled);
    double distance = WidthComparison.relativeFrobenius(u1(sim), u1(theory));
    assertTrue(distance <= ValidateCommand.U1_RELATIVE,
        "|U1_sampled - U1_theory|/|U1_theory| = " + distance);
  }

  private static DMatrixRMaj u1(JsonNode result) {
    JsonNode u = result.at("/orderParameters").get(result.at("/orderParameters").size() - 1);
    DMatrixRMaj m = new DMatrixRMaj(u.size(), u.size());
    for (int i = 0; i < u.size(); i++) {
      for (int j = 0; j < u.size(); j++) m.set(i, j, u.get(i).get(j).asDouble());
    }
    return m;
  }
}
