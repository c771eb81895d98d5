/**
 * Specs, hyper-values, spaces, DNA, serde and declared arguments.
 *
 * <p>Public API of Gyrus as a Java library (docs/java-api.md): kept compatible within a version.
 */
package org.gyrus.core;
