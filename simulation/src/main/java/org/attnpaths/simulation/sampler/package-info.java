/**
 * Generic Markov chain Monte Carlo samplers of a Gibbs density exp(−Φ(θ)) on ℝ^d, for the
 * finite-network posterior of spec §8 and issue 3 §2, written against the {@link
 * org.attnpaths.simulation.sampler.Potential} interface only (no network code here).
 *
 * <ul>
 *   <li>{@link org.attnpaths.simulation.sampler.HamiltonianMonteCarlo}: leapfrog HMC with a
 *       diagonal mass matrix, dual-averaging step-size adaptation (Hoffman and Gelman 2014) and
 *       Stan's windowed diagonal mass adaptation during warm-up, exact Metropolis correction and
 *       divergence counting.</li>
 *   <li>{@link org.attnpaths.simulation.sampler.LangevinDynamics}: unadjusted Langevin (noisy
 *       gradient descent; O(η) bias, closed form on Gaussians in its javadoc) or MALA.</li>
 *   <li>{@link org.attnpaths.simulation.sampler.ChainRunner}: K chains on a thread pool, streams
 *       split from one seed in chain order (results independent of the thread count), recording a
 *       {@link org.attnpaths.simulation.sampler.SampleFunctional} per retained sample as
 *       {@code double[chain][sample][k]} ({@link org.attnpaths.simulation.sampler.ChainSamples}),
 *       summarised by {@code org.attnpaths.numerics.mcmc}.</li>
 * </ul>
 * Normals come from {@link org.attnpaths.numerics.random.NormalSampler}; every stream is a
 * {@link java.util.SplittableRandom} passed in by the caller.
 */
package org.attnpaths.simulation.sampler;
