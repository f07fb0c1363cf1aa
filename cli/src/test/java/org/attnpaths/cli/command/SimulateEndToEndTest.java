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
import org.attnpaths.cli.CliRun;
import org.attnpaths.cli.output.SimulateJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code attnpaths simulate} and {@code compare} end to end on a tiny built-in Markov task
 * (P = 20, Q = 40, N = 10, 2 chains x (5 + 20) Gibbs sweeps): exit 0 and every required field of
 * simulate.json; bad input gives exit 2 and writes nothing.
 */
class SimulateEndToEndTest {

  private static final String[] TINY = {"--train-size", "20", "--test-size", "40",
      "--widths", "10", "--samples", "20", "--burn-in", "5", "--chains", "2",
      "--backend", "ejml"};

  @TempDir
  Path tmp;

  private static CliRun run(String command, Path out, String... extra) {
    List<String> args = new ArrayList<>(List.of(command, "--out", out.toString()));
    args.addAll(List.of(TINY));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void simulateWritesEveryRequiredField() throws IOException {
    Path out = tmp.resolve("sim");
    CliRun r = run("simulate", out);
    assertEquals(0, r.exitCode(), r::toString);
    JsonNode root = new ObjectMapper().readTree(out.resolve("simulate.json").toFile());
    assertEquals(SimulateJson.SCHEMA, root.at("/schema").asText());
    assertEquals(20, root.at("/config/task/trainSize").asInt());
    assertEquals(40, root.at("/config/task/testSize").asInt());
    assertEquals("gibbs", root.at("/config/sampler/method").asText());
    assertEquals(20, root.at("/config/sampler/samples").asInt());
    assertEquals(5, root.at("/config/sampler/burnIn").asInt());
    assertEquals(2, root.at("/config/sampler/chains").asInt());
    assertTrue(root.at("/config/solver").isMissingNode(), "nothing was solved");
    assertEquals("simulate", root.at("/config/commandLine/1").asText());
    for (String f : List.of("version", "gitCommit", "started", "javaVersion", "osArch",
        "backend")) {
      assertTrue(root.at("/provenance/" + f).isTextual(), "provenance." + f);
    }
    assertEquals(1, root.at("/results").size());
    JsonNode w = root.at("/results/0");
    assertEquals(10, w.at("/width").asInt());
    double acc = w.at("/test/accuracy").asDouble();
    assertTrue(acc >= 0 && acc <= 1, "accuracy " + acc);
    assertTrue(w.at("/test/accuracyStandardError").isNumber());
    assertEquals(40, w.at("/test/mean").size());
    assertEquals(40, w.at("/test/variance").size());
    for (JsonNode v : w.at("/test/variance")) assertTrue(v.asDouble() > 0, "sample variance");
    assertTrue(w.at("/scalarOrderParameter").asDouble() > 0);
    assertEquals(2, w.at("/orderParameters").size(), "U_2 then U_1");
    assertEquals(2, w.at("/orderParameters/0").size(), "U_2 is 2x2");
    assertEquals(4, w.at("/orderParameters/1").size(), "U_1 is 4x4");
    JsonNode d = w.at("/diagnostics");
    assertEquals("gibbs", d.at("/sampler").asText());
    assertEquals(40, d.at("/samples").asInt());
    assertEquals(5, d.at("/burnIn").asInt());
    assertEquals(2, d.at("/chains").asInt());
    assertEquals(2, d.at("/perChain").size());
    assertEquals(20, d.at("/perChain/1/samples").asInt());
    assertTrue(d.at("/available").asBoolean(), d.toString());
    assertTrue(d.at("/testPredictions/maxRHat").asDouble() >= 0.9);
    assertTrue(d.at("/testPredictions/minEss").asDouble() > 0);
    assertEquals(1 + 3 + 10, d.at("/orderParameters").size(), "U_a, U_2 and U_1 triangles");
    assertTrue(d.at("/warnings").isArray());

    List<String> rows = Files.readAllLines(out.resolve("simulate.csv")).stream()
        .filter(l -> !l.startsWith("#")).toList();
    assertEquals(2, rows.size(), "header + one row per width");
    assertTrue(rows.get(1).startsWith("10,2.0,"), rows.get(1));
    try (var files = Files.list(out)) {
      assertEquals(2, files.count(), "simulate.json and simulate.csv, no temporaries");
    }
  }

  /** The gradient-based samplers run end to end and report their adaptation per chain. */
  @ParameterizedTest
  @ValueSource(strings = {"hmc", "langevin", "ula"})
  void gradientSamplersWriteTheirDiagnostics(String method) throws IOException {
    Path out = tmp.resolve(method);
    CliRun r = run("simulate", out, "--sampler", method);
    assertEquals(0, r.exitCode(), r::toString);
    JsonNode root = new ObjectMapper().readTree(out.resolve("simulate.json").toFile());
    assertEquals(method, root.at("/config/sampler/method").asText());
    JsonNode chain = root.at("/results/0/diagnostics/perChain/0");
    assertTrue(chain.at("/stepSize").isNumber() && chain.at("/stepSize").asDouble() > 0,
        "adapted step size recorded: " + chain);
    double acceptance = chain.at("/meanAcceptance").asDouble();
    assertTrue(acceptance >= 0.0 && acceptance <= 1.0, "acceptance " + acceptance);
    assertEquals(40, root.at("/results/0/test/mean").size());
    assertTrue(root.at("/results/0/test/accuracy").isNumber());
    // the preconditioner settings are recorded with the defaults of each sampler
    boolean ula = method.equals("ula");
    assertEquals(ula ? "joint" : "marginal", root.at("/config/sampler/potential").asText());
    assertEquals(ula ? "prior" : "pooled", root.at("/config/sampler/massMatrix").asText());
    assertEquals(method.equals("hmc"), root.at("/config/sampler/trajectoryLength").isNumber());
    assertEquals(!method.equals("hmc"), root.at("/config/sampler/stepSize").isNumber());
    // the burn-in adaptation: δ, and a warning exactly for the chains that missed it by > 0.15
    JsonNode warnings = root.at("/results/0/diagnostics/warnings");
    for (JsonNode c : root.at("/results/0/diagnostics/perChain")) {
      JsonNode a = c.at("/adaptation");
      assertTrue(a.isObject(), "adaptation recorded: " + c);
      assertTrue(a.at("/gradientEvaluations").asLong() > 0, a::toString);
      if (ula) {
        assertTrue(a.at("/targetAcceptance").isNull(), a::toString);
        assertTrue(a.at("/reachedTarget").asBoolean(), a::toString);
        continue;
      }
      double delta = method.equals("hmc") ? 0.8 : 0.574;
      assertEquals(delta, a.at("/targetAcceptance").asDouble());
      boolean reached = Math.abs(c.at("/meanAcceptance").asDouble() - delta) <= 0.15;
      assertEquals(reached, a.at("/reachedTarget").asBoolean(), c::toString);
      String warning = "chain " + c.at("/chain").asInt() + ": step-size adaptation missed";
      boolean warned = false;
      for (JsonNode w : warnings) warned |= w.asText().startsWith(warning);
      assertEquals(!reached, warned, warnings::toString);
      double kept = method.equals("hmc") && a.at("/calibratedStepSize").isNumber()
          ? a.at("/calibratedStepSize").asDouble() : a.at("/averagedStepSize").asDouble();
      assertEquals(kept, c.at("/stepSize").asDouble(), 1e-12 * kept);
    }
  }

  /**
   * Both potentials of the gradient samplers give the same samples with 1 and 2 threads (chain
   * streams, and the readout draws of the marginal potential, are split per chain in order).
   */
  @ParameterizedTest
  @ValueSource(strings = {"marginal", "joint"})
  void gradientSamplersAreThreadCountIndependent(String potential) throws IOException {
    String[] hmc = {"--sampler", "hmc", "--potential", potential, "--mass-matrix", "prior",
        "--trajectory-length", "0.5"};
    List<String> one = new ArrayList<>(List.of(hmc));
    one.addAll(List.of("--threads", "1"));
    List<String> two = new ArrayList<>(List.of(hmc));
    two.addAll(List.of("--threads", "2"));
    CliRun a = run("simulate", tmp.resolve("a"), one.toArray(String[]::new));
    CliRun b = run("simulate", tmp.resolve("b"), two.toArray(String[]::new));
    assertEquals(0, a.exitCode(), a::toString);
    assertEquals(0, b.exitCode(), b::toString);
    ObjectMapper json = new ObjectMapper();
    JsonNode ra = json.readTree(tmp.resolve("a/simulate.json").toFile());
    JsonNode rb = json.readTree(tmp.resolve("b/simulate.json").toFile());
    assertEquals(ra.at("/results/0/test/mean"), rb.at("/results/0/test/mean"));
    assertEquals(ra.at("/results/0/orderParameters"), rb.at("/results/0/orderParameters"));
    assertEquals(potential, ra.at("/config/sampler/potential").asText());
    assertEquals(0.5, ra.at("/config/sampler/trajectoryLength").asDouble(), 0.0);
  }

  /**
   * The FAIL path of {@code validate}: with no burn-in and one sample per chain the sampled
   * order parameter is far from the theory's (fixed seed, so this is deterministic), and the
   * command says FAIL and exits 3 after writing both result files.
   */
  @Test
  void validateReportsFailureWithExitCodeThree() throws IOException {
    Path out = tmp.resolve("val");
    CliRun r = CliRun.of("validate", "--out", out.toString(), "--samples", "1",
        "--burn-in", "0", "--chains", "1", "--backend", "ejml");
    assertEquals(3, r.exitCode(), r::toString);
    assertTrue(r.out().contains("FAIL"), r::toString);
    assertTrue(Files.exists(out.resolve("theory.json")) && Files.exists(out.resolve("simulate.json")));
  }

  @Test
  void sameSeedGivesTheSameFileContentWhateverTheThreads() throws IOException {
    CliRun a = run("simulate", tmp.resolve("a"), "--threads", "1");
    CliRun b = run("simulate", tmp.resolve("b"), "--threads", "2");
    assertEquals(0, a.exitCode(), a::toString);
    assertEquals(0, b.exitCode(), b::toString);
    ObjectMapper json = new ObjectMapper();
    JsonNode ra = json.readTree(tmp.resolve("a/simulate.json").toFile()).at("/results/0");
    JsonNode rb = json.readTree(tmp.resolve("b/simulate.json").toFile()).at("/results/0");
    assertEquals(ra.at("/test/mean"), rb.at("/test/mean"));
    assertEquals(ra.at("/orderParameters"), rb.at("/orderParameters"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"--samples=0", "--chains=0", "--sampler=nuts", "--burn-in=-1",
      "--threads=0", "--widths=0", "--mass-matrix=diag", "--step-size=0", "--potential=full",
      "--trajectory-length=-1", "--mass-matrix=prior", "--step-size=0.1",
      "--potential=joint"})
  void badInputExitsTwoAndWritesNothing(String bad) {
    Path out = tmp.resolve("bad");
    CliRun r = run("simulate", out, bad);
    assertEquals(2, r.exitCode(), r::toString);
    assertTrue(r.err().startsWith("attnpaths: error: "), r::toString);
    assertFalse(Files.exists(out), "no output directory");
  }

  @Test
  void samplerOptionCombinationsAreCheckedBeforeAnythingIsWritten() {
    Path out = tmp.resolve("bad");
    CliRun ula = run("simulate", out, "--sampler", "ula", "--mass-matrix", "adapted");
    assertEquals(2, ula.exitCode(), ula::toString);
    assertTrue(ula.err().contains("--mass-matrix: expected unit or prior for ula"), ula::toString);
    CliRun pooled = run("simulate", out, "--sampler", "ula", "--mass-matrix", "pooled");
    assertEquals(2, pooled.exitCode(), pooled::toString);
    assertTrue(pooled.err().contains("got pooled"), pooled::toString);
    CliRun mala = run("simulate", out, "--sampler", "langevin", "--trajectory-length", "1");
    assertEquals(2, mala.exitCode(), mala::toString);
    assertTrue(mala.err().contains("--trajectory-length: only for hmc"), mala::toString);
    assertFalse(Files.exists(out), "no output directory");
  }

  @Test
  void compareWritesBothFilesAndPrintsTheDistance() throws IOException {
    Path out = tmp.resolve("cmp");
    CliRun r = run("compare", out);
    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.out().contains("|U1_sampled - U1_theory|/|U1_theory|"), r::toString);
    assertTrue(r.out().contains("GP"), r::toString);
    for (String f : List.of("theory.json", "theory.csv", "simulate.json", "simulate.csv")) {
      assertTrue(Files.isRegularFile(out.resolve(f)), f);
    }
    ObjectMapper json = new ObjectMapper();
    JsonNode theory = json.readTree(out.resolve("theory.json").toFile());
    JsonNode sim = json.readTree(out.resolve("simulate.json").toFile());
    assertEquals("attnpaths.theory/1", theory.at("/schema").asText());
    assertEquals(SimulateJson.SCHEMA, sim.at("/schema").asText());
    assertEquals(theory.at("/config/task"), sim.at("/config/task"), "same task");
    assertEquals(theory.at("/results/0/width"), sim.at("/results/0/width"));
  }

  @Test
  void compareBadInputExitsTwoAndWritesNothing() {
    Path out = tmp.resolve("cmpbad");
    CliRun r = run("compare", out, "--chains", "0");
    assertEquals(2, r.exitCode(), r::toString);
    assertFalse(Files.exists(out));
  }
}
