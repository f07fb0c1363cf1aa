package org.attnpaths.cli.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The report's tables, built from the result files (one concept: what the tables hold). */
final class ReportTables {

  private ReportTables() {}

  /** Per width: accuracy, GP accuracy, diag U_1 (display order), certificate summary. */
  static Table results(String name, TheoryResult t, PathOrder order) {
    List<String> header = new ArrayList<>(List.of("width", "alpha", "accuracy", "gibbs_accuracy",
        "gp_accuracy", "U_a"));
    for (String l : order.labels()) header.add("U1_" + l);
    header.addAll(List.of("converged", "minimum"));
    List<List<String>> rows = new ArrayList<>();
    int[] o = order.order();
    for (TheoryResult.Width w : t.widths()) {
      List<String> r = new ArrayList<>(List.of(Integer.toString(w.width()), csv(w.alpha()),
          csv(w.accuracy()), csv(w.gibbsAccuracy()), csv(t.gpAccuracy()),
          csv(w.scalarOrderParameter())));
      for (int i : o) r.add(csv(w.u1()[i][i]));
      r.add(Boolean.toString(w.certificate().converged()));
      r.add(Boolean.toString(w.certificate().minimum()));
      rows.add(r);
    }
    return new Table(name, "Theory at each width (" + t.file().path().getFileName()
        + "): test accuracy of the mean predictor, GP limit, diagonal of U₁", header, rows);
  }

  /** The GP limit of the full network and of each path subset. */
  static Table gp(String name, TheoryResult t) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("all", csv(t.gpAccuracy())));
    for (TheoryResult.Subset s : t.subsets()) rows.add(List.of(s.name(), csv(s.accuracy())));
    return new Table(name, "GP (infinite-width) limits: test accuracy of the mean predictor",
        List.of("paths", "gp_accuracy"), rows);
  }

  /** The solver's convergence certificate at each width. */
  static Table certificates(String name, TheoryResult t) {
    List<List<String>> rows = new ArrayList<>();
    for (TheoryResult.Width w : t.widths()) {
      TheoryResult.Certificate c = w.certificate();
      rows.add(List.of(Integer.toString(w.width()), c.solver(), Boolean.toString(c.converged()),
          Boolean.toString(c.minimum()), Integer.toString(c.iterations()),
          Integer.toString(c.evaluations()), csv(c.maxGradient()), csv(c.tolerance()),
          csv(c.minHessianEigenvalue()), csv(c.wallSeconds()), c.message()));
    }
    return new Table(name, "Convergence certificates: converged = max gradient < tolerance; "
        + "minimum = converged and smallest Hessian eigenvalue > 0",
        List.of("width", "solver", "converged", "minimum", "iterations", "evaluations",
            "max_gradient", "tolerance", "min_hessian_eigenvalue", "seconds", "message"), rows);
  }

  /** The sampled network at each width. */
  static Table simulation(String name, SimulationResult s, PathOrder order) {
    List<String> header = new ArrayList<>(List.of("width", "alpha", "accuracy",
        "accuracy_standard_error", "chains"));
    for (String l : order.labels()) header.add("U1_" + l);
    header.add("warnings");
    List<List<String>> rows = new ArrayList<>();
    int[] o = order.order();
    for (SimulationResult.Width w : s.widths()) {
      List<String> r = new ArrayList<>(List.of(Integer.toString(w.width()), csv(w.alpha()),
          csv(w.accuracy()), csv(w.accuracyStandardError()), Integer.toString(w.chains())));
      for (int i : o) r.add(csv(w.u1()[i][i]));
      r.add(String.join("; ", w.warnings()));
      rows.add(r);
    }
    return new Table(name, "Sampled network (" + s.sampler() + ", "
        + s.file().path().getFileName() + "): accuracy ± standard error over chains, posterior "
        + "mean of diag U₁", header, rows);
  }

  /** Provenance of every input file, one row per field. */
  static Table provenance(String name, List<ResultFile> files) {
    List<List<String>> rows = new ArrayList<>();
    for (ResultFile f : files) {
      for (Map.Entry<String, String> e : f.provenance().entrySet()) {
        rows.add(List.of(f.path().toString(), e.getKey(), e.getValue()));
      }
    }
    return new Table(name, "Provenance of every input file", List.of("file", "field", "value"),
        rows);
  }

  /** Full precision for CSV; empty for NaN (as theory.csv). */
  static String csv(double v) {
    return Double.isFinite(v) ? Double.toString(v) : "";
  }
}
