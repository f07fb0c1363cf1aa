package org.attnpaths.theory.analysis;

import org.attnpaths.theory.predictor.KernelAlignment;
import org.attnpaths.theory.predictor.PredictorStatistics;
import org.attnpaths.theory.saddle.SaddlePoint;

/**
 * The theory at one width: the certified saddle point and what it predicts.
 *
 * @param width N (all widths equal)
 * @param saddlePoint order parameters and certificate
 * @param test predictor statistics on the test set
 * @param alignment kernel-task alignment of K_U on the training set
 */
public record WidthResult(int width, SaddlePoint saddlePoint, PredictorStatistics test,
    KernelAlignment alignment) {}
