/**
 * Provenance semirings, by name through {@link org.gyrus.logic.datalog.provenance.Semirings}.
 *
 * <p>Public API of Gyrus as a Java library (docs/java-api.md): kept compatible within a version.
 */
package org.gyrus.logic.datalog.provenance;
