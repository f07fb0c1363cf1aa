package org.attnpaths.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TheoryTableTest {

  @Test
  void unconvergedRowIsLoudAndWarned() {
    TheoryReport report = SyntheticReports.report();
    StringWriter text = new StringWriter();
    TheoryTable table = new TheoryTable(new PrintWriter(text), report.pathLabels(),
        SyntheticReports.TRAIN, report.gp().test().accuracy());
    table.header();
    report.results().forEach(table::row);
    table.subsets(report.gp(), report.gpSubsets());
    List<String> lines = text.toString().lines().toList();
    assertTrue(lines.get(0).contains("U1[g]") && lines.get(0).contains("U1[a2]"), lines.get(0));
    assertTrue(lines.get(1).contains("NO  <- NOT CONVERGED (max|grad| 3.0e-04 > tol 1.0e-09)"),
        lines.get(1));
    assertTrue(lines.get(2).endsWith("yes"), lines.get(2));
    assertEquals(1, table.warnings().size());
    assertTrue(table.warnings().get(0).startsWith("N=10 did not converge"));
    assertTrue(text.toString().contains("good "), text::toString);
  }
}
