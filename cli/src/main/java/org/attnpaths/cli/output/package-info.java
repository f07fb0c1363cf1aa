/**
 * What a run leaves behind: the console table, {@code theory.json} (schema
 * {@code attnpaths.theory/1}, documented in {@code src/site/markdown/theory-json.md}),
 * {@code theory.csv}, the provenance they carry, and atomic file writing.
 */
package org.attnpaths.cli.output;
