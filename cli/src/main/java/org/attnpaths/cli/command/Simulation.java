package org.attnpaths.cli.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.attnpaths.cli.option.SamplerOptions;
import org.attnpaths.cli.output.ChainDiagnostics;
import org.attnpaths.cli.output.SampledWidth;
import org.attnpaths.numerics.linalg.LinearAlgebraBackend;
import org.attnpaths.simulation.network.FiniteNetwork;
import org.attnpaths.simulation.sampler.BlockedGibbsSampler;
import org.attnpaths.simulation.sampler.SampledChains;
import org.attnpaths.theory.analysis.TheorySweep;
import org.attnpaths.theory.model.Architecture;

/**
 * Samples the finite network of a {@link TheorySweep}'s task at each width, from the very same
 * path features the theory uses (spec §3.2, §8), and summarises each width as a {@link
 * SampledWidth}.
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
    for (int i = 0; i < widths.size(); i++) {
      int n = widths.get(i);
      progress.stage(String.format(Locale.ROOT, "sampling N=%d (%d/%d): %d chains x %d sweeps",
          n, i + 1, widths.size(), options.chains(), options.burnIn() + options.samples()));
      SampledWidth r = run(n);
      out.add(r);
      if (onEach != null) onEach.accept(r);
    }
    return out;
  }

  /** Samples one width. */
  SampledWidth run(int width) {
    Architecture arch = sweep.base().withWidth(width);
    FiniteNetwork network = new FiniteNetwork(arch, sweep.trainFeatures(), backend);
    long s = widthSeed(seed, width);
    long t0 = System.nanoTime();
    BlockedGibbsSampler gibbs =
        new BlockedGibbsSampler(network, sweep.task().yTrain(), sweep.testFeatures());
    SampledChains chains = gibbs.run(options.chains(), options.burnIn(), options.samples(), s,
        options.threads());
    double seconds = (System.nanoTime() - t0) / 1e9;
    ChainDiagnostics diagnostics = ChainDiagnostics.unavailable(
        "split R-hat and ESS need the MCMC diagnostics library (not in this build yet)");
    return SampledWidth.of(width, s, options.method().label(), options.burnIn(), chains,
        sweep.task().yTest(), diagnostics, seconds);
  }
}
