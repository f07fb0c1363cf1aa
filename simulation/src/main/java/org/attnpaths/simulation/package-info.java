/** Finite networks matching the theory's architecture, their samplers and training (issue 3). */
package org.attnpaths.simulation;
