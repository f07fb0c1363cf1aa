package org.attnpaths.cli.output;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.attnpaths.numerics.stats.SpearmanCorrelation;
import org.attnpaths.simulation.sampler.SampledPruning.Estimate;
import org.attnpaths.theory.pruning.CumulativeCurve;
import org.attnpaths.theory.pruning.Head;
import org.attnpaths.theory.pruning.HeadScores;
import org.attnpaths.theory.pruning.PathRelevance;
import org.attnpaths.theory.pruning.SingleRemoval;
import org.attnpaths.theory.pruning.WidthPruning;

/**
 * Writes {@code prune.json}, schema {@value #SCHEMA} (every field is documented in
 * {@code src/site/markdown/prune-json.md}; change that file and the schema version together).
 * The {@code config} and {@code provenance} blocks, certificates and the order-parameter layout
 * are those of {@code theory.json} ({@link TheoryJson}). Non-finite numbers are {@code null}.
 */
public final class PruneJson {

  /** Schema identifier; the number after the slash changes when a field changes meaning or goes. */
  public static final String SCHEMA = "attnpaths.prune/1";

  private static final JsonFactory FACTORY = new JsonFactory();

  private final JsonGenerator g;
  private final TheoryJson blocks;

  private PruneJson(JsonGenerator g) {
    this.g = g;
    this.blocks = new TheoryJson(g);
  }

  /** Writes {@code report} as pretty-printed UTF-8 JSON; does not close {@code out}. */
  public static void write(PruneReport report, OutputStream out) throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.useDefaultPrettyPrinter();
      new PruneJson(g).report(report);
      g.writeRaw('\n');
    }
  }

  private void report(PruneReport r) throws IOException {
    g.writeStartObject();
    g.writeStringField("schema", SCHEMA);
    g.writeObjectFieldStart("config");
    blocks.configFields(r.config());
    settings(r.settings());
    g.writeEndObject();
    g.writeFieldName("provenance");
    blocks.provenance(r.provenance());
    g.writeArrayFieldStart("results");
    for (PruneReport.Width w : r.results()) width(w, r);
    g.writeEndArray();
    g.writeEndObject();
  }

  private void settings(PruneReport.Settings s) throws IOException {
    g.writeObjectFieldStart("prune");
    g.writeFieldName("orders");
    blocks.strings(s.orders());
    g.writeNumberField("randomOrders", s.randomOrders());
    g.writeStringField("cumulativeMethod", s.cumulativeMethod());
    g.writeNumberField("permutations", s.permutations());
    if (s.simulate() == null) {
      g.writeNullField("simulate");
    } else {
      g.writeObjectFieldStart("simulate");
      g.writeStringField("method", s.simulate().method());
      g.writeNumberField("samples", s.simulate().samples());
      g.writeNumberField("burnIn", s.simulate().burnIn());
      g.writeNumberField("chains", s.simulate().chains());
      g.writeNumberField("threads", s.simulate().threads());
      if (s.simulate().potential() == null) g.writeNullField("potential");
      else g.writeStringField("potential", s.simulate().potential());
      if (s.simulate().massMatrix() == null) g.writeNullField("massMatrix");
      else g.writeStringField("massMatrix", s.simulate().massMatrix());
      g.writeFieldName("stepSize");
      blocks.number(s.simulate().stepSize());
      g.writeFieldName("trajectoryLength");
      blocks.number(s.simulate().trajectoryLength());
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private void width(PruneReport.Width w, PruneReport r) throws IOException {
    WidthPruning t = w.theory();
    SimulatedPruning sim = w.simulated();
    double base = t.baseAccuracy();
    g.writeStartObject();
    g.writeNumberField("width", t.width());
    g.writeFieldName("baseAccuracy");
    blocks.number(base);
    if (sim != null) {
      g.writeFieldName("simulatedBaseAccuracy");
      blocks.number(sim.base().value());
      g.writeFieldName("simulatedBaseStandardError");
      blocks.number(sim.base().standardError());
    }
    g.writeFieldName("certificate");
    blocks.certificate(t.full().saddlePoint().certificate());
    g.writeArrayFieldStart("heads");
    HeadScores scores = t.scores();
    for (int k = 0; k < t.singles().size(); k++) {
      head(t.singles().get(k), k, scores, base, sim, r.headNames());
    }
    g.writeEndArray();
    g.writeArrayFieldStart("pathRelevance");
    for (PathRelevance p : t.relevance()) {
      g.writeStartObject();
      g.writeNumberField("path", p.path());
      g.writeStringField("label", p.label());
      g.writeFieldName("diagonal");
      blocks.number(p.diagonal());
      g.writeFieldName("gp");
      blocks.number(p.gp());
      g.writeFieldName("ratio");
      blocks.number(p.ratio());
      g.writeEndObject();
    }
    g.writeEndArray();
    cumulative(t, sim);
    g.writeObjectFieldStart("spearman");
    g.writeFieldName("frozen");
    spearman(t.frozenSpearman());
    g.writeFieldName("resolved");
    spearman(t.resolvedSpearman());
    if (sim != null) {
      g.writeFieldName("simulated");
      spearman(sim.spearman());
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  private void head(SingleRemoval s, int k, HeadScores scores, double base, SimulatedPruning sim,
      List<List<String>> names) throws IOException {
    Head h = s.head();
    g.writeStartObject();
    g.writeNumberField("layer", h.layer());
    g.writeNumberField("head", h.head());
    g.writeStringField("label", h.label());
    if (h.layer() <= names.size() && h.head() <= names.get(h.layer() - 1).size()) {
      g.writeStringField("name", names.get(h.layer() - 1).get(h.index()));
    }
    g.writeFieldName("score");
    blocks.number(scores.normalised()[k]);
    g.writeFieldName("rawScore");
    blocks.number(scores.raw()[k]);
    g.writeFieldName("diagonalScore");
    blocks.number(scores.diagonal()[k]);
    if (!s.computed()) {
      // Not removed: every method's accuracy and drop is null (the objects keep their keys).
      for (String field : List.of("accuracy", "accuracyDrop")) {
        g.writeObjectFieldStart(field);
        g.writeNullField("frozen");
        g.writeNullField("resolved");
        if (sim != null) g.writeNullField("simulated");
        g.writeEndObject();
      }
      if (sim != null) g.writeNullField("simulatedDropStandardError");
      g.writeNullField("resolved");
      g.writeStringField("note", s.note());
      g.writeEndObject();
      return;
    }
    double frozen = s.frozen().accuracy();
    double resolved = s.resolved().test().accuracy();
    Estimate simAcc = sim == null ? null : sim.accuracies().get(k);
    Estimate simDrop = sim == null ? null : sim.drops().get(k);
    g.writeObjectFieldStart("accuracy");
    g.writeFieldName("frozen");
    blocks.number(frozen);
    g.writeFieldName("resolved");
    blocks.number(resolved);
    if (simAcc != null) {
      g.writeFieldName("simulated");
      blocks.number(simAcc.value());
    }
    g.writeEndObject();
    g.writeObjectFieldStart("accuracyDrop");
    g.writeFieldName("frozen");
    blocks.number(base - frozen);
    g.writeFieldName("resolved");
    blocks.number(base - resolved);
    if (simDrop != null) {
      g.writeFieldName("simulated");
      blocks.number(simDrop.value());
    }
    g.writeEndObject();
    if (simDrop != null) {
      g.writeFieldName("simulatedDropStandardError");
      blocks.number(simDrop.standardError());
    }
    g.writeObjectFieldStart("resolved");
    g.writeFieldName("certificate");
    blocks.certificate(s.resolved().saddlePoint().certificate());
    g.writeFieldName("scalarOrderParameter");
    blocks.number(s.resolved().saddlePoint().orderParameters().scalar());
    g.writeFieldName("orderParameters");
    blocks.orderParameters(s.resolved().saddlePoint().orderParameters());
    g.writeEndObject();
    g.writeEndObject();
  }

  private void cumulative(WidthPruning t, SimulatedPruning sim) throws IOException {
    g.writeObjectFieldStart("cumulative");
    if (t.score() != null) {
      g.writeFieldName("score");
      blocks.numbers(t.score().accuracies());
    }
    if (t.reverse() != null) {
      g.writeFieldName("reverse");
      blocks.numbers(t.reverse().accuracies());
    }
    RandomOrderSummary random = t.random().isEmpty() ? null : new RandomOrderSummary(t.random());
    if (random != null) {
      g.writeFieldName("random");
      blocks.numbers(random.mean);
    }
    g.writeEndObject();
    g.writeObjectFieldStart("cumulativeDetail");
    g.writeStringField("method", t.method().label());
    if (t.score() != null) removed("score", t.score());
    if (t.reverse() != null) removed("reverse", t.reverse());
    if (random != null) {
      g.writeObjectFieldStart("random");
      g.writeFieldName("mean");
      blocks.numbers(random.mean);
      g.writeFieldName("std");
      blocks.numbers(random.std);
      g.writeFieldName("min");
      blocks.numbers(random.min);
      g.writeFieldName("max");
      blocks.numbers(random.max);
      g.writeArrayFieldStart("orders");
      for (CumulativeCurve c : t.random()) labels(c.removed());
      g.writeEndArray();
      g.writeArrayFieldStart("accuracies");
      for (CumulativeCurve c : t.random()) blocks.numbers(c.accuracies());
      g.writeEndArray();
      g.writeEndObject();
    }
    if (sim != null && (sim.score() != null || sim.reverse() != null)) {
      g.writeObjectFieldStart("simulated");
      if (sim.score() != null) {
        g.writeFieldName("score");
        blocks.numbers(sim.score());
      }
      if (sim.reverse() != null) {
        g.writeFieldName("reverse");
        blocks.numbers(sim.reverse());
      }
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private void removed(String name, CumulativeCurve c) throws IOException {
    g.writeObjectFieldStart(name);
    g.writeFieldName("removed");
    labels(c.removed());
    g.writeEndObject();
  }

  private void labels(List<Head> heads) throws IOException {
    g.writeStartArray();
    for (Head h : heads) g.writeString(h.label());
    g.writeEndArray();
  }

  private void spearman(SpearmanCorrelation.Test s) throws IOException {
    g.writeStartObject();
    g.writeFieldName("rho");
    blocks.number(s.rho());
    g.writeFieldName("pValue");
    blocks.number(s.pValue());
    g.writeStringField("method", s.method());
    g.writeNumberField("permutations", s.permutations());
    g.writeNumberField("heads", s.n());
    g.writeEndObject();
  }
}
