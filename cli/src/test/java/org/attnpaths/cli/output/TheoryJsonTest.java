package org.attnpaths.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** theory.json of a hand-made report: every required field, matrix order, nulls for NaN. */
class TheoryJsonTest {

  private static JsonNode write() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    TheoryJson.write(SyntheticReports.report(), bytes);
    return new ObjectMapper().readTree(bytes.toByteArray());
  }

  @Test
  void hasEveryRequiredField() throws IOException {
    JsonNode root = write();
    TheoryJsonContract.assertComplete(root, 2, 4, SyntheticReports.TEST);
    assertEquals("attnpaths.theory/1", root.path("schema").asText());
  }

  @Test
  void orderParametersAreULFirstAndU1Last() throws IOException {
    JsonNode u = write().path("results").get(1).path("orderParameters");
    assertEquals(2, u.size());
    assertEquals(2, u.get(0).size(), "U_2 (2×2) first");
    assertEquals(3.0, u.get(0).get(1).get(1).asDouble());
    assertEquals(4, u.get(1).size(), "U_1 (4×4) last");
    assertEquals(3.0, u.get(1).get(2).get(2).asDouble());
    assertEquals(-0.1, u.get(1).get(0).get(1).asDouble(), 1e-15);
  }

  @Test
  void notConvergedIsRecordedAndNaNIsNull() throws IOException {
    JsonNode cert = write().path("results").get(0).path("certificate");
    assertFalse(cert.path("converged").asBoolean(true));
    assertFalse(cert.path("minimum").asBoolean(true));
    assertTrue(cert.path("minHessianEigenvalue").isNull());
    assertEquals(3e-4, cert.path("maxGradient").asDouble());
    assertEquals("iteration cap reached", cert.path("message").asText());
  }

  @Test
  void configAndProvenance() throws IOException {
    JsonNode root = write();
    assertEquals(java.util.List.of(10, 100), java.util.List.of(
        root.at("/config/architecture/widths/0").asInt(),
        root.at("/config/architecture/widths/1").asInt()));
    assertEquals("2026-11-22T01:02:03.456Z", root.at("/provenance/started").asText());
    assertEquals("abc123", root.at("/provenance/gitCommit").asText());
    assertEquals("last", root.at("/config/architecture/readout").asText());
    assertEquals("newton", root.at("/config/solver/method").asText());
    assertEquals(1e-9, root.at("/config/solver/tolerance").asDouble());
    assertEquals(10.0 / 10 * 2, root.at("/results/0/alpha").asDouble());
    assertEquals("markov", root.at("/config/task/source/generator").asText());
    assertEquals("g", root.at("/pathNames/0").asText());
  }
}
