package org.attnpaths.simulation.sampler;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Runs K chains of a {@link Sampler} in parallel and records a functional of every retained
 * sample.
 *
 * <p>Reproducibility: the streams are split from {@code new SplittableRandom(seed)} in chain
 * order before any chain starts, and a chain uses only its own stream, potential and functional,
 * so chain c's samples depend on (seed, c) and not on the number of threads or the scheduling.
 * A chain's initial state is the first draw from its stream.
 */
public final class ChainRunner {
  private ChainRunner() {}

  /**
   * Runs the chains.
   *
   * @param sampler the transition kernel
   * @param potentials chain index → that chain's potential (a fresh instance per chain unless the
   *     potential is thread-safe)
   * @param initial the initial states
   * @param functionals chain index → that chain's functional (likewise)
   * @param settings chains, burn-in, samples, thinning, seed, threads
   * @return values [K][samples][k] and per-chain statistics
   * @throws IllegalStateException wrapping the first chain failure, in chain order
   */
  public static ChainSamples run(Sampler sampler, IntFunction<? extends Potential> potentials,
      InitialState initial, IntFunction<? extends SampleFunctional> functionals,
      RunSettings settings) {
    return run(sampler, potentials, initial, functionals, settings, () -> { });
  }

  /**
   * Runs the chains, calling {@code afterTransition} after every transition of every chain (for
   * progress reports; from the chains' threads, so it must be thread-safe and cheap). It does not
   * touch the random streams: the samples are those of the run without it.
   */
  public static ChainSamples run(Sampler sampler, IntFunction<? extends Potential> potentials,
      InitialState initial, IntFunction<? extends SampleFunctional> functionals,
      RunSettings settings, Runnable afterTransition) {
    int chains = settings.chains();
    SplittableRandom master = new SplittableRandom(settings.seed());
    SplittableRandom[] streams = new SplittableRandom[chains];
    for (int c = 0; c < chains; c++) streams[c] = master.split();

    double[][][] values = new double[chains][][];
    ChainStatistics[] statistics = new ChainStatistics[chains];
    ExecutorService pool = Executors.newFixedThreadPool(settings.effectiveThreads());
    try {
      List<Future<?>> futures = new ArrayList<>(chains);
      for (int c = 0; c < chains; c++) {
        int chain = c;
        futures.add(pool.submit(() -> {
          ChainResult r = runChain(sampler, potentials.apply(chain), initial, chain,
              functionals.apply(chain), streams[chain], settings, afterTransition);
          values[chain] = r.values;
          statistics[chain] = r.statistics;
        }));
      }
      for (int c = 0; c < chains; c++) {
        try {
          futures.get(c).get();
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof RuntimeException re && !(cause instanceof IllegalStateException)) {
            throw re;
          }
          throw new IllegalStateException("chain " + c + " failed: " + cause.getMessage(), cause);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while sampling", e);
    } finally {
      pool.shutdownNow();
    }
    return new ChainSamples(values, List.of(statistics), settings);
  }

  private record ChainResult(double[][] values, ChainStatistics statistics) {}

  private static ChainResult runChain(Sampler sampler, Potential potential, InitialState initial,
      int chain, SampleFunctional functional, SplittableRandom rng, RunSettings settings,
      Runnable afterTransition) {
    double[] theta0 = initial.draw(chain, rng);
    MarkovChain markov = sampler.start(potential, theta0, rng, settings.burnIn());
    for (int i = 0; i < settings.burnIn(); i++) {
      markov.step();
      afterTransition.run();
    }
    double[][] out = new double[settings.samples()][functional.size()];
    for (int s = 0; s < settings.samples(); s++) {
      for (int t = 0; t < settings.thin(); t++) {
        markov.step();
        afterTransition.run();
      }
      functional.evaluate(markov.position(), out[s]);
    }
    return new ChainResult(out, markov.statistics());
  }
}
