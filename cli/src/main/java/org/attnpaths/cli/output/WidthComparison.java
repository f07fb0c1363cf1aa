package org.attnpaths.cli.output;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.attnpaths.theory.analysis.WidthResult;
import org.ejml.data.DMatrixRMaj;

/**
 * Theory against simulation at one width (issue 3 §3): accuracies of the mean predictors, the
 * U_1 diagonals, the largest off-diagonal entries and the relative Frobenius distance
 * ‖U_1^sampled − U_1^theory‖_F / ‖U_1^theory‖_F.
 *
 * @param width N
 * @param theoryAccuracy accuracy of the theory's mean predictor (spec §5.4)
 * @param sampledAccuracy accuracy of the sampled mean predictor (spec §8 (i))
 * @param sampledStandardError its standard error over chains (NaN with one chain)
 * @param gpAccuracy accuracy of the GP limit (spec §5.5)
 * @param theoryDiagonal diag(U_1) of the theory
 * @param sampledDiagonal diag(U_1) sampled
 * @param offDiagonal the {@value #OFF_DIAGONAL} upper-triangle entries of U_1 largest in |theory|
 * @param frobenius relative Frobenius distance of U_1
 */
public record WidthComparison(int width, double theoryAccuracy, double sampledAccuracy,
    double sampledStandardError, double gpAccuracy, double[] theoryDiagonal,
    double[] sampledDiagonal, List<Entry> offDiagonal, double frobenius) {

  /** Off-diagonal entries reported. */
  public static final int OFF_DIAGONAL = 2;

  public WidthComparison {
    theoryDiagonal = theoryDiagonal.clone();
    sampledDiagonal = sampledDiagonal.clone();
    offDiagonal = List.copyOf(offDiagonal);
  }

  /**
   * One entry U_1[i,j].
   *
   * @param i row (path index)
   * @param j column, i &lt; j
   * @param theory the theory's value
   * @param sampled the sampled value
   */
  public record Entry(int i, int j, double theory, double sampled) {}

  /** Compares a theory width with the sampled width of the same N. */
  public static WidthComparison of(WidthResult theory, SampledWidth sampled, double gpAccuracy) {
    if (theory.width() != sampled.width()) {
      throw new IllegalArgumentException("widths: expected equal, got theory N="
          + theory.width() + " and sampled N=" + sampled.width());
    }
    DMatrixRMaj ut = theory.saddlePoint().orderParameters().u(1);
    DMatrixRMaj us = sampled.orderParameters().u(1);
    return new WidthComparison(theory.width(), theory.test().accuracy(),
        sampled.test().accuracy(), sampled.accuracyStandardError(), gpAccuracy,
        theory.saddlePoint().orderParameters().pathDiagonal(),
        sampled.orderParameters().pathDiagonal(), largestOffDiagonal(ut, us),
        relativeFrobenius(us, ut));
  }

  /** ‖a − b‖_F / ‖b‖_F. */
  public static double relativeFrobenius(DMatrixRMaj a, DMatrixRMaj b) {
    if (a.numRows != b.numRows || a.numCols != b.numCols) {
      throw new IllegalArgumentException("U_1: expected equal shapes, got " + a.numRows + "×"
          + a.numCols + " and " + b.numRows + "×" + b.numCols);
    }
    double diff = 0.0;
    double norm = 0.0;
    for (int k = 0; k < a.getNumElements(); k++) {
      double d = a.data[k] - b.data[k];
      diff += d * d;
      norm += b.data[k] * b.data[k];
    }
    return Math.sqrt(diff / norm);
  }

  private static List<Entry> largestOffDiagonal(DMatrixRMaj ut, DMatrixRMaj us) {
    List<Entry> all = new ArrayList<>();
    for (int i = 0; i < ut.numRows; i++) {
      for (int j = i + 1; j < ut.numCols; j++) {
        all.add(new Entry(i, j, ut.get(i, j), us.get(i, j)));
      }
    }
    all.sort(Comparator.comparingDouble((Entry e) -> -Math.abs(e.theory())));
    return all.subList(0, Math.min(OFF_DIAGONAL, all.size()));
  }

  /** Whether the accuracies differ by at most {@code accuracy} and U_1 by at most {@code u1}. */
  public boolean within(double accuracy, double u1) {
    return Math.abs(sampledAccuracy - theoryAccuracy) <= accuracy && frobenius <= u1;
  }
}
