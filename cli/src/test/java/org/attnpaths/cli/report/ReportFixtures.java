package org.attnpaths.cli.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Small hand-made result files: the Markov task's four paths (g, a1, d, a2 in code order),
 * widths 10, 100, 1000, P = 100, with numbers chosen so that every check has a known answer.
 */
final class ReportFixtures {

  static final int[] WIDTHS = {10, 100, 1000};
  static final double[] ACCURACY = {0.96, 0.92, 0.88};
  static final double[] GIBBS = {0.91, 0.87, 0.83};
  static final double GP_ACCURACY = 0.85;
  /** U_1[g][g] at each width; the largest |entry|, so the colour scale is ±this. */
  static final double[] U_GG = {12.0, 3.0, 1.25};

  private static final ObjectMapper JSON = new ObjectMapper();

  private ReportFixtures() {}

  static ObjectNode theory() {
    ObjectNode r = JSON.createObjectNode();
    r.put("schema", "attnpaths.theory/1");
    ObjectNode config = r.putObject("config");
    config.putObject("task").put("name", "markov-4path").put("trainSize", 100).put("testSize", 50);
    ObjectNode arch = config.putObject("architecture");
    arch.put("temperature", 0.01);
    arch.putArray("heads").add(2).add(2);
    config.putArray("commandLine").add("attnpaths").add("theory");
    provenance(r);
    r.putArray("pathNames").add("g").add("a1").add("d").add("a2");
    ObjectNode gp = r.putObject("gp");
    gp.putObject("test").put("accuracy", GP_ACCURACY);
    overlaps(gp, 0.1);
    ArrayNode subsets = r.putArray("gpSubsets");
    subsets.addObject().put("name", "good").putObject("test").put("accuracy", 0.955);
    subsets.addObject().put("name", "good+denoising").putObject("test").put("accuracy", 0.967);
    ArrayNode results = r.putArray("results");
    for (int i = 0; i < WIDTHS.length; i++) {
      ObjectNode w = results.addObject();
      w.put("width", WIDTHS[i]).put("alpha", 100.0 / WIDTHS[i]).put("scalarOrderParameter", 1.0);
      orderParameters(w, U_GG[i]);
      w.putObject("certificate").put("solver", "newton").put("converged", true)
          .put("minimum", true).put("iterations", 12).put("evaluations", 13)
          .put("maxGradient", 1e-11).put("tolerance", 1e-9).put("minHessianEigenvalue", 0.5)
          .put("wallSeconds", 0.1).put("message", "");
      w.putObject("test").put("accuracy", ACCURACY[i]).put("gibbsAccuracy", GIBBS[i]);
      overlaps(w, 0.3);
    }
    return r;
  }

  static ObjectNode simulation() {
    ObjectNode r = JSON.createObjectNode();
    r.put("schema", "attnpaths.simulate/1");
    ObjectNode config = r.putObject("config");
    config.putObject("task").put("name", "markov-4path").put("trainSize", 100);
    config.putObject("architecture").putArray("heads").add(2).add(2);
    config.putObject("sampler").put("method", "gibbs").put("chains", 4);
    provenance(r);
    r.putArray("pathNames").add("g").add("a1").add("d").add("a2");
    ArrayNode results = r.putArray("results");
    for (int i = 0; i < 2; i++) {
      ObjectNode w = results.addObject();
      w.put("width", WIDTHS[i]).put("alpha", 100.0 / WIDTHS[i]);
      w.putObject("test").put("accuracy", ACCURACY[i] - 0.01).put("accuracyStandardError", 0.005);
      orderParameters(w, U_GG[i] * 0.9);
      w.putObject("diagnostics").put("chains", 4).putArray("warnings");
    }
    return r;
  }

  static Path write(ObjectNode json, Path file) throws IOException {
    JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), json);
    return file;
  }

  private static void provenance(ObjectNode r) {
    r.putObject("provenance").put("version", "0.1.0-test").put("gitCommit", "abc1234")
        .put("started", "2026-11-22T00:00:00Z").put("javaVersion", "17").put("osArch", "test")
        .put("backend", "ejml");
  }

  // U_2 = I (2×2), U_1 = diag(gg, 1, 0.5, 0.25) with U[g][d] = U[d][g] = −gg/3 (code order).
  private static void orderParameters(ObjectNode w, double gg) {
    ArrayNode ops = w.putArray("orderParameters");
    ArrayNode u2 = ops.addArray();
    u2.addArray().add(1.0).add(0.0);
    u2.addArray().add(0.0).add(1.0);
    double[][] u = {{gg, 0, -gg / 3, 0}, {0, 1, 0, 0}, {-gg / 3, 0, 0.5, 0}, {0, 0, 0, 0.25}};
    ArrayNode u1 = ops.addArray();
    for (double[] row : u) {
      ArrayNode a = u1.addArray();
      for (double v : row) a.add(v);
    }
  }

  private static void overlaps(ObjectNode parent, double first) {
    ObjectNode a = parent.putObject("alignment");
    ArrayNode ev = a.putArray("eigenvalues");
    ArrayNode ov = a.putArray("overlaps");
    for (int k = 0; k < 10; k++) {
      ev.add(10.0 / (k + 1));
      ov.add(first / (k + 1));
    }
  }
}
