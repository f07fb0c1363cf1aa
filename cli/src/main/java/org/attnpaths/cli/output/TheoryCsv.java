package org.attnpaths.cli.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.attnpaths.theory.analysis.WidthResult;
import org.attnpaths.theory.saddle.Certificate;

/**
 * Writes {@code theory.csv}: a {@code # provenance} comment line, a {@code # schema} line, a
 * header, then one row per width. Numbers use {@code Double.toString} (full precision, '.' as
 * decimal separator); non-finite values are empty cells.
 */
public final class TheoryCsv {

  private TheoryCsv() {}

  /** The header columns; {@code U1_<label>} for each path on the U_1 diagonal. */
  public static List<String> header(List<String> pathLabels) {
    List<String> h = new ArrayList<>(List.of("width", "alpha", "accuracy", "gibbs_accuracy",
        "gp_accuracy", "U_a"));
    for (String p : pathLabels) h.add("U1_" + p);
    h.addAll(List.of("iterations", "max_gradient", "min_hessian_eigenvalue", "converged",
        "seconds"));
    return h;
  }

  /** Writes the CSV of {@code report}; does not close {@code out}. */
  public static void write(TheoryReport report, OutputStream out) throws IOException {
    PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    w.print(report.provenance().commentLine() + "\n");
    w.print("# schema " + TheoryJson.SCHEMA + " (columns documented in theory-json.md); task "
        + report.config().taskName() + ", T=" + report.config().architecture().temperature()
        + ", readout " + report.config().architecture().readout().label() + "\n");
    w.print(String.join(",", header(report.pathLabels())) + "\n");
    double gpAccuracy = report.gp().test().accuracy();
    for (WidthResult r : report.results()) {
      Certificate c = r.saddlePoint().certificate();
      List<String> row = new ArrayList<>();
      row.add(Integer.toString(r.width()));
      row.add(cell(report.alpha(r.width())));
      row.add(cell(r.test().accuracy()));
      row.add(cell(r.test().gibbsAccuracy()));
      row.add(cell(gpAccuracy));
      row.add(cell(r.saddlePoint().orderParameters().scalar()));
      for (double d : r.saddlePoint().orderParameters().pathDiagonal()) row.add(cell(d));
      row.add(Integer.toString(c.iterations()));
      row.add(cell(c.maxGradient()));
      row.add(cell(c.minHessianEigenvalue()));
      row.add(Boolean.toString(c.converged()));
      row.add(cell(c.wallSeconds()));
      w.print(String.join(",", row) + "\n");
    }
    w.flush();
  }

  private static String cell(double v) {
    return Double.isFinite(v) ? Double.toString(v) : "";
  }
}
