package org.attnpaths.notebooks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.attnpaths.numerics.npy.NpyArray;
import org.attnpaths.numerics.npy.NpzReader;
import org.attnpaths.numerics.npy.NpzWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The .npz round-trips through the numerics reader and holds exactly the JSON's numbers. */
class ResultArraysTest {

  @TempDir
  Path dir;

  private Map<String, NpyArray> roundTrip() throws IOException {
    TheoryResult r = TheoryResult.read(Fixtures.theoryFile(dir));
    Path npz = dir.resolve("result.npz");
    NpzWriter.write(npz, ResultArrays.of(r));
    return NpzReader.read(npz);
  }

  @Test
  void numbersEqualTheJson() throws IOException {
    Map<String, NpyArray> a = roundTrip();
    JsonNode json = Fixtures.theoryJson();
    JsonNode results = json.get("results");
    int w = results.size();
    int layers = json.at("/config/architecture/layers").asInt();
    int paths = json.at("/config/architecture/paths").asInt();
    int q = json.at("/config/task/testSize").asInt();
    assertArrayEquals(new int[] {w, paths, paths}, a.get("U_1").shape());
    assertArrayEquals(new int[] {w, q}, a.get("test_mean").shape());
    assertArrayEquals(new int[0], a.get("gp_accuracy").shape());
    for (int i = 0; i < w; i++) {
      JsonNode p = results.get(i);
      assertEquals(p.get("width").asDouble(), a.get("width").data()[i]);
      assertEquals(p.get("alpha").asDouble(), a.get("alpha").data()[i]);
      assertEquals(p.at("/test/accuracy").asDouble(), a.get("accuracy").data()[i]);
      assertEquals(p.get("scalarOrderParameter").asDouble(), a.get("U_a").data()[i]);
      for (int l = 1; l <= layers; l++) {
        JsonNode u = p.get("orderParameters").get(layers - l); // JSON: U_L first
        int d = u.size();
        for (int x = 0; x < d; x++) {
          for (int y = 0; y < d; y++) {
            assertEquals(u.get(x).get(y).asDouble(),
                a.get("U_" + l).data()[(i * d + x) * d + y], "U_" + l + "[" + i + "]");
          }
        }
      }
      for (int t = 0; t < q; t++) {
        assertEquals(p.at("/test/mean").get(t).asDouble(), a.get("test_mean").data()[i * q + t]);
        assertEquals(p.at("/test/variance").get(t).asDouble(),
            a.get("test_variance").data()[i * q + t]);
      }
      JsonNode ov = p.at("/alignment/overlaps");
      for (int k = 0; k < ov.size(); k++) {
        assertEquals(ov.get(k).asDouble(), a.get("alignment_overlaps").data()[i * ov.size() + k]);
      }
    }
    assertEquals(json.at("/gp/test/accuracy").asDouble(), a.get("gp_accuracy").data()[0]);
    assertEquals(json.at("/gpSubsets/1/test/accuracy").asDouble(),
        a.get("gp_subset_accuracy").data()[1]);
    // Markov task: names g, a1, d, a2 in path order; the paper plots g, d, a1, a2
    assertArrayEquals(new double[] {0, 2, 1, 3}, a.get("path_display_order").data());
    for (NpyArray x : a.values()) assertEquals(NpyArray.FLOAT64, x.dtype(), x.name());
  }

  @Test
  void metaListsEveryArrayWithItsShape() throws IOException {
    TheoryResult r = TheoryResult.read(Fixtures.theoryFile(dir));
    Map<String, NpyArray> arrays = ResultArrays.of(r);
    ObjectNode meta = ResultArrays.meta(r, arrays, Fixtures.exporter());
    assertEquals(arrays.keySet().size(), meta.get("arrays").size());
    assertEquals("[2,4,4]", meta.at("/arrays/U_1").toString());
    assertEquals("[\"g\",\"a1\",\"d\",\"a2\"]", meta.get("pathNames").toString());
  }

  @Test
  void nullBecomesNaN() throws IOException {
    ObjectNode json = (ObjectNode) Fixtures.theoryJson();
    ((ObjectNode) json.at("/results/0/test")).putNull("accuracy");
    Path f = dir.resolve("theory.json");
    new ObjectMapper().writeValue(f.toFile(), json);
    NpyArray acc = ResultArrays.of(TheoryResult.read(f)).get("accuracy");
    assertTrue(Double.isNaN(acc.data()[0]));
  }

  @Test
  void rejectsWrongSchemaNamingTheField() throws IOException {
    ObjectNode json = (ObjectNode) Fixtures.theoryJson();
    json.put("schema", "attnpaths.simulate/1");
    Path f = dir.resolve("bad.json");
    new ObjectMapper().writeValue(f.toFile(), json);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TheoryResult.read(f));
    assertTrue(e.getMessage().contains("schema: expected \"attnpaths.theory/1\""), e.getMessage());
  }

  @Test
  void rejectsRaggedPredictions() throws IOException {
    ObjectNode json = (ObjectNode) Fixtures.theoryJson();
    ((com.fasterxml.jackson.databind.node.ArrayNode) json.at("/results/1/test/mean")).remove(0);
    Path f = dir.resolve("ragged.json");
    new ObjectMapper().writeValue(f.toFile(), json);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TheoryResult.read(f));
    assertTrue(e.getMessage().contains("results[1].test.mean/variance: expected 40 values"),
        e.getMessage());
  }

  @Test
  void rejectsMalformedJson() throws IOException {
    Path f = dir.resolve("broken.json");
    Files.writeString(f, "{\"schema\": ");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TheoryResult.read(f));
    assertTrue(e.getMessage().startsWith(f + ": not valid JSON"), e.getMessage());
  }
}
