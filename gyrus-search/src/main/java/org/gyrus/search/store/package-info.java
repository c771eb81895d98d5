/**
 * Where studies live: memory, SQLite and PostgreSQL stores.
 *
 * <p>Public API of Gyrus as a Java library (docs/java-api.md): kept compatible within a version.
 */
package org.gyrus.search.store;
