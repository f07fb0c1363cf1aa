/** Special functions needed by the predictor statistics (the normal distribution function). */
package org.attnpaths.numerics.special;
