/**
 * Studies, trials, experiments, evaluators and the component kinds of search.
 *
 * <p>Public API of Gyrus as a Java library (docs/java-api.md): kept compatible within a version.
 */
package org.gyrus.search;
