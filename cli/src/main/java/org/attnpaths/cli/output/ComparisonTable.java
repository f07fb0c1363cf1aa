package org.attnpaths.cli.output;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Prints theory and simulation side by side, one block of lines per width. */
public final class ComparisonTable {

  private final PrintWriter out;
  private final List<String> labels;

  /** @param labels path labels of the U_1 diagonal */
  public ComparisonTable(PrintWriter out, List<String> labels) {
    this.out = out;
    this.labels = List.copyOf(labels);
  }

  /** The accuracy line and the U_1 lines of one width. */
  public void width(WidthComparison c) {
    out.printf(Locale.ROOT, "N=%d  accuracy: theory %.1f %%, sampled %s, GP %.1f %%; "
        + "|U1_sampled - U1_theory|/|U1_theory| = %.3f%n", c.width(), 100 * c.theoryAccuracy(),
        percent(c.sampledAccuracy(), c.sampledStandardError()), 100 * c.gpAccuracy(),
        c.frobenius());
    StringBuilder t = new StringBuilder("   U1 diagonal  theory ");
    StringBuilder s = new StringBuilder("                sampled");
    for (int i = 0; i < labels.size(); i++) {
      t.append(String.format(Locale.ROOT, "  %s %7.3f", labels.get(i), c.theoryDiagonal()[i]));
      s.append(String.format(Locale.ROOT, "  %s %7.3f", labels.get(i), c.sampledDiagonal()[i]));
    }
    out.println(t);
    out.println(s);
    StringBuilder o = new StringBuilder("   U1 largest off-diagonal (theory / sampled):");
    for (WidthComparison.Entry e : c.offDiagonal()) {
      o.append(String.format(Locale.ROOT, "  %s-%s %.3f / %.3f", labels.get(e.i()),
          labels.get(e.j()), e.theory(), e.sampled()));
    }
    out.println(o);
    out.flush();
  }

  /** {@code 91.2 ± 0.4 %}, or without the error when it is not defined. */
  public static String percent(double accuracy, double standardError) {
    return Double.isFinite(standardError)
        ? String.format(Locale.ROOT, "%.1f ± %.1f %%", 100 * accuracy, 100 * standardError)
        : String.format(Locale.ROOT, "%.1f %%", 100 * accuracy);
  }
}
