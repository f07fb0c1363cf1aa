package org.attnpaths.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The required fields of schema {@code attnpaths.theory/1} (src/site/markdown/theory-json.md),
 * checked on any theory.json: the writer's unit test and the end-to-end test share it.
 */
public final class TheoryJsonContract {

  private TheoryJsonContract() {}

  /**
   * @param widths number of result objects expected
   * @param paths Π, the size of U_1
   * @param testSize Q, the length of every test.mean array
   */
  public static void assertComplete(JsonNode root, int widths, int paths, int testSize) {
    assertEquals(TheoryJson.SCHEMA, root.path("schema").asText());
    for (String p : new String[] {
        "/config/task/name", "/config/task/source", "/config/task/trainSize",
        "/config/task/testSize", "/config/architecture/heads", "/config/architecture/widths",
        "/config/architecture/variances", "/config/architecture/temperature",
        "/config/architecture/readout", "/config/seed", "/config/backend/name",
        "/config/backend/description", "/config/solver/method", "/config/solver/tolerance",
        "/config/solver/maxIterations", "/config/solver/learningRate", "/config/version",
        "/config/commandLine", "/provenance/version", "/provenance/gitCommit",
        "/provenance/started", "/provenance/javaVersion", "/provenance/osArch",
        "/provenance/backend", "/pathNames", "/gp/test/accuracy", "/gp/test/gibbsAccuracy",
        "/gp/test/mean", "/gp/test/variance", "/gp/orderParameters", "/gp/alignment/eigenvalues",
        "/gp/alignment/overlaps", "/gpSubsets", "/results"}) {
      assertTrue(!root.at(p).isMissingNode(), () -> "missing " + p);
    }
    assertEquals(testSize, root.at("/gp/test/mean").size());
    assertEquals(paths, root.at("/pathNames").size());
    JsonNode results = root.path("results");
    assertEquals(widths, results.size());
    for (JsonNode r : results) {
      for (String p : new String[] {"/width", "/alpha", "/scalarOrderParameter",
          "/orderParameters", "/certificate/solver", "/certificate/iterations",
          "/certificate/evaluations", "/certificate/maxGradient", "/certificate/tolerance",
          "/certificate/converged", "/certificate/minHessianEigenvalue",
          "/certificate/wallSeconds", "/certificate/message", "/test/accuracy",
          "/test/gibbsAccuracy", "/test/biasError", "/test/varianceError", "/test/mean",
          "/test/variance", "/alignment/eigenvalues", "/alignment/overlaps"}) {
        assertTrue(!r.at(p).isMissingNode(), () -> "results[]: missing " + p);
      }
      assertEquals(testSize, r.at("/test/mean").size());
      assertEquals(testSize, r.at("/test/variance").size());
      JsonNode u = r.path("orderParameters");
      JsonNode u1 = u.get(u.size() - 1);
      assertEquals(paths, u1.size(), "U_1 is last and Π×Π");
      for (JsonNode row : u1) assertEquals(paths, row.size());
    }
  }
}
