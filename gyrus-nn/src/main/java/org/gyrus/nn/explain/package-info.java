/**
 * Explaining and verifying trained networks (issue 22): neural activation patterns checked by an
 * exact MILP or Z3 ({@link org.gyrus.nn.explain.NapMiner}, {@link
 * org.gyrus.nn.explain.SpecVerifier}), concept labels for neurons, and attributions compared with a
 * knowledge graph.
 */
package org.gyrus.nn.explain;
