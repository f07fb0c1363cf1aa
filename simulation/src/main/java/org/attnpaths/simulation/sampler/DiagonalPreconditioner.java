package org.attnpaths.simulation.sampler;

import java.util.Arrays;

/**
 * The diagonal M⁻¹ of one chain ({@link MassMatrix}) and its warm-up adaptation: the draws of each
 * slow window of {@link WarmUpSchedule} feed a {@link RunningVariance}, whose regularised variance
 * becomes M⁻¹ at the end of the window. Allocates only when constructed. Not thread-safe.
 */
final class DiagonalPreconditioner {
  private final double[] inverseMass;           // diagonal of M⁻¹, d
  private final WarmUpSchedule schedule;
  private final RunningVariance variance;
  private final int[] group;                    // POOLED: group of each coordinate, else null
  private final double[] groupSum;              // POOLED: per-group sums, G
  private final int[] groupSize;                // POOLED: coordinates per group, G

  /**
   * @param kind which M
   * @param potential asked for its prior variances (PRIOR, ADAPTED)
   * @param warmUp warm-up transitions of the chain (the adaptation window schedule)
   */
  DiagonalPreconditioner(MassMatrix kind, Potential potential, int warmUp) {
    int d = potential.dimension();
    inverseMass = new double[d];
    if (kind == MassMatrix.UNIT) {
      Arrays.fill(inverseMass, 1.0);
    } else {
      potential.priorVariance(inverseMass);
      for (int i = 0; i < d; i++) {
        if (!(inverseMass[i] > 0.0 && inverseMass[i] < Double.POSITIVE_INFINITY)) {
          throw new IllegalArgumentException("prior variance: expected finite > 0 at coordinate "
              + i + ", got " + inverseMass[i]);
        }
      }
    }
    boolean adapt = kind.adapted();
    schedule = new WarmUpSchedule(adapt ? warmUp : 0);
    variance = adapt ? new RunningVariance(d) : null;
    if (kind == MassMatrix.POOLED) {
      group = new int[d];
      int g = potential.exchangeableGroups(group);
      groupSum = new double[g];
      groupSize = new int[g];
      for (int i = 0; i < d; i++) {
        if (group[i] < 0 || group[i] >= g) {
          throw new IllegalArgumentException("exchangeable groups: expected indices in [0, " + g
              + ") at coordinate " + i + ", got " + group[i]);
        }
        groupSize[group[i]]++;
      }
    } else {
      group = null;
      groupSum = null;
      groupSize = null;
    }
  }

  /** The diagonal of M⁻¹ (referenced: read it, do not modify it). */
  double[] inverseMass() {
    return inverseMass;
  }

  /**
   * Feeds the state after warm-up transition {@code i} (0-based) to the adaptation.
   *
   * @param theta not modified
   * @return whether M⁻¹ changed (the end of a slow window): the caller restarts its step size
   */
  boolean observe(int i, double[] theta) {
    if (variance == null || !schedule.inSlowWindow(i)) return false;
    variance.add(theta);
    if (!schedule.endsWindow(i)) return false;
    variance.regularizedVariance(inverseMass);
    variance.reset();
    if (group != null) pool();
    return true;
  }

  /** Replaces each entry of M⁻¹ by the mean over its group. */
  private void pool() {
    java.util.Arrays.fill(groupSum, 0.0);
    for (int i = 0; i < inverseMass.length; i++) groupSum[group[i]] += inverseMass[i];
    for (int i = 0; i < inverseMass.length; i++) {
      inverseMass[i] = groupSum[group[i]] / groupSize[group[i]];
    }
  }
}
