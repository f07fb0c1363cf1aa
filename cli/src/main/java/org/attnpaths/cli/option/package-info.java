/**
 * Options shared between commands, as picocli {@code @Mixin}s: the task, the architecture, the
 * saddle-point solver, the run (backend, seed, output) and verbosity. Each mixin validates its own
 * values (naming the option and the offending value) and builds the engine's value objects.
 */
package org.attnpaths.cli.option;
