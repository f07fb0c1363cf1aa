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
    return notebook(r, dataFile, exporter).bytes();
  }

  static Notebook notebook(TheoryResult r, String dataFile, JsonNode exporter) {
    ObjectNode meta = JsonNodeFactory.instance.objectNode();
    meta.set("exporter", exporter);
    meta.put("data", dataFile);
    ObjectNode src = meta.putArray("sources").addObject();
    src.put("file", r.source().getFileName().toString());
    src.put("schema", TheoryResult.SCHEMA);
    src.set("provenance", r.provenance());
    src.set("config", r.config());
    Notebook nb = new Notebook(meta);

    nb.markdown("header", header(r, dataFile));
    nb.code("setup", setup(r, dataFile));

    nb.markdown("accuracy-md", "## Test accuracy against width\n\n"
        + "Accuracy of the mean predictor, sign⟨f(x)⟩ = y, at each width $N$ (theory), with the GP "
        + "limit ($N \\to \\infty$) and the GP limits of path-subset networks as dashed lines.");
    Notebook.png(nb.code("accuracy", accuracyCell()), ChartImages.accuracy(r),
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

    nb.markdown("alignment-md", "## Kernel-task alignment\n\n"
        + "$|e_k \\cdot y|/\\sqrt{P}$ for the leading principal components $e_k$ of the training "
        + "kernel (without the $T\\,I$ term): GP kernel against the renormalised kernel at each "
        + "width.");
    Notebook.png(nb.code("alignment", alignmentCell()),
        ChartImages.alignment(r, ALIGNMENT_COMPONENTS), "<Figure: kernel-task alignment>");

    nb.markdown("numbers-md", "## Key numbers\n\nRead back from `" + dataFile + "`; they equal "
        + "the values in `" + r.source().getFileName() + "`.");
    Notebook.stdout(nb.code("numbers", numbersCell()), keyNumbers(r));
    return nb;
  }

  /** Indices of the widths shown as heat maps: smallest, middle and largest (distinct). */
  static List<Integer> heatMapWidths(int count) {
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

  private static String accuracyCell() {
    return """
        fig, ax = plt.subplots(figsize=(7.6, 4.2))
        ax.plot(width, data["accuracy"], "o-", color="C0", label="theory")
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
