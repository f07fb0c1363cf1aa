package org.attnpaths.theory.pruning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.attnpaths.numerics.stats.SpearmanCorrelation;
import org.attnpaths.theory.action.Action;
import org.attnpaths.theory.action.GpLimit;
import org.attnpaths.theory.analysis.HeadSubset;
import org.attnpaths.theory.analysis.TheorySweep;
import org.attnpaths.theory.analysis.WidthResult;
import org.attnpaths.theory.model.Architecture;
import org.attnpaths.theory.path.PathIndex;
import org.attnpaths.theory.predictor.Predictor;
import org.attnpaths.theory.predictor.PredictorStatistics;
import org.attnpaths.theory.saddle.SaddlePoint;
import org.attnpaths.theory.saddle.SaddlePointSolver;
import org.ejml.data.DMatrixRMaj;

/**
 * Head pruning in the theory (spec §10, issue 5 §1–3) at one width, from the full network's
 * solution: head scores, every single head removed (frozen and re-solved), cumulative curves in
 * the requested orders, and the Spearman correlation of score and accuracy drop.
 *
 * <p>Re-solved: the smaller network (the heads removed, the others keeping their attention, path
 * features normalised by its own Π') is solved by the sweep's solver, warm-started from the
 * solution of the network it was pruned from restricted to the remaining paths (U_1, and
 * U_2..U_L likewise; issue 5 §5), with its kernels a view of the full network's ({@link
 * TheorySweep#subsetKernels}). The accuracy of a head set depends only on the set, so solutions
 * are cached by it: a cumulative step reuses a single removal or an earlier order's step.
 *
 * <p>Random orders: K Fisher–Yates shuffles of the heads in architecture order, from {@code new
 * SplittableRandom(seed)}, the same K orders at every width.
 *
 * <p>Pruned networks report the mean predictor only ({@link Predictor#evaluateMean}): accuracy
 * and bias error, variances NaN. Not thread-safe.
 */
public final class HeadPruning {
  private final TheorySweep sweep;
  private final PruningOptions options;
  private final List<Integer> heads;
  private final List<List<Head>> randomOrders;

  public HeadPruning(TheorySweep sweep, PruningOptions options) {
    this.sweep = sweep;
    this.options = options;
    this.heads = sweep.base().heads();
    this.randomOrders = randomOrders(Head.all(heads), options);
  }

  /** The K random orders (the same at every width). */
  public List<List<Head>> randomOrders() {
    return randomOrders;
  }

  private static List<List<Head>> randomOrders(List<Head> all, PruningOptions options) {
    List<List<Head>> out = new ArrayList<>();
    if (!options.orders().contains(PruningOptions.Order.RANDOM)) return out;
    SplittableRandom rng = new SplittableRandom(options.seed());
    for (int k = 0; k < options.randomOrders(); k++) {
      List<Head> order = new ArrayList<>(all);
      for (int i = order.size() - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        Head t = order.get(i);
        order.set(i, order.get(j));
        order.set(j, t);
      }
      out.add(List.copyOf(order));
    }
    return List.copyOf(out);
  }

  /**
   * Runs the analysis at the width of {@code full}.
   *
   * @param full the full network's solution at this width (from the same sweep)
   * @param onSolved called after every re-solve (progress), may be null
   */
  public WidthPruning run(WidthResult full, Consumer<PrunedSolution> onSolved) {
    return new AtWidth(full, onSolved).run();
  }

  /** The state of one width: the full solution and the caches of frozen and re-solved sets. */
  private final class AtWidth {
    private final WidthResult full;
    private final Consumer<PrunedSolution> onSolved;
    private final Architecture arch;
    private final DMatrixRMaj u1;
    private final PathIndex index;
    private final Predictor fullPredictor;
    private final Map<SortedSet<Head>, PredictorStatistics> frozen = new HashMap<>();
    private final Map<SortedSet<Head>, PrunedSolution> resolved = new HashMap<>();

    AtWidth(WidthResult full, Consumer<PrunedSolution> onSolved) {
      this.full = full;
      this.onSolved = onSolved;
      this.arch = sweep.base().withWidth(full.width());
      this.u1 = full.saddlePoint().orderParameters().u(1);
      this.index = sweep.trainFeatures().index();
      this.fullPredictor = new Predictor(sweep.trainFeatures(), sweep.task().yTrain(),
          arch.temperature(), sweep.backend());
      HeadRemoval none = HeadRemoval.none(heads);
      resolved.put(none.removed(), new PrunedSolution(none, full.saddlePoint(), full.test()));
      frozen.put(none.removed(), full.test());
    }

    WidthPruning run() {
      HeadScores scores = HeadScores.of(u1, index);
      List<PathRelevance> relevance = PathRelevance.of(u1, index, GpLimit.scale(arch, 1));
      List<SingleRemoval> singles = new ArrayList<>();
      HeadRemoval none = HeadRemoval.none(heads);
      for (Head h : Head.all(heads)) {
        HeadRemoval r = none.plus(h);
        if (!r.keepsEveryLayer()) {
          singles.add(new SingleRemoval(h, null, null, "not removed: " + h.label()
              + " is the only head of layer " + h.layer() + " (a layer keeps at least one head)"));
          continue;
        }
        singles.add(new SingleRemoval(h, frozen(r), resolved(r, none), ""));
      }
      CumulativeCurve score = null;
      CumulativeCurve reverse = null;
      List<CumulativeCurve> random = new ArrayList<>();
      if (options.orders().contains(PruningOptions.Order.SCORE)) {
        score = cumulative(scores.increasing());
      }
      if (options.orders().contains(PruningOptions.Order.REVERSE)) {
        reverse = cumulative(scores.decreasing());
      }
      for (List<Head> o : randomOrders) random.add(cumulative(o));
      return new WidthPruning(full, scores, relevance, singles, options.method(), score, reverse,
          random, spearman(scores, singles, false), spearman(scores, singles, true));
    }

    private CumulativeCurve cumulative(List<Head> order) {
      List<Head> removed = CumulativeCurve.feasible(heads, order);
      double[] acc = new double[removed.size() + 1];
      acc[0] = full.test().accuracy();
      HeadRemoval r = HeadRemoval.none(heads);
      for (int k = 0; k < removed.size(); k++) {
        HeadRemoval next = r.plus(removed.get(k));
        acc[k + 1] = options.method() == PruningOptions.Method.FROZEN
            ? frozen(next).accuracy()
            : resolved(next, r).test().accuracy();
        r = next;
      }
      return new CumulativeCurve(removed, acc);
    }

    private PredictorStatistics frozen(HeadRemoval r) {
      return frozen.computeIfAbsent(r.removed(), k -> fullPredictor.evaluateMean(r.silence(u1),
          sweep.testFeatures(), sweep.task().yTest()));
    }

    /** The re-solved network of {@code r}, warm-started from the solved network {@code from}. */
    private PrunedSolution resolved(HeadRemoval r, HeadRemoval from) {
      PrunedSolution cached = resolved.get(r.removed());
      if (cached != null) return cached;
      PrunedSolution parent = resolved.get(from.removed());
      HeadSubset subset = sweep.headSubset(r.keptHeads());
      Architecture sub = subset.base().withWidth(full.width());
      Action action = new Action(sub, sweep.subsetKernels(subset), sweep.task().yTrain(),
          sweep.backend());
      List<DMatrixRMaj> u = new ArrayList<>();
      for (int l = 1; l <= arch.layers(); l++) u.add(parent.saddlePoint().orderParameters().u(l));
      // A principal submatrix of a positive-definite U is positive definite, and so is the
      // kernel it weighs plus T·I: the start is always inside the cone (no extra evaluation).
      List<DMatrixRMaj> start = r.restrict(from, u);
      SaddlePoint sp = SaddlePointSolver.of(sweep.solverOptions()).solve(action, start);
      PredictorStatistics test = new Predictor(subset.train(), sweep.task().yTrain(),
          arch.temperature(), sweep.backend()).evaluateMean(sp.orderParameters().u(1), subset.test(),
          sweep.task().yTest());
      PrunedSolution s = new PrunedSolution(r, sp, test);
      resolved.put(r.removed(), s);
      if (onSolved != null) onSolved.accept(s);
      return s;
    }

    private SpearmanCorrelation.Test spearman(HeadScores scores, List<SingleRemoval> singles,
        boolean resolvedDrops) {
      List<Double> x = new ArrayList<>();
      List<Double> y = new ArrayList<>();
      double base = full.test().accuracy();
      for (SingleRemoval s : singles) {
        if (!s.computed()) continue;
        x.add(scores.score(s.head()));
        y.add(base - (resolvedDrops ? s.resolved().test().accuracy() : s.frozen().accuracy()));
      }
      return SpearmanCorrelation.test(toArray(x), toArray(y), options.permutations(),
          new SplittableRandom(options.seed()));
    }
  }

  static double[] toArray(List<Double> v) {
    double[] a = new double[v.size()];
    for (int i = 0; i < a.length; i++) a[i] = v.get(i);
    return a;
  }
}
