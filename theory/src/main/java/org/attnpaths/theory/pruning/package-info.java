/**
 * Head scores and head pruning (spec §10, issue 5): {@link org.attnpaths.theory.pruning.HeadScores}
 * from the order parameter U_1, a head set's removal ({@link
 * org.attnpaths.theory.pruning.HeadRemoval}), the frozen (U_1 rows and columns silenced) and
 * re-solved (smaller network's saddle point) accuracies, and cumulative pruning curves in score,
 * reverse and random orders ({@link org.attnpaths.theory.pruning.HeadPruning}).
 */
package org.attnpaths.theory.pruning;
