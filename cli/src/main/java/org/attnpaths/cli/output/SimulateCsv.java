package org.attnpaths.cli.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@code simulate.csv}: a {@code # provenance} comment line, a {@code # schema} line, a
 * header, then one row per width (same conventions as {@link TheoryCsv}).
 */
public final class SimulateCsv {

  private SimulateCsv() {}

  /** The header columns; {@code U1_<label>} for each path on the sampled U_1 diagonal. */
  public static List<String> header(List<String> pathLabels) {
    List<String> h = new ArrayList<>(List.of("width", "alpha", "accuracy", "accuracy_se",
        "gibbs_accuracy", "U_a"));
    for (String p : pathLabels) h.add("U1_" + p);
    h.addAll(List.of("sampler", "chains", "samples", "burn_in", "max_rhat_test", "min_ess_test",
        "seconds"));
    return h;
  }

  /** Writes the CSV of {@code report}; does not close {@code out}. */
  public static void write(SimulateReport report, OutputStream out) throws IOException {
    PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    w.print(report.provenance().commentLine() + "\n");
    w.print("# schema " + SimulateJson.SCHEMA + " (columns documented in simulate-json.md); task "
        + report.config().taskName() + ", T=" + report.config().architecture().temperature()
        + ", readout " + report.config().architecture().readout().label() + "\n");
    w.print(String.join(",", header(report.pathLabels())) + "\n");
    for (SampledWidth r : report.results()) {
      List<String> row = new ArrayList<>();
      row.add(Integer.toString(r.width()));
      row.add(cell(report.alpha(r.width())));
      row.add(cell(r.test().accuracy()));
      row.add(cell(r.accuracyStandardError()));
      row.add(cell(r.test().gibbsAccuracy()));
      row.add(cell(r.orderParameters().scalar()));
      for (double d : r.orderParameters().pathDiagonal()) row.add(cell(d));
      row.add(r.sampler());
      row.add(Integer.toString(r.chains().size()));
      row.add(Integer.toString(r.totalSamples()));
      row.add(Integer.toString(r.burnIn()));
      ChainDiagnostics.Summary s = r.diagnostics().testPredictions();
      row.add(s == null ? "" : cell(s.maxRHat()));
      row.add(s == null ? "" : cell(s.minEss()));
      row.add(cell(r.wallSeconds()));
      w.print(String.join(",", row) + "\n");
    }
    w.flush();
  }

  private static String cell(double v) {
    return Double.isFinite(v) ? Double.toString(v) : "";
  }
}
