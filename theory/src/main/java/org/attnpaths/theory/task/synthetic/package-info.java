/** Synthetic tasks with random QK attention, for scaling studies and benchmarks. */
package org.attnpaths.theory.task.synthetic;
