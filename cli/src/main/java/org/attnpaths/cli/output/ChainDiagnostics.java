package org.attnpaths.cli.output;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.attnpaths.numerics.mcmc.EffectiveSampleSize;
import org.attnpaths.numerics.mcmc.Rhat;
import org.attnpaths.simulation.sampler.PosteriorSample;
import org.attnpaths.simulation.sampler.SampledChains;
import org.ejml.data.DMatrixRMaj;

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

  /** A copy with {@code more} warnings appended. */
  public ChainDiagnostics withWarnings(List<String> more) {
    List<String> all = new ArrayList<>(warnings);
    all.addAll(more);
    return new ChainDiagnostics(available, note, testPredictions, orderParameters, all);
  }

  /** Retained samples per chain below which ESS is not estimated (the estimator's minimum). */
  public static final int MIN_SAMPLES_PER_CHAIN = 8;

  /**
   * Split R-hat ({@link Rhat#split}) and ESS ({@link EffectiveSampleSize}) of every test
   * prediction and every order-parameter entry (U_a and the upper triangle of each U_ℓ).
   *
   * @param sampled chains of equal length; not modified
   */
  public static ChainDiagnostics of(SampledChains sampled) {
    List<List<PosteriorSample>> chains = sampled.chains();
    int n = chains.get(0).size();
    for (List<PosteriorSample> c : chains) n = Math.min(n, c.size());
    if (n < MIN_SAMPLES_PER_CHAIN) {
      return unavailable("split R-hat and ESS need >= " + MIN_SAMPLES_PER_CHAIN
          + " samples per chain, got " + n);
    }
    int m = chains.size();
    int q = chains.get(0).get(0).testOutputs().length;
    double[][] draws = new double[m][n];
    double maxRHat = 0.0;
    double[] ess = new double[q];
    int highRHat = 0;
    for (int j = 0; j < q; j++) {
      for (int c = 0; c < m; c++) {
        for (int s = 0; s < n; s++) draws[c][s] = chains.get(c).get(s).testOutput(j);
      }
      double r = Rhat.split(draws);
      ess[j] = EffectiveSampleSize.of(draws);
      if (r > MAX_R_HAT) highRHat++;
      if (r > maxRHat || Double.isNaN(r)) maxRHat = r;
    }
    double[] sorted = ess.clone();
    Arrays.sort(sorted);
    Summary test = new Summary(maxRHat, sorted[0], sorted[q / 2]);
    List<String> warnings = new ArrayList<>();
    if (highRHat > 0) {
      warnings.add(String.format(Locale.ROOT, "split R-hat > %.2f for %d of %d test "
          + "predictions (max %.3f): chains disagree, sample longer", MAX_R_HAT, highRHat, q,
          maxRHat));
    }
    if (test.minEss() < MIN_ESS) {
      warnings.add(String.format(Locale.ROOT, "ESS of the test predictions as low as %.0f "
          + "(< %.0f)", test.minEss(), MIN_ESS));
    }
    List<Entry> entries = new ArrayList<>();
    entries.add(entry("U_a", draws, chains, n, s -> s.orderParameters().scalar()));
    int layers = chains.get(0).get(0).orderParameters().layerCount();
    for (int l = 1; l <= layers; l++) {
      int d = chains.get(0).get(0).orderParameters().u(l).numRows;
      for (int i = 0; i < d; i++) {
        for (int k = i; k < d; k++) {
          int layer = l;
          int row = i;
          int col = k;
          entries.add(entry("U_" + l + "[" + i + "," + k + "]", draws, chains, n,
              s -> entryOf(s.orderParameters().u(layer), row, col)));
        }
      }
    }
    for (Entry e : entries) {
      if (e.rHat() > MAX_R_HAT || e.ess() < MIN_ESS) {
        warnings.add(String.format(Locale.ROOT, "%s: split R-hat %.3f, ESS %.0f", e.name(),
            e.rHat(), e.ess()));
      }
    }
    return new ChainDiagnostics(true, "split R-hat (Gelman et al. BDA3 §11.4) and bulk ESS "
        + "(Geyer initial positive sequence) over " + m + " chains x " + n + " samples",
        test, entries, warnings);
  }

  private static double entryOf(DMatrixRMaj u, int i, int k) {
    return u.get(i, k);
  }

  private static Entry entry(String name, double[][] draws, List<List<PosteriorSample>> chains,
      int n, java.util.function.ToDoubleFunction<PosteriorSample> value) {
    for (int c = 0; c < chains.size(); c++) {
      for (int s = 0; s < n; s++) draws[c][s] = value.applyAsDouble(chains.get(c).get(s));
    }
    return new Entry(name, Rhat.split(draws), EffectiveSampleSize.of(draws));
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
