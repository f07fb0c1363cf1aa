/**
 * Convergence diagnostics of Markov chain Monte Carlo output, for one scalar quantity at a time
 * given as {@code double[chain][sample]}: split and rank-normalised R-hat ({@link
 * org.attnpaths.numerics.mcmc.Rhat}), effective sample size by Geyer's initial monotone sequence
 * ({@link org.attnpaths.numerics.mcmc.EffectiveSampleSize}), the Monte-Carlo standard error of the
 * mean ({@link org.attnpaths.numerics.mcmc.MonteCarloStandardError}) and a per-quantity summary
 * ({@link org.attnpaths.numerics.mcmc.DrawSummary}). The formulas follow Stan and the R package
 * {@code posterior}; no physics. Inputs are never modified.
 */
package org.attnpaths.numerics.mcmc;
