/** Jupyter (.ipynb) export of result files (issue 4). */
package org.attnpaths.notebooks;
