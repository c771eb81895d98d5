/**
 * Hardware-aware architecture search: {@link org.gyrus.nas.CostModel}s (measured CPU latency of a
 * compiled network, an analytic NASAIC-style accelerator) and the network-accelerator co-search
 * evaluator {@code nb201_accelerator}.
 */
package org.gyrus.nas;
