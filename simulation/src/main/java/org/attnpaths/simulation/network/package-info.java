/**
 * Finite networks of spec §2.3 built from the theory's own {@link
 * org.attnpaths.theory.model.Architecture} and {@link org.attnpaths.theory.path.PathFeatures}:
 * weights, the path-form forward pass (spec §3.2), the effective path weights and sampled order
 * parameters (spec §5.1), the posterior potential with its analytic gradient (spec §8), and the
 * per-example layer inputs with their back-propagation ({@link
 * org.attnpaths.simulation.network.LayerInputs}, for the Gibbs blocks and the readout-marginal
 * potential). Workspace variants ({@link org.attnpaths.simulation.network.PotentialWorkspace})
 * allocate nothing.
 */
package org.attnpaths.simulation.network;
