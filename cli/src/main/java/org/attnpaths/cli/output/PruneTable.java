package org.attnpaths.cli.output;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.attnpaths.numerics.stats.SpearmanCorrelation;
import org.attnpaths.simulation.sampler.SampledPruning.Estimate;
import org.attnpaths.theory.pruning.CumulativeCurve;
import org.attnpaths.theory.pruning.Head;
import org.attnpaths.theory.pruning.SingleRemoval;
import org.attnpaths.theory.pruning.WidthPruning;

/**
 * The readable stdout summary of {@code attnpaths prune}: per width one row per head (label,
 * name, score, accuracy drops in points), the cumulative curves and the Spearman correlations.
 */
public final class PruneTable {
  private final PrintWriter out;
  private final List<List<String>> headNames;

  public PruneTable(PrintWriter out, List<List<String>> headNames) {
    this.out = out;
    this.headNames = headNames;
  }

  /** Prints one width: heads, cumulative curves (accuracy after 0, 1, 2, … removals), Spearman. */
  public void width(WidthPruning t, SimulatedPruning sim) {
    double base = t.baseAccuracy();
    out.printf(Locale.ROOT, "N=%d: full network, theory accuracy %.1f %%%s%n", t.width(), 100 * base,
        sim == null ? "" : String.format(Locale.ROOT, ", sampled %s",
            percent(sim.base().value(), sim.base().standardError())));
    out.printf(Locale.ROOT, "  %-6s %-16s %6s %8s   accuracy drop (points): %s%n", "head", "name",
        "score", "raw", sim == null ? "frozen, resolved" : "frozen, resolved, simulated");
    for (int k = 0; k < t.singles().size(); k++) {
      SingleRemoval s = t.singles().get(k);
      Head h = s.head();
      String name = h.layer() <= headNames.size() && h.head() <= headNames.get(h.layer() - 1).size()
          ? headNames.get(h.layer() - 1).get(h.index()) : "";
      StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-6s %-16s %6.3f %8.3f  ",
          h.label(), name, t.scores().normalised()[k], t.scores().raw()[k]));
      if (!s.computed()) {
        row.append(" ").append(s.note());
      } else {
        row.append(String.format(Locale.ROOT, " %6.1f %8.1f", 100 * (base - s.frozen().accuracy()),
            100 * (base - s.resolved().test().accuracy())));
        if (sim != null) {
          Estimate d = sim.drops().get(k);
          row.append(String.format(Locale.ROOT, " %14s", Double.isFinite(d.standardError())
              ? String.format(Locale.ROOT, "%.1f ± %.1f", 100 * d.value(), 100 * d.standardError())
              : String.format(Locale.ROOT, "%.1f", 100 * d.value())));
        }
        if (!s.resolved().saddlePoint().certificate().isMinimum()) row.append("  (re-solve not certified)");
      }
      out.println(row);
    }
    String method = t.method().label();
    curve("score order, " + method, t.score());
    curve("reverse order, " + method, t.reverse());
    if (!t.random().isEmpty()) {
      double[] mean = new RandomOrderSummary(t.random()).mean;
      out.printf(Locale.ROOT, "  %-30s %s %%%n", "random orders (mean of " + t.random().size()
          + "), " + method + ":", points(mean));
    }
    if (sim != null && sim.score() != null) {
      out.printf(Locale.ROOT, "  %-30s %s %%%n", "score order, simulated:", points(sim.score()));
    }
    if (sim != null && sim.reverse() != null) {
      out.printf(Locale.ROOT, "  %-30s %s %%%n", "reverse order, simulated:",
          points(sim.reverse()));
    }
    out.printf(Locale.ROOT, "  Spearman(score, drop): frozen %s, resolved %s%s%n",
        rho(t.frozenSpearman()), rho(t.resolvedSpearman()),
        sim == null ? "" : ", simulated " + rho(sim.spearman()));
    out.println();
    out.flush();
  }

  private void curve(String name, CumulativeCurve c) {
    if (c == null) return;
    StringBuilder removed = new StringBuilder();
    for (Head h : c.removed()) removed.append(' ').append(h.label());
    out.printf(Locale.ROOT, "  %-30s %s %%  (removed%s)%n", name + ":", points(c.accuracies()),
        removed);
  }

  private static String points(double[] a) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < a.length; i++) {
      if (i > 0) sb.append(" → ");
      sb.append(String.format(Locale.ROOT, "%.1f", 100 * a[i]));
    }
    return sb.toString();
  }

  private static String rho(SpearmanCorrelation.Test s) {
    if (Double.isNaN(s.rho())) return "undefined";
    return String.format(Locale.ROOT, "rho %.2f (p %.3g, %s)", s.rho(), s.pValue(), s.method());
  }

  private static String percent(double v, double se) {
    return Double.isFinite(se) ? String.format(Locale.ROOT, "%.1f ± %.1f %%", 100 * v, 100 * se)
        : String.format(Locale.ROOT, "%.1f %%", 100 * v);
  }
}
