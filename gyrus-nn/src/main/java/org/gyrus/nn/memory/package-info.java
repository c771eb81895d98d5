/**
 * Test-time memory (issue 19, B5): the {@code neural_memory} token mixer (Titans; Miras' Moneta,
 * Yaad, Memora) and the {@code recall_attention} baselines it is compared with on {@link
 * org.gyrus.nn.data.Mqar}.
 */
package org.gyrus.nn.memory;
