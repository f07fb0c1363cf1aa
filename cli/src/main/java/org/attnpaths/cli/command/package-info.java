/**
 * Subcommands, one class each ({@code Callable<Integer>} returning the exit code). A command
 * validates, calls the engine and hands results to {@code output}; it does no algebra.
 */
package org.attnpaths.cli.command;
