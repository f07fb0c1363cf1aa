package org.attnpaths.notebooks;

import java.util.List;

/**
 * The training kernels a notebook draws as heat maps (issue 4 §1): the pre-kernel K(U_GP) and the
 * renormalised kernels K(U_1) at some widths, P×P in training-set order, without T·I. The
 * sidecar holds them as {@code gp_kernel}, {@code kernel} (one per {@code kernel_width}) and
 * {@code class_order}; the cells order the examples by class.
 *
 * @param widths the widths N of {@code renormalised}, in that order
 * @param gp K(U_GP)
 * @param renormalised K(U_1) at each of {@code widths}
 * @param classOrder training indices with y &gt; 0 first
 * @param positives how many examples have y &gt; 0 (the class boundary in {@code classOrder})
 */
public record TrainingKernels(List<Integer> widths, double[][] gp, List<double[][]> renormalised,
    int[] classOrder, int positives) {

  public TrainingKernels {
    if (widths.size() != renormalised.size()) {
      throw new IllegalArgumentException("kernels: " + widths.size() + " widths but "
          + renormalised.size() + " renormalised kernels");
    }
    if (classOrder.length != gp.length) {
      throw new IllegalArgumentException("class_order: expected " + gp.length + " indices, got "
          + classOrder.length);
    }
  }
}
