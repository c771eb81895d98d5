/**
 * The one plug-in seam: components registered by name and found through ServiceLoader.
 *
 * <p>Public API of Gyrus as a Java library (docs/java-api.md): kept compatible within a version.
 */
package org.gyrus.core.plugin;
