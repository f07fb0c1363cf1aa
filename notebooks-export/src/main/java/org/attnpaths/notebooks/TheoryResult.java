package org.attnpaths.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code theory.json} result (schema {@code attnpaths.theory/1}, see
 * {@code src/site/markdown/theory-json.md}), read into arrays. JSON {@code null} (a non-finite
 * number) becomes NaN. Arrays are referenced, not copied: treat them as read-only.
 *
 * @param source the file it was read from, for messages
 * @param config the {@code config} object as written
 * @param provenance the {@code provenance} object as written
 * @param pathNames Π display names, in path order
 * @param gp the GP (infinite-width) limit
 * @param gpSubsets GP limits of path-subset networks (may be empty)
 * @param widths one entry per swept width, in sweep order (at least one)
 */
public record TheoryResult(Path source, JsonNode config, JsonNode provenance, List<String> pathNames,
    Point gp, List<Subset> gpSubsets, List<Point> widths) {

  public static final String SCHEMA = "attnpaths.theory/1";

  public TheoryResult {
    pathNames = List.copyOf(pathNames);
    gpSubsets = List.copyOf(gpSubsets);
    widths = List.copyOf(widths);
    if (widths.isEmpty()) {
      throw new IllegalArgumentException(source + ": results: expected at least one width, got 0");
    }
  }

  /**
   * One solution (a width, or the GP limit).
   *
   * @param width N; 0 for the GP limit
   * @param alpha P/N; 0 for the GP limit
   * @param scalarOrderParameter U_a
   * @param orderParameters U_1 first, then U_2 … U_L (the reverse of the JSON's order); each
   *     D_ℓ×D_ℓ, row-major
   * @param converged the certificate's {@code converged}; true for the GP limit
   * @param testMean ⟨f(x)⟩ for the Q test examples
   * @param testVariance Var f(x) for the Q test examples
   * @param eigenvalues leading training-kernel eigenvalues, decreasing
   * @param overlaps |e_k·Y|/√P for the same components
   */
  public record Point(int width, double alpha, double scalarOrderParameter,
      List<double[][]> orderParameters, boolean converged, double accuracy, double gibbsAccuracy,
      double biasError, double varianceError, double[] testMean, double[] testVariance,
      double[] eigenvalues, double[] overlaps) {
    public Point {
      orderParameters = List.copyOf(orderParameters);
    }

    /** U_1, Π×Π in path order. */
    public double[][] u1() {
      return orderParameters.get(0);
    }
  }

  /** A GP limit of a network that keeps only some paths. */
  public record Subset(String name, double accuracy, double gibbsAccuracy) {}

  /** Π, the number of attention paths. */
  public int paths() {
    return pathNames.size();
  }

  /** L, the number of attention layers. */
  public int layers() {
    return gp.orderParameters().size();
  }

  /**
   * The display order of the paths: the paper's g, d, a1, a2 when the task names its paths so
   * (the Markov task lists them as g, a1, d, a2), else path order.
   *
   * @return path indices in display order
   */
  public int[] displayOrder() {
    List<String> paper = List.of("g", "d", "a1", "a2");
    int[] order = new int[paths()];
    if (pathNames.size() == paper.size() && pathNames.containsAll(paper)) {
      for (int i = 0; i < order.length; i++) order[i] = pathNames.indexOf(paper.get(i));
    } else {
      for (int i = 0; i < order.length; i++) order[i] = i;
    }
    return order;
  }

  /**
   * Reads and checks a {@code theory.json} file.
   *
   * @throws IllegalArgumentException naming the file and field when the content is not a theory
   *     result of a known schema, or is inconsistent
   * @throws IOException when the file cannot be read
   */
  public static TheoryResult read(Path file) throws IOException {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.newBufferedReader(file));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(file + ": not valid JSON: " + e.getOriginalMessage());
    }
    return of(file, root);
  }

  /** Interprets an already-parsed JSON tree; {@code file} is only used in messages. */
  public static TheoryResult of(Path file, JsonNode root) {
    Fields f = new Fields(file);
    if (root == null || !root.isObject()) throw f.bad("(top level)", "a JSON object", root);
    String schema = root.path("schema").asText(null);
    if (!SCHEMA.equals(schema)) {
      throw f.bad("schema", "\"" + SCHEMA + "\"", root.get("schema"));
    }
    List<String> names = new ArrayList<>();
    for (JsonNode n : f.array(root, "pathNames")) names.add(n.asText());
    Point gp = f.point(f.object(root, "gp"), "gp", true);
    List<Subset> subsets = new ArrayList<>();
    JsonNode subsetsNode = root.path("gpSubsets");
    if (subsetsNode.isArray()) {
      for (int i = 0; i < subsetsNode.size(); i++) {
        JsonNode s = subsetsNode.get(i);
        String at = "gpSubsets[" + i + "]";
        JsonNode test = f.object(s, at + ".test");
        subsets.add(new Subset(s.path("name").asText(at), f.number(test, at + ".test.accuracy"),
            f.number(test, at + ".test.gibbsAccuracy")));
      }
    }
    List<Point> points = new ArrayList<>();
    JsonNode results = f.array(root, "results");
    for (int i = 0; i < results.size(); i++) {
      points.add(f.point(results.get(i), "results[" + i + "]", false));
    }
    TheoryResult r = new TheoryResult(file, root.path("config"), root.path("provenance"), names,
        gp, subsets, points);
    r.checkShapes(f);
    return r;
  }

  private void checkShapes(Fields f) {
    int q = gp.testMean().length;
    int k = gp.eigenvalues().length;
    int layers = layers();
    for (int i = -1; i < widths.size(); i++) {
      Point p = i < 0 ? gp : widths.get(i);
      String at = i < 0 ? "gp" : "results[" + i + "]";
      if (p.orderParameters().size() != layers) {
        throw f.shape(at + ".orderParameters", layers + " matrices", p.orderParameters().size());
      }
      if (p.u1().length != paths()) {
        throw f.shape(at + ".orderParameters (U_1)", paths() + "×" + paths() + " (Π = "
            + "pathNames.length)", p.u1().length + " rows");
      }
      for (int l = 0; l < layers; l++) {
        double[][] u = p.orderParameters().get(l);
        int d = gp.orderParameters().get(l).length;
        for (double[] row : u) {
          if (row.length != u.length || u.length != d) {
            throw f.shape(at + ".orderParameters (U_" + (l + 1) + ")", d + "×" + d + " rows",
                u.length + " rows of " + row.length);
          }
        }
      }
      if (p.testMean().length != q || p.testVariance().length != q) {
        throw f.shape(at + ".test.mean/variance", q + " values (Q, as gp.test.mean)",
            p.testMean().length + " and " + p.testVariance().length);
      }
      if (p.eigenvalues().length != k || p.overlaps().length != k) {
        throw f.shape(at + ".alignment", k + " components (as gp.alignment)",
            p.eigenvalues().length + " eigenvalues and " + p.overlaps().length + " overlaps");
      }
    }
  }

  /** Field access that names the file and field in every error. */
  private record Fields(Path file) {

    IllegalArgumentException bad(String field, String expected, JsonNode found) {
      String got = found == null || found.isMissingNode() ? "nothing" : found.toString();
      if (got.length() > 60) got = got.substring(0, 60) + "…";
      return new IllegalArgumentException(file + ": " + field + ": expected " + expected + ", got "
          + got);
    }

    IllegalArgumentException shape(String field, String expected, Object found) {
      return new IllegalArgumentException(file + ": " + field + ": expected " + expected + ", got "
          + found);
    }

    JsonNode object(JsonNode parent, String field) {
      JsonNode n = parent.get(leaf(field));
      if (n == null || !n.isObject()) throw bad(field, "an object", n);
      return n;
    }

    JsonNode array(JsonNode parent, String field) {
      JsonNode n = parent.get(leaf(field));
      if (n == null || !n.isArray()) throw bad(field, "an array", n);
      return n;
    }

    double number(JsonNode parent, String field) {
      JsonNode n = parent.get(leaf(field));
      if (n != null && n.isNull()) return Double.NaN;
      if (n == null || !n.isNumber()) throw bad(field, "a number or null", n);
      return n.doubleValue();
    }

    double[] vector(JsonNode parent, String field) {
      return vectorOf(array(parent, field), field);
    }

    Point point(JsonNode p, String at, boolean gpPoint) {
      if (p == null || !p.isObject()) throw bad(at, "an object", p);
      JsonNode ops = array(p, at + ".orderParameters");
      List<double[][]> u = new ArrayList<>();
      for (int l = ops.size() - 1; l >= 0; l--) { // JSON: U_L first; here U_1 first
        String m = at + ".orderParameters[" + l + "]";
        JsonNode rows = ops.get(l);
        if (!rows.isArray()) throw bad(m, "a matrix (array of arrays)", rows);
        double[][] mat = new double[rows.size()][];
        for (int r = 0; r < mat.length; r++) {
          if (!rows.get(r).isArray()) throw bad(m + "[" + r + "]", "an array", rows.get(r));
          mat[r] = vectorOf(rows.get(r), m + "[" + r + "]");
        }
        u.add(mat);
      }
      JsonNode test = object(p, at + ".test");
      JsonNode align = object(p, at + ".alignment");
      int width = gpPoint ? 0 : p.path("width").asInt(-1);
      if (!gpPoint && width <= 0) throw bad(at + ".width", "a positive integer", p.get("width"));
      boolean converged = gpPoint || p.path("certificate").path("converged").asBoolean(false);
      return new Point(width, gpPoint ? 0 : number(p, at + ".alpha"),
          number(p, at + ".scalarOrderParameter"), u, converged,
          number(test, at + ".test.accuracy"), number(test, at + ".test.gibbsAccuracy"),
          number(test, at + ".test.biasError"), number(test, at + ".test.varianceError"),
          vector(test, at + ".test.mean"), vector(test, at + ".test.variance"),
          vector(align, at + ".alignment.eigenvalues"), vector(align, at + ".alignment.overlaps"));
    }

    private double[] vectorOf(JsonNode arr, String field) {
      double[] v = new double[arr.size()];
      for (int i = 0; i < v.length; i++) {
        JsonNode n = arr.get(i);
        if (n.isNull()) {
          v[i] = Double.NaN;
        } else if (n.isNumber()) {
          v[i] = n.doubleValue();
        } else {
          throw bad(field + "[" + i + "]", "a number or null", n);
        }
      }
      return v;
    }

    private static String leaf(String field) {
      return field.substring(field.lastIndexOf('.') + 1);
    }
  }
}
