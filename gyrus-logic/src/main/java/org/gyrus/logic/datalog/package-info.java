/**
 * Datalog programs: parser and analysis.
 *
 * <p>Public API of Gyrus as a Java library (docs/java-api.md): kept compatible within a version.
 */
package org.gyrus.logic.datalog;
