package org.attnpaths.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TheoryCsvTest {

  @Test
  void provenanceCommentHeaderAndOneRowPerWidth() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    TheoryCsv.write(SyntheticReports.report(), bytes);
    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    assertTrue(lines.get(0).startsWith("# provenance: attnpaths 0.1.0-TEST, git abc123"),
        lines.get(0));
    List<String> data = lines.stream().filter(l -> !l.startsWith("#")).toList();
    assertEquals(3, data.size(), "header + 2 widths");
    List<String> header = List.of(data.get(0).split(","));
    assertEquals(List.of("width", "alpha", "accuracy", "gibbs_accuracy", "gp_accuracy", "U_a",
        "U1_g", "U1_a1", "U1_d", "U1_a2", "iterations", "max_gradient",
        "min_hessian_eigenvalue", "converged", "seconds"), header);
    String[] first = data.get(1).split(",", -1);
    assertEquals(header.size(), first.length);
    assertEquals("10", first[0]);
    assertEquals("2.0", first[1]);
    assertEquals("", first[header.indexOf("min_hessian_eigenvalue")], "NaN is an empty cell");
    assertEquals("false", first[header.indexOf("converged")]);
    assertEquals("3.0", first[header.indexOf("U1_d")]);
  }
}
