package org.attnpaths.cli.report;

import org.attnpaths.notebooks.results.ResultFile;
import org.attnpaths.notebooks.results.SimulationResult;
import org.attnpaths.notebooks.results.PruneResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.attnpaths.cli.output.AtomicFile;

/**
 * The report of a set of result files: its figures and tables, written as
 * {@code DIR/index.html} (self-contained, inline SVG), {@code DIR/figures/NAME.png|svg} and
 * {@code DIR/NAME.csv}. Build with {@link #of} (validates everything), then {@link #write}.
 *
 * @param files the inputs, in command-line order
 * @param sections theory, simulation and provenance sections, in page order
 * @param warnings things the reader must know (e.g. unconverged widths)
 */
public record Report(List<ResultFile> files, List<Section> sections, List<String> warnings) {

  /**
   * Rendering options. {@code heatmapWidths} empty: smallest, middle and largest width.
   * {@code pdf}: also write each figure as a vector PDF.
   * {@code kernels}: rebuild the task to draw the kernel heat maps ({@link ResultKernels}).
   */
  public record Options(int dpi, boolean png, boolean svg, boolean pdf,
      List<Integer> heatmapWidths, boolean kernels) {
    public Options {
      heatmapWidths = List.copyOf(heatmapWidths);
      if (dpi < 24 || dpi > 1200) {
        throw new IllegalArgumentException("--dpi: expected 24..1200, got " + dpi);
      }
    }
  }

  /** A titled part of the page: figures first, then tables. */
  public record Section(String id, String title, List<Figure> figures, List<Table> tables) {
    public Section {
      figures = List.copyOf(figures);
      tables = List.copyOf(tables);
    }
  }

  public Report {
    files = List.copyOf(files);
    sections = List.copyOf(sections);
    warnings = List.copyOf(warnings);
  }

  /** Reads and checks every file; nothing is written. */
  public static List<ResultFile> read(List<Path> paths) {
    if (paths.isEmpty()) throw new IllegalArgumentException("RESULT: expected at least one file");
    List<ResultFile> files = new ArrayList<>();
    for (Path p : paths) files.add(ResultFile.read(p));
    return files;
  }

  /**
   * Draws every figure and builds every table.
   *
   * @throws IllegalArgumentException if a file lacks a field, or a requested heat-map width is
   *     not in a theory file
   */
  public static Report of(List<ResultFile> files, Options options) {
    List<TheoryResult> theories = new ArrayList<>();
    List<SimulationResult> sims = new ArrayList<>();
    List<PruneResult> prunes = new ArrayList<>();
    for (ResultFile f : files) {
      switch (f.kind()) {
        case THEORY -> theories.add(TheoryResult.of(f));
        case SIMULATE -> sims.add(SimulationResult.of(f));
        case PRUNE -> prunes.add(PruneResult.of(f));
      }
    }
    List<Section> sections = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (int t = 0; t < theories.size(); t++) {
      String prefix = theories.size() == 1 ? "" : "t" + (t + 1) + "-";
      sections.add(theorySection(prefix, theories.get(t), sims, options, warnings));
    }
    for (int s = 0; s < sims.size(); s++) {
      String prefix = sims.size() == 1 ? "sim-" : "sim" + (s + 1) + "-";
      sections.add(simulationSection(prefix, sims.get(s), theories.isEmpty(), options));
    }
    for (int k = 0; k < prunes.size(); k++) {
      String prefix = prunes.size() == 1 ? "prune-" : "prune" + (k + 1) + "-";
      sections.add(pruneSection(prefix, prunes.get(k), warnings));
    }
    sections.add(new Section("provenance", "Provenance", List.of(),
        List.of(ReportTables.provenance("provenance", files))));
    return new Report(files, sections, warnings);
  }

  private static Section theorySection(String prefix, TheoryResult t, List<SimulationResult> sims,
      Options options, List<String> warnings) {
    PathOrder order = PathOrder.of(t.pathNames(), t.heads());
    List<Figure> figures = new ArrayList<>();
    figures.add(AccuracyChart.of(prefix + "accuracy", t, sims, t.trainSize()));
    for (int n : heatmapWidths(t, options)) {
      TheoryResult.Width w = t.widths().stream().filter(x -> x.width() == n).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("--heatmap-widths: width " + n
              + " is not in " + t.file().path() + " (widths " + widthsOf(t) + ")"));
      figures.add(OrderParameterHeatMap.of(prefix + "u1-n" + n, "Order parameter U₁ at N = " + n
          + " (theory, α = " + number(w.alpha()) + ")", w.u1(), order));
    }
    for (SimulationResult s : sims) {
      if (!s.pathNames().equals(t.pathNames())) continue;
      for (SimulationResult.Width sw : s.widths()) {
        t.widths().stream().filter(x -> x.width() == sw.width()).findFirst().ifPresent(w ->
            figures.add(OrderParameterComparison.of(prefix + "u1-compare-n" + sw.width()
                + (sims.size() == 1 ? "" : "-s" + (sims.indexOf(s) + 1)), sw.width(),
                s.sampler(), w.u1(), sw.u1(), order)));
      }
    }
    if (options.kernels()) kernelFigures(prefix, t, options, figures, warnings);
    if (AlignmentChart.available(t, t.widths())) {
      TheoryResult.Width smallest = t.widths().stream().filter(w -> w.overlaps().length > 0)
          .min((a, b) -> Integer.compare(a.width(), b.width())).orElseThrow();
      figures.add(AlignmentChart.of(prefix + "alignment-n" + smallest.width(), t, smallest));
    }
    for (TheoryResult.Width w : t.widths()) {
      if (!w.certificate().converged()) {
        warnings.add(t.file().path() + ": N = " + w.width() + " did NOT converge (max gradient "
            + number(w.certificate().maxGradient()) + "); its values are not a solution");
      }
    }
    List<Table> tables = List.of(ReportTables.results(prefix + "results", t, order),
        ReportTables.gp(prefix + "gp", t), ReportTables.certificates(prefix + "certificates", t));
    return new Section(prefix + "theory", "Theory: " + t.taskName() + " ("
        + t.file().path() + ")", figures, tables);
  }

  /** Pre-kernel and renormalised kernel at each heat-map width, from the rebuilt task. */
  private static void kernelFigures(String prefix, TheoryResult t, Options options,
      List<Figure> figures, List<String> warnings) {
    if (!ResultKernels.recorded(t.file().root())) {
      warnings.add(t.file().path() + ": no config.task.source recorded, so the kernel heat maps "
          + "are not drawn");
      return;
    }
    ResultKernels k = ResultKernels.rebuild(t.file().path(), t.file().root());
    double[][] gp = k.kernel(t.gpU1());
    for (int n : heatmapWidths(t, options)) {
      TheoryResult.Width w = t.widths().stream().filter(x -> x.width() == n).findFirst()
          .orElseThrow();
      figures.add(KernelHeatMap.of(prefix + "kernel-n" + n, "Training kernel: pre-kernel and "
          + "renormalised kernel at N = " + n, List.of(
              new KernelHeatMap.Panel("pre-kernel K_{GP}", gp),
              new KernelHeatMap.Panel("renormalised K_{U}, N = " + n, k.kernel(w.u1()))),
          k.classOrder(), k.positives()));
    }
  }

  private static Section simulationSection(String prefix, SimulationResult s, boolean drawAccuracy,
      Options options) {
    PathOrder order = PathOrder.of(s.pathNames(), s.heads());
    List<Figure> figures = new ArrayList<>();
    if (drawAccuracy) {
      int p = s.widths().isEmpty() ? 0
          : (int) Math.round(s.widths().get(0).alpha() * s.widths().get(0).width());
      figures.add(AccuracyChart.of(prefix + "accuracy", null, List.of(s), p));
      for (SimulationResult.Width w : s.widths()) {
        figures.add(OrderParameterHeatMap.of(prefix + "u1-n" + w.width(), "Order parameter U₁ at N = "
            + w.width() + " (sampled, " + s.sampler() + ")", w.u1(), order));
      }
    }
    return new Section(prefix + "simulation", "Simulation: " + s.sampler() + " ("
        + s.file().path() + ")", figures,
        List.of(ReportTables.simulation(prefix + "simulation", s, order)));
  }

  /** Head pruning: the score scatter and the cumulative curves at every width, and the tables. */
  private static Section pruneSection(String prefix, PruneResult prune, List<String> warnings) {
    List<Figure> figures = new ArrayList<>();
    for (PruneResult.Width w : prune.widths()) {
      figures.add(HeadScoreChart.of(prefix + "score-n" + w.width(), prune, w));
      figures.add(PruningCurveChart.of(prefix + "curve-n" + w.width(), prune, w));
      for (PruneResult.Head h : w.heads()) {
        if (!h.resolvedConverged()) {
          warnings.add(prune.file().path() + ": N = " + w.width() + ", head " + h.label()
              + ": the re-solved saddle point did NOT converge; its 'resolved' accuracy is not a "
              + "solution");
        }
      }
    }
    return new Section(prefix + "pruning", "Head pruning: " + prune.taskName() + " ("
        + prune.file().path() + ")", figures, List.of(
            ReportTables.pruneHeads(prefix + "heads", prune),
            ReportTables.pruneCumulative(prefix + "cumulative", prune),
            ReportTables.pruneSpearman(prefix + "spearman", prune),
            ReportTables.prunePaths(prefix + "paths", prune)));
  }

  /** The requested widths, or the smallest, middle and largest (distinct, ascending). */
  static List<Integer> heatmapWidths(TheoryResult t, Options options) {
    if (!options.heatmapWidths().isEmpty()) return options.heatmapWidths();
    List<Integer> sorted = new ArrayList<>(new TreeSet<>(widthsOf(t)));
    if (sorted.isEmpty()) return List.of();
    return new ArrayList<>(new TreeSet<>(List.of(sorted.get(0), sorted.get(sorted.size() / 2),
        sorted.get(sorted.size() - 1))));
  }

  private static List<Integer> widthsOf(TheoryResult t) {
    return t.widths().stream().map(TheoryResult.Width::width).toList();
  }

  /**
   * Renders every figure, table and the page in memory first (so that a rendering failure writes
   * nothing), then writes the figures, the CSV tables and last {@code index.html}, each
   * atomically.
   *
   * @return the files written, {@code index.html} last
   */
  public List<Path> write(Path dir, Options options) throws IOException {
    java.util.LinkedHashMap<Path, byte[]> files = new java.util.LinkedHashMap<>();
    List<String> comments = new ArrayList<>();
    for (ResultFile f : this.files) {
      comments.add("source: " + f.path() + " (" + f.kind().schema() + ", sha256 " + f.sha256()
          + ", git " + f.provenance().getOrDefault("gitCommit", "unknown") + ")");
    }
    Path figDir = dir.resolve("figures");
    for (Section s : sections) {
      for (Figure f : s.figures()) {
        if (options.png()) files.put(figDir.resolve(f.name() + ".png"), f.png(options.dpi()));
        if (options.svg()) {
          files.put(figDir.resolve(f.name() + ".svg"),
              f.svgDocument().getBytes(StandardCharsets.UTF_8));
        }
        if (options.pdf()) files.put(figDir.resolve(f.name() + ".pdf"), f.pdf());
      }
      for (Table t : s.tables()) {
        files.put(dir.resolve(t.name() + ".csv"), t.csv(comments).getBytes(StandardCharsets.UTF_8));
      }
    }
    files.put(dir.resolve("index.html"), ReportPage.html(this).getBytes(StandardCharsets.UTF_8));
    List<Path> written = new ArrayList<>();
    for (var e : files.entrySet()) {
      byte[] bytes = e.getValue();
      AtomicFile.write(e.getKey(), o -> o.write(bytes));
      written.add(e.getKey());
    }
    return written;
  }

  /** Four significant digits, "–" for NaN (display only; CSV keeps full precision). */
  public static String number(double v) {
    return number(v, 4);
  }

  /** {@code digits} significant digits, "–" for NaN. */
  public static String number(double v, int digits) {
    if (Double.isNaN(v)) return "–";
    if (v == Math.rint(v) && Math.abs(v) < 1e6) return Long.toString((long) v);
    String s = String.format(Locale.ROOT, "%." + digits + "g", v);
    if (s.contains("e")) return s;
    if (s.contains(".")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
    return s;
  }
}
