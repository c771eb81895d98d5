/**
 * Kolmogorov–Arnold networks (B2): the {@code kan} and {@code skan} block types, B-spline bases,
 * grid update and extension by least squares, pruning, symbolic snapping, and L-BFGS over a block's
 * parameters.
 */
package org.gyrus.nn.kan;
