package org.attnpaths.theory.analysis;

import java.util.List;
import org.attnpaths.theory.action.OrderParameters;
import org.attnpaths.theory.predictor.KernelAlignment;
import org.attnpaths.theory.predictor.PredictorStatistics;

/**
 * The Gaussian-process (infinite-width) limit of a network (spec §5.5).
 *
 * @param name {@code all} for the full network, otherwise the subset's name
 * @param heads 0-based head indices kept per layer (all heads for the full network)
 * @param orderParameters U at the GP value
 * @param test predictor statistics on the test set
 * @param alignment kernel-task alignment of K_GP on the training set
 */
public record GpBaseline(String name, List<List<Integer>> heads, OrderParameters orderParameters,
    PredictorStatistics test, KernelAlignment alignment) {}
