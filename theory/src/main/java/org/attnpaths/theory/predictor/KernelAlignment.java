package org.attnpaths.theory.predictor;

/**
 * Kernel-task alignment (spec §7): eigen-decompose the training kernel without the T·I term,
 * sort by decreasing eigenvalue, and report |e_k·Y|/√P for the leading components.
 *
 * @param eigenvalues leading eigenvalues, decreasing
 * @param overlaps |e_k·Y|/√P for the same components
 */
public record KernelAlignment(double[] eigenvalues, double[] overlaps) {
  public KernelAlignment {
    eigenvalues = eigenvalues.clone();
    overlaps = overlaps.clone();
    if (eigenvalues.length != overlaps.length) {
      throw new IllegalArgumentException("alignment: " + eigenvalues.length + " eigenvalues but "
          + overlaps.length + " overlaps");
    }
  }
}
