package org.attnpaths.cli.option;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.attnpaths.theory.model.Architecture;
import org.attnpaths.theory.model.Readout;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The network: widths to sweep, temperature, prior variances and readout (spec §1–2.4). Head
 * counts come from the task. Every value is checked while parsing; the variance count needs L
 * and is checked in {@link #architecture}.
 */
public final class ArchitectureOptions {

  /** The paper's Fig. 2c widths. */
  public static final String DEFAULT_WIDTHS = "10,30,50,100,300,500,1000";

  @Spec(Spec.Target.MIXEE)
  private CommandSpec mixee;

  private List<Integer> widths;
  private double temperature;
  private List<Double> variances;
  private Readout readout = Readout.LAST;

  @Option(names = "--widths", split = ",", hideParamSyntax = true,
      paramLabel = "N[,N...]", order = 200,
      defaultValue = DEFAULT_WIDTHS,
      description = "Widths N to solve, in this order; every layer width N_1..N_L and the readout "
          + "width N_a equal N. Default: ${DEFAULT-VALUE} (prune: 10).")
  void setWidths(List<Integer> values) {
    for (int n : values) {
      if (n < 1) throw bad("--widths: expected positive integers, got " + n);
    }
    widths = List.copyOf(values); // picocli may pass an empty list first; checked in widths()
  }

  @Option(names = "--temperature", paramLabel = "T", order = 210, defaultValue = "0.01",
      description = "Gibbs temperature T > 0 (likelihood noise variance). "
          + "Default: ${DEFAULT-VALUE}.")
  void setTemperature(double t) {
    if (!(t > 0.0) || !Double.isFinite(t)) {
      throw bad("--temperature: expected a finite temperature T > 0, got " + t);
    }
    temperature = t;
  }

  @Option(names = "--variances", split = ",", hideParamSyntax = true,
      paramLabel = "VAR[,VAR...]", order = 220,
      defaultValue = "1",
      description = "Prior variances (not standard deviations): one value for all, or L+2 values "
          + "sigma_0^2, sigma_1^2..sigma_L^2, sigma_a^2. Default: ${DEFAULT-VALUE}.")
  void setVariances(List<Double> values) { // may be called with an empty list first
    for (double v : values) {
      if (!(v > 0.0) || !Double.isFinite(v)) {
        throw bad("--variances: expected finite values > 0, got " + v);
      }
    }
    variances = List.copyOf(values);
  }

  @Option(names = "--readout", paramLabel = "last|first|average", order = 230,
      defaultValue = "last",
      description = "Readout token of the last layer: last, first, or average (query-averaged "
          + "attention, as for image tasks). Default: ${DEFAULT-VALUE}, for the built-in Markov "
          + "task and task files alike (an exported task read back gives the same numbers).")
  void setReadout(String text) {
    try {
      readout = Readout.parse(text);
    } catch (IllegalArgumentException e) {
      throw bad("--readout: expected last, first or average, got '" + text + "'");
    }
  }

  /** The widths to solve, in order (at least one). */
  public List<Integer> widths() {
    if (widths == null || widths.isEmpty()) throw bad("--widths: expected at least one width");
    return widths;
  }

  public double temperature() {
    return temperature;
  }

  public Readout readout() {
    return readout;
  }

  /**
   * The base architecture for a task with these head counts: widths all equal to the first
   * swept width (the sweep overrides them), variances expanded to L+2 entries.
   *
   * @throws ParameterException if the variance count is neither 1 nor L+2
   */
  public Architecture architecture(List<Integer> heads) {
    int l = heads.size();
    List<Integer> ws = widths();
    List<Double> expanded;
    if (variances.size() == 1) {
      expanded = Collections.nCopies(l + 2, variances.get(0));
    } else if (variances.size() == l + 2) {
      expanded = new ArrayList<>(variances);
    } else {
      throw bad("--variances: expected 1 value or L+2 = " + (l + 2) + " values (sigma_0^2, "
          + "sigma_1^2..sigma_" + l + "^2, sigma_a^2) for this " + l + "-layer task, got "
          + variances.size());
    }
    return new Architecture(heads, Collections.nCopies(l + 1, ws.get(0)), expanded,
        temperature, readout);
  }

  private ParameterException bad(String message) {
    return new ParameterException(mixee.commandLine(), message);
  }
}
