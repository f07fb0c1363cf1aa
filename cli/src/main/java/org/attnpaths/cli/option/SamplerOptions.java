package org.attnpaths.cli.option;

import java.util.Locale;
import org.attnpaths.simulation.sampler.MassMatrix;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * How the finite-network posterior is sampled (issue 3 §2, spec §8): sampler, chains, burn-in,
 * retained samples, threads, and the preconditioner, step size and trajectory length of the
 * gradient-based samplers. Every value is checked while parsing; {@link #validate} checks the
 * combinations.
 */
public final class SamplerOptions {

  /** The samplers of issue 3 §2. */
  public enum Method {
    /** Exact blocked Gibbs: each layer's conditional is Gaussian and drawn exactly. */
    GIBBS,
    /** Hamiltonian Monte Carlo with step-size adaptation during burn-in. */
    HMC,
    /** Metropolis-adjusted Langevin (MALA): noisy gradient descent with a Metropolis test. */
    LANGEVIN,
    /** Unadjusted Langevin (ULA): noisy gradient descent at a fixed step, O(η) bias. */
    ULA;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the method integrates gradients (and so has a step size and a mass matrix). */
    public boolean gradientBased() {
      return this != GIBBS;
    }
  }

  /** Initial MALA step (whitened units with the prior or adapted mass); adapted during burn-in. */
  public static final double DEFAULT_LANGEVIN_STEP = 1e-3;
  /**
   * ULA's fixed step (whitened units): stable (no divergence) on the joint potential of the
   * built-in Markov task at N = 100 and 1000, T = 0.01 (BENCHMARKS.md), but far too small to mix.
   */
  public static final double DEFAULT_ULA_STEP = 1e-5;

  @Spec(Spec.Target.MIXEE)
  private CommandSpec mixee;

  private Method method = Method.GIBBS;
  private Integer samples;
  private Integer burnIn;
  private int defaultSamples = 100;
  private int defaultBurnIn = 100;
  private int chains = 4;
  private Integer threads;
  private MassMatrix massMatrix;
  private Double stepSize;
  private double trajectoryLength = Math.PI;
  private Boolean marginal;

  @Option(names = "--sampler", paramLabel = "gibbs|hmc|langevin|ula", order = 500,
      defaultValue = "gibbs",
      description = "Posterior sampler: gibbs (exact blocked Gibbs, one layer at a time), hmc "
          + "(Hamiltonian Monte Carlo), langevin (noisy gradient descent with a Metropolis test, "
          + "MALA) or ula (unadjusted noisy gradient descent, biased by O(step)). "
          + "Default: ${DEFAULT-VALUE}.")
  void setSampler(String text) {
    try {
      method = Method.valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw bad("--sampler: expected gibbs, hmc, langevin or ula, got '" + text + "'");
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

  @Option(names = "--mass-matrix", paramLabel = "unit|prior|adapted|pooled", order = 550,
      description = "Diagonal preconditioner of hmc, langevin and ula: unit (none), prior "
          + "(every weight whitened by its block's prior variance sigma^2), adapted (from "
          + "prior, then the variance of the burn-in draws in Stan's windows) or pooled (as "
          + "adapted, averaged over exchangeable weights: one value per head matrix and per "
          + "input column of V^0); adapted and pooled not for ula. Default: pooled (ula: prior).")
  void setMassMatrix(String text) {
    try {
      massMatrix = MassMatrix.valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw bad("--mass-matrix: expected unit, prior, adapted or pooled, got '" + text + "'");
    }
  }

  @Option(names = "--step-size", paramLabel = "ETA", order = 560,
      description = "Step size of hmc (initial; default: searched), langevin (initial; default "
          + DEFAULT_LANGEVIN_STEP + ") or ula (fixed; default " + DEFAULT_ULA_STEP + "), in the "
          + "units of the mass matrix.")
  void setStepSize(double eta) {
    if (!(eta > 0.0 && eta < Double.POSITIVE_INFINITY)) {
      throw bad("--step-size: expected a finite number > 0, got " + eta);
    }
    stepSize = eta;
  }

  @Option(names = "--trajectory-length", paramLabel = "LAMBDA", order = 570,
      description = "HMC trajectory length (leapfrog steps = length / step, jittered by up to "
          + "half, at most 1024). Default: pi.")
  void setTrajectoryLength(double length) {
    if (!(length > 0.0 && length < Double.POSITIVE_INFINITY)) {
      throw bad("--trajectory-length: expected a finite number > 0, got " + length);
    }
    trajectoryLength = length;
  }

  @Option(names = "--potential", paramLabel = "marginal|joint", order = 545,
      description = "What hmc, langevin and ula move: marginal (the weights below the readout, "
          + "with the readout a integrated out exactly and drawn from its Gaussian conditional "
          + "for every retained sample; removes the stiffest directions of the posterior) or "
          + "joint (all weights, as in plain noisy gradient descent). "
          + "Default: marginal (ula: joint).")
  void setPotential(String text) {
    switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "marginal" -> marginal = true;
      case "joint" -> marginal = false;
      default -> throw bad("--potential: expected marginal or joint, got '" + text + "'");
    }
  }

  /** Checks the combinations: the gradient options need a gradient-based sampler, ula no adaptation. */
  public void validate() {
    if (!method.gradientBased()) {
      if (massMatrix != null) throw bad("--mass-matrix: only for hmc, langevin or ula, not gibbs");
      if (stepSize != null) throw bad("--step-size: only for hmc, langevin or ula, not gibbs");
      if (marginal != null) throw bad("--potential: only for hmc, langevin or ula, not gibbs");
    }
    if (method != Method.HMC && trajectoryLength != Math.PI) {
      throw bad("--trajectory-length: only for hmc, not " + method.label());
    }
    if (method == Method.ULA && massMatrix != null && massMatrix.adapted()) {
      throw bad("--mass-matrix: expected unit or prior for ula (its bias depends on the mass "
          + "matrix, so it is not adapted), got " + massMatrix.label());
    }
  }

  /** The mass matrix: {@code --mass-matrix}, else pooled (ula: prior); null for Gibbs. */
  public MassMatrix massMatrix() {
    if (!method.gradientBased()) return null;
    if (massMatrix != null) return massMatrix;
    return method == Method.ULA ? MassMatrix.PRIOR : MassMatrix.POOLED;
  }

  /**
   * The (initial) step size: {@code --step-size}, else NaN for HMC (searched), the Langevin
   * defaults, NaN for Gibbs.
   */
  public double stepSize() {
    if (stepSize != null) return stepSize;
    return switch (method) {
      case LANGEVIN -> DEFAULT_LANGEVIN_STEP;
      case ULA -> DEFAULT_ULA_STEP;
      default -> Double.NaN;
    };
  }

  /**
   * Whether the gradient sampler moves on the readout-marginal potential ({@code --potential}):
   * default true for hmc and langevin, false for ula; false for Gibbs.
   */
  public boolean marginalReadout() {
    if (!method.gradientBased()) return false;
    if (marginal != null) return marginal;
    return method != Method.ULA;
  }

  /** HMC trajectory length λ; NaN for the other samplers. */
  public double trajectoryLength() {
    return method == Method.HMC ? trajectoryLength : Double.NaN;
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
