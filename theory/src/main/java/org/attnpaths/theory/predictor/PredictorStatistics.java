package org.attnpaths.theory.predictor;

/**
 * Predictor statistics on a labelled set (spec §5.4, §7).
 *
 * @param mean ⟨f(x*)⟩ per example
 * @param variance Var f(x*) per example (network output, T not added; spec §13.13)
 * @param accuracy fraction with sign(⟨f⟩) = y (mean predictor)
 * @param gibbsAccuracy mean of Φ(y⟨f⟩/√Var f)
 * @param biasError mean (⟨f⟩ − y)²
 * @param varianceError mean Var f
 */
public record PredictorStatistics(double[] mean, double[] variance, double accuracy,
    double gibbsAccuracy, double biasError, double varianceError) {

  public PredictorStatistics {
    mean = mean.clone();
    variance = variance.clone();
  }

  /** Bias plus variance error. */
  public double totalError() {
    return biasError + varianceError;
  }
}
