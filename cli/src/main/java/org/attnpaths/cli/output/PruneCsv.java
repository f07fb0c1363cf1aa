package org.attnpaths.cli.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.attnpaths.simulation.sampler.SampledPruning.Estimate;
import org.attnpaths.theory.pruning.Head;
import org.attnpaths.theory.pruning.SingleRemoval;
import org.attnpaths.theory.pruning.WidthPruning;
import org.attnpaths.theory.saddle.Certificate;

/**
 * Writes {@code prune.csv}: a {@code # provenance} comment line, a {@code # schema} line, a
 * header, then one row per width × head (architecture order). Numbers use
 * {@code Double.toString}; non-finite or absent values (a head not removed, no {@code --simulate})
 * are empty cells.
 */
public final class PruneCsv {

  private PruneCsv() {}

  /** The header columns. */
  public static final List<String> HEADER = List.of("width", "layer", "head", "label", "name",
      "score", "raw_score", "diagonal_score", "base_accuracy", "accuracy_frozen",
      "accuracy_resolved", "accuracy_simulated", "drop_frozen", "drop_resolved", "drop_simulated",
      "drop_simulated_se", "resolved_converged", "resolved_iterations", "note");

  /** Writes the CSV of {@code report}; does not close {@code out}. */
  public static void write(PruneReport report, OutputStream out) throws IOException {
    PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    w.print(report.provenance().commentLine() + "\n");
    w.print("# schema " + PruneJson.SCHEMA + " (columns documented in prune-json.md); task "
        + report.config().taskName() + ", T=" + report.config().architecture().temperature()
        + ", readout " + report.config().architecture().readout().label() + "\n");
    w.print(String.join(",", HEADER) + "\n");
    for (PruneReport.Width pw : report.results()) {
      WidthPruning t = pw.theory();
      double base = t.baseAccuracy();
      for (int k = 0; k < t.singles().size(); k++) {
        SingleRemoval s = t.singles().get(k);
        Head h = s.head();
        Estimate simAcc = pw.simulated() == null ? null : pw.simulated().accuracies().get(k);
        Estimate simDrop = pw.simulated() == null ? null : pw.simulated().drops().get(k);
        List<String> row = new ArrayList<>();
        row.add(Integer.toString(t.width()));
        row.add(Integer.toString(h.layer()));
        row.add(Integer.toString(h.head()));
        row.add(h.label());
        row.add(name(report, h));
        row.add(cell(t.scores().normalised()[k]));
        row.add(cell(t.scores().raw()[k]));
        row.add(cell(t.scores().diagonal()[k]));
        row.add(cell(base));
        row.add(s.computed() ? cell(s.frozen().accuracy()) : "");
        row.add(s.computed() ? cell(s.resolved().test().accuracy()) : "");
        row.add(simAcc == null ? "" : cell(simAcc.value()));
        row.add(s.computed() ? cell(base - s.frozen().accuracy()) : "");
        row.add(s.computed() ? cell(base - s.resolved().test().accuracy()) : "");
        row.add(simDrop == null ? "" : cell(simDrop.value()));
        row.add(simDrop == null ? "" : cell(simDrop.standardError()));
        Certificate c = s.computed() ? s.resolved().saddlePoint().certificate() : null;
        row.add(c == null ? "" : Boolean.toString(c.converged()));
        row.add(c == null ? "" : Integer.toString(c.iterations()));
        row.add(quote(s.note()));
        w.print(String.join(",", row) + "\n");
      }
    }
    w.flush();
  }

  static String name(PruneReport report, Head h) {
    List<List<String>> names = report.headNames();
    if (h.layer() > names.size() || h.head() > names.get(h.layer() - 1).size()) return "";
    return names.get(h.layer() - 1).get(h.index());
  }

  private static String quote(String text) {
    if (text == null || text.isEmpty()) return "";
    return "\"" + text.replace("\"", "\"\"") + "\"";
  }

  private static String cell(double v) {
    return Double.isFinite(v) ? Double.toString(v) : "";
  }
}
