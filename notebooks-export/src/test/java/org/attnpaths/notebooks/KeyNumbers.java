package org.attnpaths.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The "key numbers" printed by the notebook's last cell ({@code name [N=width] value}, value as
 * Python's repr), parsed and compared exactly with the theory JSON they came from.
 */
final class KeyNumbers {

  private KeyNumbers() {}

  static Map<String, Double> parse(String printed) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (String line : printed.split("\n")) {
      if (line.isBlank()) continue;
      int cut = line.lastIndexOf(' ');
      String v = line.substring(cut + 1);
      m.put(line.substring(0, cut), switch (v) {
        case "nan" -> Double.NaN;
        case "inf" -> Double.POSITIVE_INFINITY;
        case "-inf" -> Double.NEGATIVE_INFINITY;
        default -> Double.parseDouble(v);
      });
    }
    return m;
  }

  /** Every number the JSON has for these keys is printed, and equal to the last bit. */
  static void assertMatchJson(JsonNode theory, String printed) {
    assertMatchJson(theory, null, null, printed);
  }

  /**
   * As {@link #assertMatchJson(JsonNode, String)}, plus the sampled accuracies of a simulate.json
   * and the accuracy drops and cumulative curves of a prune.json (either may be null).
   */
  static void assertMatchJson(JsonNode theory, JsonNode sim, JsonNode prune, String printed) {
    Map<String, Double> got = parse(printed);
    Map<String, Double> want = new LinkedHashMap<>();
    if (sim != null) {
      for (JsonNode r : sim.get("results")) {
        String n = "N=" + r.get("width").asInt();
        want.put("sim_accuracy " + n, num(r.at("/test/accuracy")));
        want.put("sim_accuracy_se " + n, num(r.at("/test/accuracyStandardError")));
      }
    }
    if (prune != null) {
      for (JsonNode r : prune.get("results")) {
        String n = "N=" + r.get("width").asInt();
        for (JsonNode h : r.get("heads")) {
          h.get("accuracyDrop").fields().forEachRemaining(e -> {
            if (!e.getValue().isNull()) {
              want.put("prune_drop_" + e.getKey() + " " + n + " " + h.get("label").asText(),
                  e.getValue().doubleValue());
            }
          });
        }
        r.get("cumulative").fields().forEachRemaining(e -> {
          for (int k = 0; k < e.getValue().size(); k++) {
            want.put("prune_cumulative_" + e.getKey() + " " + n + " k=" + k,
                num(e.getValue().get(k)));
          }
        });
      }
    }
    for (JsonNode r : theory.get("results")) {
      String n = "N=" + r.get("width").asInt();
      want.put("accuracy " + n, num(r.at("/test/accuracy")));
      want.put("gibbs_accuracy " + n, num(r.at("/test/gibbsAccuracy")));
      want.put("U_a " + n, num(r.get("scalarOrderParameter")));
    }
    want.put("gp_accuracy", num(theory.at("/gp/test/accuracy")));
    want.put("gp_gibbs_accuracy", num(theory.at("/gp/test/gibbsAccuracy")));
    for (JsonNode s : theory.get("gpSubsets")) {
      want.put("gp_subset_accuracy " + s.get("name").asText(), num(s.at("/test/accuracy")));
    }
    assertTrue(want.size() > 5, "the fixture has widths and subsets");
    assertEquals(want.keySet(), got.keySet(), printed);
    want.forEach((k, v) -> assertEquals(v, got.get(k), k)); // Double.equals: bit-exact, NaN = NaN
  }

  private static double num(JsonNode n) {
    return n.isNull() ? Double.NaN : n.doubleValue();
  }
}
