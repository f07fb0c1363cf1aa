package org.attnpaths.cli.option;

import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * How the finite-network posterior is sampled (issue 3 §2, spec §8): sampler, chains, burn-in,
 * retained samples and threads. Every value is checked while parsing.
 */
public final class SamplerOptions {

  /** The samplers of issue 3 §2. */
  public enum Method {
    /** Exact blocked Gibbs: each layer's conditional is Gaussian and drawn exactly. */
    GIBBS,
    /** Hamiltonian Monte Carlo with step-size adaptation during burn-in. */
    HMC,
    /** Langevin dynamics: noisy gradient descent at temperature T. */
    LANGEVIN;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  @Spec(Spec.Target.MIXEE)
  private CommandSpec mixee;

  private Method method = Method.GIBBS;
  private Integer samples;
  private Integer burnIn;
  private int defaultSamples = 100;
  private int defaultBurnIn = 100;
  private int chains = 4;
  private Integer threads;

  @Option(names = "--sampler", paramLabel = "gibbs|hmc|langevin", order = 500,
      defaultValue = "gibbs",
      description = "Posterior sampler: gibbs (exact blocked Gibbs, one layer at a time), hmc "
          + "(Hamiltonian Monte Carlo) or langevin (noisy gradient descent). "
          + "Default: ${DEFAULT-VALUE}.")
  void setSampler(String text) {
    try {
      method = Method.valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw bad("--sampler: expected gibbs, hmc or langevin, got '" + text + "'");
    }
  }

  @Option(names = "--samples", paramLabel = "S", order = 510,
      description = "Retained samples per chain (one per Gibbs sweep or sampler step). "
          + "Default: 100 (validate: 400).")
  void setSamples(int s) {
    if (s < 1) throw bad("--samples: expected an integer >= 1, got " + s);
    samples = s;
  }

  @Option(names = "--burn-in", paramLabel = "B", order = 520,
      description = "Sweeps (steps) discarded at the start of each chain (HMC and Langevin adapt "
          + "their step size during them). Default: 100 (validate: 200).")
  void setBurnIn(int b) {
    if (b < 0) throw bad("--burn-in: expected an integer >= 0, got " + b);
    burnIn = b;
  }

  @Option(names = "--chains", paramLabel = "C", order = 530, defaultValue = "4",
      description = "Independent chains, each started from a prior draw; at least 2 are needed "
          + "for split R-hat across chains and for the standard error of the accuracy. "
          + "Default: ${DEFAULT-VALUE}.")
  void setChains(int c) {
    if (c < 1) throw bad("--chains: expected an integer >= 1, got " + c);
    chains = c;
  }

  @Option(names = "--threads", paramLabel = "K", order = 540,
      description = "Threads running chains in parallel; the samples do not depend on it. "
          + "Default: min(chains, available processors).")
  void setThreads(int k) {
    if (k < 1) throw bad("--threads: expected an integer >= 1, got " + k);
    threads = k;
  }

  public Method method() {
    return method;
  }

  /** Sets the values used when {@code --samples} or {@code --burn-in} is not given. */
  public void defaults(int samples, int burnIn) {
    defaultSamples = samples;
    defaultBurnIn = burnIn;
  }

  public int samples() {
    return samples != null ? samples : defaultSamples;
  }

  public int burnIn() {
    return burnIn != null ? burnIn : defaultBurnIn;
  }

  public int chains() {
    return chains;
  }

  /** Threads to use: {@code --threads}, or min(chains, available processors). */
  public int threads() {
    if (threads != null) return threads;
    return Math.max(1, Math.min(chains, Runtime.getRuntime().availableProcessors()));
  }

  private ParameterException bad(String message) {
    return new ParameterException(mixee.commandLine(), message);
  }
}
