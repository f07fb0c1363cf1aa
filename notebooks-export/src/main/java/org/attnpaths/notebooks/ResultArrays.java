package org.attnpaths.notebooks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.attnpaths.numerics.npy.NpyArray;

/**
 * The arrays of a theory result, as written to {@code .npz} (float64, C order, like the task
 * bundles; NaN where the JSON has {@code null}). W = number of widths, Π = paths, D_ℓ = size of
 * U_ℓ, Q = test examples, K = alignment components, S = GP subsets. The names and shapes are
 * documented in {@code src/site/markdown/notebook.md}:
 *
 * <ul>
 *   <li>{@code width, alpha, converged (1/0), U_a, accuracy, gibbs_accuracy, bias_error,
 *       variance_error}: (W);</li>
 *   <li>{@code U_1} (W, Π, Π) in path order, …, {@code U_L} (W, D_L, D_L);</li>
 *   <li>{@code test_mean, test_variance}: (W, Q); {@code alignment_eigenvalues,
 *       alignment_overlaps}: (W, K);</li>
 *   <li>the same for the GP limit with prefix {@code gp_} and the width axis dropped
 *       ({@code gp_accuracy} is a scalar, {@code gp_U_1} is (Π, Π), …);</li>
 *   <li>{@code gp_subset_accuracy, gp_subset_gibbs_accuracy}: (S), in {@code gpSubsets}
 *       order;</li>
 *   <li>{@code path_display_order}: (Π), the path indices in plotting order (the paper's g, d, a1,
 *       a2 for the Markov task).</li>
 * </ul>
 */
public final class ResultArrays {

  private ResultArrays() {}

  /** @param r not modified; its arrays are copied into the returned ones */
  public static LinkedHashMap<String, NpyArray> of(TheoryResult r) {
    LinkedHashMap<String, NpyArray> m = new LinkedHashMap<>();
    List<TheoryResult.Point> ws = r.widths();
    int w = ws.size();
    put(m, "width", new int[] {w}, perWidth(ws, p -> p.width()));
    put(m, "alpha", new int[] {w}, perWidth(ws, TheoryResult.Point::alpha));
    put(m, "converged", new int[] {w}, perWidth(ws, p -> p.converged() ? 1 : 0));
    put(m, "U_a", new int[] {w}, perWidth(ws, TheoryResult.Point::scalarOrderParameter));
    put(m, "accuracy", new int[] {w}, perWidth(ws, TheoryResult.Point::accuracy));
    put(m, "gibbs_accuracy", new int[] {w}, perWidth(ws, TheoryResult.Point::gibbsAccuracy));
    put(m, "bias_error", new int[] {w}, perWidth(ws, TheoryResult.Point::biasError));
    put(m, "variance_error", new int[] {w}, perWidth(ws, TheoryResult.Point::varianceError));
    for (int l = 0; l < r.layers(); l++) {
      int d = r.gp().orderParameters().get(l).length;
      double[] all = new double[w * d * d];
      for (int i = 0; i < w; i++) {
        flatten(ws.get(i).orderParameters().get(l), all, i * d * d);
      }
      put(m, "U_" + (l + 1), new int[] {w, d, d}, all);
    }
    int q = r.gp().testMean().length;
    int k = r.gp().eigenvalues().length;
    put(m, "test_mean", new int[] {w, q}, stack(ws, TheoryResult.Point::testMean, q));
    put(m, "test_variance", new int[] {w, q}, stack(ws, TheoryResult.Point::testVariance, q));
    put(m, "alignment_eigenvalues", new int[] {w, k},
        stack(ws, TheoryResult.Point::eigenvalues, k));
    put(m, "alignment_overlaps", new int[] {w, k}, stack(ws, TheoryResult.Point::overlaps, k));

    TheoryResult.Point gp = r.gp();
    put(m, "gp_U_a", new int[0], new double[] {gp.scalarOrderParameter()});
    put(m, "gp_accuracy", new int[0], new double[] {gp.accuracy()});
    put(m, "gp_gibbs_accuracy", new int[0], new double[] {gp.gibbsAccuracy()});
    put(m, "gp_bias_error", new int[0], new double[] {gp.biasError()});
    put(m, "gp_variance_error", new int[0], new double[] {gp.varianceError()});
    for (int l = 0; l < r.layers(); l++) {
      double[][] u = gp.orderParameters().get(l);
      double[] flat = new double[u.length * u.length];
      flatten(u, flat, 0);
      put(m, "gp_U_" + (l + 1), new int[] {u.length, u.length}, flat);
    }
    put(m, "gp_test_mean", new int[] {q}, gp.testMean().clone());
    put(m, "gp_test_variance", new int[] {q}, gp.testVariance().clone());
    put(m, "gp_alignment_eigenvalues", new int[] {k}, gp.eigenvalues().clone());
    put(m, "gp_alignment_overlaps", new int[] {k}, gp.overlaps().clone());
    List<TheoryResult.Subset> s = r.gpSubsets();
    put(m, "gp_subset_accuracy", new int[] {s.size()},
        s.stream().mapToDouble(TheoryResult.Subset::accuracy).toArray());
    put(m, "gp_subset_gibbs_accuracy", new int[] {s.size()},
        s.stream().mapToDouble(TheoryResult.Subset::gibbsAccuracy).toArray());
    int[] order = r.displayOrder();
    double[] orderD = new double[order.length];
    for (int i = 0; i < order.length; i++) orderD[i] = order[i];
    put(m, "path_display_order", new int[] {order.length}, orderD);
    return m;
  }

  /**
   * The theory arrays ({@link #of(TheoryResult)}) plus, when given, a sampled network's
   * ({@code sim_…}) and head pruning's ({@code prune_…}) arrays.
   *
   * @param sim a simulate.json, or null
   * @param prune a prune.json, or null
   */
  public static LinkedHashMap<String, NpyArray> of(TheoryResult r,
      org.attnpaths.notebooks.results.SimulationResult sim,
      org.attnpaths.notebooks.results.PruneResult prune) {
    LinkedHashMap<String, NpyArray> m = of(r);
    if (sim != null) m.putAll(simulation(sim));
    if (prune != null) m.putAll(prune(prune));
    return m;
  }

  /**
   * A sampled network: {@code sim_width, sim_alpha, sim_accuracy, sim_accuracy_se} (NaN with one
   * chain), {@code sim_chains}: (S); {@code sim_U_1} (S, Π, Π), the posterior mean of U_1.
   */
  static LinkedHashMap<String, NpyArray> simulation(
      org.attnpaths.notebooks.results.SimulationResult sim) {
    LinkedHashMap<String, NpyArray> m = new LinkedHashMap<>();
    var ws = sim.widths();
    int s = ws.size();
    put(m, "sim_width", new int[] {s}, ws.stream().mapToDouble(w -> w.width()).toArray());
    put(m, "sim_alpha", new int[] {s}, ws.stream().mapToDouble(w -> w.alpha()).toArray());
    put(m, "sim_accuracy", new int[] {s}, ws.stream().mapToDouble(w -> w.accuracy()).toArray());
    put(m, "sim_accuracy_se", new int[] {s},
        ws.stream().mapToDouble(w -> w.accuracyStandardError()).toArray());
    put(m, "sim_chains", new int[] {s}, ws.stream().mapToDouble(w -> w.chains()).toArray());
    int pi = sim.pathNames().size();
    double[] u = new double[s * pi * pi];
    for (int i = 0; i < s; i++) flatten(ws.get(i).u1(), u, i * pi * pi);
    put(m, "sim_U_1", new int[] {s, pi, pi}, u);
    return m;
  }

  /**
   * Head pruning, W widths, H heads (architecture order), C = 1 + Σ(H_ℓ − 1) cumulative steps:
   * {@code prune_width, prune_base_accuracy} (W); {@code prune_score}, {@code
   * prune_drop_frozen|resolved|simulated}, {@code prune_drop_simulated_se} (W, H);
   * {@code prune_cumulative_score|reverse|random}, {@code prune_cumulative_random_std},
   * {@code prune_cumulative_simulated_score|reverse} (W, C). NaN where the file has no value.
   */
  static LinkedHashMap<String, NpyArray> prune(org.attnpaths.notebooks.results.PruneResult p) {
    LinkedHashMap<String, NpyArray> m = new LinkedHashMap<>();
    var ws = p.widths();
    int w = ws.size();
    int h = ws.isEmpty() ? 0 : ws.get(0).heads().size();
    int c = 0;
    for (var x : ws) for (double[] v : x.cumulative().values()) c = Math.max(c, v.length);
    put(m, "prune_width", new int[] {w}, ws.stream().mapToDouble(x -> x.width()).toArray());
    put(m, "prune_base_accuracy", new int[] {w},
        ws.stream().mapToDouble(x -> x.baseAccuracy()).toArray());
    double[] score = new double[w * h];
    double[] se = new double[w * h];
    java.util.Arrays.fill(se, Double.NaN);
    java.util.Map<String, double[]> drops = new LinkedHashMap<>();
    for (String method : org.attnpaths.notebooks.results.PruneResult.METHODS) {
      double[] d = new double[w * h];
      java.util.Arrays.fill(d, Double.NaN);
      drops.put(method, d);
    }
    for (int i = 0; i < w; i++) {
      var heads = ws.get(i).heads();
      if (heads.size() != h) {
        throw new IllegalArgumentException(p.file().path() + ": results[" + i + "].heads: expected "
            + h + " heads like results[0], got " + heads.size());
      }
      for (int j = 0; j < h; j++) {
        score[i * h + j] = heads.get(j).score();
        se[i * h + j] = heads.get(j).simulatedDropStandardError();
        for (var e : drops.entrySet()) {
          e.getValue()[i * h + j] = heads.get(j).drop().getOrDefault(e.getKey(), Double.NaN);
        }
      }
    }
    put(m, "prune_score", new int[] {w, h}, score);
    for (var e : drops.entrySet()) put(m, "prune_drop_" + e.getKey(), new int[] {w, h}, e.getValue());
    put(m, "prune_drop_simulated_se", new int[] {w, h}, se);
    for (String o : org.attnpaths.notebooks.results.PruneResult.ORDERS) {
      final int cc = c;
      put(m, "prune_cumulative_" + o, new int[] {w, c}, rows(ws.size(), cc,
          i -> ws.get(i).cumulative().get(o)));
    }
    final int cc = c;
    put(m, "prune_cumulative_random_std", new int[] {w, c}, rows(w, cc, i -> ws.get(i).randomStd()));
    for (String o : java.util.List.of("score", "reverse")) {
      put(m, "prune_cumulative_simulated_" + o, new int[] {w, c}, rows(w, cc,
          i -> ws.get(i).simulatedCumulative().get(o)));
    }
    return m;
  }

  /** Row i = {@code row.apply(i)} padded with NaN to {@code c} (NaN row when null). */
  private static double[] rows(int w, int c, java.util.function.IntFunction<double[]> row) {
    double[] out = new double[w * c];
    java.util.Arrays.fill(out, Double.NaN);
    for (int i = 0; i < w; i++) {
      double[] v = row.apply(i);
      if (v != null) System.arraycopy(v, 0, out, i * c, Math.min(c, v.length));
    }
    return out;
  }

  /**
   * The {@code _meta.json} sidecar of an exported {@code .npz}: what the float64 arrays cannot hold
   * (path and subset names, configuration, provenance of the result and of the export) and each
   * array's shape.
   *
   * @param arrays as returned by {@link #of}; not modified
   */
  public static com.fasterxml.jackson.databind.node.ObjectNode meta(TheoryResult r,
      java.util.Map<String, NpyArray> arrays, com.fasterxml.jackson.databind.JsonNode exporter) {
    var f = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
    var m = f.objectNode();
    m.put("schema", META_SCHEMA);
    m.put("source", r.source().getFileName().toString());
    m.put("sourceSchema", TheoryResult.SCHEMA);
    var names = m.putArray("pathNames");
    r.pathNames().forEach(names::add);
    var subsets = m.putArray("gpSubsetNames");
    r.gpSubsets().forEach(s -> subsets.add(s.name()));
    var shapes = m.putObject("arrays");
    arrays.forEach((k, a) -> {
      var shape = shapes.putArray(k);
      for (int d : a.shape()) shape.add(d);
    });
    m.set("exporter", exporter);
    m.set("provenance", r.provenance());
    m.set("config", r.config());
    return m;
  }

  /** The schema name of the {@code _meta.json} sidecar. */
  public static final String META_SCHEMA = "attnpaths.npz-meta/1";

  private static void put(LinkedHashMap<String, NpyArray> m, String name, int[] shape,
      double[] data) {
    m.put(name, NpyArray.of(name, shape, data));
  }

  private static double[] perWidth(List<TheoryResult.Point> ws,
      ToDoubleFunction<TheoryResult.Point> f) {
    return ws.stream().mapToDouble(f).toArray();
  }

  private static double[] stack(List<TheoryResult.Point> ws,
      java.util.function.Function<TheoryResult.Point, double[]> f, int n) {
    double[] out = new double[ws.size() * n];
    for (int i = 0; i < ws.size(); i++) System.arraycopy(f.apply(ws.get(i)), 0, out, i * n, n);
    return out;
  }

  private static void flatten(double[][] u, double[] out, int offset) {
    int d = u.length;
    for (int a = 0; a < d; a++) System.arraycopy(u[a], 0, out, offset + a * d, d);
  }
}
