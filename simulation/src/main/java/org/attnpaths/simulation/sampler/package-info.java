/**
 * Samplers of the Gibbs posterior at temperature T (spec §4, §8): the {@link
 * org.attnpaths.simulation.sampler.Potential} interface shared by gradient-based samplers, and the
 * exact {@link org.attnpaths.simulation.sampler.BlockedGibbsSampler}. Never uses
 * {@code theory.saddle}: the simulation checks the theory, it does not borrow its solution.
 */
package org.attnpaths.simulation.sampler;
