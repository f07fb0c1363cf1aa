package org.attnpaths.cli.output;

import java.util.List;

/**
 * Convergence diagnostics of one width's chains (issue 3 §3): split R-hat and effective sample
 * size of the test predictions f(x*) and of every order-parameter entry, and the warnings they
 * raise (R-hat &gt; {@value #MAX_R_HAT}, ESS &lt; {@value #MIN_ESS}).
 *
 * @param available whether R-hat and ESS were computed
 * @param note why not, or which estimator was used
 * @param testPredictions summary over the Q test predictions, or null when not available
 * @param orderParameters one entry per U_a and upper-triangle U_ℓ entry, or empty
 * @param warnings human-readable warnings (empty when all is well)
 */
public record ChainDiagnostics(boolean available, String note, Summary testPredictions,
    List<Entry> orderParameters, List<String> warnings) {

  /** R-hat above this is a warning (Vehtari et al. 2021). */
  public static final double MAX_R_HAT = 1.01;
  /** Fewer effective samples than this is a warning. */
  public static final double MIN_ESS = 100.0;

  public ChainDiagnostics {
    orderParameters = List.copyOf(orderParameters);
    warnings = List.copyOf(warnings);
  }

  /** No R-hat or ESS: {@code note} says why. */
  public static ChainDiagnostics unavailable(String note) {
    return new ChainDiagnostics(false, note, null, List.of(), List.of());
  }

  /**
   * Worst and median values over the test predictions.
   *
   * @param maxRHat largest split R-hat over test inputs
   * @param minEss smallest ESS
   * @param medianEss median ESS
   */
  public record Summary(double maxRHat, double minEss, double medianEss) {}

  /**
   * One order-parameter entry.
   *
   * @param name {@code U_a} or {@code U_l[i,j]} (0-based, i ≤ j)
   * @param rHat split R-hat
   * @param ess effective sample size (bulk)
   */
  public record Entry(String name, double rHat, double ess) {}
}
