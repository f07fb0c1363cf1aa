package org.attnpaths.cli.output;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import org.attnpaths.theory.predictor.PredictorStatistics;

/**
 * Writes {@code simulate.json}, schema {@value #SCHEMA} (every field is documented in
 * {@code src/site/markdown/simulate-json.md}; change that file and the schema version together).
 * The {@code config} and {@code provenance} blocks and the order-parameter layout are those of
 * {@code theory.json} ({@link TheoryJson}), so the two files can be read side by side.
 */
public final class SimulateJson {

  /** Schema identifier; the number after the slash changes when a field changes meaning or goes. */
  public static final String SCHEMA = "attnpaths.simulate/1";

  private static final JsonFactory FACTORY = new JsonFactory();

  private final JsonGenerator g;
  private final TheoryJson blocks;

  private SimulateJson(JsonGenerator g) {
    this.g = g;
    this.blocks = new TheoryJson(g);
  }

  /** Writes {@code report} as pretty-printed UTF-8 JSON; does not close {@code out}. */
  public static void write(SimulateReport report, OutputStream out) throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.useDefaultPrettyPrinter();
      new SimulateJson(g).report(report);
      g.writeRaw('\n');
    }
  }

  private void report(SimulateReport r) throws IOException {
    g.writeStartObject();
    g.writeStringField("schema", SCHEMA);
    g.writeObjectFieldStart("config");
    blocks.configFields(r.config());
    SimulateReport.Sampler s = r.sampler();
    g.writeObjectFieldStart("sampler");
    g.writeStringField("method", s.method());
    g.writeNumberField("samples", s.samples());
    g.writeNumberField("burnIn", s.burnIn());
    g.writeNumberField("chains", s.chains());
    g.writeNumberField("threads", s.threads());
    if (s.potential() == null) g.writeNullField("potential");
    else g.writeStringField("potential", s.potential());
    if (s.massMatrix() == null) g.writeNullField("massMatrix");
    else g.writeStringField("massMatrix", s.massMatrix());
    g.writeFieldName("stepSize");
    blocks.number(s.stepSize());
    g.writeFieldName("trajectoryLength");
    blocks.number(s.trajectoryLength());
    g.writeEndObject();
    g.writeEndObject();
    g.writeFieldName("provenance");
    blocks.provenance(r.provenance());
    g.writeFieldName("pathNames");
    blocks.strings(r.pathNames());
    g.writeArrayFieldStart("results");
    for (SampledWidth w : r.results()) result(w, r.alpha(w.width()));
    g.writeEndArray();
    g.writeEndObject();
  }

  private void result(SampledWidth w, double alpha) throws IOException {
    g.writeStartObject();
    g.writeNumberField("width", w.width());
    g.writeFieldName("alpha");
    blocks.number(alpha);
    g.writeNumberField("seed", w.seed());
    g.writeFieldName("wallSeconds");
    blocks.number(w.wallSeconds());
    PredictorStatistics t = w.test();
    g.writeObjectFieldStart("test");
    g.writeFieldName("accuracy");
    blocks.number(t.accuracy());
    g.writeFieldName("accuracyStandardError");
    blocks.number(w.accuracyStandardError());
    g.writeFieldName("gibbsAccuracy");
    blocks.number(t.gibbsAccuracy());
    g.writeFieldName("biasError");
    blocks.number(t.biasError());
    g.writeFieldName("varianceError");
    blocks.number(t.varianceError());
    g.writeFieldName("mean");
    blocks.numbers(t.mean());
    g.writeFieldName("variance");
    blocks.numbers(t.variance());
    g.writeEndObject();
    g.writeFieldName("scalarOrderParameter");
    blocks.number(w.orderParameters().scalar());
    g.writeFieldName("orderParameters");
    blocks.orderParameters(w.orderParameters());
    diagnostics(w);
    g.writeEndObject();
  }

  private void diagnostics(SampledWidth w) throws IOException {
    g.writeObjectFieldStart("diagnostics");
    g.writeStringField("sampler", w.sampler());
    g.writeNumberField("samples", w.totalSamples());
    g.writeNumberField("burnIn", w.burnIn());
    g.writeNumberField("chains", w.chains().size());
    g.writeArrayFieldStart("perChain");
    for (int c = 0; c < w.chains().size(); c++) {
      SampledWidth.Chain ch = w.chains().get(c);
      g.writeStartObject();
      g.writeNumberField("chain", c);
      g.writeNumberField("samples", ch.samples());
      g.writeFieldName("accuracy");
      blocks.number(ch.accuracy());
      g.writeFieldName("scalarOrderParameter");
      blocks.number(ch.scalarOrderParameter());
      g.writeFieldName("pathDiagonal");
      blocks.numbers(ch.pathDiagonal());
      g.writeFieldName("meanAcceptance");
      blocks.number(ch.meanAcceptance());
      g.writeFieldName("stepSize");
      blocks.number(ch.stepSize());
      g.writeNumberField("divergences", ch.divergences());
      SampledWidth.Adaptation a = ch.adaptation();
      if (a != null) {
        g.writeObjectFieldStart("adaptation");
        g.writeFieldName("targetAcceptance");
        blocks.number(a.targetAcceptance());
        g.writeFieldName("averagedStepSize");
        blocks.number(a.averagedStepSize());
        g.writeFieldName("calibratedStepSize");
        blocks.number(a.calibratedStepSize());
        g.writeFieldName("finalWindowAcceptance");
        blocks.number(a.finalWindowAcceptance());
        g.writeBooleanField("reachedTarget", a.reachedTarget());
        g.writeNumberField("warmUpDivergences", a.warmUpDivergences());
        g.writeNumberField("gradientEvaluations", a.gradientEvaluations());
        g.writeEndObject();
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    ChainDiagnostics d = w.diagnostics();
    g.writeBooleanField("available", d.available());
    g.writeStringField("note", d.note());
    if (d.testPredictions() != null) {
      g.writeObjectFieldStart("testPredictions");
      g.writeFieldName("maxRHat");
      blocks.number(d.testPredictions().maxRHat());
      g.writeFieldName("minEss");
      blocks.number(d.testPredictions().minEss());
      g.writeFieldName("medianEss");
      blocks.number(d.testPredictions().medianEss());
      g.writeEndObject();
    }
    g.writeArrayFieldStart("orderParameters");
    for (ChainDiagnostics.Entry e : d.orderParameters()) {
      g.writeStartObject();
      g.writeStringField("name", e.name());
      g.writeFieldName("rHat");
      blocks.number(e.rHat());
      g.writeFieldName("ess");
      blocks.number(e.ess());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeFieldName("warnings");
    blocks.strings(d.warnings());
    g.writeEndObject();
  }
}
