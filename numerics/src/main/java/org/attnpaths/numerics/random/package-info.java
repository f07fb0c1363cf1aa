/**
 * Seeded random streams built on {@link java.util.SplittableRandom}: standard normal draws by the
 * ziggurat method ({@link org.attnpaths.numerics.random.NormalSampler}). Generators take a
 * stream from the caller and never create unseeded ones, so every result is reproducible from its
 * seed.
 */
package org.attnpaths.numerics.random;
