package org.attnpaths.simulation.sampler;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.attnpaths.numerics.random.NormalSampler;
import org.attnpaths.simulation.network.FiniteNetwork;
import org.attnpaths.simulation.network.LayerInputs;
import org.attnpaths.simulation.network.NetworkWeights;
import org.attnpaths.theory.model.Architecture;
import org.attnpaths.theory.path.PathFeatures;
import org.ejml.data.DMatrixRMaj;

/**
 * Exact blocked Gibbs sampling of the posterior of spec §4 (issue 3 §2). The network is linear in
 * each block given the others, so each block's conditional is exactly Gaussian and is drawn by
 * {@link LinearBlock#correct}. One sweep updates, in this fixed order (c0 = 1/(σ0√N_1), M_ℓ the
 * effective path weights of spec §5.1, computed once at the start of the sweep because block ℓ
 * only needs M_{ℓ+1}, which depends on blocks above ℓ):
 *
 * <ol>
 *   <li>V^0: c = c0, H = 1, M = M_1 (Π×N_1), Y_0 = Ξ (P × Π·N0). So
 *       Φ_{μ,(i,j)} = c0 Σ_π m_{1,i}^π Ξ_{π,j}(X_μ), ΦΦᵀ = (1/σ0²) K_{U_1} with U_1 = M_1M_1ᵀ/N_1
 *       (spec §3.4), Φᵀv = c0 M_1ᵀ reshape(Ξᵀv).
 *   <li>Layer ℓ = 1..L (all heads together): c = c0/√N_{ℓ+1}, H = H_ℓ, M = M_{ℓ+1}
 *       (D_{ℓ+1}×N_{ℓ+1}), Y_ℓ (P × D_ℓ·N_ℓ) with Y_ℓ^{(h,κ)}(X_μ) = Σ_ρ z_ℓ^{(ρ,h,κ)}(X_μ) the
 *       layer-ℓ inputs z_ℓ^π = V^{(ℓ−1,h_{ℓ−1})} ⋯ V^0 Ξ_π / √(N_2⋯N_ℓ) summed over the path
 *       prefixes ρ = (h_1..h_{ℓ−1}). Then f = (c0/√N_{ℓ+1}) Σ_π m_{ℓ+1}^κ · V^{(ℓ,h_ℓ)} z_ℓ^π, so
 *       Φ_{μ,(h,i,j)} = (c0/√N_{ℓ+1}) Σ_κ m_{ℓ+1,i}^κ Y_ℓ^{(h,κ)}_j(X_μ) and
 *       ΦΦᵀ = c0² Σ_h Σ_{κκ'} U_{ℓ+1}^{κκ'} Y_ℓ^{(h,κ)} Y_ℓ^{(h,κ')ᵀ} (U_{L+1} = U_a).
 *   <li>a: c = c0, H = 1, M = [1], Y_{L+1} = Σ_π z_{L+1}^π (P × N_a); f = c0 Y_{L+1} a.
 * </ol>
 * The inputs are built upwards as the sweep goes, from the freshly drawn block:
 * Y_1 = Ξ V^0ᵀ per path, Y_{ℓ+1}^κ = Σ_h Y_ℓ^{(h,κ)} V^{(ℓ,h)ᵀ} / √N_{ℓ+1}
 * ({@link LayerInputs#propagate}). All of it lives in a {@link GibbsWorkspace} allocated once per
 * chain, so a sweep allocates nothing. Cost per sweep ≈ P·Π·N0·N_1 + Σ_ℓ P·D_ℓ·N_ℓ·N_{ℓ+1}
 * + Σ_ℓ P²·D_ℓ·N_ℓ + one P×P Cholesky per block, plus one normal per weight.
 *
 * <p>Chains run in parallel threads; chain c draws from the c-th stream split, in order, from
 * {@code new SplittableRandom(seed)}, so a seed gives the same samples whatever the thread count.
 * Instances are immutable and thread-safe.
 */
public final class BlockedGibbsSampler {
  private final FiniteNetwork network;
  private final double[] y;
  private final PathFeatures test;
  private final Architecture arch;
  /** What each retained sample records as its test outputs: f(x*) unless set by {@link #recording}. */
  private final Function<NetworkWeights, double[]> outputs;

  /**
   * @param y training targets, length P; copied
   * @param test features of the test inputs (same heads and N0), referenced
   */
  public BlockedGibbsSampler(FiniteNetwork network, double[] y, PathFeatures test) {
    if (y.length != network.features().examples()) {
      throw new IllegalArgumentException("y: expected " + network.features().examples()
          + " targets, got " + y.length);
    }
    if (test.paths() != network.architecture().paths() || test.tokenDim() != network.tokenDim()) {
      throw new IllegalArgumentException("test features: expected Π="
          + network.architecture().paths() + ", N0=" + network.tokenDim() + ", got Π="
          + test.paths() + ", N0=" + test.tokenDim());
    }
    this.network = network;
    this.y = y.clone();
    this.test = test;
    this.arch = network.architecture();
    this.outputs = w -> network.forward(w, test);
  }

  private BlockedGibbsSampler(BlockedGibbsSampler base, Function<NetworkWeights, double[]> outputs) {
    this.network = base.network;
    this.y = base.y;
    this.test = base.test;
    this.arch = base.arch;
    this.outputs = outputs;
  }

  /**
   * The same sampler recording {@code outputs(w)} as each retained sample's test outputs instead
   * of f(x*) (e.g. f split by path, {@code FiniteNetwork.pathOutputs}, for head pruning). The
   * draws do not change.
   *
   * @param outputs called from the chain threads; must be thread-safe
   */
  public BlockedGibbsSampler recording(Function<NetworkWeights, double[]> outputs) {
    return new BlockedGibbsSampler(this, outputs);
  }

  public FiniteNetwork network() {
    return network;
  }

  /** A workspace for one chain's sweeps (see {@link GibbsWorkspace}). */
  public GibbsWorkspace workspace() {
    return new GibbsWorkspace(network);
  }

  /**
   * One sweep with a fresh workspace (allocates it; chains use {@link #sweep(NetworkWeights,
   * NormalSampler, GibbsWorkspace)}).
   */
  public void sweep(NetworkWeights w, NormalSampler normals) {
    sweep(w, normals, workspace());
  }

  /**
   * One sweep: every block drawn from its exact conditional, in the order V^0, layers 1..L, a.
   * Per block the prior draw w0 is filled first (flat order), then ε (P values). Allocates
   * nothing.
   *
   * @param w current state, modified in place
   * @param normals advanced by {@code w.dimension() + (L+2)·P} draws
   * @param ws this chain's workspace (from {@link #workspace()}), modified
   */
  public void sweep(NetworkWeights w, NormalSampler normals, GibbsWorkspace ws) {
    network.pathWeights(w, ws.m, ws.part);                // M_1 … M_{L+1} (checks the shapes)
    for (int b = 0; b <= arch.layers() + 1; b++) {
      draw(ws.blocks[b], w.block(b), arch.variance(b), normals, ws.eps);
      if (b <= arch.layers()) ws.inputs.propagate(b, w);  // Y_{b+1} from the new block b
    }
  }

  /**
   * The factored linear map of block b given the other blocks of {@code w} (for tests and
   * diagnostics; {@link #sweep} builds the same blocks incrementally), over a new workspace.
   *
   * @param w not modified
   */
  LinearBlock conditional(NetworkWeights w, int b) {
    GibbsWorkspace ws = workspace();
    network.pathWeights(w, ws.m, ws.part);
    for (int k = 0; k < b; k++) ws.inputs.propagate(k, w);
    return ws.blocks[b];
  }

  /** Training targets (a copy). */
  double[] targets() {
    return y.clone();
  }

  private void draw(LinearBlock block, DMatrixRMaj[] w, double sigma2, NormalSampler normals,
      double[] eps) {
    double sigma = Math.sqrt(sigma2);
    for (DMatrixRMaj mat : w) {                                       // w0 ~ N(0, σ² I)
      int n = mat.getNumElements();
      normals.fill(mat.data, 0, n);
      for (int i = 0; i < n; i++) mat.data[i] *= sigma;
    }
    double t = arch.temperature();
    normals.fill(eps, 0, eps.length);                                 // ε ~ N(0, T I)
    double st = Math.sqrt(t);
    for (int i = 0; i < eps.length; i++) eps[i] *= st;
    block.correct(y, t, sigma2, eps, w);
  }

  /**
   * Runs {@code chains} chains, each from a prior draw, discarding {@code burnIn} sweeps and
   * keeping the next {@code samples}.
   *
   * @param threads worker threads (≥ 1); the result does not depend on it
   */
  public SampledChains run(int chains, int burnIn, int samples, long seed, int threads) {
    return run(chains, burnIn, samples, seed, threads, () -> { });
  }

  /**
   * As {@link #run(int, int, int, long, int)}, calling {@code afterSweep} after every sweep of
   * every chain (for progress reports; from the chains' threads, so it must be thread-safe and
   * cheap). It does not touch the random streams: the samples are those of the run without it.
   */
  public SampledChains run(int chains, int burnIn, int samples, long seed, int threads,
      Runnable afterSweep) {
    if (chains < 1) throw new IllegalArgumentException("chains: expected >= 1, got " + chains);
    if (burnIn < 0) throw new IllegalArgumentException("burnIn: expected >= 0, got " + burnIn);
    if (samples < 1) throw new IllegalArgumentException("samples: expected >= 1, got " + samples);
    if (threads < 1) throw new IllegalArgumentException("threads: expected >= 1, got " + threads);
    SplittableRandom root = new SplittableRandom(seed);
    List<SplittableRandom> streams = new ArrayList<>();
    for (int c = 0; c < chains; c++) streams.add(root.split());   // split in chain order
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, chains), r -> {
      Thread t = new Thread(r, "gibbs-chain");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<List<PosteriorSample>>> futures = new ArrayList<>();
      for (SplittableRandom s : streams) {
        futures.add(pool.submit(() -> chain(new NormalSampler(s), burnIn, samples, afterSweep)));
      }
      List<List<PosteriorSample>> out = new ArrayList<>();
      for (Future<List<PosteriorSample>> f : futures) out.add(f.get());
      return new SampledChains(out);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Gibbs sampling interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) throw re;
      throw new IllegalStateException("Gibbs chain failed", cause);
    } finally {
      pool.shutdownNow();
    }
  }

  /** One chain on its own stream: a prior draw, then burn-in and retained sweeps. */
  private List<PosteriorSample> chain(NormalSampler normals, int burnIn, int samples,
      Runnable afterSweep) {
    NetworkWeights w = NetworkWeights.sampleFromPrior(arch, network.tokenDim(), normals);
    GibbsWorkspace ws = workspace();
    for (int s = 0; s < burnIn; s++) {
      sweep(w, normals, ws);
      afterSweep.run();
    }
    List<PosteriorSample> kept = new ArrayList<>();
    for (int s = 0; s < samples; s++) {
      sweep(w, normals, ws);
      afterSweep.run();
      kept.add(new PosteriorSample(s, outputs.apply(w), network.orderParameters(w)));
    }
    return kept;
  }
}
