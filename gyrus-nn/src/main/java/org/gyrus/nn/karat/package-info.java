/**
 * Kolmogorov–Arnold attention (B3, Fourier KArAt): the {@code karat} block, multi-head attention
 * whose score-to-weight map is a learnable low-rank Fourier KAN instead of softmax, and the {@code
 * patches} ViT stem that turns an image into a sequence of patch tokens.
 */
package org.gyrus.nn.karat;
