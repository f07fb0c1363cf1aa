package org.attnpaths.theory.pruning;

import org.attnpaths.theory.predictor.PredictorStatistics;
import org.attnpaths.theory.saddle.SaddlePoint;

/**
 * The re-solved pruned network: the saddle point of the smaller network (heads removed, the
 * remaining heads keeping their attention) and its predictor on the test set.
 *
 * @param removal which heads were removed
 * @param saddlePoint its order parameters (over the remaining paths) and certificate
 * @param test its predictor statistics
 */
public record PrunedSolution(HeadRemoval removal, SaddlePoint saddlePoint,
    PredictorStatistics test) {}
