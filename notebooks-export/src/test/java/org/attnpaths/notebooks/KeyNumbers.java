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
    Map<String, Double> got = parse(printed);
    Map<String, Double> want = new LinkedHashMap<>();
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
