/** JMH benchmarks of the performance targets recorded in BENCHMARKS.md. */
package org.attnpaths.benchmarks;
