/**
 * Data sets and their readers.
 *
 * <p>Public API of Gyrus as a Java library (docs/java-api.md): kept compatible within a version.
 */
package org.gyrus.nn.data;
