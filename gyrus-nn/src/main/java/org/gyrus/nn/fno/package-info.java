/**
 * Fourier neural operators (B15): spectral convolution in 1-D and 2-D as truncated DFT matrix
 * products, the {@code spectral_conv} and {@code fno} block types, and the Burgers and Darcy
 * solvers that make their data.
 */
package org.gyrus.nn.fno;
