/**
 * Search algorithms, by name through {@link org.gyrus.search.algo.Algorithms}.
 *
 * <p>Public API of Gyrus as a Java library (docs/java-api.md): kept compatible within a version.
 */
package org.gyrus.search.algo;
