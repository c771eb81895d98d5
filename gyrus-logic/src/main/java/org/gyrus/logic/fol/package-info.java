/**
 * First-order logic: TPTP and FOLIO parsers, LINC's protocol over the saturation prover.
 *
 * <p>Public API of Gyrus as a Java library (docs/java-api.md): kept compatible within a version.
 */
package org.gyrus.logic.fol;
