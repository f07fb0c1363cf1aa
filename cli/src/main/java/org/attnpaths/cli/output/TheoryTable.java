package org.attnpaths.cli.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.attnpaths.theory.analysis.GpBaseline;
import org.attnpaths.theory.analysis.WidthResult;
import org.attnpaths.theory.saddle.Certificate;

/**
 * The console table of a theory sweep, printed row by row as widths are solved. A width whose
 * solve did not converge, or converged to a point whose Hessian is not positive definite, is
 * flagged on its row and counted for {@link #warnings()}.
 */
public final class TheoryTable {

  private final PrintWriter out;
  private final List<String> pathLabels;
  private final int trainSize;
  private final double gpAccuracy;
  private final List<String> warnings = new ArrayList<>();

  /**
   * @param out where to print; not closed
   * @param pathLabels names of the U_1 diagonal entries, in path order
   * @param trainSize P, for α = P/N
   * @param gpAccuracy test accuracy of the GP limit, repeated on every row
   */
  public TheoryTable(PrintWriter out, List<String> pathLabels, int trainSize, double gpAccuracy) {
    this.out = out;
    this.pathLabels = List.copyOf(pathLabels);
    this.trainSize = trainSize;
    this.gpAccuracy = gpAccuracy;
  }

  /** Column headings. */
  public void header() {
    StringBuilder h = new StringBuilder(String.format(Locale.ROOT, "%6s %8s %8s %8s",
        "N", "alpha", "acc", "GP acc"));
    for (String p : pathLabels) h.append(String.format(Locale.ROOT, " %9s", "U1[" + p + "]"));
    h.append(String.format(Locale.ROOT, " %6s %8s  %s", "iter", "time", "converged"));
    out.println(h);
    out.flush();
  }

  /** One width; flushed at once so a long sweep shows progress. */
  public void row(WidthResult r) {
    Certificate c = r.saddlePoint().certificate();
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%6d %8.3f %8.4f %8.4f",
        r.width(), (double) trainSize / r.width(), r.test().accuracy(), gpAccuracy));
    for (double d : r.saddlePoint().orderParameters().pathDiagonal()) {
      b.append(String.format(Locale.ROOT, " %9.4g", d));
    }
    b.append(String.format(Locale.ROOT, " %6d %7.3fs  ", c.iterations(), c.wallSeconds()));
    b.append(convergedCell(c));
    out.println(b);
    out.flush();
    if (!c.converged()) {
      warnings.add("N=" + r.width() + " did not converge (max|grad| " + shortNumber(c.maxGradient())
          + " > tol " + shortNumber(c.tolerance()) + " after " + c.iterations() + " iterations"
          + (c.message() == null || c.message().isBlank() ? "" : ": " + c.message()) + ")");
    } else if (c.minHessianEigenvalue() <= 0.0) {
      warnings.add("N=" + r.width() + " converged to a point that is not a minimum (smallest "
          + "Hessian eigenvalue " + shortNumber(c.minHessianEigenvalue()) + ")");
    }
  }

  /** The converged cell: {@code yes}, or {@code NO  <- NOT CONVERGED (...)} and similar. */
  public static String convergedCell(Certificate c) {
    if (!c.converged()) {
      return "NO  <- NOT CONVERGED (max|grad| " + shortNumber(c.maxGradient()) + " > tol "
          + shortNumber(c.tolerance()) + ")";
    }
    if (c.minHessianEigenvalue() <= 0.0) {
      return "yes <- NOT A MINIMUM (min Hessian eigenvalue "
          + shortNumber(c.minHessianEigenvalue()) + ")";
    }
    return "yes";
  }

  /** GP test accuracy of the full network and of the path subsets. */
  public void subsets(GpBaseline all, List<GpBaseline> subsets) {
    out.println();
    out.println("GP limit (N -> infinity), test accuracy of the mean predictor:");
    List<GpBaseline> rows = new ArrayList<>();
    rows.add(all);
    for (GpBaseline s : subsets) {
      if (!s.name().equals(all.name())) rows.add(s);
    }
    for (GpBaseline s : rows) {
      out.println(String.format(Locale.ROOT, "  %-20s %8.4f   heads per layer %s", s.name(),
          s.test().accuracy(), oneBased(s.heads())));
    }
    out.flush();
  }

  /** One line per unconverged or non-minimum width; empty when all is well. */
  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  private static String oneBased(List<List<Integer>> heads) {
    List<List<Integer>> labels = new ArrayList<>();
    for (List<Integer> layer : heads) {
      List<Integer> l = new ArrayList<>();
      for (int h : layer) l.add(h + 1);
      labels.add(l);
    }
    return labels.toString();
  }

  /** Two significant digits, e.g. {@code 3.1e-04}. */
  static String shortNumber(double v) {
    return String.format(Locale.ROOT, "%.1e", v);
  }
}
