/**
 * Explaining and verifying trained networks (issue 22): neural activation patterns checked by Z3
 * ({@link org.gyrus.nn.explain.NapMiner}, {@link org.gyrus.nn.explain.NapVerifier}), concept labels
 * for neurons, and attributions compared with a knowledge graph.
 */
package org.gyrus.nn.explain;
