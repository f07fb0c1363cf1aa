package org.attnpaths.cli.output;

import java.util.List;
import org.attnpaths.theory.pruning.CumulativeCurve;

/**
 * The spread of the random-order cumulative curves (issue 5 §3), point by point (after removing
 * 0, 1, 2, … heads): mean, sample standard deviation (n − 1; 0 for one order), min and max.
 */
final class RandomOrderSummary {
  final double[] mean;
  final double[] std;
  final double[] min;
  final double[] max;

  /** @param curves the K random-order curves, all of the same length */
  RandomOrderSummary(List<CumulativeCurve> curves) {
    int n = curves.get(0).accuracies().length;
    int k = curves.size();
    mean = new double[n];
    std = new double[n];
    min = new double[n];
    max = new double[n];
    java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
    java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
    for (CumulativeCurve c : curves) {
      double[] a = c.accuracies();
      for (int i = 0; i < n; i++) {
        mean[i] += a[i] / k;
        min[i] = Math.min(min[i], a[i]);
        max[i] = Math.max(max[i], a[i]);
      }
    }
    for (CumulativeCurve c : curves) {
      double[] a = c.accuracies();
      for (int i = 0; i < n; i++) std[i] += k > 1 ? (a[i] - mean[i]) * (a[i] - mean[i]) / (k - 1) : 0;
    }
    for (int i = 0; i < n; i++) std[i] = Math.sqrt(std[i]);
  }
}
