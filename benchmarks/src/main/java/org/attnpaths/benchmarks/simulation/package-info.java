/** Benchmarks of the finite-network samplers at the scales issue 3 §6 names. */
package org.attnpaths.benchmarks.simulation;
