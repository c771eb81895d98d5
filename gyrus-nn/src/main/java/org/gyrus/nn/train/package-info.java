/**
 * Recipes and the trainer: a concrete spec in, metrics (and kept weights) out.
 *
 * <p>Public API of Gyrus as a Java library (docs/java-api.md): kept compatible within a version.
 */
package org.gyrus.nn.train;
