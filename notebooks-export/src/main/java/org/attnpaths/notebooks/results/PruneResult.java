package org.attnpaths.notebooks.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of a {@code prune.json} (schema {@code attnpaths.prune/1}, the head-pruning
 * contract) that the report draws: per width, each head's score and the accuracy drop when it is
 * removed (frozen order parameters, re-solved saddle point, sampled network), the cumulative
 * pruning curves and the rank correlations.
 *
 * @param file the file read
 * @param taskName {@code config.task.name}
 * @param cumulativeMethod {@code config.prune.cumulativeMethod} ({@code resolved} or
 *     {@code frozen})
 * @param widths one per width, in {@code --widths} order
 */
public record PruneResult(ResultFile file, String taskName, String cumulativeMethod,
    List<Width> widths) {

  /** The single-head removal methods, in the order they are drawn. */
  public static final List<String> METHODS = List.of("frozen", "resolved", "simulated");

  /** The cumulative orders the curves are drawn for. */
  public static final List<String> ORDERS = List.of("score", "reverse", "random");

  /**
   * {@code results[].heads[]}.
   *
   * @param label spec §10 label "(l)h"
   * @param name the task's head name, or "" when absent
   * @param accuracy per method present (NaN for {@code null})
   * @param drop base − accuracy, per method present (NaN for {@code null})
   * @param simulatedDropStandardError NaN when absent
   * @param note why accuracy is {@code null}, or ""
   * @param resolvedConverged the re-solved saddle point's certificate; true when absent
   */
  public record Head(int layer, int head, String label, String name, double score,
      double rawScore, double diagonalScore, Map<String, Double> accuracy,
      Map<String, Double> drop, double simulatedDropStandardError, String note,
      boolean resolvedConverged) {
    public Head {
      accuracy = Map.copyOf(accuracy);
      drop = Map.copyOf(drop);
    }
  }

  /** {@code results[].pathRelevance[]}. */
  public record PathRelevance(int path, String label, double diagonal, double gp, double ratio) {}

  /** {@code results[].spearman.METHOD}. */
  public record Spearman(String method, double rho, double pValue, String test, int permutations) {}

  /**
   * {@code results[]}.
   *
   * @param simulatedBase NaN without {@code --simulate}
   * @param cumulative per order present: accuracy after removing 0, 1, 2, … heads
   * @param removed per order ({@code score}, {@code reverse}): labels in removal order
   * @param randomStd ± band of the random mean; empty when absent
   * @param simulatedCumulative per order, sampled-network accuracies; empty without
   *     {@code --simulate}
   */
  public record Width(int width, double baseAccuracy, double simulatedBase,
      double simulatedBaseStandardError, List<Head> heads, List<PathRelevance> pathRelevance,
      Map<String, double[]> cumulative, Map<String, List<String>> removed, double[] randomStd,
      double[] randomMin, double[] randomMax, Map<String, double[]> simulatedCumulative,
      List<Spearman> spearman) {}

  public PruneResult {
    widths = List.copyOf(widths);
  }

  /** @throws IllegalArgumentException naming the file and the field that is missing or wrong */
  public static PruneResult of(ResultFile f) {
    Path p = f.path();
    JsonNode r = f.root();
    List<Width> widths = new ArrayList<>();
    JsonNode results = Json.array(p, r, "results");
    for (int i = 0; i < results.size(); i++) widths.add(width(p, results.get(i), "results[" + i + "]"));
    return new PruneResult(f, r.path("config").path("task").path("name").asText("?"),
        r.path("config").path("prune").path("cumulativeMethod").asText("resolved"), widths);
  }

  private static Width width(Path p, JsonNode w, String where) {
    if (!w.path("width").canConvertToInt()) throw Json.missing(p, where + ".width");
    List<Head> heads = new ArrayList<>();
    JsonNode hs = Json.array(p, w, "heads");
    for (int i = 0; i < hs.size(); i++) {
      JsonNode h = hs.get(i);
      String at = where + ".heads[" + i + "]";
      if (!h.path("label").isTextual()) throw Json.missing(p, at + ".label");
      heads.add(new Head(h.path("layer").asInt(), h.path("head").asInt(), h.get("label").asText(),
          h.path("name").asText(""), Json.number(p, h, "score"),
          Json.optionalNumber(h, "rawScore"), Json.optionalNumber(h, "diagonalScore"),
          perMethod(p, h.get("accuracy"), at + ".accuracy"),
          perMethod(p, h.get("accuracyDrop"), at + ".accuracyDrop"),
          Json.optionalNumber(h, "simulatedDropStandardError"), h.path("note").asText(""),
          h.path("resolved").path("certificate").path("converged").asBoolean(true)));
    }
    List<PathRelevance> relevance = new ArrayList<>();
    for (JsonNode r : w.path("pathRelevance")) {
      relevance.add(new PathRelevance(r.path("path").asInt(), r.path("label").asText(""),
          Json.optionalNumber(r, "diagonal"), Json.optionalNumber(r, "gp"),
          Json.optionalNumber(r, "ratio")));
    }
    JsonNode cum = w.get("cumulative");
    if (cum == null || !cum.isObject()) throw Json.missing(p, where + ".cumulative");
    Map<String, double[]> cumulative = new LinkedHashMap<>();
    for (String o : ORDERS) {
      if (cum.has(o)) cumulative.put(o, Json.numbers(p, cum.get(o), where + ".cumulative." + o));
    }
    JsonNode detail = w.path("cumulativeDetail");
    Map<String, List<String>> removed = new LinkedHashMap<>();
    for (String o : List.of("score", "reverse")) {
      List<String> labels = new ArrayList<>();
      detail.path(o).path("removed").forEach(x -> labels.add(x.asText()));
      removed.put(o, labels);
    }
    JsonNode random = detail.path("random");
    Map<String, double[]> simulated = new LinkedHashMap<>();
    JsonNode sim = detail.path("simulated");
    for (String o : ORDERS) {
      if (sim.has(o)) {
        simulated.put(o, Json.numbers(p, sim.get(o), where + ".cumulativeDetail.simulated." + o));
      }
    }
    List<Spearman> spearman = new ArrayList<>();
    JsonNode sp = w.path("spearman");
    for (String m : METHODS) {
      JsonNode s = sp.get(m);
      if (s == null || !s.isObject()) continue;
      spearman.add(new Spearman(m, Json.optionalNumber(s, "rho"),
          Json.optionalNumber(s, "pValue"), s.path("method").asText(""),
          s.path("permutations").asInt(0)));
    }
    return new Width(w.get("width").asInt(), Json.number(p, w, "baseAccuracy"),
        Json.optionalNumber(w, "simulatedBaseAccuracy"),
        Json.optionalNumber(w, "simulatedBaseStandardError"), heads, relevance, cumulative,
        removed, optionalNumbers(p, random.get("std"), where), optionalNumbers(p,
        random.get("min"), where), optionalNumbers(p, random.get("max"), where), simulated,
        spearman);
  }

  /** {@code {"frozen": x, "resolved": y, "simulated": z}}, only the methods present. */
  private static Map<String, Double> perMethod(Path p, JsonNode n, String where) {
    if (n == null || !n.isObject()) throw Json.missing(p, where);
    Map<String, Double> m = new LinkedHashMap<>();
    for (String k : METHODS) {
      JsonNode v = n.get(k);
      if (v == null) continue;
      if (!v.isNumber() && !v.isNull()) {
        throw new IllegalArgumentException(p + ": " + where + "." + k + ": expected a number or "
            + "null");
      }
      m.put(k, v.isNull() ? Double.NaN : v.asDouble());
    }
    return m;
  }

  private static double[] optionalNumbers(Path p, JsonNode n, String where) {
    return n != null && n.isArray() ? Json.numbers(p, n, where + ".cumulativeDetail.random")
        : new double[0];
  }
}
