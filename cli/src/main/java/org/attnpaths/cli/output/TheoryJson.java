package org.attnpaths.cli.output;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.attnpaths.theory.action.OrderParameters;
import org.attnpaths.theory.analysis.GpBaseline;
import org.attnpaths.theory.analysis.WidthResult;
import org.attnpaths.theory.model.Architecture;
import org.attnpaths.theory.predictor.KernelAlignment;
import org.attnpaths.theory.predictor.PredictorStatistics;
import org.attnpaths.theory.saddle.Certificate;
import org.attnpaths.theory.saddle.SolverOptions;

/**
 * Writes {@code theory.json}, schema {@value #SCHEMA} (every field is documented in
 * {@code src/site/markdown/theory-json.md}; change that file and the schema version together).
 *
 * <p>Streams with Jackson's {@link JsonGenerator} rather than an {@code ObjectMapper}: no
 * reflection, and a JVM start cheaper by about 0.1 s. Non-finite numbers (e.g. a Hessian
 * eigenvalue that was not computed) are written as {@code null}.
 */
public final class TheoryJson {

  /** Schema identifier; the number after the slash changes when a field changes meaning or goes. */
  public static final String SCHEMA = "attnpaths.theory/1";

  private static final JsonFactory FACTORY = new JsonFactory();

  private final JsonGenerator g;

  /** A writer of the blocks shared with {@code simulate.json} (config, provenance, U). */
  TheoryJson(JsonGenerator g) {
    this.g = g;
  }

  /** Writes {@code report} as pretty-printed UTF-8 JSON; does not close {@code out}. */
  public static void write(TheoryReport report, OutputStream out) throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.useDefaultPrettyPrinter();
      new TheoryJson(g).report(report);
      g.writeRaw('\n');
    }
  }

  private void report(TheoryReport r) throws IOException {
    g.writeStartObject();
    g.writeStringField("schema", SCHEMA);
    g.writeFieldName("config");
    config(r.config());
    g.writeFieldName("provenance");
    provenance(r.provenance());
    g.writeFieldName("pathNames");
    strings(r.pathLabels());
    g.writeFieldName("gp");
    g.writeStartObject();
    g.writeFieldName("scalarOrderParameter");
    number(r.gp().orderParameters().scalar());
    g.writeFieldName("orderParameters");
    orderParameters(r.gp().orderParameters());
    g.writeFieldName("test");
    test(r.gp().test());
    g.writeFieldName("alignment");
    alignment(r.gp().alignment());
    g.writeEndObject();
    g.writeArrayFieldStart("gpSubsets");
    for (GpBaseline s : r.gpSubsets()) subset(s);
    g.writeEndArray();
    g.writeArrayFieldStart("results");
    for (WidthResult w : r.results()) result(w, r.alpha(w.width()));
    g.writeEndArray();
    g.writeEndObject();
  }

  private void config(RunConfig c) throws IOException {
    g.writeStartObject();
    configFields(c);
    g.writeEndObject();
  }

  /**
   * The fields of the {@code config} object, without its braces; the solver, kernels and subsets
   * fields only when {@code c.solver()} is not null (a theory run).
   */
  void configFields(RunConfig c) throws IOException {
    g.writeObjectFieldStart("task");
    g.writeStringField("name", c.taskName());
    g.writeFieldName("source");
    value(c.taskSource());
    g.writeNumberField("trainSize", c.trainSize());
    g.writeNumberField("testSize", c.testSize());
    g.writeNumberField("tokens", c.tokens());
    g.writeNumberField("tokenDim", c.tokenDim());
    g.writeEndObject();
    Architecture a = c.architecture();
    g.writeObjectFieldStart("architecture");
    g.writeNumberField("layers", a.layers());
    g.writeFieldName("heads");
    value(a.heads());
    g.writeNumberField("paths", a.paths());
    g.writeFieldName("widths");
    value(c.widths());
    g.writeFieldName("variances");
    value(a.variances());
    g.writeFieldName("temperature");
    number(a.temperature());
    g.writeStringField("readout", a.readout().label());
    g.writeEndObject();
    g.writeNumberField("seed", c.seed());
    g.writeObjectFieldStart("backend");
    g.writeStringField("requested", c.backendRequested());
    g.writeStringField("name", c.backendName());
    g.writeStringField("description", c.backendDescription());
    g.writeEndObject();
    SolverOptions s = c.solver();
    if (s != null) theoryFields(c, s);
    g.writeStringField("version", c.version());
    g.writeFieldName("commandLine");
    strings(c.commandLine());
  }

  private void theoryFields(RunConfig c, SolverOptions s) throws IOException {
    g.writeObjectFieldStart("solver");
    g.writeStringField("method", s.method().name().toLowerCase(Locale.ROOT));
    g.writeFieldName("tolerance");
    number(s.tolerance());
    g.writeNumberField("maxIterations", s.maxIterations());
    g.writeFieldName("learningRate");
    number(s.learningRate());
    g.writeEndObject();
    g.writeObjectFieldStart("kernels");
    g.writeStringField("requested", c.kernelsRequested());
    g.writeStringField("representation", c.kernelRepresentation());
    g.writeEndObject();
    g.writeBooleanField("subsets", c.subsets());
  }

  void provenance(Provenance p) throws IOException {
    g.writeStartObject();
    g.writeStringField("version", p.version());
    g.writeStringField("gitCommit", p.gitCommit());
    g.writeStringField("started", p.started().toString());
    g.writeStringField("javaVersion", p.javaVersion());
    g.writeStringField("osArch", p.osArch());
    g.writeStringField("backend", p.backend());
    g.writeEndObject();
  }

  private void subset(GpBaseline s) throws IOException {
    g.writeStartObject();
    g.writeStringField("name", s.name());
    g.writeFieldName("heads");
    value(s.heads());
    g.writeObjectFieldStart("test");
    g.writeFieldName("accuracy");
    number(s.test().accuracy());
    g.writeFieldName("gibbsAccuracy");
    number(s.test().gibbsAccuracy());
    g.writeEndObject();
    g.writeEndObject();
  }

  private void result(WidthResult w, double alpha) throws IOException {
    OrderParameters u = w.saddlePoint().orderParameters();
    g.writeStartObject();
    g.writeNumberField("width", w.width());
    g.writeFieldName("alpha");
    number(alpha);
    g.writeFieldName("action");
    number(w.saddlePoint().action());
    g.writeFieldName("scalarOrderParameter");
    number(u.scalar());
    g.writeFieldName("orderParameters");
    orderParameters(u);
    g.writeFieldName("certificate");
    certificate(w.saddlePoint().certificate());
    g.writeFieldName("test");
    test(w.test());
    g.writeFieldName("alignment");
    alignment(w.alignment());
    g.writeEndObject();
  }

  /** U_L first, U_1 last (the reference code's order, spec §5.1). */
  void orderParameters(OrderParameters u) throws IOException {
    g.writeStartArray();
    for (int l = u.layerCount(); l >= 1; l--) {
      g.writeStartArray();
      for (double[] row : u.asArray(l)) numbers(row);
      g.writeEndArray();
    }
    g.writeEndArray();
  }

  void certificate(Certificate c) throws IOException {
    g.writeStartObject();
    g.writeStringField("solver", c.solver());
    g.writeBooleanField("converged", c.converged());
    g.writeBooleanField("minimum", c.isMinimum());
    g.writeNumberField("iterations", c.iterations());
    g.writeNumberField("evaluations", c.evaluations());
    g.writeFieldName("maxGradient");
    number(c.maxGradient());
    g.writeFieldName("tolerance");
    number(c.tolerance());
    g.writeFieldName("minHessianEigenvalue");
    number(c.minHessianEigenvalue());
    g.writeFieldName("wallSeconds");
    number(c.wallSeconds());
    g.writeStringField("message", c.message() == null ? "" : c.message());
    g.writeEndObject();
  }

  private void test(PredictorStatistics t) throws IOException {
    g.writeStartObject();
    g.writeFieldName("accuracy");
    number(t.accuracy());
    g.writeFieldName("gibbsAccuracy");
    number(t.gibbsAccuracy());
    g.writeFieldName("biasError");
    number(t.biasError());
    g.writeFieldName("varianceError");
    number(t.varianceError());
    g.writeFieldName("mean");
    numbers(t.mean());
    g.writeFieldName("variance");
    numbers(t.variance());
    g.writeEndObject();
  }

  private void alignment(KernelAlignment a) throws IOException {
    g.writeStartObject();
    g.writeFieldName("eigenvalues");
    numbers(a.eigenvalues());
    g.writeFieldName("overlaps");
    numbers(a.overlaps());
    g.writeEndObject();
  }

  void number(double v) throws IOException {
    if (Double.isFinite(v)) g.writeNumber(v);
    else g.writeNull();
  }

  void numbers(double[] values) throws IOException {
    g.writeStartArray();
    for (double v : values) number(v);
    g.writeEndArray();
  }

  void strings(List<String> values) throws IOException {
    g.writeStartArray();
    for (String s : values) g.writeString(s);
    g.writeEndArray();
  }

  /** Plain data: maps, lists, arrays, numbers, booleans; anything else as its string. */
  private void value(Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        value(e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof Iterable<?> it) {
      g.writeStartArray();
      for (Object o : it) value(o);
      g.writeEndArray();
    } else if (v instanceof double[] d) {
      numbers(d);
    } else if (v instanceof int[] ia) {
      g.writeArray(ia, 0, ia.length);
    } else if (v instanceof long[] la) {
      g.writeArray(la, 0, la.length);
    } else if (v instanceof Object[] oa) {
      value(Arrays.asList(oa));
    } else if (v instanceof Double || v instanceof Float) {
      number(((Number) v).doubleValue());
    } else if (v instanceof Integer || v instanceof Long || v instanceof Short
        || v instanceof Byte) {
      g.writeNumber(((Number) v).longValue());
    } else if (v instanceof Number n) {
      g.writeNumber(n.toString());
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Enum<?> e) {
      g.writeString(e.name().toLowerCase(Locale.ROOT));
    } else {
      g.writeString(v.toString());
    }
  }
}
