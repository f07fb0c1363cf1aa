package org.attnpaths.cli.command;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import org.attnpaths.cli.option.SamplerOptions;
import org.attnpaths.cli.output.ChainDiagnostics;
import org.attnpaths.cli.output.SampledWidth;
import org.attnpaths.numerics.linalg.LinearAlgebraBackend;
import org.attnpaths.numerics.random.NormalSampler;
import org.attnpaths.simulation.network.FiniteNetwork;
import org.attnpaths.simulation.network.NetworkWeights;
import org.attnpaths.simulation.network.PathOutputs;
import org.attnpaths.simulation.sampler.BlockedGibbsSampler;
import org.attnpaths.simulation.sampler.ChainRunner;
import org.attnpaths.simulation.sampler.ChainSamples;
import org.attnpaths.simulation.sampler.ChainStatistics;
import org.attnpaths.simulation.sampler.HamiltonianMonteCarlo;
import org.attnpaths.simulation.sampler.LangevinDynamics;
import org.attnpaths.simulation.sampler.PosteriorPotential;
import org.attnpaths.simulation.sampler.PosteriorSample;
import org.attnpaths.simulation.sampler.ReadoutMarginalPotential;
import org.attnpaths.simulation.sampler.RunSettings;
import org.attnpaths.simulation.sampler.SampleFunctional;
import org.attnpaths.simulation.sampler.SampledPruning;
import org.attnpaths.simulation.sampler.SampledChains;
import org.attnpaths.simulation.sampler.Sampler;
import org.attnpaths.theory.action.OrderParameters;
import org.attnpaths.theory.analysis.TheorySweep;
import org.attnpaths.theory.model.Architecture;
import org.attnpaths.theory.path.PathFeatures;
import org.ejml.data.DMatrixRMaj;

/**
 * Samples the finite network of a {@link TheorySweep}'s task at each width, from the very same
 * path features the theory uses (spec §3.2, §8), and summarises each width as a {@link
 * SampledWidth}. Gibbs uses {@link BlockedGibbsSampler}; HMC and Langevin run through {@link
 * ChainRunner} on the {@link PosteriorPotential}, every chain starting from a prior draw.
 */
final class Simulation {

  private final TheorySweep sweep;
  private final LinearAlgebraBackend backend;
  private final SamplerOptions options;
  private final long seed;
  private final Progress progress;

  Simulation(TheorySweep sweep, LinearAlgebraBackend backend, SamplerOptions options, long seed,
      Progress progress) {
    this.sweep = sweep;
    this.backend = backend;
    this.options = options;
    this.seed = seed;
    this.progress = progress;
  }

  /**
   * The seed of a width's chains: a function of the run's seed and the width only, so a width
   * gives the same samples whichever other widths are run with it.
   */
  static long widthSeed(long seed, int width) {
    return new SplittableRandom(seed).split().nextLong() ^ (0x9E3779B97F4A7C15L * width);
  }

  /** Samples every width in order, handing each result to {@code onEach} as it is done. */
  List<SampledWidth> run(List<Integer> widths, Consumer<SampledWidth> onEach) {
    List<SampledWidth> out = new ArrayList<>();
    countSteps(widths.size());
    for (int i = 0; i < widths.size(); i++) {
      int n = widths.get(i);
      stage(n, i, widths.size());
      SampledWidth r = run(n);
      out.add(r);
      if (onEach != null) onEach.accept(r);
    }
    return out;
  }

  /**
   * Starts the progress count: every sweep (Gibbs) or transition of every chain at {@code widths}
   * widths is one task, counted by {@link #run(int)} as the chains make them.
   */
  void countSteps(int widths) {
    long perWidth = (long) options.chains() * (options.burnIn() + options.samples());
    progress.tasks(perWidth * widths, stepName());
  }

  /** Names the width being sampled in the progress line. */
  void stage(int width, int index, int count) {
    progress.stage(String.format(Locale.ROOT, "sampling N=%d (%d/%d): %d chains x %d %s",
        width, index + 1, count, options.chains(), options.burnIn() + options.samples(),
        stepName()));
  }

  private String stepName() {
    return options.method().gradientBased() ? "transitions" : "sweeps";
  }

  /** Samples one width (each sweep or transition of each chain counts one progress task). */
  SampledWidth run(int width) {
    Architecture arch = sweep.base().withWidth(width);
    FiniteNetwork network = new FiniteNetwork(arch, sweep.trainFeatures(), backend);
    double[] y = sweep.task().yTrain();
    long s = widthSeed(seed, width);
    long t0 = System.nanoTime();
    SampledChains chains;
    List<ChainStatistics> statistics = null;
    if (options.method() == SamplerOptions.Method.GIBBS) {
      chains = new BlockedGibbsSampler(network, y, sweep.testFeatures())
          .run(options.chains(), options.burnIn(), options.samples(), s, options.threads(),
              progress::taskDone);
    } else {
      ChainSamples raw = gradientChains(arch, network, y, s,
          readout -> new Recorder(network, y, sweep.testFeatures(), readout));
      chains = unpack(raw, sweep.testFeatures().examples(), arch);
      statistics = raw.statistics();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    return SampledWidth.of(width, s, options.method().label(), options.burnIn(), chains,
        sweep.task().yTest(), statistics, ChainDiagnostics.of(chains)
            .withWarnings(SampledWidth.adaptationWarnings(statistics)), seconds);
  }

  /**
   * The chains of a gradient-based sampler at one width: potential (joint or readout-marginal),
   * initial states drawn from the prior, and per chain a recorder that gets the chain's readout
   * stream (the c-th split, in chain order, of seed + 1; null on the joint potential).
   */
  private ChainSamples gradientChains(Architecture arch, FiniteNetwork network, double[] y,
      long seed, Function<NormalSampler, SampleFunctional> recorder) {
    int tokenDim = network.tokenDim();
    boolean marginal = options.marginalReadout();
    int na = arch.width(arch.layers() + 1);
    SplittableRandom readoutRoot = new SplittableRandom(seed + 1);
    SplittableRandom[] readoutStreams = new SplittableRandom[options.chains()];
    for (int c = 0; c < readoutStreams.length; c++) readoutStreams[c] = readoutRoot.split();
    return ChainRunner.run(sampler(options),
        c -> marginal ? new ReadoutMarginalPotential(network, y)
            : new PosteriorPotential(network, y),
        (c, rng) -> {
          NetworkWeights w0 = NetworkWeights.sampleFromPrior(arch, tokenDim,
              new NormalSampler(rng));
          double[] theta = new double[w0.dimension()];
          w0.copyTo(theta);
          return marginal ? Arrays.copyOf(theta, theta.length - na) : theta;
        },
        c -> recorder.apply(marginal ? new NormalSampler(readoutStreams[c]) : null),
        new RunSettings(options.chains(), options.burnIn(), options.samples(), 1, seed,
            options.threads()),
        progress::taskDone);
  }

  /** The gradient-based sampler of the options (method, mass matrix, step, trajectory). */
  static Sampler sampler(SamplerOptions options) {
    return switch (options.method()) {
      case HMC -> HamiltonianMonteCarlo.defaults()
          .withTrajectoryLength(options.trajectoryLength(), 0.5)
          .withInitialStepSize(options.stepSize())
          .withMassMatrix(options.massMatrix());
      case LANGEVIN -> LangevinDynamics.metropolisAdjusted(options.stepSize())
          .withMassMatrix(options.massMatrix());
      case ULA -> LangevinDynamics.unadjusted(options.stepSize())
          .withMassMatrix(options.massMatrix());
      case GIBBS -> throw new IllegalArgumentException("sampler: Gibbs has no transition kernel");
    };
  }

  /**
   * Samples one width like {@link #run(int)} (same seed, same draws) but records f(x*) split by
   * path (issue 5 §2), from which the sampled mean predictor of every pruned network follows.
   */
  SampledPruning pruning(int width) {
    Architecture arch = sweep.base().withWidth(width);
    FiniteNetwork network = new FiniteNetwork(arch, sweep.trainFeatures(), backend);
    PathFeatures test = sweep.testFeatures();
    double[] y = sweep.task().yTrain();
    double[] yTest = sweep.task().yTest();
    long s = widthSeed(seed, width);
    if (options.method() == SamplerOptions.Method.GIBBS) {
      SampledChains chains = new BlockedGibbsSampler(network, y, test)
          .recording(w -> network.pathOutputs(w, test).values())
          .run(options.chains(), options.burnIn(), options.samples(), s, options.threads(),
              progress::taskDone);
      return SampledPruning.of(chains, test.index(), yTest);
    }
    // The same transition kernel, potential, initial states and readout streams as run(width).
    ChainSamples raw = gradientChains(arch, network, y, s,
        readout -> new PathRecorder(network, y, test, readout));
    List<PathOutputs> means = new ArrayList<>();
    for (double[][] chain : raw.values()) {
      List<PathOutputs> samples = new ArrayList<>();
      for (double[] v : chain) samples.add(new PathOutputs(test.index(), yTest.length, v));
      means.add(PathOutputs.mean(samples));
    }
    return new SampledPruning(means, yTest);
  }

  /**
   * The network weights of a chain state (a workspace per chain): θ itself on the joint
   * potential; on the readout-marginal potential θ plus the readout a drawn from its exact
   * conditional given θ, so that every record is a draw of the joint posterior.
   */
  private static final class ChainWeights {
    private final NetworkWeights w;
    private final ReadoutMarginalPotential marginal;   // null on the joint potential
    private final NormalSampler readoutNormals;
    private final double[] full;
    private final double[] readout;

    /** @param readoutNormals the readout draws' stream, or null for the joint potential */
    ChainWeights(FiniteNetwork network, double[] y, NormalSampler readoutNormals) {
      this.w = NetworkWeights.zeros(network.architecture(), network.tokenDim());
      this.readoutNormals = readoutNormals;
      this.marginal = readoutNormals == null ? null : new ReadoutMarginalPotential(network, y);
      this.full = new double[w.dimension()];
      this.readout = new double[marginal == null ? 0 : marginal.readoutDimension()];
    }

    /** The weights of state θ; the returned object is reused by the next call. */
    NetworkWeights of(double[] theta) {
      if (marginal == null) {
        w.copyFrom(theta);
      } else {
        marginal.drawReadout(theta, readoutNormals, readout);
        System.arraycopy(theta, 0, full, 0, theta.length);
        System.arraycopy(readout, 0, full, theta.length, readout.length);
        w.copyFrom(full);
      }
      return w;
    }
  }

  /**
   * Records f(x*) split by path, Π·Q values path-major (a workspace per chain); on the
   * readout-marginal potential the readout is drawn first, as {@link Recorder} does.
   */
  private static final class PathRecorder implements SampleFunctional {
    private final FiniteNetwork network;
    private final PathFeatures test;
    private final ChainWeights weights;

    PathRecorder(FiniteNetwork network, double[] y, PathFeatures test,
        NormalSampler readoutNormals) {
      this.network = network;
      this.test = test;
      this.weights = new ChainWeights(network, y, readoutNormals);
    }

    @Override
    public int size() {
      return test.paths() * test.examples();
    }

    @Override
    public void evaluate(double[] theta, double[] out) {
      NetworkWeights w = weights.of(theta);
      double[] g = network.pathOutputs(w, test).values();
      System.arraycopy(g, 0, out, 0, g.length);
    }
  }

  /**
   * Records f(x*) on the test inputs, then U_a, then U_1 … U_L row-major (a workspace per
   * chain). On the readout-marginal potential it first draws the readout a from its exact
   * conditional given the sampled weights, so every record is a draw of the joint posterior.
   */
  private static final class Recorder implements SampleFunctional {
    private final FiniteNetwork network;
    private final PathFeatures test;
    private final ChainWeights weights;
    private final int size;

    /** @param readoutNormals the readout draws' stream, or null for the joint potential */
    Recorder(FiniteNetwork network, double[] y, PathFeatures test, NormalSampler readoutNormals) {
      this.network = network;
      this.test = test;
      this.weights = new ChainWeights(network, y, readoutNormals);
      Architecture a = network.architecture();
      int n = test.examples() + 1;
      for (int l = 1; l <= a.layers(); l++) n += a.orderParameterSize(l) * a.orderParameterSize(l);
      this.size = n;
    }

    @Override
    public int size() {
      return size;
    }

    @Override
    public void evaluate(double[] theta, double[] out) {
      NetworkWeights w = weights.of(theta);
      double[] f = network.forward(w, test);
      System.arraycopy(f, 0, out, 0, f.length);
      OrderParameters u = network.orderParameters(w);
      int k = f.length;
      out[k++] = u.scalar();
      for (int l = 1; l <= u.layerCount(); l++) {
        DMatrixRMaj m = u.u(l);
        System.arraycopy(m.data, 0, out, k, m.getNumElements());
        k += m.getNumElements();
      }
    }
  }

  /** The recorded functionals back as posterior samples (layout of {@link Recorder}). */
  private static SampledChains unpack(ChainSamples raw, int q, Architecture a) {
    List<List<PosteriorSample>> chains = new ArrayList<>();
    for (double[][] chain : raw.values()) {
      List<PosteriorSample> samples = new ArrayList<>();
      for (int s = 0; s < chain.length; s++) {
        double[] v = chain[s];
        double[] f = Arrays.copyOf(v, q);
        int k = q + 1;
        List<DMatrixRMaj> layers = new ArrayList<>();
        for (int l = 1; l <= a.layers(); l++) {
          int d = a.orderParameterSize(l);
          DMatrixRMaj m = new DMatrixRMaj(d, d);
          System.arraycopy(v, k, m.data, 0, d * d);
          k += d * d;
          layers.add(m);
        }
        samples.add(new PosteriorSample(s, f, new OrderParameters(v[q], layers)));
      }
      chains.add(samples);
    }
    return new SampledChains(chains);
  }
}
