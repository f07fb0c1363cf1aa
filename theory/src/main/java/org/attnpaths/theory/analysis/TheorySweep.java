package org.attnpaths.theory.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;
import org.attnpaths.numerics.linalg.LinearAlgebraBackend;
import org.attnpaths.theory.action.Action;
import org.attnpaths.theory.action.GpLimit;
import org.attnpaths.theory.action.OrderParameters;
import org.attnpaths.theory.kernel.KernelNotPositiveDefiniteException;
import org.attnpaths.theory.kernel.PathKernels;
import org.attnpaths.theory.kernel.PrecomputedPathKernels;
import org.attnpaths.theory.kernel.RestrictedPathKernels;
import org.attnpaths.theory.model.Architecture;
import org.attnpaths.theory.path.AttentionMaps;
import org.attnpaths.theory.path.PathFeatures;
import org.attnpaths.theory.path.PathIndex;
import org.attnpaths.theory.predictor.KernelAlignment;
import org.attnpaths.theory.predictor.KernelAlignments;
import org.attnpaths.theory.predictor.Predictor;
import org.attnpaths.theory.predictor.PredictorStatistics;
import org.attnpaths.theory.saddle.SaddlePoint;
import org.attnpaths.theory.saddle.SaddlePointSolver;
import org.attnpaths.theory.saddle.SolverOptions;
import org.attnpaths.theory.task.Task;
import org.ejml.data.DMatrixRMaj;

/**
 * The theory of one task over a sweep of widths: attention and path features are computed once
 * (train and test), then each width's saddle point is solved — warm-started from the previous
 * width for Newton, from the GP value for the reference Adam (spec §6) — and its predictor
 * evaluated on the test set.
 *
 * <p>The saddle points need only the training set, so the test set's attention and path features
 * (the larger part: 1000 of the 1100 sequences of the Markov task) are computed on a thread of
 * their own, started by the constructor, while the widths are solved; everything that needs them
 * ({@link #testFeatures}, {@link #gp}, {@link #evaluate}) waits for them.
 */
public final class TheorySweep {
  /** Leading principal components reported by the kernel-task alignment (spec §7). */
  public static final int ALIGNMENT_COMPONENTS = 30;

  private final Task task;
  private final Architecture base;
  private final LinearAlgebraBackend backend;
  private final SolverOptions options;
  private final PathFeatures train;
  /** The test set's path features, computed on their own thread (see the class comment). */
  private final FutureTask<PathFeatures> test;
  private final PathKernels.Representation representation;
  /** Built on first use: a sweep used only for its path features (simulation) never pays for it. */
  private PathKernels kernels;

  /**
   * @param base architecture whose heads must equal the task's head counts; its widths are
   *     replaced by each swept width
   */
  public TheorySweep(Task task, Architecture base, LinearAlgebraBackend backend,
      SolverOptions options) {
    this(task, base, backend, options, PathKernels.Representation.AUTO);
  }

  /** @param kernels how to hold the path kernels (issue 2 §2: chosen automatically by default) */
  public TheorySweep(Task task, Architecture base, LinearAlgebraBackend backend,
      SolverOptions options, PathKernels.Representation kernels) {
    if (!base.heads().equals(task.attention().headCounts())) {
      throw new IllegalArgumentException("architecture: heads " + base.heads()
          + " do not match the task's attention heads " + task.attention().headCounts());
    }
    this.task = task;
    this.base = base;
    this.backend = backend;
    this.options = options;
    // The attention maps are needed only for the features (head subsets restrict these), so they
    // are not kept: at the image scale they hold ~120 MB.
    this.test = new FutureTask<>(() -> PathFeatures.of(AttentionMaps.of(task.attention(),
        base.readout(), task.xTest(), backend), base.variance(0)));
    Thread worker = new Thread(test, "attnpaths-test-features");
    worker.setDaemon(true);
    worker.start();
    this.train = PathFeatures.of(AttentionMaps.of(task.attention(), base.readout(), task.xTrain(),
        backend), base.variance(0));
    this.representation = kernels;
  }

  public Task task() {
    return task;
  }

  public Architecture base() {
    return base;
  }

  /** Training-set path features of the full network. */
  public PathFeatures trainFeatures() {
    return train;
  }

  /** Test-set path features of the full network (waits until they are computed). */
  public PathFeatures testFeatures() {
    try {
      return test.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while computing the test-set path features", e);
    } catch (ExecutionException e) {
      // The computation's own exception, e.g. a bad input's message, as if thrown here.
      if (e.getCause() instanceof RuntimeException r) throw r;
      if (e.getCause() instanceof Error err) throw err;
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Which kernel representation was chosen ({@code precomputed} or {@code factorised}). */
  public String kernelRepresentation() {
    return kernels().representation();
  }

  private PathKernels kernels() {
    if (kernels == null) kernels = PathKernels.of(train, backend, representation);
    return kernels;
  }

  /** GP limit of the full network. */
  public GpBaseline gp() {
    List<List<Integer>> all = new ArrayList<>();
    for (int h : base.heads()) {
      List<Integer> l = new ArrayList<>();
      for (int i = 0; i < h; i++) l.add(i);
      all.add(l);
    }
    return baseline("all", all, base, train, testFeatures());
  }

  /** GP limit of the sub-network keeping the listed 0-based heads per layer (spec §9.1). */
  public GpBaseline gpSubset(String name, List<List<Integer>> keepHeads) {
    HeadSubset sub = headSubset(keepHeads);
    return baseline(name, keepHeads, sub.base(), sub.train(), sub.test());
  }

  /**
   * The sub-network keeping the listed 0-based heads of every layer, ascending (spec §9.1 path
   * subsets, issue 5 head pruning): its path features are the full network's restricted to the
   * kept paths and renormalised ({@link PathFeatures#restrict}), nothing recomputed.
   */
  public HeadSubset headSubset(List<List<Integer>> keepHeads) {
    List<Integer> counts = new ArrayList<>();
    for (List<Integer> l : keepHeads) counts.add(l.size());
    Architecture sub = base.withHeads(counts);
    PathFeatures subTrain = train.restrict(keepHeads);
    PathFeatures subTest = testFeatures().restrict(keepHeads);
    return new HeadSubset(keepHeads, subsetPaths(keepHeads), sub, subTrain, subTest);
  }

  /** Full-network indices of the paths through the kept heads (validated by restrict), ascending. */
  private int[] subsetPaths(List<List<Integer>> keepHeads) {
    PathIndex full = train.index();
    int[] out = new int[full.count()];
    int n = 0;
    for (int p = 0; p < full.count(); p++) {
      boolean kept = true;
      for (int l = 1; l <= keepHeads.size() && kept; l++) {
        kept = keepHeads.get(l - 1).contains(full.head(p, l));
      }
      if (kept) out[n++] = p;
    }
    return java.util.Arrays.copyOf(out, n);
  }

  /**
   * The sub-network's path kernels: a view of the full network's precomputed blocks (nothing
   * recomputed, {@link RestrictedPathKernels}), or new factorised kernels of its own features
   * when the full network's are factorised (those hold only Ξ, which the subset already has).
   */
  public PathKernels subsetKernels(HeadSubset subset) {
    PathKernels full = kernels();
    if (full instanceof PrecomputedPathKernels) {
      return new RestrictedPathKernels(full, subset.paths(), subset.train());
    }
    return PathKernels.of(subset.train(), backend, PathKernels.Representation.FACTORISED);
  }

  /** The backend every solve and predictor of this sweep uses. */
  public LinearAlgebraBackend backend() {
    return backend;
  }

  /** The saddle-point solver options. */
  public SolverOptions solverOptions() {
    return options;
  }

  private GpBaseline baseline(String name, List<List<Integer>> heads, Architecture arch,
      PathFeatures tr, PathFeatures te) {
    OrderParameters u = GpLimit.orderParameters(arch);
    DMatrixRMaj u1 = u.u(1);
    Predictor predictor = new Predictor(tr, task.yTrain(), arch.temperature(), backend);
    PredictorStatistics stats = predictor.evaluate(u1, te, task.yTest());
    KernelAlignment alignment = KernelAlignments.of(tr, u1, task.yTrain(), ALIGNMENT_COMPONENTS,
        backend);
    return new GpBaseline(name, heads, u, stats, alignment);
  }

  /** Solves one width from a given start (the GP value when {@code start} is null). */
  public WidthResult solve(int width, List<DMatrixRMaj> start) {
    return evaluate(saddlePoint(width, start));
  }

  /** The saddle point of one width from a given start (the GP value when null); train set only. */
  private SaddlePoint saddlePoint(int width, List<DMatrixRMaj> start) {
    Architecture arch = base.withWidth(width);
    Action action = new Action(arch, kernels(), task.yTrain(), backend);
    List<DMatrixRMaj> from = start == null ? GpLimit.matrices(arch) : start;
    if (action.evaluate(from, null) == Double.POSITIVE_INFINITY) {
      throw new KernelNotPositiveDefiniteException("training kernel at the start point",
          arch.temperature());
    }
    return SaddlePointSolver.of(options).solve(action, from);
  }

  /**
   * A solved width's predictor statistics on the test set and kernel-task alignment.
   *
   * @param sp a saddle point of this sweep's network (any width)
   */
  public WidthResult evaluate(SaddlePoint sp) {
    Architecture arch = sp.architecture();
    DMatrixRMaj u1 = sp.orderParameters().u(1);
    Predictor predictor = new Predictor(train, task.yTrain(), arch.temperature(), backend);
    PredictorStatistics stats = predictor.evaluate(u1, testFeatures(), task.yTest());
    KernelAlignment alignment = KernelAlignments.of(train, u1, task.yTrain(),
        ALIGNMENT_COMPONENTS, backend);
    return new WidthResult(arch.maxWidth(), sp, stats, alignment);
  }

  /**
   * The saddle points of every width in the given order. Newton warm-starts each width from the
   * previous solution (issue 2 §4); Adam starts every width from the GP value like the reference.
   * Needs only the training set: it runs while the test-set features are still being computed.
   *
   * @param onSolved called with each saddle point as it is solved, or null
   */
  public List<SaddlePoint> solveAll(List<Integer> widths, Consumer<SaddlePoint> onSolved) {
    List<SaddlePoint> out = new ArrayList<>();
    List<DMatrixRMaj> start = null;
    for (int w : widths) {
      SaddlePoint sp = saddlePoint(w, start);
      out.add(sp);
      if (onSolved != null) onSolved.accept(sp);
      if (options.method() == SolverOptions.Method.NEWTON && sp.certificate().converged()) {
        start = new ArrayList<>();
        for (int l = 1; l <= base.layers(); l++) start.add(sp.orderParameters().u(l));
      }
    }
    return out;
  }

  /**
   * Solves every width ({@link #solveAll}), then evaluates each ({@link #evaluate}) in the same
   * order.
   *
   * @param onEach called with each width's result as it is evaluated, or null
   */
  public List<WidthResult> run(List<Integer> widths, Consumer<WidthResult> onEach) {
    List<WidthResult> out = new ArrayList<>();
    for (SaddlePoint sp : solveAll(widths, null)) {
      WidthResult r = evaluate(sp);
      out.add(r);
      if (onEach != null) onEach.accept(r);
    }
    return out;
  }
}
