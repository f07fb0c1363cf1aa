/**
 * Figures and the HTML report drawn from result files ({@code theory.json},
 * {@code simulate.json}): one chart per class, rendered headless with JFreeChart to PNG and SVG
 * (JFreeSVG), a self-contained {@code index.html} and a CSV for every table. Readers validate the
 * schema first; nothing here solves or samples anything. Documented in
 * {@code src/site/markdown/report.md}.
 */
package org.attnpaths.cli.report;
