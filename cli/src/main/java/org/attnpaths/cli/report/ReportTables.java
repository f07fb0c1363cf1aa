package org.attnpaths.cli.report;

import org.attnpaths.notebooks.results.ResultFile;
import org.attnpaths.notebooks.results.SimulationResult;
import org.attnpaths.notebooks.results.PruneResult;
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

  /** Head pruning: one row per width and head. */
  static Table pruneHeads(String name, PruneResult prune) {
    List<String> header = new ArrayList<>(List.of("width", "head", "name", "score", "raw_score",
        "diagonal_score"));
    for (String m : PruneResult.METHODS) header.add("accuracy_" + m);
    for (String m : PruneResult.METHODS) header.add("drop_" + m);
    header.addAll(List.of("simulated_drop_standard_error", "resolved_converged", "note"));
    List<List<String>> rows = new ArrayList<>();
    for (PruneResult.Width w : prune.widths()) {
      for (PruneResult.Head h : w.heads()) {
        List<String> r = new ArrayList<>(List.of(Integer.toString(w.width()), h.label(), h.name(),
            csv(h.score()), csv(h.rawScore()), csv(h.diagonalScore())));
        for (String m : PruneResult.METHODS) r.add(csv(h.accuracy().getOrDefault(m, Double.NaN)));
        for (String m : PruneResult.METHODS) r.add(csv(h.drop().getOrDefault(m, Double.NaN)));
        r.add(csv(h.simulatedDropStandardError()));
        r.add(Boolean.toString(h.resolvedConverged()));
        r.add(h.note());
        rows.add(r);
      }
    }
    return new Table(name, "Head pruning (" + prune.file().path().getFileName() + "): score of "
        + "each head (normalised to the largest) and test accuracy without it; drop = base − "
        + "accuracy", header, rows);
  }

  /** Cumulative pruning: one row per width and number of heads removed. */
  static Table pruneCumulative(String name, PruneResult prune) {
    List<String> header = List.of("width", "removed", "score_order", "reverse_order",
        "random_mean", "random_std", "random_min", "random_max", "simulated_score_order",
        "simulated_reverse_order", "removed_in_score_order", "removed_in_reverse_order");
    List<List<String>> rows = new ArrayList<>();
    for (PruneResult.Width w : prune.widths()) {
      int steps = 0;
      for (double[] c : w.cumulative().values()) steps = Math.max(steps, c.length);
      for (int k = 0; k < steps; k++) {
        rows.add(List.of(Integer.toString(w.width()), Integer.toString(k),
            at(w.cumulative().get("score"), k), at(w.cumulative().get("reverse"), k),
            at(w.cumulative().get("random"), k), at(w.randomStd(), k), at(w.randomMin(), k),
            at(w.randomMax(), k), at(w.simulatedCumulative().get("score"), k),
            at(w.simulatedCumulative().get("reverse"), k),
            k == 0 ? "" : label(w.removed().get("score"), k - 1),
            k == 0 ? "" : label(w.removed().get("reverse"), k - 1)));
      }
    }
    return new Table(name, "Cumulative pruning (" + prune.cumulativeMethod() + " theory): test "
        + "accuracy after removing k heads in score order, reverse order and random orders",
        header, rows);
  }

  /** Rank correlation of score and accuracy drop, per width and method. */
  static Table pruneSpearman(String name, PruneResult prune) {
    List<List<String>> rows = new ArrayList<>();
    for (PruneResult.Width w : prune.widths()) {
      for (PruneResult.Spearman s : w.spearman()) {
        rows.add(List.of(Integer.toString(w.width()), s.method(), csv(s.rho()), csv(s.pValue()),
            s.test(), Integer.toString(s.permutations())));
      }
    }
    return new Table(name, "Spearman rank correlation of head score and accuracy drop; one-sided "
        + "permutation p-value (alternative: high score, large drop)", List.of("width", "method",
            "rho", "p_value", "test", "permutations"), rows);
  }

  /** Path relevance: diagonal of U_1 against its GP value, per width and path. */
  static Table prunePaths(String name, PruneResult prune) {
    List<List<String>> rows = new ArrayList<>();
    for (PruneResult.Width w : prune.widths()) {
      for (PruneResult.PathRelevance r : w.pathRelevance()) {
        rows.add(List.of(Integer.toString(w.width()), Integer.toString(r.path()), r.label(),
            csv(r.diagonal()), csv(r.gp()), csv(r.ratio())));
      }
    }
    return new Table(name, "Path relevance: U₁^ππ at the saddle point against its GP value",
        List.of("width", "path", "label", "U1_diagonal", "gp", "ratio"), rows);
  }

  private static String at(double[] v, int k) {
    return v != null && k < v.length ? csv(v[k]) : "";
  }

  private static String label(List<String> labels, int k) {
    return labels != null && k < labels.size() ? labels.get(k) : "";
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
