/**
 * Samplers of the Gibbs posterior at temperature T (spec §4, §8). Never uses {@code theory.saddle}:
 * the simulation checks the theory, it does not borrow its solution.
 *
 * <ul>
 *   <li>{@link org.attnpaths.simulation.sampler.BlockedGibbsSampler}: exact conditional draws of
 *       one block of weights at a time ("perturb then correct"), with the network's low-rank
 *       structure kept factored; a {@link org.attnpaths.simulation.sampler.GibbsWorkspace} per
 *       chain, so sweeps allocate nothing.</li>
 *   <li>{@link org.attnpaths.simulation.sampler.HamiltonianMonteCarlo}: leapfrog HMC with a
 *       diagonal mass matrix ({@link org.attnpaths.simulation.sampler.MassMatrix}: unit, the
 *       prior variances, or Stan's windowed adaptation from them), dual-averaging step-size
 *       adaptation (Hoffman and Gelman 2014), exact Metropolis correction and divergence
 *       counting.</li>
 *   <li>{@link org.attnpaths.simulation.sampler.LangevinDynamics}: unadjusted Langevin (noisy
 *       gradient descent; O(η) bias, closed form on Gaussians in its javadoc) or MALA, with the
 *       same diagonal preconditioners.</li>
 *   <li>Two potentials of the network: {@link
 *       org.attnpaths.simulation.sampler.PosteriorPotential} (all weights, path-form gradient)
 *       and {@link org.attnpaths.simulation.sampler.ReadoutMarginalPotential} (the weights below
 *       the readout, with the readout integrated out exactly and drawn afterwards: the stiff
 *       data-constrained directions at small T are gone).</li>
 *   <li>{@link org.attnpaths.simulation.sampler.ChainRunner}: K chains on a thread pool, streams
 *       split from one seed in chain order (results independent of the thread count), recording a
 *       {@link org.attnpaths.simulation.sampler.SampleFunctional} per retained sample as
 *       {@code double[chain][sample][k]} ({@link org.attnpaths.simulation.sampler.ChainSamples}),
 *       summarised by {@code org.attnpaths.numerics.mcmc}.</li>
 * </ul>
 * The gradient-based samplers see the network only through {@link
 * org.attnpaths.simulation.sampler.Potential}. Normals come from {@link
 * org.attnpaths.numerics.random.NormalSampler}; every stream is a {@link java.util.SplittableRandom}
 * passed in by the caller.
 */
package org.attnpaths.simulation.sampler;
