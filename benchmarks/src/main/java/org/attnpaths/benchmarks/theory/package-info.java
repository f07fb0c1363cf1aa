/** Benchmarks of the theory engine at the scales issue 2 §9 names. */
package org.attnpaths.benchmarks.theory;
