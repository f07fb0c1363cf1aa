package org.attnpaths.cli.report;

import org.attnpaths.notebooks.results.ResultFile;
import org.attnpaths.notebooks.results.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a {@code theory.json} (schema {@code attnpaths.theory/1}) that the report draws.
 *
 * @param file the file read
 * @param taskName {@code config.task.name}
 * @param trainSize P
 * @param temperature T
 * @param heads H_1 … H_L ({@code config.architecture.heads})
 * @param pathNames Π display names, path (code) order
 * @param gpAccuracy {@code gp.test.accuracy}
 * @param gpOverlaps {@code gp.alignment.overlaps}: |e_k·y|/√P, k = 1, 2, …
 * @param gpU1 U_1 at the GP point ({@code gp.orderParameters}, last), Π×Π
 * @param subsets the GP limits of path subsets
 * @param widths one per swept width, in sweep order
 */
public record TheoryResult(ResultFile file, String taskName, int trainSize, double temperature,
    List<Integer> heads, List<String> pathNames, double gpAccuracy, double[] gpOverlaps, double[][] gpU1, List<Subset> subsets,
    List<Width> widths) {

  /** {@code gpSubsets[]}: name and test accuracy of the sub-network's GP mean predictor. */
  public record Subset(String name, double accuracy) {}

  /**
   * {@code results[]}.
   *
   * @param u1 U_1, Π×Π in path order
   * @param overlaps {@code alignment.overlaps}
   */
  public record Width(int width, double alpha, double accuracy, double gibbsAccuracy,
      double scalarOrderParameter, double[][] u1, double[] overlaps, Certificate certificate) {}

  /** {@code results[].certificate}. */
  public record Certificate(String solver, boolean converged, boolean minimum, int iterations,
      int evaluations, double maxGradient, double tolerance, double minHessianEigenvalue,
      double wallSeconds, String message) {}

  public TheoryResult {
    heads = List.copyOf(heads);
    pathNames = List.copyOf(pathNames);
    subsets = List.copyOf(subsets);
    widths = List.copyOf(widths);
  }

  /** @throws IllegalArgumentException naming the file and the field that is missing or wrong */
  public static TheoryResult of(ResultFile f) {
    Path p = f.path();
    JsonNode r = f.root();
    List<String> names = new ArrayList<>();
    Json.array(p, r, "pathNames").forEach(n -> names.add(n.asText()));
    JsonNode task = r.path("config").path("task");
    JsonNode gp = r.get("gp");
    if (gp == null) throw Json.missing(p, "gp");
    List<Subset> subsets = new ArrayList<>();
    JsonNode gs = r.get("gpSubsets");
    if (gs != null && gs.isArray()) {
      for (JsonNode s : gs) {
        subsets.add(new Subset(s.path("name").asText(), Json.optionalNumber(s.path("test"), "accuracy")));
      }
    }
    List<Width> widths = new ArrayList<>();
    JsonNode results = Json.array(p, r, "results");
    for (int i = 0; i < results.size(); i++) {
      JsonNode w = results.get(i);
      String where = "results[" + i + "]";
      JsonNode c = w.path("certificate");
      widths.add(new Width(w.path("width").asInt(), Json.number(p, w, "alpha"),
          Json.number(p, w.path("test"), "accuracy"),
          Json.optionalNumber(w.path("test"), "gibbsAccuracy"),
          Json.optionalNumber(w, "scalarOrderParameter"), Json.u1(p, w, where, names.size()),
          overlaps(p, w, where),
          new Certificate(c.path("solver").asText(""), c.path("converged").asBoolean(false),
              c.path("minimum").asBoolean(false), c.path("iterations").asInt(),
              c.path("evaluations").asInt(), Json.optionalNumber(c, "maxGradient"),
              Json.optionalNumber(c, "tolerance"), Json.optionalNumber(c, "minHessianEigenvalue"),
              Json.optionalNumber(c, "wallSeconds"), c.path("message").asText(""))));
    }
    return new TheoryResult(f, task.path("name").asText("?"), task.path("trainSize").asInt(),
        r.path("config").path("architecture").path("temperature").asDouble(Double.NaN),
        Json.heads(r), names,
        Json.number(p, gp.path("test"), "accuracy"), overlaps(p, gp, "gp"),
        gp.has("orderParameters") ? Json.u1(p, gp, "gp", names.size()) : null, subsets, widths);
  }

  private static double[] overlaps(Path p, JsonNode parent, String where) {
    JsonNode a = parent.path("alignment").path("overlaps");
    return a.isArray() ? Json.numbers(p, a, where + ".alignment.overlaps") : new double[0];
  }
}
