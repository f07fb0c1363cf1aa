/**
 * Readers of the result files (theory, simulate and prune JSON), shared by the report (module
 * cli) and the notebook export: each checks its schema and names the file and field on bad input.
 */
package org.attnpaths.notebooks.results;
