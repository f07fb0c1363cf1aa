package org.attnpaths.notebooks.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/** Field access with errors that name the file and the field (the result files' readers). */
public final class Json {

  private Json() {}

  /** A number, or NaN for {@code null} (how the schemas write non-finite values). */
  public static double number(Path file, JsonNode parent, String field) {
    JsonNode n = parent.get(field);
    if (n == null) throw missing(file, field);
    if (n.isNull()) return Double.NaN;
    if (!n.isNumber()) throw new IllegalArgumentException(file + ": " + field
        + ": expected a number, got " + n.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    return n.asDouble();
  }

  /** A number, or NaN when absent or {@code null}. */
  public static double optionalNumber(JsonNode parent, String field) {
    JsonNode n = parent.get(field);
    return n == null || !n.isNumber() ? Double.NaN : n.asDouble();
  }

  public static JsonNode array(Path file, JsonNode parent, String field) {
    JsonNode n = parent.get(field);
    if (n == null) throw missing(file, field);
    if (!n.isArray()) throw new IllegalArgumentException(file + ": " + field + ": expected an array");
    return n;
  }

  public static double[] numbers(Path file, JsonNode array, String what) {
    double[] v = new double[array.size()];
    for (int i = 0; i < v.length; i++) {
      JsonNode n = array.get(i);
      if (!n.isNumber() && !n.isNull()) {
        throw new IllegalArgumentException(file + ": " + what + "[" + i + "]: expected a number");
      }
      v[i] = n.isNull() ? Double.NaN : n.asDouble();
    }
    return v;
  }

  /** The last matrix of {@code orderParameters} (U_1), checked to be Π×Π. */
  public static double[][] u1(Path file, JsonNode result, String where, int paths) {
    JsonNode ops = array(file, result, "orderParameters");
    if (ops.isEmpty()) throw new IllegalArgumentException(file + ": " + where
        + ".orderParameters: expected L >= 1 matrices, got none");
    JsonNode m = ops.get(ops.size() - 1);
    if (!m.isArray() || m.size() != paths) throw new IllegalArgumentException(file + ": " + where
        + ".orderParameters[" + (ops.size() - 1) + "] (U_1): expected " + paths + "x" + paths
        + " (one row per path in pathNames), got " + (m.isArray() ? m.size() : 0) + " rows");
    double[][] u = new double[paths][];
    for (int i = 0; i < paths; i++) {
      u[i] = numbers(file, m.get(i), where + ".U_1[" + i + "]");
      if (u[i].length != paths) throw new IllegalArgumentException(file + ": " + where + ".U_1["
          + i + "]: expected " + paths + " entries, got " + u[i].length);
    }
    return u;
  }

  /** {@code config.architecture.heads}, or empty when absent. */
  public static java.util.List<Integer> heads(JsonNode root) {
    java.util.List<Integer> h = new java.util.ArrayList<>();
    root.path("config").path("architecture").path("heads").forEach(n -> h.add(n.asInt()));
    return h;
  }

  public static IllegalArgumentException missing(Path file, String field) {
    return new IllegalArgumentException(file + ": missing field '" + field + "'");
  }
}
