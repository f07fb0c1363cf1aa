/**
 * Rank statistics with permutation tests: Spearman's rank correlation with average ranks for
 * ties and a one-sided permutation p-value, exact by enumeration for few observations and Monte
 * Carlo otherwise ({@link org.attnpaths.numerics.stats.SpearmanCorrelation}). No physics; inputs
 * are never modified.
 */
package org.attnpaths.numerics.stats;
