/**
 * Specs compiled to DJL networks: block types, shape checks, the one-line notation.
 *
 * <p>Public API of Gyrus as a Java library (docs/java-api.md): kept compatible within a version.
 */
package org.gyrus.nn.blocks;
