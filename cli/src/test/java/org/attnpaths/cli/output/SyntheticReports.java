package org.attnpaths.cli.output;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.attnpaths.cli.BuildInfo;
import org.attnpaths.theory.action.OrderParameters;
import org.attnpaths.theory.analysis.GpBaseline;
import org.attnpaths.theory.analysis.WidthResult;
import org.attnpaths.theory.model.Architecture;
import org.attnpaths.theory.model.Readout;
import org.attnpaths.theory.predictor.KernelAlignment;
import org.attnpaths.theory.predictor.PredictorStatistics;
import org.attnpaths.theory.saddle.Certificate;
import org.attnpaths.theory.saddle.SaddlePoint;
import org.attnpaths.theory.saddle.SolverOptions;
import org.ejml.data.DMatrixRMaj;

/**
 * Hand-made theory results for testing the writers without solving anything: a 2-layer network
 * with heads (2, 2), 4 paths named g a1 d a2, and a chosen width that did not converge.
 */
final class SyntheticReports {

  static final int TRAIN = 20;
  static final int TEST = 6;
  static final List<String> PATHS = List.of("g", "a1", "d", "a2");

  private SyntheticReports() {}

  /** U_2 = [[2, 0.5], [0.5, 3]]; U_1 4×4, diagonal 1, 2, 3, 4, off-diagonal −0.1·(i+j). */
  static OrderParameters orderParameters(double scalar) {
    DMatrixRMaj u1 = new DMatrixRMaj(4, 4);
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) u1.set(i, j, i == j ? 1.0 + i : -0.1 * (i + j));
    }
    DMatrixRMaj u2 = new DMatrixRMaj(new double[][] {{2, 0.5}, {0.5, 3}});
    return new OrderParameters(scalar, List.of(u1, u2));
  }

  static PredictorStatistics statistics(double accuracy, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] mean = new double[TEST];
    double[] var = new double[TEST];
    for (int i = 0; i < TEST; i++) {
      mean[i] = rng.nextDouble(-1, 1);
      var[i] = rng.nextDouble(0.01, 0.1);
    }
    return new PredictorStatistics(mean, var, accuracy, accuracy - 0.05, 0.3, 0.04);
  }

  static KernelAlignment alignment() {
    return new KernelAlignment(new double[] {3.0, 2.0, 1.0}, new double[] {0.5, 0.2, 0.1});
  }

  static Architecture architecture(int width) {
    return Architecture.uniform(List.of(2, 2), width, 1.0, 0.01, Readout.LAST);
  }

  /** Widths 10 (not converged: max gradient 3e-4), 100 (converged, certified minimum). */
  static TheoryReport report() {
    List<WidthResult> results = new ArrayList<>();
    Certificate bad = new Certificate("newton", 200, 340, 3e-4, 1e-9, false, Double.NaN, 0.12,
        "iteration cap reached");
    Certificate good = new Certificate("newton", 7, 9, 2e-12, 1e-9, true, 0.37, 0.01, "");
    results.add(new WidthResult(10, new SaddlePoint(architecture(10), orderParameters(1.5), -12.5,
        bad), statistics(0.9, 1), alignment()));
    results.add(new WidthResult(100, new SaddlePoint(architecture(100), orderParameters(1.1),
        -3.25, good), statistics(0.7, 2), alignment()));
    GpBaseline gp = new GpBaseline("all", List.of(List.of(0, 1), List.of(0, 1)),
        orderParameters(1.0), statistics(0.6, 3), alignment());
    GpBaseline good1 = new GpBaseline("good", List.of(List.of(0), List.of(0)),
        new OrderParameters(1.0, List.of(new DMatrixRMaj(new double[][] {{1}}),
            new DMatrixRMaj(new double[][] {{1}}))), statistics(0.65, 4), alignment());
    RunConfig config = new RunConfig("markov-4path",
        Map.of("generator", "markov", "seed", 1L), TRAIN, TEST, 31, 231, architecture(10),
        List.of(10, 100), 1L, "auto", "ejml", "EJML 0.46.1 (pure Java)",
        SolverOptions.newton(), "auto", "precomputed", true, "0.1.0-TEST",
        List.of("attnpaths", "theory", "--widths", "10,100"));
    Provenance provenance = Provenance.capture(new BuildInfo("0.1.0-TEST", "abc123"),
        Instant.parse("2026-11-22T01:02:03.456Z"), "ejml");
    return new TheoryReport(config, provenance, PATHS, gp, List.of(good1), results);
  }
}
