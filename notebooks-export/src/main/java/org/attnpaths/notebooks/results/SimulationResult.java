package org.attnpaths.notebooks.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a {@code simulate.json} (schema {@code attnpaths.simulate/1}) that the report
 * draws: the sampled finite network at each width.
 *
 * @param file the file read
 * @param sampler {@code config.sampler.method} ({@code gibbs}, {@code hmc}, …)
 * @param heads H_1 … H_L
 * @param pathNames Π display names, path order
 * @param widths one per sampled width
 */
public record SimulationResult(ResultFile file, String sampler, List<Integer> heads,
    List<String> pathNames,
    List<Width> widths) {

  /**
   * {@code results[]}.
   *
   * @param accuracyStandardError standard error over chains; NaN with one chain or when absent
   * @param u1 posterior mean of U_1, Π×Π in path order
   * @param chains number of chains
   * @param warnings the sampler's convergence warnings
   */
  public record Width(int width, double alpha, double accuracy, double accuracyStandardError,
      double[][] u1, int chains, List<String> warnings) {}

  public SimulationResult {
    heads = List.copyOf(heads);
    pathNames = List.copyOf(pathNames);
    widths = List.copyOf(widths);
  }

  /** @throws IllegalArgumentException naming the file and the field that is missing or wrong */
  public static SimulationResult of(ResultFile f) {
    Path p = f.path();
    JsonNode r = f.root();
    List<String> names = new ArrayList<>();
    Json.array(p, r, "pathNames").forEach(n -> names.add(n.asText()));
    List<Width> widths = new ArrayList<>();
    JsonNode results = Json.array(p, r, "results");
    for (int i = 0; i < results.size(); i++) {
      JsonNode w = results.get(i);
      JsonNode d = w.path("diagnostics");
      List<String> warnings = new ArrayList<>();
      d.path("warnings").forEach(x -> warnings.add(x.asText()));
      widths.add(new Width(w.path("width").asInt(), Json.number(p, w, "alpha"),
          Json.number(p, w.path("test"), "accuracy"),
          Json.optionalNumber(w.path("test"), "accuracyStandardError"),
          Json.u1(p, w, "results[" + i + "]", names.size()), d.path("chains").asInt(0),
          warnings));
    }
    return new SimulationResult(f,
        r.path("config").path("sampler").path("method").asText("?"), Json.heads(r), names, widths);
  }
}
