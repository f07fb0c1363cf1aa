package org.attnpaths.notebooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.attnpaths.notebooks.results.PruneResult;
import org.attnpaths.notebooks.results.ResultFile;
import org.attnpaths.notebooks.results.SimulationResult;

/**
 * The analysis notebook of a theory result: a markdown header (what was computed, with which
 * configuration and version), a cell loading the sidecar {@code .npz} by a relative path, one cell
 * per figure (numpy and matplotlib only) with a JFreeChart preview as its output, and a last cell
 * printing the key numbers from the {@code .npz}.
 */
public final class AnalysisNotebook {

  /** Alignment bars show at most this many leading components. */
  static final int ALIGNMENT_COMPONENTS = 10;

  private static final ObjectMapper JSON = new ObjectMapper();

  private AnalysisNotebook() {}

  /** {@code analysis.ipynb} → {@code analysis_data.npz}: the sidecar next to the notebook. */
  public static String dataFileName(Path notebook) {
    String name = notebook.getFileName().toString();
    String stem = name.endsWith(".ipynb") ? name.substring(0, name.length() - 6) : name;
    return stem + "_data.npz";
  }

  /**
   * The notebook as UTF-8 JSON bytes.
   *
   * @param r the result; not modified
   * @param dataFile the sidecar's file name, relative to the notebook's directory
   * @param exporter provenance of this export (version, time, command line), stored in the
   *     notebook's {@code metadata.attnpaths.exporter}
   */
  public static byte[] build(TheoryResult r, String dataFile, JsonNode exporter) {
    return notebook(r, null, null, dataFile, exporter).bytes();
  }

  /**
   * The notebook of a theory result with, optionally, a sampled network (simulation points on
   * the accuracy figure, sampled U_1 next to theory U_1) and head pruning (score scatter and
   * cumulative curves at each width). The sidecar must hold {@link ResultArrays#of(TheoryResult,
   * SimulationResult, PruneResult)} of the same inputs.
   *
   * @param sim a simulate.json, or null
   * @param prune a prune.json, or null
   */
  public static byte[] build(TheoryResult r, SimulationResult sim, PruneResult prune,
      String dataFile, JsonNode exporter) {
    return notebook(r, sim, prune, null, dataFile, exporter).bytes();
  }

  /**
   * As {@link #build(TheoryResult, SimulationResult, PruneResult, String, JsonNode)}, plus the
   * pre-kernel and renormalised-kernel heat maps; the sidecar must also hold the kernels' arrays
   * ({@code gp_kernel}, {@code kernel}, {@code kernel_width}, {@code class_order}).
   *
   * @param kernels the training kernels, or null for no kernel cell
   */
  public static byte[] build(TheoryResult r, SimulationResult sim, PruneResult prune,
      TrainingKernels kernels, String dataFile, JsonNode exporter) {
    return notebook(r, sim, prune, kernels, dataFile, exporter).bytes();
  }

  static Notebook notebook(TheoryResult r, SimulationResult sim, PruneResult prune,
      String dataFile, JsonNode exporter) {
    return notebook(r, sim, prune, null, dataFile, exporter);
  }

  static Notebook notebook(TheoryResult r, SimulationResult sim, PruneResult prune,
      TrainingKernels kernels, String dataFile, JsonNode exporter) {
    ObjectNode meta = JsonNodeFactory.instance.objectNode();
    meta.set("exporter", exporter);
    meta.put("data", dataFile);
    ObjectNode src = meta.putArray("sources").addObject();
    src.put("file", r.source().getFileName().toString());
    src.put("schema", TheoryResult.SCHEMA);
    src.set("provenance", r.provenance());
    src.set("config", r.config());
    for (ResultFile f : extraSources(sim, prune)) {
      ObjectNode o = meta.withArray("sources").addObject();
      o.put("file", f.path().getFileName().toString());
      o.put("schema", f.kind().schema());
      o.put("sha256", f.sha256());
      o.set("provenance", f.root().path("provenance"));
      o.set("config", f.root().path("config"));
    }
    Notebook nb = new Notebook(meta);

    nb.markdown("header", header(r, dataFile));
    nb.code("setup", setup(r, dataFile) + pruneSetup(prune));

    nb.markdown("accuracy-md", "## Test accuracy against width\n\n"
        + "Accuracy of the mean predictor, sign⟨f(x)⟩ = y, at each width $N$ (theory), with the GP "
        + "limit ($N \\to \\infty$) and the GP limits of path-subset networks as dashed lines.");
    Notebook.png(nb.code("accuracy", accuracyCell(sim != null)), ChartImages.accuracy(r, sim),
        "<Figure: test accuracy against N>");

    nb.markdown("u1-md", "## Order parameter $U_1$\n\n"
        + "$U_1^{\\pi\\pi'}$ weighs the path kernels $C^{\\pi\\pi'}$ in the renormalised kernel. "
        + "Paths in the order " + String.join(", ", displayNames(r)) + "; diverging colour scale "
        + "symmetric about 0.");
    for (int i : heatMapWidths(r.widths().size())) {
      TheoryResult.Point p = r.widths().get(i);
      Notebook.png(nb.code("u1-n" + p.width() + "-" + i, heatMapCell(i, p.width())),
          ChartImages.heatMap(r, p), "<Figure: U_1 at N = " + p.width() + ">");
    }

    if (sim != null) compareCells(nb, r, sim);

    nb.markdown("alignment-md", "## Kernel-task alignment\n\n"
        + "$|e_k \\cdot y|/\\sqrt{P}$ for the leading principal components $e_k$ of the training "
        + "kernel (without the $T\\,I$ term): GP kernel against the renormalised kernel at each "
        + "width.");
    Notebook.png(nb.code("alignment", alignmentCell()),
        ChartImages.alignment(r, ALIGNMENT_COMPONENTS), "<Figure: kernel-task alignment>");

    if (kernels != null) {
      nb.markdown("kernels-md", "## Pre-kernel and renormalised kernels\n\n"
          + "The training kernel before renormalisation (the GP kernel $K(U_{GP})$) and "
          + "$K(U_1) = \\sum U_1^{\\pi\\pi'} C^{\\pi\\pi'}$ at "
          + (kernels.widths().size() == 1 ? "one width" : "several widths")
          + ", without $T\\,I$; examples ordered by class (a white line at the boundary), "
          + "each panel on its own colour scale.");
      Notebook.png(nb.code("kernels", KERNEL_CELL), ChartImages.kernels(kernels),
          "<Figure: pre-kernel and renormalised kernels>");
    }

    if (prune != null) pruneCells(nb, prune);

    nb.markdown("numbers-md", "## Key numbers\n\nRead back from `" + dataFile + "`; they equal "
        + "the values in " + sourceNames(r, sim, prune) + ".");
    Notebook.stdout(nb.code("numbers", numbersCell() + (sim == null ? "" : SIM_NUMBERS)
        + (prune == null ? "" : PRUNE_NUMBERS)), keyNumbers(r) + keyNumbers(sim)
        + keyNumbers(prune));
    return nb;
  }

  private static List<ResultFile> extraSources(SimulationResult sim, PruneResult prune) {
    List<ResultFile> l = new ArrayList<>();
    if (sim != null) l.add(sim.file());
    if (prune != null) l.add(prune.file());
    return l;
  }

  private static String sourceNames(TheoryResult r, SimulationResult sim, PruneResult prune) {
    List<String> names = new ArrayList<>(List.of("`" + r.source().getFileName() + "`"));
    for (ResultFile f : extraSources(sim, prune)) names.add("`" + f.path().getFileName() + "`");
    return String.join(", ", names);
  }

  /** Theory U_1 next to the sampled network's at each width present in both. */
  private static void compareCells(Notebook nb, TheoryResult r, SimulationResult sim) {
    nb.markdown("u1-compare-md", "## Theory and sampled network: $U_1$\n\n"
        + "The saddle-point $U_1$ (left) next to the posterior mean of $U_1$ in the sampled "
        + "network (" + sim.sampler() + ", right) at the same width, one colour scale.");
    for (int j = 0; j < sim.widths().size(); j++) {
      SimulationResult.Width sw = sim.widths().get(j);
      for (int i = 0; i < r.widths().size(); i++) {
        TheoryResult.Point p = r.widths().get(i);
        if (p.width() != sw.width()) continue;
        Notebook.png(nb.code("u1-compare-n" + p.width() + "-" + i + "-" + j,
            compareCell(i, j, p.width())), ChartImages.compare(r, p, sw),
            "<Figure: theory and sampled U_1 at N = " + p.width() + ">");
        break;
      }
    }
  }

  /** The pruning figures at each width of the prune file. */
  private static void pruneCells(Notebook nb, PruneResult prune) {
    nb.markdown("prune-md", "## Head pruning\n\n"
        + "Left: each head's score against the drop in test accuracy when that head alone is "
        + "removed (theory with the order parameters frozen, theory re-solved, sampled network "
        + "± s.e. when present). Right: accuracy after removing heads one after another in score "
        + "order, reverse order and random orders (mean ± std), from the "
        + prune.cumulativeMethod() + " theory.");
    for (int i = 0; i < prune.widths().size(); i++) {
      PruneResult.Width w = prune.widths().get(i);
      Notebook.png(nb.code("prune-score-n" + w.width() + "-" + i, pruneScoreCell(i, w.width())),
          ChartImages.pruneScore(w), "<Figure: head score against accuracy drop at N = "
              + w.width() + ">");
      Notebook.png(nb.code("prune-curve-n" + w.width() + "-" + i, pruneCurveCell(i, w.width())),
          ChartImages.pruneCurve(w), "<Figure: accuracy against heads removed at N = "
              + w.width() + ">");
    }
  }

  /** Indices of the widths shown as heat maps: smallest, middle and largest (distinct). */
  public static List<Integer> heatMapWidths(int count) {
    Set<Integer> s = new LinkedHashSet<>(List.of(0, (count - 1) / 2, count - 1));
    return new ArrayList<>(s);
  }

  private static List<String> displayNames(TheoryResult r) {
    List<String> names = new ArrayList<>();
    for (int k : r.displayOrder()) names.add(r.pathNames().get(k));
    return names;
  }

  private static String header(TheoryResult r, String dataFile) {
    JsonNode c = r.config();
    JsonNode task = c.path("task");
    JsonNode arch = c.path("architecture");
    JsonNode prov = r.provenance();
    StringBuilder b = new StringBuilder();
    b.append("# attnpaths theory: ").append(task.path("name").asText("?")).append("\n\n");
    b.append("Saddle-point theory of Bayesian learning in deep multi-head attention networks ")
        .append("(Tiberi et al., NeurIPS 2024): order parameters, test predictions and kernel-task ")
        .append("alignment at each width $N$, and the GP limit. Exported from `")
        .append(r.source().getFileName()).append("`; the arrays are in `").append(dataFile)
        .append("` next to this notebook.\n\n");
    b.append("| | |\n|---|---|\n");
    row(b, "task", task.path("name").asText("?") + " (" + task.path("source").path("kind")
        .asText("?") + ")");
    row(b, "P train / Q test", task.path("trainSize").asText("?") + " / "
        + task.path("testSize").asText("?"));
    row(b, "heads per layer", arch.path("heads").toString());
    row(b, "paths", String.join(", ", r.pathNames()));
    row(b, "widths N", arch.path("widths").toString());
    row(b, "temperature T", arch.path("temperature").asText("?"));
    row(b, "variances", arch.path("variances").toString());
    row(b, "readout", arch.path("readout").asText("?"));
    row(b, "solver", c.path("solver").path("method").asText("?") + ", tolerance "
        + c.path("solver").path("tolerance").asText("?"));
    row(b, "seed", c.path("seed").asText("?"));
    row(b, "attnpaths version", prov.path("version").asText("?") + " (git "
        + prov.path("gitCommit").asText("?") + ")");
    row(b, "computed", prov.path("started").asText("?") + " on " + prov.path("osArch").asText("?")
        + ", Java " + prov.path("javaVersion").asText("?") + ", backend "
        + prov.path("backend").asText("?"));
    JsonNode cmd = c.path("commandLine");
    if (cmd.isArray()) {
      List<String> words = new ArrayList<>();
      cmd.forEach(w -> words.add(w.asText()));
      row(b, "command", "`" + String.join(" ", words) + "`");
    }
    long notConverged = r.widths().stream().filter(p -> !p.converged()).count();
    if (notConverged > 0) {
      b.append("\n**Warning:** ").append(notConverged).append(" width(s) did not converge ")
          .append("(`converged` = 0 in the data); those points are not solutions.\n");
    }
    return b.toString();
  }

  private static void row(StringBuilder b, String key, String value) {
    b.append("| ").append(key).append(" | ").append(value.replace("|", "\\|")).append(" |\n");
  }

  private static String setup(TheoryResult r, String dataFile) {
    List<String> subsetNames = new ArrayList<>();
    r.gpSubsets().forEach(s -> subsetNames.add(s.name()));
    int p = r.config().path("task").path("trainSize").asInt(0);
    return "import numpy as np\n"
        + "import matplotlib.pyplot as plt\n"
        + "\n"
        + "# The arrays (float64, C order); names and shapes: src/site/markdown/notebook.md.\n"
        + "data = np.load(" + py(dataFile) + ")\n"
        + "width = data[\"width\"]\n"
        + "path_names = " + pyList(r.pathNames()) + "  # path order (h_1 slowest)\n"
        + "order = [int(k) for k in data[\"path_display_order\"]]  # plotting order\n"
        + "gp_subset_names = " + pyList(subsetNames) + "\n"
        + "P = " + p + "  # training examples\n"
        + "print(sorted(data.files))\n";
  }

  private static String accuracyCell(boolean sim) {
    return """
        fig, ax = plt.subplots(figsize=(7.6, 4.2))
        ax.plot(width, data["accuracy"], "o-", color="C0", label="theory")
        """ + (sim ? """
        ax.errorbar(data["sim_width"], data["sim_accuracy"], yerr=np.nan_to_num(data["sim_accuracy_se"]),
                    fmt="o", color="k", capsize=3, label="sampled network (± s.e.)")
        """ : "") + """
        ax.axhline(float(data["gp_accuracy"]), color="C1", ls="--", label="GP")
        for i, name in enumerate(gp_subset_names):
            ax.axhline(data["gp_subset_accuracy"][i], color=f"C{i + 2}", ls="--", label="GP " + name)
        ax.set_xscale("log")
        ax.set_xlabel("$N$")
        ax.set_ylabel("test accuracy")
        if P > 0:
            sec = ax.secondary_xaxis("top", functions=(lambda n: P / np.maximum(n, 1e-12),
                                                       lambda a: P / np.maximum(a, 1e-12)))
            sec.set_xlabel(r"$\\alpha = P/N$")
        ax.legend(loc="center left", bbox_to_anchor=(1.02, 0.5), fontsize="small")
        fig.tight_layout()
        plt.show()
        """;
  }

  private static String heatMapCell(int index, int width) {
    return "i = " + index + "  # N = " + width + "\n" + """
        u = data["U_1"][i][np.ix_(order, order)]
        m = float(np.nanmax(np.abs(u))) or 1.0
        labels = [path_names[k] for k in order]
        fig, ax = plt.subplots(figsize=(5.2, 4.2))
        im = ax.imshow(u, cmap="RdBu_r", vmin=-m, vmax=m)
        ax.set_xticks(range(len(labels)))
        ax.set_xticklabels(labels)
        ax.set_yticks(range(len(labels)))
        ax.set_yticklabels(labels)
        ax.set_title(f"$U_1$ at $N$ = {int(width[i])}")
        fig.colorbar(im, ax=ax, label="$U_1^{\\\\pi\\\\pi'}$")
        plt.show()
        """;
  }

  private static final String KERNEL_CELL = """
      o = data["class_order"].astype(int)
      b = int((data["y_train"] > 0).sum())  # class boundary in o
      panels = [("pre-kernel (GP)", data["gp_kernel"])]
      panels += [(f"renormalised, $N$ = {int(w)}", k)
                 for w, k in zip(data["kernel_width"], data["kernel"])]
      fig, axes = plt.subplots(1, len(panels), figsize=(4.2 * len(panels), 4), squeeze=False)
      for ax, (title, k) in zip(axes[0], panels):
          im = ax.imshow(k[np.ix_(o, o)], cmap="viridis")
          ax.axhline(b - 0.5, color="w", lw=0.8)
          ax.axvline(b - 0.5, color="w", lw=0.8)
          ax.set_title(title)
          ax.set_xlabel("training example (by class)")
          fig.colorbar(im, ax=ax, shrink=0.8)
      fig.tight_layout()
      plt.show()
      """;

  private static String alignmentCell() {
    return "K = min(" + ALIGNMENT_COMPONENTS + ", data[\"gp_alignment_overlaps\"].shape[0])\n"
        + """
        k = np.arange(1, K + 1)
        bw = 0.8 / (1 + len(width))
        fig, ax = plt.subplots(figsize=(6.4, 4.2))
        ax.bar(k - 0.4 + 0.5 * bw, data["gp_alignment_overlaps"][:K], bw, color="C1", label="GP")
        for j in range(len(width)):
            shade = plt.cm.Blues(0.45 + 0.55 * j / max(1, len(width) - 1))
            ax.bar(k - 0.4 + (j + 1.5) * bw, data["alignment_overlaps"][j, :K], bw, color=shade,
                   label=f"$N$ = {int(width[j])}")
        ax.set_xticks(k)
        ax.set_xlabel("principal component $k$")
        ax.set_ylabel(r"$|e_k \\cdot y| / \\sqrt{P}$")
        ax.legend(loc="best", fontsize="small")
        plt.show()
        """;
  }

  private static String numbersCell() {
    return """
        # One line per number, "name [N=width] value", value as Python's repr (exact).
        for j in range(len(width)):
            n = int(width[j])
            print(f"accuracy N={n} {float(data['accuracy'][j])!r}")
            print(f"gibbs_accuracy N={n} {float(data['gibbs_accuracy'][j])!r}")
            print(f"U_a N={n} {float(data['U_a'][j])!r}")
        print(f"gp_accuracy {float(data['gp_accuracy'])!r}")
        print(f"gp_gibbs_accuracy {float(data['gp_gibbs_accuracy'])!r}")
        for i, name in enumerate(gp_subset_names):
            print(f"gp_subset_accuracy {name} {float(data['gp_subset_accuracy'][i])!r}")
        """;
  }

  private static String compareCell(int i, int j, int width) {
    return "i, j = " + i + ", " + j + "  # N = " + width + ": theory index, sampled index\n" + """
        ut = data["U_1"][i][np.ix_(order, order)]
        us = data["sim_U_1"][j][np.ix_(order, order)]
        m = float(np.nanmax(np.abs(np.concatenate([ut.ravel(), us.ravel()])))) or 1.0
        labels = [path_names[k] for k in order]
        fig, axes = plt.subplots(1, 2, figsize=(9.6, 4.2))
        for ax, u, name in zip(axes, (ut, us), ("theory", "sampled network")):
            im = ax.imshow(u, cmap="RdBu_r", vmin=-m, vmax=m)
            ax.set_xticks(range(len(labels)))
            ax.set_xticklabels(labels)
            ax.set_yticks(range(len(labels)))
            ax.set_yticklabels(labels)
            ax.set_title(f"{name}: $U_1$ at $N$ = {int(width[i])}")
        fig.colorbar(im, ax=axes, label="$U_1^{\\\\pi\\\\pi'}$")
        plt.show()
        """;
  }

  private static String pruneSetup(PruneResult prune) {
    if (prune == null) return "";
    List<String> labels = new ArrayList<>();
    prune.widths().get(0).heads().forEach(h -> labels.add(h.label()));
    StringBuilder b = new StringBuilder("prune_heads = ").append(pyList(labels))
        .append("  # head labels (l)h, the columns of prune_score and prune_drop_*\n")
        .append("prune_removed = {");
    for (String o : List.of("score", "reverse")) {
      List<String> perWidth = new ArrayList<>();
      for (PruneResult.Width w : prune.widths()) perWidth.add(pyList(w.removed().get(o)));
      b.append(o.equals("score") ? "" : ", ").append(py(o)).append(": [")
          .append(String.join(", ", perWidth)).append(']');
    }
    return b.append("}  # heads in removal order, per width\n").toString();
  }

  private static String pruneScoreCell(int i, int width) {
    return "i = " + i + "  # N = " + width + "\n" + """
        styles = {"frozen": ("s", "#6baed6", "theory, frozen"),
                  "resolved": ("o", "C0", "theory, re-solved"),
                  "simulated": (".", "k", "sampled network (± s.e.)")}
        x = data["prune_score"][i]
        fig, ax = plt.subplots(figsize=(7.6, 4.8))
        for method, (marker, colour, label) in styles.items():
            y = data["prune_drop_" + method][i]
            ok = np.isfinite(y)
            if not ok.any():
                continue
            yerr = np.nan_to_num(data["prune_drop_simulated_se"][i][ok]) if method == "simulated" else None
            ax.errorbar(x[ok], y[ok], yerr=yerr, fmt=marker, color=colour, capsize=3, label=label)
        for h, name in enumerate(prune_heads):
            ys = [data["prune_drop_" + m][i][h] for m in styles]
            ys = [v for v in ys if np.isfinite(v)]
            if ys:
                ax.annotate(name, (x[h], max(ys)), textcoords="offset points", xytext=(6, 4),
                            fontsize="small")
        ax.axhline(0, color="0.6", lw=0.8)
        ax.set_xlabel("head score (normalised to the largest)")
        ax.set_ylabel("accuracy drop when the head is removed")
        ax.set_title(f"Head score vs accuracy drop at $N$ = {int(data['prune_width'][i])}")
        ax.legend(loc="upper left", fontsize="small")
        plt.show()
        """;
  }

  private static String pruneCurveCell(int i, int width) {
    return "i = " + i + "  # N = " + width + "\n" + """
        score = data["prune_cumulative_score"][i]
        k = np.arange(len(score))
        fig, ax = plt.subplots(figsize=(7.6, 4.8))
        mean = data["prune_cumulative_random"][i]
        sd = np.nan_to_num(data["prune_cumulative_random_std"][i])
        ax.fill_between(k, np.clip(mean - sd, 0, 1), np.clip(mean + sd, 0, 1), color="0.8", alpha=0.6)
        ax.plot(k, mean, "o--", color="0.35", label="random orders (mean ± std, within [0, 1])")
        ax.plot(k, score, "o-", color="C0", label="score order (lowest score first)")
        ax.plot(k, data["prune_cumulative_reverse"][i], "s-", color="#6a3d9a",
                label="reverse order (highest score first)")
        for o, marker in (("score", "o"), ("reverse", "s")):
            s = data["prune_cumulative_simulated_" + o][i]
            if np.isfinite(s).any():
                ax.plot(k, s, marker, color="k", ms=4, ls="none", label=f"sampled network, {o} order")
            for step, name in enumerate(prune_removed[o][i], start=1):
                v = data["prune_cumulative_" + o][i][step]
                if np.isfinite(v):
                    ax.annotate("−" + name, (step, v), textcoords="offset points",
                                xytext=(6, -12 if o == "score" else 4), fontsize="small")
        ax.axhline(float(data["prune_base_accuracy"][i]), color="C0", ls=":", label="full network")
        ax.set_xticks(k)
        ax.set_xlim(-0.3, len(k) - 0.4)  # room for the labels of the last step
        ax.set_xlabel("heads removed")
        ax.set_ylabel("test accuracy of the mean predictor")
        ax.set_title(f"Accuracy vs heads removed at $N$ = {int(data['prune_width'][i])}")
        ax.legend(loc="lower left", fontsize="small")
        plt.show()
        """;
  }

  private static final String SIM_NUMBERS = """
      for j in range(len(data["sim_width"])):
          n = int(data["sim_width"][j])
          print(f"sim_accuracy N={n} {float(data['sim_accuracy'][j])!r}")
          print(f"sim_accuracy_se N={n} {float(data['sim_accuracy_se'][j])!r}")
      """;

  private static final String PRUNE_NUMBERS = """
      for i in range(len(data["prune_width"])):
          n = int(data["prune_width"][i])
          for h, name in enumerate(prune_heads):
              for m in ("frozen", "resolved", "simulated"):
                  v = float(data["prune_drop_" + m][i][h])
                  if v == v:
                      print(f"prune_drop_{m} N={n} {name} {v!r}")
          for o in ("score", "reverse", "random"):
              for step, v in enumerate(data["prune_cumulative_" + o][i]):
                  if v == v:
                      print(f"prune_cumulative_{o} N={n} k={step} {float(v)!r}")
      """;

  /** What {@link #SIM_NUMBERS} prints; "" without a simulation. */
  static String keyNumbers(SimulationResult sim) {
    if (sim == null) return "";
    StringBuilder b = new StringBuilder();
    for (SimulationResult.Width w : sim.widths()) {
      b.append("sim_accuracy N=").append(w.width()).append(' ').append(repr(w.accuracy()))
          .append('\n');
      b.append("sim_accuracy_se N=").append(w.width()).append(' ')
          .append(repr(w.accuracyStandardError())).append('\n');
    }
    return b.toString();
  }

  /** What {@link #PRUNE_NUMBERS} prints (NaN values are skipped); "" without pruning. */
  static String keyNumbers(PruneResult prune) {
    if (prune == null) return "";
    StringBuilder b = new StringBuilder();
    for (PruneResult.Width w : prune.widths()) {
      for (PruneResult.Head h : w.heads()) {
        for (String m : PruneResult.METHODS) {
          double v = h.drop().getOrDefault(m, Double.NaN);
          if (!Double.isNaN(v)) {
            b.append("prune_drop_").append(m).append(" N=").append(w.width()).append(' ')
                .append(h.label()).append(' ').append(repr(v)).append('\n');
          }
        }
      }
      for (String o : PruneResult.ORDERS) {
        double[] c = w.cumulative().get(o);
        if (c == null) continue;
        for (int k = 0; k < c.length; k++) {
          if (Double.isNaN(c[k])) continue;
          b.append("prune_cumulative_").append(o).append(" N=").append(w.width()).append(" k=")
              .append(k).append(' ').append(repr(c[k])).append('\n');
        }
      }
    }
    return b.toString();
  }

  /** What {@link #numbersCell()} prints, for the preview output (values via {@link #repr}). */
  static String keyNumbers(TheoryResult r) {
    StringBuilder b = new StringBuilder();
    for (TheoryResult.Point p : r.widths()) {
      b.append("accuracy N=").append(p.width()).append(' ').append(repr(p.accuracy())).append('\n');
      b.append("gibbs_accuracy N=").append(p.width()).append(' ').append(repr(p.gibbsAccuracy()))
          .append('\n');
      b.append("U_a N=").append(p.width()).append(' ').append(repr(p.scalarOrderParameter()))
          .append('\n');
    }
    b.append("gp_accuracy ").append(repr(r.gp().accuracy())).append('\n');
    b.append("gp_gibbs_accuracy ").append(repr(r.gp().gibbsAccuracy())).append('\n');
    for (TheoryResult.Subset s : r.gpSubsets()) {
      b.append("gp_subset_accuracy ").append(s.name()).append(' ').append(repr(s.accuracy()))
          .append('\n');
    }
    return b.toString();
  }

  /** A double as Python prints it, up to the exponent format: nan, inf, or a round-trip decimal. */
  static String repr(double v) {
    if (Double.isNaN(v)) return "nan";
    if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
    return Double.toString(v).toLowerCase(Locale.ROOT);
  }

  private static String py(String s) {
    try {
      return JSON.writeValueAsString(s); // a JSON string literal is a valid Python literal
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pyList(List<String> items) {
    List<String> quoted = new ArrayList<>();
    for (String s : items) quoted.add(py(s));
    return "[" + String.join(", ", quoted) + "]";
  }

}
