/**
 * The {@code attnpaths} command line: the top command, version, exit codes and error reporting.
 * Subcommands live in {@code command}, shared options in {@code option}, result files in
 * {@code output}.
 */
package org.attnpaths.cli;
