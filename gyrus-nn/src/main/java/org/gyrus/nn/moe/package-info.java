/**
 * Emergent Mixture-of-Experts (B6): the {@code moe} block (top-k routed FFN experts), carving a
 * trained dense FFN into experts by balanced k-means of its first-layer rows, and the optional
 * load-balance loss as a training-step hook.
 */
package org.gyrus.nn.moe;
