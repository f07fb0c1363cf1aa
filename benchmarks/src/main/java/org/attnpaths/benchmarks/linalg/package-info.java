/**
 * JMH benchmarks of the linear-algebra backends ({@code org.attnpaths.numerics.linalg}): EJML
 * against native BLAS/LAPACK at the matrix sizes the theory meets (P×P kernels, P up to a few
 * thousand). Results and the commands that produced them are in {@code BENCHMARKS.md},
 * section "Linear-algebra backends".
 */
package org.attnpaths.benchmarks.linalg;
